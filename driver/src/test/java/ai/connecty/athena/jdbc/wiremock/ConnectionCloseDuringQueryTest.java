package ai.connecty.athena.jdbc.wiremock;

import static ai.connecty.athena.jdbc.wiremock.AthenaWire.column;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.execution;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.json;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.operation;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.page;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.row;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.started;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.jdbc.aws.AwsClients;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collections;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Connection.close() and abort() from another thread while a statement of the connection is executing: the
 * connection closes the SDK clients under the call in flight (after it, for a StartQueryExecution), and the
 * executing thread must get an SQLException, not whatever the closed HTTP client raises.
 */
class ConnectionCloseDuringQueryTest {
    private static final HeldResponse HELD = new HeldResponse();
    @RegisterExtension
    static final WireMockExtension wire = HeldResponse.server(HELD);
    private Connection connection;

    @BeforeEach
    void connect() throws SQLException {
        HELD.reset();
        wire.stubFor(operation("GetQueryExecution").willReturn(json(execution("SUCCEEDED", "DML", "SELECT"))));
        wire.stubFor(operation("GetQueryResults").willReturn(json(page(Collections.singletonList(column("n", "integer")),
                Arrays.asList(row("n"), row("1")), null, 0L))));
        wire.stubFor(operation("StopQueryExecution").willReturn(json("{}")));
        connection = AthenaWire.connect(wire.getPort(), "MinQueryExecutionPollingIntervalMillis=1");
    }

    @AfterEach
    void close() throws SQLException {
        HELD.release.countDown();
        connection.close();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void closingTheConnectionWhileStartQueryExecutionIsUnderWayFailsTheExecuteWithAnSqlException() throws Exception {
        assertCloseDuring("StartQueryExecution", json(started()), false);
    }

    /**
     * StartQueryExecution may have reached Athena when the connection closes: had close() closed the HTTP client
     * under it, the query would run on with nobody knowing its id. The clients stay open for that one call, the
     * query it started is stopped, and only then are they closed; close() itself does not wait.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void closingTheConnectionWhileStartQueryExecutionIsUnderWayStopsTheQueryItStarted() throws Exception {
        assertQueryStoppedAfterCloseDuringStart(false);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void abortingTheConnectionWhileStartQueryExecutionIsUnderWayStopsTheQueryItStarted() throws Exception {
        assertQueryStoppedAfterCloseDuringStart(true);
    }

    private void assertQueryStoppedAfterCloseDuringStart(boolean abort) throws Exception {
        wire.stubFor(operation("StartQueryExecution").willReturn(json(started()).withTransformers(HeldResponse.NAME)));
        int openBefore = AwsClients.openCount();
        CompletableFuture<Throwable> execute = executeInTheBackground();
        assertThat(HELD.arrived.await(30, TimeUnit.SECONDS)).as("StartQueryExecution under way").isTrue();

        CompletableFuture<Void> close = CompletableFuture.runAsync(() -> {
            try {
                if (abort) {
                    connection.abort(Runnable::run);
                } else {
                    connection.close();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, OwnThread.EACH_TASK);
        close.get(20, TimeUnit.SECONDS);
        assertThat(HELD.release.getCount()).as("Athena's answer still held when close() returned").isEqualTo(1);
        HELD.release.countDown();

        Throwable failure = execute.get(30, TimeUnit.SECONDS);
        assertThat(failure).as("what executeQuery threw").isInstanceOf(SQLException.class);
        assertThat(((SQLException) failure).getSQLState()).as("SQLState of %s", failure).isEqualTo("57014");
        wire.verify(1, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target",
                equalTo("AmazonAthena.StopQueryExecution")).withRequestBody(containing(AthenaWire.ID)));
        assertThat(AwsClients.openCount()).as("the clients closed once the query was stopped").isEqualTo(openBefore - 1);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void abortingTheConnectionWhileGetQueryExecutionIsUnderWayFailsTheExecuteWithAnSqlException() throws Exception {
        wire.stubFor(operation("StartQueryExecution").willReturn(json(started())));
        assertCloseDuring("GetQueryExecution", json(execution("RUNNING", "DML", "SELECT")), true);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void closingTheConnectionWhileTheFirstS3GetIsUnderWayReturnsAtOnceAndFailsTheExecute() throws Exception {
        wire.stubFor(operation("StartQueryExecution").willReturn(json(started())));
        // A result longer than its first page, written to S3: ResultFetcher=auto reads it from the file.
        wire.stubFor(operation("GetQueryExecution").willReturn(json("{\"QueryExecution\":{\"QueryExecutionId\":\""
                + AthenaWire.ID + "\",\"StatementType\":\"DML\",\"SubstatementType\":\"SELECT\",\"Status\":{\"State\":"
                + "\"SUCCEEDED\"},\"ResultConfiguration\":{\"OutputLocation\":\"s3://results/q.csv\"}}}")));
        wire.stubFor(operation("GetQueryResults").willReturn(json(page(Collections.singletonList(column("n", "integer")),
                Arrays.asList(row("n"), row("1")), "t1", 0L))));
        wire.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/results/q.csv"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(206)
                        .withHeader("ETag", "\"e1\"").withHeader("Content-Range", "bytes 0-11/12")
                        .withBody("\"n\"\n\"1\"\n\"2\"\n").withTransformers(HeldResponse.NAME)));
        CompletableFuture<Throwable> execute = executeInTheBackground();
        assertThat(HELD.arrived.await(30, TimeUnit.SECONDS)).as("first S3 GET under way").isTrue();

        CompletableFuture<Void> close = CompletableFuture.runAsync(() -> {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, OwnThread.EACH_TASK);
        // The held answer is released only after this: close() must not wait for S3 to answer.
        close.get(20, TimeUnit.SECONDS);
        assertThat(HELD.release.getCount()).as("S3's answer still held when close() returned").isEqualTo(1);
        HELD.release.countDown();

        Throwable failure = execute.get(30, TimeUnit.SECONDS);
        assertThat(failure).as("what executeQuery threw").isInstanceOf(SQLException.class);
        assertThat(((SQLException) failure).getSQLState()).as("SQLState of %s", failure).isNotNull();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void closingTheConnectionWhileAMetadataCallIsUnderWayFailsItWithAnSqlException() throws Exception {
        wire.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/")).withHeader("X-Amz-Target",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("AWSGlue.GetDatabases"))
                .willReturn(json("{\"DatabaseList\":[{\"Name\":\"sales\"}]}").withTransformers(HeldResponse.NAME)));
        CompletableFuture<Throwable> schemas = CompletableFuture.supplyAsync(() -> {
            try {
                connection.getMetaData().getSchemas().close();
                return null;
            } catch (Throwable e) {
                return e;
            }
        }, OwnThread.EACH_TASK);
        assertThat(HELD.arrived.await(30, TimeUnit.SECONDS)).as("GetDatabases under way").isTrue();
        connection.close();
        HELD.release.countDown();

        Throwable failure = schemas.get(30, TimeUnit.SECONDS);
        assertThat(failure).as("what getSchemas threw").isInstanceOf(SQLException.class);
        assertThat(((SQLException) failure).getSQLState()).as("SQLState of %s", failure).isNotNull();
    }

    /** Runs a query on another thread; completes with what it threw, or null. */
    private CompletableFuture<Throwable> executeInTheBackground() throws SQLException {
        Statement statement = connection.createStatement();
        return CompletableFuture.supplyAsync(() -> {
            try {
                statement.executeQuery("SELECT n FROM t").close();
                return null;
            } catch (Throwable e) {
                return e;
            }
        }, OwnThread.EACH_TASK);
    }

    /** Holds the answer to {@code operation} while the connection closes (or aborts), then lets it through. */
    private void assertCloseDuring(String operation, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer,
                                   boolean abort) throws Exception {
        wire.stubFor(operation(operation).willReturn(answer.withTransformers(HeldResponse.NAME)));
        CompletableFuture<Throwable> execute = executeInTheBackground();
        assertThat(HELD.arrived.await(30, TimeUnit.SECONDS)).as(operation + " under way").isTrue();

        if (abort) {
            connection.abort(Runnable::run);
        } else {
            connection.close();
        }
        HELD.release.countDown();

        Throwable failure = execute.get(30, TimeUnit.SECONDS);
        assertThat(failure).as("what executeQuery threw").isInstanceOf(SQLException.class);
        assertThat(((SQLException) failure).getSQLState()).as("SQLState of %s", failure).isNotNull();
    }
}
