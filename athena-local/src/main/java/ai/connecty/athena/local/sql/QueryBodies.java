package ai.connecty.athena.local.sql;

import java.util.List;
import java.util.Set;

/** Finds the query inside statements that carry one: EXPLAIN, INSERT ... SELECT, CREATE TABLE ... AS. */
final class QueryBodies {

    private static final Set<String> QUERY_START = Set.of("select", "with", "values", "table");

    private QueryBodies() {
    }

    /** The query text of a query-bearing statement, or null when the statement carries none. */
    static String queryBody(String sql) {
        List<Token> tokens = SqlLexer.significant(sql);
        if (tokens.isEmpty()) {
            return null;
        }
        Token first = tokens.get(0);
        if (startsQuery(first)) {
            return sql;
        }
        if (first.isWord("explain")) {
            return explainedQuery(sql);
        }
        if (first.isWord("insert")) {
            return fromFirstTopLevelQueryWord(sql, tokens, 1);
        }
        if (first.isWord("create")) {
            int depth = 0;
            for (int i = 1; i < tokens.size(); i++) {
                Token token = tokens.get(i);
                depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
                // Only an AS followed by a query is a CTAS or view body: STORED AS PARQUET is a storage clause.
                if (depth == 0 && token.isWord("as") && i + 1 < tokens.size() && startsQuery(tokens.get(i + 1))) {
                    return sql.substring(tokens.get(i + 1).start()).replaceFirst("(?is)\\s+with\\s+(no\\s+)?data\\s*$", "");
                }
            }
        }
        return null;
    }

    static boolean startsQuery(Token token) {
        return token.isSymbol("(") || token.kind() == Token.Kind.WORD && QUERY_START.contains(token.lower());
    }

    /** The statement after {@code EXPLAIN [ANALYZE] [VERBOSE] [(options)]}. */
    static String explainedQuery(String sql) {
        List<Token> tokens = SqlLexer.significant(sql);
        int i = 1;
        while (i < tokens.size() && (tokens.get(i).isWord("analyze") || tokens.get(i).isWord("verbose"))) {
            i++;
        }
        if (i < tokens.size() && tokens.get(i).isSymbol("(")) {
            int depth = 0;
            for (; i < tokens.size(); i++) {
                depth += tokens.get(i).isSymbol("(") ? 1 : tokens.get(i).isSymbol(")") ? -1 : 0;
                if (depth == 0) {
                    i++;
                    break;
                }
            }
        }
        return i < tokens.size() ? sql.substring(tokens.get(i).start()) : null;
    }

    private static String fromFirstTopLevelQueryWord(String sql, List<Token> tokens, int from) {
        int depth = 0;
        for (int i = from; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (depth == 0 && token.kind() == Token.Kind.WORD && QUERY_START.contains(token.lower())) {
                return sql.substring(token.start());
            }
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
        }
        return null;
    }
}
