package ai.connecty.athena.jdbc.rows;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.connecty.athena.jdbc.results.ColumnSpec;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.ResultConfiguration;
import software.amazon.awssdk.services.athena.model.Row;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The choice of transport when S3 answers the first GET of the result file in a way no S3 does (a ranged answer
 * without the object's size): {@code auto} pages through GetQueryResults with a warning that says why, {@code S3}
 * refuses with the same reason. Rows are never read from a file whose size is unknown.
 */
class ResultTransportFallbackTest {
    private static final String ID = "0e3a7c2e-6b9f-4b2e-9a53-2b1a1f6f3c11";

    private WireMockS3 wire;
    private WireMockServer s3Server;
    private S3Client s3;

    @BeforeEach
    void start() {
        wire = new WireMockS3(Apache5HttpClient.create());
        s3Server = wire.server;
        s3 = wire.s3;
        s3Server.stubFor(get(urlPathEqualTo("/results/" + ID + ".csv")).willReturn(aResponse().withStatus(206)
                .withHeader("ETag", "\"e1\"").withHeader("Content-Range", "bytes 0-15/unknown").withBody("\"n\"\n\"1\"\n\"2\"\n\"3\"\n")));
    }

    @AfterEach
    void stop() {
        wire.close();
    }

    private RowSource open(ResultFetcher fetcher, List<SQLWarning> warnings) throws SQLException {
        return open(new ResultTransport(fetcher, s3, null, 1024, 2), ID, warnings);
    }

    private RowSource open(ResultTransport transport, String id, List<SQLWarning> warnings) throws SQLException {
        QueryExecution execution = QueryExecution.builder().queryExecutionId(id)
                .resultConfiguration(ResultConfiguration.builder().outputLocation("s3://results/" + id + ".csv").build()).build();
        // A first page with more to come, so that auto would read the rest from S3.
        GetQueryResultsResponse firstPage = GetQueryResultsResponse.builder().nextToken("more")
                .resultSet(r -> r.rows(row("n"), row("1"))).build();
        PageFetcher pages = (queryId, token, max) -> GetQueryResultsResponse.builder()
                .resultSet(r -> r.rows(row("2"), row("3"))).build();
        return transport.open(execution, firstPage, List.of(new ColumnSpec("n", "integer")), true, pages, new PrefetchThreads(),
                1000, 0, 0, warnings::add);
    }

    /**
     * Statement.setMaxRows within the first page (a SQL client's preview): the rows are in hand, so neither S3 nor
     * a later page is asked, under auto and GetQueryResults; S3 keeps to the file, as it promises.
     */
    @Test
    void aRowLimitWithinTheFirstPageReadsNothingMore() throws Exception {
        QueryExecution execution = QueryExecution.builder().queryExecutionId(ID)
                .resultConfiguration(ResultConfiguration.builder().outputLocation("s3://results/" + ID + ".csv").build()).build();
        GetQueryResultsResponse firstPage = GetQueryResultsResponse.builder().nextToken("more")
                .resultSet(r -> r.rows(row("n"), row("1"), row("2"))).build();
        int[] pagesFetched = {0};
        PageFetcher pages = (queryId, token, max) -> {
            pagesFetched[0]++;
            return GetQueryResultsResponse.builder().resultSet(r -> r.rows(row("3"))).build();
        };
        for (ResultFetcher fetcher : new ResultFetcher[] {ResultFetcher.AUTO, ResultFetcher.GET_QUERY_RESULTS}) {
            s3Server.resetRequests();
            ResultTransport transport = new ResultTransport(fetcher, s3, null, 1024, 2);
            try (RowSource source = transport.open(execution, firstPage, List.of(new ColumnSpec("n", "integer")), true,
                    pages, new PrefetchThreads(), 1000, 0, 2, warning -> { })) {
                assertThat(source.transport()).isEqualTo("GetQueryResults");
                assertThat(source.next().text(0)).isEqualTo("1");
                assertThat(source.next().text(0)).isEqualTo("2");
                assertThat((Object) source.next()).isNull();
            }
            assertThat(s3Gets()).as(fetcher + ": S3 GETs").isZero();
            assertThat(pagesFetched[0]).as(fetcher + ": later pages fetched").isZero();
        }
        // One row more than the first page holds: auto asks S3 for the file as before (this stub's answer gives no
        // size, so it then falls back to the pages).
        try (RowSource source = new ResultTransport(ResultFetcher.AUTO, s3, null, 1024, 2).open(execution, firstPage,
                List.of(new ColumnSpec("n", "integer")), true, pages, new PrefetchThreads(), 1000, 0, 3, warning -> { })) {
            assertThat(s3Gets()).isPositive();
        }
    }

    /** Opens the results of query {@code id} and reads them to the end; answers the transport and the warnings. */
    private String readAll(ResultTransport transport, String id, List<String> warnings) throws SQLException {
        List<SQLWarning> raised = new ArrayList<>();
        try (RowSource source = open(transport, id, raised)) {
            List<String> values = new ArrayList<>();
            for (var row = source.next(); row != null; row = source.next()) {
                values.add(row.text(0));
            }
            assertThat(values).containsExactly("1", "2", "3");
            raised.forEach(w -> warnings.add(w.getMessage()));
            return source.transport();
        }
    }

    private void answer(String id, int status, String code) {
        s3Server.stubFor(get(urlPathEqualTo("/results/" + id + ".csv")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/xml")
                .withBody("<Error><Code>" + code + "</Code><Message>" + code + "</Message></Error>")));
    }

    /**
     * Reads S3 was asked for: first GETs of a file (from byte 0), once every download thread has ended (each read
     * also sends its second part's GET early, in its own thread).
     */
    private int s3Gets() throws InterruptedException {
        assertThat(WireMockS3.awaitDownloadThreadsEnded()).isZero();
        return (int) s3Server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().containsHeader("Range") && e.getRequest().getHeader("Range").startsWith("bytes=0-"))
                .count();
    }

    /**
     * Access denied would be met by every query of the connection: the next queries read through the API without
     * a doomed GET each (seconds of timeouts where S3 is out of reach), saying why, until the pause ends.
     */
    @Test
    void afterAccessDeniedTheConnectionLeavesS3AloneForAWhileAndSaysWhy() throws Exception {
        long[] now = {0};
        ResultTransport transport = new ResultTransport(ResultFetcher.AUTO, s3, null, 1024, 2, () -> now[0]);
        answer("q1", 403, "AccessDenied");
        answer("q2", 403, "AccessDenied");
        answer("q3", 403, "AccessDenied");
        s3Server.resetRequests();
        List<String> warnings = new ArrayList<>();

        assertThat(readAll(transport, "q1", warnings)).isEqualTo("GetQueryResults");
        assertThat(s3Gets()).isEqualTo(1);
        assertThat(warnings).singleElement().asString().contains("denied").contains("s3:GetObject");

        now[0] += TimeUnit.SECONDS.toNanos(42);
        warnings.clear();
        assertThat(readAll(transport, "q2", warnings)).isEqualTo("GetQueryResults");
        assertThat(s3Gets()).as("S3 asked again while the failure stands").isEqualTo(1);
        assertThat(warnings).singleElement().asString().contains("query q1").contains("42 s ago").contains("denied")
                .contains("asked again 5 minutes after");

        now[0] += TimeUnit.MINUTES.toNanos(5);
        warnings.clear();
        assertThat(readAll(transport, "q3", warnings)).isEqualTo("GetQueryResults");
        assertThat(s3Gets()).as("S3 asked once the pause is over").isEqualTo(2);
        assertThat(warnings).singleElement().asString().contains("denied").doesNotContain("query q1");
    }

    /** S3 out of reach (every connection reset): auto falls back and pauses S3; S3 fails with 58030, not class 08. */
    @Test
    void s3OutOfReachPausesS3UnderAutoAndIsANetworkErrorUnderS3() throws Exception {
        for (String id : new String[] {"r1", "r2"}) {
            s3Server.stubFor(get(urlPathEqualTo("/results/" + id + ".csv"))
                    .willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        }
        ResultTransport transport = new ResultTransport(ResultFetcher.AUTO, s3, null, 1024, 2, () -> 0L);
        List<String> warnings = new ArrayList<>();
        readAll(transport, "r1", warnings);
        assertThat(WireMockS3.awaitDownloadThreadsEnded()).isZero();
        s3Server.resetRequests();
        readAll(transport, "r2", warnings);
        assertThat(s3Gets()).as("S3 asked again while out of reach").isZero();
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(1)).contains("query r1").contains("failed on this connection");

        SQLException e = catchThrowableOfType(SQLException.class, () -> open(
                new ResultTransport(ResultFetcher.S3, s3, null, 1024, 2), "r1", new ArrayList<>()));
        assertThat((Throwable) e).isNotNull();
        assertThat(e.getSQLState()).isEqualTo("58030");
    }

    /** A missing file or a server error says nothing of the next query's file: S3 is asked every time. */
    @Test
    void aMissingFileOrAServerErrorDoesNotKeepTheNextQueryFromS3() throws Exception {
        ResultTransport transport = new ResultTransport(ResultFetcher.AUTO, s3, null, 1024, 2, () -> 0L);
        answer("gone", 404, "NoSuchKey");
        answer("busy", 500, "InternalError");
        s3Server.resetRequests();
        List<String> warnings = new ArrayList<>();
        readAll(transport, "gone", warnings);
        int afterMissing = s3Gets();
        readAll(transport, "busy", warnings);
        assertThat(s3Gets()).isGreaterThan(afterMissing); // asked (the SDK retries a 500 on its own)
        int afterServerError = s3Gets();
        readAll(transport, "gone", warnings);
        assertThat(s3Gets()).isGreaterThan(afterServerError);
        assertThat(warnings).noneMatch(w -> w.contains("failed on this connection"));
    }

    /** An unchecked failure of the first GET (an SDK bug, a pool shut down) falls back, or fails as an SQLException. */
    @Test
    void anUncheckedFailureOfTheFirstGetFallsBackUnderAutoAndIsAnSqlExceptionUnderS3() throws Exception {
        SdkHttpClient failing = new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                throw new IllegalStateException("no HTTP for you");
            }

            @Override
            public void close() {
            }
        };
        try (WireMockS3 broken = new WireMockS3(failing)) {
            List<String> warnings = new ArrayList<>();
            assertThat(readAll(new ResultTransport(ResultFetcher.AUTO, broken.s3, null, 1024, 2), ID, warnings))
                    .isEqualTo("GetQueryResults");
            assertThat(warnings).singleElement().asString().contains("s3://results/" + ID + ".csv").contains("no HTTP for you");
            SQLException e = catchThrowableOfType(SQLException.class, () -> open(
                    new ResultTransport(ResultFetcher.S3, broken.s3, null, 1024, 2), ID, new ArrayList<>()));
            assertThat((Throwable) e).isNotNull();
            assertThat(e.getSQLState()).isEqualTo("58000");
            assertThat(e.getMessage()).contains("ResultFetcher=S3 cannot read").contains("no HTTP for you");
        }
        assertThat(WireMockS3.awaitDownloadThreadsEnded()).isZero();
    }

    /** With ResultFetcher=S3 each query asks S3 and fails on its own: nothing is remembered for it to fall back on. */
    @Test
    void s3OnlyAsksEveryTime() throws Exception {
        ResultTransport transport = new ResultTransport(ResultFetcher.S3, s3, null, 1024, 2, () -> 0L);
        answer("q1", 403, "AccessDenied");
        s3Server.resetRequests();
        for (int i = 1; i <= 2; i++) {
            SQLException e = catchThrowableOfType(SQLException.class, () -> open(transport, "q1", new ArrayList<>()));
            assertThat((Throwable) e).isNotNull();
            assertThat(e.getSQLState()).isEqualTo("42501");
            assertThat(s3Gets()).isEqualTo(i);
        }
    }

    private static Row row(String value) {
        return Row.builder().data(Datum.builder().varCharValue(value).build()).build();
    }

    @Test
    void autoFallsBackToGetQueryResultsWithAWarningThatNamesTheAnswer() throws Exception {
        List<SQLWarning> warnings = new ArrayList<>();
        try (RowSource source = open(ResultFetcher.AUTO, warnings)) {
            assertThat(source.transport()).isEqualTo("GetQueryResults");
            List<String> values = new ArrayList<>();
            for (var row = source.next(); row != null; row = source.next()) {
                values.add(row.text(0));
            }
            assertThat(values).containsExactly("1", "2", "3");
        }
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).getMessage()).contains("GetQueryResults")
                .contains("s3://results/" + ID + ".csv").contains("'bytes 0-15/unknown'").contains("no object size");
    }

    @Test
    void s3OnlyRefusesWithTheSameReason() {
        SQLException e = catchThrowableOfType(SQLException.class, () -> open(ResultFetcher.S3, new ArrayList<>()));
        assertThat((Throwable) e).isNotNull();
        assertThat(e.getSQLState()).isEqualTo("58000");
        assertThat(e.getMessage()).contains("ResultFetcher=S3 cannot read the results of query " + ID)
                .contains("'bytes 0-15/unknown'").contains("ResultFetcher=auto");
    }
}
