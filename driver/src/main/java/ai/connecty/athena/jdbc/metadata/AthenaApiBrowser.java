package ai.connecty.athena.jdbc.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.Column;
import software.amazon.awssdk.services.athena.model.MetadataException;
import software.amazon.awssdk.services.athena.model.TableMetadata;

/**
 * Any data catalog through Athena's own catalog calls (ListDatabases, ListTableMetadata): the only way to see
 * HIVE, LAMBDA and FEDERATED catalogs. GetTableMetadata is not used because the customer guide's policy does
 * not grant it; an exact name is a ListTableMetadata narrowed by an {@code Expression} instead, so it never pages
 * the whole database.
 */
final class AthenaApiBrowser implements CatalogBrowser {
    private final AthenaClient athena;
    private final String workGroup;
    private final Supplier<AwsRequestOverrideConfiguration> timeout;

    /** @param timeout each request's override for the connection's network timeout as it is then */
    AthenaApiBrowser(AthenaClient athena, String workGroup, Supplier<AwsRequestOverrideConfiguration> timeout) {
        this.athena = athena;
        this.workGroup = workGroup;
        this.timeout = timeout;
    }

    @Override
    public List<String> databases(String catalog) {
        List<String> names = new ArrayList<>();
        athena.listDatabasesPaginator(b -> b.catalogName(catalog).workGroup(workGroup)
                        .overrideConfiguration(timeout.get())).databaseList()
                .forEach(database -> names.add(database.name()));
        return names;
    }

    @Override
    public List<TableEntry> tables(String catalog, String database, String expression) {
        List<TableEntry> tables = new ArrayList<>();
        try {
            for (TableMetadata table : athena.listTableMetadataPaginator(b -> b.catalogName(catalog)
                    .databaseName(database).expression(expression).workGroup(workGroup)
                    .overrideConfiguration(timeout.get())).tableMetadataList()) {
                tables.add(entry(table));
            }
        } catch (MetadataException e) {
            // Athena reports an unknown database as a MetadataException wrapping Glue's EntityNotFoundException.
            String message = String.valueOf(e.getMessage());
            if (!message.contains("EntityNotFound") && !message.toLowerCase(Locale.ROOT).contains("not found")) {
                throw e;
            }
            tables.clear();
        }
        return tables;
    }

    @Override
    public Optional<TableEntry> table(String catalog, String database, String name) {
        String expression = NamePattern.of(escapeWildcards(name)).serverExpression().orElse(null);
        for (TableEntry entry : tables(catalog, database, expression)) {
            if (entry.name().equalsIgnoreCase(name)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    private static String escapeWildcards(String name) {
        return name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static TableEntry entry(TableMetadata table) {
        List<TableEntry.ColumnEntry> columns = new ArrayList<>();
        addColumns(columns, table.columns());
        addColumns(columns, table.partitionKeys());
        return new TableEntry(table.name(), table.tableType(), GlueBrowser.comment(null, table.parameters()), columns);
    }

    private static void addColumns(List<TableEntry.ColumnEntry> target, List<Column> columns) {
        for (Column column : columns) {
            target.add(new TableEntry.ColumnEntry(column.name(), column.type(), column.comment()));
        }
    }
}
