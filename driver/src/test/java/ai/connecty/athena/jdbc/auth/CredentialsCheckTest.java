package ai.connecty.athena.jdbc.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.connecty.athena.jdbc.config.ConnectionConfig;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/** Telling "no credentials here" from "found, but AWS refused the exchange", which keys would not fix. */
class CredentialsCheckTest {

    @Test
    void aProvidersCauseFromTheServiceGivesItsMessageAndCode() {
        StsException refused = (StsException) StsException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails
                .builder().errorCode("InvalidIdentityToken").errorMessage("The web identity token could not be "
                        + "validated").build()).build();

        assertThat(CredentialsCheck.providerRefusal(SdkClientException.create("Unable to load credentials", refused)))
                .hasValue("The web identity token could not be validated [InvalidIdentityToken]");
    }

    @Test
    void aProviderFailureWithoutTheServicesAnswerIsNoRefusal() {
        assertThat(CredentialsCheck.providerRefusal(SdkClientException.create("Unable to load credentials from any of "
                + "the providers in the chain : [EnvironmentVariableCredentialsProvider(): Unable to load credentials "
                + "from system settings.]"))).isEmpty();
    }

    private static final String URL = "jdbc:connecty-athena://Region=us-east-1;";
    private static final String ROLE = "arn:aws:iam::123456789012:role/reporting";
    private static final AwsCredentialsProvider KEYS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIAKEYS", "keys-secret"));

    private static StsException sts(int status, String code, String message) {
        return (StsException) StsException.builder().statusCode(status).message(message).awsErrorDetails(
                AwsErrorDetails.builder().serviceName("Sts").errorCode(code).errorMessage(message).build()).build();
    }

    private static AwsCredentialsProvider failing(RuntimeException failure) {
        return () -> {
            throw failure;
        };
    }

    /** GetCallerIdentity answers with {@code failure}, or as the caller it is when null. */
    private static StsClient callerIdentity(RuntimeException failure) {
        return new StsClient() {
            @Override
            public GetCallerIdentityResponse getCallerIdentity() {
                if (failure != null) {
                    throw failure;
                }
                return GetCallerIdentityResponse.builder().arn("arn:aws:iam::123456789012:user/sa").build();
            }

            @Override
            public String serviceName() {
                return "sts";
            }

            @Override
            public void close() {
            }
        };
    }

    private static SQLException verify(String urlTail, AwsCredentialsProvider base, AwsCredentialsProvider signing,
                                       StsClient sts) throws SQLException {
        ConnectionConfig config = ConnectionConfig.parse(URL + urlTail, new Properties());
        return catchThrowableOfType(SQLException.class, () -> CredentialsCheck.verify(config, base, signing, sts));
    }

    @Test
    void workingKeysPassTheCheckWithOneGetCallerIdentity() throws SQLException {
        assertThat((Throwable) verify("", KEYS, KEYS, callerIdentity(null))).isNull();
    }

    /** An ended SSO sign-in is told with its own fix, 28000, and not as missing keys. */
    @Test
    void anEndedSsoSessionIs28000WithTheLoginToRun() throws SQLException {
        SsoSessionEnded ended = new SsoSessionEnded("the IAM Identity Center (SSO) session of profile 'dev' has "
                + "expired or was signed out", "run `aws sso login --profile dev` and connect again",
                SdkClientException.create("The SSO session associated with this profile has expired"));
        SQLException e = verify("ProfileName=dev", failing(SdkClientException.create("Unable to load credentials",
                ended)), null, callerIdentity(null));

        assertThat((Throwable) e).isInstanceOf(SQLInvalidAuthorizationSpecException.class)
                .hasMessageStartingWith("Connecting failed the credentials check: the IAM Identity Center (SSO) "
                        + "session of profile 'dev'").hasMessageContaining("aws sso login --profile dev")
                .hasMessageNotContaining("no credentials were found");
        assertThat(e.getSQLState()).isEqualTo("28000");
    }

    /** CredentialsProvider=JWT with STS out of reach: the network is the fix (08001), not keys, and no token shown. */
    @Test
    void aWebIdentityExchangeThatCannotReachStsIs08001NamingTheRole() throws SQLException {
        SQLException e = verify("CredentialsProvider=JWT;JwtWebIdentityToken=eyJ.secret-claims.sig;JwtRoleArn=" + ROLE,
                failing(SdkClientException.create("Unable to execute HTTP request: Connection refused")), null,
                callerIdentity(null));

        assertThat((Throwable) e).isInstanceOf(SQLNonTransientConnectionException.class)
                .hasMessageContaining("STS AssumeRoleWithWebIdentity of " + ROLE + ": STS could not be reached")
                .hasMessageNotContaining("no credentials were found").hasMessageNotContaining("secret-claims");
        assertThat(e.getSQLState()).isEqualTo("08001");
    }

    /** A profile's role whose AssumeRole STS refused: the provider's own call was refused, not a missing key. */
    @Test
    void aProvidersRefusedExchangeIs28000WithWhatAwsSaid() throws SQLException {
        SQLException e = verify("", failing(SdkClientException.create("Unable to load credentials", sts(403,
                "AccessDenied", "User: arn:aws:iam::123456789012:user/keys is not authorized to perform: sts:AssumeRole"))),
                null, callerIdentity(null));

        assertThat((Throwable) e).isInstanceOf(SQLInvalidAuthorizationSpecException.class)
                .hasMessageContaining("STS GetCallerIdentity: the credentials provider's own call to AWS was refused: "
                        + "User: arn:aws:iam::123456789012:user/keys is not authorized to perform: sts:AssumeRole "
                        + "[AccessDenied]").hasMessageNotContaining("no credentials were found");
        assertThat(e.getSQLState()).isEqualTo("28000");
    }

    /**
     * STS throttled the exchange of a profile's role (the provider raises STS's answer) or of the default chain's
     * token file (the chain keeps only its line): transient, 53000 as any throttled call, and neither a refusal nor
     * missing keys (both read 28000 before, with the advice to set keys).
     */
    @Test
    void aThrottledExchangeOfTheProviderIsTransientNotARefusalOrMissingKeys() throws SQLException {
        SQLException profile = verify("", failing(SdkClientException.create("Unable to load credentials",
                sts(400, "Throttling", "Rate exceeded"))), null, callerIdentity(null));
        SQLException chain = verify("", failing(SdkClientException.create("Unable to load credentials from any of the "
                + "providers in the chain AwsCredentialsProviderChain(credentialsProviders=[...]) : ["
                + "EnvironmentVariableCredentialsProvider(): Unable to load credentials from system settings., "
                + "WebIdentityTokenFileCredentialsProvider(): Rate exceeded (Service: Sts, Status Code: 400, Request ID: "
                + "r-1) (SDK Attempt Count: 4), ProfileCredentialsProvider(profileName=default, profileFile=null): "
                + "Profile file contained no credentials for profile 'default']")), null, callerIdentity(null));

        for (SQLException e : List.of(profile, chain)) {
            assertThat((Throwable) e).isInstanceOf(SQLTransientException.class)
                    .hasMessageStartingWith("Connecting failed the credentials check: STS GetCallerIdentity: STS "
                            + "throttled the credentials provider's own call (").hasMessageContaining("Rate exceeded")
                    .hasMessageNotContaining("no credentials were found").hasMessageNotContaining("was refused");
            assertThat(e.getSQLState()).isEqualTo("53000");
        }
        // Another provider's 4xx from STS in the chain's text is no throttling: the missing keys stay the message.
        SQLException denied = verify("", failing(SdkClientException.create("Unable to load credentials from any of the "
                + "providers in the chain: [WebIdentityTokenFileCredentialsProvider(): Not authorized to perform "
                + "sts:AssumeRoleWithWebIdentity (Service: Sts, Status Code: 403, Request ID: r-2)]")), null,
                callerIdentity(null));
        assertThat(denied.getSQLState()).isEqualTo("28000");
    }

    /** Without a role a denial says what was called, and no trust policy is involved. */
    @Test
    void aDenialWithoutARoleIs42501WithoutTheTrustPolicyAdvice() throws SQLException {
        SQLException e = verify("", KEYS, KEYS, callerIdentity(sts(403, "AccessDenied", "explicit deny in an SCP")));

        assertThat(e.getSQLState()).isEqualTo("42501");
        assertThat((Throwable) e).hasMessageContaining("STS GetCallerIdentity").hasMessageContaining("explicit deny")
                .hasMessageNotContaining("trust policy");
    }

    /** A role's AssumeRole throttled is neither a trust policy nor a key problem: STS's own SQLState stays. */
    @Test
    void aThrottledAssumeRoleKeepsTheTranslatedStateWithoutTheTrustPolicyAdvice() throws SQLException {
        SQLException e = verify("RoleArn=" + ROLE, KEYS, failing(sts(400, "Throttling", "Rate exceeded")),
                callerIdentity(null));

        assertThat(e.getSQLState()).isNotIn("42501", "28000", "08001");
        assertThat((Throwable) e).hasMessageStartingWith("Connecting failed the credentials check: ")
                .hasMessageContaining("STS AssumeRole of " + ROLE).hasMessageNotContaining("trust policy");
    }

    /** The signing provider met no credentials at its first use: missing keys, 28000, not an unreachable STS. */
    @Test
    void noCredentialsMetAtTheRolesFirstUseIs28000() throws SQLException {
        SQLException e = verify("RoleArn=" + ROLE, KEYS, failing(SdkClientException.create(
                "Unable to load credentials from any of the providers")), callerIdentity(null));

        assertThat((Throwable) e).isInstanceOf(SQLInvalidAuthorizationSpecException.class)
                .hasMessageContaining("STS AssumeRole of " + ROLE + ": no credentials were found");
        assertThat(e.getSQLState()).isEqualTo("28000");
    }

    /** A provider raising the service's answer itself (not wrapped) is translated as that answer. */
    @Test
    void aServiceRefusalRaisedByTheBaseProviderIsTranslated() throws SQLException {
        SQLException e = verify("", failing(sts(403, "InvalidClientTokenId",
                "The security token included in the request is invalid.")), null, callerIdentity(null));

        assertThat((Throwable) e).isInstanceOf(SQLInvalidAuthorizationSpecException.class)
                .hasMessageContaining("security token included in the request is invalid")
                .hasMessageNotContaining("no credentials were found");
        assertThat(e.getSQLState()).isEqualTo("28000");
    }

    @Test
    void aRefusalWithoutErrorDetailsGivesTheExceptionsMessage() {
        StsException bare = (StsException) StsException.builder().statusCode(403).message("Access denied").build();
        assertThat(CredentialsCheck.providerRefusal(SdkClientException.create("Unable to load credentials", bare)))
                .hasValue("Access denied");
    }
}
