package ai.connecty.athena.jdbc.wiremock;

import static ai.connecty.athena.jdbc.wiremock.AthenaWire.ID;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.column;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.error;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.execution;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.json;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.operation;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.page;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.row;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.started;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.jdbc.AthenaConnection;
import ai.connecty.athena.jdbc.TestConnections;
import ai.connecty.athena.jdbc.AthenaResultSet;
import ai.connecty.athena.jdbc.AthenaStatement;
import ai.connecty.athena.jdbc.errors.AthenaQueryException;
import ai.connecty.athena.jdbc.execution.AthenaQueryClient;
import ai.connecty.athena.jdbc.execution.PollingClock;
import ai.connecty.athena.jdbc.execution.PollingSchedule;
import ai.connecty.athena.jdbc.execution.QuerySettings;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;

/** The whole driver path, java.sql facade to HTTP, against a WireMock Athena speaking AWS JSON 1.1. */
class QueryExecutionWireMockTest {
    @RegisterExtension
    static final WireMockExtension wire = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();
    private AthenaClient athena;
    private Connection connection;

    @BeforeEach
    void connect() {
        athena = AthenaClient.builder()
                .endpointOverride(URI.create(wire.baseUrl()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .build();
        QuerySettings settings = QuerySettings.builder().outputLocation("s3://results/prefix/")
                .pollingSchedule(new PollingSchedule(5, 20, 2.0)).build();
        connection = TestConnections.withQueryClient(new AthenaQueryClient(athena, settings),
                PollingClock.SYSTEM);
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
        athena.close();
    }

    private static List<String> columns(String... nameTypePairs) {
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < nameTypePairs.length; i += 2) {
            columns.add(column(nameTypePairs[i], nameTypePairs[i + 1]));
        }
        return columns;
    }

    private void stubStart() {
        wire.stubFor(operation("StartQueryExecution").willReturn(json(started())));
    }

    private void stubSucceeded(String statementType, String substatementType) {
        wire.stubFor(operation("GetQueryExecution").willReturn(json(execution("SUCCEEDED", statementType, substatementType))));
    }

    private int requests(String operationName) {
        return wire.findAll(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonAthena." + operationName))).size();
    }

    @Test
    void wholeQueryPollsThroughStatesAndPagesWithoutLosingOrDoublingRows() throws SQLException {
        stubStart();
        wire.stubFor(operation("GetQueryExecution").inScenario("poll").whenScenarioStateIs(STARTED)
                .willReturn(json(execution("QUEUED", "DML", "SELECT"))).willSetStateTo("running1"));
        wire.stubFor(operation("GetQueryExecution").inScenario("poll").whenScenarioStateIs("running1")
                .willReturn(json(execution("RUNNING", "DML", "SELECT"))).willSetStateTo("running2"));
        wire.stubFor(operation("GetQueryExecution").inScenario("poll").whenScenarioStateIs("running2")
                .willReturn(json(execution("RUNNING", "DML", "SELECT"))).willSetStateTo("done"));
        wire.stubFor(operation("GetQueryExecution").inScenario("poll").whenScenarioStateIs("done")
                .willReturn(json(execution("SUCCEEDED", "DML", "SELECT"))));
        List<String> cols = columns("id", "integer", "name", "varchar");
        wire.stubFor(operation("GetQueryResults").withRequestBody(matchingJsonPath("$.NextToken", absent()))
                .willReturn(json(page(cols, Arrays.asList(row("id", "name"), row("1", "a"), row("2", "b")), "t1", 0L))));
        wire.stubFor(operation("GetQueryResults").withRequestBody(matchingJsonPath("$.NextToken", equalTo("t1")))
                .willReturn(json(page(cols, Arrays.asList(row("3", "c"), row("4", "d"), row("5", "e")), "t2", 0L))));
        wire.stubFor(operation("GetQueryResults").withRequestBody(matchingJsonPath("$.NextToken", equalTo("t2")))
                .willReturn(json(page(cols, Collections.emptyList(), null, 0L))));

        List<String> seen = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id, name FROM t")) {
            while (rs.next()) {
                seen.add(rs.getInt("id") + ":" + rs.getString(2));
            }
            assertThat(rs.unwrap(AthenaResultSet.class).getQueryExecutionId()).isEqualTo(ID);
            assertThat(rs.unwrap(AthenaResultSet.class).getQueryStatistics().dataScannedBytes()).isEqualTo(203089L);
            assertThat(statement.unwrap(AthenaStatement.class).getQueryStatistics().engineExecutionMillis()).isEqualTo(3600L);
            assertThat(statement.unwrap(AthenaStatement.class).getQueryExecutionId()).isEqualTo(ID);
        }

        assertThat(seen).containsExactly("1:a", "2:b", "3:c", "4:d", "5:e");
        assertThat(requests("GetQueryExecution")).isEqualTo(4);
        assertThat(requests("GetQueryResults")).isEqualTo(3);
        LoggedRequest start = wire.findAll(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonAthena.StartQueryExecution"))).get(0);
        assertThat(start.getBodyAsString()).contains("\"QueryString\":\"SELECT id, name FROM t\"")
                .contains("\"OutputLocation\":\"s3://results/prefix/\"").contains("\"WorkGroup\":\"primary\"")
                .contains("\"Catalog\":\"AwsDataCatalog\"").contains("\"Database\":\"default\"");
    }

    @Test
    void aPageTokenAthenaRefusesIsNoSyntaxErrorAndKeepsTheRowsRead() throws SQLException {
        stubStart();
        stubSucceeded("DML", "SELECT");
        List<String> cols = columns("id", "integer");
        wire.stubFor(operation("GetQueryResults").withRequestBody(matchingJsonPath("$.NextToken", absent()))
                .willReturn(json(page(cols, Arrays.asList(row("id"), row("1"), row("2")), "t1", 0L))));
        wire.stubFor(operation("GetQueryResults").withRequestBody(matchingJsonPath("$.NextToken", equalTo("t1")))
                .willReturn(error("InvalidRequestException", "Malformed nextPageToken t1", "INVALID_INPUT")));

        List<Integer> seen = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT id FROM t")) {
            assertThat(rs.next()).isTrue();
            seen.add(rs.getInt(1));
            assertThat(rs.next()).isTrue();
            seen.add(rs.getInt(1));
            // Not the user's SQL (42000 would say so, and a tool would show a syntax error): a refused request, HY000,
            // as the README's table of SQLStates has it, naming the query and the call.
            assertThatThrownBy(rs::next).isInstanceOf(SQLException.class)
                    .isNotInstanceOf(SQLSyntaxErrorException.class)
                    .hasMessageContaining("GetQueryResults for query " + ID + " was refused: Malformed nextPageToken t1")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("HY000"));
            // Still no end of the rows: the page is asked for again, and refused again.
            assertThatThrownBy(rs::next).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("HY000"));
        }
        assertThat(seen).containsExactly(1, 2);
    }

    @Test
    void setCatalogAndSchemaChangeTheQueryContext() throws SQLException {
        stubStart();
        stubSucceeded("DDL", "CREATE_TABLE");
        wire.stubFor(operation("GetQueryResults").willReturn(json(page(Collections.emptyList(), Collections.emptyList(), null, null))));
        connection.setCatalog("lakehouse");
        connection.setSchema("sales");

        try (Statement statement = connection.createStatement()) {
            assertThat(statement.execute("CREATE TABLE x (a int)")).isFalse();
            assertThat(statement.getUpdateCount()).isZero();
            assertThat(statement.getResultSet()).isNull();
        }

        LoggedRequest start = wire.findAll(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonAthena.StartQueryExecution"))).get(0);
        assertThat(start.getBodyAsString()).contains("\"Catalog\":\"lakehouse\"").contains("\"Database\":\"sales\"");
    }

    @Test
    void failedQueryCarriesIdMessageCategoryTypeAndSqlState() throws SQLException {
        stubStart();
        String reason = "TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.db.x' does not exist";
        wire.stubFor(operation("GetQueryExecution").willReturn(json(AthenaWire.failed(reason, 2, 1301))));

        try (Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM db.x"))
                    .isInstanceOf(AthenaQueryException.class)
                    .hasMessage("Query " + ID + " failed: " + reason + " [category USER, type 1301]")
                    .satisfies(e -> {
                        AthenaQueryException failure = (AthenaQueryException) e;
                        assertThat(failure.getSQLState()).isEqualTo("42P01");
                        assertThat(failure.getErrorCode()).isEqualTo(1301);
                        assertThat(failure.getQueryExecutionId()).isEqualTo(ID);
                    });
        }
        assertThat(requests("GetQueryResults")).isZero();
    }

    @Test
    void syntaxErrorFromStartIsSqlSyntaxErrorKeepingThePosition() throws SQLException {
        wire.stubFor(operation("StartQueryExecution").willReturn(error("InvalidRequestException",
                "line 1:8: mismatched input 'FORM'. Expecting: <expression>", "MALFORMED_QUERY")));

        try (Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("SELECT FORM t"))
                    .isInstanceOf(SQLSyntaxErrorException.class)
                    .hasMessageContaining("line 1:8: mismatched input 'FORM'")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42000"));
        }
        assertThat(requests("StartQueryExecution")).isEqualTo(1);
        assertThat(requests("GetQueryExecution")).isZero();
    }

    @Test
    void throttledStartIsRetriedBySdkWithTheSameClientRequestToken() throws SQLException {
        wire.stubFor(operation("StartQueryExecution").inScenario("throttle").whenScenarioStateIs(STARTED)
                .willReturn(error("TooManyRequestsException", "Rate exceeded", null)).willSetStateTo("again"));
        wire.stubFor(operation("StartQueryExecution").inScenario("throttle").whenScenarioStateIs("again")
                .willReturn(error("TooManyRequestsException", "Rate exceeded", null)).willSetStateTo("ok"));
        wire.stubFor(operation("StartQueryExecution").inScenario("throttle").whenScenarioStateIs("ok")
                .willReturn(json(started())));
        stubSucceeded("DML", "SELECT");
        wire.stubFor(operation("GetQueryResults").willReturn(json(page(columns("_col0", "integer"),
                Arrays.asList(row("_col0"), row("1")), null, 0L))));

        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.next()).isFalse();
        }

        List<LoggedRequest> starts = wire.findAll(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonAthena.StartQueryExecution")));
        assertThat(starts).hasSize(3);
        Pattern token = Pattern.compile("\"ClientRequestToken\":\"([^\"]+)\"");
        List<String> tokens = new ArrayList<>();
        for (LoggedRequest start : starts) {
            Matcher matcher = token.matcher(start.getBodyAsString());
            assertThat(matcher.find()).isTrue();
            tokens.add(matcher.group(1));
        }
        assertThat(tokens).containsOnly(tokens.get(0));
    }

    @Test
    void cancelWithStopDeniedLeavesAWarningNamingTheQuery() throws Exception {
        stubStart();
        wire.stubFor(operation("GetQueryExecution").willReturn(json(execution("RUNNING", "DML", "SELECT"))));
        wire.stubFor(operation("StopQueryExecution").willReturn(error("AccessDeniedException",
                "User: arn:aws:sts::123456789012:assumed-role/connecty-athena/s is not authorized to perform: "
                        + "athena:StopQueryExecution on resource: arn:aws:athena:us-east-1:123456789012:workgroup/primary", null)));
        Statement statement = connection.createStatement();
        AthenaStatement athenaStatement = statement.unwrap(AthenaStatement.class);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> running = executor.submit(() -> statement.execute("SELECT * FROM big"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (athenaStatement.getQueryExecutionId() == null && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            statement.cancel();

            assertThatThrownBy(() -> running.get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e.getCause()).getSQLState()).isEqualTo("57014"));
        } finally {
            executor.shutdownNow();
        }
        SQLWarning warning = statement.getWarnings();
        assertThat((Throwable) warning).isNotNull();
        assertThat(warning.getMessage()).contains(ID).contains("may still be running").contains("athena:StopQueryExecution");
        assertThat(warning.getSQLState()).isEqualTo("01007");
        assertThat(requests("StopQueryExecution")).isEqualTo(1);

        // The statement's next execute starts without the last one's warnings, as JDBC has it.
        stubSucceeded("DML", "SELECT");
        wire.stubFor(operation("GetQueryResults").willReturn(json(page(columns("x", "integer"),
                Arrays.asList(row("x"), row("1")), null, 0L))));
        try (ResultSet rs = statement.executeQuery("SELECT 1")) {
            assertThat(rs.next()).isTrue();
        }
        assertThat((Throwable) statement.getWarnings()).as("warnings after the next execute").isNull();
        statement.close();
    }

    @Test
    void queryTimeoutThrowsSqlTimeoutExceptionAndStopsTheQuery() throws SQLException {
        stubStart();
        wire.stubFor(operation("GetQueryExecution").willReturn(json(execution("RUNNING", "DML", "SELECT"))));
        wire.stubFor(operation("StopQueryExecution").willReturn(json("{}")));

        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(1);
            assertThatThrownBy(() -> statement.execute("SELECT * FROM big"))
                    .isInstanceOf(SQLTimeoutException.class)
                    .hasMessageContaining(ID)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("HYT00"));
        }
        assertThat(requests("StopQueryExecution")).isEqualTo(1);
        assertThat(wire.findAll(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonAthena.StopQueryExecution"))).get(0).getBodyAsString())
                .contains(ID);
    }

    @Test
    void utilityResultHasNoHeaderRowAndJoinedColumnsAreSplit() throws SQLException {
        stubStart();
        stubSucceeded("UTILITY", "DESCRIBE_TABLE");
        wire.stubFor(operation("GetQueryResults").willReturn(json(page(
                columns("col_name", "string", "data_type", "string", "comment", "string"),
                Arrays.asList(row("id\tint\t"), row("name\tstring\tthe name")), null, null))));

        List<String> seen = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("DESCRIBE t")) {
            while (rs.next()) {
                seen.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
            }
        }
        assertThat(seen).containsExactly("id|int|", "name|string|the name");
    }

    @Test
    void showTablesFirstRowIsData() throws SQLException {
        stubStart();
        stubSucceeded("UTILITY", "SHOW_TABLES");
        wire.stubFor(operation("GetQueryResults").willReturn(json(page(columns("tab_name", "string"),
                Arrays.asList(row("orders"), row("users")), null, 0L))));

        List<String> seen = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SHOW TABLES")) {
            while (rs.next()) {
                seen.add(rs.getString("tab_name"));
            }
        }
        assertThat(seen).containsExactly("orders", "users");
    }

    @Test
    void insertReportsItsUpdateCount() throws SQLException {
        stubStart();
        stubSucceeded("DML", "INSERT");
        wire.stubFor(operation("GetQueryResults").willReturn(json(page(columns("rows", "bigint"),
                Collections.emptyList(), null, 42L))));

        try (Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("INSERT INTO t SELECT * FROM s")).isEqualTo(42);
            assertThat(statement.getUpdateCount()).isEqualTo(42);
            assertThat(statement.execute("INSERT INTO t SELECT * FROM s")).isFalse();
            assertThat(statement.getLargeUpdateCount()).isEqualTo(42L);
            assertThat(statement.getMoreResults()).isFalse();
            assertThat(statement.getUpdateCount()).isEqualTo(-1);
            assertThatThrownBy(() -> statement.executeQuery("INSERT INTO t SELECT * FROM s")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("no result set");
        }
    }

    @Test
    void nullIsKeptApartFromEmptyStringAndMaxRowsCaps() throws SQLException {
        stubStart();
        stubSucceeded("DML", "SELECT");
        wire.stubFor(operation("GetQueryResults").willReturn(json(page(columns("s", "varchar", "n", "integer"),
                Arrays.asList(row("s", "n"), row("", null), row(null, "7"), row("x", "8")), null, 0L))));

        try (Statement statement = connection.createStatement()) {
            statement.setMaxRows(2);
            try (ResultSet rs = statement.executeQuery("SELECT s, n FROM t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("s")).isEmpty();
                assertThat(rs.wasNull()).isFalse();
                assertThat(rs.getObject("n")).isNull();
                assertThat(rs.wasNull()).isTrue();
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("s")).isNull();
                assertThat(rs.wasNull()).isTrue();
                assertThat(rs.getInt("n")).isEqualTo(7);
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @Test
    void headerOnlyResultIsEmpty() throws SQLException {
        stubStart();
        stubSucceeded("DML", "SELECT");
        wire.stubFor(operation("GetQueryResults").willReturn(json(page(columns("x", "integer"),
                Collections.singletonList(row("x")), null, 0L))));

        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT x FROM empty")) {
            assertThat(rs.getMetaData().getColumnLabel(1)).isEqualTo("x");
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void networkTimeoutCutsOffASlowAnswerUntilItIsSetBackToZero() throws SQLException {
        // Far longer than the timeout, so only the timeout can end the call first, however slow the machine.
        wire.stubFor(operation("StartQueryExecution").willReturn(json(started()).withFixedDelay(400)));
        stubSucceeded("DML", "SELECT");
        wire.stubFor(operation("GetQueryResults").willReturn(json(page(columns("x", "integer"),
                Arrays.asList(row("x"), row("1")), null, 0L))));
        connection.setNetworkTimeout(Runnable::run, 20);

        try (Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT 1"))
                    .isInstanceOf(SQLTransientException.class)
                    .hasMessageStartingWith("StartQueryExecution failed: ")
                    .hasMessageContaining("may have started").hasMessageContaining("ClientRequestToken")
                    .hasCauseInstanceOf(ApiCallAttemptTimeoutException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("58030"));
            assertThat(requests("GetQueryExecution")).isZero();

            connection.setNetworkTimeout(Runnable::run, 0);
            try (ResultSet rs = statement.executeQuery("SELECT 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void closingTheConnectionClosesStatementsAndResultSets() throws SQLException {
        stubStart();
        stubSucceeded("DML", "SELECT");
        wire.stubFor(operation("GetQueryResults").willReturn(json(page(columns("x", "integer"),
                Arrays.asList(row("x"), row("1")), null, 0L))));
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT 1");

        connection.close();
        connection.close();

        assertThat(statement.isClosed()).isTrue();
        assertThat(rs.isClosed()).isTrue();
        assertThatThrownBy(connection::createStatement)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08003"));
        assertThatThrownBy(() -> statement.execute("SELECT 1"))
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("55000"));
    }
}
