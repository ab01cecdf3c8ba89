package ai.connecty.athena.local.athena;

import ai.connecty.athena.local.api.AwsException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a request member as the type the model declares. A member of another JSON type never reaches the model's
 * constraints: Athena refuses it first, with a {@code SerializationException} naming the JSON token it found.
 */
final class JsonMembers {

    private JsonMembers() {
    }

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
}
