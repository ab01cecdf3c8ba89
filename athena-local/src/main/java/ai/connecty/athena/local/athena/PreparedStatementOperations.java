package ai.connecty.athena.local.athena;

import static ai.connecty.athena.local.validation.ValidationStyle.ATHENA;

import ai.connecty.athena.local.api.AwsException;
import ai.connecty.athena.local.api.CallContext;
import ai.connecty.athena.local.engine.PreparedStatements;
import ai.connecty.athena.local.sql.SqlRejectedException;
import ai.connecty.athena.local.sql.SqlStatement;
import ai.connecty.athena.local.validation.Validation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * CreatePreparedStatement, GetPreparedStatement, ListPreparedStatements, UpdatePreparedStatement and
 * DeletePreparedStatement: the API over the same per-workgroup statements PREPARE and DEALLOCATE PREPARE manage.
 * Each is authorized as {@code athena:<Action>} on the workgroup's ARN, as Athena's IAM reference lists them.
 */
final class PreparedStatementOperations {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** The model's StatementName (1..256). */
    private static final String STATEMENT_NAME = "[a-zA-Z_][a-zA-Z0-9_@:]{0,255}";
    private static final int MAX_QUERY_STATEMENT = 262_144;

    private final PreparedStatements statements;
    private final Map<String, WorkGroup> workGroups;

    PreparedStatementOperations(PreparedStatements statements, Map<String, WorkGroup> workGroups) {
        this.statements = statements;
        this.workGroups = workGroups;
    }

    JsonNode create(JsonNode in, CallContext ctx) {
        String workGroup = written(in, ctx, "athena:CreatePreparedStatement");
        String name = JsonMembers.text(in, "StatementName");
        if (statements.find(workGroup, name).isPresent()) {
            throw AwsException.invalidRequest("INVALID_INPUT", "Prepared statement " + name
                    + " already exists in workgroup " + workGroup);
        }
        statements.put(workGroup, name, JsonMembers.text(in, "QueryStatement"), JsonMembers.text(in, "Description"));
        return F.objectNode();
    }

    JsonNode update(JsonNode in, CallContext ctx) {
        String workGroup = written(in, ctx, "athena:UpdatePreparedStatement");
        String name = JsonMembers.text(in, "StatementName");
        existing(workGroup, name);
        statements.put(workGroup, name, JsonMembers.text(in, "QueryStatement"), JsonMembers.text(in, "Description"));
        return F.objectNode();
    }

    JsonNode get(JsonNode in, CallContext ctx) {
        PreparedStatements.Prepared p = named(in, ctx, "athena:GetPreparedStatement");
        ObjectNode out = F.objectNode();
        ObjectNode s = out.putObject("PreparedStatement");
        s.put("StatementName", p.name());
        s.put("QueryStatement", p.queryStatement());
        s.put("WorkGroupName", p.workGroup());
        if (p.description() != null) {
            s.put("Description", p.description());
        }
        s.put("LastModifiedTime", p.lastModified().toEpochMilli() / 1000.0);
        return out;
    }

    JsonNode list(JsonNode in, CallContext ctx) {
        String workGroup = JsonMembers.text(in, "WorkGroup");
        Integer max = JsonMembers.integer(in, "MaxResults");
        String token = JsonMembers.text(in, "NextToken");
        new Validation(ATHENA).notNull(workGroup, "workGroup").range(max, "maxResults", 1, 50)
                .minLength(token, "nextToken", 1).check();
        authorized(ctx, "athena:ListPreparedStatements", workGroup);
        List<PreparedStatements.Prepared> all = statements.list(workGroup);
        String scope = "prepared-statements/" + workGroup;
        int from = token == null ? 0 : (int) Math.min(all.size(), PageToken.decode(scope, token).orElseThrow(
                () -> AwsException.invalidRequest("INVALID_INPUT", "Malformed nextPageToken " + token)));
        int to = Math.min(all.size(), from + (max == null ? 50 : max));
        ObjectNode out = F.objectNode();
        ArrayNode list = out.putArray("PreparedStatements");
        for (PreparedStatements.Prepared p : all.subList(from, to)) {
            list.addObject().put("StatementName", p.name()).put("LastModifiedTime", p.lastModified().toEpochMilli() / 1000.0);
        }
        if (to < all.size()) {
            out.put("NextToken", PageToken.encode(scope, to));
        }
        return out;
    }

    JsonNode delete(JsonNode in, CallContext ctx) {
        PreparedStatements.Prepared p = named(in, ctx, "athena:DeletePreparedStatement");
        statements.remove(p.workGroup(), p.name());
        return F.objectNode();
    }

    /** The checks of Create and Update: members, rights, workgroup, and a statement that parses. */
    private String written(JsonNode in, CallContext ctx, String action) {
        String name = JsonMembers.text(in, "StatementName");
        String workGroup = JsonMembers.text(in, "WorkGroup");
        String query = JsonMembers.text(in, "QueryStatement");
        String description = JsonMembers.text(in, "Description");
        new Validation(ATHENA).notNull(name, "statementName").pattern(name, "statementName", STATEMENT_NAME)
                .notNull(workGroup, "workGroup").notNull(query, "queryStatement")
                .length(query, "queryStatement", 1, MAX_QUERY_STATEMENT).length(description, "description", 1, 1024)
                .check();
        authorized(ctx, action, workGroup);
        try {
            SqlStatement.of(query);
        } catch (SqlRejectedException e) {
            throw AwsException.invalidRequest(e.athenaErrorCode(), e.getMessage());
        }
        return workGroup;
    }

    /** The checks of Get and Delete: name and workgroup, rights, and the statement, which must exist. */
    private PreparedStatements.Prepared named(JsonNode in, CallContext ctx, String action) {
        String name = JsonMembers.text(in, "StatementName");
        String workGroup = JsonMembers.text(in, "WorkGroup");
        new Validation(ATHENA).notNull(name, "statementName").pattern(name, "statementName", STATEMENT_NAME)
                .notNull(workGroup, "workGroup").check();
        authorized(ctx, action, workGroup);
        return existing(workGroup, name);
    }

    private void authorized(CallContext ctx, String action, String workGroup) {
        ctx.authorize(action, QueryOperations.workGroupArn(ctx, workGroup));
        if (!workGroups.containsKey(workGroup)) {
            throw AwsException.invalidRequest("INVALID_INPUT", "WorkGroup is not found.");
        }
    }

    /** The statement, or ResourceNotFoundException naming it (wire protocol: prepared statements use that error). */
    private PreparedStatements.Prepared existing(String workGroup, String name) {
        return statements.find(workGroup, name).orElseThrow(() -> new AwsException(400,
                "ResourceNotFoundException", "Prepared statement " + name + " was not found in workgroup "
                + workGroup + ".", Map.of("ResourceName", name)));
    }
}
