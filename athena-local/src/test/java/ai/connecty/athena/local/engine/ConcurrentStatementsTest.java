package ai.connecty.athena.local.engine;

import static ai.connecty.athena.local.athena.AthenaQueries.rows;
import static ai.connecty.athena.local.athena.AthenaQueries.succeed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ai.connecty.athena.local.athena.AthenaQueries;
import ai.connecty.athena.local.http.OwnLocalAthena;
import ai.connecty.athena.local.http.SdkClientsExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Many clients at once through the real SDK: SELECTs, SHOW PARTITIONS, MSCK REPAIR, ALTER TABLE ADD/DROP
 * PARTITION and CREATE/DROP TABLE on partitioned tables that share one DuckDB database, one catalog and one
 * query pool. Every query must reach a final state with the result it has when run alone.
 */
class ConcurrentStatementsTest {

    private static final int CLIENTS = 8;
    private static final int ROUNDS = 5;
    private static final String LOCATION = "s3://demo-data/stress/metrics/";


    @RegisterExtension
    static final OwnLocalAthena athena = new OwnLocalAthena();
    private static final SdkClientsExtension clients = athena.clients();

    @BeforeAll
    static void start() throws Exception {
        S3Client s3 = clients.s3();
        // Partition dt=N holds N rows: 1 + 2 + 3 = 6 in all.
        for (int n = 1; n <= 3; n++) {
            byte[] parquet = ParquetFiles.of("SELECT range AS v FROM range(" + n + ")");
            String key = "stress/metrics/dt=" + n + "/part-0.parquet";
            s3.putObject(r -> r.bucket("demo-data").key(key), RequestBody.fromBytes(parquet));
        }
        succeed(clients.athena(), "CREATE DATABASE stress", null);
        succeed(clients.athena(),
                "CREATE EXTERNAL TABLE stress.shared (v bigint) PARTITIONED BY (dt string) STORED AS PARQUET "
                + "LOCATION '" + LOCATION + "'", null);
        succeed(clients.athena(), "MSCK REPAIR TABLE stress.shared", null);
    }

    @Test
    void mixedStatementsFromManyClientsAllFinishWithTheirSoloResults() {
        // A deadlock detector, not a speed check: the run takes seconds; only a hang comes near this bound.
        assertTimeoutPreemptively(Duration.ofMinutes(5), () -> {
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    int client = c;
                    done.add(pool.submit(() -> {
                        for (int round = 0; round < ROUNDS; round++) {
                            oneRound("t_" + client + "_" + round);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
        });
        assertThat(rows(clients.athena(), succeed(clients.athena(), "SHOW TABLES IN stress", null).queryExecutionId()))
                .containsExactly(List.of("shared"));
    }

    /** The lifecycle of one private table, interleaved with reads of the shared one. */
    private static void oneRound(String name) {
        String table = "stress." + name;
        succeed(clients.athena(), "CREATE EXTERNAL TABLE " + table
                + " (v bigint) PARTITIONED BY (dt string) STORED AS PARQUET "
                + "LOCATION '" + LOCATION + "'", null);
        assertThat(count(table)).isEqualTo("0");

        QueryExecution msck = succeed(clients.athena(), "MSCK REPAIR TABLE " + table, null);
        assertThat(rows(clients.athena(), msck.queryExecutionId()).get(0).get(0))
                .isEqualTo("Partitions not in metastore:\t"
                + name + ":dt=1\t" + name + ":dt=2\t" + name + ":dt=3");
        assertThat(count(table)).isEqualTo("6");
        // MSCK on the shared table finds nothing new, whoever runs it.
        assertThat(rows(clients.athena(), succeed(clients.athena(), "MSCK REPAIR TABLE stress.shared", null)
                .queryExecutionId())).isEmpty();

        succeed(clients.athena(), "ALTER TABLE " + table + " DROP PARTITION (dt='3')", null);
        assertThat(count(table)).isEqualTo("3");
        succeed(clients.athena(), "ALTER TABLE " + table + " ADD PARTITION (dt='3') LOCATION '" + LOCATION
                + "dt=3/'", null);
        assertThat(rows(clients.athena(), succeed(clients.athena(), "SHOW PARTITIONS " + table, null)
                .queryExecutionId()))
                .containsExactly(List.of("dt=1"), List.of("dt=2"), List.of("dt=3"));
        assertThat(rows(clients.athena(), succeed(clients.athena(),
                "SELECT dt, count(*) AS n FROM " + table + " GROUP BY dt ORDER BY dt", null).queryExecutionId()))
                .containsExactly(List.of("dt", "n"), List.of("1", "1"), List.of("2", "2"), List.of("3", "3"));
        assertThat(count("stress.shared")).isEqualTo("6");

        succeed(clients.athena(), "DROP TABLE " + table, null);
        QueryExecution gone = AthenaQueries.run(clients.athena(), "SELECT count(*) FROM " + table, null);
        assertThat(gone.status().stateChangeReason()).startsWith("TABLE_NOT_FOUND");
    }

    private static String count(String table) {
        return rows(clients.athena(), succeed(clients.athena(), "SELECT count(*) FROM " + table, null)
                .queryExecutionId()).get(1).get(0);
    }
}
