package ai.connecty.athena.local.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An Iceberg table's current state as athena-local keeps it: one JSON file per version under
 * {@code <location>metadata/}, named by the Glue parameter {@code metadata_location}, listing the data files of the
 * current snapshot. Only the outline of Iceberg's table metadata is kept (no manifests or Avro), so other Iceberg
 * readers cannot open these tables; what matters is that swapping {@code metadata_location} swaps the whole file
 * list at once, so a reader never sees half a change.
 */
public record IcebergMetadata(int version, String tableUuid, String location, long snapshotId,
                              String partitioning, List<String> dataFiles) {

    public static final String TABLE_TYPE = "table_type";
    public static final String ICEBERG = "ICEBERG";
    public static final String METADATA_LOCATION = "metadata_location";
    public static final String PREVIOUS_METADATA_LOCATION = "previous_metadata_location";

    private static final ObjectMapper JSON = new ObjectMapper();

    public IcebergMetadata {
        dataFiles = List.copyOf(dataFiles);
    }

    /** The S3 URI of this version's file: {@code <location>metadata/00003-<uuid>.metadata.json}, as Iceberg names it. */
    public String fileName(String fileUuid) {
        return location + "metadata/" + String.format("%05d", version) + "-" + fileUuid + ".metadata.json";
    }

    /** The next version, whose snapshot holds {@code files}. */
    public IcebergMetadata next(List<String> files, long newSnapshotId) {
        return new IcebergMetadata(version + 1, tableUuid, location, newSnapshotId, partitioning, files);
    }

    public byte[] encode() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format-version", 2);
        root.put("table-uuid", tableUuid);
        root.put("location", location);
        root.put("last-sequence-number", version);
        root.put("current-snapshot-id", snapshotId);
        if (partitioning != null) {
            // The PARTITIONED BY list as written; Iceberg's own partition-specs structure is not kept.
            root.put("athena-local-partitioning", partitioning);
        }
        ArrayNode files = root.putArray("athena-local-data-files");
        dataFiles.forEach(files::add);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static IcebergMetadata decode(byte[] content) {
        try {
            JsonNode root = JSON.readTree(content);
            List<String> files = new ArrayList<>();
            root.path("athena-local-data-files").forEach(f -> files.add(f.asText()));
            return new IcebergMetadata(root.path("last-sequence-number").asInt(), root.path("table-uuid").asText(),
                    root.path("location").asText(), root.path("current-snapshot-id").asLong(),
                    root.hasNonNull("athena-local-partitioning") ? root.get("athena-local-partitioning").asText() : null,
                    files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean isIceberg(TableDef table) {
        return ICEBERG.equalsIgnoreCase(table.parameters().get(TABLE_TYPE));
    }
}
