package ai.connecty.athena.tests.plain;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A user's program: nothing but {@code java.sql}. The driver is found by {@link DriverManager} through its
 * service file. Arguments: URL, user, password, SQL; prints the first column of every row.
 */
public final class PlainJavaProgram {

    private PlainJavaProgram() {
    }

    public static void main(String[] args) throws SQLException {
        try (Connection connection = DriverManager.getConnection(args[0], args[1], args[2]);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(args[3])) {
            while (rs.next()) {
                System.out.println(rs.getString(1));
            }
        }
    }
}
