package ai.connecty.athena.local.engine;

import static ai.connecty.athena.local.athena.AthenaQueries.rows;
import static ai.connecty.athena.local.athena.AthenaQueries.run;
import static ai.connecty.athena.local.athena.AthenaQueries.succeed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.athena.AthenaQueries;
import ai.connecty.athena.local.http.OwnLocalAthena;
import ai.connecty.athena.local.http.SdkClientsExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * UNLOAD through the real SDK: the query's rows land as files under the TO location, listed by the manifest that
 * Statistics.DataManifestLocation names; a location holding anything already, or one the caller may not write,
 * fails the query.
 */
class UnloadWireTest {

    private static final String BUCKET = "demo-data";

    @RegisterExtension
    static final OwnLocalAthena athena = new OwnLocalAthena();
    private static final SdkClientsExtension clients = athena.clients();

    @BeforeAll
    static void tables() {
        succeed(clients.athena(), "CREATE DATABASE un", null);
        succeed(clients.athena(), "CREATE TABLE un.src WITH (format = 'PARQUET', "
                + "external_location = 's3://demo-data/src/') AS SELECT * FROM (VALUES (1, 'a', 'x'), (2, 'b', 'x'), "
                + "(3, 'c', 'y')) AS t(id, name, grp)", null);
    }

    private static List<String> keys(String prefix) {
        return clients.s3().listObjectsV2(r -> r.bucket(BUCKET).prefix(prefix)).contents().stream()
                .map(S3Object::key).sorted().toList();
    }

    private static String object(String key) {
        return clients.s3().getObjectAsBytes(r -> r.bucket(BUCKET).key(key)).asString(StandardCharsets.UTF_8);
    }

    private static List<String> manifest(QueryExecution q) {
        String location = q.statistics().dataManifestLocation();
        assertThat(location).isEqualTo(AthenaQueries.OUTPUT + q.queryExecutionId() + "-manifest.csv");
        String bucket = location.substring(5, location.indexOf('/', 5));
        String key = location.substring(location.indexOf('/', 5) + 1);
        String body = clients.s3().getObjectAsBytes(r -> r.bucket(bucket).key(key)).asString(StandardCharsets.UTF_8);
        return Arrays.stream(body.split("\n")).filter(s -> !s.isEmpty()).sorted().toList();
    }

    @Test
    void parquetFilesHoldTheQueryRowsAndTheManifestListsThem() {
        QueryExecution q = succeed(clients.athena(), "UNLOAD (SELECT id, name FROM un.src WHERE id < 3) "
                + "TO 's3://demo-data/out/parquet/' WITH (format = 'PARQUET')", null);
        assertThat(q.statementType().toString()).isEqualTo("DML");
        assertThat(q.substatementType()).isEqualTo("UNLOAD");
        List<String> files = keys("out/parquet/");
        assertThat(files).hasSize(1);
        assertThat(manifest(q)).containsExactly("s3://demo-data/" + files.get(0));
        // No result rows: the statement's answer is the files.
        assertThat(rows(clients.athena(), q.queryExecutionId())).hasSizeLessThanOrEqualTo(1);

        succeed(clients.athena(), "CREATE EXTERNAL TABLE un.back (id int, name string) STORED AS PARQUET "
                + "LOCATION 's3://demo-data/out/parquet/'", null);
        assertThat(rows(clients.athena(), succeed(clients.athena(), "SELECT id, name FROM un.back ORDER BY id", null)
                .queryExecutionId())).containsExactly(List.of("id", "name"), List.of("1", "a"), List.of("2", "b"));
    }

    @Test
    void aLocationThatHoldsAnythingFailsTheQuery() {
        clients.s3().putObject(r -> r.bucket(BUCKET).key("out/taken/old.txt"), RequestBody.fromString("old"));
        QueryExecution q = run(clients.athena(), "UNLOAD (SELECT 1 AS x) TO 's3://demo-data/out/taken/'", null);
        assertThat(q.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(q.status().stateChangeReason()).startsWith("HIVE_PATH_ALREADY_EXISTS: ")
                .contains("s3://demo-data/out/taken/");
        assertThat(keys("out/taken/")).containsExactly("out/taken/old.txt");
    }

    @Test
    void jsonWritesOneObjectPerRow() {
        QueryExecution q = succeed(clients.athena(), "UNLOAD (SELECT id, name FROM un.src ORDER BY id) "
                + "TO 's3://demo-data/out/json/' WITH (format = 'JSON', compression = 'NONE')", null);
        List<String> files = keys("out/json/");
        assertThat(files).hasSize(1);
        assertThat(manifest(q)).containsExactly("s3://demo-data/" + files.get(0));
        assertThat(object(files.get(0)).lines().toList()).containsExactly("{\"id\":1,\"name\":\"a\"}",
                "{\"id\":2,\"name\":\"b\"}", "{\"id\":3,\"name\":\"c\"}");
    }

    @Test
    void textfileIsGzippedWithHivesDelimiterUnlessToldOtherwise() throws IOException {
        succeed(clients.athena(), "UNLOAD (SELECT id, name, CAST(NULL AS varchar) AS n FROM un.src WHERE id = 1) "
                + "TO 's3://demo-data/out/text/' WITH (format = 'TEXTFILE')", null);
        List<String> files = keys("out/text/");
        assertThat(files).singleElement().satisfies(k -> assertThat(k).endsWith(".gz"));
        byte[] gz = clients.s3().getObjectAsBytes(r -> r.bucket(BUCKET).key(files.get(0))).asByteArray();
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("1\u0001a\u0001\\N\n");
        }

        succeed(clients.athena(), "UNLOAD (SELECT id, name FROM un.src WHERE id = 2) TO 's3://demo-data/out/csv/' "
                + "WITH (format = 'TEXTFILE', field_delimiter = ',', compression = 'NONE')", null);
        assertThat(object(keys("out/csv/").get(0))).isEqualTo("2,b\n");
    }

    @Test
    void textfileValuesAreWrittenAsHiveWritesThemUnquoted() {
        // LazySimpleSerDe never quotes: a delimiter or a quote in a value is written as it is, '' as nothing.
        succeed(clients.athena(), "UNLOAD (SELECT 'a,b' AS x, 'say \"hi\"' AS y, '' AS z, CAST(NULL AS varchar) AS w) "
                + "TO 's3://demo-data/out/plain/' WITH (format = 'TEXTFILE', field_delimiter = ',', "
                + "compression = 'NONE')", null);
        assertThat(object(keys("out/plain/").get(0))).isEqualTo("a,b,say \"hi\",,\\N\n");

        succeed(clients.athena(), "UNLOAD (SELECT id, name, grp FROM un.src WHERE id = 1) TO 's3://demo-data/out/tparts/' "
                + "WITH (format = 'TEXTFILE', compression = 'NONE', partitioned_by = ARRAY['grp'])", null);
        List<String> parts = keys("out/tparts/");
        assertThat(parts).singleElement().satisfies(k -> assertThat(k).startsWith("out/tparts/grp=x/"));
        assertThat(object(parts.get(0))).isEqualTo("1\u0001a\n");
    }

    @Test
    void partitionedByColumnsBecomeFolders() {
        QueryExecution q = succeed(clients.athena(), "UNLOAD (SELECT id, name, grp FROM un.src) "
                + "TO 's3://demo-data/out/parts/' WITH (format = 'PARQUET', partitioned_by = ARRAY['grp'])", null);
        List<String> files = keys("out/parts/");
        assertThat(files).hasSize(2).anyMatch(k -> k.startsWith("out/parts/grp=x/"))
                .anyMatch(k -> k.startsWith("out/parts/grp=y/"));
        assertThat(manifest(q)).containsExactlyElementsOf(files.stream().map(k -> "s3://demo-data/" + k).toList());

        QueryExecution notLast = run(clients.athena(), "UNLOAD (SELECT grp, id FROM un.src) "
                + "TO 's3://demo-data/out/parts2/' WITH (format = 'PARQUET', partitioned_by = ARRAY['grp'])", null);
        assertThat(notLast.status().stateChangeReason()).startsWith("HIVE_COLUMN_ORDER_MISMATCH: ");
    }

    @Test
    void orcAndAvroAreRefusedNamingWhatIsWritten() {
        QueryExecution q = run(clients.athena(), "UNLOAD (SELECT 1 AS x) TO 's3://demo-data/out/orc/' "
                + "WITH (format = 'ORC')", null);
        assertThat(q.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(q.status().stateChangeReason()).startsWith("NOT_SUPPORTED: ").contains("PARQUET, JSON, TEXTFILE");
        assertThat(q.status().athenaError().errorType()).isEqualTo(1200);
    }

    @Test
    void aSyntaxErrorInTheQueryKeepsItsPositionInTheStatement() {
        assertThatThrownBy(() -> AthenaQueries.start(clients.athena(),
                "UNLOAD (\nSELECT id\nFROM un.src\nWHERE id = = 1\n) TO 's3://demo-data/out/bad/'", null))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("line 4:12: mismatched input '='");
        assertThatThrownBy(() -> AthenaQueries.start(clients.athena(),
                "UNLOAD (SELECT 1)\nWITH (format = 'JSON')", null))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("line 2:1: mismatched input 'WITH'. Expecting: 'TO'");
    }

    @Test
    void aTargetTheCallerMayNotWriteFailsTheQuery() {
        QueryExecution q = run(clients.athena(clients.assumeRole("unload-test")),
                "UNLOAD (SELECT 1 AS x) TO 's3://demo-data/out/denied/'", null);
        assertThat(q.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(q.status().stateChangeReason())
                .startsWith("Access denied when writing output to url: s3://demo-data/out/denied/");
        assertThat(keys("out/denied/")).isEmpty();
    }

    @Test
    void executionParametersAndPreparedStatementsBindTheQuerysMarks() {
        String id = clients.athena().startQueryExecution(AthenaQueries.request("UNLOAD (SELECT id FROM un.src "
                + "WHERE name = ?) TO 's3://demo-data/out/param/' WITH (format = 'JSON', compression = 'NONE')", null)
                .executionParameters("'c'").build()).queryExecutionId();
        assertThat(AthenaQueries.await(clients.athena(), id).status().state()).isEqualTo(QueryExecutionState.SUCCEEDED);
        assertThat(object(keys("out/param/").get(0))).isEqualTo("{\"id\":3}\n");

        succeed(clients.athena(), "PREPARE my_unload FROM UNLOAD (SELECT name FROM un.src WHERE id = ?) "
                + "TO 's3://demo-data/out/prepared/' WITH (format = 'JSON', compression = 'NONE')", null);
        QueryExecution q = succeed(clients.athena(), "EXECUTE my_unload USING 2", null);
        assertThat(q.substatementType()).isEqualTo("UNLOAD");
        assertThat(object(keys("out/prepared/").get(0))).isEqualTo("{\"name\":\"b\"}\n");
    }
}
