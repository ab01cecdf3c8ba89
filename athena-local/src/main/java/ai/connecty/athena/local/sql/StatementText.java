package ai.connecty.athena.local.sql;

import java.util.ArrayList;
import java.util.List;

/** Athena's rules for the raw QueryString of StartQueryExecution (measured-behaviour §5.4). */
public final class StatementText {

    private StatementText() {
    }

    /**
     * Strips surrounding whitespace and semicolons and returns the single statement, keeping leading comments.
     *
     * @throws SqlRejectedException MALFORMED_QUERY for several statements, a lone {@code ;} or comment-only text
     */
    public static String normalize(String queryString) throws SqlRejectedException {
        return split(queryString).statement();
    }

    /** The single statement and its significant tokens, positioned in the statement. */
    record Normalized(String statement, List<Token> significant) {
    }

    /** As {@link #normalize}, also handing on the statement's tokens, so they are lexed once. */
    static Normalized split(String queryString) throws SqlRejectedException {
        List<Token> tokens = SqlLexer.tokenize(queryString);
        List<List<Token>> pieces = splitOnSemicolons(tokens);
        List<List<Token>> statements = new ArrayList<>();
        boolean anyComment = false;
        for (List<Token> piece : pieces) {
            if (piece.stream().anyMatch(t -> !t.isTrivia())) {
                statements.add(piece);
            } else if (piece.stream().anyMatch(t -> t.kind() != Token.Kind.WHITESPACE)) {
                anyComment = true;
            }
        }
        if (statements.size() > 1) {
            throw new SqlRejectedException("MALFORMED_QUERY",
                    "Only one sql statement is allowed. Got: " + queryString.stripTrailing());
        }
        if (statements.isEmpty()) {
            if (anyComment || queryString.isBlank()) {
                // Trino's parser reaches the end of input while looking for the first keyword.
                throw new SqlRejectedException("MALFORMED_QUERY",
                        SyntaxChecker.unknownStatementMessage(queryString, queryString.length(), "<EOF>"));
            }
            throw new SqlRejectedException("MALFORMED_QUERY", "Empty sql statement: " + queryString.strip());
        }
        List<Token> statement = statements.get(0);
        int first = statement.get(0).start();
        int last = statement.get(statement.size() - 1).end();
        String text = queryString.substring(first, last);
        String stripped = text.strip();
        int shift = first + text.indexOf(stripped);
        List<Token> significant = new ArrayList<>();
        for (Token t : statement) {
            if (!t.isTrivia()) {
                significant.add(new Token(t.kind(), t.text(), t.start() - shift));
            }
        }
        return new Normalized(stripped, significant);
    }

    private static List<List<Token>> splitOnSemicolons(List<Token> tokens) {
        List<List<Token>> pieces = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        for (Token token : tokens) {
            if (token.isSymbol(";")) {
                pieces.add(current);
                current = new ArrayList<>();
            } else {
                current.add(token);
            }
        }
        pieces.add(current);
        return pieces;
    }
}
