package ai.connecty.athena.local.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Trino JSON functions DuckDB has no match for, as Java functions on the JSON text (see {@link JavaFunctions}):
 * {@code is_json_scalar}, {@code json_size} (of the value DuckDB's {@code json_extract} found at the path) and
 * {@code json_array_get}, which Trino documents as broken and athena-local copies: a string element comes back
 * without its quotes.
 */
final class JsonFunctions {

    static final String JSON_SIZE = "athena_json_size";
    static final String JSON_ARRAY_GET = "athena_json_array_get";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonFunctions() {
    }

    static void register(Connection duck) throws SQLException {
        JavaFunctions.ofText(duck, "is_json_scalar", Boolean.class, JsonFunctions::isJsonScalar);
        JavaFunctions.ofText(duck, JSON_SIZE, Long.class, JsonFunctions::size);
        JavaFunctions.ofTexts(duck, JSON_ARRAY_GET, String.class, JsonFunctions::arrayGet);
    }

    static Boolean isJsonScalar(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw RaisedErrors.invalidArgumentError("Invalid JSON value: " + json);
            }
            return !node.isContainerNode();
        } catch (JsonProcessingException e) {
            throw RaisedErrors.invalidArgumentError("Invalid JSON value: " + json);
        }
    }

    /** The members of an object or elements of an array, 0 for a scalar, NULL for text that is no JSON. */
    static Long size(String json) {
        JsonNode node = parse(json);
        return node == null ? null : node.isContainerNode() ? (long) node.size() : 0L;
    }

    /**
     * Trino's json_array_get: the element at a 0-based index (negative from the end), NULL for none or for text
     * that is no JSON array; a string element is its text unquoted, any other its JSON text.
     */
    static String arrayGet(String json, String indexText) {
        JsonNode array = parse(json);
        if (array == null || !array.isArray()) {
            return null;
        }
        long index = Long.parseLong(indexText);
        long position = index < 0 ? array.size() + index : index;
        if (position < 0 || position >= array.size()) {
            return null;
        }
        JsonNode element = array.get((int) position);
        return element.isTextual() ? element.textValue() : element.toString();
    }

    private static JsonNode parse(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            return node == null || node.isMissingNode() ? null : node;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
