package ai.connecty.athena.jdbc.rows;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ai.connecty.athena.jdbc.results.ColumnSpec;
import ai.connecty.athena.jdbc.results.TextRow;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A failure met by the parser thread must reach the reader whatever the state of the hand-over queue. It is full
 * most of the time (the parser is faster than an application), so a failure dropped when the queue had no room
 * would leave the reader polling for ever once it had read the batches before it.
 */
class S3RowSourceFailureTest {
    private static final int ROWS = 20_000;
    private static final int PART = 32 * 1024;
    /** The part whose GET fails: its rows, and those after, never arrive. */
    private static final int FAILING_PART = 3;

    private final byte[] file = file();
    private WireMockS3 wire;
    private WireMockServer s3Server;
    private S3Client s3;

    private static byte[] file() {
        StringBuilder csv = new StringBuilder("\"n\"\n");
        for (int n = 1; n <= ROWS; n++) {
            csv.append('"').append(n).append("\"\n");
        }
        return csv.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @BeforeEach
    void start() {
        wire = new WireMockS3(Apache5HttpClient.create());
        s3Server = wire.server;
        s3 = wire.s3;
        for (int first = 0, part = 0; first < file.length; first += PART, part++) {
            int last = Math.min(file.length, first + PART) - 1;
            var answer = part == FAILING_PART
                    // The file was replaced while it was read: If-Match no longer holds.
                    ? aResponse().withStatus(412).withHeader("Content-Type", "application/xml").withBody("<Error><Code>"
                            + "PreconditionFailed</Code><Message>At least one of the pre-conditions you specified did not hold"
                            + "</Message></Error>")
                    : aResponse().withStatus(206).withHeader("ETag", "\"e1\"")
                            .withHeader("Content-Range", "bytes " + first + "-" + last + "/" + file.length)
                            .withBody(java.util.Arrays.copyOfRange(file, first, last + 1));
            s3Server.stubFor(get(urlPathEqualTo("/results/q.csv")).withHeader("Range", equalTo("bytes=" + first + "-" + last))
                    .willReturn(answer));
        }
    }

    @AfterEach
    void stop() {
        wire.close();
    }

    @Test
    void aDownloadFailureMetWhileTheQueueIsFullReachesASlowReader() throws Exception {
        S3ObjectStream stream = new S3ObjectStream(s3, "results", "q.csv", PART, 2);
        stream.open();
        try (S3RowSource source = new S3RowSource(List.of(new ColumnSpec("n", "integer")), stream)) {
            long[] read = {0};
            SQLException e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> catchThrowableOfType(SQLException.class, () -> {
                for (TextRow row = source.next(); row != null; row = source.next()) {
                    // Every row before the failure, once, in order.
                    assertThat(row.text(0)).isEqualTo(Long.toString(++read[0]));
                    if (read[0] % 1000 == 0) {
                        Thread.sleep(20); // an application slower than the parser: the queue fills up
                    }
                }
            }), "the reader waited for ever: the parser's failure was lost");
            assertThat((Throwable) e).as("the read ended without the failure").isNotNull();
            assertThat(e.getSQLState()).isEqualTo("22000");
            assertThat(e.getMessage()).contains("s3://results/q.csv").contains("changed while it was read");
            // The failing part starts in the middle of a row: the rows before it were all read.
            assertThat(read[0]).isGreaterThan(3L * PART / 8 - 10).isLessThan(ROWS);
        }
    }

    @Test
    void aReaderThatGoesOnAfterTheFailureGetsItAgainNotAnEndOfRows() throws Exception {
        S3ObjectStream stream = new S3ObjectStream(s3, "results", "q.csv", PART, 2);
        stream.open();
        try (S3RowSource source = new S3RowSource(List.of(new ColumnSpec("n", "integer")), stream)) {
            SQLException first = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> catchThrowableOfType(SQLException.class, () -> {
                while (source.next() != null) {
                    // to the failure
                }
            }));
            assertThat((Throwable) first).isNotNull();
            // A tool that logs the failure and reads on must not see the rows after it end as if there were none.
            SQLException again = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> catchThrowableOfType(SQLException.class, source::next), "next() after the failure");
            assertThat((Throwable) again).as("next() after the failure returned the end of the rows").isNotNull();
            assertThat(again.getSQLState()).isEqualTo(first.getSQLState());
        }
    }
}
