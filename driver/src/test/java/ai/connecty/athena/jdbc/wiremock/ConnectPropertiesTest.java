package ai.connecty.athena.jdbc.wiremock;

import static ai.connecty.athena.jdbc.wiremock.AthenaWire.column;
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

import ai.connecty.athena.jdbc.AthenaDriver;
import ai.connecty.athena.jdbc.config.ConnectionProperty;
import ai.connecty.athena.jdbc.config.PropertyType;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Where a setting comes from when a tool connects: URL, Properties, DriverManager's user and password. */
class ConnectPropertiesTest {
    private static final String PREFIX = "jdbc:connecty-athena://";
    @RegisterExtension
    final WireMockExtension wire = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @BeforeEach
    void start() {
        wire.stubFor(operation("StartQueryExecution").willReturn(json(started())));
        wire.stubFor(operation("GetQueryExecution").willReturn(json(execution("SUCCEEDED", "DML", "SELECT"))));
        wire.stubFor(operation("GetQueryResults").willReturn(json(page(Arrays.asList(column("x", "integer")),
                Arrays.asList(row("x"), row("1")), null, 0L))));
    }

    private Properties endpoint() {
        Properties properties = new Properties();
        properties.setProperty("EndpointOverride", "http://127.0.0.1:" + wire.getPort());
        properties.setProperty("Region", "us-east-1");
        properties.setProperty("NumRetries", "0");
        properties.setProperty("ValidateCredentials", "false");
        return properties;
    }

    private static void runQuery(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT 1")) {
            assertThat(rs.next()).isTrue();
        }
    }

    private LoggedRequest startRequest() {
        List<LoggedRequest> starts = wire.findAll(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonAthena.StartQueryExecution")));
        assertThat(starts).hasSize(1);
        return starts.get(0);
    }

    @Test
    void bareUrlWithEverythingInPropertiesConnectsAndQueries() throws SQLException {
        Properties properties = endpoint();
        properties.setProperty("user", "AKIAFROMPROPERTIES");
        properties.setProperty("password", "secret");
        properties.setProperty("WorkGroup", "analytics");
        properties.setProperty("OutputLocation", "s3://athena-results/p");
        try (Connection connection = DriverManager.getConnection(PREFIX, properties)) {
            assertThat(connection.getMetaData().getUserName()).isEqualTo("AKIAFROMPROPERTIES");
            runQuery(connection);
        }
        LoggedRequest start = startRequest();
        assertThat(start.getHeader("Authorization")).contains("Credential=AKIAFROMPROPERTIES/");
        assertThat(start.getBodyAsString()).contains("\"WorkGroup\":\"analytics\"")
                .contains("\"OutputLocation\":\"s3://athena-results/p/\"");
    }

    @Test
    void urlWinsOverPropertiesAndOverDriverManagersUserArgument() throws SQLException {
        Properties properties = endpoint();
        properties.setProperty("user", "AKIAFROMARGUMENT");
        properties.setProperty("password", "secret");
        properties.setProperty("workgroup", "from-properties");
        properties.setProperty("Database", "sales");
        String url = PREFIX + "AccessKeyId=AKIAFROMURL;SecretAccessKey=other;WorkGroup=from-url";
        try (Connection connection = new AthenaDriver().connect(url, properties)) {
            assertThat(connection.getMetaData().getUserName()).isEqualTo("AKIAFROMURL");
            assertThat(connection.getSchema()).isEqualTo("sales");
            runQuery(connection);
        }
        LoggedRequest start = startRequest();
        assertThat(start.getHeader("Authorization")).contains("Credential=AKIAFROMURL/");
        assertThat(start.getBodyAsString()).contains("\"WorkGroup\":\"from-url\"").contains("\"Database\":\"sales\"");
    }

    @Test
    void driverManagerUserAndPasswordMeanTheAccessKeys() throws SQLException {
        String url = PREFIX + "EndpointOverride=http://127.0.0.1:" + wire.getPort() + ";Region=us-east-1;NumRetries=0;"
                + "ValidateCredentials=false;"
                + "OutputLocation=s3://athena-results/";
        try (Connection connection = DriverManager.getConnection(url, "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")) {
            runQuery(connection);
            assertThat(connection.getMetaData().getURL()).doesNotContain("wJalr");
        }
        assertThat(startRequest().getHeader("Authorization")).contains("Credential=AKIAIOSFODNN7EXAMPLE/");
    }

    @Test
    void otherDriversUrlsAreNotOurs() throws SQLException {
        AthenaDriver driver = new AthenaDriver();
        for (String url : Arrays.asList("jdbc:athena://Region=us-east-1", "jdbc:awsathena://AwsRegion=us-east-1",
                "jdbc:postgresql://localhost/db", "", "connecty-athena://")) {
            assertThat(driver.acceptsURL(url)).as(url).isFalse();
            assertThat(driver.connect(url, endpoint())).as(url).isNull();
        }
    }

    @Test
    void propertyInfoOffersChoicesForEveryChoiceAndBooleanPropertyAndNeverASecret() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("password", "SECRET-1");
        properties.setProperty("SessionToken", "SECRET-2");
        String url = PREFIX + "ProxyPassword={SECRET;3};Region=eu-west-1";
        Map<String, DriverPropertyInfo> infos = new HashMap<>();
        for (DriverPropertyInfo info : new AthenaDriver().getPropertyInfo(url, properties)) {
            infos.put(info.name, info);
        }
        for (ConnectionProperty property : ConnectionProperty.values()) {
            DriverPropertyInfo info = infos.get(property.propertyName());
            assertThat(info).as(property.propertyName()).isNotNull();
            assertThat(info.description).as(property.propertyName()).isNotBlank();
            if (property.type() == PropertyType.CHOICE) {
                assertThat(info.choices).as(property.propertyName()).containsExactlyElementsOf(property.choices());
            }
            if (property.type() == PropertyType.BOOLEAN) {
                assertThat(info.choices).as(property.propertyName()).containsExactly("true", "false");
            }
            if (property.isSecret()) {
                assertThat(info.value).as(property.propertyName()).isNull();
            }
            assertThat(String.valueOf(info.value) + info.description).doesNotContain("SECRET");
        }
        assertThat(infos.get("ConnectionTest").value).isEqualTo("false");
        assertThat(infos.get("Region").value).isEqualTo("eu-west-1");
    }
}
