package ai.connecty.athena.local.sql;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Trino's SQL/JSON path language (the grammar of Trino 431's JsonPath.g4: a mandatory {@code lax}/{@code strict}
 * mode, accessors, filters, item methods, arithmetic): its tree, parsed by {@link JsonPathParser} and evaluated over
 * Jackson nodes by {@link JsonPathEvaluator}. A
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
        Path path = new JsonPathParser(text).path();
        if (CACHE.size() < 10_000) {
            CACHE.put(text, path);
        }
        return path;
    }

    /** The sequence {@code path} gives for {@code input} with the named variables' items. */
    static List<JsonNode> evaluate(Path path, JsonNode input, Map<String, List<JsonNode>> variables) {
        return new JsonPathEvaluator(path.lax(), input, variables).eval(path.root(), null);
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
}
