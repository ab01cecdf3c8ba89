package ai.connecty.athena.local.engine;

import ai.connecty.athena.local.catalog.TextFormat;
import ai.connecty.athena.local.engine.result.ResultMetadata;
import ai.connecty.athena.local.sql.EngineFailure;
import ai.connecty.athena.local.sql.Identifiers;
import ai.connecty.athena.local.sql.Literals;
import ai.connecty.athena.local.sql.UnloadQuery;
import ai.connecty.athena.local.sql.UnloadSyntax;
import ai.connecty.athena.local.storage.S3Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * UNLOAD: the query's rows written as files under the TO location (which must hold nothing yet), with DuckDB's
 * COPY; the files are listed in {@code <output><id>-manifest.csv}, which Statistics.DataManifestLocation names.
 * Nothing goes into the catalog, and no result rows are written.
 */
final class UnloadStatement {

    /** Formats Athena's UNLOAD writes; athena-local writes those DuckDB has built in. */
    static final List<String> WRITTEN_FORMATS = List.of("PARQUET", "JSON", "TEXTFILE");
    private static final List<String> ATHENA_FORMATS = List.of("PARQUET", "ORC", "AVRO", "JSON", "TEXTFILE");
    private static final List<String> PROPERTIES = List.of("format", "compression", "field_delimiter",
            "partitioned_by");

    private UnloadStatement() {
    }

    static StatementResult run(QueryContext ctx) throws SQLException {
        UnloadSyntax unload = UnloadSyntax.parse(ctx.statement().text());
        for (String name : unload.properties().keySet()) {
            if (!PROPERTIES.contains(name)) {
                throw fail("INVALID_TABLE_PROPERTY", 1100, "Catalog 'awsdatacatalog' table property '" + name
                        + "' does not exist");
            }
        }
        String format = unload.upper("format", "PARQUET");
        if (!ATHENA_FORMATS.contains(format)) {
            throw fail("INVALID_TABLE_PROPERTY", 1100, "Unsupported UNLOAD format: " + format + " (Athena writes "
                    + String.join(", ", ATHENA_FORMATS) + ")");
        }
        if (!WRITTEN_FORMATS.contains(format)) {
            throw fail("NOT_SUPPORTED", 1200, "UNLOAD format " + format + " is not supported by athena-local; "
                    + "it writes " + String.join(", ", WRITTEN_FORMATS));
        }
        if (!S3Location.isValid(unload.target())) {
            throw fail("INVALID_TABLE_PROPERTY", 1100, "UNLOAD location is not a valid S3 path: " + unload.target());
        }
        S3Location target = S3Location.parse(unload.target()).asPrefix();
        String codec = compression(format, unload.upper("compression", null));
        String delimiter = delimiter(unload.properties().get("field_delimiter"));
        List<String> partitionedBy = unload.properties().getOrDefault("partitioned_by", List.of()).stream()
                .map(s -> s.toLowerCase(Locale.ROOT)).toList();

        SelectStatement.prepareQueryReads(ctx);
        ctx.access.requireWrite(ctx.request().caller(), target, target.toString());
        if (!ctx.warehouse.files().under(target.toString()).isEmpty()) {
            // Athena checks the location is empty before writing, so UNLOAD never overwrites (unmeasured wording).
            throw fail("HIVE_PATH_ALREADY_EXISTS", 1000, "Target directory for UNLOAD already exists: " + target);
        }
        UnloadQuery.Translated query = UnloadQuery.duckDbQuery(ctx.statement(), ctx.tableColumns());
        try (Connection conn = ctx.openConnection()) {
            List<String> names = columnNames(conn, query);
            checkPartitionColumns(names, partitionedBy);
            String select = "SELECT * FROM (" + query.sql() + ") AS q("
                    + names.stream().map(Identifiers::quote).collect(Collectors.joining(", ")) + ")";
            if (format.equals("TEXTFILE")) {
                // As LazySimpleSerDe writes text (TextLines): DuckDB's CSV writer would quote values holding the
                // delimiter or a quote, which Hive's readers then keep as part of the value.
                select = TextLines.rows(TextFormat.lazySimple(delimiter), select, names,
                        names.size() - partitionedBy.size());
            }
            Path dir = ctx.warehouse.results().buckets().pathOf(target.toString());
            String stem = ctx.engineQueryId + "_";
            String suffix = codec.equals("gzip") && !format.equals("PARQUET") ? ".gz" : "";
            StringBuilder copy = new StringBuilder("COPY (").append(select).append(") TO ");
            String options = options(format, codec);
            if (partitionedBy.isEmpty()) {
                copy.append(Literals.quote(dir.resolve(stem + UUID.randomUUID() + suffix).toString()))
                        .append(" (").append(options).append(")");
            } else {
                copy.append(Literals.quote(dir.toString())).append(" (").append(options).append(", PARTITION_BY (")
                        .append(partitionedBy.stream().map(Identifiers::quote).collect(Collectors.joining(", ")))
                        .append("), FILENAME_PATTERN ").append(Literals.quote(stem + "{uuid}"));
                if (!suffix.isEmpty()) {
                    copy.append(", FILE_EXTENSION 'gz'");
                }
                copy.append(")");
            }
            long rows;
            try (Statement s = conn.createStatement()) {
                Files.createDirectories(dir);
                rows = s.executeUpdate(copy.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ctx.checkNotCancelled();
            List<String> written = ctx.warehouse.files().under(target.toString()).stream()
                    .filter(p -> p.getFileName().toString().startsWith(stem))
                    .map(ctx.warehouse.files()::s3Uri)
                    .toList();
            writeSidecars(ctx, rows, written);
            return StatementResult.rowCount(TableWriter.ROWS_COLUMN, rows);
        } catch (SQLException e) {
            throw EngineFailure.from(e, ctx.statement(), ctx.catalogName(), ctx.databaseName());
        }
    }

    /** The query's column names: Athena's where the translation knows them, else DuckDB's. */
    private static List<String> columnNames(Connection conn, UnloadQuery.Translated query) throws SQLException {
        List<String> described = new ArrayList<>();
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("DESCRIBE " + query.sql())) {
            while (rs.next()) {
                described.add(rs.getString("column_name"));
            }
        }
        return query.names().size() == described.size() ? query.names() : described;
    }

    /** Partition columns must exist and come last, in the order listed (Trino's rule for partitioned writes). */
    private static void checkPartitionColumns(List<String> names, List<String> partitionedBy) {
        if (partitionedBy.isEmpty()) {
            return;
        }
        for (String key : partitionedBy) {
            if (!names.contains(key)) {
                throw fail("INVALID_TABLE_PROPERTY", 1100, "Partition column " + key
                        + " is not a column of the UNLOAD query");
            }
        }
        if (partitionedBy.size() >= names.size()
                || !names.subList(names.size() - partitionedBy.size(), names.size()).equals(partitionedBy)) {
            throw fail("HIVE_COLUMN_ORDER_MISMATCH", 1000, "Partition keys must be the last columns in the table "
                    + "and in the same order as the table properties: " + partitionedBy);
        }
    }

    /**
     * DuckDB's codec for Athena's {@code compression}: Athena's defaults are GZIP for every format athena-local
     * writes (its UNLOAD documentation); NONE writes plain files.
     */
    private static String compression(String format, String requested) {
        String c = requested == null ? "GZIP" : requested;
        List<String> codecs = format.equals("PARQUET") ? List.of("GZIP", "SNAPPY", "ZSTD", "LZ4", "NONE")
                : List.of("GZIP", "ZSTD", "NONE");
        if (!codecs.contains(c)) {
            throw fail("NOT_SUPPORTED", 1200, "UNLOAD compression " + c + " for " + format
                    + " is not supported by athena-local; it writes " + String.join(", ", codecs));
        }
        if (c.equals("NONE")) {
            return format.equals("PARQUET") ? "uncompressed" : "none";
        }
        return c.toLowerCase(Locale.ROOT);
    }

    private static String delimiter(List<String> given) {
        if (given == null || given.isEmpty()) {
            return TextFormat.HIVE_DELIMITER;
        }
        String d = given.get(0);
        if (d.length() != 1) {
            throw fail("INVALID_TABLE_PROPERTY", 1100, "field_delimiter must be a single character: '" + d + "'");
        }
        return d;
    }

    private static String options(String format, String codec) {
        return switch (format) {
            // Hive's text has no header, and each row is one finished line (TextLines): DuckDB must neither quote
            // nor escape it.
            case "TEXTFILE" -> "FORMAT csv, HEADER false, QUOTE '', ESCAPE '', COMPRESSION " + Literals.quote(codec);
            case "JSON" -> "FORMAT json, COMPRESSION " + Literals.quote(codec);
            default -> "FORMAT parquet, COMPRESSION " + Literals.quote(codec);
        };
    }

    /** {@code .metadata} and the manifest, which Athena writes for every UNLOAD (even one of no rows). */
    private static void writeSidecars(QueryContext ctx, long rows, List<String> files) {
        OutputFiles out = ctx.execution.files();
        ctx.warehouse.results().put(out.metadata(),
                ResultMetadata.encode(ctx.engineQueryId, "UNLOAD", rows, List.of(TableWriter.ROWS_COLUMN)));
        String manifest = files.stream().map(f -> f + "\n").collect(Collectors.joining());
        ctx.warehouse.results().put(out.manifest(), manifest.getBytes(StandardCharsets.UTF_8));
        ctx.execution.recordManifest(out.manifest().toString());
    }

    private static QueryFailedException fail(String name, int type, String message) {
        return QueryFailedException.engine(name + ": " + message, 2, type);
    }
}
