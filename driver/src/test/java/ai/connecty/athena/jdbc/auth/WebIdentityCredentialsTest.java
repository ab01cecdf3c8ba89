package ai.connecty.athena.jdbc.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.connecty.athena.jdbc.config.ConnectionConfig;
import ai.connecty.athena.jdbc.errors.ErrorTranslator;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.ExpiredTokenException;
import software.amazon.awssdk.services.sts.model.IdpRejectedClaimException;
import software.amazon.awssdk.services.sts.model.InvalidIdentityTokenException;
import software.amazon.awssdk.services.sts.model.StsException;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/** CredentialsProvider=JWT through the SDK's own provider, with an STS that answers from the test. */
class WebIdentityCredentialsTest {
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.claims-of-the-pod.signature";
    private static final String ROLE = "arn:aws:iam::123456789012:role/reporting";

    /** Answers AssumeRoleWithWebIdentity with what the test supplies, recording each request. */
    private static final class ScriptedSts implements StsClient {
        /** The SDK refreshes from a thread of its own. */
        final List<AssumeRoleWithWebIdentityRequest> requests = new CopyOnWriteArrayList<>();
        private final Supplier<AssumeRoleWithWebIdentityResponse> answer;

        ScriptedSts(Supplier<AssumeRoleWithWebIdentityResponse> answer) {
            this.answer = answer;
        }

        @Override
        public AssumeRoleWithWebIdentityResponse assumeRoleWithWebIdentity(AssumeRoleWithWebIdentityRequest request) {
            requests.add(request);
            return answer.get();
        }

        @Override
        public String serviceName() {
            return "sts";
        }

        @Override
        public void close() {
        }
    }

    private static ConnectionConfig config(String extra) throws SQLException {
        return ConnectionConfig.parse("jdbc:connecty-athena://Region=us-east-1;CredentialsProvider=JWT;"
                + "JwtWebIdentityToken=" + TOKEN + ";JwtRoleArn=" + ROLE + extra, new Properties());
    }

    private static AssumeRoleWithWebIdentityResponse credentialsUntil(Instant expiry) {
        return AssumeRoleWithWebIdentityResponse.builder().credentials(Credentials.builder().accessKeyId("ASIAJWT")
                .secretAccessKey("issued-secret").sessionToken("issued-session").expiration(expiry).build()).build();
    }

    private static StsException refusal(StsException.Builder builder, String code, String message, int status) {
        return (StsException) builder.statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }

    @Test
    void exchangesTheTokenForTheRolesCredentialsWithTheConfiguredSession() throws SQLException {
        ScriptedSts sts = new ScriptedSts(() -> credentialsUntil(Instant.now().plusSeconds(3600)));
        AwsCredentialsProvider provider = WebIdentityCredentials.create(
                config(";JwtRoleSessionName=pod-1;RoleSessionDuration=900"), sts);

        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("ASIAJWT");
        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("ASIAJWT");

        assertThat(sts.requests).as("cached while fresh").hasSize(1);
        AssumeRoleWithWebIdentityRequest request = sts.requests.get(0);
        assertThat(request.roleArn()).isEqualTo(ROLE);
        assertThat(request.roleSessionName()).isEqualTo("pod-1");
        assertThat(request.webIdentityToken()).isEqualTo(TOKEN);
        assertThat(request.durationSeconds()).isEqualTo(900);
        assertThat(provider.toString()).contains(ROLE).doesNotContain(TOKEN);
        ((SdkAutoCloseable) provider).close();
    }

    @Test
    void credentialsAboutToExpireAreNotUsedButFetchedAgain() throws Exception {
        // Fresh on arrival (3 s left, the stale time being 2 s), stale a second and a half later: the next use must
        // get new ones from STS with the same token rather than sign with credentials about to expire.
        ScriptedSts sts = new ScriptedSts(() -> credentialsUntil(Instant.now().plusSeconds(3)));
        AwsCredentialsProvider provider = WebIdentityCredentials.create(config(""), sts);

        provider.resolveCredentials();
        Thread.sleep(1_500);
        provider.resolveCredentials();

        assertThat(sts.requests.size()).isGreaterThanOrEqualTo(2);
        assertThat(sts.requests).allSatisfy(request -> assertThat(request.webIdentityToken()).isEqualTo(TOKEN));
        ((SdkAutoCloseable) provider).close();
    }

    @Test
    void anExpiredTokenAtARefreshBecomes28000WithTheExpiryAdviceInAnyLaterCall() throws SQLException {
        ScriptedSts sts = new ScriptedSts(() -> {
            throw refusal(ExpiredTokenException.builder(), "ExpiredTokenException", "Token expired: current date/time "
                    + "1764900000 must be before the expiration date/time 1764896400", 400);
        });
        AwsCredentialsProvider provider = WebIdentityCredentials.create(config(""), sts);
        WebIdentityRefused refused = catchThrowableOfType(WebIdentityRefused.class, provider::resolveCredentials);

        assertThat(refused.problem()).isEqualTo("the JwtWebIdentityToken has expired");
        assertThat(refused.fix()).isEqualTo("get a new token from the identity provider and reconnect");

        // How a query meets it: the SDK wraps what the provider raised while signing.
        SQLException e = ErrorTranslator.fromSdk("StartQueryExecution", null,
                SdkClientException.create("Unable to load credentials", refused));
        assertThat((Throwable) e).isInstanceOf(SQLInvalidAuthorizationSpecException.class)
                .hasMessageContaining("the JwtWebIdentityToken has expired: get a new token from the identity "
                        + "provider and reconnect");
        assertThat(e.getSQLState()).isEqualTo("28000");
        assertThat(e.getMessage()).doesNotContain(TOKEN);
    }

    @Test
    void eachRefusalSaysWhatToChange() throws SQLException {
        AwsCredentialsProvider invalid = WebIdentityCredentials.create(config(""), new ScriptedSts(() -> {
            throw refusal(InvalidIdentityTokenException.builder(), "InvalidIdentityToken",
                    "The web identity token that was passed could not be validated by AWS.", 400);
        }));
        AwsCredentialsProvider denied = WebIdentityCredentials.create(config(""), new ScriptedSts(() -> {
            throw refusal(StsException.builder(), "AccessDenied",
                    "Not authorized to perform sts:AssumeRoleWithWebIdentity", 403);
        }));

        AwsCredentialsProvider rejected = WebIdentityCredentials.create(config(""), new ScriptedSts(() -> {
            throw refusal(IdpRejectedClaimException.builder(), "IDPRejectedClaim",
                    "Token audience is not allowed for this role", 403);
        }));

        assertThat(catchThrowableOfType(WebIdentityRefused.class, invalid::resolveCredentials).problem())
                .contains("InvalidIdentityToken");
        WebIdentityRefused claims = catchThrowableOfType(WebIdentityRefused.class, rejected::resolveCredentials);
        assertThat(claims.problem()).contains("rejected its claims").contains("IDPRejectedClaim");
        assertThat(claims.fix()).isEqualTo("get a new token from the identity provider and reconnect");
        WebIdentityRefused trust = catchThrowableOfType(WebIdentityRefused.class, denied::resolveCredentials);
        assertThat(trust.problem()).contains(ROLE).contains("AccessDenied");
        assertThat(trust.fix()).contains("trust policy").contains("oidc-provider").contains("sub and aud");
    }

    @Test
    void otherFailuresPassThroughUnexplained() throws SQLException {
        SdkClientException network = SdkClientException.create("Unable to execute HTTP request: connect timed out");
        AwsCredentialsProvider provider = WebIdentityCredentials.create(config(""), new ScriptedSts(() -> {
            throw network;
        }));

        assertThat(catchThrowableOfType(SdkClientException.class, provider::resolveCredentials))
                .isNotInstanceOf(CredentialsUnavailable.class);
    }
}
