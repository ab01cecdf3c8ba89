package ai.connecty.athena.jdbc.rows;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Failures the SDK raises unchecked and unwrapped (an {@link IllegalStateException} from a connection pool shut
 * down, once the connection's S3 client is closed) reach the download threads too. Before the stream is closed
 * they must fail the read with an SQLException, not end the thread and leave the reader waiting for ever; after
 * it is closed they must end the thread quietly, not print an uncaught exception on the application's console.
 */
class S3ObjectStreamFailureTest {
    /** A 20-byte object read in parts of 8 bytes: 0-7, 8-15, 16-19. */
    private static final String OBJECT = "0123456789abcdefghij";
    private static final int PART = 8;

    private WireMockS3 wire;
    private WireMockServer s3Server;
    private WireMockS3.HeldRequests http;
    private S3Client s3;
    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private Thread.UncaughtExceptionHandler previousHandler;

    @BeforeEach
    void start() {
        http = new WireMockS3.HeldRequests(Apache5HttpClient.create());
        wire = new WireMockS3(http);
        s3Server = wire.server;
        s3 = wire.s3;
        wire.servePart(OBJECT, PART, 0, 0);
        wire.servePart(OBJECT, PART, 8, 0);
        wire.servePart(OBJECT, PART, 16, 0);
        previousHandler = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> uncaught.add(e));
    }

    @AfterEach
    void stop() {
        Thread.setDefaultUncaughtExceptionHandler(previousHandler);
        wire.close();
    }



    @Test
    void readsEveryPartInOrder() throws Exception {
        try (S3ObjectStream stream = new S3ObjectStream(s3, "results", "q.csv", PART, 2)) {
            stream.open();
            assertThat(stream.size()).isEqualTo(OBJECT.length());
            assertThat(WireMockS3.readAll(stream)).isEqualTo(OBJECT);
        }
        assertThat(uncaught).isEmpty();
    }

    @Test
    void anUncheckedSdkFailureBeforeCloseFailsTheReadInsteadOfLeavingItWaiting() throws Exception {
        S3ObjectStream stream = new S3ObjectStream(s3, "results", "q.csv", PART, 1);
        stream.open(); // part 0 is answered; parts 1 and 2 are only asked for once part 0 is read
        http.close(); // their GETs now fail with IllegalStateException: Connection pool shut down
        SQLException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> catchThrowableOfType(SQLException.class, () -> WireMockS3.readAll(stream)),
                "the reader waited for a part whose download thread had died");
        assertThat((Throwable) e).isNotNull();
        assertThat(e.getSQLState()).isEqualTo("58000");
        assertThat(e.getMessage()).contains("s3://results/q.csv").contains("Connection pool shut down");
        assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
        stream.close();
        assertThat(uncaught).isEmpty();
    }

    @Test
    void anUncheckedSdkFailureAfterCloseEndsTheDownloadQuietly() throws Exception {
        http.hold("bytes=8-15");
        S3ObjectStream stream = new S3ObjectStream(s3, "results", "q.csv", PART, 2);
        stream.open();
        // Part 1's thread found the stream open and is on its way to the connection pool when everything closes.
        assertThat(http.reached.await(30, TimeUnit.SECONDS)).isTrue();
        stream.close();
        http.close();
        http.release.countDown(); // its GET now fails with IllegalStateException: Connection pool shut down
        assertThat(WireMockS3.awaitDownloadThreadsEnded()).isZero();
        assertThat(uncaught).isEmpty();
    }

    @Test
    void aRangedAnswerWithoutAReadableObjectSizeIsRefusedRatherThanReadAsTheWholeObject() throws InterruptedException {
        for (String contentRange : new String[] {"bytes 0-7/abc", "bytes 0-7/*", "bytes 0-7", null}) {
            var answer = aResponse().withStatus(206).withHeader("ETag", "\"e1\"").withBody(OBJECT.substring(0, PART));
            s3Server.stubFor(get(urlPathEqualTo("/results/q.csv")).withHeader("Range", equalTo("bytes=0-7"))
                    .willReturn(contentRange == null ? answer : answer.withHeader("Content-Range", contentRange)));
            S3ObjectStream stream = new S3ObjectStream(s3, "results", "q.csv", PART, 2);
            S3ObjectStream.MalformedReply e = catchThrowableOfType(S3ObjectStream.MalformedReply.class, stream::open);
            assertThat(e).as(String.valueOf(contentRange)).isNotNull();
            assertThat(e.getMessage()).contains("s3://results/q.csv")
                    .contains(contentRange == null ? "a 206 without Content-Range" : "'" + contentRange + "'");
            stream.close();
        }
        assertThat(WireMockS3.awaitDownloadThreadsEnded()).isZero();
    }

    @Test
    void aServerThatIgnoresRangeAndSendsAWholeSmallObjectIsReadWhole() throws Exception {
        s3Server.stubFor(get(urlPathEqualTo("/results/small.csv"))
                .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"e2\"")
                        .withHeader("Content-Length", Integer.toString(OBJECT.length())).withBody(OBJECT)));
        try (S3ObjectStream stream = new S3ObjectStream(s3, "results", "small.csv", 64, 2)) {
            stream.open();
            assertThat(stream.size()).isEqualTo(OBJECT.length());
            assertThat(WireMockS3.readAll(stream)).isEqualTo(OBJECT);
        }
    }

    /** A range whose connection is reset every time: after 5 attempts without a byte, a network error (not class 08). */
    @Test
    void aPartThatNeverArrivesFailsTheReadWithATransientNetworkError() {
        s3Server.stubFor(get(urlPathEqualTo("/results/q.csv")).withHeader("Range", equalTo("bytes=8-15"))
                .willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        S3ObjectStream stream = new S3ObjectStream(s3, "results", "q.csv", PART, 2);
        SQLException e = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> catchThrowableOfType(SQLException.class, () -> {
            stream.open();
            WireMockS3.readAll(stream);
        }));
        stream.close();
        assertThat((Throwable) e).isInstanceOf(java.sql.SQLTransientException.class);
        assertThat(e.getSQLState()).isEqualTo("58030");
        assertThat(e.getMessage()).contains("s3://results/q.csv").contains("5 times in a row at byte 8")
                .doesNotContain("no byte arrived"); // the connection's failure, not a stall: no network timeout is set
        assertThat(uncaught).isEmpty();
    }

    /** Sent chunked, without Content-Length: the size is unknown, and reading it as empty would lose every row. */
    @Test
    void aWholeObjectAnswerWithoutALengthIsRefusedRatherThanReadAsEmpty() {
        s3Server.stubFor(get(urlPathEqualTo("/results/chunked.csv"))
                .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"e3\"").withHeader("Transfer-Encoding", "chunked")
                        .withBody(OBJECT)));
        S3ObjectStream stream = new S3ObjectStream(s3, "results", "chunked.csv", 64, 2);
        S3ObjectStream.MalformedReply e = catchThrowableOfType(S3ObjectStream.MalformedReply.class, stream::open);
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("s3://results/chunked.csv").contains("whole object without Content-Length")
                .contains("no object size");
        stream.close();
    }
}
