package ai.connecty.athena.local.engine;

import java.time.Instant;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * One query execution: immutable request facts plus the state the background run moves through. Readers take
 * a consistent {@link #snapshot()}; writers are the runner (state, result) and StopQueryExecution.
 */
public final class QueryExecution {

    /**
     * A consistent view of the mutable part, for rendering GetQueryExecution.
     *
     * @param reusedFrom the files of the earlier execution whose result this one reused, or null when it ran
     */
    public record Snapshot(QueryState state, AthenaFailure failure, Instant submitted, Instant started,
                           Instant completed, long dataScannedBytes, Long planningMillis, OutputFiles reusedFrom,
                           String manifestLocation, StatementResult result) {

        /** ResultReuseInformation.ReusedPreviousResult. */
        public boolean reused() {
            return reusedFrom != null;
        }
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
    private OutputFiles reusedFrom;
    private String manifestLocation;
    private StatementResult result;
    private Future<?> task;
    private InterruptibleConnection connection;
    private boolean released;

    private final Consumer<QueryExecution> afterStop;

    /** {@code afterStop} runs after a stop has interrupted the query once (to keep interrupting until released). */
    QueryExecution(String id, QueryRequest request, OutputFiles files, Consumer<QueryExecution> afterStop) {
        this.id = id;
        this.request = request;
        this.files = files;
        this.afterStop = afterStop;
    }

    public String id() {
        return id;
    }

    public QueryRequest request() {
        return request;
    }

    /** Where this execution writes its result objects: {@code <prefix><id>.csv} and the like. */
    public OutputFiles files() {
        return files;
    }

    /**
     * Where this execution's result lives: its own {@link #files()}, or, once it has reused an earlier result,
     * that earlier execution's files (Athena points a reused query at the earlier result instead of copying it).
     */
    public synchronized OutputFiles resultFiles() {
        return reusedFrom != null ? reusedFrom : files;
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(state, failure, submitted, started, completed, dataScannedBytes, planningMillis, reusedFrom,
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

    /** Ends the query SUCCEEDED with a result it produced itself. */
    synchronized boolean succeed(StatementResult r) {
        return succeed(r, null);
    }

    /**
     * Ends the query SUCCEEDED with {@code r}; {@code earlierFiles} non-null says {@code r} is the result of an
     * earlier execution whose files it answers with.
     */
    synchronized boolean succeed(StatementResult r, OutputFiles earlierFiles) {
        if (state.isFinal()) {
            return false;
        }
        result = r;
        reusedFrom = earlierFiles;
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
        stop(QueryState.CANCELLED,
                new AthenaFailure("Query cancelled by user", 2, 1000, "Query cancelled by user", false));
    }

    /**
     * Ends a queued or running query in {@code finalState} and interrupts its work; false when it had finished.
     * The query thread may still be inside DuckDB afterwards: {@link #interruptEngine()} again until
     * {@link #released()}.
     */
    boolean stop(QueryState finalState, AthenaFailure reason) {
        Future<?> toCancel;
        synchronized (this) {
            if (state.isFinal()) {
                return false;
            }
            // A query stopped while QUEUED never runs (its task is cancelled before it starts): nothing to release.
            released = released || state == QueryState.QUEUED;
            state = finalState;
            failure = reason;
            completed = Instant.now();
            toCancel = task;
        }
        interruptEngine();
        if (toCancel != null) {
            // Wakes a thread sleeping or waiting in Java; DuckDB itself only reacts to interruptEngine().
            toCancel.cancel(true);
        }
        afterStop.accept(this);
        return true;
    }

    /** Interrupts the DuckDB statements of this query, if any run now. */
    void interruptEngine() {
        InterruptibleConnection c;
        synchronized (this) {
            c = connection;
        }
        if (c != null) {
            c.interrupt();
        }
    }

    /** Whether the query thread has finished with this execution (or never started it). */
    synchronized boolean released() {
        return released;
    }

    synchronized void markReleased() {
        released = true;
    }

    synchronized void attachTask(Future<?> f) {
        task = f;
    }

    /** Registers the DuckDB connection to interrupt on stop; false if the query was stopped meanwhile. */
    synchronized boolean attachConnection(InterruptibleConnection c) {
        connection = c;
        return !state.isFinal();
    }
}
