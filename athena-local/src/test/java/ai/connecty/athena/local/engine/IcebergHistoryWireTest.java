package ai.connecty.athena.local.engine;

import static ai.connecty.athena.local.athena.AthenaQueries.rows;
import static ai.connecty.athena.local.athena.AthenaQueries.run;
import static ai.connecty.athena.local.athena.AthenaQueries.succeed;
import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.http.OwnLocalAthena;
import ai.connecty.athena.local.http.SdkClientsExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;

/**
 * Iceberg history through the real SDK: every commit is a snapshot that {@code "t$snapshots"}, {@code "t$history"}
 * and {@code "t$files"} show, {@code FOR VERSION AS OF} and {@code FOR TIMESTAMP AS OF} read the table as it was,
 * and the refusals use the Iceberg and Hive connectors' errors.
 */
class IcebergHistoryWireTest {

    @RegisterExtension
    static final OwnLocalAthena athena = new OwnLocalAthena();
    private static final SdkClientsExtension clients = athena.clients();

    /** The snapshots of ice.hist, oldest first: insert (1,a), insert (2,b), delete id 1. */
    private static List<List<String>> snapshots;

    @BeforeAll
    static void start() throws InterruptedException {
        succeed(clients.athena(), "CREATE DATABASE ice", null);
        succeed(clients.athena(), "CREATE TABLE ice.hist (id int, name string) LOCATION 's3://demo-data/ice/hist/' "
                + "TBLPROPERTIES ('table_type'='ICEBERG')", null);
        succeed(clients.athena(), "INSERT INTO ice.hist VALUES (1, 'a')", null);
        Thread.sleep(5);
        succeed(clients.athena(), "INSERT INTO ice.hist VALUES (2, 'b')", null);
        Thread.sleep(5);
        succeed(clients.athena(), "DELETE FROM ice.hist WHERE id = 1", null);
        snapshots = select("SELECT snapshot_id, parent_id, operation, "
                + "to_unixtime(committed_at) * 1000 FROM ice.\"hist$snapshots\" ORDER BY committed_at");
    }

    @Test
    void eachCommitIsASnapshotChainedToItsParent() {
        assertThat(snapshots).hasSize(3);
        assertThat(snapshots.get(0).get(1)).as("the first snapshot has no parent").isNull();
        assertThat(snapshots.get(1).get(1)).isEqualTo(snapshots.get(0).get(0));
        assertThat(snapshots.get(2).get(1)).isEqualTo(snapshots.get(1).get(0));
        assertThat(snapshots).extracting(r -> r.get(2)).containsExactly("append", "append", "delete");
    }

    @Test
    void snapshotsColumnsHaveTrinoTypes() {
        QueryExecution q = succeed(clients.athena(), "SELECT * FROM ice.\"hist$snapshots\"", null);
        var columns = clients.athena().getQueryResults(r -> r.queryExecutionId(q.queryExecutionId()))
                .resultSet().resultSetMetadata().columnInfo();
        assertThat(columns).extracting(c -> c.name() + " " + c.type()).containsExactly(
                "committed_at timestamp with time zone", "snapshot_id bigint", "parent_id bigint",
                "operation varchar", "manifest_list varchar", "summary map");
        assertThat(select("SELECT summary['total-data-files'] FROM awsdatacatalog.ice.\"hist$snapshots\" "
                + "ORDER BY committed_at")).containsExactly(List.of("1"), List.of("2"), List.of("1"));
    }

    @Test
    void historyMarksEverySnapshotAnAncestorOfTheCurrent() {
        assertThat(select("SELECT snapshot_id, parent_id, is_current_ancestor FROM \"hist$history\" "
                + "ORDER BY made_current_at", "ice")).containsExactly(
                java.util.Arrays.asList(snapshots.get(0).get(0), null, "true"),
                List.of(snapshots.get(1).get(0), snapshots.get(0).get(0), "true"),
                List.of(snapshots.get(2).get(0), snapshots.get(1).get(0), "true"));
    }

    @Test
    void filesListsTheCurrentSnapshotsDataFiles() {
        List<List<String>> files = select("SELECT content, file_path, file_format, record_count, "
                + "file_size_in_bytes > 0 FROM ice.\"hist$files\"");
        assertThat(files).hasSize(1);
        assertThat(files.get(0).get(0)).isEqualTo("0");
        assertThat(files.get(0).get(1)).startsWith("s3://demo-data/ice/hist/data/");
        assertThat(files.get(0).subList(2, 5)).containsExactly("PARQUET", "1", "true");
    }

    @Test
    void versionAsOfReadsThatSnapshot() {
        assertThat(select("SELECT id, name FROM ice.hist FOR VERSION AS OF " + snapshots.get(0).get(0)))
                .containsExactly(List.of("1", "a"));
        assertThat(select("SELECT h.id FROM ice.hist FOR VERSION AS OF " + snapshots.get(1).get(0)
                + " AS h ORDER BY h.id")).containsExactly(List.of("1"), List.of("2"));
        assertThat(select("SELECT id FROM ice.hist")).containsExactly(List.of("2"));
    }

    @Test
    void timestampAsOfReadsTheSnapshotCurrentThen() {
        long second = (long) Double.parseDouble(snapshots.get(1).get(3));
        String between = java.time.Instant.ofEpochMilli(second).toString().replace('T', ' ').replace("Z", " UTC");
        assertThat(select("SELECT id FROM ice.hist FOR TIMESTAMP AS OF TIMESTAMP '" + between + "' ORDER BY id"))
                .containsExactly(List.of("1"), List.of("2"));
        assertThat(select("SELECT id FROM ice.hist FOR TIMESTAMP AS OF current_timestamp + interval '1' hour"))
                .as("after every commit: the current snapshot").containsExactly(List.of("2"));
    }

    @Test
    void unknownSnapshotsFailAsTheIcebergConnectorDoes() {
        QueryExecution q = run(clients.athena(), "SELECT * FROM ice.hist FOR VERSION AS OF 12345", null);
        assertThat(q.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(q.status().stateChangeReason())
                .isEqualTo("INVALID_ARGUMENTS: Iceberg snapshot ID does not exists: 12345");
        QueryExecution early = run(clients.athena(),
                "SELECT * FROM ice.hist FOR TIMESTAMP AS OF TIMESTAMP '2000-01-01 00:00:00 UTC'", null);
        assertThat(early.status().stateChangeReason()).isEqualTo(
                "INVALID_ARGUMENTS: No version history table ice.hist at or before 2000-01-01T00:00:00Z");
    }

    @Test
    void hiveTablesHaveNoVersionsNorSnapshots() {
        succeed(clients.athena(), "CREATE EXTERNAL TABLE ice.plain (id int) STORED AS PARQUET "
                + "LOCATION 's3://demo-data/ice/plain/'", null);
        QueryExecution q = run(clients.athena(), "SELECT * FROM ice.plain FOR VERSION AS OF 1", null);
        assertThat(q.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(q.status().stateChangeReason())
                .isEqualTo("NOT_SUPPORTED: This connector does not support versioned tables");
        QueryExecution versionedMeta = run(clients.athena(),
                "SELECT * FROM ice.\"hist$snapshots\" FOR VERSION AS OF " + snapshots.get(0).get(0), null);
        assertThat(versionedMeta.status().stateChangeReason())
                .isEqualTo("NOT_SUPPORTED: This connector does not support versioned tables");
        QueryExecution meta = run(clients.athena(), "SELECT * FROM ice.\"plain$snapshots\"", null);
        assertThat(meta.status().stateChangeReason()).contains("TABLE_NOT_FOUND")
                .contains("Table 'awsdatacatalog.ice.plain$snapshots' does not exist");
    }

    @Test
    void metadataTablesNeedTheRightsOfTheTable() {
        clients.s3().createBucket(r -> r.bucket("ice-private"));
        succeed(clients.athena(), "CREATE TABLE ice.secret (id int) LOCATION 's3://ice-private/secret/' "
                + "TBLPROPERTIES ('table_type'='ICEBERG')", null);
        succeed(clients.athena(), "INSERT INTO ice.secret VALUES (1)", null);
        var role = clients.assumeRole("history-reader");
        QueryExecution q = run(clients.athena(role), "SELECT * FROM ice.\"secret$snapshots\"", null);
        assertThat(q.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(q.status().stateChangeReason()).contains("Access Denied").contains("s3://ice-private/secret/");
    }

    private static List<List<String>> select(String sql) {
        return select(sql, null);
    }

    private static List<List<String>> select(String sql, String database) {
        List<List<String>> all = rows(clients.athena(), succeed(clients.athena(), sql, database).queryExecutionId());
        return all.subList(1, all.size());
    }
}
