package ai.connecty.athena.local.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code Expression} filter of Glue GetTables and Athena ListTableMetadata: Hive-style alternatives split on
 * {@code |}, where a {@code *} not preceded by {@code .} means "anything", matched against the whole name,
 * case-insensitively. Clients such as awswrangler send {@code prefix*}, so a bare star must be a wildcard.
 */
public final class NamePattern {

    private final List<Pattern> alternatives;

    private NamePattern(List<Pattern> alternatives) {
        this.alternatives = alternatives;
    }

    /** A null or empty expression matches every name. Invalid regex parts are matched literally. */
    public static NamePattern of(String expression) {
        List<Pattern> list = new ArrayList<>();
        if (expression != null && !expression.isEmpty()) {
            for (String alternative : expression.split("\\|")) {
                list.add(compile(alternative.trim()));
            }
        }
        return new NamePattern(list);
    }

    public boolean matches(String name) {
        return alternatives.isEmpty() || alternatives.stream().anyMatch(p -> p.matcher(name).matches());
    }

    private static Pattern compile(String alternative) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < alternative.length(); i++) {
            char c = alternative.charAt(i);
            if (c == '*' && (i == 0 || alternative.charAt(i - 1) != '.')) {
                regex.append(".*");
            } else {
                regex.append(c);
            }
        }
        try {
            return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            return Pattern.compile(Pattern.quote(alternative), Pattern.CASE_INSENSITIVE);
        }
    }
}
