package ai.connecty.athena.local.sql;

import static ai.connecty.athena.local.sql.DeclaredCatalog.declared;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SQL that BI tools and SQL libraries generate for Athena (Trino), run on athena-local with the values Trino gives.
 * Each shape names the tool it comes from; the files read for them:
 * <ul>
 *   <li>Superset: {@code superset/db_engine_specs/athena.py} and {@code presto.py} (time grains, {@code epoch_to_dttm},
 *       {@code convert_dttm}; the milliseconds form divides the column by 1000 first, as {@code base.py} does).</li>
 *   <li>Metabase: {@code modules/drivers/athena/src/metabase/driver/athena.clj} (date_trunc without a cast,
 *       extraction functions, {@code date_add} with a literal amount, {@code datetime-diff} over day-truncated
 *       values, {@code from_unixtime}, {@code approx_percentile} for median, {@code regexp_extract}, {@code OFFSET}
 *       before {@code LIMIT}, {@code CAST(… AS double)} before a division).</li>
 *   <li>dbt-athena: {@code dbt/include/athena/macros/utils/} ({@code dateadd}, {@code datediff}, {@code hash},
 *       {@code safe_cast}, {@code any_value}, {@code timestamps}, {@code datatypes}, {@code array_concat}) and
 *       {@code dbt-athena/src/dbt/include/athena/macros/utils/} ({@code listagg}, {@code right},
 *       {@code date_trunc}); dbt-core's defaults for {@code split_part}, {@code cast_bool_to_text} and
 *       {@code position}.</li>
 *   <li>Redash: its Athena query runner ({@code SELECT 1} as the connection test, the query annotated with a
 *       leading comment).</li>
 *   <li>Tableau, Looker and Power BI (no source read: their connectors are closed; the shapes as their generated
 *       SQL shows them): upper-case units in {@code DATE_TRUNC}/{@code DATE_ADD}/{@code DATE_DIFF}, Sunday-based
 *       weekdays from {@code day_of_week}, {@code date_format} for names and months, {@code LIMIT 0} metadata
 *       probes, Power BI's folded query under the alias {@code "_"}.</li>
 *   <li>jOOQ and Hibernate (Trino dialects; Hibernate's pagination handlers searched, the Trino dialects not read):
 *       {@code OFFSET n ROWS FETCH NEXT m ROWS ONLY}, {@code FETCH FIRST}, boolean literals, casts.</li>
 * </ul>
 * The session zone is UTC, as on Athena. Week starts on Monday; {@code day_of_week} is 1 for Monday.
 */
class BiToolSqlTest {

    private static DeclaredCatalog catalog;

    @BeforeAll
    static void open() throws SQLException {
        catalog = new DeclaredCatalog(Map.of("sales", List.of(
                declared("id", "int"), declared("ts", "timestamp"), declared("d", "date"),
                declared("amount", "decimal(10,2)"), declared("name", "string"), declared("qty", "int"),
                declared("big", "bigint"), declared("ratio", "double"), declared("flag", "boolean"),
                declared("epoch", "bigint"), declared("epoch_ms", "bigint"))),
                // Row 1: a Friday afternoon; its date column a Sunday. Row 2: the last millisecond of a Sunday
                // (2023-12-31) and a Monday. Row 3: NULLs.
                "CREATE TABLE sales AS SELECT * FROM (VALUES "
                    + "(1, TIMESTAMP '2024-03-15 10:20:30.123', DATE '2024-03-17', CAST(1234.56 AS DECIMAL(10,2)), "
                    + "'Widget-Pro', 7, 10000000000::BIGINT, 0.125::DOUBLE, true, 1700000000::BIGINT, "
                    + "1700000000123::BIGINT), "
                    + "(2, TIMESTAMP '2023-12-31 23:59:59.999', DATE '2024-01-01', CAST(-0.50 AS DECIMAL(10,2)), "
                    + "'gadget', -3, -1::BIGINT, 2.5::DOUBLE, false, 0::BIGINT, 999::BIGINT), "
                    + "(3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)) "
                    + "AS v(id, ts, d, amount, name, qty, big, ratio, flag, epoch, epoch_ms)");
    }

    @AfterAll
    static void close() {
        catalog.close();
    }

    private static TranslatedRows run(String sql) {
        return TranslatedRows.run(catalog.duck(), sql, "main", catalog::lookUp);
    }

    /** The single value of {@code sql}. */
    private static String value(String sql) {
        TranslatedRows rows = run(sql);
        assertThat(rows.rows).hasSize(1);
        return rows.rows.get(0)[0];
    }

    private static List<String> rows(String sql) {
        return TranslatedRows.joined(run(sql).rows);
    }

    /** Superset's time grains (athena.py and presto.py), on row 1 (a Friday) and row 2 (a Sunday at 23:59:59.999). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", nullValues = "<null>", value = {
        // PT1S … P1Y: date_trunc of the column cast to timestamp; the result is a timestamp(3)
        "date_trunc('second', CAST(ts AS TIMESTAMP)) => 1 => 2024-03-15 10:20:30.000",
        "date_trunc('minute', CAST(ts AS TIMESTAMP)) => 1 => 2024-03-15 10:20:00.000",
        "date_trunc('hour', CAST(ts AS TIMESTAMP)) => 1 => 2024-03-15 10:00:00.000",
        "date_trunc('day', CAST(ts AS TIMESTAMP)) => 1 => 2024-03-15 00:00:00.000",
        // Trino's week starts on Monday: Friday 2024-03-15 is in the week of Monday 2024-03-11
        "date_trunc('week', CAST(ts AS TIMESTAMP)) => 1 => 2024-03-11 00:00:00.000",
        // Sunday 2023-12-31 still belongs to the week that began on Monday 2023-12-25
        "date_trunc('week', CAST(ts AS TIMESTAMP)) => 2 => 2023-12-25 00:00:00.000",
        "date_trunc('month', CAST(ts AS TIMESTAMP)) => 1 => 2024-03-01 00:00:00.000",
        "date_trunc('quarter', CAST(ts AS TIMESTAMP)) => 1 => 2024-01-01 00:00:00.000",
        "date_trunc('quarter', CAST(ts AS TIMESTAMP)) => 2 => 2023-10-01 00:00:00.000",
        "date_trunc('year', CAST(ts AS TIMESTAMP)) => 2 => 2023-01-01 00:00:00.000",
        // a date column cast to timestamp: midnight of the date (Sunday 2024-03-17 is in the week of 03-11)
        "date_trunc('day', CAST(d AS TIMESTAMP)) => 1 => 2024-03-17 00:00:00.000",
        "date_trunc('week', CAST(d AS TIMESTAMP)) => 1 => 2024-03-11 00:00:00.000",
        // athena.py, week ending Saturday: one day on, the Monday of that week, five days on
        "date_add('day', 5, date_trunc('week', date_add('day', 1, CAST(ts AS TIMESTAMP)))) => 1 => 2024-03-16 00:00:00.000",
        // athena.py, week starting Sunday: a Sunday is its own week's start
        "date_add('day', -1, date_trunc('week', date_add('day', 1, CAST(ts AS TIMESTAMP)))) => 1 => 2024-03-10 00:00:00.000",
        "date_add('day', -1, date_trunc('week', date_add('day', 1, CAST(ts AS TIMESTAMP)))) => 2 => 2023-12-31 00:00:00.000",
        "date_add('day', -1, date_trunc('week', date_add('day', 1, CAST(d AS TIMESTAMP)))) => 1 => 2024-03-17 00:00:00.000",
        // presto.py, the same grains with interval arithmetic
        "date_trunc('week', CAST(ts AS TIMESTAMP) + interval '1' day) - interval '1' day => 1 => 2024-03-10 00:00:00.000",
        "date_trunc('week', CAST(ts AS TIMESTAMP) + interval '1' day) - interval '1' day => 2 => 2023-12-31 00:00:00.000",
        "date_trunc('week', CAST(ts AS TIMESTAMP) + interval '1' day) + interval '5' day => 1 => 2024-03-16 00:00:00.000",
        "date_trunc('week', CAST(ts AS TIMESTAMP)) + interval '6' day => 1 => 2024-03-17 00:00:00.000",
        "date_trunc('week', CAST(ts AS TIMESTAMP)) + interval '6' day => 2 => 2023-12-31 00:00:00.000",
        // epoch_to_dttm: from_unixtime gives a timestamp with time zone in UTC
        "from_unixtime(epoch) => 1 => 2023-11-14 22:13:20.000 UTC",
        "from_unixtime(epoch) => 2 => 1970-01-01 00:00:00.000 UTC",
        // epoch_ms_to_dttm: from_unixtime((col/1000)); a bigint divided by an integer is an integer division,
        // so the milliseconds are dropped
        "from_unixtime((epoch_ms/1000)) => 1 => 2023-11-14 22:13:20.000 UTC",
        "from_unixtime((epoch_ms/1000)) => 2 => 1970-01-01 00:00:00.000 UTC",
        // a grain over an epoch column: the cast of from_unixtime's UTC value to timestamp is its UTC wall time
        "date_trunc('day', CAST(from_unixtime(epoch) AS TIMESTAMP)) => 1 => 2023-11-14 00:00:00.000",
        "date_trunc('week', CAST(from_unixtime(epoch) AS TIMESTAMP)) => 1 => 2023-11-13 00:00:00.000",
        "date_trunc('day', CAST(ts AS TIMESTAMP)) => 3 => <null>",
    })
    void supersetTimeGrains(String expression, int id, String expected) {
        assertThat(value("SELECT " + expression + " FROM sales WHERE id = " + id)).isEqualTo(expected);
    }

    /** Superset's chart query: grain, metric label in lower case, filters from convert_dttm, LIMIT. */
    @Test
    void supersetChartQuery() {
        // athena.py's convert_dttm writes milliseconds, presto.py's microseconds (a timestamp(6) literal)
        assertThat(rows("SELECT date_trunc('day', CAST(ts AS TIMESTAMP)) AS __timestamp, sum(amount) AS \"sum__amount\" "
                + "FROM sales WHERE ts >= TIMESTAMP '2023-12-01 00:00:00.000' AND ts < TIMESTAMP '2024-04-01 00:00:00.000' "
                + "GROUP BY date_trunc('day', CAST(ts AS TIMESTAMP)) ORDER BY \"sum__amount\" DESC LIMIT 10000"))
                .containsExactly("2024-03-15 00:00:00.000 | 1234.56", "2023-12-31 00:00:00.000 | -0.50");
        assertThat(value("SELECT count(*) FROM sales WHERE ts >= TIMESTAMP '2024-03-15 10:20:30.123000' "
                + "AND d < DATE '2024-03-18'")).isEqualTo("1");
        // Superset's dataset preview wraps the virtual dataset's SQL
        assertThat(rows("SELECT name AS name FROM (SELECT * FROM sales WHERE qty > 0) AS virtual_table LIMIT 100"))
                .containsExactly("Widget-Pro");
    }

    /**
     * BI tools wrap the user's SQL in a derived table (Superset's {@code AS virtual_table}, Tableau's
     * {@code "Custom SQL Query"}, Metabase's nested questions) and dbt chains WITH queries: a computed column keeps
     * the type the tree shows for it through them, as a table column keeps its declared type, so the outer query is
     * printed as it is where the expression stands in place. Each row differs from DuckDB's answer without the type.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("wrappedComputedColumns")
    void computedColumnsKeepTheirTypesThroughWrappers(String sql, List<String> expected) {
        assertThat(rows(sql)).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> wrappedComputedColumns() {
        return Stream.of(
            // date - date is an interval day to second (DuckDB: a bigint number of days)
            Arguments.of("SELECT d2 - d1, typeof(d2 - d1) FROM (SELECT DATE '2024-01-10' AS d2, "
                    + "DATE '2024-01-01' AS d1) AS virtual_table", List.of("9 00:00:00.000 | interval day to second")),
            // reverse of an array (DuckDB's reverse takes text only)
            Arguments.of("SELECT reverse(arr) FROM (SELECT split('a,b', ',') AS arr) AS virtual_table",
                    List.of("[b, a]")),
            // a double cast to an integer rounds half away from zero (DuckDB: half to even)
            Arguments.of("SELECT CAST(x AS INTEGER) FROM (SELECT 2.5e0 AS x) v", List.of("3")),
            // array || element appends (DuckDB's || refuses VARCHAR[] and VARCHAR)
            Arguments.of("SELECT arr || 'x' FROM (SELECT split('a,b', ',') AS arr) v", List.of("[a, b, x]")),
            // the sum of a real is a real (DuckDB: a double)
            Arguments.of("SELECT sum(r), typeof(sum(r)) FROM (SELECT REAL '1.5' AS r) v", List.of("1.5 | real")),
            // qualified, Tableau's custom SQL alias, an alias list, through *, nested derived tables
            Arguments.of("SELECT reverse(v.arr) FROM (SELECT split('a,b', ',') AS arr) v", List.of("[b, a]")),
            Arguments.of("SELECT reverse(\"Custom SQL Query\".\"arr\") FROM (SELECT split('a,b', ',') AS arr) "
                    + "\"Custom SQL Query\"", List.of("[b, a]")),
            Arguments.of("SELECT reverse(a) FROM (SELECT split('a,b', ',')) AS v(a)", List.of("[b, a]")),
            Arguments.of("SELECT reverse(arr) FROM (SELECT * FROM (SELECT split('a,b', ',') AS arr) i) o",
                    List.of("[b, a]")),
            Arguments.of("SELECT v.* FROM (SELECT reverse(arr) FROM (SELECT split('a,b', ',') AS arr) i) v",
                    List.of("[b, a]")),
            Arguments.of("SELECT CAST(y AS INTEGER) FROM (SELECT x AS y FROM (SELECT 2.5e0 AS x) i) o",
                    List.of("3")),
            // dbt's chains of WITH queries, one naming the one before it; a WITH query's column list
            Arguments.of("WITH a AS (SELECT split('a,b', ',') AS arr), b AS (SELECT arr FROM a) "
                    + "SELECT arr || 'x' FROM b", List.of("[a, b, x]")),
            Arguments.of("WITH w(d2, d1) AS (SELECT DATE '2024-01-10', DATE '2024-01-01') SELECT d2 - d1 FROM w",
                    List.of("9 00:00:00.000")),
            Arguments.of("WITH w AS (SELECT REAL '1.5' AS r) SELECT typeof(sum(r)) FROM w", List.of("real")),
            // set operations: branches of one type, or of types with a common super type (integer and double)
            Arguments.of("SELECT CAST(x AS INTEGER) FROM (SELECT 2.5e0 AS x UNION ALL SELECT 0.5e0) v ORDER BY 1",
                    List.of("1", "3")),
            Arguments.of("SELECT CAST(x AS INTEGER) FROM (SELECT 2.5e0 AS x UNION ALL SELECT 1) v ORDER BY 1",
                    List.of("1", "3")),
            // a table's columns listed by * in both branches keep their declared types (ratio 2.5 is a double)
            Arguments.of("SELECT CAST(ratio AS INTEGER) FROM (SELECT * FROM sales WHERE id = 2 UNION ALL "
                    + "SELECT * FROM sales WHERE id = 2) v", List.of("3", "3")),
            Arguments.of("SELECT CAST(x AS INTEGER) FROM (SELECT ratio AS x FROM sales WHERE id = 2 UNION ALL "
                    + "SELECT 0.5e0) v ORDER BY 1", List.of("1", "3")),
            Arguments.of("SELECT typeof(sum(r)) FROM (SELECT REAL '1.5' AS r INTERSECT SELECT REAL '1.5') v",
                    List.of("real")),
            Arguments.of("SELECT reverse(arr) FROM (SELECT split('a,b', ',') AS arr EXCEPT "
                    + "SELECT split('c', ',')) v", List.of("[b, a]")),
            // VALUES rows
            Arguments.of("SELECT CAST(x AS INTEGER) FROM (VALUES 2.5e0, 0.5e0) AS v(x) ORDER BY 1",
                    List.of("1", "3")),
            // approx_percentile of a decimal is a real (DuckDB: its answer rounded to a whole number)
            Arguments.of("SELECT approx_percentile(x, 0.5), typeof(approx_percentile(x, 0.5)) "
                    + "FROM (VALUES DECIMAL '1.5', DECIMAL '1.5') AS v(x)", List.of("1.5 | real")));
    }

    /**
     * Superset's filter on a virtual dataset's computed column: Trino's analysis refuses a bigint compared with text
     * as it does in place (DuckDB would cast the text).
     */
    @Test
    void wrappedComputedColumnComparedWithTextFailsAsInPlace() {
        assertThatThrownBy(() -> rows("SELECT n FROM (SELECT length(name) AS n FROM sales) AS virtual_table "
                + "WHERE n = '3'"))
                .hasMessage("TYPE_MISMATCH: line 1:78: Cannot apply operator: bigint = varchar(1)");
    }

    /** A wrapped tinyint's round that leaves its type fails as in place (of an unknown type it wrapped around). */
    @Test
    void wrappedNarrowIntegerRoundFailsAsInPlace() {
        assertThatThrownBy(() -> rows("SELECT round(x, -1) FROM (SELECT TINYINT '127' AS x) v"))
                .hasMessage("NUMERIC_VALUE_OUT_OF_RANGE: Out of range for tinyint: 130");
    }

    /**
     * A wrapped item whose type the translation does not know stays unknown, printed as before: here a lambda's
     * result, which DuckDB's {@code ||} refuses to append to.
     */
    @Test
    void wrappedItemOfUnknownTypeStaysUnknown() {
        assertThatThrownBy(() -> rows("SELECT arr || 'x' FROM (SELECT transform(split('a,b', ','), s -> s) AS arr) v"))
                .hasMessageContaining("Cannot concatenate types VARCHAR[] and VARCHAR");
        // written in place, the same expression is typed by its own shape only where the tree shows one
        assertThat(rows("SELECT arr || ARRAY['x'] FROM (SELECT transform(split('a,b', ','), s -> s) AS arr) v"))
                .containsExactly("[a, b, x]");
    }

    /** Metabase's Athena driver (athena.clj). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", nullValues = "<null>", value = {
        // date_trunc without a cast: a date stays a date, a timestamp a timestamp
        "date_trunc('month', d) => 1 => 2024-03-01",
        "date_trunc('week', d) => 1 => 2024-03-11",
        "date_trunc('week', d) => 2 => 2024-01-01",
        "date_trunc('quarter', d) => 1 => 2024-01-01",
        "date_trunc('minute', ts) => 1 => 2024-03-15 10:20:00.000",
        // start of week Sunday (adjust-start-of-week): a day on, truncated, a day back
        "date_add('day', -1, date_trunc('week', date_add('day', 1, d))) => 1 => 2024-03-17",
        "date_add('day', -1, date_trunc('week', date_add('day', 1, d))) => 2 => 2023-12-31",
        // extraction
        "minute(ts) => 1 => 20",
        "hour(ts) => 1 => 10",
        "day_of_month(ts) => 1 => 15",
        "day_of_year(ts) => 1 => 75",
        "day_of_year(ts) => 2 => 365",
        "month(ts) => 1 => 3",
        "quarter(ts) => 2 => 4",
        // day_of_week is 1 for Monday … 7 for Sunday
        "day_of_week(ts) => 1 => 5",
        "day_of_week(ts) => 2 => 7",
        "day_of_week(d) => 2 => 1",
        // Metabase's Sunday-based day of week over Trino's Monday-based one: Friday is 6, Sunday 1
        "((day_of_week(ts) + 0) % 7) + 1 => 1 => 6",
        "((day_of_week(ts) + 0) % 7) + 1 => 2 => 1",
        // add-interval-honeysql-form: date_add with a literal amount
        "date_add('month', 1, d) => 1 => 2024-04-17",
        "date_add('minute', 90, ts) => 1 => 2024-03-15 11:50:30.123",
        "date_add('year', -1, ts) => 1 => 2023-03-15 10:20:30.123",
        "date_add('week', 2, d) => 2 => 2024-01-15",
        // datetime-diff: whole units between day-truncated values (74 days from 2024-01-01 to 2024-03-15)
        "date_diff('day', date_trunc('day', TIMESTAMP '2024-01-01 12:00:00'), date_trunc('day', ts)) => 1 => 74",
        "date_diff('week', date_trunc('day', TIMESTAMP '2024-01-01 12:00:00'), date_trunc('day', ts)) => 1 => 10",
        "date_diff('month', date_trunc('day', TIMESTAMP '2024-01-01 12:00:00'), date_trunc('day', ts)) => 1 => 2",
        "date_diff('year', date_trunc('day', ts), date_trunc('day', TIMESTAMP '2025-03-14 00:00:00')) => 1 => 0",
        "date_diff('day', d, DATE '2024-03-01') => 1 => -16",
        // hour/minute/second diff on the timestamps themselves: 22 hours 20 minutes 30.123 seconds
        "date_diff('hour', CAST(TIMESTAMP '2024-03-14 12:00:00' AS timestamp), CAST(ts AS timestamp)) => 1 => 22",
        "date_diff('minute', CAST(TIMESTAMP '2024-03-14 12:00:00' AS timestamp), CAST(ts AS timestamp)) => 1 => 1340",
        "date_diff('second', CAST(TIMESTAMP '2024-03-14 12:00:00' AS timestamp), CAST(ts AS timestamp)) => 1 => 80430",
        // datetime-diff of dates: date_trunc keeps a date a date; 15 days are 2 whole weeks
        "date_diff('week', date_trunc('day', d), date_trunc('day', DATE '2024-04-01')) => 1 => 2",
        "date_diff('quarter', date_trunc('day', d), date_trunc('day', DATE '2023-12-17')) => 1 => -1",
        // whole quarters: 2024-03-17 back to 2023-12-31 is two months and some days, no whole quarter
        "date_diff('quarter', date_trunc('day', d), date_trunc('day', DATE '2023-12-31')) => 1 => 0",
        // unix-timestamp->honeysql
        "from_unixtime(epoch) => 1 => 2023-11-14 22:13:20.000 UTC",
        // cast-temporal-string: ISO 8601 text to timestamp and date
        "CAST('2024-03-15 10:20:30' AS timestamp) => 1 => 2024-03-15 10:20:30.000",
        "CAST('2024-03-15' AS date) => 1 => 2024-03-15",
        // ->float before a division: a double division
        "CAST(qty AS double) / 2 => 1 => 3.5",
        "qty / 2 => 1 => 3",
        // regex-match-first
        "regexp_extract(name, '[A-Z][a-z]+') => 1 => Widget",
        // report timezone: the instant in New York (EDT, UTC-4 from 2024-03-10)
        "ts AT TIME ZONE 'America/New_York' => 1 => 2024-03-15 06:20:30.123 America/New_York",
        "at_timezone(ts, 'America/New_York') => 2 => 2023-12-31 18:59:59.999 America/New_York",
        "date_trunc('day', ts AT TIME ZONE 'America/New_York') => 2 => 2023-12-31 00:00:00.000 America/New_York",
        "CAST(ts AT TIME ZONE 'Asia/Tokyo' AS date) => 2 => 2024-01-01",
    })
    void metabaseExpressions(String expression, int id, String expected) {
        assertThat(value("SELECT " + expression + " FROM sales WHERE id = " + id)).isEqualTo(expected);
    }

    /**
     * Metabase's unprepare of OffsetDateTime and ZonedDateTime parameters: a timestamp literal with an offset
     * (Java prints UTC's as Z, and a time without seconds as HH:mm) or a zone id, compared with a timestamp column,
     * which Trino reads in the session zone (UTC).
     */
    @Test
    void metabaseZonedLiterals() {
        assertThat(value("SELECT count(*) FROM sales WHERE ts >= timestamp '2024-03-15 00:00 Z'")).isEqualTo("1");
        // 04:00 in Los Angeles on 2024-03-15 (PDT) is 11:00 UTC: both timestamps are before it
        assertThat(value("SELECT count(*) FROM sales WHERE ts < timestamp '2024-03-15 04:00:00.000 US/Pacific'"))
                .isEqualTo("2");
        assertThat(value("SELECT count(*) FROM sales WHERE ts < timestamp '2024-03-15 03:00:00.000 -07:00'"))
                .isEqualTo("1");
        assertThat(value("SELECT count(*) FROM sales WHERE ts BETWEEN timestamp '2024-03-15 10:20:30.123 Z' "
                + "AND timestamp '2024-03-15 12:20:30.123 +02:00'")).isEqualTo("1");
    }

    /** Metabase's aggregations: median through approx_percentile (exact on one value), count, distinct. */
    @Test
    void metabaseAggregations() {
        assertThat(value("SELECT approx_percentile(ratio, 0.5) FROM sales WHERE id = 1")).isEqualTo("0.125");
        assertThat(value("SELECT approx_percentile(qty, 0.5) FROM sales WHERE id = 2")).isEqualTo("-3");
        assertThat(rows("SELECT date_trunc('month', \"source\".\"ts\") AS \"ts\", count(*) AS \"count\" "
                + "FROM \"sales\" \"source\" GROUP BY date_trunc('month', \"source\".\"ts\") "
                + "ORDER BY date_trunc('month', \"source\".\"ts\") ASC"))
                .containsExactly("2023-12-01 00:00:00.000 | 1", "2024-03-01 00:00:00.000 | 1", "null | 1");
    }

    /**
     * Pagination. Metabase writes OFFSET before LIMIT, as Trino's grammar requires; jOOQ and Hibernate write the
     * standard OFFSET … ROWS FETCH NEXT … ROWS ONLY; LIMIT before OFFSET is a syntax error in Trino.
     */
    @Test
    void pagination() {
        String base = "SELECT id FROM sales ORDER BY id ";
        assertThat(rows(base + "OFFSET 1 LIMIT 1")).containsExactly("2");
        assertThat(rows(base + "OFFSET 1 ROWS FETCH NEXT 5 ROWS ONLY")).containsExactly("2", "3");
        assertThat(rows(base + "FETCH FIRST 2 ROWS ONLY")).containsExactly("1", "2");
        assertThat(rows(base + "FETCH FIRST ROW ONLY")).containsExactly("1");
        assertThat(rows(base + "OFFSET 2")).containsExactly("3");
        assertThat(rows(base + "LIMIT ALL")).containsExactly("1", "2", "3");
        assertThatThrownBy(() -> run(base + "LIMIT 1 OFFSET 1")).isInstanceOf(RuntimeException.class)
                .hasMessageContaining("mismatched input 'OFFSET'");
    }

    /** dbt-athena's macros and dbt-core's defaults. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", nullValues = "<null>", value = {
        // dateadd
        "date_add('day', 3, d) => 1 => 2024-03-20",
        // a literal without fraction digits is a timestamp(0), and date_add keeps its precision
        "date_add('month', 1, TIMESTAMP '2024-01-31 00:00:00') => 1 => 2024-02-29 00:00:00",
        // datediff, year/quarter/month: calendar parts of the two values
        "(year(CAST(ts AS TIMESTAMP)) - year(CAST(TIMESTAMP '2022-11-30 00:00:00' AS TIMESTAMP))) => 1 => 2",
        "((year(CAST(ts AS TIMESTAMP)) - year(CAST(TIMESTAMP '2022-11-30 00:00:00' AS TIMESTAMP))) * 12) "
                + "+ month(CAST(ts AS TIMESTAMP)) - month(CAST(TIMESTAMP '2022-11-30 00:00:00' AS TIMESTAMP)) => 1 => 16",
        // datediff, day: a date minus a date is an interval day to second; to_milliseconds of it, over a day
        "((to_milliseconds((CAST(CAST(d AS TIMESTAMP) AS DATE) - CAST(CAST(DATE '2024-03-01' AS TIMESTAMP) AS DATE))))"
                + " / 86400000) => 1 => 16",
        "((to_milliseconds((CAST(CAST(d AS TIMESTAMP) AS DATE) - CAST(CAST(ts AS TIMESTAMP) AS DATE)))) / 86400000) => 1 => 2",
        // datediff, millisecond: a timestamp minus a timestamp
        "(to_milliseconds((CAST(ts AS TIMESTAMP) - CAST(TIMESTAMP '2024-03-15 10:00:00' AS TIMESTAMP)))) => 1 => 1230123",
        // datediff, hour: days times 24 plus the hours' difference
        "(((to_milliseconds((CAST(CAST(ts AS TIMESTAMP) AS DATE) - CAST(CAST(TIMESTAMP '2024-03-14 23:00:00' AS TIMESTAMP) AS DATE)))) / 86400000) * 24 "
                + "+ hour(CAST(ts AS TIMESTAMP)) - hour(CAST(TIMESTAMP '2024-03-14 23:00:00' AS TIMESTAMP))) => 1 => 11",
        // datediff, week: dow is day_of_week; 16 days from Friday 2024-03-01 to Sunday 2024-03-17 are 2 weeks
        "dow(CAST(ts AS TIMESTAMP)) => 1 => 5",
        "(((to_milliseconds((CAST(CAST(d AS TIMESTAMP) AS DATE) - CAST(CAST(DATE '2024-03-01' AS TIMESTAMP) AS DATE))))"
                + " / 86400000) / 7 + case when dow(CAST(DATE '2024-03-01' AS TIMESTAMP)) <= dow(CAST(d AS TIMESTAMP)) then "
                + "case when DATE '2024-03-01' <= d then 0 else -1 end else case when DATE '2024-03-01' <= d then 1 "
                + "else 0 end end) => 1 => 2",
        // a date minus a date is an interval day to second in Trino
        "d - DATE '2024-03-01' => 1 => 16 00:00:00.000",
        "DATE '2024-03-01' - d => 1 => -16 00:00:00.000",
        "typeof(d - CAST(ts AS DATE)) => 1 => interval day to second",
        "CAST(d AS TIMESTAMP) - ts => 1 => 1 13:39:29.877",
        // hash: md5 of the text as hex, lower case
        "lower(to_hex(md5(to_utf8(cast(name as varchar))))) => 1 => 40c9cb1ce5fb3680aa43485eb25d3b80",
        "lower(to_hex(md5(to_utf8(cast(qty as varchar))))) => 1 => 8f14e45fceea167a5a36dedd4bea2543",
        // right
        "case when 3 = 0 then '' else substr(name, -1 * (3)) end => 1 => Pro",
        "case when 0 = 0 then '' else substr(name, -1 * (0)) end => 1 => ''",
        // safe_cast
        "try_cast(name as integer) => 1 => <null>",
        "try_cast('42' as integer) => 1 => 42",
        "try_cast('2024-02-30' as date) => 1 => <null>",
        // current_timestamp and end_of_time
        "typeof(cast(now() as timestamp)) => 1 => timestamp(3)",
        "cast('9999-12-31' as timestamp) => 1 => 9999-12-31 00:00:00.000",
        // datatypes: numeric is DECIMAL(38,6), float DOUBLE, string VARCHAR
        "CAST(amount AS DECIMAL(38,6)) => 1 => 1234.560000",
        "CAST(qty AS DOUBLE) => 1 => 7.0",
        "CAST(amount AS VARCHAR) => 2 => -0.50",
        // array_concat, array_construct
        "ARRAY[1, 2] || ARRAY[qty] => 1 => [1, 2, 7]",
        // split_part (dbt-core's default): 1-based, NULL past the last part
        "split_part(name, '-', 1) => 1 => Widget",
        "split_part(name, '-', 2) => 1 => Pro",
        "split_part(name, '-', 3) => 1 => <null>",
        // cast_bool_to_text
        "cast(flag as varchar) => 1 => true",
        "cast(flag as varchar) => 2 => false",
        // position (dbt-core's default)
        "position('-' IN name) => 1 => 7",
        "strpos(name, 'x') => 1 => 0",
        // dbt_utils.generate_surrogate_key-style concatenation with a NULL marker
        "lower(to_hex(md5(to_utf8(coalesce(cast(name as varchar), '_null_') || '-' || coalesce(cast(qty as varchar), '_null_'))))) => 3 => "
                + "103ca52e7aeba581cd398fd0136e22ab",
    })
    void dbtMacros(String expression, int id, String expected) {
        assertThat(value("SELECT " + expression + " FROM sales WHERE id = " + id)).isEqualTo(expected);
    }

    /** More of dbt-core's defaults over Athena: last_day, a date spine's row_number steps, snapshot columns. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", nullValues = "<null>", value = {
        // default__last_day: the month's first day, a month on, a day back
        "cast(date_add('day', -1, date_add('month', 1, date_trunc('month', d))) as date) => 1 => 2024-03-31",
        "cast(date_add('day', -1, date_add('month', 1, date_trunc('month', CAST('2024-02-10' AS date)))) as date) => 1 => 2024-02-29",
        // snapshots: cast(null as timestamp) and the hash of the row's columns
        "cast(null as timestamp) => 1 => <null>",
        "to_hex(md5(to_utf8(coalesce(cast(id as varchar), '') || '|' || coalesce(cast(ts as varchar), '')))) => 1 => "
                + "84457570BF92BC0E1C5E51F06F952246",
        "cast(ts as timestamp(6)) => 1 => 2024-03-15 10:20:30.123000",
    })
    void dbtCoreDefaults(String expression, int id, String expected) {
        assertThat(value("SELECT " + expression + " FROM sales WHERE id = " + id)).isEqualTo(expected);
    }

    /** dbt's date spine: date_add by a row_number, a bigint. */
    @Test
    void dbtDateSpine() {
        assertThat(rows("SELECT date_add('day', row_number() over (order by 1) - 1, cast('2024-02-28' as date)) AS date_day "
                + "FROM sales ORDER BY 1")).containsExactly("2024-02-28", "2024-02-29", "2024-03-01");
    }

    /** Relative filters and measures as BI tools write them. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", nullValues = "<null>", value = {
        // Tableau's relative date filters: a timestamp compared with the current time or date
        "SELECT count(*) FROM sales WHERE ts < DATE_TRUNC('YEAR', CURRENT_TIMESTAMP) => 2",
        "SELECT count(*) FROM sales WHERE ts >= CURRENT_DATE - INTERVAL '7' DAY => 0",
        "SELECT count(*) FROM sales WHERE CAST(ts AS DATE) BETWEEN DATE '2024-01-01' AND DATE '2024-12-31' => 1",
        "SELECT count(*) FROM sales WHERE date_diff('day', ts, current_timestamp) > 30 => 2",
        "SELECT count(*) FROM sales WHERE d > ts => 2",
        // measures: the average of integers is a double, a sum of decimals a decimal
        "SELECT round(avg(qty), 2) FROM sales => 2.0",
        "SELECT sum(amount) FROM sales => 1234.06",
        "SELECT CAST(avg(amount) AS DECIMAL(10,2)) FROM sales => 617.03",
        "SELECT sum(amount) * 1.0 / count(*) FROM sales => 411.3533333333333",
        "SELECT CAST(sum(qty) AS DOUBLE) / NULLIF(count(qty), 0) FROM sales => 2.0",
        "SELECT approx_distinct(name) FROM sales => 2",
        "SELECT count(DISTINCT name) FROM sales => 2",
        // labels
        "SELECT 'Q' || CAST(quarter(ts) AS VARCHAR) FROM sales WHERE id = 1 => Q1",
        "SELECT CONCAT(CAST(year(ts) AS VARCHAR), '-', LPAD(CAST(month(ts) AS VARCHAR), 2, '0')) FROM sales WHERE id = 1 => 2024-03",
        "SELECT format('%.2f', ratio) FROM sales WHERE id = 1 => 0.13",
        "SELECT regexp_like(name, '^W') FROM sales WHERE id = 1 => true",
        "SELECT count(*) FROM sales WHERE lower(name) LIKE '%pro%' => 1",
        // Tableau's epoch conversion: seconds added to the epoch
        "SELECT DATE_ADD('SECOND', epoch, TIMESTAMP '1970-01-01 00:00:00.000') FROM sales WHERE id = 1 => 2023-11-14 22:13:20.000",
        // casts of fractions to integers round half away from zero
        "SELECT CAST(ratio AS INTEGER) FROM sales WHERE id = 2 => 3",
        "SELECT CAST(-ratio AS BIGINT) FROM sales WHERE id = 2 => -3",
        "SELECT CAST(ratio AS INTEGER) FROM sales WHERE id = 1 => 0",
        "SELECT CAST(amount AS INTEGER) FROM sales WHERE id = 2 => -1",
        "SELECT qty / 2 FROM sales WHERE id = 2 => -1",
        "SELECT qty % 2 FROM sales WHERE id = 2 => -1",
        // Superset's filters: IN, LIKE with and without ESCAPE
        "SELECT count(*) FROM sales WHERE name IN ('gadget', 'other') => 1",
        "SELECT count(*) FROM sales WHERE name NOT IN ('gadget') => 1",
        "SELECT count(*) FROM sales WHERE name LIKE 'Widget_Pro' => 1",
        "SELECT count(*) FROM sales WHERE name LIKE 'Widget\\_Pro' ESCAPE '\\' => 0",
        // jOOQ: an interval times a number
        "SELECT ts + INTERVAL '1' DAY * 3 FROM sales WHERE id = 1 => 2024-03-18 10:20:30.123",
        "SELECT DATE_FORMAT(ts, '%Y-%m-%dT%H:%i:%s.%fZ') FROM sales WHERE id = 1 => 2024-03-15T10:20:30.123000Z",
    })
    void filtersAndMeasures(String sql, String expected) {
        assertThat(value(sql)).isEqualTo(expected);
    }

    /** dbt's listagg (array_join over array_agg, with an ORDER BY and a limit through slice), any_value, bool_or. */
    @Test
    void dbtAggregates() {
        assertThat(value("SELECT array_join(array_agg(name ORDER BY name DESC), ', ') FROM sales"))
                .isEqualTo("gadget, Widget-Pro");
        assertThat(value("SELECT array_join(slice(array_agg(name ORDER BY id), 1, 1), ',') FROM sales"))
                .isEqualTo("Widget-Pro");
        assertThat(value("SELECT arbitrary(name) FROM sales WHERE id = 2")).isEqualTo("gadget");
        assertThat(value("SELECT bool_or(flag) FROM sales")).isEqualTo("true");
        assertThat(value("SELECT bool_and(flag) FROM sales")).isEqualTo("false");
    }

    /** Tableau's and Looker's Athena SQL. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", nullValues = "<null>", value = {
        // units in upper case: Trino reads them case-insensitively
        "DATE_TRUNC('MONTH', ts) => 1 => 2024-03-01 00:00:00.000",
        "CAST(DATE_TRUNC('WEEK', ts) AS DATE) => 1 => 2024-03-11",
        "DATE_ADD('DAY', -1, d) => 1 => 2024-03-16",
        "DATE_DIFF('DAY', d, CAST(ts AS DATE)) => 1 => -2",
        "DATE_DIFF('MONTH', DATE '2023-12-31', d) => 1 => 2",
        // Tableau's weekday (Sunday = 1)
        "(DAY_OF_WEEK(ts) % 7) + 1 => 1 => 6",
        "(DAY_OF_WEEK(d) % 7) + 1 => 1 => 1",
        // ISO week numbers and their year
        "WEEK(ts) => 1 => 11",
        "WEEK_OF_YEAR(ts) => 2 => 52",
        "YEAR_OF_WEEK(d) => 2 => 2024",
        "WEEK(d) => 2 => 1",
        // names through date_format (MySQL specifiers)
        "DATE_FORMAT(ts, '%W') => 1 => Friday",
        "DATE_FORMAT(ts, '%M') => 1 => March",
        "DATE_FORMAT(ts, '%a %b %e') => 1 => Fri Mar 15",
        "DATE_FORMAT(ts, '%Y-%m') => 1 => 2024-03",
        "DATE_FORMAT(ts, '%Y-%m-%d %H:%i:%s') => 1 => 2024-03-15 10:20:30",
        "DATE_FORMAT(ts, '%Y-%m-%d %H:%i:%s.%f') => 1 => 2024-03-15 10:20:30.123000",
        "DATE_FORMAT(ts, '%h:%i %p') => 1 => 10:20 AM",
        "DATE_FORMAT(d, '%Y-%m-%d') => 1 => 2024-03-17",
        // Joda patterns through format_datetime
        "FORMAT_DATETIME(ts, 'yyyy-MM-dd HH:mm:ss.SSS') => 1 => 2024-03-15 10:20:30.123",
        "FORMAT_DATETIME(ts, 'EEEE, MMMM d, yyyy') => 1 => Friday, March 15, 2024",
        "FORMAT_DATETIME(ts, 'EEE') => 2 => Sun",
        "FORMAT_DATETIME(ts, 'xxxx-''W''ww') => 2 => 2023-W52",
        // casts to varchar: timestamps with milliseconds, decimals with their scale, doubles in Trino's scientific
        // form (DoubleOperators.castToVarchar formats with 0.0###…E0: 0.125 is 1.25E-1)
        "CAST(ts AS VARCHAR) => 1 => 2024-03-15 10:20:30.123",
        "CAST(d AS VARCHAR) => 1 => 2024-03-17",
        // a timestamp(3) keeps its three digits (Tableau's STR of a truncated date, dbt's surrogate keys)
        "CAST(DATE_TRUNC('day', ts) AS VARCHAR) => 1 => 2024-03-15 00:00:00.000",
        "CAST(CAST(d AS TIMESTAMP) AS VARCHAR) => 1 => 2024-03-17 00:00:00.000",
        "CAST(ts AS VARCHAR) || '|' || name => 1 => 2024-03-15 10:20:30.123|Widget-Pro",
        "CAST(DATE_ADD('millisecond', 877, ts) AS VARCHAR) => 1 => 2024-03-15 10:20:31.000",
        // a literal has the precision of its digits
        "CAST(TIMESTAMP '2024-03-15 10:20:30' AS VARCHAR) => 1 => 2024-03-15 10:20:30",
        "CAST(TIMESTAMP '2024-03-15 10:20:30.10' AS VARCHAR) => 1 => 2024-03-15 10:20:30.10",
        "CAST(TIMESTAMP '2024-03-15 10:20:30.100000' AS VARCHAR) => 1 => 2024-03-15 10:20:30.100000",
        // a timestamp with time zone names its zone; from_unixtime's is UTC
        "CAST(FROM_UNIXTIME(epoch) AS VARCHAR) => 2 => 1970-01-01 00:00:00.000 UTC",
        "CAST(ts AT TIME ZONE 'Asia/Tokyo' AS VARCHAR) => 1 => 2024-03-15 19:20:30.123 Asia/Tokyo",
        "CAST(ratio AS VARCHAR) => 1 => 1.25E-1",
        "CAST(ratio AS VARCHAR) => 2 => 2.5E0",
        "CAST(big AS DOUBLE) => 1 => 1.0E10",
        "CAST(CAST(big AS DOUBLE) AS VARCHAR) => 1 => 1.0E10",
        "CAST(amount AS VARCHAR) => 1 => 1234.56",
        "CAST(qty AS VARCHAR) || ' units' => 1 => 7 units",
        // to_unixtime is a double of seconds
        "TO_UNIXTIME(ts) => 1 => 1.710498030123E9",
        "TO_UNIXTIME(CAST(d AS TIMESTAMP)) => 2 => 1.7040672E9",
        "CAST(TO_UNIXTIME(ts) AS BIGINT) => 1 => 1710498030",
        "FLOOR(TO_UNIXTIME(ts) * 1000) => 1 => 1.710498030123E12",
        // rounding: half away from zero; a decimal keeps its scale, a double stays a double
        "ROUND(amount, 1) => 1 => 1234.60",
        "ROUND(amount) => 2 => -1",
        "ROUND(ratio) => 2 => 3.0",
        "ROUND(-ratio) => 2 => -3.0",
        "ROUND(ratio, 2) => 1 => 0.13",
        "CAST(FLOOR(ratio) AS BIGINT) => 2 => 2",
        "TRUNCATE(ratio) => 2 => 2.0",
        "CEILING(amount) => 1 => 1235",
        // Tableau's string functions
        "SUBSTR(name, 1, 3) => 1 => Wid",
        "STRPOS(name, 'P') => 1 => 8",
        "LENGTH(name) => 1 => 10",
        "UPPER(name) => 2 => GADGET",
        "REPLACE(name, '-', ' ') => 1 => Widget Pro",
        "LPAD(CAST(qty AS VARCHAR), 3, '0') => 1 => 007",
        "REVERSE(name) => 2 => tegdag",
        // Tableau's ISNULL/IFNULL
        "COALESCE(name, 'n/a') => 3 => n/a",
        "(name IS NULL) => 3 => true",
        "IF(flag, 'yes', 'no') => 2 => no",
        // Tableau's DATEPARSE and ISO 8601 text
        "DATE_PARSE('15/03/2024', '%d/%m/%Y') => 1 => 2024-03-15 00:00:00.000",
        "CAST(DATE_PARSE('2024-03-15 10:20:30', '%Y-%m-%d %H:%i:%s') AS DATE) => 1 => 2024-03-15",
        "FROM_ISO8601_TIMESTAMP('2024-03-15T10:20:30Z') => 1 => 2024-03-15 10:20:30.000 UTC",
        "CAST(FROM_UNIXTIME(epoch) AS VARCHAR) => 1 => 2023-11-14 22:13:20.000 UTC",
        "TO_UNIXTIME(FROM_UNIXTIME(epoch)) => 1 => 1.7E9",
        // Looker's zone conversion: the wall time in the zone, as a timestamp
        "CAST(ts AT TIME ZONE 'America/New_York' AS TIMESTAMP) => 1 => 2024-03-15 06:20:30.123",
        "CAST(AT_TIMEZONE(WITH_TIMEZONE(ts, 'UTC'), 'America/Los_Angeles') AS TIMESTAMP) => 2 => 2023-12-31 15:59:59.999",
        "DATE_FORMAT(ts AT TIME ZONE 'Asia/Kolkata', '%Y-%m-%d %H:%i') => 1 => 2024-03-15 15:50",
        // Looker's day-of-week index (0 = Monday) and Monday-based week through date_add
        "MOD(DAY_OF_WEEK(ts) - 1, 7) => 1 => 4",
        "DATE_ADD('day', -MOD(DAY_OF_WEEK(ts) - 1, 7), CAST(ts AS DATE)) => 1 => 2024-03-11",
    })
    void tableauAndLookerExpressions(String expression, int id, String expected) {
        assertThat(value("SELECT " + expression + " FROM sales WHERE id = " + id)).isEqualTo(expected);
    }

    /** Tableau's metadata probe and aggregate shapes; Power BI's folded query with its "_" alias. */
    @Test
    void tableauAndPowerBiQueries() {
        TranslatedRows probe = run("SELECT * FROM \"sales\" LIMIT 0");
        assertThat(probe.rows).isEmpty();
        assertThat(probe.names()).containsExactly("id", "ts", "d", "amount", "name", "qty", "big", "ratio", "flag",
                "epoch", "epoch_ms");
        assertThat(run("SELECT 1 AS \"x\" FROM sales WHERE 1 = 0").rows).isEmpty();
        assertThat(rows("SELECT \"sales\".\"name\" AS \"name\", SUM(CAST(1 AS BIGINT)) AS \"sum_Number_of_Records_ok\", "
                + "SUM(\"sales\".\"qty\") AS \"sum_qty_ok\", COUNT(DISTINCT \"sales\".\"id\") AS \"ctd_id_ok\" "
                + "FROM \"sales\" GROUP BY 1 ORDER BY 1 NULLS FIRST"))
                .containsExactly("null | 1 | null | 1", "Widget-Pro | 1 | 7 | 1", "gadget | 1 | -3 | 1");
        assertThat(rows("select \"_\".\"name\", \"_\".\"amount\" from (select \"name\", \"amount\" from \"main\".\"sales\" "
                + "where \"id\" = 1) \"_\" limit 1000")).containsExactly("Widget-Pro | 1234.56");
        assertThat(rows("select \"rows\".\"id\" as \"id\" from \"sales\" as \"rows\" where \"rows\".\"flag\" = true "
                + "and \"rows\".\"amount\" > 0 order by \"rows\".\"id\"")).containsExactly("1");
    }

    /** NULLs sort last in both directions in Trino, also under DESC. */
    @Test
    void nullOrdering() {
        assertThat(rows("SELECT name FROM sales ORDER BY name DESC")).containsExactly("gadget", "Widget-Pro", "null");
        assertThat(rows("SELECT name FROM sales ORDER BY name")).containsExactly("Widget-Pro", "gadget", "null");
    }

    /**
     * Trino resolves GROUP BY names against the FROM clause only, never against SELECT aliases (Superset repeats the
     * grain expression in GROUP BY for that reason): {@code GROUP BY __timestamp} fails with Trino's
     * {@code Column '__timestamp' cannot be resolved}, where DuckDB would group by the alias.
     */
    @Test
    void groupByAnAliasFailsAsInAthena() {
        assertThatThrownBy(() -> rows("SELECT date_trunc('day', ts) AS __timestamp, count(*) FROM sales "
                + "GROUP BY __timestamp ORDER BY 1"))
                .hasMessage("COLUMN_NOT_FOUND: line 1:75: Column '__timestamp' cannot be resolved");
        assertThat(rows("SELECT name AS n, count(*) FROM sales GROUP BY name ORDER BY 1")).hasSize(3);
        assertThat(rows("SELECT qty AS q, count(*) FROM sales GROUP BY 1 ORDER BY 1")).hasSize(3);
    }

    /**
     * presto.py's convert_dttm writes microseconds: a timestamp(6) literal, which Trino prints with its six digits at
     * the top of the SELECT list.
     */
    @Test
    void supersetMicrosecondLiteralKeepsItsDigits() {
        assertThat(value("SELECT TIMESTAMP '2024-03-15 10:20:30.123000'")).isEqualTo("2024-03-15 10:20:30.123000");
    }

    /** Redash's Athena query runner: its connection test and its schema query. */
    @Test
    void redashQueries() {
        assertThat(value("SELECT 1")).isEqualTo("1");
        assertThat(value("/* Username: someone, Query ID: adhoc */ SELECT count(*) FROM sales")).isEqualTo("3");
        // DBeaver's and SQL clients' row count of a query
        assertThat(value("SELECT COUNT(*) FROM (SELECT * FROM sales WHERE qty > 0) dbvrcnt")).isEqualTo("1");
    }

    /** jOOQ's and Hibernate's Trino SQL: boolean literals, casts of bound-looking values. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", nullValues = "<null>", value = {
        "SELECT count(*) FROM sales WHERE flag = true => 1",
        "SELECT count(*) FROM sales WHERE flag = false => 1",
        "SELECT count(*) FROM sales WHERE flag IS NULL => 1",
        "SELECT cast('x' as varchar) => x",
        "SELECT cast(1 as double) => 1.0",
        "SELECT cast(NULL as integer) => <null>",
        "SELECT extract(day_of_week from TIMESTAMP '2024-03-17 00:00:00') => 7",
        "SELECT extract(year from DATE '2024-03-17') => 2024",
        "SELECT (1 = 1) => true",
    })
    void ormShapes(String sql, String expected) {
        assertThat(value(sql)).isEqualTo(expected);
    }
}
