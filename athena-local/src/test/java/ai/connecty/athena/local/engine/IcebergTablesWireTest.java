package ai.connecty.athena.local.engine;

import static ai.connecty.athena.local.athena.AthenaQueries.rows;
import static ai.connecty.athena.local.athena.AthenaQueries.run;
import static ai.connecty.athena.local.athena.AthenaQueries.succeed;
import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.http.OwnLocalAthena;
import ai.connecty.athena.local.http.SdkClientsExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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

    private static AwsCredentials roleSession;

    @RegisterExtension
    static final OwnLocalAthena athena = new OwnLocalAthena();
    private static final SdkClientsExtension clients = athena.clients();

    @BeforeAll
    static void start() {
        roleSession = clients.assumeRole("ice-rights");
        succeed(clients.athena(), "CREATE DATABASE ice", null);
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

        succeed(clients.athena(), "INSERT INTO ice.created (id) VALUES (1)", null);
        clients.s3().putObject(r -> r.bucket("demo-data").key("ice/created/notes.txt"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("not the table's"));

        succeed(clients.athena(), "DROP TABLE ice.created", null);
        assertThat(clients.glue().getTables(r -> r.databaseName("ice")).tableList())
                .noneMatch(x -> x.name().equals("created"));
        // Athena documents that dropping an Iceberg table removes its data.
        assertThat(clients.s3().listObjectsV2(r -> r.bucket("demo-data").prefix("ice/created/")).contents())
                .extracting(o -> o.key()).containsExactly("ice/created/notes.txt");
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

    @Test
    void deleteRemovesTheRowsItSelects() {
        create("del", "id int, name string");
        succeed(clients.athena(), "INSERT INTO ice.del VALUES (1, 'a'), (2, 'b'), (3, NULL)", null);
        succeed(clients.athena(), "INSERT INTO ice.del VALUES (4, 'd')", null);
        QueryExecution q = succeed(clients.athena(), "DELETE FROM ice.del WHERE id = 2 OR name = 'd'", null);
        assertThat(updateCount(q)).isEqualTo(2);
        assertThat(q.statementType().toString()).isEqualTo("DML");
        assertThat(select("SELECT id, name FROM ice.del ORDER BY id"))
                .containsExactly(List.of("1", "a"), java.util.Arrays.asList("3", null));
        assertThat(updateCount(succeed(clients.athena(), "DELETE FROM ice.del WHERE name = 'nobody'", null)))
                .isZero();
        assertThat(updateCount(succeed(clients.athena(), "DELETE FROM ice.del", null))).isEqualTo(2);
        assertThat(select("SELECT count(*) FROM ice.del")).containsExactly(List.of("0"));
    }

    @Test
    void updateChangesTheAssignedColumnsOfTheSelectedRows() {
        create("upd", "id int, name string, amount decimal(10,2)");
        succeed(clients.athena(), "INSERT INTO ice.upd VALUES (1, 'a', 1.50), (2, 'b', 2.25), (3, 'c', NULL)", null);
        QueryExecution q = succeed(clients.athena(),
                "UPDATE ice.upd SET name = upper(name), amount = amount * 2 WHERE id >= 2", null);
        assertThat(updateCount(q)).isEqualTo(2);
        assertThat(select("SELECT id, name, amount FROM ice.upd ORDER BY id")).containsExactly(
                List.of("1", "a", "1.50"), List.of("2", "B", "4.50"), java.util.Arrays.asList("3", "C", null));
        assertThat(updateCount(succeed(clients.athena(), "UPDATE ice.upd SET amount = 0", null))).isEqualTo(3);
        assertThat(select("SELECT sum(amount) FROM ice.upd")).containsExactly(List.of("0.00"));
    }

    @Test
    void mergeUpdatesDeletesAndInserts() {
        create("tgt", "id int, name string, n bigint");
        create("src", "id int, name string, op string");
        succeed(clients.athena(), "INSERT INTO ice.tgt VALUES (1, 'a', 1), (2, 'b', 2), (3, 'c', 3)", null);
        succeed(clients.athena(), "INSERT INTO ice.src VALUES (1, 'A', 'upsert'), (2, 'B', 'delete'), "
                + "(4, 'D', 'upsert'), (5, 'E', 'skip')", null);
        QueryExecution q = succeed(clients.athena(), "MERGE INTO ice.tgt t USING ice.src s ON t.id = s.id "
                + "WHEN MATCHED AND s.op = 'delete' THEN DELETE "
                + "WHEN MATCHED THEN UPDATE SET name = s.name, n = t.n + 10 "
                + "WHEN NOT MATCHED AND s.op <> 'skip' THEN INSERT (id, name) VALUES (s.id, s.name)", null);
        assertThat(updateCount(q)).isEqualTo(3);
        assertThat(select("SELECT id, name, n FROM ice.tgt ORDER BY id")).containsExactly(
                List.of("1", "A", "11"), List.of("3", "c", "3"), java.util.Arrays.asList("4", "D", null));
    }

    @Test
    void mergeWithASubquerySourceAndNoTargetAlias() {
        create("tgt2", "id int, name string");
        succeed(clients.athena(), "INSERT INTO ice.tgt2 VALUES (1, 'a')", null);
        QueryExecution q = succeed(clients.athena(), "MERGE INTO ice.tgt2 USING (SELECT * FROM (VALUES (1, 'x'), "
                + "(2, 'y')) AS v(id, name)) AS s ON tgt2.id = s.id WHEN MATCHED THEN UPDATE SET name = s.name "
                + "WHEN NOT MATCHED THEN INSERT VALUES (s.id, s.name)", null);
        assertThat(updateCount(q)).isEqualTo(2);
        assertThat(select("SELECT id, name FROM ice.tgt2 ORDER BY id"))
                .containsExactly(List.of("1", "x"), List.of("2", "y"));
    }

    @Test
    void aTargetRowMatchedTwiceFailsTheMerge() {
        create("twice", "id int, name string");
        succeed(clients.athena(), "INSERT INTO ice.twice VALUES (1, 'a')", null);
        QueryExecution q = run(clients.athena(), "MERGE INTO ice.twice t USING (SELECT * FROM (VALUES (1, 'x'), "
                + "(1, 'y')) AS v(id, name)) AS s ON t.id = s.id WHEN MATCHED THEN UPDATE SET name = s.name", null);
        assertThat(q.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(q.status().stateChangeReason()).isEqualTo("MERGE_TARGET_ROW_MULTIPLE_MATCHES: One MERGE target "
                + "table row matched more than one source row");
        assertThat(select("SELECT id, name FROM ice.twice")).containsExactly(List.of("1", "a"));
    }

    @Test
    void hiveTablesStillRefuseRowChanges() {
        succeed(clients.athena(), "CREATE EXTERNAL TABLE ice.hive (id int) STORED AS PARQUET "
                + "LOCATION 's3://demo-data/ice/hive/'", null);
        succeed(clients.athena(), "INSERT INTO ice.hive VALUES (1)", null);
        for (String sql : List.of("DELETE FROM ice.hive WHERE id = 1", "UPDATE ice.hive SET id = 2",
                "MERGE INTO ice.hive t USING ice.hive s ON t.id = s.id WHEN MATCHED THEN DELETE")) {
            QueryExecution q = run(clients.athena(), sql, null);
            assertThat(q.status().state()).as(sql).isEqualTo(QueryExecutionState.FAILED);
            assertThat(q.status().stateChangeReason()).as(sql).isEqualTo("NOT_SUPPORTED: Modifying Hive table rows "
                    + "is only supported for transactional tables");
        }
        assertThat(select("SELECT id FROM ice.hive")).containsExactly(List.of("1"));
    }

    @Test
    void rowChangesNeedTheRightToCommit() {
        // In the results bucket, which the role may write to: what it lacks is the Glue right to commit.
        succeed(clients.athena(), "CREATE TABLE ice.guarded (id int) LOCATION 's3://athena-results/ice/guarded/' "
                + "TBLPROPERTIES ('table_type'='ICEBERG')", null);
        succeed(clients.athena(), "INSERT INTO ice.guarded VALUES (1), (2)", null);
        QueryExecution q = run(clients.athena(roleSession), "DELETE FROM ice.guarded WHERE id = 1", null);
        assertThat(q.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(q.status().athenaError().errorMessage()).endsWith("User: " + ROLE
                + " is not authorized to perform: glue:UpdateTable on resource: arn:aws:glue:us-east-1:123456789012:"
                + "catalog because no identity-based policy allows the glue:UpdateTable action");
        assertThat(select("SELECT id FROM ice.guarded ORDER BY id")).containsExactly(List.of("1"), List.of("2"));
    }

    @Test
    void optimizeCompactsAndVacuumSucceedsWithoutChangingRows() {
        create("maint", "id int, name string");
        succeed(clients.athena(), "INSERT INTO ice.maint VALUES (1, 'a')", null);
        succeed(clients.athena(), "INSERT INTO ice.maint VALUES (2, 'b')", null);
        String before = metadataLocation("maint");
        QueryExecution optimize = succeed(clients.athena(),
                "OPTIMIZE ice.maint REWRITE DATA USING BIN_PACK WHERE id > 0", null);
        assertThat(updateCount(optimize)).isZero();
        assertThat(metadataLocation("maint")).as("compaction is a commit").isNotEqualTo(before)
                .startsWith("s3://demo-data/ice/maint/metadata/00003-");
        QueryExecution vacuum = succeed(clients.athena(), "VACUUM ice.maint", null);
        assertThat(updateCount(vacuum)).isZero();
        assertThat(select("SELECT id, name FROM ice.maint ORDER BY id"))
                .containsExactly(List.of("1", "a"), List.of("2", "b"));
    }

    @Test
    void hiveTablesStillRefuseMaintenance() {
        succeed(clients.athena(), "CREATE EXTERNAL TABLE ice.hive_m (id int) STORED AS PARQUET "
                + "LOCATION 's3://demo-data/ice/hive_m/'", null);
        for (String sql : List.of("VACUUM ice.hive_m", "OPTIMIZE ice.hive_m REWRITE DATA USING BIN_PACK")) {
            QueryExecution q = run(clients.athena(), sql, null);
            assertThat(q.status().state()).as(sql).isEqualTo(QueryExecutionState.FAILED);
            assertThat(q.status().stateChangeReason()).as(sql).startsWith("NOT_SUPPORTED: ");
        }
    }

    @Test
    void ctasWithTableTypeIcebergMakesAnIcebergTable() {
        QueryExecution q = succeed(clients.athena(), "CREATE TABLE ice.made WITH (table_type = 'ICEBERG', "
                + "location = 's3://demo-data/ice/made/', is_external = false, format = 'PARQUET') "
                + "AS SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS v(id, name)", null);
        assertThat(updateCount(q)).isEqualTo(2);
        Table t = clients.glue().getTable(r -> r.databaseName("ice").name("made")).table();
        assertThat(t.parameters()).containsEntry("table_type", "ICEBERG").doesNotContainKey("EXTERNAL");
        assertThat(t.storageDescriptor().location()).isEqualTo("s3://demo-data/ice/made/");
        assertThat(updateCount(succeed(clients.athena(), "DELETE FROM ice.made WHERE id = 1", null))).isEqualTo(1);
        assertThat(select("SELECT id, name FROM ice.made")).containsExactly(List.of("2", "b"));
    }

    @Test
    void partitionTransformsAreAcceptedAndRecorded() {
        succeed(clients.athena(), "CREATE TABLE ice.parts (id int, category string, ts timestamp) "
                + "PARTITIONED BY (category, day(ts), bucket(16, id)) LOCATION 's3://demo-data/ice/parts/' "
                + "TBLPROPERTIES ('table_type'='ICEBERG')", null);
        Table t = clients.glue().getTable(r -> r.databaseName("ice").name("parts")).table();
        assertThat(t.partitionKeys()).isEmpty();
        String key = metadataLocation("parts").substring("s3://demo-data/".length());
        assertThat(clients.s3().getObjectAsBytes(r -> r.bucket("demo-data").key(key)).asUtf8String())
                .contains("category, day(ts), bucket(16, id)");
        succeed(clients.athena(), "INSERT INTO ice.parts VALUES (1, 'x', TIMESTAMP '2024-01-02 03:04:05')", null);
        assertThat(select("SELECT id, category, ts FROM ice.parts"))
                .containsExactly(List.of("1", "x", "2024-01-02 03:04:05.000"));

        QueryExecution hive = run(clients.athena(), "CREATE EXTERNAL TABLE ice.hive_parts (id int) "
                + "PARTITIONED BY (id) LOCATION 's3://demo-data/ice/hive_parts/'", null);
        assertThat(hive.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(hive.status().stateChangeReason()).startsWith("FAILED: ParseException ");
    }

    @Test
    void rowChangesResolveNamesLikeQueriesAndReadOtherTables() {
        create("names", "id int, name string");
        create("gone", "id int");
        succeed(clients.athena(), "INSERT INTO ice.names VALUES (1, 'a'), (2, 'b'), (3, 'c')", null);
        succeed(clients.athena(), "INSERT INTO ice.gone VALUES (1), (3)", null);
        assertThat(updateCount(succeed(clients.athena(),
                "DELETE FROM names WHERE id IN (SELECT id FROM gone WHERE id > 1)", "ice"))).isEqualTo(1);
        assertThat(updateCount(succeed(clients.athena(),
                "UPDATE awsdatacatalog.ice.names SET name = name || '!' WHERE id = 1", null))).isEqualTo(1);
        assertThat(select("SELECT id, name FROM ice.names ORDER BY id"))
                .containsExactly(List.of("1", "a!"), List.of("2", "b"));
        QueryExecution missing = run(clients.athena(), "DELETE FROM ice.no_such_table", null);
        assertThat(missing.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(missing.status().stateChangeReason()).startsWith("TABLE_NOT_FOUND: ")
                .contains("'awsdatacatalog.ice.no_such_table' does not exist");
    }

    @Test
    void concurrentChangesLoseNoRows() {
        create("busy", "id int");
        succeed(clients.athena(), "INSERT INTO ice.busy VALUES (0)", null);
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            ids.add(ai.connecty.athena.local.athena.AthenaQueries.start(clients.athena(),
                    "INSERT INTO ice.busy VALUES (" + i + ")", null));
        }
        String update = ai.connecty.athena.local.athena.AthenaQueries.start(clients.athena(),
                "UPDATE ice.busy SET id = id + 100 WHERE id = 0", null);
        for (String id : ids) {
            assertThat(ai.connecty.athena.local.athena.AthenaQueries.await(clients.athena(), id).status().state())
                    .as("appends never conflict").isEqualTo(QueryExecutionState.SUCCEEDED);
        }
        QueryExecution u = ai.connecty.athena.local.athena.AthenaQueries.await(clients.athena(), update);
        List<List<String>> expected = new java.util.ArrayList<>();
        if (u.status().state() == QueryExecutionState.SUCCEEDED) {
            expected.add(List.of("100"));
        } else {
            // A rewrite computed from a snapshot another commit replaced fails rather than drop that commit's rows.
            assertThat(u.status().stateChangeReason()).startsWith("ICEBERG_COMMIT_ERROR: ");
            expected.add(List.of("0"));
        }
        for (int i = 1; i <= 6; i++) {
            expected.add(List.of(String.valueOf(i)));
        }
        expected.sort(java.util.Comparator.comparing(r -> Integer.parseInt(r.get(0))));
        assertThat(select("SELECT id FROM ice.busy ORDER BY id")).isEqualTo(expected);
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
