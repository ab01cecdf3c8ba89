package ai.connecty.athena.local.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.Future;

/**
 * One query execution: immutable request facts plus the state the background run moves through. Readers take
 * a consistent {@link #snapshot()}; writers are the runner (state, result) and StopQueryExecution.
 */
public final class QueryExecution {

    /** A consistent view of the mutable part, for rendering GetQueryExecution. */
    public record Snapshot(QueryState state, AthenaFailure failure, Instant submitted, Instant started,
                           Instant completed, long dataScannedBytes, Long planningMillis, boolean reused,
                           String manifestLocation, StatementResult result) {
    }

    private final String id;
    private final QueryRequest request;
    private final OutputFiles files;

    private QueryState state = QueryState.QUEUED;
    private AthenaFailure failure;
    private final Instant submitted = Instant.now();
    private Instant started;
    private Instant completed;
    private long dataScannedBytes;
    private Long planningMillis;
    private boolean reused;
    private String manifestLocation;
    private StatementResult result;
    private Future<?> task;
    private Connection connection;

    public QueryExecution(String id, QueryRequest request, OutputFiles files) {
        this.id = id;
        this.request = request;
        this.files = files;
    }

    public String id() {
        return id;
    }

    public QueryRequest request() {
        return request;
    }

    public OutputFiles files() {
        return files;
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(state, failure, submitted, started, completed, dataScannedBytes, planningMillis, reused,
                manifestLocation, result);
    }

    public synchronized QueryState state() {
        return state;
    }

    /** QUEUED -> RUNNING; false when the query was cancelled while queued. */
    synchronized boolean markRunning() {
        if (state != QueryState.QUEUED) {
            return false;
        }
        state = QueryState.RUNNING;
        started = Instant.now();
        return true;
    }

    synchronized void recordScan(long bytes, boolean planned) {
        dataScannedBytes += bytes;
        if (planned && planningMillis == null) {
            planningMillis = Math.max(1, java.time.Duration.between(started, Instant.now()).toMillis());
        }
    }

    synchronized void recordManifest(String location) {
        manifestLocation = location;
    }

    synchronized boolean succeed(StatementResult r, boolean fromReuse) {
        if (state.isFinal()) {
            return false;
        }
        result = r;
        reused = fromReuse;
        state = QueryState.SUCCEEDED;
        completed = Instant.now();
        return true;
    }

    synchronized boolean fail(AthenaFailure f) {
        if (state.isFinal()) {
            return false;
        }
        failure = f;
        state = QueryState.FAILED;
        completed = Instant.now();
        return true;
    }

    /** Cancels a queued or running query and interrupts its DuckDB work; finished queries stay as they are. */
    public void cancel() {
        Connection toClose;
        Future<?> toCancel;
        synchronized (this) {
            if (state.isFinal()) {
                return;
            }
            state = QueryState.CANCELLED;
            failure = new AthenaFailure("Query cancelled by user", 2, 1000, "Query cancelled by user", false);
            completed = Instant.now();
            toClose = connection;
            toCancel = task;
        }
        if (toClose != null) {
            try {
                // Closing a DuckDB connection interrupts the statement running on it.
                toClose.close();
            } catch (SQLException e) {
                // already closed: nothing left to interrupt
            }
        }
        if (toCancel != null) {
            toCancel.cancel(true);
        }
    }

    synchronized void attachTask(Future<?> f) {
        task = f;
    }

    /** Registers the DuckDB connection to interrupt on cancel; false if the query was cancelled meanwhile. */
    synchronized boolean attachConnection(Connection c) {
        connection = c;
        return !state.isFinal();
    }
}
