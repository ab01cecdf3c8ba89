package ai.connecty.athena.local.sql;

import ai.connecty.athena.local.sql.SqlTree.Node;
import java.util.List;

/**
 * Trino's {@code /} and {@code %}: integer and decimal division or modulo by zero fails with DIVISION_BY_ZERO, where
 * DuckDB returns NULL; double and real division gives Infinity or NaN, where DuckDB (with {@code integer_division})
 * returns NULL too. A run of {@code *}, {@code /}, {@code %} operands is rewritten, left-associatively, into calls of
 * the session macros {@link #MACROS} ({@code a * b / c} becomes {@code athena_divide(a * b, c)}). Operands are found
 * by {@link Operands}; a run whose operands cannot be recognised is left as it is (DuckDB's NULL), never mangled.
 */
final class Division {

    /** Session macros, created by {@link QueryRunner#configure}. Their CASE keeps the type DuckDB gives {@code x / y}. */
    static final List<String> MACROS = List.of(
            "CREATE OR REPLACE TEMP MACRO athena_divide(x, y) AS CASE"
                    + " WHEN y <> 0 OR x IS NULL OR y IS NULL THEN x / y"
                    + " WHEN typeof(x) NOT IN ('DOUBLE', 'FLOAT') AND typeof(y) NOT IN ('DOUBLE', 'FLOAT')"
                    + " THEN error('Division by zero')"
                    + " WHEN x = 0 OR isnan(x) THEN 'NaN'"
                    + " WHEN (x > 0) = signbit(y) THEN '-Infinity'"
                    + " ELSE 'Infinity' END",
            "CREATE OR REPLACE TEMP MACRO athena_modulo(x, y) AS CASE"
                    + " WHEN y <> 0 OR x IS NULL OR y IS NULL"
                    + " OR typeof(x) IN ('DOUBLE', 'FLOAT') OR typeof(y) IN ('DOUBLE', 'FLOAT') THEN x % y"
                    + " ELSE error('Division by zero') END");

    private Division() {
    }

    /** The runs in {@code nodes} with a {@code /} or {@code %} (one bracket level, see {@link Operands}). */
    static List<Operands.Run> runs(List<Node> nodes) {
        return Operands.runs(nodes, Operands.Level.MULTIPLICATIVE, false,
                run -> run.operators().stream().anyMatch(o -> !o.equals("*")));
    }

    /** The DuckDB text of {@code run}; each operand is translated on its own. */
    static String translate(List<Node> nodes, Operands.Run run) {
        String result = Operands.translate(nodes, run.operands().get(0));
        for (int k = 0; k < run.operators().size(); k++) {
            String right = Operands.translate(nodes, run.operands().get(k + 1));
            result = switch (run.operators().get(k)) {
                case "/" -> "athena_divide(" + result + ", " + right + ")";
                case "%" -> "athena_modulo(" + result + ", " + right + ")";
                default -> result + " * " + right;
            };
        }
        return result;
    }
}
