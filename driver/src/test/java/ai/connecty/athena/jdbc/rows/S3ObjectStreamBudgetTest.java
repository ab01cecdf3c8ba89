package ai.connecty.athena.jdbc.rows;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;

/**
 * The JVM-wide read-ahead budget as streams use it: every part beyond the one being read is taken from it, never
 * waited for (a stream with no room reads one part at a time, and still reads everything), and all of it comes
 * back however the stream ends: read to the end, closed, cancelled, failed, or refused when opened.
 */
class S3ObjectStreamBudgetTest {
    /** 40 bytes in parts of 8: five parts, four held at most by one stream. */
    private static final String OBJECT = "0123456789abcdefghijklmnopqrstuvwxyzABCD";
    private static final int PART = 8;
    private static final int AHEAD = 4;

    private WireMockS3 wire;

    @BeforeEach
    void start() {
        wire = new WireMockS3(Apache5HttpClient.create());
        for (int first = 0; first < OBJECT.length(); first += PART) {
            wire.servePart(OBJECT, PART, first, 0);
        }
    }

    @AfterEach
    void stop() throws InterruptedException {
        wire.close();
        assertThat(WireMockS3.awaitDownloadThreadsEnded()).isZero();
    }

    private S3ObjectStream stream(ReadAheadBudget budget) {
        return new S3ObjectStream(wire.s3, "results", "q.csv", PART, AHEAD, 0, budget);
    }

    /** With room to spare a stream holds its four parts as before: the first, the early second, and two more. */
    @Test
    void withRoomAStreamTakesItsPartsBeyondTheFirstAndGivesThemBackAsTheyAreRead() throws Exception {
        ReadAheadBudget budget = new ReadAheadBudget(100 * PART);
        try (S3ObjectStream stream = stream(budget)) {
            stream.open();
            assertThat(budget.availableBytes()).isEqualTo(budget.capacityBytes() - (AHEAD - 1) * PART);
            assertThat(WireMockS3.readAll(stream)).isEqualTo(OBJECT);
            assertThat(budget.availableBytes()).as("read to the end, before close").isEqualTo(budget.capacityBytes());
        }
        assertThat(budget.availableBytes()).isEqualTo(budget.capacityBytes());
        // The early GET of the second part went out without If-Match, as without a budget.
        wire.server.verify(getRequestedFor(urlPathEqualTo("/results/q.csv")).withHeader("Range", equalTo("bytes=8-15"))
                .withoutHeader("If-Match"));
    }

    /** No room at all: one part at a time, no early GET, every byte in order; nothing waits for anybody. */
    @Test
    void withoutRoomAStreamReadsOnePartAtATime() throws Exception {
        ReadAheadBudget budget = new ReadAheadBudget(0);
        try (S3ObjectStream stream = stream(budget)) {
            stream.open();
            assertThat(WireMockS3.readAll(stream)).isEqualTo(OBJECT);
        }
        assertThat(budget.availableBytes()).isZero();
        wire.server.verify(getRequestedFor(urlPathEqualTo("/results/q.csv")).withHeader("Range", equalTo("bytes=8-15"))
                .withHeader("If-Match", equalTo("\"e1\"")));
        wire.server.verify(0, getRequestedFor(urlPathEqualTo("/results/q.csv")).withHeader("Range", equalTo("bytes=8-15"))
                .withoutHeader("If-Match"));
    }

    /** Two streams share a budget of one part: the first takes it, the second reads with its own part alone. */
    @Test
    void streamsShareTheBudgetAndEachStillReadsEverything() throws Exception {
        ReadAheadBudget budget = new ReadAheadBudget(PART);
        try (S3ObjectStream first = stream(budget); S3ObjectStream second = stream(budget)) {
            first.open();
            assertThat(budget.availableBytes()).isZero();
            second.open();
            assertThat(budget.availableBytes()).isZero();
            StringBuilder a = new StringBuilder();
            StringBuilder b = new StringBuilder();
            // Interleaved, as an application reading two result sets at once.
            boolean moreA = true;
            boolean moreB = true;
            while (moreA || moreB) {
                moreA = moreA && readChunk(first, a);
                moreB = moreB && readChunk(second, b);
                assertThat(budget.availableBytes()).isBetween(0L, (long) PART);
            }
            assertThat(a.toString()).isEqualTo(OBJECT);
            assertThat(b.toString()).isEqualTo(OBJECT);
        }
        assertThat(budget.availableBytes()).isEqualTo(PART);
    }

    private static boolean readChunk(S3ObjectStream stream, StringBuilder into) throws SQLException {
        if (!stream.fill()) {
            return false;
        }
        into.append(new String(stream.buffer, stream.position, stream.limit - stream.position,
                java.nio.charset.StandardCharsets.US_ASCII));
        return true;
    }

    @Test
    void closingMidReadGivesEverythingBack() throws Exception {
        ReadAheadBudget budget = new ReadAheadBudget(100 * PART);
        S3ObjectStream stream = stream(budget);
        stream.open();
        assertThat(stream.fill()).isTrue();
        stream.close();
        assertThat(budget.availableBytes()).isEqualTo(budget.capacityBytes());
        stream.close();
        assertThat(budget.availableBytes()).as("closing twice gives nothing twice").isEqualTo(budget.capacityBytes());
    }

    @Test
    void cancellingMidReadGivesEverythingBack() throws Exception {
        ReadAheadBudget budget = new ReadAheadBudget(100 * PART);
        S3ObjectStream stream = stream(budget);
        stream.open();
        assertThat(stream.fill()).isTrue();
        stream.cancel();
        assertThat(budget.availableBytes()).isEqualTo(budget.capacityBytes());
        SQLException e = catchThrowableOfType(SQLException.class, stream::fill);
        assertThat(e.getSQLState()).isEqualTo("57014");
        stream.close();
        assertThat(budget.availableBytes()).isEqualTo(budget.capacityBytes());
    }

    /** A part that fails ends the read: the others' downloads stop and the budget is whole before close. */
    @Test
    void aFailedPartGivesEverythingBackWhenTheReaderMeetsItAndFailsAgainAfter() throws Exception {
        wire.server.stubFor(get(urlPathEqualTo("/results/q.csv")).withHeader("Range", equalTo("bytes=16-23"))
                .willReturn(aResponse().withStatus(412).withHeader("Content-Type", "application/xml")
                        .withBody("<Error><Code>PreconditionFailed</Code><Message>At least one of the pre-conditions"
                                + " you specified did not hold</Message></Error>")));
        ReadAheadBudget budget = new ReadAheadBudget(100 * PART);
        S3ObjectStream stream = stream(budget);
        stream.open();
        SQLException e = catchThrowableOfType(SQLException.class, () -> WireMockS3.readAll(stream));
        assertThat(e.getSQLState()).isEqualTo("22000");
        assertThat(budget.availableBytes()).isEqualTo(budget.capacityBytes());
        assertThat((Throwable) catchThrowableOfType(SQLException.class, stream::fill)).as("the same failure again").isSameAs(e);
        stream.close();
        assertThat(budget.availableBytes()).isEqualTo(budget.capacityBytes());
    }

    /** S3 refuses the first part's GET (the one {@code open} waits for) with 403 AccessDenied. */
    private void refuseTheFirstGet() {
        wire.server.stubFor(get(urlPathEqualTo("/results/q.csv")).withHeader("Range", equalTo("bytes=0-7"))
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/xml")
                        .withBody("<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>")));
    }

    /** The early GET goes out before the first answer: a refused first GET must give its part back. */
    @Test
    void aRefusedOpenGivesEverythingBack() {
        refuseTheFirstGet();
        ReadAheadBudget budget = new ReadAheadBudget(100 * PART);
        S3ObjectStream stream = stream(budget);
        assertThat(catchThrowableOfType(RuntimeException.class, stream::open)).isNotNull();
        stream.close();
        assertThat(budget.availableBytes()).isEqualTo(budget.capacityBytes());
    }

    /** A refused open closes the stream itself: its caller owes no close() for the budget to be whole again. */
    @Test
    void aRefusedOpenGivesEverythingBackWithoutAClose() throws InterruptedException {
        refuseTheFirstGet();
        ReadAheadBudget budget = new ReadAheadBudget(100 * PART);
        S3ObjectStream stream = stream(budget);
        assertThat(catchThrowableOfType(RuntimeException.class, stream::open)).isNotNull();
        assertThat(budget.availableBytes()).isEqualTo(budget.capacityBytes());
        assertThat(WireMockS3.awaitDownloadThreadsEnded()).isZero();
    }

    /** An object of one part: the early GET of a second part lies beyond the end, and its share returns at once. */
    @Test
    void anObjectOfOnePartHoldsNothingOfTheBudget() throws Exception {
        wire.server.stubFor(get(urlPathEqualTo("/results/small.csv")).withHeader("Range", equalTo("bytes=0-7"))
                .willReturn(aResponse().withStatus(206).withHeader("ETag", "\"e2\"")
                        .withHeader("Content-Range", "bytes 0-4/5").withBody("01234")));
        wire.server.stubFor(get(urlPathEqualTo("/results/small.csv")).withHeader("Range", equalTo("bytes=8-15"))
                .willReturn(aResponse().withStatus(416)));
        ReadAheadBudget budget = new ReadAheadBudget(100 * PART);
        try (S3ObjectStream stream = new S3ObjectStream(wire.s3, "results", "small.csv", PART, AHEAD, 0, budget)) {
            stream.open();
            assertThat(budget.availableBytes()).isEqualTo(budget.capacityBytes());
            assertThat(WireMockS3.readAll(stream)).isEqualTo("01234");
        }
        assertThat(budget.availableBytes()).isEqualTo(budget.capacityBytes());
    }

    /** S3ReadAheadMB of one part: the stream never asks the budget, and reads as with no room. */
    @Test
    void aWindowOfOnePartTakesNothing() throws Exception {
        ReadAheadBudget budget = new ReadAheadBudget(100 * PART);
        try (S3ObjectStream stream = new S3ObjectStream(wire.s3, "results", "q.csv", PART, 1, 0, budget)) {
            stream.open();
            assertThat(budget.availableBytes()).isEqualTo(budget.capacityBytes());
            assertThat(WireMockS3.readAll(stream)).isEqualTo(OBJECT);
        }
    }
}
