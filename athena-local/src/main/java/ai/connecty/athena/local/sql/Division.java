package ai.connecty.athena.local.sql;

import ai.connecty.athena.local.sql.SqlTree.Group;
import ai.connecty.athena.local.sql.SqlTree.Leaf;
import ai.connecty.athena.local.sql.SqlTree.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Trino's {@code /} and {@code %}: integer and decimal division or modulo by zero fails with DIVISION_BY_ZERO, where
 * DuckDB returns NULL; double and real division gives Infinity or NaN, where DuckDB (with {@code integer_division})
 * returns NULL too. A run of {@code *}, {@code /}, {@code %} operands is rewritten, left-associatively, into calls of
 * the session macros {@link #MACROS} ({@code a * b / c} becomes {@code athena_divide(a * b, c)}). Operands are found
 * on the token tree; a run whose operands cannot be recognised is left as it is (DuckDB's NULL), never mangled.
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

    /** Words that end an operand: they can never be one, nor a function name before a bracket. */
    private static final Set<String> NOT_OPERANDS = Set.of("select", "from", "where", "and", "or", "not", "when",
            "then", "else", "end", "as", "on", "in", "is", "between", "like", "ilike", "escape", "by", "group", "order",
            "having", "limit", "offset", "fetch", "union", "except", "intersect", "distinct", "all", "any", "some",
            "exists", "join", "left", "right", "inner", "outer", "cross", "full", "using", "with", "values", "over",
            "at", "asc", "desc", "nulls");

    /** One run {@code operand (op operand)*} with at least one {@code /} or {@code %}: node index bounds. */
    record Run(int start, int end, List<int[]> operands, List<String> operators) {
    }

    private Division() {
    }

    /** The runs in {@code nodes} (one bracket level; inner levels are handled when their children are translated). */
    static List<Run> runs(List<Node> nodes) {
        List<Run> runs = new ArrayList<>();
        int i = SqlTree.next(nodes, 0);
        while (i < nodes.size()) {
            Run run = canStartRun(nodes, i) ? run(nodes, i) : null;
            if (run != null) {
                runs.add(run);
                i = SqlTree.next(nodes, run.end());
            } else {
                i = SqlTree.next(nodes, i + 1);
            }
        }
        return runs;
    }

    /** The DuckDB text of {@code run}; each operand is translated on its own. */
    static String translate(List<Node> nodes, Run run) {
        String result = operand(nodes, run.operands().get(0));
        for (int k = 0; k < run.operators().size(); k++) {
            String right = operand(nodes, run.operands().get(k + 1));
            result = switch (run.operators().get(k)) {
                case "/" -> "athena_divide(" + result + ", " + right + ")";
                case "%" -> "athena_modulo(" + result + ", " + right + ")";
                default -> result + " * " + right;
            };
        }
        return result;
    }

    private static String operand(List<Node> nodes, int[] bounds) {
        return SqlTranslator.translate(nodes.subList(bounds[0], bounds[1])).trim();
    }

    /** Not inside a name ({@code a.b}, {@code x::t}), not a signed operand (its sign may be binary), not call arguments. */
    private static boolean canStartRun(List<Node> nodes, int i) {
        if (SqlTree.isSymbol(nodes.get(i), "-") || SqlTree.isSymbol(nodes.get(i), "+")) {
            return false;
        }
        int previous = SqlTree.previous(nodes, i);
        if (previous < 0) {
            return true;
        }
        Node before = nodes.get(previous);
        if (SqlTree.isSymbol(before, ".") || SqlTree.isSymbol(before, "::")) {
            return false;
        }
        return !(nodes.get(i) instanceof Group && before instanceof Leaf leaf && leaf.token().kind() == Token.Kind.WORD
                && !NOT_OPERANDS.contains(leaf.token().lower()));
    }

    private static Run run(List<Node> nodes, int start) {
        int end = operandEnd(nodes, start, false);
        if (end < 0) {
            return null;
        }
        List<int[]> operands = new ArrayList<>(List.of(new int[] {start, end}));
        List<String> operators = new ArrayList<>();
        int op = SqlTree.next(nodes, end);
        while (op < nodes.size() && isMultiplicative(nodes.get(op))) {
            int from = SqlTree.next(nodes, op + 1);
            int to = from < nodes.size() ? operandEnd(nodes, from, true) : -1;
            if (to < 0) {
                return null;
            }
            operators.add(nodes.get(op).text());
            operands.add(new int[] {from, to});
            end = to;
            op = SqlTree.next(nodes, end);
        }
        boolean divides = operators.stream().anyMatch(o -> !o.equals("*"));
        return divides ? new Run(start, end, operands, operators) : null;
    }

    private static boolean isMultiplicative(Node node) {
        return SqlTree.isSymbol(node, "*") || SqlTree.isSymbol(node, "/") || SqlTree.isSymbol(node, "%");
    }

    /** Index after the operand starting at {@code i} (a primary with its postfixes), or -1 when there is none. */
    private static int operandEnd(List<Node> nodes, int i, boolean signed) {
        int at = i;
        while (signed && at < nodes.size() && (SqlTree.isSymbol(nodes.get(at), "-") || SqlTree.isSymbol(nodes.get(at), "+"))) {
            at = SqlTree.next(nodes, at + 1);
        }
        if (at >= nodes.size()) {
            return -1;
        }
        int end = primaryEnd(nodes, at);
        return end < 0 ? -1 : postfixEnd(nodes, end);
    }

    private static int primaryEnd(List<Node> nodes, int i) {
        Node node = nodes.get(i);
        if (node instanceof Group group) {
            return group.isParen() ? i + 1 : -1;
        }
        Token token = ((Leaf) node).token();
        switch (token.kind()) {
            case NUMBER, STRING, BINARY_STRING, QUOTED_IDENTIFIER, BACKQUOTED_IDENTIFIER -> {
                return i + 1;
            }
            case WORD -> {
                return wordEnd(nodes, i, token.lower());
            }
            default -> {
                return -1;
            }
        }
    }

    private static int wordEnd(List<Node> nodes, int i, String word) {
        if (NOT_OPERANDS.contains(word)) {
            return -1;
        }
        if (word.equals("case")) {
            return caseEnd(nodes, i);
        }
        int next = SqlTree.next(nodes, i + 1);
        Node following = next < nodes.size() ? nodes.get(next) : null;
        if (following instanceof Group group && (group.isParen() || word.equals("array"))) {
            return windowEnd(nodes, next + 1);
        }
        if (following instanceof Leaf literal && literal.token().kind() == Token.Kind.STRING) {
            if (word.equals("interval")) {
                return intervalEnd(nodes, next + 1);
            }
            if (Literals.typed(word, literal.token().unquoted()) != null) {
                return next + 1;
            }
        }
        return i + 1;
    }

    /** After {@code CASE}: the index after its matching {@code END}, or -1. */
    private static int caseEnd(List<Node> nodes, int i) {
        int depth = 0;
        for (int k = i; k < nodes.size(); k++) {
            if (SqlTree.isWord(nodes.get(k), "case")) {
                depth++;
            } else if (SqlTree.isWord(nodes.get(k), "end") && --depth == 0) {
                return k + 1;
            }
        }
        return -1;
    }

    /** A call may be followed by {@code FILTER (WHERE ...)} and {@code OVER (...)} / {@code OVER w}. */
    private static int windowEnd(List<Node> nodes, int afterCall) {
        int end = afterCall;
        int k = SqlTree.next(nodes, end);
        if (k < nodes.size() && SqlTree.isWord(nodes.get(k), "filter")
                && SqlTree.next(nodes, k + 1) < nodes.size() && SqlTree.isParenGroup(nodes.get(SqlTree.next(nodes, k + 1)))) {
            end = SqlTree.next(nodes, k + 1) + 1;
            k = SqlTree.next(nodes, end);
        }
        if (k < nodes.size() && SqlTree.isWord(nodes.get(k), "over")) {
            int window = SqlTree.next(nodes, k + 1);
            return window < nodes.size() ? window + 1 : -1;
        }
        return end;
    }

    /** {@code INTERVAL '1' DAY} and {@code INTERVAL '1-2' YEAR TO MONTH}. */
    private static int intervalEnd(List<Node> nodes, int afterString) {
        int unit = SqlTree.next(nodes, afterString);
        if (unit >= nodes.size() || !(nodes.get(unit) instanceof Leaf leaf) || leaf.token().kind() != Token.Kind.WORD) {
            return afterString;
        }
        int to = SqlTree.next(nodes, unit + 1);
        if (to < nodes.size() && SqlTree.isWord(nodes.get(to), "to")) {
            int second = SqlTree.next(nodes, to + 1);
            return second < nodes.size() ? second + 1 : -1;
        }
        return unit + 1;
    }

    /** Member access {@code .x}, subscripts {@code [i]} and casts {@code ::type}. */
    private static int postfixEnd(List<Node> nodes, int end) {
        int current = end;
        while (true) {
            int k = SqlTree.next(nodes, current);
            if (k >= nodes.size()) {
                return current;
            }
            Node node = nodes.get(k);
            if (node instanceof Group group && !group.isParen()) {
                current = k + 1;
            } else if (SqlTree.isSymbol(node, ".") || SqlTree.isSymbol(node, "::")) {
                int name = SqlTree.next(nodes, k + 1);
                if (name >= nodes.size() || nodes.get(name) instanceof Group) {
                    return current;
                }
                current = name + 1;
                int arguments = SqlTree.next(nodes, current);
                if (SqlTree.isSymbol(node, "::") && arguments < nodes.size() && SqlTree.isParenGroup(nodes.get(arguments))) {
                    current = arguments + 1;
                }
            } else {
                return current;
            }
        }
    }
}
