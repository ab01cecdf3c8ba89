package ai.connecty.athena.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The driver, through java.sql as an application uses it: one connection, one statement per run. */
final class JdbcResultReader implements ResultReader {
    private final Connection connection;

    JdbcResultReader(String url) throws SQLException {
        this.connection = DriverManager.getConnection(url);
    }

    @Override
    public long readAll(String sql) throws SQLException {
        long rows = 0;
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int c = 1; c <= columns; c++) {
                    rs.getObject(c);
                }
                rows++;
            }
        }
        return rows;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
