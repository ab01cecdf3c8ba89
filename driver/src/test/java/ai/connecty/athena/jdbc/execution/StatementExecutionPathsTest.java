package ai.connecty.athena.jdbc.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static software.amazon.awssdk.services.athena.model.QueryExecutionState.CANCELLED;
import static software.amazon.awssdk.services.athena.model.QueryExecutionState.FAILED;
import static software.amazon.awssdk.services.athena.model.QueryExecutionState.RUNNING;
import static software.amazon.awssdk.services.athena.model.QueryExecutionState.SUCCEEDED;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLWarning;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.athena.model.AthenaError;
import software.amazon.awssdk.services.athena.model.GetQueryExecutionResponse;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionStatus;
import software.amazon.awssdk.services.athena.model.StopQueryExecutionResponse;

/**
 * The paths of {@link StatementExecution#run} that {@link StatementExecutionTest} does not take: how much of the query
 * timeout each call is given, the timeout noticed after a poll or at the first page, a call that fails once a cancel
 * was asked for (or the thread interrupted), the FAILED and CANCELLED outcomes, and a cancel after the end.
 */
class StatementExecutionPathsTest {
    private final ProgrammableAthena athena = new ProgrammableAthena();
    private final List<SQLWarning> warnings = new ArrayList<>();
    /** A clock the test sets; waits advance it by the delay asked for, as {@link FakeClock}'s do. */
    private final SettableClock clock = new SettableClock();

    private static final class SettableClock implements PollingClock {
        final List<Long> waits = new ArrayList<>();
        volatile long nanos;
        volatile Runnable onWait = () -> { };
        volatile boolean interruptWait;

        @Override
        public long nanoTime() {
            return nanos;
        }

        @Override
        public void waitFor(long millis, CancelSignal signal) throws InterruptedException {
            waits.add(millis);
            if (interruptWait) {
                throw new InterruptedException("test");
            }
            nanos += TimeUnit.MILLISECONDS.toNanos(millis);
            onWait.run();
        }
    }

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    private StatementExecution execution() {
        QuerySettings settings = QuerySettings.builder().pollingSchedule(new PollingSchedule(100, 1000, 2.0)).build();
        return new StatementExecution(new AthenaQueryClient(athena, settings), clock, warnings::add);
    }

    private static QueryRequest request(int timeoutSeconds) {
        return QueryRequest.of("SELECT 1", "AwsDataCatalog", "default", timeoutSeconds, 1000);
    }

    private static Optional<Duration> callLimit(AwsRequest request) {
        return request.overrideConfiguration().flatMap(c -> c.apiCallTimeout());
    }

    @Test
    void eachCallIsGivenWhatIsLeftOfTheTimeoutRoundedUpToTheMillisecond() throws SQLException {
        // The clock starts far from 0. 1.5 ms pass during the submission, 100 ms in the one wait: 1998.5 ms are left
        // at the first poll, 1898.5 ms at the second and at the first page, given as 1999 and 1899 (a call never gets
        // less than is left).
        long origin = TimeUnit.HOURS.toNanos(5);
        clock.nanos = origin;
        athena.onStart = r -> {
            clock.nanos = origin + 1_500_000;
            return ProgrammableAthena.started();
        };
        int[] polls = {0};
        athena.onPoll = r -> ProgrammableAthena.state(polls[0]++ == 0 ? RUNNING : SUCCEEDED);

        execution().run(request(2));

        assertThat(athena.polls).extracting(StatementExecutionPathsTest::callLimit)
                .containsExactly(Optional.of(Duration.ofMillis(1999)), Optional.of(Duration.ofMillis(1899)));
        assertThat(callLimit(athena.pages.get(0))).contains(Duration.ofMillis(1899));
        assertThat(clock.waits).containsExactly(100L);
    }

    @Test
    void withoutATimeoutNoCallIsLimited() throws SQLException {
        clock.nanos = Long.MAX_VALUE - 1_000;
        int[] polls = {0};
        athena.onPoll = r -> ProgrammableAthena.state(polls[0]++ == 0 ? RUNNING : SUCCEEDED);

        execution().run(request(0));

        assertThat(athena.polls).extracting(StatementExecutionPathsTest::callLimit)
                .containsExactly(Optional.empty(), Optional.empty());
        assertThat(callLimit(athena.pages.get(0))).isEmpty();
        assertThat(athena.starts.get(0).overrideConfiguration()).isEmpty();
    }

    /** The first page of a query that SUCCEEDED just as the timeout ran out gets 1 ms (it fails as a timeout), not no limit. */
    @Test
    void aFirstPageAskedForAfterTheTimeoutRanOutIsGivenOneMillisecond() throws SQLException {
        athena.onPoll = r -> {
            clock.nanos = TimeUnit.SECONDS.toNanos(3);
            return ProgrammableAthena.state(SUCCEEDED);
        };

        execution().run(request(2));

        assertThat(callLimit(athena.pages.get(0))).contains(Duration.ofMillis(1));
        assertThat(athena.stops).isEmpty();
    }

    @Test
    void aFirstPageThatRunsOutOfTheTimeoutSaysTheQueryRanToItsEndAndStopsNothing() {
        athena.onPage = r -> {
            throw ApiCallTimeoutException.create(1999);
        };
        StatementExecution execution = execution();

        SQLTimeoutException e = catchThrowableOfType(() -> execution.run(request(2)), SQLTimeoutException.class);

        assertThat(e.getSQLState()).isEqualTo("HYT00");
        assertThat((Throwable) e).hasMessageContaining("SUCCEEDED, but its results").hasMessageContaining("was not stopped");
        assertThat(athena.stops).isEmpty();
        assertThat(execution.terminalExecution().status().state()).isEqualTo(SUCCEEDED);
    }

    @Test
    void aPollThatRunsOutOfTheTimeoutStopsTheQuery() {
        athena.onPoll = r -> {
            throw ApiCallTimeoutException.create(2000);
        };
        StatementExecution execution = execution();

        SQLTimeoutException e = catchThrowableOfType(() -> execution.run(request(2)), SQLTimeoutException.class);

        // Exactly 2000 ms were left: rounding up gives no millisecond more.
        assertThat(callLimit(athena.polls.get(0))).contains(Duration.ofMillis(2000));
        assertThat((Throwable) e).hasMessageContaining("did not finish within the query timeout of 2 s");
        assertThat(e.getCause()).isInstanceOf(SQLTimeoutException.class);
        assertThat(athena.stops).hasSize(1);
        assertThat(athena.stops.get(0).queryExecutionId()).isEqualTo(ProgrammableAthena.ID);
        assertThat(execution.terminalExecution()).isNull();
    }

    @Test
    void aPollAnsweredAfterTheTimeoutRanOutStopsTheQueryWithoutWaiting() {
        athena.onPoll = r -> {
            clock.nanos = TimeUnit.SECONDS.toNanos(2);
            return ProgrammableAthena.state(RUNNING);
        };

        SQLTimeoutException e = catchThrowableOfType(() -> execution().run(request(2)), SQLTimeoutException.class);

        assertThat(e.getSQLState()).isEqualTo("HYT00");
        assertThat(clock.waits).isEmpty();
        assertThat(athena.polls).hasSize(1);
        assertThat(athena.stops).hasSize(1);
    }

    @Test
    void aWaitThatEndsExactlyAtTheTimeoutStopsTheQueryWithoutPollingAgain() {
        athena.onPoll = r -> ProgrammableAthena.state(RUNNING);
        clock.onWait = () -> clock.nanos = TimeUnit.SECONDS.toNanos(2);

        SQLTimeoutException e = catchThrowableOfType(() -> execution().run(request(2)), SQLTimeoutException.class);

        assertThat(e.getSQLState()).isEqualTo("HYT00");
        assertThat(athena.polls).hasSize(1);
        assertThat(athena.stops).hasSize(1);
    }

    /**
     * A thread interrupted while it waits for a stop that another call is sending leaves that stop to it and keeps
     * its interrupt. Played in one thread: the stop's own answer is where a second cancel comes, interrupted.
     */
    @Test
    void aCancelInterruptedWhileAnotherStopIsAnsweredKeepsItsInterrupt() {
        athena.onPoll = r -> ProgrammableAthena.state(RUNNING);
        StatementExecution execution = execution();
        boolean[] interruptKept = {false};
        athena.onStop = r -> {
            Thread.currentThread().interrupt();
            execution.cancel("Connection.close()");
            interruptKept[0] = Thread.interrupted();
            return StopQueryExecutionResponse.builder().build();
        };
        clock.onWait = execution::cancel;

        SQLException e = catchThrowableOfType(() -> execution.run(request(0)), SQLException.class);

        assertThat(e.getSQLState()).isEqualTo("57014");
        assertThat(interruptKept[0]).isTrue();
        assertThat(athena.stops).hasSize(1);
    }

    @Test
    void theLastWaitEndsOneMillisecondAfterTheTimeout() {
        // 1749.5 ms pass in the submission; after the first wait (100 ms), 150.5 ms are left: the second wait is cut
        // to 151 ms instead of the schedule's 200, and the next turn finds the timeout run out.
        athena.onPoll = r -> ProgrammableAthena.state(RUNNING);
        athena.onStart = r -> {
            clock.nanos = TimeUnit.MILLISECONDS.toNanos(1750) - 500_000;
            return ProgrammableAthena.started();
        };

        catchThrowableOfType(() -> execution().run(request(2)), SQLTimeoutException.class);

        assertThat(clock.waits).containsExactly(100L, 151L);
        assertThat(athena.stops).hasSize(1);
    }

    @Test
    void aFailedQueryIsItsErrorAndIsNotStopped() {
        athena.onPoll = r -> GetQueryExecutionResponse.builder().queryExecution(QueryExecution.builder()
                .queryExecutionId(ProgrammableAthena.ID).status(QueryExecutionStatus.builder().state(FAILED)
                        .stateChangeReason("SYNTAX_ERROR: line 1:8: Column 'x' cannot be resolved")
                        .athenaError(AthenaError.builder().errorCategory(2).errorType(1006).build()).build())
                .build()).build();
        StatementExecution execution = execution();

        SQLException e = catchThrowableOfType(() -> execution.run(request(0)), SQLException.class);

        assertThat((Throwable) e).hasMessageContaining("Column 'x' cannot be resolved");
        assertThat(e.getSQLState()).isNotEqualTo("57014");
        assertThat(athena.pages).isEmpty();
        assertThat(athena.stops).isEmpty();
        assertThat(execution.terminalExecution().status().state()).isEqualTo(FAILED);
    }

    @Test
    void aQueryCancelledElsewhereGivesAthenasReasonOrSaysSo() {
        athena.onPoll = r -> GetQueryExecutionResponse.builder()
                .queryExecution(ProgrammableAthena.execution(CANCELLED, "Query cancelled by user alice")).build();
        SQLException withReason = catchThrowableOfType(() -> execution().run(request(0)), SQLException.class);
        athena.onPoll = r -> ProgrammableAthena.state(CANCELLED);
        SQLException without = catchThrowableOfType(() -> execution().run(request(0)), SQLException.class);

        assertThat((Throwable) withReason).hasMessageEndingWith("was cancelled: Query cancelled by user alice");
        assertThat((Throwable) without).hasMessageEndingWith("was cancelled: cancelled outside this statement");
        assertThat(without.getSQLState()).isEqualTo("57014");
        assertThat(athena.pages).isEmpty();
        assertThat(athena.stops).isEmpty();
    }

    @Test
    void aPollThatFailsAfterACancelIsTheCancelAndStopsTheQuery() {
        StatementExecution execution = execution();
        athena.onPoll = r -> {
            execution.cancel("Connection.close()");
            throw new IllegalStateException("Connection pool shut down");
        };

        SQLException e = catchThrowableOfType(() -> execution.run(request(0)), SQLException.class);

        assertThat(e.getSQLState()).isEqualTo("57014");
        assertThat((Throwable) e).hasMessageEndingWith("cancelled by Connection.close() while its state was read");
        assertThat(((SQLException) e.getCause()).getSQLState()).isEqualTo("58000");
        assertThat(athena.stops).hasSize(1);
    }

    @Test
    void aPollThatFailsWithoutACancelIsItsOwnFailureAndStopsNothing() {
        athena.onPoll = r -> {
            throw SdkClientException.create("Connection reset");
        };

        SQLException e = catchThrowableOfType(() -> execution().run(request(0)), SQLException.class);

        assertThat(e.getSQLState()).isEqualTo("58030");
        assertThat(athena.stops).isEmpty();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aPollFailedByAnInterruptIsACancelThatStopsTheQueryAndKeepsTheInterrupt() {
        athena.onPoll = r -> {
            Thread.currentThread().interrupt();
            throw SdkClientException.create("aborted", new InterruptedException());
        };
        athena.onStop = r -> {
            // The stop is sent with the flag clear, or the SDK would abort it at once.
            assertThat(Thread.currentThread().isInterrupted()).isFalse();
            return StopQueryExecutionResponse.builder().build();
        };
        StatementExecution execution = execution();

        SQLException e = catchThrowableOfType(() -> execution.run(request(0)), SQLException.class);

        assertThat(Thread.interrupted()).isTrue();
        assertThat(e.getSQLState()).isEqualTo("57014");
        assertThat((Throwable) e).hasMessageEndingWith("the thread running it was interrupted");
        assertThat(athena.stops).hasSize(1);
        assertThat(execution.cancelledBy()).isEqualTo("an interrupt of the thread running it");
    }

    @Test
    void anInterruptedWaitIsACancelThatStopsTheQueryAndKeepsTheInterrupt() {
        athena.onPoll = r -> ProgrammableAthena.state(RUNNING);
        clock.interruptWait = true;
        StatementExecution execution = execution();

        SQLException e = catchThrowableOfType(() -> execution.run(request(0)), SQLException.class);

        assertThat(Thread.interrupted()).isTrue();
        assertThat(e.getSQLState()).isEqualTo("57014");
        assertThat(e.getCause()).isInstanceOf(InterruptedException.class);
        assertThat(athena.stops).hasSize(1);
    }

    @Test
    void aSubmissionThatFailsAfterACancelIsTheCancelWithTheFailureAsItsCause() {
        StatementExecution execution = execution();
        athena.onStart = r -> {
            execution.cancel("Statement.close()");
            throw new IllegalStateException("Connection pool shut down");
        };

        SQLException e = catchThrowableOfType(() -> execution.run(request(0)), SQLException.class);

        assertThat(e.getSQLState()).isEqualTo("57014");
        assertThat((Throwable) e).hasMessageContaining("cancelled by Statement.close() while StartQueryExecution was sent");
        assertThat(((SQLException) e.getCause()).getSQLState()).isEqualTo("58000");
        assertThat(execution.queryExecutionId()).isNull();
        assertThat(athena.stops).isEmpty();
    }

    @Test
    void aSubmissionThatFailsWithoutACancelIsItsOwnFailure() {
        athena.onStart = r -> {
            throw SdkClientException.create("Connection reset");
        };

        SQLException e = catchThrowableOfType(() -> execution().run(request(0)), SQLException.class);

        assertThat(e.getSQLState()).isEqualTo("58030");
        assertThat(athena.polls).isEmpty();
    }

    @Test
    void aCancelWhileTheQueryIsSubmittedStopsItOnceSubmitted() {
        StatementExecution execution = execution();
        athena.onStart = r -> {
            execution.cancel();
            return ProgrammableAthena.started();
        };

        SQLException e = catchThrowableOfType(() -> execution.run(request(0)), SQLException.class);

        assertThat(e.getSQLState()).isEqualTo("57014");
        assertThat(execution.queryExecutionId()).isEqualTo(ProgrammableAthena.ID);
        assertThat(athena.stops).hasSize(1);
        assertThat(athena.polls).isEmpty();
    }

    @Test
    void aFirstPageThatFailsAfterACancelIsTheCancelAndStopsNothing() {
        StatementExecution execution = execution();
        athena.onPage = r -> {
            execution.cancel("Connection.abort()");
            throw new IllegalStateException("Connection pool shut down");
        };

        SQLException e = catchThrowableOfType(() -> execution.run(request(0)), SQLException.class);

        assertThat(e.getSQLState()).isEqualTo("57014");
        assertThat((Throwable) e).hasMessageContaining("cancelled by Connection.abort() after the query SUCCEEDED");
        assertThat(athena.stops).isEmpty();
    }

    @Test
    void aFirstPageThatFailsWithoutACancelIsItsOwnFailure() {
        athena.onPage = r -> {
            throw new IllegalStateException("Connection pool shut down");
        };

        SQLException e = catchThrowableOfType(() -> execution().run(request(0)), SQLException.class);

        assertThat(e.getSQLState()).isEqualTo("58000");
        assertThat((Throwable) e).hasMessageContaining("GetQueryResults");
    }

    @Test
    void aCancelAfterTheRunEndedStopsNothing() throws SQLException {
        athena.onPage = r -> GetQueryResultsResponse.builder().updateCount(3L).build();
        StatementExecution execution = execution();

        execution.run(request(0));
        execution.cancel();

        assertThat(athena.stops).isEmpty();
        assertThat(execution.cancelRequested()).isTrue();
        assertThat(warnings).isEmpty();
    }

    @Test
    void aCancelAfterAFailedPollStopsNothing() {
        athena.onPoll = r -> {
            throw SdkClientException.create("Connection reset");
        };
        StatementExecution execution = execution();
        catchThrowableOfType(() -> execution.run(request(0)), SQLException.class);

        execution.cancel();

        assertThat(athena.stops).isEmpty();
    }

    @Test
    void aStopThatFailsOtherwiseThanDeniedIsAPlainWarning() {
        athena.onPoll = r -> ProgrammableAthena.state(RUNNING);
        athena.onStop = r -> {
            throw SdkClientException.create("Connection reset");
        };
        StatementExecution execution = execution();
        clock.onWait = execution::cancel;

        catchThrowableOfType(() -> execution.run(request(0)), SQLException.class);

        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).getSQLState()).isEqualTo("01000");
        assertThat((Throwable) warnings.get(0)).hasMessageContaining("StopQueryExecution failed");
    }
}
