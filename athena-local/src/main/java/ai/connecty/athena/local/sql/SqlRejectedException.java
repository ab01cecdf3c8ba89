package ai.connecty.athena.local.sql;

/**
 * A statement StartQueryExecution refuses synchronously (no execution is created), with the
 * AthenaErrorCode ({@code MALFORMED_QUERY}, {@code INVALID_INPUT}) and the message Athena uses.
 */
public final class SqlRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String athenaErrorCode;

    public SqlRejectedException(String athenaErrorCode, String message) {
        super(message);
        this.athenaErrorCode = athenaErrorCode;
    }

    public String athenaErrorCode() {
        return athenaErrorCode;
    }
}
