package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.LocalAthena;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * For each permission of the connection guide's policy, a role that has all the others: the driver's main flows
 * (a query over the demo data, catalogs, schemas, tables, columns) either still work, degrade with a warning that
 * names what was denied, or fail with an error that names the missing action and its resource. One athena-local
 * with one such role per permission, derived from its bundled identities (the guide's policy verbatim).
 */
class PermissionRemovalTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ROLE_BY_ACTION = new LinkedHashMap<>();
    private static LocalAthena athena;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("permission-removal");
        ObjectNode identities;
        try (InputStream in = LocalAthena.class.getResourceAsStream("auth/default-identities.json")) {
            identities = (ObjectNode) JSON.readTree(in);
        }
        ObjectNode guideRole = (ObjectNode) identities.path("roles").get(0);
        ArrayNode roles = (ArrayNode) identities.path("roles");
        for (JsonNode statement : guideRole.path("policies").get(0).path("Statement")) {
            for (String action : actions(statement)) {
                String name = "without-" + action.replace(':', '-');
                if (ROLE_BY_ACTION.containsKey(action)) {
                    continue;
                }
                ObjectNode role = guideRole.deepCopy();
                role.put("name", name);
                removeAction((ArrayNode) role.path("policies").get(0).path("Statement"), action);
                roles.add(role);
                ROLE_BY_ACTION.put(action, "arn:aws:iam::" + LocalAthena.ACCOUNT_ID + ":role/" + name);
            }
        }
        // The service account may assume every role of this test.
        for (JsonNode user : identities.path("users")) {
            for (JsonNode statement : user.path("policies").get(0).path("Statement")) {
                if (statement.path("Action").asText().equals("sts:AssumeRole")) {
                    ((ObjectNode) statement).put("Resource", "arn:aws:iam::" + LocalAthena.ACCOUNT_ID + ":role/*");
                }
            }
        }
        Path file = dir.resolve("identities.json");
        JSON.writeValue(file.toFile(), identities);
        athena = LocalAthena.builder().port(0).dataDir(dir.resolve("data")).identities(file).build().start();
        athena.awaitReady(Duration.ofMinutes(5));
    }

    @AfterAll
    static void stop() {
        if (athena != null) {
            athena.close();
        }
    }

    private static List<String> actions(JsonNode statement) {
        List<String> actions = new ArrayList<>();
        JsonNode action = statement.path("Action");
        if (action.isArray()) {
            action.forEach(a -> actions.add(a.asText()));
        } else {
            actions.add(action.asText());
        }
        return actions;
    }

    private static void removeAction(ArrayNode statements, String action) {
        for (int i = statements.size() - 1; i >= 0; i--) {
            ObjectNode statement = (ObjectNode) statements.get(i);
            JsonNode actions = statement.path("Action");
            if (actions.isArray()) {
                ArrayNode kept = JSON.createArrayNode();
                actions.forEach(a -> {
                    if (!a.asText().equals(action)) {
                        kept.add(a);
                    }
                });
                if (kept.isEmpty()) {
                    statements.remove(i);
                } else {
                    statement.set("Action", kept);
                }
            } else if (actions.asText().equals(action)) {
                statements.remove(i);
            }
        }
    }

    @Test
    void everyMissingPermissionIsNamedOrDegradesWithAWarning() throws Exception {
        Map<String, String> outcomes = new LinkedHashMap<>();
        List<String> unexplained = new ArrayList<>();
        for (Map.Entry<String, String> entry : ROLE_BY_ACTION.entrySet()) {
            String action = entry.getKey();
            List<String> errors = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            try (Connection connection = DriverManager.getConnection(Connections.url(athena, "RoleArn=" + entry.getValue()),
                    LocalAthena.SERVICE_ACCOUNT_KEY_ID, LocalAthena.SERVICE_ACCOUNT_SECRET)) {
                flow(errors, () -> {
                    try (Statement s = connection.createStatement();
                         ResultSet rows = s.executeQuery("SELECT count(*) FROM demo.sales")) {
                        assertThat(rows.next()).isTrue();
                        assertThat(rows.getLong(1)).isEqualTo(4000L);
                    }
                });
                DatabaseMetaData metadata = connection.getMetaData();
                flow(errors, () -> drain(metadata.getCatalogs()));
                flow(errors, () -> drain(metadata.getSchemas()));
                flow(errors, () -> drain(metadata.getTables(null, "demo", "%", null)));
                flow(errors, () -> drain(metadata.getColumns(null, "demo", "sales", "%")));
                for (SQLWarning w = connection.getWarnings(); w != null; w = w.getNextWarning()) {
                    warnings.add(w.getSQLState() + " " + w.getMessage());
                }
            }
            String outcome;
            if (!errors.isEmpty()) {
                outcome = "error: " + errors.get(0);
                for (String error : errors) {
                    if (!error.contains(action)) {
                        unexplained.add(action + " -> " + error);
                    }
                }
            } else if (warnings.stream().anyMatch(w -> w.contains(action))) {
                outcome = "warned: " + warnings.stream().filter(w -> w.contains(action)).findFirst().get();
            } else {
                outcome = "not needed by these flows";
            }
            outcomes.put(action, outcome);
        }
        outcomes.forEach((action, outcome) -> System.out.println("PermissionRemovalTest: " + action + " -> "
                + (outcome.length() > 240 ? outcome.substring(0, 240) + "..." : outcome)));

        assertThat(outcomes).hasSize(ROLE_BY_ACTION.size());
        assertThat(outcomes.get("athena:StartQueryExecution")).startsWith("error:")
                .contains("arn:aws:athena:us-east-1:" + LocalAthena.ACCOUNT_ID + ":workgroup/primary");
        assertThat(unexplained).as("errors that do not name the missing action").isEmpty();
    }

    private interface Flow {
        void run() throws Exception;
    }

    private static void flow(List<String> errors, Flow flow) throws Exception {
        try {
            flow.run();
        } catch (SQLException e) {
            errors.add(e.getSQLState() + " " + e.getMessage());
        }
    }

    private static void drain(ResultSet rows) throws SQLException {
        try (rows) {
            while (rows.next()) {
                rows.getString(1);
            }
        }
    }
}
