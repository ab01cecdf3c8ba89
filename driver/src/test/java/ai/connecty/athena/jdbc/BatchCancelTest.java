package ai.connecty.athena.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.BatchUpdateException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.athena.model.GetQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.GetQueryExecutionResponse;
import software.amazon.awssdk.services.athena.model.GetQueryResultsRequest;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.QueryExecutionStatus;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionResponse;
import software.amazon.awssdk.services.athena.model.StatementType;
import software.amazon.awssdk.services.athena.model.StopQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.StopQueryExecutionResponse;

/**
 * Statement.cancel() from another thread while executeBatch runs: the batch stops, whichever moment of an item the
 * cancel lands in. It used to reach only the item's execution, and a cancel after that item's query had ended (while
 * its first page was read, or between two items) was lost: the batch ran every remaining INSERT.
 */
class BatchCancelTest {

    /** Every query an INSERT of one row that succeeds at once; a hook runs while the first one's page is read. */
    private static final class InsertingAthena extends StubAthena {
        final AtomicInteger starts = new AtomicInteger();
        final AtomicInteger stops = new AtomicInteger();
        final AtomicReference<Runnable> duringFirstPage = new AtomicReference<>();

        @Override
        public StartQueryExecutionResponse startQueryExecution(StartQueryExecutionRequest request) {
            return StartQueryExecutionResponse.builder().queryExecutionId("q-" + starts.incrementAndGet()).build();
        }

        @Override
        public GetQueryExecutionResponse getQueryExecution(GetQueryExecutionRequest request) {
            return GetQueryExecutionResponse.builder().queryExecution(QueryExecution.builder()
                    .queryExecutionId(request.queryExecutionId()).statementType(StatementType.DML).substatementType("INSERT")
                    .status(QueryExecutionStatus.builder().state(QueryExecutionState.SUCCEEDED).build()).build()).build();
        }

        @Override
        public GetQueryResultsResponse getQueryResults(GetQueryResultsRequest request) {
            Runnable hook = duringFirstPage.getAndSet(null);
            if (hook != null) {
                hook.run();
            }
            return GetQueryResultsResponse.builder().updateCount(1L).build();
        }

        @Override
        public StopQueryExecutionResponse stopQueryExecution(StopQueryExecutionRequest request) {
            stops.incrementAndGet();
            return StopQueryExecutionResponse.builder().build();
        }
    }

    @Test
    void aCancelAfterAnItemsQueryEndedStopsTheRestOfTheBatch() throws Exception {
        InsertingAthena athena = new InsertingAthena();
        try (AthenaConnection connection = TestConnections.overStub(athena)) {
            Statement statement = connection.createStatement();
            for (int i = 0; i < 5; i++) {
                statement.addBatch("INSERT INTO t VALUES (" + i + ")");
            }
            // The cancel comes from another thread while item 1's query has ended and its page is being read.
            athena.duringFirstPage.set(() -> cancelFromAnotherThread(statement));

            BatchUpdateException failure = catchThrowableOfType(BatchUpdateException.class, statement::executeBatch);

            assertThat((Throwable) failure).as("executeBatch after a cancel").isNotNull();
            assertThat(failure.getSQLState()).isEqualTo("57014");
            assertThat(failure.getLargeUpdateCounts()).as("the items that ran before the cancel").containsExactly(1L);
            assertThat(athena.starts.get()).as("queries started").isEqualTo(1);
            assertThat(athena.stops.get()).as("a finished query is not stopped").isZero();

            // The statement runs the next batch in full.
            statement.addBatch("INSERT INTO t VALUES (9)");
            statement.addBatch("INSERT INTO t VALUES (10)");
            assertThat(statement.executeLargeBatch()).containsExactly(1L, 1L);
        }
    }

    @Test
    void aCancelStopsARewrittenPreparedBatchBetweenItsInserts() throws Exception {
        InsertingAthena athena = new InsertingAthena();
        try (AthenaConnection connection = TestConnections.overStub(athena);
             PreparedStatement statement = connection.prepareStatement("INSERT INTO t VALUES (?)")) {
            // 2,500 rows: three multi-row INSERTs of at most 1,000 rows (RewriteBatchedInserts, on by default).
            for (int i = 0; i < 2500; i++) {
                statement.setInt(1, i);
                statement.addBatch();
            }
            athena.duringFirstPage.set(() -> cancelFromAnotherThread(statement));

            BatchUpdateException failure = catchThrowableOfType(BatchUpdateException.class, statement::executeBatch);

            assertThat((Throwable) failure).as("executeBatch after a cancel").isNotNull();
            assertThat(failure.getSQLState()).isEqualTo("57014");
            assertThat(failure.getMessage()).contains("Batch items 1001 to 2000 of 2500");
            assertThat(athena.starts.get()).as("INSERTs started").isEqualTo(1);
        }
    }

    /** Statement.cancel() as a second thread calls it, waited for (at most 30 s, a hang bound). */
    private static void cancelFromAnotherThread(Statement statement) {
        CompletableFuture.runAsync(() -> {
            try {
                statement.cancel();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }).orTimeout(30, TimeUnit.SECONDS).join();
    }
}
