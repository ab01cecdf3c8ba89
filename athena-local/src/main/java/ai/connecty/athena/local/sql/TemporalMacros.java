package ai.connecty.athena.local.sql;

import java.util.List;

/**
 * Session macros that give date functions and operators Trino's result type. DuckDB answers {@code date + interval}
 * with a timestamp, while Trino's {@code +}, date_add, date_trunc and sequence keep a date a date; the translator cannot see the
 * type of a column, so these macros are overloaded on their argument types and DuckDB picks the overload.
 * Created by {@link QueryRunner#configure}.
 */
final class TemporalMacros {

    /** {@code athena_date_add(x, step)}: x plus an interval, in x's type. */
    static final String DATE_ADD = "athena_date_add";
    /** {@code athena_date_trunc(unit, x)}: x truncated to unit, in x's type. */
    static final String DATE_TRUNC = "athena_date_trunc";
    /** {@code athena_plus(x, y)}: Trino's {@code x + y} where one side is an interval (see {@link DuckDbPrinter}). */
    static final String PLUS = "athena_plus";
    /** {@code athena_minus(x, step)}: Trino's {@code x - step} for an interval step. */
    static final String MINUS = "athena_minus";
    /** {@code athena_sequence(start, stop[, step])}: Trino's inclusive sequence of integers, dates or timestamps. */
    static final String SEQUENCE = "athena_sequence";
    /**
     * {@code athena_zoned_instant(wall, zone, preferred)}: the instant at which the tz database zone's clocks show
     * {@code wall}, with {@code preferred}'s offset where they show it twice (see {@link WallClock#instant}).
     */
    static final String ZONED_INSTANT = "athena_zoned_instant";

    /** A date moved by whole days, months or years stays a date; Trino refuses a step with a time of day. */
    private static final String DATE_STEP = "CASE WHEN CAST(%1$s AS TIME) <> TIME '00:00:00' THEN "
            + RaisedErrors.raise("INVALID_FUNCTION_ARGUMENT", "'%2$s'") + " ELSE CAST(%1$s AS DATE) END";
    private static final String ADD_TO_DATE = "Cannot add hour, minutes or seconds to a date";
    private static final String SUBTRACT_FROM_DATE = "Cannot subtract hour, minutes or seconds from a date";

    private static final String DATES = "CAST(generate_series(CAST(a AS TIMESTAMP), CAST(b AS TIMESTAMP), %s) AS DATE[])";

    /** The wall time read with the offset the zone has at {@code preferred}: right unless that offset is not valid then. */
    private static final String WITH_PREFERRED_OFFSET =
            "CAST(wall - (timezone(zone, preferred) - CAST(preferred AS TIMESTAMP)) AS TIMESTAMPTZ)";

    private static final String DAY_TOWARDS_B = "CASE WHEN b >= a THEN to_days(1) ELSE to_days(-1) END";

    /** An integer sequence from a to b by %s, checked as Trino's SequenceFunction checks it. */
    private static final String SEQUENCE_CHECKED = "CASE WHEN (%1$s) = 0 THEN "
            + RaisedErrors.invalidArgument("step must not be zero")
            + " WHEN ((%1$s) > 0 AND b < a) OR ((%1$s) < 0 AND b > a) THEN "
            + RaisedErrors.invalidArgument("sequence stop value should be greater than or equal"
                    + " to start value if step is greater than zero otherwise stop should be less than or equal to start")
            + " WHEN (b - a) // (%1$s) >= 10000 THEN "
            + RaisedErrors.invalidArgument("result of sequence function must not have more than 10000 entries")
            + " ELSE generate_series(a, b, %1$s) END";

    /**
     * Trino's {@code date - date}: the days between them as an {@code interval day to second} (what dbt-athena's
     * datediff reads with {@code to_milliseconds}), where DuckDB's is a bigint count of days. Printed where both
     * operands' types are known to be dates.
     */
    static String dateMinusDate(String left, String right) {
        return "to_days(CAST((" + left + " - " + right + ") AS INTEGER))";
    }

    static final List<String> MACROS = List.of(
            "CREATE OR REPLACE TEMP MACRO " + DATE_ADD + "(x DATE, step INTERVAL) AS CAST(x + step AS DATE),"
                    + " (x TIMESTAMP, step INTERVAL) AS x + step,"
                    + " (x TIMESTAMPTZ, step INTERVAL) AS x + step,"
                    + " (x TIMESTAMP_NS, step INTERVAL) AS " + TimestampPrecision.nanosStep("x", "+", "step") + ","
                    + " (x TIME, step INTERVAL) AS x + step",
            "CREATE OR REPLACE TEMP MACRO " + PLUS + "(x DATE, y INTERVAL) AS " + DATE_STEP.formatted("x + y", ADD_TO_DATE) + ","
                    + " (x INTERVAL, y DATE) AS " + DATE_STEP.formatted("y + x", ADD_TO_DATE) + ","
                    + " (x TIMESTAMP, y INTERVAL) AS x + y, (x INTERVAL, y TIMESTAMP) AS y + x,"
                    + " (x TIMESTAMPTZ, y INTERVAL) AS x + y, (x INTERVAL, y TIMESTAMPTZ) AS y + x,"
                    + " (x TIMESTAMP_NS, y INTERVAL) AS " + TimestampPrecision.nanosStep("x", "+", "y") + ","
                    + " (x INTERVAL, y TIMESTAMP_NS) AS " + TimestampPrecision.nanosStep("y", "+", "x") + ","
                    + " (x TIME, y INTERVAL) AS x + y, (x INTERVAL, y TIME) AS y + x,"
                    + " (x INTERVAL, y INTERVAL) AS x + y,"
                    // other types: DuckDB's own operator, so a mismatch is reported as the operator's
                    + " (x, y) AS x + y",
            "CREATE OR REPLACE TEMP MACRO " + MINUS + "(x DATE, y INTERVAL) AS " + DATE_STEP.formatted("x - y", SUBTRACT_FROM_DATE) + ","
                    + " (x TIMESTAMP, y INTERVAL) AS x - y, (x TIMESTAMPTZ, y INTERVAL) AS x - y,"
                    + " (x TIMESTAMP_NS, y INTERVAL) AS " + TimestampPrecision.nanosStep("x", "-", "y") + ","
                    + " (x TIME, y INTERVAL) AS x - y, (x INTERVAL, y INTERVAL) AS x - y, (x, y) AS x - y",
            "CREATE OR REPLACE TEMP MACRO " + DATE_TRUNC + "(unit, x DATE) AS CAST(date_trunc(unit, x) AS DATE),"
                    + " (unit, x TIMESTAMP) AS date_trunc(unit, x),"
                    + " (unit, x TIMESTAMPTZ) AS date_trunc(unit, x),"
                    // Trino's units are a millisecond or longer, which microseconds hold
                    + " (unit, x TIMESTAMP_NS) AS CAST(date_trunc(unit, x) AS TIMESTAMP_NS)",
            // (DATE, TIMESTAMP) and (TIMESTAMP, DATE) arise from DuckDB's typing of `date + interval` when the interval
            // is not a literal (IntervalArithmetic only sees literals); Trino types that sum as a date.
            // Trino's SequenceFunction counts down without a step when stop < start, refuses a step of 0 or one
            // away from stop, and more than 10,000 entries; DuckDB's generate_series gave [] for these.
            "CREATE OR REPLACE TEMP MACRO " + SEQUENCE + "(a BIGINT, b BIGINT) AS " + SEQUENCE_CHECKED.formatted(
                    "CASE WHEN b >= a THEN 1 ELSE -1 END") + ","
                    + " (a BIGINT, b BIGINT, step BIGINT) AS " + SEQUENCE_CHECKED.formatted("step") + ","
                    + " (a DATE, b DATE) AS " + DATES.formatted(DAY_TOWARDS_B) + ","
                    + " (a DATE, b TIMESTAMP) AS " + DATES.formatted(DAY_TOWARDS_B) + ","
                    + " (a TIMESTAMP, b DATE) AS " + DATES.formatted(DAY_TOWARDS_B) + ","
                    + " (a DATE, b DATE, step INTERVAL) AS " + DATES.formatted("step") + ","
                    + " (a TIMESTAMP, b TIMESTAMP, step INTERVAL) AS generate_series(a, b, step)",
            // ICU's timezone(zone, wall) takes the later instant of a repeated wall time, so the preferred offset is
            // tried first; a skipped wall time fails that test and ICU moves it past the gap, as Joda does.
            "CREATE OR REPLACE TEMP MACRO " + ZONED_INSTANT + "(wall TIMESTAMP, zone VARCHAR, preferred TIMESTAMPTZ) AS"
                    + " CASE WHEN timezone(zone, " + WITH_PREFERRED_OFFSET + ") = wall THEN " + WITH_PREFERRED_OFFSET
                    + " ELSE timezone(zone, wall) END");

    private TemporalMacros() {
    }
}
