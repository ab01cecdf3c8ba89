package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.connecty.athena.jdbc.AthenaDataSource;
import ai.connecty.athena.jdbc.config.ConnectionConfig;
import ai.connecty.athena.jdbc.doctor.CheckResult;
import ai.connecty.athena.jdbc.doctor.ConnectionDoctor;
import ai.connecty.athena.jdbc.doctor.Outcome;
import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.control.RequestLogEntry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CredentialsProvider=JWT through java.sql against athena-local over HTTP: the token of the URL is exchanged by STS
 * AssumeRoleWithWebIdentity at the connection's own STS endpoint, and every refusal is 28000 saying what to fix.
 * In-process: the token is a property, so no environment of its own is needed.
 */
class JwtCredentialsTest {

    @TempDir
    static Path dir;
    static LocalAthena athena;

    @BeforeAll
    static void start() throws Exception {
        athena = JwtLocalAthena.start(dir);
    }

    @AfterAll
    static void stop() {
        if (athena != null) {
            athena.close();
        }
    }

    @BeforeEach
    void clearLog() {
        athena.requestLog().clear();
    }

    private static String url(String token, String... extra) {
        String[] properties = JwtLocalAthena.jwt(token, "pod-7");
        String[] all = Arrays.copyOf(properties, properties.length + extra.length);
        System.arraycopy(extra, 0, all, properties.length, extra.length);
        return Connections.url(athena, all);
    }

    @Test
    void connectsAndQueriesAsTheAssumedRolesSession() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(JwtLocalAthena.TOKEN));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT 'hello'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("hello");
            assertThat((Object) connection.getWarnings()).isNull();
            assertThat(connection.toString()).doesNotContain(JwtLocalAthena.TOKEN);
        }

        List<RequestLogEntry> queries = athena.requestLog().entries().stream()
                .filter(e -> e.action().equals("StartQueryExecution")).toList();
        assertThat(queries).hasSize(1).allSatisfy(e -> {
            assertThat(e.principal()).isEqualTo("arn:aws:sts::" + LocalAthena.ACCOUNT_ID + ":assumed-role/"
                    + JwtLocalAthena.ROLE_NAME + "/pod-7");
            assertThat(e.denied()).isFalse();
        });
        // Unsigned, as in AWS: the request log shows the exchange as anonymous.
        assertThat(athena.requestLog().entries()).filteredOn(e -> e.action().equals("AssumeRoleWithWebIdentity"))
                .hasSize(1).allSatisfy(e -> assertThat(e.principal()).isEqualTo("anonymous"));
    }

    @Test
    void aSecondRoleCanBeAssumedWithTheWebIdentitySession() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(JwtLocalAthena.TOKEN,
                "RoleArn=" + JwtLocalAthena.CHAINED_ROLE_ARN, "RoleSessionName=chained"));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT 1")) {
            assertThat(rows.next()).isTrue();
        }

        assertThat(athena.requestLog().entries()).filteredOn(e -> e.action().equals("StartQueryExecution"))
                .singleElement().extracting(RequestLogEntry::principal)
                .isEqualTo("arn:aws:sts::" + LocalAthena.ACCOUNT_ID + ":assumed-role/"
                        + JwtLocalAthena.CHAINED_ROLE_NAME + "/chained");
        assertThat(athena.requestLog().count("sts", "AssumeRoleWithWebIdentity")).isEqualTo(1);
        assertThat(athena.requestLog().count("sts", "AssumeRole")).isEqualTo(1);
    }

    @Test
    void aTokenTheRoleDoesNotTrustIs28000WithTheTrustPolicyAdvice() {
        SQLException e = refused(JwtLocalAthena.UNTRUSTED_TOKEN);

        assertThat(e.getSQLState()).isEqualTo("28000");
        assertThat(e.getMessage()).contains(JwtLocalAthena.ROLE_ARN).contains("AccessDenied")
                .contains("trust policy must name the token's OIDC provider").contains("sub and aud");
        assertThat(athena.requestLog().count("athena", "StartQueryExecution")).isZero();
    }

    @Test
    void anUnknownTokenIs28000() {
        SQLException e = refused(JwtLocalAthena.UNKNOWN_TOKEN);

        assertThat(e.getSQLState()).isEqualTo("28000");
        assertThat(e.getMessage()).contains("InvalidIdentityToken").doesNotContain("User and Password");
    }

    @Test
    void anExpiredTokenIs28000WithTheExpiryAdvice() {
        SQLException e = refused(JwtLocalAthena.EXPIRED_TOKEN);

        assertThat(e.getSQLState()).isEqualTo("28000");
        assertThat(e.getMessage()).contains("the JwtWebIdentityToken has expired: get a new token from the identity "
                + "provider and reconnect");
    }

    @Test
    void aMissingRoleIsAConfigErrorNamingJwtRoleArn() {
        String url = Connections.url(athena, "CredentialsProvider=JWT", "JwtWebIdentityToken=" + JwtLocalAthena.TOKEN);
        SQLException e = catchThrowableOfType(SQLException.class, () -> DriverManager.getConnection(url));

        assertThat(e.getSQLState()).isEqualTo("08001");
        assertThat(e.getMessage()).contains("JwtRoleArn").doesNotContain(JwtLocalAthena.TOKEN);
        assertThat(athena.requestLog().count("sts", "AssumeRoleWithWebIdentity")).isZero();
    }

    @Test
    void theTokenIsInNoMessageWarningToStringOrPropertyInfo() throws SQLException {
        for (String token : List.of(JwtLocalAthena.UNTRUSTED_TOKEN, JwtLocalAthena.UNKNOWN_TOKEN,
                JwtLocalAthena.EXPIRED_TOKEN)) {
            assertThat(stackTraceOf(refused(token))).as("the exception with its causes").doesNotContain(token);
        }
        // Set where it has no effect: the warning names the property, not its value.
        try (Connection connection = DriverManager.getConnection(Connections.url(athena,
                "RoleArn=" + LocalAthena.ROLE_ARN, "JwtWebIdentityToken=" + JwtLocalAthena.TOKEN),
                LocalAthena.SERVICE_ACCOUNT_KEY_ID, LocalAthena.SERVICE_ACCOUNT_SECRET)) {
            SQLWarning warning = connection.getWarnings();
            assertThat((Object) warning).isNotNull();
            assertThat(warning.getMessage()).contains("JwtWebIdentityToken").doesNotContain(JwtLocalAthena.TOKEN);
            assertThat(connection.toString()).doesNotContain(JwtLocalAthena.TOKEN);
        }

        DriverPropertyInfo[] infos = DriverManager.getDriver(url(JwtLocalAthena.TOKEN))
                .getPropertyInfo(url(JwtLocalAthena.TOKEN), new Properties());
        assertThat(infos).filteredOn(info -> info.name.equals("JwtWebIdentityToken")).singleElement()
                .satisfies(info -> assertThat(info.value).isNull());
        assertThat(infos).filteredOn(info -> info.name.equals("password")).singleElement()
                .satisfies(info -> assertThat(info.value).isNull());
        assertThat(infos).filteredOn(info -> info.name.equals("JwtRoleArn")).singleElement()
                .satisfies(info -> assertThat(info.value).isEqualTo(JwtLocalAthena.ROLE_ARN));

        AthenaDataSource dataSource = new AthenaDataSource();
        dataSource.setCredentialsProvider("JWT");
        dataSource.setJwtWebIdentityToken(JwtLocalAthena.TOKEN);
        dataSource.setJwtRoleArn(JwtLocalAthena.ROLE_ARN);
        assertThat(dataSource.toString()).doesNotContain(JwtLocalAthena.TOKEN);
        assertThat(ConnectionConfig.parse(url(JwtLocalAthena.TOKEN), new Properties()).toString())
                .contains("JwtWebIdentityToken=****").doesNotContain(JwtLocalAthena.TOKEN);
    }

    @Test
    void theDoctorReportsTheTokensSessionAndAnExpiredTokensFix() throws SQLException {
        List<CheckResult> fine = ConnectionDoctor.examine(ConnectionConfig.parse(url(JwtLocalAthena.TOKEN),
                new Properties()), false);
        assertThat(fine).filteredOn(r -> r.check().equals("web identity token")).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.PASS);
            assertThat(r.detail()).contains("assumed-role/" + JwtLocalAthena.ROLE_NAME + "/pod-7");
        });
        assertThat(fine).noneMatch(r -> r.check().equals("access keys"));

        List<CheckResult> expired = ConnectionDoctor.examine(ConnectionConfig.parse(url(JwtLocalAthena.EXPIRED_TOKEN),
                new Properties()), false);
        assertThat(expired).filteredOn(r -> r.outcome() == Outcome.FAIL).singleElement().satisfies(r -> {
            assertThat(r.check()).isEqualTo("web identity token");
            assertThat(r.detail()).contains("the JwtWebIdentityToken has expired");
            assertThat(r.fix()).isEqualTo("get a new token from the identity provider and reconnect");
            assertThat(r.line()).doesNotContain(JwtLocalAthena.EXPIRED_TOKEN);
        });
    }

    private static SQLException refused(String token) {
        SQLException e = catchThrowableOfType(SQLException.class, () -> DriverManager.getConnection(url(token)));
        assertThat((Throwable) e).as("connecting with " + token).isNotNull();
        assertThat(e.getMessage()).doesNotContain(token);
        return e;
    }

    private static String stackTraceOf(Throwable throwable) {
        StringWriter text = new StringWriter();
        throwable.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
