package ai.connecty.athena.jdbc.rows;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;

/**
 * The second part's GET goes out with the first GET, before the object's size and ETag are known (so that the
 * parser does not wait a round trip once the first part is read): its range may reach past the end, a one-part
 * object answers it 416, and an answer from another version of the file fails the read as an If-Match would.
 */
class S3ObjectStreamEarlyPartTest {
    /** Parts of 8 bytes: 0-7, 8-15, 16-19. */
    private static final String OBJECT = "0123456789abcdefghij";
    private static final int PART = 8;

    private final WireMockS3.HeldRequests http = new WireMockS3.HeldRequests(Apache5HttpClient.create());
    private final WireMockS3 wire = new WireMockS3(http);

    @AfterEach
    void stop() {
        http.release.countDown();
        wire.close();
    }

    @Test
    void theSecondPartIsAskedForWhileTheFirstGetAwaitsItsAnswer() throws Exception {
        serveParts(OBJECT);
        http.hold("bytes=0-7");
        try (S3ObjectStream stream = new S3ObjectStream(wire.s3, "results", "q.csv", PART, 2)) {
            CompletableFuture<Void> opened = CompletableFuture.runAsync(() -> {
                try {
                    stream.open();
                } catch (S3ObjectStream.MalformedReply e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(http.reached.await(30, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 3000 && ranges().isEmpty(); i++) {
                Thread.sleep(10);
            }
            assertThat(ranges()).as("GETs S3 received while the first was held back").containsExactly("bytes=8-15");
            assertThat(opened).isNotDone();
            http.release.countDown();
            opened.get(30, TimeUnit.SECONDS);
            assertThat(WireMockS3.readAll(stream)).isEqualTo(OBJECT);
        }
        List<ServeEvent> events = wire.server.getAllServeEvents();
        assertThat(events).extracting(e -> e.getRequest().getHeader("Range"))
                .containsExactlyInAnyOrder("bytes=0-7", "bytes=8-15", "bytes=16-19");
        // Only the early GET goes without If-Match: the last part's GET was sent once the first answer gave the ETag.
        assertThat(events).filteredOn(e -> !e.getRequest().containsHeader("If-Match"))
                .extracting(e -> e.getRequest().getHeader("Range")).containsExactlyInAnyOrder("bytes=0-7", "bytes=8-15");
        assertThat(WireMockS3.awaitDownloadThreadsEnded()).isZero();
    }

    @Test
    void anObjectOfOnePartCostsOneGetAnswered416AndIsReadWhole() throws Exception {
        String small = "01234";
        wire.server.stubFor(get(urlPathEqualTo("/results/q.csv")).withHeader("Range", equalTo("bytes=0-7"))
                .willReturn(aResponse().withStatus(206).withHeader("ETag", "\"e1\"")
                        .withHeader("Content-Range", "bytes 0-4/5").withBody(small)));
        wire.server.stubFor(get(urlPathEqualTo("/results/q.csv")).withHeader("Range", equalTo("bytes=8-15"))
                .willReturn(aResponse().withStatus(416).withHeader("Content-Type", "application/xml")
                        .withBody("<Error><Code>InvalidRange</Code><Message>The requested range is not satisfiable</Message></Error>")));
        try (S3ObjectStream stream = new S3ObjectStream(wire.s3, "results", "q.csv", PART, 4)) {
            stream.open();
            assertThat(stream.size()).isEqualTo(5);
            assertThat(WireMockS3.readAll(stream)).isEqualTo(small);
        }
        assertThat(WireMockS3.awaitDownloadThreadsEnded()).isZero();
        assertThat(wire.server.getAllServeEvents()).extracting(e -> e.getResponse().getStatus())
                .containsExactlyInAnyOrder(206, 416);
    }

    /** A last part shorter than a part: the early GET's range reaches past the end, and S3 answers what there is. */
    @Test
    void anEarlyRangeReachingPastTheEndReadsTheBytesThereAre() throws Exception {
        String twelve = "0123456789ab";
        serveParts(twelve);
        wire.server.stubFor(get(urlPathEqualTo("/results/q.csv")).withHeader("Range", equalTo("bytes=8-15"))
                .willReturn(aResponse().withStatus(206).withHeader("ETag", "\"e1\"")
                        .withHeader("Content-Range", "bytes 8-11/12").withBody("89ab")));
        try (S3ObjectStream stream = new S3ObjectStream(wire.s3, "results", "q.csv", PART, 2)) {
            stream.open();
            assertThat(WireMockS3.readAll(stream)).isEqualTo(twelve);
        }
        assertThat(ranges()).containsExactlyInAnyOrder("bytes=0-7", "bytes=8-15");
    }

    @Test
    void anEarlyAnswerFromAnotherVersionOfTheFileFailsTheRead() throws Exception {
        serveParts(OBJECT);
        wire.server.stubFor(get(urlPathEqualTo("/results/q.csv")).withHeader("Range", equalTo("bytes=8-15"))
                .withHeader("If-Match", absent()).willReturn(aResponse().withStatus(206).withHeader("ETag", "\"e2\"")
                        .withHeader("Content-Range", "bytes 8-15/20").withBody("ZZZZZZZZ")));
        try (S3ObjectStream stream = new S3ObjectStream(wire.s3, "results", "q.csv", PART, 2)) {
            stream.open();
            SQLException e = catchThrowableOfType(SQLException.class, () -> WireMockS3.readAll(stream));
            assertThat((Throwable) e).isNotNull();
            assertThat(e.getSQLState()).isEqualTo("22000");
            assertThat(e.getMessage()).contains("s3://results/q.csv").contains("changed while it was read")
                    .contains("run the query again");
        }
    }

    /** An early GET that fails in flight is asked again like any part, now with If-Match. */
    @Test
    void aFailedEarlyGetIsAskedAgainWithIfMatch() throws Exception {
        serveParts(OBJECT);
        wire.server.stubFor(get(urlPathEqualTo("/results/q.csv")).withHeader("Range", equalTo("bytes=8-15"))
                .withHeader("If-Match", absent())
                .willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        try (S3ObjectStream stream = new S3ObjectStream(wire.s3, "results", "q.csv", PART, 2)) {
            stream.open();
            assertThat(WireMockS3.readAll(stream)).isEqualTo(OBJECT);
        }
        assertThat(wire.server.getAllServeEvents()).filteredOn(e -> "bytes=8-15".equals(e.getRequest().getHeader("Range"))
                && e.getRequest().containsHeader("If-Match")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.getRequest().getHeader("If-Match")).isEqualTo("\"e1\""));
    }

    /** Every part of {@code object}, each ranged GET answered as S3 does (the early one included where it fits). */
    private void serveParts(String object) {
        for (int first = 0; first < object.length(); first += PART) {
            wire.servePart(object, PART, first, 0);
        }
    }

    private List<String> ranges() {
        return wire.server.getAllServeEvents().stream().map(e -> e.getRequest().getHeader("Range")).collect(Collectors.toList());
    }
}
