package ai.connecty.athena.tests.plain;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.Executors;

/**
 * A HikariCP pool of one connection, read-only, validated on every borrow (run with
 * {@code -Dcom.zaxxer.hikari.aliveBypassWindowMs=0}): Hikari then calls setNetworkTimeout, isValid and
 * setReadOnly around each use. Arguments: URL, user, password, borrows. Prints one line per borrow.
 */
public final class PooledProgram {

    private PooledProgram() {
    }

    public static void main(String[] args) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setUsername(args[1]);
        config.setPassword(args[2]);
        config.setMaximumPoolSize(1);
        config.setReadOnly(true);
        config.setValidationTimeout(1000);
        int borrows = Integer.parseInt(args[3]);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            for (int i = 1; i <= borrows; i++) {
                try (Connection connection = pool.getConnection();
                     Statement statement = connection.createStatement();
                     ResultSet rs = statement.executeQuery("SELECT " + i)) {
                    rs.next();
                    System.out.println("borrow " + i + " read-only=" + connection.isReadOnly() + " valid="
                            + connection.isValid(1) + " result=" + rs.getInt(1));
                }
            }
            try (Connection connection = pool.getConnection()) {
                connection.setNetworkTimeout(Executors.newSingleThreadExecutor(), 1234);
                System.out.println("network timeout " + connection.getNetworkTimeout());
                try (Statement statement = connection.createStatement();
                     ResultSet rs = statement.executeQuery("SELECT 'after timeout change'")) {
                    rs.next();
                    System.out.println(rs.getString(1));
                }
            }
            System.out.println("pool total connections " + pool.getHikariPoolMXBean().getTotalConnections());
        }
    }
}
