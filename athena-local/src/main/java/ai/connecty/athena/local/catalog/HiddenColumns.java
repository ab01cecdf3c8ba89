package ai.connecty.athena.local.catalog;

import ai.connecty.athena.local.sql.Identifiers;
import ai.connecty.athena.local.sql.Literals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The hidden columns Trino's connectors give a table, which Athena users query to learn where a row came from: the
 * Hive connector's {@code $path} (the object's S3 URI), {@code $file_size}, {@code $file_modified_time} and, on a
 * partitioned table, {@code $partition} (the Hive partition name {@code k1=v1/k2=v2}); the Iceberg connector's
 * {@code $path} and {@code $file_modified_time}. They are no columns of the table: {@code *}, DESCRIBE,
 * information_schema and Glue do not show them, so DuckDB reads them from a second view of the table
 * ({@link DuckDbViews#hiddenColumnsView}), which a statement naming one of them reads instead.
 * <p>
 * The values are computed from the column in which DuckDB's reader gives each row's local file ({@link #FILE_COLUMN}):
 * the file's S3 URI, size and modification time are known when the view is bound (it lists the files), so each is
 * a CASE over the file names, which DuckDB evaluates only where a query reads the column.
 */
public final class HiddenColumns {

    public static final String PATH = "$path";
    public static final String FILE_SIZE = "$file_size";
    public static final String FILE_MODIFIED_TIME = "$file_modified_time";
    public static final String PARTITION = "$partition";

    /** The column DuckDB's readers name each row's local file in (a name no Glue column can have). */
    static final String FILE_COLUMN = "$file";

    private HiddenColumns() {
    }

    /** The hidden columns of {@code table}, in Trino's types, as the connector reading it has them. */
    public static List<ColumnDef> of(TableDef table) {
        List<ColumnDef> columns = new ArrayList<>();
        columns.add(ColumnDef.of(PATH, "varchar"));
        if (!IcebergMetadata.isIceberg(table)) {
            columns.add(ColumnDef.of(FILE_SIZE, "bigint"));
        }
        columns.add(ColumnDef.of(FILE_MODIFIED_TIME, "timestamp(3) with time zone"));
        if (!IcebergMetadata.isIceberg(table) && !table.partitionKeys().isEmpty()) {
            columns.add(ColumnDef.of(PARTITION, "varchar"));
        }
        return columns;
    }

    /**
     * The SELECT items of {@code table}'s hidden columns over rows read from {@code found} by a reader that names
     * each row's file in {@link #FILE_COLUMN}; {@code partitionValues} are the partition's (empty for an unpartitioned
     * or Iceberg table) and {@code s3Uri} maps a local file to its object's URI.
     */
    static List<String> items(TableDef table, List<Path> found, List<String> partitionValues,
                              Function<Path, String> s3Uri) {
        List<String> items = new ArrayList<>();
        for (ColumnDef c : of(table)) {
            String value = switch (c.name()) {
                case PATH -> byFile(found, p -> Literals.quote(s3Uri.apply(p)), "VARCHAR");
                case FILE_SIZE -> byFile(found, p -> Long.toString(size(p)), "BIGINT");
                // from epoch microseconds: no session time zone takes part, and Trino's value has milliseconds
                case FILE_MODIFIED_TIME -> byFile(found, p -> "make_timestamptz(" + modifiedMillis(p) * 1000 + ")",
                        "TIMESTAMPTZ");
                default -> Literals.quote(partitionName(table, partitionValues));
            };
            items.add(value + " AS " + Identifiers.quote(c.name()));
        }
        return items;
    }

    /** The items of {@code table}'s hidden columns in a view of no rows. */
    static List<String> nullItems(TableDef table) {
        return of(table).stream().map(c -> "CAST(NULL AS " + switch (c.name()) {
            case FILE_SIZE -> "BIGINT";
            case FILE_MODIFIED_TIME -> "TIMESTAMPTZ";
            default -> "VARCHAR";
        } + ") AS " + Identifiers.quote(c.name())).toList();
    }

    private static String byFile(List<Path> found, Function<Path, String> value, String type) {
        if (found.size() == 1) {
            return "CAST(" + value.apply(found.get(0)) + " AS " + type + ")";
        }
        StringBuilder sb = new StringBuilder("CAST(CASE ").append(Identifiers.quote(FILE_COLUMN));
        for (Path p : found) {
            sb.append(" WHEN ").append(Literals.quote(p.toString())).append(" THEN ").append(value.apply(p));
        }
        return sb.append(" END AS ").append(type).append(")").toString();
    }

    /** Hive's partition name: {@code key=value} per partition key joined by {@code /}, values path-escaped. */
    static String partitionName(TableDef table, List<String> values) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < table.partitionKeys().size(); i++) {
            parts.add(escapePathName(table.partitionKeys().get(i).name()) + "=" + escapePathName(values.get(i)));
        }
        return String.join("/", parts);
    }

    /** Hive's FileUtils.escapePathName: the characters a path element cannot hold as {@code %XX}. */
    private static String escapePathName(String value) {
        if (value == null || value.isEmpty()) {
            return "__HIVE_DEFAULT_PARTITION__";
        }
        StringBuilder sb = new StringBuilder();
        for (char ch : value.toCharArray()) {
            if (ch < 0x20 || ch == 0x7F || "\"#%'*/:=?\\{[]^".indexOf(ch) >= 0) {
                sb.append('%').append(String.format("%02X", (int) ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;   // deleted since it was listed: the reader will not find it either
        }
    }

    private static long modifiedMillis(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
