package ai.connecty.athena.jdbc.wiremock;

import static ai.connecty.athena.jdbc.wiremock.AthenaWire.column;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.execution;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.json;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.operation;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.page;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.row;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.started;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.jdbc.AthenaConnection;
import ai.connecty.athena.jdbc.TestConnections;
import ai.connecty.athena.jdbc.execution.AthenaQueryClient;
import ai.connecty.athena.jdbc.execution.PollingClock;
import ai.connecty.athena.jdbc.execution.QuerySettings;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JDBC result protocol as tools drive it: execute / getResultSet / getUpdateCount / getMoreResults, cursors. */
class StatementSemanticsTest {
    @RegisterExtension
    static final WireMockExtension wire = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();
    private Connection connection;

    @BeforeEach
    void connect() throws SQLException {
        wire.stubFor(operation("StartQueryExecution").willReturn(json(started())));
        selectReturns(Arrays.asList(row("id", "name"), row("1", "a"), row("2", "b")));
        connection = DriverManager.getConnection("jdbc:connecty-athena://ValidateCredentials=false;Region=us-east-1;EndpointOverride=http://127.0.0.1:"
                + wire.getPort() + ";NumRetries=0;OutputLocation=s3://results/;MinQueryExecutionPollingIntervalMillis=1",
                "AKIAIOSFODNN7EXAMPLE", "secret");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private static void selectReturns(List<String> rows) {
        wire.stubFor(operation("GetQueryExecution").willReturn(json(execution("SUCCEEDED", "DML", "SELECT"))));
        wire.stubFor(operation("GetQueryResults").willReturn(json(page(
                Arrays.asList(column("id", "integer"), column("name", "varchar")), rows, null, 0L))));
    }

    private static void ddlSucceeds() {
        wire.stubFor(operation("GetQueryExecution").willReturn(json(execution("SUCCEEDED", "DDL", "CREATE_TABLE"))));
        wire.stubFor(operation("GetQueryResults").willReturn(json(page(Collections.emptyList(),
                Collections.emptyList(), null, null))));
    }

    private static String sqlState(Throwable e) {
        return ((SQLException) e).getSQLState();
    }

    @Test
    void preparedQueriesSendValuesAsExecutionParametersAndLeaveTheTextAlone() throws Exception {
        try (java.sql.PreparedStatement ps = connection.prepareStatement("SELECT id, name FROM t WHERE name = ? AND d = ?")) {
            ps.setString(1, "it's");
            ps.setDate(2, java.sql.Date.valueOf("2020-01-02"));
            ps.executeQuery().close();
        }
        java.util.Map<String, software.amazon.awssdk.protocols.jsoncore.JsonNode> body = startQueryExecutionBody();
        assertThat(body.get("QueryString").asString()).isEqualTo("SELECT id, name FROM t WHERE name = ? AND d = ?");
        assertThat(body.get("ExecutionParameters").asArray()).extracting(
                software.amazon.awssdk.protocols.jsoncore.JsonNode::asString)
                .containsExactly("'it''s'", "DATE '2020-01-02'");
    }

    @Test
    void preparedDdlIsRenderedIntoTheTextWithoutExecutionParameters() throws Exception {
        ddlSucceeds();
        try (java.sql.PreparedStatement ps = connection.prepareStatement("ALTER TABLE t SET TBLPROPERTIES ('k' = ?)")) {
            ps.setString(1, "v \u2019 -- x");
            assertThat(ps.execute()).isFalse();
        }
        java.util.Map<String, software.amazon.awssdk.protocols.jsoncore.JsonNode> body = startQueryExecutionBody();
        assertThat(body.get("QueryString").asString()).isEqualTo("ALTER TABLE t SET TBLPROPERTIES ('k' = 'v \u2019 -- x')");
        assertThat(body).doesNotContainKey("ExecutionParameters");
    }

    @Test
    void aNegativeNumberRenderedAfterAMinusDoesNotStartAComment() throws Exception {
        ddlSucceeds();
        try (java.sql.PreparedStatement ps = connection.prepareStatement("CREATE VIEW v AS SELECT x -? AS y, z FROM t")) {
            ps.setInt(1, -5);
            ps.execute();
        }
        // "x --5 AS y, z FROM t" would be x followed by a comment.
        assertThat(startQueryExecutionBody().get("QueryString").asString())
                .isEqualTo("CREATE VIEW v AS SELECT x - -5 AS y, z FROM t");
    }

    private static java.util.Map<String, software.amazon.awssdk.protocols.jsoncore.JsonNode> startQueryExecutionBody() {
        String body = wire.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/")).withHeader("X-Amz-Target",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("AmazonAthena.StartQueryExecution")))
                .get(0).getBodyAsString();
        return software.amazon.awssdk.protocols.jsoncore.JsonNode.parser().parse(body).asObject();
    }

    @Test
    void maxFieldSizeCutsCharacterValuesOnly() throws SQLException {
        selectReturns(Arrays.asList(row("id", "name"), row("10", "abc")));
        try (Statement statement = connection.createStatement()) {
            statement.setMaxFieldSize(2);
            assertThat(statement.getMaxFieldSize()).isEqualTo(2);
            try (ResultSet rs = statement.executeQuery("SELECT id, name FROM t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("name")).isEqualTo("ab");
                assertThat(rs.getObject("name")).isEqualTo("ab");
                assertThat(rs.getInt("id")).isEqualTo(10);
            }
        }
    }

    @Test
    void selectThroughExecuteFollowsTheJdbcResultProtocol() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            assertThat(statement.execute("SELECT id, name FROM t")).isTrue();
            assertThat(statement.getUpdateCount()).isEqualTo(-1);
            assertThat(statement.getLargeUpdateCount()).isEqualTo(-1L);
            ResultSet rs = statement.getResultSet();
            assertThat(rs).isNotNull();
            assertThat(rs.getStatement()).isSameAs(statement);

            assertThat(statement.getMoreResults()).isFalse();
            assertThat(statement.getUpdateCount()).isEqualTo(-1);
            assertThat(statement.getResultSet()).isNull();
            assertThat(rs.isClosed()).isTrue();
        }
    }

    private static void insertCounts(long rows) {
        wire.stubFor(operation("GetQueryExecution").willReturn(json(execution("SUCCEEDED", "DML", "INSERT"))));
        wire.stubFor(operation("GetQueryResults").willReturn(json(page(Collections.emptyList(),
                Collections.emptyList(), null, rows))));
    }

    /**
     * A count beyond an int (an INSERT ... SELECT of billions of rows) is SUCCESS_NO_INFO where JDBC answers an int,
     * and whole where it answers a long; Integer.MAX_VALUE itself still fits.
     */
    @Test
    void anUpdateCountBeyondAnIntIsSuccessNoInfoInTheIntMethodsAndWholeInTheLongOnes() throws SQLException {
        insertCounts(3_000_000_000L);
        try (Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("INSERT INTO t SELECT * FROM big")).isEqualTo(Statement.SUCCESS_NO_INFO);
            assertThat(statement.getUpdateCount()).isEqualTo(Statement.SUCCESS_NO_INFO);
            assertThat(statement.getLargeUpdateCount()).isEqualTo(3_000_000_000L);
            assertThat(statement.executeLargeUpdate("INSERT INTO t SELECT * FROM big")).isEqualTo(3_000_000_000L);
            statement.addBatch("INSERT INTO t SELECT * FROM big");
            assertThat(statement.executeBatch()).containsExactly(Statement.SUCCESS_NO_INFO);
            statement.addBatch("INSERT INTO t SELECT * FROM big");
            assertThat(statement.executeLargeBatch()).containsExactly(3_000_000_000L);
        }
        try (java.sql.PreparedStatement ps = connection.prepareStatement("INSERT INTO t SELECT * FROM big WHERE d = ?")) {
            ps.setInt(1, 1);
            assertThat(ps.executeUpdate()).isEqualTo(Statement.SUCCESS_NO_INFO);
            assertThat(ps.executeLargeUpdate()).isEqualTo(3_000_000_000L);
        }
        insertCounts(Integer.MAX_VALUE);
        try (Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("INSERT INTO t SELECT * FROM big")).isEqualTo(Integer.MAX_VALUE);
            assertThat(statement.getUpdateCount()).isEqualTo(Integer.MAX_VALUE);
            statement.addBatch("INSERT INTO t SELECT * FROM big");
            assertThat(statement.executeBatch()).containsExactly(Integer.MAX_VALUE);
        }
        try (java.sql.PreparedStatement ps = connection.prepareStatement("INSERT INTO t SELECT * FROM big WHERE d = ?")) {
            ps.setInt(1, 1);
            assertThat(ps.executeUpdate()).isEqualTo(Integer.MAX_VALUE);
        }
    }

    /** A query in a batch fails it, as JDBC requires, with the counts of the items before it. */
    @Test
    void aQueryInABatchFailsTheBatch() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.addBatch("SELECT id, name FROM t");
            assertThatThrownBy(statement::executeBatch).isInstanceOfSatisfying(java.sql.BatchUpdateException.class, e -> {
                assertThat(e.getMessage()).startsWith("Batch item 1 of 1 failed: it returned a result set");
                assertThat(e.getUpdateCounts()).isEmpty();
            });
            assertThat(statement.getResultSet()).as("its rows were closed, not left open").isNull();
        }
    }

    /** With escape processing off the text goes as written; on, JDBC escapes are translated. */
    @Test
    void escapeProcessingOffSendsTheTextAsWritten() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setEscapeProcessing(false);
            statement.executeQuery("SELECT {fn ucase(name)} FROM t").close();
            assertThat(startQueryExecutionBody().get("QueryString").asString()).isEqualTo("SELECT {fn ucase(name)} FROM t");
        }
    }

    @Test
    void ddlThroughExecuteHasAnUpdateCountAndNoResultSet() throws SQLException {
        ddlSucceeds();
        try (Statement statement = connection.createStatement()) {
            assertThat(statement.execute("CREATE TABLE t (x int)")).isFalse();
            assertThat(statement.getResultSet()).isNull();
            assertThat(statement.getUpdateCount()).isEqualTo(0);
            assertThat(statement.getMoreResults()).isFalse();
            assertThat(statement.getUpdateCount()).isEqualTo(-1);
            assertThat(statement.executeUpdate("CREATE TABLE t (x int)")).isEqualTo(0);
        }
    }

    @Test
    void executeQueryOfDdlAndExecuteUpdateOfSelectAreRefusedClearly() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("SELECT id, name FROM t"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("produced a result set").hasMessageContaining("executeQuery");
            assertThat(statement.getResultSet()).isNull();
            ddlSucceeds();
            assertThatThrownBy(() -> statement.executeQuery("CREATE TABLE t (x int)"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("no result set").hasMessageContaining("executeUpdate");
        }
    }

    @Test
    void getMoreResultsKeepsOrClosesTheResultAsAskedAndRefusesUnknownModes() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT id, name FROM t");
            assertThatThrownBy(() -> statement.getMoreResults(42))
                    .isInstanceOf(SQLException.class).hasMessageContaining("getMoreResults(42)")
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo("HY024"));

            assertThat(connection.getMetaData().supportsMultipleOpenResults()).isTrue();
            ResultSet kept = statement.getResultSet();
            assertThat(statement.getMoreResults(Statement.KEEP_CURRENT_RESULT)).isFalse();
            assertThat(statement.getResultSet()).isNull();
            assertThat(statement.getUpdateCount()).isEqualTo(-1);
            assertThat(kept.next()).isTrue();

            // A new execute closes only the current result set: the kept one reads on.
            statement.execute("SELECT id, name FROM t");
            assertThat(kept.isClosed()).isFalse();
            assertThat(kept.next()).isTrue();
            ResultSet current = statement.getResultSet();
            // JDBC: CLOSE_ALL_RESULTS closes the current result set and every one kept open before it.
            assertThat(statement.getMoreResults(Statement.CLOSE_ALL_RESULTS)).isFalse();
            assertThat(current.isClosed()).isTrue();
            assertThat(kept.isClosed()).isTrue();
            assertThat(statement.isClosed()).isFalse();

            statement.execute("SELECT id, name FROM t");
            ResultSet keptAgain = statement.getResultSet();
            assertThat(statement.getMoreResults(Statement.KEEP_CURRENT_RESULT)).isFalse();
            statement.close();
            assertThat(keptAgain.isClosed()).isTrue();
        }
    }

    @Test
    void reExecutingAStatementMarkedCloseOnCompletionKeepsItOpen() throws SQLException {
        Statement statement = connection.createStatement();
        statement.closeOnCompletion();
        ResultSet first = statement.executeQuery("SELECT id, name FROM t");

        ResultSet second = statement.executeQuery("SELECT id, name FROM t");

        assertThat(first.isClosed()).isTrue();
        assertThat(statement.isClosed()).isFalse();
        assertThat(second.next()).isTrue();
        second.close();
        assertThat(statement.isClosed()).isTrue();
    }

    /**
     * JDBC: a closeOnCompletion statement "will be closed when all its dependent result sets are closed". A result
     * set kept open by getMoreResults(KEEP_CURRENT_RESULT) is one of them: closing the current one while it is still
     * read must not close the statement (and with it the kept one), and closing the last one closes the statement.
     */
    @Test
    void closeOnCompletionWaitsForTheResultSetsKeptOpen() throws SQLException {
        Statement statement = connection.createStatement();
        statement.closeOnCompletion();
        statement.execute("SELECT id, name FROM t");
        ResultSet kept = statement.getResultSet();
        assertThat(statement.getMoreResults(Statement.KEEP_CURRENT_RESULT)).isFalse();
        ResultSet current = statement.executeQuery("SELECT id, name FROM t");

        current.close();

        assertThat(statement.isClosed()).as("a result set of the statement is still open").isFalse();
        assertThat(kept.isClosed()).isFalse();
        assertThat(kept.next()).isTrue();
        assertThat(kept.getString("name")).isEqualTo("a");
        kept.close();
        assertThat(statement.isClosed()).as("its last result set closed").isTrue();
    }

    @Test
    void closeOnCompletionClosesTheStatementWhenTheLastKeptResultSetCloses() throws SQLException {
        Statement statement = connection.createStatement();
        statement.closeOnCompletion();
        statement.execute("SELECT id, name FROM t");
        ResultSet kept = statement.getResultSet();
        assertThat(statement.getMoreResults(Statement.KEEP_CURRENT_RESULT)).isFalse();
        assertThat(statement.isClosed()).isFalse();

        kept.close();

        assertThat(statement.isClosed()).isTrue();
    }

    /**
     * executeUpdate of a query refuses it and closes the result set it produced itself: that is no result set the
     * application closed, so a closeOnCompletion statement stays open, prepared or not, and runs the next statement.
     */
    @Test
    void executeUpdateRefusingAQueryLeavesACloseOnCompletionStatementOpen() throws SQLException {
        Statement plain = connection.createStatement();
        java.sql.PreparedStatement prepared = connection.prepareStatement("SELECT id, name FROM t");
        plain.closeOnCompletion();
        prepared.closeOnCompletion();

        assertThatThrownBy(() -> plain.executeUpdate("SELECT id, name FROM t")).hasMessageContaining("produced a result set");
        assertThatThrownBy(prepared::executeUpdate).hasMessageContaining("produced a result set");

        assertThat(plain.isClosed()).isFalse();
        assertThat(prepared.isClosed()).isFalse();
        assertThat(prepared.getResultSet()).isNull();
        try (ResultSet rs = prepared.executeQuery()) {
            assertThat(rs.next()).isTrue();
        }
        assertThat(prepared.isClosed()).as("its result set, closed by the application, completes it").isTrue();
    }

    @Test
    void cursorPositionThroughoutAResult() throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT id, name FROM t")) {
            assertThat(rs.wasNull()).isFalse();
            assertThat(rs.isBeforeFirst()).isTrue();
            assertThat(rs.isFirst()).isFalse();
            assertThat(rs.getRow()).isZero();
            assertThatThrownBy(() -> rs.getString(1)).satisfies(e -> assertThat(sqlState(e)).isEqualTo("24000"));

            assertThat(rs.next()).isTrue();
            assertThat(rs.wasNull()).isFalse();
            assertThat(rs.isBeforeFirst()).isFalse();
            assertThat(rs.isFirst()).isTrue();
            assertThat(rs.isLast()).isFalse();
            assertThat(rs.getRow()).isEqualTo(1);

            assertThat(rs.next()).isTrue();
            assertThat(rs.isFirst()).isFalse();
            assertThat(rs.isLast()).isTrue();
            assertThat(rs.getRow()).isEqualTo(2);
            assertThat(rs.getString("name")).isEqualTo("b");

            assertThat(rs.next()).isFalse();
            assertThat(rs.isAfterLast()).isTrue();
            assertThat(rs.isLast()).isFalse();
            assertThat(rs.getRow()).isZero();
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void emptyResultIsNeitherBeforeFirstNorAfterLast() throws SQLException {
        selectReturns(Collections.singletonList(row("id", "name")));
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT id, name FROM t")) {
            assertThat(rs.isBeforeFirst()).isFalse();
            assertThat(rs.next()).isFalse();
            assertThat(rs.isAfterLast()).isFalse();
        }
    }

    @Test
    void unknownLabelsAndBadIndexesHaveTheirOwnSqlStates() throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT id, name FROM t")) {
            rs.next();
            assertThat(rs.findColumn("NAME")).isEqualTo(2);
            assertThatThrownBy(() -> rs.findColumn("nope"))
                    .hasMessageContaining("'nope'").hasMessageContaining("id, name")
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo("42703"));
            assertThatThrownBy(() -> rs.getString("nope")).satisfies(e -> assertThat(sqlState(e)).isEqualTo("42703"));
            for (int bad : new int[] {0, -1, 3}) {
                assertThatThrownBy(() -> rs.getInt(bad)).hasMessageContaining("Column index " + bad)
                        .satisfies(e -> assertThat(sqlState(e)).isEqualTo("07009"));
            }
        }
    }

    @Test
    void maxRowsStopsTheCursorAndClosedResultSetsSaySo() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setMaxRows(1);
            statement.setFetchSize(50);
            ResultSet rs = statement.executeQuery("SELECT id, name FROM t");
            assertThat(rs.getFetchSize()).isEqualTo(50);
            assertThat(rs.next()).isTrue();
            assertThat(rs.isLast()).isTrue();
            assertThat(rs.next()).isFalse();
            rs.close();
            assertThatThrownBy(rs::next).satisfies(e -> assertThat(sqlState(e)).isEqualTo("55000"));
            assertThat(statement.getMaxRows()).isEqualTo(1);
        }
    }

    @Test
    void connectionBuiltAroundAQueryClientRefusesMetadataInsteadOfFailingInside() throws SQLException {
        try (Connection embedded = TestConnections.withQueryClient(
                new AthenaQueryClient(null, QuerySettings.builder().build()), PollingClock.SYSTEM)) {
            assertThatThrownBy(embedded::getMetaData).isInstanceOf(SQLFeatureNotSupportedException.class)
                    .hasMessageContaining("no AWS clients").hasMessageContaining("AthenaDriver");
        }
    }
}
