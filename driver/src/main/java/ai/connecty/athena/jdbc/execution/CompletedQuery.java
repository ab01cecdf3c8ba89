package ai.connecty.athena.jdbc.execution;

import ai.connecty.athena.jdbc.errors.SqlState;
import ai.connecty.athena.jdbc.results.ColumnSpec;
import ai.connecty.athena.jdbc.rows.PageFetcher;
import ai.connecty.athena.jdbc.rows.PrefetchThreads;
import ai.connecty.athena.jdbc.rows.ResultTransport;
import ai.connecty.athena.jdbc.rows.RowSource;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.StatementType;

/**
 * The outcome of a query that ended SUCCEEDED: its column types, what JDBC should make of it (a result set, or
 * an update count) and, for a result set, the {@link RowSource} its rows come from. Which transport that is
 * ({@link ResultTransport}) is decided when the rows are opened.
 *
 * <p>Decisions (Athena measured behaviour §1.1, §1.5): INSERT, UPDATE, DELETE, MERGE and CTAS give their
 * {@code UpdateCount} and no result set; so does UNLOAD (not measured: it writes files as a CTAS does, and a result
 * set of its written-rows column would show a grid of nothing); a statement without columns (CREATE, DROP, ALTER ...) gives update
 * count 0 and no result set; everything else is a result set. Only DML results (and SHOW FUNCTIONS, which
 * Athena writes as a CSV) start with a header row.
 */
public final class CompletedQuery {
    private static final Set<String> ROW_COUNT_STATEMENTS = Collections.unmodifiableSet(new HashSet<>(Arrays.asList(
            "INSERT", "UPDATE", "DELETE", "MERGE", "CREATE_TABLE_AS_SELECT", "UNLOAD")));

    private final QueryExecution execution;
    private final GetQueryResultsResponse firstPage;
    private final List<ColumnSpec> columns;
    private final ResultTransport transport;
    private final PageFetcher pages;
    private final int networkTimeoutMillis;

    /** An outcome whose rows can only be read from {@code firstPage} on, without further pages. */
    public CompletedQuery(QueryExecution execution, GetQueryResultsResponse firstPage) {
        this(execution, firstPage, ResultTransport.apiOnly(), (id, token, max) -> {
            throw new SQLException("No protocol client to fetch further pages of query " + id, SqlState.SYSTEM_ERROR);
        }, 0);
    }

    /**
     * @param firstPage the first GetQueryResults page: column types, update count, and the rows of a short result
     * @param pages     fetches further GetQueryResults pages
     * @param networkTimeoutMillis the protocol client's (Connection.setNetworkTimeout), for the S3 GETs; 0 for none
     */
    public CompletedQuery(QueryExecution execution, GetQueryResultsResponse firstPage, ResultTransport transport,
                          PageFetcher pages, int networkTimeoutMillis) {
        this.execution = execution;
        this.firstPage = firstPage;
        this.transport = transport;
        this.pages = pages;
        this.networkTimeoutMillis = networkTimeoutMillis;
        this.columns = firstPage.resultSet() == null || firstPage.resultSet().resultSetMetadata() == null
                ? Collections.emptyList()
                : ColumnSpecs.from(firstPage.resultSet().resultSetMetadata().columnInfo());
    }

    public QueryExecution execution() {
        return execution;
    }

    public String queryExecutionId() {
        return execution.queryExecutionId();
    }

    public List<ColumnSpec> columns() {
        return columns;
    }

    private boolean countsRows() {
        return execution.substatementType() != null && ROW_COUNT_STATEMENTS.contains(execution.substatementType());
    }

    public boolean hasResultSet() {
        return !columns.isEmpty() && !countsRows();
    }

    /**
     * Whether Athena counted the rows the statement changed (INSERT, UPDATE, DELETE, MERGE, CTAS with an UpdateCount).
     * DDL and the other statements without a result set have no count: their {@link #updateCount()} is 0, as
     * JDBC's executeUpdate wants, and a batch reports them as {@code Statement.SUCCESS_NO_INFO}.
     */
    public boolean countedRows() {
        return !hasResultSet() && countsRows() && firstPage.updateCount() != null;
    }

    /** -1 when the statement has a result set, as JDBC's getUpdateCount wants. */
    public long updateCount() {
        if (hasResultSet()) {
            return -1;
        }
        Long count = firstPage.updateCount();
        return countsRows() && count != null ? count : 0;
    }

    boolean hasHeaderRow() {
        return execution.statementType() == StatementType.DML || "SHOW_FUNCTIONS".equals(execution.substatementType());
    }

    /**
     * The rows (without the header row where Athena sends one), from S3 or GetQueryResults as the connection's
     * ResultFetcher and the result allow; a fallback to GetQueryResults is reported to {@code warnings}.
     *
     * @param threads   where GetQueryResults pages are fetched ahead of the reader
     * @param fetchSize Statement.setFetchSize (the GetQueryResults page size)
     * @param maxRows   Statement.setMaxRows, 0 for no limit
     */
    public RowSource openRows(PrefetchThreads threads, int fetchSize, long maxRows, Consumer<SQLWarning> warnings)
            throws SQLException {
        return transport.open(execution, firstPage, columns, hasHeaderRow(), pages, threads,
                QuerySettings.pageSize(fetchSize), networkTimeoutMillis, maxRows, warnings);
    }
}
