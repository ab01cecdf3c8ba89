package ai.connecty.athena.examples;

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

    private static final String LOCAL_URL = "jdbc:connecty-athena://Region=us-east-1;"
            + "EndpointOverride=http://127.0.0.1:4566;RoleArn=arn:aws:iam::123456789012:role/connecty-athena;"
            + "OutputLocation=s3://athena-results/;WorkGroup=primary";

    private PlainJdbcExample() {
    }

    public static void main(String[] args) throws SQLException {
        String url = args.length > 0 ? args[0] : LOCAL_URL;
        // The access key pair of the service account: JDBC user and password.
        try (Connection connection = DriverManager.getConnection(url, "AKIAIOSFODNN7EXAMPLE",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT country, count(*) AS customers FROM demo.customers "
                     + "GROUP BY country ORDER BY country")) {
            while (rs.next()) {
                System.out.println(rs.getString("country") + ": " + rs.getLong("customers"));
            }
        }
    }
}
