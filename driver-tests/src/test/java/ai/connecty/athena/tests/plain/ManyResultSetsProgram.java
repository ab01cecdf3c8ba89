package ai.connecty.athena.tests.plain;

import ai.connecty.athena.jdbc.AthenaResultSet;
import ai.connecty.athena.jdbc.rows.ReadAheadBudget;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens several result sets of one query at once, each on a statement of its own, and reads them in turns of
 * 1,000 rows, as a BI server serving several extracts does; checks that column 1 counts 0, 1, 2... and column 2
 * is its square. Prints each one's transport and row count, then what the JVM-wide read-ahead budget has free
 * once all are closed. Arguments: URL, user, password, number of result sets, SQL.
 */
public final class ManyResultSetsProgram {

    private ManyResultSetsProgram() {
    }

    public static void main(String[] args) throws SQLException {
        int count = Integer.parseInt(args[3]);
        List<Statement> statements = new ArrayList<>();
        List<ResultSet> results = new ArrayList<>();
        long[] rows = new long[count];
        boolean[] done = new boolean[count];
        try (Connection connection = DriverManager.getConnection(args[0], args[1], args[2])) {
            for (int i = 0; i < count; i++) {
                Statement statement = connection.createStatement();
                statements.add(statement);
                results.add(statement.executeQuery(args[4]));
            }
            int open = count;
            while (open > 0) {
                for (int i = 0; i < count; i++) {
                    ResultSet rs = results.get(i);
                    for (int turn = 0; turn < 1000 && !done[i]; turn++) {
                        if (!rs.next()) {
                            done[i] = true;
                            open--;
                            break;
                        }
                        long n = rs.getLong(1);
                        if (n != rows[i] || rs.getLong(2) != n * n) {
                            throw new IllegalStateException("result set " + i + ": row " + rows[i] + " read n=" + n
                                    + " square=" + rs.getLong(2));
                        }
                        rows[i]++;
                    }
                }
            }
            for (int i = 0; i < count; i++) {
                System.out.println("resultSet=" + i + " transport="
                        + results.get(i).unwrap(AthenaResultSet.class).getResultTransport() + " rows=" + rows[i]);
                results.get(i).close();
                statements.get(i).close();
            }
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        ReadAheadBudget budget = ReadAheadBudget.shared();
        System.out.println("budgetFree=" + budget.availableBytes() + " budget=" + budget.capacityBytes()
                + " peakHeapBytes=" + peak);
    }
}
