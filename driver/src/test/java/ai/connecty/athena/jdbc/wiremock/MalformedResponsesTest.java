package ai.connecty.athena.jdbc.wiremock;

import static ai.connecty.athena.jdbc.wiremock.AthenaWire.ID;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.execution;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.json;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.operation;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.page;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.row;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.started;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An Athena-compatible endpoint that leaves out members the model calls optional (an emulator, a proxy, a new
 * service version) must give a SQLException naming what is missing: never a NullPointerException, never a hang.
 */
@Timeout(30)
class MalformedResponsesTest {
    @RegisterExtension
    final WireMockExtension wire = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();
    private Connection connection;

    @BeforeEach
    void start() throws SQLException {
        wire.stubFor(operation("StartQueryExecution").willReturn(json(started())));
        wire.stubFor(operation("GetQueryExecution").willReturn(json(execution("SUCCEEDED", "DML", "SELECT"))));
        wire.stubFor(operation("StopQueryExecution").willReturn(json("{}")));
        connection = DriverManager.getConnection("jdbc:connecty-athena://ValidateCredentials=false;Region=us-east-1;EndpointOverride=http://127.0.0.1:"
                + wire.getPort() + ";NumRetries=0;OutputLocation=s3://results/;MinQueryExecutionPollingIntervalMillis=1;"
                + "MaxQueryExecutionPollingIntervalMillis=2", "AKIAIOSFODNN7EXAMPLE", "secret");
    }

    @AfterEach
    void stop() throws SQLException {
        connection.close();
    }

    private void refused(String containing) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT 1"))
                    .isInstanceOf(SQLException.class).hasMessageContaining(containing);
        }
    }

    @Test
    void startWithoutAnIdIsAnError() throws SQLException {
        wire.stubFor(operation("StartQueryExecution").willReturn(json("{}")));
        refused("StartQueryExecution returned no QueryExecutionId");
    }

    @Test
    void executionWithoutAQueryExecutionIsAnError() throws SQLException {
        wire.stubFor(operation("GetQueryExecution").willReturn(json("{}")));
        refused("GetQueryExecution for query " + ID + " returned no status");
    }

    @Test
    void executionWithoutAStatusIsAnErrorNotAnEndlessPoll() throws SQLException {
        wire.stubFor(operation("GetQueryExecution").willReturn(json("{\"QueryExecution\":{\"QueryExecutionId\":\"" + ID + "\"}}")));
        refused("returned no status");
    }

    @Test
    void columnsWithoutNameOrTypeAreStillReadable() throws SQLException {
        wire.stubFor(operation("GetQueryResults").willReturn(json(page(Arrays.asList("{\"Label\":\"x\"}", "{}"),
                Arrays.asList(row("x", "_col1"), row("1", "2")), null, 0L))));
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("x")).isEqualTo("1");
            assertThat(rs.getString(2)).isEqualTo("2");
            assertThat(rs.getMetaData().getColumnName(2)).isEqualTo("_col1");
            assertThat(rs.getMetaData().getColumnTypeName(2)).isEqualTo("unknown");
        }
    }
}
