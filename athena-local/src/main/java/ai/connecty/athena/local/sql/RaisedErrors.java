package ai.connecty.athena.local.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.BiFunction;
import org.duckdb.DuckDBFunctions;

/**
 * Trino errors raised by translated SQL and by athena-local's Java functions. DuckDB's own {@code error()} is
 * volatile, and DuckDB refuses any volatile function inside {@code TRY}, so SQL raising through it made Trino's
 * {@code try(a / b)} fail. {@code athena_raise} is a Java function DuckDB does not count as volatile: its TRY turns
 * what it throws into NULL like its own errors, and {@link EngineErrors} reports it as the Trino error it names.
 */
public final class RaisedErrors {

    /** {@code athena_raise(error_name, message)}: fails with that Trino error; registered by {@link JavaFunctions}. */
    static final String FUNCTION = "athena_raise";

    /** A Trino error: {@link #getMessage()} is {@code "ERROR_NAME: message"}, which {@link EngineErrors} reads back. */
    static final class Raised extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Raised(String errorName, String message) {
            super(errorName + ": " + message);
        }
    }

    private RaisedErrors() {
    }

    /** Trino's INVALID_FUNCTION_ARGUMENT with {@code message}, for a Java function to throw. */
    static Raised invalidArgumentError(String message) {
        return new Raised("INVALID_FUNCTION_ARGUMENT", message);
    }

    /**
     * SQL failing with Trino's {@code errorName} and the text {@code messageSql} evaluates to. It is a value of
     * DuckDB's NULL type, which fits a CASE branch of any type as {@code error()} did, and it must stand where a
     * value stands: DuckDB evaluates constant CASE and AND conditions while planning, where a failure would end the
     * statement even when the branch is never taken (and outside any TRY).
     */
    public static String raise(String errorName, String messageSql) {
        return "[NULL][" + FUNCTION + "('" + errorName + "', " + messageSql + ")]";
    }

    /** As {@link #raise} with a fixed message. */
    static String raiseText(String errorName, String message) {
        return raise(errorName, Literals.quote(message));
    }

    /** As {@link #raiseText} with Trino's INVALID_FUNCTION_ARGUMENT, the error of most functions' argument checks. */
    static String invalidArgument(String message) {
        return raiseText("INVALID_FUNCTION_ARGUMENT", message);
    }

    static void register(Connection duck) throws SQLException {
        try (var builder = DuckDBFunctions.scalarFunction()) {
            builder.withName(FUNCTION).withParameters(String.class, String.class).withReturnType(Integer.class)
                    .withFunction((BiFunction<String, String, Integer>) (name, message) -> {
                        throw new Raised(name, message);
                    })
                    .register(duck);
        }
    }
}
