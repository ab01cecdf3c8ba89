package ai.connecty.athena.examples;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The smallest program using the driver: only {@code java.sql}, the driver jar on the class path, and a URL.
 * Start athena-local first ({@code java -jar athena-local/target/connecty-athena-local.jar}), or pass the URL of
 * your own Athena as the first argument.
 */
public final class PlainJdbcExample {

    private PlainJdbcExample() {
    }

    public static void main(String[] args) throws SQLException {
        run(LocalSetup.url(args), System.out);
    }

    static void run(String url, PrintStream out) throws SQLException {
        // The access key pair of the service account: JDBC user and password.
        try (Connection connection = DriverManager.getConnection(url, LocalSetup.user(), LocalSetup.password());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT country, count(*) AS customers FROM demo.customers "
                     + "GROUP BY country ORDER BY country")) {
            while (rs.next()) {
                out.println(rs.getString("country") + ": " + rs.getLong("customers"));
            }
        }
    }
}
