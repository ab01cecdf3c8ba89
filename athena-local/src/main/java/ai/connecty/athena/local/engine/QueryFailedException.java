package ai.connecty.athena.local.engine;

/** Thrown inside a running statement to end it FAILED with the given Athena failure. */
public final class QueryFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient AthenaFailure failure;

    public QueryFailedException(AthenaFailure failure) {
        super(failure.stateChangeReason());
        this.failure = failure;
    }

    public AthenaFailure failure() {
        return failure;
    }

    public static QueryFailedException hive(String reason, String errorMessage) {
        return new QueryFailedException(AthenaFailure.hive(reason, errorMessage));
    }

    public static QueryFailedException engine(String reason, int category, int errorType) {
        return new QueryFailedException(AthenaFailure.engine(reason, category, errorType));
    }
}
