package ai.connecty.athena.local.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into tokens, keeping whitespace and comments so that the original text (and every
 * position in it) can be reproduced. Never fails: unfinished quotes and comments become {@link Token.Kind#UNTERMINATED}.
 * The one lexer of athena-local's own parsing: SQL rules here, and Hive's backslash escapes in strings for the
 * DDL parser ({@code engine.ddl}).
 */
public final class SqlLexer {

    private static final String[] MULTI_CHAR_SYMBOLS = {"<>", "<=", ">=", "!=", "||", "->", "=>", "::"};

    private final String sql;
    private final boolean backslashEscapes;
    private int pos;

    private SqlLexer(String sql, boolean backslashEscapes) {
        this.sql = sql;
        this.backslashEscapes = backslashEscapes;
    }

    static List<Token> tokenize(String sql) {
        return new SqlLexer(sql, false).run();
    }

    /**
     * Every token of {@code sql}; with {@code hiveStrings} a backslash escapes the next character inside a string
     * literal, as Hive reads DDL ({@code 'it\'s'}); otherwise a backslash is an ordinary character, as in Trino.
     */
    public static List<Token> tokenize(String sql, boolean hiveStrings) {
        return new SqlLexer(sql, hiveStrings).run();
    }

    /** The tokens that are not whitespace or comments. */
    static List<Token> significant(String sql) {
        List<Token> result = new ArrayList<>();
        for (Token token : tokenize(sql)) {
            if (!token.isTrivia()) {
                result.add(token);
            }
        }
        return result;
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (pos < sql.length()) {
            int start = pos;
            Token.Kind kind = scan();
            tokens.add(new Token(kind, sql.substring(start, pos), start));
        }
        return tokens;
    }

    private Token.Kind scan() {
        char c = sql.charAt(pos);
        if (Character.isWhitespace(c)) {
            while (pos < sql.length() && Character.isWhitespace(sql.charAt(pos))) {
                pos++;
            }
            return Token.Kind.WHITESPACE;
        }
        if (sql.startsWith("--", pos)) {
            int newline = sql.indexOf('\n', pos);
            pos = newline < 0 ? sql.length() : newline;
            return Token.Kind.LINE_COMMENT;
        }
        if (sql.startsWith("/*", pos)) {
            int close = sql.indexOf("*/", pos + 2);
            if (close < 0) {
                pos = sql.length();
                return Token.Kind.UNTERMINATED;
            }
            pos = close + 2;
            return Token.Kind.BLOCK_COMMENT;
        }
        if ((c == 'x' || c == 'X') && pos + 1 < sql.length() && sql.charAt(pos + 1) == '\'') {
            pos++;
            return quoted('\'') ? Token.Kind.BINARY_STRING : Token.Kind.UNTERMINATED;
        }
        if (c == '\'') {
            return quoted('\'', backslashEscapes) ? Token.Kind.STRING : Token.Kind.UNTERMINATED;
        }
        if (c == '"') {
            return quoted('"') ? Token.Kind.QUOTED_IDENTIFIER : Token.Kind.UNTERMINATED;
        }
        if (c == '`') {
            return quoted('`') ? Token.Kind.BACKQUOTED_IDENTIFIER : Token.Kind.UNTERMINATED;
        }
        if (Character.isDigit(c) || (c == '.' && pos + 1 < sql.length() && Character.isDigit(sql.charAt(pos + 1)))) {
            scanNumber();
            return Token.Kind.NUMBER;
        }
        if (Character.isLetter(c) || c == '_') {
            while (pos < sql.length() && isWordPart(sql.charAt(pos))) {
                pos++;
            }
            return Token.Kind.WORD;
        }
        for (String symbol : MULTI_CHAR_SYMBOLS) {
            if (sql.startsWith(symbol, pos)) {
                pos += symbol.length();
                return Token.Kind.SYMBOL;
            }
        }
        pos += Character.charCount(sql.codePointAt(pos));
        return Token.Kind.SYMBOL;
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '@';
    }

    /** Consumes a quoted run starting at the opening quote; a doubled quote is an escaped quote. */
    private boolean quoted(char quote) {
        return quoted(quote, false);
    }

    private boolean quoted(char quote, boolean backslashes) {
        pos++;
        while (pos < sql.length()) {
            if (backslashes && sql.charAt(pos) == '\\' && pos + 1 < sql.length()) {
                pos += 2;
                continue;
            }
            if (sql.charAt(pos) == quote) {
                if (pos + 1 < sql.length() && sql.charAt(pos + 1) == quote) {
                    pos += 2;
                    continue;
                }
                pos++;
                return true;
            }
            pos++;
        }
        return false;
    }

    private void scanNumber() {
        while (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
            pos++;
        }
        if (pos < sql.length() && sql.charAt(pos) == '.') {
            pos++;
            while (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
                pos++;
            }
        }
        if (pos < sql.length() && (sql.charAt(pos) == 'e' || sql.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < sql.length() && (sql.charAt(pos) == '+' || sql.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
                while (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = save;
            }
        }
    }
}
