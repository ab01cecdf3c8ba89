package ai.connecty.athena.local.engine;

import ai.connecty.athena.local.catalog.CatalogStore;
import ai.connecty.athena.local.catalog.ColumnDef;
import ai.connecty.athena.local.catalog.DataCatalog;
import ai.connecty.athena.local.catalog.DatabaseDef;
import ai.connecty.athena.local.catalog.IcebergMetadata;
import ai.connecty.athena.local.catalog.IcebergSchema;
import ai.connecty.athena.local.catalog.NamePattern;
import ai.connecty.athena.local.catalog.PartitionDef;
import ai.connecty.athena.local.catalog.PartitionScanner;
import ai.connecty.athena.local.catalog.TableDef;
import ai.connecty.athena.local.engine.ddl.DdlParser;
import ai.connecty.athena.local.engine.ddl.DdlStatement;
import ai.connecty.athena.local.engine.ddl.DdlSyntaxException;
import ai.connecty.athena.local.engine.result.ResultMetadata;
import ai.connecty.athena.local.sql.AthenaTypes;
import ai.connecty.athena.local.sql.EngineFailure;
import ai.connecty.athena.local.sql.OutputColumn;
import ai.connecty.athena.local.sql.QueryRunner;
import ai.connecty.athena.local.storage.S3Location;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Runs DDL and SHOW/DESCRIBE statements against the catalog (Athena's Hive path) and writes their {@code .txt}
 * result. Failures carry Hive's {@code FAILED: ...} wording.
 */
final class DdlExecutor {

    private static final String DDL_TASK = "FAILED: Execution Error, return code 1 from org.apache.hadoop.hive.ql.exec.DDLTask. ";

    private final QueryContext ctx;
    private final CatalogStore store;
    private final DataCatalog catalog;
    /** Athena's content type of this statement's result files: binary unless a Hive describe or change wrote text. */
    private String contentType = ResultStore.BINARY;

    DdlExecutor(QueryContext ctx) {
        this.ctx = ctx;
        this.store = ctx.warehouse.catalog();
        this.catalog = ctx.catalog();
    }

    StatementResult run() throws SQLException {
        DdlStatement statement;
        try {
            // Both paths were parsed once at StartQueryExecution: Trino's tree (CREATE VIEW), or the Hive DDL parse,
            // whose syntax error surfaces here, as the query's failure.
            statement = ctx.statement().onTrinoPath() ? TrinoStatements.header(ctx.statement())
                    : ctx.request().hive().statement();
        } catch (DdlSyntaxException e) {
            throw QueryFailedException.hive("FAILED: ParseException " + e.getMessage(), e.getMessage());
        }
        StatementResult result = ctx.warehouse.underCatalogLock(() -> execute(statement));
        write(result);
        return result;
    }

    private StatementResult execute(DdlStatement s) throws SQLException {
        if (s instanceof DdlStatement.CreateDatabase c) {
            return createDatabase(c);
        }
        if (s instanceof DdlStatement.DropDatabase d) {
            return dropDatabase(d);
        }
        if (s instanceof DdlStatement.CreateExternalTable t) {
            return createTable(t);
        }
        if (s instanceof DdlStatement.CreateView v) {
            return createView(v);
        }
        if (s instanceof DdlStatement.DropTable d) {
            return dropTable(d);
        }
        if (s instanceof DdlStatement.MsckRepair m) {
            return msck(m);
        }
        if (s instanceof DdlStatement.AddPartitions a) {
            return addPartitions(a);
        }
        if (s instanceof DdlStatement.DropPartitions d) {
            return dropPartitions(d);
        }
        if (s instanceof DdlStatement.AddColumns a) {
            contentType = ResultStore.APPLICATION;
            if (isIceberg(a.table())) {
                return evolve(a.table(), changes -> changes.add(a.columns()));
            }
            return alter(a.table(), t -> t.withColumns(concat(t.columns(), a.columns())));
        }
        if (s instanceof DdlStatement.DropColumn d) {
            return evolve(icebergOnly(d.table()), changes -> changes.drop(d.column()));
        }
        if (s instanceof DdlStatement.ChangeColumn c) {
            if (isIceberg(c.table())) {
                return evolve(c.table(), changes -> changes.change(c));
            }
            requireType(c.type());
            return alterColumns(c.table(), t -> HiveColumnChanges.change(t, c));
        }
        if (s instanceof DdlStatement.ReplaceColumns r) {
            if (isIceberg(r.table())) {
                // Athena documents REPLACE COLUMNS as unsupported for Iceberg (it would drop and re-add every column).
                throw hiveFailure("FAILED: SemanticException ALTER TABLE REPLACE COLUMNS is not supported for Iceberg "
                        + "tables; use CHANGE COLUMN", "ALTER TABLE REPLACE COLUMNS is not supported for Iceberg tables");
            }
            r.columns().forEach(col -> requireType(col.type()));
            return alterColumns(r.table(), t -> HiveColumnChanges.replace(t, r.columns()));
        }
        if (s instanceof DdlStatement.RenamePartition r) {
            return renamePartition(r);
        }
        if (s instanceof DdlStatement.SetDatabaseProperties p) {
            return setDatabaseProperties(p);
        }
        if (s instanceof DdlStatement.RenameTable r) {
            return rename(icebergOnly(r.table()), r.to());
        }
        if (s instanceof DdlStatement.UnsetTableProperties u) {
            return alter(icebergOnly(u.table()), t -> {
                Map<String, String> params = new LinkedHashMap<>(t.parameters());
                for (String key : u.keys()) {
                    IcebergProperties.requireSettable(key);
                    if (params.remove(key) == null && !u.ifExists()) {
                        throw hiveFailure(DDL_TASK + "Attempt to unset a table property that does not exist: " + key,
                                "Attempt to unset a table property that does not exist: " + key);
                    }
                }
                return t.withParameters(params);
            });
        }
        if (s instanceof DdlStatement.SetTableProperties p) {
            if (isIceberg(p.table())) {
                p.properties().keySet().forEach(IcebergProperties::requireSettable);
            }
            return alter(p.table(), t -> {
                Map<String, String> params = new LinkedHashMap<>(t.parameters());
                params.putAll(p.properties());
                return t.withParameters(params);
            });
        }
        if (s instanceof DdlStatement.SetLocation l) {
            return alter(l.table(), t -> t.withLocation(l.location()));
        }
        if (s instanceof DdlStatement.ShowDatabases d) {
            return showDatabases(d);
        }
        if (s instanceof DdlStatement.ShowTables t) {
            return showTables(t);
        }
        if (s instanceof DdlStatement.ShowViews v) {
            return showViews(v);
        }
        if (s instanceof DdlStatement.ShowColumns c) {
            return showColumns(c);
        }
        if (s instanceof DdlStatement.ShowCreate c) {
            return showCreate(c);
        }
        if (s instanceof DdlStatement.ShowPartitions p) {
            return showPartitions(p);
        }
        if (s instanceof DdlStatement.ShowTableProperties p) {
            return showProperties(p);
        }
        if (s instanceof DdlStatement.Describe d) {
            return describe(d);
        }
        if (s instanceof DdlStatement.CreateTableAs) {
            throw new IllegalStateException("CTAS runs on the engine path");
        }
        if (s instanceof DdlStatement.Insert) {
            throw new IllegalStateException("INSERT runs on the engine path");
        }
        throw new IllegalStateException("Unhandled statement " + s);
    }

    private StatementResult createDatabase(DdlStatement.CreateDatabase c) {
        if (store.database(catalog.name(), c.name()).isPresent()) {
            if (c.ifNotExists()) {
                return none();
            }
            throw hiveFailure(DDL_TASK + "Database " + c.name() + " already exists", "Database " + c.name() + " already exists");
        }
        glue(AccessChecks.Path.HIVE, "glue:CreateDatabase", c.name(), null);
        store.putDatabase(catalog.name(), new DatabaseDef(c.name(), c.comment(), c.location(), c.properties(), now()));
        ctx.warehouse.views().createSchema(catalog, c.name());
        return none();
    }

    private StatementResult dropDatabase(DdlStatement.DropDatabase d) {
        if (store.database(catalog.name(), d.name()).isEmpty()) {
            if (d.ifExists()) {
                return none();
            }
            throw missingDatabase(d.name());
        }
        if (!d.cascade() && !store.tables(catalog.name(), d.name()).isEmpty()) {
            throw hiveFailure(DDL_TASK + "InvalidOperationException(message:Database " + d.name()
                    + " is not empty. One or more tables exist.)", "Database " + d.name() + " is not empty.");
        }
        for (TableDef t : store.tables(catalog.name(), d.name())) {
            glue(AccessChecks.Path.HIVE, "glue:DeleteTable", d.name(), t.name());
        }
        glue(AccessChecks.Path.HIVE, "glue:DeleteDatabase", d.name(), null);
        List<TableDef> icebergTables = store.tables(catalog.name(), d.name()).stream()
                .filter(IcebergMetadata::isIceberg).toList();
        store.dropDatabase(catalog.name(), d.name());
        icebergTables.forEach(t -> IcebergTables.purge(ctx, t));
        ctx.warehouse.views().dropSchema(catalog, d.name());
        return none();
    }

    private StatementResult createTable(DdlStatement.CreateExternalTable t) {
        String db = database(t.table());
        requireDatabase(db);
        if (t.location() == null) {
            throw hiveFailure("FAILED: No location was specified for table. An S3 location must be specified",
                    "No location was specified for table. An S3 location must be specified");
        }
        boolean iceberg = IcebergMetadata.ICEBERG.equalsIgnoreCase(t.properties().get(IcebergMetadata.TABLE_TYPE));
        if (iceberg && t.external()) {
            // Athena's documented refusal; its exact failure text is not measured.
            throw hiveFailure("FAILED: External keyword not supported for table type ICEBERG",
                    "External keyword not supported for table type ICEBERG");
        }
        if (!iceberg && t.partitionTransforms() != null) {
            // Hive's exact refusal of an untyped partition column is not measured.
            throw hiveFailure("FAILED: ParseException partition columns need a type; PARTITIONED BY ("
                    + t.partitionTransforms() + ") without types is only for Iceberg tables",
                    "partition columns need a type");
        }
        if (!iceberg && !t.external()) {
            throw hiveFailure("FAILED: External keyword required for table type HIVE",
                    "External keyword required for table type HIVE");
        }
        if (!S3Location.isValid(t.location())) {
            throw hiveFailure("FAILED: Invalid location " + t.location() + "; use s3://bucket/prefix/",
                    "Invalid location " + t.location());
        }
        if (store.table(catalog.name(), db, t.table().name()).isPresent()) {
            if (t.ifNotExists()) {
                return none();
            }
            throw hiveFailure(DDL_TASK + "AlreadyExistsException(message:Table " + t.table().name() + " already exist)",
                    "Table " + t.table().name() + " already exists.");
        }
        if (iceberg) {
            return createIcebergTable(t, db);
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("EXTERNAL", "TRUE");
        params.put("transient_lastDdlTime", String.valueOf(Instant.now().getEpochSecond()));
        params.putAll(t.properties());
        TableDef def = new TableDef(db, t.table().name(), TableDef.EXTERNAL_TABLE, t.columns(), t.partitionKeys(),
                S3Location.parse(t.location()).asPrefix().toString(), t.inputFormat(), t.outputFormat(), t.serdeLibrary(),
                t.serdeParameters(), params, null, null, now(), ctx.request().caller().principalArn(), t.bucketing());
        for (ColumnDef c : def.allColumns()) {
            AthenaTypes.duckDbTypeForHive(c.type());
        }
        if (t.bucketing() != null) {
            for (String b : t.bucketing().columns()) {
                if (t.columns().stream().noneMatch(c -> c.name().equals(b))) {
                    // Hive's SemanticAnalyzer refusal; its exact text on Athena is not measured.
                    throw hiveFailure("FAILED: SemanticException [Error 10002]: Invalid column reference " + b,
                            "Invalid column reference " + b);
                }
            }
        }
        glue(AccessChecks.Path.HIVE, "glue:CreateTable", db, t.table().name());
        store.putTable(catalog.name(), def);
        ctx.warehouse.views().bindTable(catalog, def, List.of());
        return none();
    }

    /** Iceberg's CREATE TABLE: its first metadata file is written to the location, then the Glue table. */
    private StatementResult createIcebergTable(DdlStatement.CreateExternalTable t, String db) {
        if (!t.partitionKeys().isEmpty()) {
            // Iceberg partitions by columns of the table, named without types.
            throw hiveFailure("FAILED: Iceberg partition columns must be table columns named without a type",
                    "Iceberg partition columns must be table columns named without a type");
        }
        for (ColumnDef c : t.columns()) {
            AthenaTypes.duckDbTypeForHive(c.type());
        }
        glue(AccessChecks.Path.HIVE, "glue:CreateTable", db, t.table().name());
        S3Location root = S3Location.parse(t.location()).asPrefix();
        ctx.access.requireWrite(ctx.request().caller(), root, root.toString());
        TableDef def = IcebergTables.create(ctx, db, t.table().name(), t.columns(), root.toString(), t.properties(),
                t.partitionTransforms());
        store.putTable(catalog.name(), def);
        ctx.warehouse.views().bindTable(catalog, def, List.of());
        return none();
    }

    private StatementResult createView(DdlStatement.CreateView v) throws SQLException {
        String db = database(v.view());
        String qualified = catalog.engineName() + "." + db + "." + v.view().name();
        if (store.database(catalog.name(), db).isEmpty()) {
            throw engineFailure("SCHEMA_NOT_FOUND: line 1:1: Schema '" + db + "' does not exist", 1301);
        }
        boolean exists = store.table(catalog.name(), db, v.view().name()).isPresent();
        if (exists && !v.orReplace()) {
            throw engineFailure("TABLE_ALREADY_EXISTS: line 1:1: View '" + qualified + "' already exists", 1110);
        }
        SelectStatement.prepareQueryReads(ctx);
        if (!ctx.informationSchemaTables().isEmpty()) {
            // Athena's documentation: "You cannot use CREATE VIEW to create a view on the information_schema
            // database". Its error text is not known; the rows are the caller's, computed per statement.
            throw engineFailure("NOT_SUPPORTED: line 1:1: A view cannot read information_schema", 1200);
        }
        String select = QueryRunner.duckDbQuery(ctx.statement(), ctx.tableColumns());
        List<ColumnDef> columns = new ArrayList<>();
        List<ColumnDef> trinoColumns = new ArrayList<>();
        try (Connection conn = ctx.openConnection(); Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("DESCRIBE " + select)) {
            while (rs.next()) {
                var type = AthenaTypes.fromDuckDb(rs.getString("column_type"));
                columns.add(ColumnDef.of(rs.getString("column_name"), type.hiveName()));
                trinoColumns.add(ColumnDef.of(rs.getString("column_name"), type.trinoName()));
            }
        } catch (SQLException e) {
            throw new QueryFailedException(failureOf(EngineFailure.from(e, ctx.statement(), ctx.catalogName(), db)));
        }
        Map<String, String> params = Map.of("presto_view", "true", "comment", "Presto View");
        TableDef view = new TableDef(db, v.view().name(), TableDef.VIRTUAL_VIEW, columns, List.of(), null, null, null,
                null, null, params, v.query(), trinoColumns, now(), ctx.request().caller().principalArn());
        glue(AccessChecks.Path.ENGINE, exists ? "glue:UpdateTable" : "glue:CreateTable", db, v.view().name());
        ctx.warehouse.views().bindView(catalog, view, select);
        store.putTable(catalog.name(), view);
        return none();
    }

    private StatementResult dropTable(DdlStatement.DropTable d) {
        String db = database(d.table());
        var existing = store.table(catalog.name(), db, d.table().name());
        if (existing.isEmpty() || existing.get().isView() != d.view()) {
            if (d.ifExists()) {
                return none();
            }
            if (d.view()) {
                throw engineFailure("TABLE_NOT_FOUND: line 1:1: View '" + catalog.engineName() + "." + db + "."
                        + d.table().name() + "' does not exist", 1301);
            }
            throw missingTable(db, d.table().name());
        }
        glue(d.view() ? AccessChecks.Path.ENGINE : AccessChecks.Path.HIVE, "glue:DeleteTable", db, d.table().name());
        store.dropTable(catalog.name(), db, d.table().name());
        ctx.warehouse.views().drop(catalog, db, d.table().name());
        if (IcebergMetadata.isIceberg(existing.get())) {
            IcebergTables.purge(ctx, existing.get());
        }
        return none();
    }

    private StatementResult msck(DdlStatement.MsckRepair m) {
        TableDef t = table(m.table());
        contentType = ResultStore.APPLICATION;
        List<PartitionDef> found = new PartitionScanner(ctx.warehouse.results().buckets()).scan(t);
        List<PartitionDef> known = store.partitions(catalog.name(), t.database(), t.name());
        if (found.stream().anyMatch(f -> known.stream().noneMatch(k -> k.values().equals(f.values())))) {
            glue(AccessChecks.Path.HIVE, "glue:BatchCreatePartition", t.database(), t.name());
        }
        List<PartitionDef> added = store.addPartitions(catalog.name(), t.database(), t.name(), found);
        List<String> lines = new ArrayList<>();
        if (!added.isEmpty()) {
            StringBuilder missing = new StringBuilder("Partitions not in metastore:");
            for (PartitionDef p : added) {
                missing.append('\t').append(t.name()).append(':').append(partitionName(t, p.values()));
            }
            lines.add(missing.toString());
            for (PartitionDef p : added) {
                lines.add("Repair: Added partition to metastore " + t.name() + ":" + partitionName(t, p.values()));
            }
        }
        return StatementResult.text(List.of(), null, lines);
    }

    private StatementResult addPartitions(DdlStatement.AddPartitions a) {
        TableDef t = table(a.table());
        List<PartitionDef> existing = store.partitions(catalog.name(), t.database(), t.name());
        List<PartitionDef> defs = new ArrayList<>();
        for (DdlStatement.PartitionSpec spec : a.partitions()) {
            List<String> values = partitionValues(t, spec.values());
            if (!a.ifNotExists() && existing.stream().anyMatch(p -> p.values().equals(values))) {
                throw hiveFailure(DDL_TASK + "AlreadyExistsException(message:Partition already exists: "
                        + partitionName(t, values) + ")", "Partition already exists.");
            }
            String location = spec.location() != null ? S3Location.parse(spec.location()).asPrefix().toString()
                    : S3Location.parse(t.location()).asPrefix().child(partitionName(t, values) + "/").toString();
            defs.add(new PartitionDef(values, location, now()));
        }
        glue(AccessChecks.Path.HIVE, "glue:BatchCreatePartition", t.database(), t.name());
        store.addPartitions(catalog.name(), t.database(), t.name(), defs);
        return none();
    }

    private StatementResult dropPartitions(DdlStatement.DropPartitions d) {
        TableDef t = table(d.table());
        glue(AccessChecks.Path.HIVE, "glue:BatchDeletePartition", t.database(), t.name());
        for (DdlStatement.PartitionSpec spec : d.partitions()) {
            List<String> values = partitionValues(t, spec.values());
            if (!store.dropPartition(catalog.name(), t.database(), t.name(), values) && !d.ifExists()) {
                throw hiveFailure("FAILED: SemanticException [Error 10006]: Partition not found ("
                        + partitionName(t, values).replace('/', ',') + ")", "Partition not found");
            }
        }
        return none();
    }

    private StatementResult alter(DdlStatement.Name name, java.util.function.UnaryOperator<TableDef> change) {
        TableDef t = table(name);
        TableDef changed = change.apply(t);
        glue(AccessChecks.Path.HIVE, "glue:UpdateTable", t.database(), t.name());
        store.putTable(catalog.name(), changed);
        if (IcebergMetadata.isIceberg(changed)) {
            // The view's column list follows the schema; later reads rebind it too, but DDL's effect shows at once.
            ctx.warehouse.views().bindTable(catalog, changed, List.of());
        }
        return none();
    }

    /**
     * A Hive table's new Glue columns (CHANGE COLUMN, REPLACE COLUMNS): metadata only, as Hive changes it; the files
     * are read under the new columns by their format's rule. Views are altered with ALTER VIEW in Hive.
     */
    private StatementResult alterColumns(DdlStatement.Name name,
                                         java.util.function.Function<TableDef, List<ColumnDef>> change) {
        contentType = ResultStore.APPLICATION;
        TableDef t = table(name);
        if (t.isView()) {
            throw notAView();
        }
        List<ColumnDef> columns;
        try {
            columns = change.apply(t);
        } catch (IllegalArgumentException e) {
            throw hiveFailure(DDL_TASK + e.getMessage(), e.getMessage());
        }
        return alter(name, x -> x.withColumns(columns));
    }

    /**
     * RENAME PARTITION of a Hive table: the Glue partition gets the new values and keeps its location and files
     * (Athena's tables are external, whose partitions Hive renames in the metastore only), so a read finds the same
     * rows under the new value. Glue's client makes it one UpdatePartition call with the old values.
     */
    private StatementResult renamePartition(DdlStatement.RenamePartition r) {
        TableDef t = table(r.table());
        if (t.isView()) {
            throw notAView();
        }
        if (IcebergMetadata.isIceberg(t)) {
            throw hiveFailure("FAILED: ParseException " + DdlParser.UNSUPPORTED_ALTER, DdlParser.UNSUPPORTED_ALTER);
        }
        List<String> from = partitionValues(t, r.from());
        List<String> to = partitionValues(t, r.to());
        List<PartitionDef> existing = store.partitions(catalog.name(), t.database(), t.name());
        if (existing.stream().noneMatch(p -> p.values().equals(from))) {
            throw hiveFailure("FAILED: SemanticException [Error 10006]: Partition not found ("
                    + partitionName(t, from).replace('/', ',') + ")", "Partition not found");
        }
        if (existing.stream().anyMatch(p -> p.values().equals(to))) {
            throw hiveFailure(DDL_TASK + "AlreadyExistsException(message:Partition already exists: "
                    + partitionName(t, to) + ")", "Partition already exists.");
        }
        glue(AccessChecks.Path.HIVE, "glue:UpdatePartition", t.database(), t.name());
        store.renamePartition(catalog.name(), t.database(), t.name(), from, to);
        return none();
    }

    /** ALTER DATABASE SET DBPROPERTIES: the properties are merged into the Glue database's Parameters. */
    private StatementResult setDatabaseProperties(DdlStatement.SetDatabaseProperties p) {
        DatabaseDef db = store.database(catalog.name(), p.database()).orElseThrow(() -> missingDatabase(p.database()));
        Map<String, String> params = new LinkedHashMap<>(db.parameters());
        params.putAll(p.properties());
        glue(AccessChecks.Path.HIVE, "glue:UpdateDatabase", db.name(), null);
        store.putDatabase(catalog.name(), new DatabaseDef(db.name(), db.description(), db.locationUri(), params,
                db.createTime()));
        return none();
    }

    private static QueryFailedException notAView() {
        return hiveFailure("FAILED: SemanticException [Error 10131]: To alter a view you need to use the ALTER VIEW "
                + "command.", "To alter a view you need to use the ALTER VIEW command.");
    }

    /** A column type of the statement, checked as CREATE TABLE checks its columns'. */
    private static void requireType(String hiveType) {
        AthenaTypes.duckDbTypeForHive(hiveType);
    }

    private boolean isIceberg(DdlStatement.Name name) {
        TableDef t = table(name);
        return !t.isView() && IcebergMetadata.isIceberg(t);
    }

    /**
     * The name of an Iceberg table, for the ALTER TABLE forms only Iceberg tables have; on a Hive table they keep
     * failing as athena-local refused them before it knew them.
     */
    private DdlStatement.Name icebergOnly(DdlStatement.Name name) {
        if (!isIceberg(name)) {
            throw hiveFailure("FAILED: ParseException " + DdlParser.UNSUPPORTED_ALTER, DdlParser.UNSUPPORTED_ALTER);
        }
        return name;
    }

    /** An Iceberg schema change: a new metadata version, no snapshot, and Glue's columns following it. */
    private StatementResult evolve(DdlStatement.Name name,
                                   java.util.function.Function<IcebergSchemaChanges, IcebergSchema> change) {
        return alter(name, t -> {
            IcebergMetadata metadata = ctx.warehouse.files().icebergMetadata(t);
            IcebergSchemaChanges changes = new IcebergSchemaChanges(metadata.currentSchema(t.columns()),
                    metadata.nextSchemaId(), metadata.lastColumnId(t.columns()));
            IcebergSchema next;
            try {
                next = change.apply(changes);
            } catch (IllegalArgumentException e) {
                throw hiveFailure(DDL_TASK + e.getMessage(), e.getMessage());
            }
            return IcebergTables.evolve(ctx, t, metadata, next);
        });
    }

    /**
     * ALTER TABLE RENAME TO of an Iceberg table: the Glue entry moves (its metadata and files stay where they are,
     * as Iceberg's Glue catalog renames), and the DuckDB view follows it.
     */
    private StatementResult rename(DdlStatement.Name from, DdlStatement.Name to) {
        TableDef t = table(from);
        String db = to.database() == null ? t.database() : to.database();
        requireDatabase(db);
        if (store.table(catalog.name(), db, to.name()).isPresent()) {
            throw hiveFailure(DDL_TASK + "AlreadyExistsException(message:Table " + db + "." + to.name()
                    + " already exists)", "Table " + db + "." + to.name() + " already exists");
        }
        glue(AccessChecks.Path.HIVE, "glue:CreateTable", db, to.name());
        glue(AccessChecks.Path.HIVE, "glue:DeleteTable", t.database(), t.name());
        TableDef moved = t.withName(db, to.name());
        store.putTable(catalog.name(), moved);
        store.dropTable(catalog.name(), t.database(), t.name());
        ctx.warehouse.views().drop(catalog, t.database(), t.name());
        ctx.warehouse.views().bindTable(catalog, moved, List.of());
        return none();
    }

    private StatementResult showDatabases(DdlStatement.ShowDatabases d) {
        Pattern pattern = null;
        if (d.likePattern() != null && !d.likePattern().equals("*")) {
            try {
                pattern = Pattern.compile(d.likePattern());
            } catch (PatternSyntaxException e) {
                String msg = e.getMessage().replace("\r", "");
                throw hiveFailure(DDL_TASK + "java.util.regex.PatternSyntaxException: " + msg, msg);
            }
        }
        List<String> names = new ArrayList<>();
        for (DatabaseDef db : store.databases(catalog.name())) {
            if (pattern == null || pattern.matcher(db.name()).matches()) {
                names.add(db.name());
            }
        }
        return StatementResult.text(List.of(HiveText.string("database_name")), 0L, names);
    }

    private StatementResult showTables(DdlStatement.ShowTables s) {
        String db = s.database() == null ? ctx.databaseName() : s.database();
        requireDatabase(db);
        NamePattern pattern = NamePattern.of(s.pattern());
        List<String> names = store.tables(catalog.name(), db).stream().map(TableDef::name).filter(pattern::matches).toList();
        return StatementResult.text(List.of(HiveText.string("tab_name")), 0L, names);
    }

    private StatementResult showViews(DdlStatement.ShowViews s) {
        String db = s.database() == null ? ctx.databaseName() : s.database();
        requireDatabase(db);
        NamePattern pattern = NamePattern.of(s.likePattern());
        List<String> names = store.tables(catalog.name(), db).stream().filter(TableDef::isView).map(TableDef::name)
                .filter(pattern::matches).toList();
        return StatementResult.text(List.of(HiveText.varchar("views")), 0L, names);
    }

    private StatementResult showColumns(DdlStatement.ShowColumns c) {
        TableDef t = table(c.table());
        if (t.isView()) {
            return describeView(t);
        }
        List<String> rows = t.allColumns().stream().map(col -> HiveText.pad(col.name())).toList();
        return StatementResult.text(List.of(HiveText.string("field")), 0L, rows);
    }

    private StatementResult showCreate(DdlStatement.ShowCreate c) {
        TableDef t = table(c.table());
        if (c.view()) {
            if (!t.isView()) {
                throw hiveFailure("FAILED: SemanticException " + t.name() + " is not a view", t.name() + " is not a view");
            }
            List<String> lines = new ArrayList<>();
            lines.add("CREATE VIEW " + t.database() + "." + t.name() + " AS");
            lines.addAll(HiveText.lines(List.of(t.viewSql())));
            return StatementResult.text(List.of(HiveText.varchar("create view")), 0L, lines);
        }
        if (t.isView()) {
            throw hiveFailure("FAILED: SemanticException [Error 10001]: " + t.name()
                    + " is a view; use SHOW CREATE VIEW", t.name() + " is a view");
        }
        contentType = ResultStore.APPLICATION;
        List<String> lines = IcebergMetadata.isIceberg(t)
                ? IcebergShowCreate.lines(t, ctx.warehouse.files().icebergMetadata(t).partitioning())
                : HiveText.showCreateTable(t);
        return StatementResult.text(List.of(HiveText.string("createtab_stmt")), null, lines);
    }

    private StatementResult showPartitions(DdlStatement.ShowPartitions p) {
        TableDef t = table(p.table());
        if (t.partitionKeys().isEmpty()) {
            throw hiveFailure("FAILED: SemanticException [Error 10241]: Table " + t.name() + " is not a partitioned table",
                    "Table " + t.name() + " is not a partitioned table");
        }
        List<String> rows = store.partitions(catalog.name(), t.database(), t.name()).stream()
                .map(part -> partitionName(t, part.values())).sorted().toList();
        return StatementResult.text(List.of(HiveText.string("partition")), 0L, rows);
    }

    private StatementResult showProperties(DdlStatement.ShowTableProperties p) {
        TableDef t = table(p.table());
        List<String> rows = new ArrayList<>();
        for (Map.Entry<String, String> e : t.parameters().entrySet()) {
            if (p.key() == null) {
                rows.add(e.getKey() + "\t" + e.getValue());
            } else if (p.key().equals(e.getKey())) {
                rows.add(e.getValue());
            }
        }
        return StatementResult.text(List.of(HiveText.string("prpt_name"), HiveText.string("prpt_value")), 0L,
                HiveText.lines(rows));
    }

    private StatementResult describe(DdlStatement.Describe d) {
        TableDef t = table(d.table());
        if (t.isView()) {
            return describeView(t);
        }
        contentType = ResultStore.APPLICATION;
        List<String> rows = IcebergMetadata.isIceberg(t)
                ? HiveText.describeIceberg(t, IcebergPartitionFields.of(
                        ctx.warehouse.files().icebergMetadata(t).partitioning()))
                : HiveText.describe(t);
        return StatementResult.text(List.of(HiveText.string("col_name"), HiveText.string("data_type"),
                HiveText.string("comment")), null, rows);
    }

    private StatementResult describeView(TableDef view) {
        List<String> rows = view.viewColumns().stream().map(c -> c.name() + "\t" + c.type()).toList();
        return StatementResult.text(List.of(HiveText.varchar("column"), HiveText.varchar("type")), 0L, rows);
    }

    /** Writes {@code <id>.txt} and, when the statement has columns, its {@code .metadata}. */
    private void write(StatementResult result) {
        OutputFiles files = ctx.execution.files();
        ctx.warehouse.results().put(files.main(), String.join("\n", result.lines()).getBytes(StandardCharsets.UTF_8),
                contentType);
        boolean msck = ctx.request().classification().substatementType().equals("MSCK_REPAIR");
        if (!result.columns().isEmpty() || msck) {
            List<OutputColumn> cols = result.columns();
            ctx.warehouse.results().put(files.metadata(), ResultMetadata.encode(ctx.execution.id(), null, null, cols),
                    contentType);
        }
    }

    /** The caller's right to a Glue write, checked where Athena's metastore client would make the call. */
    private void glue(AccessChecks.Path path, String action, String database, String table) {
        ctx.access.requireGlueWrite(ctx.request().caller(), catalog, path, action, database, table);
    }

    private TableDef table(DdlStatement.Name name) {
        String db = database(name);
        requireDatabase(db);
        return store.table(catalog.name(), db, name.name()).orElseThrow(() -> missingTable(db, name.name()));
    }

    private String database(DdlStatement.Name name) {
        return name.database() == null ? ctx.databaseName() : name.database();
    }

    private void requireDatabase(String db) {
        if (store.database(catalog.name(), db).isEmpty()) {
            throw missingDatabase(db);
        }
    }

    private static List<String> partitionValues(TableDef t, Map<String, String> spec) {
        if (t.partitionKeys().isEmpty()) {
            throw hiveFailure("FAILED: SemanticException table is not partitioned but partition spec exists: " + spec,
                    "table is not partitioned but partition spec exists");
        }
        List<String> values = new ArrayList<>();
        for (ColumnDef k : t.partitionKeys()) {
            String v = spec.get(k.name());
            if (v == null) {
                throw hiveFailure("FAILED: SemanticException [Error 10006]: Partition spec " + spec
                        + " does not name partition key " + k.name(), "Invalid partition spec");
            }
            values.add(v);
        }
        return values;
    }

    static String partitionName(TableDef t, List<String> values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append('/');
            }
            sb.append(t.partitionKeys().get(i).name()).append('=').append(values.get(i));
        }
        return sb.toString();
    }

    private static List<ColumnDef> concat(List<ColumnDef> a, List<ColumnDef> b) {
        List<ColumnDef> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static StatementResult none() {
        return StatementResult.text(List.of(), null, List.of());
    }

    private static double now() {
        return Instant.now().toEpochMilli() / 1000.0;
    }

    private static QueryFailedException missingDatabase(String db) {
        return hiveFailure("FAILED: SemanticException [Error 10072]: Database does not exist: " + db,
                "Database does not exist: " + db);
    }

    private static QueryFailedException missingTable(String db, String table) {
        return hiveFailure("FAILED: SemanticException [Error 10001]: Table not found " + db + "." + table,
                "Table not found " + db + "." + table);
    }

    private static QueryFailedException hiveFailure(String reason, String message) {
        return QueryFailedException.hive(reason, message);
    }

    private static QueryFailedException engineFailure(String reason, int type) {
        return QueryFailedException.engine(reason, 2, type);
    }

    private static AthenaFailure failureOf(EngineFailure e) {
        return AthenaFailure.engine(e.getMessage(), e.category(), e.errorType());
    }
}
