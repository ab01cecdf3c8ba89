package ai.connecty.athena.jdbc.metadata;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A DatabaseMetaData name pattern: {@code %} any sequence, {@code _} any one character, {@code \} (the
 * {@code getSearchStringEscape}) makes the next character literal, null matches everything. Athena folds catalog
 * names to lower case, so matching ignores case.
 *
 * <p>Besides matching, a pattern says how the server can narrow a listing: an exact name (no wildcard) is one
 * lookup, and any other pattern becomes an {@code Expression} for Glue GetTables and Athena ListTableMetadata.
 * Those expressions are regular expressions with Hive's {@code *}/{@code |} conventions whose exact dialect AWS
 * does not document, so the expression is built to match a superset ({@code .} for any character that is not a
 * plain letter, digit or underscore) and the results are always filtered here with the exact JDBC semantics.
 */
final class NamePattern {
    private static final NamePattern ANY = new NamePattern(null, null, null);

    private final Pattern regex;
    private final String exactName;
    private final String serverExpression;

    private NamePattern(Pattern regex, String exactName, String serverExpression) {
        this.regex = regex;
        this.exactName = exactName;
        this.serverExpression = serverExpression;
    }

    static NamePattern of(String jdbcPattern) {
        if (jdbcPattern == null || jdbcPattern.equals("%")) {
            return ANY;
        }
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        StringBuilder expression = new StringBuilder();
        boolean wildcard = false;
        for (int i = 0; i < jdbcPattern.length(); i++) {
            char c = jdbcPattern.charAt(i);
            if (c == '\\' && i + 1 < jdbcPattern.length()) {
                char escaped = jdbcPattern.charAt(++i);
                regex.append(Pattern.quote(String.valueOf(escaped)));
                literal.append(escaped);
                expression.append(expressionChar(escaped));
            } else if (c == '%') {
                regex.append(".*");
                wildcard = true;
                if (!endsWithAnything(expression)) {
                    expression.append(".*");
                }
            } else if (c == '_') {
                regex.append('.');
                wildcard = true;
                expression.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
                literal.append(c);
                expression.append(expressionChar(c));
            }
        }
        String narrowing = expression.toString().equals(".*") ? null : expression.toString();
        return new NamePattern(Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL),
                wildcard ? null : literal.toString(), narrowing);
    }

    /** Letters, digits and underscores (all an Athena table name holds) stand for themselves; the rest for any one. */
    private static String expressionChar(char c) {
        char lower = Character.toLowerCase(c);
        boolean plain = (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9') || lower == '_';
        return plain ? String.valueOf(lower) : ".";
    }

    private static boolean endsWithAnything(StringBuilder expression) {
        int n = expression.length();
        return n >= 2 && expression.charAt(n - 2) == '.' && expression.charAt(n - 1) == '*';
    }

    boolean matches(String name) {
        return regex == null || (name != null && regex.matcher(name).matches());
    }

    /** Whether every name matches (null or {@code %}), so a listing needs no filtering. */
    boolean matchesEverything() {
        return regex == null;
    }

    /** The name itself when the pattern has no wildcard, so a single exact lookup can replace a listing. */
    Optional<String> exactName() {
        return Optional.ofNullable(exactName).map(name -> name.toLowerCase(Locale.ROOT));
    }

    /**
     * The Glue/Athena {@code Expression} that returns at least every matching table (empty: list everything). For
     * an exact name it is the name, with characters other than letters, digits and underscores as {@code .}.
     */
    Optional<String> serverExpression() {
        return Optional.ofNullable(serverExpression);
    }
}
