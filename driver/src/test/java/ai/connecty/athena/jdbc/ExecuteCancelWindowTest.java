package ai.connecty.athena.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.connecty.athena.jdbc.aws.AwsClients;
import ai.connecty.athena.jdbc.execution.AthenaQueryClient;
import ai.connecty.athena.jdbc.execution.PollingClock;
import ai.connecty.athena.jdbc.execution.PollingSchedule;
import ai.connecty.athena.jdbc.execution.QuerySettings;
import java.sql.BatchUpdateException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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
 * The windows at the start of an execute that a cancel() or close() from another thread used to slip through, each
 * landed in exactly by a seam rather than by timing: {@link AthenaConnection#enteredHook} (run once an execute, a
 * batch or a getMetaData has been entered) and the query client's hold supplier (run as the StartQueryExecution's
 * hold is taken). Once an execute has been entered, a cancel() before it returns ends it with 57014, sending no
 * StartQueryExecution if none was sent yet and stopping the query if one was; a close is told as the other close
 * paths tell it (57014 here), never as a 58000 fault to retry. A cancel before or after a call does nothing.
 */
class ExecuteCancelWindowTest {

    /**
     * Answers every query at once (a SELECT with one row, an INSERT with one row inserted), counts starts and stops,
     * and fails every call as a closed SDK client does once {@link #httpClientClosed} is set.
     */
    private static final class WindowAthena extends StubAthena {
        final AtomicInteger starts = new AtomicInteger();
        final AtomicInteger stops = new AtomicInteger();
        final AtomicReference<Runnable> duringStart = new AtomicReference<>();
        volatile boolean httpClientClosed;

        private void failIfClosed() {
            if (httpClientClosed) {
                throw new IllegalStateException("Connection pool shut down");
            }
        }

        @Override
        public StartQueryExecutionResponse startQueryExecution(StartQueryExecutionRequest request) {
            failIfClosed();
            String id = (request.queryString().startsWith("INSERT") ? "insert-" : "select-") + starts.incrementAndGet();
            Runnable hook = duringStart.getAndSet(null);
            if (hook != null) {
                hook.run();
            }
            return StartQueryExecutionResponse.builder().queryExecutionId(id).build();
        }

        @Override
        public GetQueryExecutionResponse getQueryExecution(GetQueryExecutionRequest request) {
            failIfClosed();
            boolean insert = request.queryExecutionId().startsWith("insert-");
            return succeeded(request.queryExecutionId(), insert ? "INSERT" : "SELECT");
        }

        @Override
        public GetQueryResultsResponse getQueryResults(GetQueryResultsRequest request) {
            failIfClosed();
            if (request.queryExecutionId().startsWith("insert-")) {
                return GetQueryResultsResponse.builder().updateCount(1L).build();
            }
            return selectOnePage();
        }

        @Override
        public StopQueryExecutionResponse stopQueryExecution(StopQueryExecutionRequest request) {
            failIfClosed();
            stops.incrementAndGet();
            return StopQueryExecutionResponse.builder().build();
        }
    }

    private static AthenaQueryClient queryClient(WindowAthena athena) {
        QuerySettings settings = QuerySettings.builder().outputLocation("s3://results/")
                .pollingSchedule(new PollingSchedule(1, 1, 1.0)).build();
        return new AthenaQueryClient(athena, settings);
    }

    /** {@code action} once, the first time the hook runs: later entries (a batch's items) run as they come. */
    private static Runnable once(ThrowingAction action) {
        AtomicBoolean done = new AtomicBoolean();
        return () -> {
            if (!done.getAndSet(true)) {
                fromAnotherThread(action);
            }
        };
    }

    @FunctionalInterface
    private interface ThrowingAction {
        void run() throws SQLException;
    }

    /** {@code action} as a second thread calls it, waited for (at most 30 s, a hang bound). */
    private static void fromAnotherThread(ThrowingAction action) {
        CompletableFuture.runAsync(() -> {
            try {
                action.run();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }).orTimeout(30, TimeUnit.SECONDS).join();
    }

    private static SQLException failureOf(ThrowingAction call) {
        SQLException failure = catchThrowableOfType(SQLException.class, call::run);
        assertThat((Throwable) failure).as("what the call threw").isNotNull();
        return failure;
    }

    @Test
    void aCancelRightAfterExecuteWasEnteredEndsItWith57014AndSendsNothing() throws Exception {
        WindowAthena athena = new WindowAthena();
        try (AthenaConnection connection = TestConnections.overStub(athena)) {
            Statement statement = connection.createStatement();
            connection.enteredHook = once(statement::cancel);

            SQLException failure = failureOf(() -> statement.executeQuery("SELECT 1"));

            assertThat(failure.getSQLState()).as(failure.toString()).isEqualTo("57014");
            assertThat(athena.starts.get()).as("StartQueryExecution sent").isZero();
            assertThat(athena.stops.get()).isZero();
            // The cancel belonged to that execute: the next one runs.
            try (ResultSet rows = statement.executeQuery("SELECT 1")) {
                assertThat(rows.next()).isTrue();
            }
        }
    }

    @Test
    void aCancelRightAfterAPreparedExecuteWasEnteredEndsItWith57014AndSendsNothing() throws Exception {
        WindowAthena athena = new WindowAthena();
        try (AthenaConnection connection = TestConnections.overStub(athena);
             PreparedStatement statement = connection.prepareStatement("SELECT ?")) {
            statement.setInt(1, 1);
            connection.enteredHook = once(statement::cancel);

            SQLException failure = failureOf(statement::executeQuery);

            assertThat(failure.getSQLState()).as(failure.toString()).isEqualTo("57014");
            assertThat(athena.starts.get()).as("StartQueryExecution sent").isZero();
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
            }
        }
    }

    /** Not a window of its own (the reply was always checked), but the other half of the promise: the query stops. */
    @Test
    void aCancelWhileStartQueryExecutionIsInFlightStopsTheSubmittedQuery() throws Exception {
        WindowAthena athena = new WindowAthena();
        try (AthenaConnection connection = TestConnections.overStub(athena)) {
            Statement statement = connection.createStatement();
            athena.duringStart.set(() -> fromAnotherThread(statement::cancel));

            SQLException failure = failureOf(() -> statement.executeQuery("SELECT 1"));

            assertThat(failure.getSQLState()).as(failure.toString()).isEqualTo("57014");
            assertThat(athena.starts.get()).isEqualTo(1);
            assertThat(athena.stops.get()).as("StopQueryExecution of the submitted query").isEqualTo(1);
        }
    }

    @Test
    void aCancelBeforeExecuteWasEnteredOrAfterItReturnedDoesNotTouchTheNextExecute() throws Exception {
        WindowAthena athena = new WindowAthena();
        try (AthenaConnection connection = TestConnections.overStub(athena)) {
            Statement statement = connection.createStatement();
            statement.cancel();
            try (ResultSet rows = statement.executeQuery("SELECT 1")) {
                assertThat(rows.next()).isTrue();
            }
            statement.cancel();
            assertThat(statement.executeUpdate("INSERT INTO t VALUES (1)")).isEqualTo(1);
            statement.cancel();
            statement.addBatch("INSERT INTO t VALUES (2)");
            assertThat(statement.executeLargeBatch()).containsExactly(1L);
            statement.cancel();
            assertThat(athena.starts.get()).isEqualTo(3);
            assertThat(athena.stops.get()).isZero();
        }
    }

    @Test
    void aCancelRightAfterExecuteBatchWasEnteredStopsItBeforeItsFirstItem() throws Exception {
        WindowAthena athena = new WindowAthena();
        try (AthenaConnection connection = TestConnections.overStub(athena)) {
            Statement statement = connection.createStatement();
            for (int i = 0; i < 3; i++) {
                statement.addBatch("INSERT INTO t VALUES (" + i + ")");
            }
            connection.enteredHook = once(statement::cancel);

            BatchUpdateException failure = catchThrowableOfType(BatchUpdateException.class, statement::executeBatch);

            assertThat((Throwable) failure).as("executeBatch after a cancel").isNotNull();
            assertThat(failure.getSQLState()).isEqualTo("57014");
            assertThat(failure.getLargeUpdateCounts()).isEmpty();
            assertThat(athena.starts.get()).as("StartQueryExecution sent").isZero();
        }
    }

    @Test
    void aCancelRightAfterAPreparedBatchWasEnteredStopsItBeforeItsFirstInsert() throws Exception {
        WindowAthena athena = new WindowAthena();
        try (AthenaConnection connection = TestConnections.overStub(athena);
             PreparedStatement statement = connection.prepareStatement("INSERT INTO t VALUES (?)")) {
            for (int i = 0; i < 1500; i++) {
                statement.setInt(1, i);
                statement.addBatch();
            }
            connection.enteredHook = once(statement::cancel);

            BatchUpdateException failure = catchThrowableOfType(BatchUpdateException.class, statement::executeBatch);

            assertThat((Throwable) failure).as("executeBatch after a cancel").isNotNull();
            assertThat(failure.getSQLState()).isEqualTo("57014");
            assertThat(athena.starts.get()).as("StartQueryExecution sent").isZero();
        }
    }

    @Test
    void aCancelRightAfterGetMetaDataWasEnteredEndsItWith57014AndSendsNothing() throws Exception {
        WindowAthena athena = new WindowAthena();
        try (AthenaConnection connection = TestConnections.overStub(athena);
             PreparedStatement statement = connection.prepareStatement("SELECT x FROM t WHERE x > ?")) {
            connection.enteredHook = once(statement::cancel);

            SQLException failure = failureOf(statement::getMetaData);

            assertThat(failure.getSQLState()).as(failure.toString()).isEqualTo("57014");
            assertThat(athena.starts.get()).as("StartQueryExecution sent").isZero();
            // Not kept: the next getMetaData describes.
            assertThat(statement.getMetaData().getColumnCount()).isEqualTo(1);
        }
    }

    /**
     * Connection.close(), Connection.abort() or Statement.close() landing as the execution takes the hold that
     * StartQueryExecution runs under, after the connection's clients were closed (its HTTP client shut down, so the
     * hold keeps nothing open). The execute used to send StartQueryExecution into the closed client and report its
     * failure as 58000, a passing fault that invites a retry; it is the close's 57014, with nothing sent.
     */
    @Test
    void aCloseAsTheSubmissionsHoldIsTakenIs57014AndSendsNothing() throws Exception {
        for (String how : new String[] {"Connection.close()", "Connection.abort()", "Statement.close()"}) {
            WindowAthena athena = new WindowAthena();
            AtomicReference<ThrowingAction> close = new AtomicReference<>();
            AtomicBoolean closedOnce = new AtomicBoolean();
            // As AwsClients.holdOpen() answers once close() closed the clients: a hold that keeps nothing open.
            AthenaQueryClient client = queryClient(athena).holdingOpen(() -> {
                if (!closedOnce.getAndSet(true)) {
                    fromAnotherThread(close.get());
                    athena.httpClientClosed = !how.equals("Statement.close()");
                }
                return () -> { };
            });
            AthenaConnection connection = TestConnections.withQueryClient(client, PollingClock.SYSTEM);
            Statement statement = connection.createStatement();
            close.set(how.equals("Connection.close()") ? connection::close
                    : how.equals("Connection.abort()") ? () -> connection.abort(Runnable::run) : statement::close);

            SQLException failure = failureOf(() -> statement.executeQuery("SELECT 1"));

            assertThat(failure.getSQLState()).as(how + ": " + failure).isEqualTo("57014");
            assertThat(failure.getMessage()).as(how).contains(how);
            assertThat(athena.starts.get()).as(how + ": StartQueryExecution sent").isZero();
            connection.close();
        }
    }

    /** The hold taken before the close: the close waits for the reply, and the query it brings is stopped. */
    @Test
    void aConnectionCloseWhileStartQueryExecutionIsInFlightStopsTheSubmittedQuery() throws Exception {
        WindowAthena athena = new WindowAthena();
        AtomicInteger holds = new AtomicInteger();
        AtomicBoolean closeRequested = new AtomicBoolean();
        // As AwsClients: a close() during a hold closes the HTTP client when the last hold ends.
        AthenaQueryClient client = queryClient(athena).holdingOpen(() -> {
            holds.incrementAndGet();
            AtomicBoolean released = new AtomicBoolean();
            AwsClients.Hold hold = () -> {
                if (!released.getAndSet(true) && holds.decrementAndGet() == 0 && closeRequested.get()) {
                    athena.httpClientClosed = true;
                }
            };
            return hold;
        });
        AthenaConnection connection = TestConnections.withQueryClient(client, PollingClock.SYSTEM);
        Statement statement = connection.createStatement();
        athena.duringStart.set(() -> fromAnotherThread(() -> {
            connection.close();
            closeRequested.set(true);
        }));

        SQLException failure = failureOf(() -> statement.executeQuery("SELECT 1"));

        assertThat(failure.getSQLState()).as(failure.toString()).isEqualTo("57014");
        assertThat(athena.starts.get()).isEqualTo(1);
        assertThat(athena.stops.get()).as("StopQueryExecution of the submitted query").isEqualTo(1);
    }
}
