package ai.connecty.athena.jdbc.parameters;

import ai.connecty.athena.jdbc.errors.SqlExceptions;
import ai.connecty.athena.jdbc.errors.SqlState;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JDBC escape syntax translated to Athena SQL (Statement.setEscapeProcessing, on by default, and
 * Connection.nativeSQL): <code>{d 'yyyy-mm-dd'}</code> to {@code DATE '...'}, <code>{t '...'}</code> to
 * {@code TIME '...'}, <code>{ts '...'}</code> to {@code TIMESTAMP '...'}, <code>{fn f(args)}</code> to Athena's
 * function (ucase to upper, ifnull to coalesce, locate to strpos with its arguments swapped, timestampadd to
 * date_add, convert to CAST, cot to 1e0 / tan, insert to substr and concat...), <code>{escape 'c'}</code> to {@code ESCAPE 'c'},
 * <code>{oj ...}</code> to its join, <code>{limit n offset m}</code> to {@code OFFSET m LIMIT n}, nested to any
 * depth. Braces inside string literals, quoted identifiers and comments are text. <code>{call ...}</code> and <code>{? = call ...}</code> are refused: Athena has no procedures.
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
        FUNCTIONS.put("truncate", "truncate");
        FUNCTIONS.put("log", "ln");
        FUNCTIONS.put("log10", "log10");
        FUNCTIONS.put("ceiling", "ceiling");
        FUNCTIONS.put("dayofmonth", "day");
        FUNCTIONS.put("dayofyear", "day_of_year");
    }

    /** The SQL_TSI_ interval keywords of TIMESTAMPADD/TIMESTAMPDIFF and date_add/date_diff's unit for each. */
    private static final Map<String, String> INTERVALS = new HashMap<>();

    static {
        for (String unit : new String[] {"second", "minute", "hour", "day", "week", "month", "quarter", "year"}) {
            INTERVALS.put("sql_tsi_" + unit, unit);
        }
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
        // Trimmed, but a trailing -- comment keeps its line end, or it would run on over the text after the '}'.
        String body = argument(text(true));
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
            case "limit":
                return limit(body);
            case "fn":
                return function(body);
            case "call":
            case "?=":
            case "?":
                throw SqlExceptions.notSupported("JDBC escape {" + keyword + " ...}: Athena has no stored procedures");
            default:
                throw new SQLException("Unknown JDBC escape '{" + sql.substring(start, Math.min(sql.length(), start + 20))
                        + "': expected {d ...}, {t ...}, {ts ...}, {fn ...}, {escape ...}, {oj ...} or {limit ...}",
                        SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION);
        }
    }

    /** The rows of {@code {limit ...}}, then its offset when there is one. */
    private static final Pattern LIMIT_PATTERN = Pattern.compile("(\\S+)(?:\\s+offset\\s+(\\S+))?",
            Pattern.CASE_INSENSITIVE);

    /**
     * <code>{limit rows [offset skipped]}</code> (JDBC 4.3, 13.4.6). Athena, as Trino, takes OFFSET before LIMIT, so
     * the two clauses swap places.
     */
    private static String limit(String body) throws SQLException {
        Matcher matcher = LIMIT_PATTERN.matcher(body);
        if (!matcher.matches()) {
            throw new SQLException("JDBC escape {limit " + body + "}: expected {limit rows} or {limit rows offset "
                    + "skipped}", SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION);
        }
        String limit = "LIMIT " + matcher.group(1);
        if (matcher.group(2) == null) {
            return limit;
        }
        if (matcher.group(1).contains("?") && matcher.group(2).contains("?")) {
            // Swapped, the offset's ? would take the value bound for the rows.
            throw SqlExceptions.notSupported("JDBC escape {limit " + body + "}: Athena takes OFFSET before LIMIT, "
                    + "which would swap the two parameters; write OFFSET ? LIMIT ? and bind the offset first");
        }
        return "OFFSET " + matcher.group(2) + " " + limit;
    }

    private static String function(String call) throws SQLException {
        int paren = call.indexOf('(');
        String name = (paren < 0 ? call : call.substring(0, paren)).trim();
        String arguments = paren < 0 ? "()" : call.substring(paren);
        String rewritten = rewritten(name.toLowerCase(Locale.ROOT), arguments);
        if (rewritten != null) {
            requirePlaceholdersInOrder(name, arguments, rewritten);
            return rewritten;
        }
        String athena = FUNCTIONS.get(name.toLowerCase(Locale.ROOT));
        if (athena == null) {
            return name + arguments;
        }
        if (NIL_ADIC.contains(athena) && arguments.replace(" ", "").equals("()")) {
            return athena;
        }
        return athena + arguments;
    }

    /**
     * The functions whose Athena namesake takes other arguments or answers otherwise than the Open Group definition
     * JDBC refers to; null for the others.
     */
    private static String rewritten(String name, String parenthesized) throws SQLException {
        switch (name) {
            case "locate": {
                // LOCATE(sought, searched[, start]); strpos(searched, sought) has no start.
                List<String> args = arguments(name, parenthesized, 2, 3);
                String sought = args.get(0);
                String searched = args.get(1);
                if (args.size() == 2) {
                    return "strpos(" + searched + ", " + sought + ")";
                }
                String start = args.get(2);
                String inTail = "strpos(substr(" + searched + ", " + start + "), " + sought + ")";
                return "if(" + inTail + " = 0, 0, " + inTail + " + (" + start + ") - 1)";
            }
            case "dayofweek":
                // Sunday is 1 in JDBC, Monday in day_of_week.
                return "(day_of_week(" + arguments(name, parenthesized, 1, 1).get(0) + ") % 7 + 1)";
            case "timestampadd": {
                List<String> args = arguments(name, parenthesized, 3, 3);
                return "date_add('" + interval(name, args.get(0)) + "', " + args.get(1) + ", " + args.get(2) + ")";
            }
            case "timestampdiff": {
                List<String> args = arguments(name, parenthesized, 3, 3);
                return "date_diff('" + interval(name, args.get(0)) + "', " + args.get(1) + ", " + args.get(2) + ")";
            }
            case "convert": {
                List<String> args = arguments(name, parenthesized, 2, 2);
                return ConvertEscape.cast(args.get(0), args.get(1));
            }
            case "repeat": {
                // REPEAT(string, count) is a string; Athena's repeat(element, count) an array of count elements.
                // Padding nothing to count times the string's length with the string repeats it, and keeps NULL.
                // Athena refuses an empty padding string even when nothing is to be padded, hence ' ' for ''.
                // A negative count gives '' rather than lpad's range error.
                List<String> args = arguments(name, parenthesized, 2, 2);
                String string = args.get(0);
                return "lpad('', greatest(length(" + string + ") * (" + args.get(1) + "), 0), coalesce(nullif("
                        + string + ", ''), ' '))";
            }
            case "space":
                return "lpad('', greatest(" + arguments(name, parenthesized, 1, 1).get(0) + ", 0), ' ')";
            case "left": {
                // LEFT and RIGHT are keywords in Athena (joins): a call by that name is a syntax error there.
                List<String> args = arguments(name, parenthesized, 2, 2);
                return "substr(" + args.get(0) + ", 1, " + args.get(1) + ")";
            }
            case "right": {
                // substr from a start before the first character gives '' in Athena, not the whole string.
                List<String> args = arguments(name, parenthesized, 2, 2);
                return "substr(" + args.get(0) + ", greatest(length(" + args.get(0) + ") - (" + args.get(1)
                        + ") + 1, 1))";
            }
            case "cot":
                // Athena has no cot; the cotangent is the reciprocal of the tangent (Infinity at 0, as 1e0 / 0e0).
                return "(1e0 / tan(" + arguments(name, parenthesized, 1, 1).get(0) + "))";
            case "ascii": {
                // ASCII(string): the code of its first character; codepoint takes a varchar(1), and none of ''.
                String string = arguments(name, parenthesized, 1, 1).get(0);
                return "codepoint(CAST(nullif(substr(" + string + ", 1, 1), '') AS varchar(1)))";
            }
            case "char":
                return "chr(" + arguments(name, parenthesized, 1, 1).get(0) + ")";
            case "insert": {
                // INSERT(string, start, length, replacement): length characters from start replaced.
                List<String> args = arguments(name, parenthesized, 4, 4);
                return "concat(substr(" + args.get(0) + ", 1, (" + args.get(1) + ") - 1), " + args.get(3)
                        + ", substr(" + args.get(0) + ", (" + args.get(1) + ") + (" + args.get(2) + ")))";
            }
            case "length":
                // LENGTH counts the characters without the trailing blanks (CHAR_LENGTH counts them all).
                return "length(rtrim(" + arguments(name, parenthesized, 1, 1).get(0) + ", ' '))";
            case "ltrim":
            case "rtrim":
                // Blanks only: Athena's one-argument ltrim and rtrim take every whitespace character.
                return name + "(" + arguments(name, parenthesized, 1, 1).get(0) + ", ' ')";
            case "difference": {
                // DIFFERENCE(a, b): how many of the four SOUNDEX characters of a and b match at the same place, 0 to
                // 4 (SQL Server's and the JDBC-ODBC bridge's definition). Each argument is written once, so a ? in
                // either stays one placeholder in its place: the codes are split into characters and compared
                // pairwise by zip_with (the shorter padded with NULL, never equal), the matches counted. NULL stays
                // NULL; a text without letters, whose soundex is '', matches nothing.
                List<String> args = arguments(name, parenthesized, 2, 2);
                return "CAST(cardinality(filter(zip_with(regexp_extract_all(soundex(" + args.get(0) + "), '.'), "
                        + "regexp_extract_all(soundex(" + args.get(1) + "), '.'), (c1, c2) -> c1 = c2), m -> m)) "
                        + "AS integer)";
            }
            case "octet_length":
                return "length(to_utf8(" + arguments(name, parenthesized, 1, 1).get(0) + "))";
            case "dayname":
                return "date_format(" + arguments(name, parenthesized, 1, 1).get(0) + ", '%W')";
            case "monthname":
                return "date_format(" + arguments(name, parenthesized, 1, 1).get(0) + ", '%M')";
            case "rand":
                if (!arguments(name, parenthesized, 0, 1).isEmpty()) {
                    throw SqlExceptions.notSupported("{fn rand(seed)}: Athena's rand has no seed (rand(n) is a number "
                            + "below n); use {fn rand()}");
                }
                return "rand()";
            default:
                return null;
        }
    }

    /** Stands for argument i in {@link #requirePlaceholdersInOrder}: characters no SQL text has (noncharacters). */
    private static final Pattern ARGUMENT_MARK = Pattern.compile("\uFDD0(\\d+)\uFDD1");

    /**
     * Parameters bind to the placeholders in the order of the text sent. A rewrite that moves an argument
     * ({@code locate(a, b)} is {@code strpos(b, a)}) or repeats it ({@code right}, {@code repeat}, {@code insert})
     * would move or repeat a {@code ?} in it: values would silently bind to the wrong places, or a parameter the
     * caller never counted would be missing. Such a call is refused (0A000) with the Athena text to write instead;
     * rewrites that use each argument holding a {@code ?} once and in order pass.
     */
    private static void requirePlaceholdersInOrder(String name, String parenthesized, String rewritten) throws SQLException {
        if (parenthesized.indexOf('?') < 0) {
            return;
        }
        List<String> args = arguments(name, parenthesized, 0, Integer.MAX_VALUE);
        List<Integer> withPlaceholders = new ArrayList<>();
        StringBuilder marked = new StringBuilder("(");
        for (int i = 0; i < args.size(); i++) {
            boolean placeholder = SqlText.of(args.get(i)).parameterCount() > 0;
            if (placeholder) {
                withPlaceholders.add(i);
            }
            marked.append(i == 0 ? "" : ", ").append(placeholder ? "\uFDD0" + i + "\uFDD1" : args.get(i));
        }
        marked.append(')');
        if (withPlaceholders.isEmpty()) {
            return;
        }
        // The same rewrite over marks in place of the arguments with a ?, to see where each one lands.
        List<Integer> used = new ArrayList<>();
        Matcher mark = ARGUMENT_MARK.matcher(rewritten(name.toLowerCase(Locale.ROOT), marked.toString()));
        while (mark.find()) {
            used.add(Integer.parseInt(mark.group(1)));
        }
        if (!used.equals(withPlaceholders)) {
            throw SqlExceptions.notSupported("JDBC escape {fn " + name + parenthesized + "}: its Athena form " + rewritten
                    + " uses the arguments holding ? " + (new HashSet<>(used).size() < used.size() ? "more than once"
                    : "in another order")
                    + ", so the parameters would bind to the wrong placeholders; write the Athena form with one ? per value"
                    + " in the order you bind them");
        }
    }

    private static String interval(String function, String keyword) throws SQLException {
        String unit = INTERVALS.get(keyword.toLowerCase(Locale.ROOT));
        if (unit != null) {
            return unit;
        }
        if (keyword.equalsIgnoreCase("sql_tsi_frac_second")) {
            throw SqlExceptions.notSupported("{fn " + function + "(SQL_TSI_FRAC_SECOND, ...)}: Athena counts no "
                    + "fractions of a second finer than milliseconds; use date_add('millisecond', ...) or "
                    + "date_diff('millisecond', ...) directly");
        }
        throw new SQLException("{fn " + function + "}: unknown interval " + keyword + "; expected SQL_TSI_SECOND, "
                + "SQL_TSI_MINUTE, SQL_TSI_HOUR, SQL_TSI_DAY, SQL_TSI_WEEK, SQL_TSI_MONTH, SQL_TSI_QUARTER or "
                + "SQL_TSI_YEAR", SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION);
    }

    /**
     * The arguments of {@code (a, b, ...)}, split at the commas outside brackets, quotes and comments (the text is
     * already translated, nested escapes included).
     */
    private static List<String> arguments(String function, String parenthesized, int min, int max)
            throws SQLException {
        String text = parenthesized.trim();
        List<String> args = new ArrayList<>();
        if (!text.startsWith("(") || !text.endsWith(")")) {
            throw argumentCount(function, min, max, parenthesized);
        }
        int depth = 0;
        int from = 1;
        for (int i = 1; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = SqlText.endOfQuoted(text, i) - 1;
            } else if (text.startsWith("--", i)) {
                int end = text.indexOf('\n', i);
                i = end < 0 ? text.length() - 2 : end;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? text.length() - 2 : end + 1;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                args.add(argument(text.substring(from, i)));
                from = i + 1;
            }
        }
        String last = argument(text.substring(from, text.length() - 1));
        if (!last.isEmpty() || !args.isEmpty()) {
            args.add(last);
        }
        if (args.size() < min || args.size() > max || args.contains("")) {
            throw argumentCount(function, min, max, parenthesized);
        }
        return args;
    }

    /**
     * An argument (or escape body) without surrounding blanks, but with its line end when it ends in a {@code --}
     * comment: trimmed
     * away, the comment would run on over whatever the rewrite writes after the argument (a closing parenthesis).
     */
    private static String argument(String text) {
        String trimmed = text.trim();
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = SqlText.endOfQuoted(trimmed, i) - 1;
            } else if (trimmed.startsWith("/*", i)) {
                int end = trimmed.indexOf("*/", i + 2);
                i = end < 0 ? trimmed.length() : end + 1;
            } else if (trimmed.startsWith("--", i)) {
                int end = trimmed.indexOf('\n', i);
                if (end < 0) {
                    return trimmed + "\n";
                }
                i = end;
            }
        }
        return trimmed;
    }

    private static SQLException argumentCount(String function, int min, int max, String arguments) {
        String expected = min == max ? min + (min == 1 ? " argument" : " arguments") : min + " or " + max + " arguments";
        return new SQLException("{fn " + function + arguments + "}: " + function + " takes " + expected,
                SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION);
    }

    private static SQLException unbalanced() {
        return new SQLException("Unbalanced braces in JDBC escape syntax: every '{' needs its '}' (braces inside "
                + "quotes are text); or turn escape processing off with Statement.setEscapeProcessing(false)",
                SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION);
    }
}
