package ai.connecty.athena.tests.plain;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.Properties;

/**
 * The calls DBeaver makes, in its order: driver properties for the connection dialog, connect, session setup,
 * metadata for the navigator (catalogs, schemas, table types, tables, columns, keys, indexes), then the data
 * editor's query with a row limit. Arguments: URL, user, password. Prints what a user would see.
 */
public final class DbeaverLikeProgram {

    private DbeaverLikeProgram() {
    }

    public static void main(String[] args) throws Exception {
        Driver driver = DriverManager.getDriver(args[0]);
        StringBuilder names = new StringBuilder();
        for (DriverPropertyInfo info : driver.getPropertyInfo(args[0], new Properties())) {
            names.append(info.name).append(' ');
        }
        System.out.println("properties " + names.toString().trim());
        Properties login = new Properties();
        login.setProperty("user", args[1]);
        login.setProperty("password", args[2]);
        try (Connection connection = driver.connect(args[0], login)) {
            connection.setClientInfo("ApplicationName", "DBeaver-like");
            connection.setAutoCommit(true);
            System.out.println("session autocommit=" + connection.getAutoCommit() + " isolation="
                    + connection.getTransactionIsolation() + " readOnly=" + connection.isReadOnly() + " catalog="
                    + connection.getCatalog() + " schema=" + connection.getSchema());
            DatabaseMetaData meta = connection.getMetaData();
            System.out.println("product " + meta.getDatabaseProductName() + " driver " + meta.getDriverName() + " "
                    + meta.getDriverVersion() + " quote " + meta.getIdentifierQuoteString());
            meta.getSQLKeywords();
            meta.supportsSchemasInTableDefinitions();
            meta.supportsCatalogsInTableDefinitions();
            System.out.println("catalogs " + column(meta.getCatalogs(), "TABLE_CAT"));
            System.out.println("schemas " + column(meta.getSchemas("AwsDataCatalog", null), "TABLE_SCHEM"));
            System.out.println("table types " + column(meta.getTableTypes(), "TABLE_TYPE"));
            System.out.println("tables " + column(meta.getTables("AwsDataCatalog", "demo", null, null), "TABLE_NAME"));
            System.out.println("columns " + column(meta.getColumns("AwsDataCatalog", "demo", "customers", null),
                    "COLUMN_NAME"));
            System.out.println("primary keys " + column(meta.getPrimaryKeys("AwsDataCatalog", "demo", "customers"),
                    "COLUMN_NAME"));
            System.out.println("imported keys " + column(meta.getImportedKeys("AwsDataCatalog", "demo", "customers"),
                    "FKCOLUMN_NAME"));
            System.out.println("indexes " + column(meta.getIndexInfo("AwsDataCatalog", "demo", "customers", false,
                    true), "INDEX_NAME"));
            try (Statement statement = connection.createStatement()) {
                statement.setMaxRows(3);
                statement.setFetchSize(200);
                boolean hasRows = statement.execute("SELECT * FROM demo.customers ORDER BY id");
                try (ResultSet rs = statement.getResultSet()) {
                    ResultSetMetaData columns = rs.getMetaData();
                    StringBuilder header = new StringBuilder();
                    for (int i = 1; i <= columns.getColumnCount(); i++) {
                        header.append(columns.getColumnLabel(i)).append(':').append(columns.getColumnTypeName(i))
                                .append(' ');
                    }
                    System.out.println("result " + hasRows + " " + header.toString().trim());
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= columns.getColumnCount(); i++) {
                            row.append(rs.getObject(i)).append(' ');
                        }
                        System.out.println("row " + row.toString().trim());
                    }
                }
                System.out.println("update count " + statement.getUpdateCount() + " more " + statement.getMoreResults());
            }
        }
    }

    private static String column(ResultSet rs, String name) throws Exception {
        StringBuilder values = new StringBuilder("[");
        try (rs) {
            while (rs.next()) {
                values.append(values.length() > 1 ? ", " : "").append(rs.getString(name));
            }
        }
        return values.append(']').toString();
    }
}
