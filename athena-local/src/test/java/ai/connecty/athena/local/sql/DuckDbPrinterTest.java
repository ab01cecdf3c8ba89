package ai.connecty.athena.local.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trino.sql.tree.Query;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tree-to-DuckDB printer: the text it prints for each construct, and, for precedence and nesting, the value
 * DuckDB computes from it (Trino's precedence is in the tree, so every operator expression is bracketed).
 */
class DuckDbPrinterTest {

    @RegisterExtension
    static final DuckDbSuite DUCK = new DuckDbSuite();

    @BeforeAll
    static void open() throws SQLException {
        try (Statement s = DUCK.connection().createStatement()) {
            s.execute("CREATE TABLE t AS SELECT * FROM (VALUES (1, 'a', [1, 2], MAP(['k'], [10])), "
                    + "(2, 'b', [3], MAP(['k'], [20])), (3, NULL, [], MAP(['z'], [30]))) AS v(id, name, arr, m)");
        }
    }

    private static String printed(String athenaSql) {
        return QueryRunner.duckDbQuery(athenaSql);
    }

    /** The printed query without the {@code _colN} names (only the top SELECT list gets them). */
    /**
     * {@code expected} with each {@code athena_divide(x, y)} and {@code athena_modulo(x, y)}, shorthand for the
     * operands' places, written out as {@link Division} prints it: naming operands DuckDB may evaluate repeatedly
     * where it needs them, or with {@code _once} ({@code athena_divide_once(x, y)}) evaluating each once.
     */
    private static String divisions(String expected) {
        for (String shorthand : List.of("athena_divide(", "athena_modulo(", "athena_divide_once(",
                "athena_modulo_once(")) {
            int start = expected.indexOf(shorthand);
            if (start >= 0) {
                List<String> operands = new ArrayList<>();
                int depth = 0;
                int from = start + shorthand.length();
                char quote = 0;
                for (int i = from; ; i++) {
                    char c = expected.charAt(i);
                    if (quote != 0) {
                        quote = c == quote ? 0 : quote;
                    } else if (c == '\'' || c == '"') {
                        quote = c;
                    } else if (c == '(' || c == '[' || c == '{') {
                        depth++;
                    } else if ((c == ',' && depth == 0) || ((c == ')' || c == ']' || c == '}') && depth-- == 0)) {
                        operands.add(divisions(expected.substring(from, i).strip()));
                        from = i + 1;
                        if (c == ')') {
                            String x = operands.get(0);
                            String y = operands.get(1);
                            boolean repeatable = !shorthand.contains("_once");
                            String printed = shorthand.contains("divide") ? Division.divide(x, y, repeatable)
                                    : Division.modulo(x, y, repeatable);
                            return divisions(expected.substring(0, start) + printed + expected.substring(i + 1));
                        }
                    }
                }
            }
        }
        return expected;
    }

    private static String bare(String athenaSql) {
        Query query = (Query) TrinoSql.parse(athenaSql);
        return DuckDbPrinter.print(query, athenaSql);
    }

    private static List<List<String>> rows(String athenaSql) {
        List<List<String>> rows = new ArrayList<>();
        QueryRunner.run(DUCK.connection(), athenaSql, "awsdatacatalog", "main", new RowSink() {
            @Override
            public void columns(List<OutputColumn> columns) {
            }

            @Override
            public void row(String[] values) {
                rows.add(java.util.Arrays.asList(values));
            }
        });
        return rows;
    }

    private static String value(String athenaSql) {
        return rows(athenaSql).get(0).get(0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "SELECT a - (b - c) FROM t|SELECT (\"a\" - (\"b\" - \"c\")) FROM \"t\"",
        "SELECT (a - b) - c FROM t|SELECT ((\"a\" - \"b\") - \"c\") FROM \"t\"",
        "SELECT -(x) FROM t|SELECT (-\"x\") FROM \"t\"",
        "SELECT NOT (a AND b) FROM t|SELECT (NOT (\"a\" AND \"b\")) FROM \"t\"",
        "SELECT NOT a AND b FROM t|SELECT ((NOT \"a\") AND \"b\") FROM \"t\"",
        "SELECT (x IS NOT NULL) = true FROM t|SELECT ((\"x\" IS NOT NULL) = TRUE) FROM \"t\"",
        "SELECT a OR b AND c FROM t|SELECT (\"a\" OR (\"b\" AND \"c\")) FROM \"t\"",
        "SELECT CASE WHEN a > 1 THEN 'x' WHEN a IS NULL THEN 'n' ELSE 'y' END FROM t|SELECT CASE WHEN (\"a\" > 1) THEN 'x' WHEN (\"a\" IS NULL) THEN 'n' ELSE 'y' END FROM \"t\"",
        "SELECT CASE a WHEN 1 THEN 'one' END FROM t|SELECT CASE \"a\" WHEN 1 THEN 'one' END FROM \"t\"",
        "SELECT a IN (1, 2) FROM t|SELECT (\"a\" IN (1, 2)) FROM \"t\"",
        "SELECT a FROM t WHERE a IN (SELECT b FROM u)|SELECT \"a\" FROM \"t\" WHERE (\"a\" IN (SELECT \"b\" FROM \"u\"))",
        "SELECT a FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.b = t.a)|SELECT \"a\" FROM \"t\" WHERE (EXISTS (SELECT 1 FROM \"u\" WHERE (\"u\".\"b\" = \"t\".\"a\")))",
        "SELECT rank() OVER (PARTITION BY a ORDER BY b DESC NULLS FIRST) FROM t|SELECT rank() OVER (PARTITION BY \"a\" ORDER BY \"b\" DESC NULLS FIRST) FROM \"t\"",
        "SELECT max(a) OVER (ORDER BY b ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM t|SELECT max(\"a\") OVER (ORDER BY \"b\" ASC ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM \"t\"",
        "SELECT transform(arr, x -> x + 1) FROM t|SELECT list_transform(\"arr\", (\"x\" -> (\"x\" + 1))) FROM \"t\"",
        // the state travels beside each element, as Trino's state may have another type than the elements
        "SELECT reduce(arr, 0, (s, x) -> s + x, s -> s) FROM t|SELECT CASE WHEN \"arr\" IS NOT NULL THEN list_transform([\"arr\"], __a -> list_transform([list_reduce(list_transform(__a, __x -> {'s': CASE WHEN false THEN 0 END, 'x': __x}), (__acc, __next) -> {'s': list_transform([__acc.s], \"s\" -> list_transform([__next.x], \"x\" -> (\"s\" + \"x\"))[1])[1], 'x': __next.x}, {'s': 0, 'x': NULL}).s], \"s\" -> \"s\")[1])[1] END FROM \"t\"",
        "SELECT ROW(1, 'x')|SELECT row(1, 'x')",
        "SELECT CAST(ROW(1, 'x') AS ROW(a integer, b varchar))|SELECT CAST(row(1, 'x') AS STRUCT(\"a\" INTEGER, \"b\" VARCHAR))",
        // CAST targets are read from Trino's type nodes (GenericDataType, RowDataType, DateTimeDataType, interval)
        "SELECT CAST(a AS ROW(\"my field\" varchar(3), b ARRAY(decimal(10,2)), c MAP(varchar, real))) FROM t|SELECT CAST(\"a\" AS STRUCT(\"my field\" VARCHAR, \"b\" DECIMAL(10,2)[], \"c\" MAP(VARCHAR, FLOAT))) FROM \"t\"",
        // a cast to a declared precision rounds what may have more digits (a of unknown type); microseconds hold 6
        "SELECT CAST(a AS timestamp(3) with time zone), CAST(a AS time), CAST(a AS timestamp(6)) FROM t|SELECT athena_round_timestamp(CAST(\"a\" AS TIMESTAMP WITH TIME ZONE), 1000), CAST(\"a\" AS TIME), CAST(\"a\" AS TIMESTAMP) FROM \"t\"",
        "SELECT CAST(a AS timestamp(9)), CAST(a AS timestamp(7)) FROM t|SELECT CAST(\"a\" AS TIMESTAMP_NS), athena_round_timestamp(CAST(\"a\" AS TIMESTAMP_NS), 100) FROM \"t\"",
        "SELECT CAST(a AS double precision), CAST(a AS decimal), CAST(a AS varbinary), CAST(a AS char(2)) FROM t|SELECT CAST(\"a\" AS DOUBLE), CAST(\"a\" AS DECIMAL(38,0)), CAST(\"a\" AS BLOB), rpad(athena_varchar(\"a\"), 2, ' ') FROM \"t\"",
        "SELECT CAST(a AS INTERVAL DAY TO SECOND), CAST(a AS interval year to month) FROM t|SELECT CAST(\"a\" AS INTERVAL), CAST(\"a\" AS INTERVAL) FROM \"t\"",
        "SELECT CAST(a AS hyperloglog) FROM t|SELECT CAST(\"a\" AS hyperloglog) FROM \"t\"",
        "SELECT arr[1], m['k'] FROM t|SELECT \"arr\"[1], \"m\"['k'] FROM \"t\"",
        "SELECT TRY_CAST(a AS integer) FROM t|SELECT TRY_CAST(\"a\" AS INTEGER) FROM \"t\"",
        "SELECT ts AT TIME ZONE 'UTC' FROM t|SELECT CAST(\"ts\" AS TIMESTAMPTZ) FROM \"t\"",
        "SELECT ts AT TIME ZONE 'Europe/Berlin' FROM t|SELECT CAST(\"ts\" AS TIMESTAMPTZ) FROM \"t\"",
        "SELECT d + INTERVAL '1' DAY - INTERVAL '2' MONTH FROM t|SELECT athena_minus(athena_plus(\"d\", INTERVAL '1' DAY), INTERVAL '2' MONTH) FROM \"t\"",
        "SELECT d + (INTERVAL '1' DAY + INTERVAL '1' HOUR) FROM t|SELECT athena_plus(\"d\", athena_plus(INTERVAL '1' DAY, INTERVAL '1' HOUR)) FROM \"t\"",
        "SELECT a + b * c FROM t|SELECT (\"a\" + (\"b\" * \"c\")) FROM \"t\"",
        "SELECT a / b % c FROM t|SELECT athena_modulo_once(athena_divide(\"a\", \"b\"), \"c\") FROM \"t\"",
        "SELECT 1.5, DECIMAL '1.50', 1e3, X'0A'|SELECT CAST(1.5 AS DOUBLE), CAST('1.50' AS DECIMAL(3,2)), 1000.0E0, '\\x0a'::BLOB",
        "SELECT \"Mixed\", Lower FROM \"My Db\".T|SELECT \"Mixed\", \"lower\" FROM \"My Db\".\"t\"",
        "SELECT count(*), count(DISTINCT a), array_agg(a ORDER BY b) FROM t|SELECT count(*), count(DISTINCT \"a\"), array_agg(\"a\" ORDER BY \"b\" ASC) FROM \"t\"",
        "SELECT count(*) FILTER (WHERE a > 1) FROM t|SELECT count(*) FILTER (WHERE (\"a\" > 1)) FROM \"t\"",
        "SELECT a FROM t UNION ALL SELECT b FROM u ORDER BY 1 LIMIT 2|(SELECT \"a\" FROM \"t\") UNION ALL (SELECT \"b\" FROM \"u\") ORDER BY 1 ASC LIMIT 2",
        "WITH w (n) AS (SELECT 1) SELECT n FROM w|WITH \"w\"(\"n\") AS (SELECT 1 AS \"__athena_unnamed_0\") SELECT \"n\" FROM \"w\"",
        "SELECT * FROM t CROSS JOIN UNNEST(arr) WITH ORDINALITY AS u(x, i)|SELECT * FROM \"t\" CROSS JOIN (SELECT unnest(\"arr\"), generate_subscripts(\"arr\", 1)) AS \"u\"(\"x\", \"i\")",
        "SELECT * FROM t LEFT JOIN u ON t.a = u.a JOIN v USING (b)|SELECT * FROM \"t\" LEFT JOIN \"u\" ON (\"t\".\"a\" = \"u\".\"a\") JOIN \"v\" USING (\"b\")",
        "SELECT if(a > 0, 'p') FROM t|SELECT CASE WHEN (\"a\" > 0) THEN 'p' END FROM \"t\"",
        "SELECT a FROM t GROUP BY ROLLUP (a, b) HAVING count(*) > 1|SELECT \"a\" FROM \"t\" GROUP BY ROLLUP (\"a\", \"b\") HAVING (count(*) > 1)",
        "SELECT extract(day_of_week FROM d), trim(s), date_format(d, '%Y') FROM t|SELECT extract(isodow FROM \"d\"), trim(\"s\"), strftime(\"d\", '%Y') FROM \"t\"",
        "SELECT 'it''s' LIKE 'i%' ESCAPE '!'|SELECT ('it''s' LIKE 'i%' ESCAPE '!')",
        "SELECT * FROM t AS x TABLESAMPLE BERNOULLI (50)|SELECT * FROM \"t\" AS \"x\" TABLESAMPLE bernoulli(50 PERCENT)",
        "SELECT a FROM t WHERE a = ANY (SELECT b FROM u)|SELECT \"a\" FROM \"t\" WHERE (\"a\" = ANY (SELECT \"b\" FROM \"u\"))",
        "SELECT a FROM t WHERE a IS DISTINCT FROM b AND NOT a IN (1)|SELECT \"a\" FROM \"t\" WHERE ((\"a\" IS DISTINCT FROM \"b\") AND (NOT (\"a\" IN (1))))",
        // try(): what DuckDB's TRY refuses (aggregates …) is computed outside it, with the columns it names
        "SELECT try(a / b) FROM t|SELECT try(athena_divide(\"a\", \"b\")) FROM \"t\"",
        "SELECT try(count(*) / b) FROM t GROUP BY b|SELECT list_transform([{'v0': count(*), 'v1': \"b\"}], __t -> try(athena_divide_once(__t['v0'], __t['v1'])))[1] FROM \"t\" GROUP BY \"b\"",
        "SELECT try(try(max(a) / 0) + b) FROM t GROUP BY b|SELECT list_transform([{'v0': max(\"a\"), 'v1': \"b\"}], __t -> try((try(athena_divide_once(__t['v0'], 0)) + __t['v1'])))[1] FROM \"t\" GROUP BY \"b\"",
        "SELECT try(transform(arr, x -> x / max(a))) FROM t|SELECT list_transform([{'v0': \"arr\", 'v1': max(\"a\")}], __t -> try(list_transform(__t['v0'], (\"x\" -> athena_divide_once(\"x\", __t['v1'])))))[1] FROM \"t\"",
    })
    void printsTrinosTreeAsDuckDbSql(String athena, String duckDb) {
        assertThat(bare(athena)).isEqualTo(divisions(duckDb));
    }

    /**
     * The operands of {@code /}, {@code %} and of {@code +}/{@code -} with an interval are the tree's, so Trino's
     * precedence holds and no operand is left undelimited (the cases the token translator was pinned on).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "SELECT a / b c FROM t|SELECT athena_divide(\"a\", \"b\") AS \"c\" FROM \"t\"",
        "SELECT x - a / -b|SELECT (\"x\" - athena_divide(\"a\", (-\"b\")))",
        "SELECT -a / b|SELECT athena_divide((-\"a\"), \"b\")",
        "SELECT a * b / c % d|SELECT athena_modulo_once(athena_divide((\"a\" * \"b\"), \"c\"), \"d\")",
        "SELECT a / b * c|SELECT (athena_divide(\"a\", \"b\") * \"c\")",
        "SELECT t.a / t.b[1]|SELECT athena_divide(\"t\".\"a\", \"t\".\"b\"[1])",
        "SELECT udf.f(x) / udf.g(y, z)|SELECT athena_divide(udf.f(\"x\"), udf.g(\"y\", \"z\"))",
        "SELECT max(x) OVER (PARTITION BY y) / count(*) FILTER (WHERE z)|SELECT athena_divide_once(max(\"x\") OVER (PARTITION BY \"y\"), count(*) FILTER (WHERE \"z\"))",
        "SELECT CASE WHEN a THEN 1 END / 2|SELECT athena_divide(CASE WHEN \"a\" THEN 1 END, 2)",
        "SELECT CASE WHEN a / b > 1 THEN 1 END|SELECT CASE WHEN (athena_divide(\"a\", \"b\") > 1) THEN 1 END",
        "SELECT CAST(a AS integer) / (b + 1)|SELECT athena_divide(CAST(\"a\" AS INTEGER), (\"b\" + 1))",
        "SELECT DECIMAL '1.5' / 2|SELECT athena_divide(CAST('1.5' AS DECIMAL(2,1)), 2)",
        "SELECT a/*c*/ / 2|SELECT athena_divide(\"a\", 2)",
        "SELECT * FROM t WHERE a % 2 = 0|SELECT * FROM \"t\" WHERE (athena_modulo(\"a\", 2) = 0)",
        "SELECT t.*, count(*) * 2, '10 / 2', \"a/b\" FROM t|SELECT \"t\".*, (count(*) * 2), '10 / 2', \"a/b\" FROM \"t\"",
        "SELECT d + INTERVAL '1' DAY FROM t|SELECT athena_plus(\"d\", INTERVAL '1' DAY) FROM \"t\"",
        "SELECT INTERVAL '1' DAY + d|SELECT athena_plus(INTERVAL '1' DAY, \"d\")",
        "SELECT a + b - INTERVAL '1' DAY|SELECT athena_minus((\"a\" + \"b\"), INTERVAL '1' DAY)",
        "SELECT d - INTERVAL '1' DAY - INTERVAL '1' MONTH|SELECT athena_minus(athena_minus(\"d\", INTERVAL '1' DAY), INTERVAL '1' MONTH)",
        "SELECT a / b + INTERVAL '1' DAY|SELECT athena_plus(athena_divide(\"a\", \"b\"), INTERVAL '1' DAY)",
        "SELECT d + 2 * INTERVAL '1' DAY|SELECT athena_plus(\"d\", athena_interval_times(INTERVAL '1' DAY, CAST(2 AS BIGINT)))",
        "SELECT INTERVAL '1' MONTH / 2.5|SELECT athena_interval_divided(INTERVAL '1' MONTH, CAST(2.5 AS DOUBLE))",
        "SELECT INTERVAL '1' DAY / 2|SELECT athena_interval_divided(INTERVAL '1' DAY, CAST(2 AS DOUBLE))",
        "SELECT -INTERVAL '1' DAY + d|SELECT athena_plus((-INTERVAL '1' DAY), \"d\")",
        "SELECT x - INTERVAL '1' DAY > y AND z + 1 = 2|SELECT ((athena_minus(\"x\", INTERVAL '1' DAY) > \"y\") AND ((\"z\" + 1) = 2))",
        "SELECT udf.f(d) + INTERVAL '1' DAY, t.d - INTERVAL '1-2' YEAR TO MONTH|SELECT athena_plus(udf.f(\"d\"), INTERVAL '1' DAY), athena_minus(\"t\".\"d\", INTERVAL '14' MONTH)",
        "SELECT d BETWEEN e - INTERVAL '7' DAY AND e|SELECT (\"d\" BETWEEN athena_minus(\"e\", INTERVAL '7' DAY) AND \"e\")",
        "SELECT a + b, a - 1|SELECT (\"a\" + \"b\"), (\"a\" - 1)",
        "SELECT (a / b) / (c % 0) FROM t|SELECT athena_divide_once(athena_divide(\"a\", \"b\"), athena_modulo(\"c\", 0)) FROM \"t\"",
        "SELECT d + (INTERVAL '1' DAY) FROM t|SELECT athena_plus(\"d\", INTERVAL '1' DAY) FROM \"t\"",
        "SELECT INTERVAL '-1' DAY|SELECT INTERVAL '-1' DAY",
        "SELECT ARRAY[1,2][1] / x.y.z FROM x|SELECT athena_divide([1, 2][1], \"x\".\"y\".\"z\") FROM \"x\"",
    })
    void divisionAndIntervalOperandsFollowTheTree(String athena, String duckDb) {
        assertThat(bare(athena)).isEqualTo(divisions(duckDb));
    }

    /**
     * A division names its operands where it needs them, so DuckDB folds the choice of decimal or other arithmetic
     * away while planning; operands that must not be repeated are evaluated once, in a lambda DuckDB does not fold,
     * which costs several times as much per row: a division (copied at each mention), an aggregate or window call,
     * a subquery, a random value. ({@code __o} is the lambda's argument.)
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "SELECT n % 3 = 0, n / 7, ratio / 3, mod(n, 2) FROM t|false",
        "SELECT (a - b) * 2 / CAST(c AS double), -t.a % arr[1], DECIMAL '1.5' / 2 FROM t|false",
        "SELECT length(s) / 2, a / nullif(b, 0), CASE WHEN a > 0 THEN a END % 2 FROM t|false",
        "SELECT a / b / c FROM t|true",
        "SELECT abs(mod(a, b)) / c FROM t|true",
        "SELECT sum(a) / 2, avg(a) % 2 FROM t|true",
        "SELECT a / sum(b) OVER () FROM t|true",
        "SELECT (SELECT 2) / a FROM t|true",
        "SELECT rand() / 2 FROM t|true",
    })
    void divisionEvaluatesOnlyCostlyOperandsInALambda(String athena, boolean lambda) {
        assertThat(bare(athena).contains("__o ->")).isEqualTo(lambda);
    }

    /**
     * sum's argument is printed once, though the type of its sum decides the result's (DuckDB's HUGEINT sum of
     * integers is Trino's bigint): DuckDB binds each copy, and the argument may be a long expression.
     */
    @Test
    void sumPrintsItsArgumentOnce() {
        assertThat(bare("SELECT sum(x) FILTER (WHERE y > 0), sum(DISTINCT z) OVER (ORDER BY y) FROM t"))
                .containsOnlyOnce("\"x\"").containsOnlyOnce("\"z\"");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "SELECT 10 - (4 - 1)|7",
        "SELECT 10 - 4 - 1|5",
        "SELECT -(2 - 5)|3",
        "SELECT 2 * 3 + 4 * 5|26",
        "SELECT (2 + 3) * 4|20",
        "SELECT NOT (true AND false)|true",
        "SELECT NOT true AND false|false",
        "SELECT (NULL IS NOT NULL) = false|true",
        "SELECT (1 < 2) = true|true",
        "SELECT 1 < 2 AND 3 > 2|true",
        "SELECT 17 / 5 % 2|1",
        "SELECT CASE WHEN 1 + 1 = 2 THEN 'two' ELSE 'other' END|two",
        "SELECT 2 IN (1, 2, 3)|true",
        "SELECT 2 NOT IN (SELECT id FROM t)|false",
        "SELECT (SELECT max(id) FROM t) - (SELECT min(id) FROM t)|2",
        "SELECT transform(ARRAY[1, 2], x -> x * 10 + 1)|[11, 21]",
        "SELECT filter(ARRAY[1, 2, 3, 4], x -> x % 2 = 0 AND x > 2)|[4]",
        "SELECT ARRAY[10, 20, 30][2]|20",
        "SELECT MAP(ARRAY['k'], ARRAY[7])['k']|7",
        "SELECT CAST(ROW(1, 'x') AS ROW(a integer, b varchar)).b|x",
        "SELECT TRY_CAST('x' AS integer) IS NULL|true",
        "SELECT TIMESTAMP '2020-01-01 10:00:00' AT TIME ZONE 'UTC'|2020-01-01 10:00:00 UTC",
        "SELECT DATE '2020-01-31' + (INTERVAL '1' MONTH + INTERVAL '1' DAY)|2020-03-01",
        "SELECT sum(id) FROM (SELECT id FROM t WHERE id IN (SELECT id FROM t WHERE name IS NOT NULL))|3",
        "SELECT count(*) FROM t a JOIN t b ON a.id = b.id - 1|2",
        "SELECT array_join(array_agg(name ORDER BY id DESC), ',') FROM t|b,a",
        "SELECT row_number() OVER (ORDER BY id DESC) FROM t ORDER BY id LIMIT 1|3",
        "SELECT x FROM (VALUES 5) AS v(x)|5",
        "SELECT element_at(m, 'k') FROM t WHERE id = 2|20",
        "SELECT 2 - - 1|3",
        "SELECT id FROM t WHERE id BETWEEN 1 + 1 AND 3 - 1|2",
        "WITH a AS (SELECT 1 AS n), b AS (SELECT n + 1 AS n FROM a) SELECT n * 10 FROM b|20",
        "SELECT id FROM t WHERE name IS NULL OR id = 1 AND name = 'a' ORDER BY id LIMIT 1|1",
        "SELECT count(*) FROM t TABLESAMPLE BERNOULLI (100)|3",
        "SELECT 2 = ANY (SELECT id FROM t)|true",
        "SELECT id FROM t WHERE name IS NOT DISTINCT FROM NULL|3",
    })
    void keepsTrinosPrecedenceOnDuckDb(String athena, String expected) {
        assertThat(value(athena)).isEqualTo(expected);
    }

    /** The forms SQL-GAPS.md lists as translated, each run on DuckDB. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "SELECT id FROM t ORDER BY id OFFSET 1 ROWS FETCH FIRST 1 ROWS ONLY|2",
        "SELECT id FROM t ORDER BY id DESC OFFSET 1 LIMIT 1|2",
        "SELECT last_value(name) IGNORE NULLS OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM t LIMIT 1|b",
        "SELECT sum(id) OVER (ORDER BY id GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM t ORDER BY id DESC LIMIT 1|5",
        "SELECT sum(id) OVER (ORDER BY id RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM t ORDER BY id DESC LIMIT 1|5",
        "SELECT sum(id) OVER w FROM t WINDOW w AS (ORDER BY id) ORDER BY id DESC LIMIT 1|6",
        "SELECT count(*) FROM (SELECT id, name FROM t GROUP BY ROLLUP (id, name))|7",
        "SELECT count(*) FROM (SELECT id, name FROM t GROUP BY CUBE (id, name))|10",
        "SELECT count(*) FROM (SELECT id, name, grouping(id, name) g FROM t GROUP BY GROUPING SETS ((id), (name), ()))|7",
        "SELECT count(*) FROM t a NATURAL JOIN t b|2",
        "SELECT count(*) FROM t a JOIN t b USING (id)|3",
        "SELECT count(*) FROM t a RIGHT JOIN t b ON a.id = b.id + 1|3",
        "SELECT count(*) FROM t a FULL JOIN t b ON a.id = b.id + 5|6",
        "SELECT count(*) FROM t, LATERAL (SELECT id * 2 AS d) x WHERE x.d > 2|2",
        "SELECT count(*) FROM (SELECT id FROM t INTERSECT SELECT 2)|1",
        "SELECT count(*) FROM (SELECT id FROM t EXCEPT ALL SELECT 2)|2",
        "SELECT count(*) FROM (SELECT id FROM t UNION SELECT id FROM t)|3",
        "WITH RECURSIVE r (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT max(n) FROM r|5",
        "SELECT extract(day_of_week FROM DATE '2024-01-07')|7",
        "SELECT extract(YEAR FROM TIMESTAMP '2024-05-01 10:00:00')|2024",
        "SELECT trim(LEADING 'x' FROM 'xxaxx')|axx",
        "SELECT trim(TRAILING FROM '  a  ')|'  a'",
        "SELECT current_catalog IS NOT NULL AND current_schema IS NOT NULL AND current_user IS NOT NULL|true",
        "SELECT array_agg(DISTINCT id ORDER BY id) FROM t|[1, 2, 3]",
        "SELECT count(*) FILTER (WHERE name IS NULL) FROM t|1",
        "SELECT NULLIF(1, 1) IS NULL AND COALESCE(NULL, 1) = 1|true",
    })
    void listedFormsRunOnDuckDb(String athena, String expected) {
        assertThat(value(athena)).isEqualTo(expected.equals("'  a'") ? "  a" : expected);
    }

    @Test
    void namesOnlyTheOutermostSelectList() {
        assertThat(printed("SELECT 1, id, id + 1 AS n, (SELECT 2) FROM t"))
                .isEqualTo("SELECT 1 AS _col0, \"id\", (\"id\" + 1) AS \"n\", (SELECT 2) AS _col3 FROM \"t\"");
        assertThat(printed("SELECT 1 UNION SELECT 2")).isEqualTo("(SELECT 1 AS _col0) UNION (SELECT 2)");
        assertThat(printed("VALUES (1, 'a'), (2, 'b')"))
                .isEqualTo("SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS _values(_col0, _col1)");
        assertThat(printed("TABLE t")).isEqualTo("SELECT * FROM \"t\"");
        assertThat(printed("(SELECT 1)")).isEqualTo("(SELECT 1 AS _col0)");
    }

    @Test
    void boundParametersArePrintedInPlace() {
        SqlStatement parsed = SqlStatement.parse("SELECT id FROM t WHERE id > ? AND name <> ?");
        SqlStatement bound = QueryParameters.bind(parsed, List.of("1", "it's")).statement();
        assertThat(QueryRunner.duckDbQuery(bound))
                .isEqualTo("SELECT \"id\" FROM \"t\" WHERE ((\"id\" > (1)) AND (\"name\" <> ('it''s')))");
        assertThat(bound.text()).isEqualTo("SELECT id FROM t WHERE id > (1) AND name <> ('it''s')");
    }

    /** Values bind to the ? marks in written order, also where Trino's parser numbers a WITH clause's marks last. */
    @Test
    void parametersBindInWrittenOrderAcrossAWithClause() {
        SqlStatement parsed = SqlStatement.parse("WITH w AS (SELECT id FROM t WHERE id > ?) SELECT count(*) FROM w WHERE id < ?");
        SqlStatement bound = QueryParameters.bind(parsed, List.of("1", "3")).statement();
        assertThat(bound.text()).isEqualTo("WITH w AS (SELECT id FROM t WHERE id > (1)) SELECT count(*) FROM w WHERE id < (3)");
        assertThat(QueryRunner.duckDbQuery(bound)).contains("(\"id\" > (1))").contains("(\"id\" < (3))");
        List<String> counts = new ArrayList<>();
        QueryRunner.run(DUCK.connection(), bound, "awsdatacatalog", "main", new RowSink() {
            @Override
            public void columns(List<OutputColumn> columns) {
            }

            @Override
            public void row(String[] values) {
                counts.add(values[0]);
            }
        });
        assertThat(counts).containsExactly("1");
    }

    /** Engine errors point at the names of the statement's tree, line and column as Trino counts them. */
    @Test
    void engineErrorsArePositionedByTheTree() {
        assertThatThrownBy(() -> rows("SELECT id,\n  nosuch FROM t"))
                .isInstanceOf(EngineFailure.class).hasMessage("COLUMN_NOT_FOUND: line 2:3: Column 'nosuch' cannot be resolved");
        assertThatThrownBy(() -> rows("SELECT t.id FROM t WHERE id IN (SELECT id FROM\n main.missing_table)"))
                .isInstanceOf(EngineFailure.class)
                .hasMessage("TABLE_NOT_FOUND: line 2:2: Table 'awsdatacatalog.main.missing_table' does not exist");
        assertThatThrownBy(() -> rows("SELECT id, t.nosuch FROM t"))
                .isInstanceOf(EngineFailure.class).hasMessage("COLUMN_NOT_FOUND: line 1:14: Column 'nosuch' cannot be resolved");
    }

    /** Trino's grammar does not chain predicates; Athena rejects these before they could be printed. */
    @Test
    void predicatesDoNotChainInTrinosGrammar() {
        assertThatThrownBy(() -> SqlStatement.parse("SELECT x IS NOT NULL = true FROM t"))
                .isInstanceOf(SqlRejectedException.class).hasMessageStartingWith("line 1:22: mismatched input '='");
    }

    @Test
    void whatDuckDbCannotRunIsNamed() {
        assertThatThrownBy(() -> bare("SELECT at_timezone(ts, zone) FROM t"))
                .isInstanceOf(UnsupportedSqlException.class).hasMessageContaining("at_timezone() with a zone that is not a literal");
        assertThatThrownBy(() -> bare("SELECT * FROM t FETCH FIRST 1 ROWS WITH TIES"))
                .isInstanceOf(UnsupportedSqlException.class).hasMessageContaining("WITH TIES");
        assertThatThrownBy(() -> bare("SELECT * FROM t MATCH_RECOGNIZE (ORDER BY id PATTERN (A) DEFINE A AS true)"))
                .isInstanceOf(UnsupportedSqlException.class).hasMessageContaining("MATCH_RECOGNIZE");
        assertThatThrownBy(() -> bare("SELECT * FROM JSON_TABLE('[1]', 'lax $' COLUMNS (a integer PATH 'lax $'))"))
                .isInstanceOf(UnsupportedSqlException.class).hasMessageContaining("Json Table");
        assertThatThrownBy(() -> bare("SELECT approx_percentile(x, w, 0.5) FROM t"))
                .isInstanceOf(UnsupportedSqlException.class).hasMessageContaining("approx_percentile() with weights");
    }

    /**
     * A derived table's {@code ||} chain is typed for the outer query before it is printed; the chain nests as deep as
     * it is long (2,000 operands, near the longest Trino's parser takes: 4,000 overflow its stack), and its calls are
     * resolved once each, innermost first in a loop, so typing it costs no deeper recursion than printing it.
     */
    @Test
    void longConcatenationChainIsTypedThroughADerivedTable() {
        String chain = String.join(" || ", java.util.Collections.nCopies(2_000, "'a'"));
        assertThat(value("SELECT length(reverse(c)) FROM (SELECT " + chain + " AS c) v")).isEqualTo("2000");
    }

    /**
     * Subqueries in expressions nest up to {@link DuckDbPrinter#MAX_SUBQUERY_NESTING} deep, whatever their kind;
     * side by side they do not add up. Deeper fails before DuckDB would plan it in exponential time.
     */
    @Test
    void subqueriesInExpressionsNestTwentyDeep() {
        int max = DuckDbPrinter.MAX_SUBQUERY_NESTING;
        String exists = "SELECT 1 WHERE " + "EXISTS (SELECT 1 WHERE ".repeat(max) + "true" + ")".repeat(max);
        assertThat(printed(exists)).contains("EXISTS");
        // Two subqueries a level, and two innermost: IN, scalar, ANY, scalar ... scalar.
        String mixed = "SELECT 1 WHERE 1 IN " + "(SELECT (SELECT 1 WHERE 1 = ANY ".repeat(max / 2 - 1)
                + "(SELECT (SELECT 1))" + "))".repeat(max / 2 - 1);
        assertThat(printed(mixed)).contains("ANY");
        String sideBySide = "SELECT " + String.join(", ", java.util.Collections.nCopies(3 * max, "(SELECT 1)"));
        assertThat(printed(sideBySide)).contains("(SELECT 1)");

        String deeper = "SELECT 1 WHERE " + "EXISTS (SELECT 1 WHERE ".repeat(max + 1) + "true" + ")".repeat(max + 1);
        assertThatThrownBy(() -> printed(deeper)).isInstanceOf(UnsupportedSqlException.class)
                .hasMessageContaining("subqueries in expressions nested more than 20 deep");
    }

    /**
     * ARRAY, MAP and ROW constructors nest up to {@link DuckDbPrinter#MAX_CONSTRUCTOR_NESTING} deep together (a MAP
     * of ARRAYs counts both); deeper fails before DuckDB's optimizer spends minutes on the nested types.
     */
    @Test
    void constructorsNestTwentyDeep() {
        int max = DuckDbPrinter.MAX_CONSTRUCTOR_NESTING;
        assertThat(value("SELECT cardinality(" + "ARRAY[".repeat(max) + "1" + "]".repeat(max) + ")")).isEqualTo("1");
        String mixed = "ROW(ARRAY[MAP(ARRAY[1], ".repeat(max / 4) + "ARRAY[1]" + ")])".repeat(max / 4);
        assertThat(printed("SELECT " + mixed)).startsWith("SELECT row([").contains("map([1], ");
        String sideBySide = "SELECT " + String.join(", ", java.util.Collections.nCopies(3 * max, "ARRAY[ROW(1)]"));
        assertThat(printed(sideBySide)).contains("[row(1)]");

        for (String deeper : List.of("ARRAY[".repeat(max + 1) + "1" + "]".repeat(max + 1),
                "ROW(".repeat(max + 1) + "1" + ")".repeat(max + 1),
                "MAP(ARRAY[1], ARRAY[".repeat(max / 2) + "MAP(ARRAY[1], ARRAY[1])" + "])".repeat(max / 2))) {
            assertThatThrownBy(() -> printed("SELECT " + deeper)).isInstanceOf(UnsupportedSqlException.class)
                    .hasMessageContaining("ARRAY, MAP and ROW constructors nested more than 20 deep");
        }
    }
}
