package ai.connecty.athena.local.engine;

import static ai.connecty.athena.local.athena.AthenaQueries.rows;
import static ai.connecty.athena.local.athena.AthenaQueries.run;
import static ai.connecty.athena.local.athena.AthenaQueries.succeed;
import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.http.OwnLocalAthena;
import ai.connecty.athena.local.http.SdkClientsExtension;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;

/**
 * Uploaded OpenCSVSerde files read as Hive's OpenCSVSerde (opencsv 2.3's CSVParser, Trino's CsvDeserializer) reads
 * them, line by line: {@code \"} and {@code ""} are quotes, {@code \\} a backslash, a backslash before anything else
 * is dropped, a newline inside quotes ends the row, extra fields are dropped and missing ones NULL. And INSERT then
 * SELECT gives back what was written, with and without an escapeChar of the table's.
 */
class OpenCsvReadsWireTest {

    @RegisterExtension
    static final OwnLocalAthena athena = new OwnLocalAthena();
    private static final SdkClientsExtension clients = athena.clients();

    private static final String OPEN_CSV = "ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.OpenCSVSerde' ";

    @BeforeAll
    static void start() {
        succeed(clients.athena(), "CREATE DATABASE IF NOT EXISTS ocsv", null);
    }

    private static void put(String key, String text) {
        clients.s3().putObject(r -> r.bucket("demo-data").key(key), RequestBody.fromString(text));
    }

    private static List<List<String>> query(String sql) {
        QueryExecution q = succeed(clients.athena(), sql, "ocsv");
        List<List<String>> rows = rows(clients.athena(), q.queryExecutionId());
        return new ArrayList<>(rows.subList(1, rows.size()));
    }

    @Test
    void backslashAndDoubledQuotesAreBothQuotesInsideAQuotedField() {
        put("ocsv/escapes/f.csv", "1,\"a \\\"b\\\" c\"\n"     // \" inside quotes
                + "2,\"a \"\"b\"\" c\"\n"                     // ""
                + "3,\"back\\\\slash\"\n"                      // \\ is one backslash
                + "4,\"drop\\ped\"\n");                        // \ before any other character is dropped
        succeed(clients.athena(), "CREATE EXTERNAL TABLE escapes (id int, s string) " + OPEN_CSV
                + "LOCATION 's3://demo-data/ocsv/escapes/'", "ocsv");
        assertThat(query("SELECT id, s FROM escapes ORDER BY id")).containsExactly(
                List.of("1", "a \"b\" c"), List.of("2", "a \"b\" c"), List.of("3", "back\\slash"),
                List.of("4", "dropped"));
    }

    @Test
    void aNewlineInsideQuotesEndsTheRowAndLeavesTheUnclosedFieldNull() {
        put("ocsv/broken/f.csv", "1,\"two\nlines\",x\n2,\"whole\",y\n");
        succeed(clients.athena(), "CREATE EXTERNAL TABLE broken (id int, s string, t string) " + OPEN_CSV
                + "LOCATION 's3://demo-data/ocsv/broken/'", "ocsv");
        // `1,"two` keeps its first field only; `lines",x` opens a quote it never closes: no field at all.
        assertThat(query("SELECT id, s, t FROM broken ORDER BY id")).containsExactly(
                Arrays.asList("1", null, null), List.of("2", "whole", "y"), Arrays.asList(null, null, null));
    }

    @Test
    void extraFieldsAreDroppedMissingOnesAreNullAndEmptyOnesEmptyStrings() {
        put("ocsv/ragged/f.csv", "\"1\",\"a\",\"b\",\"extra\",\"more\"\n\"2\",\"only\"\n3,,\n,\"\",\"\"\r\n");
        // the empty id of the last line is invalid data, which Athena fails unless the table reads it as NULL
        succeed(clients.athena(), "CREATE EXTERNAL TABLE ragged (id int, s string, t string) " + OPEN_CSV
                + "LOCATION 's3://demo-data/ocsv/ragged/' TBLPROPERTIES ('use.null.for.invalid.data'='true')",
                "ocsv");
        assertThat(query("SELECT id, s, t, t IS NULL FROM ragged ORDER BY id")).containsExactly(
                List.of("1", "a", "b", "false"), Arrays.asList("2", "only", null, "true"),
                List.of("3", "", "", "false"), Arrays.asList(null, "", "", "false"));
    }

    @Test
    void aTableOfPlainAndEscapedFilesReadsBothAsOpenCsvDoes() {
        // plain.csv takes read_csv (PlainCsvFiles), escaped.csv the line-by-line reader: one table, both kinds.
        put("ocsv/mixed/plain.csv", "id,s,t\n\"1\",\"say \"\"hi\"\"\",\"\"\n2,x,\n");
        put("ocsv/mixed/escaped.csv", "id,s,t\n3,\"b\\\"c\",z\n4,only\n");
        succeed(clients.athena(), "CREATE EXTERNAL TABLE mixed (id int, s string, t string) " + OPEN_CSV
                + "LOCATION 's3://demo-data/ocsv/mixed/' TBLPROPERTIES ('skip.header.line.count'='1')", "ocsv");
        assertThat(query("SELECT id, s, t, t IS NULL, regexp_extract(\"$path\", '[a-z]+\\.csv$') FROM mixed "
                + "ORDER BY id")).containsExactly(
                List.of("1", "say \"hi\"", "", "false", "plain.csv"), List.of("2", "x", "", "false", "plain.csv"),
                List.of("3", "b\"c", "z", "false", "escaped.csv"), Arrays.asList("4", "only", null, "true",
                        "escaped.csv"));
    }

    @Test
    void insertThenSelectGivesBackEveryValueWithoutAnEscapeChar() {
        roundTrip("plainrt", "");
    }

    @Test
    void insertThenSelectGivesBackEveryValueWithABackslashEscapeChar() {
        roundTrip("bsrt", "WITH SERDEPROPERTIES ('escapeChar'='\\\\') ");
    }

    @Test
    void insertThenSelectGivesBackEveryValueWithAnotherQuoteAndEscape() {
        roundTrip("otherrt", "WITH SERDEPROPERTIES ('quoteChar'='''', 'escapeChar'='~', 'separatorChar'=';') ");
    }

    private static void roundTrip(String table, String properties) {
        succeed(clients.athena(), "CREATE EXTERNAL TABLE " + table + " (id int, s string) " + OPEN_CSV + properties
                + "LOCATION 's3://demo-data/ocsv/" + table + "/'", "ocsv");
        succeed(clients.athena(), "INSERT INTO " + table + " VALUES (1, 'say \"hi\"'), (2, 'back\\slash'), "
                + "(3, 'a\\\"b'), (4, 'it''s; ~tilde~'), (5, '\"'), (6, '\\'), (7, ''), (8, 'a,b')", "ocsv");
        assertThat(query("SELECT id, s FROM " + table + " ORDER BY id")).containsExactly(
                List.of("1", "say \"hi\""), List.of("2", "back\\slash"), List.of("3", "a\\\"b"),
                List.of("4", "it's; ~tilde~"), List.of("5", "\""), List.of("6", "\\"), List.of("7", ""),
                List.of("8", "a,b"));
    }

    /** One file DuckDB's reader takes (PlainCsvFiles) and one the line-by-line reader takes (a backslash). */
    private static void putPlainAndEscaped(String table, String plainLines, String escapedLines) {
        if (!plainLines.isEmpty()) {
            put("ocsv/" + table + "/plain.csv", plainLines);
        }
        put("ocsv/" + table + "/escaped.csv", escapedLines);
    }

    /** A line of an (id int, s string) table that only the line-by-line reader reads: {@code \\} is a backslash. */
    private static final String ESCAPED_LINE = "\"9\",\"x\\\\y\"\n";

    @Test
    void anUnparseableOrEmptyValueOfANonStringColumnFailsWithHiveBadData() {
        putPlainAndEscaped("badplain", "\"1\",\"a\"\n\"abc\",\"b\"\n", ESCAPED_LINE);
        putPlainAndEscaped("badescaped", "\"1\",\"a\"\n", ESCAPED_LINE + "\"2\",\"b\\\\c\"\n\"\",\"d\"\n");
        for (String table : List.of("badplain", "badescaped")) {
            succeed(clients.athena(), "CREATE EXTERNAL TABLE " + table + " (id int, s string) " + OPEN_CSV
                    + "LOCATION 's3://demo-data/ocsv/" + table + "/'", "ocsv");
            QueryExecution q = run(clients.athena(), "SELECT id, s FROM " + table, "ocsv");
            assertThat(q.status().state()).as(table).isEqualTo(QueryExecutionState.FAILED);
            assertThat(q.status().stateChangeReason()).as(table).startsWith("HIVE_BAD_DATA: Error parsing field value '")
                    .contains("for field 0: Cannot parse", "as int for column 'id'");
        }
        assertThat(run(clients.athena(), "SELECT id FROM badplain", "ocsv").status().stateChangeReason())
                .isEqualTo("HIVE_BAD_DATA: Error parsing field value 'abc' for field 0: Cannot parse 'abc' as int "
                        + "for column 'id'");
        assertThat(run(clients.athena(), "SELECT id FROM badescaped", "ocsv").status().stateChangeReason())
                .isEqualTo("HIVE_BAD_DATA: Error parsing field value '' for field 0: Cannot parse '' as int "
                        + "for column 'id'");
        // string columns of the same rows read as ever
        assertThat(query("SELECT s FROM badplain ORDER BY s")).containsExactly(List.of("a"), List.of("b"),
                List.of("x\\y"));
    }

    @Test
    void useNullForInvalidDataReadsThemAsNullWithEitherReader() {
        putPlainAndEscaped("nullplain", "\"1\",\"a\"\n\"abc\",\"b\"\n\"\",\"c\"\n", ESCAPED_LINE);
        putPlainAndEscaped("nullescaped", "", ESCAPED_LINE + "\"abc\",\"b\\\\c\"\n\"\",\"d\"\n\"3\"\n");
        for (String table : List.of("nullplain", "nullescaped")) {
            succeed(clients.athena(), "CREATE EXTERNAL TABLE " + table + " (id int, s string) " + OPEN_CSV
                    + "LOCATION 's3://demo-data/ocsv/" + table + "/' "
                    + "TBLPROPERTIES ('use.null.for.invalid.data'='true')", "ocsv");
        }
        assertThat(query("SELECT id, s FROM nullplain ORDER BY s")).containsExactly(List.of("1", "a"),
                Arrays.asList(null, "b"), Arrays.asList(null, "c"), List.of("9", "x\\y"));
        assertThat(query("SELECT id, s FROM nullescaped ORDER BY id NULLS FIRST, s")).containsExactly(
                Arrays.asList(null, "b\\c"), Arrays.asList(null, "d"), Arrays.asList("3", null), List.of("9", "x\\y"));
    }

    @Test
    void numbersInDateAndTimestampColumnsAreDaysAndMillisecondsSinceTheEpoch() {
        // Athena's documented example: 18276 is 2020-01-15, 1579059880000 is 2020-01-15 03:44:40 UTC
        putPlainAndEscaped("epochs", "\"1\",\"18276\",\"1579059880000\"\n\"2\",\"2024-03-01\",\"2024-03-01 10:00:00\"\n",
                "\"3\",\"18\\277\",\"1579059880123\"\n");   // opencsv drops the escape before 2
        succeed(clients.athena(), "CREATE EXTERNAL TABLE epochs (id int, d date, ts timestamp) " + OPEN_CSV
                + "LOCATION 's3://demo-data/ocsv/epochs/'", "ocsv");
        assertThat(query("SELECT id, d, ts FROM epochs WHERE id < 9 ORDER BY id")).containsExactly(
                List.of("1", "2020-01-15", "2020-01-15 03:44:40.000"),
                List.of("2", "2024-03-01", "2024-03-01 10:00:00.000"),
                List.of("3", "2020-01-16", "2020-01-15 03:44:40.123"));
    }
}
