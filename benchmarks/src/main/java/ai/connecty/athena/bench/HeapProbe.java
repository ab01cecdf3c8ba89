package ai.connecty.athena.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Run in a JVM of its own (-Xmx128m): reads every row of a query and prints the rows, their sum and the peak of
 * the old generation (what survived collections: buffers and rows held, not the garbage of parsing).
 */
public final class HeapProbe {
    private HeapProbe() {
    }

    public static void main(String[] args) throws Exception {
        long rows = 0;
        long sum = 0;
        try (Connection c = DriverManager.getConnection(args[0]); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(args[1])) {
            while (rs.next()) {
                sum += rs.getLong(1);
                rows++;
            }
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            String name = pool.getName();
            if (pool.getType() == MemoryType.HEAP && (name.contains("Old") || name.contains("Tenured"))) {
                peak = Math.max(peak, pool.getPeakUsage().getUsed());
            }
        }
        System.out.println(rows + " " + sum + " " + peak);
    }
}
