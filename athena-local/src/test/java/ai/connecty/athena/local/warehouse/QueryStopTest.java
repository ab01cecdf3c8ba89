package ai.connecty.athena.local.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.storage.BucketStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A query never stays RUNNING forever: StopQueryExecution and the time limit both end it and release its thread,
 * also while DuckDB is busy with it. More stopped queries than the pool has threads prove the release: a query
 * started afterwards would otherwise stay QUEUED.
 */
class QueryStopTest {

    /** Runs far longer than any test waits (10^12 rows) unless DuckDB is interrupted. */
    /** 10^16 rows; sequence() gives at most 10,000 entries, as in Trino. */
    private static final String ENDLESS = "SELECT count(*) FROM UNNEST(sequence(1, 10000)) AS a(x), "
            + "UNNEST(sequence(1, 10000)) AS b(y), UNNEST(sequence(1, 10000)) AS c(z), UNNEST(sequence(1, 10000)) AS d(w)";
    private static final int MORE_THAN_THE_POOL = 6;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AllowAll ADMIN = new AllowAll();

    @TempDir
    Path dir;
    private LocalWarehouse warehouse;
    private final AtomicLong extraQueryMillis = new AtomicLong();

    private void start(Duration timeLimit) {
        warehouse = new LocalWarehouse(dir, new BucketStore(dir), extraQueryMillis::get, "123456789012", "us-east-1",
                timeLimit);
    }

    @AfterEach
    void stop() {
        warehouse.close();
    }

    @Test
    void stoppedQueriesReleaseTheirThreadsWhileDuckDbRuns() throws Exception {
        start(Duration.ofMinutes(30));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < MORE_THAN_THE_POOL; i++) {
            ids.add(startQuery(ENDLESS));
        }
        awaitState(ids.get(0), "RUNNING");
        for (String id : ids) {
            call("StopQueryExecution", "{\"QueryExecutionId\":\"" + id + "\"}");
        }
        for (String id : ids) {
            JsonNode q = awaitFinal(id);
            assertThat(q.at("/Status/State").asText()).isEqualTo("CANCELLED");
            assertThat(q.at("/Status/StateChangeReason").asText()).isEqualTo("Query cancelled by user");
        }
        assertThat(awaitFinal(startQuery("SELECT 1")).at("/Status/State").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aQueryBusyInDuckDbPastTheTimeLimitFails() throws Exception {
        start(Duration.ofMillis(300));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < MORE_THAN_THE_POOL; i++) {
            ids.add(startQuery(ENDLESS));
        }
        for (String id : ids) {
            JsonNode q = awaitFinal(id);
            assertThat(q.at("/Status/State").asText()).isEqualTo("FAILED");
            assertThat(q.at("/Status/StateChangeReason").asText()).isEqualTo("EXCEEDED_TIME_LIMIT: Query exceeded "
                    + "the maximum execution time limit of 300 ms and was stopped by athena-local");
            assertThat(q.at("/Status/AthenaError/ErrorMessage").asText()).startsWith("EXCEEDED_TIME_LIMIT");
        }
        assertThat(awaitFinal(startQuery("SELECT 1")).at("/Status/State").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aQueryWaitingOutsideDuckDbPastTheTimeLimitFails() throws Exception {
        start(Duration.ofMillis(300));
        extraQueryMillis.set(600_000);
        String id = startQuery("SELECT 2");
        assertThat(awaitFinal(id).at("/Status/State").asText()).isEqualTo("FAILED");
        extraQueryMillis.set(0);
        assertThat(awaitFinal(startQuery("SELECT 3")).at("/Status/State").asText()).isEqualTo("SUCCEEDED");
    }

    private String startQuery(String sql) {
        ObjectNode in = JSON.createObjectNode();
        in.put("QueryString", sql);
        in.put("ClientRequestToken", UUID.randomUUID().toString());
        in.putObject("ResultConfiguration").put("OutputLocation", "s3://athena-results/");
        return warehouse.athena().handle("StartQueryExecution", in, ADMIN).get("QueryExecutionId").asText();
    }

    private JsonNode call(String op, String json) throws Exception {
        return warehouse.athena().handle(op, JSON.readTree(json), ADMIN);
    }

    private JsonNode awaitFinal(String id) throws Exception {
        return awaitState(id, "SUCCEEDED", "FAILED", "CANCELLED");
    }

    private JsonNode awaitState(String id, String... states) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode q = call("GetQueryExecution", "{\"QueryExecutionId\":\"" + id + "\"}").get("QueryExecution");
            if (List.of(states).contains(q.at("/Status/State").asText())) {
                return q;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("query " + id + " never reached " + List.of(states));
    }
}
