package ai.connecty.athena.local.athena;

import ai.connecty.athena.local.api.AwsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * StartQueryExecution's {@code ExecutionParameters}, bound to the statement's {@code ?} placeholders as Athena
 * binds them (measured-behaviour §5.6): each value that is an expression without column references
 * ({@code 'abc'}, {@code 1 + 1}, {@code DATE '2020-01-01'}, {@code CAST(NULL AS varchar)}, {@code now()}) is used
 * as that expression; any other value ({@code abc}, {@code it's}, {@code x + 1}) is a string literal. Values
 * for a statement without placeholders are ignored; {@code null} elements are dropped; a statement with
 * placeholders and a different number of values is refused with {@code INVALID_PARAMETER_USAGE}.
 *
 * <p>A placeholder is a {@code ?} outside string literals, quoted identifiers and comments. An expression
 * value is substituted in parentheses and only when it is self-contained (balanced, no comment, no
 * {@code ;}), so no value can change the statement around it.
 */
final class ExecutionParameters {
    /** Words an expression may contain that are not column references. */
    private static final Set<String> EXPRESSION_WORDS = Set.of("true", "false", "null", "date", "time", "timestamp",
            "decimal", "interval", "year", "month", "day", "hour", "minute", "second", "to", "with", "without",
            "zone", "at", "and", "or", "not", "is", "in", "between", "like", "escape", "case", "when", "then", "else",
            "end", "array", "map", "row", "cast", "try_cast", "as", "json", "uuid", "ipaddress", "real", "double",
            "precision", "char", "varchar", "varbinary", "integer", "int", "bigint", "smallint", "tinyint", "boolean",
            "distinct", "from");
    private static final Set<String> QUERY_WORDS = Set.of("select", "values", "table", "union", "except", "intersect");

    private ExecutionParameters() {
    }

    /** The statement with its placeholders bound; unchanged when {@code parameters} is missing or empty. */
    static String bind(String statement, JsonNode parameters) {
        List<String> values = new ArrayList<>();
        if (parameters != null && parameters.isArray()) {
            for (JsonNode value : parameters) {
                if (!value.isNull()) {
                    values.add(value.asText());
                }
            }
        }
        List<Integer> placeholders = placeholders(statement);
        if (placeholders.isEmpty()) {
            return statement;
        }
        if (placeholders.size() != values.size()) {
            throw AwsException.invalidRequest("INVALID_PARAMETER_USAGE", String.format(Locale.ROOT,
                    "Incorrect number of parameters: expected %d but found %d", placeholders.size(), values.size()));
        }
        StringBuilder bound = new StringBuilder(statement.length() + 16 * values.size());
        int from = 0;
        for (int i = 0; i < placeholders.size(); i++) {
            int at = placeholders.get(i);
            bound.append(statement, from, at).append(asExpression(values.get(i)));
            from = at + 1;
        }
        return bound.append(statement.substring(from)).toString();
    }

    /** Positions of the {@code ?} that are placeholders. */
    static List<Integer> placeholders(String sql) {
        List<Integer> positions = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = endOfQuoted(sql, i, c);
                i = end < 0 ? sql.length() : end;
            } else if (c == '-' && sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end + 1;
            } else if (c == '/' && sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
            } else {
                if (c == '?') {
                    positions.add(i);
                }
                i++;
            }
        }
        return positions;
    }

    /** The index after the quoted text starting at {@code start}, -1 if unterminated; a doubled quote stays inside. */
    private static int endOfQuoted(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return -1; // unterminated
    }

    private static String asExpression(String value) {
        return isExpression(value) ? "(" + value + ")" : "'" + value.replace("'", "''") + "'";
    }

    /**
     * Whether the value is a self-contained expression without column references: strings terminated,
     * brackets balanced, no comment or {@code ;}, no quoted identifier, and every word either an expression
     * keyword, a type name after AS, or a function name (followed by {@code (}).
     */
    static boolean isExpression(String value) {
        String text = value.trim();
        if (text.isEmpty()) {
            return false;
        }
        int depth = 0;
        String previousWord = "";
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'') {
                int end = endOfQuoted(text, i, '\'');
                if (end < 0) {
                    return false;
                }
                i = end;
                previousWord = "";
            } else if (c == '"' || c == '`' || c == ';' || text.startsWith("--", i) || text.startsWith("/*", i)) {
                return false;
            } else if (c == '(' || c == '[') {
                depth++;
                i++;
            } else if (c == ')' || c == ']') {
                if (--depth < 0) {
                    return false;
                }
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                    i++;
                }
                String word = text.substring(start, i).toLowerCase(Locale.ROOT);
                boolean call = nextNonSpace(text, i) == '(';
                boolean binaryPrefix = "x".equals(word) && i < text.length() && text.charAt(i) == '\'';
                if (QUERY_WORDS.contains(word) || !(EXPRESSION_WORDS.contains(word) || call || binaryPrefix
                        || "as".equals(previousWord))) {
                    return false;
                }
                previousWord = word;
            } else if (Character.isDigit(c)) {
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                    i++;
                }
                previousWord = "";
            } else {
                i++;
            }
        }
        return depth == 0;
    }

    private static char nextNonSpace(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return text.charAt(i);
            }
        }
        return 0;
    }
}
