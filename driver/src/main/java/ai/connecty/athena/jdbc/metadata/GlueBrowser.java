package ai.connecty.athena.jdbc.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.Database;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GetDatabasesResponse;
import software.amazon.awssdk.services.glue.model.GetTablesResponse;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * The Glue Data Catalog of the caller's account (Athena's AwsDataCatalog). Glue is preferred there: it is what the
 * customer guide's policy grants, it pages 100 tables at a time with their columns, it filters names on the server
 * ({@code Expression}), and an exact name is one GetTable call.
 */
final class GlueBrowser implements CatalogBrowser {
    private static final String ICEBERG_FIELD_CURRENT = "iceberg.field.current";

    /** The connection's Glue client, asked for at each call: the connection builds it on the first. */
    private final Supplier<GlueClient> glue;
    private final Supplier<AwsRequestOverrideConfiguration> timeout;

    /** @param timeout each request's override for the connection's network timeout as it is then */
    GlueBrowser(Supplier<GlueClient> glue, Supplier<AwsRequestOverrideConfiguration> timeout) {
        this.glue = glue;
        this.timeout = timeout;
    }

    @Override
    public List<String> databases(String catalog) {
        List<String> names = new ArrayList<>();
        for (GetDatabasesResponse page : glue.get().getDatabasesPaginator(b -> b.overrideConfiguration(timeout.get()))) {
            for (Database database : page.databaseList()) {
                names.add(database.name());
            }
        }
        return names;
    }

    @Override
    public List<TableEntry> tables(String catalog, String database, String expression) {
        List<TableEntry> tables = new ArrayList<>();
        try {
            for (GetTablesResponse page : glue.get().getTablesPaginator(b -> b.databaseName(database).expression(expression)
                    .overrideConfiguration(timeout.get()))) {
                for (Table table : page.tableList()) {
                    tables.add(entry(table));
                }
            }
        } catch (EntityNotFoundException e) {
            tables.clear();
        }
        return tables;
    }

    @Override
    public Optional<TableEntry> table(String catalog, String database, String name) {
        try {
            return Optional.of(entry(glue.get().getTable(b -> b.databaseName(database).name(name).overrideConfiguration(timeout.get())).table()));
        } catch (EntityNotFoundException e) {
            return Optional.empty();
        }
    }

    private static TableEntry entry(Table table) {
        List<TableEntry.ColumnEntry> columns = new ArrayList<>();
        if (table.storageDescriptor() != null) {
            addColumns(columns, table.storageDescriptor().columns());
        }
        addColumns(columns, table.partitionKeys());
        return new TableEntry(table.name(), table.tableType(), comment(table.description(), table.parameters()),
                columns);
    }

    /**
     * Glue's console writes a table's description to {@code Description}; Athena's DDL ({@code COMMENT '...'})
     * writes it to the {@code comment} table parameter. The description wins when both are set.
     */
    static String comment(String description, Map<String, String> parameters) {
        if (description != null && !description.isEmpty()) {
            return description;
        }
        return parameters == null ? null : parameters.get("comment");
    }

    /**
     * Iceberg's Glue catalog (Spark, Glue jobs) keeps the columns of a table's earlier schemas in Glue, marked
     * {@code iceberg.field.current=false}; Athena reads the current schema only, so they are no columns of the table.
     */
    private static void addColumns(List<TableEntry.ColumnEntry> target, List<Column> columns) {
        for (Column column : columns) {
            if ("false".equalsIgnoreCase(column.parameters().get(ICEBERG_FIELD_CURRENT))) {
                continue;
            }
            target.add(new TableEntry.ColumnEntry(column.name(), column.type(), column.comment()));
        }
    }
}
