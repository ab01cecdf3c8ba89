package ai.connecty.athena.jdbc;

import ai.connecty.athena.jdbc.execution.AthenaQueryClient;
import ai.connecty.athena.jdbc.execution.CompletedQuery;
import ai.connecty.athena.jdbc.execution.PagedRows;
import ai.connecty.athena.jdbc.execution.PrefetchThreads;
import ai.connecty.athena.jdbc.execution.QuerySettings;
import ai.connecty.athena.jdbc.results.AbstractTextResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The result of a query: rows paged in from GetQueryResults as the reader advances, one page ahead of it. Unwrap it to get the
 * query execution id and statistics.
 */
public final class AthenaResultSet extends AbstractTextResultSet {
    private final AthenaStatement statement;
    private final PagedRows rows;
    private final String queryExecutionId;
    private final QueryStatistics statistics;

    AthenaResultSet(AthenaStatement statement, CompletedQuery query, QueryStatistics statistics, AthenaQueryClient client,
                    PrefetchThreads prefetchThreads, int fetchSize, long maxRows) {
        super(statement, query.columns());
        this.statement = statement;
        this.rows = query.rows(client, prefetchThreads, QuerySettings.pageSize(fetchSize));
        this.queryExecutionId = query.queryExecutionId();
        this.statistics = statistics;
        limitRows(maxRows);
        startingFetchSize(fetchSize);
    }

    @Override
    protected List<String> fetchRow() throws SQLException {
        return rows.next();
    }

    @Override
    public void setFetchSize(int fetchSize) throws SQLException {
        super.setFetchSize(fetchSize);
        rows.pageSize(fetchSize);
    }

    /** Also cancels the page fetch under way ahead of the reader, without waiting for it. */
    @Override
    protected void release() throws SQLException {
        rows.close();
        statement.resultSetClosed(this);
    }

    public String getQueryExecutionId() throws SQLException {
        checkOpen();
        return queryExecutionId;
    }

    public QueryStatistics getQueryStatistics() throws SQLException {
        checkOpen();
        return statistics;
    }
}
