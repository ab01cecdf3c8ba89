package ai.connecty.athena.local.validation;

/**
 * One broken constraint of one request member, as AWS's request validation states it: the value (or {@code null} for a
 * missing member), the member's path as the model names it ({@code resultConfiguration.expectedBucketOwner}) and the
 * constraint ({@code Member must not be null}).
 */
record Violation(Kind kind, Object value, String member, String constraint) {

    /** What was checked; a service may hide the value of some kinds (see {@link ValidationStyle}). */
    enum Kind { MISSING, LENGTH, SIZE, RANGE, ENUM, PATTERN }

    String text(ValidationStyle style) {
        String shown;
        if (kind == Kind.MISSING) {
            shown = "null ";
        } else if (style.showsValue(kind)) {
            shown = "'" + value + "' ";
        } else {
            shown = "";
        }
        return "Value " + shown + "at '" + member + "' failed to satisfy constraint: " + constraint;
    }
}
