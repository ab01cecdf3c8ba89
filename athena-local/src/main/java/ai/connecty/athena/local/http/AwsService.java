package ai.connecty.athena.local.http;

import ai.connecty.athena.local.api.AwsException;
import ai.connecty.athena.local.auth.AuthenticationException;

/**
 * The services athena-local answers for, and how each one spells the errors they share: access denied,
 * throttling, internal errors and authentication failures.
 */
public enum AwsService {
    ATHENA("athena"), GLUE("glue"), STS("sts"), S3("s3"),
    /**
     * IAM Identity Center's portal API ({@code GetRoleCredentials}), which the SDK's SSO profiles call. AWS serves it
     * unsigned (a bearer token authenticates it), so its name is only the request log's and the fault rules'.
     */
    SSO("sso");

    private static final String RATE_EXCEEDED = "Rate exceeded";

    private final String signingName;

    AwsService(String signingName) {
        this.signingName = signingName;
    }

    /** The SigV4 service name, also the name the request log and fault rules use. */
    public String signingName() {
        return signingName;
    }

    public AwsException accessDenied(String message) {
        return switch (this) {
            case ATHENA, GLUE -> new AwsException(400, "AccessDeniedException", message);
            case STS, S3 -> new AwsException(403, "AccessDenied", message);
            case SSO -> new AwsException(403, "ForbiddenException", "No access");
        };
    }

    public AwsException throttled() {
        return switch (this) {
            case ATHENA -> new AwsException(400, "TooManyRequestsException", RATE_EXCEEDED);
            case GLUE -> new AwsException(400, "ThrottlingException", RATE_EXCEEDED);
            case STS -> new AwsException(400, "Throttling", RATE_EXCEEDED);
            case S3 -> new AwsException(503, "SlowDown", "Please reduce your request rate.");
            case SSO -> new AwsException(429, "TooManyRequestsException", RATE_EXCEEDED);
        };
    }

    public AwsException internalError() {
        return switch (this) {
            case ATHENA -> new AwsException(500, "InternalServerException", "Internal error");
            case GLUE -> new AwsException(500, "InternalServiceException", "Internal service error");
            case STS -> new AwsException(500, "InternalFailure", "The request processing has failed because of an "
                    + "unknown error, exception or failure.");
            case S3 -> new AwsException(500, "InternalError", "We encountered an internal error. Please try again.");
            case SSO -> new AwsException(500, "InternalServerException", "Internal error");
        };
    }

    public AwsException authenticationFailed(AuthenticationException e) {
        String detail = e.getMessage();
        // SSO is never signed (its requests are routed as unsigned), so it shares the JSON services' spelling.
        boolean json = this == ATHENA || this == GLUE || this == SSO;
        return switch (e.failure()) {
            case MISSING -> json ? new AwsException(403, "MissingAuthenticationTokenException", "Missing Authentication Token")
                    : this == STS ? new AwsException(403, "MissingAuthenticationToken", "Request is missing Authentication Token")
                    : new AwsException(403, "AccessDenied", "Access Denied");
            case MALFORMED -> json ? new AwsException(400, "IncompleteSignatureException", detail)
                    : this == STS ? new AwsException(400, "IncompleteSignature", detail)
                    : new AwsException(400, "AuthorizationHeaderMalformed", detail);
            case UNKNOWN_KEY -> json ? new AwsException(400, "UnrecognizedClientException", detail)
                    : this == STS ? new AwsException(403, "InvalidClientTokenId", detail)
                    : new AwsException(403, "InvalidAccessKeyId",
                    "The AWS Access Key Id you provided does not exist in our records.");
            case BAD_SIGNATURE -> json ? new AwsException(400, "InvalidSignatureException", detail)
                    : new AwsException(403, "SignatureDoesNotMatch", detail);
            case SKEWED -> json ? new AwsException(400, "InvalidSignatureException", detail)
                    : this == STS ? new AwsException(403, "SignatureDoesNotMatch", detail)
                    : new AwsException(403, "RequestTimeTooSkewed",
                    "The difference between the request time and the current time is too large.");
            case EXPIRED_TOKEN -> json ? new AwsException(400, "ExpiredTokenException", detail)
                    : this == STS ? new AwsException(400, "ExpiredToken", detail)
                    : new AwsException(400, "ExpiredToken", "The provided token has expired.");
        };
    }
}
