package ai.connecty.athena.local.sql;

import ai.connecty.athena.local.sql.SqlTree.Group;
import ai.connecty.athena.local.sql.SqlTree.Leaf;
import ai.connecty.athena.local.sql.SqlTree.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds the operands of Trino's binary arithmetic on one bracket level of the token tree, following Trino's precedence:
 * an operand of {@code *}, {@code /}, {@code %} is a primary with its postfixes (a name, literal, call with
 * {@code FILTER}/{@code OVER}, {@code CASE … END}, bracket, subscript, {@code .field}, {@code ::type}); an operand of
 * {@code +} and {@code -} is a run of those. Inner bracket levels are handled when their children are translated.
 * A run whose operands cannot be recognised is reported as none, so callers leave it untouched.
 */
final class Operands {

    /** Binary operators of one precedence level. */
    enum Level {
        MULTIPLICATIVE(Set.of("*", "/", "%")),
        ADDITIVE(Set.of("+", "-"));

        private final Set<String> operators;

        Level(Set<String> operators) {
            this.operators = operators;
        }

        boolean isOperator(Node node) {
            return node instanceof Leaf leaf && leaf.token().kind() == Token.Kind.SYMBOL && operators.contains(leaf.text());
        }
    }

    /** {@code operand (operator operand)*}: node index bounds of the whole run and of each operand. */
    record Run(int start, int end, List<int[]> operands, List<String> operators) {
    }

    /** Words that end an operand: they can never be one, nor a function name before a bracket. */
    private static final Set<String> NOT_OPERANDS = Set.of("select", "from", "where", "and", "or", "not", "when",
            "then", "else", "end", "as", "on", "in", "is", "between", "like", "ilike", "escape", "by", "group", "order",
            "having", "limit", "offset", "fetch", "union", "except", "intersect", "distinct", "all", "any", "some",
            "exists", "join", "left", "right", "inner", "outer", "cross", "full", "using", "with", "values", "over",
            "at", "asc", "desc", "nulls");

    private Operands() {
    }

    /**
     * Whether a run may start at {@code i}: not inside a name ({@code a.b}, {@code x::t}), not the arguments of a call.
     * A leading sign is unary only where no operand precedes it; {@code signed} says whether the caller accepts one.
     */
    private static boolean canStart(List<Node> nodes, int i, boolean signed) {
        int previous = SqlTree.previous(nodes, i);
        Node before = previous < 0 ? null : nodes.get(previous);
        if (isSign(nodes.get(i))) {
            return signed && (before == null || before instanceof Leaf leaf && (leaf.token().kind() == Token.Kind.SYMBOL
                    && !leaf.text().equals(".") || NOT_OPERANDS.contains(leaf.token().lower())));
        }
        if (before == null) {
            return true;
        }
        if (SqlTree.isSymbol(before, ".") || SqlTree.isSymbol(before, "::")) {
            return false;
        }
        return !(nodes.get(i) instanceof Group && before instanceof Leaf leaf && leaf.token().kind() == Token.Kind.WORD
                && !NOT_OPERANDS.contains(leaf.token().lower()));
    }

    /** The run of {@code level} operators starting at {@code start}, or null when no operand starts there. */
    private static Run run(List<Node> nodes, int start, Level level, boolean signed) {
        int end = operandEnd(nodes, start, level, signed);
        if (end < 0) {
            return null;
        }
        List<int[]> operands = new ArrayList<>(List.of(new int[] {start, end}));
        List<String> operators = new ArrayList<>();
        int op = SqlTree.next(nodes, end);
        while (op < nodes.size() && level.isOperator(nodes.get(op))) {
            int from = SqlTree.next(nodes, op + 1);
            int to = from < nodes.size() ? operandEnd(nodes, from, level, true) : -1;
            if (to < 0) {
                return null;
            }
            operators.add(nodes.get(op).text());
            operands.add(new int[] {from, to});
            end = to;
            op = SqlTree.next(nodes, end);
        }
        return new Run(start, end, operands, operators);
    }

    /**
     * The runs of {@code level} operators on this bracket level that {@code wanted} accepts, left to right and not
     * overlapping; where a run is not wanted the scan moves on one node, so a later operand can still start one.
     */
    static List<Run> runs(List<Node> nodes, Level level, boolean signed, Predicate<Run> wanted) {
        List<Run> runs = new ArrayList<>();
        int i = SqlTree.next(nodes, 0);
        while (i < nodes.size()) {
            Run run = canStart(nodes, i, signed) ? run(nodes, i, level, signed) : null;
            if (run != null && wanted.test(run)) {
                runs.add(run);
                i = SqlTree.next(nodes, run.end());
            } else {
                i = SqlTree.next(nodes, i + 1);
            }
        }
        return runs;
    }

    /** The DuckDB text of one operand, translated on its own. */
    static String translate(List<Node> nodes, int[] bounds) {
        return SqlTranslator.translate(nodes.subList(bounds[0], bounds[1])).trim();
    }

    private static boolean isSign(Node node) {
        return SqlTree.isSymbol(node, "-") || SqlTree.isSymbol(node, "+");
    }

    /** Index after the operand of {@code level} starting at {@code i}, or -1 when there is none. */
    private static int operandEnd(List<Node> nodes, int i, Level level, boolean signed) {
        if (level == Level.ADDITIVE) {
            Run term = run(nodes, i, Level.MULTIPLICATIVE, signed);
            return term == null ? -1 : term.end();
        }
        int at = i;
        while (signed && at < nodes.size() && isSign(nodes.get(at))) {
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
