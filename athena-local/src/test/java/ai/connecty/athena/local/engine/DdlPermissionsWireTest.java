package ai.connecty.athena.local.engine;

import static ai.connecty.athena.local.athena.AthenaQueries.run;
import static ai.connecty.athena.local.athena.AthenaQueries.succeed;
import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.http.SdkClients;
import ai.connecty.athena.local.http.SdkClientsExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Least privilege on DDL: the guide's role (Glue read actions only) may not change the catalog, each statement
 * failing on the Glue write action Athena's metastore client would call, on the resource Glue checks; the
 * administrator may. After a denial the catalog is as before.
 */
class DdlPermissionsWireTest {

    private static final String ROLE = "arn:aws:sts::123456789012:assumed-role/connecty-athena/ddl-rights";
    private static final String GLUE = "arn:aws:glue:us-east-1:123456789012:";

    @TempDir
    static Path dataDir;
    private static LocalAthena local;
    /** The guide's role, assumed once for the class. */
    private static AwsCredentials roleSession;

    @RegisterExtension
    static final SdkClientsExtension clients = new SdkClientsExtension(() -> local);

    private static AthenaClient role() {
        return clients.athena(roleSession);
    }

    @BeforeAll
    static void start() {
        local = LocalAthena.builder().port(0).dataDir(dataDir).demoData(false).build().start();
        roleSession = clients.assumeRole("ddl-rights");
        clients.s3().putObject(r -> r.bucket("demo-data").key("perm/t/dt=a/x.csv"), RequestBody.fromString("1\n"));
        clients.s3().putObject(r -> r.bucket("demo-data").key("perm/m/dt=a/x.csv"), RequestBody.fromString("1\n"));
        succeed(clients.athena(), "CREATE DATABASE perm", null);
        for (String t : List.of("t", "m", "d", "r", "c1", "c2")) {
            succeed(clients.athena(), "CREATE EXTERNAL TABLE perm." + t
                    + " (v bigint) PARTITIONED BY (dt string) ROW FORMAT "
                    + "DELIMITED FIELDS TERMINATED BY ',' LOCATION 's3://demo-data/perm/" + (t.equals("m") ? "m" : "t")
                    + "/'", null);
        }
        succeed(clients.athena(),
                "CREATE EXTERNAL TABLE perm.ins (v bigint) PARTITIONED BY (dt string) STORED AS PARQUET "
                + "LOCATION 's3://athena-results/perm/ins/'", null);
        succeed(clients.athena(), "ALTER TABLE perm.d ADD PARTITION (dt='a')", null);
        succeed(clients.athena(), "ALTER TABLE perm.r ADD PARTITION (dt='a')", null);
        succeed(clients.athena(), "CREATE VIEW perm.v0 AS SELECT 1 AS x", null);
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    /** statement, Glue action, the resource named in the denial (relative to the account's Glue ARN), the change. */
    static Stream<Arguments> statements() {
        return Stream.of(
                Arguments.of("CREATE DATABASE perm_new", "glue:CreateDatabase", "catalog",
                        (Supplier<Object>) () -> databaseExists("perm_new")),
                Arguments.of("CREATE SCHEMA IF NOT EXISTS perm_new2", "glue:CreateDatabase", "catalog",
                        (Supplier<Object>) () -> databaseExists("perm_new2")),
                Arguments.of("CREATE EXTERNAL TABLE perm.t2 (v bigint) LOCATION 's3://demo-data/perm/t/'",
                        "glue:CreateTable", "catalog", (Supplier<Object>) () -> tableExists("t2")),
                Arguments.of("CREATE VIEW perm.v AS SELECT 1 AS x", "glue:CreateTable", "catalog",
                        (Supplier<Object>) () -> tableExists("v")),
                Arguments.of("ALTER TABLE perm.t ADD PARTITION (dt='b')", "glue:BatchCreatePartition", "catalog",
                        (Supplier<Object>) () -> partitions("t")),
                Arguments.of("MSCK REPAIR TABLE perm.m", "glue:BatchCreatePartition", "catalog",
                        (Supplier<Object>) () -> partitions("m")),
                Arguments.of("ALTER TABLE perm.d DROP PARTITION (dt='a')", "glue:BatchDeletePartition", "catalog",
                        (Supplier<Object>) () -> partitions("d")),
                Arguments.of("ALTER TABLE perm.t SET TBLPROPERTIES ('owner'='me')", "glue:UpdateTable", "catalog",
                        (Supplier<Object>) () -> clients.glue().getTable(r -> r.databaseName("perm").name("t")).table()
                                .parameters().get("owner")),
                Arguments.of("ALTER TABLE perm.t ADD COLUMNS (w string)", "glue:UpdateTable", "catalog",
                        (Supplier<Object>) () -> clients.glue().getTable(r -> r.databaseName("perm").name("t")).table()
                                .storageDescriptor().columns().size()),
                Arguments.of("CREATE OR REPLACE VIEW perm.v0 AS SELECT 2 AS x", "glue:UpdateTable", "catalog",
                        (Supplier<Object>) () -> clients.glue().getTable(r -> r.databaseName("perm").name("v0")).table()
                                .viewOriginalText()),
                Arguments.of("ALTER TABLE perm.m SET LOCATION 's3://demo-data/perm/t/'", "glue:UpdateTable", "catalog",
                        (Supplier<Object>) () -> clients.glue().getTable(r -> r.databaseName("perm").name("m")).table()
                                .storageDescriptor().location()),
                Arguments.of("ALTER TABLE perm.c1 CHANGE v w bigint", "glue:UpdateTable", "catalog",
                        (Supplier<Object>) () -> columnNames("c1")),
                Arguments.of("ALTER TABLE perm.c2 REPLACE COLUMNS (a string, b string)", "glue:UpdateTable", "catalog",
                        (Supplier<Object>) () -> columnNames("c2")),
                Arguments.of("ALTER TABLE perm.r PARTITION (dt='a') RENAME TO PARTITION (dt='z')",
                        "glue:UpdatePartition", "catalog", (Supplier<Object>) () -> partitions("r")),
                Arguments.of("ALTER DATABASE perm SET DBPROPERTIES ('team'='data')", "glue:UpdateDatabase", "catalog",
                        (Supplier<Object>) () -> clients.glue().getDatabase(r -> r.name("perm")).database()
                                .parameters().get("team")),
                Arguments.of("CREATE TABLE perm.c AS SELECT 1 AS x", "glue:CreateTable", "catalog",
                        (Supplier<Object>) () -> tableExists("c")),
                Arguments.of("INSERT INTO perm.ins VALUES (1, 'new')", "glue:BatchCreatePartition", "catalog",
                        (Supplier<Object>) () -> partitions("ins")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statements")
    void eachDdlStatementNeedsItsGlueWriteAction(String sql, String action, String resource, Supplier<Object> state) {
        Object before = state.get();
        QueryExecution denied = run(role(), sql, null);
        assertThat(denied.status().state()).isEqualTo(QueryExecutionState.FAILED);
        String sentence = "User: " + ROLE + " is not authorized to perform: " + action + " on resource: " + GLUE
                + resource + " because no identity-based policy allows the " + action + " action";
        assertThat(denied.status().stateChangeReason()).endsWith(sentence);
        assertThat(denied.status().athenaError().errorMessage()).endsWith(sentence);
        assertThat(denied.status().athenaError().errorCategory()).isEqualTo(2);
        assertThat(state.get()).as("catalog after the denied %s", sql).isEqualTo(before);

        succeed(clients.athena(), sql, null);
        assertThat(state.get()).as("catalog after %s by the administrator", sql).isNotEqualTo(before);
    }

    @Test
    void dropStatementsNeedDeleteActions() {
        succeed(clients.athena(), "CREATE DATABASE perm_gone", null);
        succeed(clients.athena(),
                "CREATE EXTERNAL TABLE perm_gone.x (v bigint) LOCATION 's3://demo-data/perm/t/'", null);
        succeed(clients.athena(), "CREATE VIEW perm_gone.w AS SELECT 1 AS y", null);

        assertDenied("DROP TABLE perm_gone.x", "glue:DeleteTable", "catalog");
        assertDenied("DROP VIEW perm_gone.w", "glue:DeleteTable", "catalog");
        assertDenied("DROP DATABASE perm_gone CASCADE", "glue:DeleteTable", "catalog");
        assertThat(clients.glue().getTables(r -> r.databaseName("perm_gone")).tableList()).hasSize(2);

        succeed(clients.athena(), "DROP VIEW perm_gone.w", null);
        succeed(clients.athena(), "DROP TABLE perm_gone.x", null);
        assertDenied("DROP DATABASE perm_gone", "glue:DeleteDatabase", "catalog");
        assertThat(databaseExists("perm_gone")).isTrue();
        succeed(clients.athena(), "DROP DATABASE perm_gone", null);
        assertThat(databaseExists("perm_gone")).isFalse();
    }

    @Test
    void statementsThatChangeNothingNeedNoWriteAction() {
        succeed(role(), "CREATE DATABASE IF NOT EXISTS perm", null);
        succeed(role(), "CREATE EXTERNAL TABLE IF NOT EXISTS perm.t (v bigint) LOCATION 's3://demo-data/perm/t/'", null);
        succeed(role(), "DROP TABLE IF EXISTS perm.nothing_here", null);
        succeed(role(), "SHOW TABLES IN perm", null);
        succeed(role(), "DESCRIBE perm.t", null);
    }

    @Test
    void anExplicitDenyIsNamedAsSuch() {
        try (LocalAthena strict = LocalAthena.builder().port(0).dataDir(dataDir.resolve("strict")).demoData(false)
                .identities(writeIdentities()).build().start();
             AthenaClient analyst = SdkClients.athena(strict, software.amazon.awssdk.auth.credentials.AwsBasicCredentials
                     .create("AKIAANALYST000000001", "analyst-secret"))) {
            QueryExecution q = run(analyst, "CREATE DATABASE nope", null);
            assertThat(q.status().state()).isEqualTo(QueryExecutionState.FAILED);
            assertThat(q.status().athenaError().errorMessage()).isEqualTo("User: arn:aws:iam::123456789012:user/analyst "
                    + "is not authorized to perform: glue:CreateDatabase on resource: " + GLUE
                    + "database/nope with an explicit deny in an identity-based policy");
        }
    }

    private static Path writeIdentities() {
        Path file = dataDir.resolve("identities.json");
        String json = "{\"accountId\":\"123456789012\",\"users\":[{\"name\":\"analyst\",\"accessKeyId\":"
                + "\"AKIAANALYST000000001\",\"secretAccessKey\":\"analyst-secret\",\"policies\":[{\"Version\":"
                + "\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"Action\":\"glue:CreateDatabase\",\"Resource\":\"" + GLUE + "database/nope\"}]}]}],"
                + "\"roles\":[]}";
        try {
            java.nio.file.Files.writeString(file, json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return file;
    }

    private static void assertDenied(String sql, String action, String resource) {
        QueryExecution q = run(role(), sql, null);
        assertThat(q.status().state()).as(sql).isEqualTo(QueryExecutionState.FAILED);
        assertThat(q.status().athenaError().errorMessage()).as(sql).endsWith("User: " + ROLE
                + " is not authorized to perform: " + action + " on resource: " + GLUE + resource
                + " because no identity-based policy allows the " + action + " action");
    }

    private static List<String> columnNames(String table) {
        return clients.glue().getTable(r -> r.databaseName("perm").name(table)).table().storageDescriptor().columns()
                .stream().map(software.amazon.awssdk.services.glue.model.Column::name).toList();
    }

    private static boolean databaseExists(String name) {
        return clients.glue().getDatabases(r -> { }).databaseList().stream().anyMatch(d -> d.name().equals(name));
    }

    private static boolean tableExists(String name) {
        return clients.glue().getTables(r -> r.databaseName("perm")).tableList().stream()
                .anyMatch(t -> t.name().equals(name));
    }

    private static List<List<String>> partitions(String table) {
        return clients.glue().getPartitions(r -> r.databaseName("perm").tableName(table)).partitions().stream()
                .map(Partition::values).sorted(java.util.Comparator.comparing(Object::toString)).toList();
    }
}
