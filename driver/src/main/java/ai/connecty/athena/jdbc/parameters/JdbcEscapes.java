package ai.connecty.athena.jdbc.parameters;

import ai.connecty.athena.jdbc.errors.SqlExceptions;
import ai.connecty.athena.jdbc.errors.SqlState;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * JDBC escape syntax translated to Athena SQL (Statement.setEscapeProcessing, on by default, and
 * Connection.nativeSQL): <code>{d 'yyyy-mm-dd'}</code> to {@code DATE '...'}, <code>{t '...'}</code> to
 * {@code TIME '...'}, <code>{ts '...'}</code> to {@code TIMESTAMP '...'}, <code>{fn f(args)}</code> to Athena's
 * function (ucase to upper, ifnull to coalesce...), <code>{escape 'c'}</code> to {@code ESCAPE 'c'},
 * <code>{oj ...}</code> to its join, nested to any depth. Braces inside string literals, quoted identifiers and
 * comments are text. <code>{call ...}</code> and <code>{? = call ...}</code> are refused: Athena has no procedures.
 * Athena SQL itself has no braces, so translating never changes a statement that has no escapes.
 */
public final class JdbcEscapes {
    private static final Map<String, String> FUNCTIONS = new HashMap<>();

    static {
        FUNCTIONS.put("ucase", "upper");
        FUNCTIONS.put("lcase", "lower");
        FUNCTIONS.put("ifnull", "coalesce");
        FUNCTIONS.put("curdate", "current_date");
        FUNCTIONS.put("curtime", "current_time");
        FUNCTIONS.put("current_date", "current_date");
        FUNCTIONS.put("current_time", "current_time");
        FUNCTIONS.put("current_timestamp", "current_timestamp");
        FUNCTIONS.put("database", "current_schema");
        FUNCTIONS.put("user", "current_user");
        FUNCTIONS.put("char_length", "length");
        FUNCTIONS.put("character_length", "length");
        FUNCTIONS.put("locate", "strpos");
        FUNCTIONS.put("truncate", "truncate");
        FUNCTIONS.put("log", "ln");
        FUNCTIONS.put("log10", "log10");
        FUNCTIONS.put("ceiling", "ceiling");
        FUNCTIONS.put("dayofmonth", "day_of_month");
        FUNCTIONS.put("dayofweek", "day_of_week");
        FUNCTIONS.put("dayofyear", "day_of_year");
    }

    /** Functions without parentheses in Athena: {@code {fn curdate()}} is {@code current_date}. */
    private static final java.util.Set<String> NIL_ADIC = new java.util.HashSet<>(java.util.Arrays.asList(
            "current_date", "current_time", "current_timestamp", "current_schema", "current_user"));

    private final String sql;
    private int position;

    private JdbcEscapes(String sql) {
        this.sql = sql;
    }

    /** {@code sql} with every escape translated. */
    public static String translate(String sql) throws SQLException {
        if (sql.indexOf('{') < 0) {
            return sql;
        }
        JdbcEscapes escapes = new JdbcEscapes(sql);
        String translated = escapes.text(false);
        if (escapes.position < sql.length()) {
            throw unbalanced();
        }
        return translated;
    }

    /** Text up to the end, or up to the closing brace of the escape being read when {@code nested}. */
    private String text(boolean nested) throws SQLException {
        StringBuilder out = new StringBuilder(sql.length());
        while (position < sql.length()) {
            char c = sql.charAt(position);
            if (c == '\'' || c == '"' || c == '`') {
                int end = SqlText.endOfQuoted(sql, position);
                out.append(sql, position, end);
                position = end;
            } else if (sql.startsWith("--", position)) {
                int end = sql.indexOf('\n', position);
                end = end < 0 ? sql.length() : end + 1;
                out.append(sql, position, end);
                position = end;
            } else if (sql.startsWith("/*", position)) {
                int end = sql.indexOf("*/", position + 2);
                end = end < 0 ? sql.length() : end + 2;
                out.append(sql, position, end);
                position = end;
            } else if (c == '{') {
                position++;
                out.append(escape());
            } else if (c == '}') {
                if (!nested) {
                    throw unbalanced();
                }
                position++;
                return out.toString();
            } else {
                out.append(c);
                position++;
            }
        }
        if (nested) {
            throw unbalanced();
        }
        return out.toString();
    }

    private String escape() throws SQLException {
        int start = position;
        while (position < sql.length() && Character.isWhitespace(sql.charAt(position))) {
            position++;
        }
        int wordStart = position;
        while (position < sql.length() && (Character.isLetter(sql.charAt(position)) || sql.charAt(position) == '?'
                || sql.charAt(position) == '=')) {
            position++;
        }
        String keyword = sql.substring(wordStart, position).toLowerCase(Locale.ROOT);
        String body = text(true).trim();
        switch (keyword) {
            case "d":
                return "DATE " + body;
            case "t":
                return "TIME " + body;
            case "ts":
                return "TIMESTAMP " + body;
            case "escape":
                return "ESCAPE " + body;
            case "oj":
                return body;
            case "fn":
                return function(body);
            case "call":
            case "?=":
            case "?":
                throw SqlExceptions.notSupported("JDBC escape {" + keyword + " ...}: Athena has no stored procedures");
            default:
                throw new SQLException("Unknown JDBC escape '{" + sql.substring(start, Math.min(sql.length(), start + 20))
                        + "': expected {d ...}, {t ...}, {ts ...}, {fn ...}, {escape ...} or {oj ...}",
                        SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION);
        }
    }

    private static String function(String call) {
        int paren = call.indexOf('(');
        String name = (paren < 0 ? call : call.substring(0, paren)).trim();
        String arguments = paren < 0 ? "()" : call.substring(paren);
        String athena = FUNCTIONS.get(name.toLowerCase(Locale.ROOT));
        if (athena == null) {
            return name + arguments;
        }
        if (NIL_ADIC.contains(athena) && arguments.replace(" ", "").equals("()")) {
            return athena;
        }
        return athena + arguments;
    }

    private static SQLException unbalanced() {
        return new SQLException("Unbalanced braces in JDBC escape syntax: every '{' needs its '}' (braces inside "
                + "quotes are text); or turn escape processing off with Statement.setEscapeProcessing(false)",
                SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION);
    }
}
