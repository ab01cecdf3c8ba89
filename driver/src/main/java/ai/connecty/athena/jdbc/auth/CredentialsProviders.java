package ai.connecty.athena.jdbc.auth;

import ai.connecty.athena.jdbc.config.ConfigErrors;
import ai.connecty.athena.jdbc.config.ConnectionConfig;
import ai.connecty.athena.jdbc.config.CredentialsSource;
import java.sql.SQLException;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Chooses the credentials that sign the connection's calls, before any role is assumed: static keys, a named
 * source (DefaultChain, ProfileCredentials, InstanceProfile, JWT) or a user class; the SDK default chain otherwise.
 * Every provider returned is a fresh instance owned by the connection, so closing it cannot affect other
 * connections (unlike {@code DefaultCredentialsProvider.create()}, which is a shared singleton).
 */
public final class CredentialsProviders {
    private CredentialsProviders() {
    }

    /** For every source but JWT, which needs an STS client: see {@link #base(ConnectionConfig, Supplier)}. */
    public static AwsCredentialsProvider base(ConnectionConfig config) throws SQLException {
        return base(config, () -> {
            throw new IllegalStateException("CredentialsProvider=JWT needs an STS client");
        });
    }

    /**
     * @param unsignedSts builds an STS client of the connection's settings without credentials, called only for
     *                    CredentialsProvider=JWT; the caller owns what it builds and closes it after the provider
     */
    public static AwsCredentialsProvider base(ConnectionConfig config, Supplier<StsClient> unsignedSts)
            throws SQLException {
        if (config.accessKeyId().isPresent()) {
            return StaticCredentialsProvider.create(staticCredentials(config));
        }
        if (!config.credentialsProvider().isPresent()) {
            return config.profileName().isPresent() ? profile(config) : defaultChain(config);
        }
        String configured = config.credentialsProvider().get();
        CredentialsSource source = CredentialsSource.byKeyword(configured);
        if (source == null) {
            return CustomProviderLoader.load(configured, config.credentialsProviderArguments());
        }
        switch (source) {
            case PROFILE:
                return profile(config);
            case INSTANCE_PROFILE:
                return InstanceProfileCredentialsProvider.builder().build();
            case JWT:
                return WebIdentityCredentials.create(config, unsignedSts.get());
            case DEFAULT_CHAIN:
            default:
                return defaultChain(config);
        }
    }

    private static AwsCredentials staticCredentials(ConnectionConfig config) throws SQLException {
        String accessKeyId = config.accessKeyId().get();
        String secret = config.secretAccessKey().orElseThrow(() -> ConfigErrors.error(
                "User (AccessKeyId) is set but Password (SecretAccessKey) is missing"));
        if (config.sessionToken().isPresent()) {
            return AwsSessionCredentials.create(accessKeyId, secret, config.sessionToken().get());
        }
        return AwsBasicCredentials.create(accessKeyId, secret);
    }

    /**
     * The chain reads the default profile (or AWS_PROFILE's), which may be an IAM Identity Center one or name a web
     * identity token file, and the token file of AWS_WEB_IDENTITY_TOKEN_FILE: each may be refused in a way only the
     * user can fix.
     */
    private static AwsCredentialsProvider defaultChain(ConnectionConfig config) {
        DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build();
        return SsoSessionExpiry.watch(chain, config.profileName(),
                failure -> WebIdentityRefused.inDefaultChain(failure, ProfileFile::defaultProfileFile));
    }

    /**
     * The profile may be an IAM Identity Center one or name a web identity token file ({@code web_identity_token_file}
     * with {@code role_arn}): as in the default chain, either may be refused in a way only the user can fix.
     */
    private static AwsCredentialsProvider profile(ConnectionConfig config) {
        ProfileCredentialsProvider.Builder builder = ProfileCredentialsProvider.builder();
        config.profileName().ifPresent(builder::profileName);
        ProfileCredentialsProvider provider = builder.build();
        // The name the SDK's provider reads when ProfileName is absent (AWS_PROFILE, aws.profile, else default).
        String profileName = config.profileName().orElseGet(() -> ProfileFileSystemSetting.AWS_PROFILE
                .getStringValue().orElse("default"));
        return SsoSessionExpiry.watch(provider, config.profileName(),
                failure -> WebIdentityRefused.inProfile(failure, profileName, ProfileFile::defaultProfileFile));
    }
}
