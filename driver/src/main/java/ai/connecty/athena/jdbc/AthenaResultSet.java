package ai.connecty.athena.jdbc;

import ai.connecty.athena.jdbc.results.AbstractTextResultSet;
import ai.connecty.athena.jdbc.rows.RowSource;
import java.sql.SQLException;

/**
 * The result of a query: rows from the result file in S3 or from GetQueryResults pages, read as the application
 * advances. Unwrap it for the query execution id, the statistics and the transport the rows came through.
 */
public final class AthenaResultSet extends AbstractTextResultSet {
    private final AthenaStatement statement;
    private final RowSource rows;
    private final String queryExecutionId;
    private final QueryStatistics statistics;

    AthenaResultSet(AthenaStatement statement, RowSource rows, String queryExecutionId, QueryStatistics statistics,
                    int fetchSize, long maxRows, int maxFieldSize) {
        super(statement, rows.columns(), rows::next);
        this.statement = statement;
        this.rows = rows;
        this.queryExecutionId = queryExecutionId;
        this.statistics = statistics;
        limitRows(maxRows);
        limitFieldSize(maxFieldSize);
        startingFetchSize(fetchSize);
    }

    @Override
    public void setFetchSize(int fetchSize) throws SQLException {
        super.setFetchSize(fetchSize);
        rows.fetchSize(fetchSize);
    }

    /** Statement.cancel() while rows are read: stops the transfers at once; the next read fails with 57014. */
    void cancelFetch() {
        rows.cancel();
    }

    /** Also stops what is fetched ahead of the reader (pages, S3 downloads), without waiting for it. */
    @Override
    protected void release() throws SQLException {
        rows.close();
        statement.resultSetClosed(this);
    }

    /** The transport the rows come through: "S3" or "GetQueryResults". */
    public String getResultTransport() throws SQLException {
        checkOpen();
        return rows.transport();
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
