package ai.connecty.athena.jdbc.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.jdbc.results.ColumnSpec;
import ai.connecty.athena.jdbc.results.TextRow;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.Row;

/**
 * GetQueryResults paging as the result set sees it, over pages served from memory: which row is the header, which
 * rows are tab-joined, which page is the last and what MaxResults each request asks for.
 */
class ApiRowSourceTest {
    private static final List<ColumnSpec> ONE = List.of(new ColumnSpec("n", "varchar"));
    private static final List<ColumnSpec> TWO = List.of(new ColumnSpec("a", "varchar"), new ColumnSpec("b", "varchar"));

    private final PrefetchThreads threads = new PrefetchThreads();
    /** The pages by token, and each request as "token/maxResults". */
    private final Map<String, GetQueryResultsResponse> pages = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final PageFetcher fetcher = (id, token, max) -> {
        requests.add(token + "/" + max);
        return pages.get(token);
    };

    @AfterEach
    void stop() {
        threads.shutdown();
    }

    private static Row row(String... values) {
        List<Datum> data = new ArrayList<>();
        for (String value : values) {
            data.add(Datum.builder().varCharValue(value).build());
        }
        return Row.builder().data(data).build();
    }

    private static GetQueryResultsResponse page(String nextToken, Row... rows) {
        return GetQueryResultsResponse.builder().nextToken(nextToken).resultSet(r -> r.rows(rows)).build();
    }

    /** Every row to the end, each as its values joined with "|" (NULL as "null"). */
    private static List<String> read(RowSource source) throws SQLException {
        List<String> rows = new ArrayList<>();
        for (TextRow row = source.next(); row != null; row = source.next()) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                values.add(String.valueOf(row.text(i)));
            }
            rows.add(String.join("|", values));
        }
        return rows;
    }

    @Test
    void theHeaderRowIsSkippedOnTheFirstPageOnly() throws SQLException {
        pages.put("t2", page(null, row("n"), row("3")));
        ApiRowSource source = new ApiRowSource(fetcher, threads, "q", ONE, page("t2", row("n"), row("1"), row("2")), true, 10);
        // "n" on the second page is a value that happens to read like the column name, not a header.
        assertThat(read(source)).containsExactly("1", "2", "n", "3");
    }

    @Test
    void aFirstPageWithoutRowsHasNoHeaderToSkip() throws SQLException {
        pages.put("t2", page(null, row("1")));
        ApiRowSource source = new ApiRowSource(fetcher, threads, "q", ONE, page("t2"), true, 10);
        assertThat(read(source)).containsExactly("1");
    }

    @Test
    void theFirstRowIsDataWhereAthenaSendsNoHeader() throws SQLException {
        ApiRowSource source = new ApiRowSource(fetcher, threads, "q", ONE, page(null, row("1"), row("2")), false, 10);
        assertThat(read(source)).containsExactly("1", "2");
        assertThat(requests).isEmpty();
    }

    @Test
    void emptyPagesAreSkippedAndAnEmptyTokenEndsTheResult() throws SQLException {
        // A full page carries a NextToken even when nothing follows; the call after it answers no rows.
        pages.put("t2", page("t3"));
        pages.put("t3", page("", row("2")));
        ApiRowSource source = new ApiRowSource(fetcher, threads, "q", ONE, page("t2", row("1")), false, 10);
        assertThat(read(source)).containsExactly("1", "2");
        assertThat(source.next()).isNull();
        assertThat(requests).containsExactly("t2/10", "t3/10");
    }

    @Test
    void aUtilityRowOfOneTabJoinedValueIsSplitIntoTheColumns() throws SQLException {
        ApiRowSource source = new ApiRowSource(fetcher, threads, "q", TWO,
                page(null, row("k\tv"), row("k\tv\twith tab"), row("alone"), row("x", "y"), row((String) null)), false, 10);
        // The last column keeps any further tab; a row with fewer values reads NULL for the rest in the result set.
        assertThat(read(source)).containsExactly("k|v", "k|v\twith tab", "alone", "x|y", "null");
    }

    @Test
    void aTabIsAValueWhereTheRowsAreNotJoined() throws SQLException {
        ApiRowSource oneColumn = new ApiRowSource(fetcher, threads, "q", ONE, page(null, row("a\tb")), false, 10);
        assertThat(read(oneColumn)).containsExactly("a\tb");
        // DML results (with a header row) send each column as its own Datum, tabs included.
        ApiRowSource withHeader = new ApiRowSource(fetcher, threads, "q", TWO,
                page(null, row("a", "b"), row("a\tb")), true, 10);
        assertThat(read(withHeader)).containsExactly("a\tb");
    }

    @Test
    void dataRowsLeavesTheHeaderOut() {
        assertThat(ApiRowSource.dataRows(page(null, row("n"), row("1")), true)).isEqualTo(1);
        assertThat(ApiRowSource.dataRows(page(null, row("n"), row("1")), false)).isEqualTo(2);
        assertThat(ApiRowSource.dataRows(page(null), true)).isZero();
        assertThat(ApiRowSource.dataRows(GetQueryResultsResponse.builder().build(), false)).isZero();
    }

    @Test
    void pageSizeIsTheFetchSizeWithinWhatAthenaAllows() {
        assertThat(Arrays.asList(ApiRowSource.pageSize(-1), ApiRowSource.pageSize(0), ApiRowSource.pageSize(1),
                ApiRowSource.pageSize(999), ApiRowSource.pageSize(1000), ApiRowSource.pageSize(1001)))
                .containsExactly(1000, 1000, 1, 999, 1000, 1000);
    }

    @Test
    void aPageWithoutAResultSetHasNoRows() throws SQLException {
        pages.put("t2", GetQueryResultsResponse.builder().build());
        ApiRowSource source = new ApiRowSource(fetcher, threads, "q", ONE, page("t2", row("n"), row("1")), true, 10);
        assertThat(read(source)).containsExactly("1");
    }

    @Test
    void withoutAThreadThePageIsFetchedByTheReaderWithTheFetchSizeOfTheMoment() throws SQLException {
        threads.shutdown();
        pages.put("t2", page("t3", row("2")));
        pages.put("t3", page(null, row("3")));
        ApiRowSource source = new ApiRowSource(fetcher, threads, "q", ONE, page("t2", row("1")), false, 10);
        assertThat(source.next().text(0)).isEqualTo("1");
        source.fetchSize(5);
        assertThat(source.next().text(0)).isEqualTo("2");
        source.fetchSize(0);
        assertThat(read(source)).containsExactly("3");
        assertThat(requests).containsExactly("t2/5", "t3/1000");
    }

    @Test
    void aSourceForTheFirstPageOnlyAsksForNoOtherPage() throws SQLException {
        pages.put("t2", page(null, row("2")));
        ApiRowSource source = new ApiRowSource(fetcher, threads, "q", ONE, page("t2", row("n"), row("1")), true, 10, true);
        assertThat(read(source)).containsExactly("1");
        assertThat(requests).isEmpty();
    }

    @Test
    void anUncheckedFailureOfThePageFetchedAheadIsRaisedUnchanged() throws SQLException {
        IllegalStateException failure = new IllegalStateException("malformed page");
        PageFetcher failing = (id, token, max) -> {
            throw failure;
        };
        ApiRowSource source = new ApiRowSource(failing, threads, "q", ONE, page("t2", row("1")), false, 10);
        assertThat(source.next().text(0)).isEqualTo("1");
        assertThatThrownBy(source::next).isSameAs(failure);
    }

    /** An interrupt of the reader waiting for a page ends the wait as a cancel (57014) and stays set. */
    @Test
    void anInterruptWhileWaitingForThePageFetchedAheadEndsTheWait() throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        PageFetcher held = (id, token, max) -> {
            asked.countDown();
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return page(null);
        };
        ApiRowSource source = new ApiRowSource(held, threads, "q", ONE, page("t2", row("1")), false, 10);
        assertThat(source.next().text(0)).isEqualTo("1");
        assertThat(asked.await(10, TimeUnit.SECONDS)).isTrue();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            Thread.currentThread().interrupt();
            try {
                source.next();
            } catch (Throwable e) {
                thrown.set(e);
            }
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        reader.start();
        reader.join(10_000);
        assertThat(reader.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(SQLException.class).hasMessageContaining("interrupted");
        assertThat(((SQLException) thrown.get()).getSQLState()).isEqualTo("57014");
        assertThat(stillInterrupted).isTrue();
        source.close();
    }
}
