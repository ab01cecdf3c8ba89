package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.control.FaultPlan;
import ai.connecty.athena.local.control.FaultRule;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What pools, BI tools and multi-threaded programs do to a connection from a second thread while the first one
 * reads rows or waits for a query: cancel, close and abort while a GetQueryResults page is awaited, cancel before
 * and after a query, closeOnCompletion completed from another thread, and isValid / setNetworkTimeout / setSchema
 * while queries run. The reading thread must only ever see SQLExceptions with the documented SQLStates, and no
 * thread of the driver may outlive the connection.
 */
@ExtendWith(LocalAthenaExtension.class)
class CrossThreadLifecycleTest {
    private static final String PAGED = "SELECT sale_id FROM demo.sales ORDER BY sale_id LIMIT 1500";
    private static LocalAthena athena;

    @AfterEach
    void clearFaults() {
        athena.faults().clear();
    }

    /** What the reading thread saw: the rows it read and what ended it (null when it read to the end). */
    private record ReadOutcome(int rows, Throwable failure) {
    }

    /**
     * Reads {@code rows} to the end on a thread of its own; {@code past} is counted down once {@code afterRows}
     * rows were read, so that the caller acts while the reader waits for a later page.
     */
    private static CompletableFuture<ReadOutcome> readInBackground(ResultSet rows, int afterRows, CountDownLatch past) {
        return CompletableFuture.supplyAsync(() -> {
            int read = 0;
            try {
                while (rows.next()) {
                    read++;
                    if (read == afterRows) {
                        past.countDown();
                    }
                }
                return new ReadOutcome(read, null);
            } catch (Throwable e) {
                return new ReadOutcome(read, e);
            } finally {
                past.countDown();
            }
        }, OwnThread.EACH_TASK);
    }

    /**
     * A result read page by page (100 rows each) whose later pages are each held 3 s by athena-local: the reader is
     * through the first pages fast and then waits for one when the other thread acts.
     */
    private static ResultSet slowPages(Statement statement) throws SQLException {
        statement.setFetchSize(100);
        ResultSet rows = statement.executeQuery(PAGED);
        athena.faults().set(FaultPlan.of(1, FaultRule.forAction("athena", "GetQueryResults").withLatencyMillis(3000)));
        return rows;
    }

    private static Set<String> driverThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("connecty-athena")).collect(Collectors.toSet());
    }

    private static void awaitNoNewDriverThreads(Set<String> before) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Set<String> left;
        do {
            left = driverThreads();
            left.removeAll(before);
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(50);
        } while (Instant.now().isBefore(deadline));
        assertThat(left).as("driver threads left by the closed connection").isEmpty();
    }

    @Test
    void cancelWhileANextWaitsForAPageFailsThatNextWith57014AndStopsNothing() throws Exception {
        try (Connection connection = Connections.connectyUser(athena, "ResultFetcher=GetQueryResults");
             Statement statement = connection.createStatement()) {
            ResultSet rows = slowPages(statement);
            athena.requestLog().clear();
            CountDownLatch past = new CountDownLatch(1);
            CompletableFuture<ReadOutcome> reading = readInBackground(rows, 250, past);
            assertThat(past.await(30, TimeUnit.SECONDS)).isTrue();

            statement.cancel();

            ReadOutcome outcome = reading.get(30, TimeUnit.SECONDS);
            assertThat(outcome.failure()).as("what next() threw").isInstanceOf(SQLException.class);
            assertThat(((SQLException) outcome.failure()).getSQLState()).isEqualTo("57014");
            assertThat(outcome.rows()).isLessThan(1500);
            // The query had finished: nothing runs in Athena, so nothing is stopped.
            assertThat(athena.requestLog().count("athena", "StopQueryExecution")).isZero();
            athena.faults().clear();
            try (ResultSet again = statement.executeQuery("SELECT 42")) {
                assertThat(again.next()).isTrue();
                assertThat(again.getInt(1)).isEqualTo(42);
            }
        }
    }

    @Test
    void closeAndAbortWhileANextWaitsForAPageFailItAsClosedAndLeaveNoThread() throws Exception {
        for (boolean abort : new boolean[] {false, true}) {
            Set<String> before = driverThreads();
            Connection connection = Connections.connectyUser(athena, "ResultFetcher=GetQueryResults");
            Statement statement = connection.createStatement();
            ResultSet rows = slowPages(statement);
            CountDownLatch past = new CountDownLatch(1);
            CompletableFuture<ReadOutcome> reading = readInBackground(rows, 250, past);
            assertThat(past.await(30, TimeUnit.SECONDS)).isTrue();

            if (abort) {
                connection.abort(OwnThread.EACH_TASK);
            } else {
                connection.close();
            }

            ReadOutcome outcome = reading.get(30, TimeUnit.SECONDS);
            assertThat(outcome.failure()).as("what next() threw after " + (abort ? "abort" : "close"))
                    .isInstanceOf(SQLException.class);
            // The result set was closed under the reader: 55000, not a class 08 state a pool would read as a broken
            // connection of its own (the pool closed it on purpose), and no RuntimeException.
            assertThat(((SQLException) outcome.failure()).getSQLState()).isEqualTo("55000");
            assertThat(connection.isClosed()).isTrue();
            assertThat(connection.isValid(1)).isFalse();
            athena.faults().clear();
            awaitNoNewDriverThreads(before);
        }
    }

    @Test
    void aCancelBeforeExecuteIsANoOpAndOneAfterTheQueryStopsNothing() throws Exception {
        try (Connection connection = Connections.connectyUser(athena); Statement statement = connection.createStatement()) {
            athena.requestLog().clear();
            statement.cancel();
            try (ResultSet rows = statement.executeQuery("SELECT 7")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(7);
                assertThat(rows.next()).isFalse();
            }
            statement.cancel();
            try (ResultSet rows = statement.executeQuery("SELECT 8")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(8);
            }
            statement.cancel();
            assertThat(athena.requestLog().count("athena", "StopQueryExecution")).isZero();
            assertThat((Throwable) statement.getWarnings()).isNull();
        }
    }

    private static CompletableFuture<Throwable> executeInBackground(Statement statement, String sql) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                statement.executeQuery(sql).close();
                return null;
            } catch (Throwable e) {
                return e;
            }
        }, OwnThread.EACH_TASK);
    }

    /**
     * Connection.close() or abort() while the executing thread waits for an Athena call in flight (a poll, the first
     * result page) that the closing of the HTTP client then fails: the caller is told that the close ended its
     * query (57014 naming the call, or 55000 once the query had ended), never a transient network or service state
     * (58xxx) that invites a retry on a connection that is gone.
     */
    @Test
    void closeOrAbortWhileACallIsInFlightTellsTheCallerWhatEndedItsQuery() throws Exception {
        String[] actions = {"GetQueryExecution", "GetQueryResults"};
        for (String action : actions) {
            for (boolean abort : new boolean[] {false, true}) {
                Set<String> before = driverThreads();
                FaultRule rule = FaultRule.forAction("athena", action).withLatencyMillis(4000);
                athena.faults().set(FaultPlan.of(1, action.equals("GetQueryExecution") ? rule.withQueryMillis(20_000) : rule));
                Connection connection = Connections.admin(athena);
                Statement statement = connection.createStatement();
                athena.requestLog().clear();
                CompletableFuture<Throwable> outcome = executeInBackground(statement, "SELECT count(*) FROM demo.sales");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (statement.unwrap(ai.connecty.athena.jdbc.AthenaStatement.class).getQueryExecutionId() == null
                        && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                // Pacing only: the first poll (or the first page) is then in flight, held 4 s by athena-local.
                Thread.sleep(1000);
                if (abort) {
                    connection.abort(OwnThread.EACH_TASK);
                } else {
                    connection.close();
                }
                Throwable failure = outcome.get(60, TimeUnit.SECONDS);
                String what = (abort ? "abort" : "close") + " during " + action;
                assertThat(failure).as(what).isInstanceOf(SQLException.class);
                assertThat(((SQLException) failure).getSQLState()).as(what + ": " + failure).isIn("57014", "55000");
                // A running query is stopped before the HTTP client closes; a finished one is not.
                assertThat(athena.requestLog().count("athena", "StopQueryExecution")).as(what + ": stops")
                        .isEqualTo(action.equals("GetQueryExecution") ? 1 : 0);
                assertThat(connection.isClosed()).isTrue();
                athena.faults().clear();
                awaitNoNewDriverThreads(before);
            }
        }
    }

    /**
     * A DatabaseMetaData call whose Glue request is in flight when another thread closes the connection (a tool's
     * navigator refreshing as the pool evicts): the HTTP client closed under it. The caller hears that the connection
     * is closed (08003), not a transient 58000 that invites a retry on it.
     */
    @Test
    void closeWhileAMetadataCallIsInFlightIsTheClosedConnectionsState() throws Exception {
        athena.faults().set(FaultPlan.of(1, FaultRule.forAction("glue", "GetTables").withLatencyMillis(4000)));
        Connection connection = Connections.connectyUser(athena);
        java.sql.DatabaseMetaData metaData = connection.getMetaData();
        athena.requestLog().clear();
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                metaData.getTables(null, "demo", "%", null).close();
                return null;
            } catch (Throwable e) {
                return e;
            }
        }, OwnThread.EACH_TASK);
        // Pacing only: the GetTables call is then in flight, held 4 s by athena-local.
        Thread.sleep(1000);
        connection.close();
        Throwable failure = outcome.get(60, TimeUnit.SECONDS);
        assertThat(failure).isInstanceOf(SQLException.class);
        assertThat(((SQLException) failure).getSQLState()).as(String.valueOf(failure)).isEqualTo("08003");
    }

    /**
     * PreparedStatement.getMetaData before execute runs a LIMIT 0 query to learn the columns (a tool describing a
     * query). cancel(), close() and the query timeout of the prepared statement must reach that query as they reach
     * the statement's own: it used to run on an internal statement none of them reached, so the caller waited for
     * the whole query and got its columns.
     */
    @Test
    void cancelCloseAndTheQueryTimeoutReachTheQueryThatGetMetaDataRuns() throws Exception {
        for (String how : new String[] {"cancel", "close", "timeout"}) {
            athena.faults().set(FaultPlan.of(1, FaultRule.forAction("athena", "*").withQueryMillis(60_000)));
            try (Connection connection = Connections.admin(athena);
                 java.sql.PreparedStatement statement = connection.prepareStatement(
                         "SELECT count(*) FROM demo.sales WHERE sale_id > ?")) {
                statement.setInt(1, 10);
                if (how.equals("timeout")) {
                    statement.setQueryTimeout(1);
                }
                athena.requestLog().clear();
                CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
                    try {
                        statement.getMetaData();
                        return null;
                    } catch (Throwable e) {
                        return e;
                    }
                }, OwnThread.EACH_TASK);
                if (!how.equals("timeout")) {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                    while (athena.requestLog().count("athena", "GetQueryExecution") == 0 && System.nanoTime() < deadline) {
                        Thread.sleep(10);
                    }
                    if (how.equals("cancel")) {
                        statement.cancel();
                    } else {
                        statement.close();
                    }
                }
                // Well inside the 60 s the query runs: getMetaData must have ended because of the call, not the query.
                Throwable failure = outcome.get(40, TimeUnit.SECONDS);
                assertThat(failure).as(how).isInstanceOf(SQLException.class);
                assertThat(((SQLException) failure).getSQLState()).as(how + ": " + failure)
                        .isEqualTo(how.equals("timeout") ? "HYT00" : "57014");
                assertThat(athena.requestLog().count("athena", "StopQueryExecution")).as(how + ": stops").isEqualTo(1);
            }
            athena.faults().clear();
        }
    }

    @Test
    void closeOnCompletionClosesTheStatementWhenAnotherThreadClosesItsResultSet() throws Exception {
        try (Connection connection = Connections.connectyUser(athena)) {
            Statement statement = connection.createStatement();
            statement.closeOnCompletion();
            ResultSet rows = statement.executeQuery("SELECT 1");
            CompletableFuture.runAsync(() -> {
                try {
                    rows.close();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }, OwnThread.EACH_TASK).get(30, TimeUnit.SECONDS);
            assertThat(statement.isClosed()).isTrue();
            assertThat(connection.isClosed()).isFalse();
        }
    }

    /**
     * Several threads each run their own statements on one connection, while others flip its schema, set its network
     * timeout and ask isValid, as pools and tools do: every query answers its own rows from the database that was
     * current when it was executed, and nothing but the queries' rows reaches the caller.
     */
    @Test
    void oneConnectionSharedByRunnersAndAPoolsHousekeeping() throws Exception {
        try (Connection connection = Connections.connectyUser(athena, "Schema=demo")) {
            int runners = 6;
            int each = 8;
            AtomicReference<Throwable> failure = new AtomicReference<>();
            CountDownLatch done = new CountDownLatch(runners);
            List<CompletableFuture<Void>> work = new ArrayList<>();
            for (int t = 0; t < runners; t++) {
                int thread = t;
                work.add(CompletableFuture.runAsync(() -> {
                    try (Statement statement = connection.createStatement()) {
                        for (int i = 0; i < each; i++) {
                            int value = thread * 1000 + i;
                            try (ResultSet rows = statement.executeQuery(
                                    "SELECT " + value + ", count(*) FROM demo.sales WHERE sale_id < " + (i + 2))) {
                                assertThat(rows.next()).isTrue();
                                assertThat(rows.getInt(1)).isEqualTo(value);
                                assertThat(rows.getLong(2)).isPositive();
                                assertThat(rows.next()).isFalse();
                            }
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        done.countDown();
                    }
                }, OwnThread.EACH_TASK));
            }
            while (done.getCount() > 0) {
                assertThat(connection.isValid(1)).isTrue();
                connection.setNetworkTimeout(OwnThread.EACH_TASK, 60_000);
                connection.setSchema("information_schema");
                connection.setSchema("demo");
                connection.getWarnings();
                Thread.sleep(5);
            }
            for (CompletableFuture<Void> w : work) {
                w.get(60, TimeUnit.SECONDS);
            }
            assertThat(failure.get()).as("what a runner saw").isNull();
            assertThat(connection.getSchema()).isEqualTo("demo");
        }
    }
}
