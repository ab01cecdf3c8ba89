package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ai.connecty.athena.jdbc.AthenaStatement;
import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.control.FaultPlan;
import ai.connecty.athena.local.control.FaultRule;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;

/**
 * cancel() and the query timeout while the query is being submitted (a slow StartQueryExecution) and while it is
 * polled (a long-running query), under the guide's policy, which denies StopQueryExecution: the caller gets 57014
 * or HYT00, a denied stop is a 01xxx warning, and the same statement and connection run the next query.
 */
@ExtendWith(LocalAthenaExtension.class)
class CancelAndTimeoutTest {
    private static LocalAthena athena;

    private static CompletableFuture<SQLException> runExpectingFailure(Statement s, String sql) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                s.executeQuery(sql).close();
                return null;
            } catch (SQLException e) {
                return e;
            }
        }, OwnThread.EACH_TASK);
    }

    private static void stillUsable(Connection connection, Statement statement) throws SQLException {
        athena.faults().clear();
        try (ResultSet rows = statement.executeQuery("SELECT 41 + 1")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(42);
        }
        try (Statement other = connection.createStatement(); ResultSet rows = other.executeQuery("SELECT 'ok'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("ok");
        }
        assertThat(connection.isValid(1)).isTrue();
    }

    @Test
    void cancelWhileSubmitting() throws Exception {
        athena.faults().set(FaultPlan.of(1, FaultRule.forAction("athena", "StartQueryExecution").withLatencyMillis(1500)));
        athena.requestLog().clear();
        try (Connection connection = Connections.connectyUser(athena); Statement statement = connection.createStatement()) {
            CompletableFuture<SQLException> outcome = runExpectingFailure(statement, "SELECT count(*) FROM demo.sales");
            // Pacing only: the cancel lands while StartQueryExecution is delayed, or before it (both must hold).
            Thread.sleep(300);
            statement.cancel();

            SQLException failure = outcome.get(30, TimeUnit.SECONDS);
            assertThat((Throwable) failure).isNotNull();
            assertThat(failure.getSQLState()).isEqualTo("57014");
            long started = athena.requestLog().count("athena", "StartQueryExecution");
            if (started > 0) {
                // Started as the cancel arrived: the driver asked to stop it, and the denial is a warning.
                assertThat(athena.requestLog().count("athena", "StopQueryExecution")).isEqualTo(1);
                SQLWarning warning = statement.getWarnings();
                assertThat((Throwable) warning).isNotNull();
                assertThat(warning.getSQLState()).isEqualTo("01007");
            }
            stillUsable(connection, statement);
        }
    }

    @Test
    void timeoutWhileSubmitting() throws Exception {
        athena.faults().set(FaultPlan.of(1, FaultRule.forAction("athena", "StartQueryExecution").withLatencyMillis(2500)));
        try (Connection connection = Connections.connectyUser(athena); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(1);

            SQLException failure = runExpectingFailure(statement, "SELECT count(*) FROM demo.sales").get(30, TimeUnit.SECONDS);

            assertThat((Throwable) failure).isNotNull();
            assertThat(failure.getSQLState()).isEqualTo("HYT00");
            statement.setQueryTimeout(0);
            stillUsable(connection, statement);
        }
    }

    @Test
    void timeoutWhilePollingWithStopDenied() throws Exception {
        athena.faults().set(FaultPlan.of(1, FaultRule.forAction("athena", "*").withQueryMillis(10_000)));
        athena.requestLog().clear();
        try (Connection connection = Connections.connectyUser(athena); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(1);

            SQLException failure = runExpectingFailure(statement, "SELECT count(*) FROM demo.sales").get(30, TimeUnit.SECONDS);

            assertThat((Throwable) failure).isNotNull();
            assertThat(failure.getSQLState()).isEqualTo("HYT00");
            assertThat(failure.getMessage()).contains("query timeout");
            assertThat(athena.requestLog().denied()).anyMatch(e -> e.action().equals("StopQueryExecution"));
            SQLWarning warning = statement.getWarnings();
            assertThat((Throwable) warning).isNotNull();
            assertThat(warning.getSQLState()).isEqualTo("01007");
            assertThat(warning.getMessage()).contains("may still be running");
            statement.setQueryTimeout(0);
            stillUsable(connection, statement);
        }
    }

    /** Waits (up to 20 s) until polling has begun: the query has an id and athena-local answered a GetQueryExecution. */
    private static void awaitPolling(Statement statement) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while ((statement.unwrap(AthenaStatement.class).getQueryExecutionId() == null
                || athena.requestLog().count("athena", "GetQueryExecution") == 0) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @Test
    void cancelWhilePollingWithStopDenied() throws Exception {
        athena.faults().set(FaultPlan.of(1, FaultRule.forAction("athena", "*").withQueryMillis(10_000)));
        try (Connection connection = Connections.connectyUser(athena); Statement statement = connection.createStatement()) {
            athena.requestLog().clear();
            CompletableFuture<SQLException> outcome = runExpectingFailure(statement, "SELECT count(*) FROM demo.sales");
            awaitPolling(statement);
            statement.cancel();

            SQLException failure = outcome.get(30, TimeUnit.SECONDS);
            assertThat((Throwable) failure).isNotNull();
            assertThat(failure.getSQLState()).isEqualTo("57014");
            assertThat(statement.getWarnings().getSQLState()).isEqualTo("01007");
            stillUsable(connection, statement);
        }
    }

    @Test
    void timeoutWhileTheFirstPageIsFetched() throws Exception {
        // The query finishes at once; its first GetQueryResults page takes far longer than the query timeout.
        athena.faults().set(FaultPlan.of(1, FaultRule.forAction("athena", "GetQueryResults").withLatencyMillis(10_000)));
        try (Connection connection = Connections.connectyUser(athena); Statement statement = connection.createStatement()) {
            athena.requestLog().clear();
            statement.setQueryTimeout(3);

            SQLException failure = runExpectingFailure(statement, "SELECT 1").get(60, TimeUnit.SECONDS);

            assertThat((Throwable) failure).as("what executeQuery threw").isInstanceOf(SQLTimeoutException.class);
            assertThat(failure.getSQLState()).isEqualTo("HYT00");
            String id = statement.unwrap(AthenaStatement.class).getQueryExecutionId();
            assertThat(failure.getMessage()).contains(id).contains("SUCCEEDED");
            // It had finished: nothing to stop, and no warning that it may still be running.
            assertThat(athena.requestLog().count("athena", "StopQueryExecution")).isZero();
            assertThat((Throwable) statement.getWarnings()).isNull();
            statement.setQueryTimeout(0);
            stillUsable(connection, statement);
        }
    }

    @Test
    void timeoutWhileAPollIsUnanswered() throws Exception {
        // A long query whose every GetQueryExecution answers long after the query timeout.
        athena.faults().set(FaultPlan.of(1, FaultRule.forAction("athena", "GetQueryExecution")
                .withLatencyMillis(20_000).withQueryMillis(30_000)));
        try (Connection connection = Connections.admin(athena); Statement statement = connection.createStatement()) {
            athena.requestLog().clear();
            statement.setQueryTimeout(2);

            // Hang guard only: without the fix the first poll alone waits out the 20 s latency.
            SQLException failure = assertTimeoutPreemptively(Duration.ofSeconds(15),
                    () -> runExpectingFailure(statement, "SELECT count(*) FROM demo.sales").get(60, TimeUnit.SECONDS));

            assertThat((Throwable) failure).as("what executeQuery threw").isInstanceOf(SQLTimeoutException.class);
            assertThat(failure.getSQLState()).isEqualTo("HYT00");
            assertThat(athena.requestLog().count("athena", "StopQueryExecution")).isEqualTo(1);
            assertThat(athena.requestLog().denied()).noneMatch(e -> e.action().equals("StopQueryExecution"));
            statement.setQueryTimeout(0);
            stillUsable(connection, statement);
        }
    }

    @Test
    void closingTheStatementOrTheConnectionWhilePollingStopsTheQuery() throws Exception {
        athena.faults().set(FaultPlan.of(1, FaultRule.forAction("athena", "*").withQueryMillis(10_000)));
        for (boolean wholeConnection : new boolean[] {false, true}) {
            Connection connection = Connections.admin(athena);
            Statement statement = connection.createStatement();
            athena.requestLog().clear();
            CompletableFuture<SQLException> outcome = runExpectingFailure(statement, "SELECT count(*) FROM demo.sales");
            awaitPolling(statement);
            String id = statement.unwrap(AthenaStatement.class).getQueryExecutionId();

            if (wholeConnection) {
                connection.close();
            } else {
                statement.close();
            }

            SQLException failure = outcome.get(30, TimeUnit.SECONDS);
            assertThat((Throwable) failure).as("what executeQuery threw").isNotNull();
            assertThat(athena.requestLog().count("athena", "StopQueryExecution")).as("stops").isEqualTo(1);
            assertThat(athena.requestLog().denied()).noneMatch(e -> e.action().equals("StopQueryExecution"));
            try (AthenaClient admin = AthenaClient.builder().endpointOverride(athena.endpoint())
                    .region(Region.of(LocalAthena.REGION)).credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(Connections.ADMIN_KEY, Connections.ADMIN_SECRET))).build()) {
                assertThat(admin.getQueryExecution(r -> r.queryExecutionId(id)).queryExecution().status().state())
                        .as("state of the query after close").isEqualTo(QueryExecutionState.CANCELLED);
            }
            connection.close();
        }
    }
}
