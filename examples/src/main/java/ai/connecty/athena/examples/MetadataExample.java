package ai.connecty.athena.examples;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Browsing with {@link DatabaseMetaData}, as SQL tools do: catalogs (Athena data catalogs), schemas (databases),
 * tables and columns. Glue catalogs are read through Glue, others through Athena's catalog APIs. Run: {@code java
 * -cp 'examples/target/classes:examples/target/lib/*' ai.connecty.athena.examples.MetadataExample [url]}.
 */
public final class MetadataExample {

    private MetadataExample() {
    }

    public static void main(String[] args) throws SQLException {
        run(LocalSetup.url(args), System.out);
    }

    static void run(String url, PrintStream out) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, LocalSetup.user(), LocalSetup.password())) {
            DatabaseMetaData metaData = connection.getMetaData();
            out.println(metaData.getDatabaseProductName() + " via " + metaData.getDriverName() + " "
                    + metaData.getDriverVersion());
            try (ResultSet catalogs = metaData.getCatalogs()) {
                while (catalogs.next()) {
                    out.println("catalog " + catalogs.getString("TABLE_CAT"));
                }
            }
            try (ResultSet schemas = metaData.getSchemas("AwsDataCatalog", null)) {
                while (schemas.next()) {
                    out.println("schema " + schemas.getString("TABLE_SCHEM"));
                }
            }
            try (ResultSet tables = metaData.getTables("AwsDataCatalog", "demo", "%", null)) {
                while (tables.next()) {
                    out.println("table demo." + tables.getString("TABLE_NAME") + " " + tables.getString("TABLE_TYPE"));
                }
            }
            try (ResultSet columns = metaData.getColumns("AwsDataCatalog", "demo", "customers", "%")) {
                while (columns.next()) {
                    out.println("column customers." + columns.getString("COLUMN_NAME") + " "
                            + columns.getString("TYPE_NAME") + " (java.sql.Types " + columns.getInt("DATA_TYPE") + ")");
                }
            }
        }
    }
}
