package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.jdbc.aws.AwsClients;
import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Many threads on one connection, and many connections at once: every result right (including results paged
 * ahead on the connection's threads), and after close no thread, no socket to the endpoint and no SDK client
 * left. {@code -Dathena.reliability.perThread=50} runs the 50 queries per thread; CI runs fewer.
 */
@ExtendWith(LocalAthenaExtension.class)
class ConcurrencyTest {
    private static final int THREADS = 16;
    private static final int PER_THREAD = Integer.getInteger("athena.reliability.perThread", 6);

    private static LocalAthena athena;
    private static List<Long> firstSales;

    @BeforeAll
    static void reference() throws SQLException {
        // Through the role, so that the SDK's JVM-wide threads (credential refresh scheduler, idle connection
        // reaper) exist before any baseline is taken: they serve every client of the JVM, not one connection.
        try (Connection connection = Connections.connectyUser(athena)) {
            firstSales = saleIds(connection);
        }
        assertThat(firstSales).hasSize(1500);
    }

    private static List<Long> saleIds(Connection connection) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT sale_id FROM demo.sales ORDER BY sale_id LIMIT 1500")) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    @Test
    void sixteenThreadsOnOneConnection() throws Exception {
        Baseline baseline = Baseline.take();
        Connection connection = Connections.connectyUser(athena);
        Map<String, String> failures = runEverywhere(() -> connection);
        // The socket count below means something only if the pooled connections show up in it while open.
        assertThat(establishedTo(athena.port())).isNotZero();
        connection.close();

        assertThat(failures).as("queries with a wrong result or an error").isEmpty();
        baseline.assertNothingLeft();
    }

    @Test
    void sixteenConnectionsAtOnce() throws Exception {
        Baseline baseline = Baseline.take();
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            connections.add(Connections.connectyUser(athena));
        }
        int[] next = {0};
        Map<String, String> failures = runEverywhere(() -> {
            synchronized (next) {
                return connections.get(next[0]++ % THREADS);
            }
        });
        for (Connection connection : connections) {
            connection.close();
        }

        assertThat(failures).as("queries with a wrong result or an error").isEmpty();
        baseline.assertNothingLeft();
    }

    /** Each of {@value #THREADS} threads takes a connection from {@code connections} and runs its queries. */
    private static Map<String, String> runEverywhere(Supplier<Connection> connections) throws Exception {
        Map<String, String> failures = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                Connection connection = connections.get();
                workers.add(pool.submit(() -> {
                    for (int i = 0; i < PER_THREAD; i++) {
                        String name = thread + "/" + i;
                        try {
                            check(connection, thread, i);
                        } catch (SQLException | RuntimeException | AssertionError e) {
                            failures.put(name, e.toString());
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
        }
        return failures;
    }

    private static void check(Connection connection, int thread, int i) throws SQLException {
        if (i % 3 == 2) {
            // More than one page: the second one is fetched ahead on the connection's threads.
            assertThat(saleIds(connection)).isEqualTo(firstSales);
            return;
        }
        int k = thread * 1000 + i;
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT x * " + k + " AS v FROM (VALUES 1, 2, 3) AS t(x) ORDER BY x")) {
            for (int x = 1; x <= 3; x++) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong(1)).isEqualTo((long) x * k);
            }
            assertThat(rows.next()).isFalse();
        }
    }

    /** Threads, sockets to athena-local and SDK clients before the test, to compare with after. */
    private record Baseline(Set<Thread> threads, int clients) {
        static Baseline take() {
            return new Baseline(Set.copyOf(Thread.getAllStackTraces().keySet()), AwsClients.openCount());
        }

        void assertNothingLeft() throws Exception {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            List<String> threadsLeft;
            int socketsLeft;
            do {
                threadsLeft = Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.isAlive() && !threads.contains(t))
                        // athena-local's own threads; and the SDK's JVM-wide refresh pool "sdk-cache", whose idle
                        // threads end after a minute whoever started them.
                        .filter(t -> !t.getName().startsWith("athena-local") && !t.getName().startsWith("HTTP-Dispatcher")
                                && !t.getName().startsWith("sdk-cache-"))
                        .map(Thread::getName).collect(Collectors.toList());
                socketsLeft = establishedTo(athena.port());
                if (threadsLeft.isEmpty() && socketsLeft == 0) {
                    break;
                }
                Thread.sleep(100);
            } while (Instant.now().isBefore(deadline));
            assertThat(threadsLeft).as("threads left by closed connections").isEmpty();
            assertThat(AwsClients.openCount()).as("SDK clients left open").isEqualTo(clients);
            if (socketsLeft >= 0) {
                assertThat(socketsLeft).as("client sockets still connected to athena-local").isZero();
            }
        }
    }

    /**
     * Client sockets of this machine connected to {@code port} (remote port = port, state ESTABLISHED), read from
     * /proc/net/tcp{,6}; -1 where there is no /proc. Only the driver connects to athena-local during the check.
     */
    static int establishedTo(int port) throws IOException {
        int count = 0;
        boolean any = false;
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            Path path = Path.of(table);
            if (!Files.isReadable(path)) {
                continue;
            }
            any = true;
            for (String line : Files.readAllLines(path)) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 3 && fields[2].endsWith(":" + hexPort) && fields[3].equals("01")) {
                    count++;
                }
            }
        }
        return any ? count : -1;
    }
}
