package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.connecty.athena.jdbc.AthenaStatement;
import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.control.RequestLogEntry;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The guide's identities and IAM policy, as athena-local enforces them, seen through the driver. */
@ExtendWith(LocalAthenaExtension.class)
class PermissionsTest {

    private static final String PRIMARY_WORKGROUP_ARN = "arn:aws:athena:us-east-1:123456789012:workgroup/primary";

    private static LocalAthena athena;

    @Test
    void serviceAccountWithoutTheRoleIsDeniedNamingActionAndResource() throws SQLException {
        try (Connection c = Connections.serviceAccountWithoutRole(athena); Statement s = c.createStatement()) {
            SQLException e = catchThrowableOfType(SQLException.class, () -> s.executeQuery("SELECT 1"));
            assertThat((Throwable) e).isNotNull();
            assertThat(e.getSQLState()).isEqualTo("42501");
            assertThat(e.getMessage()).contains("athena:StartQueryExecution").contains(PRIMARY_WORKGROUP_ARN);
        }
    }

    @Test
    void wrongSecretIsRefusedWithoutEchoingIt() throws SQLException {
        String wrongSecret = "NotTheSecretAtAll0123456789abcdefghijklm";
        String url = Connections.url(athena, "RoleArn=" + LocalAthena.ROLE_ARN);
        try (Connection c = DriverManager.getConnection(url, LocalAthena.SERVICE_ACCOUNT_KEY_ID, wrongSecret);
             Statement s = c.createStatement()) {
            SQLException e = catchThrowableOfType(SQLException.class, () -> s.executeQuery("SELECT 1"));
            assertThat((Throwable) e).isNotNull();
            assertThat(e.getSQLState()).isIn("28000", "08001");
            assertThat(e.getMessage()).containsIgnoringCase("credentials").doesNotContain(wrongSecret);
        }
    }

    @Test
    void roleReadsDemoDataAndWritesResultsButNotElsewhere() throws SQLException {
        try (Connection c = Connections.connectyUser(athena); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM demo.sales")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(4000L);
            String id = s.unwrap(AthenaStatement.class).getQueryExecutionId();
            assertThat(athena.buckets().exists(LocalAthena.RESULTS_BUCKET, id + ".csv")).isTrue();
        }
        try (Connection c = Connections.connectyUser(athena, "OutputLocation=s3://demo-data/x/");
             Statement s = c.createStatement()) {
            SQLException e = catchThrowableOfType(SQLException.class, () -> s.executeQuery("SELECT 1"));
            assertThat((Throwable) e).isNotNull();
            assertThat(e.getMessage()).containsIgnoringCase("access").contains("demo-data");
        }
    }

    @Test
    void analyticsWorkgroupEnforcesItsOutputLocation() throws SQLException {
        try (Connection c = Connections.admin(athena, "WorkGroup=analytics",
                "OutputLocation=s3://athena-results/ignored/"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 7")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(7);
            String id = s.unwrap(AthenaStatement.class).getQueryExecutionId();
            assertThat(athena.buckets().exists(LocalAthena.RESULTS_BUCKET, "analytics/" + id + ".csv")).isTrue();
            assertThat(athena.buckets().exists(LocalAthena.RESULTS_BUCKET, "ignored/" + id + ".csv")).isFalse();
        }
        // The guide's policy grants StartQueryExecution on the primary workgroup only.
        try (Connection c = Connections.connectyUser(athena, "WorkGroup=analytics"); Statement s = c.createStatement()) {
            SQLException e = catchThrowableOfType(SQLException.class, () -> s.executeQuery("SELECT 1"));
            assertThat((Throwable) e).isNotNull();
            assertThat(e.getMessage()).contains("athena:StartQueryExecution").contains("workgroup/analytics");
        }
    }

    @Test
    void glueMetadataWorksUnderTheRole() throws SQLException {
        athena.requestLog().clear();
        try (Connection c = Connections.connectyUser(athena);
             ResultSet rs = c.getMetaData().getTables("AwsDataCatalog", "demo", "customers", null)) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("TABLE_NAME")).isEqualTo("customers");
        }
        List<RequestLogEntry> glue = athena.requestLog().entries().stream()
                .filter(e -> e.service().equals("glue")).toList();
        assertThat(glue).isNotEmpty();
        assertThat(glue).allSatisfy(e -> {
            assertThat(e.decision()).isEqualTo("allow");
            assertThat(e.principal()).contains("assumed-role/connecty-athena");
        });
    }
}
