package ai.connecty.athena.local.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * Rejects, before execution, what Athena rejects at StartQueryExecution with MALFORMED_QUERY, using Trino's
 * message shapes. Query bodies are parsed (never bound or run) by DuckDB after translation.
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
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Connection parserConnection;

    private SyntaxChecker() {
    }

    /** @throws SqlRejectedException MALFORMED_QUERY with Athena's message */
    public static void check(String normalizedSql) throws SqlRejectedException {
        List<Token> tokens = SqlLexer.significant(normalizedSql);
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
        String body = QueryBodies.queryBody(normalizedSql);
        if (body != null) {
            parseWithDuckDb(normalizedSql, body);
        }
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

    private static void parseWithDuckDb(String originalSql, String athenaBody) {
        String translated;
        try {
            translated = SqlTranslator.toDuckDb(athenaBody, false);
        } catch (UnsupportedSqlException e) {
            return; // valid Athena SQL that fails at run time with NOT_SUPPORTED, not a syntax error
        }
        JsonNode result = serialize(translated);
        if (result == null || !result.path("error").asBoolean(false)
                || !"parser".equals(result.path("error_type").asText())) {
            return;
        }
        String message = result.path("error_message").asText("syntax error");
        int duckPosition = result.path("position").asInt(-1);
        int bodyStart = Math.max(originalSql.indexOf(athenaBody), 0);
        int inBody = originalPosition(athenaBody, translated, duckPosition);
        boolean atEnd = message.contains("at end of input") || inBody < 0;
        int offset = atEnd ? originalSql.length() : bodyStart + inBody;
        String near = atEnd ? "<EOF>" : SqlLexer.significant(originalSql).stream()
                .filter(t -> t.start() == offset).map(Token::text).findFirst().orElse(message);
        throw malformed("line " + Positions.of(originalSql, offset) + ": mismatched input '" + near + "'");
    }

    /** Maps a position in the translated text to the same token occurrence in the original text; -1 if it has none. */
    private static int originalPosition(String original, String translated, int duckPosition) {
        if (duckPosition < 0 || duckPosition >= translated.length()) {
            return -1;
        }
        List<Token> duckTokens = SqlLexer.significant(translated);
        Token target = null;
        int occurrence = 0;
        for (Token token : duckTokens) {
            if (token.start() > duckPosition) {
                break;
            }
            target = token;
        }
        if (target == null) {
            return -1;
        }
        for (Token token : duckTokens) {
            if (token == target) {
                break;
            }
            if (token.text().equalsIgnoreCase(target.text())) {
                occurrence++;
            }
        }
        for (Token token : SqlLexer.significant(original)) {
            if (token.text().equalsIgnoreCase(target.text()) && occurrence-- == 0) {
                return token.start();
            }
        }
        return -1;
    }

    private static synchronized JsonNode serialize(String sql) {
        try {
            if (parserConnection == null || parserConnection.isClosed()) {
                Properties properties = new Properties();
                properties.setProperty("autoinstall_known_extensions", "false");
                parserConnection = DriverManager.getConnection("jdbc:duckdb:", properties);
            }
            try (PreparedStatement statement = parserConnection.prepareStatement("SELECT json_serialize_sql(?::VARCHAR)")) {
                statement.setString(1, sql);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? JSON.readTree(rs.getString(1)) : null;
                }
            }
        } catch (SQLException | java.io.IOException e) {
            // The parse check is an extra; if it cannot run, the statement fails later with the engine's message.
            return null;
        }
    }

    private static SqlRejectedException malformed(String message) {
        return new SqlRejectedException("MALFORMED_QUERY", message);
    }
}
