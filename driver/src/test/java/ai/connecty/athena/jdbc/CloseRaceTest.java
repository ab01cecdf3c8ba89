package ai.connecty.athena.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.athena.model.GetQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.GetQueryExecutionResponse;
import software.amazon.awssdk.services.athena.model.GetQueryResultsRequest;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionResponse;
import software.amazon.awssdk.services.athena.model.StopQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.StopQueryExecutionResponse;

/**
 * close() racing execute(), many times over, with both released by one barrier: every query that was started
 * either completed for the caller (whose result set close() then closed) or was asked to stop at once, so no
 * query runs on unobserved and no result set is left open. A StartQueryExecution may still leave after close()
 * returned, when the executing thread had passed its last cancel check: that query is stopped as soon as its id
 * arrives (close() does not wait for a network call in flight).
 */
class CloseRaceTest {
    private static final int ROUNDS = 1500;

    private ExecutorService threads;

    @BeforeEach
    void start() {
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    /** Answers every query at once with one row; records starts, stops and whether a start came after close. */
    private static final class CountingAthena extends StubAthena {
        final AtomicInteger starts = new AtomicInteger();
        final AtomicInteger stops = new AtomicInteger();
        /** Polls that saw the query finished: this client's queries succeed at the first poll. */
        final AtomicInteger finished = new AtomicInteger();
        final AtomicBoolean closeReturned = new AtomicBoolean();
        final AtomicInteger startsAfterClose = new AtomicInteger();

        @Override
        public StartQueryExecutionResponse startQueryExecution(StartQueryExecutionRequest request) {
            if (closeReturned.get()) {
                startsAfterClose.incrementAndGet();
            }
            return StartQueryExecutionResponse.builder().queryExecutionId("q-" + starts.incrementAndGet()).build();
        }

        @Override
        public GetQueryExecutionResponse getQueryExecution(GetQueryExecutionRequest request) {
            finished.incrementAndGet();
            return succeeded(request.queryExecutionId(), "SELECT");
        }

        @Override
        public GetQueryResultsResponse getQueryResults(GetQueryResultsRequest request) {
            return selectOnePage();
        }

        @Override
        public StopQueryExecutionResponse stopQueryExecution(StopQueryExecutionRequest request) {
            stops.incrementAndGet();
            return StopQueryExecutionResponse.builder().build();
        }
    }

    private static AthenaConnection connect(CountingAthena athena) {
        return TestConnections.overStub(athena);
    }

    @Test
    void closingTheStatementWhileItExecutesStartsNothingAfterwardsAndLeaksNoResultSet() throws Exception {
        race(false);
    }

    @Test
    void closingTheConnectionWhileAStatementExecutesStartsNothingAfterwardsAndLeaksNoResultSet() throws Exception {
        race(true);
    }

    private void race(boolean closeConnection) throws Exception {
        int completed = 0;
        int refused = 0;
        for (int round = 0; round < ROUNDS; round++) {
            CountingAthena athena = new CountingAthena();
            Connection connection = connect(athena);
            Statement statement = connection.createStatement();
            CyclicBarrier go = new CyclicBarrier(2);
            Future<ResultSet> execute = threads.submit(() -> {
                go.await();
                return statement.executeQuery("SELECT 1");
            });
            Future<?> close = threads.submit(() -> {
                go.await();
                if (closeConnection) {
                    connection.close();
                } else {
                    statement.close();
                }
                athena.closeReturned.set(true);
                return null;
            });
            close.get(10, TimeUnit.SECONDS);
            ResultSet rows = null;
            try {
                rows = execute.get(10, TimeUnit.SECONDS);
                assertThat(rows).as("what executeQuery returned (JDBC: never null)").isNotNull();
                completed++;
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(SQLException.class);
                assertThat(((SQLException) e.getCause()).getSQLState()).isIn("55000", "57014", "08003");
                refused++;
            }
            assertThat(athena.starts.get()).isLessThanOrEqualTo(1);
            if (athena.startsAfterClose.get() > 0) {
                assertThat(rows).as("a query started after close() returned is never handed out").isNull();
            }
            if (rows != null) {
                assertThat(rows.isClosed()).as("the result set of a closed statement").isTrue();
            } else if (athena.starts.get() == 1 && athena.finished.get() == 0) {
                assertThat(athena.stops.get()).as("a started query nobody reads is stopped").isEqualTo(1);
            }
            assertThat(statement.isClosed()).isTrue();
            connection.close();
        }
        // Both outcomes must have happened, or the race was not exercised.
        assertThat(completed).isPositive();
        assertThat(refused).isPositive();
    }

    /**
     * A result set read on one thread while the connection closes on another: every read either sees the row (it
     * came first) or fails as reading a closed result set does (55000), never with another state such as 24000
     * "after the last row", which would tell the reader its data ended. Many rounds: the window is narrow.
     */
    @Test
    void readingAResultSetWhileTheConnectionClosesFailsOnlyAsClosed() throws Exception {
        java.util.Map<String, Integer> outcomes = new java.util.TreeMap<>();
        for (int round = 0; round < 10_000; round++) {
            AthenaConnection connection = connect(new CountingAthena());
            ResultSet rows = connection.createStatement().executeQuery("SELECT 1");
            assertThat(rows.next()).isTrue();
            CyclicBarrier go = new CyclicBarrier(2);
            Future<String> reader = threads.submit(() -> {
                go.await();
                try {
                    while (true) {
                        assertThat(rows.getInt(1)).isEqualTo(1);
                        rows.getString(1);
                    }
                } catch (SQLException e) {
                    return e.getSQLState() + " " + e.getMessage();
                }
            });
            Future<?> close = threads.submit(() -> {
                go.await();
                connection.close();
                return null;
            });
            close.get(10, TimeUnit.SECONDS);
            outcomes.merge(reader.get(10, TimeUnit.SECONDS), 1, Integer::sum);
        }
        assertThat(outcomes).containsOnlyKeys("55000 The result set is closed");
    }

    /**
     * close() (the statement's, or the connection's from another thread) landing after execute found the rows but
     * before executeQuery handed them out: executeQuery must refuse, never return null. The override does here,
     * deterministically, what the race above does now and then.
     */
    @Test
    void executeQueryClosedJustBeforeItReturnsRefusesInsteadOfReturningNull() throws Exception {
        AthenaConnection connection = connect(new CountingAthena());
        AthenaStatement statement = connection.register(new AthenaStatement(connection, java.sql.ResultSet.HOLD_CURSORS_OVER_COMMIT) {
            @Override
            public boolean execute(String sql) throws SQLException {
                boolean rows = super.execute(sql);
                close();
                return rows;
            }
        });

        assertThatThrownBy(() -> statement.executeQuery("SELECT 1")).isInstanceOf(SQLException.class)
                .hasMessage("The statement is closed")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("55000"));
        connection.close();
    }

    /**
     * abort(executor) hands the release to the executor; one that refuses it (shut down, saturated) must neither
     * let its RejectedExecutionException out of a java.sql call nor leave the connection closed with its
     * statements, result sets and AWS clients open for ever (close() is a no-op once the connection is closed).
     */
    @Test
    void abortWithAnExecutorThatRefusesTheWorkStillReleasesEverything() throws Exception {
        AthenaConnection connection = connect(new CountingAthena());
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT 1");

        connection.abort(task -> {
            throw new java.util.concurrent.RejectedExecutionException("executor shut down");
        });

        assertThat(connection.isClosed()).isTrue();
        assertThat(statement.isClosed()).as("statement of the aborted connection").isTrue();
        assertThat(rows.isClosed()).as("result set of the aborted connection").isTrue();
    }

    @Test
    void closeIsIdempotentFromManyThreadsAtOnce() throws Exception {
        CountingAthena athena = new CountingAthena();
        AthenaConnection connection = connect(athena);
        List<Statement> statements = new ArrayList<>();
        List<ResultSet> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Statement statement = connection.createStatement();
            statements.add(statement);
            results.add(statement.executeQuery("SELECT 1"));
        }
        ExecutorService many = Executors.newFixedThreadPool(8);
        try {
            CyclicBarrier go = new CyclicBarrier(8);
            List<Future<?>> closers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int which = t;
                closers.add(many.submit(() -> {
                    go.await();
                    if (which % 2 == 0) {
                        connection.close();
                    } else {
                        for (ResultSet rs : results) {
                            rs.close();
                        }
                        for (Statement s : statements) {
                            s.close();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> closer : closers) {
                closer.get(10, TimeUnit.SECONDS);
            }
        } finally {
            many.shutdownNow();
        }
        assertThat(connection.isClosed()).isTrue();
        assertThat(statements).allMatch(s -> {
            try {
                return s.isClosed();
            } catch (SQLException e) {
                return false;
            }
        });
        assertThat(results).allMatch(rs -> {
            try {
                return rs.isClosed();
            } catch (SQLException e) {
                return false;
            }
        });
        assertThat(athena.stops.get()).isZero();
    }
}
