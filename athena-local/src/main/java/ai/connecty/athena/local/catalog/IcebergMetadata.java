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
                              List<IcebergSnapshot> snapshots, List<IcebergSchema> schemas, int currentSchemaId) {

    public static final String TABLE_TYPE = "table_type";
    public static final String ICEBERG = "ICEBERG";
    public static final String METADATA_LOCATION = "metadata_location";
    public static final String PREVIOUS_METADATA_LOCATION = "previous_metadata_location";

    /** Iceberg's current-snapshot-id of a table no commit has written to yet. */
    public static final long NO_SNAPSHOT = -1;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The schema id of a file written before athena-local kept schemas: its columns are read by name. */
    public static final int UNKNOWN_SCHEMA = -1;

    public IcebergMetadata {
        snapshots = List.copyOf(snapshots);
        schemas = List.copyOf(schemas);
    }

    public IcebergMetadata(int version, String tableUuid, String location, String partitioning,
                           List<IcebergSnapshot> snapshots) {
        this(version, tableUuid, location, partitioning, snapshots, List.of(), UNKNOWN_SCHEMA);
    }

    /** A new table's first version: Iceberg's CREATE TABLE makes no snapshot, so there is nothing to travel to. */
    public static IcebergMetadata created(String tableUuid, String location, String partitioning) {
        return new IcebergMetadata(0, tableUuid, location, partitioning, List.of());
    }

    /** A new table's first version with its first schema (id 0) of {@code columns}. */
    public static IcebergMetadata created(String tableUuid, String location, String partitioning,
                                          List<ColumnDef> columns) {
        return new IcebergMetadata(0, tableUuid, location, partitioning, List.of(),
                List.of(IcebergSchema.initial(columns)), 0);
    }

    /**
     * The current schema; a table written before schemas were kept gets one made of its Glue columns (they are
     * what its files were written with), so that its first schema change has ids to start from.
     */
    public IcebergSchema currentSchema(List<ColumnDef> glueColumns) {
        return schema(currentSchemaId).orElseGet(() -> IcebergSchema.initial(glueColumns));
    }

    public Optional<IcebergSchema> schema(int schemaId) {
        return schemas.stream().filter(s -> s.schemaId() == schemaId).findFirst();
    }

    /**
     * The next version with {@code schema} current and no new snapshot: Iceberg's schema changes touch only
     * metadata. Iceberg's {@code last-column-id} is the highest id of any schema kept, so ids are never reused.
     */
    public IcebergMetadata withSchema(IcebergSchema schema, List<ColumnDef> glueColumns) {
        List<IcebergSchema> all = new ArrayList<>(schemas.isEmpty() ? List.of(currentSchema(glueColumns)) : schemas);
        all.add(schema);
        return new IcebergMetadata(version + 1, tableUuid, location, partitioning, snapshots, all, schema.schemaId());
    }

    /** The highest column id any schema of this table has used (Iceberg's {@code last-column-id}). */
    public int lastColumnId(List<ColumnDef> glueColumns) {
        int last = currentSchema(glueColumns).highestId();
        for (IcebergSchema s : schemas) {
            last = Math.max(last, s.highestId());
        }
        return last;
    }

    /** The next schema id: one more than any kept. */
    public int nextSchemaId() {
        return schemas.stream().mapToInt(IcebergSchema::schemaId).max().orElse(0) + 1;
    }

    /**
     * The schema each data file was written with: the one current when the snapshot that added it was committed
     * ({@link #UNKNOWN_SCHEMA} for files of snapshots recorded before schemas were kept).
     */
    public Map<String, Integer> fileSchemas() {
        Map<String, Integer> bySchema = new java.util.HashMap<>();
        for (IcebergSnapshot s : snapshots) {
            for (String f : s.dataFiles()) {
                bySchema.putIfAbsent(f, s.schemaId());
            }
        }
        return bySchema;
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
        return new IcebergMetadata(version + 1, tableUuid, location, partitioning, all, schemas, currentSchemaId);
    }

    public byte[] encode() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format-version", 2);
        root.put("table-uuid", tableUuid);
        root.put("location", location);
        root.put("last-sequence-number", version);
        root.put("current-snapshot-id", currentSnapshotId());
        if (!schemas.isEmpty()) {
            root.put("current-schema-id", currentSchemaId);
            root.put("last-column-id", lastColumnId(List.of()));
            ArrayNode schemaList = root.putArray("schemas");
            for (IcebergSchema schema : schemas) {
                ObjectNode node = schemaList.addObject();
                node.put("type", "struct");
                node.put("schema-id", schema.schemaId());
                ArrayNode fields = node.putArray("fields");
                for (IcebergSchema.Field f : schema.fields()) {
                    // Iceberg's own type names would need a Hive-to-Iceberg mapping; the Hive spelling is kept.
                    ObjectNode field = fields.addObject().put("id", f.id()).put("name", f.name())
                            .put("required", false).put("type", f.type());
                    if (!f.comment().isEmpty()) {
                        field.put("doc", f.comment());
                    }
                }
            }
        }
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
            if (s.schemaId() != UNKNOWN_SCHEMA) {
                n.put("schema-id", s.schemaId());
            }
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
                        n.path("manifest-list").asText(), summary, files,
                        n.path("schema-id").asInt(UNKNOWN_SCHEMA)));
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
                    snapshots, schemas(root), root.path("current-schema-id").asInt(UNKNOWN_SCHEMA));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<IcebergSchema> schemas(JsonNode root) {
        List<IcebergSchema> schemas = new ArrayList<>();
        for (JsonNode node : root.path("schemas")) {
            List<IcebergSchema.Field> fields = new ArrayList<>();
            for (JsonNode f : node.path("fields")) {
                fields.add(new IcebergSchema.Field(f.path("id").asInt(), f.path("name").asText(),
                        f.path("type").asText(), f.path("doc").asText("")));
            }
            schemas.add(new IcebergSchema(node.path("schema-id").asInt(), fields));
        }
        return schemas;
    }

    public static boolean isIceberg(TableDef table) {
        return ICEBERG.equalsIgnoreCase(table.parameters().get(TABLE_TYPE));
    }
}
