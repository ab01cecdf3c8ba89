package ai.connecty.athena.jdbc.rows;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;

/**
 * A connection that breaks in the middle of a part resumes with a GET from the first byte not yet received, with
 * If-Match: no byte is lost or read twice, and a part that progresses on every attempt is never given up, however
 * many attempts it takes. A resumed answer that starts at another byte (a server that ignored Range) is refused.
 */
class S3ObjectStreamResumeTest {
    /** A 20-byte object read in parts of 8 bytes: 0-7, 8-15, 16-19. */
    private static final String OBJECT = "0123456789abcdefghij";
    private static final int PART = 8;

    private WireMockS3 wire;
    private BreakingClient http;

    @BeforeEach
    void start() {
        http = new BreakingClient(Apache5HttpClient.create());
        wire = new WireMockS3(http);
        // Every range a part may be asked for (from each of its bytes to its end), answered as S3 does.
        for (int part = 0; part < OBJECT.length(); part += PART) {
            int last = Math.min(OBJECT.length(), part + PART) - 1;
            for (int first = part; first <= last; first++) {
                serve(first, last, first);
            }
        }
    }

    @AfterEach
    void stop() throws InterruptedException {
        http.release();
        wire.close();
        assertThat(WireMockS3.awaitDownloadThreadsEnded()).isZero();
    }

    /** Answers the GET of bytes {@code first-last} with the bytes from {@code from} (S3 itself: from = first). */
    private void serve(int first, int last, int from) {
        wire.server.stubFor(get(urlPathEqualTo("/results/q.csv")).withHeader("Range", equalTo("bytes=" + first + "-" + last))
                .willReturn(aResponse().withStatus(206).withHeader("ETag", "\"e1\"")
                        .withHeader("Content-Range", "bytes " + from + "-" + last + "/" + OBJECT.length())
                        .withBody(OBJECT.substring(from, last + 1))));
    }

    /**
     * Every response of the second part breaks after one byte: eight attempts in all, each bringing a byte, more
     * than the five attempts without progress after which a part is given up.
     */
    @Test
    void aPartWhoseConnectionBreaksAfterEveryByteResumesAtTheNextByteUntilItIsWhole() throws Exception {
        http.breakAfter(8, 16, 1);
        try (S3ObjectStream stream = new S3ObjectStream(wire.s3, "results", "q.csv", PART, 2)) {
            stream.open();
            String read = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> WireMockS3.readAll(stream));
            assertThat(read).isEqualTo(OBJECT);
        }
        List<String> part1 = wire.server.getAllServeEvents().stream()
                .filter(e -> Integer.parseInt(e.getRequest().getHeader("Range").replaceAll("bytes=(\\d+)-.*", "$1")) >= 8
                        && e.getRequest().getHeader("Range").endsWith("-15"))
                .map(e -> e.getRequest().getHeader("Range") + " " + e.getRequest().getHeader("If-Match"))
                .sorted().collect(Collectors.toList());
        // The early GET without If-Match, then one resumption from each byte after it, each with the first ETag.
        assertThat(part1).containsExactly("bytes=10-15 \"e1\"", "bytes=11-15 \"e1\"", "bytes=12-15 \"e1\"",
                "bytes=13-15 \"e1\"", "bytes=14-15 \"e1\"", "bytes=15-15 \"e1\"", "bytes=8-15 null", "bytes=9-15 \"e1\"");
    }

    /** The first part breaks too (its first GET is open's own): its resumptions complete it in the same way. */
    @Test
    void theFirstPartResumesAsWellWithoutAWindowAhead() throws Exception {
        http.breakAfter(0, 8, 3);
        try (S3ObjectStream stream = new S3ObjectStream(wire.s3, "results", "q.csv", PART, 1)) {
            stream.open();
            assertThat(assertTimeoutPreemptively(Duration.ofSeconds(60), () -> WireMockS3.readAll(stream))).isEqualTo(OBJECT);
        }
        assertThat(wire.server.getAllServeEvents()).extracting(e -> e.getRequest().getHeader("Range"))
                .containsExactlyInAnyOrder("bytes=0-7", "bytes=3-7", "bytes=6-7", "bytes=8-15", "bytes=16-19");
    }

    /**
     * A resumed GET answered from the part's first byte rather than the one asked for: reading it on would repeat
     * bytes, so the read fails, naming what was asked and what came, and no byte of it is handed over.
     */
    @Test
    void aResumptionAnsweredFromAnotherByteFailsTheReadRatherThanRepeatBytes() throws Exception {
        http.breakAfter(8, 16, 3);
        serve(11, 15, 8); // asked for 11-15, sends 8-15
        S3ObjectStream stream = new S3ObjectStream(wire.s3, "results", "q.csv", PART, 2);
        stream.open();
        StringBuilder read = new StringBuilder();
        SQLException e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> catchThrowableOfType(SQLException.class, () -> {
            while (stream.fill()) {
                read.append(new String(stream.buffer, stream.position, stream.limit - stream.position,
                        java.nio.charset.StandardCharsets.US_ASCII));
            }
        }));
        stream.close();
        assertThat((Throwable) e).isNotNull();
        assertThat(e.getSQLState()).isEqualTo("58000");
        assertThat(e.getMessage()).contains("s3://results/q.csv").contains("from byte 11")
                .contains("range bytes 8-15/20").contains("ResultFetcher=GetQueryResults");
        assertThat(read.toString()).isEqualTo(OBJECT.substring(0, 11));
    }

    /**
     * A server that ignores Range and sends the whole object (200, no Content-Range) to an object of several parts:
     * the first part would take the object's first bytes, and every later part the same ones. Refused.
     */
    @Test
    void aWholeObjectAnswerToAnObjectOfSeveralPartsIsRefused() throws Exception {
        wire.server.stubFor(get(urlPathEqualTo("/results/q.csv")).willReturn(aResponse().withStatus(200)
                .withHeader("ETag", "\"e1\"").withHeader("Content-Length", Integer.toString(OBJECT.length())).withBody(OBJECT)));
        S3ObjectStream stream = new S3ObjectStream(wire.s3, "results", "q.csv", PART, 2);
        stream.open();
        assertThat(stream.size()).isEqualTo(OBJECT.length());
        SQLException e = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> catchThrowableOfType(SQLException.class, () -> WireMockS3.readAll(stream)));
        stream.close();
        assertThat((Throwable) e).isNotNull();
        assertThat(e.getSQLState()).isEqualTo("58000");
        assertThat(e.getMessage()).contains("from byte 0").contains("the whole object");
    }

    /** An empty result file: S3 answers the first ranged GET 416 (no byte 0); nothing is read, nothing held. */
    @Test
    void anEmptyObjectAnswered416ReadsAsEmptyAndHoldsNothing() throws Exception {
        wire.server.stubFor(get(urlPathEqualTo("/results/empty.csv")).willReturn(aResponse().withStatus(416)
                .withHeader("Content-Type", "application/xml")
                .withBody("<Error><Code>InvalidRange</Code><Message>The requested range is not satisfiable</Message></Error>")));
        ReadAheadBudget budget = new ReadAheadBudget(100 * PART);
        try (S3ObjectStream stream = new S3ObjectStream(wire.s3, "results", "empty.csv", PART, 4, 0, budget)) {
            stream.open();
            assertThat(stream.size()).isZero();
            assertThat(stream.fill()).isFalse();
            assertThat(budget.availableBytes()).isEqualTo(budget.capacityBytes());
        }
    }

    /** A server that ignores Range and sends an empty object whole (200, Content-Length 0) reads as empty too. */
    @Test
    void anEmptyWholeObjectAnswerReadsAsEmpty() throws Exception {
        wire.server.stubFor(get(urlPathEqualTo("/results/empty.csv")).willReturn(aResponse().withStatus(200)
                .withHeader("ETag", "\"e0\"").withHeader("Content-Length", "0")));
        try (S3ObjectStream stream = new S3ObjectStream(wire.s3, "results", "empty.csv", PART, 1)) {
            stream.open();
            assertThat(stream.size()).isZero();
            assertThat(WireMockS3.readAll(stream)).isEmpty();
        }
    }

    /** 15 bytes in parts of 8: two parts, the second one byte short; exactly two GETs, every byte once. */
    @Test
    void anObjectOneByteShortOfWholePartsIsReadInExactlyItsParts() throws Exception {
        String fifteen = OBJECT.substring(0, 15);
        for (int first = 0; first < 15; first += PART) {
            int last = Math.min(15, first + PART) - 1;
            wire.server.stubFor(get(urlPathEqualTo("/results/q15.csv")).withHeader("Range", equalTo("bytes=" + first + "-" + last))
                    .willReturn(aResponse().withStatus(206).withHeader("ETag", "\"e1\"")
                            .withHeader("Content-Range", "bytes " + first + "-" + last + "/15")
                            .withBody(fifteen.substring(first, last + 1))));
        }
        try (S3ObjectStream stream = new S3ObjectStream(wire.s3, "results", "q15.csv", PART, 1)) {
            stream.open();
            assertThat(WireMockS3.readAll(stream)).isEqualTo(fifteen);
        }
        assertThat(wire.server.getAllServeEvents()).extracting(e -> e.getRequest().getHeader("Range"))
                .containsExactlyInAnyOrder("bytes=0-7", "bytes=8-14");
    }

    /**
     * The early GET answered 416 though the first answer gave 20 bytes: the file shrank between the two GETs, and
     * the read fails as for a changed file rather than asking again until the attempts run out.
     */
    @Test
    void anEarlyGetAnswered416WithinTheObjectMeansTheFileChanged() throws Exception {
        wire.server.stubFor(get(urlPathEqualTo("/results/q.csv")).withHeader("Range", equalTo("bytes=8-15"))
                .willReturn(aResponse().withStatus(416).withHeader("Content-Type", "application/xml")
                        .withBody("<Error><Code>InvalidRange</Code><Message>The requested range is not satisfiable</Message></Error>")));
        try (S3ObjectStream stream = new S3ObjectStream(wire.s3, "results", "q.csv", PART, 2)) {
            stream.open();
            SQLException e = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> catchThrowableOfType(SQLException.class, () -> WireMockS3.readAll(stream)));
            assertThat((Throwable) e).isNotNull();
            assertThat(e.getSQLState()).isEqualTo("22000");
            assertThat(e.getMessage()).contains("changed while it was read");
        }
    }

    /**
     * close() from another thread while the reader waits for a part: the reader wakes at once with "The result set is closed"
     * (55000), and the download thread, a daemon that never holds the JVM up, ends.
     */
    @Test
    void closeWakesAReaderWaitingForAPartAndItsDaemonThreadEnds() throws Exception {
        http.hold("bytes=8-15");
        S3ObjectStream stream = new S3ObjectStream(wire.s3, "results", "q.csv", PART, 1);
        stream.open();
        java.util.concurrent.CompletableFuture<SQLException> reader = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> catchThrowableOfType(SQLException.class, () -> WireMockS3.readAll(stream)));
        assertThat(http.reached.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().startsWith("connecty-athena-s3-")
                && t.isAlive()).isNotEmpty().allSatisfy(t -> assertThat(t.isDaemon()).isTrue());
        stream.close();
        SQLException e = reader.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat((Throwable) e).isNotNull();
        assertThat(e.getSQLState()).isEqualTo("55000");
        http.release();
    }

    /** The driver's HTTP client, whose responses to the ranges starting in [from, to) send {@code bytes} bytes, then break. */
    private static final class BreakingClient implements SdkHttpClient {
        private final SdkHttpClient delegate;
        private volatile int from = -1;
        private volatile int to = -1;
        private volatile int bytes;
        private volatile String heldRange;
        final java.util.concurrent.CountDownLatch reached = new java.util.concurrent.CountDownLatch(1);
        private final java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);

        /** Holds back the GET of {@code range} (before it is sent) until {@link #release()}. */
        void hold(String range) {
            heldRange = range;
        }

        void release() {
            released.countDown();
        }

        BreakingClient(SdkHttpClient delegate) {
            this.delegate = delegate;
        }

        void breakAfter(int from, int to, int bytes) {
            this.bytes = bytes;
            this.to = to;
            this.from = from;
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            if (request.httpRequest().firstMatchingHeader("Range").filter(r -> r.equals(heldRange)).isPresent()) {
                reached.countDown();
                try {
                    released.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            ExecutableHttpRequest call = delegate.prepareRequest(request);
            boolean breaks = request.httpRequest().firstMatchingHeader("Range")
                    .map(r -> Integer.parseInt(r.replaceAll("bytes=(\\d+)-.*", "$1")))
                    .filter(first -> first >= from && first < to).isPresent();
            if (!breaks) {
                return call;
            }
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() throws IOException {
                    HttpExecuteResponse response = call.call();
                    if (response.httpResponse().statusCode() != 206 || response.responseBody().isEmpty()) {
                        return response;
                    }
                    AbortableInputStream body = response.responseBody().get();
                    InputStream breaking = new InputStream() {
                        private int left = bytes;

                        @Override
                        public int read() throws IOException {
                            byte[] one = new byte[1];
                            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                        }

                        @Override
                        public int read(byte[] b, int off, int len) throws IOException {
                            if (left == 0) {
                                throw new IOException("Connection reset");
                            }
                            int n = body.read(b, off, Math.min(len, left));
                            if (n > 0) {
                                left -= n;
                            }
                            return n;
                        }

                        @Override
                        public void close() throws IOException {
                            body.close();
                        }
                    };
                    return HttpExecuteResponse.builder().response(response.httpResponse())
                            .responseBody(AbortableInputStream.create(breaking, body::abort)).build();
                }

                @Override
                public void abort() {
                    call.abort();
                }
            };
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
