package ai.connecty.athena.local.engine;

import ai.connecty.athena.local.catalog.IcebergMetadata;
import ai.connecty.athena.local.catalog.IcebergSnapshot;
import ai.connecty.athena.local.catalog.TableDef;
import ai.connecty.athena.local.sql.Literals;
import ai.connecty.athena.local.sql.TableColumns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Trino's Iceberg metadata tables ({@code "t$snapshots"}, {@code "t$history"}, {@code "t$files"},
 * {@code "t$properties"}, {@code "t$partitions"}, {@code "t$refs"}), with the column names and types of Trino's
 * SnapshotsTable, HistoryTable, FilesTable, PropertiesTable, PartitionTable and RefsTable, each printed as an
 * inline DuckDB relation of the rows the table's current metadata file holds. Rows are literals, not a DuckDB view: they are the state
 * of one metadata file, read once per statement.
 */
enum IcebergMetadataTables {

    SNAPSHOTS("snapshots", List.of(
            new TableColumns.Declared("committed_at", "timestamp(3) with time zone"),
            new TableColumns.Declared("snapshot_id", "bigint"),
            new TableColumns.Declared("parent_id", "bigint"),
            new TableColumns.Declared("operation", "varchar"),
            new TableColumns.Declared("manifest_list", "varchar"),
            new TableColumns.Declared("summary", "map(varchar,varchar)"))),
    HISTORY("history", List.of(
            new TableColumns.Declared("made_current_at", "timestamp(3) with time zone"),
            new TableColumns.Declared("snapshot_id", "bigint"),
            new TableColumns.Declared("parent_id", "bigint"),
            new TableColumns.Declared("is_current_ancestor", "boolean"))),
    /** Trino's other columns (partition, column_sizes, bounds, split_offsets, …) are left out: no metrics are kept. */
    FILES("files", List.of(
            new TableColumns.Declared("content", "integer"),
            new TableColumns.Declared("file_path", "varchar"),
            new TableColumns.Declared("file_format", "varchar"),
            new TableColumns.Declared("spec_id", "integer"),
            new TableColumns.Declared("record_count", "bigint"),
            new TableColumns.Declared("file_size_in_bytes", "bigint"))),
    /** Trino's PropertiesTable: the table's Iceberg properties ({@link IcebergProperties#icebergProperties}). */
    PROPERTIES("properties", List.of(
            new TableColumns.Declared("key", "varchar"),
            new TableColumns.Declared("value", "varchar"))),
    /**
     * Trino's PartitionTable in its shape for an unpartitioned table: athena-local does not lay files out by
     * partition nor keep partition values, so every table has the one partition of all its current files. Trino's
     * {@code data} column (per-column min, max, null and NaN counts) is left out: no column metrics are kept.
     */
    PARTITIONS("partitions", List.of(
            new TableColumns.Declared("record_count", "bigint"),
            new TableColumns.Declared("file_count", "bigint"),
            new TableColumns.Declared("total_size", "bigint"))),
    /** Trino's RefsTable: the {@code main} branch at the current snapshot, the only reference athena-local has. */
    REFS("refs", List.of(
            new TableColumns.Declared("name", "varchar"),
            new TableColumns.Declared("type", "varchar"),
            new TableColumns.Declared("snapshot_id", "bigint"),
            new TableColumns.Declared("max_reference_age_in_ms", "bigint"),
            new TableColumns.Declared("min_snapshots_to_keep", "integer"),
            new TableColumns.Declared("max_snapshot_age_in_ms", "bigint")));

    /** A table name split at its {@code $}: {@code orders$snapshots} is the table orders and its suffix. */
    record Name(List<String> table, String suffix) {

        /** {@code parts} with a {@code $} in its last part, split there; empty for a plain name. */
        static Optional<Name> of(List<String> parts) {
            String last = parts.get(parts.size() - 1);
            int dollar = last.indexOf('$');
            if (dollar <= 0) {
                return Optional.empty();
            }
            List<String> table = new ArrayList<>(parts.subList(0, parts.size() - 1));
            table.add(last.substring(0, dollar));
            return Optional.of(new Name(table, last.substring(dollar + 1).toLowerCase(Locale.ROOT)));
        }
    }

    private final String suffix;
    private final List<TableColumns.Declared> columns;

    IcebergMetadataTables(String suffix, List<TableColumns.Declared> columns) {
        this.suffix = suffix;
        this.columns = columns;
    }

    static Optional<IcebergMetadataTables> of(String suffix) {
        for (IcebergMetadataTables t : values()) {
            if (t.suffix.equals(suffix)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    List<TableColumns.Declared> columns() {
        return columns;
    }

    /**
     * The DuckDB relation of this table's rows for {@code table} at {@code metadata}; {@code localPaths} finds a
     * data file on disk (for $files and $partitions).
     */
    String relation(IcebergMetadata metadata, TableDef table, Function<List<String>, List<Path>> localPaths) {
        return switch (this) {
            case SNAPSHOTS -> rows(metadata.snapshots().stream().map(s -> List.of(
                    timestamp(s.committedAt()), bigint(s.snapshotId()), bigint(s.parentId()),
                    Literals.quote(s.operation()), Literals.quote(s.manifestList()), summary(s))).toList());
            case HISTORY -> rows(history(metadata));
            case FILES -> files(metadata, localPaths);
            case PROPERTIES -> rows(IcebergProperties.icebergProperties(table).entrySet().stream()
                    .map(e -> List.of(Literals.quote(e.getKey()), Literals.quote(e.getValue()))).toList());
            case PARTITIONS -> partitions(metadata, localPaths);
            case REFS -> rows(metadata.currentSnapshot().map(s -> List.of(List.of("'main'", "'BRANCH'",
                    bigint(s.snapshotId()), "NULL", "NULL", "NULL"))).orElse(List.of()));
        };
    }

    /**
     * The one partition of an unpartitioned table: its current files' record count (from their Parquet footers),
     * their number and total size. Like Trino, no row at all when the current snapshot has no files.
     */
    private String partitions(IcebergMetadata metadata, Function<List<String>, List<Path>> localPaths) {
        List<String> counts = new ArrayList<>();
        long files = 0;
        long size = 0;
        for (String uri : metadata.dataFiles()) {
            List<Path> local = localPaths.apply(List.of(uri));
            if (local.isEmpty()) {
                continue;
            }
            files++;
            size += sizeOf(local.get(0));
            counts.add("(SELECT CAST(sum(num_rows) AS BIGINT) FROM parquet_file_metadata("
                    + Literals.quote(local.get(0).toString()) + "))");
        }
        if (files == 0) {
            return rows(List.of());
        }
        return rows(List.of(List.of("(" + String.join(" + ", counts) + ")", bigint(files), bigint(size))));
    }

    private List<List<String>> history(IcebergMetadata metadata) {
        // Ancestors of the current snapshot: follow parent ids back from it (no rollback exists, so that is all).
        Set<Long> ancestors = new HashSet<>();
        Long at = metadata.currentSnapshot().map(IcebergSnapshot::snapshotId).orElse(null);
        while (at != null && ancestors.add(at)) {
            at = metadata.snapshot(at).map(IcebergSnapshot::parentId).orElse(null);
        }
        return metadata.snapshots().stream().map(s -> List.of(timestamp(s.committedAt()), bigint(s.snapshotId()),
                bigint(s.parentId()), Boolean.toString(ancestors.contains(s.snapshotId())).toUpperCase(Locale.ROOT)))
                .toList();
    }

    /** One row per data file of the current snapshot; record counts read from the files' Parquet footers. */
    private String files(IcebergMetadata metadata, Function<List<String>, List<Path>> localPaths) {
        List<List<String>> rows = new ArrayList<>();
        for (String uri : metadata.dataFiles()) {
            List<Path> local = localPaths.apply(List.of(uri));
            if (local.isEmpty()) {
                continue;
            }
            String path = Literals.quote(local.get(0).toString());
            rows.add(List.of("0", Literals.quote(uri), "'PARQUET'", "0",
                    "(SELECT CAST(sum(num_rows) AS BIGINT) FROM parquet_file_metadata(" + path + "))",
                    "CAST(" + sizeOf(local.get(0)) + " AS BIGINT)"));
        }
        return rows(rows);
    }

    private String rows(List<List<String>> rows) {
        return ConstantRelation.of(columns, rows);
    }

    private static String timestamp(long epochMillis) {
        return "make_timestamptz(" + epochMillis * 1000 + ")";
    }

    private static String bigint(Long value) {
        return value == null ? "NULL" : "CAST(" + value + " AS BIGINT)";
    }

    private static String summary(IcebergSnapshot s) {
        if (s.summary().isEmpty()) {
            return "MAP {}";
        }
        return s.summary().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> Literals.quote(e.getKey()) + ": " + Literals.quote(e.getValue()))
                .collect(Collectors.joining(", ", "MAP {", "}"));
    }

    private static long sizeOf(Path file) {
        try {
            return java.nio.file.Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
