package ai.connecty.athena.jdbc.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * The default chain reports its web identity provider's refusal only as a line of its message; read there, it is a
 * {@link WebIdentityRefused} whose fix is the role's trust policy, not access keys. A profile's token file is refused
 * with STS's own exception, read with the profile that names the file and the role.
 */
class WebIdentityRefusedTest {
    private static final String OTHER_PROVIDERS = "Unable to load credentials from any of the providers in the chain "
            + "AwsCredentialsProviderChain(...) : [EnvironmentVariableCredentialsProvider(): Unable to load credentials "
            + "from system settings., ";

    @Test
    void theDefaultChainsRefusedTokenIsExplainedByTheTrustPolicy() {
        SdkClientException chain = SdkClientException.create(OTHER_PROVIDERS + "WebIdentityTokenFileCredentialsProvider(): "
                + "Not authorized to perform sts:AssumeRoleWithWebIdentity (Service: Sts, Status Code: 403, Request ID: "
                + "r-1) (SDK Attempt Count: 1), ProfileCredentialsProvider(profileName=default): Profile file contained "
                + "no credentials]");

        assertThat(inDefaultChain(chain)).hasValueSatisfying(refused -> {
            assertThat(refused.problem()).startsWith("STS refused the web identity token of AWS_WEB_IDENTITY_TOKEN_FILE")
                    .endsWith(": Not authorized to perform sts:AssumeRoleWithWebIdentity");
            assertThat(refused.fix()).contains("trust policy must name the token's OIDC provider")
                    .doesNotContain("User").doesNotContain("Password");
            assertThat(refused).hasCause(chain);
        });
    }

    @Test
    void aChainWithoutATokenFileIsNoRefusal() {
        assertThat(inDefaultChain(SdkClientException.create(OTHER_PROVIDERS
                + "WebIdentityTokenFileCredentialsProvider(): Either the environment variable AWS_WEB_IDENTITY_TOKEN_FILE "
                + "or the javaproperty aws.webIdentityTokenFile must be set.]"))).isEmpty();
    }

    @Test
    void anStsOutOfReachIsNoRefusal() {
        // Keys or a token would not help here either way: the network would, so this is left to the network advice.
        assertThat(inDefaultChain(SdkClientException.create(OTHER_PROVIDERS
                + "WebIdentityTokenFileCredentialsProvider(): Unable to execute HTTP request: Connection refused]")))
                .isEmpty();
        assertThat(inDefaultChain(SdkClientException.create(OTHER_PROVIDERS
                + "WebIdentityTokenFileCredentialsProvider(): Service unavailable (Service: Sts, Status Code: 503, "
                + "Request ID: r-2)]"))).isEmpty();
    }

    @Test
    void aThrottledStsIsNoRefusalThoughItAnswers400() {
        // STS throttles with a 400; the chain's line keeps no error code, only the words.
        assertThat(inDefaultChain(SdkClientException.create(OTHER_PROVIDERS
                + "WebIdentityTokenFileCredentialsProvider(): Rate exceeded (Service: Sts, Status Code: 400, "
                + "Request ID: r-5) (SDK Attempt Count: 4)]"))).isEmpty();
        assertThat(inDefaultChain(SdkClientException.create(OTHER_PROVIDERS
                + "WebIdentityTokenFileCredentialsProvider(): Either the environment variable AWS_WEB_IDENTITY_TOKEN_FILE "
                + "or the javaproperty aws.webIdentityTokenFile must be set., " + profileLine("pod", "Rate exceeded "
                + "(Service: Sts, Status Code: 400, Request ID: r-6)") + "]"))).isEmpty();
    }

    private static final String CONFIG = "[profile pod]\nweb_identity_token_file = /var/run/secrets/token\n"
            + "role_arn = arn:aws:iam::123456789012:role/reporting\n\n"
            + "[profile keys]\naws_access_key_id = AKIAKEYS\naws_secret_access_key = s3cr3t\n\n"
            + "[profile assumer]\nrole_arn = arn:aws:iam::123456789012:role/reporting\nsource_profile = keys\n";

    private static ProfileFile profiles() {
        return ProfileFile.builder().type(ProfileFile.Type.CONFIGURATION)
                .content(new ByteArrayInputStream(CONFIG.getBytes(StandardCharsets.UTF_8))).build();
    }

    private static SdkException sts(int status, String code, String message) {
        return StsException.builder().statusCode(status).awsErrorDetails(AwsErrorDetails.builder().serviceName("Sts")
                .errorCode(code).errorMessage(message).build()).message(message).build();
    }

    private static Optional<WebIdentityRefused> inProfile(SdkException failure, String profile) {
        return WebIdentityRefused.inProfile(failure, profile, WebIdentityRefusedTest::profiles);
    }

    @Test
    void aProfilesRefusedTokenFileIsExplainedByTheTrustPolicyAsTheChainsIs() {
        SdkException refusal = sts(403, "AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity");

        assertThat(inProfile(refusal, "pod")).hasValueSatisfying(refused -> {
            assertThat(refused.source()).isEqualTo("web identity token");
            assertThat(refused.problem()).isEqualTo("STS refused the web identity token of web_identity_token_file "
                    + "/var/run/secrets/token of profile 'pod' for arn:aws:iam::123456789012:role/reporting: "
                    + "Not authorized to perform sts:AssumeRoleWithWebIdentity");
            assertThat(refused.fix()).contains("trust policy must name the token's OIDC provider")
                    .contains("role_arn of profile 'pod' must name an existing role")
                    .doesNotContain("User").doesNotContain("Password");
            assertThat(refused).hasCause(refusal);
        });
        // Through a wrapping the SDK may add, as a query's call raises it.
        assertThat(inProfile(SdkClientException.create("Unable to load credentials", refusal), "pod")).isPresent();
    }

    @Test
    void aProfileWithoutATokenFileIsNoWebIdentityRefusal() {
        // A refused AssumeRole of a source profile's keys is not about a token: the generic advice stays.
        SdkException refusal = sts(403, "AccessDenied", "User: arn:aws:iam::123456789012:user/keys is not authorized "
                + "to perform: sts:AssumeRole");
        assertThat(inProfile(refusal, "assumer")).isEmpty();
        assertThat(inProfile(refusal, "keys")).isEmpty();
        assertThat(inProfile(refusal, "no-such-profile")).isEmpty();
    }

    @Test
    void aProfilesStsOutOfReachOrThrottlingIsNoRefusal() {
        assertThat(inProfile(sts(503, "ServiceUnavailable", "Service unavailable"), "pod")).isEmpty();
        assertThat(inProfile(sts(400, "Throttling", "Rate exceeded"), "pod")).isEmpty();
        assertThat(inProfile(SdkClientException.create("Unable to execute HTTP request: Connection refused"), "pod"))
                .isEmpty();
    }

    /** 400 is STS's status for a refused token, as 403 is; a 5xx is STS failing, not refusing. */
    @Test
    void everyFourHundredIsARefusalAndNoFiveHundredIs() {
        assertThat(inProfile(sts(400, "InvalidIdentityToken", "Token not valid"), "pod")).isPresent();
        assertThat(inProfile(sts(499, "Refused", "Refused"), "pod")).isPresent();
        assertThat(inProfile(sts(500, "InternalFailure", "Internal failure"), "pod")).isEmpty();
        assertThat(inProfile(sts(399, "Odd", "Odd"), "pod")).isEmpty();
    }

    /** The SSO check comes first; when it finds no ended session, the profile's token refusal is still explained. */
    @Test
    void aWatchedProfileExplainsARefusedTokenFile() {
        SdkException refusal = sts(403, "AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity");
        software.amazon.awssdk.auth.credentials.AwsCredentialsProvider watched = SsoSessionExpiry.watch(() -> {
            throw refusal;
        }, Optional.of("pod"), failure -> WebIdentityRefused.inProfile(failure, "pod", WebIdentityRefusedTest::profiles));

        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(WebIdentityRefused.class,
                watched::resolveCredentials).problem()).contains("web_identity_token_file /var/run/secrets/token");
    }

    private static Optional<WebIdentityRefused> inDefaultChain(SdkException failure) {
        return WebIdentityRefused.inDefaultChain(failure, WebIdentityRefusedTest::profiles);
    }

    /** The chain's line of AWS_PROFILE's profile: its toString names the profile and lists its properties. */
    private static String profileLine(String profile, String said) {
        return "ProfileCredentialsProvider(profileName=" + profile + ", profileFile=ProfileFile(sections=[profiles], "
                + "profiles=[Profile(name=" + profile + ", properties=[web_identity_token_file, role_arn])])): " + said;
    }

    @Test
    void theChainsProfileWithARefusedTokenFileIsExplainedAsANamedProfileIs() {
        SdkClientException chain = SdkClientException.create(OTHER_PROVIDERS + "WebIdentityTokenFileCredentialsProvider(): "
                + "Either the environment variable AWS_WEB_IDENTITY_TOKEN_FILE or the javaproperty aws.webIdentityTokenFile "
                + "must be set., " + profileLine("pod", "Not authorized to perform sts:AssumeRoleWithWebIdentity (Service: "
                + "Sts, Status Code: 403, Request ID: r-3) (SDK Attempt Count: 1)") + ", ContainerCredentialsProvider(): "
                + "Cannot fetch credentials from container]");

        assertThat(inDefaultChain(chain)).hasValueSatisfying(refused -> assertThat(refused.problem())
                .isEqualTo("STS refused the web identity token of web_identity_token_file /var/run/secrets/token of "
                        + "profile 'pod' for arn:aws:iam::123456789012:role/reporting: Not authorized to perform "
                        + "sts:AssumeRoleWithWebIdentity"));
    }

    /**
     * The chain's web identity line (no token file) must not be read up to another provider's refusal: a profile's
     * refused AssumeRole of its source keys is no token's refusal, and used to be reported as AWS_WEB_IDENTITY_TOKEN_FILE's.
     */
    @Test
    void anotherProvidersRefusalIsNoTokenRefusal() {
        SdkClientException chain = SdkClientException.create(OTHER_PROVIDERS + "WebIdentityTokenFileCredentialsProvider(): "
                + "Either the environment variable AWS_WEB_IDENTITY_TOKEN_FILE or the javaproperty aws.webIdentityTokenFile "
                + "must be set., " + profileLine("assumer", "User: arn:aws:iam::123456789012:user/keys is not authorized "
                + "to perform: sts:AssumeRole (Service: Sts, Status Code: 403, Request ID: r-4)") + "]");

        assertThat(inDefaultChain(chain)).isEmpty();
    }
}
