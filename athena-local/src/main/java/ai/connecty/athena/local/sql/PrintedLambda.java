package ai.connecty.athena.local.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A Trino lambda as {@link DuckDbPrinter} prints it, {@code ("x" -> body)} or {@code (("s", "x") -> body)}, taken
 * apart so that it can be applied to values. DuckDB calls a lambda only inside its list functions, each with its own
 * arguments ({@code list_transform} passes an element and its index, {@code list_reduce} the state and an element of
 * the state's type), where Trino's array and map functions pass others: a comparator two elements, map_filter a key
 * and a value, reduce a state of any type. {@link #apply} binds each parameter to a value with a one-element
 * {@code list_transform}, so the body runs as printed, parameters hiding columns as in Trino.
 */
record PrintedLambda(List<String> parameters, String body) {

    /** The lambda printed as {@code sql}; fails when the text is no printed lambda (a function's argument). */
    static PrintedLambda of(String sql) {
        String text = sql.strip();
        if (!text.startsWith("(") || !text.endsWith(")")) {
            throw new UnsupportedSqlException("a function argument that is not a lambda expression: " + sql);
        }
        text = text.substring(1, text.length() - 1);
        List<String> parameters = new ArrayList<>();
        int at = 0;
        boolean listed = text.startsWith("(");
        if (listed) {
            at = 1;
        }
        while (true) {
            int end = identifierEnd(text, at);
            parameters.add(text.substring(at, end));
            at = end;
            if (listed && text.startsWith(", ", at)) {
                at += 2;
                continue;
            }
            if (listed && text.startsWith(")", at)) {
                at += 1;
            }
            break;
        }
        if (!text.startsWith(" -> ", at)) {
            throw new UnsupportedSqlException("a function argument that is not a lambda expression: " + sql);
        }
        return new PrintedLambda(List.copyOf(parameters), text.substring(at + 4));
    }

    /** The end of the quoted identifier starting at {@code from} (a doubled quote stays inside it). */
    private static int identifierEnd(String text, int from) {
        if (from >= text.length() || text.charAt(from) != '"') {
            throw new UnsupportedSqlException("a lambda parameter athena-local cannot read: " + text);
        }
        int i = from + 1;
        while (i < text.length()) {
            if (text.charAt(i) == '"') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        throw new UnsupportedSqlException("a lambda parameter athena-local cannot read: " + text);
    }

    /**
     * The body with its parameters bound to {@code values} (DuckDB expressions, evaluated in the caller's scope), one
     * a parameter: {@code list_transform([v1], "s" -> list_transform([v2], "x" -> body)[1])[1]}. Trino refuses a
     * lambda of another number of parameters than the function passes; so does this.
     */
    String apply(List<String> values) {
        if (values.size() != parameters.size()) {
            throw EngineFailure.user("FUNCTION_NOT_FOUND", "Expected a lambda of " + values.size()
                    + " argument(s), got one of " + parameters.size());
        }
        String bound = body;
        for (int i = parameters.size() - 1; i >= 0; i--) {
            bound = CollectionCalls.let(parameters.get(i), values.get(i), bound);
        }
        return bound;
    }

    /** {@link #apply} on the given values. */
    String apply(String... values) {
        return apply(List.of(values));
    }
}
