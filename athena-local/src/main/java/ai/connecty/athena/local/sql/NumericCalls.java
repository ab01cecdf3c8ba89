package ai.connecty.athena.local.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Trino's numeric functions where DuckDB's namesake answers otherwise or DuckDB has none: the domain of acos/asin
 * and the logarithms (NaN and -Infinity as Java's Math, not errors), cbrt, sign and ceiling/floor types, the bitwise
 * shifts, numbers read from text and bytes (from_base, from_big_endian_*, from_ieee754_*, from_base64url) and the
 * fields of a day-to-second interval. Each method returns the DuckDB text of a call; the Java functions it uses are
 * registered on every DuckDB connection by {@link JavaFunctions}. TrinoFunctionsAuditAtoLTest and
 * TrinoFunctionsAuditMtoZTest check them against Trino's documentation and code.
 */
final class NumericCalls {

    static final String CBRT = "athena_cbrt";
    static final String SHIFT = "athena_bitwise_shift";
    static final String FROM_BASE = "athena_from_base";
    static final String BIG_ENDIAN = "athena_from_big_endian";
    static final String IEEE754 = "athena_from_ieee754";
    static final String BASE64URL_HEX = "athena_from_base64url_hex";
    static final String TO_BASE = "athena_to_base";
    static final String LOG = "athena_log";

    private NumericCalls() {
    }

    static void register(Connection duck) throws SQLException {
        JavaFunctions.ofText(duck, CBRT, Double.class, x -> Math.cbrt(Double.parseDouble(x)));
        JavaFunctions.ofTextList(duck, SHIFT, Long.class, NumericCalls::shift);
        JavaFunctions.ofTexts(duck, FROM_BASE, Long.class, NumericCalls::fromBase);
        JavaFunctions.ofText(duck, BIG_ENDIAN, Long.class, hex -> new java.math.BigInteger(hex.isEmpty() ? "0" : hex, 16)
                .longValue() << (64 - hex.length() * 4) >> (64 - hex.length() * 4));
        JavaFunctions.ofText(duck, IEEE754, Double.class, hex -> hex.length() == 8
                ? (double) Float.intBitsToFloat(Integer.parseUnsignedInt(hex, 16))
                : Double.longBitsToDouble(Long.parseUnsignedLong(hex, 16)));
        JavaFunctions.ofText(duck, BASE64URL_HEX, String.class, NumericCalls::base64UrlHex);
        JavaFunctions.ofTexts(duck, TO_BASE, String.class, (value, radix) ->
                Long.toString(Long.parseLong(value), Integer.parseInt(radix)));
        JavaFunctions.ofDoubles(duck, LOG, a -> Math.log(a[1]) / Math.log(a[0]));
    }

    /**
     * Trino's acos/asin are Java's Math.acos/asin: NaN outside [-1, 1] (MathFunctions); DuckDB fails with
     * {@code ACOS is undefined outside [-1,1]}.
     */
    static String unitDomain(String name, String x) {
        return "CASE WHEN (" + x + ") BETWEEN -1 AND 1 THEN " + name + "(" + x + ") WHEN (" + x
                + ") IS NOT NULL THEN CAST('NaN' AS DOUBLE) END";
    }

    /**
     * Trino's ln/log2/log10 are Java's Math.log (MathFunctions): -Infinity at 0 and NaN below 0; DuckDB fails with
     * {@code cannot take logarithm of zero} / {@code … of a negative number}.
     */
    static String logarithm(String name, String x) {
        return "CASE WHEN (" + x + ") = 0 THEN CAST('-Infinity' AS DOUBLE) WHEN (" + x
                + ") < 0 THEN CAST('NaN' AS DOUBLE) ELSE " + name + "(" + x + ") END";
    }

    /**
     * Trino's day/hour of an interval day to second are its fields (DateTimeFunctions: millis / day, millis % day /
     * hour); DuckDB's read the interval's day part (0 for {@code INTERVAL '3 04:05:06' DAY TO SECOND}, which it keeps
     * as microseconds) and count hours past 24.
     */
    static String intervalField(String name, Calls.Arg x) {
        if (!x.isA("interval day to second")) {
            return name + "(" + x.sql() + ")";
        }
        String millis = "CAST(round(epoch(" + x.sql() + ") * 1000) AS BIGINT)";
        return switch (name) {
            case "day" -> "(" + millis + " // 86400000)";
            default -> "((" + millis + " % 86400000) // 3600000)";
        };
    }

    /** Whether {@code x} is known to be a tinyint…bigint. */
    static boolean isInteger(Calls.Arg x) {
        return CommonSuperType.INTEGRAL.stream().anyMatch(x::isA);
    }

    /**
     * Trino's bitwise_left_shift, bitwise_right_shift and bitwise_right_shift_arithmetic (BitwiseFunctions): Java's
     * shifts, 0 (or -1 for a negative value shifted arithmetically) from a shift of 64 on, the narrower types
     * masked to their width with their sign kept. DuckDB has none of them.
     */
    static String shiftCall(String name, List<Calls.Arg> a) {
        SqlType type = a.get(0).type();
        int bits = type == null ? 64 : type.is("tinyint") ? 8 : type.is("smallint") ? 16 : type.is("integer") ? 32 : 64;
        String duckType = switch (bits) {
            case 8 -> "TINYINT";
            case 16 -> "SMALLINT";
            case 32 -> "INTEGER";
            default -> "BIGINT";
        };
        return "CAST(" + SHIFT + "('" + name + "', CAST(" + a.get(0).sql() + " AS VARCHAR), CAST(" + a.get(1).sql()
                + " AS VARCHAR), '" + bits + "') AS " + duckType + ")";
    }

    static Long shift(Object[] arguments) {
        if (arguments[1] == null || arguments[2] == null) {
            return null;
        }
        String name = (String) arguments[0];
        long value = Long.parseLong((String) arguments[1]);
        long shift = Long.parseLong((String) arguments[2]);
        int bits = Integer.parseInt((String) arguments[3]);
        long mask = bits == 64 ? -1L : (1L << bits) - 1;
        long signBit = bits == 64 ? Long.MIN_VALUE : 1L << (bits - 1);
        return switch (name) {
            case "bitwise_left_shift" -> shift >= 64 ? 0L : preserveSign(value << shift, mask, signBit);
            case "bitwise_right_shift" -> shift >= 64 ? 0L : preserveSign((value & mask) >>> shift, mask, signBit);
            default -> shift >= 64 ? (value >= 0 ? 0L : -1L) : preserveSign(value >> shift, mask, signBit);
        };
    }

    /** As Trino's BitwiseFunctions.preserveSign. */
    private static long preserveSign(long shifted, long mask, long signBit) {
        return (shifted & signBit) != 0 ? shifted | ~mask : shifted & mask;
    }

    /**
     * Trino's from_base (StringFunctions... MathFunctions.fromBase): Long.parseLong, a radix from 2 to 36, failing
     * with INVALID_FUNCTION_ARGUMENT {@code Not a valid base-16 number: zz}.
     */
    static String fromBaseCall(List<Calls.Arg> a) {
        String v = "(" + a.get(0).sql() + ")";
        String radix = "(" + a.get(1).sql() + ")";
        return "CASE WHEN " + v + " IS NULL OR " + radix + " IS NULL THEN NULL WHEN " + radix + " < 2 OR " + radix
                + " > 36 THEN " + RaisedErrors.invalidArgument("Radix must be between 2 and 36")
                + " ELSE coalesce(" + FROM_BASE + "(" + v + ", CAST(" + radix + " AS VARCHAR)), "
                + RaisedErrors.raise("INVALID_FUNCTION_ARGUMENT", "'Not a valid base-' || " + radix
                        + " || ' number: ' || " + v) + ") END";
    }

    static Long fromBase(String value, String radix) {
        try {
            return Long.parseLong(value, Integer.parseInt(radix));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Trino's from_big_endian_32/64 (VarbinaryFunctions): an integer/bigint of exactly 4/8 bytes, else
     * INVALID_FUNCTION_ARGUMENT {@code expected 4-byte input, but got instead: 1}.
     */
    static String bigEndianCall(int bytes, String x) {
        return "CASE WHEN octet_length(" + x + ") <> " + bytes + " THEN "
                + RaisedErrors.raise("INVALID_FUNCTION_ARGUMENT", "'expected " + bytes
                        + "-byte input, but got instead: ' || octet_length(" + x + ")")
                + " ELSE CAST(" + BIG_ENDIAN + "(hex(" + x + ")) AS " + (bytes == 4 ? "INTEGER" : "BIGINT") + ") END";
    }

    /**
     * Trino's from_ieee754_32/64 (VarbinaryFunctions): a real/double of exactly 4/8 bytes, else
     * INVALID_FUNCTION_ARGUMENT {@code Input floating-point value must be exactly 4 bytes long}.
     */
    static String ieee754Call(int bytes, String x) {
        return "CASE WHEN octet_length(" + x + ") <> " + bytes + " THEN "
                + RaisedErrors.invalidArgument("Input floating-point value must be exactly "
                        + bytes + " bytes long")
                + " ELSE CAST(" + IEEE754 + "(hex(" + x + ")) AS " + (bytes == 4 ? "FLOAT" : "DOUBLE") + ") END";
    }

    /** Trino's from_base64url decodes with Java's URL decoder (padding optional); DuckDB has no such function. */
    static String fromBase64UrlCall(String x) {
        return "CASE WHEN (" + x + ") IS NOT NULL THEN unhex(coalesce(" + BASE64URL_HEX + "(CAST(" + x
                + " AS VARCHAR)), " + RaisedErrors.invalidArgument("Illegal base64 character")
                + ")) END";
    }

    static String base64UrlHex(String text) {
        try {
            return HexFormat.of().formatHex(Base64.getUrlDecoder().decode(text));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Trino's sign (MathFunctions) returns its argument's type: an integer for an integer, a bigint for a bigint, a
     * decimal(1,0) for a decimal, and NaN for NaN and -0.0 for -0.0 (Math.signum); DuckDB's is a tinyint, 0 for NaN.
     */
    static String sign(List<Calls.Arg> a) {
        String x = "(" + a.get(0).sql() + ")";
        String sign = "sign(" + x + ")";
        if (a.get(0).isA("double")) {
            return "CASE WHEN isnan(" + x + ") OR " + x + " = 0 THEN " + x + " ELSE CAST(" + sign + " AS DOUBLE) END";
        }
        if (a.get(0).isA("real") || a.get(0).isA("float")) {
            return "CASE WHEN isnan(" + x + ") OR " + x + " = 0 THEN " + x + " ELSE CAST(" + sign + " AS FLOAT) END";
        }
        for (String[] type : new String[][] {{"integer", "INTEGER"}, {"bigint", "BIGINT"}, {"smallint", "SMALLINT"},
                {"decimal", "DECIMAL(1, 0)"}}) {
            if (a.get(0).isA(type[0])) {
                return "CAST(" + sign + " AS " + type[1] + ")";
            }
        }
        return sign;
    }

    /**
     * Trino's bit_count(x, bits): the one bits of x as a {@code bits}-bit two's complement number (DuckDB's bit_count
     * takes x alone, as 64 bits), failing as Trino's BitwiseFunctions do for a width outside 2..64 or an x the width
     * cannot hold.
     */
    static String bitCount(List<Calls.Arg> a) {
        if (a.size() != 2) {
            throw new UnsupportedSqlException("bit_count() with " + a.size() + " argument(s)");
        }
        String x = "CAST(" + a.get(0).sql() + " AS BIGINT)";
        String bits = "(" + a.get(1).sql() + ")";
        String low = "((1::BIGINT << (" + bits + " - 1)) - 1)";
        return "CAST(CASE WHEN " + bits + " = 64 THEN bit_count(" + x + ") WHEN " + bits + " < 2 OR " + bits + " > 64 THEN "
                + RaisedErrors.raise("INVALID_FUNCTION_ARGUMENT",
                        "'Bits specified in bit_count must be between 2 and 64, got ' || " + bits)
                + " WHEN " + x + " > " + low + " OR " + x + " < ~" + low + " THEN "
                + RaisedErrors.raise("INVALID_FUNCTION_ARGUMENT", "'Number must be representable with the bits "
                        + "specified. ' || " + x + " || ' can not be represented with ' || " + bits + " || ' bits'")
                + " ELSE bit_count(" + x + " & ((1::BIGINT << " + bits + ") - 1)) END AS BIGINT)";
    }

    /**
     * Trino's width_bucket(x, bound1, bound2, n): the bucket of x among n equal-width buckets between the bounds (0
     * below, n + 1 at or above; counted from bound1, so reversed bounds count down), with the argument errors of
     * Trino's MathFunctions. The array form (width_bucket(x, bins)) is not translated.
     */
    static String widthBucket(List<Calls.Arg> a) {
        if (a.size() != 4) {
            throw new UnsupportedSqlException("width_bucket() with " + a.size() + " argument(s)");
        }
        String x = "CAST(" + a.get(0).sql() + " AS DOUBLE)";
        String b1 = "CAST(" + a.get(1).sql() + " AS DOUBLE)";
        String b2 = "CAST(" + a.get(2).sql() + " AS DOUBLE)";
        String n = "CAST(" + a.get(3).sql() + " AS BIGINT)";
        String lower = "least(" + b1 + ", " + b2 + ")";
        String upper = "greatest(" + b1 + ", " + b2 + ")";
        String bucket = "CASE WHEN " + x + " < " + lower + " THEN 0 WHEN " + x + " >= " + upper + " THEN " + n
                + " + 1 ELSE CAST(floor(" + n + " * (" + x + " - " + lower + ") / (" + upper + " - " + lower
                + ") + 1) AS BIGINT) END";
        return "CASE WHEN " + n + " <= 0 THEN " + RaisedErrors.invalidArgument("bucketCount must be greater than 0")
                + " WHEN isnan(" + x + ") THEN " + RaisedErrors.invalidArgument("operand must not be NaN")
                + " WHEN NOT isfinite(" + b1 + ") THEN " + RaisedErrors.invalidArgument("first bound must be finite")
                + " WHEN NOT isfinite(" + b2 + ") THEN " + RaisedErrors.invalidArgument("second bound must be finite")
                + " WHEN " + b1 + " = " + b2 + " THEN " + RaisedErrors.invalidArgument("bounds cannot equal each other")
                + " WHEN " + b1 + " > " + b2 + " THEN " + n + " + 1 - (" + bucket + ") ELSE " + bucket + " END";
    }

    /**
     * Trino's to_base(x, radix) (MathFunctions.toBase): Java's Long.toString, lower case with a minus sign, a
     * varchar(64); a radix outside 2..36 fails with INVALID_FUNCTION_ARGUMENT. DuckDB's to_base refuses negative
     * numbers and words its radix error otherwise (GENERIC_USER_ERROR).
     */
    static String toBaseCall(List<Calls.Arg> a) {
        String v = "(" + a.get(0).sql() + ")";
        String radix = "(" + a.get(1).sql() + ")";
        return "CASE WHEN " + v + " IS NULL OR " + radix + " IS NULL THEN NULL WHEN " + radix + " < 2 OR " + radix
                + " > 36 THEN " + RaisedErrors.invalidArgument("Radix must be between 2 and 36") + " ELSE " + TO_BASE
                + "(CAST(CAST(" + v + " AS BIGINT) AS VARCHAR), CAST(" + radix + " AS VARCHAR)) END";
    }

    /**
     * Trino's log(b, x) is Math.log(x) / Math.log(b) in doubles (MathFunctions.log): Infinity for base 1, -0.0 for
     * base 0, NaN below 0. DuckDB's division by the zero logarithm of 1 gave NULL.
     */
    static String logCall(List<Calls.Arg> a) {
        if (a.size() != 2) {
            return "log(" + a.get(0).sql() + ")";
        }
        return LOG + "(CAST(" + a.get(0).sql() + " AS DOUBLE), CAST(" + a.get(1).sql() + " AS DOUBLE))";
    }

    /**
     * Trino's round(x, d) of a tinyint or smallint (MathFunctions.roundTinyint/roundSmallint) rounds half away from
     * zero as a bigint, then fails with NUMERIC_VALUE_OUT_OF_RANGE {@code Out of range for tinyint: 130} where the
     * result leaves the type; DuckDB's wrapped around ({@code round(TINYINT '127', -1)} gave -126). Null for other
     * types.
     */
    static String roundNarrowInteger(List<Calls.Arg> a) {
        if (a.size() != 2) {
            return null;
        }
        for (String type : List.of("tinyint", "smallint")) {
            if (a.get(0).isA(type)) {
                // DuckDB's failing cast reads as Trino's error (EngineErrors); the argument is printed once
                return "CAST(round(CAST(" + a.get(0).sql() + " AS BIGINT), CAST(" + a.get(1).sql() + " AS INTEGER)) AS "
                        + type.toUpperCase(java.util.Locale.ROOT) + ")";
            }
        }
        return null;
    }
}
