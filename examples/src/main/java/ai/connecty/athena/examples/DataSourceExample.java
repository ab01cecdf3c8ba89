package ai.connecty.athena.examples;

import ai.connecty.athena.jdbc.AthenaDataSource;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Configuring the driver as a {@link javax.sql.DataSource}, the way connection pools and application servers
 * do it: one setter per connection property. Needs athena-local on port 4566
 * ({@code java -jar athena-local/target/connecty-athena-local.jar}).
 */
public final class DataSourceExample {

    private DataSourceExample() {
    }

    public static void main(String[] args) throws SQLException {
        run(args.length > 0 ? args[0] : "http://127.0.0.1:4566", System.out);
    }

    /** @param endpoint athena-local's endpoint */
    static void run(String endpoint, PrintStream out) throws SQLException {
        AthenaDataSource dataSource = new AthenaDataSource();
        dataSource.setRegion("us-east-1");
        dataSource.setEndpointOverride(endpoint);
        dataSource.setUser(LocalSetup.user());
        dataSource.setPassword(LocalSetup.password());
        dataSource.setRoleArn("arn:aws:iam::123456789012:role/connecty-athena");
        dataSource.setOutputLocation("s3://athena-results/");
        dataSource.setWorkGroup("primary");
        dataSource.setDatabase("demo");

        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT name, total_amount FROM sales_by_customer "
                     + "ORDER BY total_amount DESC LIMIT 3")) {
            while (rs.next()) {
                out.println(rs.getString("name") + ": " + rs.getBigDecimal("total_amount"));
            }
        }
    }
}
