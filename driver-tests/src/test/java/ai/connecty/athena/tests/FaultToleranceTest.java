package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.jdbc.AthenaResultSet;
import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.control.FaultPlan;
import ai.connecty.athena.local.control.FaultRule;
import ai.connecty.athena.local.control.RequestLogEntry;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.athena.model.QueryExecution;

/**
 * The default retry policy under the load the issue measured: 20% throttling and 5% internal errors on every
 * call of every service (Athena, Glue, STS, S3), no added latency. Every query must succeed with the right rows,
 * and none may run twice: athena-local's executions are counted per query text, each text being unique.
 *
 * <p>{@code -Dathena.reliability.queries=500} runs the full measurement; CI runs fewer (2 cores, shared).
 */
@ExtendWith(LocalAthenaExtension.class)
class FaultToleranceTest {
    private static final int QUERIES = Integer.getInteger("athena.reliability.queries", 60);
    private static final long SEED = Long.getLong("athena.reliability.seed", 20261203L);
    private static final int CONNECTIONS = 4;
    private static final int THREADS = 8;

    private static LocalAthena athena;

    @Test
    void everyQuerySucceedsOnceUnderThrottlingAndServerErrorsOnEveryApi() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            // Half the connections read every result from its S3 file: the driver's S3 client under the faults.
            connections.add(i % 2 == 0 ? Connections.connectyUser(athena)
                    : Connections.connectyUser(athena, "ResultFetcher=S3"));
        }
        athena.requestLog().clear();
        athena.faults().set(FaultPlan.of(SEED,
                FaultRule.forAction("*", "*").withThrottleRate(0.2).withErrorRate(0.05)));
        AtomicInteger next = new AtomicInteger();
        Map<String, String> failures = new ConcurrentHashMap<>();
        AtomicInteger glueChecks = new AtomicInteger();
        AtomicInteger s3Checks = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Connection connection = connections.get(t % CONNECTIONS);
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < QUERIES; i = next.getAndIncrement()) {
                        try {
                            runAndCheck(connection, run, i, glueChecks, s3Checks);
                        } catch (SQLException | RuntimeException | AssertionError e) {
                            failures.put("q" + i, e.toString());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
            athena.faults().clear();
        }
        List<RequestLogEntry> log = athena.requestLog().entries();
        long throttled = log.stream().filter(e -> e.status() == 400 || e.status() == 503)
                .filter(e -> !e.denied()).count();
        long serverErrors = log.stream().filter(e -> e.status() == 500).count();
        System.out.printf("FaultToleranceTest: %d queries, %d requests, %d throttled, %d server errors, %d failed%n",
                QUERIES, log.size(), throttled, serverErrors, failures.size());

        assertThat(failures).as("queries that failed").isEmpty();
        assertThat(glueChecks.get()).isPositive();
        assertThat(s3Checks.get()).isPositive();
        assertThat(throttled).as("throttled replies injected").isPositive();
        assertThat(serverErrors).as("server errors injected").isPositive();
        Map<String, Integer> executions = executionsPerQuery(run);
        assertThat(executions).hasSize(QUERIES);
        assertThat(executions.entrySet().stream().filter(e -> e.getValue() != 1).map(Map.Entry::getKey)
                .collect(Collectors.toList())).as("queries run more than once").isEmpty();
        for (Connection connection : connections) {
            connection.close();
        }
    }

    private static void runAndCheck(Connection connection, String run, int i, AtomicInteger glueChecks,
                                    AtomicInteger s3Checks) throws SQLException {
        String tag = "ft-" + run + "-" + i;
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT x + " + i + " AS n, '" + tag + "' AS tag FROM (VALUES 1, 2, 3) AS t(x) ORDER BY x")) {
            for (int x = 1; x <= 3; x++) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(x + i);
                assertThat(rows.getString(2)).isEqualTo(tag);
            }
            assertThat(rows.next()).isFalse();
            if ("S3".equals(rows.unwrap(AthenaResultSet.class).getResultTransport())) {
                s3Checks.incrementAndGet();
            }
        }
        if (i % 10 == 0) {
            try (ResultSet tables = connection.getMetaData().getTables(null, "demo", "customers", null)) {
                assertThat(tables.next()).isTrue();
                glueChecks.incrementAndGet();
            }
        }
    }

    /** How many executions athena-local holds for each query text of this run. */
    private static Map<String, Integer> executionsPerQuery(String run) {
        Map<String, Integer> counts = new TreeMap<>();
        for (QueryExecution execution : Executions.all(athena)) {
            String query = execution.query();
            if (query.contains("'ft-" + run + "-")) {
                String tag = query.substring(query.indexOf("'ft-") + 1, query.indexOf("' AS tag"));
                counts.merge(tag, 1, Integer::sum);
            }
        }
        return counts;
    }

}
