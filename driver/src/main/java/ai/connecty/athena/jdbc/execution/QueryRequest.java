package ai.connecty.athena.jdbc.execution;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Everything one execution of one statement asks of Athena: what the facade hands the protocol client. The
 * connection-wide part (workgroup, output location, encryption...) stays in {@link QuerySettings}; this holds
 * what may change from one statement to the next. Immutable; the {@code with...} methods return copies, so a
 * prepared statement can keep one request and vary only its parameters.
 */
public final class QueryRequest {
    private final String sql;
    private final String catalog;
    private final String database;
    private final List<String> executionParameters;
    private final int timeoutSeconds;
    private final int pageSize;

    private QueryRequest(String sql, String catalog, String database, List<String> executionParameters,
                         int timeoutSeconds, int pageSize) {
        this.sql = Objects.requireNonNull(sql, "sql");
        this.catalog = catalog;
        this.database = database;
        this.executionParameters = executionParameters;
        this.timeoutSeconds = timeoutSeconds;
        this.pageSize = pageSize;
    }

    /**
     * @param timeoutSeconds Statement.setQueryTimeout; 0 for none
     * @param fetchSize      Statement.setFetchSize; 0 for the largest page Athena allows
     */
    public static QueryRequest of(String sql, String catalog, String database, int timeoutSeconds, int fetchSize) {
        return new QueryRequest(sql, catalog, database, Collections.emptyList(), timeoutSeconds,
                QuerySettings.pageSize(fetchSize));
    }

    /**
     * This request with Athena {@code ExecutionParameters}: each value is the literal text of one {@code ?}
     * placeholder, in order (Athena parses it as an expression, so strings come quoted).
     */
    public QueryRequest withExecutionParameters(List<String> parameters) {
        return new QueryRequest(sql, catalog, database,
                Collections.unmodifiableList(new ArrayList<>(parameters)), timeoutSeconds, pageSize);
    }

    public String sql() { return sql; }

    public String catalog() { return catalog; }

    public String database() { return database; }

    /** Empty when the statement has no placeholders; never null. */
    public List<String> executionParameters() { return executionParameters; }

    public int timeoutSeconds() { return timeoutSeconds; }

    /** MaxResults of GetQueryResults calls (1..1000). */
    public int pageSize() { return pageSize; }

    /** No SQL text and no parameter values: both may hold customer data that does not belong in logs. */
    @Override
    public String toString() {
        return "QueryRequest{catalog=" + catalog + ", database=" + database + ", parameters="
                + executionParameters.size() + ", timeoutSeconds=" + timeoutSeconds + ", pageSize=" + pageSize + '}';
    }
}
