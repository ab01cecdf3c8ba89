package ai.connecty.athena.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.athena.model.AthenaException;
import software.amazon.awssdk.services.athena.model.GetQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.GetQueryExecutionResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.QueryExecutionStatus;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionResponse;
import software.amazon.awssdk.services.athena.model.StopQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.StopQueryExecutionResponse;

/**
 * A second thread calling execute on a statement that is running a query (JDBC statements are not meant for that,
 * and the driver refuses it with 55000): the refusal must leave the running query's statement as it was. It used to
 * reset the statement first (warnings cleared, current result set closed) and only then find the query running.
 */
class SameStatementTwoThreadsTest {

    /** A query that stays RUNNING while {@link #polled} is held, and whose StopQueryExecution is denied. */
    private static final class HeldAthena extends StubAthena {
        final CountDownLatch polling = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public StartQueryExecutionResponse startQueryExecution(StartQueryExecutionRequest request) {
            return StartQueryExecutionResponse.builder().queryExecutionId("q-held").build();
        }

        @Override
        public GetQueryExecutionResponse getQueryExecution(GetQueryExecutionRequest request) {
            polling.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return GetQueryExecutionResponse.builder().queryExecution(QueryExecution.builder()
                    .queryExecutionId(request.queryExecutionId())
                    .status(QueryExecutionStatus.builder().state(QueryExecutionState.RUNNING).build()).build()).build();
        }

        @Override
        public StopQueryExecutionResponse stopQueryExecution(StopQueryExecutionRequest request) {
            throw (AthenaException) AthenaException.builder().statusCode(400).message("denied")
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDeniedException")
                            .errorMessage("not authorized to perform: athena:StopQueryExecution").build()).build();
        }
    }

    @Test
    void aRefusedSecondExecuteLeavesTheRunningQuerysWarningsAlone() throws Exception {
        HeldAthena athena = new HeldAthena();
        try (AthenaConnection connection = TestConnections.overStub(athena)) {
            Statement statement = connection.createStatement();
            CompletableFuture<SQLException> first = CompletableFuture.supplyAsync(() -> {
                try {
                    statement.executeQuery("SELECT 1");
                    return null;
                } catch (SQLException e) {
                    return e;
                }
            });
            assertThat(athena.polling.await(30, TimeUnit.SECONDS)).isTrue();
            // The cancel's stop is denied: the statement warns that query q-held may still be running.
            statement.cancel();
            assertThat((Throwable) statement.getWarnings()).isNotNull();

            assertThatThrownBy(() -> statement.executeQuery("SELECT 2")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("already running")
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("55000");

            athena.release.countDown();
            SQLException failure = first.get(30, TimeUnit.SECONDS);
            assertThat(failure.getSQLState()).isEqualTo("57014");
            SQLWarning warning = statement.getWarnings();
            assertThat((Throwable) warning).as("the warning of the first query's denied stop").isNotNull();
            assertThat(warning.getSQLState()).isEqualTo("01007");
            assertThat(warning.getMessage()).contains("q-held");
        }
    }
}
