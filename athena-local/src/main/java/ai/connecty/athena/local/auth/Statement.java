package ai.connecty.athena.local.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One statement of an IAM policy. {@code principals} is used only by trust policies; a statement without
 * Resource/NotResource (as in a trust policy) applies to any resource.
 */
record Statement(String sid, boolean allow, List<String> actions, boolean notAction, List<String> resources,
                 boolean notResource, List<String> principals, List<Condition> conditions) {

    static Statement parse(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new PolicyException(where + ": a statement must be a JSON object");
        }
        String sid = node.path("Sid").asText("");
        String at = sid.isEmpty() ? where : where + " statement '" + sid + "'";
        String effect = node.path("Effect").asText("");
        if (!effect.equals("Allow") && !effect.equals("Deny")) {
            throw new PolicyException(at + ": Effect must be \"Allow\" or \"Deny\", not \"" + effect + "\"");
        }
        boolean notAction = node.has("NotAction");
        if (notAction == node.has("Action")) {
            throw new PolicyException(at + ": exactly one of Action and NotAction is required");
        }
        if (node.has("NotPrincipal")) {
            throw new PolicyException(at + ": NotPrincipal is not supported; name the allowed principals in Principal");
        }
        boolean notResource = node.has("NotResource");
        if (notResource && node.has("Resource")) {
            throw new PolicyException(at + ": Resource and NotResource cannot both be present");
        }
        List<String> resources = node.has("Resource") || notResource
                ? strings(node.get(notResource ? "NotResource" : "Resource"), at) : List.of("*");
        return new Statement(sid, effect.equals("Allow"), strings(node.get(notAction ? "NotAction" : "Action"), at),
                notAction, resources, notResource, principals(node.get("Principal"), at),
                conditions(node.get("Condition"), at));
    }

    /** True when this statement speaks about the request (its Effect then decides). */
    boolean applies(AccessRequest request) {
        boolean actionListed = actions.stream().anyMatch(a -> Wildcard.matches(a, request.action(), true));
        if (actionListed == notAction) {
            return false;
        }
        boolean resourceListed = resources.stream().anyMatch(r -> Wildcard.matches(r, request.resource(), false));
        if (resourceListed == notResource) {
            return false;
        }
        return conditions.stream().allMatch(c -> c.holds(request));
    }

    /** Trust-policy check: does the Principal element name this caller (exactly, by account, or "*")? */
    boolean namesPrincipal(String principalArn, String accountId) {
        return principals.stream().anyMatch(p -> p.equals("*") || p.equals(principalArn) || p.equals(accountId)
                || p.equals("arn:aws:iam::" + accountId + ":root"));
    }

    private static List<String> principals(JsonNode node, String at) {
        if (node == null) {
            return List.of();
        }
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        if (!node.isObject()) {
            throw new PolicyException(at + ": Principal must be \"*\" or an object like {\"AWS\": \"arn\"}");
        }
        List<String> out = new ArrayList<>();
        node.properties().forEach(e -> out.addAll(strings(e.getValue(), at)));
        for (String p : out) {
            // IAM: "You cannot use a wildcard to match part of a principal name or ARN"; it refuses such a policy.
            if (!p.equals("*") && (p.contains("*") || p.contains("?"))) {
                throw new PolicyException(at + ": Principal '" + p + "' has a wildcard; IAM takes \"*\" alone or a"
                        + " full ARN, account or service name");
            }
        }
        return List.copyOf(out);
    }

    private static List<Condition> conditions(JsonNode node, String at) {
        if (node == null) {
            return List.of();
        }
        if (!node.isObject()) {
            throw new PolicyException(at + ": Condition must be an object of operators");
        }
        List<Condition> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> op : node.properties()) {
            if (!op.getValue().isObject()) {
                throw new PolicyException(at + ": Condition operator " + op.getKey() + " must map keys to values");
            }
            for (Map.Entry<String, JsonNode> key : op.getValue().properties()) {
                out.add(new Condition(op.getKey(), key.getKey(), strings(key.getValue(), at)));
            }
        }
        return List.copyOf(out);
    }

    private static List<String> strings(JsonNode node, String at) {
        if (node != null && node.isTextual()) {
            return List.of(node.asText());
        }
        if (node != null && node.isArray()) {
            List<String> out = new ArrayList<>();
            for (JsonNode n : node) {
                if (!n.isValueNode()) {
                    throw new PolicyException(at + ": expected a string, got " + n);
                }
                out.add(n.asText());
            }
            return List.copyOf(out);
        }
        throw new PolicyException(at + ": expected a string or an array of strings, got " + node);
    }
}
