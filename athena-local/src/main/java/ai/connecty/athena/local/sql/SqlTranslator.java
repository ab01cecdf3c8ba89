package ai.connecty.athena.local.sql;

import ai.connecty.athena.local.sql.SqlTree.Group;
import ai.connecty.athena.local.sql.SqlTree.Leaf;
import ai.connecty.athena.local.sql.SqlTree.Node;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Athena (Trino) SQL to DuckDB SQL. Works on the token tree ({@link SqlTree}): literals, casts and calls are
 * rewritten one node at a time, so strings, quoted names and comments are never touched by accident.
 * The supported constructs and the known differences are listed in athena-local/SQL-GAPS.md.
 */
public final class SqlTranslator {

    /** Alias given to an unnamed column after {@code *}, whose position only the result knows; see QueryRunner. */
    static final String UNNAMED_AFTER_STAR = "__athena_unnamed_";

    private static final Set<String> SELECT_LIST_END = Set.of("from", "where", "group", "having", "order", "limit",
            "union", "except", "intersect", "window", "offset", "fetch", "qualify", "into");

    private SqlTranslator() {
    }

    /**
     * Translates a query statement or expression.
     *
     * @throws UnsupportedSqlException for valid Athena SQL that DuckDB cannot run
     */
    public static String toDuckDb(String athenaSql) {
        return toDuckDb(athenaSql, true);
    }

    /** As {@link #toDuckDb(String)}; without {@code nameColumns} no {@code _colN} aliases are added (parse checks). */
    static String toDuckDb(String athenaSql, boolean nameColumns) {
        List<Node> nodes = SqlTree.parse(athenaSql);
        int first = SqlTree.next(nodes, 0);
        if (first < nodes.size() && SqlTree.isWord(nodes.get(first), "table")) {
            return "SELECT * FROM " + translate(nodes.subList(first + 1, nodes.size())).trim();
        }
        if (first < nodes.size() && SqlTree.isWord(nodes.get(first), "values")) {
            return topLevelValues(nodes.subList(first + 1, nodes.size()));
        }
        return nameColumns ? translateWithColumnNames(nodes) : translate(nodes);
    }

    /** Translates a token sequence with no statement-level changes. */
    static String translate(List<Node> nodes) {
        return translate(nodes, Map.of());
    }

    private static String translate(List<Node> nodes, Map<Integer, String> suffixes) {
        StringBuilder out = new StringBuilder();
        // An additive run with an interval starts at or before any division run inside it, so it is met first.
        Map<Integer, Operands.Run> intervals = new HashMap<>();
        IntervalArithmetic.runs(nodes).forEach(run -> intervals.put(run.start(), run));
        Map<Integer, Operands.Run> divisions = new HashMap<>();
        Division.runs(nodes).forEach(run -> divisions.put(run.start(), run));
        int i = 0;
        while (i < nodes.size()) {
            Operands.Run interval = intervals.get(i);
            Operands.Run division = divisions.get(i);
            int consumed;
            if (interval != null) {
                out.append(IntervalArithmetic.translate(nodes, interval));
                consumed = interval.end() - i;
            } else if (division != null) {
                out.append(Division.translate(nodes, division));
                consumed = division.end() - i;
            } else {
                consumed = translateAt(nodes, i, out);
            }
            for (int k = i; k < i + consumed; k++) {
                String suffix = suffixes.get(k);
                if (suffix != null) {
                    out.append(suffix);
                }
            }
            i += consumed;
        }
        return out.toString();
    }

    /** Appends the translation of the construct starting at {@code i}; returns how many nodes it used. */
    private static int translateAt(List<Node> nodes, int i, StringBuilder out) {
        Node node = nodes.get(i);
        if (node instanceof Group group) {
            out.append(group.open().text()).append(translateGroupBody(group.children()));
            if (group.close() != null) {
                out.append(group.close().text());
            }
            return 1;
        }
        Token token = ((Leaf) node).token();
        switch (token.kind()) {
            case BACKQUOTED_IDENTIFIER -> {
                out.append('"').append(token.unquoted().replace("\"", "\"\"")).append('"');
                return 1;
            }
            case BINARY_STRING -> {
                out.append(Literals.binary(token.unquoted()));
                return 1;
            }
            case NUMBER -> {
                out.append(Literals.number(token.text()));
                return 1;
            }
            case WORD -> {
                return translateWord(nodes, i, token, out);
            }
            default -> {
                out.append(token.text());
                return 1;
            }
        }
    }

    /** The inside of a bracket: a sub-query gets its own VALUES handling, everything else is translated as is. */
    private static String translateGroupBody(List<Node> children) {
        int first = SqlTree.next(children, 0);
        if (first < children.size() && SqlTree.isWord(children.get(first), "values")) {
            return SqlTree.text(children.subList(0, first)) + "VALUES " + valuesRows(children.subList(first + 1, children.size()));
        }
        return translate(children);
    }

    private static int translateWord(List<Node> nodes, int i, Token token, StringBuilder out) {
        String word = token.lower();
        int next = SqlTree.next(nodes, i + 1);
        Node following = next < nodes.size() ? nodes.get(next) : null;
        int previous = SqlTree.previous(nodes, i);
        boolean qualified = previous >= 0 && SqlTree.isSymbol(nodes.get(previous), ".");
        if (word.equals("match_recognize")) {
            throw new UnsupportedSqlException("MATCH_RECOGNIZE (row pattern recognition)");
        }
        if (word.equals("at") && following != null && SqlTree.isWord(following, "time")) {
            return atTimeZone(nodes, i, out);
        }
        if (word.equals("array") && following instanceof Group bracket && !bracket.isParen()) {
            out.append('[').append(translate(bracket.children())).append(']');
            return next - i + 1;
        }
        if (!qualified && following instanceof Leaf literal && literal.token().kind() == Token.Kind.STRING) {
            String typed = Literals.typed(word, literal.token().unquoted());
            if (typed != null) {
                out.append(typed);
                return next - i + 1;
            }
        }
        if (!qualified && following instanceof Group call && call.isParen() && !isAggregateFilter(word, call)) {
            if (UnavailableFunctions.contains(word) && !namesColumns(nodes, i, next)) {
                throw new UnsupportedSqlException("the function " + token.text());
            }
            if (word.equals("unnest")) {
                return Unnest.translate(nodes, i, next, call, out);
            }
            String rewritten = Calls.rewrite(word, call);
            if (rewritten != null) {
                out.append(rewritten);
                return next - i + 1;
            }
        }
        out.append(word);
        return 1;
    }

    /**
     * {@code x AT TIME ZONE 'UTC'} is a timestamp with time zone in Trino (DuckDB's AT TIME ZONE drops the zone).
     * The session zone is UTC, so a cast says the same; both bind tighter than arithmetic. Other zones would need
     * a zone-carrying type DuckDB lacks, so they are refused rather than answered with the wrong type.
     */
    private static int atTimeZone(List<Node> nodes, int at, StringBuilder out) {
        int zoneWord = SqlTree.next(nodes, SqlTree.next(nodes, at + 1) + 1);
        int zone = SqlTree.next(nodes, zoneWord + 1);
        if (zoneWord >= nodes.size() || !SqlTree.isWord(nodes.get(zoneWord), "zone") || zone >= nodes.size()
                || !(nodes.get(zone) instanceof Leaf literal) || literal.token().kind() != Token.Kind.STRING) {
            throw new UnsupportedSqlException("AT TIME ZONE with a zone that is not a string literal");
        }
        String name = literal.token().unquoted();
        if (!Set.of("utc", "z", "+00:00", "etc/utc", "gmt").contains(lower(name.trim()))) {
            throw new UnsupportedSqlException("AT TIME ZONE '" + name + "' (only 'UTC', the session zone, is translated)");
        }
        out.append("::TIMESTAMPTZ");
        return zone - at + 1;
    }

    /** {@code AS name(a, b)} (an alias with column names) and {@code name(a, b) AS (…)} (a WITH query) are no calls. */
    private static boolean namesColumns(List<Node> nodes, int name, int columns) {
        int previous = SqlTree.previous(nodes, name);
        int as = SqlTree.next(nodes, columns + 1);
        int query = as < nodes.size() ? SqlTree.next(nodes, as + 1) : nodes.size();
        return previous >= 0 && SqlTree.isWord(nodes.get(previous), "as")
                || query < nodes.size() && SqlTree.isWord(nodes.get(as), "as") && SqlTree.isParenGroup(nodes.get(query));
    }

    /** {@code count(*) FILTER (WHERE ...)} is a clause, not Trino's filter(array, lambda). */
    private static boolean isAggregateFilter(String word, Group call) {
        int first = SqlTree.next(call.children(), 0);
        return word.equals("filter") && first < call.children().size() && SqlTree.isWord(call.children().get(first), "where");
    }

    // ---- statement level -------------------------------------------------------------------------------------

    private static String topLevelValues(List<Node> rows) {
        List<List<Node>> items = SqlTree.split(rows, ",");
        List<Node> firstRow = items.isEmpty() ? List.of() : SqlTree.significant(items.get(0));
        int columns = firstRow.size() == 1 && SqlTree.isParenGroup(firstRow.get(0))
                ? ((Group) firstRow.get(0)).arguments().size() : 1;
        StringBuilder names = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            names.append(c == 0 ? "" : ", ").append("_col").append(c);
        }
        return "SELECT * FROM (VALUES " + valuesRows(rows) + ") AS _values(" + names + ")";
    }

    /** Trino allows {@code VALUES 1, 2}; DuckDB wants every row in parentheses. */
    private static String valuesRows(List<Node> rows) {
        StringBuilder out = new StringBuilder();
        int end = rows.size();
        for (int k = 0; k < rows.size(); k++) {
            if (rows.get(k) instanceof Leaf leaf && leaf.token().kind() == Token.Kind.WORD
                    && Set.of("order", "limit", "offset", "fetch").contains(leaf.token().lower())) {
                end = k;
                break;
            }
        }
        List<List<Node>> items = SqlTree.split(rows.subList(0, end), ",");
        for (int k = 0; k < items.size(); k++) {
            List<Node> significant = SqlTree.significant(items.get(k));
            String row = translate(items.get(k)).trim();
            boolean parenthesized = significant.size() == 1 && SqlTree.isParenGroup(significant.get(0));
            out.append(k == 0 ? "" : ", ").append(parenthesized ? row : "(" + row + ")");
        }
        return out + (end < rows.size() ? " " + translate(rows.subList(end, rows.size())) : "");
    }

    /** Translates a query, naming unnamed columns of the outermost SELECT list {@code _col0}, {@code _col1}, ... */
    private static String translateWithColumnNames(List<Node> nodes) {
        int first = SqlTree.next(nodes, 0);
        int select = findTopLevelSelect(nodes);
        if (select < 0) {
            if (first < nodes.size() && SqlTree.isParenGroup(nodes.get(first))
                    && SqlTree.next(nodes, first + 1) == nodes.size()) {
                Group group = (Group) nodes.get(first);
                return SqlTree.text(nodes.subList(0, first)) + "(" + translateWithColumnNames(group.children()) + ")";
            }
            return translate(nodes);
        }
        return translate(nodes, unnamedColumnAliases(nodes, select));
    }

    private static int findTopLevelSelect(List<Node> nodes) {
        for (int i = 0; i < nodes.size(); i++) {
            if (SqlTree.isWord(nodes.get(i), "select")) {
                return i;
            }
        }
        return -1;
    }

    /** Aliases to append after the last node of each unnamed select item, keyed by that node's index. */
    private static Map<Integer, String> unnamedColumnAliases(List<Node> nodes, int select) {
        int start = SqlTree.next(nodes, select + 1);
        if (start < nodes.size() && (SqlTree.isWord(nodes.get(start), "distinct") || SqlTree.isWord(nodes.get(start), "all"))) {
            start++;
        }
        int end = start;
        while (end < nodes.size() && !(nodes.get(end) instanceof Leaf leaf && leaf.token().kind() == Token.Kind.WORD
                && SELECT_LIST_END.contains(leaf.token().lower()))) {
            end++;
        }
        Map<Integer, String> aliases = new HashMap<>();
        int itemStart = start;
        int position = 0;
        boolean afterStar = false;
        for (int k = start; k <= end; k++) {
            if (k == end || SqlTree.isSymbol(nodes.get(k), ",")) {
                List<Node> item = nodes.subList(itemStart, k);
                SelectItems.Kind kind = SelectItems.classify(item);
                if (kind == SelectItems.Kind.STAR) {
                    afterStar = true;
                } else if (kind == SelectItems.Kind.UNNAMED) {
                    int last = SqlTree.previous(nodes, k);
                    aliases.put(last, afterStar ? " AS \"" + UNNAMED_AFTER_STAR + position + "\"" : " AS _col" + position);
                }
                position++;
                itemStart = k + 1;
            }
        }
        return aliases;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
