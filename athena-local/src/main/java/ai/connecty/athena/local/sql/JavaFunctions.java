package ai.connecty.athena.local.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The Java functions translated SQL calls ({@link UrlFunctions}, {@link DecimalArithmetic}, {@link VarcharCasts},
 * {@link RaisedErrors}).
 * They live in the DuckDB database's system catalog, shared by its connections, and DuckDB refuses concurrent
 * registrations, so they are registered once per database, serialised, and skipped when the last one registered is
 * already there.
 */
final class JavaFunctions {

    /** The function registered last: once it exists, all do. */
    private static final String LAST = RaisedErrors.FUNCTION;

    private JavaFunctions() {
    }

    static synchronized void register(Connection duck) throws SQLException {
        try (Statement statement = duck.createStatement();
             ResultSet existing = statement.executeQuery(
                     "SELECT 1 FROM duckdb_functions() WHERE function_name = '" + LAST + "' LIMIT 1")) {
            if (existing.next()) {
                return;
            }
        }
        UrlFunctions.register(duck);
        DecimalArithmetic.register(duck);
        VarcharCasts.register(duck);
        RaisedErrors.register(duck);
    }
}
