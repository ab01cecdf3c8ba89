package ai.connecty.athena.local.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The long-term identities of the local account, loaded from a JSON document (the bundled
 * {@code default-identities.json} or a file given with {@code --identities}):
 * {@code {"accountId": "...", "users": [{name, accessKeyId, secretAccessKey, policies: [...]}],
 * "roles": [{name, maxSessionDurationSeconds, trustPolicy: {...}, policies: [...]}]}}.
 */
public final class IdentityStore {

    private static final String DEFAULT_RESOURCE = "default-identities.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String accountId;
    private final Map<String, User> usersByAccessKey;
    private final Map<String, Role> rolesByArn;

    private IdentityStore(String accountId, Map<String, User> usersByAccessKey, Map<String, Role> rolesByArn) {
        this.accountId = accountId;
        this.usersByAccessKey = Map.copyOf(usersByAccessKey);
        this.rolesByArn = Map.copyOf(rolesByArn);
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
        return new IdentityStore(accountId, users, roles);
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
}
