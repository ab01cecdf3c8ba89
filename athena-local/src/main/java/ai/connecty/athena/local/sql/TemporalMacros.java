package ai.connecty.athena.local.sql;

import java.util.List;

/**
 * Session macros that give date functions Trino's result type. DuckDB answers {@code date + interval} with a
 * timestamp, while Trino's date_add, date_trunc and sequence keep a date a date; the translator cannot see the
 * type of a column, so these macros are overloaded on their argument types and DuckDB picks the overload.
 * Created by {@link QueryRunner#configure}.
 */
final class TemporalMacros {

    /** {@code athena_date_add(x, step)}: x plus an interval, in x's type. */
    static final String DATE_ADD = "athena_date_add";
    /** {@code athena_date_trunc(unit, x)}: x truncated to unit, in x's type. */
    static final String DATE_TRUNC = "athena_date_trunc";
    /** {@code athena_sequence(start, stop[, step])}: Trino's inclusive sequence of integers, dates or timestamps. */
    static final String SEQUENCE = "athena_sequence";

    private static final String DATES = "CAST(generate_series(CAST(a AS TIMESTAMP), CAST(b AS TIMESTAMP), %s) AS DATE[])";

    static final List<String> MACROS = List.of(
            "CREATE OR REPLACE TEMP MACRO " + DATE_ADD + "(x DATE, step INTERVAL) AS CAST(x + step AS DATE),"
                    + " (x TIMESTAMP, step INTERVAL) AS x + step,"
                    + " (x TIMESTAMPTZ, step INTERVAL) AS x + step,"
                    + " (x TIME, step INTERVAL) AS x + step",
            "CREATE OR REPLACE TEMP MACRO " + DATE_TRUNC + "(unit, x DATE) AS CAST(date_trunc(unit, x) AS DATE),"
                    + " (unit, x TIMESTAMP) AS date_trunc(unit, x),"
                    + " (unit, x TIMESTAMPTZ) AS date_trunc(unit, x)",
            // (DATE, TIMESTAMP) and (TIMESTAMP, DATE) only arise from DuckDB's typing of `date + INTERVAL`, which
            // Trino types as a date: sequence(d, d + INTERVAL '2' DAY) is a sequence of dates.
            "CREATE OR REPLACE TEMP MACRO " + SEQUENCE + "(a BIGINT, b BIGINT) AS generate_series(a, b),"
                    + " (a BIGINT, b BIGINT, step BIGINT) AS generate_series(a, b, step),"
                    + " (a DATE, b DATE) AS " + DATES.formatted("INTERVAL 1 DAY") + ","
                    + " (a DATE, b TIMESTAMP) AS " + DATES.formatted("INTERVAL 1 DAY") + ","
                    + " (a TIMESTAMP, b DATE) AS " + DATES.formatted("INTERVAL 1 DAY") + ","
                    + " (a DATE, b DATE, step INTERVAL) AS " + DATES.formatted("step") + ","
                    + " (a TIMESTAMP, b TIMESTAMP, step INTERVAL) AS generate_series(a, b, step)");

    private TemporalMacros() {
    }
}
