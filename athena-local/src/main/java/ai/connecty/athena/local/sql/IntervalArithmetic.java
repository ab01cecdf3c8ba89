package ai.connecty.athena.local.sql;

import ai.connecty.athena.local.sql.SqlTree.Leaf;
import ai.connecty.athena.local.sql.SqlTree.Node;
import java.util.List;

/**
 * Trino's {@code +} and {@code -} with an interval: a date plus or minus an interval is a date (DuckDB answers with a
 * timestamp) and fails when the interval has hours, minutes or seconds. A run of {@code +}/{@code -} operands in which
 * an operand is visibly an interval ({@code INTERVAL '1' DAY}, also multiplied) is rewritten, left-associatively, into
 * the session macros {@link TemporalMacros#PLUS} and {@link TemporalMacros#MINUS}, overloaded on the operand types;
 * steps without an interval keep the plain operator. Operands are found by {@link Operands}.
 */
final class IntervalArithmetic {

    private IntervalArithmetic() {
    }

    /** The runs in {@code nodes} (one bracket level) that add or subtract an interval literal. */
    static List<Operands.Run> runs(List<Node> nodes) {
        return Operands.runs(nodes, Operands.Level.ADDITIVE, true, run -> !run.operators().isEmpty()
                && run.operands().stream().anyMatch(bounds -> isInterval(nodes, bounds)));
    }

    /** The DuckDB text of {@code run}; each operand is translated on its own. */
    static String translate(List<Node> nodes, Operands.Run run) {
        String result = Operands.translate(nodes, run.operands().get(0));
        boolean resultIsInterval = isInterval(nodes, run.operands().get(0));
        for (int k = 0; k < run.operators().size(); k++) {
            int[] operand = run.operands().get(k + 1);
            String right = Operands.translate(nodes, operand);
            boolean rightIsInterval = isInterval(nodes, operand);
            String operator = run.operators().get(k);
            if (resultIsInterval || rightIsInterval) {
                String macro = operator.equals("+") ? TemporalMacros.PLUS : TemporalMacros.MINUS;
                result = macro + "(" + result + ", " + right + ")";
            } else {
                result = result + " " + operator + " " + right;
            }
            resultIsInterval = resultIsInterval && rightIsInterval;
        }
        return result;
    }

    /** An operand with an {@code INTERVAL '…'} literal at its own level (possibly signed or multiplied). */
    private static boolean isInterval(List<Node> nodes, int[] bounds) {
        for (int k = bounds[0]; k < bounds[1]; k++) {
            int next = SqlTree.next(nodes, k + 1);
            if (SqlTree.isWord(nodes.get(k), "interval") && next < bounds[1]
                    && nodes.get(next) instanceof Leaf literal && literal.token().kind() == Token.Kind.STRING) {
                return true;
            }
        }
        return false;
    }
}
