package ai.connecty.athena.local.engine;

import ai.connecty.athena.local.sql.QueryRunner;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.duckdb.DuckDBConnection;

/**
 * The one in-memory DuckDB database every catalog is attached to. The admin connection maintains schemas and
 * views; each query gets its own duplicate connection, so closing it interrupts just that query.
 */
public final class DuckDbEngine implements AutoCloseable {

    private final DuckDBConnection admin;

    public DuckDbEngine() {
        Properties props = new Properties();
        // Nothing may be downloaded at run time; parquet, json and icu are built into the driver.
        props.setProperty("autoinstall_known_extensions", "false");
        props.setProperty("autoload_known_extensions", "true");
        try {
            admin = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:", props);
            QueryRunner.configure(admin);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot start DuckDB: " + e.getMessage(), e);
        }
    }

    public Connection admin() {
        return admin;
    }

    /** A fresh connection for one query, configured the way the SQL layer needs. */
    public Connection newConnection() throws SQLException {
        Connection c = admin.duplicate();
        QueryRunner.configure(c);
        return c;
    }

    @Override
    public void close() {
        try {
            admin.close();
        } catch (SQLException e) {
            // shutting down anyway
        }
    }
}
