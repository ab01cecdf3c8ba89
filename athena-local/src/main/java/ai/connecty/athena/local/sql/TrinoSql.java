package ai.connecty.athena.local.sql;

import io.trino.sql.parser.ParsingException;
import io.trino.sql.parser.SqlParser;
import io.trino.sql.tree.DefaultTraversalVisitor;
import io.trino.sql.tree.Insert;
import io.trino.sql.tree.Node;
import io.trino.sql.tree.Query;
import io.trino.sql.tree.Statement;
import io.trino.sql.tree.Table;
import io.trino.sql.tree.WithQuery;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Trino's own grammar (Athena engine 3 is Trino): parses a statement into Trino's tree, so syntax errors carry
 * Trino's exact wording and {@code line:column}, and the tables a statement reads come from the tree rather
 * than from scanning tokens. Hive DDL never comes here; it has its own parser.
 */
public final class TrinoSql {

    /** Stateless once built, so one is shared by every query (as Trino's coordinator does). */
    private static final SqlParser PARSER = new SqlParser();
    private static final int PARSED_KEPT = 256;
    /**
     * Recently parsed texts and their (immutable) trees: a view's stored text is parsed each time a query reads the
     * view (for its tables and its DuckDB text), and gets the tree parsed before instead of a new parse.
     */
    private static final Map<String, Statement> PARSED = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Statement> eldest) {
            return size() > PARSED_KEPT;
        }
    };

    /**
     * Trino's message when its parser's stack overflows ({@code SqlParser} reports it at line 1, column 1): Athena's
     * answer to a statement too deep or too large to parse.
     */
    static final String TOO_LARGE = "line 1:1: statement is too large (stack overflow while parsing)";

    private TrinoSql() {
    }

    /** StartQueryExecution's refusal of a statement too large to parse, in Trino's words. */
    public static SqlRejectedException tooLarge() {
        return new SqlRejectedException("MALFORMED_QUERY", TOO_LARGE);
    }

    /** Parses {@code sql}, a whole statement. @throws SqlRejectedException MALFORMED_QUERY with Trino's message */
    public static Statement parse(String sql) throws SqlRejectedException {
        synchronized (PARSED) {
            Statement known = PARSED.get(sql);
            if (known != null) {
                return known;
            }
        }
        try {
            Statement tree = PARSER.createStatement(sql);
            synchronized (PARSED) {
                PARSED.put(sql, tree);
            }
            return tree;
        } catch (ParsingException e) {
            throw new SqlRejectedException("MALFORMED_QUERY", e.getMessage());
        } catch (StackOverflowError e) {
            // Trino's SqlParser turns its own overflow into that ParsingException; this is the net for one it lets by.
            throw tooLarge();
        }
    }

    /**
     * Every table or view name the statement reads, in order of appearance, each as its name parts in lower case
     * ({@code [t]}, {@code [db, t]} or {@code [catalog, db, t]}): in CTEs, subqueries (also in expressions), joins,
     * UNNEST and lateral relations, INSERT targets and CTAS/view sources. Names a WITH clause defines are not
     * tables where they are visible. The tables behind a view are found by parsing the view's own text.
     */
    public static List<List<String>> tableNames(Node statement) {
        Set<List<String>> names = new LinkedHashSet<>();
        new DefaultTraversalVisitor<Set<String>>() {
            @Override
            protected Void visitQuery(Query node, Set<String> ctes) {
                Set<String> scope = ctes;
                if (node.getWith().isPresent()) {
                    scope = new HashSet<>(ctes);
                    List<WithQuery> queries = node.getWith().get().getQueries();
                    boolean recursive = node.getWith().get().isRecursive();
                    for (WithQuery w : queries) {
                        if (recursive) {
                            scope.add(lower(w.getName().getValue()));
                        }
                    }
                    for (WithQuery w : queries) {
                        process(w.getQuery(), Set.copyOf(scope));
                        // A later CTE (and the main query) sees the earlier ones.
                        scope.add(lower(w.getName().getValue()));
                    }
                }
                process(node.getQueryBody(), scope);
                node.getOrderBy().ifPresent(o -> process(o, ctes));
                node.getOffset().ifPresent(o -> process(o, ctes));
                node.getLimit().ifPresent(l -> process(l, ctes));
                return null;
            }

            @Override
            protected Void visitTable(Table node, Set<String> ctes) {
                List<String> parts = node.getName().getParts().stream().map(TrinoSql::lower).toList();
                if (!(parts.size() == 1 && ctes.contains(parts.get(0)))) {
                    names.add(parts);
                }
                return null;
            }

            @Override
            protected Void visitInsert(Insert node, Set<String> ctes) {
                names.add(node.getTarget().getParts().stream().map(TrinoSql::lower).toList());
                return super.visitInsert(node, ctes);
            }
        }.process(statement, Set.of());
        return new ArrayList<>(names);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
