package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.jdbc.aws.AwsClients;
import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a pool of 20 connections costs, each with its own SDK clients, HTTP client and assumed-role provider:
 * the measurement behind the decision whether connections with the same settings should share them. It prints
 * the figures (connect time, threads and heap per connection) and asserts only what must hold: each connection
 * works, and closing them gives every thread and client back.
 */
@ExtendWith(LocalAthenaExtension.class)
class PoolFootprintTest {
    private static final int POOL = 20;

    private static LocalAthena athena;

    @Test
    void aPoolOfTwentyConnections() throws Exception {
        warmUp();
        int clientsBefore = AwsClients.openCount();
        long heapBefore = usedHeap();
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        java.util.Set<Thread> before = java.util.Set.copyOf(Thread.getAllStackTraces().keySet());

        List<Connection> pool = new ArrayList<>();
        long connectNanos = 0;
        long firstQueryNanos = 0;
        for (int i = 0; i < POOL; i++) {
            long started = System.nanoTime();
            Connection connection = Connections.connectyUser(athena);
            connectNanos += System.nanoTime() - started;
            started = System.nanoTime();
            query(connection);
            firstQueryNanos += System.nanoTime() - started;
            pool.add(connection);
        }
        int threadsOpen = ManagementFactory.getThreadMXBean().getThreadCount();
        long heapOpen = usedHeap();
        java.util.Map<String, Long> newThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t))
                .collect(java.util.stream.Collectors.groupingBy(t -> t.getName().replaceAll("[-0-9]+$", ""),
                        java.util.TreeMap::new, java.util.stream.Collectors.counting()));
        System.out.println("PoolFootprintTest: threads started while the pool was open, by name: " + newThreads);
        long driverThreads = newThreads.entrySet().stream().filter(e -> !e.getKey().startsWith("athena-local"))
                .mapToLong(java.util.Map.Entry::getValue).sum();
        // No thread per connection: the credential refresh and the connection reaper are the SDK's, JVM-wide.
        assertThat(driverThreads).as("threads the pool's connections started").isLessThanOrEqualTo(2);
        assertThat(AwsClients.openCount() - clientsBefore).isEqualTo(POOL);

        for (Connection connection : pool) {
            connection.close();
        }
        assertThat(AwsClients.openCount()).isEqualTo(clientsBefore);
        System.out.printf("PoolFootprintTest: %d connections: connect %.1f ms each (no network), first query %.1f ms"
                        + " each (incl. AssumeRole); %+d threads while open, athena-local's included (%.2f per connection); heap %+.1f MiB while"
                        + " open (%.2f MiB per connection)%n", POOL, connectNanos / 1e6 / POOL, firstQueryNanos / 1e6 / POOL,
                threadsOpen - threadsBefore, (threadsOpen - threadsBefore) / (double) POOL,
                (heapOpen - heapBefore) / 1048576.0, (heapOpen - heapBefore) / 1048576.0 / POOL);
    }

    /** The SDK's JVM-wide threads and classes are loaded by the first connection, not counted against the pool. */
    private static void warmUp() throws SQLException {
        try (Connection connection = Connections.connectyUser(athena)) {
            query(connection);
        }
    }

    private static void query(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT 1")) {
            assertThat(rows.next()).isTrue();
        }
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
