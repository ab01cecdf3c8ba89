package ai.connecty.athena.jdbc.wiremock;

import static ai.connecty.athena.jdbc.wiremock.AthenaWire.column;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.error;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.execution;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.json;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.operation;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.page;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.row;
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
import java.util.Collections;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Statement.cancel() that lands after Athena reported the query finished, while the driver fetches its first
 * GetQueryResults page (held by the test, so no clock decides the phase). There is nothing left to stop: no
 * StopQueryExecution may be sent, and no warning may claim that the query "may still be running" (under the
 * guide's policy, which denies StopQueryExecution, that warning is what a useless stop produced).
 */
class CancelAfterCompletionWireMockTest {
    private static final HeldResponse HELD = new HeldResponse();
    @RegisterExtension
    static final WireMockExtension wire = HeldResponse.server(HELD);
    private Connection connection;

    @BeforeEach
    void connect() throws SQLException {
        HELD.reset();
        wire.stubFor(operation("StartQueryExecution").willReturn(json(started())));
        wire.stubFor(operation("StopQueryExecution").willReturn(error("AccessDeniedException",
                "User: arn:aws:sts::123456789012:assumed-role/connecty-athena/s is not authorized to perform: "
                        + "athena:StopQueryExecution on resource: arn:aws:athena:us-east-1:123456789012:workgroup/primary",
                null)));
        connection = AthenaWire.connect(wire.getPort(), "MinQueryExecutionPollingIntervalMillis=1");
    }

    @AfterEach
    void close() throws SQLException {
        HELD.release.countDown();
        connection.close();
    }

    private int stops() {
        return wire.findAll(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonAthena.StopQueryExecution"))).size();
    }

    /** Runs {@code sql} on another thread; completes with what it threw, or null. */
    private static CompletableFuture<Throwable> executeInTheBackground(Statement statement, String sql) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                statement.execute(sql);
                return null;
            } catch (Throwable e) {
                return e;
            }
        }, OwnThread.EACH_TASK);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void cancelWhileTheFirstPageOfAFinishedQueryIsFetchedStopsNothingAndWarnsOfNothing() throws Exception {
        wire.stubFor(operation("GetQueryExecution").willReturn(json(execution("SUCCEEDED", "DML", "SELECT"))));
        wire.stubFor(operation("GetQueryResults").willReturn(json(page(Collections.singletonList(column("n", "integer")),
                Arrays.asList(row("n"), row("1")), null, 0L)).withTransformers(HeldResponse.NAME)));
        try (Statement statement = connection.createStatement()) {
            CompletableFuture<Throwable> execute = executeInTheBackground(statement, "SELECT n FROM t");
            assertThat(HELD.arrived.await(30, TimeUnit.SECONDS)).as("first GetQueryResults under way").isTrue();

            statement.cancel();
            HELD.release.countDown();

            Throwable failure = execute.get(30, TimeUnit.SECONDS);
            // The rows are discarded, as the README says of a cancel before executeQuery returned.
            assertThat(failure).isInstanceOf(SQLException.class);
            assertThat(((SQLException) failure).getSQLState()).isEqualTo("57014");
            assertThat(stops()).as("StopQueryExecution requests for a query that had finished").isZero();
            assertThat((Throwable) statement.getWarnings()).as("warnings").isNull();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void cancelWhileTheUpdateCountOfAFinishedInsertIsFetchedKeepsTheCountAndClaimsNothing() throws Exception {
        wire.stubFor(operation("GetQueryExecution").willReturn(json(execution("SUCCEEDED", "DML", "INSERT"))));
        wire.stubFor(operation("GetQueryResults").willReturn(json(page(Collections.singletonList(column("rows", "bigint")),
                Collections.<String>emptyList(), null, 3L)).withTransformers(HeldResponse.NAME)));
        try (Statement statement = connection.createStatement()) {
            CompletableFuture<Throwable> execute = executeInTheBackground(statement, "INSERT INTO t SELECT * FROM s");
            assertThat(HELD.arrived.await(30, TimeUnit.SECONDS)).as("first GetQueryResults under way").isTrue();

            statement.cancel();
            HELD.release.countDown();

            assertThat(execute.get(30, TimeUnit.SECONDS)).as("what execute threw").isNull();
            // The INSERT ran to its end: its count stands, and nothing may say it could still be running.
            assertThat(statement.getUpdateCount()).isEqualTo(3);
            assertThat(stops()).as("StopQueryExecution requests for a query that had finished").isZero();
            assertThat((Throwable) statement.getWarnings()).as("warnings").isNull();
        }
    }
}
