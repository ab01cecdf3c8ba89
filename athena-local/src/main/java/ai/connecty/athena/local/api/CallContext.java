package ai.connecty.athena.local.api;

/**
 * Who is calling, from where, and what they may do. Built by the HTTP layer after SigV4 verification and
 * handed to every operation handler. The policy decision is pure, so a context may be kept and used later
 * by a query running in the background (a query needs the caller's Glue and S3 rights on what it touches).
 */
public interface CallContext {

    /** {@code arn:aws:iam::123456789012:user/connecty-sa} or {@code arn:aws:sts::123456789012:assumed-role/r/s}. */
    String principalArn();

    String accountId();

    /** The region from the SigV4 credential scope. */
    String region();

    /** True when the principal's policies allow {@code action} (e.g. {@code s3:GetObject}) on {@code resourceArn}. */
    boolean isAllowed(String action, String resourceArn);

    /**
     * The tail IAM gives an access-denied message: {@code because no identity-based policy allows the <action> action},
     * or {@code with an explicit deny in an identity-based policy} when a Deny statement matched.
     */
    default String denialReason(String action, String resourceArn) {
        return "because no identity-based policy allows the " + action + " action";
    }

    /**
     * Throws the service's access-denied error ({@code AccessDeniedException}, 400, message
     * {@code User: <arn> is not authorized to perform: <action> on resource: <resource>}) unless allowed.
     * The HTTP layer also records the decision in the request log.
     */
    void authorize(String action, String resourceArn);
}
