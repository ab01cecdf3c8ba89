package ai.connecty.athena.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Types;

/**
 * The driver, through java.sql as an application uses it: one connection, one statement per run, every value
 * read through the getter of its column's type.
 */
final class JdbcResultReader implements AutoCloseable {
    private final Connection connection;
    /** Folded from every value read, so that the JIT cannot drop the reading of values nobody uses. */
    long checksum;

    /**
     * What one run took: until the first row, until executeQuery returned, until the last row; and the CPU time
     * spent after executeQuery returned by this (the reading) thread and by the whole process (athena-local
     * included, as it runs in this JVM).
     */
    record Timing(long rows, double firstRowSeconds, double executeSeconds, double totalSeconds, String transport,
                  String queryExecutionId, double readingThreadCpuSeconds, double processCpuSeconds) {
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    JdbcResultReader(String url) throws SQLException {
        this.connection = DriverManager.getConnection(url);
        // A misspelt property is only a warning to the driver; here it would silently measure something else
        // (as ResultReuseEnabled did: reuse stayed off and every run ran the query again).
        for (SQLWarning w = connection.getWarnings(); w != null; w = w.getNextWarning()) {
            if (String.valueOf(w.getMessage()).startsWith("Unknown connection property")) {
                connection.close();
                throw new IllegalArgumentException(w.getMessage());
            }
        }
    }

    /** How each row is read. */
    enum Values {
        /** every value through the getter of its column's type (getLong, getDouble, getDate, getString) */
        TYPED,
        /** every value through getObject, as grids, exports and row mappers read */
        OBJECT,
        /** only next(): what the reading costs without converting values */
        NONE
    }

    Timing read(String sql, long maxRows) throws SQLException {
        return read(sql, maxRows, Values.TYPED);
    }

    Timing read(String sql, long maxRows, Values values) throws SQLException {
        long start = System.nanoTime();
        long threadCpu;
        long processCpu;
        long rows = 0;
        double firstRow = 0;
        double executed;
        String transport;
        String id;
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            executed = (System.nanoTime() - start) / 1e9;
            threadCpu = THREADS.getCurrentThreadCpuTime();
            processCpu = OS.getProcessCpuTime();
            transport = rs.unwrap(ai.connecty.athena.jdbc.AthenaResultSet.class).getResultTransport();
            id = rs.unwrap(ai.connecty.athena.jdbc.AthenaResultSet.class).getQueryExecutionId();
            ResultSetMetaData md = rs.getMetaData();
            int columns = md.getColumnCount();
            int[] types = new int[columns + 1];
            for (int c = 1; c <= columns; c++) {
                types[c] = md.getColumnType(c);
            }
            while (rs.next()) {
                if (rows == 0) {
                    firstRow = (System.nanoTime() - start) / 1e9;
                }
                if (values == Values.TYPED) {
                    for (int c = 1; c <= columns; c++) {
                        checksum += value(rs, c, types[c]);
                    }
                } else if (values == Values.OBJECT) {
                    for (int c = 1; c <= columns; c++) {
                        Object value = rs.getObject(c);
                        checksum += value == null ? 0 : value.hashCode();
                    }
                }
                if (++rows == maxRows) {
                    break;
                }
            }
        }
        double total = (System.nanoTime() - start) / 1e9;
        return new Timing(rows, firstRow, executed, total, transport, id, (THREADS.getCurrentThreadCpuTime() - threadCpu) / 1e9,
                (OS.getProcessCpuTime() - processCpu) / 1e9);
    }

    private static long value(ResultSet rs, int column, int type) throws SQLException {
        switch (type) {
            case Types.BIGINT:
            case Types.INTEGER:
                return rs.getLong(column);
            case Types.DOUBLE:
                return (long) rs.getDouble(column);
            case Types.DATE:
                java.sql.Date date = rs.getDate(column);
                return date == null ? 0 : date.getTime();
            default:
                String text = rs.getString(column);
                return text == null ? 0 : text.length();
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
