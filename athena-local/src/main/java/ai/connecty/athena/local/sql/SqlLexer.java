package ai.connecty.athena.local.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into tokens, keeping whitespace and comments so that the original text (and every
 * position in it) can be reproduced. Never fails: unfinished quotes and comments become {@link Token.Kind#UNTERMINATED}.
 * The one lexer of athena-local's own parsing: SQL rules here, and Hive's backslash escapes in strings for the
 * DDL parser ({@code engine.ddl}).
 *
 * <p>A QueryString is lexed once ({@link #tokenize(String)}), with the string rules of the engine its statement goes
 * to: which one is decided by the statement's first keywords ({@link StatementClassifier#takesHiveStrings}), and
 * keywords are lexed alike under both rules, so the decision is made before the first string literal is read.
 */
public final class SqlLexer {

    private static final String[] MULTI_CHAR_SYMBOLS = {"<>", "<=", ">=", "!=", "||", "->", "=>", "::"};

    /** Texts lexed on each thread; tests read it to prove that a statement is lexed once. */
    private static final ThreadLocal<int[]> PASSES = ThreadLocal.withInitial(() -> new int[1]);

    private final String sql;
    /** Fixed string rules, or null when each statement's first keywords choose them. */
    private final Boolean backslashEscapes;
    /** The current statement's significant tokens so far (only while its string rules are undecided). */
    private final List<Token> leading = new ArrayList<>();
    private Boolean statementEscapes;
    private int pos;

    private SqlLexer(String sql, Boolean backslashEscapes) {
        this.sql = sql;
        this.backslashEscapes = backslashEscapes;
    }

    /**
     * Every token of a QueryString; each statement's strings are read by the rules of the engine it goes to
     * (Hive's backslash escapes for DDL, Trino's literal backslashes otherwise).
     */
    static List<Token> tokenize(String sql) {
        return new SqlLexer(sql, null).run();
    }

    /** How many texts {@code SqlLexer} has lexed on the calling thread so far. */
    public static int passesOnThisThread() {
        return PASSES.get()[0];
    }

    /**
     * Every token of {@code sql}; with {@code hiveStrings} a backslash escapes the next character inside a string
     * literal, as Hive reads DDL ({@code 'it\'s'}); otherwise a backslash is an ordinary character, as in Trino.
     */
    public static List<Token> tokenize(String sql, boolean hiveStrings) {
        return new SqlLexer(sql, hiveStrings).run();
    }

    /** The tokens that are not whitespace or comments, each statement's strings read by its engine's rules. */
    static List<Token> significant(String sql) {
        return significant(tokenize(sql));
    }

    /** The tokens that are not whitespace or comments. */
    static List<Token> significant(List<Token> tokens) {
        List<Token> result = new ArrayList<>();
        for (Token token : tokens) {
            if (!token.isTrivia()) {
                result.add(token);
            }
        }
        return result;
    }

    private List<Token> run() {
        PASSES.get()[0]++;
        List<Token> tokens = new ArrayList<>();
        while (pos < sql.length()) {
            int start = pos;
            Token.Kind kind = scan();
            Token token = new Token(kind, sql.substring(start, pos), start);
            tokens.add(token);
            if (backslashEscapes == null) {
                follow(token);
            }
        }
        return tokens;
    }

    /** Keeps the current statement's first keywords until they decide its string rules; {@code ;} starts anew. */
    private void follow(Token token) {
        if (token.isSymbol(";")) {
            leading.clear();
            statementEscapes = null;
        } else if (statementEscapes == null && !token.isTrivia()) {
            leading.add(token);
            if (leading.size() == StatementClassifier.HIVE_STRINGS_LOOKAHEAD) {
                backslashEscapes();
            }
        }
    }

    private boolean backslashEscapes() {
        if (backslashEscapes != null) {
            return backslashEscapes;
        }
        if (statementEscapes == null) {
            statementEscapes = StatementClassifier.takesHiveStrings(leading);
            leading.clear();
        }
        return statementEscapes;
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
            return quoted('\'', backslashEscapes()) ? Token.Kind.STRING : Token.Kind.UNTERMINATED;
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
