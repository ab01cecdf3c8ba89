package ai.connecty.athena.examples;

import java.io.PrintStream;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Browses the catalog the way a SQL tool's navigator does: catalogs, databases, tables, columns. */
final class MetadataTour {

    private static final int MAX_ROWS = 50;

    private final DatabaseMetaData metaData;
    private final PrintStream out;

    MetadataTour(DatabaseMetaData metaData, PrintStream out) {
        this.metaData = metaData;
        this.out = out;
    }

    void catalogs() throws SQLException {
        heading("Data catalogs (DatabaseMetaData.getCatalogs)");
        try (ResultSet rs = metaData.getCatalogs()) {
            print(ResultTable.read(rs, List.of("TABLE_CAT"), MAX_ROWS));
        }
    }

    void schemas(String catalog) throws SQLException {
        heading("Databases of " + catalog + " (getSchemas)");
        try (ResultSet rs = metaData.getSchemas(catalog, null)) {
            print(ResultTable.read(rs, List.of("TABLE_CATALOG", "TABLE_SCHEM"), MAX_ROWS));
        }
    }

    void tables(String catalog, String schema) throws SQLException {
        heading("Tables of " + catalog + "." + schema + " (getTables)");
        try (ResultSet rs = metaData.getTables(catalog, schema, "%", null)) {
            print(ResultTable.read(rs, List.of("TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE"), MAX_ROWS));
        }
    }

    void columns(String catalog, String schema, String table) throws SQLException {
        heading("Columns of " + catalog + "." + schema + "." + table + " (getColumns)");
        try (ResultSet rs = metaData.getColumns(catalog, schema, table, "%")) {
            print(ResultTable.read(rs,
                    List.of("ORDINAL_POSITION", "COLUMN_NAME", "TYPE_NAME", "COLUMN_SIZE", "DECIMAL_DIGITS"), MAX_ROWS));
        }
    }

    /** Whether {@code catalog} has a database called {@code schema}. */
    boolean hasSchema(String catalog, String schema) throws SQLException {
        try (ResultSet rs = metaData.getSchemas(catalog, schema)) {
            return rs.next();
        }
    }

    private void heading(String title) {
        out.println();
        out.println("== " + title);
    }

    private void print(ResultTable table) {
        table.print(out);
        out.println(StatementRunner.plural(table.rowCount(), "row"));
    }
}
