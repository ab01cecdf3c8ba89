package ai.connecty.athena.local.engine;

import java.util.Set;

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

    private IcebergProperties() {
    }

    static void requireSettable(String key) {
        if (!SETTABLE.contains(key)) {
            throw QueryFailedException.hive("FAILED: Unsupported table property key: " + key
                    + " (Athena accepts no custom properties on Iceberg tables)", "Unsupported table property key: "
                    + key);
        }
    }
}
