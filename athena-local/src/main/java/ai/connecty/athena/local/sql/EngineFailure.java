package ai.connecty.athena.local.sql;

import java.sql.SQLException;

/**
 * A statement that failed while running, described as Athena describes it: a Trino error name, an
 * ErrorCategory (1 system, 2 user, 3 other) and an ErrorType; {@link #getMessage()} is
 * {@code "<ERROR_NAME>: <message>"}, the text of StateChangeReason and AthenaError.ErrorMessage.
 */
public final class EngineFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final int CATEGORY_SYSTEM = 1;
    public static final int CATEGORY_USER = 2;

    private final String errorName;
    private final int category;
    private final int errorType;

    public EngineFailure(String errorName, int category, int errorType, String message) {
        super(errorName + ": " + message);
        this.errorName = errorName;
        this.category = category;
        this.errorType = errorType;
    }

    public String errorName() {
        return errorName;
    }

    public int category() {
        return category;
    }

    public int errorType() {
        return errorType;
    }

    /** A user error with the ErrorType Athena reports for {@code errorName} (measured-behaviour §6.4). */
    public static EngineFailure user(String errorName, String message) {
        return new EngineFailure(errorName, CATEGORY_USER, EngineErrors.errorType(errorName), message);
    }

    /**
     * Maps a DuckDB error to the Trino error Athena would have reported for the same statement; positions come from
     * the names in the statement's tree.
     */
    public static EngineFailure from(SQLException duckDbError, SqlStatement statement, String catalog, String database) {
        return EngineErrors.map(duckDbError, statement.tree(), catalog, database);
    }
}
