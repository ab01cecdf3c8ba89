package ai.connecty.athena.local.auth;

import ai.connecty.athena.local.api.AwsException;
import ai.connecty.athena.local.api.CallContext;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@link CallContext} of one authenticated request. It remembers the last authorization decision so
 * the request log can say which resource a call was allowed or denied on.
 */
public final class AuthenticatedCall implements CallContext {

    private final Principal principal;
    private final String region;
    private final Function<String, AwsException> accessDenied;
    private volatile String lastResource;
    private volatile boolean lastDenied;

    /** @param accessDenied the calling service's access-denied error for a given message */
    public AuthenticatedCall(Authenticated authenticated, Function<String, AwsException> accessDenied) {
        this.principal = authenticated.principal();
        this.region = authenticated.region();
        this.accessDenied = accessDenied;
    }

    /**
     * The call of an operation that AWS serves unsigned: a caller without policies (so it may do nothing by
     * itself) that the request log shows as {@code anonymous}; the operation checks the token it carries.
     */
    public static AuthenticatedCall anonymous(Function<String, AwsException> accessDenied) {
        return new AuthenticatedCall(new Authenticated(new Principal("anonymous", "anonymous", "", List.of()), ""),
                accessDenied);
    }

    public Principal principal() {
        return principal;
    }

    @Override
    public String principalArn() {
        return principal.arn();
    }

    @Override
    public String accountId() {
        return principal.accountId();
    }

    @Override
    public String region() {
        return region;
    }

    @Override
    public boolean isAllowed(String action, String resourceArn) {
        return decide(action, resourceArn, Map.of()).allowed();
    }

    @Override
    public String denialReason(String action, String resourceArn) {
        return decide(action, resourceArn, Map.of()) == Decision.EXPLICIT_DENY
                ? "with an explicit deny in an identity-based policy"
                : "because no identity-based policy allows the " + action + " action";
    }

    /** Evaluates the principal's policies with the request's condition keys plus {@code extraKeys}. */
    public Decision decide(String action, String resourceArn, Map<String, String> extraKeys) {
        Map<String, String> keys = new HashMap<>();
        keys.put("aws:requestedregion", region);
        keys.put("aws:principalarn", principal.arn());
        keys.put("aws:principalaccount", principal.accountId());
        extraKeys.forEach((k, v) -> keys.put(k.toLowerCase(Locale.ROOT), v));
        return Policy.evaluate(principal.policies(), new AccessRequest(principal.arn(), action, resourceArn, keys));
    }

    @Override
    public void authorize(String action, String resourceArn) {
        boolean denied = !isAllowed(action, resourceArn);
        record(resourceArn, denied);
        if (denied) {
            throw accessDenied.apply(deniedMessage(action, resourceArn));
        }
    }

    /** Records a decision taken elsewhere (e.g. a role's trust policy) so the log shows it. */
    public void record(String resourceArn, boolean denied) {
        lastResource = resourceArn;
        lastDenied = denied;
    }

    public String deniedMessage(String action, String resourceArn) {
        return "User: " + principal.arn() + " is not authorized to perform: " + action + " on resource: " + resourceArn;
    }

    public AwsException accessDenied(String action, String resourceArn) {
        return accessDenied.apply(deniedMessage(action, resourceArn));
    }

    /** The resource of the last authorization check, or null when none was made. */
    public String lastResource() {
        return lastResource;
    }

    public boolean lastDenied() {
        return lastDenied;
    }
}
