package ai.connecty.athena.local.sql;

import java.util.List;
import java.util.Set;

/**
 * Rejects, before execution, what Athena rejects at StartQueryExecution with MALFORMED_QUERY. Statements on the
 * Trino path are parsed by Trino's own grammar ({@link TrinoSql}, from {@link SqlStatement#parse}), so their errors
 * carry Trino's exact wording and position; the token checks here run first and give Athena's measured answers
 * for what never reaches the grammar (unknown statements, {@code SELECT FROM t}).
 */
public final class SyntaxChecker {

    private static final String STATEMENT_KEYWORDS = "'ALTER', 'ANALYZE', 'CALL', 'COMMENT', 'COMMIT', 'CREATE', "
            + "'DEALLOCATE', 'DELETE', 'DENY', 'DESC', 'DESCRIBE', 'DROP', 'EXECUTE', 'EXPLAIN', 'GRANT', 'INSERT', "
            + "'MERGE', 'PREPARE', 'REFRESH', 'RESET', 'REVOKE', 'ROLLBACK', 'SET', 'SHOW', 'START', 'TRUNCATE', "
            + "'UNLOAD', 'UPDATE', 'USE', <query>";

    /** Statement starts Athena accepts: Trino's list, the query starters and Hive/Iceberg-only statements. */
    private static final Set<String> FIRST_WORDS = Set.of("alter", "analyze", "call", "comment", "commit", "create",
            "deallocate", "delete", "deny", "desc", "describe", "drop", "execute", "explain", "grant", "insert", "merge",
            "prepare", "refresh", "reset", "revoke", "rollback", "set", "show", "start", "truncate", "unload", "update",
            "use", "select", "with", "values", "table", "msck", "optimize", "vacuum");

    private static final String NOT_SUPPORTED = "Queries of this type are not supported";

    private SyntaxChecker() {
    }

    /**
     * The whole check: the token checks, then Trino's grammar on statements of the Trino path.
     *
     * @throws SqlRejectedException MALFORMED_QUERY with Athena's message
     */
    public static void check(String normalizedSql) throws SqlRejectedException {
        SqlStatement.parse(normalizedSql);
    }

    /** The checks on the statement's tokens ({@code tokens}: its significant ones), before any grammar. */
    static void checkTokens(String normalizedSql, List<Token> tokens) throws SqlRejectedException {
        if (tokens.isEmpty()) {
            throw malformed(unknownStatementMessage(normalizedSql, normalizedSql.length(), "<EOF>"));
        }
        for (Token token : tokens) {
            if (token.kind() == Token.Kind.UNTERMINATED) {
                throw malformed(unknownStartOrRecognition(normalizedSql, tokens, token));
            }
        }
        checkBrackets(normalizedSql, tokens);
        Token first = tokens.stream().filter(t -> !t.isSymbol("(")).findFirst().orElse(tokens.get(0));
        if (first.kind() != Token.Kind.WORD || !FIRST_WORDS.contains(first.lower())) {
            throw malformed(unknownStatementMessage(normalizedSql, first.start(), first.text()));
        }
        checkSelectList(normalizedSql, tokens);
    }

    /** Trino's message when the first token cannot start a statement; {@code offset} is where that token starts. */
    static String unknownStatementMessage(String sql, int offset, String tokenText) {
        return "line " + Positions.of(sql, offset) + ": mismatched input '" + tokenText + "'. Expecting: " + STATEMENT_KEYWORDS;
    }

    private static String unknownStartOrRecognition(String sql, List<Token> tokens, Token unterminated) {
        if (unterminated == tokens.get(0)) {
            return unknownStatementMessage(sql, unterminated.start(), unterminated.text().substring(0, 1));
        }
        return "line " + Positions.of(sql, unterminated.start()) + ": token recognition error at: '" + unterminated.text() + "'";
    }

    private static void checkBrackets(String sql, List<Token> tokens) {
        int depth = 0;
        for (Token token : tokens) {
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                if (--depth < 0) {
                    throw malformed("line " + Positions.of(sql, token.start()) + ": mismatched input ')'. Expecting: <EOF>");
                }
            }
        }
        if (depth > 0) {
            throw malformed("line " + Positions.of(sql, sql.length()) + ": mismatched input '<EOF>'. Expecting: ')'");
        }
    }

    /** {@code SELECT} alone, {@code SELECT FROM t} and a dangling {@code FROM}, as measured. */
    private static void checkSelectList(String sql, List<Token> tokens) {
        Token last = tokens.get(tokens.size() - 1);
        if (last.isWord("select")) {
            throw malformed("line " + Positions.of(sql, sql.length())
                    + ": mismatched input '<EOF>'. Expecting: '*', 'ALL', 'DISTINCT', <expression>");
        }
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isWord("select") && tokens.get(i + 1).isWord("from")) {
                throw malformed(NOT_SUPPORTED);
            }
        }
        if (last.isWord("from") && tokens.stream().anyMatch(t -> t.isWord("select"))) {
            throw malformed(NOT_SUPPORTED);
        }
    }

    private static SqlRejectedException malformed(String message) {
        return new SqlRejectedException("MALFORMED_QUERY", message);
    }
}
