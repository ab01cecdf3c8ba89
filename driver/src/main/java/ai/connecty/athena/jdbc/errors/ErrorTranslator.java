package ai.connecty.athena.jdbc.errors;

import ai.connecty.athena.jdbc.auth.CredentialsUnavailable;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientException;
import java.sql.SQLWarning;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.athena.model.AthenaError;
import software.amazon.awssdk.services.athena.model.InternalServerException;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionStatus;

/**
 * The one place where AWS SDK exceptions and failed query executions become SQLExceptions. Messages are
 * Athena's own text (its {@code line:column} positions intact) plus the context a user needs: which call,
 * which query execution id, what to do. AWS error messages never contain credentials, and nothing else from
 * the request is copied into them.
 */
public final class ErrorTranslator {
    private static final Pattern ERROR_NAME = Pattern.compile("^([A-Z][A-Z0-9_]+):");
    private static final Pattern NOT_AUTHORIZED =
            Pattern.compile("not authorized to perform: (\\S+)(?: on resource: (\\S+))?");
    /**
     * Athena words the caller's missing Glue or S3 rights during a query in prose rather than with an error
     * name ("Access denied when writing output to url", "Insufficient permissions to execute the query").
     */
    private static final Pattern DENIED_DURING_QUERY = Pattern.compile(
            "(?i)access denied|is not authorized to perform|insufficient permissions|permission denied");
    private static final Pattern S3_URL = Pattern.compile("s3://([^/\\s]+)/?(\\S*?)(?:\\s|$)");
    private static final Set<String> ACCESS_DENIED_CODES = new HashSet<>(Arrays.asList(
            "AccessDeniedException", "AccessDenied"));
    private static final Set<String> BAD_CREDENTIALS_CODES = new HashSet<>(Arrays.asList(
            "UnrecognizedClientException", "InvalidSignatureException", "ExpiredTokenException", "ExpiredToken",
            "InvalidClientTokenId", "SignatureDoesNotMatch", "InvalidAccessKeyId", "MissingAuthenticationTokenException",
            "IncompleteSignature"));
    private static final Set<String> THROTTLING_CODES = new HashSet<>(Arrays.asList(
            "TooManyRequestsException", "ThrottlingException", "Throttling", "RequestLimitExceeded", "SlowDown"));

    private ErrorTranslator() {
    }

    /**
     * Translates a failed SDK call (after the SDK's own retries): an {@link SdkException}, or an unchecked exception
     * the SDK raises unwrapped (see {@link #translate}).
     *
     * @param operation        the API operation, e.g. {@code GetQueryExecution}
     * @param queryExecutionId the query concerned, or null before it has one
     */
    public static SQLException fromSdk(String operation, String queryExecutionId, RuntimeException e) {
        String about = queryExecutionId == null ? operation : operation + " for query " + queryExecutionId;
        String mayHaveRun = queryExecutionId == null || !"GetQueryExecution".equals(operation) ? ""
                : " Query " + queryExecutionId + " was started and may have run or still be running: check its state"
                        + " before running it again.";
        if (queryExecutionId != null && e instanceof InvalidRequestException) {
            // A call about a query Athena accepted (its state, a page of its results, stopping it): Athena refusing
            // it (an unknown id, a page token it no longer takes) is no fault of the user's SQL, so no 42000, which
            // tools show as a syntax error, and no property advice.
            return new SQLException(about + " was refused: " + invalidRequestText((InvalidRequestException) e) + "."
                    + mayHaveRun, SqlState.GENERAL_ERROR, e);
        }
        return translate(about, mayHaveRun, e);
    }

    /** Athena's message, then its AthenaErrorCode (or the error code) and the request id in brackets. */
    private static String invalidRequestText(InvalidRequestException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        String athenaCode = e.athenaErrorCode();
        return serviceMessage(e) + " [" + (athenaCode == null ? code : athenaCode)
                + (e.requestId() == null ? "" : ", request id " + e.requestId()) + "]";
    }

    /**
     * Translates a failed StartQueryExecution. When the failure is transient, an earlier attempt may have reached
     * Athena although its reply was lost, so the message names the ClientRequestToken the query would be known by.
     */
    public static SQLException fromStart(String clientRequestToken, RuntimeException e) {
        String mayHaveRun = " The query may have started although no reply arrived; if it did, Athena knows it by"
                + " ClientRequestToken " + clientRequestToken + ": check the workgroup's query history before running"
                + " it again.";
        return translate("StartQueryExecution", mayHaveRun, e);
    }

    /**
     * Whether a failure {@link #fromStart} made leaves the query possibly started, its reply lost: the failures
     * {@link #translate} gives the ClientRequestToken hint to (the HTTP client closed under the call, a network
     * error, throttling after retries, a service error), told by their SQLState.
     */
    public static boolean mayHaveStarted(SQLException startFailure) {
        String state = startFailure.getSQLState();
        return SqlState.SYSTEM_ERROR.equals(state) || SqlState.NETWORK_ERROR.equals(state)
                || SqlState.THROTTLED.equals(state);
    }

    /** {@code mayHaveRun} is appended to failures that may have come after Athena acted, not to refusals. */
    private static SQLException translate(String about, String mayHaveRun, RuntimeException e) {
        if (!(e instanceof SdkException)) {
            // Unwrapped by the SDK: an IllegalStateException ("Connection pool shut down") when Connection.close()
            // or abort() closes the HTTP client under a call in flight, whose retry then reaches the closed pool.
            // JDBC callers expect an SQLException from every call.
            return new SQLException(about + " failed: " + e + " (the connection may have been closed meanwhile)."
                    + mayHaveRun, SqlState.SYSTEM_ERROR, e);
        }
        Optional<CredentialsUnavailable> unavailable = CredentialsUnavailable.within(e);
        if (unavailable.isPresent()) {
            // A connection kept open past the end of its IAM Identity Center sign-in, or past the expiry of its web
            // identity token: not the network's fault, and signing in again or a new token is the one fix.
            return new SQLInvalidAuthorizationSpecException(about + " failed: " + unavailable.get().getMessage(),
                    SqlState.INVALID_AUTHORIZATION, e);
        }
        if (!(e instanceof AwsServiceException)) {
            // Network error, cut or late reply: the call failed, not the connection (which holds no session).
            return new SQLTransientException(about + " failed: " + e.getMessage() + "." + mayHaveRun,
                    SqlState.NETWORK_ERROR, e);
        }
        AwsServiceException service = (AwsServiceException) e;
        String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
        String message = serviceMessage(service);
        String requestId = service.requestId() == null ? "" : ", request id " + service.requestId();
        if (e instanceof InvalidRequestException) {
            String athenaCode = ((InvalidRequestException) e).athenaErrorCode();
            String text = invalidRequestText((InvalidRequestException) e);
            if ("MALFORMED_QUERY".equals(athenaCode)) {
                return new SQLSyntaxErrorException("Athena rejected the query: " + text,
                        SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION, e);
            }
            // Athena refuses the request as given (no output location, unknown workgroup, ...): the caller's to fix.
            return new SQLException(about + " was refused: " + text + PropertyHints.forRefusal(message),
                    SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION, e);
        }
        if (code != null && ACCESS_DENIED_CODES.contains(code)) {
            return accessDenied(about, message, code, requestId, service);
        }
        if (code != null && BAD_CREDENTIALS_CODES.contains(code)) {
            return new SQLInvalidAuthorizationSpecException(about + " failed: the credentials were refused: " + message
                    + " [" + code + requestId + "]. Check the access key id, secret access key and session token,"
                    + " and that the machine's clock is correct.", SqlState.INVALID_AUTHORIZATION, e);
        }
        if ((code != null && THROTTLING_CODES.contains(code)) || service.isThrottlingException()) {
            return new SQLTransientException(about + " was throttled after the SDK's retries: " + message
                    + " [" + code + requestId + "]. Retry later, lower the concurrency, or raise NumRetries." + mayHaveRun,
                    SqlState.THROTTLED, e);
        }
        if (e instanceof InternalServerException || service.statusCode() >= 500) {
            return new SQLTransientException(about + " failed inside the service: " + message + " [" + code + requestId
                    + "]." + mayHaveRun, SqlState.SYSTEM_ERROR, e);
        }
        // Another refusal of the request (4xx): nothing ran, and the connection is as good as before.
        return new SQLException(about + " failed: " + message + " [" + code + requestId + "]", SqlState.GENERAL_ERROR, e);
    }

    /**
     * The warning for a StopQueryExecution that failed: the query may still run. Class 01 as every warning; 01007
     * (privilege not granted) when IAM denied it, the error itself is the warning's cause.
     */
    public static SQLWarning couldNotStop(String queryExecutionId, SQLException e) {
        boolean denied = isAccessDenied(e);
        String why = denied ? "the IAM identity may not call athena:StopQueryExecution" : "StopQueryExecution failed";
        return new SQLWarning("Query " + queryExecutionId + " could not be stopped (" + why + "); it may still be running"
                + " in Athena and scanning data. " + e.getMessage(),
                denied ? SqlState.WARNING_PRIVILEGE_NOT_GRANTED : SqlState.WARNING, e);
    }

    /** {@code code} is the service's own: AccessDeniedException (Athena, Glue) or AccessDenied (STS, S3). */
    private static SQLException accessDenied(String about, String message, String code, String requestId,
            SdkException e) {
        Matcher matcher = NOT_AUTHORIZED.matcher(message);
        String advice = matcher.find()
                ? " Grant " + matcher.group(1) + (matcher.group(2) == null ? "" : " on " + matcher.group(2))
                        + " to the IAM identity the driver uses."
                : " Check the IAM policy of the identity the driver uses.";
        return new SQLException(about + " was denied: " + message + " [" + code + requestId + "]." + advice,
                SqlState.INSUFFICIENT_PRIVILEGE, e);
    }

    /** Whether {@code e} means "the caller is not allowed to do this" (IAM), as opposed to a failure. */
    public static boolean isAccessDenied(SQLException e) {
        return SqlState.INSUFFICIENT_PRIVILEGE.equals(e.getSQLState());
    }

    private static String serviceMessage(AwsServiceException e) {
        String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        if (message == null || message.isEmpty()) {
            message = e.getMessage();
        }
        return message == null ? "(no message)" : message;
    }

    /**
     * A query that ended FAILED: Athena's reason, the id, the category and type, a SQLState from them. The reason is
     * AthenaError.ErrorMessage and Status.StateChangeReason: the same text for engine errors, but on the Hive path
     * (DDL) they differ and each may say what the other does not, and Athena has been measured sending an empty
     * ErrorMessage beside a StateChangeReason ({@code CATALOG_NOT_FOUND: ...}). Both are kept, once.
     */
    public static AthenaQueryException queryFailed(QueryExecution execution) {
        QueryExecutionStatus status = execution.status();
        AthenaError error = status == null ? null : status.athenaError();
        String errorMessage = error == null ? null : nonBlank(error.errorMessage());
        String stateChangeReason = status == null ? null : nonBlank(status.stateChangeReason());
        String reason = reason(errorMessage, stateChangeReason);
        Integer category = error == null ? null : error.errorCategory();
        Integer type = error == null ? null : error.errorType();
        AthenaErrorCategory resolved = AthenaErrorCategory.fromCode(category);
        String errorName = errorName(errorMessage, stateChangeReason);
        String sqlState = QueryFailureSqlStates.sqlState(category, type, errorName);
        String message = String.format(Locale.ROOT, "Query %s failed: %s [category %s, type %s]%s",
                execution.queryExecutionId(), reason, resolved, type == null ? "unknown" : type.toString(),
                "PERMISSION_DENIED".equals(errorName) ? s3Grant(reason) : "");
        return new AthenaQueryException(message, sqlState, execution.queryExecutionId(), resolved,
                type == null ? 0 : type, error != null && Boolean.TRUE.equals(error.retryable()));
    }

    private static String nonBlank(String text) {
        return text == null || text.trim().isEmpty() ? null : text;
    }

    /** Both texts where each says something the other does not; the one that holds the other otherwise. */
    private static String reason(String errorMessage, String stateChangeReason) {
        if (errorMessage == null || stateChangeReason == null) {
            return errorMessage != null ? errorMessage : stateChangeReason != null ? stateChangeReason : "no reason given";
        }
        if (stateChangeReason.contains(errorMessage)) {
            return stateChangeReason;
        }
        if (errorMessage.contains(stateChangeReason)) {
            return errorMessage;
        }
        return errorMessage + " (" + stateChangeReason + ")";
    }

    /**
     * The engine error name that starts either text ({@code TABLE_NOT_FOUND: ...}; the Hive path's {@code FAILED:}
     * names no error), else PERMISSION_DENIED when either words a denied access, else null.
     */
    private static String errorName(String... texts) {
        for (String text : texts) {
            if (text != null) {
                Matcher name = ERROR_NAME.matcher(text);
                if (name.find() && !"FAILED".equals(name.group(1))) {
                    return name.group(1);
                }
            }
        }
        for (String text : texts) {
            if (text != null && DENIED_DURING_QUERY.matcher(text).find()) {
                return "PERMISSION_DENIED";
            }
        }
        return null;
    }

    /**
     * Athena words a denied S3 access during a query without the action ("Access Denied ... when reading
     * s3://bucket/path/", "Access denied when writing output to url: s3://..."): name the actions and resources the
     * guide's policy grants for it, so the user knows what to add.
     */
    private static String s3Grant(String reason) {
        Matcher url = S3_URL.matcher(reason);
        if (!url.find()) {
            return "";
        }
        String bucket = url.group(1);
        String path = url.group(2);
        if (reason.toLowerCase(Locale.ROOT).contains("writing output")) {
            int slash = path.lastIndexOf('/');
            String prefix = slash < 0 ? "" : path.substring(0, slash + 1);
            return ". Grant s3:PutObject and s3:GetObject on arn:aws:s3:::" + bucket + "/" + prefix + "* (and s3:ListBucket,"
                    + " s3:GetBucketLocation on arn:aws:s3:::" + bucket + ") to the IAM identity the driver uses.";
        }
        return ". Grant s3:ListBucket on arn:aws:s3:::" + bucket + " and s3:GetObject on arn:aws:s3:::" + bucket + "/"
                + path + "* to the IAM identity the driver uses.";
    }

    /** A query that ended CANCELLED, by this driver's cancel() or by someone else. */
    public static AthenaQueryException cancelled(String queryExecutionId, String reason) {
        return new AthenaQueryException("Query " + queryExecutionId + " was cancelled: " + reason, SqlState.QUERY_CANCELED,
                queryExecutionId, AthenaErrorCategory.UNKNOWN, 0, false);
    }

    /** Statement.setQueryTimeout expired while the query ran (or was submitted); the driver asked Athena to stop it. */
    public static SQLTimeoutException timedOut(String queryExecutionId, int timeoutSeconds) {
        return timedOut(queryExecutionId, timeoutSeconds, null);
    }

    /** {@link #timedOut(String, int)}, {@code cause} the call the timeout cut off (or null). */
    public static SQLTimeoutException timedOut(String queryExecutionId, int timeoutSeconds, Throwable cause) {
        return new SQLTimeoutException("Query " + queryExecutionId + " did not finish within the query timeout of "
                + timeoutSeconds + " s; the driver asked Athena to stop it", SqlState.TIMEOUT, cause);
    }

    /**
     * Statement.setQueryTimeout expired after the query had ended (its first GetQueryResults page, which holds the
     * update count of DML and the first rows, was still under way): nothing was stopped, and a statement that changes
     * data did change it.
     */
    public static SQLTimeoutException timedOutAfterEnd(String queryExecutionId, String state, int timeoutSeconds,
                                                       Throwable cause) {
        return new SQLTimeoutException("Query " + queryExecutionId + " " + state + ", but its results (the first "
                + "GetQueryResults page) did not arrive within the query timeout of " + timeoutSeconds + " s; the query"
                + " ran to its end and was not stopped: running it again runs it twice", SqlState.TIMEOUT, cause);
    }
}
