package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.connecty.athena.jdbc.AthenaResultSet;
import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.control.FaultPlan;
import ai.connecty.athena.local.control.FaultRule;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The S3 row source end to end: it is chosen for results longer than a page, survives connections cut mid-body
 * without losing or repeating a row, falls back to GetQueryResults with a warning where S3 cannot serve the
 * file (and refuses with ResultFetcher=S3), and stops its downloads at once on cancel and close.
 */
@ExtendWith(LocalAthenaExtension.class)
class S3TransportTest {

    private static LocalAthena athena;

    /** 60,000 rows over several GetQueryResults pages; about 1.3 MB of CSV (Trino's sequence() stops at 10,000 entries). */
    private static final String ROWS = "SELECT n, n * 2 AS twice, CAST(n AS varchar) AS s, "
            + "CASE WHEN n % 7 = 0 THEN NULL WHEN n % 7 = 1 THEN '' ELSE 'v' || CAST(n AS varchar) END AS maybe "
            + "FROM (SELECT k * 10000 + m AS n FROM UNNEST(sequence(0, 5)) AS a(k) CROSS JOIN UNNEST(sequence(1, 10000)) AS b(m)) ORDER BY n";

    @AfterEach
    void clearFaults() {
        athena.faults().clear();
    }

    private record Read(long rows, long sum, long nulls, long empties, String transport, List<String> warnings) {
    }

    private static Read readAll(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            long rows = 0;
            long sum = 0;
            long nulls = 0;
            long empties = 0;
            long expected = 1;
            while (rs.next()) {
                long n = rs.getLong(1);
                // In order, each exactly once: a lost or repeated row breaks the sequence.
                assertThat(n).isEqualTo(expected++);
                assertThat(rs.getLong(2)).isEqualTo(2 * n);
                assertThat(rs.getString(3)).isEqualTo(Long.toString(n));
                String maybe = rs.getString(4);
                nulls += maybe == null ? 1 : 0;
                empties += "".equals(maybe) ? 1 : 0;
                rows++;
                sum += n;
            }
            List<String> warnings = new ArrayList<>();
            for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
                warnings.add(w.getMessage());
            }
            return new Read(rows, sum, nulls, empties, rs.unwrap(AthenaResultSet.class).getResultTransport(), warnings);
        }
    }

    private static void assertAllRows(Read read) {
        assertThat(read.rows()).isEqualTo(60000);
        assertThat(read.sum()).isEqualTo(60000L * 60001 / 2);
        assertThat(read.nulls()).isEqualTo(60000 / 7);
        assertThat(read.empties()).isEqualTo(60000 / 7 + 1);
    }

    @Test
    void autoReadsAResultLongerThanAPageFromS3AndAShortOneFromItsFirstPage() throws SQLException {
        athena.requestLog().clear();
        try (Connection c = Connections.connectyUser(athena)) {
            Read read = readAll(c, ROWS);
            assertAllRows(read);
            assertThat(read.transport()).isEqualTo("S3");
            assertThat(read.warnings()).isEmpty();
            // The first page gave the column types; every row came from the file.
            assertThat(athena.requestLog().count("athena", "GetQueryResults")).isEqualTo(1);
            // One GET of the file, and the early GET of its second part, which a file of one part answers 416.
            assertThat(athena.requestLog().entries()).filteredOn(e -> e.action().equals("GetObject"))
                    .extracting(e -> e.status()).containsExactlyInAnyOrder(206, 416);

            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
                assertThat(rs.unwrap(AthenaResultSet.class).getResultTransport()).isEqualTo("GetQueryResults");
                assertThat(rs.next()).isTrue();
            }
        }
    }

    /**
     * A SQL client's preview: Statement.setMaxRows within the first page reads that page only (no S3 GET, no second
     * GetQueryResults); one row beyond it reads the file as before.
     */
    @Test
    void aRowLimitWithinTheFirstPageReadsOnlyThatPage() throws SQLException {
        try (Connection c = Connections.connectyUser(athena); Statement s = c.createStatement()) {
            s.setMaxRows(200);
            athena.requestLog().clear();
            try (ResultSet rs = s.executeQuery(ROWS)) {
                assertThat(rs.unwrap(AthenaResultSet.class).getResultTransport()).isEqualTo("GetQueryResults");
                long rows = 0;
                while (rs.next()) {
                    assertThat(rs.getLong(1)).isEqualTo(++rows);
                }
                assertThat(rows).isEqualTo(200);
            }
            assertThat(athena.requestLog().count("athena", "GetQueryResults")).isEqualTo(1);
            assertThat(athena.requestLog().count("s3", "GetObject")).isZero();

            s.setMaxRows(1000);
            try (ResultSet rs = s.executeQuery(ROWS)) {
                assertThat(rs.unwrap(AthenaResultSet.class).getResultTransport()).as("1,000 rows: more than the first "
                        + "page's 999 after its header row").isEqualTo("S3");
            }
        }
    }

    @Test
    void connectionsCutMidBodyResumeWithRangeAndIfMatchWithoutLosingOrRepeatingARow() throws SQLException {
        athena.requestLog().clear();
        athena.faults().set(FaultPlan.of(1, FaultRule.forAction("s3", "GetObject").withDropAfterBytes(200_000)));
        try (Connection c = Connections.connectyUser(athena)) {
            Read read = readAll(c, ROWS);
            assertAllRows(read);
            assertThat(read.transport()).isEqualTo("S3");
        }
        // Every GET was cut after 200,000 bytes, so the file took several resumed GETs.
        assertThat(athena.requestLog().count("s3", "GetObject")).isGreaterThanOrEqualTo(6);
    }

    @Test
    void aResultFileReplacedWhileItIsReadFailsInsteadOfMixingTwoFiles() throws Exception {
        try (Connection c = Connections.connectyUser(athena); Statement s = c.createStatement()) {
            // Every GET waits 500 ms in athena-local before it looks at the file: the parts after the first are
            // then checked (If-Match) against the replaced file.
            athena.faults().set(FaultPlan.of(1, FaultRule.forAction("s3", "GetObject").withLatencyMillis(500)));
            ResultSet rs = s.executeQuery(LARGE);
            String id = rs.unwrap(AthenaResultSet.class).getQueryExecutionId();
            athena.buckets().put(LocalAthena.RESULTS_BUCKET, id + ".csv", "\"n\",\"pad\"\n\"1\",\"x\"\n".getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
            SQLException e = catchThrowableOfType(SQLException.class, () -> {
                while (rs.next()) {
                    // the first part, read before the file changed, is whole; then the change shows
                }
            });
            assertThat((Throwable) e).isNotNull();
            assertThat(e.getMessage()).contains("changed while it was read").contains(id + ".csv");
            rs.close();
        }
    }

    @Test
    void cseKmsResultsFallBackToGetQueryResultsWithAWarningOrFailWithResultFetcherS3() throws SQLException {
        String kms = "EncryptionOption=CSE_KMS;KmsKey=arn:aws:kms:us-east-1:123456789012:key/abcd";
        try (Connection c = Connections.connectyUser(athena, kms)) {
            Read read = readAll(c, ROWS);
            assertAllRows(read);
            assertThat(read.transport()).isEqualTo("GetQueryResults");
            assertThat(read.warnings()).singleElement().asString().contains("CSE_KMS").contains("GetQueryResults");
        }
        try (Connection c = Connections.connectyUser(athena, kms, "ResultFetcher=S3"); Statement s = c.createStatement()) {
            SQLException e = catchThrowableOfType(SQLException.class, () -> s.executeQuery(ROWS));
            assertThat((Throwable) e).isNotNull();
            assertThat(e.getMessage()).contains("ResultFetcher=S3").contains("CSE_KMS").contains("ResultFetcher=auto");
        }
    }

    @Test
    void managedQueryResultsFallBackToGetQueryResultsWithAWarning() throws SQLException {
        try (Connection c = Connections.admin(athena, "WorkGroup=managed")) {
            Read read = readAll(c, ROWS);
            assertAllRows(read);
            assertThat(read.transport()).isEqualTo("GetQueryResults");
            assertThat(read.warnings()).singleElement().asString().contains("managed");
        }
    }

    @Test
    void anIdentityWithoutS3GetObjectOnTheOutputFallsBackWithAWarningOrFailsWithResultFetcherS3(
            @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        try (LocalAthena denied = LocalAthena.builder().port(0).dataDir(dir.resolve("data")).demoData(false)
                .identities(identitiesWithoutResultsRead(dir)).build().start()) {
            denied.awaitReady(java.time.Duration.ofMinutes(2));
            try (Connection c = Connections.connectyUser(denied)) {
                Read read = readAll(c, ROWS);
                assertAllRows(read);
                assertThat(read.transport()).isEqualTo("GetQueryResults");
                assertThat(read.warnings()).singleElement().asString().contains("denied").contains("s3:GetObject");
                // The next query of the connection would be denied too: it reads through the API without asking S3.
                long gets = denied.requestLog().count("s3", "GetObject");
                Read again = readAll(c, ROWS);
                assertAllRows(again);
                assertThat(again.transport()).isEqualTo("GetQueryResults");
                assertThat(denied.requestLog().count("s3", "GetObject")).isEqualTo(gets);
                assertThat(again.warnings()).singleElement().asString().contains("failed on this connection")
                        .contains("s3:GetObject").contains("5 minutes");
            }
            try (Connection c = Connections.connectyUser(denied, "ResultFetcher=S3"); Statement s = c.createStatement()) {
                SQLException e = catchThrowableOfType(SQLException.class, () -> s.executeQuery(ROWS));
                assertThat((Throwable) e).isNotNull();
                assertThat(e.getSQLState()).isEqualTo("42501");
                assertThat(e.getMessage()).contains("s3:GetObject").contains("s3://athena-results/");
            }
        }
    }

    /** The guide's identities with s3:GetObject taken off the results bucket (PutObject stays: Athena writes there). */
    private static Path identitiesWithoutResultsRead(Path dir) throws IOException {
        String json;
        try (var in = LocalAthena.class.getResourceAsStream("/ai/connecty/athena/local/auth/default-identities.json")) {
            json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode root = mapper.readTree(json);
        for (com.fasterxml.jackson.databind.JsonNode role : root.path("roles")) {
            for (com.fasterxml.jackson.databind.JsonNode policy : role.path("policies")) {
                for (com.fasterxml.jackson.databind.JsonNode statement : policy.path("Statement")) {
                    if ("arn:aws:s3:::athena-results/*".equals(statement.path("Resource").asText())) {
                        ((com.fasterxml.jackson.databind.node.ObjectNode) statement).putArray("Action").add("s3:PutObject");
                    }
                }
            }
        }
        Path file = dir.resolve("identities.json");
        Files.writeString(file, mapper.writeValueAsString(root));
        return file;
    }

    /** About 25 MB of CSV: several 8 MiB parts, downloaded in parallel. */
    private static final String LARGE = "SELECT n, rpad(CAST(n AS varchar), 100, 'x') AS pad "
            + "FROM (SELECT k * 10000 + m AS n FROM UNNEST(sequence(0, 22)) AS a(k) CROSS JOIN UNNEST(sequence(1, 10000)) AS b(m)) ORDER BY n";

    /**
     * A file of several parts, each GET cut after 3 MB: parts resume into arrays reused from parts read before
     * (the last part is shorter than the array it gets), and every row still arrives once, in order, intact.
     */
    @Test
    void aMultiPartFileCutRepeatedlyReadsEveryRowOnceIntoReusedPartBuffers() throws SQLException {
        athena.requestLog().clear();
        athena.faults().set(FaultPlan.of(1, FaultRule.forAction("s3", "GetObject").withDropAfterBytes(3_000_000)));
        try (Connection c = Connections.connectyUser(athena, "ResultFetcher=S3");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(LARGE)) {
            long expected = 0;
            while (rs.next()) {
                expected++;
                assertThat(rs.getLong(1)).isEqualTo(expected);
                String pad = rs.getString(2);
                assertThat(pad).hasSize(100).startsWith(Long.toString(expected)).endsWith("x");
            }
            assertThat(expected).isEqualTo(230000);
        }
        // About 25 MB in parts of 8 MiB, each GET cut after 3 MB: at least 9 GETs.
        assertThat(athena.requestLog().count("s3", "GetObject")).isGreaterThanOrEqualTo(9);
    }

    @Test
    void cancelAndCloseDuringTheDownloadStopItAtOnceLeavingNoThreadOrSocket() throws Exception {
        try (Connection c = Connections.connectyUser(athena, "EnableResultReuseByAge=true")) {
            long baselineSockets = clientSockets();
            for (int round = 0; round < 4; round++) {
                // Each ranged GET after the first waits 300 ms in athena-local, so parts are in flight when we stop.
                athena.faults().set(FaultPlan.of(1, FaultRule.forAction("s3", "GetObject").withLatencyMillis(300)));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(LARGE);
                assertThat(rs.unwrap(AthenaResultSet.class).getResultTransport()).isEqualTo("S3");
                assertThat(rs.next()).isTrue();
                assertThat(s3Threads()).isPositive();
                if (round % 2 == 0) {
                    s.cancel();
                    SQLException e = catchThrowableOfType(SQLException.class, () -> {
                        while (rs.next()) {
                            // the rows already downloaded may still be read; then the cancel shows
                        }
                    });
                    assertThat((Throwable) e).isNotNull();
                    assertThat(e.getSQLState()).isEqualTo("57014");
                } else {
                    rs.close();
                }
                s.close();
                awaitNoS3Threads();
                athena.faults().clear();
            }
            // 4 rounds x 3 aborted parts would leave a dozen sockets open if an aborted GET kept its connection;
            // the connection must also still read a whole result afterwards.
            Read read = readAll(c, ROWS);
            assertAllRows(read);
            assertThat(clientSockets()).isLessThanOrEqualTo(baselineSockets + 6);
        }
    }

    /**
     * cancel() while executeQuery is past the query's end but still opening its rows (the first S3 GET held 2 s by
     * athena-local): it used to reach nothing, and every row was handed out. Now executeQuery fails with 57014.
     */
    @Test
    void aCancelWhileTheFirstS3GetIsUnderWayFailsTheQueryInsteadOfHandingOutItsRows() throws Exception {
        athena.requestLog().clear();
        try (Connection c = Connections.connectyUser(athena, "ResultFetcher=S3"); Statement s = c.createStatement()) {
            athena.faults().set(FaultPlan.of(1, FaultRule.forAction("s3", "GetObject").withLatencyMillis(2000)));
            Thread canceller = new Thread(() -> {
                try {
                    // GetQueryResults (the first page) is logged as it is answered; the S3 GET comes right after.
                    // Bounded, so that a query that fails before its first page ends the test instead of hanging it.
                    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
                    while (athena.requestLog().count("athena", "GetQueryResults") == 0) {
                        if (System.nanoTime() > deadline) {
                            return;
                        }
                        Thread.sleep(5);
                    }
                    Thread.sleep(200);
                    s.cancel();
                } catch (InterruptedException | SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            canceller.start();
            SQLException e = catchThrowableOfType(SQLException.class, () -> s.executeQuery(ROWS));
            canceller.join();
            assertThat((Throwable) e).as("executeQuery handed out the rows of a cancelled statement").isNotNull();
            assertThat(e.getSQLState()).isEqualTo("57014");
            assertThat(e.getMessage()).contains("Statement.cancel()").contains("discarded");
            athena.faults().clear();
            awaitNoS3Threads();
            // The statement runs the next query as usual.
            assertThat(readAll(c, ROWS).rows()).isEqualTo(60000);
        }
    }

    /**
     * Connection.setNetworkTimeout bounds the S3 GETs as it bounds the Athena calls: an answer later than the timeout
     * (athena-local holds every GetObject 4 s) is given up after the retries, and auto reads through the API with a
     * warning, where it used to wait out each GET; ResultFetcher=S3 fails with a transient network error.
     */
    @Test
    void theNetworkTimeoutBoundsTheS3Gets() throws Exception {
        athena.faults().set(FaultPlan.of(1, FaultRule.forAction("s3", "GetObject").withLatencyMillis(4000)));
        try (Connection c = Connections.connectyUser(athena, "NumRetries=1")) {
            c.setNetworkTimeout(Runnable::run, 1000);
            Read read = readAll(c, ROWS);
            assertAllRows(read);
            assertThat(read.transport()).isEqualTo("GetQueryResults");
            assertThat(read.warnings()).singleElement().asString().contains("did not complete before the specified timeout");
        }
        try (Connection c = Connections.connectyUser(athena, "NumRetries=1", "ResultFetcher=S3");
             Statement s = c.createStatement()) {
            c.setNetworkTimeout(Runnable::run, 1000);
            SQLException e = catchThrowableOfType(SQLException.class, () -> s.executeQuery(ROWS));
            assertThat((Throwable) e).isNotNull();
            assertThat(e.getSQLState()).isEqualTo("58030");
        }
        athena.faults().clear();
        awaitNoS3Threads();
    }

    /** A result set kept open by getMoreResults(KEEP_CURRENT_RESULT) is still the statement's: cancel() stops it too. */
    @Test
    void cancelStopsTheReadingOfAResultSetKeptOpenByGetMoreResults() throws Exception {
        try (Connection c = Connections.connectyUser(athena, "EnableResultReuseByAge=true");
             Statement s = c.createStatement()) {
            athena.faults().set(FaultPlan.of(1, FaultRule.forAction("s3", "GetObject").withLatencyMillis(300)));
            ResultSet rs = s.executeQuery(LARGE);
            assertThat(rs.unwrap(AthenaResultSet.class).getResultTransport()).isEqualTo("S3");
            assertThat(rs.next()).isTrue();
            assertThat(s.getMoreResults(Statement.KEEP_CURRENT_RESULT)).isFalse();
            s.cancel();
            SQLException e = catchThrowableOfType(SQLException.class, () -> {
                while (rs.next()) {
                    // the rows already downloaded may still be read; then the cancel shows
                }
            });
            assertThat((Throwable) e).as("the kept result set read to its end after cancel()").isNotNull();
            assertThat(e.getSQLState()).isEqualTo("57014");
            athena.faults().clear();
            awaitNoS3Threads();
        }
    }

    private static long s3Threads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("connecty-athena-s3-") && t.isAlive()).count();
    }

    private static void awaitNoS3Threads() throws InterruptedException {
        // A thread waiting for response headers ends when they arrive (it then aborts the response).
        for (int i = 0; i < 500 && s3Threads() > 0; i++) {
            Thread.sleep(10);
        }
        assertThat(s3Threads()).as("S3 download threads left after stopping").isZero();
    }

    /** Established TCP connections from this JVM's host to athena-local's port (Linux /proc; 0 elsewhere). */
    private static long clientSockets() throws IOException {
        String port = String.format(Locale.ROOT, "%04X", athena.port());
        long count = 0;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.exists(path)) {
                continue;
            }
            for (String line : Files.readAllLines(path)) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 3 && f[2].endsWith(":" + port) && f[3].equals("01")) {
                    count++;
                }
            }
        }
        return count;
    }
}
