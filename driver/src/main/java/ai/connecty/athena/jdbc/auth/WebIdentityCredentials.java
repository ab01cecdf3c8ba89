package ai.connecty.athena.jdbc.auth;

import ai.connecty.athena.jdbc.config.ConnectionConfig;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleWithWebIdentityCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;

/**
 * CredentialsProvider=JWT: credentials of JwtRoleArn for the OIDC token given in JwtWebIdentityToken, through STS
 * AssumeRoleWithWebIdentity. The SDK's provider caches them and refreshes them in the background before they
 * expire (as {@link AssumeRoleCredentials} does for AssumeRole), for as long as STS still takes the token.
 * STS refusals become {@link WebIdentityRefused}, at connect time and at any later refresh alike.
 *
 * <p>The STS client is the connection's own (StsEndpoint/EndpointOverride, proxy, retries, timeouts), not one the
 * SDK would build itself. AssumeRoleWithWebIdentity is unsigned: the token is the caller's identity, so that client
 * needs no credentials.
 */
public final class WebIdentityCredentials {
    private WebIdentityCredentials() {
    }

    /**
     * @param unsignedSts an STS client of the connection's settings with anonymous credentials; the caller owns it
     *                    and closes it after the returned provider
     */
    public static AwsCredentialsProvider create(ConnectionConfig config, StsClient unsignedSts) {
        String roleArn = config.jwtRoleArn().orElseThrow(() -> new IllegalStateException("JwtRoleArn is not set"));
        AssumeRoleWithWebIdentityRequest request = AssumeRoleWithWebIdentityRequest.builder()
                .roleArn(roleArn)
                .roleSessionName(config.jwtRoleSessionName())
                .webIdentityToken(config.jwtWebIdentityToken()
                        .orElseThrow(() -> new IllegalStateException("JwtWebIdentityToken is not set")))
                .durationSeconds(config.roleSessionDurationSeconds())
                .build();
        StsAssumeRoleWithWebIdentityCredentialsProvider provider = StsAssumeRoleWithWebIdentityCredentialsProvider
                .builder()
                .stsClient(unsignedSts)
                .refreshRequest(request)
                .asyncCredentialUpdateEnabled(true)
                .prefetchTime(AssumeRoleCredentials.PREFETCH_TIME)
                .staleTime(AssumeRoleCredentials.STALE_TIME)
                .build();
        // Names the role only: the token is a secret.
        return new ExplainingCredentials(provider, failure -> WebIdentityRefused.explain(failure, roleArn),
                "WebIdentityCredentials(" + roleArn + ")");
    }
}
