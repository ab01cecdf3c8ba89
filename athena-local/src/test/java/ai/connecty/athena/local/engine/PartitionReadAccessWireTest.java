package ai.connecty.athena.local.engine;

import static ai.connecty.athena.local.athena.AthenaQueries.run;
import static ai.connecty.athena.local.athena.AthenaQueries.succeed;
import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.http.OwnLocalAthena;
import ai.connecty.athena.local.http.SdkClientsExtension;
import ai.connecty.athena.local.http.TestIdentities;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;

/**
 * Reading a partitioned Hive table lists its partitions from Glue: a caller without glue:GetPartitions cannot read
 * it (the catalog, the database and the table are each checked, the first refused is named), while tables with no
 * partitions to list from Glue (unpartitioned, projected) stay readable.
 */
class PartitionReadAccessWireTest {

    private static final String GLUE = "arn:aws:glue:us-east-1:123456789012:";

    @RegisterExtension
    static final OwnLocalAthena athena = new OwnLocalAthena().withDemoData().withIdentities(TestIdentities.users()
            .user("test", "test", "test", TestIdentities.ALLOW_ALL)
            .user("nosalesparts", "AKIANOSALESPARTS0001", "nosalesparts-secret", TestIdentities.ALLOW_ALL,
                    TestIdentities.deny("glue:GetPartitions", GLUE + "table/demo/sales"))
            .user("nocatalogparts", "AKIANOCATPARTS000001", "nocatalogparts-secret", TestIdentities.ALLOW_ALL,
                    TestIdentities.deny("glue:GetPartitions", GLUE + "catalog")));
    private static final SdkClientsExtension clients = athena.clients();

    @BeforeAll
    static void projectedTable() {
        clients.s3().createBucket(r -> r.bucket("projected-data"));
        succeed(clients.athena(), "CREATE EXTERNAL TABLE demo.projected (v bigint) PARTITIONED BY (dt string) "
                + "STORED AS PARQUET LOCATION 's3://projected-data/p/' TBLPROPERTIES ('projection.enabled'='true', "
                + "'projection.dt.type'='enum', 'projection.dt.values'='a,b')", "demo");
    }

    private static AthenaClient as(String name, String keyId) {
        return clients.athena(AwsBasicCredentials.create(keyId, name + "-secret"));
    }

    @Test
    void aPartitionedTableNeedsGlueGetPartitionsOnIt() {
        QueryExecution q = run(as("nosalesparts", "AKIANOSALESPARTS0001"), "SELECT count(*) FROM sales", "demo");

        assertThat(q.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(q.status().stateChangeReason()).startsWith("Insufficient permissions to execute the query. User: ")
                .contains("is not authorized to perform: glue:GetPartitions on resource: " + GLUE + "table/demo/sales");
    }

    @Test
    void aRefusalOnTheCatalogNamesTheCatalog() {
        QueryExecution q = run(as("nocatalogparts", "AKIANOCATPARTS000001"), "SELECT count(*) FROM sales", "demo");

        assertThat(q.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(q.status().stateChangeReason())
                .contains("is not authorized to perform: glue:GetPartitions on resource: " + GLUE + "catalog");
    }

    @Test
    void tablesWithoutPartitionsInGlueNeedNoPartitionListing() {
        AthenaClient caller = as("nocatalogparts", "AKIANOCATPARTS000001");

        for (String sql : new String[] {"SELECT count(*) FROM customers", "SELECT count(*) FROM projected"}) {
            QueryExecution q = run(caller, sql, "demo");
            assertThat(q.status().state()).as(sql + ": " + q.status().stateChangeReason())
                    .isEqualTo(QueryExecutionState.SUCCEEDED);
        }
    }
}
