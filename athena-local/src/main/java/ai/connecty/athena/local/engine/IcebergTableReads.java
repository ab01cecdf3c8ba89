package ai.connecty.athena.local.engine;

import ai.connecty.athena.local.catalog.HiddenColumns;
import ai.connecty.athena.local.catalog.IcebergMetadata;
import ai.connecty.athena.local.catalog.IcebergSchema;
import ai.connecty.athena.local.catalog.IcebergSnapshot;
import ai.connecty.athena.local.catalog.TableDef;
import ai.connecty.athena.local.sql.EngineFailure;
import ai.connecty.athena.local.sql.TableColumns;
import io.trino.sql.tree.QueryPeriod;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a statement reads of an Iceberg table besides its current rows: the table at an earlier snapshot (time
 * travel) and its metadata tables ({@code "t$snapshots"} and the others of {@link IcebergMetadataTables}). Both
 * are printed as relations in place of the table's DuckDB view ({@link TableColumns#substitute}), from the metadata
 * file Glue names when the statement is translated. The rights they need are the table's own: {@link Warehouse}
 * resolves a {@code t$…} name to its table for the access checks.
 */
final class IcebergTableReads {

    private final QueryContext ctx;
    private final TimeTravelPointer pointer = new TimeTravelPointer(Instant.now());

    IcebergTableReads(QueryContext ctx) {
        this.ctx = ctx;
    }

    /** {@code base}, answering also for metadata tables and time travel. */
    TableColumns over(TableColumns base) {
        return new TableColumns() {
            @Override
            public List<Declared> of(List<String> name) {
                Optional<IcebergMetadataTables.Name> meta = IcebergMetadataTables.Name.of(name);
                Optional<ResolvedTable> table = meta.flatMap(m -> resolve(m.table()));
                if (table.isEmpty()) {
                    return base.of(name);
                }
                TableDef def = table.get().table();
                if (IcebergMetadata.isIceberg(def)) {
                    return IcebergMetadataTables.of(meta.get().suffix()).map(IcebergMetadataTables::columns)
                            .orElse(null);
                }
                return HiveMetadataTables.of(meta.get().suffix(), def).map(h -> h.columns(def)).orElse(null);
            }

            @Override
            public Substitute substitute(List<String> name) {
                Optional<IcebergMetadataTables.Name> meta = IcebergMetadataTables.Name.of(name);
                if (meta.isEmpty()) {
                    return base.substitute(name);
                }
                Optional<ResolvedTable> table = resolve(meta.get().table());
                if (table.isEmpty()) {
                    return base.substitute(name);
                }
                String qualified = table.get().catalog().engineName() + "." + table.get().table().database() + "."
                        + name.get(name.size() - 1);
                TableDef def = table.get().table();
                if (!IcebergMetadata.isIceberg(def)) {
                    Optional<HiveMetadataTables> hive = HiveMetadataTables.of(meta.get().suffix(), def);
                    // Trino's Hive connector has only $properties, and $partitions of a partitioned table.
                    return new Substitute(hive.map(h -> h.relation(def, ctx.warehouse.catalog().partitions(
                            table.get().catalog().name(), def.database(), def.name()))).orElse(null), qualified);
                }
                Optional<IcebergMetadataTables> kind = IcebergMetadataTables.of(meta.get().suffix());
                if (kind.isEmpty()) {
                    // Trino's Iceberg connector has no metadata table of another name.
                    return new Substitute(null, qualified);
                }
                IcebergMetadata metadata = ctx.warehouse.files().icebergMetadata(def);
                return new Substitute(kind.get().relation(metadata, def, ctx.warehouse.files()::paths), qualified);
            }

            @Override
            public Hidden hiddenColumns(List<String> name) {
                return base.hiddenColumns(name);
            }

            @Override
            public Hidden versionedHiddenColumns(List<String> name, QueryPeriod period) {
                Optional<Version> version = version(name, period);
                if (version.isEmpty()) {
                    return base.versionedHiddenColumns(name, period);
                }
                // the snapshot's own files: "$path" names the files that version's rows come from
                TableDef def = version.get().table().table();
                String select = ctx.warehouse.views().selectIcebergWithHidden(def, version.get().metadata(),
                        version.get().snapshot().dataFiles(), version.get().schema());
                return new Hidden("(" + select + ")", HiddenColumns.of(def).stream()
                        .map(c -> new Declared(c.name(), c.type())).toList());
            }

            @Override
            public Substitute versioned(List<String> name, QueryPeriod period) {
                Optional<Version> version = version(name, period);
                if (version.isPresent()) {
                    Version v = version.get();
                    String select = ctx.warehouse.views().selectIceberg(v.table().table(), v.metadata(),
                            v.snapshot().dataFiles(), v.schema());
                    return new Substitute("(" + select + ")", v.table().qualifiedName());
                }
                if (IcebergMetadataTables.Name.of(name).isPresent()) {
                    // Trino's Iceberg connector has no versions of its metadata tables either.
                    return TableColumns.super.versioned(name, period);
                }
                // A missing table fails on DuckDB's side as any other; a Hive table or view as Trino's Hive
                // connector refuses versions.
                return resolve(name).isEmpty() ? base.substitute(name) : TableColumns.super.versioned(name, period);
            }
        };
    }

    /** An Iceberg table at the snapshot a time-travel clause points at, read in that snapshot's schema. */
    private record Version(ResolvedTable table, IcebergMetadata metadata, IcebergSnapshot snapshot,
                           IcebergSchema schema) {
    }

    /**
     * The version of the Iceberg table {@code name} that {@code period} points at; empty for a metadata table, a
     * missing table, a view or a Hive table (each answered by {@code versioned} as before). Fails as Trino's
     * Iceberg connector does for a range or a missing snapshot.
     */
    private Optional<Version> version(List<String> name, QueryPeriod period) {
        if (IcebergMetadataTables.Name.of(name).isPresent()) {
            return Optional.empty();
        }
        Optional<ResolvedTable> table = resolve(name);
        if (table.isEmpty() || table.get().table().isView() || !IcebergMetadata.isIceberg(table.get().table())) {
            return Optional.empty();
        }
        if (period.getEnd().isEmpty()) {
            throw EngineFailure.user("NOT_SUPPORTED", "This connector does not support versioned tables");
        }
        IcebergSnapshot snapshot = snapshotAt(table.get(), period);
        IcebergMetadata metadata = ctx.warehouse.files().icebergMetadata(table.get().table());
        // Trino's Iceberg connector reads a snapshot with the schema it was committed with.
        IcebergSchema schema = metadata.schema(snapshot.schemaId())
                .orElseGet(() -> metadata.currentSchema(table.get().table().columns()));
        return Optional.of(new Version(table.get(), metadata, snapshot, schema));
    }

    /** The snapshot {@code period} points at, failing with the Iceberg connector's errors when there is none. */
    private IcebergSnapshot snapshotAt(ResolvedTable table, QueryPeriod period) {
        IcebergMetadata metadata = ctx.warehouse.files().icebergMetadata(table.table());
        if (period.getRangeType() == QueryPeriod.RangeType.VERSION) {
            Object version = pointer.version(period.getEnd().get());
            if (version instanceof String ref) {
                throw EngineFailure.user("INVALID_ARGUMENTS", "Cannot find snapshot with reference name: " + ref);
            }
            long id = (Long) version;
            return metadata.snapshot(id).orElseThrow(() -> EngineFailure.user("INVALID_ARGUMENTS",
                    "Iceberg snapshot ID does not exists: " + id));
        }
        Instant at = pointer.timestamp(period.getEnd().get());
        return metadata.snapshotAsOf(at.toEpochMilli()).orElseThrow(() -> EngineFailure.user("INVALID_ARGUMENTS",
                "No version history table " + table.table().database() + "." + table.table().name()
                        + " at or before " + at));
    }

    private Optional<ResolvedTable> resolve(List<String> parts) {
        return ctx.warehouse.resolve(parts, ctx.request().catalog(), ctx.databaseName());
    }
}
