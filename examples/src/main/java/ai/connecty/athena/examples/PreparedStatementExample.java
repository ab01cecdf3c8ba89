package ai.connecty.athena.examples;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Parameters through {@link PreparedStatement}: the values travel as Athena execution parameters, never pasted
 * into the SQL text. Run: {@code java -cp 'examples/target/classes:examples/target/lib/*'
 * ai.connecty.athena.examples.PreparedStatementExample [url]}.
 */
public final class PreparedStatementExample {

    private PreparedStatementExample() {
    }

    public static void main(String[] args) throws SQLException {
        run(LocalSetup.url(args), System.out);
    }

    static void run(String url, PrintStream out) throws SQLException {
        String sql = "SELECT id, name FROM demo.customers WHERE country = ? AND id < ? ORDER BY id";
        try (Connection connection = DriverManager.getConnection(url, LocalSetup.user(), LocalSetup.password());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (String country : new String[] {"DE", "JP"}) {
                statement.setString(1, country);
                statement.setInt(2, 100);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        out.println(country + " " + rs.getInt("id") + " " + rs.getString("name"));
                    }
                }
            }
        }
    }
}
