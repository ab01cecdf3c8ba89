package ai.connecty.athena.local.engine;

import static ai.connecty.athena.local.athena.AthenaQueries.rows;
import static ai.connecty.athena.local.athena.AthenaQueries.run;
import static ai.connecty.athena.local.athena.AthenaQueries.succeed;
import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.http.SdkClientsExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * Iceberg tables through the real SDK on a private athena-local: CREATE TABLE with table_type ICEBERG makes a
 * Glue table, INSERT and SELECT work on it, and its rows change by DELETE, UPDATE and MERGE, while Hive tables
 * keep refusing row changes.
 */
class IcebergTablesWireTest {

    private static final String ROLE = "arn:aws:sts::123456789012:assumed-role/connecty-athena/ice-rights";

    @TempDir
    static Path dataDir;
    private static LocalAthena local;
    private static AwsCredentials roleSession;

    @RegisterExtension
    static final SdkClientsExtension clients = new SdkClientsExtension(() -> local);

    @BeforeAll
    static void start() {
        local = LocalAthena.builder().port(0).dataDir(dataDir).demoData(false).build().start();
        roleSession = clients.assumeRole("ice-rights");
        succeed(clients.athena(), "CREATE DATABASE ice", null);
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @Test
    void createTableMakesAnIcebergGlueTable() {
        succeed(clients.athena(), "CREATE TABLE ice.created (id int, name string, amount decimal(10,2), d date, "
                + "ts timestamp, ok boolean, big bigint, x double) LOCATION 's3://demo-data/ice/created/' "
                + "TBLPROPERTIES ('table_type'='ICEBERG', 'format'='parquet')", null);
        Table t = clients.glue().getTable(r -> r.databaseName("ice").name("created")).table();
        assertThat(t.tableType()).isEqualTo("EXTERNAL_TABLE");
        assertThat(t.parameters()).containsEntry("table_type", "ICEBERG").containsEntry("format", "parquet");
        assertThat(t.parameters().get("metadata_location"))
                .matches("s3://demo-data/ice/created/metadata/00000-[0-9a-f-]{36}\\.metadata\\.json");
        assertThat(t.storageDescriptor().columns()).extracting(c -> c.name() + " " + c.type()).containsExactly(
                "id int", "name string", "amount decimal(10,2)", "d date", "ts timestamp", "ok boolean",
                "big bigint", "x double");
        assertThat(rows(clients.athena(), succeed(clients.athena(), "SELECT count(*) FROM ice.created", null)
                .queryExecutionId())).containsExactly(List.of("_col0"), List.of("0"));

        succeed(clients.athena(), "DROP TABLE ice.created", null);
        assertThat(clients.glue().getTables(r -> r.databaseName("ice")).tableList())
                .noneMatch(x -> x.name().equals("created"));
    }

    @Test
    void externalIcebergTablesAreRefused() {
        QueryExecution q = run(clients.athena(), "CREATE EXTERNAL TABLE ice.ext (id int) "
                + "LOCATION 's3://demo-data/ice/ext/' TBLPROPERTIES ('table_type'='ICEBERG')", null);
        assertThat(q.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(q.status().stateChangeReason()).contains("External keyword not supported for table type ICEBERG");
    }

    @Test
    void createTableNeedsGlueCreateTable() {
        QueryExecution q = run(clients.athena(roleSession), "CREATE TABLE ice.denied (id int) "
                + "LOCATION 's3://demo-data/ice/denied/' TBLPROPERTIES ('table_type'='ICEBERG')", null);
        assertThat(q.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(q.status().athenaError().errorMessage()).endsWith("User: " + ROLE
                + " is not authorized to perform: glue:CreateTable on resource: arn:aws:glue:us-east-1:123456789012:"
                + "catalog because no identity-based policy allows the glue:CreateTable action");
        assertThat(clients.glue().getTables(r -> r.databaseName("ice")).tableList())
                .noneMatch(x -> x.name().equals("denied"));
    }

    @Test
    void insertedRowsAreRead() {
        create("ins", "id int, name string");
        QueryExecution first = succeed(clients.athena(), "INSERT INTO ice.ins VALUES (1, 'a'), (2, 'b')", null);
        assertThat(updateCount(first)).isEqualTo(2);
        String metadata = metadataLocation("ins");
        succeed(clients.athena(), "INSERT INTO ice.ins (id) VALUES (3)", null);
        assertThat(metadataLocation("ins")).startsWith("s3://demo-data/ice/ins/metadata/00002-");
        assertThat(clients.glue().getTable(r -> r.databaseName("ice").name("ins")).table().parameters())
                .containsEntry("previous_metadata_location", metadata);
        assertThat(select("SELECT id, name FROM ice.ins ORDER BY id"))
                .containsExactly(List.of("1", "a"), List.of("2", "b"), java.util.Arrays.asList("3", null));
    }

    static void create(String name, String columns) {
        succeed(clients.athena(), "CREATE TABLE ice." + name + " (" + columns + ") LOCATION 's3://demo-data/ice/"
                + name + "/' TBLPROPERTIES ('table_type'='ICEBERG')", null);
    }

    static List<List<String>> select(String sql) {
        List<List<String>> all = rows(clients.athena(), succeed(clients.athena(), sql, null).queryExecutionId());
        return all.subList(1, all.size());
    }

    static long updateCount(QueryExecution q) {
        return clients.athena().getQueryResults(r -> r.queryExecutionId(q.queryExecutionId())).updateCount();
    }

    static String metadataLocation(String table) {
        Map<String, String> p = clients.glue().getTable(r -> r.databaseName("ice").name(table)).table().parameters();
        return p.get("metadata_location");
    }
}
