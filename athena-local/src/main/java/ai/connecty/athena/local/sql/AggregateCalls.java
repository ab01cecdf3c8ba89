package ai.connecty.athena.local.sql;

import io.trino.sql.tree.BooleanLiteral;
import io.trino.sql.tree.LongLiteral;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Trino aggregate and window functions that DuckDB lacks or answers differently, printed for DuckDB (see
 * {@link DuckDbPrinter}, which hands over a call's printed arguments, its printed {@code ORDER BY} and what follows
 * its brackets, {@code FILTER (WHERE …)} and {@code OVER …}, to be put on every DuckDB aggregate the translation
 * uses).
 */
final class AggregateCalls {

    /** Trino's limit on the text {@code listagg} builds (its ListaggAggregationFunction's MAX_OUTPUT_LENGTH). */
    static final int LISTAGG_MAX_BYTES = 1024 * 1024;

    private static final Set<String> NAMES = Set.of("listagg", "count_if", "max_by", "min_by", "skewness",
            "multimap_agg", "map_union", "histogram", "reduce_agg", "nth_value", "lag", "lead", "map_agg",
            "bitwise_and_agg", "bitwise_or_agg");

    private AggregateCalls() {
    }

    /** Whether {@link #print} translates a call of {@code name} (lower case). */
    static boolean handles(String name) {
        return NAMES.contains(name);
    }

    /**
     * The DuckDB text of a call of {@code name} with its printed arguments, {@code orderBy} (the printed
     * {@code ORDER BY …} inside its brackets, or empty), {@code distinct} and {@code modifiers} (the printed
     * {@code FILTER}/{@code OVER} after them, or empty). Forms it does not change are printed as written.
     */
    static String print(String name, List<Calls.Arg> a, String orderBy, boolean distinct, String nullTreatment,
            String modifiers) {
        String inside = (distinct ? "DISTINCT " : "");
        String after = (orderBy.isEmpty() ? "" : " " + orderBy) + nullTreatment;
        String text = switch (name) {
            case "listagg" -> listagg(a, inside, after, modifiers);
            // Trino defines count_if(x) as count(CASE WHEN x THEN 1 END): a bigint (DuckDB's count_if is a HUGEINT).
            case "count_if" -> "count(" + inside + "CASE WHEN " + a.get(0).sql() + " THEN 1 END" + after + ")"
                    + modifiers;
            // Trino's max_by/min_by keep a NULL x (the row of the largest y gives NULL); DuckDB's arg_max skips it.
            case "max_by", "min_by" -> a.size() == 2 && !distinct
                    ? (name.equals("max_by") ? "arg_max_null(" : "arg_min_null(") + a.get(0).sql() + ", "
                            + a.get(1).sql() + after + ")" + modifiers
                    : null;
            // Trino's bitwise_and_agg/bitwise_or_agg (BitwiseAndAggregation…) are bigints; DuckDB names them bit_and/bit_or.
            case "bitwise_and_agg", "bitwise_or_agg" -> "CAST(" + (name.equals("bitwise_and_agg") ? "bit_and(" : "bit_or(")
                    + inside + "CAST(" + a.get(0).sql() + " AS BIGINT)" + after + ")" + modifiers + " AS BIGINT)";
            case "skewness" -> skewness(inside + a.get(0).sql() + after, modifiers);
            case "multimap_agg" -> multimap(a, inside, after, modifiers);
            case "map_agg" -> mapAgg(a, inside, after, modifiers);
            case "histogram" -> histogram(inside + a.get(0).sql() + after, modifiers);
            case "map_union" -> mapUnion(inside + a.get(0).sql() + after, modifiers);
            case "reduce_agg" -> reduce(a, inside, after, modifiers);
            case "nth_value" -> a.size() == 2 ? "nth_value(" + a.get(0).sql() + ", " + checkedOffset(a.get(1), 1)
                    + after + ")" + modifiers : null;
            case "lag", "lead" -> a.size() >= 2 ? name + "(" + a.get(0).sql() + ", " + checkedOffset(a.get(1), 0)
                    + (a.size() > 2 ? ", " + a.get(2).sql() : "") + after + ")" + modifiers : null;
            default -> null;
        };
        return text != null ? text
                : name + "(" + inside + a.stream().map(Calls.Arg::sql).collect(Collectors.joining(", ")) + after + ")"
                        + modifiers;
    }

    /**
     * Trino's parser gives {@code listagg(x, separator [ON OVERFLOW …]) WITHIN GROUP (ORDER BY …)} five arguments:
     * the value, the separator ({@code ''} when none is written), whether an overflow fails (ON OVERFLOW ERROR, the
     * default), the truncation filler and whether the count of omitted values is shown. DuckDB's {@code string_agg}
     * concatenates; a result beyond Trino's 1 MiB fails as Trino's does under ON OVERFLOW ERROR.
     */
    private static String listagg(List<Calls.Arg> a, String inside, String after, String modifiers) {
        String aggregate = "string_agg(" + inside + a.get(0).sql() + ", " + a.get(1).sql() + after + ")" + modifiers;
        boolean overflowFails = a.size() < 3 || !(a.get(2).expression() instanceof BooleanLiteral b) || b.getValue();
        if (!overflowFails) {
            return aggregate;
        }
        String raise = RaisedErrors.raiseText("EXCEEDED_FUNCTION_MEMORY_LIMIT",
                "Concatenated string has the length in bytes larger than the maximum output length "
                        + LISTAGG_MAX_BYTES);
        return CollectionCalls.let("__s", aggregate, "CASE WHEN strlen(__s) > " + LISTAGG_MAX_BYTES + " THEN " + raise
                + " ELSE __s END");
    }

    /**
     * Trino's skewness is Fisher's moment coefficient, sqrt(n) * m3 / m2^1.5 over the sums of the central moments
     * (NULL below 3 values); DuckDB's is the sample-adjusted one, larger by sqrt(n(n-1)) / (n-2).
     */
    private static String skewness(String argument, String modifiers) {
        String n = "CAST(count(" + argument + ")" + modifiers + " AS DOUBLE)";
        return "(skewness(" + argument + ")" + modifiers + " * (" + n + " - 2) / sqrt(" + n + " * (" + n + " - 1)))";
    }

    /**
     * {@code multimap_agg(k, v)}: each key with the array of its values, in the rows' order, from DuckDB's list of
     * (key, value) pairs; NULL for no rows. Rows with a NULL key are left out, as a map key cannot be NULL. The pairs'
     * keys are sorted with their positions, so that each key's pairs are neighbours in the rows' order; each run of
     * one key becomes an entry (n log n for a group, where filtering the pairs once per key was quadratic).
     */
    private static String multimap(List<Calls.Arg> a, String inside, String after, String modifiers) {
        String sorted = "list_sort(list_filter(list_transform(__l, (__e, __i) -> {'k': __e.k, 'i': __i}),"
                + " __p -> __p.k IS NOT NULL))";
        String starts = "list_filter(range(1, len(__s) + 1), __j -> __j = 1 OR __s[__j].k IS DISTINCT FROM"
                + " __s[__j - 1].k)";
        // positions, not a slice: DuckDB copies a list a lambda captures for each slice of it (quadratic)
        String values = "list_transform(__st, (__j, __g) -> list_transform(range(__j, CASE WHEN __g < len(__st) THEN"
                + " __st[__g + 1] ELSE len(__s) + 1 END), __q -> __l[__s[__q].i].v))";
        return CollectionCalls.let("__l", pairs(a, inside, after, modifiers), CollectionCalls.let("__s", sorted,
                CollectionCalls.let("__st", starts, "CASE WHEN __l IS NULL THEN NULL ELSE map(list_transform(__st,"
                        + " __j -> __s[__j].k), " + values + ") END")));
    }

    /** {@code histogram(x)}: Trino counts in a bigint, DuckDB in an unsigned one (which Athena would show as decimal). */
    private static String histogram(String argument, String modifiers) {
        return CollectionCalls.let("__h", "histogram(" + argument + ")" + modifiers,
                "map(map_keys(__h), list_transform(map_values(__h), __c -> CAST(__c AS BIGINT)))");
    }

    /**
     * {@code map_union(m)}: the union of the non-NULL maps (a key in several takes the last one's value, which
     * Trino leaves arbitrary); NULL for no rows or only NULL maps.
     */
    private static String mapUnion(String argument, String modifiers) {
        return CollectionCalls.let("__l", "list(" + argument + ")" + modifiers, CollectionCalls.let("__ms",
                "list_filter(__l, __m -> __m IS NOT NULL)", "CASE WHEN len(__ms) = 0 THEN NULL "
                        + "ELSE list_reduce(__ms, (__a, __b) -> map_concat(__a, __b)) END"));
    }

    /** The rows' (key, value) pairs as DuckDB's list of {@code {'k', 'v'}} rows, for multimap_agg and map_agg. */
    private static String pairs(List<Calls.Arg> a, String inside, String after, String modifiers) {
        return "list(" + inside + "{'k': " + a.get(0).sql() + ", 'v': " + a.get(1).sql() + "}" + after + ")" + modifiers;
    }

    /**
     * {@code map_agg(k, v)}: one entry per key (Trino keeps the first pair of a key it meets, in no defined order) and
     * none for a NULL key, where DuckDB's map() of the two lists fails on a repeated key. The pairs are sorted by key,
     * so a repeat follows its first and the duplicates go in one pass after the sort; NULL for no rows.
     */
    private static String mapAgg(List<Calls.Arg> a, String inside, String after, String modifiers) {
        String sorted = "list_sort(list_filter(" + pairs(a, inside, after, modifiers) + ", __p -> __p.k IS NOT NULL))";
        // map_from_entries outermost: Calls.cardinality tells a map from an array by the printed text's start.
        return "map_from_entries(" + CollectionCalls.let("__s", sorted, "list_transform(list_filter(__s, (__p, __i) -> "
                + "__i = 1 OR __p.k IS DISTINCT FROM __s[__i - 1].k), __p -> {'key': __p.k, 'value': __p.v})") + ")";
    }

    /**
     * {@code reduce_agg(x, initial, input, combine)}: the input function folded over the non-NULL values from the
     * initial state (the combine function only merges partial states, which a single fold does not have); NULL
     * for no rows.
     */
    private static String reduce(List<Calls.Arg> a, String inside, String after, String modifiers) {
        String folded = CollectionCalls.fold("list_filter(__l, __v -> __v IS NOT NULL)", a.get(1).sql(),
                PrintedLambda.of(a.get(2).sql()));
        return CollectionCalls.let("__l", "list(" + inside + a.get(0).sql() + after + ")" + modifiers,
                "CASE WHEN __l IS NULL THEN NULL ELSE " + folded + " END");
    }

    /**
     * A window function's offset with Trino's check: nth_value's must be at least 1, lag's and lead's at least 0
     * ({@code INVALID_FUNCTION_ARGUMENT: Offset must be at least 1}), where DuckDB gives NULL or reads a negative
     * lag as a lead. A literal offset that passes is printed as written.
     */
    private static String checkedOffset(Calls.Arg offset, int least) {
        if (offset.expression() instanceof LongLiteral literal && literal.getParsedValue() >= least) {
            return offset.sql();
        }
        return "CASE WHEN (" + offset.sql() + ") < " + least + " THEN "
                + RaisedErrors.invalidArgument("Offset must be at least " + least)
                + " ELSE (" + offset.sql() + ") END";
    }
}
