package ai.connecty.athena.jdbc.auth;

import ai.connecty.athena.jdbc.config.ConnectionConfig;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleWithWebIdentityCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;
import software.amazon.awssdk.utils.SdkAutoCloseable;

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
        return new Explained(provider, roleArn);
    }

    /** The SDK's provider, its STS refusals replaced by the {@link WebIdentityRefused} that says what to do. */
    static final class Explained implements AwsCredentialsProvider, SdkAutoCloseable {
        private final AwsCredentialsProvider delegate;
        private final String roleArn;

        Explained(AwsCredentialsProvider delegate, String roleArn) {
            this.delegate = delegate;
            this.roleArn = roleArn;
        }

        @Override
        public AwsCredentials resolveCredentials() {
            try {
                return delegate.resolveCredentials();
            } catch (WebIdentityRefused e) {
                throw e;
            } catch (SdkException e) {
                throw WebIdentityRefused.explain(e, roleArn).<SdkException>map(refused -> refused).orElse(e);
            }
        }

        @Override
        public void close() {
            if (delegate instanceof SdkAutoCloseable) {
                ((SdkAutoCloseable) delegate).close();
            }
        }

        /** Names the role only: the token is a secret. */
        @Override
        public String toString() {
            return "WebIdentityCredentials(" + roleArn + ")";
        }
    }
}
