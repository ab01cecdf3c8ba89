package ai.connecty.athena.local.glue;

import ai.connecty.athena.local.catalog.ColumnDef;
import ai.connecty.athena.local.catalog.DatabaseDef;
import ai.connecty.athena.local.catalog.PartitionDef;
import ai.connecty.athena.local.catalog.TableDef;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Glue's Database, Table and Partition shapes (wire-protocol §2.6), shared by the Athena metadata calls. */
public final class GlueJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private GlueJson() {
    }

    public static ObjectNode database(DatabaseDef db, String catalogId) {
        ObjectNode n = F.objectNode();
        n.put("Name", db.name());
        if (!db.description().isEmpty()) {
            n.put("Description", db.description());
        }
        if (!db.locationUri().isEmpty()) {
            n.put("LocationUri", db.locationUri());
        }
        parameters(n.putObject("Parameters"), db.parameters());
        n.put("CreateTime", time(db.createTime()));
        n.putArray("CreateTableDefaultPermissions");
        n.put("CatalogId", catalogId);
        return n;
    }

    public static ObjectNode table(TableDef t, String catalogId) {
        ObjectNode n = F.objectNode();
        n.put("Name", t.name());
        n.put("DatabaseName", t.database());
        if (t.owner() != null) {
            n.put("Owner", "hadoop");
        }
        n.put("CreateTime", time(t.createTime()));
        n.put("UpdateTime", time(t.createTime()));
        n.put("LastAccessTime", 0);
        n.put("Retention", 0);
        n.set("StorageDescriptor", storage(t, t.location()));
        columns(n.putArray("PartitionKeys"), t.partitionKeys());
        if (t.isView()) {
            n.put("ViewOriginalText", "/* Presto View: " + prestoView(t) + " */");
            n.put("ViewExpandedText", "/* Presto View */");
        }
        n.put("TableType", t.tableType());
        parameters(n.putObject("Parameters"), t.parameters());
        if (t.owner() != null) {
            n.put("CreatedBy", t.owner());
        }
        n.put("IsRegisteredWithLakeFormation", false);
        n.put("CatalogId", catalogId);
        n.put("VersionId", "0");
        return n;
    }

    public static ObjectNode partition(TableDef t, PartitionDef p, String catalogId) {
        ObjectNode n = F.objectNode();
        ArrayNode values = n.putArray("Values");
        p.values().forEach(values::add);
        n.put("DatabaseName", t.database());
        n.put("TableName", t.name());
        n.put("CreationTime", time(p.createTime()));
        n.put("LastAccessTime", 0);
        n.set("StorageDescriptor", storage(t, p.location()));
        n.putObject("Parameters");
        n.put("CatalogId", catalogId);
        return n;
    }

    private static ObjectNode storage(TableDef t, String location) {
        ObjectNode sd = F.objectNode();
        columns(sd.putArray("Columns"), t.columns());
        if (location != null) {
            sd.put("Location", location);
        }
        if (t.inputFormat() != null) {
            sd.put("InputFormat", t.inputFormat());
            sd.put("OutputFormat", t.outputFormat());
        }
        sd.put("Compressed", false);
        sd.put("NumberOfBuckets", t.isView() ? 0 : t.bucketing() == null ? -1 : t.bucketing().count());
        ObjectNode serde = sd.putObject("SerdeInfo");
        if (t.serdeLibrary() != null) {
            serde.put("SerializationLibrary", t.serdeLibrary());
        }
        parameters(serde.putObject("Parameters"), t.serdeParameters());
        ArrayNode buckets = sd.putArray("BucketColumns");
        if (t.bucketing() != null) {
            t.bucketing().columns().forEach(buckets::add);
        }
        sd.putArray("SortColumns");
        sd.putObject("Parameters");
        sd.put("StoredAsSubDirectories", false);
        return sd;
    }

    /** Appends one {@code Column} per definition; Athena's TableMetadata uses the same shape as Glue. */
    public static void columns(ArrayNode array, List<ColumnDef> columns) {
        for (ColumnDef c : columns) {
            ObjectNode col = array.addObject();
            col.put("Name", c.name());
            col.put("Type", c.type());
            if (!c.comment().isEmpty()) {
                col.put("Comment", c.comment());
            }
        }
    }

    private static void parameters(ObjectNode node, Map<String, String> params) {
        params.forEach(node::put);
    }

    /** The base64 view definition Trino/Athena store for a view ({@code originalSql}, catalog, schema, columns). */
    private static String prestoView(TableDef t) {
        ObjectNode v = F.objectNode();
        v.put("originalSql", t.viewSql());
        v.put("catalog", "awsdatacatalog");
        v.put("schema", t.database());
        ArrayNode cols = v.putArray("columns");
        for (ColumnDef c : t.viewColumns()) {
            cols.addObject().put("name", c.name()).put("type", c.type());
        }
        try {
            return Base64.getEncoder().encodeToString(MAPPER.writeValueAsString(v).getBytes(StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static BigDecimal time(double epochSeconds) {
        return BigDecimal.valueOf(Math.round(epochSeconds * 1000), 3);
    }
}
