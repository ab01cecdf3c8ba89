package ai.connecty.athena.jdbc.execution;

import ai.connecty.athena.jdbc.results.ColumnSpec;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.StatementType;

/**
 * A query that ended SUCCEEDED, with the first page of its results, and what JDBC should make of it: a
 * result set, or an update count.
 *
 * <p>Decisions (Athena measured behaviour §1.1, §1.5): INSERT, UPDATE, DELETE, MERGE and CTAS give their
 * {@code UpdateCount} and no result set; a statement without columns (CREATE, DROP, ALTER ...) gives update
 * count 0 and no result set; everything else is a result set. Only DML results (and SHOW FUNCTIONS, which
 * Athena writes as a CSV) start with a header row.
 */
public final class CompletedQuery {
    private static final Set<String> ROW_COUNT_STATEMENTS = Collections.unmodifiableSet(new HashSet<>(Arrays.asList(
            "INSERT", "UPDATE", "DELETE", "MERGE", "CREATE_TABLE_AS_SELECT")));

    private final QueryExecution execution;
    private final GetQueryResultsResponse firstPage;
    private final List<ColumnSpec> columns;

    public CompletedQuery(QueryExecution execution, GetQueryResultsResponse firstPage) {
        this.execution = execution;
        this.firstPage = firstPage;
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
     * The rows, paged one page ahead of the reader on {@code prefetchThreads}; the header row, where Athena sends
     * one, is already dropped.
     */
    public PagedRows rows(AthenaQueryClient client, PrefetchThreads prefetchThreads, int pageSize) {
        return new PagedRows(client, prefetchThreads, queryExecutionId(), firstPage, hasHeaderRow(), columns.size(), pageSize);
    }
}
