package ai.connecty.athena.local.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Trino's SQL/JSON path language (the grammar of Trino 431's JsonPath.g4: a mandatory {@code lax}/{@code strict}
 * mode, accessors, filters, item methods, arithmetic) parsed into a small tree and evaluated over Jackson nodes. A
 * sequence of items is a list of nodes; SQL values the path computes (arithmetic, {@code .type()}, {@code .size()})
 * are nodes too. Evaluation fails with {@link PathError} (Trino's PATH_EVALUATION_ERROR), which the SQL/JSON
 * functions ({@link SqlJsonFunctions}) hand to their ON ERROR clause; {@code like_regex} and {@code .datetime()},
 * which Trino 431 refuses in analysis, are refused when the path is parsed ({@link Unsupported}).
 */
final class JsonPathLanguage {

    /** A path evaluation failure: Trino's PATH_EVALUATION_ERROR with its {@code path evaluation failed: } prefix. */
    static final class PathError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PathError(String detail) {
            super("path evaluation failed: " + detail);
        }
    }

    /** A path text that is not in the grammar, with the 0-based offset of the fault. */
    static final class SyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int offset;

        SyntaxError(String message, int offset) {
            super(message);
            this.offset = offset;
        }
    }

    /** A construct of the grammar Trino 431's analysis refuses as NOT_SUPPORTED. */
    static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported(String message) {
            super(message);
        }
    }

    /** A parsed path: its mode and its expression, and the named variables it reads. */
    record Path(boolean lax, Node root, Set<String> variables) {
    }

    private static final Map<String, Path> CACHE = new ConcurrentHashMap<>();

    private JsonPathLanguage() {
    }

    /** The parsed {@code text}, cached (the functions get the same constant path for every row). */
    static Path parse(String text) {
        Path cached = CACHE.get(text);
        if (cached != null) {
            return cached;
        }
        Path path = new Parser(text).path();
        if (CACHE.size() < 10_000) {
            CACHE.put(text, path);
        }
        return path;
    }

    /** The sequence {@code path} gives for {@code input} with the named variables' items. */
    static List<JsonNode> evaluate(Path path, JsonNode input, Map<String, List<JsonNode>> variables) {
        return new Evaluator(path.lax(), input, variables).eval(path.root(), null);
    }

    // ---- tree -----------------------------------------------------------------------------------------------

    sealed interface Node permits Literal, Context, Variable, Last, Current, Member, Wildcard, ArrayAccess,
            ArrayWildcard, Filter, Method, Binary, Unary {
    }

    record Literal(JsonNode value) implements Node {
    }

    record Context() implements Node {
    }

    record Variable(String name) implements Node {
    }

    record Last() implements Node {
    }

    record Current() implements Node {
    }

    record Member(Node base, String key) implements Node {
    }

    record Wildcard(Node base) implements Node {
    }

    record Subscript(Node from, Node to) {
    }

    record ArrayAccess(Node base, List<Subscript> subscripts) implements Node {
    }

    record ArrayWildcard(Node base) implements Node {
    }

    record Filter(Node base, Predicate predicate) implements Node {
    }

    record Method(Node base, String name) implements Node {
    }

    record Binary(char operator, Node left, Node right) implements Node {
    }

    record Unary(boolean minus, Node operand) implements Node {
    }

    sealed interface Predicate permits And, Or, Not, Exists, Comparison, StartsWith, IsUnknown {
    }

    record And(Predicate left, Predicate right) implements Predicate {
    }

    record Or(Predicate left, Predicate right) implements Predicate {
    }

    record Not(Predicate operand) implements Predicate {
    }

    record Exists(Node path) implements Predicate {
    }

    record Comparison(String operator, Node left, Node right) implements Predicate {
    }

    record StartsWith(Node whole, Node prefix) implements Predicate {
    }

    record IsUnknown(Predicate operand) implements Predicate {
    }

    // ---- lexer and parser -----------------------------------------------------------------------------------

    private record Token(String kind, String text, int offset) {
    }

    private static final Set<String> METHODS = Set.of("type", "size", "double", "ceiling", "floor", "abs",
            "datetime", "keyvalue");
    private static final List<String> SYMBOLS = List.of("==", "<>", "!=", "<=", ">=", "&&", "||", "<", ">", "!",
            ".", "*", "[", "]", ",", "(", ")", "?", "+", "-", "/", "%", "@");

    private static final class Parser {
        private final String text;
        private final List<Token> tokens = new ArrayList<>();
        private final Set<String> variables = new java.util.HashSet<>();
        private int position;

        Parser(String text) {
            this.text = text;
            lex();
        }

        private void lex() {
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                    i++;
                } else if (c == '"') {
                    StringBuilder value = new StringBuilder();
                    int start = i++;
                    while (true) {
                        if (i >= text.length()) {
                            throw new SyntaxError("unterminated string literal", start);
                        }
                        char d = text.charAt(i++);
                        if (d == '"') {
                            if (i < text.length() && text.charAt(i) == '"') {
                                value.append('"');
                                i++;
                            } else {
                                break;
                            }
                        } else {
                            value.append(d);
                        }
                    }
                    tokens.add(new Token("string", value.toString(), start));
                } else if (c == '$') {
                    int start = i++;
                    if (i < text.length() && isIdentifierStart(text.charAt(i))) {
                        int nameStart = i;
                        while (i < text.length() && isIdentifierPart(text.charAt(i))) {
                            i++;
                        }
                        tokens.add(new Token("variable", text.substring(nameStart, i), start));
                    } else {
                        tokens.add(new Token("$", "$", start));
                    }
                } else if (Character.isDigit(c) || (c == '.' && i + 1 < text.length()
                        && Character.isDigit(text.charAt(i + 1)) && !afterAccessorBase())) {
                    int start = i;
                    while (i < text.length() && Character.isDigit(text.charAt(i))) {
                        i++;
                    }
                    boolean decimal = false;
                    if (i < text.length() && text.charAt(i) == '.') {
                        decimal = true;
                        i++;
                        while (i < text.length() && Character.isDigit(text.charAt(i))) {
                            i++;
                        }
                    }
                    boolean exponent = false;
                    if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
                        int mark = i++;
                        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                            i++;
                        }
                        if (i < text.length() && Character.isDigit(text.charAt(i))) {
                            exponent = true;
                            while (i < text.length() && Character.isDigit(text.charAt(i))) {
                                i++;
                            }
                        } else {
                            i = mark;
                        }
                    }
                    tokens.add(new Token(exponent ? "double" : decimal ? "decimal" : "integer",
                            text.substring(start, i), start));
                } else if (isIdentifierStart(c)) {
                    int start = i;
                    while (i < text.length() && isIdentifierPart(text.charAt(i))) {
                        i++;
                    }
                    tokens.add(new Token("name", text.substring(start, i), start));
                } else {
                    String symbol = null;
                    for (String s : SYMBOLS) {
                        if (text.startsWith(s, i)) {
                            symbol = s;
                            break;
                        }
                    }
                    if (symbol == null) {
                        throw new SyntaxError("unexpected character '" + c + "'", i);
                    }
                    tokens.add(new Token(symbol, symbol, i));
                    i += symbol.length();
                }
            }
            tokens.add(new Token("end", "<EOF>", text.length()));
        }

        /** A '.' after an item ends an accessor ({@code $.1} is no number), unlike one after an operator. */
        private boolean afterAccessorBase() {
            if (tokens.isEmpty()) {
                return false;
            }
            String last = tokens.get(tokens.size() - 1).kind();
            return last.equals("$") || last.equals("variable") || last.equals("name") || last.equals(")")
                    || last.equals("]") || last.equals("@") || last.equals("string");
        }

        private static boolean isIdentifierStart(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        }

        private static boolean isIdentifierPart(char c) {
            return isIdentifierStart(c) || (c >= '0' && c <= '9');
        }

        private Token peek() {
            return tokens.get(position);
        }

        private Token peek(int ahead) {
            return tokens.get(Math.min(position + ahead, tokens.size() - 1));
        }

        private boolean at(String kind) {
            return peek().kind().equals(kind);
        }

        private boolean atName(String name) {
            return at("name") && peek().text().equals(name);
        }

        private Token next() {
            return tokens.get(position++);
        }

        private Token expect(String kind) {
            if (!at(kind)) {
                throw unexpected();
            }
            return next();
        }

        private SyntaxError unexpected() {
            Token token = peek();
            return new SyntaxError("mismatched input '" + token.text() + "'", token.offset());
        }

        Path path() {
            boolean lax;
            if (atName("lax")) {
                lax = true;
            } else if (atName("strict")) {
                lax = false;
            } else {
                throw unexpected();
            }
            next();
            Node root = expression();
            expect("end");
            return new Path(lax, root, Set.copyOf(variables));
        }

        private Node expression() {
            Node left = term();
            while (at("+") || at("-")) {
                char operator = next().text().charAt(0);
                left = new Binary(operator, left, term());
            }
            return left;
        }

        private Node term() {
            Node left = unary();
            while (at("*") || at("/") || at("%")) {
                char operator = next().text().charAt(0);
                left = new Binary(operator, left, unary());
            }
            return left;
        }

        private Node unary() {
            if (at("+") || at("-")) {
                boolean minus = next().kind().equals("-");
                if (minus && (at("integer") || at("decimal") || at("double"))) {
                    return accessors(new Literal(number(next(), true)));
                }
                return new Unary(minus, unary());
            }
            return accessors(primary());
        }

        private Node primary() {
            Token token = peek();
            switch (token.kind()) {
                case "integer", "decimal", "double" -> {
                    next();
                    return new Literal(number(token, false));
                }
                case "string" -> {
                    next();
                    return new Literal(TextNode.valueOf(token.text()));
                }
                case "$" -> {
                    next();
                    return new Context();
                }
                case "variable" -> {
                    next();
                    variables.add(token.text());
                    return new Variable(token.text());
                }
                case "@" -> {
                    next();
                    return new Current();
                }
                case "(" -> {
                    next();
                    Node inner = expression();
                    expect(")");
                    return inner;
                }
                case "name" -> {
                    switch (token.text()) {
                        case "true", "false" -> {
                            next();
                            return new Literal(BooleanNode.valueOf(token.text().equals("true")));
                        }
                        case "null" -> {
                            next();
                            return new Literal(NullNode.getInstance());
                        }
                        case "last" -> {
                            next();
                            return new Last();
                        }
                        default -> throw unexpected();
                    }
                }
                default -> throw unexpected();
            }
        }

        private static JsonNode number(Token token, boolean negative) {
            String digits = (negative ? "-" : "") + token.text();
            return switch (token.kind()) {
                case "integer" -> {
                    BigInteger value = new BigInteger(digits);
                    if (value.bitLength() < 32) {
                        yield IntNode.valueOf(value.intValue());
                    }
                    if (value.bitLength() < 64) {
                        yield LongNode.valueOf(value.longValue());
                    }
                    yield DecimalNode.valueOf(new BigDecimal(value));
                }
                case "decimal" -> DecimalNode.valueOf(new BigDecimal(digits.endsWith(".") ? digits + "0" : digits));
                default -> DoubleNode.valueOf(Double.parseDouble(digits));
            };
        }

        private Node accessors(Node base) {
            Node node = base;
            while (true) {
                if (at(".")) {
                    next();
                    Token token = peek();
                    if (at("*")) {
                        next();
                        node = new Wildcard(node);
                    } else if (at("string")) {
                        next();
                        node = new Member(node, token.text());
                    } else if (at("name")) {
                        next();
                        if (at("(") && METHODS.contains(token.text())) {
                            next();
                            if (token.text().equals("datetime")) {
                                throw new Unsupported("datetime method in JSON path is not yet supported");
                            }
                            expect(")");
                            node = new Method(node, token.text());
                        } else {
                            node = new Member(node, token.text());
                        }
                    } else {
                        throw unexpected();
                    }
                } else if (at("[")) {
                    next();
                    if (at("*")) {
                        next();
                        expect("]");
                        node = new ArrayWildcard(node);
                        continue;
                    }
                    List<Subscript> subscripts = new ArrayList<>();
                    do {
                        Node from = expression();
                        Node to = null;
                        if (atName("to")) {
                            next();
                            to = expression();
                        }
                        subscripts.add(new Subscript(from, to));
                    } while (at(",") && next() != null);
                    expect("]");
                    node = new ArrayAccess(node, subscripts);
                } else if (at("?")) {
                    next();
                    expect("(");
                    Predicate predicate = predicate();
                    expect(")");
                    node = new Filter(node, predicate);
                } else {
                    return node;
                }
            }
        }

        private Predicate predicate() {
            Predicate left = conjunction();
            while (at("||")) {
                next();
                left = new Or(left, conjunction());
            }
            return left;
        }

        private Predicate conjunction() {
            Predicate left = negation();
            while (at("&&")) {
                next();
                left = new And(left, negation());
            }
            return left;
        }

        private Predicate negation() {
            if (at("!")) {
                next();
                return new Not(delimited());
            }
            return primaryPredicate();
        }

        private Predicate delimited() {
            if (atName("exists") && peek(1).kind().equals("(")) {
                next();
                next();
                Node path = expression();
                expect(")");
                return new Exists(path);
            }
            expect("(");
            Predicate inner = predicate();
            expect(")");
            return inner;
        }

        private Predicate primaryPredicate() {
            int mark = position;
            try {
                Node left = expression();
                if (at("==") || at("<>") || at("!=") || at("<") || at(">") || at("<=") || at(">=")) {
                    String operator = next().kind();
                    return new Comparison(operator, left, expression());
                }
                if (atName("like_regex")) {
                    throw new Unsupported("like_regex predicate in JSON path is not yet supported");
                }
                if (atName("starts") && peek(1).kind().equals("name") && peek(1).text().equals("with")) {
                    next();
                    next();
                    Token prefix = peek();
                    if (at("string")) {
                        next();
                        return new StartsWith(left, new Literal(TextNode.valueOf(prefix.text())));
                    }
                    if (at("variable")) {
                        next();
                        variables.add(prefix.text());
                        return new StartsWith(left, new Variable(prefix.text()));
                    }
                    throw unexpected();
                }
                throw unexpected();
            } catch (SyntaxError asPath) {
                int failedAt = position;
                position = mark;
                try {
                    Predicate predicate = delimited();
                    if (atName("is") && peek(1).kind().equals("name") && peek(1).text().equals("unknown")) {
                        next();
                        next();
                        return new IsUnknown(predicate);
                    }
                    return predicate;
                } catch (SyntaxError asPredicate) {
                    throw position >= failedAt ? asPredicate : asPath;
                }
            }
        }
    }

    // ---- evaluation -----------------------------------------------------------------------------------------

    private static final class Evaluator {
        private final boolean lax;
        private final JsonNode input;
        private final Map<String, List<JsonNode>> variables;
        private int objectId;

        Evaluator(boolean lax, JsonNode input, Map<String, List<JsonNode>> variables) {
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
}
