package ai.connecty.athena.local.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** An IAM policy document ({@code {"Version": ..., "Statement": [...]}}). */
public record Policy(List<Statement> statements) {

    public static Policy parse(JsonNode document, String where) {
        if (document == null || !document.isObject()) {
            throw new PolicyException(where + ": a policy must be a JSON object with a Statement member");
        }
        JsonNode statement = document.get("Statement");
        List<Statement> out = new ArrayList<>();
        if (statement != null && statement.isArray()) {
            for (JsonNode s : statement) {
                out.add(Statement.parse(s, where));
            }
        } else if (statement != null && statement.isObject()) {
            out.add(Statement.parse(statement, where));
        } else {
            throw new PolicyException(where + ": Statement must be an object or an array of objects");
        }
        return new Policy(List.copyOf(out));
    }

    /** Evaluates a set of identity policies the way IAM does: explicit deny, then any allow, else deny. */
    public static Decision evaluate(List<Policy> policies, AccessRequest request) {
        boolean allowed = false;
        for (Policy policy : policies) {
            for (Statement s : policy.statements) {
                if (s.applies(request)) {
                    if (!s.allow()) {
                        return Decision.EXPLICIT_DENY;
                    }
                    allowed = true;
                }
            }
        }
        return allowed ? Decision.ALLOW : Decision.IMPLICIT_DENY;
    }

    /** A trust policy allows the request when an Allow statement names the caller and none denies it. */
    public Decision evaluateTrust(AccessRequest request, String callerAccountId) {
        boolean allowed = false;
        for (Statement s : statements) {
            if (s.namesPrincipal(request.principalArn(), callerAccountId) && s.applies(request)) {
                if (!s.allow()) {
                    return Decision.EXPLICIT_DENY;
                }
                allowed = true;
            }
        }
        return allowed ? Decision.ALLOW : Decision.IMPLICIT_DENY;
    }
}
