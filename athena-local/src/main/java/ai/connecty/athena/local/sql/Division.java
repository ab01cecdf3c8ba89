package ai.connecty.athena.local.sql;

import java.util.List;

/**
 * Trino's {@code /} and {@code %}: integer and decimal division or modulo by zero fails with DIVISION_BY_ZERO, where
 * DuckDB returns NULL; double and real division gives Infinity or NaN, where DuckDB (with {@code integer_division})
 * returns NULL too. {@link DuckDbPrinter} prints every {@code /} and {@code %} of the tree as a call of the session
 * macros {@link #MACROS} ({@code a * b / c} becomes {@code athena_divide((a * b), c)}).
 */
final class Division {

    private static final String DIVISION_BY_ZERO = RaisedErrors.raiseText("DIVISION_BY_ZERO", "Division by zero");

    /** Session macros, created by {@link QueryRunner#configure}. Their CASE keeps the type DuckDB gives {@code x / y}. */
    static final List<String> MACROS = List.of(
            "CREATE OR REPLACE TEMP MACRO athena_divide(x, y) AS CASE"
                    + " WHEN y <> 0 OR x IS NULL OR y IS NULL THEN x / y"
                    + " WHEN typeof(x) NOT IN ('DOUBLE', 'FLOAT') AND typeof(y) NOT IN ('DOUBLE', 'FLOAT')"
                    + " THEN " + DIVISION_BY_ZERO
                    + " WHEN x = 0 OR isnan(x) THEN 'NaN'"
                    + " WHEN (x > 0) = signbit(y) THEN '-Infinity'"
                    + " ELSE 'Infinity' END",
            "CREATE OR REPLACE TEMP MACRO athena_modulo(x, y) AS CASE"
                    + " WHEN y <> 0 OR x IS NULL OR y IS NULL"
                    + " OR typeof(x) IN ('DOUBLE', 'FLOAT') OR typeof(y) IN ('DOUBLE', 'FLOAT') THEN x % y"
                    + " ELSE " + DIVISION_BY_ZERO + " END");

    private Division() {
    }
}
