package ai.connecty.athena.local.glue;

import static ai.connecty.athena.local.validation.ValidationStyle.GLUE;

import ai.connecty.athena.local.api.AwsException;
import ai.connecty.athena.local.api.CallContext;
import ai.connecty.athena.local.api.JsonOperationHandler;
import ai.connecty.athena.local.catalog.CatalogStore;
import ai.connecty.athena.local.catalog.DataCatalog;
import ai.connecty.athena.local.catalog.DatabaseDef;
import ai.connecty.athena.local.catalog.GlueArns;
import ai.connecty.athena.local.catalog.NamePattern;
import ai.connecty.athena.local.catalog.PartitionDef;
import ai.connecty.athena.local.catalog.TableDef;
import ai.connecty.athena.local.engine.ddl.DdlSyntaxException;
import ai.connecty.athena.local.validation.Validation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/** The Glue Data Catalog API (target prefix {@code AWSGlue}); it serves only the {@code AwsDataCatalog} catalog. */
public final class GlueApi implements JsonOperationHandler {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String CATALOG = DataCatalog.AWS_DATA_CATALOG.name();
    /** GetTables' Expression: at most 2048 characters (wire protocol §2.6). */
    private static final int MAX_EXPRESSION = 2048;
    /** NameString's and CatalogIdString's upper bound (Glue API reference). */
    private static final int MAX_NAME = 255;
    /** NameString's and CatalogIdString's pattern, as the Glue model writes it (and AWS quotes it in the message). */
    private static final String NAME_PATTERN = "[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\t]*";
    /** GetDatabases' ResourceShareType enum (wire protocol §2.6). */
    private static final List<String> RESOURCE_SHARE_TYPES = List.of("FOREIGN", "ALL", "FEDERATED");
    /** BatchGetPartition's PartitionsToGet: 0 to 1000 PartitionValueLists (Glue API reference). */
    private static final int MAX_PARTITIONS_TO_GET = 1000;

    private final CatalogStore store;

    public GlueApi(CatalogStore store) {
        this.store = store;
    }

    @Override
    public JsonNode handle(String operation, JsonNode input, CallContext ctx) {
        JsonNode in = input == null ? F.objectNode() : input;
        return switch (operation) {
            case "GetDatabases" -> getDatabases(in, ctx);
            case "GetDatabase" -> getDatabase(in, ctx);
            case "GetTables" -> getTables(in, ctx);
            case "GetTable" -> getTable(in, ctx);
            case "GetPartition" -> getPartition(in, ctx);
            case "GetPartitions" -> getPartitions(in, ctx);
            case "BatchGetPartition" -> batchGetPartition(in, ctx);
            default -> throw new AwsException(400, "UnknownOperationException", "");
        };
    }

    private JsonNode getDatabases(JsonNode in, CallContext ctx) {
        validation(in)
                .oneOf(text(in, "ResourceShareType"), "resourceShareType", RESOURCE_SHARE_TYPES).check();
        authorize(ctx, "glue:GetDatabases", catalogArn(ctx), databaseArn(ctx, "*"));
        List<DatabaseDef> dbs = store.databases(CATALOG);
        return page(dbs, in, 100, "DatabaseList", "dbs", d -> GlueJson.database(d, catalogId(in, ctx)));
    }

    private JsonNode getDatabase(JsonNode in, CallContext ctx) {
        String name = text(in, "Name");
        Validation request = validation(in);
        name(request, name, "name");
        request.check();
        authorize(ctx, "glue:GetDatabase", catalogArn(ctx), databaseArn(ctx, name));
        DatabaseDef db = database(name);
        ObjectNode out = F.objectNode();
        out.set("Database", GlueJson.database(db, catalogId(in, ctx)));
        return out;
    }

    private JsonNode getTables(JsonNode in, CallContext ctx) {
        String db = text(in, "DatabaseName");
        String expression = text(in, "Expression");
        Validation request = validation(in);
        name(request, db, "databaseName");
        request.maxLength(expression, "expression", MAX_EXPRESSION).check();
        authorizeTable(ctx, "glue:GetTables", db, "*");
        database(db);
        NamePattern pattern = NamePattern.of(expression);
        List<TableDef> tables = store.tables(CATALOG, db).stream().filter(t -> pattern.matches(t.name())).toList();
        return page(tables, in, 100, "TableList", "tables:" + db, t -> GlueJson.table(t, catalogId(in, ctx)));
    }

    private JsonNode getTable(JsonNode in, CallContext ctx) {
        String db = text(in, "DatabaseName");
        String name = text(in, "Name");
        Validation request = validation(in);
        name(request, db, "databaseName");
        name(request, name, "name");
        request.check();
        authorizeTable(ctx, "glue:GetTable", db, name);
        TableDef t = table(db, name);
        ObjectNode out = F.objectNode();
        out.set("Table", GlueJson.table(t, catalogId(in, ctx)));
        return out;
    }

    private JsonNode getPartitions(JsonNode in, CallContext ctx) {
        String db = text(in, "DatabaseName");
        String name = text(in, "TableName");
        Validation request = validation(in);
        name(request, db, "databaseName");
        name(request, name, "tableName");
        JsonNode segment = in.get("Segment");
        Integer segmentNumber = null;
        Integer totalSegments = null;
        if (segment != null && segment.isObject()) {
            segmentNumber = integer(segment, "SegmentNumber");
            totalSegments = integer(segment, "TotalSegments");
            request.notNull(segmentNumber, "segment.segmentNumber").range(segmentNumber, "segment.segmentNumber", 0, Integer.MAX_VALUE)
                    .notNull(totalSegments, "segment.totalSegments").range(totalSegments, "segment.totalSegments", 1, 10);
        }
        request.check();
        if (segmentNumber != null && segmentNumber >= totalSegments) {
            throw new AwsException(400, "InvalidInputException", "The segment number " + segmentNumber
                    + " is not less than the total segments " + totalSegments + ".");
        }
        TablePartitions found = partitions(ctx, "glue:GetPartitions", db, name);
        TableDef t = found.table();
        Predicate<List<String>> filter;
        try {
            filter = PartitionFilter.parse(in.path("Expression").asText(null), t.partitionKeys());
        } catch (IllegalArgumentException | DdlSyntaxException e) {
            throw new AwsException(400, "InvalidInputException", "Unsupported expression: " + e.getMessage());
        }
        List<PartitionDef> all = found.partitions();
        // Segment k of n: the partitions at positions k, k + n, k + 2n... of the table's (stable) order, so that the
        // segments never overlap and together hold every partition; the expression filters within the segment.
        List<PartitionDef> parts = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            boolean inSegment = segmentNumber == null || i % totalSegments == segmentNumber;
            if (inSegment && filter.test(all.get(i).values())) {
                parts.add(all.get(i));
            }
        }
        String scope = "parts:" + db + "." + name + (segmentNumber == null ? "" : "#" + segmentNumber + "/" + totalSegments);
        return page(parts, in, 1000, "Partitions", scope, p -> GlueJson.partition(t, p, catalogId(in, ctx)));
    }

    /** A member's whole number, {@code null} when the request left it out. */
    private static Integer integer(JsonNode in, String field) {
        JsonNode n = in.get(field);
        return n == null || n.isNull() ? null : n.asInt();
    }

    private JsonNode getPartition(JsonNode in, CallContext ctx) {
        String db = text(in, "DatabaseName");
        String name = text(in, "TableName");
        JsonNode sent = in.get("PartitionValues");
        // A PartitionValues that is not a list counts as not sent (an SDK always sends a list).
        JsonNode values = sent != null && sent.isArray() ? sent : null;
        Validation request = validation(in);
        name(request, db, "databaseName");
        name(request, name, "tableName");
        request.notNull(values, "partitionValues").check();
        TablePartitions found = partitions(ctx, "glue:GetPartition", db, name);
        PartitionDef p = found.byValues(texts(values))
                .orElseThrow(() -> new AwsException(400, "EntityNotFoundException", "Cannot find partition."));
        ObjectNode out = F.objectNode();
        out.set("Partition", GlueJson.partition(found.table(), p, catalogId(in, ctx)));
        return out;
    }

    /**
     * BatchGetPartition: the partitions of {@code PartitionsToGet} that exist, each once, in the order first asked
     * for, rendered as GetPartition renders one. A value list no partition has is left out of both {@code Partitions}
     * and {@code UnprocessedKeys}, as Glue answers (the API reference only says UnprocessedKeys holds the values "for
     * which partitions were not returned"; Glue itself omits missing ones, which is why moto's emulation does too).
     * {@code UnprocessedKeys} is for a batch Glue could not finish, which never happens here, so it is always empty.
     * Authorized as the other partition reads: {@code glue:BatchGetPartition} on the catalog, database, then table.
     */
    private JsonNode batchGetPartition(JsonNode in, CallContext ctx) {
        String db = text(in, "DatabaseName");
        String name = text(in, "TableName");
        JsonNode sent = in.get("PartitionsToGet");
        JsonNode toGet = sent != null && sent.isArray() ? sent : null;
        List<List<String>> wanted = new ArrayList<>();
        if (toGet != null) {
            toGet.forEach(v -> wanted.add(texts(v.path("Values"))));
        }
        Validation request = validation(in);
        name(request, db, "databaseName");
        name(request, name, "tableName");
        request.notNull(toGet, "partitionsToGet").maxSize(toGet == null ? null : wanted, "partitionsToGet",
                MAX_PARTITIONS_TO_GET);
        if (toGet != null) {
            for (int i = 0; i < toGet.size(); i++) {
                JsonNode values = toGet.get(i).get("Values");
                request.notNull(values != null && values.isArray() ? values : null,
                        "partitionsToGet." + (i + 1) + ".member.values");
            }
        }
        request.check();
        TablePartitions found = partitions(ctx, "glue:BatchGetPartition", db, name);
        ObjectNode out = F.objectNode();
        ArrayNode parts = out.putArray("Partitions");
        Set<List<String>> seen = new HashSet<>();
        for (List<String> values : wanted) {
            if (seen.add(values)) {
                found.byValues(values).ifPresent(p -> parts.add(GlueJson.partition(found.table(), p, catalogId(in, ctx))));
            }
        }
        out.putArray("UnprocessedKeys");
        return out;
    }

    /**
     * The one path of every partition read (GetPartitions, GetPartition, BatchGetPartition): {@code action} is
     * authorized on the catalog, the database and the table (as the table reads are), then the table is looked up
     * (EntityNotFoundException naming the database or table) and its Glue partitions listed. Glue's partitions
     * only: a table with partition projection answers the partitions registered in Glue, not the projected ones (as
     * Glue, which knows nothing of projection, does), and an Iceberg table has none.
     */
    private TablePartitions partitions(CallContext ctx, String action, String db, String name) {
        authorizeTable(ctx, action, db, name);
        TableDef t = table(db, name);
        return new TablePartitions(t, store.partitions(CATALOG, db, name));
    }

    /** A table and its Glue partitions, in the catalog's stable order. */
    private record TablePartitions(TableDef table, List<PartitionDef> partitions) {
        Optional<PartitionDef> byValues(List<String> values) {
            return partitions.stream().filter(p -> p.values().equals(values)).findFirst();
        }
    }

    /** A JSON list's members as text (an absent or non-list member is no values). */
    private static List<String> texts(JsonNode list) {
        List<String> out = new ArrayList<>();
        if (list != null && list.isArray()) {
            list.forEach(v -> out.add(v.asText()));
        }
        return out;
    }

    private DatabaseDef database(String name) {
        return store.database(CATALOG, name).orElseThrow(() ->
                new AwsException(400, "EntityNotFoundException", "Database " + name + " not found."));
    }

    private TableDef table(String db, String name) {
        database(db);
        return store.table(CATALOG, db, name).orElseThrow(() ->
                new AwsException(400, "EntityNotFoundException", "Table " + name + " not found."));
    }

    private static <T> ObjectNode page(List<T> items, JsonNode in, int maxAllowed, String field, String scope,
                                       Function<T, JsonNode> render) {
        int max = in.path("MaxResults").asInt(maxAllowed);
        new Validation(GLUE).range(max, "maxResults", 1, maxAllowed).check();
        int from = 0;
        String token = in.path("NextToken").asText(null);
        if (token != null) {
            try {
                String s = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
                if (!s.startsWith(scope + ":")) {
                    throw new IllegalArgumentException(s);
                }
                from = Integer.parseInt(s.substring(scope.length() + 1));
            } catch (IllegalArgumentException e) {
                throw new AwsException(400, "InvalidInputException", "Invalid pagination token");
            }
        }
        ObjectNode out = F.objectNode();
        ArrayNode array = out.putArray(field);
        int end = Math.min(items.size(), from + max);
        for (int i = from; i < end; i++) {
            array.add(render.apply(items.get(i)));
        }
        if (end < items.size()) {
            out.put("NextToken", Base64.getEncoder().encodeToString((scope + ":" + end).getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    /** A member's text, {@code null} when the request left it out. */
    private static String text(JsonNode in, String field) {
        JsonNode n = in.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    /** The checks of a request, starting with its optional CatalogId, which every Glue operation here takes. */
    private static Validation validation(JsonNode in) {
        return nameString(new Validation(GLUE), text(in, "CatalogId"), "catalogId");
    }

    /** A required name: sent, and a NameString. */
    private static void name(Validation request, String value, String member) {
        nameString(request.notNull(value, member), value, member);
    }

    /**
     * The Glue model's NameString and CatalogIdString: 1 to 255 characters (code points) of {@link #NAME_PATTERN}, no
     * control character but tab. Glue refuses a longer name rather than looking it up.
     */
    private static Validation nameString(Validation request, String value, String member) {
        return request.length(value, member, 1, MAX_NAME).pattern(value, member, NAME_PATTERN);
    }

    /**
     * Authorizes {@code action} on each resource in Glue's order (catalog, database, table), stopping at the first
     * refused so that the error names it: a caller with no Glue rights is refused on the catalog, one denied a single
     * database on that database, which is how a client tells "no Glue" from "not this database". A listing is
     * authorized on the wildcard of the level it lists ({@code database/*}, {@code table/<db>/*}), as Glue does.
     */
    private static void authorize(CallContext ctx, String action, String... resources) {
        for (String resource : resources) {
            ctx.authorize(action, resource);
        }
    }

    /**
     * Authorizes an action on a table (or, with {@code *}, on the tables of a database): the catalog, the database,
     * then the table, as {@link #authorize} does. The table reads and the partition reads (AWS's "Specifying AWS Glue
     * resource ARNs": GetPartition(s) need the catalog, database and table ARNs) share this one order.
     */
    private static void authorizeTable(CallContext ctx, String action, String db, String table) {
        authorize(ctx, action, catalogArn(ctx), databaseArn(ctx, db), tableArn(ctx, db, table));
    }

    private static String catalogId(JsonNode in, CallContext ctx) {
        return in.path("CatalogId").asText(ctx.accountId());
    }

    private static String catalogArn(CallContext ctx) {
        return GlueArns.catalog(ctx.region(), ctx.accountId());
    }

    private static String databaseArn(CallContext ctx, String db) {
        return GlueArns.database(ctx.region(), ctx.accountId(), db.toLowerCase(Locale.ROOT));
    }

    private static String tableArn(CallContext ctx, String db, String table) {
        return GlueArns.table(ctx.region(), ctx.accountId(), db.toLowerCase(Locale.ROOT), table.toLowerCase(Locale.ROOT));
    }
}
