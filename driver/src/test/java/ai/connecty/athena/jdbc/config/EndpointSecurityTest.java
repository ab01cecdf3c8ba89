package ai.connecty.athena.jdbc.config;

import static ai.connecty.athena.jdbc.config.UrlConfigs.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class EndpointSecurityTest {
    @Test
    void plainHttpToThisMachineIsQuiet() throws SQLException {
        for (String host : new String[] {"127.0.0.1:4566", "localhost:4566", "[::1]:4566", "athena.localhost"}) {
            assertThat(config("EndpointOverride=http://" + host).warnings()).as(host).isEmpty();
        }
    }

    @Test
    void plainHttpToAnotherMachineWarns() throws SQLException {
        ConnectionConfig config = config("AthenaEndpoint=http://athena-proxy.internal:8080");

        assertThat(config.warnings()).singleElement().satisfies(w -> {
            assertThat(w.getSQLState()).isEqualTo("01000");
            assertThat(w.getMessage()).contains("AthenaEndpoint").contains("plain HTTP").contains("https://");
        });
        assertThat(config.endpoint(ConnectionProperty.ATHENA_ENDPOINT)).isPresent();
    }

    @Test
    void plainHttpToAwsIsRefused() {
        assertThatThrownBy(() -> config("S3Endpoint=http://s3.us-east-1.amazonaws.com"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("S3Endpoint").hasMessageContaining("TLS")
                .hasMessageContaining("https://s3.us-east-1.amazonaws.com")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08001"));
    }

    /** The DNS suffixes of every partition with a public endpoint in the bundled SDK (its endpoints.json). */
    @Test
    void plainHttpToAwsIsRefusedInEveryPartition() {
        for (String host : new String[] {"athena.eusc-de-east-1.amazonaws.eu", "athena.eusc-de-east-1.api.amazonwebservices.eu",
                "athena.cn-north-1.amazonaws.com.cn", "athena.cn-north-1.api.amazonwebservices.com.cn",
                "athena.us-east-1.api.aws", "ATHENA.US-EAST-1.AMAZONAWS.COM"}) {
            assertThatThrownBy(() -> config("AthenaEndpoint=http://" + host)).as(host)
                    .isInstanceOf(SQLException.class).hasMessageContaining("TLS");
        }
    }

    @Test
    void httpsAndBareHostsStayTls() throws SQLException {
        ConnectionConfig config = config("GlueEndpoint=glue.us-east-1.amazonaws.com;StsEndpoint=https://sts.example.com");

        assertThat(config.warnings()).isEmpty();
        assertThat(config.endpoint(ConnectionProperty.GLUE_ENDPOINT).get().getScheme()).isEqualTo("https");
    }
}
