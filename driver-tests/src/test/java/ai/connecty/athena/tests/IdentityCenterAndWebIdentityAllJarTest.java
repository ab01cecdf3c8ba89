package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.control.RequestLogEntry;
import ai.connecty.athena.tests.plain.UrlOnlyProgram;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The credentials developers and pods have rather than keys, through the relocated {@code -all} jar in a JVM of its
 * own, against athena-local over HTTP: an IAM Identity Center profile after {@code aws sso login} (its
 * {@code sso_session} and its legacy {@code sso_start_url} form), and a web identity token (EKS IRSA) through the
 * default chain. The SDK finds the providers of both by class name, which relocation rewrites: only a run of the
 * real jar proves that they load. Each child JVM has a home, config file and token cache of its own, and its
 * SDK's SSO and STS clients reach athena-local through {@code AWS_ENDPOINT_URL_SSO} / {@code AWS_ENDPOINT_URL_STS}.
 */
class IdentityCenterAndWebIdentityAllJarTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SSO_TOKEN = "sso-access-token-of-analyst-0123456789";
    private static final String EXPIRED_SSO_TOKEN = "sso-access-token-expired-9876543210";
    private static final String WEB_TOKEN = "eyJ-web-identity-token-of-reporting";
    private static final String UNTRUSTED_WEB_TOKEN = "eyJ-web-identity-token-of-another-pod";
    private static final String ISSUER = "oidc.eks.us-east-1.amazonaws.com/id/LOCALTEST";
    private static final String REPORTING_ROLE = "arn:aws:iam::" + LocalAthena.ACCOUNT_ID + ":role/reporting";
    private static final String START_URL = "https://corp.awsapps.com/start";
    private static final String LEGACY_START_URL = "https://legacy.awsapps.com/start";

    @TempDir
    static Path dir;
    static LocalAthena athena;

    @TempDir
    Path home;

    @BeforeAll
    static void start() throws Exception {
        athena = LocalAthena.builder().port(0).dataDir(dir.resolve("data")).demoData(false)
                .identities(identitiesWithTokens()).build().start();
        athena.awaitReady(Duration.ofMinutes(2));
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

    /**
     * The built-in identities plus: permission set ConnectyAthena of user analyst@example.com signs in to the guide's
     * role; role reporting (the guide's policies) trusts the EKS provider's service account analytics:reporting.
     */
    private static Path identitiesWithTokens() throws Exception {
        ObjectNode identities;
        try (InputStream in = LocalAthena.class.getResourceAsStream("auth/default-identities.json")) {
            identities = (ObjectNode) JSON.readTree(in);
        }
        JsonNode guideRole = identities.path("roles").get(0);
        ObjectNode reporting = JSON.createObjectNode().put("name", "reporting");
        reporting.set("policies", guideRole.path("policies"));
        reporting.set("trustPolicy", JSON.readTree(("""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                  "Principal": {"Federated": "arn:aws:iam::%s:oidc-provider/%s"},
                  "Action": "sts:AssumeRoleWithWebIdentity",
                  "Condition": {"StringEquals": {"%2$s:sub": "system:serviceaccount:analytics:reporting"}}}]}
                """).formatted(LocalAthena.ACCOUNT_ID, ISSUER)));
        ((ArrayNode) identities.path("roles")).add(reporting);
        identities.set("ssoAccessTokens", JSON.readTree("""
                [{"accessToken": "%s", "userName": "analyst@example.com", "roles": {"ConnectyAthena": "connecty-athena"}},
                 {"accessToken": "%s", "userName": "analyst@example.com", "expiresAt": "2020-01-01T00:00:00Z",
                  "roles": {"ConnectyAthena": "connecty-athena"}}]
                """.formatted(SSO_TOKEN, EXPIRED_SSO_TOKEN)));
        identities.set("webIdentityTokens", JSON.readTree("""
                [{"token": "%s", "issuer": "https://%s", "subject": "system:serviceaccount:analytics:reporting",
                  "audience": "sts.amazonaws.com"},
                 {"token": "%s", "issuer": "https://%2$s", "subject": "system:serviceaccount:default:other",
                  "audience": "sts.amazonaws.com"}]
                """.formatted(WEB_TOKEN, ISSUER, UNTRUSTED_WEB_TOKEN)));
        Path file = dir.resolve("identities.json");
        JSON.writeValue(file.toFile(), identities);
        return file;
    }

    @Test
    void anSsoSessionProfileConnectsAsThePermissionSetsRole() throws Exception {
        writeConfig();
        cacheToken(sha1("corp"), START_URL, SSO_TOKEN, Instant.now().plus(Duration.ofHours(8)));

        DriverOnlyJvm.Outcome outcome = runInHome("ProfileName=dev", Map.of());

        assertQueriedAs(outcome, "arn:aws:sts::123456789012:assumed-role/connecty-athena/analyst@example.com");
        assertThat(athena.requestLog().count("sso", "GetRoleCredentials")).isEqualTo(1);
    }

    @Test
    void aServicesSectionOfTheConfigFileLeadsTheSsoClientToAthenaLocalToo() throws Exception {
        // What the README shows athena-local users who would rather not set AWS_ENDPOINT_URL_SSO. The SDK builds its
        // SSO client with the default profile's settings, not ProfileName's: the services line goes under [default].
        writeConfig();
        Files.writeString(home.resolve(".aws/config"), "[default]\nservices = athena-local\n\n"
                + Files.readString(home.resolve(".aws/config"))
                + "\n[services athena-local]\nsso =\n  endpoint_url = " + athena.endpoint() + "\n");
        cacheToken(sha1("corp"), START_URL, SSO_TOKEN, Instant.now().plus(Duration.ofHours(8)));
        Map<String, String> env = environment(Map.of());
        env.remove("AWS_ENDPOINT_URL_SSO");

        DriverOnlyJvm.Outcome outcome = DriverOnlyJvm.runWithAwsEnvironment(ClientClasspaths.allJar(),
                List.of("-Duser.home=" + home), env, UrlOnlyProgram.class, url("ProfileName=dev"), "SELECT 'hello'");

        assertQueriedAs(outcome, "arn:aws:sts::123456789012:assumed-role/connecty-athena/analyst@example.com");
    }

    @Test
    void aLegacySsoStartUrlProfileConnectsAsThePermissionSetsRole() throws Exception {
        writeConfig();
        cacheToken(sha1(LEGACY_START_URL), LEGACY_START_URL, SSO_TOKEN, Instant.now().plus(Duration.ofHours(8)));

        DriverOnlyJvm.Outcome outcome = runInHome("CredentialsProvider=ProfileCredentials;ProfileName=legacy", Map.of());

        assertQueriedAs(outcome, "arn:aws:sts::123456789012:assumed-role/connecty-athena/analyst@example.com");
    }

    @Test
    void anExpiredSsoSessionFailsTheConnectTellingWhichLoginToRun() throws Exception {
        writeConfig();
        cacheToken(sha1("corp"), START_URL, EXPIRED_SSO_TOKEN, Instant.now().minus(Duration.ofHours(1)));

        DriverOnlyJvm.Outcome outcome = runInHome("ProfileName=dev", Map.of());

        assertCredentialsRefused(outcome, "aws sso login --profile dev", EXPIRED_SSO_TOKEN);
        assertThat(athena.requestLog().count("athena", "StartQueryExecution")).isZero();
    }

    /**
     * A tool keeps its connection open past the end of the sign-in (here: no check at connect, so the first query is
     * the first call): the query fails as a refused sign-in (28000), not as a network error that a pool would retry
     * or take for a broken connection, and it says which login to run.
     */
    @Test
    void aQueryAfterTheSsoSessionEndedFailsWith28000TellingWhichLoginToRun() throws Exception {
        writeConfig();
        cacheToken(sha1("corp"), START_URL, EXPIRED_SSO_TOKEN, Instant.now().minus(Duration.ofHours(1)));

        DriverOnlyJvm.Outcome outcome = runInHome("ProfileName=dev;ValidateCredentials=false", Map.of());

        assertCredentialsRefused(outcome, "aws sso login --profile dev", EXPIRED_SSO_TOKEN);
        assertThat(outcome.output()).contains("StartQueryExecution failed: the IAM Identity Center (SSO) session of "
                + "profile 'dev' has expired");
        assertThat(athena.requestLog().count("athena", "StartQueryExecution")).isZero();
    }

    @Test
    void theDoctorOfTheAllJarExplainsAnExpiredSsoSession() throws Exception {
        writeConfig();
        cacheToken(sha1("corp"), START_URL, EXPIRED_SSO_TOKEN, Instant.now().minus(Duration.ofHours(1)));

        DriverOnlyJvm.Outcome doctor = doctorInHome("ProfileName=dev", Map.of());

        assertThat(doctor.exitCode()).as(doctor.output()).isEqualTo(1);
        assertThat(doctor.output()).contains("FAIL  IAM Identity Center sign-in: no credentials could be loaded: the IAM "
                + "Identity "
                + "Center (SSO) session of profile 'dev' has expired").contains("aws sso login --profile dev")
                .doesNotContain(EXPIRED_SSO_TOKEN);
    }

    @Test
    void aLegacyProfileWhoseTokenTheServiceNoLongerTakesFailsTheSameWay() throws Exception {
        // The cache says the token is valid for hours, but IAM Identity Center revoked it (it answers 401).
        writeConfig();
        cacheToken(sha1(LEGACY_START_URL), LEGACY_START_URL, EXPIRED_SSO_TOKEN, Instant.now().plus(Duration.ofHours(8)));

        DriverOnlyJvm.Outcome outcome = runInHome("CredentialsProvider=ProfileCredentials;ProfileName=legacy", Map.of());

        assertCredentialsRefused(outcome, "aws sso login --profile legacy", EXPIRED_SSO_TOKEN);
    }

    @Test
    void aWebIdentityTokenThroughTheDefaultChainConnectsAsTheTrustingRole() throws Exception {
        DriverOnlyJvm.Outcome outcome = runInHome("", webIdentity(WEB_TOKEN));

        assertQueriedAs(outcome, "arn:aws:sts::123456789012:assumed-role/reporting/pod-1");
        assertThat(athena.requestLog().count("sts", "AssumeRoleWithWebIdentity")).isEqualTo(1);
    }

    @Test
    void aWebIdentityTokenTheRoleDoesNotTrustFailsTheConnect() throws Exception {
        DriverOnlyJvm.Outcome outcome = runInHome("CredentialsProvider=DefaultChain", webIdentity(UNTRUSTED_WEB_TOKEN));

        assertThat(outcome.exitCode()).as(outcome.output()).isEqualTo(3);
        assertThat(outcome.output()).contains("SQLState: 28000")
                .contains("Not authorized to perform sts:AssumeRoleWithWebIdentity")
                // The token was found and refused: keys would not help, the role's trust policy would.
                .contains("trust policy must name the token's OIDC provider").doesNotContain("Set User and Password")
                .doesNotContain(UNTRUSTED_WEB_TOKEN);
        assertThat(athena.requestLog().count("athena", "StartQueryExecution")).isZero();
    }

    /**
     * The token is refused at the first query, not at connect (no check): 28000 with the trust policy's fix, not the
     * network error (58030) a pool would retry, nor the advice to set keys.
     */
    @Test
    void aQueryWithAWebIdentityTokenTheRoleDoesNotTrustFailsWith28000() throws Exception {
        DriverOnlyJvm.Outcome outcome = runInHome("ValidateCredentials=false", webIdentity(UNTRUSTED_WEB_TOKEN));

        assertCredentialsRefused(outcome, "trust policy must name the token's OIDC provider", UNTRUSTED_WEB_TOKEN);
        assertThat(outcome.output()).contains("STS refused the web identity token of AWS_WEB_IDENTITY_TOKEN_FILE for "
                + REPORTING_ROLE).doesNotContain("Set User and Password");
        assertThat(athena.requestLog().count("athena", "StartQueryExecution")).isZero();
    }

    @Test
    void theDoctorExplainsAWebIdentityTokenTheRoleDoesNotTrust() throws Exception {
        DriverOnlyJvm.Outcome doctor = doctorInHome("", webIdentity(UNTRUSTED_WEB_TOKEN));

        assertThat(doctor.exitCode()).as(doctor.output()).isEqualTo(1);
        assertThat(doctor.output()).contains("FAIL  web identity token: no credentials could be loaded: STS refused "
                + "the web identity token of AWS_WEB_IDENTITY_TOKEN_FILE for " + REPORTING_ROLE)
                .contains("trust policy must name the token's OIDC provider")
                // Before, the doctor sent the user to set keys, which no web identity setup has.
                .doesNotContain("set user and password").doesNotContain(UNTRUSTED_WEB_TOKEN);
    }

    /**
     * The same token through a named profile ({@code web_identity_token_file} + {@code role_arn}), which the SDK's
     * profile provider exchanges as the default chain does the environment's: connects as the role that trusts it.
     */
    @Test
    void aProfileWithAWebIdentityTokenFileConnectsAsTheTrustingRole() throws Exception {
        writeWebIdentityProfile(WEB_TOKEN);

        DriverOnlyJvm.Outcome outcome = runInHome("ProfileName=pod", profileStsEnvironment());

        assertQueriedAs(outcome, "arn:aws:sts::123456789012:assumed-role/reporting/pod-1");
        assertThat(athena.requestLog().count("sts", "AssumeRoleWithWebIdentity")).isEqualTo(1);
    }

    /** A profile whose role does not trust its token fails the connect as the default chain's does: 28000, trust policy. */
    @Test
    void aProfileWithAWebIdentityTokenTheRoleDoesNotTrustFailsTheConnectWith28000() throws Exception {
        Path tokenFile = writeWebIdentityProfile(UNTRUSTED_WEB_TOKEN);

        DriverOnlyJvm.Outcome outcome = runInHome("ProfileName=pod", profileStsEnvironment());

        assertProfileTokenRefused(outcome, tokenFile);
        assertThat(outcome.output()).contains("Connecting failed the credentials check: STS refused the web identity "
                + "token");
    }

    /**
     * No check at connect: the first query meets the refusal, and it is the same 28000 with the trust policy's fix,
     * not the 42501 of an IAM policy (AccessDenied read as the caller's permissions) nor a network error.
     */
    @Test
    void aQueryWithAProfileWhoseWebIdentityTokenTheRoleDoesNotTrustFailsWith28000() throws Exception {
        Path tokenFile = writeWebIdentityProfile(UNTRUSTED_WEB_TOKEN);

        DriverOnlyJvm.Outcome outcome = runInHome("CredentialsProvider=ProfileCredentials;ProfileName=pod;"
                + "ValidateCredentials=false", profileStsEnvironment());

        assertProfileTokenRefused(outcome, tokenFile);
        assertThat(outcome.output()).contains("StartQueryExecution failed: STS refused the web identity token");
    }

    @Test
    void theDoctorExplainsAProfileWhoseWebIdentityTokenTheRoleDoesNotTrust() throws Exception {
        Path tokenFile = writeWebIdentityProfile(UNTRUSTED_WEB_TOKEN);

        DriverOnlyJvm.Outcome doctor = doctorInHome("ProfileName=pod", profileStsEnvironment());

        assertThat(doctor.exitCode()).as(doctor.output()).isEqualTo(1);
        assertThat(doctor.output()).contains("FAIL  web identity token: no credentials could be loaded: STS refused "
                + "the web identity token of web_identity_token_file " + tokenFile + " of profile 'pod' for "
                + REPORTING_ROLE)
                .contains("trust policy must name the token's OIDC provider")
                .doesNotContain("set user and password").doesNotContain(UNTRUSTED_WEB_TOKEN);
    }

    /**
     * Without ProfileName, the default chain's profile provider reads AWS_PROFILE's profile: the chain keeps only its
     * line, which is read as the chain's token-file line is, and the doctor and a query say the same.
     */
    @Test
    void aProfileOfAwsProfileWhoseWebIdentityTokenTheRoleDoesNotTrustIsExplainedThroughTheDefaultChain()
            throws Exception {
        Path tokenFile = writeWebIdentityProfile(UNTRUSTED_WEB_TOKEN);
        Map<String, String> env = new HashMap<>(profileStsEnvironment());
        env.put("AWS_PROFILE", "pod");

        DriverOnlyJvm.Outcome connect = runInHome("", env);
        assertProfileTokenRefused(connect, tokenFile);
        athena.requestLog().clear();
        DriverOnlyJvm.Outcome query = runInHome("ValidateCredentials=false", env);
        assertProfileTokenRefused(query, tokenFile);
        DriverOnlyJvm.Outcome doctor = doctorInHome("", env);
        assertThat(doctor.output()).as(doctor.output()).contains("FAIL  web identity token: no credentials could be "
                + "loaded: STS refused the web identity token of web_identity_token_file " + tokenFile
                + " of profile 'pod' for " + REPORTING_ROLE).doesNotContain(UNTRUSTED_WEB_TOKEN);
    }

    private static void assertProfileTokenRefused(DriverOnlyJvm.Outcome outcome, Path tokenFile) {
        assertCredentialsRefused(outcome, "trust policy must name the token's OIDC provider", UNTRUSTED_WEB_TOKEN);
        assertThat(outcome.output()).contains("STS refused the web identity token of web_identity_token_file "
                + tokenFile + " of profile 'pod' for " + REPORTING_ROLE + ": Not authorized to perform "
                + "sts:AssumeRoleWithWebIdentity").doesNotContain("Set User and Password");
        assertThat(athena.requestLog().count("sts", "AssumeRoleWithWebIdentity")).isPositive();
        assertThat(athena.requestLog().count("athena", "StartQueryExecution")).isZero();
    }

    /** Profile pod, as EKS users write one for a service account's token, and the token file it names. */
    private Path writeWebIdentityProfile(String token) throws Exception {
        Path tokenFile = Files.writeString(home.resolve("pod-token"), token);
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), """
                [profile pod]
                web_identity_token_file = %s
                role_arn = %s
                role_session_name = pod-1
                region = us-east-1
                """.formatted(tokenFile, REPORTING_ROLE));
        return tokenFile;
    }

    /** The SDK's own STS client of the profile provider reaches athena-local through the variable. */
    private Map<String, String> profileStsEnvironment() {
        return Map.of("AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL_STS", athena.endpoint().toString());
    }

    private Map<String, String> webIdentity(String token) throws Exception {
        Path tokenFile = Files.writeString(home.resolve("token"), token);
        return Map.of("AWS_WEB_IDENTITY_TOKEN_FILE", tokenFile.toString(), "AWS_ROLE_ARN", REPORTING_ROLE,
                "AWS_ROLE_SESSION_NAME", "pod-1", "AWS_REGION", "us-east-1",
                "AWS_ENDPOINT_URL_STS", athena.endpoint().toString());
    }

    private static void assertCredentialsRefused(DriverOnlyJvm.Outcome outcome, String advice, String token) {
        assertThat(outcome.exitCode()).as(outcome.output()).isEqualTo(3);
        assertThat(outcome.output()).contains("SQLState: 28000").contains(advice).doesNotContain(token);
    }

    /** The program connected, ran its one query as {@code principal} (athena-local's log) and printed the answer. */
    private static void assertQueriedAs(DriverOnlyJvm.Outcome outcome, String principal) {
        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        assertThat(outcome.output().lines()).contains("hello");
        List<RequestLogEntry> queries = athena.requestLog().entries().stream()
                .filter(e -> e.action().equals("StartQueryExecution")).toList();
        assertThat(queries).hasSize(1).allSatisfy(e -> {
            assertThat(e.principal()).isEqualTo(principal);
            assertThat(e.denied()).isFalse();
        });
    }

    /** Profile dev (sso_session corp) and profile legacy (sso_start_url), as {@code aws configure sso} writes them. */
    private void writeConfig() throws Exception {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), """
                [profile dev]
                sso_session = corp
                sso_account_id = 123456789012
                sso_role_name = ConnectyAthena
                region = us-east-1

                [sso-session corp]
                sso_start_url = %s
                sso_region = us-east-1
                sso_registration_scopes = sso:account:access

                [profile legacy]
                sso_start_url = %s
                sso_region = us-east-1
                sso_account_id = 123456789012
                sso_role_name = ConnectyAthena
                region = us-east-1
                """.formatted(START_URL, LEGACY_START_URL));
    }

    /** The token file {@code aws sso login} leaves in {@code ~/.aws/sso/cache}, named by the SHA-1 of its key. */
    private void cacheToken(String fileName, String startUrl, String token, Instant expiresAt) throws Exception {
        Path cache = Files.createDirectories(home.resolve(".aws/sso/cache"));
        ObjectNode json = JSON.createObjectNode().put("startUrl", startUrl).put("region", "us-east-1")
                .put("accessToken", token).put("expiresAt", expiresAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        JSON.writeValue(cache.resolve(fileName + ".json").toFile(), json);
    }

    private static String sha1(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private DriverOnlyJvm.Outcome runInHome(String credentialProperties, Map<String, String> extraEnvironment)
            throws Exception {
        return DriverOnlyJvm.runWithAwsEnvironment(ClientClasspaths.allJar(), List.of("-Duser.home=" + home),
                environment(extraEnvironment), UrlOnlyProgram.class, url(credentialProperties), "SELECT 'hello'");
    }

    /** The connection doctor of the all-jar, in this test's home as {@link #runInHome} runs a query. */
    private DriverOnlyJvm.Outcome doctorInHome(String credentialProperties, Map<String, String> extraEnvironment)
            throws Exception {
        return DriverOnlyJvm.runWithAwsEnvironment(ClientClasspaths.allJar(), List.of("-Duser.home=" + home),
                environment(extraEnvironment), "ai.connecty.athena.jdbc.AthenaDriver", "doctor",
                url(credentialProperties));
    }

    /** Only this test's home, files and athena-local; the SDK's SSO client finds the portal through the variable. */
    private Map<String, String> environment(Map<String, String> extraEnvironment) {
        Map<String, String> env = new HashMap<>(extraEnvironment);
        env.put("HOME", home.toString());
        env.put("AWS_CONFIG_FILE", home.resolve(".aws/config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve(".aws/credentials").toString());
        env.put("AWS_ENDPOINT_URL_SSO", athena.endpoint().toString());
        return env;
    }

    private static String url(String credentialProperties) {
        return "jdbc:connecty-athena://Region=us-east-1;EndpointOverride=" + athena.endpoint()
                + ";OutputLocation=s3://athena-results/sso/;WorkGroup=primary"
                + (credentialProperties.isEmpty() ? "" : ";" + credentialProperties);
    }
}
