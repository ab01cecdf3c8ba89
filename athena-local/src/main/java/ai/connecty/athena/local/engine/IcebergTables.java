package ai.connecty.athena.local.engine;

import ai.connecty.athena.local.catalog.ColumnDef;
import ai.connecty.athena.local.catalog.DataCatalog;
import ai.connecty.athena.local.catalog.IcebergMetadata;
import ai.connecty.athena.local.catalog.IcebergSchema;
import ai.connecty.athena.local.catalog.IcebergSnapshot;
import ai.connecty.athena.local.catalog.TableDef;
import ai.connecty.athena.local.storage.BucketStore;
import ai.connecty.athena.local.storage.S3Location;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Iceberg tables: their Glue definition and their commits. Data files go to {@code <location>data/}; each change
 * writes a new metadata file listing the snapshot's files and then points the Glue parameter
 * {@code metadata_location} at it, under the catalog lock, so readers (which bind a table's files under that lock)
 * see the table before or after a change, never in between. Files of earlier snapshots stay until VACUUM, as in
 * Iceberg, so a query that bound them just before a commit can still read them.
 */
final class IcebergTables {

    private static final SecureRandom RANDOM = new SecureRandom();

    private IcebergTables() {
    }

    /**
     * The Glue table of a new, empty Iceberg table, after writing its first metadata file. Athena's Glue
     * parameters for it were not measured: {@code table_type=ICEBERG} and {@code metadata_location} are what
     * Iceberg's Glue catalog writes; the statement's other TBLPROPERTIES are kept as they were given.
     * {@code partitioning} (the PARTITIONED BY text, or null) is only recorded in the metadata file: the data
     * files are not laid out by it.
     */
    static TableDef create(QueryContext ctx, String db, String name, List<ColumnDef> columns, String location,
                           Map<String, String> properties, String partitioning) {
        String root = S3Location.parse(location).asPrefix().toString();
        IcebergMetadata first = IcebergMetadata.created(UUID.randomUUID().toString(), root, partitioning, columns);
        Map<String, String> params = new LinkedHashMap<>(properties);
        params.put(IcebergMetadata.TABLE_TYPE, IcebergMetadata.ICEBERG);
        params.put(IcebergMetadata.METADATA_LOCATION, write(ctx, first));
        return new TableDef(db, name, TableDef.EXTERNAL_TABLE, columns, List.of(), root, TableDef.PARQUET_INPUT,
                TableDef.PARQUET_OUTPUT, TableDef.PARQUET_SERDE, Map.of(), params, null, null,
                Instant.now().toEpochMilli() / 1000.0, ctx.request().caller().principalArn());
    }

    /** The table as {@link TableWriter} should see it: new files go to {@code <location>data/}. */
    static TableDef dataTarget(TableDef table) {
        return table.withLocation(table.location() + "data/");
    }

    /** The data files (S3 URIs) of the table's current snapshot. */
    static List<String> currentFiles(QueryContext ctx, TableDef table) {
        return ctx.warehouse.files().icebergMetadata(table).dataFiles();
    }

    /**
     * INSERT and CTAS: writes {@code select}'s rows as a new data file and commits it next to the current ones.
     * An append conflicts with nothing, so it goes on top of whatever snapshot is current at commit time (Iceberg
     * retries an append the same way), and concurrent INSERTs all succeed.
     */
    static TableWriter.Written append(QueryContext ctx, Connection conn, DataCatalog catalog, TableDef table,
                                      String select) throws SQLException {
        TableWriter.Written written = TableWriter.write(ctx, conn, catalog, dataTarget(table), select);
        commit(ctx, catalog, table, true, "append", current -> {
            List<String> files = new ArrayList<>(current);
            files.addAll(written.files());
            return files;
        });
        return written;
    }

    /**
     * Makes {@code files} the table's only data files. Fails as Iceberg's commit of a rewrite does when another
     * statement committed since {@code base} was read: the rows were computed from a snapshot that is no longer
     * current, and the other change must not be lost silently.
     */
    static void replace(QueryContext ctx, DataCatalog catalog, TableDef base, List<String> files, String updateType)
            throws SQLException {
        commit(ctx, catalog, base, false, operationOf(updateType), current -> files);
    }

    /**
     * The Iceberg operation Trino's commit of a statement records: its DELETE writes only deletes, its UPDATE and
     * MERGE rewrite rows, OPTIMIZE replaces files without changing rows. athena-local rewrites files for all of
     * them (copy-on-write) but names the snapshot as Trino would, since {@code $snapshots} users filter on it.
     */
    static String operationOf(String updateType) {
        return switch (updateType) {
            case "DELETE" -> "delete";
            case "OPTIMIZE" -> "replace";
            default -> "overwrite";
        };
    }

    /** One commit, under the catalog lock: the new snapshot's files from the current ones. */
    private static void commit(QueryContext ctx, DataCatalog catalog, TableDef base, boolean onAnySnapshot,
                               String operation, UnaryOperator<List<String>> change) throws SQLException {
        ctx.warehouse.underCatalogLock(() -> {
            TableDef now = ctx.warehouse.catalog().table(catalog.name(), base.database(), base.name())
                    .filter(IcebergMetadata::isIceberg)
                    .orElseThrow(() -> QueryFailedException.engine("ICEBERG_COMMIT_ERROR: Table " + base.database()
                            + "." + base.name() + " was dropped while the statement ran", 2, 1000));
            String current = now.parameters().get(IcebergMetadata.METADATA_LOCATION);
            if (!onAnySnapshot && !current.equals(base.parameters().get(IcebergMetadata.METADATA_LOCATION))) {
                throw QueryFailedException.engine("ICEBERG_COMMIT_ERROR: Failed to commit Iceberg update to table "
                        + base.database() + "." + base.name() + ": another statement changed it meanwhile", 2, 1000);
            }
            // Athena's engine updates the Glue table on each Iceberg commit.
            ctx.access.requireGlueWrite(ctx.request().caller(), catalog, AccessChecks.Path.ENGINE,
                    "glue:UpdateTable", base.database(), base.name());
            IcebergMetadata latest = ctx.warehouse.files().icebergMetadata(now);
            // The files this statement wrote have the columns of the schema it read the table with.
            int writtenWith = ctx.warehouse.files().icebergMetadata(base).currentSchemaId();
            List<String> before = latest.dataFiles();
            List<String> after = change.apply(before);
            // Named before it is written: the snapshot records it as where its file list lives.
            String file = latest.nextFileName(UUID.randomUUID().toString());
            IcebergSnapshot snapshot = new IcebergSnapshot(snapshotId(),
                    latest.currentSnapshot().map(IcebergSnapshot::snapshotId).orElse(null),
                    System.currentTimeMillis(), operation, file, summary(before, after), after, writtenWith);
            IcebergMetadata next = latest.next(snapshot);
            Map<String, String> params = new LinkedHashMap<>(now.parameters());
            params.put(IcebergMetadata.PREVIOUS_METADATA_LOCATION, current);
            params.put(IcebergMetadata.METADATA_LOCATION, write(ctx, next, file));
            ctx.warehouse.catalog().putTable(catalog.name(), now.withParameters(params));
            return null;
        });
    }

    /**
     * A schema change (ALTER TABLE ADD/DROP/CHANGE COLUMN): a new metadata version with {@code schema} current and
     * no new snapshot, as Iceberg commits one, and the Glue table's columns set to it, as Athena keeps them in sync.
     * Runs under the catalog lock (the DDL executor holds it), so it cannot interleave with a data commit.
     */
    static TableDef evolve(QueryContext ctx, TableDef table, IcebergMetadata metadata, IcebergSchema schema) {
        IcebergMetadata next = metadata.withSchema(schema, table.columns());
        Map<String, String> params = new LinkedHashMap<>(table.parameters());
        params.put(IcebergMetadata.PREVIOUS_METADATA_LOCATION, params.get(IcebergMetadata.METADATA_LOCATION));
        params.put(IcebergMetadata.METADATA_LOCATION, write(ctx, next));
        return table.withColumns(schema.columns()).withParameters(params);
    }

    /**
     * DROP TABLE of an Iceberg table: Athena treats Iceberg tables as managed and documents that dropping one
     * removes its data. The table's own folders ({@code data/}, {@code metadata/}) go; other objects a user put under
     * the location stay.
     */
    static void purge(QueryContext ctx, TableDef table) {
        BucketStore buckets = ctx.warehouse.results().buckets();
        S3Location root = S3Location.parse(table.location()).asPrefix();
        for (String folder : List.of("data/", "metadata/")) {
            S3Location prefix = root.child(folder);
            for (String key : buckets.list(prefix.bucket(), prefix.key())) {
                buckets.delete(prefix.bucket(), key);
            }
        }
    }

    /** Iceberg's file counts of a commit; record counts are left out (they would need every file read). */
    private static Map<String, String> summary(List<String> before, List<String> after) {
        long added = after.stream().filter(f -> !before.contains(f)).count();
        long deleted = before.stream().filter(f -> !after.contains(f)).count();
        Map<String, String> summary = new LinkedHashMap<>();
        if (added > 0) {
            summary.put("added-data-files", Long.toString(added));
        }
        if (deleted > 0) {
            summary.put("deleted-data-files", Long.toString(deleted));
        }
        summary.put("total-data-files", Integer.toString(after.size()));
        return summary;
    }

    private static String write(QueryContext ctx, IcebergMetadata metadata) {
        return write(ctx, metadata, metadata.fileName(UUID.randomUUID().toString()));
    }

    private static String write(QueryContext ctx, IcebergMetadata metadata, String file) {
        S3Location at = S3Location.parse(file);
        ctx.warehouse.results().buckets().put(at.bucket(), at.key(), metadata.encode());
        return at.toString();
    }

    private static long snapshotId() {
        return RANDOM.nextLong() & Long.MAX_VALUE;
    }
}
