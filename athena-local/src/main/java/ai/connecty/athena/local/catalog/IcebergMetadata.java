package ai.connecty.athena.local.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An Iceberg table's state as athena-local keeps it: one JSON file per version under {@code <location>metadata/},
 * named by the Glue parameter {@code metadata_location}. Each file carries every snapshot still kept (oldest
 * first, the last one current), each written as the files it added and removed, so that time travel and the
 * {@code $snapshots}, {@code $history} and {@code $files} tables need read only the current file, and the file
 * grows with the changes rather than with commits times files. Only the outline of Iceberg's table
 * metadata is kept (no manifests or Avro), so other Iceberg readers cannot open these tables; what matters is that
 * swapping {@code metadata_location} swaps the whole file list at once, so a reader never sees half a change.
 */
public record IcebergMetadata(int version, String tableUuid, String location, String partitioning,
                              List<IcebergSnapshot> snapshots) {

    public static final String TABLE_TYPE = "table_type";
    public static final String ICEBERG = "ICEBERG";
    public static final String METADATA_LOCATION = "metadata_location";
    public static final String PREVIOUS_METADATA_LOCATION = "previous_metadata_location";

    /** Iceberg's current-snapshot-id of a table no commit has written to yet. */
    public static final long NO_SNAPSHOT = -1;

    private static final ObjectMapper JSON = new ObjectMapper();

    public IcebergMetadata {
        snapshots = List.copyOf(snapshots);
    }

    /** A new table's first version: Iceberg's CREATE TABLE makes no snapshot, so there is nothing to travel to. */
    public static IcebergMetadata created(String tableUuid, String location, String partitioning) {
        return new IcebergMetadata(0, tableUuid, location, partitioning, List.of());
    }

    /** The S3 URI of this version's file: {@code <location>metadata/00003-<uuid>.metadata.json}, as Iceberg names it. */
    public String fileName(String fileUuid) {
        return location + "metadata/" + String.format("%05d", version) + "-" + fileUuid + ".metadata.json";
    }

    /** The file name of the version after this one ({@link #fileName} numbers by this version). */
    public String nextFileName(String fileUuid) {
        return new IcebergMetadata(version + 1, tableUuid, location, partitioning, List.of()).fileName(fileUuid);
    }

    public Optional<IcebergSnapshot> currentSnapshot() {
        return snapshots.isEmpty() ? Optional.empty() : Optional.of(snapshots.get(snapshots.size() - 1));
    }

    public long currentSnapshotId() {
        return currentSnapshot().map(IcebergSnapshot::snapshotId).orElse(NO_SNAPSHOT);
    }

    /** The data files (S3 URIs) of the current snapshot; none before the first commit. */
    public List<String> dataFiles() {
        return currentSnapshot().map(IcebergSnapshot::dataFiles).orElse(List.of());
    }

    public Optional<IcebergSnapshot> snapshot(long snapshotId) {
        return snapshots.stream().filter(s -> s.snapshotId() == snapshotId).findFirst();
    }

    /** The snapshot current at {@code epochMillis}: the last one committed at or before it, as Iceberg picks it. */
    public Optional<IcebergSnapshot> snapshotAsOf(long epochMillis) {
        IcebergSnapshot found = null;
        for (IcebergSnapshot s : snapshots) {
            if (s.committedAt() <= epochMillis) {
                found = s;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The next version, whose new current snapshot is {@code snapshot}; earlier snapshots are all kept. */
    public IcebergMetadata next(IcebergSnapshot snapshot) {
        List<IcebergSnapshot> all = new ArrayList<>(snapshots);
        all.add(snapshot);
        return new IcebergMetadata(version + 1, tableUuid, location, partitioning, all);
    }

    public byte[] encode() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format-version", 2);
        root.put("table-uuid", tableUuid);
        root.put("location", location);
        root.put("last-sequence-number", version);
        root.put("current-snapshot-id", currentSnapshotId());
        if (partitioning != null) {
            // The PARTITIONED BY list as written; Iceberg's own partition-specs structure is not kept.
            root.put("athena-local-partitioning", partitioning);
        }
        ArrayNode list = root.putArray("snapshots");
        ArrayNode log = root.putArray("snapshot-log");
        List<String> previous = List.of();
        for (IcebergSnapshot s : snapshots) {
            ObjectNode n = list.addObject();
            n.put("snapshot-id", s.snapshotId());
            if (s.parentId() != null) {
                n.put("parent-snapshot-id", s.parentId());
            }
            n.put("timestamp-ms", s.committedAt());
            n.put("manifest-list", s.manifestList());
            ObjectNode summary = n.putObject("summary");
            summary.put("operation", s.operation());
            new TreeMap<>(s.summary()).forEach(summary::put);
            // Iceberg shares unchanged manifests between snapshots; athena-local writes each snapshot's change to
            // the one before it, so that a table of many commits does not list every file once per commit.
            Set<String> had = new HashSet<>(previous);
            Set<String> has = new HashSet<>(s.dataFiles());
            ArrayNode added = n.putArray("athena-local-added-files");
            s.dataFiles().stream().filter(f -> !had.contains(f)).forEach(added::add);
            ArrayNode removed = n.putArray("athena-local-removed-files");
            previous.stream().filter(f -> !has.contains(f)).forEach(removed::add);
            previous = s.dataFiles();
            log.addObject().put("timestamp-ms", s.committedAt()).put("snapshot-id", s.snapshotId());
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static IcebergMetadata decode(byte[] content) {
        try {
            JsonNode root = JSON.readTree(content);
            List<IcebergSnapshot> snapshots = new ArrayList<>();
            List<String> current = List.of();
            for (JsonNode n : root.path("snapshots")) {
                Map<String, String> summary = new LinkedHashMap<>();
                n.path("summary").fields().forEachRemaining(e -> summary.put(e.getKey(), e.getValue().asText()));
                String operation = summary.remove("operation");
                Set<String> removed = new HashSet<>();
                n.path("athena-local-removed-files").forEach(f -> removed.add(f.asText()));
                List<String> files = new ArrayList<>(current);
                files.removeIf(removed::contains);
                n.path("athena-local-added-files").forEach(f -> files.add(f.asText()));
                current = files;
                snapshots.add(new IcebergSnapshot(n.path("snapshot-id").asLong(),
                        n.hasNonNull("parent-snapshot-id") ? n.get("parent-snapshot-id").asLong() : null,
                        n.path("timestamp-ms").asLong(), operation == null ? "append" : operation,
                        n.path("manifest-list").asText(), summary, files));
            }
            if (!root.has("snapshots") && root.path("athena-local-data-files").size() > 0) {
                // A file written before snapshots were kept: its one list of files is the only snapshot known.
                List<String> files = new ArrayList<>();
                root.path("athena-local-data-files").forEach(f -> files.add(f.asText()));
                snapshots.add(new IcebergSnapshot(root.path("current-snapshot-id").asLong(), null, 0, "append", "",
                        Map.of(), files));
            }
            return new IcebergMetadata(root.path("last-sequence-number").asInt(), root.path("table-uuid").asText(),
                    root.path("location").asText(),
                    root.hasNonNull("athena-local-partitioning") ? root.get("athena-local-partitioning").asText() : null,
                    snapshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean isIceberg(TableDef table) {
        return ICEBERG.equalsIgnoreCase(table.parameters().get(TABLE_TYPE));
    }
}
