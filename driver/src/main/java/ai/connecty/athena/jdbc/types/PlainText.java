package ai.connecty.athena.jdbc.types;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Parsers for the plain shapes in which Athena prints almost every number and date: ASCII digits with an
 * optional sign, {@code 1.5E-3}, {@code 2024-01-31}, {@code 2024-01-31 12:34:56.789}. They read a value's bytes
 * ({@link TextSlice}) once, allocate nothing, and answer "not plain" for everything else (white space, other digits, words,
 * values at a range's edge, dates before 1901 or in a DST gap or overlap) so that the caller hands that text
 * to the general parser of {@link TypeConversions}, which decides it, with its error messages. A plain answer
 * is always the value the general parser would give for the same text.
 */
final class PlainText {
    /** What {@link #parseLong} and the date parsers answer for text that is not plain. */
    static final long NOT_PLAIN = Long.MIN_VALUE;

    /** Integers up to 2^53 are exact doubles; with a power of ten up to 10^22 (also exact) one operation rounds right. */
    private static final long EXACT_MANTISSA = 1L << 53;
    private static final double[] EXACT_POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    };
    /**
     * java.sql dates are placed in a zone by a GregorianCalendar, whose zone data start at 1900-01-01T00:00Z (before
     * that it uses the zone's standard offset, not the local mean time java.time knows): from 1901 on both agree.
     */
    private static final int FIRST_PLAIN_YEAR = 1901;
    private static final int LAST_PLAIN_YEAR = 9999;

    private PlainText() {
    }

    /** The index after the optional sign ({@code -} or {@code +}) at {@code b[from]}. */
    private static int afterSign(byte[] b, int from, int end) {
        return from < end && (b[from] == '-' || b[from] == '+') ? from + 1 : from;
    }

    /**
     * An optional sign and 1 to 18 ASCII digits (so no overflow is possible), or {@link #NOT_PLAIN}. Long.MIN_VALUE
     * itself has 19 digits, so it is never a plain answer.
     */
    static long parseLong(TextSlice text) {
        byte[] b = text.array();
        int end = text.offset() + text.length();
        int i = afterSign(b, text.offset(), end);
        boolean negative = i > text.offset() && b[text.offset()] == '-';
        if (end == i || end - i > 18) {
            return NOT_PLAIN;
        }
        long value = AsciiBytes.digits(b, i, end);
        if (value < 0) {
            return NOT_PLAIN;
        }
        return negative ? -value : value;
    }

    /**
     * A decimal as Athena prints one ({@code [+-]digits[.digits]}, either run may be empty but not both, at most 18
     * digits in all) with the scale of its fraction, as {@code new BigDecimal(text)} reads it; null for any other
     * text (an exponent, more digits, white space), which the caller hands to that general parser.
     */
    static BigDecimal parseDecimal(TextSlice text) {
        byte[] b = text.array();
        int end = text.offset() + text.length();
        int i = afterSign(b, text.offset(), end);
        boolean negative = i > text.offset() && b[text.offset()] == '-';
        int point = AsciiBytes.indexOf(b, i, end, (byte) '.'); // end when there is none
        int scale = point == end ? 0 : end - point - 1;
        int integerEnd = point;
        int digits = integerEnd - i + scale;
        if (digits == 0 || digits > 18) {
            return null;
        }
        long integer = integerEnd == i ? 0 : AsciiBytes.digits(b, i, integerEnd);
        long fraction = scale == 0 ? 0 : AsciiBytes.digits(b, point + 1, end);
        if (integer < 0 || fraction < 0) {
            return null;
        }
        long unscaled = integer * AsciiBytes.POWERS_OF_TEN[scale] + fraction;
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
    }

    /**
     * A decimal number ({@code [+-]digits[.digits][(e|E)[+-]digits]}, at least one digit before the exponent, at
     * most 4 exponent digits) as the nearest double; NaN when the text has another shape (the caller then asks
     * the general parser, which also reads the words NaN and Infinity). May be infinite for a finite number
     * beyond a double's range, which the caller refuses as an overflow.
     */
    static double parseDouble(TextSlice text) {
        byte[] b = text.array();
        int end = text.offset() + text.length();
        int i = afterSign(b, text.offset(), end);
        boolean negative = i > text.offset() && b[text.offset()] == '-';
        // One pass, digit by digit: measured faster here than finding the digit runs first and reading them
        // eight at a time (AsciiBytes.digits), as a double's runs are short and of varying length.
        long mantissa = 0;
        boolean exact = true;
        int digits = 0;
        int scale = 0;
        boolean fraction = false; // past the point: each digit kept lowers the scale
        for (; i < end; i++) {
            int digit = b[i] - '0';
            if (digit < 0 || digit > 9) {
                if (b[i] != '.' || fraction) {
                    break;
                }
                fraction = true;
                continue;
            }
            digits++;
            if (mantissa < EXACT_MANTISSA / 10) {
                mantissa = mantissa * 10 + digit;
                if (fraction) {
                    scale--;
                }
            } else {
                exact = false;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < end && (b[i] == '-' || b[i] == '+')) {
                negativeExponent = b[i] == '-';
                i++;
            }
            int exponentStart = i;
            int exponent = 0;
            for (; i < end; i++) {
                int digit = b[i] - '0';
                if (digit < 0 || digit > 9) {
                    return Double.NaN;
                }
                exponent = exponent * 10 + digit;
            }
            if (i == exponentStart || i - exponentStart > 4) {
                return Double.NaN;
            }
            scale += negativeExponent ? -exponent : exponent;
        }
        if (i != end) {
            return Double.NaN;
        }
        if (!exact || scale < -22 || scale > 22) {
            return Double.parseDouble(text.toString()); // the shape is checked: this parses, and rounds right
        }
        double value = scale < 0 ? mantissa / EXACT_POWERS_OF_TEN[-scale] : mantissa * EXACT_POWERS_OF_TEN[scale];
        return negative ? -value : value;
    }

    /**
     * The last wall time placed in a zone, and its epoch second: a column of dates or timestamps often repeats
     * one (a day, a load time), and then neither a LocalDateTime nor the zone's rules are needed again.
     */
    static final class LastWallTime {
        private ZoneId zone;
        private long wallTime = -1;
        private long epochSecond;
    }

    /**
     * {@code yyyy-MM-dd}, or with {@code withTime} also {@code yyyy-MM-dd HH:mm:ss} with 0 to 9 fraction digits
     * after a point, as the epoch second of that wall time in {@code zone} (which must have one offset for it),
     * or {@link #NOT_PLAIN}. The fraction's nanoseconds go to {@code nanos[0]};
     * {@code last} remembers the last answer.
     */
    static long epochSecond(TextSlice slice, boolean withTime, ZoneId zone, int[] nanos, LastWallTime last) {
        byte[] text = slice.array();
        int at = slice.offset();
        int length = slice.length();
        if (length != 10 && !(withTime && (length == 19 || (length >= 21 && length <= 29)))) {
            return NOT_PLAIN;
        }
        int year = digits(text, at, 4);
        int month = text[at + 4] == '-' ? digits(text, at + 5, 2) : -1;
        int day = text[at + 7] == '-' ? digits(text, at + 8, 2) : -1;
        if (year < FIRST_PLAIN_YEAR || year > LAST_PLAIN_YEAR || month < 1 || month > 12 || day < 1
                || day > daysIn(year, month)) {
            return NOT_PLAIN; // the general parser refuses a day that does not exist (STRICT), with its message
        }
        int hour = 0;
        int minute = 0;
        int second = 0;
        int nano = 0;
        if (length > 10) {
            if (text[at + 10] != ' ' || text[at + 13] != ':' || text[at + 16] != ':') {
                return NOT_PLAIN;
            }
            hour = digits(text, at + 11, 2);
            minute = digits(text, at + 14, 2);
            second = digits(text, at + 17, 2);
            if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
                return NOT_PLAIN;
            }
            if (length > 19) {
                if (text[at + 19] != '.') {
                    return NOT_PLAIN;
                }
                int fraction = digits(text, at + 20, length - 20);
                if (fraction < 0) {
                    return NOT_PLAIN;
                }
                nano = fraction;
                for (int i = length - 20; i < 9; i++) {
                    nano *= 10;
                }
            }
        }
        // Digits of the wall time side by side: yyyyMMddHHmmss.
        long wallTime = ((year * 100L + month) * 100 + day) * 1_000_000L + hour * 10_000 + minute * 100 + second;
        if (wallTime == last.wallTime && zone.equals(last.zone)) {
            nanos[0] = nano;
            return last.epochSecond;
        }
        LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second);
        ZoneRules rules = zone.getRules();
        ZoneOffset offset;
        if (rules.isFixedOffset()) {
            offset = rules.getOffset(local);
        } else {
            List<ZoneOffset> offsets = rules.getValidOffsets(local);
            if (offsets.size() != 1) {
                return NOT_PLAIN; // a DST gap or overlap: the calendar's own rule decides
            }
            offset = offsets.get(0);
        }
        nanos[0] = nano;
        last.zone = zone;
        last.wallTime = wallTime;
        last.epochSecond = local.toEpochSecond(offset);
        return last.epochSecond;
    }

    private static int daysIn(int year, int month) {
        if (month == 2) {
            return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /** The value of {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(byte[] text, int from, int count) {
        return (int) AsciiBytes.digits(text, from, from + count);
    }
}
