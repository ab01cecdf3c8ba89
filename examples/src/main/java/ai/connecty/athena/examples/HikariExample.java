package ai.connecty.athena.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A HikariCP pool over the driver. Athena connections are cheap (no socket of their own until a call), so a
 * small pool is plenty; validation uses {@code Connection.isValid}, which makes no AWS call. Run: {@code java -cp
 * 'examples/target/classes:examples/target/lib/*' ai.connecty.athena.examples.HikariExample [url]}.
 */
public final class HikariExample {

    private HikariExample() {
    }

    public static void main(String[] args) throws SQLException {
        run(LocalSetup.url(args), System.out);
    }

    static void run(String url, PrintStream out) throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(LocalSetup.user());
        config.setPassword(LocalSetup.password());
        config.setMaximumPoolSize(4);
        config.setPoolName("athena");
        try (HikariDataSource pool = new HikariDataSource(config);
             Connection connection = pool.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT product, count(*) AS sales FROM demo.sales "
                     + "GROUP BY product ORDER BY product")) {
            while (rs.next()) {
                out.println(rs.getString("product") + ": " + rs.getLong("sales"));
            }
        }
    }
}
