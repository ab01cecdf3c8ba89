package ai.connecty.athena.local.engine;

import static ai.connecty.athena.local.athena.AthenaQueries.rows;
import static ai.connecty.athena.local.athena.AthenaQueries.run;
import static ai.connecty.athena.local.athena.AthenaQueries.succeed;
import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.http.OwnLocalAthena;
import ai.connecty.athena.local.http.SdkClientsExtension;
import ai.connecty.athena.local.http.TestIdentities;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;

/**
 * DESCRIBE of Iceberg tables (their partition transforms) and the metadata tables {@code "t$properties"},
 * {@code "t$partitions"} and {@code "t$refs"} of Iceberg tables and {@code "t$properties"}/{@code "t$partitions"}
 * of Hive tables, through the real SDK; an analyst denied glue:GetTable on a table cannot read them.
 */
class MetadataTablesWireTest {

    private static final String DENIED = "is not authorized to perform: glue:GetTable on resource: "
            + "arn:aws:glue:us-east-1:123456789012:table/md/plain";

    @RegisterExtension
    static final OwnLocalAthena athena = new OwnLocalAthena().withIdentities(TestIdentities.users()
            .user("test", "test", "test", TestIdentities.ALLOW_ALL)
            .user("analyst", "AKIAANALYST000000003", "analyst-secret", TestIdentities.ALLOW_ALL,
                    TestIdentities.deny("glue:GetTable", "arn:aws:glue:us-east-1:123456789012:table/md/plain")));
    private static final SdkClientsExtension clients = athena.clients();

    @BeforeAll
    static void tables() {
        clients.s3().createBucket(r -> r.bucket("md-data"));
        sql("CREATE DATABASE md");
        sql("CREATE TABLE md.parts (id int COMMENT 'key', name string, ts timestamp) "
                + "PARTITIONED BY (name, day(ts), bucket(16, id)) LOCATION 's3://md-data/parts/' "
                + "TBLPROPERTIES ('table_type'='ICEBERG')");
        sql("CREATE TABLE md.plain (id int, name string) LOCATION 's3://md-data/plain/' "
                + "TBLPROPERTIES ('table_type'='ICEBERG')");
        sql("INSERT INTO md.plain VALUES (1, 'a'), (2, 'b')");
        sql("INSERT INTO md.plain VALUES (3, 'c')");
        sql("DELETE FROM md.plain WHERE id = 1");
        sql("CREATE EXTERNAL TABLE md.logs (v bigint) PARTITIONED BY (dt string, hr int) STORED AS PARQUET "
                + "LOCATION 's3://md-data/logs/' TBLPROPERTIES ('owner_team'='data')");
        sql("ALTER TABLE md.logs ADD PARTITION (dt='2024-01-02', hr=2) PARTITION (dt='2024-01-01', hr=1)");
    }

    @Test
    void describeOfAPartitionedIcebergTableListsItsTransforms() {
        assertThat(lines("DESCRIBE md.parts")).containsExactly(
                "id                  \tint                 \tkey                 ",
                "name                \tstring              \t                    ",
                "ts                  \ttimestamp           \t                    ",
                "\t \t ",
                "# Partition Transforms\t \t ",
                "# field_name          \ttransform           \t                    ",
                "name                \tidentity            \t                    ",
                "ts                  \tday                 \t                    ",
                "id                  \tbucket[16]          \t                    ");
    }

    @Test
    void describeOfAnUnpartitionedIcebergTableListsOnlyItsColumns() {
        assertThat(lines("DESCRIBE md.plain")).containsExactly(
                "id                  \tint                 \t                    ",
                "name                \tstring              \t                    ");
    }

    @Test
    void propertiesAreTheIcebergPropertiesUnderIcebergNames() {
        sql("CREATE TABLE md.props (id int) LOCATION 's3://md-data/props/' TBLPROPERTIES ('table_type'='ICEBERG')");
        sql("ALTER TABLE md.props SET TBLPROPERTIES ('write_compression'='SNAPPY', "
                + "'vacuum_max_snapshot_age_seconds'='3600', 'optimize_rewrite_delete_file_threshold'='5')");
        List<List<String>> rows = select("SELECT key, value FROM md.\"props$properties\" ORDER BY key");
        assertThat(rows).containsExactly(
                List.of("history.expire.max-snapshot-age-ms", "3600000"),
                List.of("optimize_rewrite_delete_file_threshold", "5"),
                List.of("write.format.default", "parquet"),
                List.of("write.object-storage.enabled", "true"),
                List.of("write.object-storage.path", "s3://md-data/props/data"),
                List.of("write.parquet.compression-codec", "snappy"),
                List.of("write.target-file-size-bytes", "536870912"));
        QueryExecution q = succeed(clients.athena(), "SELECT * FROM awsdatacatalog.md.\"props$properties\"", null);
        assertThat(clients.athena().getQueryResults(r -> r.queryExecutionId(q.queryExecutionId())).resultSet()
                .resultSetMetadata().columnInfo()).extracting(c -> c.name() + " " + c.type())
                .containsExactly("key varchar", "value varchar");
    }

    @Test
    void partitionsCountTheCurrentFilesAndRecords() {
        List<List<String>> files = select("SELECT count(*), sum(file_size_in_bytes) FROM md.\"plain$files\"");
        List<List<String>> partitions = select("SELECT record_count, file_count, total_size FROM "
                + "md.\"plain$partitions\"");
        assertThat(partitions).containsExactly(List.of("2", files.get(0).get(0), files.get(0).get(1)));
        assertThat(select("SELECT count(*) FROM md.\"parts$partitions\"")).as("no snapshot, no partition")
                .containsExactly(List.of("0"));
    }

    @Test
    void refsHaveTheMainBranchAtTheCurrentSnapshot() {
        String current = select("SELECT snapshot_id FROM md.\"plain$snapshots\" ORDER BY committed_at DESC LIMIT 1")
                .get(0).get(0);
        assertThat(select("SELECT * FROM md.\"plain$refs\"")).containsExactly(
                Arrays.asList("main", "BRANCH", current, null, null, null));
        assertThat(select("SELECT count(*) FROM md.\"parts$refs\"")).containsExactly(List.of("0"));
    }

    @Test
    void hiveTablesHavePartitionsAndProperties() {
        assertThat(select("SELECT dt, hr + 1 FROM md.\"logs$partitions\" ORDER BY dt")).containsExactly(
                List.of("2024-01-01", "2"), List.of("2024-01-02", "3"));
        assertThat(select("SELECT owner_team FROM awsdatacatalog.md.\"logs$properties\"")).containsExactly(
                List.of("data"));
        sql("CREATE EXTERNAL TABLE md.flat (v bigint) STORED AS PARQUET LOCATION 's3://md-data/flat/'");
        QueryExecution q = run(clients.athena(), "SELECT * FROM md.\"flat$partitions\"", null);
        assertThat(q.status().stateChangeReason()).contains("TABLE_NOT_FOUND")
                .contains("Table 'awsdatacatalog.md.flat$partitions' does not exist");
        QueryExecution manifests = run(clients.athena(), "SELECT * FROM md.\"plain$manifests\"", null);
        assertThat(manifests.status().state()).isEqualTo(QueryExecutionState.FAILED);
    }

    @Test
    void metadataTablesNeedTheRightToReadTheTable() {
        AthenaClient analyst = clients.athena(AwsBasicCredentials.create("AKIAANALYST000000003", "analyst-secret"));
        for (String t : List.of("plain$properties", "plain$partitions", "plain$refs")) {
            QueryExecution q = run(analyst, "SELECT * FROM md.\"" + t + "\"", null);
            assertThat(q.status().state()).as(t).isEqualTo(QueryExecutionState.FAILED);
            assertThat(q.status().stateChangeReason()).as(t).contains(DENIED);
        }
        assertThat(rows(analyst, succeed(analyst, "SELECT count(*) FROM md.\"logs$partitions\"", null)
                .queryExecutionId()).get(1)).containsExactly("2");
    }

    private static void sql(String sql) {
        succeed(clients.athena(), sql, null);
    }

    private static List<String> lines(String sql) {
        return rows(clients.athena(), succeed(clients.athena(), sql, null).queryExecutionId()).stream()
                .map(r -> r.get(0)).toList();
    }

    private static List<List<String>> select(String sql) {
        List<List<String>> all = rows(clients.athena(), succeed(clients.athena(), sql, null).queryExecutionId());
        return all.subList(1, all.size());
    }
}
