package ai.connecty.athena.local.athena;

import static ai.connecty.athena.local.athena.AthenaQueries.OUTPUT;
import static ai.connecty.athena.local.athena.AthenaQueries.await;
import static ai.connecty.athena.local.athena.AthenaQueries.request;
import static ai.connecty.athena.local.athena.AthenaQueries.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.http.SdkClientsExtension;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.EncryptionOption;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Result reuse as the AWS guide describes it: a reused query points at the earlier query's result (its
 * OutputLocation, its GetQueryResults pages, its ETag) and writes nothing of its own; a result that was deleted,
 * or one made with another result configuration, is not reused and the query runs.
 */
@ExtendWith(LocalAthenaExtension.class)
class ResultReuseWireTest {

    static LocalAthena local;

    @RegisterExtension
    static final SdkClientsExtension clients = new SdkClientsExtension(() -> local);

    /** 2,500 rows over three 1000-row pages, with NULLs and empty strings; a comment makes each test's text its own. */
    private static String pagedQuery() {
        return "SELECT n, CASE n % 3 WHEN 0 THEN NULL WHEN 1 THEN '' ELSE CAST(n AS varchar) END AS v "
                + "FROM UNNEST(sequence(1, 2500)) AS t(n) ORDER BY n /* " + UUID.randomUUID() + " */";
    }

    private static QueryExecution runWithReuse(String sql, UnaryOperator<StartQueryExecutionRequest.Builder> more) {
        StartQueryExecutionRequest.Builder b = request(sql, null)
                .resultReuseConfiguration(c -> c.resultReuseByAgeConfiguration(a -> a.enabled(true).maxAgeInMinutes(60)));
        QueryExecution q = await(clients.athena(), clients.athena().startQueryExecution(more.apply(b).build())
                .queryExecutionId());
        assertThat(q.status().state()).as(String.valueOf(q.status().stateChangeReason()))
                .isEqualTo(QueryExecutionState.SUCCEEDED);
        return q;
    }

    private static QueryExecution runWithReuse(String sql) {
        return runWithReuse(sql, b -> b);
    }

    private static boolean reused(QueryExecution q) {
        return q.statistics().resultReuseInformation().reusedPreviousResult();
    }

    private static String etag(String key) {
        return clients.s3().headObject(r -> r.bucket(LocalAthena.RESULTS_BUCKET).key(key)).eTag();
    }

    private static void assertNoObject(String key) {
        assertThatThrownBy(() -> clients.s3().headObject(r -> r.bucket(LocalAthena.RESULTS_BUCKET).key(key)))
                .isInstanceOf(NoSuchKeyException.class);
    }

    /** Each page's rows and whether a NextToken came with it, paging by {@code pageSize}. */
    private static List<String> pages(String id, int pageSize) {
        List<String> pages = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            GetQueryResultsResponse page = clients.athena()
                    .getQueryResults(r -> r.queryExecutionId(id).maxResults(pageSize)
                    .nextToken(next));
            pages.add(AthenaQueries.values(page) + (page.nextToken() != null ? " +next" : " end"));
            token = page.nextToken();
        } while (token != null);
        return pages;
    }

    @Test
    void aReusedQueryPointsAtTheEarlierResultAndWritesNothingOfItsOwn() {
        String sql = pagedQuery();
        QueryExecution first = runWithReuse(sql);
        String firstKey = first.queryExecutionId() + ".csv";
        String etagBefore = etag(firstKey);

        QueryExecution second = runWithReuse(sql);
        QueryExecution third = runWithReuse(sql);

        assertThat(reused(first)).isFalse();
        assertThat(reused(second)).isTrue();
        assertThat(reused(third)).isTrue();
        assertThat(second.queryExecutionId()).isNotEqualTo(first.queryExecutionId());
        // The result lives where the first query wrote it, also for a reuse of a reuse.
        assertThat(first.resultConfiguration().outputLocation()).isEqualTo(OUTPUT + firstKey);
        assertThat(second.resultConfiguration().outputLocation()).isEqualTo(OUTPUT + firstKey);
        assertThat(third.resultConfiguration().outputLocation()).isEqualTo(OUTPUT + firstKey);
        for (QueryExecution reusing : List.of(second, third)) {
            assertNoObject(reusing.queryExecutionId() + ".csv");
            assertNoObject(reusing.queryExecutionId() + ".csv.metadata");
            assertThat(clients.s3()
                    .listObjectsV2(r -> r.bucket(LocalAthena.RESULTS_BUCKET).prefix(reusing.queryExecutionId()))
                    .contents()).isEmpty();
        }
        assertThat(etag(firstKey)).isEqualTo(etagBefore);
        assertThat(etag(firstKey + ".metadata")).isNotBlank();

        List<List<String>> rows = rows(clients.athena(), first.queryExecutionId());
        assertThat(rows).hasSize(2501);
        assertThat(rows.get(0)).containsExactly("n", "v");
        assertThat(rows.subList(1, 4)).containsExactly(List.of("1", ""), List.of("2", "2"), java.util.Arrays.asList("3", null));
        assertThat(rows(clients.athena(), second.queryExecutionId())).isEqualTo(rows);
        assertThat(rows(clients.athena(), third.queryExecutionId())).isEqualTo(rows);
        List<String> firstPages = pages(first.queryExecutionId(), 1000);
        assertThat(firstPages).hasSize(3);
        assertThat(pages(second.queryExecutionId(), 1000)).isEqualTo(firstPages);
        assertThat(pages(second.queryExecutionId(), 777)).isEqualTo(pages(first.queryExecutionId(), 777));
    }

    @Test
    void aReusedQueryScansNothingAndReportsTheEarlierOutput() {
        String sql = "SELECT id, name FROM demo.customers ORDER BY id /* " + UUID.randomUUID() + " */";
        QueryExecution first = runWithReuse(sql);
        QueryExecution second = runWithReuse(sql);

        assertThat(reused(second)).isTrue();
        assertThat(first.statistics().dataScannedInBytes()).isPositive();
        assertThat(second.statistics().dataScannedInBytes()).isZero();
        var firstRows = clients.athena().getQueryRuntimeStatistics(r -> r.queryExecutionId(first.queryExecutionId()))
                .queryRuntimeStatistics().rows();
        var secondRows = clients.athena().getQueryRuntimeStatistics(r -> r.queryExecutionId(second.queryExecutionId()))
                .queryRuntimeStatistics().rows();
        assertThat(secondRows.outputRows()).isEqualTo(firstRows.outputRows()).isPositive();
        assertThat(secondRows.outputBytes()).isEqualTo(firstRows.outputBytes());
        assertThat(secondRows.inputBytes()).isZero();
    }

    @Test
    void aDeletedEarlierResultIsNotReusedAndTheQueryRunsAgain() {
        String sql = pagedQuery();
        QueryExecution first = runWithReuse(sql);
        List<List<String>> rows = rows(clients.athena(), first.queryExecutionId());
        clients.s3().deleteObject(r -> r.bucket(LocalAthena.RESULTS_BUCKET).key(first.queryExecutionId() + ".csv"));

        QueryExecution second = runWithReuse(sql);

        assertThat(reused(second)).isFalse();
        assertThat(second.resultConfiguration().outputLocation()).isEqualTo(OUTPUT + second.queryExecutionId() + ".csv");
        assertThat(etag(second.queryExecutionId() + ".csv")).isNotBlank();
        assertThat(rows(clients.athena(), second.queryExecutionId())).isEqualTo(rows);
        // The fresh result is reusable in turn.
        QueryExecution third = runWithReuse(sql);
        assertThat(reused(third)).isTrue();
        assertThat(third.resultConfiguration().outputLocation()).isEqualTo(second.resultConfiguration().outputLocation());
    }

    @Test
    void whenTheNewestResultWasDeletedAnOlderOneStillInPlaceIsReused() {
        String sql = pagedQuery();
        QueryExecution older = runWithReuse(sql);
        // Run again without reuse: a newer result of the same query, then deleted.
        QueryExecution newer = await(clients.athena(), clients.athena().startQueryExecution(request(sql, null).build())
                .queryExecutionId());
        assertThat(reused(newer)).isFalse();
        clients.s3().deleteObject(r -> r.bucket(LocalAthena.RESULTS_BUCKET).key(newer.queryExecutionId() + ".csv"));

        QueryExecution q = runWithReuse(sql);

        assertThat(reused(q)).isTrue();
        assertThat(q.resultConfiguration().outputLocation()).isEqualTo(older.resultConfiguration().outputLocation());
    }

    @Test
    void anotherResultConfigurationIsNotReused() {
        String sql = pagedQuery();
        QueryExecution first = runWithReuse(sql);

        QueryExecution elsewhere = runWithReuse(sql, b -> b.resultConfiguration(r -> r.outputLocation(OUTPUT + "other/")));
        QueryExecution encrypted = runWithReuse(sql, b -> b.resultConfiguration(r -> r.outputLocation(OUTPUT)
                .encryptionConfiguration(e -> e.encryptionOption(EncryptionOption.SSE_S3))));
        QueryExecution otherDatabase = runWithReuse(sql, b -> b.queryExecutionContext(c -> c.database("demo")));
        QueryExecution same = runWithReuse(sql);

        assertThat(reused(elsewhere)).isFalse();
        assertThat(elsewhere.resultConfiguration().outputLocation())
                .isEqualTo(OUTPUT + "other/" + elsewhere.queryExecutionId() + ".csv");
        assertThat(reused(encrypted)).isFalse();
        assertThat(reused(otherDatabase)).isFalse();
        assertThat(reused(same)).isTrue();
        assertThat(same.resultConfiguration().outputLocation())
                .isEqualTo(first.resultConfiguration().outputLocation());
    }
}
