package ai.connecty.athena.local.catalog;

import ai.connecty.athena.local.sql.AthenaTypes;
import ai.connecty.athena.local.sql.Identifiers;
import ai.connecty.athena.local.sql.Literals;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Mirrors the catalog into DuckDB: each catalog is an attached in-memory database, each Glue database a schema
 * and each table a DuckDB view over its files, with columns cast to the declared Hive types. Views are rebuilt
 * from the files present when a query starts (so files PUT through S3 or written by INSERT are seen) and only
 * replaced when their text changes, which keeps concurrent queries from racing on the DuckDB catalog.
 */
public final class DuckDbViews {

    /**
     * The view SQL, the same over the same files with the {@link HiddenColumns} after the table's own (for statements
     * naming one), and what they read, so the query can report DataScannedInBytes. Both come from one listing of the
     * table's files: views are rebound at the start of every query.
     */
    record Binding(String sql, String hiddenSql, long bytes) {

        /** Several bindings' files read one after the other; an empty list reads {@code none}. */
        static Binding union(List<Binding> parts, Binding none) {
            if (parts.isEmpty()) {
                return none;
            }
            return new Binding(parts.stream().map(Binding::sql).collect(Collectors.joining("\nUNION ALL\n")),
                    parts.stream().map(Binding::hiddenSql).collect(Collectors.joining("\nUNION ALL\n")),
                    parts.stream().mapToLong(Binding::bytes).sum());
        }
    }

    private final Connection admin;
    private final TableFiles files;
    private final Map<String, String> boundSql = new HashMap<>();
    private final ParquetColumns parquetColumns;
    private final PlainCsvFiles plainCsvFiles = new PlainCsvFiles();

    public DuckDbViews(Connection admin, TableFiles files) {
        this.admin = admin;
        this.files = files;
        this.parquetColumns = new ParquetColumns(admin);
    }

    public synchronized void attach(DataCatalog catalog) {
        exec("ATTACH IF NOT EXISTS ':memory:' AS " + Identifiers.quote(catalog.engineName()));
    }

    public synchronized void createSchema(DataCatalog catalog, String database) {
        exec("CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(catalog.engineName()) + "." + Identifiers.quote(database));
    }

    public synchronized void dropSchema(DataCatalog catalog, String database) {
        boundSql.keySet().removeIf(k -> k.startsWith(catalog.engineName() + "." + database + "."));
        exec("DROP SCHEMA IF EXISTS " + Identifiers.quote(catalog.engineName()) + "." + Identifiers.quote(database) + " CASCADE");
    }

    public synchronized void drop(DataCatalog catalog, String database, String name) {
        boundSql.remove(qualified(catalog, database, name));
        boundSql.remove(hiddenColumnsView(catalog, database, name));
        exec("DROP VIEW IF EXISTS " + qualified(catalog, database, name));
        exec("DROP VIEW IF EXISTS " + hiddenColumnsView(catalog, database, name));
    }

    /** Points the DuckDB view of a file-backed table at the files present now; returns the bytes it covers. */
    public synchronized long bindTable(DataCatalog catalog, TableDef table, List<PartitionDef> partitions) {
        Binding b = bindingFor(table, partitions);
        replaceIfChanged(qualified(catalog, table.database(), table.name()), b.sql());
        replaceIfChanged(hiddenColumnsView(catalog, table.database(), table.name()), b.hiddenSql());
        return b.bytes();
    }

    /** Registers an Athena view whose body has already been translated to DuckDB SQL. */
    public synchronized void bindView(DataCatalog catalog, TableDef view, String duckDbSelect) {
        replaceIfChanged(qualified(catalog, view.database(), view.name()), duckDbSelect);
    }

    /**
     * A SELECT of {@code table}'s columns over exactly {@code found} (an Iceberg snapshot's files, for time travel),
     * typed as the table's view is.
     */
    public String selectOver(TableDef table, List<Path> found) {
        return found.isEmpty() ? noRows(table, false) : selectFrom(table, found, List.of(), false);
    }

    /**
     * A SELECT of an Iceberg snapshot's rows in {@code schema} (the snapshot's own, for time travel, as Trino's
     * Iceberg connector reads it since 2022).
     */
    public String selectIceberg(TableDef table, IcebergMetadata metadata, List<String> dataFiles,
                                IcebergSchema schema) {
        return icebergBinding(table, metadata, dataFiles, schema).sql();
    }

    /**
     * As {@link #selectIceberg}, with the table's {@link HiddenColumns} after its own columns, computed from that
     * snapshot's data files: a statement naming {@code "$path"} of a table read as of a version reads this.
     */
    public String selectIcebergWithHidden(TableDef table, IcebergMetadata metadata, List<String> dataFiles,
                                          IcebergSchema schema) {
        return icebergBinding(table, metadata, dataFiles, schema).hiddenSql();
    }

    /**
     * Iceberg reads columns by id: each file is read with the schema it was written with, a current column
     * taking the file's column of the same id (under whatever name it had then, cast to today's promoted type) or
     * NULL when the file predates it. Files of one schema are read together; the groups are joined by UNION ALL.
     */
    private Binding icebergBinding(TableDef table, IcebergMetadata metadata, List<String> dataFiles,
                                   IcebergSchema schema) {
        Map<Integer, List<String>> bySchema = new java.util.LinkedHashMap<>();
        Map<String, Integer> written = metadata.fileSchemas();
        for (String f : dataFiles) {
            bySchema.computeIfAbsent(written.getOrDefault(f, IcebergMetadata.UNKNOWN_SCHEMA),
                    k -> new ArrayList<>()).add(f);
        }
        TableDef shaped = table.withColumns(schema.columns());
        List<Binding> parts = new ArrayList<>();
        for (Map.Entry<Integer, List<String>> group : bySchema.entrySet()) {
            Map<Path, String> recorded = files.recorded(group.getValue());
            List<Path> found = List.copyOf(recorded.keySet());
            if (found.isEmpty()) {
                continue;
            }
            // Files from before schemas were kept were written with the first schema kept (or, with none kept, with
            // the columns of today's names).
            IcebergSchema fileSchema = metadata.schema(group.getKey())
                    .or(() -> metadata.schemas().stream().findFirst()).orElse(null);
            List<String> items = new ArrayList<>();
            for (IcebergSchema.Field f : schema.fields()) {
                String type = duckType(f.column());
                String source = (fileSchema == null ? java.util.Optional.of(f) : fileSchema.field(f.id()))
                        .map(old -> Identifiers.quote(old.name())).orElse("NULL");
                items.add("CAST(" + source + " AS " + type + ") AS " + Identifiers.quote(f.name()));
            }
            List<String> withHidden = new ArrayList<>(items);
            // "$path" is the data file's URI as the metadata records it (s3a:// stays s3a://), as in Trino
            withHidden.addAll(HiddenColumns.items(table, found, List.of(), recorded::get));
            parts.add(new Binding("SELECT " + String.join(", ", items) + " FROM " + reader(shaped, found, false),
                    "SELECT " + String.join(", ", withHidden) + " FROM " + reader(shaped, found, true),
                    TableFiles.totalBytes(found)));
        }
        return Binding.union(parts, noRows(shaped));
    }

    Binding bindingFor(TableDef table, List<PartitionDef> partitions) {
        if (IcebergMetadata.isIceberg(table)) {
            IcebergMetadata metadata = files.icebergMetadata(table);
            return icebergBinding(table, metadata, metadata.dataFiles(), metadata.currentSchema(table.columns()));
        }
        List<Binding> parts = new ArrayList<>();
        if (table.partitionKeys().isEmpty()) {
            List<Path> found = files.of(table);
            if (!found.isEmpty()) {
                parts.add(filesBinding(table, found, List.of()));
            }
        } else {
            for (PartitionDef p : partitions) {
                List<Path> found = files.under(p.location());
                if (!found.isEmpty()) {
                    parts.add(filesBinding(table, found, p.values()));
                }
            }
        }
        return Binding.union(parts, noRows(table));
    }

    /** One group of files (a partition's, or an unpartitioned table's): both views' SELECTs and their bytes. */
    private Binding filesBinding(TableDef table, List<Path> found, List<String> partitionValues) {
        return new Binding(selectFrom(table, found, partitionValues, false),
                selectFrom(table, found, partitionValues, true), TableFiles.totalBytes(found));
    }

    /** Both views of no rows, typed as the table's columns. */
    private static Binding noRows(TableDef table) {
        return new Binding(noRows(table, false), noRows(table, true), 0);
    }

    private static String noRows(TableDef table, boolean hidden) {
        List<String> nulls = new ArrayList<>(table.allColumns().stream()
                .map(c -> "CAST(NULL AS " + duckType(c) + ") AS " + Identifiers.quote(c.name())).toList());
        if (hidden) {
            nulls.addAll(HiddenColumns.nullItems(table));
        }
        return "SELECT " + String.join(", ", nulls) + " WHERE false";
    }

    /**
     * The table's columns over {@code found}, mapped to the files as Athena's Hive reader maps them: text files by
     * position (the reader names the fields after the table's columns, so a renamed column keeps its data), JSON
     * and Parquet by name (a column the files do not have reads NULL, as after CHANGE COLUMN renamed it). A changed
     * type is cast: text leniently, as Hive's text SerDe (unparseable is NULL), Parquet with DuckDB's CAST.
     */
    private String selectFrom(TableDef table, List<Path> found, List<String> partitionValues, boolean hidden) {
        List<String> items = new ArrayList<>();
        boolean text = table.fileFormat().equals("csv");
        boolean openCsv = text && TextFormat.of(table).openCsv();
        java.util.Set<String> written = table.fileFormat().equals("parquet") ? parquetColumns.union(found) : null;
        for (int field = 0; field < table.columns().size(); field++) {
            ColumnDef c = table.columns().get(field);
            String type = duckType(c);
            if (written != null && !written.contains(c.name().toLowerCase(java.util.Locale.ROOT))) {
                items.add("CAST(NULL AS " + type + ") AS " + Identifiers.quote(c.name()));
            } else if (openCsv && type.equals("VARCHAR")) {
                // OpenCsvReader gives every field as written: an empty one (how NULL is written) is the empty
                // string, a missing one NULL, as in Hive.
                items.add(Identifiers.quote(c.name()));
            } else if (openCsv) {
                // Athena fails a value OpenCSVSerde cannot parse (HIVE_BAD_DATA) unless the table asks for NULL
                items.add(OpenCsvValues.item(table, c, field, type));
            } else if (text && !type.equals("VARCHAR")) {
                // Hive's text SerDe turns unparseable values into NULL instead of failing the query.
                items.add("TRY_CAST(" + Identifiers.quote(c.name()) + " AS " + type + ") AS " + Identifiers.quote(c.name()));
            } else {
                items.add("CAST(" + Identifiers.quote(c.name()) + " AS " + type + ") AS " + Identifiers.quote(c.name()));
            }
        }
        for (int i = 0; i < table.partitionKeys().size(); i++) {
            ColumnDef k = table.partitionKeys().get(i);
            items.add("CAST(" + Literals.quote(partitionValues.get(i)) + " AS " + duckType(k) + ") AS "
                    + Identifiers.quote(k.name()));
        }
        if (hidden) {
            items.addAll(HiddenColumns.items(table, found, partitionValues, files::s3Uri));
        }
        return "SELECT " + String.join(", ", items) + " FROM " + reader(table, found, hidden);
    }

    /** {@code withFile}: the reader also names each row's file, in {@link HiddenColumns#FILE_COLUMN}. */
    private String reader(TableDef table, List<Path> found, boolean withFile) {
        String list = found.stream().map(p -> Literals.quote(p.toString())).collect(Collectors.joining(", ", "[", "]"));
        String file = withFile ? ", filename=" + Literals.quote(HiddenColumns.FILE_COLUMN) : "";
        switch (table.fileFormat()) {
            case "json":
                return "read_json(" + list + ", format='newline_delimited', columns=" + columnStruct(table, false)
                        + file + ")";
            case "csv":
                return textReader(table, TextFormat.of(table), found, list, withFile);
            default:
                return "read_parquet(" + list + ", union_by_name=true" + file + ")";
        }
    }

    /**
     * Hive's text SerDes are lenient where DuckDB's CSV reader is strict: a line with fewer fields leaves the rest
     * NULL (null_padding) and, for LazySimpleSerDe, one with more drops the extra (strict_mode=false). OpenCSV files
     * and LazySimpleSerDe files with an escape character are split by athena-local's own readers, which follow
     * Hive's parsers where DuckDB's reader cannot ({@link OpenCsvReader}, {@link EscapedTextReader}); OpenCSV files
     * that need none of opencsv's own rules are still read by DuckDB's reader ({@link PlainCsvFiles}).
     */
    private String textReader(TableDef table, TextFormat format, List<Path> found, String list, boolean withFile) {
        if (format.escaped()) {
            return EscapedTextReader.relation(table, format, found, skipLines(table), withFile);
        }
        if (format.openCsv()) {
            return plainCsvFiles.relation(table, format, found, skipLines(table), withFile);
        }
        return "read_csv(" + list + ", header=false, auto_detect=false, all_varchar=true, skip=" + skipLines(table)
                + ", delim=" + Literals.quote(format.delimiter()) + ", null_padding=true, columns="
                + columnStruct(table, true) + ", strict_mode=false, quote='', escape='', nullstr="
                + Literals.quote(format.nullFormat())
                + (withFile ? ", filename=" + Literals.quote(HiddenColumns.FILE_COLUMN) : "") + ")";
    }

    private String columnStruct(TableDef table, boolean allVarchar) {
        return table.columns().stream()
                .map(c -> Literals.quote(c.name()) + ": " + Literals.quote(allVarchar ? "VARCHAR" : duckType(c)))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static int skipLines(TableDef table) {
        try {
            return Integer.parseInt(table.parameters().getOrDefault("skip.header.line.count", "0").trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String duckType(ColumnDef c) {
        return AthenaTypes.duckDbTypeForHive(c.type());
    }

    private void replaceIfChanged(String qualifiedName, String select) {
        if (select.equals(boundSql.get(qualifiedName))) {
            return;
        }
        exec("CREATE OR REPLACE VIEW " + qualifiedName + " AS " + select);
        boundSql.put(qualifiedName, select);
    }

    private void exec(String sql) {
        try (Statement s = admin.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB refused catalog statement: " + e.getMessage(), e);
        }
    }

    /**
     * The DuckDB view of table {@code name} with its {@link HiddenColumns} after its own columns, which statements
     * naming a hidden column read in its place. Its name ends in {@code $hidden_columns}: Glue names have no
     * {@code $}, and a statement naming {@code t$...} reads one of Trino's metadata tables or fails.
     */
    public static String hiddenColumnsView(DataCatalog catalog, String database, String name) {
        return qualified(catalog, database, name + "$hidden_columns");
    }

    private static String qualified(DataCatalog catalog, String database, String name) {
        return Identifiers.quote(catalog.engineName()) + "." + Identifiers.quote(database) + "." + Identifiers.quote(name);
    }
}
