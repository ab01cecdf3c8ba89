package ai.connecty.athena.local.athena;

import static ai.connecty.athena.local.validation.ValidationStyle.ATHENA;

import ai.connecty.athena.local.api.AwsException;
import ai.connecty.athena.local.api.CallContext;
import ai.connecty.athena.local.engine.QueryExecution;
import ai.connecty.athena.local.engine.QueryRequest;
import ai.connecty.athena.local.engine.QueryService;
import ai.connecty.athena.local.engine.QueryState;
import ai.connecty.athena.local.engine.StatementResult;
import ai.connecty.athena.local.engine.Warehouse;
import ai.connecty.athena.local.engine.ddl.DdlStatement;
import ai.connecty.athena.local.engine.ddl.ParsedDdl;
import ai.connecty.athena.local.engine.result.CsvResultReader;
import ai.connecty.athena.local.sql.Classification;
import ai.connecty.athena.local.sql.OutputColumn;
import ai.connecty.athena.local.engine.PreparedStatements;
import ai.connecty.athena.local.sql.PreparedSql;
import ai.connecty.athena.local.sql.QueryParameters;
import ai.connecty.athena.local.sql.SqlRejectedException;
import ai.connecty.athena.local.sql.SqlStatement;
import ai.connecty.athena.local.sql.StatementClassifier;
import ai.connecty.athena.local.sql.TrinoSql;
import ai.connecty.athena.local.storage.S3Location;
import ai.connecty.athena.local.validation.Validation;
import com.fasterxml.jackson.databind.JsonNode;
import io.trino.sql.tree.Execute;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** StartQueryExecution and the calls that follow a query: validation order and messages as Athena's (§1.3, §5). */
final class QueryOperations {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final int MAX_PAGE = 1000;
    private static final int MAX_QUERY_STRING = 262_144;
    private static final int MAX_REUSE_AGE_MINUTES = 10_080;
    private static final List<String> ENCRYPTION_OPTIONS = List.of("SSE_S3", "SSE_KMS", "CSE_KMS");
    private static final int MAX_BATCH_IDS = 50;
    /** StartQueryExecution's WorkGroup (wire protocol §2.1); the pattern also bounds the length to 1..128. */
    private static final String WORK_GROUP_NAME = "[a-zA-Z0-9._-]{1,128}";
    /** GetQueryResults' QueryResultType enum (wire protocol §2.3). */
    private static final List<String> QUERY_RESULT_TYPES = List.of("DATA_ROWS", "DATA_MANIFEST");
    static final String NO_OUTPUT = "No output location provided. You did not provide an output location for  your "
            + "query results. Either specify an S3 bucket location or enable Athena managed query results in your "
            + "workgroup settings.";

    private final QueryService queries;
    private final Warehouse warehouse;
    private final Map<String, WorkGroup> workGroups;

    QueryOperations(QueryService queries, Warehouse warehouse, Map<String, WorkGroup> workGroups) {
        this.queries = queries;
        this.warehouse = warehouse;
        this.workGroups = workGroups;
    }

    /** StartQueryExecution's synchronous refusal of a statement, with the error code the rejection names. */
    private static AwsException refused(SqlRejectedException e) {
        return AwsException.invalidRequest(e.athenaErrorCode(), e.getMessage());
    }

    JsonNode start(JsonNode in, CallContext ctx) {
        String sentWorkGroup = JsonMembers.text(in, "WorkGroup");
        String workGroupName = Optional.ofNullable(sentWorkGroup).orElse("primary");
        ctx.authorize("athena:StartQueryExecution", workGroupArn(ctx, workGroupName));
        String queryString = JsonMembers.text(in, "QueryString");
        // The model's member constraints are framework checks: they come before the token and syntax checks.
        JsonNode resultConfiguration = in.path("ResultConfiguration");
        JsonNode byAge = in.path("ResultReuseConfiguration").path("ResultReuseByAgeConfiguration");
        boolean byAgeSent = byAge.isObject();
        Boolean reuseEnabled = JsonMembers.bool(byAge, "Enabled");
        Integer reuseMaxAge = JsonMembers.integer(byAge, "MaxAgeInMinutes");
        String reuseMember = "resultReuseConfiguration.resultReuseByAgeConfiguration.";
        new Validation(ATHENA).notNull(queryString, "queryString").minLength(queryString, "queryString", 1)
                .maxLength(queryString, "queryString", MAX_QUERY_STRING)
                .oneOf(JsonMembers.text(resultConfiguration.path("EncryptionConfiguration"), "EncryptionOption"),
                        "resultConfiguration.encryptionConfiguration.encryptionOption", ENCRYPTION_OPTIONS)
                .pattern(JsonMembers.text(resultConfiguration, "ExpectedBucketOwner"),
                        "resultConfiguration.expectedBucketOwner", "[0-9]{12}")
                .oneOf(JsonMembers.text(resultConfiguration.path("AclConfiguration"), "S3AclOption"),
                        "resultConfiguration.aclConfiguration.s3AclOption", List.of("BUCKET_OWNER_FULL_CONTROL"))
                .notNull(byAgeSent ? reuseEnabled : Boolean.FALSE, reuseMember + "enabled")
                .range(reuseMaxAge, reuseMember + "maxAgeInMinutes", 0, MAX_REUSE_AGE_MINUTES)
                .pattern(sentWorkGroup, "workGroup", WORK_GROUP_NAME)
                .check();
        String token = JsonMembers.text(in, "ClientRequestToken");
        checkToken(token);
        WorkGroup wg = workGroup(workGroupName);
        JsonNode context = in.path("QueryExecutionContext");
        String catalog = JsonMembers.text(context, "Catalog");
        String database = JsonMembers.text(context, "Database");
        S3Location output = outputLocation(JsonMembers.text(in.path("ResultConfiguration"), "OutputLocation"), wg);
        List<String> parameters = executionParameters(in);
        QueryParameters.Bound bound;
        ParsedDdl hive;
        Classification classification;
        ShownStatement.Rewritten shown;
        SqlStatement shownFrom;
        try {
            // The one parse of the statement: its tree travels with the request to where it runs.
            SqlStatement written = SqlStatement.of(queryString);
            bound = QueryParameters.bind(written, parameters);
            // What GetQueryExecution shows: the statement with its ExecutionParameters bound; an EXECUTE as written.
            shownFrom = bound.statement();
            if (written.tree() instanceof Execute) {
                // EXECUTE runs as the workgroup's prepared statement with its values bound; an unknown name keeps
                // the EXECUTE, which fails when it runs.
                Optional<PreparedStatements.Prepared> prepared = warehouse.preparedStatements()
                        .find(wg.name(), PreparedSql.name(written).orElseThrow());
                shownFrom = written;
                if (prepared.isPresent()) {
                    bound = PreparedSql.bindExecute(written, prepared.get().queryStatement(), parameters);
                }
            }
            // A Hive-path statement is parsed here once, from the tokens of the one lexing pass; a syntax error is
            // kept and fails the query when it runs.
            hive = ParsedDdl.ofHivePath(bound.statement());
            classification = classifyAtStart(bound.statement(), hive, catalog, database);
            shown = ShownStatement.of(shownFrom, classification.substatementType(), catalog, database);
        } catch (SqlRejectedException e) {
            throw refused(e);
        } catch (StackOverflowError e) {
            // A tree the parser built but a walk over it cannot follow: too large, as when the parser overflows.
            throw refused(TrinoSql.tooLarge());
        }
        SqlStatement parsed = bound.statement();
        String statement = shown.statement();
        String runDatabase = shown.database();
        Integer reuseMinutes = null;
        if (Boolean.TRUE.equals(reuseEnabled)) {
            reuseMinutes = reuseMaxAge == null ? 60 : reuseMaxAge;
        }
        String encryption = JsonMembers.text(in.path("ResultConfiguration").path("EncryptionConfiguration"), "EncryptionOption");
        QueryRequest request = new QueryRequest(statement, classification, catalog, runDatabase, wg.name(), output,
                reuseMinutes, ctx, bound.error(), wg.managedResults() ? null : encryption, parsed, hive, parameters);
        QueryService.IdempotencyKey key = new QueryService.IdempotencyKey(queryString, catalog, database, output.toString());
        QueryExecution e = queries.start(request, token, key);
        ObjectNode out = F.objectNode();
        out.put("QueryExecutionId", e.id());
        return out;
    }

    /** ExecutionParameters: 1 or more strings of 1..1024 characters; {@code null} elements are dropped, as Athena does. */
    private static List<String> executionParameters(JsonNode in) {
        JsonNode node = in.get("ExecutionParameters");
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw JsonMembers.serialization(node);
        }
        List<String> sent = new ArrayList<>();
        for (JsonNode v : node) {
            if (!v.isNull() && !v.isTextual()) {
                throw JsonMembers.serialization(v);
            }
            sent.add(v.isNull() ? null : v.asText());
        }
        List<String> values = sent.stream().filter(Objects::nonNull).toList();
        // The model's list has at least one member: a sent empty list is a framework error, an absent one is not.
        Validation check = new Validation(ATHENA).minSize(sent, "executionParameters", 1);
        for (String v : values) {
            check.length(v, "executionParameters", 1, 1024);
        }
        check.check();
        return values;
    }

    private static void checkToken(String token) {
        if (token == null) {
            throw AwsException.invalidRequest("INVALID_INPUT", "clientRequestToken is null or empty");
        }
        // The model's 32..128 characters; Athena's own byte limit below is checked only after it (§5.2).
        new Validation(ATHENA).length(token, "clientRequestToken", 32, 128).check();
        if (token.getBytes(StandardCharsets.UTF_8).length > 128) {
            throw AwsException.invalidRequest("INVALID_INPUT", "clientRequestToken exceeds maximum allowed length 128");
        }
    }

    private static S3Location outputLocation(String requested, WorkGroup wg) {
        String chosen = wg.enforced() || requested == null ? wg.outputLocation() : requested;
        if (chosen == null) {
            throw AwsException.invalidRequest("INVALID_INPUT", NO_OUTPUT);
        }
        if (!S3Location.isValid(chosen)) {
            throw AwsException.invalidRequest("INVALID_INPUT", "outputLocation is not a valid S3 path.");
        }
        return S3Location.parse(chosen).asPrefix();
    }

    /** DESCRIBE / SHOW COLUMNS resolve their table at start: missing is an error, a view makes it DESC_VIEW. */
    private Classification classifyAtStart(SqlStatement statement, ParsedDdl hive, String catalog, String database) {
        Classification c = statement.classification();
        if (!c.substatementType().equals("DESCRIBE_TABLE") && !c.substatementType().equals("SHOW_COLUMNS")
                || hive == null || !hive.parsed()) {
            return c;
        }
        DdlStatement.Name name;
        if (hive.statement() instanceof DdlStatement.Describe d) {
            name = d.table();
        } else if (hive.statement() instanceof DdlStatement.ShowColumns s) {
            name = s.table();
        } else {
            return c;
        }
        List<String> parts = new ArrayList<>();
        parts.add(name.database() == null ? (database == null ? "default" : database) : name.database());
        parts.add(name.name());
        var table = warehouse.resolve(parts, catalog, null);
        if (table.isEmpty()) {
            throw AwsException.invalidRequest("INVALID_INPUT", "Entity Not Found (Service: AmazonDataCatalog; Status Code: "
                    + "400; Error Code: EntityNotFoundException; Request ID: " + UUID.randomUUID() + "; Proxy: null)");
        }
        return table.get().table().isView() ? StatementClassifier.forView(c) : c;
    }

    private boolean managedResults(QueryExecution e) {
        WorkGroup wg = workGroups.get(e.request().workGroup());
        return wg != null && wg.managedResults();
    }

    JsonNode get(JsonNode in, CallContext ctx) {
        QueryExecution e = existing(in, ctx, "athena:GetQueryExecution");
        ObjectNode out = F.objectNode();
        out.set("QueryExecution", QueryExecutionJson.render(e, managedResults(e)));
        return out;
    }

    JsonNode runtimeStatistics(JsonNode in, CallContext ctx) {
        return RuntimeStatistics.render(existing(in, ctx, "athena:GetQueryRuntimeStatistics"));
    }

    JsonNode batchGet(JsonNode in, CallContext ctx) {
        JsonNode ids = in.get("QueryExecutionIds");
        List<String> shown = new ArrayList<>();
        if (ids != null) {
            ids.forEach(id -> shown.add(id.asText()));
        }
        // The model allows up to 50 ids (wire protocol §2.2).
        new Validation(ATHENA).notNull(ids, "queryExecutionIds").maxSize(shown, "queryExecutionIds", MAX_BATCH_IDS).check();
        ObjectNode out = F.objectNode();
        ArrayNode found = out.putArray("QueryExecutions");
        ArrayNode missing = out.putArray("UnprocessedQueryExecutionIds");
        for (JsonNode id : ids) {
            Optional<QueryExecution> e = queries.find(id.asText());
            if (e.isPresent() && ctx.isAllowed("athena:BatchGetQueryExecution", workGroupArn(ctx, e.get().request().workGroup()))) {
                found.add(QueryExecutionJson.render(e.get(), managedResults(e.get())));
            } else {
                ObjectNode m = missing.addObject();
                m.put("QueryExecutionId", id.asText());
                m.put("ErrorCode", "INVALID_INPUT");
                m.put("ErrorMessage", "QueryExecution " + id.asText() + " was not found");
            }
        }
        return out;
    }

    JsonNode stop(JsonNode in, CallContext ctx) {
        QueryExecution e = existing(in, ctx, "athena:StopQueryExecution");
        e.cancel();
        return F.objectNode();
    }

    JsonNode list(JsonNode in, CallContext ctx) {
        String wg = Optional.ofNullable(JsonMembers.text(in, "WorkGroup")).orElse("primary");
        Integer max = JsonMembers.integer(in, "MaxResults");
        String token = JsonMembers.text(in, "NextToken");
        new Validation(ATHENA).minLength(token, "nextToken", 1).range(max, "maxResults", 0, 50).check();
        ctx.authorize("athena:ListQueryExecutions", workGroupArn(ctx, wg));
        workGroup(wg);
        List<String> ids = queries.idsInWorkGroup(wg);
        return Paging.page(ids, max == null || max == 0 ? 50 : max, token, "list-executions:" + wg,
                "QueryExecutionIds", F::textNode);
    }

    JsonNode results(JsonNode in, CallContext ctx) {
        String token = JsonMembers.text(in, "NextToken");
        Integer max = JsonMembers.integer(in, "MaxResults");
        String id = JsonMembers.text(in, "QueryExecutionId");
        new Validation(ATHENA).notNull(id, "queryExecutionId").minLength(token, "nextToken", 1)
                .range(max, "maxResults", 1, 100000)
                .oneOf(JsonMembers.text(in, "QueryResultType"), "queryResultType", QUERY_RESULT_TYPES).check();
        QueryExecution e = queries.find(id).orElseThrow(() -> notFound(id));
        ctx.authorize("athena:GetQueryResults", workGroupArn(ctx, e.request().workGroup()));
        if (max != null && max > MAX_PAGE) {
            throw AwsException.invalidRequest("INVALID_INPUT", "MaxResults is more than maximum allowed length 1000");
        }
        QueryExecution.Snapshot s = e.snapshot();
        if (s.state() == QueryState.QUEUED || s.state() == QueryState.RUNNING) {
            throw AwsException.invalidRequest("INVALID_QUERY_EXECUTION_STATE",
                    "Query has not yet finished. Current state: " + s.state());
        }
        if (s.state() == QueryState.CANCELLED) {
            throw AwsException.invalidRequest("RESULT_NOT_FOUND", "Could not find results");
        }
        ObjectNode out = F.objectNode();
        if (s.state() == QueryState.FAILED) {
            if (s.failure() != null && s.failure().hivePath()) {
                out.putObject("ResultSet").putArray("Rows");
                return out;
            }
            throw AwsException.invalidRequest("INVALID_QUERY_EXECUTION_STATE",
                    "Query did not finish successfully. Final query state: FAILED");
        }
        StatementResult r = s.result();
        int pageSize = max == null ? MAX_PAGE : max;
        long first = 0;
        if (r.records() > 0 && token != null) {
            first = PageToken.decode(e.id(), token).orElseThrow(() -> AwsException.invalidRequest("INVALID_INPUT",
                    "Malformed nextPageToken " + token));
        }
        List<String[]> rows = rows(r, first, pageSize);
        ObjectNode rs = out.putObject("ResultSet");
        ArrayNode rowArray = rs.putArray("Rows");
        for (String[] row : rows) {
            ArrayNode data = rowArray.addObject().putArray("Data");
            for (String v : row) {
                ObjectNode datum = data.addObject();
                if (v != null) {
                    datum.put("VarCharValue", v);
                }
            }
        }
        ArrayNode info = rs.putObject("ResultSetMetadata").putArray("ColumnInfo");
        for (OutputColumn c : r.columns()) {
            info.add(columnInfo(c));
        }
        if (r.updateCount() != null) {
            out.put("UpdateCount", r.updateCount());
        }
        if (!rows.isEmpty() && rows.size() == pageSize) {
            out.put("NextToken", PageToken.encode(e.id(), first + rows.size()));
        }
        return out;
    }

    private static List<String[]> rows(StatementResult r, long first, int count) {
        if (r.csvFile() != null) {
            return CsvResultReader.read(r.csvFile(), r.csvIndex(), first, count);
        }
        List<String[]> rows = new ArrayList<>();
        for (long i = first; i < r.lines().size() && rows.size() < count; i++) {
            rows.add(new String[] {r.lines().get((int) i)});
        }
        return rows;
    }

    private static ObjectNode columnInfo(OutputColumn c) {
        ObjectNode n = F.objectNode();
        n.put("CatalogName", "hive");
        n.put("SchemaName", "");
        n.put("TableName", "");
        n.put("Name", c.name());
        n.put("Label", c.name());
        n.put("Type", c.type().athenaName());
        n.put("Precision", c.type().precision());
        n.put("Scale", c.type().scale());
        n.put("Nullable", "UNKNOWN");
        n.put("CaseSensitive", c.type().caseSensitive());
        return n;
    }

    private QueryExecution existing(JsonNode in, CallContext ctx, String action) {
        String id = JsonMembers.text(in, "QueryExecutionId");
        new Validation(ATHENA).notNull(id, "queryExecutionId").check();
        QueryExecution e = queries.find(id).orElseThrow(() -> notFound(id));
        ctx.authorize(action, workGroupArn(ctx, e.request().workGroup()));
        return e;
    }

    private static AwsException notFound(String id) {
        return AwsException.invalidRequest("QUERY_EXECUTION_NOT_FOUND", "QueryExecution " + id + " was not found");
    }

    private WorkGroup workGroup(String name) {
        WorkGroup wg = workGroups.get(name);
        if (wg == null) {
            throw AwsException.invalidRequest("INVALID_INPUT", "WorkGroup is not found.");
        }
        return wg;
    }

    static String workGroupArn(CallContext ctx, String name) {
        return "arn:aws:athena:" + ctx.region() + ":" + ctx.accountId() + ":workgroup/" + name;
    }
}
