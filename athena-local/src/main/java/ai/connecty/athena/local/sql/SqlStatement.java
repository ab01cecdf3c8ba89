package ai.connecty.athena.local.sql;

import io.trino.sql.tree.CreateMaterializedView;
import io.trino.sql.tree.CreateTableAsSelect;
import io.trino.sql.tree.CreateView;
import io.trino.sql.tree.Explain;
import io.trino.sql.tree.ExplainAnalyze;
import io.trino.sql.tree.Expression;
import io.trino.sql.tree.Insert;
import io.trino.sql.tree.Node;
import io.trino.sql.tree.Query;
import io.trino.sql.tree.Statement;
import io.trino.sql.tree.TableSubquery;
import java.util.List;
import java.util.Optional;

/**
 * One statement as StartQueryExecution accepted it, parsed once and carried to where it runs: its text (what
 * GetQueryExecution shows), its {@link Classification}, and, for statements on the Trino path, Trino's tree with the
 * ExecutionParameters bound to its {@code ?} nodes. Statements on the Hive path (CREATE EXTERNAL TABLE, CREATE
 * DATABASE, ALTER, DROP, MSCK, SHOW, DESCRIBE ...) have no Trino tree: they carry the tokens of the one lexing pass
 * ({@link SqlLexer}, Hive's string rules), which the DDL parser and the statement GetQueryExecution shows read.
 *
 * <p>Which path a statement takes is decided by {@link StatementClassifier#isTrinoPath} from its first keywords,
 * as Athena routes statements between its engines before parsing them.
 *
 * @param text       the normalised statement (parameters substituted, so it is what GetQueryExecution shows)
 * @param tree       Trino's tree of the statement as written (with {@code ?} nodes), or null on the Hive path
 * @param parameters the bound ExecutionParameters, by the id of the {@code ?} node they are bound to (empty when the
 *                   statement has none)
 * @param hiveTokens the significant tokens of a Hive-path statement, positioned in {@code text}; empty on the Trino
 *                   path, whose tree holds everything
 */
public record SqlStatement(String text, Statement tree, Classification classification, List<BoundValue> parameters,
                           List<Token> hiveTokens) {

    /** One ExecutionParameter: its text, and the expression it stands for (a string literal unless it parses as one). */
    public record BoundValue(String text, Expression expression) {

        /** {@code e}, or for a {@code ?} the expression bound to it (a bound value holds no {@code ?} of its own). */
        static Expression resolve(List<BoundValue> parameters, Expression e) {
            return e instanceof io.trino.sql.tree.Parameter parameter ? parameters.get(parameter.getId()).expression() : e;
        }
    }

    public SqlStatement {
        parameters = List.copyOf(parameters);
        hiveTokens = List.copyOf(hiveTokens);
    }

    /**
     * Checks and parses a normalised statement (see {@link StatementText#normalize}).
     *
     * @throws SqlRejectedException MALFORMED_QUERY, with Athena's or Trino's message
     */
    public static SqlStatement parse(String normalizedSql) throws SqlRejectedException {
        return parse(normalizedSql, SqlLexer.significant(normalizedSql));
    }

    /**
     * Applies Athena's text rules to a StartQueryExecution QueryString ({@link StatementText}) and parses the one
     * statement: one lexing pass for both, then Trino's grammar.
     *
     * @throws SqlRejectedException MALFORMED_QUERY, with Athena's or Trino's message
     */
    public static SqlStatement of(String queryString) throws SqlRejectedException {
        StatementText.Normalized normalized = StatementText.split(queryString);
        return parse(normalized.statement(), normalized.significant());
    }

    private static SqlStatement parse(String normalizedSql, List<Token> tokens) throws SqlRejectedException {
        SyntaxChecker.checkTokens(normalizedSql, tokens);
        if (UnloadSyntax.isUnload(tokens)) {
            return unload(normalizedSql, tokens);
        }
        if (preparesUnload(tokens)) {
            // PREPARE name FROM UNLOAD ...: Trino's grammar reads the PREPARE of the UNLOAD's query, in place.
            UnloadSyntax syntax = UnloadSyntax.parse(normalizedSql, tokens.subList(3, tokens.size()));
            NestingLimit.check(tokens);
            Statement tree = TrinoSql.parse(syntax.queryOnly(normalizedSql, tokens.get(3).start()));
            return new SqlStatement(normalizedSql, tree, StatementClassifier.classify(tree), List.of(), List.of());
        }
        if (!StatementClassifier.isTrinoPath(tokens)) {
            return new SqlStatement(normalizedSql, null, StatementClassifier.classify(tokens), List.of(), tokens);
        }
        NestingLimit.check(tokens);
        Statement tree = TrinoSql.parse(normalizedSql);
        return new SqlStatement(normalizedSql, tree, StatementClassifier.classify(tree), List.of(), List.of());
    }

    /**
     * An UNLOAD: its query parsed by Trino's grammar in place ({@link UnloadSyntax#queryOnly}), so the tree's
     * positions, the bound parameters and engine errors all refer to the UNLOAD's own text.
     */
    private static SqlStatement unload(String normalizedSql, List<Token> tokens) throws SqlRejectedException {
        UnloadSyntax syntax = UnloadSyntax.parse(normalizedSql, tokens);
        NestingLimit.check(tokens);
        Statement tree = TrinoSql.parse(syntax.queryOnly(normalizedSql));
        if (!(tree instanceof Query)) {
            throw new SqlRejectedException("MALFORMED_QUERY", "line " + Positions.of(normalizedSql, syntax.queryStart())
                    + ": UNLOAD takes a query (SELECT, WITH, VALUES or TABLE)");
        }
        return new SqlStatement(normalizedSql, tree, StatementClassifier.UNLOAD, List.of(), List.of());
    }

    private static boolean preparesUnload(List<Token> tokens) {
        return tokens.size() > 3 && tokens.get(0).isWord("prepare") && tokens.get(2).isWord("from")
                && tokens.get(3).isWord("unload");
    }

    /** Whether the statement is an UNLOAD: its tree is the query it writes out. */
    public boolean isUnload() {
        return classification.substatementType().equals(StatementClassifier.UNLOAD.substatementType());
    }

    /** Whether Trino's grammar parsed the statement (queries, EXPLAIN, INSERT, CTAS, views, UPDATE/DELETE/MERGE). */
    public boolean onTrinoPath() {
        return tree != null;
    }

    /**
     * The query the statement runs or carries: the statement itself for a query, the query of INSERT, CTAS and
     * CREATE VIEW, the explained statement's query for EXPLAIN; empty when it has none.
     */
    public Optional<Query> query() {
        return queryOf(tree);
    }

    static Optional<Query> queryOf(Node node) {
        if (node instanceof Query q) {
            return Optional.of(q);
        }
        if (node instanceof Insert i) {
            return Optional.of(i.getQuery());
        }
        if (node instanceof CreateTableAsSelect c) {
            return Optional.of(c.getQuery());
        }
        if (node instanceof CreateView v) {
            return Optional.of(v.getQuery());
        }
        if (node instanceof CreateMaterializedView v) {
            return Optional.of(v.getQuery());
        }
        if (node instanceof Explain e) {
            return queryOf(e.getStatement());
        }
        if (node instanceof ExplainAnalyze e) {
            return queryOf(e.getStatement());
        }
        return Optional.empty();
    }

    /**
     * The text of the query the statement carries, as written: from the query's first token to the end, without the
     * brackets around a CTAS query and its {@code WITH [NO] DATA} (the text a view keeps, and the text engine errors
     * are positioned in).
     */
    public String queryText() {
        Query query = query().orElseThrow(() -> new IllegalStateException("no query in " + text));
        if (query == tree && isUnload()) {
            UnloadSyntax syntax = UnloadSyntax.parse(text);
            return text.substring(syntax.queryStart(), syntax.queryEnd()).strip();
        }
        if (query == tree) {
            return text;
        }
        if (tree instanceof CreateTableAsSelect) {
            // A CTAS keeps its query without the brackets around it.
            while (query.getQueryBody() instanceof TableSubquery sub && query.getWith().isEmpty()
                    && query.getOrderBy().isEmpty() && query.getOffset().isEmpty() && query.getLimit().isEmpty()) {
                query = sub.getQuery();
            }
        }
        int start = Positions.offset(text, query.getLocation().orElseThrow());
        String rest = text.substring(start);
        if (tree instanceof CreateTableAsSelect) {
            rest = rest.replaceFirst("(?is)\\s+with\\s+(no\\s+)?data\\s*$", "");
        }
        // Brackets opened right before the query's first token close at its end.
        int opened = 0;
        for (int i = start - 1; i >= 0 && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '('); i--) {
            opened += text.charAt(i) == '(' ? 1 : 0;
        }
        rest = rest.stripTrailing();
        for (int k = 0; k < opened && rest.endsWith(")"); k++) {
            rest = rest.substring(0, rest.length() - 1).stripTrailing();
        }
        return rest;
    }

    /** The expressions bound to the statement's parameters, by position. */
    public List<Expression> parameterExpressions() {
        return parameters.stream().map(BoundValue::expression).toList();
    }

    /** The same statement with its text and parameters replaced (after ExecutionParameters are bound). */
    SqlStatement withParameters(String boundText, List<BoundValue> values) {
        return new SqlStatement(boundText, tree, classification, values, hiveTokens);
    }
}
