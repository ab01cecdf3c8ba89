package ai.connecty.athena.jdbc.rows;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.connecty.athena.jdbc.results.ColumnSpec;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.EncryptionOption;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.Row;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Which transport reads a result, and the reason the fallback warning (or, under ResultFetcher=S3, the refusal)
 * gives: a user told "read through GetQueryResults" must learn which setting or permission to change, so each
 * reason names its cause. Whether S3 was asked is seen in the S3 client's supplier, which a read from S3 calls.
 */
class ResultTransportChoiceTest {
    private static final String FILE = "\"n\"\n\"1\"\n\"2\"\n\"3\"\n";

    private final WireMockS3 wire = new WireMockS3(Apache5HttpClient.create());
    private final AtomicInteger s3Asked = new AtomicInteger();

    @AfterEach
    void stop() throws InterruptedException {
        assertThat(WireMockS3.awaitDownloadThreadsEnded()).isZero();
        wire.close();
    }

    private S3Client s3() {
        s3Asked.incrementAndGet();
        return wire.s3;
    }

    private void serve(String key) {
        wire.server.stubFor(get(urlPathEqualTo("/results/" + key)).willReturn(aResponse().withStatus(206)
                .withHeader("ETag", "\"e1\"").withHeader("Content-Range", "bytes 0-" + (FILE.length() - 1) + "/" + FILE.length())
                .withBody(FILE)));
    }

    private void refuse(String key, int status, String code) {
        wire.server.stubFor(get(urlPathEqualTo("/results/" + key)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/xml")
                .withBody(code == null ? "" : "<Error><Code>" + code + "</Code><Message>m</Message></Error>")));
    }

    private static Row row(String value) {
        return Row.builder().data(Datum.builder().varCharValue(value).build()).build();
    }

    private static QueryExecution execution(String id, UnaryOperator<QueryExecution.Builder> more) {
        return more.apply(QueryExecution.builder().queryExecutionId(id)
                .resultConfiguration(r -> r.outputLocation("s3://results/" + id + ".csv"))).build();
    }

    /** The transport that read the rows (all of them, to the end) and the warnings raised. */
    private String read(ResultTransport transport, QueryExecution execution, String nextToken, List<String> warnings)
            throws SQLException {
        GetQueryResultsResponse firstPage = GetQueryResultsResponse.builder().nextToken(nextToken)
                .resultSet(r -> r.rows(row("n"), row("1"))).build();
        PageFetcher pages = (queryId, token, max) -> GetQueryResultsResponse.builder()
                .resultSet(r -> r.rows(row("2"), row("3"))).build();
        List<SQLWarning> raised = new ArrayList<>();
        try (RowSource source = transport.open(execution, firstPage, List.of(new ColumnSpec("n", "integer")), true, pages,
                new PrefetchThreads(), 1000, 0, 0, raised::add)) {
            List<String> values = new ArrayList<>();
            for (var r = source.next(); r != null; r = source.next()) {
                values.add(r.text(0));
            }
            boolean lastPage = nextToken == null || nextToken.isEmpty();
            // A first page that is the last holds the whole result in the API (the file has the same rows).
            assertThat(values).isEqualTo(lastPage && source.transport().equals("GetQueryResults")
                    ? List.of("1") : List.of("1", "2", "3"));
            for (SQLWarning w : raised) {
                assertThat(w.getSQLState()).isEqualTo("01000");
                warnings.add(w.getMessage());
            }
            return source.transport();
        }
    }

    private ResultTransport transport(ResultFetcher fetcher, String requestedEncryption) {
        return new ResultTransport(fetcher, this::s3, requestedEncryption, 1024, 2);
    }

    /** Under auto: read through the API with one warning naming {@code reason}, S3 never asked; S3 refuses with it. */
    private void unreadable(QueryExecution execution, String requestedEncryption, String reason) throws SQLException {
        List<String> warnings = new ArrayList<>();
        assertThat(read(transport(ResultFetcher.AUTO, requestedEncryption), execution, "more", warnings))
                .isEqualTo("GetQueryResults");
        assertThat(warnings).singleElement().asString().contains("query " + execution.queryExecutionId()).contains(reason);
        SQLException e = catchThrowableOfType(SQLException.class,
                () -> read(transport(ResultFetcher.S3, requestedEncryption), execution, "more", new ArrayList<>()));
        assertThat((Throwable) e).isNotNull();
        assertThat(e.getSQLState()).isEqualTo("0A000");
        assertThat(e.getMessage()).contains("ResultFetcher=S3 cannot read").contains(reason);
        assertThat(s3Asked).as("S3 asked for a file it cannot serve").hasValue(0);
    }

    @Test
    void athenaManagedResultsAreReadThroughTheApiSayingSo() throws Exception {
        unreadable(execution("m1", b -> b.resultConfiguration(r -> r.outputLocation(null))
                .managedQueryResultsConfiguration(m -> m.enabled(true))), null, "Athena-managed storage");
        // Managed storage disabled: the file in the output location is read from S3.
        serve("m2.csv");
        assertThat(read(transport(ResultFetcher.AUTO, null), execution("m2",
                b -> b.managedQueryResultsConfiguration(m -> m.enabled(false))), "more", new ArrayList<>())).isEqualTo("S3");
    }

    @Test
    void clientSideEncryptedResultsAreReadThroughTheApiSayingSo() throws Exception {
        unreadable(execution("c1", b -> b.resultConfiguration(r -> r.outputLocation("s3://results/c1.csv")
                .encryptionConfiguration(e -> e.encryptionOption(EncryptionOption.CSE_KMS)))), null, "(CSE_KMS)");
        // The execution echoes no encryption: the connection's EncryptionOption decides.
        unreadable(execution("c2", b -> b), "CSE_KMS", "(CSE_KMS)");
        // The execution's own SSE_KMS is what the file has, whatever the connection asked.
        serve("c3.csv");
        List<String> warnings = new ArrayList<>();
        assertThat(read(transport(ResultFetcher.AUTO, "CSE_KMS"), execution("c3", b -> b.resultConfiguration(r -> r
                .outputLocation("s3://results/c3.csv").encryptionConfiguration(e -> e.encryptionOption(EncryptionOption.SSE_KMS)))),
                "more", warnings)).isEqualTo("S3");
        assertThat(warnings).isEmpty();
    }

    @Test
    void aResultWithoutAnS3LocationOrS3ClientIsReadThroughTheApiSayingSo() throws Exception {
        unreadable(execution("l1", b -> b.resultConfiguration(r -> r.outputLocation(null))), null, "no S3 location");
        unreadable(execution("l2", b -> b.resultConfiguration(r -> r.outputLocation("https://results/l2.csv"))), null,
                "no S3 location");
        unreadable(execution("l3", b -> b.resultConfiguration(r -> r.outputLocation("s3:///l3.csv"))), null, "no S3 location");
        List<String> warnings = new ArrayList<>();
        assertThat(read(ResultTransport.apiOnly(), execution("n1", b -> b), "more", warnings)).isEqualTo("GetQueryResults");
        assertThat(warnings).isEmpty(); // apiOnly is GetQueryResults: nothing to warn of
        ResultTransport noClient = new ResultTransport(ResultFetcher.AUTO, (S3Client) null, null, 1024, 2);
        assertThat(read(noClient, execution("n2", b -> b), "more", warnings)).isEqualTo("GetQueryResults");
        assertThat(warnings).singleElement().asString().contains("no S3 client");
    }

    /** DDL, SHOW, DESCRIBE and EXPLAIN write a .txt, not a CSV: always the API, without a warning, under S3 too. */
    @Test
    void aTextResultIsAlwaysReadThroughTheApi() throws Exception {
        for (ResultFetcher fetcher : ResultFetcher.values()) {
            List<String> warnings = new ArrayList<>();
            assertThat(read(transport(fetcher, null), execution("t1",
                    b -> b.resultConfiguration(r -> r.outputLocation("s3://results/t1.txt"))), "more", warnings))
                    .as(fetcher.toString()).isEqualTo("GetQueryResults");
            assertThat(warnings).isEmpty();
        }
        assertThat(s3Asked).hasValue(0);
    }

    /** Under auto a result whose first page is its last is served from that page; S3 reads its file all the same. */
    @Test
    void autoReadsAResultOfOnePageFromThatPage() throws Exception {
        serve("p1.csv");
        for (String lastPage : new String[] {null, ""}) {
            assertThat(read(transport(ResultFetcher.AUTO, null), execution("p1", b -> b), lastPage, new ArrayList<>()))
                    .isEqualTo("GetQueryResults");
        }
        assertThat(s3Asked).hasValue(0);
        assertThat(read(transport(ResultFetcher.AUTO, null), execution("p1", b -> b), "more", new ArrayList<>()))
                .isEqualTo("S3");
        assertThat(read(transport(ResultFetcher.S3, null), execution("p1", b -> b), null, new ArrayList<>()))
                .isEqualTo("S3");
        assertThat(s3Asked).hasValue(2);
    }

    /** The refusal names the status or S3's error code, so the user knows whether it is a permission or a file. */
    @Test
    void theWarningNamesWhatS3Answered() throws Exception {
        refuse("d1.csv", 403, "AccessDenied");
        refuse("d2.csv", 403, null);
        refuse("f1.csv", 404, "NoSuchKey");
        refuse("f2.csv", 404, null);
        refuse("s1.csv", 400, "InvalidRequest");
        refuse("s2.csv", 400, null);
        String[][] expected = {
            {"d1", "S3 denied GetObject on s3://results/d1.csv (AccessDenied): the IAM identity needs s3:GetObject"},
            {"d2", "S3 denied GetObject on s3://results/d2.csv (403): "},
            {"f1", "the result file s3://results/f1.csv does not exist (NoSuchKey)"},
            {"f2", "the result file s3://results/f2.csv does not exist (404)"},
            {"s1", "S3 refused GetObject on s3://results/s1.csv (HTTP 400, InvalidRequest)"},
            {"s2", "S3 refused GetObject on s3://results/s2.csv (HTTP 400)"},
        };
        for (String[] answer : expected) {
            // A transport each: a denial pauses S3 for the transport that met it.
            List<String> warnings = new ArrayList<>();
            assertThat(read(transport(ResultFetcher.AUTO, null), execution(answer[0], b -> b), "more", warnings))
                    .isEqualTo("GetQueryResults");
            assertThat(warnings).singleElement().asString().contains("because " + answer[1]);
        }
        SQLException e = catchThrowableOfType(SQLException.class,
                () -> read(transport(ResultFetcher.S3, null), execution("f1", b -> b), "more", new ArrayList<>()));
        assertThat(e.getSQLState()).isEqualTo("58000");
        assertThat(e.getMessage()).contains("does not exist (NoSuchKey)");
    }

    /**
     * An answer no S3 sends is named as it came; a failure to build the S3 client (met like a failed GET) is named
     * by its class, and as it says nothing of S3 itself the next query asks S3 again.
     */
    @Test
    void theWarningNamesAMalformedAnswerOrAClientThatCouldNotBeBuilt() throws Exception {
        wire.server.stubFor(get(urlPathEqualTo("/results/u1.csv")).willReturn(aResponse().withStatus(206)
                .withHeader("ETag", "\"e1\"").withHeader("Content-Range", "bytes 0-15/unknown").withBody(FILE)));
        List<String> warnings = new ArrayList<>();
        assertThat(read(transport(ResultFetcher.AUTO, null), execution("u1", b -> b), "more", warnings))
                .isEqualTo("GetQueryResults");
        assertThat(warnings).singleElement().asString().contains("because S3 answered the first ranged GET of s3://results/u1.csv");

        serve("u2.csv");
        boolean[] built = {false};
        ResultTransport transport = new ResultTransport(ResultFetcher.AUTO, () -> {
            if (!built[0]) {
                built[0] = true;
                throw new IllegalStateException("no client yet");
            }
            return wire.s3;
        }, null, 1024, 2);
        assertThat(transport.fetcher()).isEqualTo(ResultFetcher.AUTO);
        warnings.clear();
        assertThat(read(transport, execution("u2", b -> b), "more", warnings)).isEqualTo("GetQueryResults");
        assertThat(warnings).singleElement().asString()
                .contains("because reading s3://results/u2.csv failed: java.lang.IllegalStateException: no client yet");
        warnings.clear();
        assertThat(read(transport, execution("u2", b -> b), "more", warnings)).as("S3 paused").isEqualTo("S3");
        assertThat(warnings).isEmpty();
    }

    /** A client error (a bad request) says nothing of the next query: only 403 pauses S3. */
    @Test
    void onlyADenialAmongS3ErrorsPausesS3() throws Exception {
        ResultTransport transport = new ResultTransport(ResultFetcher.AUTO, wire.s3, null, 1024, 2, () -> 0L);
        refuse("b1.csv", 400, "InvalidRequest");
        serve("b2.csv");
        assertThat(read(transport, execution("b1", b -> b), "more", new ArrayList<>())).isEqualTo("GetQueryResults");
        assertThat(read(transport, execution("b2", b -> b), "more", new ArrayList<>())).isEqualTo("S3");
    }

    /** The pause lasts five minutes to the nanosecond of the clock: S3 is asked again once they have passed. */
    @Test
    void theS3PauseEndsExactlyAfterFiveMinutes() throws Exception {
        long[] now = {1_000};
        ResultTransport transport = new ResultTransport(ResultFetcher.AUTO, wire.s3, null, 1024, 2, () -> now[0]);
        refuse("x1.csv", 403, "AccessDenied");
        serve("x2.csv");
        assertThat(read(transport, execution("x1", b -> b), "more", new ArrayList<>())).isEqualTo("GetQueryResults");
        now[0] += TimeUnit.MINUTES.toNanos(ResultTransport.S3_RETRY_AFTER_MINUTES) - 1;
        List<String> warnings = new ArrayList<>();
        assertThat(read(transport, execution("x2", b -> b), "more", warnings)).isEqualTo("GetQueryResults");
        assertThat(warnings).singleElement().asString().contains("299 s ago");
        now[0] += 1;
        assertThat(read(transport, execution("x2", b -> b), "more", new ArrayList<>())).isEqualTo("S3");
    }
}
