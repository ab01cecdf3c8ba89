package ai.connecty.athena.jdbc.config;

import ai.connecty.athena.jdbc.errors.SqlState;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLWarning;

/**
 * Errors and warnings about connection settings. Every settings error is raised while connecting, before any
 * network call, so it carries SQLState 08001 (the connection could not be established) in a
 * {@link SQLNonTransientConnectionException}: pools and tools then know that retrying with the same settings is
 * pointless. Messages name the property, the offending value (never for secret properties) and the fix.
 */
public final class ConfigErrors {
    private ConfigErrors() {
    }

    public static SQLException error(String message) {
        return new SQLNonTransientConnectionException(message, SqlState.CONNECTION_FAILURE);
    }

    public static SQLException error(String message, Throwable cause) {
        return new SQLNonTransientConnectionException(message, SqlState.CONNECTION_FAILURE, cause);
    }

    public static SQLWarning warning(String message) {
        return new SQLWarning(message, SqlState.WARNING);
    }

    /** The value as it may appear in a message: quoted, or hidden when the property is secret. */
    public static String shown(ConnectionProperty property, String value) {
        return property.isSecret() ? "(hidden)" : "'" + value + "'";
    }

    /** "Invalid value 'x' for FetchSize: expected ...". */
    public static SQLException invalidValue(ConnectionProperty property, String value, String expectation) {
        return error("Invalid value " + shown(property, value) + " for connection property "
                + property.propertyName() + ": " + expectation);
    }
}
