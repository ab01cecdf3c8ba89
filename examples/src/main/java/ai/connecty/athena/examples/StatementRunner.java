package ai.connecty.athena.examples;

import ai.connecty.athena.jdbc.AthenaStatement;
import ai.connecty.athena.jdbc.QueryStatistics;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.Locale;

/** Runs one SQL statement and prints its rows (or update count), then what it took: rows, time, bytes scanned. */
final class StatementRunner {

    /** Rows kept for printing; the rest of a result is read and counted but not shown. */
    static final int MAX_PRINTED_ROWS = 200;

    private final Connection connection;
    private final PrintStream out;

    StatementRunner(Connection connection, PrintStream out) {
        this.connection = connection;
        this.out = out;
    }

    void run(String sql) throws SQLException {
        long started = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            String summary;
            if (statement.execute(sql)) {
                ResultTable table;
                try (ResultSet rs = statement.getResultSet()) {
                    table = ResultTable.read(rs, MAX_PRINTED_ROWS);
                }
                table.print(out);
                summary = plural(table.rowCount(), "row");
            } else {
                long count = statement.getLargeUpdateCount();
                summary = count < 0 ? "done" : plural(count, "row") + " affected";
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            out.println(summary + " in " + seconds(millis) + scanned(statement));
            printWarnings(statement.getWarnings());
        }
    }

    private static String scanned(Statement statement) throws SQLException {
        if (!statement.isWrapperFor(AthenaStatement.class)) {
            return "";
        }
        QueryStatistics statistics = statement.unwrap(AthenaStatement.class).getQueryStatistics();
        return statistics == null ? "" : ", " + bytes(statistics.dataScannedBytes()) + " scanned";
    }

    private void printWarnings(SQLWarning warning) {
        for (SQLWarning w = warning; w != null; w = w.getNextWarning()) {
            out.println("warning: " + w.getMessage());
        }
    }

    static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String units = "KMGTPE";
        int unit = (63 - Long.numberOfLeadingZeros(n)) / 10;
        return String.format(Locale.ROOT, "%.1f %sB", n / Math.pow(1024, unit), units.charAt(unit - 1));
    }
}
