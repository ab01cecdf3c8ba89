package ai.connecty.athena.local.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The examples of Trino's documentation (trinodb/trino, {@code docs/src/main/sphinx/functions/}) for arrays, maps,
 * lambdas, rows, conditional expressions and comparisons, run through {@link QueryRunner} on DuckDB. Each query is
 * the docs' text; the expected value is the docs' printed result written the way Athena renders that type
 * ({@code [a, null]}, {@code {k=1}} with keys sorted, unnamed rows {@code {1, x}}, NULL as Java null), one row per
 * line and the columns of a row joined with {@code " | "}.
 *
 * <p>Left out, by file: examples of functions Athena engine version 3 does not have or that are newer than its Trino
 * (array.md: {@code euclidean_distance}, {@code dot_product}; row.md: {@code row.fields()}; conditional.md: the
 * {@code CASE} predicate fragments such as {@code WHEN > 100}, and the {@code COALESCE} of rows whose fields are all
 * null, a behaviour documented with them), and examples without a printed result or over tables the docs do not
 * give ({@code tpch} tables, {@code my_array}, {@code name_to_age_map}).
 *
 * <p>Where the docs print a value Trino computes only with settings Athena does not use, the expected value is
 * Athena's: Athena types a bare decimal literal such as {@code 34.63} as a double (measured), so
 * {@code ARRAY[23, 34.63, 45.837]} holds doubles ({@code 23.0}) and {@code CAST(1.0 AS VARCHAR)} is Trino 4xx's
 * {@code 1.0E0}; a map prints as {@code {k=v}} with keys sorted.
 */
class TrinoDocsCollectionExamplesTest {

    @RegisterExtension
    static final DuckDbSuite DUCK = new DuckDbSuite();

    @BeforeAll
    static void open() throws SQLException {
        try (Statement s = DUCK.connection().createStatement()) {
            s.execute("CREATE SCHEMA demo");
            // conditional.md's table for its TRY examples
            s.execute("CREATE TABLE demo.shipping AS SELECT * FROM (VALUES "
                    + "('California', '94131', 25, 100), ('California', 'P332a', 5, 72), "
                    + "('California', '94025', 0, 155), ('New Jersey', '08544', 225, 490)) "
                    + "AS v(origin_state, origin_zip, packages, total_cost)");
            s.execute("USE demo");
        }
    }

    /** One documented example: where it comes from, the query, and the result as Athena renders it. */
    record Example(String file, String sql, String expected) {
        @Override
        public String toString() {
            return file + ": " + sql.replaceAll("\\s+", " ");
        }
    }

    private static Example ex(String file, String sql, String expected) {
        return new Example(file, sql, expected);
    }

    /** A documented error: the query fails with this Trino error name and message. */
    record Failure(String file, String sql, String errorName, String message) {
        @Override
        public String toString() {
            return file + ": " + sql.replaceAll("\\s+", " ");
        }
    }

    static Stream<Example> examples() {
        return Stream.of(
            // array.md
            ex("array.md", "SELECT ARRAY[1, 2, 4]", "[1, 2, 4]"),
            ex("array.md", "SELECT ARRAY['foo', 'bar', 'bazz']", "[foo, bar, bazz]"),
            ex("array.md", "SELECT ARRAY[1, 1.2, 4]", "[1.0, 1.2, 4.0]"),
            ex("array.md", "SELECT ARRAY[1, 2, NULL, -4, NULL]", "[1, 2, null, -4, null]"),
            ex("array.md", "SELECT ARRAY[1, 1.2, 4][2]", "1.2"),
            ex("array.md", "SELECT ARRAY[1] || ARRAY[2]", "[1, 2]"),
            ex("array.md", "SELECT ARRAY[1] || 2", "[1, 2]"),
            ex("array.md", "SELECT 2 || ARRAY[1]", "[2, 1]"),
            ex("array.md", "SELECT array_histogram(ARRAY[42, 7, 42, NULL])", "{7=1, 42=2}"),
            ex("array.md", "SELECT array_histogram(ARRAY[NULL, NULL])", "{}"),
            ex("array.md", """
                SELECT array_sort(ARRAY[3, 2, 5, 1, 2],
                                  (x, y) -> IF(x < y, 1, IF(x = y, 0, -1)))""", "[5, 3, 2, 2, 1]"),
            ex("array.md", """
                SELECT array_sort(ARRAY['bc', 'ab', 'dc'],
                                  (x, y) -> IF(x < y, 1, IF(x = y, 0, -1)))""", "[dc, bc, ab]"),
            ex("array.md", """
                SELECT array_sort(ARRAY[3, 2, null, 5, null, 1, 2],
                                  -- sort null first with descending order
                                  (x, y) -> CASE WHEN x IS NULL THEN -1
                                                 WHEN y IS NULL THEN 1
                                                 WHEN x < y THEN 1
                                                 WHEN x = y THEN 0
                                                 ELSE -1 END)""", "[null, null, 5, 3, 2, 2, 1]"),
            ex("array.md", """
                SELECT array_sort(ARRAY[3, 2, null, 5, null, 1, 2],
                                  -- sort null last with descending order
                                  (x, y) -> CASE WHEN x IS NULL THEN 1
                                                 WHEN y IS NULL THEN -1
                                                 WHEN x < y THEN 1
                                                 WHEN x = y THEN 0
                                                 ELSE -1 END)""", "[5, 3, 2, 2, 1, null, null]"),
            ex("array.md", """
                SELECT array_sort(ARRAY['a', 'abcd', 'abc'],
                                  -- sort by string length
                                  (x, y) -> IF(length(x) < length(y), -1,
                                               IF(length(x) = length(y), 0, 1)))""", "[a, abc, abcd]"),
            ex("array.md", """
                SELECT array_sort(ARRAY[ARRAY[2, 3, 1], ARRAY[4, 2, 1, 4], ARRAY[1, 2]],
                                  -- sort by array length
                                  (x, y) -> IF(cardinality(x) < cardinality(y), -1,
                                               IF(cardinality(x) = cardinality(y), 0, 1)))""",
                "[[1, 2], [2, 3, 1], [4, 2, 1, 4]]"),
            ex("array.md", "SELECT combinations(ARRAY['foo', 'bar', 'baz'], 2)", "[[foo, bar], [foo, baz], [bar, baz]]"),
            ex("array.md", "SELECT combinations(ARRAY[1, 2, 3], 2)", "[[1, 2], [1, 3], [2, 3]]"),
            ex("array.md", "SELECT combinations(ARRAY[1, 2, 2], 2)", "[[1, 2], [1, 2], [2, 2]]"),
            ex("array.md", "SELECT filter(ARRAY[], x -> true)", "[]"),
            ex("array.md", "SELECT filter(ARRAY[5, -6, NULL, 7], x -> x > 0)", "[5, 7]"),
            ex("array.md", "SELECT filter(ARRAY[5, NULL, 7, NULL], x -> x IS NOT NULL)", "[5, 7]"),
            ex("array.md", "SELECT ngrams(ARRAY['foo', 'bar', 'baz', 'foo'], 2)", "[[foo, bar], [bar, baz], [baz, foo]]"),
            ex("array.md", "SELECT ngrams(ARRAY['foo', 'bar', 'baz', 'foo'], 3)", "[[foo, bar, baz], [bar, baz, foo]]"),
            ex("array.md", "SELECT ngrams(ARRAY['foo', 'bar', 'baz', 'foo'], 4)", "[[foo, bar, baz, foo]]"),
            ex("array.md", "SELECT ngrams(ARRAY['foo', 'bar', 'baz', 'foo'], 5)", "[[foo, bar, baz, foo]]"),
            ex("array.md", "SELECT ngrams(ARRAY[1, 2, 3, 4], 2)", "[[1, 2], [2, 3], [3, 4]]"),
            ex("array.md", """
                SELECT reduce(ARRAY[], 0,
                              (s, x) -> s + x,
                              s -> s)""", "0"),
            ex("array.md", """
                SELECT reduce(ARRAY[5, 20, 50], 0,
                              (s, x) -> s + x,
                              s -> s)""", "75"),
            ex("array.md", """
                SELECT reduce(ARRAY[5, 20, NULL, 50], 0,
                              (s, x) -> s + x,
                              s -> s)""", null),
            ex("array.md", """
                SELECT reduce(ARRAY[5, 20, NULL, 50], 0,
                              (s, x) -> s + coalesce(x, 0),
                              s -> s)""", "75"),
            ex("array.md", """
                SELECT reduce(ARRAY[5, 20, NULL, 50], 0,
                              (s, x) -> IF(x IS NULL, s, s + x),
                              s -> s)""", "75"),
            ex("array.md", """
                SELECT reduce(ARRAY[2147483647, 1], BIGINT '0',
                              (s, x) -> s + x,
                              s -> s)""", "2147483648"),
            ex("array.md", """
                -- calculates arithmetic average
                SELECT reduce(ARRAY[5, 6, 10, 20],
                              CAST(ROW(0.0, 0) AS ROW(sum DOUBLE, count INTEGER)),
                              (s, x) -> CAST(ROW(x + s.sum, s.count + 1) AS
                                             ROW(sum DOUBLE, count INTEGER)),
                              s -> IF(s.count = 0, NULL, s.sum / s.count))""", "10.25"),
            ex("array.md", "SELECT trim_array(ARRAY[1, 2, 3, 4], 1)", "[1, 2, 3]"),
            ex("array.md", "SELECT trim_array(ARRAY[1, 2, 3, 4], 2)", "[1, 2]"),
            ex("array.md", "SELECT transform(ARRAY[], x -> x + 1)", "[]"),
            ex("array.md", "SELECT transform(ARRAY[5, 6], x -> x + 1)", "[6, 7]"),
            ex("array.md", "SELECT transform(ARRAY[5, NULL, 6], x -> coalesce(x, 0) + 1)", "[6, 1, 7]"),
            ex("array.md", "SELECT transform(ARRAY['x', 'abc', 'z'], x -> x || '0')", "[x0, abc0, z0]"),
            ex("array.md", """
                SELECT transform(ARRAY[ARRAY[1, NULL, 2], ARRAY[3, NULL]],
                                 a -> filter(a, x -> x IS NOT NULL))""", "[[1, 2], [3]]"),
            ex("array.md", "SELECT zip(ARRAY[1, 2], ARRAY['1b', null, '3b'])", "[{1, 1b}, {2, null}, {null, 3b}]"),
            ex("array.md", """
                SELECT zip_with(ARRAY[1, 3, 5], ARRAY['a', 'b', 'c'],
                                (x, y) -> (y, x))""", "[{a, 1}, {b, 3}, {c, 5}]"),
            ex("array.md", """
                SELECT zip_with(ARRAY[1, 2], ARRAY[3, 4],
                                (x, y) -> x + y)""", "[4, 6]"),
            ex("array.md", """
                SELECT zip_with(ARRAY['a', 'b', 'c'], ARRAY['d', 'e', 'f'],
                                (x, y) -> concat(x, y))""", "[ad, be, cf]"),
            ex("array.md", """
                SELECT zip_with(ARRAY['a'], ARRAY['d', null, 'f'],
                                (x, y) -> coalesce(x, y))""", "[a, null, f]"),

            // map.md
            ex("map.md", "SELECT MAP(ARRAY['key1', 'key2', 'key3' ], ARRAY[2373, 3463, 45837])",
                "{key1=2373, key2=3463, key3=45837}"),
            ex("map.md", "SELECT MAP(ARRAY['key1', 'key2', 'key3' ], ARRAY['v1', 'v2', 'v3'])", "{key1=v1, key2=v2, key3=v3}"),
            ex("map.md", "SELECT MAP(ARRAY['key1', 'key2', 'key3' ], ARRAY[23, 34.63, 45.837])",
                "{key1=23.0, key2=34.63, key3=45.837}"),
            ex("map.md", "SELECT MAP(ARRAY['key1', 'key2', 'key3' ], ARRAY['v1', NULL, 'v3'])", "{key1=v1, key2=null, key3=v3}"),
            ex("map.md", "SELECT MAP(ARRAY['key1', 'key2', 'key3' ], ARRAY['v1', 'v2', 'v3'])['key2']", "v2"),
            ex("map.md", "SELECT map()", "{}"),
            ex("map.md", "SELECT map(ARRAY[1,3], ARRAY[2,4])", "{1=2, 3=4}"),
            ex("map.md", "SELECT map_from_entries(ARRAY[(1, 'x'), (2, 'y')])", "{1=x, 2=y}"),
            ex("map.md", "SELECT multimap_from_entries(ARRAY[(1, 'x'), (2, 'y'), (1, 'z')])", "{1=[x, z], 2=[y]}"),
            ex("map.md", "SELECT map_entries(MAP(ARRAY[1, 2], ARRAY['x', 'y']))", "[{1, x}, {2, y}]"),
            ex("map.md", "SELECT map_filter(MAP(ARRAY[], ARRAY[]), (k, v) -> true)", "{}"),
            ex("map.md", """
                SELECT map_filter(MAP(ARRAY[10, 20, 30], ARRAY['a', NULL, 'c']),
                                  (k, v) -> v IS NOT NULL)""", "{10=a, 30=c}"),
            ex("map.md", """
                SELECT map_filter(MAP(ARRAY['k1', 'k2', 'k3'], ARRAY[20, 3, 15]),
                                  (k, v) -> v > 10)""", "{k1=20, k3=15}"),
            ex("map.md", """
                SELECT map_zip_with(MAP(ARRAY[1, 2, 3], ARRAY['a', 'b', 'c']),
                                    MAP(ARRAY[1, 2, 3], ARRAY['d', 'e', 'f']),
                                    (k, v1, v2) -> concat(v1, v2))""", "{1=ad, 2=be, 3=cf}"),
            ex("map.md", """
                SELECT map_zip_with(MAP(ARRAY['k1', 'k2'], ARRAY[1, 2]),
                                    MAP(ARRAY['k2', 'k3'], ARRAY[4, 9]),
                                    (k, v1, v2) -> (v1, v2))""", "{k1={1, null}, k2={2, 4}, k3={null, 9}}"),
            ex("map.md", """
                SELECT map_zip_with(MAP(ARRAY['a', 'b', 'c'], ARRAY[1, 8, 27]),
                                    MAP(ARRAY['a', 'b', 'c'], ARRAY[1, 2, 3]),
                                    (k, v1, v2) -> k || CAST(v1 / v2 AS VARCHAR))""", "{a=a1, b=b4, c=c9}"),
            ex("map.md", "SELECT transform_keys(MAP(ARRAY[], ARRAY[]), (k, v) -> k + 1)", "{}"),
            ex("map.md", """
                SELECT transform_keys(MAP(ARRAY [1, 2, 3], ARRAY ['a', 'b', 'c']),
                                      (k, v) -> k + 1)""", "{2=a, 3=b, 4=c}"),
            ex("map.md", """
                SELECT transform_keys(MAP(ARRAY ['a', 'b', 'c'], ARRAY [1, 2, 3]),
                                      (k, v) -> v * v)""", "{1=1, 4=2, 9=3}"),
            ex("map.md", """
                SELECT transform_keys(MAP(ARRAY ['a', 'b'], ARRAY [1, 2]),
                                      (k, v) -> k || CAST(v as VARCHAR))""", "{a1=1, b2=2}"),
            ex("map.md", """
                SELECT transform_keys(MAP(ARRAY [1, 2], ARRAY [1.0, 1.4]),
                                      (k, v) -> MAP(ARRAY[1, 2], ARRAY['one', 'two'])[k])""", "{one=1.0, two=1.4}"),
            ex("map.md", "SELECT transform_values(MAP(ARRAY[], ARRAY[]), (k, v) -> v + 1)", "{}"),
            ex("map.md", """
                SELECT transform_values(MAP(ARRAY [1, 2, 3], ARRAY [10, 20, 30]),
                                        (k, v) -> v + k)""", "{1=11, 2=22, 3=33}"),
            ex("map.md", """
                SELECT transform_values(MAP(ARRAY [1, 2, 3], ARRAY ['a', 'b', 'c']),
                                        (k, v) -> k * k)""", "{1=1, 2=4, 3=9}"),
            ex("map.md", """
                SELECT transform_values(MAP(ARRAY ['a', 'b'], ARRAY [1, 2]),
                                        (k, v) -> k || CAST(v as VARCHAR))""", "{a=a1, b=b2}"),
            ex("map.md", """
                SELECT transform_values(MAP(ARRAY [1, 2], ARRAY [1.0, 1.4]),
                                        (k, v) -> MAP(ARRAY[1, 2], ARRAY['one', 'two'])[k]
                                          || '_' || CAST(v AS VARCHAR))""", "{1=one_1.0E0, 2=two_1.4E0}"),

            // lambda.md
            ex("lambda.md", """
                SELECT numbers,
                       transform(numbers, n -> n * n) as squared_numbers
                FROM (
                    VALUES
                        (ARRAY[1, 2]),
                        (ARRAY[3, 4]),
                        (ARRAY[5, 6, 7])
                ) AS t(numbers)""", "[1, 2] | [1, 4]\n[3, 4] | [9, 16]\n[5, 6, 7] | [25, 36, 49]"),
            ex("lambda.md", """
                SELECT transform(prices, n -> TRY_CAST(n AS VARCHAR) || '$') as price_tags
                FROM (
                    VALUES
                        (ARRAY[100, 200]),
                        (ARRAY[30, 4])
                ) AS t(prices)""", "[100$, 200$]\n[30$, 4$]"),
            ex("lambda.md", """
                SELECT xvalues,
                       a,
                       b,
                       transform(xvalues, x -> a * x + b) as linear_function_values
                FROM (
                    VALUES
                        (ARRAY[1, 2], 10, 5),
                        (ARRAY[3, 4], 4, 2)
                ) AS t(xvalues, a, b)""", "[1, 2] | 10 | 5 | [15, 25]\n[3, 4] | 4 | 2 | [14, 18]"),
            ex("lambda.md", """
                SELECT numbers
                FROM (
                    VALUES
                        (ARRAY[1,NULL,3]),
                        (ARRAY[10,20,30]),
                        (ARRAY[100,200,300])
                ) AS t(numbers)
                WHERE any_match(numbers, n ->  COALESCE(n, 0) > 100)""", "[100, 200, 300]"),
            ex("lambda.md", """
                SELECT regexp_replace('once upon a time ...', '^(\\w)(\\w*)(\\s+.*)$',x -> upper(x[1]) || x[2] || x[3])""",
                "Once upon a time ..."),
            ex("lambda.md", """
                SELECT reduce_agg(value, 0, (a, b) -> a + b, (a, b) -> a + b) sum_values
                FROM (
                    VALUES (1), (2), (3), (4), (5)
                ) AS t(value)""", "15"),

            // row.md (the docs print no result; a cast to a row with field names gives a named row)
            ex("row.md", "SELECT CAST(ROW('Alice', 30) AS ROW(name VARCHAR, age INTEGER))", "{name=Alice, age=30}"),

            // conditional.md (the docs print 08544 for a bigint and 19 for 490 / 225; Trino gives 8544 and 2)
            ex("conditional.md", "SELECT TRY(CAST(origin_zip AS BIGINT)) FROM shipping", "94131\nnull\n94025\n8544"),
            ex("conditional.md", "SELECT COALESCE(TRY(total_cost / packages), 0) AS per_package FROM shipping",
                "4\n14\n0\n2"),

            // comparison.md (BETWEEN's first examples are given as equivalent to the comparisons after them)
            ex("comparison.md", "SELECT 3 BETWEEN 2 AND 6", "true"),
            ex("comparison.md", "SELECT 3 >= 2 AND 3 <= 6", "true"),
            ex("comparison.md", "SELECT 3 NOT BETWEEN 2 AND 6", "false"),
            ex("comparison.md", "SELECT 3 < 2 OR 3 > 6", "false"),
            ex("comparison.md", "SELECT NULL BETWEEN 2 AND 4", null),
            ex("comparison.md", "SELECT 2 BETWEEN NULL AND 6", null),
            ex("comparison.md", "SELECT 2 BETWEEN 3 AND NULL", "false"),
            ex("comparison.md", "SELECT 8 BETWEEN NULL AND 6", "false"),
            ex("comparison.md", "SELECT 'Paul' BETWEEN 'John' AND 'Ringo'", "true"),
            ex("comparison.md", "select NULL IS NULL", "true"),
            ex("comparison.md", "SELECT 3.0 IS NULL", "false"),
            ex("comparison.md", "SELECT NULL IS DISTINCT FROM NULL", "false"),
            ex("comparison.md", "SELECT NULL IS NOT DISTINCT FROM NULL", "true"),
            // the truth table of =, <>, IS DISTINCT FROM and IS NOT DISTINCT FROM, one row of it per row
            ex("comparison.md", """
                SELECT a = b, a <> b, a IS DISTINCT FROM b, a IS NOT DISTINCT FROM b
                FROM (VALUES (1, 1), (1, 2), (1, NULL), (NULL, NULL)) AS t(a, b)""",
                "true | false | false | true\nfalse | true | true | false\nnull | null | true | false\n"
                    + "null | null | false | true"),
            // greatest and least have no example; the docs state they are NULL when any argument is
            ex("comparison.md", "SELECT greatest(1, 5, 3)", "5"),
            ex("comparison.md", "SELECT least(1, 5, 3)", "1"),
            ex("comparison.md", "SELECT greatest(1, NULL, 3)", null),
            ex("comparison.md", "SELECT least(1, NULL, 3)", null),
            ex("comparison.md", "SELECT 'hello' = ANY (VALUES 'hello', 'world')", "true"),
            ex("comparison.md", "SELECT 21 < ALL (VALUES 19, 20, 21)", "false"),
            ex("comparison.md", "SELECT 42 >= SOME (SELECT 41 UNION ALL SELECT 42 UNION ALL SELECT 43)", "true"),
            ex("comparison.md", """
                SELECT * FROM (VALUES 'America', 'Asia', 'Africa', 'Europe', 'Australia', 'Antarctica') AS t (continent)
                WHERE continent LIKE 'E%'""", "Europe"),
            ex("comparison.md", """
                SELECT * FROM (VALUES 'America', 'Asia', 'Africa', 'Europe', 'Australia', 'Antarctica') AS t (continent)
                WHERE continent NOT LIKE 'E%'""", "America\nAsia\nAfrica\nAustralia\nAntarctica"),
            // The docs print Asia, against their own word that LIKE is case sensitive: 'Asia' ends in a lower case
            // 'a', so Trino, like athena-local, finds no row.
            ex("comparison.md", """
                SELECT * FROM (VALUES 'America', 'Asia', 'Africa', 'Europe', 'Australia', 'Antarctica') AS t (continent)
                WHERE continent LIKE 'A__A'""", ""),
            ex("comparison.md", "SELECT 'South_America' LIKE 'South\\_America' ESCAPE '\\'", "true"));
    }

    /** Examples whose documented result is an error. */
    static Stream<Failure> documentedFailures() {
        return Stream.of(
            new Failure("conditional.md", "SELECT CAST(origin_zip AS BIGINT) FROM shipping",
                "INVALID_CAST_ARGUMENT", "INVALID_CAST_ARGUMENT: Cannot cast 'P332a' to BIGINT"),
            new Failure("conditional.md", "SELECT total_cost / packages AS per_package FROM shipping",
                "DIVISION_BY_ZERO", "DIVISION_BY_ZERO: Division by zero"));
    }

    /**
     * Examples athena-local cannot yet run as documented; each is listed with its reason in SQL-GAPS.md. The test
     * asserts they still differ, so that a fix shows up here and the example moves to {@link #examples()}.
     */
    static List<Example> knownGaps() {
        return List.of();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void documentedExampleGivesDocumentedResult(Example example) {
        assertThat(rendered(example.sql())).isEqualTo(example.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedFailures")
    void documentedErrorIsRaised(Failure failure) {
        assertThatThrownBy(() -> rendered(failure.sql())).isInstanceOfSatisfying(EngineFailure.class, e -> {
            assertThat(e.errorName()).isEqualTo(failure.errorName());
            assertThat(e.getMessage()).isEqualTo(failure.message());
        });
    }

    /** A plain test rather than a parameterized one, which JUnit refuses to run without arguments. */
    @Test
    void knownGapsStillDiffer() {
        for (Example example : knownGaps()) {
            String actual;
            try {
                actual = rendered(example.sql());
            } catch (RuntimeException e) {
                continue;
            }
            assertThat(actual).as("fixed, move to examples(): %s", example).isNotEqualTo(example.expected());
        }
    }

    /** The result's rows, one a line, the columns of a row joined with " | "; a single NULL value is null. */
    private static String rendered(String sql) {
        List<String[]> rows = TranslatedRows.of(DUCK.connection(), sql, "demo");
        if (rows.size() == 1 && rows.get(0).length == 1) {
            return rows.get(0)[0];
        }
        return String.join("\n", TranslatedRows.joined(rows));
    }
}
