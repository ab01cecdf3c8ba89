package ai.connecty.athena.local.sql;

import java.util.List;

/**
 * Trino's interval times or divided by a number (IntervalYearMonthOperators, IntervalDayTimeOperators). Trino keeps a
 * year-to-month interval as a count of months and a day-to-second one as a count of milliseconds; {@code *} takes a
 * bigint (exact) or a double, {@code /} only a double, and a double result is cut toward zero to a whole month or
 * millisecond ({@code INTERVAL '1' YEAR / 5} is {@code 0-2}, {@code INTERVAL '1' MONTH * 1.5} is {@code 0-1}). A NaN
 * factor and a zero or NaN divisor fail with INVALID_FUNCTION_ARGUMENT. DuckDB's own INTERVAL arithmetic spills
 * fractions of a month into days and keeps microseconds, and its {@code //} (the {@code integer_division} setting
 * turns {@code /} into it) takes no interval at all; the session macros here compute Trino's count instead.
 */
final class IntervalScaling {

    private static final String TIMES = "athena_interval_times";
    private static final String DIVIDED = "athena_interval_divided";

    /** Trino's value of an interval: months (year to month) or milliseconds (day to second). */
    private static final String MONTHS = "(datepart('year', i) * 12 + datepart('month', i))";
    private static final String MILLIS = "CAST(round(epoch(i) * 1000) AS BIGINT)";

    private static final String NAN_FACTOR = RaisedErrors.invalidArgument("Cannot multiply by double NaN");

    /**
     * Created by {@link QueryRunner#configure}. {@code n} is a double, or a bigint for an exact factor. DuckDB has one
     * INTERVAL type, but a day-to-second value never has months and a year-to-month one nothing else, so the value
     * itself shows which count to scale (a zero is zero either way), also where the statement does not show the kind.
     */
    static final List<String> MACROS = List.of(macro(TIMES, " * n", true), macro(DIVIDED, " / n", false));

    private IntervalScaling() {
    }

    private static String macro(String name, String operation, boolean multiply) {
        String check = multiply
                ? "WHEN isnan(n) THEN " + NAN_FACTOR
                : "WHEN isnan(n) OR n = 0 THEN " + RaisedErrors.raise("INVALID_FUNCTION_ARGUMENT",
                        "'Cannot divide by double ' || CASE WHEN isnan(n) THEN 'NaN' WHEN signbit(n) THEN '-0.0'"
                                + " ELSE '0.0' END");
        return "CREATE OR REPLACE TEMP MACRO " + name + "(i, n) AS CASE " + check
                + " WHEN " + MONTHS + " <> 0 THEN to_months(CAST(trunc(" + MONTHS + operation + ") AS BIGINT))"
                + " ELSE to_milliseconds(CAST(trunc(" + MILLIS + operation + ") AS BIGINT)) END";
    }

    /**
     * Trino's {@code interval * number} (either order; {@code interval} is the interval's DuckDB text): a bigint factor
     * multiplies exactly, any other number is taken as a double.
     */
    static String times(String interval, String number, SqlType numberType) {
        boolean exact = numberType != null && (numberType.is("tinyint") || numberType.is("smallint")
                || numberType.is("integer") || numberType.is("bigint"));
        return TIMES + "(" + interval + ", " + (exact ? "CAST(" + number + " AS BIGINT)" : asDouble(number, numberType))
                + ")";
    }

    /** Trino's {@code interval / number}: the number is taken as a double. */
    static String divided(String interval, String number, SqlType numberType) {
        return DIVIDED + "(" + interval + ", " + asDouble(number, numberType) + ")";
    }

    private static String asDouble(String number, SqlType type) {
        return type != null && type.is("double") ? number : "CAST(" + number + " AS DOUBLE)";
    }
}
