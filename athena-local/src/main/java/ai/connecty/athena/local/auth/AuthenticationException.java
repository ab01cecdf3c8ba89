package ai.connecty.athena.local.auth;

/** A request that failed authentication. The detail never contains a secret or a signature. */
public final class AuthenticationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final AuthFailure failure;

    public AuthenticationException(AuthFailure failure, String detail) {
        super(detail);
        this.failure = failure;
    }

    public AuthFailure failure() {
        return failure;
    }
}
