package ai.connecty.athena.local.sql;

import ai.connecty.athena.local.sql.JsonPathLanguage.*;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The evaluation of a parsed JSON path over Jackson nodes in lax or strict mode: accessors, filters with their
 * three-valued logic, item methods and arithmetic, failing with {@link JsonPathLanguage.PathError}.
 */
final class JsonPathEvaluator {
    private final boolean lax;
    private final JsonNode input;
    private final Map<String, List<JsonNode>> variables;
    private int objectId;

    JsonPathEvaluator(boolean lax, JsonNode input, Map<String, List<JsonNode>> variables) {
        this.lax = lax;
        this.input = input;
        this.variables = variables;
    }

    /** The evaluation context of a filter or subscript: the current item and the last index. */
    private record Scope(JsonNode current, JsonNode last) {
    }

    List<JsonNode> eval(Node node, Scope scope) {
        if (node instanceof Literal literal) {
            return List.of(literal.value());
        }
        if (node instanceof Context) {
            return List.of(input);
        }
        if (node instanceof Variable variable) {
            List<JsonNode> value = variables.get(variable.name());
            if (value == null) {
                throw new PathError("no value passed for parameter " + variable.name());
            }
            return value;
        }
        if (node instanceof Last) {
            if (scope == null || scope.last() == null) {
                throw new PathError("accessing the last array index with no enclosing array");
            }
            return List.of(scope.last());
        }
        if (node instanceof Current) {
            if (scope == null || scope.current() == null) {
                throw new PathError("accessing current filter item with no enclosing filter");
            }
            return List.of(scope.current());
        }
        if (node instanceof Member member) {
            return member(member, scope);
        }
        if (node instanceof Wildcard wildcard) {
            return wildcard(wildcard, scope);
        }
        if (node instanceof ArrayAccess access) {
            return arrayAccess(access, scope);
        }
        if (node instanceof ArrayWildcard wildcard) {
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode item : eval(wildcard.base(), scope)) {
                if (item.isArray()) {
                    item.forEach(out::add);
                } else if (lax) {
                    out.add(item);
                } else {
                    throw itemTypeError("ARRAY", item);
                }
            }
            return out;
        }
        if (node instanceof Filter filter) {
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode item : unwrapIfLax(eval(filter.base(), scope))) {
                if (Boolean.TRUE.equals(test(filter.predicate(), new Scope(item, scope == null ? null
                        : scope.last())))) {
                    out.add(item);
                }
            }
            return out;
        }
        if (node instanceof Method method) {
            return method(method, scope);
        }
        if (node instanceof Binary binary) {
            return List.of(binary(binary, scope));
        }
        Unary unary = (Unary) node;
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode item : unwrapIfLax(eval(unary.operand(), scope))) {
            JsonNode number = numeric(item);
            out.add(unary.minus() ? negate(number) : number);
        }
        return out;
    }

    private List<JsonNode> unwrapIfLax(List<JsonNode> sequence) {
        if (!lax) {
            return sequence;
        }
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode item : sequence) {
            if (item.isArray()) {
                item.forEach(out::add);
            } else {
                out.add(item);
            }
        }
        return out;
    }

    private List<JsonNode> member(Member member, Scope scope) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode item : unwrapIfLax(eval(member.base(), scope))) {
            if (!item.isObject()) {
                if (lax) {
                    continue;
                }
                throw itemTypeError("OBJECT", item);
            }
            JsonNode value = item.get(member.key());
            if (value != null) {
                out.add(value);
            } else if (!lax) {
                throw new PathError("structural error: missing member '" + member.key() + "' in JSON object");
            }
        }
        return out;
    }

    private List<JsonNode> wildcard(Wildcard wildcard, Scope scope) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode item : unwrapIfLax(eval(wildcard.base(), scope))) {
            if (item.isObject()) {
                item.elements().forEachRemaining(out::add);
            } else if (!lax) {
                throw itemTypeError("OBJECT", item);
            }
        }
        return out;
    }

    private List<JsonNode> arrayAccess(ArrayAccess access, Scope scope) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode item : eval(access.base(), scope)) {
            JsonNode array;
            if (item.isArray()) {
                array = item;
            } else if (lax) {
                array = JsonNodeFactory.instance.arrayNode().add(item);
            } else {
                throw itemTypeError("ARRAY", item);
            }
            Scope inner = new Scope(scope == null ? null : scope.current(), IntNode.valueOf(array.size() - 1));
            for (Subscript subscript : access.subscripts()) {
                long from = index(subscript.from(), inner);
                long to = subscript.to() == null ? from : index(subscript.to(), inner);
                if (from > to || from < 0 || to >= array.size()) {
                    if (!lax) {
                        throw new PathError("structural error: invalid array subscript: [" + from
                                + (subscript.to() == null ? "" : ", " + to) + "] for array of size "
                                + array.size());
                    }
                }
                for (long i = Math.max(from, 0); i <= Math.min(to, array.size() - 1L); i++) {
                    out.add(array.get((int) i));
                }
            }
        }
        return out;
    }

    private long index(Node subscript, Scope scope) {
        List<JsonNode> value = eval(subscript, scope);
        if (value.size() != 1 || !value.get(0).isNumber()) {
            throw new PathError("array subscript must be a singleton numeric value");
        }
        JsonNode number = value.get(0);
        if (number.isIntegralNumber()) {
            return number.longValue();
        }
        return number.decimalValue().setScale(0, RoundingMode.HALF_UP).longValue();
    }

    private List<JsonNode> method(Method method, Scope scope) {
        String name = method.name();
        List<JsonNode> base = eval(method.base(), scope);
        List<JsonNode> out = new ArrayList<>();
        switch (name) {
            case "type" -> {
                for (JsonNode item : base) {
                    out.add(TextNode.valueOf(switch (item.getNodeType()) {
                        case NUMBER -> "number";
                        case STRING -> "string";
                        case BOOLEAN -> "boolean";
                        case ARRAY -> "array";
                        case OBJECT -> "object";
                        default -> "null";
                    }));
                }
            }
            case "size" -> {
                for (JsonNode item : base) {
                    if (item.isArray()) {
                        out.add(IntNode.valueOf(item.size()));
                    } else if (lax) {
                        out.add(IntNode.valueOf(1));
                    } else {
                        throw itemTypeError("ARRAY", item);
                    }
                }
            }
            case "keyvalue" -> {
                for (JsonNode item : unwrapIfLax(base)) {
                    if (!item.isObject()) {
                        throw itemTypeError("OBJECT", item);
                    }
                    int id = objectId++;
                    Iterator<Map.Entry<String, JsonNode>> fields = item.fields();
                    while (fields.hasNext()) {
                        Map.Entry<String, JsonNode> field = fields.next();
                        ObjectNode pair = JsonNodeFactory.instance.objectNode();
                        pair.set("name", TextNode.valueOf(field.getKey()));
                        pair.set("value", field.getValue());
                        pair.set("id", IntNode.valueOf(id));
                        out.add(pair);
                    }
                }
            }
            case "double" -> {
                for (JsonNode item : unwrapIfLax(base)) {
                    if (item.isNumber()) {
                        out.add(DoubleNode.valueOf(item.doubleValue()));
                    } else if (item.isTextual()) {
                        try {
                            out.add(DoubleNode.valueOf(Double.parseDouble(item.textValue().strip())));
                        } catch (NumberFormatException e) {
                            throw new PathError("");
                        }
                    } else {
                        throw itemTypeError("NUMBER or TEXT", item);
                    }
                }
            }
            default -> {
                for (JsonNode item : unwrapIfLax(base)) {
                    out.add(rounding(name, numeric(item)));
                }
            }
        }
        return out;
    }

    private static JsonNode rounding(String name, JsonNode number) {
        if (number.isIntegralNumber()) {
            if (name.equals("abs")) {
                if (number.isInt() && number.intValue() == Integer.MIN_VALUE
                        || number.isLong() && number.longValue() == Long.MIN_VALUE) {
                    throw new PathError("");
                }
                return number.isInt() ? IntNode.valueOf(Math.abs(number.intValue()))
                        : number.isLong() ? LongNode.valueOf(Math.abs(number.longValue()))
                        : DecimalNode.valueOf(number.decimalValue().abs());
            }
            return number;
        }
        if (number.isDouble() || number.isFloat()) {
            double value = number.doubleValue();
            return DoubleNode.valueOf(switch (name) {
                case "ceiling" -> Math.ceil(value);
                case "floor" -> Math.floor(value);
                default -> Math.abs(value);
            });
        }
        BigDecimal value = number.decimalValue();
        return DecimalNode.valueOf(switch (name) {
            case "ceiling" -> value.setScale(0, RoundingMode.CEILING);
            case "floor" -> value.setScale(0, RoundingMode.FLOOR);
            default -> value.abs();
        });
    }

    private JsonNode binary(Binary binary, Scope scope) {
        List<JsonNode> left = unwrapIfLax(eval(binary.left(), scope));
        List<JsonNode> right = unwrapIfLax(eval(binary.right(), scope));
        if (left.size() != 1 || right.size() != 1) {
            throw new PathError("arithmetic binary expression requires singleton operands");
        }
        return arithmetic(binary.operator(), numeric(left.get(0)), numeric(right.get(0)));
    }

    private static JsonNode arithmetic(char operator, JsonNode left, JsonNode right) {
        if (left.isDouble() || left.isFloat() || right.isDouble() || right.isFloat()) {
            double a = left.doubleValue();
            double b = right.doubleValue();
            return DoubleNode.valueOf(switch (operator) {
                case '+' -> a + b;
                case '-' -> a - b;
                case '*' -> a * b;
                case '/' -> a / b;
                default -> a % b;
            });
        }
        if ((left.isInt() || left.isLong()) && (right.isInt() || right.isLong())) {
            long a = left.longValue();
            long b = right.longValue();
            long result;
            try {
                result = switch (operator) {
                    case '+' -> Math.addExact(a, b);
                    case '-' -> Math.subtractExact(a, b);
                    case '*' -> Math.multiplyExact(a, b);
                    case '/' -> {
                        if (b == 0) {
                            throw new ArithmeticException();
                        }
                        yield a / b;
                    }
                    default -> {
                        if (b == 0) {
                            throw new ArithmeticException();
                        }
                        yield a % b;
                    }
                };
            } catch (ArithmeticException e) {
                throw new PathError("");
            }
            if (left.isInt() && right.isInt()) {
                if (result != (int) result) {
                    throw new PathError("");
                }
                return IntNode.valueOf((int) result);
            }
            return LongNode.valueOf(result);
        }
        BigDecimal a = left.decimalValue();
        BigDecimal b = right.decimalValue();
        int scale = Math.max(a.scale(), b.scale());
        try {
            return DecimalNode.valueOf(switch (operator) {
                case '+' -> a.add(b);
                case '-' -> a.subtract(b);
                case '*' -> a.multiply(b);
                case '/' -> a.divide(b, scale, RoundingMode.HALF_UP);
                default -> a.remainder(b);
            });
        } catch (ArithmeticException e) {
            throw new PathError("");
        }
    }

    private static JsonNode numeric(JsonNode item) {
        if (!item.isNumber()) {
            throw itemTypeError("NUMBER", item);
        }
        return item;
    }

    private static JsonNode negate(JsonNode number) {
        if (number.isInt() && number.intValue() != Integer.MIN_VALUE) {
            return IntNode.valueOf(-number.intValue());
        }
        if ((number.isInt() || number.isLong()) && number.longValue() != Long.MIN_VALUE) {
            return LongNode.valueOf(-number.longValue());
        }
        if (number.isDouble() || number.isFloat()) {
            return DoubleNode.valueOf(-number.doubleValue());
        }
        return DecimalNode.valueOf(number.decimalValue().negate());
    }

    private static PathError itemTypeError(String expected, JsonNode actual) {
        return new PathError("invalid item type. Expected: " + expected + ", actual: " + actual.getNodeType().name());
    }

    // ---- predicates: TRUE, FALSE or null for unknown --------------------------------------------------

    private Boolean test(Predicate predicate, Scope scope) {
        if (predicate instanceof And and) {
            Boolean left = test(and.left(), scope);
            if (Boolean.FALSE.equals(left)) {
                return false;
            }
            Boolean right = test(and.right(), scope);
            if (Boolean.FALSE.equals(right)) {
                return false;
            }
            return left == null || right == null ? null : true;
        }
        if (predicate instanceof Or or) {
            Boolean left = test(or.left(), scope);
            if (Boolean.TRUE.equals(left)) {
                return true;
            }
            Boolean right = test(or.right(), scope);
            if (Boolean.TRUE.equals(right)) {
                return true;
            }
            return left == null || right == null ? null : false;
        }
        if (predicate instanceof Not not) {
            Boolean operand = test(not.operand(), scope);
            return operand == null ? null : !operand;
        }
        if (predicate instanceof IsUnknown isUnknown) {
            return test(isUnknown.operand(), scope) == null;
        }
        if (predicate instanceof Exists exists) {
            try {
                return !eval(exists.path(), scope).isEmpty();
            } catch (PathError e) {
                return null;
            }
        }
        if (predicate instanceof Comparison comparison) {
            return compare(comparison, scope);
        }
        return startsWith((StartsWith) predicate, scope);
    }

    private Boolean compare(Comparison comparison, Scope scope) {
        List<JsonNode> left;
        List<JsonNode> right;
        try {
            left = unwrapIfLax(eval(comparison.left(), scope));
            right = unwrapIfLax(eval(comparison.right(), scope));
        } catch (PathError e) {
            return null;
        }
        boolean found = false;
        boolean failed = false;
        for (JsonNode a : left) {
            for (JsonNode b : right) {
                Boolean result = compare(comparison.operator(), a, b);
                if (result == null) {
                    if (lax) {
                        return null;
                    }
                    failed = true;
                } else if (result) {
                    if (lax) {
                        return true;
                    }
                    found = true;
                }
            }
        }
        return failed ? null : found;
    }

    /** One comparison of two items: null when they cannot be compared. */
    private static Boolean compare(String operator, JsonNode a, JsonNode b) {
        if (a.isNull() || b.isNull()) {
            return a.isNull() && b.isNull() && operator.equals("==");
        }
        if (a.isContainerNode() || b.isContainerNode()) {
            return null;
        }
        int order;
        if (a.isNumber() && b.isNumber()) {
            if (a.isDouble() || a.isFloat() || b.isDouble() || b.isFloat()) {
                order = Double.compare(a.doubleValue(), b.doubleValue());
            } else {
                order = a.decimalValue().compareTo(b.decimalValue());
            }
        } else if (a.isTextual() && b.isTextual()) {
            order = compareCodePoints(a.textValue(), b.textValue());
        } else if (a.isBoolean() && b.isBoolean()) {
            order = Boolean.compare(a.booleanValue(), b.booleanValue());
        } else {
            return null;
        }
        return switch (operator) {
            case "==" -> order == 0;
            case "<>", "!=" -> order != 0;
            case "<" -> order < 0;
            case ">" -> order > 0;
            case "<=" -> order <= 0;
            default -> order >= 0;
        };
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private Boolean startsWith(StartsWith startsWith, Scope scope) {
        List<JsonNode> whole;
        List<JsonNode> prefix;
        try {
            whole = unwrapIfLax(eval(startsWith.whole(), scope));
            prefix = eval(startsWith.prefix(), scope);
        } catch (PathError e) {
            return null;
        }
        if (prefix.size() != 1 || !prefix.get(0).isTextual()) {
            return null;
        }
        String start = prefix.get(0).textValue();
        boolean found = false;
        boolean failed = false;
        for (JsonNode item : whole) {
            if (!item.isTextual()) {
                if (lax) {
                    return null;
                }
                failed = true;
            } else if (item.textValue().startsWith(start)) {
                if (lax) {
                    return true;
                }
                found = true;
            }
        }
        return failed ? null : found;
    }
}
