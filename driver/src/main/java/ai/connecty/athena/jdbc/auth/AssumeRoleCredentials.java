package ai.connecty.athena.jdbc.auth;

import ai.connecty.athena.jdbc.config.ConnectionConfig;
import java.time.Duration;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * Credentials of the role named by RoleArn, obtained with the base credentials through STS AssumeRole. The SDK
 * provider caches them and refreshes them in the background before they expire, so a connection held open by
 * a pool for days keeps working without blocking queries on STS.
 */
public final class AssumeRoleCredentials {
    /**
     * Refresh in the background from this long before expiry (the SDK's default): with real sessions (at least
     * 15 minutes) fresh credentials are in place long before the old ones expire.
     */
    static final Duration PREFETCH_TIME = Duration.ofMinutes(5);
    /**
     * Block and refresh only this close to expiry. The SDK's default of one minute makes every credential that
     * lives less than a minute (as test benches issue) stale on arrival: each call then refreshes in the
     * foreground and logs a warning that the value's expiration is in the past. Reaching this point at all
     * means every background refresh of the last five minutes failed.
     */
    static final Duration STALE_TIME = Duration.ofSeconds(2);

    private AssumeRoleCredentials() {
    }

    /**
     * @param sts an STS client signed with the base credentials; the caller owns it and closes it after the
     *            returned provider
     */
    public static StsAssumeRoleCredentialsProvider create(ConnectionConfig config, StsClient sts) {
        String roleArn = config.roleArn().orElseThrow(() -> new IllegalStateException("RoleArn is not set"));
        AssumeRoleRequest.Builder request = AssumeRoleRequest.builder()
                .roleArn(roleArn)
                .roleSessionName(config.roleSessionName())
                .durationSeconds(config.roleSessionDurationSeconds());
        config.externalId().ifPresent(request::externalId);
        return StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .refreshRequest(request.build())
                .asyncCredentialUpdateEnabled(true)
                .prefetchTime(PREFETCH_TIME)
                .staleTime(STALE_TIME)
                .build();
    }
}
