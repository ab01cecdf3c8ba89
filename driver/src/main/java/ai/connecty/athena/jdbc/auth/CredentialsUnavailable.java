package ai.connecty.athena.jdbc.auth;

import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The connection's credentials cannot be obtained, for a reason only the user can fix: an IAM Identity Center
 * sign-in that ended ({@link SsoSessionEnded}), a web identity token that STS refuses or that expired
 * ({@link WebIdentityRefused}). Raised by the provider in place of the SDK's failure, so that every place meeting
 * it (the connect check, a query hours later, the connection doctor) reports 28000 with the one fix, rather than
 * a network error that pools would retry. Neither the message nor the fix holds a token.
 */
public abstract class CredentialsUnavailable extends SdkClientException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String problem;
    private final String fix;

    /** @param source where the credentials were to come from, e.g. "web identity token" */
    CredentialsUnavailable(String source, String problem, String fix, Throwable sdkFailure) {
        super(SdkClientException.builder().message(problem + ": " + fix + " (" + sdkFailure.getMessage() + ")")
                .cause(sdkFailure));
        this.source = source;
        this.problem = problem;
        this.fix = fix;
    }

    /** The unavailable credentials among {@code failure} and its causes, as the SDK may wrap what a provider raised. */
    public static Optional<CredentialsUnavailable> within(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CredentialsUnavailable) {
                return Optional.of((CredentialsUnavailable) t);
            }
        }
        return Optional.empty();
    }

    /** Where the credentials were to come from, e.g. "IAM Identity Center sign-in": what the doctor's line is about. */
    public String source() {
        return source;
    }

    /** What happened, e.g. "the JwtWebIdentityToken has expired". */
    public String problem() {
        return problem;
    }

    /** What the user does about it, e.g. "get a new token from the identity provider and reconnect". */
    public String fix() {
        return fix;
    }
}
