package ai.connecty.athena.jdbc.metadata;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

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
    /** The longest Expression both catalog APIs take: Athena's ListTableMetadata limit (Glue's is 2048). */
    static final int MAX_SERVER_EXPRESSION = 256;
    /**
     * At most this many {@code .*} in an Expression: the service matches it with a backtracking engine, for which
     * each one multiplies the work on a name that fails (a tool's {@code %_%_%_...} would stall the listing).
     * The expression is cut after the last one allowed, which still matches a superset.
     */
    static final int MAX_SERVER_WILDCARDS = 3;
    /** In {@link #tokens}: any sequence ({@code %}) and any one character ({@code _}); other values are code points. */
    private static final int ANY_SEQUENCE = -1;
    private static final int ANY_ONE = -2;

    /** The pattern as code points and wildcards; null matches everything. */
    private final int[] tokens;
    private final String exactName;
    private final String serverExpression;

    private NamePattern(int[] tokens, String exactName, String serverExpression) {
        this.tokens = tokens;
        this.exactName = exactName;
        this.serverExpression = serverExpression;
    }

    static NamePattern of(String jdbcPattern) {
        if (jdbcPattern == null || jdbcPattern.equals("%")) {
            return ANY;
        }
        int[] tokens = new int[jdbcPattern.length()];
        int count = 0;
        StringBuilder literal = new StringBuilder();
        StringBuilder expression = new StringBuilder();
        int expressionWildcards = 0;
        boolean expressionCut = false;
        boolean wildcard = false;
        for (int i = 0; i < jdbcPattern.length(); ) {
            int c = jdbcPattern.codePointAt(i);
            i += Character.charCount(c);
            String piece;
            if (c == '\\' && i < jdbcPattern.length()) {
                int escaped = jdbcPattern.codePointAt(i);
                i += Character.charCount(escaped);
                tokens[count++] = escaped;
                literal.appendCodePoint(escaped);
                piece = expressionChar(escaped);
            } else if (c == '%') {
                wildcard = true;
                if (count > 0 && tokens[count - 1] == ANY_SEQUENCE) {
                    continue; // %% is %
                }
                tokens[count++] = ANY_SEQUENCE;
                piece = ".*";
                if (!expressionCut && ++expressionWildcards == MAX_SERVER_WILDCARDS) {
                    expression.append(piece);
                    expressionCut = true;
                }
            } else if (c == '_') {
                wildcard = true;
                tokens[count++] = ANY_ONE;
                piece = ".";
            } else {
                tokens[count++] = c;
                literal.appendCodePoint(c);
                piece = expressionChar(c);
            }
            if (!expressionCut) {
                expression.append(piece);
            }
        }
        // Beyond what the APIs take (Athena ListTableMetadata: 256 characters; Glue GetTables: 2048), the service
        // would refuse the call: such a pattern lists everything and is filtered here.
        String narrowing = expression.toString().equals(".*") || expression.length() > MAX_SERVER_EXPRESSION ? null
                : expression.toString();
        return new NamePattern(Arrays.copyOf(tokens, count), wildcard ? null : literal.toString(), narrowing);
    }

    /** Letters, digits and underscores (all an Athena table name holds) stand for themselves; the rest for any one. */
    private static String expressionChar(int c) {
        int lower = Character.toLowerCase(c);
        boolean plain = (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9') || lower == '_';
        return plain ? String.valueOf((char) lower) : ".";
    }

    /**
     * Matches the whole name, ignoring case, in time proportional to the name's length times the pattern's (the
     * classic wildcard walk that returns only to the last {@code %}): a regular expression built from the pattern
     * backtracks exponentially on {@code %_%_%_...} against a name that does not match.
     */
    boolean matches(String name) {
        if (tokens == null) {
            return true;
        }
        if (name == null) {
            return false;
        }
        int[] text = name.codePoints().toArray();
        int t = 0;
        int p = 0;
        int starP = -1;
        int starT = 0;
        while (t < text.length) {
            if (p < tokens.length && tokens[p] != ANY_SEQUENCE && (tokens[p] == ANY_ONE || sameIgnoringCase(tokens[p], text[t]))) {
                p++;
                t++;
            } else if (p < tokens.length && tokens[p] == ANY_SEQUENCE) {
                starP = p++;
                starT = t;
            } else if (starP >= 0) {
                p = starP + 1;
                t = ++starT;
            } else {
                return false;
            }
        }
        while (p < tokens.length && tokens[p] == ANY_SEQUENCE) {
            p++;
        }
        return p == tokens.length;
    }

    private static boolean sameIgnoringCase(int a, int b) {
        return a == b || Character.toLowerCase(Character.toUpperCase(a)) == Character.toLowerCase(Character.toUpperCase(b));
    }

    /** Whether every name matches (null or {@code %}), so a listing needs no filtering. */
    boolean matchesEverything() {
        return tokens == null;
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
