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
import software.amazon.awssdk.services.glue.model.StorageDescriptor;

/**
 * Bucketing is recorded as Athena records it, in Glue's StorageDescriptor, and shown by SHOW CREATE TABLE; rows are
 * written and read as without it (athena-local writes no file per bucket).
 */
class BucketingWireTest {

    @RegisterExtension
    static final OwnLocalAthena athena = new OwnLocalAthena();
    private static final SdkClientsExtension clients = athena.clients();

    @BeforeAll
    static void start() {
        succeed(clients.athena(), "CREATE DATABASE IF NOT EXISTS bkt", null);
    }

    private static StorageDescriptor storage(String table) {
        return clients.glue().getTable(r -> r.databaseName("bkt").name(table)).table().storageDescriptor();
    }

    private static List<String> showCreate(String table) {
        QueryExecution q = succeed(clients.athena(), "SHOW CREATE TABLE " + table, "bkt");
        return rows(clients.athena(), q.queryExecutionId()).stream().map(r -> r.get(0)).toList();
    }

    private static String failure(String sql) {
        QueryExecution q = run(clients.athena(), sql, "bkt");
        assertThat(q.status().state()).isEqualTo(QueryExecutionState.FAILED);
        return q.status().stateChangeReason();
    }

    @Test
    void ctasRecordsBucketingInGlueAndShowCreateTable() {
        succeed(clients.athena(), "CREATE TABLE ctas_b WITH (format = 'PARQUET', bucketed_by = ARRAY['id'], "
                + "bucket_count = 4) AS SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS v(id, name)", "bkt");
        StorageDescriptor sd = storage("ctas_b");
        assertThat(sd.bucketColumns()).containsExactly("id");
        assertThat(sd.numberOfBuckets()).isEqualTo(4);
        assertThat(showCreate("ctas_b")).containsSubsequence("CLUSTERED BY ( ", "  id) ", "INTO 4 BUCKETS");
        QueryExecution q = succeed(clients.athena(), "SELECT count(*) FROM ctas_b", "bkt");
        assertThat(rows(clients.athena(), q.queryExecutionId()).get(1)).containsExactly("2");
    }

    @Test
    void unbucketedTablesKeepNoBuckets() {
        succeed(clients.athena(), "CREATE TABLE ctas_plain AS SELECT 1 AS id", "bkt");
        assertThat(storage("ctas_plain").numberOfBuckets()).isEqualTo(-1);
        assertThat(storage("ctas_plain").bucketColumns()).isEmpty();
        assertThat(String.join("\n", showCreate("ctas_plain"))).doesNotContain("CLUSTERED");
    }

    /** Refused as Trino's Hive connector refuses them; a CTAS failure adds Athena's cleanup hint after the message. */
    @Test
    void ctasBucketPropertiesGoTogether() {
        assertThat(failure("CREATE TABLE only_count WITH (bucket_count = 4) AS SELECT 1 AS id"))
                .startsWith("INVALID_TABLE_PROPERTY: bucketed_by and bucket_count must be specified together");
        assertThat(failure("CREATE TABLE only_by WITH (bucketed_by = ARRAY['id']) AS SELECT 1 AS id"))
                .startsWith("INVALID_TABLE_PROPERTY: bucketed_by and bucket_count must be specified together");
        assertThat(failure("CREATE TABLE negative WITH (bucketed_by = ARRAY['id'], bucket_count = -1) AS SELECT 1 AS id"))
                .startsWith("INVALID_TABLE_PROPERTY: bucket_count must be greater than zero");
        assertThat(failure("CREATE TABLE missing WITH (bucketed_by = ARRAY['nope'], bucket_count = 2) AS SELECT 1 AS id"))
                .startsWith("INVALID_TABLE_PROPERTY: Bucketing columns [nope] not present in schema");
        assertThat(clients.glue().getTables(r -> r.databaseName("bkt")).tableList().stream()
                .map(t -> t.name())).doesNotContain("only_count", "only_by", "negative", "missing");
    }

    @Test
    void createExternalTableClusteredBy() {
        succeed(clients.athena(), "CREATE EXTERNAL TABLE ext_b (id int, name string, day string) "
                + "PARTITIONED BY (dt string) CLUSTERED BY (id, name) SORTED BY (id ASC) INTO 8 BUCKETS "
                + "STORED AS PARQUET LOCATION 's3://demo-data/bkt/ext_b/'", "bkt");
        StorageDescriptor sd = storage("ext_b");
        assertThat(sd.bucketColumns()).containsExactly("id", "name");
        assertThat(sd.numberOfBuckets()).isEqualTo(8);
        assertThat(showCreate("ext_b")).containsSubsequence("PARTITIONED BY ( ", "CLUSTERED BY ( ", "  id, ",
                "  name) ", "INTO 8 BUCKETS", "ROW FORMAT SERDE ");
        succeed(clients.athena(), "ALTER TABLE ext_b SET TBLPROPERTIES ('owner'='team')", "bkt");
        succeed(clients.athena(), "ALTER TABLE ext_b ADD COLUMNS (extra string)", "bkt");
        assertThat(storage("ext_b").numberOfBuckets()).isEqualTo(8);
        assertThat(failure("CREATE EXTERNAL TABLE ext_bad (id int) CLUSTERED BY (nope) INTO 2 BUCKETS "
                + "LOCATION 's3://demo-data/bkt/ext_bad/'")).contains("Invalid column reference nope");
    }
}
