package ai.connecty.athena.local.sql;

import ai.connecty.athena.local.sql.SqlTree.Leaf;
import ai.connecty.athena.local.sql.SqlTree.Node;
import java.util.List;
import java.util.Set;

/** Decides whether a select item gets its name from the query (column, alias) or is unnamed ({@code _colN}). */
final class SelectItems {

    enum Kind { STAR, NAMED, UNNAMED }

    /** Words that end an expression without being an implicit alias ({@code CASE ... END}, {@code INTERVAL '1' DAY}). */
    private static final Set<String> NOT_AN_ALIAS = Set.of("end", "null", "true", "false", "year", "month", "day",
            "hour", "minute", "second", "zone", "current_date", "current_time", "current_timestamp", "localtimestamp",
            "localtime", "current_user", "unknown");

    /** Words after which an identifier is an operand, not an alias. */
    private static final Set<String> OPERATOR_WORDS = Set.of("and", "or", "not", "is", "like", "then", "else", "when",
            "between", "in", "distinct", "escape", "at", "case", "interval", "by", "over", "from", "as", "select");

    private SelectItems() {
    }

    static Kind classify(List<Node> item) {
        List<Node> nodes = SqlTree.significant(item);
        if (nodes.isEmpty()) {
            return Kind.NAMED;
        }
        Node last = nodes.get(nodes.size() - 1);
        if (SqlTree.isSymbol(last, "*")) {
            return Kind.STAR;
        }
        if (isColumnReference(nodes)) {
            return Kind.NAMED;
        }
        if (nodes.size() >= 2 && isIdentifier(last)) {
            Node before = nodes.get(nodes.size() - 2);
            if (SqlTree.isWord(before, "as")) {
                return Kind.NAMED;
            }
            boolean operand = before instanceof Leaf leaf && (leaf.token().kind() == Token.Kind.SYMBOL
                    || leaf.token().kind() == Token.Kind.WORD && OPERATOR_WORDS.contains(leaf.token().lower()));
            if (!operand && !(last instanceof Leaf word && NOT_AN_ALIAS.contains(word.token().lower()))) {
                return Kind.NAMED;
            }
        }
        return Kind.UNNAMED;
    }

    /** {@code a}, {@code t.a}, {@code "A"}, {@code s.t.a}: named after the last part. */
    private static boolean isColumnReference(List<Node> nodes) {
        for (int k = 0; k < nodes.size(); k++) {
            boolean ok = k % 2 == 0 ? isIdentifier(nodes.get(k)) : SqlTree.isSymbol(nodes.get(k), ".");
            if (!ok) {
                return false;
            }
        }
        return nodes.size() % 2 == 1 && !(nodes.get(0) instanceof Leaf leaf
                && NOT_AN_ALIAS.contains(leaf.token().lower()) && nodes.size() == 1);
    }

    private static boolean isIdentifier(Node node) {
        return node instanceof Leaf leaf && (leaf.token().kind() == Token.Kind.WORD
                || leaf.token().kind() == Token.Kind.QUOTED_IDENTIFIER
                || leaf.token().kind() == Token.Kind.BACKQUOTED_IDENTIFIER);
    }
}
