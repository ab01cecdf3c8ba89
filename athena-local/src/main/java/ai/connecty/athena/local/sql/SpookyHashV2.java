package ai.connecty.athena.local.sql;

/**
 * Bob Jenkins' SpookyHash V2 (public domain), which Trino's spooky_hash_v2_32 and spooky_hash_v2_64 compute with seed 0
 * (through airlift's slice library). Messages below 192 bytes take the short path (4 words of state), longer ones the
 * 12-word block path. Words are read little-endian. Checked against the 512 results of Jenkins' own TestResults.
 */
final class SpookyHashV2 {
    private static final long CONST = 0xdeadbeefdeadbeefL;
    private static final int BLOCK = 96;
    private static final int SHORT_LIMIT = 192;
    private static final int[] MIX_ROTATIONS = {11, 32, 43, 31, 17, 28, 39, 57, 55, 54, 22, 46};
    private static final int[] END_ROTATIONS = {44, 15, 34, 21, 38, 33, 10, 13, 38, 53, 42, 54};

    private SpookyHashV2() {
    }

    /** The first 64 bits of the 128-bit hash with both seeds {@code seed}. */
    static long hash64(byte[] data, long seed) {
        return hash128(data, seed, seed)[0];
    }

    /** The low 32 bits of {@link #hash64}. */
    static int hash32(byte[] data, long seed) {
        return (int) hash64(data, seed);
    }

    static long[] hash128(byte[] data, long seed1, long seed2) {
        if (data.length < SHORT_LIMIT) {
            return shortHash(data, seed1, seed2);
        }
        long[] h = new long[12];
        for (int i = 0; i < 12; i += 3) {
            h[i] = seed1;
            h[i + 1] = seed2;
            h[i + 2] = CONST;
        }
        long[] words = new long[12];
        int blocks = data.length / BLOCK;
        for (int b = 0; b < blocks; b++) {
            for (int i = 0; i < 12; i++) {
                words[i] = word(data, b * BLOCK + i * 8);
            }
            mix(words, h);
        }
        int remainder = data.length - blocks * BLOCK;
        byte[] last = new byte[BLOCK];
        System.arraycopy(data, blocks * BLOCK, last, 0, remainder);
        last[BLOCK - 1] = (byte) remainder;
        for (int i = 0; i < 12; i++) {
            h[i] += word(last, i * 8);
        }
        endPartial(h);
        endPartial(h);
        endPartial(h);
        return new long[] {h[0], h[1]};
    }

    private static void mix(long[] d, long[] s) {
        for (int i = 0; i < 12; i++) {
            s[i] += d[i];
            s[(i + 2) % 12] ^= s[(i + 10) % 12];
            s[(i + 11) % 12] ^= s[i];
            s[i] = Long.rotateLeft(s[i], MIX_ROTATIONS[i]);
            s[(i + 11) % 12] += s[(i + 1) % 12];
        }
    }

    private static void endPartial(long[] h) {
        for (int i = 0; i < 12; i++) {
            h[(i + 11) % 12] += h[(i + 1) % 12];
            h[(i + 2) % 12] ^= h[(i + 11) % 12];
            h[(i + 1) % 12] = Long.rotateLeft(h[(i + 1) % 12], END_ROTATIONS[i]);
        }
    }

    private static long[] shortHash(byte[] data, long seed1, long seed2) {
        long[] v = {seed1, seed2, CONST, CONST};
        int length = data.length;
        int remainder = length % 32;
        int p = 0;
        if (length > 15) {
            for (int end = (length / 32) * 32; p < end; p += 32) {
                v[2] += word(data, p);
                v[3] += word(data, p + 8);
                shortMix(v);
                v[0] += word(data, p + 16);
                v[1] += word(data, p + 24);
            }
            if (remainder >= 16) {
                v[2] += word(data, p);
                v[3] += word(data, p + 8);
                shortMix(v);
                p += 16;
                remainder -= 16;
            }
        }
        v[3] += ((long) length) << 56;
        if (remainder == 0) {
            v[2] += CONST;
            v[3] += CONST;
        } else {
            // the tail's first 8 bytes go to c, the rest to d, little-endian
            for (int i = 0; i < remainder; i++) {
                long b = data[p + i] & 0xFFL;
                if (i < 8) {
                    v[2] += b << (8 * i);
                } else {
                    v[3] += b << (8 * (i - 8));
                }
            }
        }
        shortEnd(v);
        return new long[] {v[0], v[1]};
    }

    private static void shortMix(long[] h) {
        int[] rotations = {50, 52, 30, 41, 54, 48, 38, 37, 62, 34, 5, 36};
        for (int i = 0; i < 12; i++) {
            int x = (i + 2) % 4;
            h[x] = Long.rotateLeft(h[x], rotations[i]);
            h[x] += h[(x + 1) % 4];
            h[(x + 2) % 4] ^= h[x];
        }
    }

    private static void shortEnd(long[] h) {
        int[] rotations = {15, 52, 26, 51, 28, 9, 47, 54, 32, 25, 63};
        for (int i = 0; i < 11; i++) {
            int x = (i + 2) % 4;
            h[(x + 1) % 4] ^= h[x];
            h[x] = Long.rotateLeft(h[x], rotations[i]);
            h[(x + 1) % 4] += h[x];
        }
    }

    private static long word(byte[] data, int offset) {
        long w = 0;
        for (int i = 7; i >= 0; i--) {
            w = (w << 8) | (data[offset + i] & 0xFFL);
        }
        return w;
    }
}
