package ai.connecty.athena.local.sql;

import io.trino.sql.tree.LambdaExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Trino's array and map functions that DuckDB lacks or whose lambdas it calls with other arguments, printed with
 * DuckDB's list and map functions (see {@link Calls}, which takes its rules from here). A lambda argument arrives as
 * printed and is applied through {@link PrintedLambda}. Errors Trino documents for the arguments are raised with its
 * names and messages ({@link RaisedErrors}).
 */
final class CollectionCalls {

    /** Trino computes at most 5-element combinations (its ArrayCombinationsFunction). */
    private static final int MAX_COMBINATION_LENGTH = 5;
    /** Trino refuses combinations of more elements in all (its ArrayCombinationsFunction). */
    private static final int MAX_COMBINATION_ELEMENTS = 100_000;
    /** Trino's message for a comparator answering other than -1, 0 or 1 (its ArraySortComparatorFunction). */
    private static final String COMPARATOR_ANSWER = "Lambda comparator must return either -1, 0, or 1";

    private CollectionCalls() {
    }

    /** Adds the rules to {@code rules}, replacing any of the same name. */
    static void addTo(Map<String, Function<List<Calls.Arg>, String>> rules) {
        rules.put("reduce", CollectionCalls::reduce);
        rules.put("array_sort", CollectionCalls::arraySort);
        rules.put("zip_with", CollectionCalls::zipWith);
        rules.put("combinations", CollectionCalls::combinations);
        rules.put("ngrams", CollectionCalls::ngrams);
        rules.put("trim_array", CollectionCalls::trimArray);
        rules.put("array_histogram", a -> CollectionMacros.HISTOGRAM + "(" + a.get(0).sql() + ")");
        rules.put("multimap_from_entries", a -> CollectionMacros.MULTIMAP + "(" + a.get(0).sql() + ")");
        // DuckDB's entries are rows with fields key and value; Trino's are unnamed rows.
        rules.put("map_entries", a -> "list_transform(map_entries(" + a.get(0).sql() + "), __e -> row(__e.key, __e.value))");
        rules.put("map", CollectionCalls::map);
        rules.put("map_filter", CollectionCalls::mapFilter);
        rules.put("map_from_entries", a -> a.get(0).expression() instanceof io.trino.sql.tree.NullLiteral
                ? "map_from_entries(NULL)" : checkedMapFromEntries(a.get(0).sql(), "struct_extract_at(__e, 1)"));
        rules.put("transform_keys", a -> checkedMapFromEntries("list_transform(map_entries(" + a.get(0).sql()
                + "), __e -> {'k': " + PrintedLambda.of(a.get(1).sql()).apply("__e.key", "__e.value")
                + ", 'v': __e.value})", "__e.k"));
        rules.put("transform_values", a -> mapOfEntries(a.get(0).sql(), "__e.key",
                PrintedLambda.of(a.get(1).sql()).apply("__e.key", "__e.value")));
        rules.put("map_zip_with", CollectionCalls::mapZipWith);
    }

    /**
     * The call of a function whose lambda form the rules of other functions do not cover, where its last argument is
     * a lambda: {@code regexp_replace(string, pattern, function)}; null for any other call.
     */
    static String lambdaForm(String name, List<Calls.Arg> a) {
        if (name.equals("regexp_replace") && a.size() == 3 && a.get(2).expression() instanceof LambdaExpression) {
            return regexpReplaceWith(a);
        }
        return null;
    }

    /**
     * Trino's regexp_replace(string, pattern, function): each match replaced by the function's answer for the
     * array of its capturing groups (a NULL answer by nothing). The text between the matches comes from DuckDB's
     * regexp_split_to_array, the groups of every match from regexp_extract_all; the pattern must be a literal, for
     * its number of groups.
     */
    private static String regexpReplaceWith(List<Calls.Arg> a) {
        if (!a.get(1).isString()) {
            throw new UnsupportedSqlException("regexp_replace() with a lambda and a pattern that is not a literal");
        }
        int groups;
        try {
            groups = Pattern.compile(a.get(1).stringValue()).matcher("").groupCount();
        } catch (PatternSyntaxException e) {
            throw new UnsupportedSqlException("regexp_replace() with a lambda and the pattern " + a.get(1).sql());
        }
        String text = a.get(0).sql();
        String pattern = a.get(1).sql();
        List<String> group = new ArrayList<>();
        for (int g = 1; g <= groups; g++) {
            group.add("regexp_extract_all(__s, " + pattern + ", " + g + ")[__i]");
        }
        String replacement = PrintedLambda.of(a.get(2).sql()).apply(
                groups == 0 ? "list_filter([''], __e -> false)" : "[" + String.join(", ", group) + "]");
        String joined = "array_to_string(list_transform(regexp_split_to_array(__s, " + pattern + "), (__p, __i) -> __p"
                + " || CASE WHEN __i < len(regexp_split_to_array(__s, " + pattern + ")) THEN coalesce(" + replacement
                + ", '') ELSE '' END), '')";
        return "CASE WHEN " + text + " IS NOT NULL THEN " + let("__s", text, joined) + " END";
    }

    /**
     * {@code expression} with {@code name} bound to {@code value}, which the expression may name many times (the
     * value, a column or an aggregate, is computed once).
     */
    static String let(String name, String value, String expression) {
        return "list_transform([" + value + "], " + name + " -> " + expression + ")[1]";
    }

    /**
     * Trino's {@code MAP(keys, values)} (MapConstructor) with its argument errors, where DuckDB's map fails with its
     * own words ({@code Map keys must be unique}): arrays of other lengths, a NULL key, and a repeated key, named as
     * the key's text at its first repetition ({@code Duplicate map keys (2) are not allowed}).
     */
    private static String map(List<Calls.Arg> a) {
        if (a.size() != 2) {
            return "map(" + a.stream().map(Calls.Arg::sql).collect(java.util.stream.Collectors.joining(", ")) + ")";
        }
        if (distinctLiteralKeys(a.get(0).expression())) {
            int keys = ((io.trino.sql.tree.Array) a.get(0).expression()).getValues().size();
            if (a.get(1).expression() instanceof io.trino.sql.tree.Array values && values.getValues().size() == keys) {
                return "map(" + a.get(0).sql() + ", " + a.get(1).sql() + ")";
            }
            return let("__mv", a.get(1).sql(), "CASE WHEN len(__mv) <> " + keys + " THEN "
                    + RaisedErrors.invalidArgument("Key and value arrays must be the same length") + " ELSE map("
                    + a.get(0).sql() + ", __mv) END");
        }
        String repeated = "CAST(__mk[" + firstRepeated("__mk") + "] AS VARCHAR)";
        String checked = "CASE WHEN len(__mk) <> len(__mv) THEN "
                + RaisedErrors.invalidArgument("Key and value arrays must be the same length")
                + " WHEN list_bool_or(list_transform(__mk, __k -> __k IS NULL)) THEN "
                + RaisedErrors.invalidArgument("map key cannot be null")
                + (nestedKeys(a.get(0)) ? " WHEN list_bool_or(list_transform(__mk, __k -> " + holdsNull("__k")
                        + ")) THEN " + RaisedErrors.raise("INVALID_FUNCTION_ARGUMENT", "'map key cannot be indeterminate: ' || "
                        + "regexp_replace(CAST(list_filter(__mk, __k -> " + holdsNull("__k")
                        + ")[1] AS VARCHAR), '\\bNULL\\b', 'null', 'g')") : "")
                + " WHEN len(list_distinct(__mk)) < len(__mk) THEN "
                + RaisedErrors.raise("INVALID_FUNCTION_ARGUMENT", "'Duplicate map keys (' || " + repeated + " || ') are not allowed'")
                + " ELSE map(__mk, __mv) END";
        return let("__mk", a.get(0).sql(), let("__mv", a.get(1).sql(), checked));
    }

    /**
     * Trino's map_from_entries over the DuckDB list {@code entries}, whose entry {@code __e} has the key
     * {@code key}; transform_keys builds its map through it too. DuckDB's map_from_entries fails with its own words
     * ({@code Map keys must be unique}, {@code Map keys can not be NULL}) where Trino fails with
     * INVALID_FUNCTION_ARGUMENT: the first NULL entry or NULL key in the array's order ({@code map entry cannot be
     * null}, {@code map key cannot be null}), else a repeated key, named as its text at the first repetition
     * ({@code Duplicate map keys (1) are not allowed}, transform_keys' words too). The checks are linear but for
     * the naming of a repeated key, which sorts the keys once. map_from_entries stays outermost, where
     * Calls.cardinality reads a map from the printed text's start.
     */
    static String checkedMapFromEntries(String entries, String key) {
        String nulls = "list_filter(list_transform(__me, __e -> CASE WHEN __e IS NULL THEN 1 WHEN " + key
                + " IS NULL THEN 2 END), __x -> __x IS NOT NULL)[1]";
        // not list_distinct, which keeps NaN twice where DuckDB's map, as Trino's, has one NaN key
        String checked = "CASE WHEN " + nulls + " = 1 THEN " + RaisedErrors.invalidArgument("map entry cannot be null")
                + " WHEN " + nulls + " = 2 THEN " + RaisedErrors.invalidArgument("map key cannot be null")
                + " WHEN __mr IS NOT NULL THEN " + RaisedErrors.raise("INVALID_FUNCTION_ARGUMENT",
                        "'Duplicate map keys (' || CAST(__mk[__mr] AS VARCHAR) || ') are not allowed'")
                + " ELSE __me END";
        return "map_from_entries(" + let("__me", entries, let("__mk", "list_transform(__me, __e -> " + key + ")",
                let("__mr", firstRepeated("__mk"), checked))) + ")";
    }

    /**
     * The position of the first element of the list {@code list} (a name) that an earlier element equals, NULL when
     * none does: the elements sorted with their positions, so that equal ones are neighbours, and the smallest
     * position of an element equal to its neighbour before it (n log n, where looking each element up in the list
     * was quadratic). DuckDB's {@code =} finds NaN equal to NaN, as Trino's map keys do.
     */
    static String firstRepeated(String list) {
        String sorted = "list_sort(list_transform(" + list + ", (__k, __i) -> {'k': __k, 'i': __i}))";
        return let("__ks", sorted, "list_min(list_transform(list_filter(__ks, (__s, __j) -> __j > 1"
                + " AND __s.k = __ks[__j - 1].k), __s -> __s.i))");
    }

    /**
     * Whether MAP's keys are arrays, rows or maps (by type, or as constructors), which Trino refuses when they hold a
     * NULL anywhere ({@code map key cannot be indeterminate: [null]}).
     */
    private static boolean nestedKeys(Calls.Arg keys) {
        if (keys.type() != null && keys.type().is("array") && !keys.type().children().isEmpty()) {
            SqlType key = keys.type().children().get(0);
            return key.is("array") || key.is("row") || key.is("map");
        }
        return keys.expression() instanceof io.trino.sql.tree.Array k && k.getValues().stream().anyMatch(e ->
                e instanceof io.trino.sql.tree.Array || e instanceof io.trino.sql.tree.Row);
    }

    /**
     * Whether the nested value {@code value} holds a NULL at any depth: a JSON null in its JSON text once the JSON
     * strings, which may spell null, are taken out.
     */
    private static String holdsNull(String value) {
        return "regexp_matches(regexp_replace(CAST(to_json(" + value + ") AS VARCHAR), '\"(\\\\.|[^\"\\\\])*\"', '', 'g'),"
                + " '(^|[\\[,:{])null($|[\\],}])')";
    }

    /**
     * Whether MAP's keys are an array constructor of distinct integer or string literals: nothing about them to check
     * while the query runs, and the plain map keeps nested constructors cheap to plan.
     */
    private static boolean distinctLiteralKeys(io.trino.sql.tree.Expression keys) {
        if (!(keys instanceof io.trino.sql.tree.Array k)) {
            return false;
        }
        boolean integers = k.getValues().stream().allMatch(e -> e instanceof io.trino.sql.tree.LongLiteral);
        boolean strings = k.getValues().stream().allMatch(e -> e instanceof io.trino.sql.tree.StringLiteral);
        return (integers || strings) && k.getValues().stream().distinct().count() == k.getValues().size();
    }

    /** Trino's reduce(array, initialState, inputFunction, outputFunction), folding with {@link #fold}. */
    private static String reduce(List<Calls.Arg> a) {
        String reduced = fold("__a", a.get(1).sql(), PrintedLambda.of(a.get(2).sql()));
        String output = PrintedLambda.of(a.get(3).sql()).apply(reduced);
        return "CASE WHEN " + a.get(0).sql() + " IS NOT NULL THEN " + let("__a", a.get(0).sql(), output) + " END";
    }

    /**
     * {@code list} folded by Trino's input function from {@code initial} (reduce, and reduce_agg in
     * {@link AggregateCalls}). DuckDB's list_reduce keeps a state of the elements' type, where Trino's state may have
     * any (a row of sum and count over integers, text over numbers): each element travels in a row beside a state of
     * the initial state's type, and the input function is applied to the state's field.
     */
    static String fold(String list, String initial, PrintedLambda input) {
        String state = "CASE WHEN false THEN " + initial + " END";   // NULL of the initial state's type
        String rows = "list_transform(" + list + ", __x -> {'s': " + state + ", 'x': __x})";
        return "list_reduce(" + rows + ", (__acc, __next) -> {'s': " + input.apply("__acc.s", "__next.x")
                + ", 'x': __next.x}, {'s': " + initial + ", 'x': NULL}).s";
    }

    /**
     * {@code array_sort(x)} sorts with nulls last (DuckDB's default); {@code array_sort(x, comparator)} sorts stably
     * by the comparator's answers. DuckDB's list_sort takes no comparator, so this is a merge sort of list
     * functions: pass p merges neighbouring sorted runs of 2^p elements (list_reduce runs the passes, as many as
     * the array needs). An element's place in the merged run is its place in its own run plus the number of
     * elements of the other run that go before it, found by a binary search of that run (p + 1 comparator calls),
     * and the elements are then put in their places by DuckDB's sort of the places. An element of the left run goes
     * after the right run's elements it compares greater than, one of the right run after the left run's elements
     * that compare less or equal, so equal elements keep their order. The comparator is asked about
     * n log2(n) (log2(n) + 1) / 2 pairs at most, where asking it about every pair was quadratic.
     */
    private static String arraySort(List<Calls.Arg> a) {
        if (a.size() == 1) {
            return "list_sort(" + a.get(0).sql() + ")";
        }
        PrintedLambda comparator = PrintedLambda.of(a.get(1).sql());
        if (comparator.parameters().size() != 2) {
            comparator.apply("", "");   // fails as Trino does for a lambda of another arity
        }
        // The comparator always gets the left run's element first; __m is the middle of the part of the other run
        // still searched. Trino fails on an answer other than -1, 0 or 1, NULL included.
        String other = "__c[__g.other + (__b.lo + __b.hi) // 2 + 1]";
        String goesBefore = let("__r", comparator.apply("CASE WHEN __g.left THEN __e ELSE " + other + " END",
                "CASE WHEN __g.left THEN " + other + " ELSE __e END"), "CASE WHEN __r IN (-1, 0, 1) THEN"
                + " CASE WHEN __g.left THEN __r > 0 ELSE __r <= 0 END ELSE "
                + RaisedErrors.invalidArgument(COMPARATOR_ANSWER) + " END");
        // one step of the binary search over the other run, __b.lo elements of which are known to go before __e
        String step = "CASE WHEN __b.lo >= __b.hi THEN __b WHEN " + goesBefore
                + " THEN {'lo': (__b.lo + __b.hi) // 2 + 1, 'hi': __b.hi} ELSE {'lo': __b.lo, 'hi': (__b.lo + __b.hi) // 2} END";
        String before = "list_reduce(list_transform(range(__n.p + 1), __t -> {'lo': 0::BIGINT, 'hi': 0::BIGINT}),"
                + " (__b, __t) -> " + step + ", {'lo': 0::BIGINT, 'hi': __g.size}).lo";
        // __e at 1-based __k in run __g.run of __w elements; the other run starts after __g.other elements
        String run = "{'run': (__k - 1) // __w, 'left': ((__k - 1) // __w) % 2 = 0,"
                + " 'other': (((__k - 1) // __w) + 1 - 2 * (((__k - 1) // __w) % 2)) * __w,"
                + " 'size': greatest(0, least(__w, len(__c) - (((__k - 1) // __w) + 1 - 2 * (((__k - 1) // __w) % 2))"
                + " * __w)), 'start': ((__k - 1) // (2 * __w)) * 2 * __w}";
        String place = let("__g", run, "{'place': __g.start + (__k - 1) % __w + " + before + ", 'k': __k}");
        String pass = let("__w", "(1::BIGINT << __n.p)", "list_transform(list_sort(list_transform(__acc.s, (__e, __k) -> "
                + let("__c", "__acc.s", place) + ")), __q -> __acc.s[__q.k])");
        String passes = "len(list_filter(range(0, 32), __p -> (1::BIGINT << __p) < len(__a)))";
        String sorted = "list_reduce(list_transform(range(" + passes + "), __p -> {'s': CASE WHEN false THEN __a END,"
                + " 'p': __p}), (__acc, __n) -> {'s': " + pass + ", 'p': __n.p}, {'s': __a, 'p': -1}).s";
        return let("__a", a.get(0).sql(), "CASE WHEN __a IS NULL THEN NULL ELSE " + sorted + " END");
    }

    /** Trino's zip_with: the shorter array is padded with NULL; NULL when either array is. */
    private static String zipWith(List<Calls.Arg> a) {
        String x = a.get(0).sql();
        String y = a.get(1).sql();
        String merged = "list_transform(range(1, greatest(len(__x), len(__y)) + 1), __i -> "
                + PrintedLambda.of(a.get(2).sql()).apply("__x[__i]", "__y[__i]") + ")";
        return "CASE WHEN " + x + " IS NOT NULL AND " + y + " IS NOT NULL THEN "
                + let("__x", x, let("__y", y, merged)) + " END";
    }

    /**
     * Trino's combinations(array, n): the n-element sub-groups by position, in Trino's order (by the last position,
     * then the one before it...: [a, b], [a, c], [b, c], [a, d] ...); n from 0 to 5.
     */
    private static String combinations(List<Calls.Arg> a) {
        String n = "(" + a.get(1).sql() + ")";
        StringBuilder sql = new StringBuilder("CASE WHEN ").append(n).append(" < 0 THEN ")
                .append(RaisedErrors.raise("INVALID_FUNCTION_ARGUMENT",
                        "'combination size must not be negative: ' || " + n))
                .append(" WHEN ").append(n).append(" > ").append(MAX_COMBINATION_LENGTH).append(" THEN ")
                .append(RaisedErrors.raise("INVALID_FUNCTION_ARGUMENT",
                        "'combination size must not exceed " + MAX_COMBINATION_LENGTH + ": ' || " + n));
        for (int k = 0; k <= MAX_COMBINATION_LENGTH; k++) {
            if (k > 0) {
                // Trino counts C(length, k) in an int (refused on overflow), then refuses more than its elements
                long[] limits = combinationLimits(k);
                sql.append(" WHEN ").append(n).append(" = ").append(k).append(" AND len(__a) >= ").append(limits[1])
                        .append(" THEN ").append(RaisedErrors.raise("INVALID_FUNCTION_ARGUMENT",
                                "'Number of combinations too large for array of size ' || len(__a)"
                                        + " || ' and combination length " + k + "'"))
                        .append(" WHEN ").append(n).append(" = ").append(k).append(" AND len(__a) > ").append(limits[0])
                        .append(" THEN ").append(RaisedErrors.invalidArgument("combinations exceed max size"));
            }
            sql.append(" WHEN ").append(n).append(" = ").append(k).append(" THEN ").append(combinationsOf(k));
        }
        return let("__a", a.get(0).sql(), sql.append(" END").toString());
    }

    /**
     * For k-element combinations: the longest array whose combinations Trino computes (at most
     * {@link #MAX_COMBINATION_ELEMENTS} elements in all, k per combination), and the shortest array whose count of
     * combinations Trino's int arithmetic cannot hold (C(n, k) built up as C(n - k + i, i) = C(n - k + i - 1, i - 1)
     * * (n - k + i) / i, refused when a product passes Integer.MAX_VALUE). Both grow with the length.
     */
    static long[] combinationLimits(int k) {
        long longest = k;
        while (combinationCount(longest + 1, k) * k <= MAX_COMBINATION_ELEMENTS) {
            longest++;
        }
        long low = k;
        long high = Integer.MAX_VALUE + 1L;   // past the longest array: nothing overflows
        while (low < high) {
            long mid = (low + high) >>> 1;
            if (combinationCount(mid, k) < 0) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return new long[] {longest, low};
    }

    /** C(n, k) as Trino builds it up, or -1 where one of its products passes Integer.MAX_VALUE. */
    private static long combinationCount(long n, int k) {
        long count = 1;
        for (int i = 1; i <= k; i++) {
            long product = count * (n - k + i);
            if (product > Integer.MAX_VALUE) {
                return -1;
            }
            count = product / i;
        }
        return count;
    }

    /** The k-element combinations of {@code __a}: loops over positions i_k > ... > i_1, the last outermost. */
    private static String combinationsOf(int k) {
        if (k == 0) {
            return "list_transform([1], __z -> list_filter(__a, __e -> false))";   // [[]] of __a's element type
        }
        List<String> positions = new ArrayList<>();
        for (int i = 1; i <= k; i++) {
            positions.add("__i" + i);
        }
        String combination = "[" + positions.stream().map(p -> "__a[" + p + "]").collect(Collectors.joining(", ")) + "]";
        String inner = "[" + combination + "]";
        for (int i = 1; i <= k; i++) {
            String bound = i == k ? "len(__a)" : "__i" + (i + 1) + " - 1";
            String loop = "list_transform(range(1, " + bound + " + 1), __i" + i + " -> " + inner + ")";
            inner = "flatten(" + loop + ")";
        }
        return inner;
    }

    /** Trino's ngrams(array, n): the runs of n adjacent elements, the whole array when it has n or fewer. */
    private static String ngrams(List<Calls.Arg> a) {
        String n = "(" + a.get(1).sql() + ")";
        return let("__a", a.get(0).sql(), "CASE WHEN " + n + " <= 0 THEN "
                + RaisedErrors.invalidArgument("N must be positive")
                + " WHEN " + n + " >= len(__a) THEN [__a]"
                + " ELSE list_transform(range(1, len(__a) - " + n + " + 2), __i -> __a[__i:__i + " + n + " - 1]) END");
    }

    /** Trino's trim_array(array, n): the array without its last n elements; n from 0 to the array's length. */
    private static String trimArray(List<Calls.Arg> a) {
        String n = "(" + a.get(1).sql() + ")";
        return let("__a", a.get(0).sql(), "CASE WHEN " + n + " < 0 THEN "
                + RaisedErrors.raise("INVALID_FUNCTION_ARGUMENT", "'size must not be negative: ' || " + n)
                + " WHEN " + n + " > len(__a) THEN " + RaisedErrors.raise("INVALID_FUNCTION_ARGUMENT",
                        "'size must not exceed array cardinality ' || len(__a) || ': ' || " + n)
                + " ELSE __a[1:len(__a) - " + n + "] END");
    }

    /** The map of {@code m}'s entries {@code __e} for which the lambda is true. */
    private static String mapFilter(List<Calls.Arg> a) {
        String keep = PrintedLambda.of(a.get(1).sql()).apply("__e.key", "__e.value");
        return "map_from_entries(list_filter(map_entries(" + a.get(0).sql() + "), __e -> " + keep + "))";
    }

    /** A map of one entry (key, value) for each entry {@code __e} of the map {@code m}. */
    private static String mapOfEntries(String m, String key, String value) {
        return "map_from_entries(list_transform(map_entries(" + m + "), __e -> {'k': " + key + ", 'v': " + value
                + "}))";
    }

    /** Trino's map_zip_with: every key of either map, the lambda given NULL for a value the other map lacks. */
    private static String mapZipWith(List<Calls.Arg> a) {
        String entries = "list_transform(" + CollectionMacros.DISTINCT
                + "(list_concat(map_keys(__m1), map_keys(__m2))), __k -> {'k': __k, 'v': "
                + PrintedLambda.of(a.get(2).sql()).apply("__k", "__m1[__k]", "__m2[__k]") + "})";
        // printed as a map_ call, which cardinality() reads as a map
        return "map_from_entries(" + let("__m1", a.get(0).sql(), let("__m2", a.get(1).sql(), entries)) + ")";
    }

    /**
     * Trino's any_match/all_match (ArrayAnyMatchFunction, ArrayAllMatchFunction): a predicate that is NULL for some
     * element and decides nothing makes the result NULL, and all_match of an empty array is true. DuckDB's
     * list_bool_or/list_bool_and skip NULLs and give NULL for an empty list.
     */
    static String match(boolean any, List<Calls.Arg> a) {
        String t = "list_transform(" + a.get(0).sql() + ", " + a.get(1).sql() + ")";
        return "CASE WHEN (" + a.get(0).sql() + ") IS NULL THEN NULL WHEN list_contains(" + t + ", " + any
                + ") THEN " + any + " WHEN list_count(" + t + ") < len(" + t + ") THEN NULL ELSE " + !any + " END";
    }

    /** Trino's array_max/array_min give NULL when an element is NULL (ArrayMaxFunction); DuckDB's skip NULLs. */
    static String arrayExtreme(String duckDb, String x) {
        return "CASE WHEN list_count(" + x + ") < len(" + x + ") THEN NULL ELSE " + duckDb + "(" + x + ") END";
    }

    /**
     * Trino's repeat(element, count) (RepeatFunction) is an array of count elements, at most 10,000; DuckDB's repeat
     * of a string repeats its characters (repeat('a', 3) was 'aaa' where Trino gives [a, a, a]).
     */
    static String repeat(List<Calls.Arg> a) {
        String count = "(" + a.get(1).sql() + ")";
        return "CASE WHEN " + count + " < 0 THEN "
                + RaisedErrors.invalidArgument("count argument of repeat function must be greater than or equal to 0")
                + " WHEN " + count + " > 10000 THEN "
                + RaisedErrors.invalidArgument("count argument of repeat function must be less than or equal to 10000")
                + " ELSE repeat([" + a.get(0).sql() + "], CAST(" + count + " AS BIGINT)) END";
    }

    /**
     * Trino's none_match is NULL when no element matches and the predicate is NULL for some (its docs); DuckDB's
     * list_bool_or skips NULLs, so NOT of it said true.
     */
    static String noneMatch(List<Calls.Arg> a) {
        String results = "list_transform(" + a.get(0).sql() + ", " + a.get(1).sql() + ")";
        return "CASE WHEN " + results + " IS NULL THEN NULL WHEN list_bool_or(" + results + ") THEN false WHEN list_count("
                + results + ") < len(" + results + ") THEN NULL ELSE true END";
    }

    /**
     * Trino's slice (ArraySliceFunction) refuses a negative length and a start of 0, and gives no elements for a
     * negative start before the first; DuckDB's list_slice returned an empty or whole list for these, and cut
     * slice(ARRAY[1,2,3], -3, 5) to [1].
     */
    static String slice(List<Calls.Arg> a) {
        String array = a.get(0).sql();
        String start = "(" + a.get(1).sql() + ")";
        String length = "(" + a.get(2).sql() + ")";
        // a negative start counts from the end; DuckDB would read a positive end after it as counted from the start
        String from = "(CASE WHEN " + start + " < 0 THEN len(" + array + ") + " + start + " + 1 ELSE " + start + " END)";
        return "CASE WHEN " + length + " < 0 THEN " + RaisedErrors.invalidArgument("length must be greater than or equal to 0")
                + " WHEN " + start + " = 0 THEN " + RaisedErrors.invalidArgument("SQL array indices start at 1")
                + " WHEN " + start + " < 0 AND -" + start + " > len(" + array + ") THEN list_slice(" + array + ", 1, 0)"
                + " ELSE list_slice(" + array + ", " + from + ", " + from + " + " + length + " - 1) END";
    }


    /**
     * Trino's arrays_overlap: true when the arrays share a non-NULL element, else NULL when either holds a NULL (it
     * might be equal), else false.
     */
    static String arraysOverlap(List<Calls.Arg> a) {
        String x = a.get(0).sql();
        String y = a.get(1).sql();
        return "CASE WHEN (" + x + ") IS NULL OR (" + y + ") IS NULL THEN NULL WHEN list_has_any(" + x + ", " + y
                + ") THEN true WHEN len(list_filter(" + x + ", __e -> __e IS NULL)) > 0 OR len(list_filter(" + y
                + ", __e -> __e IS NULL)) > 0 THEN NULL ELSE false END";
    }
}
