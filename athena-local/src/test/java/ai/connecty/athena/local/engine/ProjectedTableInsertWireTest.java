package ai.connecty.athena.local.engine;

import static ai.connecty.athena.local.athena.AthenaQueries.rows;
import static ai.connecty.athena.local.athena.AthenaQueries.succeed;
import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.http.OwnLocalAthena;
import ai.connecty.athena.local.http.SdkClientsExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * INSERT INTO a table with partition projection writes as into any Hive table: {@code <location>/<col>=<value>/}
 * folders with the value as Hive writes it (no projection {@code format} or {@code digits}), registered as Glue
 * partitions, whatever the {@code storage.location.template}. Athena does the same: it has no special handling of
 * projected tables when writing (an Athena engineer, trinodb/trino#25657, 2025-05), so rows inserted where the
 * template does not lead are not read back through the projection.
 */
class ProjectedTableInsertWireTest {

    @RegisterExtension
    static final OwnLocalAthena athena = new OwnLocalAthena();
    private static final SdkClientsExtension clients = athena.clients();

    @BeforeAll
    static void start() {
        succeed(clients.athena(), "CREATE DATABASE projins", null);
        succeed(clients.athena(), "CREATE EXTERNAL TABLE daily (id int, name string) PARTITIONED BY (dt string) "
                + "STORED AS PARQUET LOCATION 's3://demo-data/projins/daily/' TBLPROPERTIES ("
                + "'projection.enabled'='true', 'projection.dt.type'='date', 'projection.dt.format'='yyyyMMdd', "
                + "'projection.dt.range'='20240101,20241231', "
                + "'storage.location.template'='s3://demo-data/projins/daily/day/${dt}/')", "projins");
        succeed(clients.athena(), "CREATE EXTERNAL TABLE shards (id int, name string) PARTITIONED BY (shard int) "
                + "STORED AS PARQUET LOCATION 's3://demo-data/projins/shards/' TBLPROPERTIES ("
                + "'projection.enabled'='true', 'projection.shard.type'='integer', 'projection.shard.range'='0,20', "
                + "'projection.shard.digits'='2', "
                + "'storage.location.template'='s3://demo-data/projins/shards/${shard}/')", "projins");
        succeed(clients.athena(), "CREATE EXTERNAL TABLE hivestyle (id int) PARTITIONED BY (dt string) "
                + "STORED AS PARQUET LOCATION 's3://demo-data/projins/hivestyle/' TBLPROPERTIES ("
                + "'projection.enabled'='true', 'projection.dt.type'='date', 'projection.dt.format'='yyyy-MM-dd', "
                + "'projection.dt.range'='2024-01-01,2024-12-31')", "projins");
    }

    private static List<String> folders(String prefix) {
        List<String> keys = new ArrayList<>();
        for (S3Object o : clients.s3().listObjectsV2(r -> r.bucket("demo-data").prefix(prefix)).contents()) {
            keys.add(o.key().substring(0, o.key().lastIndexOf('/') + 1));
        }
        return keys.stream().distinct().sorted().toList();
    }

    private static List<List<String>> query(String sql) {
        QueryExecution q = succeed(clients.athena(), sql, "projins");
        List<List<String>> rows = rows(clients.athena(), q.queryExecutionId());
        return new ArrayList<>(rows.subList(1, rows.size()));
    }

    private static List<List<String>> glueValues(String table) {
        return clients.glue().getPartitions(r -> r.databaseName("projins").tableName(table)).partitions().stream()
                .map(Partition::values).sorted((a, b) -> a.toString().compareTo(b.toString())).toList();
    }

    @Test
    void anInsertIntoADateProjectionWritesHiveFoldersNotTheTemplatesAndRegistersThem() {
        succeed(clients.athena(), "INSERT INTO daily VALUES (1, 'a', '20240105'), (2, 'b', '20240106')", "projins");
        succeed(clients.athena(), "INSERT INTO daily SELECT 3, 'c', '20240105'", "projins");
        assertThat(folders("projins/daily/")).containsExactly("projins/daily/dt=20240105/",
                "projins/daily/dt=20240106/");
        assertThat(glueValues("daily")).containsExactly(List.of("20240105"), List.of("20240106"));
        // The projection reads day/<dt>/ only: the rows just written are not there.
        assertThat(query("SELECT count(*) FROM daily")).containsExactly(List.of("0"));
    }

    @Test
    void anInsertIntoAnIntegerProjectionWritesTheUnpaddedHiveValue() {
        succeed(clients.athena(), "INSERT INTO shards VALUES (1, 'seven', 7), (2, 'twelve', 12)", "projins");
        assertThat(folders("projins/shards/")).containsExactly("projins/shards/shard=12/",
                "projins/shards/shard=7/");
        assertThat(glueValues("shards")).containsExactly(List.of("12"), List.of("7"));
        assertThat(query("SELECT count(*) FROM shards")).containsExactly(List.of("0"));
    }

    @Test
    void withoutATemplateTheHiveFoldersAreTheProjectionsAndReadBack() {
        succeed(clients.athena(), "INSERT INTO hivestyle VALUES (1, '2024-03-01'), (2, '2025-01-01')", "projins");
        assertThat(folders("projins/hivestyle/")).containsExactly("projins/hivestyle/dt=2024-03-01/",
                "projins/hivestyle/dt=2025-01-01/");
        // A value outside the range is written (and registered) but never projected, so never read.
        assertThat(query("SELECT id, dt FROM hivestyle ORDER BY id")).containsExactly(List.of("1", "2024-03-01"));
    }
}
