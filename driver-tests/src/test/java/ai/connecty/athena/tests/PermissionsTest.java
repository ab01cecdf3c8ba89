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
import java.sql.SQLInvalidAuthorizationSpecException;
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
    void wrongSecretFailsConnectWith28000WithoutEchoingIt() {
        String wrongSecret = "NotTheSecretAtAll0123456789abcdefghijklm";
        String url = Connections.url(athena, "RoleArn=" + LocalAthena.ROLE_ARN);
        athena.requestLog().clear();
        SQLException e = catchThrowableOfType(SQLException.class,
                () -> DriverManager.getConnection(url, LocalAthena.SERVICE_ACCOUNT_KEY_ID, wrongSecret));
        assertThat((Throwable) e).isInstanceOf(SQLInvalidAuthorizationSpecException.class);
        assertThat(e.getSQLState()).isEqualTo("28000");
        assertThat(e.getMessage()).contains("credentials check").contains("SignatureDoesNotMatch")
                .doesNotContain(wrongSecret);
        // Nothing but the check was sent: no query ran.
        assertThat(athena.requestLog().entries()).extracting(RequestLogEntry::action).containsExactly("AssumeRole");
    }

    @Test
    void unknownKeyWithoutARoleFailsConnectThroughGetCallerIdentity() {
        String url = Connections.url(athena);
        athena.requestLog().clear();
        SQLException e = catchThrowableOfType(SQLException.class,
                () -> DriverManager.getConnection(url, "AKIAUNKNOWNKEY000001", "whatever-secret"));
        assertThat((Throwable) e).isNotNull();
        assertThat(e.getSQLState()).isEqualTo("28000");
        assertThat(e.getMessage()).contains("GetCallerIdentity").contains("InvalidClientTokenId");
        assertThat(athena.requestLog().entries()).extracting(RequestLogEntry::action).containsExactly("GetCallerIdentity");
    }

    @Test
    void aRoleThatDoesNotTrustTheCallerOrDoesNotExistFailsConnectWith42501() {
        // The administrator is not named in the role's trust policy.
        SQLException untrusted = catchThrowableOfType(SQLException.class,
                () -> Connections.admin(athena, "RoleArn=" + LocalAthena.ROLE_ARN));
        assertThat((Throwable) untrusted).isNotNull();
        assertThat(untrusted.getSQLState()).isEqualTo("42501");
        assertThat(untrusted.getMessage()).contains("sts:AssumeRole").contains(LocalAthena.ROLE_ARN)
                .contains("trust policy");

        String unknownRole = "arn:aws:iam::123456789012:role/no-such-role";
        SQLException unknown = catchThrowableOfType(SQLException.class,
                () -> DriverManager.getConnection(Connections.url(athena, "RoleArn=" + unknownRole),
                        LocalAthena.SERVICE_ACCOUNT_KEY_ID, LocalAthena.SERVICE_ACCOUNT_SECRET));
        assertThat((Throwable) unknown).isNotNull();
        assertThat(unknown.getSQLState()).isEqualTo("42501");
        assertThat(unknown.getMessage()).contains(unknownRole);
    }

    @Test
    void theCheckCanBeTurnedOffAndConnectionTestStillRunsItsQuery() throws SQLException {
        String wrongSecret = "NotTheSecretAtAll0123456789abcdefghijklm";
        athena.requestLog().clear();
        try (Connection c = DriverManager.getConnection(Connections.url(athena, "RoleArn=" + LocalAthena.ROLE_ARN,
                "ValidateCredentials=false"), LocalAthena.SERVICE_ACCOUNT_KEY_ID, wrongSecret)) {
            assertThat(athena.requestLog().entries()).isEmpty();
            SQLException e = catchThrowableOfType(SQLException.class, () -> c.createStatement().executeQuery("SELECT 1"));
            assertThat((Throwable) e).isNotNull();
            assertThat(e.getSQLState()).isIn("28000", "08001");
        }
        athena.requestLog().clear();
        try (Connection c = Connections.connectyUser(athena, "ConnectionTest=true")) {
            assertThat(athena.requestLog().entries()).extracting(RequestLogEntry::action)
                    .startsWith("AssumeRole").contains("StartQueryExecution");
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
