package ai.connecty.athena.tests.plain;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.Properties;

/**
 * A user's program that prints everything a user could paste into a bug report: the objects' toString(), every
 * SQLException (with its causes and stack) and SQLWarning, and the driver's property info. It succeeds, fails
 * a query and then connects with a wrong secret. Arguments: URL without credentials, access key id, secret
 * access key, a wrong secret access key. Ends with {@value #DONE} when everything ran.
 */
public final class DiagnosticsProgram {

    public static final String DONE = "DIAGNOSTICS DONE";

    private DiagnosticsProgram() {
    }

    public static void main(String[] args) throws SQLException {
        String url = args[0];
        Properties credentials = credentials(args[1], args[2]);
        try (Connection connection = DriverManager.getConnection(url, credentials)) {
            System.out.println("connection: " + connection);
            printWarnings("connection", connection.getWarnings());
            try (Statement statement = connection.createStatement()) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM demo.sales")) {
                    rows.next();
                    System.out.println("sales rows: " + rows.getLong(1));
                    printWarnings("result set", rows.getWarnings());
                }
                System.out.println("statement: " + statement);
                printWarnings("statement", statement.getWarnings());
                runExpectingFailure(statement, "SELECT * FROM demo.no_such_table");
            }
        }

        Driver driver = DriverManager.getDriver(url);
        for (DriverPropertyInfo info : driver.getPropertyInfo(url, credentials)) {
            System.out.println("property " + info.name + "=" + info.value);
        }

        // The connect-time credentials check refuses the wrong secret.
        System.out.println("connection with a wrong secret: ");
        try (Connection wrong = DriverManager.getConnection(url, credentials(args[1], args[3]))) {
            System.out.println("unexpected success of connecting with a wrong secret: " + wrong);
        } catch (SQLException e) {
            printFailure(e);
        }
        System.out.println(DONE);
    }

    private static Properties credentials(String accessKeyId, String secretAccessKey) {
        Properties properties = new Properties();
        properties.setProperty("User", accessKeyId);
        properties.setProperty("Password", secretAccessKey);
        return properties;
    }

    private static void runExpectingFailure(Statement statement, String sql) {
        try (ResultSet ignored = statement.executeQuery(sql)) {
            System.out.println("unexpected success of " + sql);
        } catch (SQLException e) {
            printFailure(e);
        }
    }

    private static void printFailure(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            System.out.println("SQLException " + next.getSQLState() + ": " + next.getMessage());
            next.printStackTrace(System.out);
        }
    }

    private static void printWarnings(String source, SQLWarning warnings) {
        for (SQLWarning warning = warnings; warning != null; warning = warning.getNextWarning()) {
            System.out.println("SQLWarning on " + source + ": " + warning.getMessage());
        }
    }
}
