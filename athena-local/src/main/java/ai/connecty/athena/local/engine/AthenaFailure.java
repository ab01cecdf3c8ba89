package ai.connecty.athena.local.engine;

/**
 * How a query failed, in Athena's terms. {@code hivePath} failures (DDL, SHOW, DESCRIBE) write their reason to
 * {@code <id>.txt} and make GetQueryResults answer an empty 200; engine-path failures write nothing.
 */
public record AthenaFailure(String stateChangeReason, int category, int errorType, String errorMessage,
                            boolean hivePath) {

    public static AthenaFailure engine(String reason, int category, int errorType) {
        return new AthenaFailure(reason, category, errorType, reason, false);
    }

    /** A Hive DDL failure: the reason starts with {@code FAILED: }, the error message may differ. */
    public static AthenaFailure hive(String reason, String errorMessage) {
        return new AthenaFailure(reason, 2, 1006, errorMessage, true);
    }
}
