package ai.connecty.athena.local.athena;

import static ai.connecty.athena.local.athena.AthenaQueries.rows;
import static ai.connecty.athena.local.athena.AthenaQueries.run;
import static ai.connecty.athena.local.athena.AthenaQueries.succeed;
import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.http.SdkClientsExtension;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Athena SQL over the demo tables, end to end through StartQueryExecution / GetQueryResults and the result file:
 * the translation list of issue 3 on real columns (not only literals), and every type of {@code demo.all_types}
 * with the ColumnInfo and rendering of wire-protocol §3.
 */
@ExtendWith(LocalAthenaExtension.class)
class AthenaSqlWireTest {

    static LocalAthena local;

    @RegisterExtension
    static final SdkClientsExtension clients = new SdkClientsExtension(() -> local);

    @Test
    void everyTypeOfAllTypesHasAthenasColumnInfoAndRendering() {
        QueryExecution q = succeed(clients.athena(), "SELECT * FROM all_types ORDER BY c_int NULLS FIRST", "demo");
        List<ColumnInfo> info = clients.athena().getQueryResults(r -> r.queryExecutionId(q.queryExecutionId()))
                .resultSet().resultSetMetadata().columnInfo();
        assertThat(info).extracting(c -> c.name() + " " + c.type() + " " + c.precision() + " " + c.scale() + " "
                + c.caseSensitive()).containsExactly(
                "c_boolean boolean 0 0 false", "c_tinyint tinyint 3 0 false", "c_smallint smallint 5 0 false",
                "c_int integer 10 0 false", "c_bigint bigint 19 0 false", "c_float float 17 0 false",
                "c_double double 17 0 false", "c_decimal decimal 10 2 false", "c_decimal38 decimal 38 9 false",
                "c_string varchar 2147483647 0 true", "c_varchar varchar 20 0 true", "c_char char 5 0 true",
                "c_binary varbinary 1073741824 0 false", "c_date date 0 0 false", "c_timestamp timestamp 3 0 false",
                "c_array array 0 0 false", "c_map map 0 0 false", "c_struct row 0 0 false");
        assertThat(info).allSatisfy(c -> {
            assertThat(c.catalogName()).isEqualTo("hive");
            assertThat(c.schemaName()).isEmpty();
            assertThat(c.tableName()).isEmpty();
            assertThat(c.label()).isEqualTo(c.name());
            assertThat(c.nullableAsString()).isEqualTo("UNKNOWN");
        });
        assertThat(csv(q)).isEqualTo(String.join("\n",
                "\"c_boolean\",\"c_tinyint\",\"c_smallint\",\"c_int\",\"c_bigint\",\"c_float\",\"c_double\",\"c_decimal\","
                        + "\"c_decimal38\",\"c_string\",\"c_varchar\",\"c_char\",\"c_binary\",\"c_date\",\"c_timestamp\","
                        + "\"c_array\",\"c_map\",\"c_struct\"",
                ",,,,,,,,,\"\",\"\",,,,,\"[]\",\"{}\",",
                "\"false\",\"-1\",\"-2\",\"-3\",\"9223372036854775807\",\"NaN\",\"1.0E20\",\"-0.50\",\"0.000000000\","
                        + "\"a\"\"b,c\",,,\"\",\"1970-01-01\",\"1970-01-01 00:00:00.000\",\"[null, 4]\",\"{z=null}\","
                        + "\"{a=null, b=null}\"",
                "\"true\",\"1\",\"2\",\"3\",\"4\",\"1.5\",\"2.25\",\"12.34\",\"1.123456789\",\"hello\",\"short\",\"abc  \","
                        + "\"01 02\",\"2024-02-29\",\"2024-02-29 12:34:56.789\",\"[1, 2, 3]\",\"{k=v}\",\"{a=1, b=x}\"") + "\n");
        // NULL has no VarCharValue, an empty string is "" (measured §1.4).
        List<String> nullRow = rows(clients.athena(), q.queryExecutionId()).get(1);
        assertThat(nullRow.get(0)).isNull();
        assertThat(nullRow.get(9)).isEmpty();
    }

    @Test
    void charColumnsArePaddedToTheirLengthAndVarcharKeepsItsLength() {
        clients.s3()
                .putObject(r -> r.bucket("demo-data").key("r2/chars/data.csv"), RequestBody.fromString("ab,xyz\n,\n"));
        succeed(clients.athena(),
                "CREATE EXTERNAL TABLE IF NOT EXISTS chars_probe (c char(5), v varchar(3)) ROW FORMAT DELIMITED "
                + "FIELDS TERMINATED BY ',' STORED AS TEXTFILE LOCATION 's3://demo-data/r2/chars/'", "demo");
        QueryExecution q = succeed(clients.athena(),
                "SELECT t.c, v, upper(v) AS renamed FROM chars_probe t ORDER BY c DESC", "demo");
        List<ColumnInfo> info = clients.athena().getQueryResults(r -> r.queryExecutionId(q.queryExecutionId()))
                .resultSet().resultSetMetadata().columnInfo();
        assertThat(info).extracting(c -> c.name() + " " + c.type() + " " + c.precision())
                .containsExactly("c char 5", "v varchar 3", "renamed varchar 2147483647");
        // Hive text: an empty field of a string column is "" (not NULL), and a char is padded to its length. The
        // declared type is found by column name, so a renamed expression is an unbounded varchar (SQL-GAPS.md).
        assertThat(csv(q)).isEqualTo("\"c\",\"v\",\"renamed\"\n\"ab   \",\"xyz\",\"XYZ\"\n\"     \",\"\",\"\"\n");
    }

    @Test
    void unnestSequenceArrayMapAndRowWorkOnTableColumns() {
        assertThat(rows(clients.athena(),
                succeed(clients.athena(), "SELECT c_int, x, n FROM all_types CROSS JOIN UNNEST(c_array) "
                + "WITH ORDINALITY AS t(x, n) ORDER BY c_int, n", "demo").queryExecutionId())).containsExactly(
                List.of("c_int", "x", "n"), Arrays.asList("-3", null, "1"), List.of("-3", "4", "2"),
                List.of("3", "1", "1"), List.of("3", "2", "2"), List.of("3", "3", "3"));
        assertThat(rows(clients.athena(),
                succeed(clients.athena(), "SELECT event_id, tag FROM events CROSS JOIN UNNEST(tags) AS t(tag) "
                + "WHERE event_id = 2 ORDER BY tag", "demo").queryExecutionId()))
                .containsExactly(List.of("event_id", "tag"), List.of("2", "t2"), List.of("2", "x"));
        assertThat(values(succeed(clients.athena(), "SELECT sequence(1, quantity), ARRAY[product, 'x'], "
                + "MAP(ARRAY[product], ARRAY[quantity]), ROW(sale_id, product), cardinality(sequence(0, quantity)) "
                + "FROM sales WHERE sale_id = 2", "demo")))
                .containsExactly("[1, 2, 3]", "[doohickey, x]", "{doohickey=3}", "{2, doohickey}", "4");
    }

    /**
     * A timestamp(9) arrives with its nine digits in GetQueryResults and in the result file, a literal with its own
     * digits, the ColumnInfo being timestamp with Precision 3 whatever the precision (measured-behaviour §3.1).
     */
    @Test
    void timestampPrecisionReachesTheClient() {
        QueryExecution q = succeed(clients.athena(), "SELECT CAST('2024-01-01 10:00:00.123456789' AS timestamp(9)) AS ns, "
                + "TIMESTAMP '2024-01-01 10:00:00' AS s, typeof(TIMESTAMP '2024-01-01 10:00:00.123456') AS t", "demo");
        List<ColumnInfo> info = clients.athena().getQueryResults(r -> r.queryExecutionId(q.queryExecutionId()))
                .resultSet().resultSetMetadata().columnInfo();
        assertThat(info).extracting(c -> c.name() + " " + c.type() + " " + c.precision() + " " + c.scale())
                .containsExactly("ns timestamp 3 0", "s timestamp 3 0", "t varchar 2147483647 0");
        assertThat(values(q)).containsExactly("2024-01-01 10:00:00.123456789", "2024-01-01 10:00:00", "timestamp(6)");
        assertThat(csv(q)).isEqualTo("\"ns\",\"s\",\"t\"\n"
                + "\"2024-01-01 10:00:00.123456789\",\"2024-01-01 10:00:00\",\"timestamp(6)\"\n");
    }

    @Test
    void dateFunctionsKeepTheDateTypeOfADateColumn() {
        QueryExecution q = succeed(clients.athena(),
                "SELECT date_add('day', 1, signup_date), date_add('month', 1, signup_date), "
                + "date_trunc('month', signup_date), sequence(signup_date, date_add('day', 2, signup_date)), "
                + "date_add('hour', 3, CAST(signup_date AS timestamp)) FROM customers WHERE id = 1", "demo");
        assertThat(types(q)).containsExactly("date", "date", "date", "array", "timestamp");
        assertThat(values(q)).containsExactly("2020-01-03", "2020-02-02", "2020-01-01",
                "[2020-01-02, 2020-01-03, 2020-01-04]", "2020-01-02 03:00:00.000");
    }

    @Test
    void dateTextAndJsonFunctionsWorkOnTableColumns() {
        QueryExecution q = succeed(clients.athena(), "SELECT date_diff('day', DATE '2020-01-01', signup_date), "
                + "date_format(signup_date, '%Y/%m/%d'), date_parse(CAST(signup_date AS varchar), '%Y-%m-%d'), "
                + "from_iso8601_timestamp(CAST(signup_date AS varchar) || 'T01:02:03Z'), regexp_like(email, '^c5@'), "
                + "split(email, '@'), element_at(split(email, '@'), 2), try_cast(name AS integer), "
                + "json_extract_scalar(CAST(MAP(ARRAY['e'], ARRAY[email]) AS JSON), '$.e'), CAST(ARRAY[id] AS JSON) "
                + "FROM customers WHERE id = 5", "demo");
        assertThat(types(q)).containsExactly("bigint", "varchar", "timestamp", "timestamp with time zone", "boolean",
                "array", "varchar", "integer", "varchar", "json");
        assertThat(values(q)).containsExactly("5", "2020/01/06", "2020-01-06 00:00:00.000", "2020-01-06 01:02:03.000 UTC",
                "true", "[c5, example.com]", "example.com", null, "c5@example.com", "[5]");
        QueryExecution e = succeed(clients.athena(),
                "SELECT element_at(counters, 'a'), counters['b'], element_at(tags, -1), "
                + "CAST(context AS JSON), context.device FROM events WHERE event_id = 3", "demo");
        assertThat(values(e)).containsExactly("3", "1", "x", "{\"user_id\":3,\"device\":\"web\"}", "web");
    }

    @Test
    void approxDistinctCountsSmallSetsExactlyAsAthenaDoes() {
        // Trino's HyperLogLog is exact for small cardinalities; the demo has exactly 200 customers and 5 products.
        assertThat(values(succeed(clients.athena(),
                "SELECT approx_distinct(customer_id), approx_distinct(product, 0.01) FROM sales", "demo")))
                .containsExactly("200", "5");
    }

    /**
     * AT TIME ZONE on a table column: the timestamp is read in UTC (the session zone) and printed in the zone given,
     * in the rows and the result file, and its local day and hour are those of the zone; an unknown zone fails as
     * Athena fails.
     */
    @Test
    void atTimeZonePrintsAColumnInTheZoneGiven() {
        QueryExecution q = succeed(clients.athena(), "SELECT sold_at AT TIME ZONE 'UTC', "
                + "sold_at AT TIME ZONE 'America/Los_Angeles' AS la, at_timezone(sold_at, '+05:30') "
                + "FROM sales WHERE sale_id = 1", "demo");
        assertThat(types(q)).containsExactly("timestamp with time zone", "timestamp with time zone",
                "timestamp with time zone");
        assertThat(values(q)).containsExactly("2024-01-01 03:00:00.000 UTC",
                "2023-12-31 19:00:00.000 America/Los_Angeles", "2024-01-01 08:30:00.000 +05:30");
        assertThat(csv(q)).isEqualTo("\"_col0\",\"la\",\"_col2\"\n\"2024-01-01 03:00:00.000 UTC\","
                + "\"2023-12-31 19:00:00.000 America/Los_Angeles\",\"2024-01-01 08:30:00.000 +05:30\"\n");
        QueryExecution local = succeed(clients.athena(), "SELECT date_trunc('day', sold_at AT TIME ZONE "
                + "'America/Los_Angeles'), CAST(sold_at AT TIME ZONE 'America/Los_Angeles' AS date), "
                + "hour(sold_at AT TIME ZONE 'Asia/Kolkata') FROM sales WHERE sale_id = 1", "demo");
        assertThat(types(local)).containsExactly("timestamp with time zone", "date", "bigint");
        assertThat(values(local)).containsExactly("2023-12-31 00:00:00.000 America/Los_Angeles", "2023-12-31", "8");
        QueryExecution bound = parameterized("SELECT at_timezone(TIMESTAMP '2024-01-02 10:00:00', ?), "
                + "from_unixtime(0, ?, ?)", "'Europe/Berlin'", "-7", "0");
        assertThat(values(bound)).containsExactly("2024-01-02 11:00:00.000 Europe/Berlin", "1969-12-31 17:00:00.000 -07:00");
        QueryExecution unknown = run(clients.athena(), "SELECT sold_at AT TIME ZONE 'Mars/Olympus' FROM sales", "demo");
        assertThat(unknown.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(unknown.status().stateChangeReason())
                .isEqualTo("INVALID_FUNCTION_ARGUMENT: 'Mars/Olympus' is not a valid time zone");
        assertThat(unknown.status().athenaError().errorType()).isEqualTo(1106);
    }

    /** The JDBC driver binds OffsetDateTime / ZonedDateTime parameters as zoned TIMESTAMP literals. */
    @Test
    void zonedTimestampLiteralsKeepTheirZoneInResultsAndColumnInfo() {
        QueryExecution q = parameterized("SELECT ?, ?, ? AS berlin, TIMESTAMP '2024-01-02 10:00:00 UTC' = ?",
                "TIMESTAMP '2024-01-02 10:00:00.000 -07:00'", "TIMESTAMP '2024-01-02 10:00:00.250 +05:30'",
                "TIMESTAMP '2024-07-02 10:00:00.000 Europe/Berlin'", "TIMESTAMP '2024-01-02 03:00:00 -07:00'");
        assertThat(types(q)).containsExactly("timestamp with time zone", "timestamp with time zone",
                "timestamp with time zone", "boolean");
        assertThat(values(q)).containsExactly("2024-01-02 10:00:00.000 -07:00", "2024-01-02 10:00:00.250 +05:30",
                "2024-07-02 10:00:00.000 Europe/Berlin", "true");
        assertThat(csv(q)).isEqualTo("\"_col0\",\"_col1\",\"berlin\",\"_col3\"\n\"2024-01-02 10:00:00.000 -07:00\","
                + "\"2024-01-02 10:00:00.250 +05:30\",\"2024-07-02 10:00:00.000 Europe/Berlin\",\"true\"\n");
    }

    @Test
    void timeWithTimeZoneLiteralsKeepTheirOffset() {
        QueryExecution q = parameterized("SELECT TIME '10:00:00+05:00', ?, TIME '10:00:00.5'", "TIME '23:30:00.125-08:00'");
        List<ColumnInfo> info = clients.athena().getQueryResults(r -> r.queryExecutionId(q.queryExecutionId()))
                .resultSet().resultSetMetadata().columnInfo();
        assertThat(info).extracting(c -> c.type() + " " + c.precision() + " " + c.scale())
                .containsExactly("time with time zone 3 0", "time with time zone 3 0", "time 3 0");
        assertThat(values(q)).containsExactly("10:00:00.000+05:00", "23:30:00.125-08:00", "10:00:00.500");
    }

    @Test
    void intervalsAreReportedWithTheirOwnTypeAndText() {
        QueryExecution q = parameterized("SELECT INTERVAL '2' MONTH, ?, INTERVAL '2' DAY, INTERVAL '1-2' YEAR TO MONTH",
                "INTERVAL '0' YEAR");
        List<ColumnInfo> info = clients.athena().getQueryResults(r -> r.queryExecutionId(q.queryExecutionId()))
                .resultSet().resultSetMetadata().columnInfo();
        assertThat(info).extracting(c -> c.type() + " " + c.precision() + " " + c.scale()).containsExactly(
                "interval year to month 0 0", "interval year to month 0 0", "interval day to second 0 0",
                "interval year to month 0 0");
        assertThat(values(q)).containsExactly("0-2", "0-0", "2 00:00:00.000", "1-2");
    }

    /** IPADDRESS values, literal or cast, are reported as Trino's ipaddress and printed canonically. */
    @Test
    void ipAddressesAreReportedWithTheirOwnTypeAndText() {
        QueryExecution q = parameterized("SELECT IPADDRESS '2001:0DB8:0:0::1', CAST(? AS ipaddress), "
                + "contains('10.0.0.0/8', CAST(? AS IPADDRESS))", "'10.1.2.3'", "'10.1.2.3'");
        List<ColumnInfo> info = clients.athena().getQueryResults(r -> r.queryExecutionId(q.queryExecutionId()))
                .resultSet().resultSetMetadata().columnInfo();
        assertThat(info).extracting(c -> c.type() + " " + c.precision() + " " + c.scale() + " " + c.caseSensitive())
                .containsExactly("ipaddress 0 0 false", "ipaddress 0 0 false", "boolean 0 0 false");
        assertThat(values(q)).containsExactly("2001:db8::1", "10.1.2.3", "true");
        assertThat(csv(q)).isEqualTo("\"_col0\",\"_col1\",\"_col2\"\n\"2001:db8::1\",\"10.1.2.3\",\"true\"\n");
    }

    /** An untyped NULL, written or bound as an ExecutionParameter, is Trino's {@code unknown}. */
    @Test
    void anUntypedNullIsReportedAsUnknown() {
        QueryExecution q = parameterized("SELECT NULL, ?, CAST(? AS varchar)", "NULL", "NULL");
        List<ColumnInfo> info = clients.athena().getQueryResults(r -> r.queryExecutionId(q.queryExecutionId()))
                .resultSet().resultSetMetadata().columnInfo();
        assertThat(info).extracting(c -> c.type() + " " + c.precision() + " " + c.scale() + " " + c.caseSensitive())
                .containsExactly("unknown 0 0 false", "unknown 0 0 false", "varchar 2147483647 0 true");
        assertThat(values(q)).containsExactly(null, null, null);
        assertThat(csv(q)).isEqualTo("\"_col0\",\"_col1\",\"_col2\"\n,,\n");
    }

    /**
     * The query a BI tool wraps around the user's ({@code SELECT * FROM (...) LIMIT 200}) shows the user's unnamed
     * columns as {@code _colN}, in the result's metadata and in the file's header, as Athena does; so do an
     * UNNEST's columns without a column list, a map's (typed from Glue) among them.
     */
    @Test
    void unnamedColumnsBroughtUpByAStarArePositional() {
        QueryExecution wrapped = succeed(clients.athena(),
                "SELECT * FROM (SELECT product, count(*), sum(quantity) * 2 FROM sales GROUP BY product) LIMIT 200",
                "demo");
        List<ColumnInfo> info = clients.athena().getQueryResults(r -> r.queryExecutionId(wrapped.queryExecutionId()))
                .resultSet().resultSetMetadata().columnInfo();
        assertThat(info).extracting(c -> c.name() + " " + c.label() + " " + c.type())
                .containsExactly("product product varchar", "_col1 _col1 bigint", "_col2 _col2 bigint");
        assertThat(csv(wrapped)).startsWith("\"product\",\"_col1\",\"_col2\"\n");

        QueryExecution unnest = succeed(clients.athena(),
                "SELECT * FROM all_types CROSS JOIN UNNEST(c_map) WITH ORDINALITY WHERE c_int = 3", "demo");
        assertThat(types(unnest).subList(18, 21)).containsExactly("varchar", "varchar", "bigint");
        assertThat(clients.athena().getQueryResults(r -> r.queryExecutionId(unnest.queryExecutionId())).resultSet()
                .resultSetMetadata().columnInfo().subList(17, 21)).extracting(ColumnInfo::name)
                .containsExactly("c_struct", "_col18", "_col19", "_col20");
        assertThat(values(unnest).subList(18, 21)).containsExactly("k", "v", "1");
    }

    private static QueryExecution parameterized(String sql, String... parameters) {
        QueryExecution q = AthenaQueries.await(clients.athena(), clients.athena().startQueryExecution(
                AthenaQueries.request(sql, "demo").executionParameters(parameters).build()).queryExecutionId());
        assertThat(q.status().state()).as(q.status().stateChangeReason()).isEqualTo(QueryExecutionState.SUCCEEDED);
        return q;
    }

    @Test
    void matchRecognizeIsNotSupportedRatherThanASyntaxError() {
        assertNotSupported("SELECT m FROM customers MATCH_RECOGNIZE (ORDER BY id MEASURES A.id AS m ONE ROW PER MATCH "
                + "PATTERN (A) DEFINE A AS true)", "MATCH_RECOGNIZE");
    }

    private static void assertNotSupported(String sql, String construct) {
        QueryExecution q = run(clients.athena(), sql, "demo");
        assertThat(q.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(q.status().stateChangeReason()).startsWith("NOT_SUPPORTED: ").contains(construct)
                .contains("SQL-GAPS.md");
        assertThat(q.status().athenaError().errorType()).isEqualTo(1200);
    }

    private static List<String> types(QueryExecution q) {
        return clients.athena().getQueryResults(r -> r.queryExecutionId(q.queryExecutionId())).resultSet()
                .resultSetMetadata()
                .columnInfo().stream().map(ColumnInfo::type).toList();
    }

    /** The single data row. */
    private static List<String> values(QueryExecution q) {
        List<List<String>> rows = rows(clients.athena(), q.queryExecutionId());
        assertThat(rows).hasSize(2);
        return rows.get(1);
    }

    private static String csv(QueryExecution q) {
        String key = q.resultConfiguration().outputLocation().substring(AthenaQueries.OUTPUT.length());
        return clients.s3().getObjectAsBytes(r -> r.bucket("athena-results").key(key)).asString(StandardCharsets.UTF_8);
    }
}
