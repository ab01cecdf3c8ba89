package ai.connecty.athena.local.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The long-term identities of the local account, loaded from a JSON document (the bundled
 * {@code default-identities.json} or a file given with {@code --identities}):
 * {@code {"accountId": "...", "users": [{name, accessKeyId, secretAccessKey, policies: [...]}],
 * "roles": [{name, maxSessionDurationSeconds, trustPolicy: {...}, policies: [...]}],
 * "ssoAccessTokens": [{accessToken, userName, expiresAt?, roles: {permissionSetName: roleName}}],
 * "webIdentityTokens": [{token, issuer, subject, audience, expiresAt?}]}}. The two token lists are optional: they
 * stand for IAM Identity Center and for an OIDC identity provider, which athena-local does not run.
 */
public final class IdentityStore {

    private static final String DEFAULT_RESOURCE = "default-identities.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String accountId;
    private final Map<String, User> usersByAccessKey;
    private final Map<String, Role> rolesByArn;
    private final Map<String, SsoAccessToken> ssoTokens;
    private final Map<String, WebIdentityToken> webIdentityTokens;

    private IdentityStore(String accountId, Map<String, User> usersByAccessKey, Map<String, Role> rolesByArn,
                          Map<String, SsoAccessToken> ssoTokens, Map<String, WebIdentityToken> webIdentityTokens) {
        this.accountId = accountId;
        this.usersByAccessKey = Map.copyOf(usersByAccessKey);
        this.rolesByArn = Map.copyOf(rolesByArn);
        this.ssoTokens = Map.copyOf(ssoTokens);
        this.webIdentityTokens = Map.copyOf(webIdentityTokens);
    }

    public static IdentityStore defaults() {
        try (InputStream in = IdentityStore.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The bundled " + DEFAULT_RESOURCE + " is missing from the jar");
            }
            return parse(JSON.readTree(in), "bundled " + DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the bundled " + DEFAULT_RESOURCE, e);
        }
    }

    public static IdentityStore load(Path file) {
        try {
            return parse(JSON.readTree(Files.readAllBytes(file)), file.toString());
        } catch (IOException e) {
            throw new PolicyException("Cannot read identities file " + file + ": " + e.getMessage());
        }
    }

    static IdentityStore parse(JsonNode root, String where) {
        String accountId = root.path("accountId").asText("");
        if (!accountId.matches("\\d{12}")) {
            throw new PolicyException(where + ": accountId must be 12 digits, got '" + accountId + "'");
        }
        Map<String, User> users = new LinkedHashMap<>();
        for (JsonNode u : root.path("users")) {
            String name = required(u, "name", where + " user");
            String at = where + " user '" + name + "'";
            User user = new User(name, accountId, required(u, "accessKeyId", at), required(u, "secretAccessKey", at),
                    policies(u.path("policies"), at));
            if (users.put(user.accessKeyId(), user) != null) {
                throw new PolicyException(at + ": access key " + user.accessKeyId() + " is used twice");
            }
        }
        Map<String, Role> roles = new LinkedHashMap<>();
        for (JsonNode r : root.path("roles")) {
            String name = required(r, "name", where + " role");
            String at = where + " role '" + name + "'";
            int maxSeconds = r.path("maxSessionDurationSeconds").asInt(3600);
            if (maxSeconds < 900 || maxSeconds > 43200) {
                throw new PolicyException(at + ": maxSessionDurationSeconds must be 900..43200, got " + maxSeconds);
            }
            Role role = new Role(name, accountId, Policy.parse(r.get("trustPolicy"), at + " trustPolicy"),
                    policies(r.path("policies"), at), maxSeconds);
            roles.put(role.arn(), role);
        }
        return new IdentityStore(accountId, users, roles, ssoTokens(root, where, accountId, roles),
                webIdentityTokens(root, where));
    }

    private static Map<String, SsoAccessToken> ssoTokens(JsonNode root, String where, String accountId,
                                                         Map<String, Role> roles) {
        Map<String, SsoAccessToken> out = new LinkedHashMap<>();
        int i = 0;
        for (JsonNode t : root.path("ssoAccessTokens")) {
            String at = where + " ssoAccessTokens #" + (++i);
            String token = required(t, "accessToken", at);
            Map<String, String> permissionSets = new LinkedHashMap<>();
            t.path("roles").properties().forEach(e -> permissionSets.put(e.getKey(), e.getValue().asText("")));
            permissionSets.forEach((permissionSet, role) -> {
                // Checked at load, so that a typo fails at startup rather than as "No access" at sign-in.
                if (!roles.containsKey("arn:aws:iam::" + accountId + ":role/" + role)) {
                    throw new PolicyException(at + ": permission set '" + permissionSet + "' names no role '" + role
                            + "'");
                }
            });
            SsoAccessToken sso = new SsoAccessToken(token, required(t, "userName", at), instant(t, "expiresAt", at),
                    permissionSets);
            if (out.put(token, sso) != null) {
                throw new PolicyException(at + ": the same accessToken is listed twice");
            }
        }
        return out;
    }

    private static Map<String, WebIdentityToken> webIdentityTokens(JsonNode root, String where) {
        Map<String, WebIdentityToken> out = new LinkedHashMap<>();
        int i = 0;
        for (JsonNode t : root.path("webIdentityTokens")) {
            String at = where + " webIdentityTokens #" + (++i);
            String token = required(t, "token", at);
            String issuer = required(t, "issuer", at).replaceFirst("^https://", "");
            WebIdentityToken web = new WebIdentityToken(token, issuer, required(t, "subject", at),
                    required(t, "audience", at), instant(t, "expiresAt", at));
            if (out.put(token, web) != null) {
                throw new PolicyException(at + ": the same token is listed twice");
            }
        }
        return out;
    }

    private static Optional<Instant> instant(JsonNode node, String field, String at) {
        String value = node.path(field).asText("");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            throw new PolicyException(at + ": '" + field + "' must be an ISO-8601 instant such as "
                    + "2030-01-01T00:00:00Z, got '" + value + "'");
        }
    }

    private static List<Policy> policies(JsonNode array, String at) {
        List<Policy> out = new ArrayList<>();
        int i = 0;
        for (JsonNode p : array) {
            out.add(Policy.parse(p, at + " policy #" + (++i)));
        }
        return List.copyOf(out);
    }

    private static String required(JsonNode node, String field, String at) {
        String value = node.path(field).asText("");
        if (value.isEmpty()) {
            throw new PolicyException(at + ": '" + field + "' is required");
        }
        return value;
    }

    public String accountId() {
        return accountId;
    }

    public Optional<User> userByAccessKey(String accessKeyId) {
        return Optional.ofNullable(usersByAccessKey.get(accessKeyId));
    }

    public Optional<Role> roleByArn(String roleArn) {
        return Optional.ofNullable(rolesByArn.get(roleArn));
    }

    public Optional<Role> roleByName(String roleName) {
        return roleByArn("arn:aws:iam::" + accountId + ":role/" + roleName);
    }

    public Optional<SsoAccessToken> ssoAccessToken(String token) {
        return Optional.ofNullable(ssoTokens.get(token));
    }

    public Optional<WebIdentityToken> webIdentityToken(String token) {
        return Optional.ofNullable(webIdentityTokens.get(token));
    }
}
