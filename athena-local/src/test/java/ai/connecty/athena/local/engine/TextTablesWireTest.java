package ai.connecty.athena.local.engine;

import static ai.connecty.athena.local.athena.AthenaQueries.rows;
import static ai.connecty.athena.local.athena.AthenaQueries.succeed;
import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.http.OwnLocalAthena;
import ai.connecty.athena.local.http.SdkClientsExtension;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * INSERT INTO text, JSON and Parquet tables writes files in the layout of the table's SerDe, and SELECT reads them
 * back as Athena would: LazySimpleSerDe (TEXTFILE) unquoted with NULL as {@code \N} and, with ESCAPED BY, the
 * delimiter, LF and the escape character escaped; OpenCSVSerde every value quoted with {@code \} escapes and NULL as
 * an empty field, which reads back as the empty string (OpenCSVSerde has no NULL string). The file layouts are Hive's
 * OpenCSVSerde.serialize / LazyUtils.writeEscaped and Trino's CsvSerializer, not measured on Athena.
 */
class TextTablesWireTest {

    @RegisterExtension
    static final OwnLocalAthena athena = new OwnLocalAthena();
    private static final SdkClientsExtension clients = athena.clients();

    /** Rows 1..8: NULL, '', the delimiter, a quote, a backslash, a newline, a non-ASCII letter, \N as text. */
    private static final String ROWS = "(1, NULL), (2, ''), (3, 'a,b' || chr(1) || 'c'), (4, 'say \"hi\"'), "
            + "(5, 'back\\slash'), (6, 'two' || chr(10) || 'lines'), (7, 'crème'), (8, '\\N')";
    private static final List<List<String>> EXACT = List.of(
            Arrays.asList("1", null), List.of("2", ""), List.of("3", "a,b\u0001c"), List.of("4", "say \"hi\""),
            List.of("5", "back\\slash"), List.of("6", "two\nlines"), List.of("7", "crème"), List.of("8", "\\N"));

    @BeforeAll
    static void start() {
        succeed(clients.athena(), "CREATE DATABASE IF NOT EXISTS txt", null);
        create("plain", "", "plain");
        create("escaped", "ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' ESCAPED BY '\\\\' ", "escaped");
        create("ocsv", "ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.OpenCSVSerde' ", "ocsv");
        create("js", "ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe' ", "js");
        create("pq", "STORED AS PARQUET ", "pq");
        for (String t : List.of("plain", "escaped", "ocsv", "js", "pq")) {
            succeed(clients.athena(), "INSERT INTO " + t + " VALUES " + ROWS, "txt");
        }
    }

    private static void create(String table, String format, String folder) {
        succeed(clients.athena(), "CREATE EXTERNAL TABLE " + table + " (id int, name string) " + format
                + "LOCATION 's3://demo-data/txt/" + folder + "/'", "txt");
    }

    private static List<List<String>> read(String table) {
        QueryExecution q = succeed(clients.athena(), "SELECT id, name FROM " + table + " ORDER BY id", "txt");
        List<List<String>> rows = rows(clients.athena(), q.queryExecutionId());
        return new ArrayList<>(rows.subList(1, rows.size()));
    }

    private static String fileOf(String folder) {
        List<S3Object> objects = clients.s3().listObjectsV2(r -> r.bucket("demo-data").prefix("txt/" + folder + "/"))
                .contents();
        assertThat(objects).hasSize(1);
        return clients.s3().getObjectAsBytes(r -> r.bucket("demo-data").key(objects.get(0).key()))
                .asString(StandardCharsets.UTF_8);
    }

    private static String linesOf(String file) {
        return Arrays.stream(file.split("\n", -1)).sorted().collect(Collectors.joining("\n"));
    }

    @Test
    void parquetAndJsonKeepEveryValue() {
        assertThat(read("pq")).isEqualTo(EXACT);
        assertThat(read("js")).isEqualTo(EXACT);
    }

    @Test
    void textfileWithAnEscapeCharacterKeepsEveryValue() {
        assertThat(read("escaped")).isEqualTo(EXACT);
        // LazyUtils.writeEscaped: the escape character, the delimiter, LF escaped; NULL is \N, a text \N is \\N.
        assertThat(linesOf(fileOf("escaped"))).isEqualTo(linesOf("1,\\N\n2,\n3,a\\,b\u0001c\n4,say \"hi\"\n"
                + "5,back\\\\slash\n6,two\\nlines\n7,crème\n8,\\\\N\n"));
    }

    @Test
    void textfileWritesNullAsBackslashNAndNeverQuotes() {
        String file = fileOf("plain");
        assertThat(linesOf(file)).isEqualTo(linesOf("1\u0001\\N\n2\u0001\n3\u0001a,b\u0001c\n4\u0001say \"hi\"\n"
                + "5\u0001back\\slash\n6\u0001two\nlines\n7\u0001crème\n8\u0001\\N\n"));
        // Read as Hive reads it: \N is NULL (so the text \N is lost without ESCAPED BY), a delimiter in a value
        // starts a field the table does not have, and a newline ends the row (its rest is a row of its own).
        assertThat(read("plain")).containsExactlyInAnyOrder(
                Arrays.asList("1", null), List.of("2", ""), List.of("3", "a,b"), List.of("4", "say \"hi\""),
                List.of("5", "back\\slash"), List.of("6", "two"), Arrays.asList(null, null), List.of("7", "crème"),
                Arrays.asList("8", null));
    }

    @Test
    void anUploadedRfc4180FileReadsThroughOpenCsv() {
        clients.s3().putObject(r -> r.bucket("demo-data").key("txt/uploaded/people.csv"),
                software.amazon.awssdk.core.sync.RequestBody.fromString(
                        "\"1\",\"say \"\"hi\"\"\"\n\"2\",\"a, b\"\n\"3\",\"\"\n"));
        create("uploaded", "ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.OpenCSVSerde' ", "uploaded");
        assertThat(read("uploaded")).isEqualTo(List.of(List.of("1", "say \"hi\""), List.of("2", "a, b"),
                List.of("3", "")));
    }

    @Test
    void anOpenCsvTableWithABackslashEscapeCharWritesAndReadsHivesEscapes() {
        create("ocsvbs", "ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.OpenCSVSerde' "
                + "WITH SERDEPROPERTIES ('escapeChar'='\\\\') ", "ocsvbs");
        succeed(clients.athena(), "INSERT INTO ocsvbs VALUES (4, 'say \"hi\"'), (5, 'back\\slash')", "txt");
        assertThat(linesOf(fileOf("ocsvbs"))).isEqualTo(linesOf("\"4\",\"say \\\"hi\\\"\"\n\"5\",\"back\\\\slash\"\n"));
        assertThat(read("ocsvbs")).isEqualTo(List.of(List.of("4", "say \"hi\""), List.of("5", "back\\slash")));
    }

    @Test
    void openCsvQuotesEveryValueAndReadsNullAsTheEmptyString() {
        // Without an escapeChar of the table's, a quote is doubled (Hive's writer's default escapeChar is '"') and a
        // backslash, the escape Hive's reader then honours, escaped so that it reads back.
        assertThat(linesOf(fileOf("ocsv"))).isEqualTo(linesOf("\"1\",\n\"2\",\"\"\n\"3\",\"a,b\u0001c\"\n"
                + "\"4\",\"say \"\"hi\"\"\"\n\"5\",\"back\\\\slash\"\n\"6\",\"two\nlines\"\n\"7\",\"crème\"\n"
                + "\"8\",\"\\\\N\"\n"));
        // A newline ends the row, as in Athena (OpenCSVSerDe has no embedded line breaks): `"6","two` loses its
        // unclosed field, and `lines""` is a row of its own whose id is no number.
        assertThat(read("ocsv")).isEqualTo(List.of(List.of("1", ""), List.of("2", ""), List.of("3", "a,b\u0001c"),
                List.of("4", "say \"hi\""), List.of("5", "back\\slash"), Arrays.asList("6", null),
                List.of("7", "crème"), List.of("8", "\\N"), Arrays.asList(null, null)));
    }

    @Test
    void ctasWritesTextfileWithItsDelimiterAndJsonAsTheirSerdesDo() {
        succeed(clients.athena(), "CREATE TABLE ctas_txt WITH (format = 'TEXTFILE', field_delimiter = ',', "
                + "external_location = 's3://demo-data/txt/ctas_txt/') AS SELECT * FROM (VALUES " + ROWS
                + ") AS v(id, name)", "txt");
        // No escape character: a comma in a value starts another field, a newline another row (as in Hive).
        assertThat(linesOf(fileOf("ctas_txt"))).isEqualTo(linesOf("1,\\N\n2,\n3,a,b\u0001c\n4,say \"hi\"\n"
                + "5,back\\slash\n6,two\nlines\n7,crème\n8,\\N\n"));
        assertThat(read("ctas_txt")).containsExactlyInAnyOrder(
                Arrays.asList("1", null), List.of("2", ""), List.of("3", "a"), List.of("4", "say \"hi\""),
                List.of("5", "back\\slash"), List.of("6", "two"), Arrays.asList(null, null), List.of("7", "crème"),
                Arrays.asList("8", null));

        succeed(clients.athena(), "CREATE TABLE ctas_js WITH (format = 'JSON', "
                + "external_location = 's3://demo-data/txt/ctas_js/') AS SELECT * FROM (VALUES " + ROWS
                + ") AS v(id, name)", "txt");
        assertThat(read("ctas_js")).isEqualTo(EXACT);
        assertThat(fileOf("ctas_js")).contains("\"id\":1,\"name\":null", "\"id\":2,\"name\":\"\"");
    }
}
