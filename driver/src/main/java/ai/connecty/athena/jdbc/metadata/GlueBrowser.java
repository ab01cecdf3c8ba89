package ai.connecty.athena.jdbc.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.Database;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GetDatabasesResponse;
import software.amazon.awssdk.services.glue.model.GetTablesResponse;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * The Glue Data Catalog of the caller's account (Athena's AwsDataCatalog). Glue is preferred there: it is what the
 * customer guide's policy grants, it pages 100 tables at a time, and an exact name is one GetTable call.
 */
final class GlueBrowser implements CatalogBrowser {
    private final GlueClient glue;

    GlueBrowser(GlueClient glue) {
        this.glue = glue;
    }

    @Override
    public List<String> databases(String catalog) {
        List<String> names = new ArrayList<>();
        for (GetDatabasesResponse page : glue.getDatabasesPaginator(b -> { })) {
            for (Database database : page.databaseList()) {
                names.add(database.name());
            }
        }
        return names;
    }

    @Override
    public List<TableEntry> tables(String catalog, String database, NamePattern tableNames) {
        List<TableEntry> tables = new ArrayList<>();
        try {
            Optional<String> exact = tableNames.exactName();
            if (exact.isPresent()) {
                tables.add(entry(glue.getTable(b -> b.databaseName(database).name(exact.get())).table()));
                return tables;
            }
            for (GetTablesResponse page : glue.getTablesPaginator(b -> b.databaseName(database))) {
                for (Table table : page.tableList()) {
                    if (tableNames.matches(table.name())) {
                        tables.add(entry(table));
                    }
                }
            }
        } catch (EntityNotFoundException e) {
            tables.clear();
        }
        return tables;
    }

    private static TableEntry entry(Table table) {
        List<TableEntry.ColumnEntry> columns = new ArrayList<>();
        if (table.storageDescriptor() != null) {
            addColumns(columns, table.storageDescriptor().columns());
        }
        addColumns(columns, table.partitionKeys());
        return new TableEntry(table.name(), table.tableType(), table.description(), columns);
    }

    private static void addColumns(List<TableEntry.ColumnEntry> target, List<Column> columns) {
        for (Column column : columns) {
            target.add(new TableEntry.ColumnEntry(column.name(), column.type(), column.comment()));
        }
    }
}
