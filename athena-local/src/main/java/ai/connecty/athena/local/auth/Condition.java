package ai.connecty.athena.local.auth;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** One {@code "Operator": {"key": value-or-values}} test of a statement's Condition block. */
record Condition(String operator, String key, List<String> values) {

    static final Set<String> OPERATORS = Set.of(
            "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase",
            "StringLike", "StringNotLike");

    Condition {
        if (!OPERATORS.contains(operator)) {
            throw new PolicyException("Unsupported condition operator '" + operator + "'; supported: "
                    + String.join(", ", OPERATORS.stream().sorted().toList()));
        }
    }

    /**
     * True when the request satisfies this test. As in IAM, a missing key fails every positive operator and
     * satisfies every negated one, and several values are alternatives.
     */
    boolean holds(AccessRequest request) {
        String actual = request.conditionKey(key);
        boolean negated = operator.contains("Not");
        if (actual == null) {
            return negated;
        }
        boolean anyMatch = values.stream().anyMatch(expected -> switch (operator) {
            case "StringEquals", "StringNotEquals" -> expected.equals(actual);
            case "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase" ->
                    expected.toLowerCase(Locale.ROOT).equals(actual.toLowerCase(Locale.ROOT));
            default -> Wildcard.matches(expected, actual, false);
        });
        return negated != anyMatch;
    }
}
