package ai.connecty.athena.tests.plain;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Reads every row of a query through typed getters and prints how many, their sum, and the peak heap used.
 * Arguments: URL, user, password, SQL (first column a bigint).
 */
public final class CountRowsProgram {

    private CountRowsProgram() {
    }

    public static void main(String[] args) throws SQLException {
        long rows = 0;
        long sum = 0;
        try (Connection connection = DriverManager.getConnection(args[0], args[1], args[2]);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(args[3])) {
            while (rs.next()) {
                sum += rs.getLong(1);
                rows++;
            }
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("rows=" + rows + " sum=" + sum + " peakHeapBytes=" + peak);
    }
}
