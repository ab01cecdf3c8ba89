package ai.connecty.athena.local.athena;

import static ai.connecty.athena.local.validation.ValidationStyle.ATHENA;

import ai.connecty.athena.local.api.AwsException;
import ai.connecty.athena.local.api.CallContext;
import ai.connecty.athena.local.api.JsonOperationHandler;
import ai.connecty.athena.local.catalog.CatalogStore;
import ai.connecty.athena.local.engine.QueryService;
import ai.connecty.athena.local.engine.Warehouse;
import ai.connecty.athena.local.validation.Validation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Athena API (AWS JSON 1.1, target prefix {@code AmazonAthena}). */
public final class AthenaApi implements JsonOperationHandler {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<String> IMPLEMENTED = List.of("StartQueryExecution", "GetQueryExecution",
            "BatchGetQueryExecution", "GetQueryResults", "GetQueryRuntimeStatistics", "StopQueryExecution",
            "ListQueryExecutions", "ListWorkGroups", "GetWorkGroup", "ListDataCatalogs", "GetDataCatalog",
            "ListDatabases", "GetDatabase", "ListTableMetadata", "GetTableMetadata", "ListNamedQueries",
            "ListEngineVersions", "CreatePreparedStatement", "GetPreparedStatement", "ListPreparedStatements",
            "UpdatePreparedStatement", "DeletePreparedStatement");

    private final Map<String, WorkGroup> workGroups = new LinkedHashMap<>();
    private final QueryOperations queries;
    private final MetadataOperations metadata;
    private final PreparedStatementOperations prepared;

    public AthenaApi(QueryService service, Warehouse warehouse, CatalogStore store) {
        WorkGroup.defaults().forEach(w -> workGroups.put(w.name(), w));
        this.queries = new QueryOperations(service, warehouse, workGroups);
        this.metadata = new MetadataOperations(store);
        this.prepared = new PreparedStatementOperations(warehouse.preparedStatements(), workGroups);
    }

    @Override
    public JsonNode handle(String operation, JsonNode input, CallContext context) {
        JsonNode in = input == null ? F.objectNode() : input;
        return switch (operation) {
            case "StartQueryExecution" -> queries.start(in, context);
            case "GetQueryExecution" -> queries.get(in, context);
            case "BatchGetQueryExecution" -> queries.batchGet(in, context);
            case "GetQueryResults" -> queries.results(in, context);
            case "GetQueryRuntimeStatistics" -> queries.runtimeStatistics(in, context);
            case "StopQueryExecution" -> queries.stop(in, context);
            case "ListQueryExecutions" -> queries.list(in, context);
            case "ListWorkGroups" -> listWorkGroups(in, context);
            case "GetWorkGroup" -> getWorkGroup(in, context);
            case "ListDataCatalogs" -> metadata.listDataCatalogs(in, context);
            case "GetDataCatalog" -> metadata.getDataCatalog(in, context);
            case "ListDatabases" -> metadata.listDatabases(in, context);
            case "GetDatabase" -> metadata.getDatabase(in, context);
            case "ListTableMetadata" -> metadata.listTableMetadata(in, context);
            case "GetTableMetadata" -> metadata.getTableMetadata(in, context);
            case "ListNamedQueries" -> listNamedQueries(in, context);
            case "ListEngineVersions" -> listEngineVersions(in, context);
            case "CreatePreparedStatement" -> prepared.create(in, context);
            case "GetPreparedStatement" -> prepared.get(in, context);
            case "ListPreparedStatements" -> prepared.list(in, context);
            case "UpdatePreparedStatement" -> prepared.update(in, context);
            case "DeletePreparedStatement" -> prepared.delete(in, context);
            default -> throw new AwsException(400, "UnknownOperationException", "athena-local does not implement the "
                    + "Athena operation " + operation + "; it implements " + String.join(", ", IMPLEMENTED));
        };
    }

    private JsonNode listWorkGroups(JsonNode in, CallContext ctx) {
        Integer max = JsonMembers.integer(in, "MaxResults");
        String token = JsonMembers.text(in, "NextToken");
        new Validation(ATHENA).minLength(token, "nextToken", 1).range(max, "maxResults", 1, 50).check();
        ctx.authorize("athena:ListWorkGroups", "*");
        List<WorkGroup> sorted = workGroups.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
        return Paging.page(sorted, max == null ? 50 : max, token, "workgroups", "WorkGroups", w -> {
            ObjectNode n = F.objectNode();
            n.put("Name", w.name());
            n.put("State", "ENABLED");
            n.put("Description", w.description());
            n.put("CreationTime", w.creationTime());
            n.set("EngineVersion", engineVersion());
            return n;
        });
    }

    private JsonNode getWorkGroup(JsonNode in, CallContext ctx) {
        String name = JsonMembers.text(in, "WorkGroup");
        new Validation(ATHENA).notNull(name, "workGroup").check();
        ctx.authorize("athena:GetWorkGroup", QueryOperations.workGroupArn(ctx, name));
        WorkGroup w = workGroups.get(name);
        if (w == null) {
            throw AwsException.invalidRequest("INVALID_INPUT", "WorkGroup is not found.");
        }
        ObjectNode wg = F.objectNode();
        ObjectNode conf = wg.putObject("Configuration");
        conf.put("EnableMinimumEncryptionConfiguration", false);
        conf.put("EnforceWorkGroupConfiguration", w.enforced());
        conf.set("EngineVersion", engineVersion());
        conf.put("PublishCloudWatchMetricsEnabled", false);
        conf.put("QuerySchedulingType", "DEFAULT");
        conf.put("RequesterPaysEnabled", false);
        ObjectNode result = conf.putObject("ResultConfiguration");
        if (w.managedResults()) {
            conf.putObject("ManagedQueryResultsConfiguration").put("Enabled", true);
        } else if (w.outputLocation() != null) {
            result.put("OutputLocation", w.outputLocation());
        }
        wg.put("CreationTime", w.creationTime());
        if (!w.description().isEmpty()) {
            wg.put("Description", w.description());
        }
        wg.put("Name", w.name());
        wg.put("State", "ENABLED");
        ObjectNode out = F.objectNode();
        out.set("WorkGroup", wg);
        return out;
    }

    /** athena-local keeps no saved queries (CreateNamedQuery is not implemented), so every workgroup has none. */
    private JsonNode listNamedQueries(JsonNode in, CallContext ctx) {
        Integer max = JsonMembers.integer(in, "MaxResults");
        String token = JsonMembers.text(in, "NextToken");
        String name = JsonMembers.text(in, "WorkGroup");
        new Validation(ATHENA).minLength(token, "nextToken", 1).range(max, "maxResults", 0, 50).check();
        String workGroup = name == null ? "primary" : name;
        ctx.authorize("athena:ListNamedQueries", QueryOperations.workGroupArn(ctx, workGroup));
        if (!workGroups.containsKey(workGroup)) {
            throw AwsException.invalidRequest("INVALID_INPUT", "WorkGroup is not found.");
        }
        if (token != null) {
            throw AwsException.invalidRequest("INVALID_INPUT", "Malformed nextPageToken " + token);
        }
        ObjectNode out = F.objectNode();
        out.putArray("NamedQueryIds");
        return out;
    }

    /** The one engine athena-local emulates, plus AUTO (which selects it), as Athena lists them. */
    private JsonNode listEngineVersions(JsonNode in, CallContext ctx) {
        Integer max = JsonMembers.integer(in, "MaxResults");
        String token = JsonMembers.text(in, "NextToken");
        new Validation(ATHENA).minLength(token, "nextToken", 1).range(max, "maxResults", 1, 10).check();
        ctx.authorize("athena:ListEngineVersions", "*");
        ObjectNode out = F.objectNode();
        var versions = out.putArray("EngineVersions");
        versions.addObject().put("SelectedEngineVersion", "AUTO")
                .put("EffectiveEngineVersion", "Athena engine version 3");
        versions.addObject().put("SelectedEngineVersion", "Athena engine version 3")
                .put("EffectiveEngineVersion", "Athena engine version 3");
        return out;
    }

    private static ObjectNode engineVersion() {
        ObjectNode e = F.objectNode();
        e.put("Category", "Presto");
        e.put("EffectiveEngineVersion", "Athena engine version 3");
        e.put("SelectedEngineVersion", "AUTO");
        return e;
    }
}
