package ai.connecty.athena.local.athena;

import static ai.connecty.athena.local.athena.AthenaQueries.request;
import static ai.connecty.athena.local.athena.AthenaQueries.succeed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.http.SdkClients;
import ai.connecty.athena.local.http.SdkClientsExtension;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.AthenaException;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryRuntimeStatistics;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * GetQueryRuntimeStatistics, ListNamedQueries, ListEngineVersions and unimplemented operations through the SDK,
 * and the bounded query history.
 */
@ExtendWith(LocalAthenaExtension.class)
class QueryInsightWireTest {

    static LocalAthena local;

    @RegisterExtension
    static final SdkClientsExtension clients = new SdkClientsExtension(() -> local);

    @TempDir
    static Path dataDir;

    @Test
    void runtimeStatisticsOfASelectAgreeWithItsExecutionAndResultFile() {
        QueryExecution q = succeed(clients.athena(),
                "SELECT customer_id, sales FROM sales_by_customer ORDER BY customer_id", "demo");
        QueryRuntimeStatistics stats = clients.athena()
                .getQueryRuntimeStatistics(r -> r.queryExecutionId(q.queryExecutionId()))
                .queryRuntimeStatistics();
        QueryExecution again = clients.athena().getQueryExecution(r -> r.queryExecutionId(q.queryExecutionId()))
                .queryExecution();
        long csvBytes = clients.s3().headObject(r -> r.bucket("athena-results").key(q.queryExecutionId() + ".csv"))
                .contentLength();
        int dataRows = AthenaQueries.rows(clients.athena(), q.queryExecutionId()).size() - 1;

        assertThat(stats.timeline().totalExecutionTimeInMillis()).isEqualTo(again.statistics().totalExecutionTimeInMillis());
        assertThat(stats.timeline().engineExecutionTimeInMillis()).isEqualTo(again.statistics().engineExecutionTimeInMillis());
        assertThat(stats.timeline().queryQueueTimeInMillis()).isEqualTo(again.statistics().queryQueueTimeInMillis());
        assertThat(stats.timeline().queryPlanningTimeInMillis()).isNotNull();
        assertThat(stats.rows().inputBytes()).isEqualTo(again.statistics().dataScannedInBytes()).isPositive();
        assertThat(stats.rows().outputRows()).isEqualTo((long) dataRows).isPositive();
        assertThat(stats.rows().outputBytes()).isEqualTo(csvBytes);
        assertThat(stats.rows().inputRows()).isNull();
    }

    @Test
    void ddlHasATimelineButNoRows() {
        QueryExecution q = succeed(clients.athena(), "SHOW DATABASES", null);
        QueryRuntimeStatistics stats = clients.athena()
                .getQueryRuntimeStatistics(r -> r.queryExecutionId(q.queryExecutionId()))
                .queryRuntimeStatistics();
        assertThat(stats.timeline().totalExecutionTimeInMillis()).isNotNull();
        assertThat(stats.rows()).isNull();
    }

    @Test
    void runtimeStatisticsOfAnUnknownQueryIsNotFound() {
        String id = UUID.randomUUID().toString();
        assertThatThrownBy(() -> clients.athena().getQueryRuntimeStatistics(r -> r.queryExecutionId(id)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("QueryExecution " + id + " was not found");
    }

    @Test
    void namedQueriesAreNoneAndEngineVersionsAreListed() {
        assertThat(clients.athena().listNamedQueries(r -> { }).namedQueryIds()).isEmpty();
        assertThat(clients.athena().listNamedQueries(r -> r.workGroup("primary")).namedQueryIds()).isEmpty();
        assertThatThrownBy(() -> clients.athena().listNamedQueries(r -> r.workGroup("nope")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("WorkGroup is not found.");
        assertThat(clients.athena().listEngineVersions(r -> { }).engineVersions())
                .extracting(v -> v.selectedEngineVersion() + "->" + v.effectiveEngineVersion())
                .containsExactly("AUTO->Athena engine version 3", "Athena engine version 3->Athena engine version 3");
    }

    @Test
    void anUnimplementedOperationIsRefusedWithItsName() {
        assertThatThrownBy(() -> clients.athena().getNamedQuery(r -> r.namedQueryId(UUID.randomUUID().toString())))
                .isInstanceOfSatisfying(AthenaException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .startsWith("athena-local does not implement the Athena operation GetNamedQuery;")
                            .contains("GetQueryRuntimeStatistics");
                });
    }

    @Test
    void theOldestFinishedExecutionsAndTheirTokensAreForgottenBeyondTheHistoryCount() {
        try (LocalAthena small = LocalAthena.builder().port(0).dataDir(dataDir.resolve("count")).demoData(false)
                .queryHistory(2, Duration.ofDays(45)).build().start();
             AthenaClient client = SdkClients.athena(small, SdkClients.ADMIN)) {
            String token = UUID.randomUUID().toString();
            String first = client.startQueryExecution(request("SELECT 1", null).clientRequestToken(token).build())
                    .queryExecutionId();
            AthenaQueries.await(client, first);
            String second = succeed(client, "SELECT 2", null).queryExecutionId();
            assertThat(client.startQueryExecution(request("SELECT 1", null).clientRequestToken(token).build())
                    .queryExecutionId()).as("still remembered").isEqualTo(first);

            String third = succeed(client, "SELECT 3", null).queryExecutionId();

            assertThatThrownBy(() -> client.getQueryExecution(r -> r.queryExecutionId(first)))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("was not found");
            assertThat(client.getQueryExecution(r -> r.queryExecutionId(second)).queryExecution()).isNotNull();
            assertThat(client.getQueryExecution(r -> r.queryExecutionId(third)).queryExecution()).isNotNull();
            String rerun = client.startQueryExecution(request("SELECT 1", null).clientRequestToken(token).build())
                    .queryExecutionId();
            assertThat(rerun).as("a forgotten token starts a new query").isNotEqualTo(first);
            AthenaQueries.await(client, rerun);
            assertThat(small.buckets().exists("athena-results", first + ".csv")).as("results stay in S3").isTrue();
        }
    }

    @Test
    void finishedExecutionsOlderThanTheHistoryAgeAreForgotten() {
        try (LocalAthena brief = LocalAthena.builder().port(0).dataDir(dataDir.resolve("age")).demoData(false)
                .queryHistory(100, Duration.ofNanos(1)).build().start();
             AthenaClient client = SdkClients.athena(brief, SdkClients.ADMIN)) {
            String first = succeed(client, "SELECT 1", null).queryExecutionId();
            succeed(client, "SELECT 2", null);
            assertThatThrownBy(() -> client.getQueryExecution(r -> r.queryExecutionId(first)))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("was not found");
        }
    }
}
