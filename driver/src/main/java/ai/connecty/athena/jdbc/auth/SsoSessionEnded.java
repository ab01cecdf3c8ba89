package ai.connecty.athena.jdbc.auth;

/**
 * Credentials could not be loaded because the IAM Identity Center (SSO) sign-in behind the connection's profile has
 * ended. Raised in place of the SDK's failure by the profile and default-chain providers of
 * {@link CredentialsProviders} (with {@code SsoSessionExpiry.explain}), so that each
 * place meeting it (the connect check, a query hours later, the connection doctor) can give the one fix, which
 * names the profile: only the provider knows it. Neither the message nor the fix holds the token.
 */
public final class SsoSessionEnded extends CredentialsUnavailable {
    private static final long serialVersionUID = 1L;

    SsoSessionEnded(String problem, String fix, Throwable sdkFailure) {
        super("IAM Identity Center sign-in", problem, fix, sdkFailure);
    }
}
