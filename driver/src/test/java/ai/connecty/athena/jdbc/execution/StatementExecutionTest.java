package ai.connecty.athena.jdbc.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static software.amazon.awssdk.services.athena.model.QueryExecutionState.CANCELLED;
import static software.amazon.awssdk.services.athena.model.QueryExecutionState.QUEUED;
import static software.amazon.awssdk.services.athena.model.QueryExecutionState.RUNNING;
import static software.amazon.awssdk.services.athena.model.QueryExecutionState.SUCCEEDED;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionRequest;

class StatementExecutionTest {
    private final FakeClock clock = new FakeClock();
    private final List<SQLWarning> warnings = new ArrayList<>();

    private StatementExecution execution(ScriptedAthenaClient athena, QuerySettings settings) {
        return new StatementExecution(new AthenaQueryClient(athena, settings), clock, warnings::add);
    }

    private static QuerySettings settings() {
        return QuerySettings.builder().outputLocation("s3://results/prefix/")
                .pollingSchedule(new PollingSchedule(100, 1000, 2.0)).build();
    }

    @Test
    void pollsWithGrowingDelaysUntilSucceeded() throws SQLException {
        ScriptedAthenaClient athena = new ScriptedAthenaClient()
                .states(QUEUED, QUEUED, RUNNING, RUNNING, RUNNING, RUNNING, SUCCEEDED);

        CompletedQuery query = execution(athena, settings()).run(QueryRequest.of("SELECT 1", "AwsDataCatalog", "default", 0, 1000));

        assertThat(query.queryExecutionId()).isEqualTo(ScriptedAthenaClient.ID);
        assertThat(clock.waits).containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L);
        assertThat(athena.polls).isEqualTo(7);
    }

    @Test
    void aQueryAlreadyFinishedWhenSubmittedReturnsAfterOnePollWithoutWaiting() throws SQLException {
        ScriptedAthenaClient athena = new ScriptedAthenaClient().states(SUCCEEDED);

        execution(athena, settings()).run(QueryRequest.of("SELECT 1", "AwsDataCatalog", "default", 0, 1000));

        assertThat(athena.polls).isEqualTo(1);
        assertThat(clock.waits).isEmpty();
    }

    @Test
    void startsWithContextResultConfigurationAndAFreshToken() throws SQLException {
        ScriptedAthenaClient athena = new ScriptedAthenaClient().states(SUCCEEDED);
        QuerySettings settings = QuerySettings.builder().workGroup("analytics").outputLocation("s3://b/p/")
                .encryption("SSE_KMS", "arn:aws:kms:us-east-1:123456789012:key/k").expectedBucketOwner("123456789012")
                .aclOption("BUCKET_OWNER_FULL_CONTROL").resultReuse(true, 30).build();

        execution(athena, settings).run(QueryRequest.of("SELECT 1", "lakehouse", "sales", 0, 1000));
        execution(athena, settings).run(QueryRequest.of("SELECT 1", "lakehouse", "sales", 0, 1000));

        StartQueryExecutionRequest request = athena.starts.get(0);
        assertThat(request.queryString()).isEqualTo("SELECT 1");
        assertThat(request.workGroup()).isEqualTo("analytics");
        assertThat(request.queryExecutionContext().catalog()).isEqualTo("lakehouse");
        assertThat(request.queryExecutionContext().database()).isEqualTo("sales");
        assertThat(request.resultConfiguration().outputLocation()).isEqualTo("s3://b/p/");
        assertThat(request.resultConfiguration().encryptionConfiguration().encryptionOptionAsString()).isEqualTo("SSE_KMS");
        assertThat(request.resultConfiguration().encryptionConfiguration().kmsKey()).endsWith("key/k");
        assertThat(request.resultConfiguration().expectedBucketOwner()).isEqualTo("123456789012");
        assertThat(request.resultConfiguration().aclConfiguration().s3AclOptionAsString()).isEqualTo("BUCKET_OWNER_FULL_CONTROL");
        assertThat(request.resultReuseConfiguration().resultReuseByAgeConfiguration().enabled()).isTrue();
        assertThat(request.resultReuseConfiguration().resultReuseByAgeConfiguration().maxAgeInMinutes()).isEqualTo(30);
        assertThat(request.clientRequestToken()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(athena.starts.get(1).clientRequestToken()).isNotEqualTo(request.clientRequestToken());
    }

    @Test
    void resultReuseIsLeftOutWhenDisabled() throws SQLException {
        ScriptedAthenaClient athena = new ScriptedAthenaClient().states(SUCCEEDED);

        execution(athena, settings()).run(QueryRequest.of("SELECT 1", "AwsDataCatalog", "default", 0, 1000));

        assertThat(athena.starts.get(0).resultReuseConfiguration()).isNull();
        assertThat(athena.starts.get(0).resultConfiguration().encryptionConfiguration()).isNull();
    }

    @Test
    void timeoutStopsTheQueryAndThrowsHyt00() {
        ScriptedAthenaClient athena = new ScriptedAthenaClient().states(RUNNING);

        assertThatThrownBy(() -> execution(athena, settings()).run(QueryRequest.of("SELECT 1", "c", "d", 2, 1000)))
                .isInstanceOf(SQLTimeoutException.class)
                .hasMessageContaining(ScriptedAthenaClient.ID)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("HYT00"));
        assertThat(athena.stops).containsExactly(ScriptedAthenaClient.ID);
        long waited = clock.waits.stream().mapToLong(Long::longValue).sum();
        assertThat(waited).isBetween(2000L, 2001L);
    }

    @Test
    void cancelWakesThePollingAndStopsTheQuery() {
        ScriptedAthenaClient athena = new ScriptedAthenaClient().states(RUNNING);
        StatementExecution execution = execution(athena, settings());
        clock.onWait(execution::cancel);

        assertThatThrownBy(() -> execution.run(QueryRequest.of("SELECT 1", "c", "d", 0, 1000)))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("cancelled")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("57014"));
        assertThat(athena.stops).containsExactly(ScriptedAthenaClient.ID);
        assertThat(clock.waits).hasSize(1);
        assertThat(warnings).isEmpty();
    }

    /**
     * The caller is told which call stopped its query: a pool aborting an abandoned connection, or a statement
     * closed from another thread, must not read as a Statement.cancel() nobody made. The first call wins.
     */
    @Test
    void theCancellationNamesTheCallThatStoppedTheQuery() {
        for (String by : new String[] {"Statement.cancel()", "Statement.close()", "Connection.close()", "Connection.abort()"}) {
            ScriptedAthenaClient athena = new ScriptedAthenaClient().states(RUNNING);
            StatementExecution execution = execution(athena, settings());
            clock.onWait(() -> {
                execution.cancel(by);
                execution.cancel("Statement.close()");
            });

            assertThatThrownBy(() -> execution.run(QueryRequest.of("SELECT 1", "c", "d", 0, 1000)))
                    .hasMessageEndingWith("was cancelled: cancelled by " + by)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("57014"));
            assertThat(execution.cancelledBy()).isEqualTo(by);
            assertThat(athena.stops).containsExactly(ScriptedAthenaClient.ID);
        }
        StatementExecution untouched = execution(new ScriptedAthenaClient().states(RUNNING), settings());
        assertThat(untouched.cancelledBy()).isNull();
        untouched.cancel();
        assertThat(untouched.cancelledBy()).isEqualTo("Statement.cancel()");
    }

    /**
     * A cancel that finds the stop already under way in another thread (the polling thread woken by the signal, or
     * a query timeout) returns only once that stop has been answered: the connection closing or aborting right
     * after the cancel would otherwise shut the HTTP client under the StopQueryExecution, and the query would run
     * on in Athena.
     */
    @Test
    void aCancelReturnsOnlyOnceAStopUnderWayInAnotherThreadIsAnswered() throws Exception {
        CountDownLatch stopEntered = new CountDownLatch(1);
        CountDownLatch stopMayAnswer = new CountDownLatch(1);
        ScriptedAthenaClient athena = new ScriptedAthenaClient().states(RUNNING).onStop(() -> {
            stopEntered.countDown();
            try {
                stopMayAnswer.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        StatementExecution execution = execution(athena, settings());
        // The polling thread itself is the first to stop (as when a cancel's signal wakes it before the canceller
        // reaches the stop): it calls cancel from its wait.
        clock.onWait(() -> execution.cancel("Statement.cancel()"));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> running = threads.submit(() -> execution.run(QueryRequest.of("SELECT 1", "c", "d", 0, 1000)));
            assertThat(stopEntered.await(30, TimeUnit.SECONDS)).isTrue();
            Thread[] closer = new Thread[1];
            Future<?> closing = threads.submit(() -> {
                closer[0] = Thread.currentThread();
                execution.cancel("Connection.abort()");
            });
            // Either the cancel came back (the defect) or it waits for the stop in flight.
            while (!closing.isDone() && (closer[0] == null || closer[0].getState() != Thread.State.WAITING)) {
                Thread.sleep(1);
            }
            assertThat(closing.isDone()).as("cancel returned while the stop was still in flight").isFalse();
            stopMayAnswer.countDown();
            closing.get(30, TimeUnit.SECONDS);
            assertThatThrownBy(() -> running.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(SQLException.class);
            assertThat(athena.stops).containsExactly(ScriptedAthenaClient.ID);
        } finally {
            stopMayAnswer.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void deniedStopBecomesAWarningNamingTheQuery() {
        ScriptedAthenaClient athena = new ScriptedAthenaClient().states(RUNNING).denyStop();
        StatementExecution execution = execution(athena, settings());
        clock.onWait(execution::cancel);

        assertThatThrownBy(() -> execution.run(QueryRequest.of("SELECT 1", "c", "d", 0, 1000))).isInstanceOf(SQLException.class);

        assertThat(warnings).hasSize(1);
        assertThat((Throwable) warnings.get(0)).hasMessageContaining(ScriptedAthenaClient.ID)
                .hasMessageContaining("may still be running").hasMessageContaining("athena:StopQueryExecution");
        // A warning is class 01 (01007: privilege not granted); the denial itself stays reachable as the cause.
        assertThat(warnings.get(0).getSQLState()).isEqualTo("01007");
        assertThat(((SQLException) warnings.get(0).getCause()).getSQLState()).isEqualTo("42501");
    }

    @Test
    void queryCancelledElsewhereIs57014WithAthenasReason() {
        ScriptedAthenaClient athena = new ScriptedAthenaClient().states(RUNNING, CANCELLED);

        assertThatThrownBy(() -> execution(athena, settings()).run(QueryRequest.of("SELECT 1", "c", "d", 0, 1000)))
                .hasMessageContaining("was cancelled")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("57014"));
        assertThat(athena.stops).isEmpty();
    }

    @Test
    void cancelBeforeSubmissionSubmitsNothing() {
        ScriptedAthenaClient athena = new ScriptedAthenaClient().states(SUCCEEDED);
        StatementExecution execution = execution(athena, settings());
        execution.cancel();

        assertThatThrownBy(() -> execution.run(QueryRequest.of("SELECT 1", "c", "d", 0, 1000)))
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("57014"));
        assertThat(athena.starts).isEmpty();
    }
}
