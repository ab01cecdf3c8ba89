package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.connecty.athena.jdbc.AthenaStatement;
import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.control.FaultPlan;
import ai.connecty.athena.local.control.FaultRule;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.QueryExecutionStatus;

/** Statement execution end to end: queries, DDL and DML, paging, errors, timeout and cancel. */
@ExtendWith(LocalAthenaExtension.class)
class StatementTest {

    private static LocalAthena athena;

    @Test
    void executeQueryAndExecuteReportResultSets() throws SQLException {
        try (Connection c = Connections.connectyUser(athena); Statement s = c.createStatement()) {
            assertThat(s.execute("SELECT count(*) AS n FROM demo.customers")).isTrue();
            assertThat(s.getUpdateCount()).isEqualTo(-1);
            try (ResultSet rs = s.getResultSet()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong("n")).isEqualTo(200L);
            }
            assertThat(s.getMoreResults()).isFalse();
            assertThat(s.getUpdateCount()).isEqualTo(-1);
            assertThat(s.unwrap(AthenaStatement.class).getQueryExecutionId()).isNotBlank();
            assertThat(s.unwrap(AthenaStatement.class).getQueryStatistics()).isNotNull();
        }
    }

    @Test
    void zeroRowResultKeepsItsColumns() throws SQLException {
        try (Connection c = Connections.connectyUser(athena); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, name FROM demo.customers WHERE id < 0")) {
            assertThat(rs.getMetaData().getColumnCount()).isEqualTo(2);
            assertThat(rs.getMetaData().getColumnLabel(2)).isEqualTo("name");
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void multiPageResultHasEveryRowOnceInOrder() throws SQLException {
        try (Connection c = Connections.connectyUser(athena); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT n FROM demo.numbers ORDER BY n LIMIT 2500")) {
            List<Long> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getLong(1));
            }
            assertThat(values).hasSize(2500);
            for (int i = 0; i < values.size(); i++) {
                assertThat(values.get(i)).as("row %d", i).isEqualTo(i);
            }
        }
        assertThat(athena.requestLog().count("athena", "GetQueryResults")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void smallFetchSizeStillReturnsEveryRow() throws SQLException {
        try (Connection c = Connections.connectyUser(athena, "FetchSize=100"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT n FROM demo.numbers WHERE n < 1050 ORDER BY n")) {
            long expected = 0;
            while (rs.next()) {
                assertThat(rs.getLong(1)).isEqualTo(expected++);
            }
            assertThat(expected).isEqualTo(1050);
        }
    }

    @Test
    void showAndDescribeKeepTheirFirstRow() throws SQLException {
        try (Connection c = Connections.connectyUser(athena); Statement s = c.createStatement()) {
            assertThat(column(s, "SHOW TABLES IN demo", 1)).containsExactlyInAnyOrder("all_types", "customers",
                    "events", "numbers", "sales", "sales_by_customer");
            assertThat(column(s, "SHOW DATABASES", 1)).contains("default", "demo");
            List<String> describe = column(s, "DESCRIBE demo.customers", 1);
            assertThat(describe.get(0).trim()).startsWith("id");
            assertThat(String.join("\n", describe)).contains("signup_date");
        }
    }

    @Test
    void ddlDmlAndCtasReportUpdateCounts() throws SQLException {
        String db = "driver_tests_" + UUID.randomUUID().toString().substring(0, 8);
        String prefix = "driver-tests/" + db + "/people/";
        athena.buckets().put(LocalAthena.DEMO_BUCKET, prefix + "data.csv",
                "1,ann\n2,bob\n3,cy\n".getBytes(StandardCharsets.UTF_8));
        // DDL needs Glue write rights, which the guide's read-only policy does not grant: the admin runs it.
        try (Connection c = Connections.admin(athena); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("CREATE DATABASE " + db)).isZero();
            s.executeUpdate("CREATE EXTERNAL TABLE " + db + ".people (id int, name string) "
                    + "ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' LOCATION 's3://" + LocalAthena.DEMO_BUCKET + "/"
                    + prefix + "'");
            assertThat(column(s, "SELECT name FROM " + db + ".people ORDER BY id", 1)).containsExactly("ann", "bob", "cy");

            assertThat(s.executeUpdate("CREATE TABLE " + db + ".adults WITH (format = 'PARQUET') AS "
                    + "SELECT id, name FROM " + db + ".people WHERE id >= 2")).isEqualTo(2);
            assertThat(s.executeUpdate("INSERT INTO " + db + ".adults SELECT id, name FROM " + db + ".people WHERE id = 1"))
                    .isEqualTo(1);
            assertThat(column(s, "SELECT name FROM " + db + ".adults ORDER BY id", 1)).containsExactly("ann", "bob", "cy");
            assertThat(column(s, "SHOW TABLES IN " + db, 1)).containsExactlyInAnyOrder("people", "adults");

            // UNLOAD writes files and counts its rows as INSERT does: an update count, no result set.
            assertThat(s.execute("UNLOAD (SELECT id, name FROM " + db + ".people WHERE id < 3) TO 's3://"
                    + LocalAthena.DEMO_BUCKET + "/driver-tests/" + db + "/unloaded/' WITH (format = 'JSON')")).isFalse();
            assertThat(s.getUpdateCount()).isEqualTo(2);
            assertThat(s.getResultSet()).isNull();

            assertThat(s.execute("DROP TABLE " + db + ".adults")).isFalse();
            assertThat(s.getUpdateCount()).isZero();
            s.executeUpdate("DROP DATABASE " + db + " CASCADE");
            assertThat(column(s, "SHOW DATABASES", 1)).doesNotContain(db);
        }
    }

    @Test
    void aBatchCountsRowsOfDmlAndGivesSuccessNoInfoForDdl() throws SQLException {
        String db = "driver_tests_" + UUID.randomUUID().toString().substring(0, 8);
        String prefix = "driver-tests/" + db + "/people/";
        athena.buckets().put(LocalAthena.DEMO_BUCKET, prefix + "data.csv",
                "1,ann\n2,bob\n3,cy\n".getBytes(StandardCharsets.UTF_8));
        try (Connection c = Connections.admin(athena); Statement s = c.createStatement()) {
            s.addBatch("CREATE DATABASE " + db);
            s.addBatch("CREATE EXTERNAL TABLE " + db + ".people (id int, name string) "
                    + "ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' LOCATION 's3://" + LocalAthena.DEMO_BUCKET + "/"
                    + prefix + "'");
            s.addBatch("CREATE TABLE " + db + ".adults WITH (format = 'PARQUET') AS "
                    + "SELECT id, name FROM " + db + ".people WHERE id >= 2");
            s.addBatch("INSERT INTO " + db + ".adults SELECT id, name FROM " + db + ".people WHERE id = 1");
            s.addBatch("DROP TABLE " + db + ".adults");

            // As the README says: each statement's row count, SUCCESS_NO_INFO for DDL (Athena reports no count).
            assertThat(s.executeBatch()).containsExactly(Statement.SUCCESS_NO_INFO, Statement.SUCCESS_NO_INFO, 2, 1,
                    Statement.SUCCESS_NO_INFO);
            s.executeUpdate("DROP DATABASE " + db + " CASCADE");
        }
    }

    /**
     * A query in a batch stops it as JDBC has it: a BatchUpdateException holding the counts of the statements before
     * it, nothing after it run, the batch emptied, and the statement usable with no result set left open.
     */
    @Test
    void aQueryInABatchStopsItWithTheCountsOfTheStatementsBefore() throws SQLException {
        String db = "driver_tests_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = Connections.admin(athena); Statement s = c.createStatement()) {
            s.addBatch("CREATE DATABASE " + db);
            s.addBatch("SELECT 1");
            s.addBatch("DROP DATABASE " + db);

            java.sql.BatchUpdateException failure = catchThrowableOfType(s::executeBatch, java.sql.BatchUpdateException.class);

            assertThat(failure.getMessage()).startsWith("Batch item 2 of 3 failed: it returned a result set");
            assertThat(failure.getUpdateCounts()).containsExactly(Statement.SUCCESS_NO_INFO);
            assertThat(failure.getLargeUpdateCounts()).containsExactly(Statement.SUCCESS_NO_INFO);
            assertThat(s.getResultSet()).isNull();
            assertThat(s.executeBatch()).as("the batch was emptied").isEmpty();
            assertThat(column(s, "SHOW DATABASES", 1)).as("item 3 did not run").contains(db);
            s.executeUpdate("DROP DATABASE " + db);
        }
    }

    @Test
    void aFailedDdlNamesAthenasStateChangeReasonCategoryAndType() throws SQLException {
        String db = "driver_tests_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = Connections.admin(athena); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE DATABASE " + db);
            try {
                SQLException e = catchThrowableOfType(SQLException.class, () -> s.executeUpdate("CREATE DATABASE " + db));
                String id = s.unwrap(AthenaStatement.class).getQueryExecutionId();

                try (AthenaClient admin = adminClient()) {
                    QueryExecutionStatus status = admin.getQueryExecution(r -> r.queryExecutionId(id)).queryExecution().status();
                    assertThat(status.stateChangeReason()).isNotEqualTo(status.athenaError().errorMessage());
                    assertThat(e.getMessage()).contains(id).contains(status.stateChangeReason())
                            .contains(status.athenaError().errorMessage())
                            .contains("[category USER, type " + status.athenaError().errorType() + "]");
                }
            } finally {
                s.executeUpdate("DROP DATABASE " + db);
            }
        }
    }

    @Test
    void syntaxErrorIsSqlSyntaxErrorExceptionWithPosition() throws SQLException {
        try (Connection c = Connections.connectyUser(athena); Statement s = c.createStatement()) {
            SQLSyntaxErrorException e = catchThrowableOfType(SQLSyntaxErrorException.class,
                    () -> s.executeQuery("SELEC 1"));
            assertThat((Throwable) e).isNotNull();
            assertThat(e.getSQLState()).isEqualTo("42000");
            assertThat(e.getMessage()).contains("line 1:1").contains("SELEC");
        }
    }

    @Test
    void missingTableFailsWithQueryIdAndErrorName() throws SQLException {
        try (Connection c = Connections.connectyUser(athena); Statement s = c.createStatement()) {
            SQLException e = catchThrowableOfType(SQLException.class,
                    () -> s.executeQuery("SELECT * FROM demo.no_such_table"));
            assertThat((Throwable) e).isNotNull();
            // The public way to the failed query's id: the statement, unwrapped; the message names it too.
            String queryExecutionId = s.unwrap(AthenaStatement.class).getQueryExecutionId();
            assertThat(queryExecutionId).isNotBlank();
            assertThat(e.getMessage()).contains(queryExecutionId).contains("TABLE_NOT_FOUND")
                    .contains("demo.no_such_table");
            assertThat(e.getSQLState()).isEqualTo("42P01");
        }
    }

    @Test
    void queryTimeoutRaisesSqlTimeoutException() throws SQLException {
        athena.faults().set(FaultPlan.of(1, FaultRule.forAction("athena", "*").withQueryMillis(10_000)));
        try (Connection c = Connections.connectyUser(athena); Statement s = c.createStatement()) {
            s.setQueryTimeout(1);
            assertThatThrownBy(() -> s.executeQuery("SELECT count(*) FROM demo.customers"))
                    .isInstanceOf(SQLTimeoutException.class)
                    .hasMessageContaining("query timeout");
        }
    }

    @Test
    void cancelUnderTheGuidePolicyWarnsThatTheQueryCouldNotBeStopped() throws Exception {
        athena.faults().set(FaultPlan.of(1, FaultRule.forAction("athena", "*").withQueryMillis(10_000)));
        try (Connection c = Connections.connectyUser(athena); Statement s = c.createStatement()) {
            CompletableFuture<Throwable> outcome = runExpectingFailure(s, "SELECT count(*) FROM demo.customers");
            String queryId = awaitQueryId(s);
            s.cancel();
            Throwable failure = outcome.get(30, TimeUnit.SECONDS);
            assertThat(failure).isInstanceOf(SQLException.class);
            assertThat(((SQLException) failure).getSQLState()).isEqualTo("57014");
            SQLWarning warning = s.getWarnings();
            assertThat((Throwable) warning).isNotNull();
            assertThat(warning.getMessage()).contains(queryId).contains("StopQueryExecution");
            assertThat(warning.getSQLState()).startsWith("01");
        }
        assertThat(athena.requestLog().denied()).anyMatch(e -> e.action().equals("StopQueryExecution"));
    }

    @Test
    void cancelByAnAdministratorStopsTheQuery() throws Exception {
        athena.faults().set(FaultPlan.of(1, FaultRule.forAction("athena", "*").withQueryMillis(10_000)));
        try (Connection c = Connections.admin(athena); Statement s = c.createStatement()) {
            CompletableFuture<Throwable> outcome = runExpectingFailure(s, "SELECT count(*) FROM demo.customers");
            String queryId = awaitQueryId(s);
            s.cancel();
            Throwable failure = outcome.get(30, TimeUnit.SECONDS);
            assertThat(((SQLException) failure).getSQLState()).isEqualTo("57014");
            assertThat((Throwable) s.getWarnings()).isNull();
            assertThat(awaitState(queryId)).isEqualTo(QueryExecutionState.CANCELLED);
        }
    }

    private static CompletableFuture<Throwable> runExpectingFailure(Statement s, String sql) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                s.executeQuery(sql).close();
                return null;
            } catch (SQLException e) {
                return e;
            }
        }, OwnThread.EACH_TASK);
    }

    private static String awaitQueryId(Statement s) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            String id = s.unwrap(AthenaStatement.class).getQueryExecutionId();
            if (id != null) {
                return id;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the statement never got a query execution id");
    }

    /** An SDK client of athena-local's administrator, to look at executions as Athena shows them. */
    private static AthenaClient adminClient() {
        return AthenaClient.builder().endpointOverride(athena.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(Connections.ADMIN_KEY, Connections.ADMIN_SECRET)))
                .build();
    }

    private static QueryExecutionState awaitState(String queryId) throws InterruptedException {
        try (AthenaClient client = adminClient()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            QueryExecutionState state;
            do {
                state = client.getQueryExecution(r -> r.queryExecutionId(queryId)).queryExecution().status().state();
                if (state == QueryExecutionState.CANCELLED || state == QueryExecutionState.SUCCEEDED
                        || state == QueryExecutionState.FAILED) {
                    return state;
                }
                Thread.sleep(50);
            } while (System.nanoTime() < deadline);
            return state;
        }
    }

    /** One column of every row, as strings. */
    static List<String> column(Statement s, String sql, int column) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(column));
            }
        }
        return values;
    }
}
