package ai.connecty.athena.local.engine;

import ai.connecty.athena.local.catalog.IcebergMetadata;
import ai.connecty.athena.local.catalog.TableDef;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The Iceberg table properties Athena lets ALTER TABLE SET/UNSET TBLPROPERTIES change: the keys of its "Specify
 * table properties" list plus the two Iceberg write paths it names. Athena accepts no custom properties on Iceberg
 * tables; the refusal's wording is athena-local's (Athena's was not found).
 */
final class IcebergProperties {

    static final Set<String> SETTABLE = Set.of("format", "write_compression",
            "optimize_rewrite_data_file_threshold", "optimize_rewrite_delete_file_threshold",
            "vacuum_min_snapshots_to_keep", "vacuum_max_snapshot_age_seconds", "vacuum_max_metadata_files_to_keep",
            "write_target_data_file_size_bytes", "write.data.path", "write.object-storage.path");

    /**
     * The properties a table Athena creates has in its Iceberg metadata before any are set, as a published
     * metadata file of an Athena-created table shows them (the object-storage path is the table's
     * {@code <location>data}, added in {@link #icebergProperties}).
     */
    private static final Map<String, String> CREATED = Map.of(
            "write.format.default", "parquet",
            "write.parquet.compression-codec", "zstd",
            "write.target-file-size-bytes", "536870912",
            "write.object-storage.enabled", "true");

    /**
     * Athena's property names and the Iceberg properties it stores them as (Iceberg's TableProperties names for
     * the same settings); the others are stored under their own names.
     */
    private static final Map<String, String> ICEBERG_NAMES = Map.of(
            "format", "write.format.default",
            "write_compression", "write.parquet.compression-codec",
            "write_target_data_file_size_bytes", "write.target-file-size-bytes",
            "vacuum_min_snapshots_to_keep", "history.expire.min-snapshots-to-keep",
            "vacuum_max_snapshot_age_seconds", "history.expire.max-snapshot-age-ms",
            "vacuum_max_metadata_files_to_keep", "write.metadata.previous-versions-max");

    /** The Glue parameters that say where the metadata is, not properties of the table. */
    private static final Set<String> GLUE_BOOKKEEPING = Set.of(IcebergMetadata.TABLE_TYPE,
            IcebergMetadata.METADATA_LOCATION, IcebergMetadata.PREVIOUS_METADATA_LOCATION);

    private IcebergProperties() {
    }

    /**
     * The table's Iceberg properties, as Trino's {@code "t$properties"} lists them (sorted by key): Athena's
     * defaults at creation, overridden by the TBLPROPERTIES athena-local keeps in Glue under their Iceberg names.
     */
    static SortedMap<String, String> icebergProperties(TableDef table) {
        SortedMap<String, String> properties = new TreeMap<>(CREATED);
        String location = table.location() == null ? "" : table.location();
        properties.put("write.object-storage.path", (location.endsWith("/")
                ? location.substring(0, location.length() - 1) : location) + "/data");
        for (Map.Entry<String, String> e : table.parameters().entrySet()) {
            if (GLUE_BOOKKEEPING.contains(e.getKey())) {
                continue;
            }
            String key = ICEBERG_NAMES.getOrDefault(e.getKey(), e.getKey());
            String value = e.getValue();
            if (e.getKey().equals("vacuum_max_snapshot_age_seconds")) {
                value = milliseconds(value);
            } else if (e.getKey().equals("format") || e.getKey().equals("write_compression")) {
                value = value.toLowerCase(Locale.ROOT);
            }
            properties.put(key, value);
        }
        return properties;
    }

    /** Seconds as Iceberg's milliseconds; a value that is no number is kept as given. */
    private static String milliseconds(String seconds) {
        try {
            return Long.toString(Math.multiplyExact(Long.parseLong(seconds.strip()), 1000L));
        } catch (NumberFormatException | ArithmeticException e) {
            return seconds;
        }
    }

    static void requireSettable(String key) {
        if (!SETTABLE.contains(key)) {
            throw QueryFailedException.hive("FAILED: Unsupported table property key: " + key
                    + " (Athena accepts no custom properties on Iceberg tables)", "Unsupported table property key: "
                    + key);
        }
    }
}
