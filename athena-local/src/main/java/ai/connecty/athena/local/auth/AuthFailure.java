package ai.connecty.athena.local.auth;

/** Why a request could not be authenticated; each service turns this into its own error code. */
public enum AuthFailure {
    /** No Authorization header at all. */
    MISSING,
    /** An Authorization header we cannot parse, or a credential scoped to another service. */
    MALFORMED,
    /** An access key nobody issued, or a session key presented without its session token. */
    UNKNOWN_KEY,
    /** The signature does not match the one computed with the key's secret. */
    BAD_SIGNATURE,
    /** X-Amz-Date is more than 15 minutes away from the server clock. */
    SKEWED,
    /** A session whose expiration has passed. */
    EXPIRED_TOKEN
}
