package ai.connecty.athena.local.glue;

import static ai.connecty.athena.local.athena.AthenaQueries.succeed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.http.OwnLocalAthena;
import ai.connecty.athena.local.http.SdkClientsExtension;
import ai.connecty.athena.local.http.TestIdentities;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.GlueException;

/**
 * Glue's read actions are authorized on the catalog first, then the database, then (for the table reads) the
 * table ARN, and the refusal names the first resource refused: a caller with no Glue rights at all is told about
 * the catalog, a caller denied one database about that database. A client (the driver) tells the two apart by
 * that resource alone.
 */
class GlueAuthorizationWireTest {

    private static final String GLUE = "arn:aws:glue:us-east-1:123456789012:";

    @RegisterExtension
    static final OwnLocalAthena athena = new OwnLocalAthena().withIdentities(TestIdentities.users()
            .user("admin", "AKIAADMIN00000000001", "admin-secret", TestIdentities.ALLOW_ALL)
            .user("noglue", "AKIANOGLUE0000000002", "noglue-secret",
                    "{\"Effect\":\"Allow\",\"Action\":\"athena:*\",\"Resource\":\"*\"}")
            .user("nosecret", "AKIANOSECRET00000003", "nosecret-secret", TestIdentities.ALLOW_ALL,
                    TestIdentities.deny("glue:GetTable*", GLUE + "database/secretdb"))
            .user("dbonly", "AKIADBONLY0000000004", "dbonly-secret",
                    "{\"Effect\":\"Allow\",\"Action\":\"glue:Get*\",\"Resource\":[\"" + GLUE + "catalog\",\""
                            + GLUE + "database/*\"]}")
            .user("tablenodb", "AKIATABLENODB0000005", "tablenodb-secret",
                    "{\"Effect\":\"Allow\",\"Action\":\"glue:Get*\",\"Resource\":[\"" + GLUE + "catalog\",\""
                            + GLUE + "table/opendb/*\"]}")
            .user("nocatalog", "AKIANOCATALOG0000006", "nocatalog-secret",
                    "{\"Effect\":\"Allow\",\"Action\":\"glue:Get*\",\"Resource\":[\"" + GLUE + "database/*\",\""
                            + GLUE + "table/*\"]}")
            .user("partreader", "AKIAPARTREADER000007", "partreader-secret",
                    "{\"Effect\":\"Allow\",\"Action\":\"glue:GetPartition*\",\"Resource\":[\"" + GLUE
                            + "catalog\",\"" + GLUE + "database/opendb\",\"" + GLUE + "table/opendb/p\"]}"));
    private static final SdkClientsExtension clients = athena.clients();

    private static GlueClient glue(String key, String secret) {
        return clients.glue(AwsBasicCredentials.create(key, secret));
    }

    @BeforeAll
    static void databases() {
        var admin = clients.athena(AwsBasicCredentials.create("AKIAADMIN00000000001", "admin-secret"));
        for (String db : new String[] {"opendb", "secretdb"}) {
            succeed(admin, "CREATE DATABASE " + db, null);
            succeed(admin, "CREATE EXTERNAL TABLE " + db + ".t (x int) STORED AS PARQUET "
                    + "LOCATION 's3://athena-results/" + db + "/t/'", null);
        }
        succeed(admin, "CREATE EXTERNAL TABLE opendb.p (x int) PARTITIONED BY (d string) STORED AS PARQUET "
                + "LOCATION 's3://athena-results/opendb/p/'", null);
        succeed(admin, "ALTER TABLE opendb.p ADD PARTITION (d='1')", null);
    }

    /** No Glue right at all: every read is refused on the catalog, the first resource Glue checks. */
    @Test
    void aCallerWithoutGlueIsRefusedOnTheCatalog() {
        GlueClient noGlue = glue("AKIANOGLUE0000000002", "noglue-secret");
        assertDenied(() -> noGlue.getDatabases(r -> { }), "glue:GetDatabases", "catalog");
        assertDenied(() -> noGlue.getDatabase(r -> r.name("opendb")), "glue:GetDatabase", "catalog");
        assertDenied(() -> noGlue.getTables(r -> r.databaseName("opendb")), "glue:GetTables", "catalog");
        assertDenied(() -> noGlue.getTable(r -> r.databaseName("opendb").name("t")), "glue:GetTable", "catalog");
    }

    /** A deny of one database names that database; the other databases read as before. */
    @Test
    void aDatabaseScopedDenyNamesTheDatabase() {
        GlueClient noSecret = glue("AKIANOSECRET00000003", "nosecret-secret");
        assertDenied(() -> noSecret.getTables(r -> r.databaseName("secretdb")), "glue:GetTables", "database/secretdb");
        assertDenied(() -> noSecret.getTable(r -> r.databaseName("secretdb").name("t")), "glue:GetTable",
                "database/secretdb");
        assertThat(noSecret.getTables(r -> r.databaseName("opendb")).tableList()).hasSize(2);
        assertThat(noSecret.getTable(r -> r.databaseName("opendb").name("t")).table().name()).isEqualTo("t");
    }

    /** Rights on the catalog and databases but on no table: the table reads are refused on the table resource. */
    @Test
    void theTableReadsAlsoNeedTheTableResource() {
        GlueClient dbOnly = glue("AKIADBONLY0000000004", "dbonly-secret");
        assertThat(dbOnly.getDatabases(r -> { }).databaseList()).isNotEmpty();
        assertThat(dbOnly.getDatabase(r -> r.name("opendb")).database().name()).isEqualTo("opendb");
        assertDenied(() -> dbOnly.getTables(r -> r.databaseName("opendb")), "glue:GetTables", "table/opendb/*");
        assertDenied(() -> dbOnly.getTable(r -> r.databaseName("OpenDB").name("T")), "glue:GetTable", "table/opendb/t");
    }

    /**
     * The partition reads are checked on the catalog, the database and the table, as the table reads are (AWS's
     * "Specifying AWS Glue resource ARNs": GetPartition(s) need all three): rights on the catalog and the table but
     * not on its database are refused on the database.
     */
    @Test
    void thePartitionReadsNeedTheDatabase() {
        GlueClient tableNoDb = glue("AKIATABLENODB0000005", "tablenodb-secret");
        assertDenied(() -> tableNoDb.getPartitions(r -> r.databaseName("opendb").tableName("p")), "glue:GetPartitions",
                "database/opendb");
        assertDenied(() -> tableNoDb.getPartition(r -> r.databaseName("OpenDB").tableName("P").partitionValues("1")),
                "glue:GetPartition", "database/opendb");
    }

    /** Rights on databases and tables but not on the catalog: the partition reads are refused on the catalog. */
    @Test
    void thePartitionReadsNeedTheCatalog() {
        GlueClient noCatalog = glue("AKIANOCATALOG0000006", "nocatalog-secret");
        assertPartitionReadsDenied(noCatalog, "catalog");
        GlueClient noGlue = glue("AKIANOGLUE0000000002", "noglue-secret");
        assertPartitionReadsDenied(noGlue, "catalog");
    }

    /** Rights on the catalog and databases but on no table: the partition reads are refused on the table. */
    @Test
    void thePartitionReadsNeedTheTable() {
        GlueClient dbOnly = glue("AKIADBONLY0000000004", "dbonly-secret");
        assertPartitionReadsDenied(dbOnly, "table/opendb/p");
    }

    /** GetPartitions and GetPartition of opendb.p are both refused, each naming its action and {@code resource}. */
    private static void assertPartitionReadsDenied(GlueClient client, String resource) {
        assertDenied(() -> client.getPartitions(r -> r.databaseName("opendb").tableName("p")), "glue:GetPartitions",
                resource);
        assertDenied(() -> client.getPartition(r -> r.databaseName("opendb").tableName("p").partitionValues("1")),
                "glue:GetPartition", resource);
    }

    /** The catalog, the database and the table together are enough for the partition reads. */
    @Test
    void theCatalogDatabaseAndTableAllowThePartitionReads() {
        GlueClient reader = glue("AKIAPARTREADER000007", "partreader-secret");
        assertThat(reader.getPartitions(r -> r.databaseName("opendb").tableName("p")).partitions())
                .extracting(p -> p.values()).containsExactly(java.util.List.of("1"));
        assertThat(reader.getPartition(r -> r.databaseName("opendb").tableName("p").partitionValues("1"))
                .partition().values()).containsExactly("1");
    }

    private static void assertDenied(Executable call, String action, String resource) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(GlueException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(e.awsErrorDetails().errorMessage())
                    .endsWith("is not authorized to perform: " + action + " on resource: " + GLUE + resource);
        });
    }
}
