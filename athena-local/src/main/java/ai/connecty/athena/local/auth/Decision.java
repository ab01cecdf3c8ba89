package ai.connecty.athena.local.auth;

/** The outcome of evaluating policies: an explicit deny beats any allow, and no match at all is a deny. */
public enum Decision {
    ALLOW, EXPLICIT_DENY, IMPLICIT_DENY;

    public boolean allowed() {
        return this == ALLOW;
    }
}
