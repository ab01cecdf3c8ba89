package ai.connecty.athena.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.jdbc.config.ConnectionProperty;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AthenaDriverTest {
    private final AthenaDriver driver = new AthenaDriver();

    @Test
    void registersItselfAndIsListedInTheServicesFile() throws Exception {
        assertThat(DriverManager.getDriver("jdbc:connecty-athena://Region=us-east-1"))
                .isInstanceOf(AthenaDriver.class);
        try (InputStream services = AthenaDriver.class.getResourceAsStream("/META-INF/services/java.sql.Driver")) {
            assertThat(new String(services.readAllBytes(), StandardCharsets.UTF_8).trim())
                    .isEqualTo(AthenaDriver.class.getName());
        }
    }

    @Test
    void acceptsOnlyItsPrefix() throws SQLException {
        assertThat(driver.acceptsURL("jdbc:connecty-athena://")).isTrue();
        assertThat(driver.acceptsURL("JDBC:CONNECTY-ATHENA://Region=us-east-1")).isTrue();
        assertThat(driver.acceptsURL("jdbc:athena://Region=us-east-1")).isFalse();
        assertThat(driver.acceptsURL("jdbc:postgresql://localhost/db")).isFalse();
        assertThatThrownBy(() -> driver.acceptsURL(null)).isInstanceOf(SQLException.class);
    }

    @Test
    void connectReturnsNullForOtherDrivers() throws SQLException {
        assertThat(driver.connect("jdbc:postgresql://localhost/db", new Properties())).isNull();
    }

    @Test
    void badSettingsFailBeforeAnyNetworkCall() {
        assertThatThrownBy(() -> driver.connect("jdbc:connecty-athena://Region=us-east-1;FetchSize=lots", null))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("FetchSize")
                .hasMessageContaining("'lots'");
    }

    @Test
    void connectsWithoutNetworkAndCarriesWarnings() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:connecty-athena://ValidateCredentials=false;Region=us-east-1;"
                + "EndpointOverride=http://127.0.0.1:1;OutputLocation=s3://athena-results;WorkGrup=x",
                "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")) {
            // Through the public API only: the user name is the access key the connection signs with.
            DatabaseMetaData metaData = connection.getMetaData();
            assertThat(metaData.getUserName()).isEqualTo("AKIAIOSFODNN7EXAMPLE");
            assertThat(metaData.getURL()).as("the URL, then the user and the masked password given beside it")
                    .isEqualTo("jdbc:connecty-athena://ValidateCredentials=false;Region=us-east-1;"
                            + "EndpointOverride=http://127.0.0.1:1;OutputLocation=s3://athena-results;WorkGrup=x;"
                            + "user=AKIAIOSFODNN7EXAMPLE;password=****;");
            assertThat((Object) connection.getWarnings()).isNotNull();
            assertThat(connection.getWarnings().getMessage()).contains("did you mean WorkGroup?");
        }
    }

    /**
     * Client info: ApplicationName answers the connection property until set; setClientInfo(Properties) replaces the
     * whole set and warns of the unknown names in order; on a closed connection each name given is reported failed.
     */
    @Test
    void clientInfoIsKeptReplacedAndRefusedOnceClosed() throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:connecty-athena://ValidateCredentials=false;"
                + "Region=us-east-1;EndpointOverride=http://127.0.0.1:1;ApplicationName=etl",
                "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        connection.clearWarnings();
        assertThat(connection.getClientInfo("ApplicationName")).isEqualTo("etl");
        assertThat(connection.getClientInfo("ClientUser")).isNull();
        assertThat(connection.getClientInfo((String) null)).isNull();
        connection.setClientInfo("ApplicationName", "report");
        assertThat(connection.getClientInfo("ApplicationName")).isEqualTo("report");
        assertThat(connection.getClientInfo()).containsOnly(java.util.Map.entry("ApplicationName", "report"));
        connection.setClientInfo("ApplicationName", null);
        assertThat(connection.getClientInfo("ApplicationName")).as("removed: the property again").isEqualTo("etl");
        connection.setClientInfo(null, "ignored");
        assertThat((Object) connection.getWarnings()).isNull();

        Properties info = new Properties();
        info.setProperty("ClientUser", "ana");
        info.setProperty("Zeta", "1");
        info.setProperty("Alpha", "2");
        connection.setClientInfo("ClientHostname", "replaced by the next call");
        connection.setClientInfo(info);
        assertThat(connection.getClientInfo()).containsOnly(java.util.Map.entry("ApplicationName", "etl"),
                java.util.Map.entry("ClientUser", "ana"), java.util.Map.entry("Zeta", "1"),
                java.util.Map.entry("Alpha", "2"));
        assertThat(connection.getWarnings().getMessage()).startsWith("Client info Alpha, Zeta is not a property");
        assertThat((Object) connection.getWarnings().getNextWarning()).isNull();
        connection.setClientInfo((Properties) null);
        assertThat(connection.getClientInfo()).containsOnly(java.util.Map.entry("ApplicationName", "etl"));

        connection.close();
        assertThatThrownBy(() -> connection.setClientInfo("ClientUser", "x"))
                .isInstanceOfSatisfying(java.sql.SQLClientInfoException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("08003");
                    assertThat(e.getFailedProperties())
                            .containsOnly(java.util.Map.entry("ClientUser", java.sql.ClientInfoStatus.REASON_UNKNOWN));
                });
        assertThatThrownBy(() -> connection.setClientInfo(info))
                .isInstanceOfSatisfying(java.sql.SQLClientInfoException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("08003");
                    assertThat(e.getFailedProperties()).containsOnlyKeys("ClientUser", "Zeta", "Alpha");
                });
        assertThatThrownBy(() -> connection.setClientInfo((Properties) null))
                .isInstanceOfSatisfying(java.sql.SQLClientInfoException.class,
                        e -> assertThat(e.getFailedProperties()).isEmpty());
        assertThatThrownBy(() -> connection.getClientInfo("ClientUser")).isInstanceOf(SQLException.class);
    }

    @Test
    void propertyInfoDescribesEveryPropertyWithoutSecrets() throws SQLException {
        Properties info = new Properties();
        info.setProperty("password", "TOPSECRET");
        DriverPropertyInfo[] infos = driver.getPropertyInfo("jdbc:connecty-athena://Region=eu-west-1", info);
        assertThat(infos).extracting(i -> i.name).contains("Region", "WorkGroup", "OutputLocation", "user", "password");
        assertThat(Arrays.stream(infos).filter(i -> i.name.equals("Region")).findFirst().get().value)
                .isEqualTo("eu-west-1");
        assertThat(infos).allSatisfy(i -> assertThat(String.valueOf(i.value)).doesNotContain("TOPSECRET"));
    }

    /**
     * DBeaver calls getPropertyInfo while the user is still typing the URL, and whenever it shows the driver
     * properties tab: an unfinished or contradictory URL must still list every property, with what can be read.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:connecty-athena://Region=us-east-1;Work",
            "jdbc:connecty-athena://Region=us-east-1;WorkGroup={abc",
            "jdbc:connecty-athena://Region=us-east-1;ApplicationName={a}b;WorkGroup=wg",
            "jdbc:connecty-athena://Region=us-east-1;Region=eu-",
            "jdbc:connecty-athena://Region=us-east-1;=",
            "jdbc:connecty-athena://Region=us-east-1;AwsRegion=eu-west-1"})
    void propertyInfoToleratesAUrlBeingTyped(String url) throws SQLException {
        Properties info = new Properties();
        info.setProperty("OutputLocation", "s3://b/p/");
        DriverPropertyInfo[] infos = driver.getPropertyInfo(url, info);
        assertThat(infos).hasSize(ConnectionProperty.values().length);
        assertThat(value(infos, "Region")).startsWith(url.contains("=eu-") ? "eu-" : "us-east-1");
        assertThat(value(infos, "OutputLocation")).isEqualTo("s3://b/p/");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"jdbc:", "jdbc:connecty-athena:", "jdbc:connecty-athena:/Region=us-east-1"})
    void propertyInfoWithoutAUsableUrlStillListsEveryProperty(String url) throws SQLException {
        Properties info = new Properties();
        info.setProperty("WorkGroup", "analytics");
        DriverPropertyInfo[] infos = driver.getPropertyInfo(url, info);
        assertThat(infos).hasSize(ConnectionProperty.values().length);
        assertThat(value(infos, "WorkGroup")).isEqualTo("analytics");
        assertThat(driver.getPropertyInfo(url, null)).hasSize(ConnectionProperty.values().length);
    }

    /** An unclosed brace must not carry a later secret into the value of the property it opens. */
    @ParameterizedTest
    @ValueSource(strings = {"jdbc:connecty-athena://Region=us-east-1;Password={TOPSECRET;User=AKIA",
            "jdbc:connecty-athena://Region=us-east-1;WorkGroup={wg;Password=TOPSECRET;User=AKIA",
            "jdbc:connecty-athena://Region=us-east-1;WorkGroup={wg}x;Password=TOPSECRET;User=AKIA"})
    void propertyInfoOfABrokenUrlShowsNoSecret(String url) throws SQLException {
        DriverPropertyInfo[] infos = driver.getPropertyInfo(url, null);
        assertThat(infos).allSatisfy(i -> assertThat(String.valueOf(i.value)).doesNotContain("TOPSECRET"));
    }

    private static String value(DriverPropertyInfo[] infos, String name) {
        return Arrays.stream(infos).filter(i -> i.name.equals(name)).findFirst().orElseThrow().value;
    }

    @Test
    void versionAndCompliance() throws SQLException {
        assertThat(driver.getMajorVersion()).isZero();
        assertThat(driver.getMinorVersion()).isEqualTo(1);
        assertThat(driver.jdbcCompliant()).isFalse();
        assertThatThrownBy(driver::getParentLogger).isInstanceOf(SQLFeatureNotSupportedException.class);
    }
}
