package ai.connecty.athena.local.athena;

import ai.connecty.athena.local.api.AwsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Athena's framework validation: collects constraint violations and reports them in one message. */
final class Validation {

    private final List<String> errors = new ArrayList<>();

    static String text(JsonNode input, String field) {
        JsonNode n = input.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw serialization(n);
        }
        return n.asText();
    }

    static Integer integer(JsonNode input, String field) {
        JsonNode n = input.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isNumber()) {
            throw serialization(n);
        }
        return n.intValue();
    }

    static Boolean bool(JsonNode input, String field) {
        JsonNode n = input.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isBoolean()) {
            throw serialization(n);
        }
        return n.booleanValue();
    }

    static AwsException serialization(JsonNode n) {
        String kind = n.isTextual() ? "STRING_VALUE" : n.isBoolean() ? (n.asBoolean() ? "TRUE_VALUE" : "FALSE_VALUE")
                : n.isNumber() ? "NUMBER_VALUE" : n.isArray() ? "START_ARRAY" : "START_OBJECT";
        return new AwsException(400, "SerializationException", kind + " can not be converted to the expected type");
    }

    Validation notNull(Object value, String member) {
        if (value == null) {
            errors.add("Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
        }
        return this;
    }

    Validation minLength(String value, String member, int min) {
        if (value != null && value.length() < min) {
            errors.add("Value at '" + member + "' failed to satisfy constraint: Member must have length greater than or equal to " + min);
        }
        return this;
    }

    /** At most {@code max} characters (code points, as AWS counts a string's length). */
    Validation maxLength(String value, String member, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            errors.add("Value at '" + member + "' failed to satisfy constraint: Member must have length less than or equal to " + max);
        }
        return this;
    }

    /** A list of at most {@code max} members; the framework shows the list as {@code [a, b, ...]}. */
    Validation maxSize(List<String> values, String member, int max) {
        if (values != null && values.size() > max) {
            errors.add("Value '" + values + "' at '" + member + "' failed to satisfy constraint: Member must have length "
                    + "less than or equal to " + max);
        }
        return this;
    }

    /** One of the model's enum values (case-sensitive, as AWS compares them). */
    Validation oneOf(String value, String member, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            errors.add("Value '" + value + "' at '" + member + "' failed to satisfy constraint: Member must satisfy enum "
                    + "value set: [" + String.join(", ", allowed) + "]");
        }
        return this;
    }

    /** Matches the model's pattern as a whole. */
    Validation pattern(String value, String member, String regex) {
        if (value != null && !value.matches(regex)) {
            errors.add("Value '" + value + "' at '" + member + "' failed to satisfy constraint: Member must satisfy "
                    + "regular expression pattern: " + regex);
        }
        return this;
    }

    Validation range(Integer value, String member, int min, int max) {
        if (value != null && value < min) {
            errors.add("Value at '" + member + "' failed to satisfy constraint: Member must have value greater than or equal to " + min);
        } else if (value != null && value > max) {
            errors.add("Value at '" + member + "' failed to satisfy constraint: Member must have value less than or equal to " + max);
        }
        return this;
    }

    void check() {
        if (errors.isEmpty()) {
            return;
        }
        String prefix = errors.size() == 1 ? "1 validation error detected: " : errors.size() + " validation errors detected: ";
        throw AwsException.invalidRequest("INVALID_INPUT", prefix + String.join("; ", errors));
    }
}
