package ai.connecty.athena.jdbc.rows;

import ai.connecty.athena.jdbc.errors.SqlState;
import ai.connecty.athena.jdbc.results.ColumnSpec;
import ai.connecty.athena.jdbc.results.TextRow;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.Row;

/**
 * The rows of a query, fetched page by page with GetQueryResults. Handles Athena's paging quirks: the header
 * row is the first row of the first page only; a full page carries a NextToken even when nothing follows, and
 * the next call returns no rows; UTILITY statements with several columns send each row as one tab-joined
 * value, which is split back into the columns.
 *
 * <p>Each GetQueryResults call takes a round trip the application would otherwise wait for at every page end,
 * so as soon as a page arrives with a NextToken the next page is requested on a thread of the connection, and
 * handed over when the reader gets to the end of the current one. Exactly one page ahead: memory stays at two
 * pages however slow the reader. A failed fetch ahead is rethrown, unchanged, only when the reader gets to
 * that page, as if it had been fetched then; {@link #close()} cancels a fetch under way without waiting for
 * it. Without a thread (the connection is closing) the page is fetched in the reader's thread, as it comes.
 */
public final class ApiRowSource implements RowSource {
    /** GetQueryResults accepts at most 1000 rows per page. */
    public static final int MAX_PAGE_SIZE = 1000;

    private final PageFetcher client;
    private final List<ColumnSpec> columns;
    private final PrefetchThreads prefetchThreads;
    private final String queryExecutionId;
    private final int columnCount;
    private final boolean splitJoinedRows;
    private List<Row> page;
    private int index;
    /** The token of the page after this one; null or empty after the last page. */
    private String nextToken;
    /** The fetch of the page after this one, under way or done; guarded by this. */
    private Future<GetQueryResultsResponse> ahead;
    private boolean closed;
    private volatile boolean cancelled;
    private volatile int pageSize;

    /**
     * @param firstPage     the page the query's outcome was read from (its column types, its update count)
     * @param skipHeaderRow whether Athena sent the column names as the first row (DML and SHOW FUNCTIONS)
     */
    public ApiRowSource(PageFetcher client, PrefetchThreads prefetchThreads, String queryExecutionId,
                        List<ColumnSpec> columns, GetQueryResultsResponse firstPage, boolean skipHeaderRow, int pageSize) {
        this(client, prefetchThreads, queryExecutionId, columns, firstPage, skipHeaderRow, pageSize, false);
    }

    /**
     * @param firstPageOnly the reader wants no row beyond the first page (Statement.setMaxRows within it): no later
     *                      page is fetched, ahead or at all
     */
    ApiRowSource(PageFetcher client, PrefetchThreads prefetchThreads, String queryExecutionId,
                 List<ColumnSpec> columns, GetQueryResultsResponse firstPage, boolean skipHeaderRow, int pageSize,
                 boolean firstPageOnly) {
        this.client = client;
        this.prefetchThreads = prefetchThreads;
        this.queryExecutionId = queryExecutionId;
        this.columns = columns;
        this.columnCount = columns.size();
        this.splitJoinedRows = !skipHeaderRow && columnCount > 1;
        this.pageSize = pageSize;
        load(firstPage, firstPageOnly);
        if (skipHeaderRow && !page.isEmpty()) {
            index = 1;
        }
    }

    /** The rows of {@code page} after the header row Athena sends first where {@code skipHeaderRow}. */
    static int dataRows(GetQueryResultsResponse page, boolean skipHeaderRow) {
        int rows = page.resultSet() == null ? 0 : page.resultSet().rows().size();
        return skipHeaderRow ? Math.max(0, rows - 1) : rows;
    }

    private void load(GetQueryResultsResponse response) {
        load(response, false);
    }

    private void load(GetQueryResultsResponse response, boolean last) {
        page = response.resultSet() == null ? Collections.emptyList() : response.resultSet().rows();
        index = 0;
        nextToken = last ? null : response.nextToken();
        if (hasNextPage()) {
            fetchAhead(nextToken, pageSize);
        }
    }

    private boolean hasNextPage() {
        return nextToken != null && !nextToken.isEmpty();
    }

    private synchronized void fetchAhead(String token, int maxResults) {
        if (!closed) {
            ahead = prefetchThreads.submit(() -> client.fetch(queryExecutionId, token, maxResults));
        }
    }

    /** The GetQueryResults MaxResults for a fetch size: the fetch size if in 1..1000, else 1000. */
    public static int pageSize(int fetchSize) {
        return fetchSize > 0 && fetchSize < MAX_PAGE_SIZE ? fetchSize : MAX_PAGE_SIZE;
    }

    @Override
    public List<ColumnSpec> columns() {
        return columns;
    }

    @Override
    public String transport() {
        return "GetQueryResults";
    }

    /** The MaxResults of the requests issued from now on (Statement/ResultSet fetch size), capped to what Athena allows. */
    @Override
    public void fetchSize(int rows) {
        this.pageSize = pageSize(rows);
    }

    /** The next row's values (null elements are SQL NULL), or null after the last row. */
    @Override
    public TextRow next() throws SQLException {
        if (cancelled) {
            throw closedError();
        }
        while (index >= page.size()) {
            if (!hasNextPage()) {
                return null;
            }
            load(nextPage());
        }
        return TextRow.of(values(page.get(index++)));
    }

    private GetQueryResultsResponse nextPage() throws SQLException {
        Future<GetQueryResultsResponse> fetch;
        synchronized (this) {
            if (closed) {
                throw closedError();
            }
            // Left in place while the reader waits for it, so that cancel() or close() from another thread can
            // still cancel it and end the wait, instead of the reader waiting out the request and its retries.
            fetch = ahead;
        }
        if (fetch == null) {
            return client.fetch(queryExecutionId, nextToken, pageSize);
        }
        try {
            return fetch.get();
        } catch (ExecutionException e) {
            // Unchanged, so that it reads as if the page had been fetched now, in this thread.
            Throwable failure = e.getCause();
            if (failure instanceof SQLException) {
                throw (SQLException) failure;
            }
            if (failure instanceof RuntimeException) {
                throw (RuntimeException) failure;
            }
            throw (Error) failure; // fetchPage throws nothing else
        } catch (CancellationException e) {
            throw closedError();
        } catch (InterruptedException e) {
            fetch.cancel(true);
            Thread.currentThread().interrupt();
            throw new SQLException("Reading the results of query " + queryExecutionId + " was interrupted",
                    SqlState.QUERY_CANCELED, e);
        } finally {
            synchronized (this) {
                if (ahead == fetch) {
                    ahead = null;
                }
            }
        }
    }

    private SQLException closedError() {
        return cancelled
                ? new SQLException("Reading the results of query " + queryExecutionId + " was cancelled by Statement.cancel()",
                        SqlState.QUERY_CANCELED)
                : new SQLException("The result set is closed", SqlState.OBJECT_NOT_IN_STATE);
    }

    @Override
    public void cancel() {
        cancelled = true;
        close();
    }

    /** Cancels the fetch under way, if any, without waiting for it; no request is issued after this. */
    @Override
    public synchronized void close() {
        closed = true;
        if (ahead != null) {
            ahead.cancel(true);
            ahead = null;
        }
    }

    private List<String> values(Row row) {
        List<Datum> data = row.data();
        if (splitJoinedRows && data.size() == 1 && data.get(0).varCharValue() != null) {
            return Arrays.asList(data.get(0).varCharValue().split("\t", columnCount));
        }
        List<String> values = new ArrayList<>(data.size());
        for (Datum datum : data) {
            values.add(datum.varCharValue());
        }
        return values;
    }
}
