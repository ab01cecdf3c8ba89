package ai.connecty.athena.local.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** Parquet test data written by a private in-memory DuckDB, to be PUT through S3 like a user's files. */
final class ParquetFiles {

    private ParquetFiles() {
    }

    /** The bytes of a Parquet file holding the rows of a DuckDB {@code select}. */
    static byte[] of(String select) throws Exception {
        Path file = Files.createTempFile("athena-local-test-", ".parquet");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:", noDownloads());
             Statement s = duck.createStatement()) {
            s.execute("COPY (" + select + ") TO '" + file + "' (FORMAT parquet)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write test Parquet: " + e.getMessage(), e);
        }
        try {
            return Files.readAllBytes(file);
        } finally {
            Files.delete(file);
        }
    }

    private static Properties noDownloads() {
        Properties properties = new Properties();
        properties.setProperty("autoinstall_known_extensions", "false");
        return properties;
    }
}
