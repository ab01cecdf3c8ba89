package ai.connecty.athena.local.engine.ddl;

import ai.connecty.athena.local.engine.ddl.DdlToken.Kind;
import ai.connecty.athena.local.sql.SqlLexer;
import ai.connecty.athena.local.sql.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * The DDL parser's view of athena-local's one lexer ({@link SqlLexer}): comments and whitespace dropped, operators
 * as single characters (so {@code map<string,array<int>>} closes bracket by bracket), and an unterminated string
 * or identifier running to the end of the text, where the parser reports it. A statement's tokens come from its one
 * lexing pass ({@link #of}); {@link #tokenize} lexes texts that are not statements (Glue partition expressions).
 */
public final class DdlLexer {

    private DdlLexer() {
    }

    /** Hive rules: backslash escapes inside strings (DDL); otherwise Trino rules, where {@code '\\'} is one backslash. */
    public static List<DdlToken> tokenize(String sql, boolean hiveEscapes) {
        return of(SqlLexer.tokenize(sql, hiveEscapes));
    }

    /** The DDL view of tokens already lexed (a statement's, as {@code sql.SqlStatement} carries them). */
    public static List<DdlToken> of(List<Token> lexed) {
        List<DdlToken> tokens = new ArrayList<>();
        for (Token t : lexed) {
            int start = t.start();
            switch (t.kind()) {
                case WHITESPACE, LINE_COMMENT, BLOCK_COMMENT -> {
                }
                case WORD -> tokens.add(new DdlToken(Kind.WORD, t.text(), start, t.end()));
                case NUMBER -> tokens.add(new DdlToken(Kind.NUMBER, t.text(), start, t.end()));
                case STRING -> tokens.add(new DdlToken(Kind.STRING, t.text(), start, t.end()));
                case QUOTED_IDENTIFIER -> tokens.add(new DdlToken(Kind.QUOTED_IDENTIFIER, t.text(), start, t.end()));
                case BACKQUOTED_IDENTIFIER -> tokens.add(new DdlToken(Kind.BACKQUOTED_IDENTIFIER, t.text(), start, t.end()));
                case BINARY_STRING -> {
                    tokens.add(new DdlToken(Kind.WORD, t.text().substring(0, 1), start, start + 1));
                    tokens.add(new DdlToken(Kind.STRING, t.text().substring(1), start + 1, t.end()));
                }
                case SYMBOL -> {
                    for (int i = 0; i < t.text().length(); i++) {
                        tokens.add(new DdlToken(Kind.SYMBOL, t.text().substring(i, i + 1), start + i, start + i + 1));
                    }
                }
                case UNTERMINATED -> unterminated(t, tokens);
                default -> throw new IllegalStateException("unknown token kind " + t.kind());
            }
        }
        return tokens;
    }

    private static void unterminated(Token t, List<DdlToken> tokens) {
        String text = t.text();
        int start = t.start();
        switch (text.charAt(0)) {
            case '\'' -> tokens.add(new DdlToken(Kind.STRING, text, start, t.end()));
            case '"' -> tokens.add(new DdlToken(Kind.QUOTED_IDENTIFIER, text, start, t.end()));
            case '`' -> tokens.add(new DdlToken(Kind.BACKQUOTED_IDENTIFIER, text, start, t.end()));
            case 'x', 'X' -> {
                tokens.add(new DdlToken(Kind.WORD, text.substring(0, 1), start, start + 1));
                tokens.add(new DdlToken(Kind.STRING, text.substring(1), start + 1, t.end()));
            }
            default -> {
                // an unclosed block comment: the rest of the text is comment
            }
        }
    }
}
