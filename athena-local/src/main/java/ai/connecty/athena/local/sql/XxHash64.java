package ai.connecty.athena.local.sql;

/**
 * XXH64 (Yann Collet's xxHash, 64-bit), which Trino's xxhash64 computes with seed 0 (airlift's XxHash64); words are read
 * little-endian. {@code xxhash64('')} is {@code EF46DB3751D8E999}.
 */
final class XxHash64 {
    private static final long P1 = 0x9E3779B185EBCA87L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;
    private static final long P3 = 0x165667B19E3779F9L;
    private static final long P4 = 0x85EBCA77C2B2AE63L;
    private static final long P5 = 0x27D4EB2F165667C5L;

    private XxHash64() {
    }

    static long hash(byte[] data, long seed) {
        int length = data.length;
        int p = 0;
        long h;
        if (length >= 32) {
            long v1 = seed + P1 + P2;
            long v2 = seed + P2;
            long v3 = seed;
            long v4 = seed - P1;
            for (int limit = length - 32; p <= limit; p += 32) {
                v1 = round(v1, word(data, p));
                v2 = round(v2, word(data, p + 8));
                v3 = round(v3, word(data, p + 16));
                v4 = round(v4, word(data, p + 24));
            }
            h = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
            h = merge(h, v1);
            h = merge(h, v2);
            h = merge(h, v3);
            h = merge(h, v4);
        } else {
            h = seed + P5;
        }
        h += length;
        for (; p + 8 <= length; p += 8) {
            h ^= round(0, word(data, p));
            h = Long.rotateLeft(h, 27) * P1 + P4;
        }
        if (p + 4 <= length) {
            long k = 0;
            for (int i = 3; i >= 0; i--) {
                k = (k << 8) | (data[p + i] & 0xFFL);
            }
            h ^= k * P1;
            h = Long.rotateLeft(h, 23) * P2 + P3;
            p += 4;
        }
        for (; p < length; p++) {
            h ^= (data[p] & 0xFFL) * P5;
            h = Long.rotateLeft(h, 11) * P1;
        }
        h ^= h >>> 33;
        h *= P2;
        h ^= h >>> 29;
        h *= P3;
        h ^= h >>> 32;
        return h;
    }

    private static long round(long accumulator, long input) {
        return Long.rotateLeft(accumulator + input * P2, 31) * P1;
    }

    private static long merge(long accumulator, long value) {
        return (accumulator ^ round(0, value)) * P1 + P4;
    }

    private static long word(byte[] data, int offset) {
        long w = 0;
        for (int i = 7; i >= 0; i--) {
            w = (w << 8) | (data[offset + i] & 0xFFL);
        }
        return w;
    }
}
