package ai.connecty.athena.local.engine;

import ai.connecty.athena.local.catalog.DataCatalog;
import ai.connecty.athena.local.sql.Identifiers;
import ai.connecty.athena.local.sql.SqlStatement;
import ai.connecty.athena.local.sql.TableColumns;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/** What a running statement needs: its execution, the shared warehouse and the access checks. */
final class QueryContext {

    final QueryExecution execution;
    final Warehouse warehouse;
    final AccessChecks access;
    final String engineQueryId;

    QueryContext(QueryExecution execution, Warehouse warehouse, String engineQueryId) {
        this.execution = execution;
        this.warehouse = warehouse;
        this.access = new AccessChecks(warehouse);
        this.engineQueryId = engineQueryId;
    }

    QueryRequest request() {
        return execution.request();
    }

    String sql() {
        return execution.request().statement();
    }

    /** The statement as parsed once at StartQueryExecution. */
    SqlStatement statement() {
        return execution.request().parsed();
    }

    /** Catalog as the engine names it in messages: lower case, AwsDataCatalog when omitted. */
    String catalogName() {
        String c = request().catalog();
        return c == null ? DataCatalog.AWS_DATA_CATALOG.engineName() : c.toLowerCase(Locale.ROOT);
    }

    /** Athena runs in database {@code default} when the context names none. */
    String databaseName() {
        String d = request().database();
        return d == null ? "default" : d.toLowerCase(Locale.ROOT);
    }

    /**
     * The declared columns of the tables the statement names, resolved where its table names are, and the
     * temporary tables read for information_schema's, an Iceberg table's metadata tables and its earlier snapshots.
     */
    TableColumns tableColumns() {
        return informationSchema().over(new IcebergTableReads(this).over(
                warehouse.columnsIn(request().catalog(), databaseName())));
    }

    /** The statement's names of information_schema tables, resolved in its context. */
    InformationSchemaReads informationSchema() {
        return new InformationSchemaReads(warehouse.catalog(), request().catalog(), databaseName());
    }

    /** The information_schema tables the statement reads (none on the Hive path, which has no tree). */
    java.util.Set<InformationSchemaReads.Ref> informationSchemaTables() {
        if (statement().tree() == null) {
            return java.util.Set.of();
        }
        return informationSchema().referenced(statement().tree(), statement().parameterExpressions());
    }

    /**
     * The table a statement writes or changes, named by {@code parts} in the statement's context, with the right to
     * read its definition (the target is read from Glue like any table a statement names); TABLE_NOT_FOUND at
     * {@code position} ({@code "line 1:13: "}) where it does not exist.
     */
    ResolvedTable targetTable(java.util.List<String> parts, String position) {
        ResolvedTable target = warehouse.resolve(parts, request().catalog(), databaseName())
                .orElseThrow(() -> QueryFailedException.engine("TABLE_NOT_FOUND: " + position + "Table '"
                        + catalogName() + "." + (parts.size() > 1 ? parts.get(parts.size() - 2) : databaseName()) + "."
                        + parts.get(parts.size() - 1) + "' does not exist", 2, 1301));
        access.requireDefinition(request().caller(), target);
        return target;
    }

    DataCatalog catalog() {
        return warehouse.catalogOrDefault(request().catalog());
    }

    /** A DuckDB connection registered for cancellation and positioned on the context database when it exists. */
    Connection openConnection() throws SQLException {
        InterruptibleConnection.Tracked tracked = InterruptibleConnection.wrap(warehouse.engine().newConnection());
        Connection c = tracked.connection();
        if (!execution.attachConnection(tracked.handle())) {
            c.close();
            throw new QueryCancelledException();
        }
        if (warehouse.catalog().catalog(request().catalog() == null ? "AwsDataCatalog" : request().catalog()).isPresent()) {
            // Without the context database, stay in the catalog anyway so that db.table names resolve in it.
            String schema = warehouse.catalog().database(catalog().name(), databaseName()).isPresent()
                    ? databaseName() : "main";
            try (Statement s = c.createStatement()) {
                s.execute("USE " + Identifiers.quote(catalog().engineName()) + "." + Identifiers.quote(schema));
            }
        }
        var infoTables = informationSchemaTables();
        if (!infoTables.isEmpty()) {
            try {
                // One snapshot of the catalog for all of the statement's information_schema tables.
                warehouse.underCatalogLock(() -> {
                    informationSchema().fill(c, infoTables,
                            cat -> access.informationSchemaVisibility(request().caller(), cat));
                    return null;
                });
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
        }
        return c;
    }

    void checkNotCancelled() {
        if (execution.state().isFinal()) {
            throw new QueryCancelledException();
        }
    }

    /** Thrown to abandon work for a query that was stopped meanwhile. */
    static final class QueryCancelledException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        QueryCancelledException() {
            super("cancelled", null, false, false);
        }
    }
}
