package ai.connecty.athena.jdbc.wiremock;

import static ai.connecty.athena.jdbc.wiremock.AthenaWire.execution;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.json;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.operation;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.started;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The thread running a query is interrupted (Future.cancel(true), an executor shutting down): the driver treats it
 * as a cancel, whether the interrupt lands while a GetQueryExecution is under way (held by the test) or while the
 * driver waits between two polls. Either way the query is stopped (once), the caller gets 57014, and the thread's
 * interrupt flag is still set when execute returns.
 */
class InterruptedExecutionWireMockTest {
    private static final HeldResponse HELD = new HeldResponse();
    @RegisterExtension
    static final WireMockExtension wire = HeldResponse.server(HELD);
    private Connection connection;

    @BeforeEach
    void connect() throws SQLException {
        HELD.reset();
        wire.stubFor(operation("StartQueryExecution").willReturn(json(started())));
        wire.stubFor(operation("StopQueryExecution").willReturn(json("{}")));
        // The first poll comes right after the start; the wait after it is a minute, so a test can find the thread in it.
        connection = AthenaWire.connect(wire.getPort(),
                "MinQueryExecutionPollingIntervalMillis=60000;MaxQueryExecutionPollingIntervalMillis=60000");
    }

    @AfterEach
    void close() throws SQLException {
        HELD.release.countDown();
        connection.close();
    }

    private static int requests(String operationName) {
        return wire.findAll(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonAthena." + operationName))).size();
    }

    /** A query run on its own thread: the thread, what execute threw, and whether the thread was still interrupted. */
    private static final class Run {
        final AtomicReference<Thread> thread = new AtomicReference<>();
        final AtomicBoolean interruptedAfter = new AtomicBoolean();
        final CompletableFuture<Throwable> outcome;

        Run(Statement statement) {
            outcome = CompletableFuture.supplyAsync(() -> {
                thread.set(Thread.currentThread());
                try {
                    statement.execute("SELECT * FROM big");
                    return null;
                } catch (Throwable e) {
                    return e;
                } finally {
                    interruptedAfter.set(Thread.interrupted()); // and cleared, for the pool thread's next task
                }
            }, OwnThread.EACH_TASK);
        }
    }

    private static void assertCancelledAndStopped(Run run, Statement statement) throws Exception {
        Throwable failure = run.outcome.get(30, TimeUnit.SECONDS);
        assertThat(failure).as("what execute threw").isInstanceOf(SQLException.class);
        assertThat(requests("StopQueryExecution")).as("StopQueryExecution requests").isEqualTo(1);
        assertThat((Throwable) statement.getWarnings()).as("warnings").isNull();
        assertThat(((SQLException) failure).getSQLState()).as("SQLState of %s", failure).isEqualTo("57014");
        assertThat(failure.getMessage()).contains("interrupted");
        assertThat(run.interruptedAfter.get()).as("interrupt flag kept for the caller").isTrue();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void anInterruptDuringAPollStopsTheQuery() throws Exception {
        wire.stubFor(operation("GetQueryExecution").willReturn(json(execution("RUNNING", "DML", "SELECT"))
                .withTransformers(HeldResponse.NAME)));
        try (Statement statement = connection.createStatement()) {
            Run run = new Run(statement);
            assertThat(HELD.arrived.await(30, TimeUnit.SECONDS)).as("GetQueryExecution under way").isTrue();

            run.thread.get().interrupt();
            // A blocking socket read does not end on an interrupt: the SDK notices it once the answer is in.
            HELD.release.countDown();

            assertCancelledAndStopped(run, statement);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void anInterruptWhileWaitingBetweenPollsStopsTheQuery() throws Exception {
        wire.stubFor(operation("GetQueryExecution").willReturn(json(execution("RUNNING", "DML", "SELECT"))));
        try (Statement statement = connection.createStatement()) {
            Run run = new Run(statement);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!waitingBetweenPolls(run.thread.get()) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(waitingBetweenPolls(run.thread.get())).as("the driver waits between polls").isTrue();

            run.thread.get().interrupt();

            assertCancelledAndStopped(run, statement);
        }
    }

    private static boolean waitingBetweenPolls(Thread thread) {
        return thread != null && Arrays.stream(thread.getStackTrace())
                .anyMatch(frame -> frame.getClassName().endsWith("CancelSignal") && frame.getMethodName().equals("await"));
    }
}
