package ai.connecty.athena.local.sql;

import java.util.List;

/**
 * Session macros for Trino's array, map and JSON functions whose DuckDB counterparts differ: Trino's set functions
 * keep the order of first appearance and one NULL (DuckDB's {@code list_distinct} drops NULLs and reorders),
 * {@code split_to_map} and {@code json_array_contains} have no DuckDB counterpart. Created by
 * {@link QueryRunner#configure}; the translation calls them through {@link Calls}.
 */
final class CollectionMacros {

    /** {@code athena_distinct(a)}: the elements of a without duplicates, in first-appearance order, NULL kept once. */
    static final String DISTINCT = "athena_distinct";
    /** {@code athena_array_union(x, y)}. */
    static final String UNION = "athena_array_union";
    /** {@code athena_array_except(x, y)}. */
    static final String EXCEPT = "athena_array_except";
    /** {@code athena_array_histogram(a)}: each non-null element of a with its count (a bigint). */
    static final String HISTOGRAM = "athena_array_histogram";
    /** {@code athena_multimap_from_entries(a)}: each key of the (key, value) rows of a with its values in order. */
    static final String MULTIMAP = "athena_multimap_from_entries";
    /** {@code athena_split_to_map(string, entryDelimiter, keyValueDelimiter)}. */
    static final String SPLIT_TO_MAP = "athena_split_to_map";
    /** {@code athena_json_array_contains(json, value)}. */
    static final String JSON_ARRAY_CONTAINS = "athena_json_array_contains";

    /** Trino's message for an entry of split_to_map without exactly one key-value delimiter. */
    private static final String BAD_ENTRY = "Key-value delimiter must appear exactly once in each entry. Bad input: ";
    /** Trino's message for a key split_to_map meets twice: {@code Duplicate keys (k) are not allowed}. */
    private static final String DUPLICATE_KEY_START = "Duplicate keys (";
    private static final String DUPLICATE_KEY_END = ") are not allowed";
    /** The entries of split_to_map's {@code s}, without the one trailing empty entry Trino allows. */
    private static final String ENTRIES =
            "list_filter(string_split(s, ed), (e, i) -> NOT (e = '' AND i = len(string_split(s, ed))))";
    /** The key of every entry (the text before its first key-value delimiter). */
    private static final String KEYS = "list_transform(" + ENTRIES + ", e -> string_split(e, kd)[1])";
    /** Position of the first entry without exactly one key-value delimiter; past the end when there is none. */
    private static final String FIRST_BAD_ENTRY = "coalesce(list_position(list_transform(" + ENTRIES
            + ", e -> len(string_split(e, kd)) = 2), false), 2147483647)";
    /** Position of the first entry whose key an earlier entry has; past the end when no key repeats. */
    private static final String FIRST_REPEATED_KEY = "coalesce(list_position(list_transform(" + KEYS + ", (k, i) -> "
            + "list_position(" + KEYS + ", k) < i), true), 2147483647)";

    static final List<String> MACROS = List.of(
            // list_position finds NULL too (not-distinct comparison), so an element is kept where it first appears.
            "CREATE OR REPLACE TEMP MACRO " + DISTINCT + "(a) AS list_filter(a, (e, i) -> list_position(a, e) = i)",
            // A NULL array makes the result NULL, as Trino's functions are null on null (list_concat skips it).
            "CREATE OR REPLACE TEMP MACRO " + UNION + "(x, y) AS CASE WHEN x IS NOT NULL AND y IS NOT NULL THEN "
                    + DISTINCT + "(list_concat(x, y)) END",
            "CREATE OR REPLACE TEMP MACRO " + HISTOGRAM + "(a) AS map_from_entries(list_transform(" + DISTINCT
                    + "(list_filter(a, e -> e IS NOT NULL)), e -> {'k': e, 'v': CAST(len(list_filter(a, x -> x = e))"
                    + " AS BIGINT)}))",
            // Trino's entries are unnamed rows: their fields are read by position.
            "CREATE OR REPLACE TEMP MACRO " + MULTIMAP + "(a) AS map_from_entries(list_transform(" + DISTINCT
                    + "(list_transform(a, e -> e[1])), k -> {'k': k, 'v': list_transform(list_filter(a,"
                    + " e -> e[1] IS NOT DISTINCT FROM k), e -> e[2])}))",
            "CREATE OR REPLACE TEMP MACRO " + EXCEPT + "(x, y) AS CASE WHEN y IS NOT NULL THEN list_filter("
                    + DISTINCT + "(x), e -> list_position(y, e) IS NULL) END",
            // Trino allows one trailing entry delimiter; any other entry needs exactly one key-value delimiter, and
            // a key may come once. Trino reads the entries in order and fails at the first that breaks a rule (an
            // entry's delimiter is checked before its key), so a key repeated before the first bad entry is reported.
            "CREATE OR REPLACE TEMP MACRO " + SPLIT_TO_MAP + "(s, ed, kd) AS CASE WHEN " + FIRST_REPEATED_KEY + " < "
                    + FIRST_BAD_ENTRY + " THEN " + RaisedErrors.raise("INVALID_FUNCTION_ARGUMENT", "'"
                    + DUPLICATE_KEY_START + "' || " + KEYS + "[" + FIRST_REPEATED_KEY + "] || '" + DUPLICATE_KEY_END + "'")
                    + " ELSE map_from_entries(list_transform(" + ENTRIES + ","
                    + " e -> CASE WHEN len(string_split(e, kd)) = 2"
                    + " THEN {'k': string_split(e, kd)[1], 'v': string_split(e, kd)[2]}"
                    + " ELSE " + RaisedErrors.raise("INVALID_FUNCTION_ARGUMENT", "'" + BAD_ENTRY + "''' || e || ''''")
                    + " END)) END",
            // Trino compares an element only with a value of its JSON kind (1 is not 1.0) and answers NULL for text
            // that is no JSON array; the JSON spellings of element and value compare the same way.
            "CREATE OR REPLACE TEMP MACRO " + JSON_ARRAY_CONTAINS + "(j, v) AS CASE WHEN json_valid(j)"
                    + " AND json_type(j) = 'ARRAY' THEN list_contains(CAST(json_extract(j, '$[*]') AS VARCHAR[]),"
                    + " CAST(to_json(v) AS VARCHAR)) END");

    private CollectionMacros() {
    }
}
