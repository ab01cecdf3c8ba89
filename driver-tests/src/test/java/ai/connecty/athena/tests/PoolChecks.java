package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.jdbc.AthenaConnection;
import ai.connecty.athena.local.LocalAthena;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** What the tests of the connection pools other than HikariCP (OtherPools*Test) check the same way. */
final class PoolChecks {

    private PoolChecks() {
    }

    /** The driver's URL of the connection guide (role, region, results bucket, workgroup), without the keys. */
    static String url(LocalAthena athena, String... extraProperties) {
        String[] all = new String[extraProperties.length + 1];
        all[0] = "RoleArn=" + LocalAthena.ROLE_ARN;
        System.arraycopy(extraProperties, 0, all, 1, extraProperties.length);
        return Connections.url(athena, all);
    }

    /** The driver's connection under a pool's proxy. */
    static AthenaConnection physical(Connection pooled) throws SQLException {
        return pooled.unwrap(AthenaConnection.class);
    }

    /** The first column of every row, as longs. */
    static List<Long> ids(PreparedStatement statement) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    static long scalar(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).as(sql).isTrue();
            return rows.getLong(1);
        }
    }

    /** How many queries athena-local was asked to start since the log was last cleared. */
    static long queriesStarted(LocalAthena athena) {
        return athena.requestLog().count("athena", "StartQueryExecution");
    }

    /** Every request athena-local served (Athena, Glue, STS, S3) since the log was last cleared. */
    static long requests(LocalAthena athena) {
        return athena.requestLog().entries().size();
    }

    /** Waits, for at most a minute, until {@code condition} holds; whether it did. No wall-clock assertion. */
    static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    static Set<Thread> threads() {
        return Set.copyOf(Thread.getAllStackTraces().keySet());
    }

    /**
     * The threads alive now that were not in {@code baseline}, apart from athena-local's and those {@code ignored}
     * (a pool's own JVM-wide timer), after waiting for them to end: what a closed pool left behind.
     */
    static List<String> threadsLeftSince(Set<Thread> baseline, Predicate<String> ignored) throws InterruptedException {
        Predicate<Thread> leftover = t -> t.isAlive() && !baseline.contains(t) && !t.getName().startsWith("athena-local")
                && !t.getName().startsWith("HTTP-Dispatcher") && !ignored.test(t.getName());
        eventually(() -> Thread.getAllStackTraces().keySet().stream().noneMatch(leftover));
        return Thread.getAllStackTraces().keySet().stream().filter(leftover).map(Thread::getName)
                .collect(Collectors.toList());
    }

    /** The innermost SQLException of a cause chain: the driver's, under a pool's wrapping. */
    static SQLException innermostSqlException(Throwable thrown) {
        SQLException innermost = null;
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                innermost = (SQLException) t;
            }
        }
        return innermost;
    }
}
