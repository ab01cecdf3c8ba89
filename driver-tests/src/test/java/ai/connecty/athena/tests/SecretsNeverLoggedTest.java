package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.connecty.athena.jdbc.AthenaDataSource;
import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import ai.connecty.athena.tests.plain.DiagnosticsProgram;
import ai.connecty.athena.tests.plain.UrlOnlyProgram;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secret access keys, session tokens and web identity tokens never show up in what a user can see or paste into a bug report: logs
 * (even at TRACE), toString(), exception and warning messages, property info.
 */
@ExtendWith(LocalAthenaExtension.class)
class SecretsNeverLoggedTest {

    private static final String SECRET = LocalAthena.SERVICE_ACCOUNT_SECRET;
    private static final String WRONG_SECRET = "Wr0ngSecretKeyWr0ngSecretKeyWr0ngSecret/";
    /** The session credentials in an STS AssumeRole response. */
    private static final Pattern ISSUED_SECRET = Pattern.compile("<(SessionToken|SecretAccessKey)>([^<]+)</\\1>");

    private static LocalAthena athena;

    @Test
    void aProgramLoggingTheDriverAtTracePrintsNoSecret() throws Exception {
        DriverOnlyJvm.Outcome outcome;
        List<String> issuedSecrets;
        // STS answers through the relay so that the test learns the session credentials handed to the driver.
        try (RecordingRelay sts = new RecordingRelay(athena.endpoint())) {
            String url = Connections.url(athena, "RoleArn=" + LocalAthena.ROLE_ARN, "StsEndpoint=" + sts.endpoint());
            outcome = DriverOnlyJvm.run(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                            "-Dorg.slf4j.simpleLogger.log.ai.connecty=trace",
                            // The SDK at TRACE too (request and response logging, credential caching, retries),
                            // except its SigV4 signer: at DEBUG it logs the canonical request, whose
                            // x-amz-security-token line is the session token. Nothing the driver can change; the
                            // README's troubleshooting section warns against enabling that logger.
                            "-Dorg.slf4j.simpleLogger.log.software.amazon.awssdk=trace",
                            "-Dorg.slf4j.simpleLogger.log.software.amazon.awssdk.http.auth.aws.internal.signer=info"),
                    DiagnosticsProgram.class, url, LocalAthena.SERVICE_ACCOUNT_KEY_ID, SECRET, WRONG_SECRET);
            issuedSecrets = issuedSecrets(sts.responses());
        }
        String output = outcome.output();

        assertThat(outcome.exitCode()).as(output).isZero();
        assertThat(output).as("the program ran to the end").contains(DiagnosticsProgram.DONE).contains("sales rows: 4000");
        assertThat(output).as("the failing query and the wrong secret were reported")
                .containsPattern("SQLException \\w+: .*no_such_table")
                .containsPattern("(?s)connection with a wrong secret: .*SQLException \\w+: ");
        assertThat(output).as("driver logging was active, so the check below is not vacuous")
                .containsPattern("(TRACE|DEBUG) ai\\.connecty\\.")
                .containsPattern("(TRACE|DEBUG) software\\.amazon\\.awssdk\\.");
        assertThat(issuedSecrets).as("session credentials issued to the program").isNotEmpty();

        assertThat(output).as("the output of the program")
                .doesNotContain(SECRET)
                .doesNotContain(URLEncoder.encode(SECRET, StandardCharsets.UTF_8))
                .doesNotContain(WRONG_SECRET)
                .doesNotContainIgnoringCase("X-Amz-Security-Token")
                .as("a session token, except the unset (null) or masked (****) SessionToken property")
                .doesNotContainPattern("SessionToken=(?!null\\b|\\*{4})\\S")
                .doesNotContain("Signature=");
        for (String issued : issuedSecrets) {
            assertThat(output).as("the output of the program").doesNotContain(issued);
        }
    }

    /**
     * CredentialsProvider=JWT puts the OIDC token itself in the URL: neither the exchange at connect time, nor
     * STS's refusal of an expired one, may print it, with the driver and the SDK logging at TRACE.
     */
    @Test
    void aProgramSigningInWithAWebIdentityTokenAtTracePrintsNoToken(@TempDir Path dir) throws Exception {
        List<String> tracing = List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-Dorg.slf4j.simpleLogger.log.ai.connecty=trace",
                "-Dorg.slf4j.simpleLogger.log.software.amazon.awssdk=trace",
                "-Dorg.slf4j.simpleLogger.log.software.amazon.awssdk.http.auth.aws.internal.signer=info");
        DriverOnlyJvm.Outcome signedIn;
        DriverOnlyJvm.Outcome expired;
        try (LocalAthena jwtAthena = JwtLocalAthena.start(dir)) {
            signedIn = DriverOnlyJvm.run(tracing, UrlOnlyProgram.class,
                    Connections.url(jwtAthena, JwtLocalAthena.jwt(JwtLocalAthena.TOKEN, "traced")), "SELECT 'hello'");
            expired = DriverOnlyJvm.run(tracing, UrlOnlyProgram.class,
                    Connections.url(jwtAthena, JwtLocalAthena.jwt(JwtLocalAthena.EXPIRED_TOKEN, "traced")),
                    "SELECT 'hello'");
        }

        assertThat(signedIn.exitCode()).as(signedIn.output()).isZero();
        assertThat(signedIn.output().lines()).contains("hello");
        assertThat(signedIn.output()).as("driver and SDK logging were active, so the check below is not vacuous")
                .containsPattern("(TRACE|DEBUG) ai\\.connecty\\.")
                .containsPattern("(TRACE|DEBUG) software\\.amazon\\.awssdk\\.")
                .as("the unsigned AssumeRoleWithWebIdentity was logged").contains("smithy.api#noAuth");
        assertThat(expired.exitCode()).as(expired.output()).isEqualTo(3);
        assertThat(expired.output()).contains("SQLState: 28000").contains("the JwtWebIdentityToken has expired");
        for (DriverOnlyJvm.Outcome outcome : List.of(signedIn, expired)) {
            assertThat(outcome.output()).as("the output of the program")
                    .doesNotContain(JwtLocalAthena.TOKEN)
                    .doesNotContain(JwtLocalAthena.EXPIRED_TOKEN)
                    .doesNotContain(URLEncoder.encode(JwtLocalAthena.TOKEN, StandardCharsets.UTF_8))
                    .doesNotContain(URLEncoder.encode(JwtLocalAthena.EXPIRED_TOKEN, StandardCharsets.UTF_8));
        }
    }

    @Test
    void toStringOfConnectionAndDataSourceHidesTheSecret() throws SQLException {
        try (Connection connection = Connections.connectyUser(athena); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT 1")) {
            assertThat(rows.next()).isTrue();
            assertThat(connection.toString()).doesNotContain(SECRET);
            assertThat(statement.toString()).doesNotContain(SECRET);
        }

        AthenaDataSource dataSource = new AthenaDataSource();
        dataSource.setUser(LocalAthena.SERVICE_ACCOUNT_KEY_ID);
        dataSource.setPassword(SECRET);
        dataSource.setRoleArn(LocalAthena.ROLE_ARN);
        assertThat(dataSource.toString()).doesNotContain(SECRET);
    }

    @Test
    void wrongSecretIsRefusedWithoutEchoingAnySecret() throws SQLException {
        String url = Connections.url(athena, "RoleArn=" + LocalAthena.ROLE_ARN);
        // Refused by the connect-time credentials check.
        SQLException refused = catchThrowableOfType(SQLException.class,
                () -> DriverManager.getConnection(url, LocalAthena.SERVICE_ACCOUNT_KEY_ID, WRONG_SECRET));

        assertThat((Throwable) refused).isNotNull();
        assertThat(refused.getMessage()).doesNotContain(WRONG_SECRET).doesNotContain(SECRET);
        assertThat(stackTraceOf(refused)).as("the exception with its causes")
                .doesNotContain(WRONG_SECRET).doesNotContain(SECRET);
    }

    private static List<String> issuedSecrets(String stsResponses) {
        return ISSUED_SECRET.matcher(stsResponses).results().map(match -> match.group(2)).toList();
    }

    private static String stackTraceOf(Throwable throwable) {
        StringWriter text = new StringWriter();
        throwable.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
