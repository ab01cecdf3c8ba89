package ai.connecty.athena.jdbc;

import ai.connecty.athena.jdbc.config.QueryTextLimit;
import ai.connecty.athena.jdbc.errors.ErrorTranslator;
import ai.connecty.athena.jdbc.errors.SqlExceptions;
import ai.connecty.athena.jdbc.errors.SqlState;
import ai.connecty.athena.jdbc.errors.WarningChain;
import ai.connecty.athena.jdbc.execution.AthenaQueryClient;
import ai.connecty.athena.jdbc.execution.CompletedQuery;
import ai.connecty.athena.jdbc.execution.QueryRequest;
import ai.connecty.athena.jdbc.execution.StatementExecution;
import ai.connecty.athena.jdbc.parameters.BatchedInsert;
import ai.connecty.athena.jdbc.parameters.JdbcEscapes;
import ai.connecty.athena.jdbc.results.FetchHints;
import ai.connecty.athena.jdbc.rows.RowSource;
import ai.connecty.athena.jdbc.types.WellFormedText;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A statement runs one query at a time: submit, wait, then either a result set or an update count.
 * Unwrap it to get the last query's execution id and statistics. Batches run their statements one after
 * the other (Athena has no batch call); generated keys are not supported (Athena has none).
 */
public class AthenaStatement implements Statement {
    private final AthenaConnection connection;
    private final AtomicBoolean closed = new AtomicBoolean();
    /**
     * Guards the step from "open" to "a query is registered as running", and from "running" to "result set
     * handed out", against close(): close either sees the registered execution and cancels it before anything
     * was sent, or the execute sees the statement closed and sends nothing. cancel() reads {@link #running} and
     * marks {@link #callCancelled} under it too, so that each cancel() falls either before an execute (or batch)
     * was entered, and does nothing to it, or after, and ends it with 57014.
     */
    private final Object lifecycle = new Object();
    /**
     * The execution of the execute under way, registered as the execute's first step (before its request is even
     * built), so that a cancel() from then on has something to reach; null between executes. Written under
     * {@link #lifecycle}.
     */
    private volatile StatementExecution running;
    private AthenaResultSet resultSet;
    /** Result sets getMoreResults(KEEP_CURRENT_RESULT) left open: still this statement's to close. */
    private final List<AthenaResultSet> keptOpen = new ArrayList<>();
    private long updateCount = -1;
    /** Whether {@link #updateCount} is a count of rows Athena reported, not the 0 of DDL (see CompletedQuery). */
    private boolean rowsCounted;
    private String queryExecutionId;
    private QueryStatistics statistics;
    private long maxRows;
    private int maxFieldSize;
    private int fetchSize;
    private int queryTimeoutSeconds;
    private boolean closeOnCompletion;
    private boolean poolable;
    private boolean escapeProcessing = true;
    private final List<String> batch = new ArrayList<>();
    /**
     * How many calls of several steps are under way ({@link #inOneCall}: executeBatch, a PreparedStatement's batch,
     * PreparedStatement.getMetaData's describing query), for cancel(). Guarded by {@link #lifecycle}.
     */
    private int calls;
    /**
     * Set by cancel() while such a call runs (under {@link #lifecycle}), cleared when the call starts and ends. The
     * cancel reaches the query running at that moment only, and none at all when it lands between two of them, or
     * after an item's query ended (its first page being read): the call reads this before each step, and every
     * execute registered during the call takes it over, so that it stops instead of running every step left.
     */
    private volatile boolean callCancelled;
    private final WarningChain warnings = new WarningChain();
    /** As created: the connection's at the time, or the one createStatement/prepareStatement was given. */
    private final int holdability;

    AthenaStatement(AthenaConnection connection, int holdability) {
        this.connection = connection;
        this.holdability = holdability;
        this.fetchSize = connection.querySettings().fetchSize();
        // JDBC: a Statement is not poolable when created, a PreparedStatement (and CallableStatement) is.
        this.poolable = this instanceof java.sql.PreparedStatement;
    }

    final void checkOpen() throws SQLException {
        if (closed.get()) {
            throw new SQLException("The statement is closed", SqlState.OBJECT_NOT_IN_STATE);
        }
        connection.checkOpen();
    }

    // ---- execution -------------------------------------------------------------------------------------

    @Override
    public boolean execute(String sql) throws SQLException {
        checkOpen();
        return executeRequest(() -> request(sql));
    }

    /**
     * What an execute runs, made once the execute is registered ({@link #executeRequest}): translating escapes or
     * binding parameters is part of the execute a cancel() must reach.
     */
    @FunctionalInterface
    interface RequestSource {
        QueryRequest request() throws SQLException;
    }

    /** The request for {@code sql} in this statement's current context and settings. */
    final QueryRequest request(String sql) throws SQLException {
        if (sql == null || sql.trim().isEmpty()) {
            throw new SQLException("The SQL text is empty: pass the query to run", SqlState.INVALID_PARAMETER_VALUE);
        }
        String text = escapeProcessing ? JdbcEscapes.translate(sql) : sql;
        return QueryRequest.of(text, connection.currentCatalog(), connection.currentSchema(), queryTimeoutSeconds, fetchSize);
    }

    /** The connection this statement runs on, for subclasses in this package. */
    final AthenaConnection athenaConnection() {
        return connection;
    }

    /**
     * The one way every execute method of this statement and its subclasses runs a query: true when it left a
     * result set, false when an update count. The execute is registered as running first ({@link #enter}), and only
     * then is its request made and checked: from that point a cancel() or close() from another thread reaches it.
     */
    final boolean executeRequest(RequestSource source) throws SQLException {
        StatementExecution execution = enter();
        boolean owned = false;
        try {
            QueryRequest request = source.request();
            QueryTextLimit.check(request.sql());
            // Refused, not sent with '?' in place of the surrogate: Athena would run another statement than the one given.
            WellFormedText.require(request.sql(), "The query text");
            owned = true;
            // Only once this execute owns the statement and its request is taken: an execute refused (another
            // thread's query running, a request refused) must not clear the warnings or close the result set.
            closeResultSet();
            updateCount = -1;
            rowsCounted = false;
            queryExecutionId = null;
            statistics = null;
            warnings.clear();
            CompletedQuery query;
            try {
                query = execution.run(request);
            } catch (SQLException | RuntimeException e) {
                connection.statementUnfinished(request, execution, e);
                throw e;
            }
            connection.statementCompleted(query.execution());
            statistics = QueryStatistics.from(query.execution().statistics());
            if (closed.get()) {
                throw closedWhileRunning(execution, null);
            }
            // Opened outside the lock: the first S3 GET can take as long as S3's timeouts and retries, and close()
            // from another thread (Connection.close of a pool evicting it) must not wait for it.
            RowSource rows = null;
            if (query.hasResultSet()) {
                try {
                    rows = query.openRows(connection.prefetchThreads(), fetchSize, maxRows, warnings::add);
                } catch (SQLException | RuntimeException e) {
                    // Connection.close() shuts the clients under the GET, which then fails in any way (unchecked too).
                    if (closed.get()) {
                        throw closedWhileRunning(execution, e);
                    }
                    throw e;
                }
            }
            synchronized (lifecycle) {
                // Closed while the query ran: hand out nothing, so no result set (nor its fetch ahead) is left open.
                if (closed.get()) {
                    if (rows != null) {
                        rows.close();
                    }
                    throw closedWhileRunning(execution, null);
                }
                if (rows != null) {
                    synchronized (this) {
                        resultSet = new AthenaResultSet(this, rows, query.queryExecutionId(), statistics, fetchSize,
                                maxRows, maxFieldSize);
                    }
                    // cancel() after the query finished but before its rows were handed out (while the first page
                    // or the first S3 GET was under way) reached no one: honour it here. One that comes after
                    // this check finds the result set, and stops its reading.
                    if (execution.cancelRequested()) {
                        closeResultSet();
                        throw ErrorTranslator.cancelled(execution.queryExecutionId(), "cancelled by "
                                + execution.cancelledBy() + " after the query finished, before its rows were read; "
                                + "they were discarded");
                    }
                    return true;
                }
            }
            updateCount = query.updateCount();
            rowsCounted = query.countedRows();
            return false;
        } finally {
            if (owned) {
                queryExecutionId = execution.queryExecutionId();
            }
            synchronized (lifecycle) {
                running = null;
            }
        }
    }

    /**
     * Registers a new execution as this statement's running one: the first step of every execute. Refused when the
     * statement or its connection is closed (a close() that came first: nothing is sent), or while another thread's
     * execute runs (that run is left alone). A cancel() of the call of several steps this execute belongs to (a
     * batch) that came before is taken over: the execution is cancelled before it sends anything. A cancel() that
     * comes later finds the execution (under the same lock) and cancels it.
     */
    private StatementExecution enter() throws SQLException {
        // One client for the whole run: the result set pages with the network timeout the query started with.
        StatementExecution execution = new StatementExecution(connection.queryClient(), connection.pollingClock(),
                warnings::add);
        boolean cancelledBefore;
        synchronized (lifecycle) {
            checkOpen();
            StatementExecution other = running;
            if (other != null) {
                String id = other.queryExecutionId();
                throw new SQLException("The statement is already running " + (id == null ? "a query" : "query " + id)
                        + "; a statement runs one query at a time: use another statement", SqlState.OBJECT_NOT_IN_STATE);
            }
            running = execution;
            cancelledBefore = callCancelled;
        }
        if (cancelledBefore) {
            execution.cancel(); // nothing submitted yet: only fires its signal, which run() reads before sending
        }
        connection.entered();
        return execution;
    }

    private static SQLException closedWhileRunning(StatementExecution execution, Exception cause) {
        return new SQLException("The statement was closed while query " + execution.queryExecutionId()
                + " ran; its results were discarded", SqlState.OBJECT_NOT_IN_STATE, cause);
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        if (!execute(sql)) {
            throw new SQLException("The statement produced no result set (update count " + updateCount
                    + "); use execute or executeUpdate for statements without rows", SqlState.GENERAL_ERROR);
        }
        return executedResultSet();
    }

    /**
     * The result set the execute just left, for executeQuery, which JDBC has never return null: a close() from
     * another thread (Connection.close of a pool, say) may land between the execute and this, and closes it.
     */
    final ResultSet executedResultSet() throws SQLException {
        ResultSet rows = getResultSet(); // checks, under the same lock that close() clears it with, that we are open
        if (rows == null) {
            throw new SQLException("The result set of the query was closed before executeQuery returned it",
                    SqlState.OBJECT_NOT_IN_STATE);
        }
        return rows;
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        long count = executeLargeUpdate(sql);
        return count > Integer.MAX_VALUE ? Statement.SUCCESS_NO_INFO : (int) count;
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        if (execute(sql)) {
            closeResultSet();
            throw new SQLException("The statement produced a result set; use executeQuery or execute for queries with rows",
                    SqlState.GENERAL_ERROR);
        }
        return updateCount;
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        checkOpen();
        checkAutoGeneratedKeys(autoGeneratedKeys);
        return executeUpdate(sql);
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
        throw generatedKeysRefused();
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        throw generatedKeysRefused();
    }

    @Override
    public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        checkOpen();
        checkAutoGeneratedKeys(autoGeneratedKeys);
        return executeLargeUpdate(sql);
    }

    @Override
    public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
        throw generatedKeysRefused();
    }

    @Override
    public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
        throw generatedKeysRefused();
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        checkOpen();
        checkAutoGeneratedKeys(autoGeneratedKeys);
        return execute(sql);
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException {
        throw generatedKeysRefused();
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        throw generatedKeysRefused();
    }

    /**
     * Accepts NO_GENERATED_KEYS only: RETURN_GENERATED_KEYS is 0A000 (Athena has none), and any other value is
     * refused as JDBC requires, before a query is sent. Connection.prepareStatement(sql, int) checks the same.
     */
    static void checkAutoGeneratedKeys(int autoGeneratedKeys) throws SQLException {
        if (autoGeneratedKeys == Statement.RETURN_GENERATED_KEYS) {
            throw generatedKeysNotSupported();
        }
        if (autoGeneratedKeys != Statement.NO_GENERATED_KEYS) {
            throw new SQLException("autoGeneratedKeys must be Statement.RETURN_GENERATED_KEYS (1) or "
                    + "Statement.NO_GENERATED_KEYS (2), was " + autoGeneratedKeys, SqlState.INVALID_PARAMETER_VALUE);
        }
    }

    /**
     * The refusal of a generated-keys call, or the "closed" SQLException (55000) on a closed statement: using a
     * closed object is no missing feature, and 0A000 would make a pool evict the connection.
     */
    private SQLFeatureNotSupportedException generatedKeysRefused() throws SQLException {
        checkOpen();
        return generatedKeysNotSupported();
    }

    private static SQLFeatureNotSupportedException generatedKeysNotSupported() {
        return SqlExceptions.notSupported("Athena has no generated keys");
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        throw generatedKeysRefused();
    }

    /**
     * Wakes the polling wait at once and asks Athena to stop the running query (see {@link StatementExecution});
     * once the query is done and its rows are being read, stops their download instead (of every result set of
     * this statement still open).
     */
    @Override
    public void cancel() throws SQLException {
        checkOpen();
        StatementExecution execution;
        // Under the lock that registers executes and starts calls: this cancel is either before them (and does
        // nothing to them, as JDBC has a cancel with nothing running do) or reaches them.
        synchronized (lifecycle) {
            if (calls > 0) {
                callCancelled = true;
            }
            execution = running;
        }
        if (execution != null) {
            execution.cancel();
        }
        // Also when running: the execution may be handing out its result set already (see execute). And the result
        // sets getMoreResults(KEEP_CURRENT_RESULT) kept open: their rows are this statement's work too.
        List<AthenaResultSet> reading;
        synchronized (this) {
            reading = new ArrayList<>(keptOpen);
            if (resultSet != null) {
                reading.add(resultSet);
            }
        }
        for (AthenaResultSet rs : reading) {
            rs.cancelFetch();
        }
    }

    // ---- results ---------------------------------------------------------------------------------------

    @Override
    public synchronized ResultSet getResultSet() throws SQLException {
        checkOpen();
        return resultSet;
    }

    @Override
    public int getUpdateCount() throws SQLException {
        long count = getLargeUpdateCount();
        return count > Integer.MAX_VALUE ? Statement.SUCCESS_NO_INFO : (int) count;
    }

    @Override
    public long getLargeUpdateCount() throws SQLException {
        checkOpen();
        return updateCount;
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        return getMoreResults(Statement.CLOSE_CURRENT_RESULT);
    }

    @Override
    public boolean getMoreResults(int current) throws SQLException {
        checkOpen();
        if (current == Statement.KEEP_CURRENT_RESULT) {
            synchronized (this) {
                if (resultSet != null) {
                    keptOpen.add(resultSet);
                }
                resultSet = null;
            }
        } else if (current == Statement.CLOSE_CURRENT_RESULT) {
            closeResultSet();
        } else if (current == Statement.CLOSE_ALL_RESULTS) {
            // JDBC: also every result set an earlier getMoreResults(KEEP_CURRENT_RESULT) kept open.
            closeResultSet();
            closeKeptOpen();
        } else {
            throw new SQLException("getMoreResults(" + current + "): expected Statement.CLOSE_CURRENT_RESULT (1), "
                    + "KEEP_CURRENT_RESULT (2) or CLOSE_ALL_RESULTS (3)", SqlState.INVALID_PARAMETER_VALUE);
        }
        updateCount = -1;
        rowsCounted = false;
        return false;
    }

    private void closeKeptOpen() throws SQLException {
        List<AthenaResultSet> kept;
        synchronized (this) {
            kept = new ArrayList<>(keptOpen);
            keptOpen.clear();
        }
        for (AthenaResultSet resultSet : kept) {
            resultSet.close();
        }
    }

    /**
     * Closes the current result set as the statement's own act (a new execute, getMoreResults, an executeUpdate that
     * refuses a query): detached first, so that it does not complete a closeOnCompletion statement.
     */
    final void closeResultSet() throws SQLException {
        AthenaResultSet current;
        synchronized (this) {
            current = resultSet;
            resultSet = null;
        }
        if (current != null) {
            current.close();
        }
    }

    /**
     * A commit or rollback of an emulated transaction (Transactions=emulate) ended: a CLOSE_CURSORS_AT_COMMIT
     * statement's open result sets close, as that holdability promises (as if the user closed them, so a
     * closeOnCompletion statement completes). A HOLD_CURSORS_OVER_COMMIT statement keeps them.
     */
    final void transactionEnded() throws SQLException {
        if (holdability != ResultSet.CLOSE_CURSORS_AT_COMMIT) {
            return;
        }
        List<AthenaResultSet> open;
        synchronized (this) {
            open = new ArrayList<>(keptOpen);
            if (resultSet != null) {
                open.add(resultSet);
            }
        }
        for (AthenaResultSet each : open) {
            each.close();
        }
    }

    /**
     * Called by a result set of this statement when it closes. Only the user closing a result set the statement
     * still holds (the current one, or one getMoreResults(KEEP_CURRENT_RESULT) kept open) completes a
     * closeOnCompletion statement, and only when it was the last of them open, as JDBC has it ("closed when all its
     * dependent result sets are closed"): the statement closing one itself (a new execute, getMoreResults) detaches
     * it first, so that the statement stays usable for the call that is under way.
     */
    void resultSetClosed(AthenaResultSet closedResultSet) throws SQLException {
        boolean wasDependent;
        boolean lastDependent;
        synchronized (this) {
            boolean wasCurrent = resultSet == closedResultSet;
            if (wasCurrent) {
                resultSet = null;
            }
            wasDependent = keptOpen.remove(closedResultSet) || wasCurrent;
            lastDependent = resultSet == null && keptOpen.isEmpty();
        }
        if (wasDependent && lastDependent && closeOnCompletion && !closed.get()) {
            close();
        }
    }

    /** The id of the last query this statement ran (or is running), null if none. */
    public String getQueryExecutionId() throws SQLException {
        checkOpen();
        StatementExecution execution = running;
        return execution != null && execution.queryExecutionId() != null ? execution.queryExecutionId() : queryExecutionId;
    }

    /** Statistics of the last query that succeeded, null if none. */
    public QueryStatistics getQueryStatistics() throws SQLException {
        checkOpen();
        return statistics;
    }

    // ---- settings --------------------------------------------------------------------------------------

    @Override
    public int getMaxRows() throws SQLException {
        return (int) Math.min(Integer.MAX_VALUE, getLargeMaxRows());
    }

    @Override
    public void setMaxRows(int max) throws SQLException {
        setLargeMaxRows(max);
    }

    @Override
    public long getLargeMaxRows() throws SQLException {
        checkOpen();
        return maxRows;
    }

    /** Applied by the driver as it reads: Athena still computes, scans and bills the whole query. */
    @Override
    public void setLargeMaxRows(long max) throws SQLException {
        checkOpen();
        if (max < 0) {
            throw new SQLException("Max rows must be 0 (no limit) or more, was " + max, SqlState.INVALID_PARAMETER_VALUE);
        }
        maxRows = max;
    }

    @Override
    public int getMaxFieldSize() throws SQLException {
        checkOpen();
        return maxFieldSize;
    }

    /** Cuts varchar/char values to this many characters and varbinary to this many bytes as they are read. */
    @Override
    public void setMaxFieldSize(int max) throws SQLException {
        checkOpen();
        if (max < 0) {
            throw new SQLException("Max field size must be 0 or more, was " + max, SqlState.INVALID_PARAMETER_VALUE);
        }
        maxFieldSize = max;
    }

    /** JDBC escapes ({d ...}, {fn ...}...) are translated by default; off, the text goes to Athena as written. */
    @Override
    public void setEscapeProcessing(boolean enable) throws SQLException {
        checkOpen();
        escapeProcessing = enable;
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        checkOpen();
        return queryTimeoutSeconds;
    }

    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        checkOpen();
        if (seconds < 0) {
            throw new SQLException("Query timeout must be 0 (none) or more seconds, was " + seconds, SqlState.INVALID_PARAMETER_VALUE);
        }
        queryTimeoutSeconds = seconds;
    }

    @Override
    public void setCursorName(String name) throws SQLException {
        checkOpen();
        throw SqlExceptions.notSupported("Named cursors are not supported by Athena");
    }

    /**
     * A hint, as JDBC has it: any of the three directions is taken, and the result sets still read forward
     * ({@link #getFetchDirection} says so); another value is refused.
     */
    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        FetchHints.checkDirectionHint(direction);
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        return ResultSet.FETCH_FORWARD;
    }

    /** Rows per GetQueryResults page, at most 1000 (Athena's limit); 0 means 1000. */
    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        fetchSize = FetchHints.checkSize(rows);
    }

    @Override
    public int getFetchSize() throws SQLException {
        checkOpen();
        return fetchSize;
    }

    @Override
    public int getResultSetConcurrency() throws SQLException {
        checkOpen();
        return ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getResultSetType() throws SQLException {
        checkOpen();
        return ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        checkOpen();
        return holdability;
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        checkOpen();
        if (sql == null || sql.trim().isEmpty()) {
            throw new SQLException("addBatch: the SQL text is empty", SqlState.INVALID_PARAMETER_VALUE);
        }
        batch.add(sql);
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batch.clear();
    }

    @Override
    public int[] executeBatch() throws SQLException {
        return toIntCounts(executeLargeBatch());
    }

    /** Runs the batch's statements one after the other (Athena has no batch call); see {@link #runBatch}. */
    @Override
    public long[] executeLargeBatch() throws SQLException {
        checkOpen();
        return inOneCall(() -> {
            List<String> items = new ArrayList<>(batch);
            batch.clear();
            return runBatch(items.size(), index -> executeRequest(() -> request(items.get(index))));
        });
    }

    /** A call of several steps (see {@link #inOneCall}). */
    @FunctionalInterface
    interface Call<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code call} (a batch, a getMetaData's describing query) as one call for cancel(): a cancel() from
     * another thread while it runs, between its queries too, stops it (see {@link #callCancelled}); one that came
     * before it started, or after it ended, does not.
     */
    final <T> T inOneCall(Call<T> call) throws SQLException {
        synchronized (lifecycle) {
            if (calls++ == 0) {
                callCancelled = false;
            }
        }
        try {
            connection.entered();
            return call.run();
        } finally {
            synchronized (lifecycle) {
                if (--calls == 0) {
                    callCancelled = false;
                }
            }
        }
    }

    /** Whether cancel() was called since the call of several steps under way started (see {@link #inOneCall}). */
    final boolean callCancelled() {
        return callCancelled;
    }

    /** One item of a batch: runs it, true when it left a result set. */
    @FunctionalInterface
    interface BatchItem {
        boolean run(int index) throws SQLException;
    }

    /**
     * Runs {@code size} items in order and gives each one's update count ({@code SUCCESS_NO_INFO} where Athena
     * reports none, as for DDL). The first failure stops the batch with a BatchUpdateException that names the
     * item (from 1) and holds the counts of the items before it, the item's failure its cause and its next
     * exception; an item that returns rows is such a failure, as JDBC requires.
     */
    final long[] runBatch(int size, BatchItem item) throws SQLException {
        long[] counts = new long[size];
        for (int i = 0; i < size; i++) {
            try {
                checkBatchNotCancelled(i, size);
                refuseRows(item.run(i));
                counts[i] = rowsCounted ? updateCount : Statement.SUCCESS_NO_INFO;
            } catch (SQLException e) {
                throw batchFailure("Batch item " + (i + 1) + " of " + size + " failed: ", counts, i, e);
            }
        }
        return counts;
    }

    /**
     * 57014 when cancel() came while the batch ran (it runs {@link #inOneCall}), before item {@code index} (from 0)
     * was started.
     */
    private void checkBatchNotCancelled(int index, int size) throws SQLException {
        if (callCancelled) {
            throw new SQLException("The batch was cancelled by Statement.cancel() before item " + (index + 1) + " of "
                    + size + " ran; the items before it ran", SqlState.QUERY_CANCELED);
        }
    }

    /** A batch's statement left a result set: closed, and refused, as JDBC requires. */
    private void refuseRows(boolean resultSet) throws SQLException {
        if (resultSet) {
            closeResultSet();
            throw new SQLException("it returned a result set; a batch is for statements without rows "
                    + "(INSERT, CTAS, DDL): run queries with executeQuery", SqlState.GENERAL_ERROR);
        }
    }

    /** The batch's end at {@code failed}: the counts of the {@code done} items before it, its failure chained. */
    private static BatchUpdateException batchFailure(String what, long[] counts, int done, SQLException failed) {
        BatchUpdateException failure = new BatchUpdateException(what + failed.getMessage(), failed.getSQLState(),
                failed.getErrorCode(), java.util.Arrays.copyOf(counts, done), failed);
        // Chained as well: callers that classify a batch failure by the item's own exception read it there
        // (Spring's translators: a timed-out item is then a QueryTimeoutException, as outside a batch).
        failure.setNextException(failed);
        return failure;
    }

    /** One statement of a rewritten batch: runs it, true when it left a result set. */
    @FunctionalInterface
    interface InsertChunk {
        boolean run(BatchedInsert.Chunk chunk) throws SQLException;
    }

    /**
     * Runs the statements of a rewritten batch ({@link BatchedInsert}) in order. Each item of a statement that reports
     * as many rows as it holds counts 1; of one that reports another count (or none), {@code SUCCESS_NO_INFO}. The
     * first failure stops the batch as in {@link #runBatch}: a BatchUpdateException naming the statement's items,
     * holding the counts of the items of the statements before it, the statement's failure its cause and next
     * exception. Athena commits an INSERT as a whole, so the failed statement inserted none of its rows.
     */
    final long[] runInsertChunks(int size, List<BatchedInsert.Chunk> chunks, InsertChunk run) throws SQLException {
        long[] counts = new long[size];
        for (BatchedInsert.Chunk chunk : chunks) {
            int first = chunk.first();
            int last = first + chunk.rows();
            try {
                checkBatchNotCancelled(first, size);
                refuseRows(run.run(chunk));
                long each = rowsCounted && updateCount == chunk.rows() ? 1 : Statement.SUCCESS_NO_INFO;
                java.util.Arrays.fill(counts, first, last, each);
            } catch (SQLException e) {
                String items = chunk.rows() == 1 ? "Batch item " + (first + 1) + " of " + size + " failed (it was not "
                        + "inserted): " : "Batch items " + (first + 1) + " to " + last + " of " + size + " failed (they ran"
                        + " as one INSERT of " + chunk.rows() + " rows, and no row of it was inserted): ";
                throw batchFailure(items, counts, first, e);
            }
        }
        return counts;
    }

    static int[] toIntCounts(long[] counts) {
        int[] ints = new int[counts.length];
        for (int i = 0; i < counts.length; i++) {
            ints[i] = counts[i] > Integer.MAX_VALUE ? Statement.SUCCESS_NO_INFO : (int) counts[i];
        }
        return ints;
    }

    @Override
    public Connection getConnection() throws SQLException {
        checkOpen();
        return connection;
    }

    @Override
    public void setPoolable(boolean poolable) throws SQLException {
        checkOpen();
        this.poolable = poolable;
    }

    @Override
    public boolean isPoolable() throws SQLException {
        checkOpen();
        return poolable;
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        checkOpen();
        closeOnCompletion = true;
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        checkOpen();
        return closeOnCompletion;
    }

    // ---- quoting ---------------------------------------------------------------------------------------

    /** A string literal of Athena's SQL: in single quotes, each single quote doubled; null is refused (HY024). */
    @Override
    public String enquoteLiteral(String val) throws SQLException {
        checkOpen();
        return SqlQuoting.enquoteLiteral("enquoteLiteral", val);
    }

    /**
     * The same as {@link #enquoteLiteral}: Athena's SQL has no {@code N'...'} literal (JDBC's default), and its
     * varchar holds any Unicode text already.
     */
    @Override
    public String enquoteNCharLiteral(String val) throws SQLException {
        checkOpen();
        return SqlQuoting.enquoteLiteral("enquoteNCharLiteral", val);
    }

    /**
     * Double quotes, each double quote inside doubled, as Athena's SQL writes names (DDL, which Athena parses as
     * Hive, takes backticks instead). Unlike JDBC's default, a name with double quotes or longer than 128 characters
     * is quoted rather than refused, and a reserved word is quoted even when {@code alwaysQuote} is false.
     */
    @Override
    public String enquoteIdentifier(String identifier, boolean alwaysQuote) throws SQLException {
        checkOpen();
        return SqlQuoting.enquoteIdentifier(identifier, alwaysQuote);
    }

    /**
     * JDBC's simple identifier (a letter, then letters, digits, underscores; at most 128) that is no reserved word
     * of Athena's SQL.
     */
    @Override
    public boolean isSimpleIdentifier(String identifier) throws SQLException {
        checkOpen();
        return SqlQuoting.isSimpleIdentifier(identifier);
    }

    // ---- warnings and lifecycle ------------------------------------------------------------------------

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return warnings.first();
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
        warnings.clear();
    }

    @Override
    public boolean isClosed() {
        return closed.get();
    }

    /** Cancels a running query, closes the current result set; idempotent and safe from any thread. */
    @Override
    public void close() throws SQLException {
        close("Statement.close()");
    }

    /**
     * {@link #close()} on behalf of {@code by}, the call a running query's caller is told stopped it: the
     * connection closes its statements through here ("Connection.close()", "Connection.abort()").
     */
    void close(String by) throws SQLException {
        StatementExecution execution;
        synchronized (lifecycle) {
            if (closed.getAndSet(true)) {
                return;
            }
            execution = running;
        }
        if (execution != null) {
            execution.cancel(by);
        }
        try {
            closeResultSet();
            closeKeptOpen();
        } finally {
            connection.statementClosed(this);
        }
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface != null && iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("This statement does not implement " + iface, SqlState.GENERAL_ERROR);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface != null && iface.isInstance(this);
    }
}
