package ai.connecty.athena.jdbc.errors;

import java.sql.SQLException;

/**
 * A query that Athena ran and that ended FAILED or CANCELLED. Carries what support needs to find it: the
 * query execution id and Athena's error category and type ({@link #getErrorCode()} is the ErrorType).
 */
public class AthenaQueryException extends SQLException {
    private static final long serialVersionUID = 1L;

    private final String queryExecutionId;
    private final AthenaErrorCategory errorCategory;
    private final boolean retryable;

    public AthenaQueryException(String message, String sqlState, String queryExecutionId,
                                AthenaErrorCategory errorCategory, int errorType, boolean retryable) {
        super(message, sqlState, errorType);
        this.queryExecutionId = queryExecutionId;
        this.errorCategory = errorCategory;
        this.retryable = retryable;
    }

    public String getQueryExecutionId() {
        return queryExecutionId;
    }

    public AthenaErrorCategory getErrorCategory() {
        return errorCategory;
    }

    /** Athena's ErrorType, 0 when Athena gave none. */
    public int getErrorType() {
        return getErrorCode();
    }

    /** Athena's own verdict ({@code AthenaError.Retryable}) on whether running the query again may succeed. */
    public boolean isRetryable() {
        return retryable;
    }
}
