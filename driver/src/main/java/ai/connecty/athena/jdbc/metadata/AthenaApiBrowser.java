package ai.connecty.athena.jdbc.metadata;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.Column;
import software.amazon.awssdk.services.athena.model.MetadataException;
import software.amazon.awssdk.services.athena.model.TableMetadata;

/**
 * Any data catalog through Athena's own catalog calls (ListDatabases, ListTableMetadata): the only way to see
 * HIVE, LAMBDA and FEDERATED catalogs. GetTableMetadata is not used because the customer guide's policy does
 * not grant it, so exact names are filtered from the listing too.
 */
final class AthenaApiBrowser implements CatalogBrowser {
    private final AthenaClient athena;
    private final String workGroup;

    AthenaApiBrowser(AthenaClient athena, String workGroup) {
        this.athena = athena;
        this.workGroup = workGroup;
    }

    @Override
    public List<String> databases(String catalog) {
        List<String> names = new ArrayList<>();
        athena.listDatabasesPaginator(b -> b.catalogName(catalog).workGroup(workGroup)).databaseList()
                .forEach(database -> names.add(database.name()));
        return names;
    }

    @Override
    public List<TableEntry> tables(String catalog, String database, NamePattern tableNames) {
        List<TableEntry> tables = new ArrayList<>();
        try {
            for (TableMetadata table : athena.listTableMetadataPaginator(b -> b.catalogName(catalog)
                    .databaseName(database).workGroup(workGroup)).tableMetadataList()) {
                if (tableNames.matches(table.name())) {
                    tables.add(entry(table));
                }
            }
        } catch (MetadataException e) {
            // Athena reports an unknown database as a MetadataException wrapping Glue's EntityNotFoundException.
            if (!String.valueOf(e.getMessage()).contains("EntityNotFound")
                    && !String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("not found")) {
                throw e;
            }
            tables.clear();
        }
        return tables;
    }

    private static TableEntry entry(TableMetadata table) {
        List<TableEntry.ColumnEntry> columns = new ArrayList<>();
        addColumns(columns, table.columns());
        addColumns(columns, table.partitionKeys());
        String comment = table.parameters() == null ? null : table.parameters().get("comment");
        return new TableEntry(table.name(), table.tableType(), comment, columns);
    }

    private static void addColumns(List<TableEntry.ColumnEntry> target, List<Column> columns) {
        for (Column column : columns) {
            target.add(new TableEntry.ColumnEntry(column.name(), column.type(), column.comment()));
        }
    }
}
