package ai.connecty.athena.local.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * A request's model constraints, checked the way AWS's request validation checks them: every violation of the request
 * is collected and {@link #check()} reports them together in one message, in the order they were stated (which
 * callers keep as the model's member order). Absent optional members ({@code null}) pass every check but
 * {@link #notNull}.
 *
 * <p>One instance per request and service: {@code new Validation(ValidationStyle.GLUE).notNull(db, "databaseName")...
 * .check()}. Member names are the model's member names in camelCase, dotted for nested members, as AWS prints them.
 */
public final class Validation {

    private final ValidationStyle style;
    private final List<Violation> violations = new ArrayList<>();

    public Validation(ValidationStyle style) {
        this.style = style;
    }

    /** A required member: missing is {@code Value null at ...}. */
    public Validation notNull(Object value, String member) {
        if (value == null) {
            violations.add(new Violation(Violation.Kind.MISSING, null, member, "Member must not be null"));
        }
        return this;
    }

    /** At least {@code min} characters (code points, as AWS counts a string's length). */
    public Validation minLength(String value, String member, int min) {
        if (value != null && characters(value) < min) {
            violations.add(new Violation(Violation.Kind.LENGTH, value, member, atLeast("length", min)));
        }
        return this;
    }

    /** At most {@code max} characters (code points, as AWS counts a string's length). */
    public Validation maxLength(String value, String member, int max) {
        if (value != null && characters(value) > max) {
            violations.add(new Violation(Violation.Kind.LENGTH, value, member, atMost("length", max)));
        }
        return this;
    }

    /** The model's {@code min}..{@code max} characters; a value breaks at most one of the two. */
    public Validation length(String value, String member, int min, int max) {
        return minLength(value, member, min).maxLength(value, member, max);
    }

    /** A list of at least {@code min} members; the value shows as {@code [a, b]}, AWS's rendering of a list. */
    public Validation minSize(List<?> values, String member, int min) {
        if (values != null && values.size() < min) {
            violations.add(new Violation(Violation.Kind.SIZE, values, member, atLeast("length", min)));
        }
        return this;
    }

    /** A list of at most {@code max} members; the value shows as {@code [a, b, ...]}. */
    public Validation maxSize(List<?> values, String member, int max) {
        if (values != null && values.size() > max) {
            violations.add(new Violation(Violation.Kind.SIZE, values, member, atMost("length", max)));
        }
        return this;
    }

    /** A number of {@code min}..{@code max}; AWS states only the bound that was crossed. */
    public Validation range(Integer value, String member, int min, int max) {
        if (value != null && value < min) {
            violations.add(new Violation(Violation.Kind.RANGE, value, member, atLeast("value", min)));
        } else if (value != null && value > max) {
            violations.add(new Violation(Violation.Kind.RANGE, value, member, atMost("value", max)));
        }
        return this;
    }

    /** One of the model's enum values (case-sensitive, as AWS compares them). */
    public Validation oneOf(String value, String member, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            violations.add(new Violation(Violation.Kind.ENUM, value, member,
                    "Member must satisfy enum value set: [" + String.join(", ", allowed) + "]"));
        }
        return this;
    }

    /** Matches the model's pattern as a whole; the message quotes the pattern as the model writes it. */
    public Validation pattern(String value, String member, String regex) {
        if (value != null && !value.matches(regex)) {
            violations.add(new Violation(Violation.Kind.PATTERN, value, member,
                    "Member must satisfy regular expression pattern: " + regex));
        }
        return this;
    }

    /** Throws the service's error naming every violation collected, if there is one. */
    public void check() {
        if (violations.isEmpty()) {
            return;
        }
        String prefix = violations.size() == 1 ? "1 validation error detected: "
                : violations.size() + " validation errors detected: ";
        throw style.failure(prefix + String.join("; ", violations.stream().map(v -> v.text(style)).toList()));
    }

    private static int characters(String value) {
        return value.codePointCount(0, value.length());
    }

    private static String atLeast(String what, int min) {
        return "Member must have " + what + " greater than or equal to " + min;
    }

    private static String atMost(String what, int max) {
        return "Member must have " + what + " less than or equal to " + max;
    }
}
