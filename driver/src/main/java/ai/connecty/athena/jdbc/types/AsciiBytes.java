package ai.connecty.athena.jdbc.types;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight bytes at a time over the result file's ASCII: finding the next quote and reading a run of digits take
 * one 64-bit load and a few arithmetic steps per eight bytes instead of a branch (or a multiply-add chain) per
 * byte. These loops are what the S3 source and the typed getters spend most of their time in; the tricks are
 * the classic SWAR ones (a zero-byte test, and combining digit pairs, then quads, then octets). Every method
 * falls back to a byte loop near an array's ends, so no read goes outside the array.
 */
public final class AsciiBytes {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long ZEROS = 0x3030303030303030L;
    /** 10^0 to 10^18, every power of ten a long holds; {@link PlainText} scales decimals with it too. */
    static final long[] POWERS_OF_TEN = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L, 10_000_000_000L,
        100_000_000_000L, 1_000_000_000_000L, 10_000_000_000_000L, 100_000_000_000_000L, 1_000_000_000_000_000L,
        10_000_000_000_000_000L, 100_000_000_000_000_000L, 1_000_000_000_000_000_000L,
    };

    private AsciiBytes() {
    }

    /** The index of the first {@code target} byte in {@code b[from, limit)}, or {@code limit} if there is none. */
    public static int indexOf(byte[] b, int from, int limit, byte target) {
        long pattern = ONES * (target & 0xff);
        int i = from;
        for (; i + 8 <= limit; i += 8) {
            long x = (long) LONGS.get(b, i) ^ pattern;
            // A byte of x is zero where b holds the target; the lowest flagged byte is exact (borrows only run upwards).
            long zeros = (x - ONES) & ~x & HIGHS;
            if (zeros != 0) {
                return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
        }
        while (i < limit && b[i] != target) {
            i++;
        }
        return i;
    }

    /**
     * The value of the ASCII digits {@code b[from, to)} (1 to 18 of them, so that it cannot overflow), or -1 if a
     * byte there is not a digit.
     */
    static long digits(byte[] b, int from, int to) {
        int n = to - from;
        if (n > 0 && n <= 8 && to >= 8) {
            long chunk = padded((long) LONGS.get(b, to - 8), n);
            return isEightDigits(chunk) ? eightDigits(chunk) : -1;
        }
        if (n > 8 && n <= 16) {
            long high = (long) LONGS.get(b, from);
            long low = padded((long) LONGS.get(b, to - 8), n - 8);
            return isEightDigits(high) && isEightDigits(low) ? eightDigits(high) * POWERS_OF_TEN[n - 8] + eightDigits(low) : -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = b[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** The eight bytes ending with {@code n} digits, the bytes before them replaced by '0's (leading zeros). */
    private static long padded(long chunk, int n) {
        long before = (1L << ((8 - n) * 8)) - 1; // n == 8: 1 << 0, so no byte is replaced
        return (chunk & ~before) | (ZEROS & before);
    }

    private static boolean isEightDigits(long chunk) {
        // '0'..'9' is 0x30..0x39: the high nibble is 3, and adding 6 keeps it 3.
        return ((chunk & 0xF0F0F0F0F0F0F0F0L) | (((chunk + 0x0606060606060606L) & 0xF0F0F0F0F0F0F0F0L) >>> 4))
                == 0x3333333333333333L;
    }

    /** Eight ASCII digits, the first in the lowest byte, as their value. */
    private static long eightDigits(long chunk) {
        long v = chunk - ZEROS;
        v = v * 10 + (v >>> 8); // each 16-bit lane's low byte: two digits
        v = (((v & 0x000000FF000000FFL) * (100 + (1_000_000L << 32)))
                + (((v >>> 16) & 0x000000FF000000FFL) * (1 + (10_000L << 32)))) >>> 32;
        return v & 0xFFFFFFFFL;
    }
}
