package ai.connecty.athena.local.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Glue table or Athena view. Tables point at files ({@code location}, formats, SerDe); views keep their Athena
 * SQL in {@code viewSql} and their output columns (Trino type spelling in {@code viewColumns}) for the
 * {@code Presto View} JSON that Glue clients decode.
 */
public record TableDef(String database, String name, String tableType, List<ColumnDef> columns,
                       List<ColumnDef> partitionKeys, String location, String inputFormat, String outputFormat,
                       String serdeLibrary, Map<String, String> serdeParameters, Map<String, String> parameters,
                       String viewSql, List<ColumnDef> viewColumns, double createTime, String owner,
                       Bucketing bucketing) {

    public static final String EXTERNAL_TABLE = "EXTERNAL_TABLE";
    public static final String VIRTUAL_VIEW = "VIRTUAL_VIEW";

    public static final String PARQUET_INPUT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat";
    public static final String PARQUET_OUTPUT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat";
    public static final String PARQUET_SERDE = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";
    public static final String TEXT_INPUT = "org.apache.hadoop.mapred.TextInputFormat";
    public static final String TEXT_OUTPUT = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat";
    public static final String LAZY_SIMPLE_SERDE = "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe";
    public static final String OPEN_CSV_SERDE = "org.apache.hadoop.hive.serde2.OpenCSVSerde";
    public static final String JSON_SERDE = "org.openx.data.jsonserde.JsonSerDe";
    public static final String HIVE_JSON_SERDE = "org.apache.hive.hcatalog.data.JsonSerDe";

    public TableDef {
        database = database.toLowerCase(java.util.Locale.ROOT);
        name = name.toLowerCase(java.util.Locale.ROOT);
        columns = List.copyOf(columns);
        partitionKeys = partitionKeys == null ? List.of() : List.copyOf(partitionKeys);
        serdeParameters = serdeParameters == null ? Map.of() : new TreeMap<>(serdeParameters);
        parameters = parameters == null ? Map.of() : new TreeMap<>(parameters);
        viewColumns = viewColumns == null ? List.of() : List.copyOf(viewColumns);
    }

    /** A table without bucketing ({@link #bucketing} null), as most are. */
    public TableDef(String database, String name, String tableType, List<ColumnDef> columns,
                    List<ColumnDef> partitionKeys, String location, String inputFormat, String outputFormat,
                    String serdeLibrary, Map<String, String> serdeParameters, Map<String, String> parameters,
                    String viewSql, List<ColumnDef> viewColumns, double createTime, String owner) {
        this(database, name, tableType, columns, partitionKeys, location, inputFormat, outputFormat, serdeLibrary,
                serdeParameters, parameters, viewSql, viewColumns, createTime, owner, null);
    }

    public TableDef withBucketing(Bucketing newBucketing) {
        return new TableDef(database, name, tableType, columns, partitionKeys, location, inputFormat, outputFormat,
                serdeLibrary, serdeParameters, parameters, viewSql, viewColumns, createTime, owner, newBucketing);
    }

    public boolean isView() {
        return VIRTUAL_VIEW.equals(tableType);
    }

    /** How the files are read: {@code parquet}, {@code json} or {@code csv}. */
    public String fileFormat() {
        if (serdeLibrary == null) {
            return "parquet";
        }
        if (serdeLibrary.equals(JSON_SERDE) || serdeLibrary.equals(HIVE_JSON_SERDE)) {
            return "json";
        }
        if (serdeLibrary.equals(PARQUET_SERDE)) {
            return "parquet";
        }
        return "csv";
    }

    /** Data columns followed by partition keys, the order Athena shows them in. */
    public List<ColumnDef> allColumns() {
        List<ColumnDef> all = new ArrayList<>(columns);
        all.addAll(partitionKeys);
        return all;
    }

    public TableDef withColumns(List<ColumnDef> newColumns) {
        return new TableDef(database, name, tableType, newColumns, partitionKeys, location, inputFormat, outputFormat,
                serdeLibrary, serdeParameters, parameters, viewSql, viewColumns, createTime, owner, bucketing);
    }

    public TableDef withParameters(Map<String, String> newParameters) {
        return new TableDef(database, name, tableType, columns, partitionKeys, location, inputFormat, outputFormat,
                serdeLibrary, serdeParameters, newParameters, viewSql, viewColumns, createTime, owner, bucketing);
    }

    /** The same table under another database and name (ALTER TABLE RENAME TO). */
    public TableDef withName(String newDatabase, String newName) {
        return new TableDef(newDatabase, newName, tableType, columns, partitionKeys, location, inputFormat, outputFormat,
                serdeLibrary, serdeParameters, parameters, viewSql, viewColumns, createTime, owner, bucketing);
    }

    public TableDef withLocation(String newLocation) {
        return new TableDef(database, name, tableType, columns, partitionKeys, newLocation, inputFormat, outputFormat,
                serdeLibrary, serdeParameters, parameters, viewSql, viewColumns, createTime, owner, bucketing);
    }
}
