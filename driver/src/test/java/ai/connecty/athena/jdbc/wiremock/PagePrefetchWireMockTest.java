package ai.connecty.athena.jdbc.wiremock;

import static ai.connecty.athena.jdbc.wiremock.AthenaWire.ID;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.column;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.error;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.execution;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.json;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.operation;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.page;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.row;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.started;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.connecty.athena.jdbc.AthenaConnection;
import ai.connecty.athena.jdbc.TestConnections;
import ai.connecty.athena.jdbc.execution.AthenaQueryClient;
import ai.connecty.athena.jdbc.execution.PollingClock;
import ai.connecty.athena.jdbc.execution.PollingSchedule;
import ai.connecty.athena.jdbc.execution.QuerySettings;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;

/**
 * Result pages are fetched one page ahead of the reader: rows keep their order, errors wait for the reader,
 * close cancels the fetch under way, and no more than one page is ever requested ahead. Timing is never
 * measured: a response held by the test ({@link HeldResponse}) and the request journal stand in for the clock.
 */
class PagePrefetchWireMockTest {
    private static final String PREFETCH_THREAD = "connecty-athena-prefetch-";
    private static final int PAGES = 5;
    private static final int ROWS_PER_PAGE = 3;
    private static final HeldResponse HELD = new HeldResponse();
    @RegisterExtension
    static final WireMockExtension wire = HeldResponse.server(HELD);
    private AthenaClient athena;
    private AthenaQueryClient queryClient;
    private Connection connection;
    private Set<Thread> threadsBefore;

    @BeforeEach
    void connect() {
        HELD.reset();
        threadsBefore = Thread.getAllStackTraces().keySet();
        athena = AthenaClient.builder()
                .endpointOverride(URI.create(wire.baseUrl()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .build();
        QuerySettings settings = QuerySettings.builder().outputLocation("s3://results/prefix/")
                .pollingSchedule(new PollingSchedule(5, 20, 2.0)).build();
        queryClient = new AthenaQueryClient(athena, settings);
        connection = TestConnections.withQueryClient(queryClient, PollingClock.SYSTEM);
        wire.stubFor(operation("StartQueryExecution").willReturn(json(started())));
        wire.stubFor(operation("GetQueryExecution").willReturn(json(execution("SUCCEEDED", "DML", "SELECT"))));
    }

    @AfterEach
    void close() throws SQLException {
        HELD.release.countDown();
        connection.close();
        athena.close();
    }

    // ---- the stubbed query: PAGES pages of ROWS_PER_PAGE rows, 1, 2, 3 ... ------------------------------

    /** Token of page {@code n} (0-based); the first page is asked for without one. */
    private static String token(int n) {
        return n == 0 ? null : "t" + n;
    }

    private static String pageBody(int n) {
        List<String> rows = new ArrayList<>();
        if (n == 0) {
            rows.add(row("n"));
        }
        for (int i = 1; i <= ROWS_PER_PAGE; i++) {
            rows.add(row(String.valueOf(n * ROWS_PER_PAGE + i)));
        }
        return page(Collections.singletonList(column("n", "integer")), rows, n + 1 < PAGES ? token(n + 1) : null, 0L);
    }

    private static void stubPage(int n, ResponseDefinitionBuilder response) {
        wire.stubFor(operation("GetQueryResults")
                .withRequestBody(matchingJsonPath("$.NextToken", n == 0 ? absent() : equalTo(token(n))))
                .willReturn(response));
    }

    private static void stubAllPages() {
        for (int n = 0; n < PAGES; n++) {
            stubPage(n, json(pageBody(n)));
        }
    }

    private static List<LoggedRequest> pageRequests(int n) {
        return wire.findAll(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonAthena.GetQueryResults"))
                .withRequestBody(matchingJsonPath("$.NextToken", n == 0 ? absent() : equalTo(token(n)))));
    }

    private static int allPageRequests() {
        return wire.findAll(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonAthena.GetQueryResults"))).size();
    }

    private static List<Integer> expectedRows(int count) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            rows.add(i);
        }
        return rows;
    }

    // ---- tests -----------------------------------------------------------------------------------------

    @Test
    void slowPagesKeepTheirOrderAndEveryRowComesOnce() throws SQLException {
        int[] delays = {0, 60, 5, 40, 20};
        for (int n = 0; n < PAGES; n++) {
            stubPage(n, json(pageBody(n)).withFixedDelay(delays[n]));
        }

        List<Integer> seen = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT n FROM t")) {
            while (rs.next()) {
                seen.add(rs.getInt(1));
            }
        }

        assertThat(seen).containsExactlyElementsOf(expectedRows(PAGES * ROWS_PER_PAGE));
        for (int n = 0; n < PAGES; n++) {
            assertThat(pageRequests(n)).as("requests of page %d", n).hasSize(1);
        }
        assertThat(allPageRequests()).isEqualTo(PAGES);
    }

    @Test
    void onlyOnePageIsRequestedAheadOfTheReader() throws Exception {
        stubAllPages();

        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT n FROM t")) {
            assertThat(rs.next()).isTrue();
            awaitFetchedAhead(1);
            assertThat(pageRequests(1)).as("page 2 fetched ahead while the reader is on page 1").hasSize(1);
            assertThat(pageRequests(2)).as("page 3 while the reader is on page 1").isEmpty();

            for (int i = 0; i < ROWS_PER_PAGE; i++) {
                assertThat(rs.next()).isTrue();
            }
            assertThat(rs.getInt(1)).isEqualTo(ROWS_PER_PAGE + 1);
            awaitFetchedAhead(2);
            assertThat(pageRequests(2)).as("page 3 fetched ahead while the reader is on page 2").hasSize(1);
            assertThat(pageRequests(3)).as("page 4 while the reader is on page 2").isEmpty();
        }
    }

    @Test
    void fetchSizeChangeAppliesFromTheNextRequestIssued() throws SQLException {
        stubAllPages();

        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT n FROM t")) {
            assertThat(rs.next()).isTrue();
            rs.setFetchSize(2);
            while (rs.next()) {
                // read to the end
            }
        }

        assertThat(pageRequests(1).get(0).getBodyAsString()).as("already under way").contains("\"MaxResults\":1000");
        for (int n = 2; n < PAGES; n++) {
            assertThat(pageRequests(n).get(0).getBodyAsString()).contains("\"MaxResults\":2");
        }
    }

    @Test
    void serverErrorOfAPageFetchedAheadIsRaisedWhenTheReaderGetsToThatPage() throws Exception {
        stubPage(0, json(pageBody(0)));
        stubPage(1, aResponse().withStatus(500).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withHeader("x-amzn-RequestId", "33333333-0000-4000-8000-000000000000")
                .withBody("{\"__type\":\"InternalServerException\",\"Message\":\"We encountered an internal error.\"}"));

        assertFailsAtTheFirstRowOf(1);
    }

    @Test
    void refusedPageFetchedAheadIsRaisedWhenTheReaderGetsToThatPage() throws Exception {
        stubPage(0, json(pageBody(0)));
        stubPage(1, json(pageBody(1)));
        stubPage(2, error("InvalidRequestException", "Query has not yet finished. Current state: RUNNING", null));

        assertFailsAtTheFirstRowOf(2);
    }

    /** Reads every row before page {@code failingPage}, then expects the error a direct fetch of that page gives. */
    private void assertFailsAtTheFirstRowOf(int failingPage) throws Exception {
        List<Integer> seen = new ArrayList<>();
        SQLException failure;
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT n FROM t")) {
            for (int i = 0; i < failingPage * ROWS_PER_PAGE; i++) {
                assertThat(rs.next()).isTrue();
                seen.add(rs.getInt(1));
                if (i == (failingPage - 1) * ROWS_PER_PAGE) {
                    awaitFetchedAhead(failingPage); // it has failed; the rows before it must still come
                }
            }
            failure = catchThrowableOfType(SQLException.class, rs::next);
        }

        assertThat(seen).containsExactlyElementsOf(expectedRows(failingPage * ROWS_PER_PAGE));
        SQLException direct = catchThrowableOfType(SQLException.class,
                () -> queryClient.fetchPage(ID, token(failingPage), 1000));
        assertThat((Throwable) failure).isNotNull().isExactlyInstanceOf(direct.getClass()).hasMessage(direct.getMessage());
        assertThat(failure.getSQLState()).isEqualTo(direct.getSQLState());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // only against a hang: close must not wait for the held response
    void closingTheResultSetCancelsTheFetchUnderWayWithoutWaitingForIt() throws Exception {
        stubPagesWithTheSecondHeld();

        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT n FROM t");
        assertThat(rs.next()).isTrue();
        assertThat(HELD.arrived.await(30, TimeUnit.SECONDS)).as("page 2 requested ahead").isTrue();

        rs.close(); // returns while the response to the fetch under way is still held
        assertThat(HELD.release.getCount()).as("response still held when close returned").isEqualTo(1);
        HELD.release.countDown();
        connection.close();

        awaitNoPrefetchThreadLeft();
        assertThat(pageRequests(1)).hasSize(1);
        assertThat(pageRequests(2)).as("nothing requested after close").isEmpty();
        assertThat(allPageRequests()).isEqualTo(2);
        assertThat(statement.isClosed()).isTrue();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // only against a hang: close must not wait for the held response
    void closingTheConnectionDuringAFetchLeavesNoThreadAndNoFurtherRequest() throws Exception {
        stubPagesWithTheSecondHeld();

        ResultSet rs = connection.createStatement().executeQuery("SELECT n FROM t");
        assertThat(rs.next()).isTrue();
        assertThat(HELD.arrived.await(30, TimeUnit.SECONDS)).as("page 2 requested ahead").isTrue();

        connection.close();
        assertThat(HELD.release.getCount()).as("response still held when close returned").isEqualTo(1);
        assertThat(rs.isClosed()).isTrue();
        HELD.release.countDown();

        awaitNoPrefetchThreadLeft();
        assertThat(pageRequests(2)).as("nothing requested after close").isEmpty();
        assertThat(allPageRequests()).isEqualTo(2);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void cancelWhileTheReaderWaitsForThePageFetchedAheadFailsItsNextAtOnce() throws Exception {
        stubPagesWithTheSecondHeld();

        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT n FROM t");
        for (int i = 0; i < ROWS_PER_PAGE; i++) {
            assertThat(rs.next()).isTrue();
        }
        assertThat(HELD.arrived.await(30, TimeUnit.SECONDS)).as("page 2 requested ahead").isTrue();
        java.util.concurrent.CompletableFuture<Throwable> reader = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                rs.next();
                return null;
            } catch (Throwable e) {
                return e;
            }
        }, OwnThread.EACH_TASK);
        awaitTrue("the reader waits for page 2", () -> Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> Arrays.stream(t.getStackTrace()).anyMatch(frame -> frame.getMethodName().equals("nextPage"))));

        statement.cancel();
        // The held response is released only after the assertion: the cancel alone must end the reader's wait.
        Throwable failure = reader.get(20, TimeUnit.SECONDS);
        assertThat(HELD.release.getCount()).as("response still held when next() failed").isEqualTo(1);
        assertThat(failure).isInstanceOf(SQLException.class);
        assertThat(((SQLException) failure).getSQLState()).isEqualTo("57014");
    }

    /** Three pages; the answer to the second (the first fetched ahead) is held until the test releases it. */
    private static void stubPagesWithTheSecondHeld() {
        stubPage(0, json(pageBody(0)));
        stubPage(1, json(pageBody(1)).withTransformers(HeldResponse.NAME));
        stubPage(2, json(pageBody(2)));
    }

    // ---- waiting without a clock -----------------------------------------------------------------------

    /** Until page {@code n} has been requested and every fetch under way (retries included) has ended. */
    private static void awaitFetchedAhead(int n) throws InterruptedException {
        awaitTrue("page " + n + " requested", () -> !pageRequests(n).isEmpty());
        awaitPrefetchThreadsIdle();
    }

    /** Until every prefetch thread waits for work: once a fetch was journaled, its thread is past the hand-off. */
    private static void awaitPrefetchThreadsIdle() throws InterruptedException {
        awaitTrue("prefetch threads idle", () -> Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().startsWith(PREFETCH_THREAD))
                .allMatch(e -> Arrays.stream(e.getValue()).anyMatch(frame -> frame.getMethodName().equals("getTask"))));
    }

    private void awaitNoPrefetchThreadLeft() throws InterruptedException {
        awaitTrue("prefetch threads of the closed connection ended", () -> newPrefetchThreads().isEmpty());
        assertThat(newPrefetchThreads()).isEmpty();
    }

    private List<String> newPrefetchThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !threadsBefore.contains(t) && t.getName().startsWith(PREFETCH_THREAD))
                .map(Thread::getName)
                .collect(Collectors.toList());
    }

    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("still waiting for: %s", what).isNegative();
            Thread.sleep(5);
        }
    }
}
