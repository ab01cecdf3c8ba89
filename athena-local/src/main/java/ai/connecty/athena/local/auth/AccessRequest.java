package ai.connecty.athena.local.auth;

import java.util.Map;

/**
 * One question to the policy evaluator: may {@code principalArn} perform {@code action} on {@code resource}?
 * {@code conditionKeys} holds the request context ({@code aws:RequestedRegion}, {@code sts:ExternalId}, ...)
 * with lower-case names, because IAM condition keys are case-insensitive.
 */
public record AccessRequest(String principalArn, String action, String resource, Map<String, String> conditionKeys) {

    public String conditionKey(String name) {
        return conditionKeys.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
