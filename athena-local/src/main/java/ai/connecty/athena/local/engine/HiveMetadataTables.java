package ai.connecty.athena.local.engine;

import ai.connecty.athena.local.catalog.ColumnDef;
import ai.connecty.athena.local.catalog.IcebergMetadata;
import ai.connecty.athena.local.catalog.PartitionDef;
import ai.connecty.athena.local.catalog.TableDef;
import ai.connecty.athena.local.sql.AthenaTypes;
import ai.connecty.athena.local.sql.Literals;
import ai.connecty.athena.local.sql.TableColumns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Trino's Hive connector's metadata tables of a Hive table: {@code "t$properties"} (PropertiesSystemTableProvider:
 * one varchar column per table parameter, sorted by key, and one row of their values) and {@code "t$partitions"}
 * (PartitionsSystemTableProvider: the partition keys with their types, one row per partition; only for a
 * partitioned table). Their columns depend on the table, unlike the Iceberg ones of {@link IcebergMetadataTables}.
 */
enum HiveMetadataTables {

    PROPERTIES("properties"),
    PARTITIONS("partitions");

    /** Hive's name of a partition whose value is null; Trino reads it as NULL. */
    private static final String DEFAULT_PARTITION = "__HIVE_DEFAULT_PARTITION__";

    private final String suffix;

    HiveMetadataTables(String suffix) {
        this.suffix = suffix;
    }

    /**
     * The metadata table {@code suffix} of the Hive table {@code table}; empty where Trino's Hive connector has
     * none: an Iceberg table or a view, an unknown suffix, {@code $partitions} of an unpartitioned table (and,
     * athena-local's choice, {@code $properties} of a table without parameters).
     */
    static Optional<HiveMetadataTables> of(String suffix, TableDef table) {
        if (table.isView() || IcebergMetadata.isIceberg(table)) {
            return Optional.empty();
        }
        for (HiveMetadataTables t : values()) {
            // A table of no parameters would give a table of no columns, which SQL cannot select from.
            boolean empty = t == PARTITIONS ? table.partitionKeys().isEmpty() : table.parameters().isEmpty();
            if (t.suffix.equals(suffix) && !empty) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    List<TableColumns.Declared> columns(TableDef table) {
        return switch (this) {
            case PROPERTIES -> sortedParameters(table).keySet().stream()
                    .map(k -> new TableColumns.Declared(k, "varchar")).toList();
            case PARTITIONS -> table.partitionKeys().stream()
                    .map(c -> new TableColumns.Declared(c.name().toLowerCase(Locale.ROOT), c.type())).toList();
        };
    }

    /** The DuckDB relation of this table's rows; {@code partitions} are the table's Glue partitions. */
    String relation(TableDef table, List<PartitionDef> partitions) {
        List<List<String>> rows = new ArrayList<>();
        switch (this) {
            case PROPERTIES -> rows.add(sortedParameters(table).values().stream().map(Literals::quote).toList());
            case PARTITIONS -> {
                List<ColumnDef> keys = table.partitionKeys();
                for (PartitionDef p : partitions) {
                    List<String> values = new ArrayList<>();
                    for (int i = 0; i < keys.size(); i++) {
                        String v = i < p.values().size() ? p.values().get(i) : null;
                        values.add(v == null || v.equals(DEFAULT_PARTITION) ? "NULL" : "TRY_CAST(" + Literals.quote(v)
                                + " AS " + AthenaTypes.duckDbTypeForHive(keys.get(i).type()) + ")");
                    }
                    rows.add(values);
                }
            }
        }
        return ConstantRelation.of(columns(table), rows);
    }

    /** The table's parameters by lower-case key (Trino's column names), sorted as Trino sorts them. */
    private static Map<String, String> sortedParameters(TableDef table) {
        // Trino sorts the keys as Glue spells them (EXTERNAL before classification), then lower-cases the names.
        Map<String, String> sorted = new LinkedHashMap<>();
        new TreeMap<>(table.parameters()).forEach((k, v) -> sorted.putIfAbsent(k.toLowerCase(Locale.ROOT), v));
        return sorted;
    }
}
