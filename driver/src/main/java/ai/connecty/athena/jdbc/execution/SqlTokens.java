package ai.connecty.athena.jdbc.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tokens of a statement's text as the driver reads it to classify a statement (which object a DDL names,
 * whether a statement may write) without parsing SQL: words (letters, digits, {@code _}, {@code $}) as written,
 * a quoted identifier ({@code "..."} or backticks) as NUL followed by its text (a doubled quote character inside
 * it standing for one), a string literal as written (its quotes included, a doubled quote inside it), and any other
 * character alone; white space and comments are skipped.
 * Null at the end (also inside an unterminated quote). A string literal is one token so that what it holds
 * ({@code ?}, parentheses, commas, {@code --}) is never read as SQL.
 */
public final class SqlTokens {
    private final String sql;
    private int at;

    public SqlTokens(String sql) {
        this.sql = sql;
    }

    public String next() {
        skipSpaceAndComments();
        if (at >= sql.length()) {
            return null;
        }
        char c = sql.charAt(at);
        if (c == '"' || c == '`') {
            // A doubled quote character is one of it inside the name (Trino's "", Hive's ``), not its end.
            StringBuilder quoted = new StringBuilder("\u0000");
            int from = at + 1;
            while (true) {
                int end = sql.indexOf(c, from);
                if (end < 0) {
                    at = sql.length();
                    return null;
                }
                quoted.append(sql, from, end);
                if (end + 1 < sql.length() && sql.charAt(end + 1) == c) {
                    quoted.append(c);
                    from = end + 2;
                } else {
                    at = end + 1;
                    return quoted.toString();
                }
            }
        }
        if (c == '\'') {
            int end = endOfStringLiteral(at);
            if (end < 0) {
                at = sql.length();
                return null;
            }
            String literal = sql.substring(at, end);
            at = end;
            return literal;
        }
        if (isWordChar(c)) {
            int start = at;
            while (at < sql.length() && isWordChar(sql.charAt(at))) {
                at++;
            }
            return sql.substring(start, at);
        }
        at++;
        return String.valueOf(c);
    }

    /** Where the next token is looked for: the index just after the token {@link #next} returned last. */
    public int position() {
        return at;
    }

    /** The index after the string literal that starts at {@code start} (a doubled quote stays inside); -1 unclosed. */
    private int endOfStringLiteral(int start) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == '\'') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return -1;
    }

    /** {@code first} followed by {@code .part} repeats; quoted parts are unquoted, all lower-cased. */
    public List<String> qualifiedName(String first) {
        List<String> parts = new ArrayList<>();
        String part = first;
        while (true) {
            if (!isName(part)) {
                return new ArrayList<>();
            }
            parts.add(unquote(part).toLowerCase(Locale.ROOT));
            int mark = at;
            skipSpaceAndComments();
            if (at < sql.length() && sql.charAt(at) == '.') {
                at++;
                part = next();
                if (part == null) {
                    return new ArrayList<>();
                }
            } else {
                at = mark;
                return parts;
            }
        }
    }

    /** Whether a token of {@link #next} is a word (not a quoted name or a symbol). */
    public static boolean isWord(String token) {
        return !token.isEmpty() && isWordChar(token.charAt(0));
    }

    /** Whether a token of {@link #next} is a name: a word or a quoted name. */
    public static boolean isName(String token) {
        return token.startsWith("\u0000") || isWord(token);
    }

    /** A name token's text: a quoted name without its NUL mark, a word as it is. */
    public static String unquote(String token) {
        return token.startsWith("\u0000") ? token.substring(1) : token;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private void skipSpaceAndComments() {
        while (at < sql.length()) {
            char c = sql.charAt(at);
            if (Character.isWhitespace(c)) {
                at++;
            } else if (sql.startsWith("--", at)) {
                int end = sql.indexOf('\n', at);
                at = end < 0 ? sql.length() : end + 1;
            } else if (sql.startsWith("/*", at)) {
                int end = sql.indexOf("*/", at + 2);
                at = end < 0 ? sql.length() : end + 2;
            } else {
                return;
            }
        }
    }
}
