package ai.connecty.athena.local.auth;

/** A policy or identity document that cannot be used; the message names the offending element. */
public final class PolicyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PolicyException(String message) {
        super(message);
    }
}
