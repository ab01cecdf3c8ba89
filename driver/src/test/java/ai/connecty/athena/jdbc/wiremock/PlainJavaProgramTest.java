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
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a user's program does: only java.sql, a URL, a query. */
class PlainJavaProgramTest {
    @RegisterExtension
    final WireMockExtension wire = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @BeforeEach
    void start() {
        wire.stubFor(operation("StartQueryExecution").willReturn(json(started())));
        wire.stubFor(operation("GetQueryExecution").willReturn(json(execution("SUCCEEDED", "DML", "SELECT"))));
        wire.stubFor(operation("GetQueryResults").willReturn(json(page(
                Arrays.asList(column("id", "integer"), column("name", "varchar")),
                Arrays.asList(row("id", "name"), row("1", "alice"), row("2", "bob")), null, 0L))));
    }

    @Test
    void queriesThroughDriverManager() throws Exception {
        String url = "jdbc:connecty-athena://ValidateCredentials=false;EndpointOverride=http://127.0.0.1:" + wire.getPort()
                + ";Region=us-east-1;User=AKIDEXAMPLE;Password=secret;OutputLocation=s3://athena-results/p/";
        List<String> names = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id, name FROM users")) {
            while (rs.next()) {
                names.add(rs.getInt("id") + "=" + rs.getString("name"));
            }
        }

        assertThat(names).containsExactly("1=alice", "2=bob");
        String startBody = wire.findAll(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonAthena.StartQueryExecution"))).get(0).getBodyAsString();
        assertThat(startBody).contains("\"OutputLocation\":\"s3://athena-results/p/\"");
    }

    @Test
    void connectionTestRunsOneQueryAtConnectOnlyWhenAskedFor() throws Exception {
        try (Connection ignored = DriverManager.getConnection(url(""))) {
            assertThat(startRequests()).isZero();
        }
        try (Connection ignored = DriverManager.getConnection(url("ConnectionTest=true"))) {
            assertThat(startRequests()).isEqualTo(1);
        }
    }

    @Test
    void failedConnectionTestFailsTheConnectWithAthenasReason() {
        wire.stubFor(operation("StartQueryExecution").willReturn(
                error("InvalidRequestException", "WorkGroup is not found.", "INVALID_INPUT")));

        assertThatThrownBy(() -> DriverManager.getConnection(url("ConnectionTest=true")))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("ConnectionTest=true")
                .hasMessageContaining("WorkGroup is not found.")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08001");
    }

    private String url(String extra) {
        return "jdbc:connecty-athena://ValidateCredentials=false;EndpointOverride=http://127.0.0.1:" + wire.getPort()
                + ";Region=us-east-1;User=AKIDEXAMPLE;Password=secret;OutputLocation=s3://athena-results/p/;" + extra;
    }

    private int startRequests() {
        return wire.findAll(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonAthena.StartQueryExecution"))).size();
    }
}
