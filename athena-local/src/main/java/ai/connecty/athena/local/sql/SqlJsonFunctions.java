package ai.connecty.athena.local.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trino's SQL/JSON functions as Java functions on JSON text ({@link JavaFunctions}): {@code JSON_EXISTS},
 * {@code JSON_VALUE}, {@code JSON_QUERY} (over {@link JsonPathLanguage}) and the {@code JSON_ARRAY} and
 * {@code JSON_OBJECT} constructors, with Trino's ON EMPTY / ON ERROR handling and error names
 * (JSON_INPUT_CONVERSION_ERROR, PATH_EVALUATION_ERROR, JSON_VALUE_RESULT_ERROR, JSON_OUTPUT_CONVERSION_ERROR).
 * {@link DuckDbPrinter} prints the calls; every argument is varchar:
 * <ul>
 *   <li>PASSING parameters and constructor values come as pairs: a tag ({@code S} an SQL value as its JSON text,
 *       {@code D} an SQL decimal as its JSON text, {@code J} JSON text given FORMAT JSON) joined to the name by
 *       {@code :}, then the text. An SQL NULL is JSON null; a NULL FORMAT JSON parameter is an empty sequence.</li>
 *   <li>{@code JSON_VALUE} with a DEFAULT clause answers {@code V} + the value, or {@link #TAKE_EMPTY_DEFAULT} or
 *       {@link #TAKE_ERROR_DEFAULT}, which the printed SQL turns into the DEFAULT expression.</li>
 * </ul>
 */
final class SqlJsonFunctions {

    static final String EXISTS = "athena_json_exists";
    static final String VALUE = "athena_json_value";
    static final String QUERY = "athena_json_query";
    static final String ARRAY = "athena_json_array";
    static final String OBJECT = "athena_json_object";

    static final String TAKE_EMPTY_DEFAULT = "E";
    static final String TAKE_ERROR_DEFAULT = "R";
    static final String VALUE_PREFIX = "V";

    /** Trino's JSON input: Jackson's defaults, floating point numbers as doubles. */
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper DECIMALS = JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private SqlJsonFunctions() {
    }

    static void register(Connection duck) throws SQLException {
        JavaFunctions.ofTextList(duck, EXISTS, Boolean.class, SqlJsonFunctions::exists);
        JavaFunctions.ofTextList(duck, VALUE, String.class, SqlJsonFunctions::value);
        JavaFunctions.ofTextList(duck, QUERY, String.class, SqlJsonFunctions::query);
        JavaFunctions.ofTextList(duck, ARRAY, String.class, SqlJsonFunctions::array);
        JavaFunctions.ofTextList(duck, OBJECT, String.class, SqlJsonFunctions::object);
    }

    /** An error of the SQL/JSON functions, raised as Trino's error {@code name}. */
    private static RaisedErrors.Raised raised(String name, String message) {
        return new RaisedErrors.Raised(name, message);
    }

    /** Input text that is no JSON; the input functions' error, raised only for ERROR ON ERROR. */
    private static final class BadInput extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** A failure the ON ERROR clause handles: the Trino error it is raised as under ERROR ON ERROR. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String errorName;

        Failure(String errorName, String message) {
            super(message);
            this.errorName = errorName;
        }
    }

    static JsonNode parseInput(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new BadInput();
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new BadInput();
        }
    }

    private static JsonNode parseSqlValue(String tag, String text) {
        if (text == null) {
            return NullNode.getInstance();
        }
        try {
            return (tag.equals("D") ? DECIMALS : MAPPER).readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("DuckDB's JSON text of an SQL value is no JSON: " + text, e);
        }
    }

    /** The PASSING parameters from {@code arguments[start]} on, by name. */
    private static Map<String, List<JsonNode>> parameters(Object[] arguments, int start) {
        Map<String, List<JsonNode>> parameters = new HashMap<>();
        for (int i = start; i + 1 < arguments.length; i += 2) {
            String tagged = (String) arguments[i];
            String tag = tagged.substring(0, 1);
            String name = tagged.substring(2);
            String text = (String) arguments[i + 1];
            if (tag.equals("J")) {
                parameters.put(name, text == null ? List.of() : List.of(parseInput(text)));
            } else {
                parameters.put(name, List.of(parseSqlValue(tag, text)));
            }
        }
        return parameters;
    }

    /** The path's sequence, or a {@link Failure} the ON ERROR clause handles. */
    private static List<JsonNode> evaluate(String function, Object[] arguments, int parametersStart) {
        JsonNode input;
        try {
            input = parseInput((String) arguments[0]);
        } catch (BadInput e) {
            throw new Failure("JSON_INPUT_CONVERSION_ERROR", "conversion to JSON failed: ");
        }
        Map<String, List<JsonNode>> parameters;
        try {
            parameters = parameters(arguments, parametersStart);
        } catch (BadInput e) {
            throw new Failure("JSON_INPUT_CONVERSION_ERROR", "conversion to JSON failed: ");
        }
        try {
            return JsonPathLanguage.evaluate(JsonPathLanguage.parse((String) arguments[1]), input, parameters);
        } catch (JsonPathLanguage.PathError e) {
            throw new Failure("PATH_EVALUATION_ERROR", e.getMessage());
        }
    }

    /** {@code (input, path, onError, parameters...)}; onError is TRUE, FALSE, UNKNOWN or ERROR. */
    static Boolean exists(Object[] arguments) {
        if (arguments[0] == null) {
            return null;
        }
        try {
            return !evaluate("JSON_EXISTS", arguments, 3).isEmpty();
        } catch (Failure failure) {
            return switch ((String) arguments[2]) {
                case "TRUE" -> true;
                case "UNKNOWN" -> null;
                case "ERROR" -> throw raised(failure.errorName, failure.getMessage());
                default -> false;
            };
        }
    }

    /**
     * {@code (input, path, returning, onEmpty, onError, parameters...)}: returning is the Trino type's name,
     * onEmpty and onError NULL, ERROR or DEFAULT.
     */
    static String value(Object[] arguments) {
        if (arguments[0] == null) {
            return null;
        }
        String returning = (String) arguments[2];
        String onEmpty = (String) arguments[3];
        String onError = (String) arguments[4];
        boolean tagged = onEmpty.equals("DEFAULT") || onError.equals("DEFAULT");
        try {
            List<JsonNode> items = evaluate("JSON_VALUE", arguments, 5);
            if (items.isEmpty()) {
                return switch (onEmpty) {
                    case "ERROR" -> throw raised("JSON_VALUE_RESULT_ERROR", "JSON path found no items");
                    case "DEFAULT" -> TAKE_EMPTY_DEFAULT;
                    default -> null;
                };
            }
            if (items.size() > 1) {
                throw new Failure("JSON_VALUE_RESULT_ERROR", "JSON path found multiple items");
            }
            JsonNode item = items.get(0);
            if (item.isNull()) {
                return null;
            }
            if (item.isContainerNode()) {
                throw new Failure("JSON_VALUE_RESULT_ERROR",
                        "JSON path found an item that cannot be converted to an SQL value");
            }
            String value = ReturnedValue.convert(item, returnType(returning));
            return tagged ? VALUE_PREFIX + value : value;
        } catch (Failure failure) {
            return switch (onError) {
                case "ERROR" -> throw raised(failure.errorName, failure.getMessage());
                case "DEFAULT" -> TAKE_ERROR_DEFAULT;
                default -> null;
            };
        }
    }

    /** The RETURNING type as printed: {@code base:length:scale}. */
    static String returning(SqlType type) {
        return type.base() + ":" + type.length() + ":" + type.scale();
    }

    private static SqlType returnType(String printed) {
        String[] parts = printed.split(":");
        return new SqlType(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), List.of(), List.of());
    }

    /** The conversion of JSON_VALUE's scalar item to its RETURNING type, as text DuckDB casts to the type. */
    static final class ReturnedValue {

        private ReturnedValue() {
        }

        static String convert(JsonNode item, SqlType type) {
            try {
                String text = convertOrNull(item, type);
                if (text != null) {
                    return text;
                }
            } catch (RuntimeException e) {
                // not convertible
            }
            throw new Failure("JSON_VALUE_RESULT_ERROR", "Cannot cast value of type " + trinoType(item)
                    + " to declared return type of function JSON_VALUE: " + type.trinoName());
        }

        private static String trinoType(JsonNode item) {
            if (item.isInt() || item.isShort()) {
                return "integer";
            }
            if (item.isLong()) {
                return "bigint";
            }
            if (item.isDouble() || item.isFloat()) {
                return "double";
            }
            if (item.isNumber()) {
                BigDecimal value = item.decimalValue();
                return "decimal(" + Math.max(value.precision(), value.scale()) + "," + value.scale() + ")";
            }
            if (item.isBoolean()) {
                return "boolean";
            }
            return "varchar";
        }

        private static String text(JsonNode item) {
            if (item.isTextual()) {
                return item.textValue();
            }
            if (item.isBoolean()) {
                return String.valueOf(item.booleanValue());
            }
            if (item.isDouble() || item.isFloat()) {
                return VarcharCasts.doubleText(item.doubleValue());
            }
            if (item.isIntegralNumber()) {
                return item.bigIntegerValue().toString();
            }
            return item.decimalValue().toPlainString();
        }

        private static String convertOrNull(JsonNode item, SqlType type) {
            String base = type.base();
            switch (base) {
                case "varchar", "char" -> {
                    String text = text(item);
                    int length = type.length();
                    int codePoints = text.codePointCount(0, text.length());
                    if (length != SqlType.UNBOUNDED && codePoints > length) {
                        if (!item.isTextual()) {
                            return null;
                        }
                        text = text.substring(0, text.offsetByCodePoints(0, length));
                        codePoints = length;
                    }
                    if (base.equals("char") && length != SqlType.UNBOUNDED) {
                        text = text + " ".repeat(length - codePoints);
                    }
                    return text;
                }
                case "tinyint", "smallint", "integer", "bigint" -> {
                    BigDecimal value;
                    if (item.isBoolean()) {
                        value = item.booleanValue() ? BigDecimal.ONE : BigDecimal.ZERO;
                    } else if (item.isTextual()) {
                        value = new BigDecimal(Long.parseLong(item.textValue().strip()));
                    } else if (item.isDouble() || item.isFloat()) {
                        double d = item.doubleValue();
                        if (Double.isNaN(d) || Double.isInfinite(d)) {
                            return null;
                        }
                        value = BigDecimal.valueOf(Math.round(d));
                    } else {
                        value = item.decimalValue().setScale(0, RoundingMode.HALF_UP);
                    }
                    long limit = switch (base) {
                        case "tinyint" -> Byte.MAX_VALUE;
                        case "smallint" -> Short.MAX_VALUE;
                        case "integer" -> Integer.MAX_VALUE;
                        default -> Long.MAX_VALUE;
                    };
                    if (value.compareTo(BigDecimal.valueOf(limit)) > 0
                            || value.compareTo(BigDecimal.valueOf(-limit - 1)) < 0) {
                        return null;
                    }
                    return value.toBigInteger().toString();
                }
                case "double", "real", "float" -> {
                    if (item.isBoolean()) {
                        return item.booleanValue() ? "1.0" : "0.0";
                    }
                    double d = item.isTextual() ? Double.parseDouble(item.textValue().strip()) : item.doubleValue();
                    return String.valueOf(d);
                }
                case "decimal" -> {
                    BigDecimal value = item.isBoolean() ? (item.booleanValue() ? BigDecimal.ONE : BigDecimal.ZERO)
                            : item.isTextual() ? new BigDecimal(item.textValue().strip()) : item.decimalValue();
                    value = value.setScale(type.scale(), RoundingMode.HALF_UP);
                    if (value.precision() - value.scale() > type.length() - type.scale()
                            && value.compareTo(BigDecimal.ZERO) != 0) {
                        return null;
                    }
                    return value.toPlainString();
                }
                case "boolean" -> {
                    if (item.isBoolean()) {
                        return String.valueOf(item.booleanValue());
                    }
                    if (item.isTextual()) {
                        return switch (item.textValue().strip().toLowerCase(Locale.ROOT)) {
                            case "true", "t", "1" -> "true";
                            case "false", "f", "0" -> "false";
                            default -> null;
                        };
                    }
                    if (item.isNumber()) {
                        return String.valueOf(item.doubleValue() != 0);
                    }
                    return null;
                }
                case "date" -> {
                    if (!item.isTextual()) {
                        return null;
                    }
                    return LocalDate.parse(item.textValue().strip()).toString();
                }
                default -> {
                    return null;
                }
            }
        }
    }

    /**
     * {@code (input, path, wrapper, quotes, onEmpty, onError, parameters...)}: wrapper WITHOUT, CONDITIONAL or
     * UNCONDITIONAL; quotes KEEP or OMIT; onEmpty and onError NULL, ERROR, EMPTY_ARRAY or EMPTY_OBJECT.
     */
    static String query(Object[] arguments) {
        if (arguments[0] == null) {
            return null;
        }
        String wrapper = (String) arguments[2];
        boolean omitQuotes = "OMIT".equals(arguments[3]);
        String onEmpty = (String) arguments[4];
        String onError = (String) arguments[5];
        try {
            List<JsonNode> items = evaluate("JSON_QUERY", arguments, 6);
            if (items.isEmpty()) {
                return special(onEmpty, "JSON_OUTPUT_CONVERSION_ERROR", "JSON path found no items");
            }
            JsonNode result;
            boolean wrap = switch (wrapper) {
                case "UNCONDITIONAL" -> true;
                case "CONDITIONAL" -> items.size() != 1 || !items.get(0).isContainerNode();
                default -> false;
            };
            if (wrap) {
                ArrayNode array = JsonNodeFactory.instance.arrayNode();
                items.forEach(array::add);
                result = array;
            } else if (items.size() == 1) {
                result = items.get(0);
            } else {
                throw new Failure("JSON_OUTPUT_CONVERSION_ERROR", "JSON path found multiple items");
            }
            if (omitQuotes && result.isTextual()) {
                return result.textValue();
            }
            return write(result);
        } catch (Failure failure) {
            return special(onError, failure.errorName, failure.getMessage());
        }
    }

    private static String special(String behavior, String errorName, String message) {
        return switch (behavior) {
            case "ERROR" -> throw raised(errorName, message);
            case "EMPTY_ARRAY" -> "[]";
            case "EMPTY_OBJECT" -> "{}";
            default -> null;
        };
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node instanceof DecimalNode decimal
                    ? DecimalNode.valueOf(decimal.decimalValue()) : node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One constructor value: its tag and text as printed, as a JSON item (null: absent). */
    private static JsonNode constructorValue(String tag, String text, boolean nullOnNull) {
        if (text == null) {
            return nullOnNull ? NullNode.getInstance() : null;
        }
        if (tag.equals("J")) {
            try {
                return parseInput(text);
            } catch (BadInput e) {
                throw raised("JSON_INPUT_CONVERSION_ERROR", "conversion to JSON failed: ");
            }
        }
        return parseSqlValue(tag, text);
    }

    /** {@code (nullOnNull, tag, value, ...)}: the JSON text of the array of the values. */
    static String array(Object[] arguments) {
        boolean nullOnNull = "NULL".equals(arguments[0]);
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (int i = 1; i + 1 < arguments.length; i += 2) {
            JsonNode value = constructorValue((String) arguments[i], (String) arguments[i + 1], nullOnNull);
            if (value != null) {
                array.add(value);
            }
        }
        return write(array);
    }

    /**
     * {@code (nullOnNull, uniqueKeys, key, tag, value, ...)}: the JSON text of the object. As Trino's, its members
     * are kept in a hash map, so they come out in the map's order, not the call's.
     */
    static String object(Object[] arguments) {
        boolean nullOnNull = "NULL".equals(arguments[0]);
        boolean unique = "UNIQUE".equals(arguments[1]);
        Map<String, JsonNode> members = new HashMap<>();
        for (int i = 2; i + 2 < arguments.length; i += 3) {
            String key = (String) arguments[i];
            if (key == null) {
                throw raised("INVALID_FUNCTION_ARGUMENT", "null value passed for JSON object key to JSON_OBJECT function");
            }
            JsonNode value = constructorValue((String) arguments[i + 1], (String) arguments[i + 2], nullOnNull);
            if (value == null) {
                continue;
            }
            if (members.put(key, value) != null) {
                if (unique) {
                    throw raised("INVALID_FUNCTION_ARGUMENT", "duplicate key passed to JSON_OBJECT function");
                }
                throw raised("NOT_SUPPORTED", "cannot construct a JSON object with duplicate key");
            }
        }
        ObjectNode object = new ObjectNode(JsonNodeFactory.instance, members);
        return write(object);
    }

}
