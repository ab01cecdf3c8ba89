package ai.connecty.athena.local.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error that the endpoint answers with, in the wire shape of the service that raised it.
 *
 * <p>For JSON services (Athena, Glue) the body is {@code {"__type": code, "Message": message, ...extra}};
 * for STS it becomes an {@code ErrorResponse} XML document and for S3 an {@code Error} document. Handlers
 * throw it; the HTTP layer renders it. {@code extra} carries modelled members such as {@code AthenaErrorCode}.
 */
public final class AwsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final Map<String, String> extra;

    public AwsException(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    public AwsException(int status, String code, String message, Map<String, String> extra) {
        super(message);
        this.status = status;
        this.code = code;
        this.extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    /** Athena's usual 400 error, with {@code AthenaErrorCode} and its twin {@code ErrorCode} as measured. */
    public static AwsException invalidRequest(String athenaErrorCode, String message) {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("AthenaErrorCode", athenaErrorCode);
        extra.put("ErrorCode", athenaErrorCode);
        return new AwsException(400, "InvalidRequestException", message, extra);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, String> extra() {
        return extra;
    }
}
