package ai.connecty.athena.jdbc.rows;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ai.connecty.athena.jdbc.results.ColumnSpec;
import ai.connecty.athena.jdbc.results.TextRow;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;

/**
 * The parser thread of {@link S3RowSource} against the application's calls: rows reach the reader while the file
 * is still downloading, and cancel(), close() and an interrupt of the reading thread stop the parsing whatever it
 * is waiting for (a part not yet downloaded, or room in a hand-over queue the reader no longer empties), so that
 * no thread is left behind and no later next() answers rows of a closed result.
 */
class S3RowSourceLifecycleTest {
    /** Large parts of short rows: one part holds about a hundred batches, so the hand-over queue fills from it. */
    private static final int PART = 1024 * 1024;
    private static final int ROWS = 200_000;
    private static final List<ColumnSpec> COLUMNS = List.of(new ColumnSpec("n", "integer"));

    private final byte[] file = file();
    private final WireMockS3.HeldRequests held = new WireMockS3.HeldRequests(Apache5HttpClient.create());
    private final WireMockS3 wire = new WireMockS3(held);

    private static byte[] file() {
        StringBuilder csv = new StringBuilder("\"n\"\n");
        for (int n = 1; n <= ROWS; n++) {
            csv.append('"').append(n).append("\"\n");
        }
        return csv.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private S3RowSource open() throws Exception {
        wire.serveParts(file, PART);
        S3ObjectStream stream = new S3ObjectStream(wire.s3, "results", "q.csv", PART, 2);
        stream.open();
        return new S3RowSource(COLUMNS, stream);
    }

    /** The second part's GET, which the tests that need a reader waiting for rows hold back. */
    private void holdSecondPart() {
        held.hold("bytes=" + PART + "-" + (Math.min(file.length, 2 * PART) - 1));
    }

    @AfterEach
    void stop() {
        held.release.countDown();
        wire.close();
    }

    private static Set<Thread> parserThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("connecty-athena-s3-parse-") && t.isAlive()).collect(Collectors.toSet());
    }

    /** Waits up to 30 s for {@code thread} to end, and answers whether it did. */
    private static boolean ended(Thread thread) throws InterruptedException {
        thread.join(30_000);
        return !thread.isAlive();
    }

    /** Waits up to 30 s for {@code condition}; answers whether it held. */
    private static boolean await(BooleanSupplier condition) throws InterruptedException {
        // Answers the check that held, not a second one: a reader between two timed polls is briefly not waiting.
        for (int i = 0; i < 3000; i++) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    /** Whether {@code thread} waits within {@code method} of {@code type} (a queue's put, poll). */
    private static boolean waitsIn(Thread thread, Class<?> type, String method) {
        Thread.State state = thread.getState();
        return (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING)
                && Arrays.stream(thread.getStackTrace())
                        .anyMatch(f -> f.getClassName().equals(type.getName()) && f.getMethodName().equals(method));
    }

    private Thread newParserOf(Set<Thread> before) {
        Set<Thread> started = parserThreads();
        started.removeAll(before);
        assertThat(started).as("the source's parser thread").hasSize(1);
        return started.iterator().next();
    }

    /**
     * The reader never empties the queue again: a parser waiting for room would wait for ever after cancel() unless
     * cancel() wakes it, and the reader learns of the cancel, not of the rows still queued.
     */
    @Test
    void cancelEndsAParserWaitingForRoomAndLaterReadsFailAsCancelled() throws Exception {
        Set<Thread> before = parserThreads();
        try (S3RowSource source = open()) {
            assertThat(source.transport()).isEqualTo("S3");
            assertThat(source.columns()).isEqualTo(COLUMNS);
            Thread parser = newParserOf(before);
            assertThat(parser.isDaemon()).as("a parser thread must not keep the JVM alive").isTrue();
            TextRow first = assertTimeoutPreemptively(Duration.ofSeconds(60), source::next);
            assertThat(first.text(0)).isEqualTo("1");
            assertThat(await(() -> waitsIn(parser, ArrayBlockingQueue.class, "put")))
                    .as("the parser fills the queue and waits for room").isTrue();

            source.cancel();

            assertThat(ended(parser)).as("the parser thread is left waiting for room after cancel()").isTrue();
            SQLException e = catchThrowableOfType(SQLException.class, source::next);
            assertThat((Throwable) e).as("next() after cancel() answered a row").isNotNull();
            assertThat(e.getSQLState()).isEqualTo("57014");
            assertThat(e.getMessage()).contains("cancelled by Statement.cancel()");
        }
        assertThat(WireMockS3.awaitDownloadThreadsEnded()).isZero();
    }

    /** As cancel(): close() ends a parser that waits for room, and rows queued are no longer answered. */
    @Test
    void closeEndsAParserWaitingForRoomAndLaterReadsFailAsClosed() throws Exception {
        Set<Thread> before = parserThreads();
        S3RowSource source = open();
        Thread parser = newParserOf(before);
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(60), source::next).text(0)).isEqualTo("1");
        assertThat(await(() -> waitsIn(parser, ArrayBlockingQueue.class, "put"))).isTrue();

        source.close();

        assertThat(ended(parser)).as("the parser thread is left parsing after close()").isTrue();
        SQLException e = catchThrowableOfType(SQLException.class, source::next);
        assertThat((Throwable) e).as("next() after close() answered a row").isNotNull();
        assertThat(e.getSQLState()).isEqualTo("55000");
        assertThat(WireMockS3.awaitDownloadThreadsEnded()).isZero();
    }

    /**
     * Rows are handed over as the file downloads: the first ones reach a reader while a later part has not been
     * answered yet. cancel() from another thread then wakes the reader that waits for the rest.
     */
    @Test
    void rowsArriveBeforeTheFileEndsAndCancelWakesAReaderWaitingForMore() throws Exception {
        holdSecondPart();
        Set<Thread> before = parserThreads();
        AtomicLong read = new AtomicLong();
        AtomicReference<Object> outcome = new AtomicReference<>();
        try (S3RowSource source = open()) {
            Thread parser = newParserOf(before);
            Thread reader = new Thread(() -> {
                try {
                    for (TextRow row = source.next(); row != null; row = source.next()) {
                        if (!row.text(0).equals(Long.toString(read.incrementAndGet()))) {
                            outcome.set("row " + read.get() + " read as " + row.text(0));
                            return;
                        }
                    }
                    outcome.set("the rows ended");
                } catch (SQLException e) {
                    outcome.set(e);
                }
            }, "test-reader");
            reader.setDaemon(true);
            reader.start();
            assertThat(held.reached.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(await(() -> read.get() > 0)).as("no row reached the reader before the file's end").isTrue();
            assertThat(await(() -> waitsIn(parser, S3ObjectStream.class, "fill"))).as("the parser waits for the part").isTrue();
            assertThat(await(() -> waitsIn(reader, ArrayBlockingQueue.class, "poll"))).isTrue();
            assertThat(read.get()).as("rows read while the second part is held").isLessThan(ROWS);
            assertThat(outcome.get()).as("the reader ended before the second part came").isNull();

            source.cancel();

            assertThat(ended(reader)).as("a reader waiting for rows was not woken by cancel()").isTrue();
            assertThat(outcome.get()).isInstanceOf(SQLException.class);
            assertThat(((SQLException) outcome.get()).getSQLState()).isEqualTo("57014");
            assertThat(ended(parser)).isTrue();
        }
    }

    /**
     * An interrupt of the thread that reads (an application shutting down its workers) fails the read as cancelled,
     * keeps the interrupt for the caller to see, and closes the source: its threads end and it reads no more.
     */
    @Test
    void anInterruptedReaderFailsKeepsItsInterruptAndClosesTheSource() throws Exception {
        holdSecondPart();
        Set<Thread> before = parserThreads();
        AtomicReference<SQLException> failure = new AtomicReference<>();
        AtomicReference<SQLException> after = new AtomicReference<>();
        AtomicReference<Boolean> interrupted = new AtomicReference<>();
        try (S3RowSource source = open()) {
            Thread parser = newParserOf(before);
            Thread reader = new Thread(() -> {
                try {
                    while (source.next() != null) {
                        // to the interrupt
                    }
                } catch (SQLException e) {
                    failure.set(e);
                    interrupted.set(Thread.currentThread().isInterrupted());
                    Thread.interrupted();
                    after.set(catchThrowableOfType(SQLException.class, source::next));
                }
            }, "test-reader");
            reader.setDaemon(true);
            reader.start();
            assertThat(held.reached.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(await(() -> waitsIn(reader, ArrayBlockingQueue.class, "poll"))).isTrue();

            reader.interrupt();

            assertThat(ended(reader)).as("an interrupted reader went on waiting").isTrue();
            assertThat((Throwable) failure.get()).isNotNull();
            assertThat(failure.get().getSQLState()).isEqualTo("57014");
            assertThat(failure.get().getMessage()).contains("interrupted");
            assertThat(interrupted.get()).as("the reader's interrupt was swallowed").isTrue();
            assertThat((Throwable) after.get()).as("next() after the interrupt").isNotNull();
            assertThat(after.get().getSQLState()).as("the source was not closed").isEqualTo("55000");
            assertThat(ended(parser)).isTrue();
        }
    }
}
