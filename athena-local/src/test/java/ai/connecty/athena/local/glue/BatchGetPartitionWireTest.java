package ai.connecty.athena.local.glue;

import static ai.connecty.athena.local.athena.AthenaQueries.succeed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.http.OwnLocalAthena;
import ai.connecty.athena.local.http.SdkClientsExtension;
import ai.connecty.athena.local.http.TestIdentities;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.BatchGetPartitionResponse;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GlueException;
import software.amazon.awssdk.services.glue.model.InvalidInputException;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.PartitionValueList;

/**
 * Glue's BatchGetPartition through the real SDK Glue client: the partitions asked for that exist, each once and in
 * GetPartition's shape; values no partition has are left out (of UnprocessedKeys too, as Glue does); at most 1000
 * value lists; a missing database or table and a caller without {@code glue:BatchGetPartition} on the catalog, the
 * database or the table are refused as the other partition reads are.
 */
class BatchGetPartitionWireTest {

    private static final String GLUE = "arn:aws:glue:us-east-1:123456789012:";

    @RegisterExtension
    static final OwnLocalAthena athena = new OwnLocalAthena().withDemoData().withIdentities(TestIdentities.users()
            .user("test", "test", "test", TestIdentities.ALLOW_ALL)
            .user("getonly", "AKIAGETONLY000000001", "getonly-secret",
                    "{\"Effect\":\"Allow\",\"Action\":\"glue:Get*\",\"Resource\":\"*\"}")
            .user("nodemo", "AKIANODEMO0000000002", "nodemo-secret", TestIdentities.ALLOW_ALL,
                    TestIdentities.deny("glue:BatchGetPartition", GLUE + "database/demo"))
            .user("nosales", "AKIANOSALES000000003", "nosales-secret", TestIdentities.ALLOW_ALL,
                    TestIdentities.deny("glue:BatchGetPartition", GLUE + "table/demo/sales")));
    private static final SdkClientsExtension clients = athena.clients();

    @BeforeAll
    static void tables() {
        clients.s3().createBucket(r -> r.bucket("projected-data"));
        succeed(clients.athena(), "CREATE EXTERNAL TABLE demo.projected (v bigint) PARTITIONED BY (dt string) "
                + "STORED AS PARQUET LOCATION 's3://projected-data/p/' TBLPROPERTIES ('projection.enabled'='true', "
                + "'projection.dt.type'='enum', 'projection.dt.values'='a,b')", "demo");
        // One partition registered in Glue besides the projected ones: the Glue reads answer that one only.
        succeed(clients.athena(), "ALTER TABLE demo.projected ADD PARTITION (dt='g')", "demo");
        succeed(clients.athena(), "CREATE TABLE demo.ice (id int, d string) PARTITIONED BY (d) "
                + "LOCATION 's3://demo-data/ice/' TBLPROPERTIES ('table_type'='ICEBERG')", "demo");
        succeed(clients.athena(), "INSERT INTO demo.ice VALUES (1, 'x')", "demo");
    }

    private static GlueClient glue() {
        return clients.glue();
    }

    private static GlueClient glue(String key, String secret) {
        return clients.glue(AwsBasicCredentials.create(key, secret));
    }

    private static PartitionValueList values(String... values) {
        return PartitionValueList.builder().values(values).build();
    }

    private static BatchGetPartitionResponse batch(String table, PartitionValueList... toGet) {
        return glue().batchGetPartition(r -> r.databaseName("demo").tableName(table).partitionsToGet(toGet));
    }

    private static Partition one(String table, String... values) {
        return glue().getPartition(r -> r.databaseName("demo").tableName(table).partitionValues(values)).partition();
    }

    @Test
    void foundPartitionsComeAsGetPartitionGivesThem() {
        BatchGetPartitionResponse r = batch("sales", values("2024", "3"), values("2025", "1"));

        assertThat(r.partitions()).containsExactly(one("sales", "2024", "3"), one("sales", "2025", "1"));
        assertThat(r.partitions().get(0).storageDescriptor().location())
                .isEqualTo("s3://demo-data/demo/sales/year=2024/month=3/");
        assertThat(r.unprocessedKeys()).isEmpty();
    }

    @Test
    void missingPartitionsAreLeftOutOfBothLists() {
        // 2031/1 does not exist; "2024" alone has too few values for the table's two keys.
        BatchGetPartitionResponse r = batch("sales", values("2031", "1"), values("2024"), values("2024", "3", "x"));

        assertThat(r.partitions()).isEmpty();
        assertThat(r.unprocessedKeys()).isEmpty();
        assertThat(r.hasPartitions()).as("Partitions is sent, empty").isTrue();
    }

    @Test
    void aMixedBatchReturnsTheFoundOnesOnly() {
        BatchGetPartitionResponse r = batch("sales", values("2031", "1"), values("2024", "4"), values("1999", "12"),
                values("2024", "3"));

        assertThat(r.partitions()).extracting(Partition::values)
                .containsExactly(List.of("2024", "4"), List.of("2024", "3"));
        assertThat(r.unprocessedKeys()).isEmpty();
    }

    @Test
    void aPartitionAskedForTwiceComesOnce() {
        BatchGetPartitionResponse r = batch("sales", values("2024", "3"), values("2024", "4"), values("2024", "3"),
                values("2024", "3"));

        assertThat(r.partitions()).extracting(Partition::values)
                .containsExactly(List.of("2024", "3"), List.of("2024", "4"));
    }

    @Test
    void anEmptyBatchAndOneOf1000AreServed() {
        assertThat(batch("sales").partitions()).isEmpty();

        List<PartitionValueList> thousand = new ArrayList<>();
        for (int i = 0; i < 999; i++) {
            thousand.add(values("1900", String.valueOf(i)));
        }
        thousand.add(values("2024", "3"));
        BatchGetPartitionResponse r = glue().batchGetPartition(x -> x.databaseName("demo").tableName("sales")
                .partitionsToGet(thousand));
        assertThat(r.partitions()).extracting(Partition::values).containsExactly(List.of("2024", "3"));
    }

    @Test
    void moreThan1000ValueListsAreRefused() {
        List<PartitionValueList> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(values("2024", String.valueOf(i)));
        }
        assertThatThrownBy(() -> glue().batchGetPartition(x -> x.databaseName("demo").tableName("sales")
                .partitionsToGet(tooMany))).isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidInputException");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .startsWith("1 validation error detected: Value '[[2024, 0], [2024, 1], ")
                            .endsWith("' at 'partitionsToGet' failed to satisfy constraint: "
                                    + "Member must have length less than or equal to 1000");
                });
    }

    @Test
    void theRequiredMembersAreValidated() {
        assertThatThrownBy(() -> glue().batchGetPartition(x -> x.databaseName("demo").tableName("sales")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("1 validation error detected: Value null at 'partitionsToGet' failed to satisfy "
                                + "constraint: Member must not be null"));
        assertThatThrownBy(() -> glue().batchGetPartition(x -> x.databaseName("demo").tableName("sales")
                .partitionsToGet(values("2024", "3"), PartitionValueList.builder().build())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("1 validation error detected: Value null at 'partitionsToGet.2.member.values' "
                                + "failed to satisfy constraint: Member must not be null"));
    }

    @Test
    void aMissingTableOrDatabaseIsNotFound() {
        assertThatThrownBy(() -> batch("nosuch", values("2024", "3")))
                .isInstanceOfSatisfying(EntityNotFoundException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Table nosuch not found."));
        assertThatThrownBy(() -> glue().batchGetPartition(r -> r.databaseName("nosuchdb").tableName("sales")
                .partitionsToGet(values("2024", "3")))).isInstanceOfSatisfying(EntityNotFoundException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Database nosuchdb not found."));
    }

    /** Projection is Athena's, not Glue's: the batch answers the partitions Glue has, as GetPartition(s) do. */
    @Test
    void aProjectedTableAnswersItsGluePartitionsOnly() {
        BatchGetPartitionResponse r = batch("projected", values("a"), values("b"), values("g"));

        assertThat(r.partitions()).containsExactly(one("projected", "g"));
        assertThat(glue().getPartitions(x -> x.databaseName("demo").tableName("projected")).partitions())
                .extracting(Partition::values).containsExactly(List.of("g"));
    }

    /** An Iceberg table has no Glue partitions (its partitioning is in its metadata), for the batch as for the list. */
    @Test
    void anIcebergTableHasNoGluePartitions() {
        assertThat(batch("ice", values("x")).partitions()).isEmpty();
        assertThat(glue().getPartitions(x -> x.databaseName("demo").tableName("ice")).partitions()).isEmpty();
    }

    /** glue:GetPartition(s) do not grant the batch: a caller with only Get* is refused on the catalog. */
    @Test
    void aCallerWithoutBatchGetPartitionIsRefusedOnTheCatalog() {
        GlueClient getOnly = glue("AKIAGETONLY000000001", "getonly-secret");
        assertThat(getOnly.getPartition(r -> r.databaseName("demo").tableName("sales").partitionValues("2024", "3"))
                .partition().values()).containsExactly("2024", "3");

        assertDenied(() -> getOnly.batchGetPartition(r -> r.databaseName("demo").tableName("sales")
                .partitionsToGet(values("2024", "3"))), "getonly", "catalog");
    }

    /** A deny on the database or on the table alone names that resource: all three are checked, in Glue's order. */
    @Test
    void theDatabaseAndTheTableAreCheckedInOrder() {
        assertDenied(() -> glue("AKIANODEMO0000000002", "nodemo-secret").batchGetPartition(r -> r.databaseName("Demo")
                .tableName("sales").partitionsToGet(values("2024", "3"))), "nodemo", "database/demo");
        GlueClient noSales = glue("AKIANOSALES000000003", "nosales-secret");
        assertDenied(() -> noSales.batchGetPartition(r -> r.databaseName("demo").tableName("SALES")
                .partitionsToGet(values("2024", "3"))), "nosales", "table/demo/sales");
        assertThat(noSales.batchGetPartition(r -> r.databaseName("demo").tableName("projected")
                .partitionsToGet(values("g"))).partitions()).hasSize(1);
        // Refused before the table is looked up, as the other partition reads are: a missing table is not revealed.
        assertDenied(() -> glue("AKIANODEMO0000000002", "nodemo-secret").batchGetPartition(r -> r.databaseName("demo")
                .tableName("nosuch").partitionsToGet(values("1"))), "nodemo", "database/demo");
    }

    private static void assertDenied(Executable call, String user, String resource) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(GlueException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::123456789012:user/" + user
                    + " is not authorized to perform: glue:BatchGetPartition on resource: " + GLUE + resource);
        });
    }
}
