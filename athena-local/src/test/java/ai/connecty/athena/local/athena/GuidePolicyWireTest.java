package ai.connecty.athena.local.athena;

import static ai.connecty.athena.local.athena.AthenaQueries.await;
import static ai.connecty.athena.local.athena.AthenaQueries.request;
import static ai.connecty.athena.local.athena.AthenaQueries.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.http.SdkClientsExtension;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.AthenaException;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.TableMetadata;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The connection guide's flow: the service account assumes the role, whose policy (the guide's, verbatim) must be
 * enough for queries and metadata; what it does not grant fails as on Athena.
 */
@ExtendWith(LocalAthenaExtension.class)
class GuidePolicyWireTest {

    private static final String ROLE_SESSION = "arn:aws:sts::123456789012:assumed-role/connecty-athena/guide-test";

    static LocalAthena local;
    /** The guide's role, assumed once by the service account for the class. */
    private static AwsCredentials role;

    @RegisterExtension
    static final SdkClientsExtension clients = new SdkClientsExtension(() -> local);

    private static AthenaClient athena() {
        return clients.athena(role);
    }

    private static GlueClient glue() {
        return clients.glue(role);
    }

    private static S3Client s3() {
        return clients.s3(role);
    }

    @BeforeAll
    static void assumeRole() {
        role = clients.assumeRole("guide-test");
    }

    @Test
    void theRoleRunsQueriesOverTheDemoDataAndReadsItsResultsFromS3() {
        QueryExecution q = AthenaQueries.succeed(athena(),
                "SELECT customer_id, sales FROM sales_by_customer WHERE customer_id = 1", "demo");
        assertThat(rows(athena(), q.queryExecutionId())).containsExactly(List.of("customer_id", "sales"), List.of("1", "20"));
        assertThat(athena().batchGetQueryExecution(r -> r.queryExecutionIds(q.queryExecutionId())).queryExecutions())
                .hasSize(1);
        assertThat(athena().listQueryExecutions(r -> { }).queryExecutionIds()).contains(q.queryExecutionId());
        String csv = s3().getObjectAsBytes(r -> r.bucket("athena-results").key(q.queryExecutionId() + ".csv"))
                .asString(StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo("\"customer_id\",\"sales\"\n\"1\",\"20\"\n");
    }

    @Test
    void theRoleReadsMetadataThroughAthenaAndGlue() {
        assertThat(athena().listWorkGroups(r -> { }).workGroups()).isNotEmpty();
        assertThat(athena().listDataCatalogs(r -> { }).dataCatalogsSummary()).hasSize(2);
        assertThat(athena().listDatabases(r -> r.catalogName("AwsDataCatalog")).databaseList()).isNotEmpty();
        assertThat(athena().listTableMetadata(r -> r.catalogName("lakehouse").databaseName("lake")).tableMetadataList())
                .extracting(TableMetadata::name).contains("orders");
        assertThat(glue().getTables(r -> r.databaseName("demo")).tableList()).extracting(Table::name).contains("sales");
        assertThat(glue().getPartitions(r -> r.databaseName("demo").tableName("sales")).partitions()).isNotEmpty();
        assertThat(glue().getPartition(r -> r.databaseName("demo").tableName("sales").partitionValues("2024", "1"))
                .partition().values()).containsExactly("2024", "1");
    }

    @Test
    void whatTheGuideDoesNotGrantIsDeniedNamingActionAndResource() {
        assertThatThrownBy(() -> athena().getWorkGroup(r -> r.workGroup("primary")))
                .isInstanceOfSatisfying(AthenaException.class, GuidePolicyWireTest::accessDenied)
                .hasMessageContaining("User: " + ROLE_SESSION + " is not authorized to perform: athena:GetWorkGroup "
                        + "on resource: arn:aws:athena:us-east-1:123456789012:workgroup/primary");
        assertThatThrownBy(() -> athena().startQueryExecution(request("SELECT 1", null).workGroup("analytics").build()))
                .isInstanceOfSatisfying(AthenaException.class, GuidePolicyWireTest::accessDenied)
                .hasMessageContaining("athena:StartQueryExecution");
    }

    @Test
    void callsTheContractListsAsNotGrantedAreDeniedNamingActionAndResource() {
        String id = athena().startQueryExecution(request("SELECT 1", null).build()).queryExecutionId();
        String primary = "arn:aws:athena:us-east-1:123456789012:workgroup/primary";
        String catalog = "arn:aws:athena:us-east-1:123456789012:datacatalog/AwsDataCatalog";
        assertThatThrownBy(() -> athena().stopQueryExecution(r -> r.queryExecutionId(id)))
                .isInstanceOfSatisfying(AthenaException.class, GuidePolicyWireTest::accessDenied)
                .hasMessageContaining("User: " + ROLE_SESSION + " is not authorized to perform: athena:StopQueryExecution "
                        + "on resource: " + primary);
        assertThatThrownBy(() -> athena().getDataCatalog(r -> r.name("AwsDataCatalog")))
                .isInstanceOfSatisfying(AthenaException.class, GuidePolicyWireTest::accessDenied)
                .hasMessageContaining("is not authorized to perform: athena:GetDataCatalog on resource: " + catalog);
        assertThatThrownBy(() -> athena().getTableMetadata(r -> r.catalogName("AwsDataCatalog").databaseName("demo")
                .tableName("sales"))).isInstanceOfSatisfying(AthenaException.class, GuidePolicyWireTest::accessDenied)
                .hasMessageContaining("is not authorized to perform: athena:GetTableMetadata on resource: " + catalog);
        // The result bucket is readable, but the guide grants no delete there.
        assertThatThrownBy(() -> s3().deleteObject(r -> r.bucket("athena-results").key(id + ".csv")))
                .hasMessageContaining("is not authorized to perform: s3:DeleteObject on resource: "
                        + "arn:aws:s3:::athena-results/" + id + ".csv");
        assertThat(await(athena(), id).status().state()).isEqualTo(QueryExecutionState.SUCCEEDED);
    }

    @Test
    void aQueryWritingIntoTheDataBucketFailsLikeAthena() {
        String id = athena().startQueryExecution(request("SELECT 1", null)
                .resultConfiguration(r -> r.outputLocation("s3://demo-data/results/")).build()).queryExecutionId();
        QueryExecution q = await(athena(), id);
        assertThat(q.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(q.status().stateChangeReason())
                .startsWith("Access denied when writing output to url: s3://demo-data/results/" + id + ".csv");
        assertThat(q.status().athenaError().errorMessage()).isEqualTo(q.status().stateChangeReason());
        assertThat(local.buckets().path("demo-data", "results/" + id + ".csv")).doesNotExist();
    }

    /** The Athena SDK has no modelled AccessDeniedException: it arrives as AthenaException with that code. */
    private static void accessDenied(AthenaException e) {
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
        assertThat(e.statusCode()).isEqualTo(400);
    }
}
