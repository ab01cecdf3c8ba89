package ai.connecty.athena.local.sql;

import java.util.List;

/**
 * Holds a Trino {@code timestamp(p)} in DuckDB with the value Trino's cast gives it. DuckDB's TIMESTAMP keeps
 * microseconds, so precisions 7 to 9 go to its TIMESTAMP_NS (nanoseconds); precisions 10 to 12 (picoseconds) have no
 * DuckDB type and are refused ({@link #check}). A cast to a lower precision
 * rounds half up in epoch terms, as Trino's TimestampToTimestampCast and VarcharToTimestampCast do, which DuckDB's
 * casts (they truncate) do not: {@code .1235} as {@code timestamp(3)} is {@code .124}, and a carry moves the second,
 * minute or day. A {@code timestamp(p) with time zone} stays DuckDB's TIMESTAMPTZ (microseconds; see SQL-GAPS).
 */
final class TimestampPrecision {

    /** The most fraction digits DuckDB holds (TIMESTAMP_NS). */
    static final int MAX_HELD = 9;
    private static final int MICROS = 6;

    /** {@code athena_round_timestamp(x, unit)}: x rounded half up to a multiple of unit (µs, or ns for TIMESTAMP_NS). */
    private static final String ROUND = "athena_round_timestamp";
    /** x's epoch count (epoch_us / epoch_ns) rounded half up to a multiple of unit, floored for negative epochs too. */
    private static final String ROUNDED = "%1$s(x) + unit // 2 - ((((%1$s(x) + unit // 2) %% unit) + unit) %% unit)";

    static final List<String> MACROS = List.of(
            "CREATE OR REPLACE TEMP MACRO " + ROUND + "(x TIMESTAMP, unit BIGINT) AS make_timestamp("
                    + ROUNDED.formatted("epoch_us") + "),"
                    + " (x TIMESTAMP_NS, unit BIGINT) AS make_timestamp_ns(" + ROUNDED.formatted("epoch_ns") + "),"
                    // an instant: moved by the difference, which keeps DuckDB's TIMESTAMPTZ type
                    + " (x TIMESTAMPTZ, unit BIGINT) AS x + to_microseconds(" + ROUNDED.formatted("epoch_us")
                    + " - epoch_us(x))");

    private TimestampPrecision() {
    }

    /**
     * {@code x ± step} for a TIMESTAMP_NS {@code x}, in nanoseconds: DuckDB's own operators and date functions
     * answer a TIMESTAMP_NS with a TIMESTAMP (microseconds), while Trino's keep the timestamp's precision. The step
     * moves the microseconds; the nanoseconds below them are added back.
     */
    static String nanosStep(String x, String operator, String step) {
        String micros = "CAST(" + x + " AS TIMESTAMP)";
        return "make_timestamp_ns(epoch_ns(CAST(" + micros + " " + operator + " " + step + " AS TIMESTAMP_NS))"
                + " + epoch_ns(" + x + ") - epoch_ns(CAST(" + micros + " AS TIMESTAMP_NS)))";
    }

    /**
     * Refuses a precision above {@link #MAX_HELD}: Trino keeps up to 12 digits (picoseconds), DuckDB nine, and the
     * digits after the ninth would be lost without a word.
     */
    static void check(int precision) {
        if (precision > MAX_HELD) {
            throw new UnsupportedSqlException("timestamp precision " + precision
                    + " (more than 9 fraction digits; DuckDB keeps nanoseconds)");
        }
    }

    /** DuckDB's type for a plain timestamp of {@code precision} digits. */
    static String duckDbType(int precision) {
        return precision > MICROS ? "TIMESTAMP_NS" : "TIMESTAMP";
    }

    /**
     * The DuckDB cast of {@code expression} to {@code target} (a timestamp with a declared precision), rounded where
     * the source may have more digits than the target keeps: {@code source} is the operand's type where known.
     */
    static String cast(String expression, SqlType source, SqlType target, boolean safe) {
        boolean zoned = target.is("timestamp with time zone");
        int precision = target.length();
        check(precision);
        String duckType = zoned ? "TIMESTAMP WITH TIME ZONE" : duckDbType(precision);
        String cast = (safe ? "TRY_CAST(" : "CAST(") + expression + " AS " + duckType + ")";
        if (!mayHaveMoreDigits(source, precision)) {
            return cast;
        }
        if (!zoned && precision <= MICROS && source != null && source.is("timestamp") && source.fractionDigits() > MICROS) {
            // nanoseconds to fewer digits: rounded before DuckDB's cast to microseconds would cut them
            String nanos = ROUND + "(" + expression + ", " + unit(MAX_HELD - precision) + ")";
            return (safe ? "TRY_CAST(" : "CAST(") + nanos + " AS TIMESTAMP)";
        }
        int held = zoned || precision <= MICROS ? MICROS : MAX_HELD;
        return precision >= held ? cast : ROUND + "(" + cast + ", " + unit(held - precision) + ")";
    }

    private static long unit(int digits) {
        return (long) Math.pow(10, digits);
    }

    /** Whether a value of type {@code source} (null: not known) may have more than {@code precision} fraction digits. */
    private static boolean mayHaveMoreDigits(SqlType source, int precision) {
        if (source == null) {
            return true;
        }
        if (source.is("date")) {
            return false;
        }
        return !source.isTimestamp() || source.fractionDigits() > precision;
    }
}
