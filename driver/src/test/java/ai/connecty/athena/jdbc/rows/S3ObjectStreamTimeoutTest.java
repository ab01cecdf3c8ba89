package ai.connecty.athena.jdbc.rows;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Connection.setNetworkTimeout reaches the S3 download: a GET whose answer does not come within the timeout is
 * retried, and so is a response that stops sending bytes (which neither the SDK's attempt timeout, over once the
 * headers are in, nor the HTTP client's socket timeout, fixed when the connection opened, would end). Without a
 * timeout, the reader waits as long as the server takes.
 */
class S3ObjectStreamTimeoutTest {
    /** A 20-byte object read in parts of 8 bytes: 0-7, 8-15, 16-19. */
    private static final String OBJECT = "0123456789abcdefghij";
    private static final int PART = 8;
    private static final int TIMEOUT_MILLIS = 200;

    private WireMockS3 wire;
    private StallingClient http;

    @BeforeEach
    void start() {
        http = new StallingClient(Apache5HttpClient.create());
        wire = new WireMockS3(http);
        for (int first = 0; first < OBJECT.length(); first += PART) {
            wire.servePart(OBJECT, PART, first, 0);
        }
    }

    @AfterEach
    void stop() {
        http.releaseAll();
        wire.close();
    }



    @Test
    void aResponseThatStopsSendingBytesIsAbortedAndResumed() throws Exception {
        http.stall("bytes=8-15", 1); // its first response sends headers, then nothing
        try (S3ObjectStream stream = new S3ObjectStream(wire.s3, "results", "q.csv", PART, 2, TIMEOUT_MILLIS)) {
            stream.open();
            String read = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> WireMockS3.readAll(stream),
                    "the reader waited on a response that sent no byte");
            assertThat(read).isEqualTo(OBJECT);
        }
        // The stalled GET, then the one that resumed it from its first byte (none had arrived). On a loaded machine the
        // resumed answer may itself miss the 200 ms and be resumed once more, from the same byte: at least two.
        wire.server.verify(moreThanOrExactly(2),
                getRequestedFor(urlPathEqualTo("/results/q.csv")).withHeader("Range", equalTo("bytes=8-15")));
        assertThat(http.stalledAndAborted.get()).isEqualTo(1);
    }

    @Test
    void aResponseThatStallsOnEveryAttemptFailsTheReadWithATransientErrorNamingTheTimeout() {
        http.stall("bytes=8-15", Integer.MAX_VALUE);
        S3ObjectStream stream = new S3ObjectStream(wire.s3, "results", "q.csv", PART, 2, TIMEOUT_MILLIS);
        SQLException e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> catchThrowableOfType(SQLException.class, () -> {
            stream.open();
            WireMockS3.readAll(stream);
        }), "the reader waited on a response that sent no byte");
        stream.close();
        assertThat((Throwable) e).isInstanceOf(SQLTransientException.class);
        assertThat(e.getSQLState()).isEqualTo("58030");
        assertThat(e.getMessage()).contains("s3://results/q.csv").contains("5 times in a row at byte 8")
                .contains("no byte arrived for 200 ms").contains("Connection.setNetworkTimeout");
        assertThat(http.stalledAndAborted.get()).isEqualTo(5);
    }

    @Test
    void aGetWhoseAnswerIsLateIsRetriedWithinTheTimeoutAndThenFails() {
        wire.servePart(OBJECT, PART, 8, 5_000);
        S3ObjectStream stream = new S3ObjectStream(wire.s3, "results", "q.csv", PART, 2, TIMEOUT_MILLIS);
        SQLException e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> catchThrowableOfType(SQLException.class, () -> {
            stream.open();
            WireMockS3.readAll(stream);
        }));
        stream.close();
        assertThat((Throwable) e).as("the part was waited for until it came").isInstanceOf(SQLTransientException.class);
        assertThat(e.getSQLState()).isEqualTo("58030");
        assertThat(e.getMessage()).contains("at byte 8").contains("200");
    }

    @Test
    void withoutANetworkTimeoutASlowResponseIsWaitedFor() throws Exception {
        wire.servePart(OBJECT, PART, 8, 1_000);
        try (S3ObjectStream stream = new S3ObjectStream(wire.s3, "results", "q.csv", PART, 2, 0)) {
            stream.open();
            assertThat(WireMockS3.readAll(stream)).isEqualTo(OBJECT);
        }
        wire.server.verify(1, getRequestedFor(urlPathEqualTo("/results/q.csv")).withHeader("Range", equalTo("bytes=8-15")));
    }

    /**
     * The driver's HTTP client, whose responses to one range (the first {@code times} of them to arrive) bring their
     * headers and then no byte of the body until aborted, as a connection that went quiet under a response does.
     */
    private static final class StallingClient implements SdkHttpClient {
        private final SdkHttpClient delegate;
        private final CountDownLatch released = new CountDownLatch(1);
        private volatile String range;
        private final AtomicInteger stallsLeft = new AtomicInteger();
        final AtomicInteger stalledAndAborted = new AtomicInteger();

        StallingClient(SdkHttpClient delegate) {
            this.delegate = delegate;
        }

        void stall(String range, int times) {
            this.range = range;
            stallsLeft.set(times);
        }

        void releaseAll() {
            released.countDown();
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            ExecutableHttpRequest call = delegate.prepareRequest(request);
            if (!request.httpRequest().firstMatchingHeader("Range").filter(r -> r.equals(range)).isPresent()) {
                return call;
            }
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() throws IOException {
                    HttpExecuteResponse response = call.call();
                    // Counted once the headers are in: on a loaded machine an attempt may time out before them, and
                    // the stall is then the next attempt's.
                    if (stallsLeft.getAndDecrement() <= 0) {
                        return response;
                    }
                    response.responseBody().ifPresent(AbortableInputStream::abort); // the real body is never read
                    QuietBody quiet = new QuietBody();
                    return HttpExecuteResponse.builder().response(response.httpResponse())
                            .responseBody(AbortableInputStream.create(quiet, quiet::abort)).build();
                }

                @Override
                public void abort() {
                    call.abort();
                }
            };
        }

        /** A body that sends nothing until it is aborted; then it fails as an aborted connection does. */
        private final class QuietBody extends InputStream {
            private final CountDownLatch aborted = new CountDownLatch(1);

            void abort() {
                if (aborted.getCount() > 0) {
                    stalledAndAborted.incrementAndGet();
                    aborted.countDown();
                }
            }

            @Override
            public int read() throws IOException {
                try {
                    while (!aborted.await(10, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                        if (released.getCount() == 0) {
                            throw new IOException("test over");
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IOException("Connection aborted");
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return read();
            }
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
