package ai.connecty.athena.jdbc.types;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;

/**
 * Array, map and row values from Athena's text ({@link ComplexText}), and from JSON text, the exact form a
 * {@code CAST(x AS JSON)} column gives. Elements are converted to their type's default Java class by the same
 * table as top-level values; elements of a type Athena did not name (ColumnInfo says only {@code array}) are
 * read by their shape: {@code [...]} an array, <code>{k=v, ...}</code> a map, <code>{...}</code> a row,
 * anything else a string.
 */
final class ComplexValues {
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Athena renders varbinary inside containers as a Java object id, not as the bytes. */
    private static final Pattern JAVA_BYTES_ID = Pattern.compile("\\[B@[0-9a-f]+");
    private static final JsonNodeParser JSON = JsonNode.parserBuilder().build();

    private final TypeConversions conversions;

    ComplexValues(TypeConversions conversions) {
        this.conversions = conversions;
    }

    /** The value of {@code text} of {@code type} as the type's default class; text "null" inside is NULL. */
    Object element(TypeSignature type, String text, ZoneId zone) {
        if ("null".equals(text)) {
            return null;
        }
        switch (type.kind()) {
            case ARRAY:
                return array(type, text, zone);
            case MAP:
                return map(type, text, zone);
            case ROW:
                return row(type, text, zone);
            case UNKNOWN:
                return byShape(text, zone);
            case VARBINARY:
                if (JAVA_BYTES_ID.matcher(text).matches()) {
                    throw ConversionFailure.invalid("Athena renders varbinary inside array, map and row as a Java object"
                            + " id, not the bytes; select to_hex(...) or to_base64(...) of the element instead");
                }
                return conversions.scalar(type, text, zone);
            default:
                return conversions.scalar(type, text, zone);
        }
    }

    AthenaArray array(TypeSignature type, String text, ZoneId zone) {
        String body = ComplexText.inside(text, '[', ']');
        if (body == null) {
            throw ConversionFailure.invalid("not an array: expected [element, ...]");
        }
        TypeSignature elementType = type.child(0);
        List<String> texts = ComplexText.items(body);
        List<Object> values = new ArrayList<>(texts.size());
        List<String> nullable = new ArrayList<>(texts.size());
        for (String item : texts) {
            values.add(element(elementType, item, zone));
            nullable.add("null".equals(item) ? null : item);
        }
        return new AthenaArray(elementType, values, nullable);
    }

    Map<Object, Object> map(TypeSignature type, String text, ZoneId zone) {
        String body = ComplexText.inside(text, '{', '}');
        if (body == null) {
            throw ConversionFailure.invalid("not a map: expected {key=value, ...}");
        }
        Map<Object, Object> map = new LinkedHashMap<>();
        for (String item : ComplexText.items(body)) {
            int equals = ComplexText.topLevelEquals(item);
            if (equals < 0) {
                throw ConversionFailure.invalid("not a map entry: expected key=value");
            }
            map.put(element(type.child(0), item.substring(0, equals), zone),
                    element(type.child(1), item.substring(equals + 1), zone));
        }
        return map;
    }

    AthenaStruct row(TypeSignature type, String text, ZoneId zone) {
        String body = ComplexText.inside(text, '{', '}');
        if (body == null) {
            throw ConversionFailure.invalid("not a row: expected {field=value, ...} or {value, ...}");
        }
        List<String> names = type.fieldNames();
        boolean allNamed = !names.isEmpty() && !names.contains(null);
        List<String> values = allNamed ? ComplexText.namedFields(body, names) : null;
        List<String> shownNames = names;
        if (values == null) {
            List<String> items = ComplexText.items(body);
            values = new ArrayList<>(items.size());
            List<String> found = new ArrayList<>(items.size());
            boolean named = !items.isEmpty();
            for (String item : items) {
                int equals = ComplexText.topLevelEquals(item);
                named &= equals > 0 && FIELD_NAME.matcher(item.substring(0, equals)).matches();
            }
            for (String item : items) {
                int equals = named ? ComplexText.topLevelEquals(item) : -1;
                found.add(named ? item.substring(0, equals) : null);
                values.add(named ? item.substring(equals + 1) : item);
            }
            if (names.isEmpty()) {
                shownNames = found;
            }
        }
        List<Object> attributes = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            attributes.add(element(type.child(i), values.get(i), zone));
        }
        return new AthenaStruct(type.signature(), shownNames, attributes);
    }

    /** An element of a type Athena did not name, read by its shape (see the class comment). */
    private Object byShape(String text, ZoneId zone) {
        if (ComplexText.inside(text, '[', ']') != null) {
            return array(TypeSignature.parse("array"), text, zone);
        }
        String body = ComplexText.inside(text, '{', '}');
        if (body != null) {
            boolean entries = !body.isEmpty();
            for (String item : ComplexText.items(body)) {
                entries &= ComplexText.topLevelEquals(item) > 0;
            }
            return entries ? map(TypeSignature.parse("map"), text, zone) : row(TypeSignature.parse("row"), text, zone);
        }
        return text;
    }

    // ---- JSON: the exact path -----------------------------------------------------------------------------

    /** A JSON value as Java: objects as maps, arrays as {@link AthenaArray}, numbers as Long or BigDecimal. */
    Object json(String text) {
        JsonNode node;
        try {
            node = JSON.parse(text);
        } catch (RuntimeException e) {
            throw ConversionFailure.invalid("not valid JSON");
        }
        if (node == null) { // the parser's answer to text without a value ("", blanks)
            throw ConversionFailure.invalid("not valid JSON: no value");
        }
        return fromJson(node);
    }

    private static Object fromJson(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isString()) {
            return node.asString();
        }
        if (node.isNumber()) {
            BigDecimal number = new BigDecimal(node.asNumber());
            try {
                return number.longValueExact();
            } catch (ArithmeticException notALong) {
                return number;
            }
        }
        if (node.isArray()) {
            List<Object> values = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (JsonNode element : node.asArray()) {
                Object value = fromJson(element);
                values.add(value);
                texts.add(value == null ? null : element.isString() ? element.asString() : element.toString());
            }
            return new AthenaArray(TypeSignature.parse("json"), values, texts);
        }
        if (node.isObject()) {
            Map<Object, Object> map = new LinkedHashMap<>();
            node.asObject().forEach((key, value) -> map.put(key, fromJson(value)));
            return Collections.unmodifiableMap(map);
        }
        throw ConversionFailure.invalid("not a JSON value");
    }
}
