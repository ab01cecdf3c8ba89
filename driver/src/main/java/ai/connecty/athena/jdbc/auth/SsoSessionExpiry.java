package ai.connecty.athena.jdbc.auth;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;
import software.amazon.awssdk.services.sso.auth.ExpiredTokenException;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssooidc.model.SsoOidcException;

/**
 * Recognises that an IAM Identity Center (SSO) profile failed because its session ended, and says how to renew it.
 * The SDK reports this three ways: its SSO provider refuses a cached token past {@code expiresAt} (an
 * {@code SdkClientException} or the sso module's {@code ExpiredTokenException}), the portal answers 401 for a token
 * it no longer takes (signed out, revoked), or refreshing an {@code sso_session} token fails at the OIDC service.
 * The driver cannot renew the session itself: {@code aws sso login} opens a browser for the user to sign in, so
 * the fix names the command, with the profile to pass. The session may end at connect time or hours later under a
 * connection a tool keeps open, so the check sits in the provider (see {@link #watch}) rather than in any one caller.
 */
public final class SsoSessionExpiry {

    private SsoSessionExpiry() {
    }

    /**
     * {@code provider}, raising {@link SsoSessionEnded} in place of the SDK's failure when the session ended.
     *
     * @param profileName the connection's ProfileName; without it, the profile the SDK uses (AWS_PROFILE,
     *                    aws.profile, else default)
     */
    public static AwsCredentialsProvider watch(AwsCredentialsProvider provider, Optional<String> profileName) {
        return watch(provider, profileName, failure -> Optional.empty());
    }

    /**
     * {@code provider}, raising {@link SsoSessionEnded} when the session ended, else what {@code otherwise} makes of
     * the failure (a refused web identity token of the same profile or chain), else the SDK's failure.
     */
    static AwsCredentialsProvider watch(AwsCredentialsProvider provider, Optional<String> profileName,
                                        Function<SdkException, Optional<? extends CredentialsUnavailable>> otherwise) {
        return new ExplainingCredentials(provider, failure -> explain(failure, profileName)
                .<CredentialsUnavailable>map(ended -> ended).or(() -> otherwise.apply(failure)), provider.toString());
    }

    /** The {@link SsoSessionEnded} that {@code failure} stands for, if it is an ended SSO session. */
    static Optional<SsoSessionEnded> explain(SdkException failure, Optional<String> profileName) {
        if (!isEndedSession(failure)) {
            return Optional.empty();
        }
        String profile = profileName.orElseGet(() -> ProfileFileSystemSetting.AWS_PROFILE.getStringValue()
                .orElse("default"));
        return Optional.of(new SsoSessionEnded("the IAM Identity Center (SSO) session of profile '" + profile
                + "' has expired or was signed out", "run `aws sso login --profile " + profile + "` and connect again",
                failure));
    }

    private static boolean isEndedSession(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ExpiredTokenException || t instanceof UnauthorizedException
                    || t instanceof SsoOidcException) {
                return true;
            }
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            // The SDK's own wording for a cached token past its expiry (legacy and sso_session profiles alike).
            if (message.contains("sso session") && message.contains("expired")) {
                return true;
            }
        }
        return false;
    }
}
