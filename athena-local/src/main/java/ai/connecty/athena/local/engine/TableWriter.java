package ai.connecty.athena.local.engine;

import ai.connecty.athena.local.catalog.ColumnDef;
import ai.connecty.athena.local.catalog.DataCatalog;
import ai.connecty.athena.local.catalog.PartitionDef;
import ai.connecty.athena.local.catalog.PartitionScanner;
import ai.connecty.athena.local.catalog.TableDef;
import ai.connecty.athena.local.catalog.TextFormat;
import ai.connecty.athena.local.engine.result.ResultMetadata;
import ai.connecty.athena.local.sql.AthenaTypes;
import ai.connecty.athena.local.sql.Identifiers;
import ai.connecty.athena.local.sql.Literals;
import ai.connecty.athena.local.sql.OutputColumn;
import ai.connecty.athena.local.storage.S3Location;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes query rows as new files into a table's location (INSERT INTO, CTAS): Parquet by default, delimited text
 * or JSON lines for text tables, Hive partition folders for partitioned tables, which are then registered.
 */
final class TableWriter {

    static final OutputColumn ROWS_COLUMN = new OutputColumn("rows", AthenaTypes.fromHive("bigint"));

    /** Rows written and the S3 URIs of the files created. */
    record Written(long rows, List<String> files) {
    }

    private TableWriter() {
    }

    /** {@code select} is DuckDB SQL whose columns are, in order, the table's data columns then partition keys. */
    static Written write(QueryContext ctx, Connection conn, DataCatalog catalog, TableDef table, String select)
            throws SQLException {
        S3Location root = S3Location.parse(table.location()).asPrefix();
        Path dir = ctx.warehouse.results().buckets().pathOf(root.toString());
        StringBuilder copy = new StringBuilder("COPY (").append(rowsAsWritten(table, select)).append(") TO ");
        String stem = ctx.execution.id().replace("-", "");
        String pattern = stem + "_{i}";
        if (table.partitionKeys().isEmpty()) {
            copy.append(Literals.quote(dir.resolve(ctx.execution.id() + extension(table)).toString()));
            copy.append(" (").append(formatOptions(table)).append(")");
        } else {
            String keys = table.partitionKeys().stream().map(k -> Identifiers.quote(k.name()))
                    .collect(Collectors.joining(", "));
            copy.append(Literals.quote(dir.toString())).append(" (").append(formatOptions(table))
                    .append(", PARTITION_BY (").append(keys).append("), FILENAME_PATTERN ")
                    .append(Literals.quote(pattern)).append(", OVERWRITE_OR_IGNORE)");
        }
        long rows;
        try (Statement s = conn.createStatement()) {
            java.nio.file.Files.createDirectories(dir);
            rows = s.executeUpdate(copy.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // The files this statement wrote are the ones named after its execution: a concurrent INSERT into the same
        // location writes others meanwhile, which must not be listed (nor committed to an Iceberg table) as ours.
        List<String> created = ctx.warehouse.files().under(root.toString()).stream()
                .filter(p -> isOwn(p.getFileName().toString(), ctx.execution.id(), stem))
                .map(ctx.warehouse.files()::s3Uri)
                .toList();
        if (!table.partitionKeys().isEmpty()) {
            List<PartitionDef> found = new PartitionScanner(ctx.warehouse.results().buckets()).scan(table);
            List<PartitionDef> known = ctx.warehouse.catalog().partitions(catalog.name(), table.database(), table.name());
            if (found.stream().anyMatch(f -> known.stream().noneMatch(k -> k.values().equals(f.values())))) {
                // Athena writes the files first and registers new partitions last, so a denial leaves them behind.
                ctx.access.requireGlueWrite(ctx.request().caller(), catalog, AccessChecks.Path.ENGINE,
                        "glue:BatchCreatePartition", table.database(), table.name());
            }
            ctx.warehouse.catalog().addPartitions(catalog.name(), table.database(), table.name(), found);
        }
        return new Written(rows, created);
    }

    /**
     * {@code select} as the rows the file holds: a text table's rows become one line of text each (see
     * {@link TextLines}), with the partition keys kept beside it for PARTITION_BY.
     */
    private static String rowsAsWritten(TableDef table, String select) {
        if (!table.fileFormat().equals("csv")) {
            return select;
        }
        return TextLines.rows(TextFormat.of(table), select, table.allColumns().stream().map(ColumnDef::name).toList(),
                table.columns().size());
    }


    private static boolean isOwn(String fileName, String executionId, String stem) {
        return fileName.startsWith(executionId + ".") || fileName.startsWith(stem + "_");
    }

    /** Casts each produced column to the table's declared type, in table order. */
    static String castTo(TableDef table, List<String> sourceExpressions) {
        List<ColumnDef> all = table.allColumns();
        StringBuilder sb = new StringBuilder("SELECT ");
        for (int i = 0; i < all.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            ColumnDef c = all.get(i);
            sb.append("CAST(").append(sourceExpressions.get(i)).append(" AS ")
                    .append(AthenaTypes.duckDbTypeForHive(c.type())).append(") AS ").append(Identifiers.quote(c.name()));
        }
        return sb.toString();
    }

    /** The {@code .metadata} (and manifest when rows were written) of an INSERT or CTAS. */
    static void writeSidecars(QueryContext ctx, String updateType, Written written) {
        OutputFiles files = ctx.execution.files();
        ctx.warehouse.results().put(files.metadata(),
                ResultMetadata.encode(ctx.engineQueryId, updateType, written.rows(), List.of(ROWS_COLUMN)));
        if (written.rows() > 0) {
            String manifest = written.files().stream().map(f -> f + "\n").collect(Collectors.joining());
            ctx.warehouse.results().put(files.manifest(), manifest.getBytes(StandardCharsets.UTF_8));
            ctx.execution.recordManifest(files.manifest().toString());
        }
    }

    private static String extension(TableDef table) {
        return switch (table.fileFormat()) {
            case "csv" -> ".csv";
            case "json" -> ".json";
            default -> ".parquet";
        };
    }

    private static String formatOptions(TableDef table) {
        return switch (table.fileFormat()) {
            // Each row is one finished line (rowsAsWritten): DuckDB must neither quote nor escape it.
            case "csv" -> "FORMAT csv, HEADER false, QUOTE '', ESCAPE ''";
            case "json" -> "FORMAT json";
            default -> "FORMAT parquet";
        };
    }
}
