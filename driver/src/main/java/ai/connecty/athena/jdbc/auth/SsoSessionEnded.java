package ai.connecty.athena.jdbc.auth;

import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Credentials could not be loaded because the IAM Identity Center (SSO) sign-in behind the connection's profile has
 * ended. Raised in place of the SDK's failure by the providers {@link SsoSessionExpiry#watch} wraps, so that each
 * place meeting it (the connect check, a query hours later, the connection doctor) can give the one fix, which
 * names the profile: only the provider knows it. Neither the message nor the fix holds the token.
 */
public final class SsoSessionEnded extends SdkClientException {
    private static final long serialVersionUID = 1L;

    private final String problem;
    private final String fix;

    SsoSessionEnded(String problem, String fix, Throwable sdkFailure) {
        super(SdkClientException.builder().message(problem + ": " + fix + " (" + sdkFailure.getMessage() + ")")
                .cause(sdkFailure));
        this.problem = problem;
        this.fix = fix;
    }

    /** The ended session among {@code failure} and its causes, as the SDK may wrap what a provider raised. */
    public static Optional<SsoSessionEnded> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SsoSessionEnded) {
                return Optional.of((SsoSessionEnded) t);
            }
        }
        return Optional.empty();
    }

    /** What happened, naming the profile: "the IAM Identity Center (SSO) session of profile 'dev' has expired ...". */
    public String problem() {
        return problem;
    }

    /** What the user runs: "run `aws sso login --profile dev` and connect again". */
    public String fix() {
        return fix;
    }
}
