package ai.connecty.athena.local.engine;

import ai.connecty.athena.local.api.AwsException;
import ai.connecty.athena.local.api.QueryFaults;
import ai.connecty.athena.local.sql.EngineFailure;
import ai.connecty.athena.local.sql.UnsupportedSqlException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The query lifecycle: creates executions (honouring ClientRequestToken idempotency), runs them on a bounded
 * background pool through QUEUED, RUNNING and a final state, and keeps them for GetQueryExecution. Result files
 * are complete before the state flips to SUCCEEDED.
 */
public final class QueryService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QueryService.class);
    private static final DateTimeFormatter ENGINE_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")
            .withZone(ZoneOffset.UTC);
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    /** The request fields Athena compares when a token is reused. */
    public record IdempotencyKey(String queryString, String catalog, String database, String outputLocation) {
    }

    private record TokenEntry(IdempotencyKey key, String queryId) {
    }

    /**
     * How long a query may run before it is stopped FAILED: Athena's default DML timeout. A safety net, so a query
     * whose DuckDB work blocks or never ends cannot stay RUNNING forever.
     */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofMinutes(30);
    /** Why a query whose statement overflowed the stack while athena-local ran it failed. */
    static final String TOO_DEEP = "GENERIC_USER_ERROR: statement is too deeply nested for athena-local "
            + "(stack overflow while running it)";
    /**
     * Stack of the query threads. The tree a statement parsed into (on a request thread's usual 1 MiB) is walked
     * again here, to find its tables, print it for DuckDB and place engine errors; a chain of 2,000 {@code ||} or
     * {@code +} is a tree about as deep as Trino's parser can build on 1 MiB, and each walk takes its own frames
     * per level, so the query threads get ample room for any tree that parsed.
     */
    private static final long QUERY_STACK_BYTES = 8L << 20;
    /** Pause between interrupts of a stopped query whose thread is still inside DuckDB. */
    private static final long INTERRUPT_RETRY_MILLIS = 50;

    private final Warehouse warehouse;
    private final QueryFaults faults;
    private final Duration timeLimit;
    private final QueryHistory history;
    private final ExecutorService pool;
    private final ScheduledExecutorService watchdog;
    private final Map<String, QueryExecution> executions = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, TokenEntry> tokens = new LinkedHashMap<>();
    private final AtomicInteger engineCounter = new AtomicInteger();
    private final SecureRandom random = new SecureRandom();
    private final String engineSuffix;

    public QueryService(Warehouse warehouse, QueryFaults faults, Duration timeLimit) {
        this(warehouse, faults, timeLimit, QueryHistory.DEFAULT);
    }

    public QueryService(Warehouse warehouse, QueryFaults faults, Duration timeLimit, QueryHistory history) {
        this.warehouse = warehouse;
        this.faults = faults;
        this.timeLimit = timeLimit;
        this.history = history;
        AtomicInteger threads = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(null, r, "athena-local-query-" + threads.incrementAndGet(), QUERY_STACK_BYTES);
            t.setDaemon(true);
            return t;
        });
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "athena-local-query-watchdog");
            t.setDaemon(true);
            return t;
        });
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(26)));
        }
        this.engineSuffix = sb.toString();
    }

    /**
     * Starts a query, or returns the execution a previous call with the same token created. Throws
     * IDEMPOTENT_PARAMETER_MISMATCH when the token was used with different compared parameters.
     */
    public QueryExecution start(QueryRequest request, String token, IdempotencyKey key) {
        QueryExecution execution;
        synchronized (tokens) {
            TokenEntry previous = token == null ? null : tokens.get(token);
            if (previous != null) {
                if (!previous.key().equals(key)) {
                    throw AwsException.invalidRequest("IDEMPOTENT_PARAMETER_MISMATCH", "Idempotent parameters do not match");
                }
                return executions.get(previous.queryId());
            }
            forgetOldExecutions();
            String id = UUID.randomUUID().toString();
            execution = new QueryExecution(id, request, OutputFiles.of(request.outputPrefix(), id, request.classification()),
                    this::interruptUntilReleased);
            executions.put(id, execution);
            if (token != null) {
                tokens.put(token, new TokenEntry(key, id));
            }
        }
        execution.attachTask(pool.submit(() -> run(execution)));
        return execution;
    }

    /**
     * Forgets the oldest finished executions beyond the history's count, and finished ones older than its age,
     * with their tokens. Called under the tokens lock, before each new execution.
     */
    private void forgetOldExecutions() {
        Instant oldest = Instant.now().minus(history.maxAge());
        java.util.Set<String> forgotten = new java.util.HashSet<>();
        synchronized (executions) {
            int excess = executions.size() + 1 - history.maxExecutions();
            var it = executions.values().iterator();
            while (it.hasNext()) {
                QueryExecution e = it.next();
                QueryExecution.Snapshot s = e.snapshot();
                if (excess <= 0 && s.submitted().isAfter(oldest)) {
                    break; // in submission order: every later execution is younger still
                }
                if (!s.state().isFinal() || s.completed() == null) {
                    continue;
                }
                if (excess > 0 || s.completed().isBefore(oldest)) {
                    it.remove();
                    forgotten.add(e.id());
                    excess--;
                }
            }
        }
        if (!forgotten.isEmpty()) {
            tokens.values().removeIf(t -> forgotten.contains(t.queryId()));
        }
    }

    public Optional<QueryExecution> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(executions.get(id));
    }

    /** Ids of a workgroup's executions, newest first. */
    public List<String> idsInWorkGroup(String workGroup) {
        List<String> ids = new ArrayList<>();
        synchronized (executions) {
            for (QueryExecution e : executions.values()) {
                if (e.request().workGroup().equals(workGroup)) {
                    ids.add(e.id());
                }
            }
        }
        Collections.reverse(ids);
        return ids;
    }

    private void run(QueryExecution e) {
        try {
            if (e.markRunning()) {
                ScheduledFuture<?> limit = watchdog.schedule(() -> timeOut(e), timeLimit.toMillis(), TimeUnit.MILLISECONDS);
                try {
                    runStatement(e);
                } finally {
                    limit.cancel(false);
                }
            }
        } finally {
            e.markReleased();
        }
    }

    private void timeOut(QueryExecution e) {
        String limit = timeLimit.toMinutes() > 0 ? timeLimit.toMinutes() + " minutes" : timeLimit.toMillis() + " ms";
        String reason = "EXCEEDED_TIME_LIMIT: Query exceeded the maximum execution time limit of " + limit
                + " and was stopped by athena-local";
        if (e.stop(QueryState.FAILED, AthenaFailure.engine(reason, 1, 100))) {
            LOG.warn("Query {} stopped after running for {}", e.id(), limit);
        }
    }

    /** Keeps interrupting a stopped query's DuckDB work until its thread has let go of it. */
    private void interruptUntilReleased(QueryExecution e) {
        if (e.released() || watchdog.isShutdown()) {
            return;
        }
        e.interruptEngine();
        try {
            watchdog.schedule(() -> interruptUntilReleased(e), INTERRUPT_RETRY_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            // shutting down: the engine goes away with it
        }
    }

    private void runStatement(QueryExecution e) {
        QueryContext ctx = new QueryContext(e, warehouse, nextEngineId());
        try {
            stretch();
            if (e.request().parameterError() != null) {
                throw QueryFailedException.engine("INVALID_PARAMETER_USAGE: " + e.request().parameterError(), 2, 1100);
            }
            Optional<ResultReuse.Earlier> earlier = ResultReuse.find(ctx, newestFirst());
            if (earlier.isPresent()) {
                e.succeed(earlier.get().result(), earlier.get().files());
            } else {
                e.succeed(execute(ctx));
            }
        } catch (QueryFailedException f) {
            fail(ctx, f.failure());
        } catch (EngineFailure f) {
            fail(ctx, AthenaFailure.engine(f.getMessage(), f.category(), f.errorType()));
        } catch (UnsupportedSqlException f) {
            fail(ctx, AthenaFailure.engine("NOT_SUPPORTED: " + f.getMessage(), 2, 1200));
        } catch (QueryContext.QueryCancelledException | InterruptedException f) {
            // Stopped by the user: the state is already CANCELLED and nothing is written.
        } catch (StackOverflowError f) {
            // The statement's tree is deeper than a recursion over it can follow, even on QUERY_STACK_BYTES: the
            // query fails and the pool thread goes on to the next one.
            fail(ctx, AthenaFailure.engine(TOO_DEEP, 2, 1000));
        } catch (Exception | Error f) {
            // Whatever else goes wrong, the query must not stay RUNNING (the pool's Future would keep the error).
            if (!e.state().isFinal()) {
                LOG.warn("Query {} failed unexpectedly", e.id(), f);
                fail(ctx, AthenaFailure.engine("GENERIC_INTERNAL_ERROR: " + f.getMessage(), 1, 100));
            }
        }
    }

    private StatementResult execute(QueryContext ctx) throws Exception {
        String sub = ctx.request().classification().substatementType();
        String type = ctx.request().classification().statementType();
        switch (sub) {
            case "SELECT":
                return SelectStatement.query(ctx);
            case "EXPLAIN":
                return SelectStatement.explain(ctx);
            case "INSERT":
                return InsertStatement.run(ctx);
            case "UNLOAD":
                return UnloadStatement.run(ctx);
            case "PREPARE":
                return PreparedStatementCommands.prepare(ctx);
            case "DEALLOCATE":
                return PreparedStatementCommands.deallocate(ctx);
            case "EXECUTE":
                // Only an EXECUTE whose name was unknown at StartQueryExecution keeps this type.
                return PreparedStatementCommands.unknownExecute(ctx);
            case "CREATE_TABLE_AS_SELECT":
                // Athena classifies OPTIMIZE as a CTAS; it is the one such statement without Trino's tree.
                return ctx.statement().onTrinoPath() ? CtasStatement.run(ctx) : IcebergMaintenance.run(ctx);
            case "UPDATE":
            case "DELETE":
            case "MERGE":
                return RowChanges.run(ctx);
            case "VACUUM_TABLE":
                return IcebergMaintenance.run(ctx);
            case "SHOW_FUNCTIONS":
                throw QueryFailedException.engine("NOT_SUPPORTED: SHOW FUNCTIONS is not supported by athena-local", 2, 1200);
            default:
                if (type.equals("DML")) {
                    throw QueryFailedException.engine("NOT_SUPPORTED: " + sub + " is not supported by athena-local", 2, 1200);
                }
                return new DdlExecutor(ctx).run();
        }
    }

    /** Every execution known, the most recent first: where result reuse looks for an earlier result. */
    private List<QueryExecution> newestFirst() {
        List<QueryExecution> all;
        synchronized (executions) {
            all = new ArrayList<>(executions.values());
        }
        Collections.reverse(all);
        return all;
    }

    private void fail(QueryContext ctx, AthenaFailure failure) {
        if (ctx.execution.state().isFinal()) {
            return;
        }
        if (failure.hivePath()) {
            // Athena leaves the reason in <id>.txt for failed Hive DDL; engine failures write nothing.
            ctx.warehouse.results().put(ctx.execution.files().main(),
                    failure.stateChangeReason().getBytes(StandardCharsets.UTF_8));
        }
        ctx.execution.fail(failure);
    }

    private void stretch() throws InterruptedException {
        long extra = faults.extraQueryMillis();
        if (extra > 0) {
            Thread.sleep(extra);
        }
    }

    /** Trino-style engine query id, {@code 20260917_085344_00007_k6s5b} (27 characters). */
    private String nextEngineId() {
        return ENGINE_ID_TIME.format(Instant.now()) + "_" + String.format("%05d", engineCounter.incrementAndGet() % 100000)
                + "_" + engineSuffix;
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        pool.shutdownNow();
    }
}
