package ai.connecty.athena.jdbc.doctor;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** What kind of failure an AWS call ended with, and the service's message (which never holds a secret). */
final class AwsFailure {
    enum Kind { DENIED, BAD_CREDENTIALS, UNKNOWN_KEY, NOT_FOUND, INVALID_REQUEST, OTHER }

    private static final Set<String> DENIED = new HashSet<>(Arrays.asList(
            "AccessDeniedException", "AccessDenied", "UnauthorizedOperation"));
    private static final Set<String> UNKNOWN_KEY = new HashSet<>(Arrays.asList(
            "InvalidClientTokenId", "UnrecognizedClientException", "InvalidAccessKeyId"));
    private static final Set<String> BAD_CREDENTIALS = new HashSet<>(Arrays.asList(
            "SignatureDoesNotMatch", "InvalidSignatureException", "IncompleteSignature", "ExpiredToken",
            "ExpiredTokenException", "MissingAuthenticationTokenException"));
    private static final Set<String> NOT_FOUND = new HashSet<>(Arrays.asList(
            "EntityNotFoundException", "NoSuchBucket", "NotFound", "ResourceNotFoundException", "MetadataException"));
    private static final Pattern RESOURCE = Pattern.compile("on resource: (\\S+)");

    private final Kind kind;
    private final String code;
    private final String message;

    private AwsFailure(Kind kind, String code, String message) {
        this.kind = kind;
        this.code = code;
        this.message = message;
    }

    static AwsFailure of(SdkException e) {
        if (!(e instanceof AwsServiceException)) {
            return new AwsFailure(Kind.OTHER, null, String.valueOf(e.getMessage()));
        }
        AwsServiceException service = (AwsServiceException) e;
        String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
        String message = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorMessage();
        if (message == null || message.isEmpty()) {
            message = String.valueOf(e.getMessage());
        }
        // HEAD requests (S3 HeadObject, HeadBucket) carry no body, so only the status tells a denial.
        Kind kind = code == null || "Forbidden".equals(code) || "NotFound".equals(code)
                ? (service.statusCode() == 404 ? Kind.NOT_FOUND : service.statusCode() == 403 ? Kind.DENIED : Kind.OTHER)
                : DENIED.contains(code) ? Kind.DENIED
                : UNKNOWN_KEY.contains(code) ? Kind.UNKNOWN_KEY
                : BAD_CREDENTIALS.contains(code) ? Kind.BAD_CREDENTIALS
                : NOT_FOUND.contains(code) || service.statusCode() == 404 ? Kind.NOT_FOUND
                : "InvalidRequestException".equals(code) ? Kind.INVALID_REQUEST
                : Kind.OTHER;
        return new AwsFailure(kind, code, message);
    }

    Kind kind() {
        return kind;
    }

    /** The service's message and error code, e.g. {@code User: ... is not authorized ... [AccessDeniedException]}. */
    String describe() {
        return code == null ? message : message + " [" + code + "]";
    }

    String message() {
        return message;
    }

    /** The ARN a denial names, when the service said it. */
    String deniedResource() {
        Matcher matcher = RESOURCE.matcher(message);
        return matcher.find() ? matcher.group(1) : null;
    }
}
