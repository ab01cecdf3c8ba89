package ai.connecty.athena.jdbc.metadata;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A DatabaseMetaData name pattern: {@code %} any sequence, {@code _} any one character, {@code \} escapes the
 * next character, null matches everything. Athena folds catalog names to lower case, so matching ignores case.
 */
final class NamePattern {
    private static final NamePattern ANY = new NamePattern(null, null);

    private final Pattern regex;
    private final String exactName;

    private NamePattern(Pattern regex, String exactName) {
        this.regex = regex;
        this.exactName = exactName;
    }

    static NamePattern of(String jdbcPattern) {
        if (jdbcPattern == null || jdbcPattern.equals("%")) {
            return ANY;
        }
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        boolean wildcard = false;
        for (int i = 0; i < jdbcPattern.length(); i++) {
            char c = jdbcPattern.charAt(i);
            if (c == '\\' && i + 1 < jdbcPattern.length()) {
                char escaped = jdbcPattern.charAt(++i);
                regex.append(Pattern.quote(String.valueOf(escaped)));
                literal.append(escaped);
            } else if (c == '%') {
                regex.append(".*");
                wildcard = true;
            } else if (c == '_') {
                regex.append('.');
                wildcard = true;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
                literal.append(c);
            }
        }
        return new NamePattern(Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL),
                wildcard ? null : literal.toString());
    }

    boolean matches(String name) {
        return regex == null || (name != null && regex.matcher(name).matches());
    }

    /** The name itself when the pattern has no wildcard, so a single exact lookup can replace a listing. */
    Optional<String> exactName() {
        return Optional.ofNullable(exactName).map(name -> name.toLowerCase(Locale.ROOT));
    }
}
