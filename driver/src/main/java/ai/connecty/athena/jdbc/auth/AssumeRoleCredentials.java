package ai.connecty.athena.jdbc.auth;

import ai.connecty.athena.jdbc.config.ConnectionConfig;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * Credentials of the role named by RoleArn, obtained with the base credentials through STS AssumeRole. The SDK
 * provider caches them and refreshes them in the background before they expire, so a connection held open by
 * a pool for days keeps working without blocking queries on STS.
 */
public final class AssumeRoleCredentials {
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
                .build();
    }
}
