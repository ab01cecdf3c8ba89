package ai.connecty.athena.jdbc.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The default chain reports its web identity provider's refusal only as a line of its message; read there, it is a
 * {@link WebIdentityRefused} whose fix is the role's trust policy, not access keys.
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

        assertThat(WebIdentityRefused.inDefaultChain(chain)).hasValueSatisfying(refused -> {
            assertThat(refused.problem()).startsWith("STS refused the web identity token of AWS_WEB_IDENTITY_TOKEN_FILE")
                    .endsWith(": Not authorized to perform sts:AssumeRoleWithWebIdentity");
            assertThat(refused.fix()).contains("trust policy must name the token's OIDC provider")
                    .doesNotContain("User").doesNotContain("Password");
            assertThat(refused).hasCause(chain);
        });
    }

    @Test
    void aChainWithoutATokenFileIsNoRefusal() {
        assertThat(WebIdentityRefused.inDefaultChain(SdkClientException.create(OTHER_PROVIDERS
                + "WebIdentityTokenFileCredentialsProvider(): Either the environment variable AWS_WEB_IDENTITY_TOKEN_FILE "
                + "or the javaproperty aws.webIdentityTokenFile must be set.]"))).isEmpty();
    }

    @Test
    void anStsOutOfReachIsNoRefusal() {
        // Keys or a token would not help here either way: the network would, so this is left to the network advice.
        assertThat(WebIdentityRefused.inDefaultChain(SdkClientException.create(OTHER_PROVIDERS
                + "WebIdentityTokenFileCredentialsProvider(): Unable to execute HTTP request: Connection refused]")))
                .isEmpty();
        assertThat(WebIdentityRefused.inDefaultChain(SdkClientException.create(OTHER_PROVIDERS
                + "WebIdentityTokenFileCredentialsProvider(): Service unavailable (Service: Sts, Status Code: 503, "
                + "Request ID: r-2)]"))).isEmpty();
    }
}
