package ai.connecty.athena.local.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The argument checks of Trino's map building functions (map_from_entries, transform_keys, MAP with nested keys) and
 * combinations' size limit, raised as Trino's INVALID_FUNCTION_ARGUMENT errors that try() turns into NULL, and the
 * results of array_sort with a comparator and of multimap_agg on inputs of thousands of elements (their SQL used to
 * grow with the square of the input). Trino's messages are those of its MapFromEntriesFunction,
 * MapTransformKeysFunction, MapConstructor and ArrayCombinationsFunction and their tests.
 */
class CollectionChecksTest {

    @RegisterExtension
    static final DuckDbSuite DUCK = new DuckDbSuite();

    private static String value(String sql) {
        return TranslatedRows.value(DUCK.connection(), sql);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "SELECT map_from_entries(ARRAY[(1, 'a'), (1, 'b')])|Duplicate map keys (1) are not allowed",
        // the first key met again is named, not the first key that has a twin
        "SELECT map_from_entries(ARRAY[('a', 1), ('b', 2), ('b', 3), ('a', 4)])|Duplicate map keys (b) are not allowed",
        "SELECT map_from_entries(ARRAY[(ARRAY[1, 2], 1), (ARRAY[1, 2], 2)])|Duplicate map keys ([1, 2]) are not allowed",
        "SELECT map_from_entries(ARRAY[(1.0, 1), (1.0, 2)])|Duplicate map keys (1.0) are not allowed",
        "SELECT map_from_entries(ARRAY[(NULL, 1), (NULL, 2)])|map key cannot be null",
        "SELECT map_from_entries(ARRAY[(1, 'a'), (NULL, 'b')])|map key cannot be null",
        "SELECT map_from_entries(ARRAY[NULL])|map entry cannot be null",
        "SELECT map_from_entries(ARRAY[(1, 2), NULL])|map entry cannot be null",
        // a NULL entry or key is reported before a repeated key, whatever their places
        "SELECT map_from_entries(ARRAY[(1, 'a'), (1, 'c'), NULL])|map entry cannot be null",
        "SELECT map_from_entries(ARRAY[(1, 'a'), (NULL, 'b'), NULL])|map key cannot be null",
        "SELECT map_from_entries(ARRAY[(1, 'a'), NULL, (NULL, 'b')])|map entry cannot be null",
        "SELECT transform_keys(MAP(ARRAY[1, 2, 3, 4], ARRAY['a', 'b', 'c', 'd']), (k, v) -> k % 3)|Duplicate map keys (1) are not allowed",
        "SELECT transform_keys(MAP(ARRAY[1, 2, 3], ARRAY['a', 'b', 'c']), (k, v) -> k % 2 = 0)|Duplicate map keys (false) are not allowed",
        "SELECT transform_keys(MAP(ARRAY[1, 2, 3, 4], ARRAY['a', 'b', 'c', 'b']), (k, v) -> v)|Duplicate map keys (b) are not allowed",
        "SELECT transform_keys(MAP(ARRAY['abc1', 'cba2', 'abc3'], ARRAY[1, 2, 3]), (k, v) -> substr(k, 1, 3))|Duplicate map keys (abc) are not allowed",
        "SELECT transform_keys(MAP(ARRAY[1, 2, 3], ARRAY['a', 'b', 'c']), (k, v) -> NULL)|map key cannot be null",
        "SELECT transform_keys(MAP(ARRAY[1, 2, 3], ARRAY['a', 'b', NULL]), (k, v) -> v)|map key cannot be null",
        "SELECT MAP(ARRAY[ARRAY[NULL]], ARRAY[1])|map key cannot be indeterminate: [null]",
        "SELECT MAP(ARRAY[ARRAY[1, 2], ARRAY[3, NULL]], ARRAY[1, 2])|map key cannot be indeterminate: [3, null]",
        "SELECT combinations(sequence(1, 21), 5)|combinations exceed max size",
        "SELECT combinations(sequence(1, 317), 2)|combinations exceed max size",
        "SELECT combinations(flatten(repeat(sequence(1, 10000), 5)), 2)|Number of combinations too large for array of size 50000 and combination length 2",
        "SELECT combinations(sequence(1, 141), 5)|Number of combinations too large for array of size 141 and combination length 5",
    })
    void argumentErrorsAreTrinosAndTryGivesNull(String sql, String message) {
        assertThatThrownBy(() -> value(sql)).isInstanceOfSatisfying(EngineFailure.class, e -> {
            assertThat(e.errorName()).isEqualTo("INVALID_FUNCTION_ARGUMENT");
            assertThat(e.getMessage()).isEqualTo("INVALID_FUNCTION_ARGUMENT: " + message);
        });
        assertThat(value(sql.replaceFirst("SELECT (.*)", "SELECT try($1) IS NULL"))).isEqualTo("true");
    }

    @ParameterizedTest(name = "{0} => {1}")
    @CsvSource(delimiter = '|', value = {
        "SELECT map_from_entries(ARRAY[(1, 'x'), (2, 'y')])|{1=x, 2=y}",
        "SELECT map_from_entries(ARRAY[('x', NULL), ('y', 1)])|{x=null, y=1}",
        "SELECT map_from_entries(ARRAY[(ARRAY[1, 2], 'x'), (ARRAY[1, 3], 'y')])|{[1, 2]=x, [1, 3]=y}",
        "SELECT map_from_entries(ARRAY[CAST(ROW(1, 2) AS ROW(k integer, v integer))])|{1=2}",
        "SELECT map_from_entries(NULL) IS NULL|true",
        "SELECT cardinality(map_from_entries(ARRAY[(1, 'x'), (2, NULL)]))|2",
        "SELECT cardinality(map_from_entries(transform(sequence(1, 5000), x -> (x, x))))|5000",
        "SELECT transform_keys(MAP(ARRAY[1, 2, 3], ARRAY['a', 'b', 'c']), (k, v) -> k * 10)|{10=a, 20=b, 30=c}",
        "SELECT transform_keys(MAP(ARRAY['a', 'b'], ARRAY[1, NULL]), (k, v) -> concat(k, CAST(coalesce(v, 0) AS varchar)))|{a1=1, b0=null}",
        "SELECT transform_keys(CAST(NULL AS map(integer, integer)), (k, v) -> k) IS NULL|true",
        "SELECT MAP(ARRAY[ARRAY[1], ARRAY[2]], ARRAY[1, 2])|{[1]=1, [2]=2}",
        "SELECT MAP(ARRAY[ARRAY['null', 'NULL']], ARRAY[1])|{[null, NULL]=1}",
        "SELECT cardinality(combinations(sequence(1, 20), 5))|15504",
        "SELECT cardinality(combinations(sequence(1, 316), 2))|49770",
        "SELECT combinations(sequence(1, 2), 3)|[]",
    })
    void validArgumentsKeepTheirResults(String sql, String expected) {
        assertThat(value(sql)).isEqualTo(expected);
    }

    /** Each row's check on its own: try() gives NULL for the failing rows only. */
    @Test
    void mapFromEntriesIsCheckedRowByRow() {
        assertThat(TranslatedRows.joined(DUCK.connection(), "SELECT try(map_from_entries(x)) FROM (VALUES "
                + "ARRAY[(1, 2), (1, 3)], ARRAY[(1, 2)], NULL, ARRAY[(2, 3), NULL]) t(x)", "default"))
                .containsExactly("null", "{1=2}", "null", "null");
    }

    @Test
    void comparatorSortOfThousandsOfElements() {
        // descending by the comparator: the array reversed
        assertThat(value("SELECT array_sort(sequence(1, 5000), (x, y) -> IF(x < y, 1, IF(x = y, 0, -1)))"
                + " = sequence(5000, 1, -1)")).isEqualTo("true");
        // a permutation of 0..2999 sorted by the comparator is 0..2999
        assertThat(value("SELECT array_sort(transform(sequence(1, 3000), x -> (x * 7919) % 3000),"
                + " (x, y) -> IF(x < y, -1, IF(x = y, 0, 1))) = sequence(0, 2999)")).isEqualTo("true");
        // an answer outside -1, 0, 1 still fails on a large array, and try() turns it into NULL
        assertThatThrownBy(() -> value("SELECT array_sort(sequence(1, 2000), (x, y) -> y - x)"))
                .hasMessage("INVALID_FUNCTION_ARGUMENT: Lambda comparator must return either -1, 0, or 1");
        assertThat(value("SELECT try(array_sort(sequence(1, 2000), (x, y) -> y - x)) IS NULL")).isEqualTo("true");
    }

    /** Trino's sort with a comparator is stable: elements it finds equal keep the array's order. */
    @Test
    void comparatorSortIsStable() {
        int n = 3000;
        List<int[]> pairs = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            pairs.add(new int[] {(i * 7919) % 10, i});
        }
        pairs.sort(Comparator.comparingInt(p -> p[0]));   // List.sort is stable
        String expected = pairs.stream().map(p -> String.valueOf(p[1])).collect(Collectors.joining(", ", "[", "]"));
        assertThat(value("SELECT transform(array_sort(transform(sequence(1, " + n + "), x -> ROW((x * 7919) % 10, x)),"
                + " (a, b) -> IF(a[1] < b[1], -1, IF(a[1] = b[1], 0, 1))), r -> r[2])")).isEqualTo(expected);
        assertThat(value("SELECT array_sort(ARRAY['bc', 'a', 'abc', 'b', 'xy'],"
                + " (x, y) -> IF(length(x) < length(y), -1, IF(length(x) = length(y), 0, 1)))"))
                .isEqualTo("[a, b, bc, xy, abc]");
    }

    @Test
    void comparatorSortKeepsNullsAndOuterNames() {
        assertThat(value("SELECT array_sort(ARRAY[5, 3, NULL, 1, 4, 2, NULL], (x, y) -> CASE WHEN x IS NULL THEN 1"
                + " WHEN y IS NULL THEN -1 WHEN x < y THEN 1 WHEN x = y THEN 0 ELSE -1 END)"))
                .isEqualTo("[5, 4, 3, 2, 1, null, null]");
        assertThat(value("SELECT transform(ARRAY[1, -1], o -> array_sort(ARRAY[3, 1, 2],"
                + " (x, y) -> IF(x * o < y * o, -1, IF(x = y, 0, 1))))")).isEqualTo("[[1, 2, 3], [3, 2, 1]]");
        assertThat(value("SELECT array_sort(ARRAY[7], (x, y) -> 2)")).isEqualTo("[7]");
        assertThat(value("SELECT array_sort(CAST(NULL AS array(integer)), (x, y) -> 0) IS NULL")).isEqualTo("true");
        assertThat(TranslatedRows.joined(DUCK.connection(), "SELECT array_sort(x, (a, b) -> IF(a < b, 1, IF(a = b, 0, -1)))"
                + " FROM (VALUES ARRAY[1, 3, 2], ARRAY[5, 4, 6, 9, 8, 7], NULL) t(x)", "default"))
                .containsExactly("[3, 2, 1]", "[9, 8, 7, 6, 5, 4]", "null");
    }

    @Test
    void multimapAggOfThousandsOfRows() {
        String rows = " FROM UNNEST(sequence(1, 1000)) a(x), UNNEST(sequence(0, 3)) b(y)";
        assertThat(value("SELECT cardinality(multimap_agg(x, x + 1000 * y))" + rows)).isEqualTo("1000");
        // each key's values in the order the aggregate is given them
        assertThat(value("SELECT multimap_agg(x, x + 1000 * y ORDER BY y DESC)[7]" + rows))
                .isEqualTo("[3007, 2007, 1007, 7]");
        String all = IntStream.rangeClosed(1, 4000).filter(v -> v % 4 == 3).mapToObj(String::valueOf)
                .collect(Collectors.joining(", ", "[", "]"));
        assertThat(value("SELECT multimap_agg(x % 4, x ORDER BY x)[3] FROM UNNEST(sequence(1, 4000)) t(x)"))
                .isEqualTo(all);
        assertThat(value("SELECT multimap_agg(k, v) FROM (VALUES (1, 'a'), (2, 'b'), (1, 'c'), (NULL, 'z'),"
                + " (2, NULL), (1, 'd')) t(k, v)")).isEqualTo("{1=[a, c, d], 2=[b, null]}");
        assertThat(value("SELECT multimap_agg(k, v)[ARRAY[1]] FROM (VALUES (ARRAY[1], 1), (ARRAY[2], 2),"
                + " (ARRAY[1], 3)) t(k, v)")).isEqualTo("[1, 3]");
    }
}
