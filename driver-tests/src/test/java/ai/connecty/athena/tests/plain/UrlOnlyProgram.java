package ai.connecty.athena.tests.plain;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A user's program whose credentials come from the environment (a profile, the default chain), not from it: only
 * the URL is given. Arguments: URL, SQL; prints the first column of every row. A failure prints its SQLState and
 * message on lines of their own and exits with status 3, so that a test can tell it from a crash.
 */
public final class UrlOnlyProgram {

    private UrlOnlyProgram() {
    }

    public static void main(String[] args) {
        try (Connection connection = DriverManager.getConnection(args[0]);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(args[1])) {
            while (rs.next()) {
                System.out.println(rs.getString(1));
            }
        } catch (SQLException e) {
            System.out.println("SQLState: " + e.getSQLState());
            System.out.println("Message: " + e.getMessage());
            System.exit(3);
        }
    }
}
