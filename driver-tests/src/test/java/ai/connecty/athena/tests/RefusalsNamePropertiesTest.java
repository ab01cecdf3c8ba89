package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Requests Athena refuses because of a setting: the driver's error names the property to change. */
@ExtendWith(LocalAthenaExtension.class)
class RefusalsNamePropertiesTest {

    private static LocalAthena athena;

    @Test
    void noOutputLocationNamesOutputLocationAndTheWorkgroupAlternative() throws SQLException {
        String url = Connections.url(athena, "RoleArn=" + LocalAthena.ROLE_ARN).replace(";OutputLocation=s3://athena-results/", "");
        try (Connection connection = java.sql.DriverManager.getConnection(url, LocalAthena.SERVICE_ACCOUNT_KEY_ID,
                LocalAthena.SERVICE_ACCOUNT_SECRET);
             Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT 1")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("No output location provided")
                    .hasMessageContaining("Set OutputLocation (s3://bucket/prefix/), or use a workgroup that enforces one");
        }
    }

    @Test
    void anUnknownWorkgroupNamesWorkGroup() throws SQLException {
        try (Connection connection = Connections.admin(athena, "WorkGroup=nightly");
             Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT 1")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("WorkGroup is not found")
                    .hasMessageContaining("Set WorkGroup to an existing workgroup");
        }
    }
}
