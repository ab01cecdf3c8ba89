package ai.connecty.athena.local.engine;

import static ai.connecty.athena.local.athena.AthenaQueries.await;
import static ai.connecty.athena.local.athena.AthenaQueries.request;
import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.http.OwnLocalAthena;
import ai.connecty.athena.local.http.SdkClientsExtension;
import ai.connecty.athena.local.http.TestIdentities;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;

/**
 * Result reuse needs the rights a run needs (AWS guide: access to every table the query names and to the S3
 * location of the earlier result): without them the query is not answered from another caller's result but runs,
 * and fails or succeeds as its own run does.
 */
class ResultReuseAccessWireTest {

    private static final String PRIVATE = "s3://athena-results/private/";

    @RegisterExtension
    static final OwnLocalAthena athena = new OwnLocalAthena().withDemoData().withIdentities(TestIdentities.users()
            .user("owner", "AKIAOWNER00000000001", "owner-secret", TestIdentities.ALLOW_ALL)
            .user("nosales", "AKIANOSALES000000001", "nosales-secret", TestIdentities.ALLOW_ALL,
                    TestIdentities.deny("glue:GetTable", "arn:aws:glue:us-east-1:123456789012:table/demo/sales"))
            .user("noprivate", "AKIANOPRIVATE0000001", "noprivate-secret", TestIdentities.ALLOW_ALL,
                    TestIdentities.deny("s3:GetObject", "arn:aws:s3:::athena-results/private/*")));
    private static final SdkClientsExtension clients = athena.clients();

    private static AthenaClient owner() {
        return client("owner", "AKIAOWNER00000000001");
    }

    private static AthenaClient noSales() {
        return client("nosales", "AKIANOSALES000000001");
    }

    private static AthenaClient noPrivateResults() {
        return client("noprivate", "AKIANOPRIVATE0000001");
    }

    private static AthenaClient client(String name, String keyId) {
        return clients.athena(AwsBasicCredentials.create(keyId, name + "-secret"));
    }

    private static QueryExecution runWithReuse(AthenaClient as, String sql, String output) {
        return await(as, as.startQueryExecution(request(sql, "demo").resultConfiguration(r -> r.outputLocation(output))
                .resultReuseConfiguration(c -> c.resultReuseByAgeConfiguration(a -> a.enabled(true).maxAgeInMinutes(60)))
                .build()).queryExecutionId());
    }

    private static boolean reused(QueryExecution q) {
        return q.statistics().resultReuseInformation().reusedPreviousResult();
    }

    @Test
    void aCallerDeniedATableOfTheQueryGetsNoReusedResultButTheRunsDenial() {
        String sql = "SELECT count(*) FROM sales /* " + UUID.randomUUID() + " */";
        QueryExecution byOwner = runWithReuse(owner(), sql, "s3://athena-results/");
        assertThat(byOwner.status().state()).isEqualTo(QueryExecutionState.SUCCEEDED);

        QueryExecution denied = runWithReuse(noSales(), sql, "s3://athena-results/");

        assertThat(denied.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(denied.status().stateChangeReason()).contains("glue:GetTable",
                "arn:aws:glue:us-east-1:123456789012:table/demo/sales");
        assertThat(reused(denied)).isFalse();
        // The same query by a caller with the rights is answered from the owner's result.
        assertThat(reused(runWithReuse(owner(), sql, "s3://athena-results/"))).isTrue();
    }

    @Test
    void aCallerThatCannotReadTheEarlierResultObjectRunsTheQueryItself() {
        String sql = "SELECT id FROM customers ORDER BY id /* " + UUID.randomUUID() + " */";
        QueryExecution byOwner = runWithReuse(owner(), sql, PRIVATE);
        assertThat(byOwner.status().state()).isEqualTo(QueryExecutionState.SUCCEEDED);

        QueryExecution own = runWithReuse(noPrivateResults(), sql, PRIVATE);

        assertThat(own.status().state()).isEqualTo(QueryExecutionState.SUCCEEDED);
        assertThat(reused(own)).isFalse();
        assertThat(own.resultConfiguration().outputLocation()).isEqualTo(PRIVATE + own.queryExecutionId() + ".csv");
    }
}
