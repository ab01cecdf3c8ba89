package ai.connecty.athena.local.athena;

import static ai.connecty.athena.local.validation.ValidationStyle.ATHENA;

import ai.connecty.athena.local.api.AwsException;
import ai.connecty.athena.local.api.CallContext;
import ai.connecty.athena.local.catalog.CatalogStore;
import ai.connecty.athena.local.catalog.DataCatalog;
import ai.connecty.athena.local.catalog.DatabaseDef;
import ai.connecty.athena.local.catalog.NamePattern;
import ai.connecty.athena.local.catalog.TableDef;
import ai.connecty.athena.local.glue.GlueJson;
import ai.connecty.athena.local.validation.Validation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Athena's catalog calls: ListDataCatalogs, GetDataCatalog, List/GetDatabase(s), List/GetTableMetadata. */
final class MetadataOperations {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final CatalogStore store;

    MetadataOperations(CatalogStore store) {
        this.store = store;
    }

    JsonNode listDataCatalogs(JsonNode in, CallContext ctx) {
        Integer max = JsonMembers.integer(in, "MaxResults");
        String token = JsonMembers.text(in, "NextToken");
        new Validation(ATHENA).minLength(token, "nextToken", 1).range(max, "maxResults", 2, 50).check();
        ctx.authorize("athena:ListDataCatalogs", "*");
        return Paging.page(store.catalogs(), max == null ? 50 : max, token, "catalogs", "DataCatalogsSummary", c -> {
            ObjectNode n = F.objectNode();
            n.put("CatalogName", c.name());
            n.put("Type", c.type());
            n.put("Status", "CREATE_COMPLETE");
            return n;
        });
    }

    JsonNode getDataCatalog(JsonNode in, CallContext ctx) {
        String name = JsonMembers.text(in, "Name");
        new Validation(ATHENA).notNull(name, "name").check();
        ctx.authorize("athena:GetDataCatalog", catalogArn(ctx, name));
        DataCatalog c = catalog(name);
        ObjectNode dc = F.objectNode();
        dc.put("Name", c.name());
        dc.put("Description", c.type().equals("GLUE") ? "AWS Glue Data Catalog" : c.description());
        dc.put("Type", c.type());
        ObjectNode params = dc.putObject("Parameters");
        if (c.type().equals("GLUE")) {
            params.put("catalog-id", ctx.accountId());
        } else {
            params.put("metadata-function", "athena-local:hive-metastore");
        }
        dc.put("Status", "CREATE_COMPLETE");
        ObjectNode out = F.objectNode();
        out.set("DataCatalog", dc);
        return out;
    }

    JsonNode listDatabases(JsonNode in, CallContext ctx) {
        String name = JsonMembers.text(in, "CatalogName");
        Integer max = JsonMembers.integer(in, "MaxResults");
        String token = JsonMembers.text(in, "NextToken");
        new Validation(ATHENA).notNull(name, "catalogName").minLength(token, "nextToken", 1).range(max, "maxResults", 1, 50).check();
        ctx.authorize("athena:ListDatabases", catalogArn(ctx, name));
        DataCatalog c = catalog(name);
        return Paging.page(store.databases(c.name()), max == null ? 50 : max, token, "databases:" + c.name(),
                "DatabaseList", MetadataOperations::database);
    }

    JsonNode getDatabase(JsonNode in, CallContext ctx) {
        String name = JsonMembers.text(in, "CatalogName");
        String db = JsonMembers.text(in, "DatabaseName");
        new Validation(ATHENA).notNull(name, "catalogName").notNull(db, "databaseName").check();
        ctx.authorize("athena:GetDatabase", catalogArn(ctx, name));
        DataCatalog c = catalog(name);
        DatabaseDef d = store.database(c.name(), db).orElseThrow(() -> metadata("Database " + db + " not found."));
        ObjectNode out = F.objectNode();
        out.set("Database", database(d));
        return out;
    }

    JsonNode listTableMetadata(JsonNode in, CallContext ctx) {
        String name = JsonMembers.text(in, "CatalogName");
        String db = JsonMembers.text(in, "DatabaseName");
        Integer max = JsonMembers.integer(in, "MaxResults");
        String token = JsonMembers.text(in, "NextToken");
        String expression = JsonMembers.text(in, "Expression");
        new Validation(ATHENA).notNull(name, "catalogName").notNull(db, "databaseName")
                .maxLength(expression, "expression", 256).minLength(token, "nextToken", 1)
                .range(max, "maxResults", 1, 50).check();
        ctx.authorize("athena:ListTableMetadata", catalogArn(ctx, name));
        DataCatalog c = catalog(name);
        store.database(c.name(), db).orElseThrow(() -> metadata("Database " + db + " not found."));
        NamePattern pattern = NamePattern.of(expression);
        List<TableDef> tables = store.tables(c.name(), db).stream().filter(t -> pattern.matches(t.name())).toList();
        return Paging.page(tables, max == null ? 50 : max, token, "tables:" + c.name() + "." + db, "TableMetadataList",
                MetadataOperations::tableMetadata);
    }

    JsonNode getTableMetadata(JsonNode in, CallContext ctx) {
        String name = JsonMembers.text(in, "CatalogName");
        String db = JsonMembers.text(in, "DatabaseName");
        String table = JsonMembers.text(in, "TableName");
        new Validation(ATHENA).notNull(name, "catalogName").notNull(db, "databaseName").notNull(table, "tableName").check();
        ctx.authorize("athena:GetTableMetadata", catalogArn(ctx, name));
        DataCatalog c = catalog(name);
        store.database(c.name(), db).orElseThrow(() -> metadata("Database " + db + " not found."));
        TableDef t = store.table(c.name(), db, table).orElseThrow(() -> metadata("Table " + table + " not found."));
        ObjectNode out = F.objectNode();
        out.set("TableMetadata", tableMetadata(t));
        return out;
    }

    private static ObjectNode database(DatabaseDef d) {
        ObjectNode n = F.objectNode();
        n.put("Name", d.name());
        if (!d.description().isEmpty()) {
            n.put("Description", d.description());
        }
        ObjectNode p = n.putObject("Parameters");
        d.parameters().forEach(p::put);
        return n;
    }

    /** Athena's TableMetadata: Hive types, and the storage descriptor flattened into Parameters. */
    static ObjectNode tableMetadata(TableDef t) {
        ObjectNode n = F.objectNode();
        n.put("Name", t.name());
        n.put("CreateTime", GlueJson.time(t.createTime()));
        n.put("TableType", t.tableType());
        GlueJson.columns(n.putArray("Columns"), t.columns());
        GlueJson.columns(n.putArray("PartitionKeys"), t.partitionKeys());
        Map<String, String> params = new TreeMap<>(t.parameters());
        if (!t.isView()) {
            params.put("inputformat", t.inputFormat());
            params.put("outputformat", t.outputFormat());
            params.put("location", t.location());
            params.put("serde.serialization.lib", t.serdeLibrary());
            t.serdeParameters().forEach((k, v) -> params.put("serde.param." + k, v));
        }
        ObjectNode p = n.putObject("Parameters");
        params.forEach(p::put);
        return n;
    }

    private DataCatalog catalog(String name) {
        return store.catalog(name).orElseThrow(() -> AwsException.invalidRequest("INVALID_INPUT",
                "Catalog " + name + " does not exist"));
    }

    private static AwsException metadata(String glueMessage) {
        return new AwsException(400, "MetadataException", glueMessage + " (Service: AmazonDataCatalog; Status Code: 400; "
                + "Error Code: EntityNotFoundException; Request ID: " + java.util.UUID.randomUUID() + "; Proxy: null)");
    }

    /** The ARN uses the catalog's own spelling, so {@code awsdatacatalog} matches a policy naming AwsDataCatalog. */
    private String catalogArn(CallContext ctx, String name) {
        String canonical = store.catalog(name).map(DataCatalog::name).orElse(name);
        return "arn:aws:athena:" + ctx.region() + ":" + ctx.accountId() + ":datacatalog/" + canonical;
    }
}
