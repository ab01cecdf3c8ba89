package ai.connecty.athena.local.athena;

import ai.connecty.athena.local.api.AwsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads a request member as the type the model declares. A member of another JSON type never reaches the model's
 * constraints: Athena refuses it first, with a {@code SerializationException} naming the JSON token it found.
 */
final class JsonMembers {

    private JsonMembers() {
    }

    static String text(JsonNode input, String field) {
        return member(input, field, JsonNode::isTextual, JsonNode::asText);
    }

    static Integer integer(JsonNode input, String field) {
        return member(input, field, JsonNode::isNumber, JsonNode::intValue);
    }

    static Boolean bool(JsonNode input, String field) {
        return member(input, field, JsonNode::isBoolean, JsonNode::booleanValue);
    }

    /** The member read with {@code read} if {@code declared} accepts its JSON type; null when absent or JSON null. */
    private static <T> T member(JsonNode input, String field, Predicate<JsonNode> declared, Function<JsonNode, T> read) {
        JsonNode n = input.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!declared.test(n)) {
            throw serialization(n);
        }
        return read.apply(n);
    }

    static AwsException serialization(JsonNode n) {
        String kind = n.isTextual() ? "STRING_VALUE" : n.isBoolean() ? (n.asBoolean() ? "TRUE_VALUE" : "FALSE_VALUE")
                : n.isNumber() ? "NUMBER_VALUE" : n.isArray() ? "START_ARRAY" : "START_OBJECT";
        return new AwsException(400, "SerializationException", kind + " can not be converted to the expected type");
    }
}
