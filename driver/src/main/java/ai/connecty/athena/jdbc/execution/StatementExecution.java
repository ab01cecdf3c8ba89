package ai.connecty.athena.jdbc.execution;

import ai.connecty.athena.jdbc.aws.AwsClients;
import ai.connecty.athena.jdbc.errors.ErrorTranslator;
import ai.connecty.athena.jdbc.errors.SqlState;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLWarning;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;

/**
 * One run of one statement: submit, poll until a terminal state, fetch the first page. {@link #cancel()} may
 * be called from any thread; it wakes the polling wait at once and asks Athena to stop the query. Stopping
 * needs {@code athena:StopQueryExecution}, which the customer policy may not grant: a refusal becomes a
 * SQLWarning (the query may still be running), never an error of the cancel itself.
 */
public final class StatementExecution {
    private static final Logger LOG = LoggerFactory.getLogger(StatementExecution.class);

    private final AthenaQueryClient client;
    private final PollingClock clock;
    private final Consumer<SQLWarning> warnings;
    private final CancelSignal cancelSignal = new CancelSignal();
    /** Counted down once the one StopQueryExecution of {@link #stopOnce} has been answered (or has failed). */
    private final CountDownLatch stopAnswered = new CountDownLatch(1);
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private volatile String queryExecutionId;
    /**
     * Set once a poll saw the query SUCCEEDED, FAILED or CANCELLED: from then on nothing runs in Athena, so a cancel
     * (or the end of the run) has nothing to stop. A StopQueryExecution then would change nothing, and under a
     * policy that denies it would leave a warning that the query "may still be running".
     */
    private volatile boolean ended;
    /** The execution as the poll that saw it SUCCEEDED, FAILED or CANCELLED read it; null until then. */
    private volatile QueryExecution terminal;

    /** @param warnings where warnings about this execution go (the statement's chain) */
    public StatementExecution(AthenaQueryClient client, PollingClock clock, Consumer<SQLWarning> warnings) {
        this.client = client;
        this.clock = clock;
        this.warnings = warnings;
    }

    /** The id Athena gave the query, null before StartQueryExecution answered. */
    public String queryExecutionId() {
        return queryExecutionId;
    }

    /**
     * The execution as Athena last reported it in a terminal state (SUCCEEDED, FAILED or CANCELLED), or null when no
     * poll saw one: the query was never submitted, or its outcome is unknown (it timed out, was cancelled or
     * interrupted while running, or its state could not be read). Set even when the run then failed (the first page
     * of a SUCCEEDED query that could not be read), so that callers know the statement took effect.
     */
    public QueryExecution terminalExecution() {
        return terminal;
    }

    /** Submits the request, waits for a terminal state and fetches the first page of results. */
    public CompletedQuery run(QueryRequest request) throws SQLException {
        // The query timeout runs from here: a slow or retried submission counts against it too.
        long startedAt = clock.nanoTime();
        try {
            String id;
            // Closing the connection now must neither cut off the reply (the query would run on, its id unknown) nor
            // the stop that a cancel() meanwhile asks for.
            try (AwsClients.Hold submitting = client.holdOpen()) {
                // Read under the hold, not before it: a Connection.close() or abort() that closed the clients before
                // the hold was taken (a hold then keeps nothing open) cancelled this registered execution first, so
                // it is seen here, and nothing is sent into the closed client (whose failure would read as 58000).
                if (cancelSignal.isFired()) {
                    throw new SQLException("The statement was cancelled by " + cancelSignal.firedBy()
                            + " before the query was submitted; nothing was sent", SqlState.QUERY_CANCELED);
                }
                try {
                    id = client.start(request, UUID.randomUUID().toString());
                } catch (SQLException e) {
                    // A close() during the call (the hold defers closing its clients, but a Statement.close() does
                    // not wait): the caller hears of the close, the failure its cause.
                    if (cancelSignal.isFired()) {
                        SQLException cancelled = new SQLException("The statement was cancelled by "
                                + cancelSignal.firedBy() + " while StartQueryExecution was sent, which failed",
                                SqlState.QUERY_CANCELED);
                        cancelled.initCause(e);
                        throw cancelled;
                    }
                    throw e;
                }
                queryExecutionId = id;
                if (cancelSignal.isFired()) {
                    stopOnce(id);
                    throw ErrorTranslator.cancelled(id, "cancelled by " + cancelSignal.firedBy());
                }
            }
            QueryExecution execution = awaitTerminalState(id, request.timeoutSeconds(), startedAt);
            ended = true;
            terminal = execution;
            QueryExecutionState state = execution.status().state();
            if (state == QueryExecutionState.FAILED) {
                throw ErrorTranslator.queryFailed(execution);
            }
            if (state == QueryExecutionState.CANCELLED) {
                String reason = execution.status().stateChangeReason();
                throw ErrorTranslator.cancelled(id, reason == null ? "cancelled outside this statement" : reason);
            }
            GetQueryResultsResponse firstPage;
            try {
                firstPage = client.fetchPage(id, null, request.pageSize(),
                        remainingMillis(request.timeoutSeconds(), startedAt));
            } catch (SQLTimeoutException e) {
                throw ErrorTranslator.timedOutAfterEnd(id, state.toString(), request.timeoutSeconds(), e);
            } catch (SQLException e) {
                if (cancelSignal.isFired()) {
                    throw cancelledDuringCall(id, "after the query " + state + " (it ran to its end), while its first "
                            + "results page was read", e);
                }
                throw e;
            }
            return new CompletedQuery(execution, firstPage, client.resultTransport(), client::fetchPage,
                    client.networkTimeoutMillis());
        } finally {
            // Whatever ended the run (an answer, a failure): a cancel() that comes later has nothing to stop. Where
            // the query may still run (a failed poll, say), the failure told the caller so, with the query's id.
            ended = true;
        }
    }

    private QueryExecution awaitTerminalState(String id, int timeoutSeconds, long startedAt) throws SQLException {
        PollingSchedule.Delays delays = client.settings().pollingSchedule().delays();
        while (true) {
            if (remainingNanos(timeoutSeconds, startedAt) <= 0) {
                stopOnce(id);
                throw ErrorTranslator.timedOut(id, timeoutSeconds);
            }
            QueryExecution execution;
            try {
                // Each poll only gets what is left of the timeout: a poll that hangs or is retried for long (throttling)
                // is cut off by the SDK instead of holding the caller past it.
                execution = client.getExecution(id, remainingMillis(timeoutSeconds, startedAt));
            } catch (SQLTimeoutException e) {
                stopOnce(id);
                throw ErrorTranslator.timedOut(id, timeoutSeconds, e);
            } catch (SQLException e) {
                // The SDK fails the call of an interrupted thread (once its answer is in, a socket read is not
                // interruptible): that is no network failure (58030) but the caller wanting out, as in the wait below.
                if (Thread.interrupted()) {
                    throw interrupted(id, e);
                }
                if (cancelSignal.isFired()) {
                    stopOnce(id);
                    throw cancelledDuringCall(id, "while its state was read", e);
                }
                throw e;
            }
            if (isTerminal(execution)) {
                return execution;
            }
            long delay = delays.next();
            if (timeoutSeconds > 0) {
                long remainingNanos = remainingNanos(timeoutSeconds, startedAt);
                if (remainingNanos <= 0) {
                    stopOnce(id);
                    throw ErrorTranslator.timedOut(id, timeoutSeconds);
                }
                delay = Math.min(delay, TimeUnit.NANOSECONDS.toMillis(remainingNanos) + 1);
            }
            try {
                clock.waitFor(delay, cancelSignal);
            } catch (InterruptedException e) {
                // An interrupted thread wants out as much as a cancel() does.
                throw interrupted(id, e);
            }
            if (cancelSignal.isFired()) {
                stopOnce(id);
                throw ErrorTranslator.cancelled(id, "cancelled by " + cancelSignal.firedBy());
            }
        }
    }

    /**
     * The thread running the query was interrupted (its flag cleared by whoever noticed): stop the query as cancel()
     * does, and set the flag again for the caller. The StopQueryExecution is sent while the flag is clear, since the
     * SDK aborts at once every call of an interrupted thread, which would leave the query running.
     */
    private SQLException interrupted(String id, Exception cause) {
        cancelSignal.fire("an interrupt of the thread running it");
        try {
            stopOnce(id);
        } finally {
            Thread.currentThread().interrupt();
        }
        SQLException cancelled = ErrorTranslator.cancelled(id, "the thread running it was interrupted");
        cancelled.initCause(cause);
        return cancelled;
    }

    /**
     * A call about the query failed after a cancel was asked for. Connection.close() and abort() close the HTTP client
     * once they asked Athena to stop the query, which fails the call in flight ("Connection pool shut down"): that is
     * the close the caller must hear of (57014 naming the call, the failure its cause), not a 58000 that reads as a
     * passing service fault and invites a retry on a connection that is gone.
     */
    private SQLException cancelledDuringCall(String id, String when, SQLException callFailure) {
        SQLException cancelled = ErrorTranslator.cancelled(id, "cancelled by " + cancelSignal.firedBy() + " " + when);
        cancelled.initCause(callFailure);
        return cancelled;
    }

    /**
     * What is left of the query timeout for one call, in milliseconds rounded up (at least 1); 0 without a timeout.
     * A call given 1 ms after the timeout ran out fails at once, as a timeout.
     */
    private long remainingMillis(int timeoutSeconds, long startedAt) {
        if (timeoutSeconds <= 0) {
            return 0;
        }
        long remainingNanos = remainingNanos(timeoutSeconds, startedAt);
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(remainingNanos + TimeUnit.MILLISECONDS.toNanos(1) - 1));
    }

    /** What is left of the query timeout now; Long.MAX_VALUE without a timeout. */
    private long remainingNanos(int timeoutSeconds, long startedAt) {
        if (timeoutSeconds <= 0) {
            return Long.MAX_VALUE;
        }
        return TimeUnit.SECONDS.toNanos(timeoutSeconds) - (clock.nanoTime() - startedAt);
    }

    private static boolean isTerminal(QueryExecution execution) {
        return isTerminal(execution.status().state());
    }

    /** SUCCEEDED, FAILED or CANCELLED: nothing of the query runs in Athena any more. */
    public static boolean isTerminal(QueryExecutionState state) {
        return state == QueryExecutionState.SUCCEEDED || state == QueryExecutionState.FAILED
                || state == QueryExecutionState.CANCELLED;
    }

    /** Whether {@link #cancel()} was called, however late: the caller may still be handing out the results. */
    public boolean cancelRequested() {
        return cancelSignal.isFired();
    }

    /** The call that cancelled the query first (see {@link #cancel(String)}); null while none did. */
    public String cancelledBy() {
        return cancelSignal.firedBy();
    }

    /** {@link #cancel(String)} by Statement.cancel(). */
    public void cancel() {
        cancel("Statement.cancel()");
    }

    /**
     * Stops polling now and asks Athena to stop the query if it is still running. Safe from any thread. {@code by}
     * names the call that asked (Statement.cancel(), Statement.close(), Connection.close(), Connection.abort()): the
     * caller waiting for the query is told which, so that a pool's abort of an abandoned connection does not read
     * as a cancel() nobody made.
     */
    public void cancel(String by) {
        cancelSignal.fire(by);
        String id = queryExecutionId;
        if (id != null && !ended) {
            stopOnce(id);
        }
    }

    /**
     * Sends StopQueryExecution once, from whichever thread comes first. A later caller waits until that stop is
     * answered (its own retries and timeouts bound the wait): a Connection.close() or abort() goes on to close the
     * HTTP client as soon as its cancel returns, which would cut off a stop still in flight in the polling thread and
     * leave the query running in Athena.
     */
    private void stopOnce(String id) {
        if (!stopRequested.compareAndSet(false, true)) {
            awaitStopAnswered();
            return;
        }
        try {
            client.stop(id);
        } catch (SQLException e) {
            LOG.debug("StopQueryExecution for {} failed: {}", id, e.getMessage());
            warnings.accept(ErrorTranslator.couldNotStop(id, e));
        } finally {
            stopAnswered.countDown();
        }
    }

    private void awaitStopAnswered() {
        try {
            stopAnswered.await();
        } catch (InterruptedException e) {
            // The caller wants out: leave the stop to the thread sending it.
            Thread.currentThread().interrupt();
        }
    }
}
