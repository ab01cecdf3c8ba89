package ai.connecty.athena.local.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes many empty tables into a data directory's catalog before athena-local starts there, in one write of
 * the catalog file: how tests and benchmarks get a database of thousands of tables in a second instead of
 * running thousands of CREATE TABLE statements. Each table {@code <prefix><n>} (n zero-padded to 4 digits) has
 * three columns, the table comment {@code table <n>} and an S3 location without files, so queries read no rows.
 */
public final class SyntheticTables {
    private SyntheticTables() {
    }

    /** Creates the database if missing and adds {@code count} tables to it; existing tables of those names are replaced. */
    public static void seed(Path dataDir, String catalog, String database, String prefix, int count) {
        CatalogStore store = new CatalogStore(dataDir, List.of(DataCatalog.AWS_DATA_CATALOG, DataCatalog.LAKEHOUSE));
        double now = System.currentTimeMillis() / 1000.0;
        if (store.database(catalog, database).isEmpty()) {
            store.putDatabase(catalog, new DatabaseDef(database.toLowerCase(Locale.ROOT), "", "", Map.of(), now));
        }
        List<TableDef> tables = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = String.format(Locale.ROOT, "%s%04d", prefix, i);
            List<ColumnDef> columns = List.of(new ColumnDef("id", "bigint", "row id"), new ColumnDef("name", "string", ""),
                    new ColumnDef("amount", "decimal(10,2)", ""));
            tables.add(new TableDef(database, name, TableDef.EXTERNAL_TABLE, columns, List.of(),
                    "s3://demo-data/synthetic/" + database + "/" + name + "/", TableDef.TEXT_INPUT, TableDef.TEXT_OUTPUT,
                    TableDef.LAZY_SIMPLE_SERDE, Map.of("field.delim", ","), Map.of("EXTERNAL", "TRUE", "comment", "table " + i),
                    null, null, now, null));
        }
        store.putTables(catalog, tables);
    }
}
