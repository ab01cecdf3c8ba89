package ai.connecty.athena.local.sql;

import ai.connecty.athena.local.sql.SqlTree.Group;
import ai.connecty.athena.local.sql.SqlTree.Leaf;
import ai.connecty.athena.local.sql.SqlTree.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * Trino's {@code UNNEST(a [, b ...]) [WITH ORDINALITY] [AS] t(x [, y ...])} as a DuckDB lateral sub-query:
 * several arrays are zipped (DuckDB pads the shorter ones with NULL, like Trino), a map becomes key and value
 * columns, an array of rows becomes one column per field, and ORDINALITY adds a 1-based position.
 */
final class Unnest {

    private Unnest() {
    }

    /** Appends the translation of the UNNEST starting at {@code start}; returns the number of nodes used. */
    static int translate(List<Node> nodes, int start, int callIndex, Group call, StringBuilder out) {
        List<String> args = new ArrayList<>();
        for (List<Node> arg : call.arguments()) {
            args.add(SqlTranslator.translate(arg).trim());
        }
        int i = SqlTree.next(nodes, callIndex + 1);
        boolean ordinality = false;
        if (i < nodes.size() && SqlTree.isWord(nodes.get(i), "with")) {
            int o = SqlTree.next(nodes, i + 1);
            if (o < nodes.size() && SqlTree.isWord(nodes.get(o), "ordinality")) {
                ordinality = true;
                i = SqlTree.next(nodes, o + 1);
            }
        }
        int end = callIndex + 1;
        if (ordinality) {
            end = SqlTree.previous(nodes, i) + 1;
        }
        String alias = null;
        int columnCount = -1;
        String columnList = "";
        int aliasIndex = i < nodes.size() && SqlTree.isWord(nodes.get(i), "as") ? SqlTree.next(nodes, i + 1) : i;
        if (aliasIndex < nodes.size() && nodes.get(aliasIndex) instanceof Leaf leaf && isAlias(leaf.token())) {
            alias = SqlTranslator.translate(List.of(leaf)).trim();
            end = aliasIndex + 1;
            int columns = SqlTree.next(nodes, aliasIndex + 1);
            if (columns < nodes.size() && SqlTree.isParenGroup(nodes.get(columns))) {
                Group group = (Group) nodes.get(columns);
                columnCount = group.arguments().size();
                columnList = SqlTranslator.translate(List.of(group));
                end = columns + 1;
            }
        }
        List<String> items = new ArrayList<>();
        int valueColumns = columnCount < 0 ? args.size() : columnCount - (ordinality ? 1 : 0);
        if (args.size() == 1 && valueColumns >= 2) {
            items.addAll(expandSingle(call, args.get(0)));
        } else {
            args.forEach(a -> items.add("unnest(" + a + ")"));
        }
        if (ordinality) {
            String first = args.get(0);
            items.add(looksLikeMap(first) ? "unnest(generate_series(1, cardinality(" + first + ")))"
                    : "generate_subscripts(" + first + ", 1)");
        }
        out.append("(SELECT ").append(String.join(", ", items)).append(")");
        if (alias != null) {
            out.append(" AS ").append(alias).append(columnList);
        }
        return end - start;
    }

    /** One argument, several columns: a map (key, value) or an array of rows (one column per field). */
    private static List<String> expandSingle(Group call, String arg) {
        String original = SqlTranslator.lower(SqlTree.text(call.children()));
        if (original.contains("row(") || original.contains("cast(")) {
            return List.of("unnest(" + arg + ", max_depth := 2)");
        }
        return List.of("unnest(map_keys(" + arg + "))", "unnest(map_values(" + arg + "))");
    }

    private static boolean looksLikeMap(String arg) {
        String lower = SqlTranslator.lower(arg);
        return lower.startsWith("map(") || lower.startsWith("map_");
    }

    private static boolean isAlias(Token token) {
        if (token.kind() == Token.Kind.QUOTED_IDENTIFIER || token.kind() == Token.Kind.BACKQUOTED_IDENTIFIER) {
            return true;
        }
        return token.kind() == Token.Kind.WORD && !java.util.Set.of("on", "where", "cross", "join", "left", "right",
                "inner", "full", "group", "order", "limit", "union", "natural", "using", "having", "window")
                .contains(token.lower());
    }
}
