package ai.connecty.athena.tests.doctor;

import ai.connecty.athena.jdbc.doctor.GuideAction;
import ai.connecty.athena.local.LocalAthena;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * An athena-local whose identities hold the guide's setup and one broken copy per prerequisite: a role that does
 * not trust the service account, and for every action of the guide's policy a role without it. The service
 * account may assume all of them, so each broken setup is just another RoleArn.
 */
final class BrokenSetups {
    static final String ACCOUNT = LocalAthena.ACCOUNT_ID;
    static final String UNTRUSTING_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/untrusting";
    /** A bucket the role's policy does not name, as a bucket of another account would be. */
    static final String FOREIGN_BUCKET = "partner-results";

    private static final ObjectMapper JSON = new ObjectMapper();

    private BrokenSetups() {
    }

    static LocalAthena start(Path dataDir) throws IOException {
        Path identities = dataDir.resolve("identities.json");
        Files.createDirectories(dataDir);
        JSON.writerWithDefaultPrettyPrinter().writeValue(identities.toFile(), identities());
        LocalAthena athena = LocalAthena.builder().port(0).dataDir(dataDir.resolve("data")).identities(identities)
                .build().start();
        athena.awaitReady(Duration.ofMinutes(2));
        athena.buckets().createBucket(FOREIGN_BUCKET);
        return athena;
    }

    /** The role that lacks {@code action}, everything else of the guide's policy intact. */
    static String roleWithout(GuideAction action) {
        return "arn:aws:iam::" + ACCOUNT + ":role/" + roleName(action);
    }

    private static String roleName(GuideAction action) {
        return "without-" + action.action().replace(':', '.').toLowerCase(Locale.ROOT);
    }

    private static JsonNode identities() throws IOException {
        ObjectNode identities;
        try (InputStream in = LocalAthena.class.getResourceAsStream("auth/default-identities.json")) {
            identities = (ObjectNode) JSON.readTree(in);
        }
        for (JsonNode user : identities.get("users")) {
            if ("connecty-sa".equals(user.get("name").asText())) {
                ObjectNode statement = (ObjectNode) user.get("policies").get(0).get("Statement").get(0);
                statement.put("Resource", "arn:aws:iam::" + ACCOUNT + ":role/*");
            }
        }
        ArrayNode roles = (ArrayNode) identities.get("roles");
        ObjectNode guideRole = (ObjectNode) roles.get(0);
        ObjectNode untrusting = guideRole.deepCopy();
        untrusting.put("name", "untrusting");
        ((ObjectNode) untrusting.get("trustPolicy").get("Statement").get(0).get("Principal"))
                .put("AWS", "arn:aws:iam::" + ACCOUNT + ":user/someone-else");
        roles.add(untrusting);
        for (GuideAction action : GuideAction.values()) {
            if (action == GuideAction.ASSUME_ROLE) {
                continue;
            }
            ObjectNode role = guideRole.deepCopy();
            role.put("name", roleName(action));
            for (JsonNode policy : role.get("policies")) {
                for (JsonNode statement : policy.get("Statement")) {
                    if (action.sid().equals(statement.get("Sid").asText())) {
                        remove((ObjectNode) statement, action.action());
                    }
                }
            }
            roles.add(role);
        }
        return identities;
    }

    private static void remove(ObjectNode statement, String action) {
        JsonNode actions = statement.get("Action");
        ArrayNode kept = JSON.createArrayNode();
        for (JsonNode each : actions.isArray() ? actions : JSON.createArrayNode().add(actions)) {
            if (!each.asText().equalsIgnoreCase(action)) {
                kept.add(each);
            }
        }
        // An empty list would be refused; an action nobody calls keeps the statement valid.
        statement.set("Action", kept.isEmpty() ? JSON.createArrayNode().add("athena:GetNamedQuery") : kept);
    }
}
