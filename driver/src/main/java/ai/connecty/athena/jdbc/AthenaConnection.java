package ai.connecty.athena.jdbc;

import ai.connecty.athena.jdbc.aws.AwsClients;
import ai.connecty.athena.jdbc.config.ConnectionConfig;
import ai.connecty.athena.jdbc.errors.SqlExceptions;
import ai.connecty.athena.jdbc.errors.SqlState;
import ai.connecty.athena.jdbc.parameters.JdbcEscapes;
import ai.connecty.athena.jdbc.errors.WarningChain;
import ai.connecty.athena.jdbc.types.AthenaArray;
import ai.connecty.athena.jdbc.types.AthenaStruct;
import ai.connecty.athena.jdbc.types.WellFormedText;
import ai.connecty.athena.jdbc.execution.AthenaQueryClient;
import ai.connecty.athena.jdbc.execution.PollingClock;
import ai.connecty.athena.jdbc.rows.PrefetchThreads;
import ai.connecty.athena.jdbc.execution.QueryRequest;
import ai.connecty.athena.jdbc.execution.QuerySettings;
import ai.connecty.athena.jdbc.execution.StatementExecution;
import ai.connecty.athena.jdbc.metadata.AthenaDatabaseMetaData;
import ai.connecty.athena.jdbc.metadata.ClientInfoNames;
import ai.connecty.athena.jdbc.metadata.MetadataHome;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.ClientInfoStatus;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.ShardingKey;
import java.sql.Statement;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.athena.model.QueryExecution;

/**
 * The java.sql.Connection of this driver. Athena has no sessions or transactions: a connection is the
 * settings queries are started with plus the AWS clients, so building one makes no network call (the driver's
 * connect-time credentials check happens before) and {@link #isValid(int)} answers from local state.
 *
 * <p>Choices where JDBC leaves room: by default ({@code Transactions=refuse}) auto-commit is always on
 * ({@code setAutoCommit(false)} is refused with 0A000, because silently pretending to batch statements into a
 * transaction would lose users' data expectations); with {@code Transactions=emulate} it may be turned off, each
 * statement still taking effect at once, and rollback() (also to a savepoint) fails when there are writes to undo
 * (see {@link EmulatedTransaction}); {@code commit}/{@code rollback} throw 25000 as JDBC requires in auto-commit mode; only
 * TYPE_FORWARD_ONLY / CONCUR_READ_ONLY statements exist (another type or concurrency is downgraded to these with a
 * warning); both holdabilities are taken (a commit closes the result sets of CLOSE_CURSORS_AT_COMMIT statements);
 * a transaction isolation request is accepted with a SQLWarning and the level stays TRANSACTION_NONE (a
 * value that is no isolation constant is refused with HY024).
 *
 * <p>Beyond {@link Connection} it offers {@link #clearMetadataCache()} only: the parts of the driver that work
 * for a connection get what they need (URL, configuration, clients, warning sink) when the connection builds
 * them, so no accessor of internal types is public here.
 */
public class AthenaConnection implements Connection {
    private static final Logger LOG = LoggerFactory.getLogger(AthenaConnection.class);

    private final String url;
    private final ConnectionConfig config;
    private final AwsClients clients;
    private final QuerySettings querySettings;
    private final PollingClock pollingClock;
    private final Set<AthenaStatement> statements = ConcurrentHashMap.newKeySet();
    private final PrefetchThreads prefetchThreads = new PrefetchThreads();
    private final Properties clientInfo = new Properties();
    private volatile AthenaQueryClient queryClient;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Makes "check open, then register a statement" atomic against close(), so no statement outlives it. */
    private final Object lifecycle = new Object();
    private volatile String catalog;
    private volatile String schema;
    private boolean readOnly;
    private volatile int networkTimeoutMillis;
    private int holdability = ResultSet.HOLD_CURSORS_OVER_COMMIT;
    private Map<String, Class<?>> typeMap = new HashMap<>();
    private final WarningChain warnings = new WarningChain();
    /** Catalog access and the metadata cache, for the life of the connection; null without AWS clients. */
    private final MetadataHome metadataHome;
    /** The auto-commit mode and write log under Transactions=emulate; null under refuse (always auto-commit). */
    private final EmulatedTransaction transaction;
    /** RewriteBatchedInserts: whether a PreparedStatement batch of a single-row INSERT runs as multi-row INSERTs. */
    private final boolean rewriteBatchedInserts;

    /** Opened by {@link AthenaDriver} (and so {@link AthenaDataSource}) only: users never build one. */
    AthenaConnection(String url, ConnectionConfig config, AwsClients clients, List<SQLWarning> warnings) {
        this(url, config, clients, warnings, QuerySettings.from(config), null, PollingClock.SYSTEM,
                config.emulateTransactions());
    }

    private AthenaConnection(String url, ConnectionConfig config, AwsClients clients, List<SQLWarning> warnings,
                             QuerySettings querySettings, AthenaQueryClient queryClient, PollingClock pollingClock,
                             boolean emulateTransactions) {
        this.url = url;
        this.config = config;
        this.clients = clients;
        this.querySettings = querySettings;
        this.queryClient = queryClient;
        this.pollingClock = pollingClock;
        this.transaction = emulateTransactions ? new EmulatedTransaction() : null;
        // Connections built around a query client alone (the driver's tests) have no config: the default, on.
        this.rewriteBatchedInserts = config == null || config.rewriteBatchedInserts();
        this.catalog = querySettings.catalog();
        this.schema = querySettings.database();
        this.metadataHome = clients == null ? null : MetadataHome.create(config, clients, this::addWarning,
                () -> networkTimeoutMillis);
        for (SQLWarning warning : warnings == null ? Collections.<SQLWarning>emptyList() : warnings) {
            addWarning(warning);
        }
    }

    /**
     * A connection that runs queries through the given client and owns no AWS clients, so it has no
     * DatabaseMetaData: for the driver's own tests, which drive a query client against WireMock with a clock
     * they control. Package-private on purpose: it takes internal types, so it is no part of the public API.
     */
    static AthenaConnection withQueryClient(String url, AthenaQueryClient queryClient, PollingClock pollingClock) {
        return withQueryClient(url, queryClient, pollingClock, false);
    }

    /** As {@link #withQueryClient(String, AthenaQueryClient, PollingClock)}, with Transactions=emulate when asked. */
    static AthenaConnection withQueryClient(String url, AthenaQueryClient queryClient, PollingClock pollingClock,
                                            boolean emulateTransactions) {
        return new AthenaConnection(url, null, null, Collections.<SQLWarning>emptyList(), queryClient.settings(),
                queryClient, pollingClock, emulateTransactions);
    }

    /**
     * Drops everything this connection's metadata cache holds (catalogs, databases, table listings and tables),
     * so that the next DatabaseMetaData call reads the catalog again: for a table created or changed outside this
     * connection within MetadataCacheTtlSeconds. DDL run through this connection already drops what it touched.
     * Reach it with {@code connection.unwrap(AthenaConnection.class).clearMetadataCache()}.
     */
    public void clearMetadataCache() throws SQLException {
        checkOpen();
        if (metadataHome != null) {
            metadataHome.invalidateAll();
        }
    }

    /**
     * Told by statements after a query finished, so that DDL run through this connection drops the metadata it
     * touched from the cache and the next DatabaseMetaData call (a tool's refresh) sees the change.
     */
    void statementCompleted(QueryExecution execution) {
        if (metadataHome != null) {
            metadataHome.afterStatement(execution);
        }
        if (transaction != null) {
            transaction.completed(execution);
        }
    }

    /**
     * Told by statements whose run ended with an exception: whose query failed, or ended without a known outcome
     * (timed out, cancelled, state unreadable), so that DDL among them, which may still complete, does not leave the
     * metadata it names cached, and an emulated transaction counts what may have taken effect.
     */
    void statementUnfinished(QueryRequest request, StatementExecution execution, Exception failure) {
        if (metadataHome != null) {
            metadataHome.afterUnfinishedStatement(request.sql(), request.catalog(), request.database());
        }
        if (transaction != null) {
            transaction.unfinished(request.sql(), execution.queryExecutionId(), execution.terminalExecution(), failure);
        }
    }

    QuerySettings querySettings() {
        return querySettings;
    }

    /** RewriteBatchedInserts, for the PreparedStatements of this connection. */
    boolean rewritesBatchedInserts() {
        return rewriteBatchedInserts;
    }

    PollingClock pollingClock() {
        return pollingClock;
    }

    /**
     * Tests only (null otherwise): run on the executing thread by every statement of this connection once an execute,
     * a batch or a PreparedStatement.getMetaData has been entered, the point from which a cancel() from another
     * thread must end that call with 57014. Lets a test land a cancel or close exactly there.
     */
    volatile Runnable enteredHook;

    /** Runs {@link #enteredHook}, if a test set one. */
    void entered() {
        Runnable hook = enteredHook;
        if (hook != null) {
            hook.run();
        }
    }

    /**
     * Built on first use, so that opening a connection never touches the Athena client; each caller gets it
     * with the network timeout as it is now.
     */
    AthenaQueryClient queryClient() {
        AthenaQueryClient client = queryClient;
        if (client == null) {
            synchronized (this) {
                if (queryClient == null) {
                    queryClient = new AthenaQueryClient(clients.athena(), clients::s3, querySettings).holdingOpen(clients);
                }
                client = queryClient;
            }
        }
        return client.withNetworkTimeout(networkTimeoutMillis);
    }

    /** Where result sets of this connection fetch their next page while the application reads the current one. */
    PrefetchThreads prefetchThreads() {
        return prefetchThreads;
    }

    String currentCatalog() {
        return catalog;
    }

    String currentSchema() {
        return schema;
    }

    final void checkOpen() throws SQLException {
        if (closed.get()) {
            throw new SQLException("The connection is closed", SqlState.CONNECTION_DOES_NOT_EXIST);
        }
    }

    void statementClosed(AthenaStatement statement) {
        statements.remove(statement);
    }

    // ---- statements ------------------------------------------------------------------------------------

    @Override
    public Statement createStatement() throws SQLException {
        return register(new AthenaStatement(this, holdability));
    }

    /**
     * Registers a new statement of this connection, so that close() closes it; refused once the connection is
     * closed. Every kind of statement is created through here.
     */
    <S extends AthenaStatement> S register(S statement) throws SQLException {
        synchronized (lifecycle) {
            checkOpen();
            statements.add(statement);
        }
        return statement;
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        return createStatement(resultSetType, resultSetConcurrency, holdability);
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability)
            throws SQLException {
        checkOpen();
        checkTypeAndConcurrency(resultSetType, resultSetConcurrency);
        checkHoldability(resultSetHoldability);
        return register(new AthenaStatement(this, resultSetHoldability));
    }

    private static SQLFeatureNotSupportedException callableStatementsNotSupported() {
        return SqlExceptions.notSupported("Athena has no stored procedures (prepareCall)");
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        checkOpen();
        return register(new AthenaPreparedStatement(this, sql, holdability));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        return prepareStatement(sql, resultSetType, resultSetConcurrency, holdability);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency,
                                              int resultSetHoldability) throws SQLException {
        checkOpen();
        checkTypeAndConcurrency(resultSetType, resultSetConcurrency);
        checkHoldability(resultSetHoldability);
        return register(new AthenaPreparedStatement(this, sql, resultSetHoldability));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        checkOpen();
        AthenaStatement.checkAutoGeneratedKeys(autoGeneratedKeys);
        return prepareStatement(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        checkOpen();
        throw SqlExceptions.notSupported("Athena has no generated keys (prepareStatement with column indexes)");
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        checkOpen();
        throw SqlExceptions.notSupported("Athena has no generated keys (prepareStatement with column names)");
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        checkOpen();
        throw callableStatementsNotSupported();
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        checkOpen();
        throw callableStatementsNotSupported();
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability)
            throws SQLException {
        checkOpen();
        throw callableStatementsNotSupported();
    }

    /** The SQL with JDBC escapes translated, as statements send it (see {@link JdbcEscapes}). */
    @Override
    public String nativeSQL(String sql) throws SQLException {
        checkOpen();
        if (sql == null) {
            throw new SQLException("nativeSQL: the SQL text is null", SqlState.INVALID_PARAMETER_VALUE);
        }
        return JdbcEscapes.translate(sql);
    }

    // ---- transactions (Athena has none; Transactions=emulate lets the API run, see EmulatedTransaction) -------

    /** The refusal of setAutoCommit(false) under Transactions=refuse; its first sentence is pinned in the README. */
    static final String AUTO_COMMIT_REFUSAL = "Athena has no transactions: the connection stays in auto-commit mode."
            + " Set the connection property Transactions=emulate to let transaction APIs run, each statement taking"
            + " effect when it completes";

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        checkOpen();
        if (transaction == null) {
            if (!autoCommit) {
                throw SqlExceptions.notSupported(AUTO_COMMIT_REFUSAL);
            }
            return;
        }
        boolean ends = autoCommit && !transaction.autoCommit();
        SQLWarning turnedOff = transaction.setAutoCommit(autoCommit);
        if (turnedOff != null) {
            addWarning(turnedOff);
        }
        if (ends) {
            closeCursorsAtCommit(); // JDBC: turning auto-commit on during a transaction commits it
        }
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        checkOpen();
        return transaction == null || transaction.autoCommit();
    }

    @Override
    public void commit() throws SQLException {
        checkOpen();
        if (transaction == null) {
            throw noTransaction("commit");
        }
        transaction.commit();
        closeCursorsAtCommit();
    }

    @Override
    public void rollback() throws SQLException {
        checkOpen();
        if (transaction == null) {
            throw noTransaction("rollback");
        }
        boolean inTransaction = !transaction.autoCommit();
        try {
            transaction.rollback();
        } catch (SQLException e) {
            if (inTransaction) { // a rollback that fails for the writes still ends the transaction
                try {
                    closeCursorsAtCommit();
                } catch (SQLException closing) {
                    e.addSuppressed(closing);
                }
            }
            throw e;
        }
        closeCursorsAtCommit();
    }

    /** The end of an emulated transaction closes the result sets of CLOSE_CURSORS_AT_COMMIT statements. */
    private void closeCursorsAtCommit() throws SQLException {
        for (AthenaStatement statement : statements) {
            statement.transactionEnded();
        }
    }

    /**
     * Under Transactions=emulate, succeeds when nothing that changed data or the catalog completed since the
     * savepoint was set, else fails with 25000 and the transaction goes on (see {@link EmulatedTransaction}); under
     * refuse, 25000 as rollback() in auto-commit mode.
     */
    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        checkOpen();
        if (transaction == null) {
            throw noTransaction("roll back to a savepoint");
        }
        transaction.rollback(savepoint);
    }

    private static SQLException noTransaction(String action) {
        return new SQLException(EmulatedTransaction.refusalInAutoCommit(action), SqlState.INVALID_TRANSACTION_STATE);
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        checkOpen();
        if (transaction == null) {
            throw savepointsNotSupported();
        }
        return transaction.setSavepoint(null);
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        checkOpen();
        if (transaction == null) {
            throw savepointsNotSupported();
        }
        if (name == null) {
            throw new SQLException("A savepoint name must not be null: call setSavepoint() for an unnamed savepoint",
                    SqlState.INVALID_PARAMETER_VALUE);
        }
        return transaction.setSavepoint(name);
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        checkOpen();
        if (transaction == null) {
            throw savepointsNotSupported();
        }
        transaction.release(savepoint);
    }

    private static SQLFeatureNotSupportedException savepointsNotSupported() {
        return SqlExceptions.notSupported("Athena has no transactions, so no savepoints; with the connection property "
                + "Transactions=emulate they can be set, and rolling back to one succeeds while nothing was written since");
    }

    /**
     * A level other than TRANSACTION_NONE is accepted with a warning; a value that is no Connection constant is
     * refused, as JDBC requires. TRANSACTION_NONE itself passes silently: pools set back the level they read.
     */
    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        checkOpen();
        if (level != Connection.TRANSACTION_NONE && level != Connection.TRANSACTION_READ_UNCOMMITTED
                && level != Connection.TRANSACTION_READ_COMMITTED && level != Connection.TRANSACTION_REPEATABLE_READ
                && level != Connection.TRANSACTION_SERIALIZABLE) {
            throw new SQLException("Unknown transaction isolation level " + level + ": expected a Connection.TRANSACTION_* "
                    + "constant (Athena has no transactions: the level stays TRANSACTION_NONE)", SqlState.INVALID_PARAMETER_VALUE);
        }
        if (level != Connection.TRANSACTION_NONE) {
            addWarning(new SQLWarning("Athena has no transactions; transaction isolation level " + level
                    + " was ignored and stays TRANSACTION_NONE", SqlState.WARNING));
        }
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        checkOpen();
        return Connection.TRANSACTION_NONE;
    }

    // ---- catalog, schema, metadata ---------------------------------------------------------------------

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        checkOpen();
        if (metadataHome == null) {
            throw SqlExceptions.notSupported("This connection was built around a query client alone (the driver's "
                    + "tests do that) and has no AWS clients to read the catalog with; open it through AthenaDriver "
                    + "or AthenaDataSource for DatabaseMetaData");
        }
        return AthenaDatabaseMetaData.create(this, url, config, metadataHome);
    }

    /**
     * Changes the data catalog that later queries run against (QueryExecutionContext.Catalog). Tools that know
     * one level of naming only, such as DBeaver's generic driver choosing the active database, call setCatalog
     * with a database name: a name that is not a data catalog of the account but is a database of the current
     * catalog selects that database instead (as setSchema), with a SQLWarning saying so. Any other name is taken
     * as a catalog, as Athena takes one it does not know.
     */
    @Override
    public void setCatalog(String catalog) throws SQLException {
        checkOpen();
        String name = nonEmpty(catalog, "Catalog");
        if (!name.equalsIgnoreCase(this.catalog) && clients != null && isDatabaseNotCatalog(name)) {
            this.schema = name;
            addWarning(new SQLWarning("setCatalog(\"" + name + "\"): no data catalog has that name, but the current "
                    + "catalog " + this.catalog + " has a database of that name: it is now the current database "
                    + "(Connection.setSchema)", SqlState.WARNING));
            return;
        }
        this.catalog = name;
    }

    /** Whether {@code name} names no data catalog but a database of the current catalog; false when unknown. */
    private boolean isDatabaseNotCatalog(String name) {
        try {
            // Not getCatalogs: without the right to list, it answers the current catalog alone, which proves nothing.
            if (metadataHome.hasCatalog(name)) {
                return false;
            }
            DatabaseMetaData metaData = getMetaData();
            try (ResultSet schemas = metaData.getSchemas(this.catalog, null)) {
                while (schemas.next()) {
                    if (name.equalsIgnoreCase(schemas.getString(1))) {
                        return true;
                    }
                }
            }
        } catch (SQLException listingFailed) {
            // Without the right to list, keep setCatalog's plain meaning.
        }
        return false;
    }

    @Override
    public String getCatalog() throws SQLException {
        checkOpen();
        return catalog;
    }

    /** Changes the database that later queries run against (QueryExecutionContext.Database). */
    @Override
    public void setSchema(String schema) throws SQLException {
        checkOpen();
        this.schema = nonEmpty(schema, "Schema (database)");
    }

    @Override
    public String getSchema() throws SQLException {
        checkOpen();
        return schema;
    }

    private static String nonEmpty(String name, String what) throws SQLException {
        if (name == null || name.trim().isEmpty()) {
            throw new SQLException(what + " must not be empty", SqlState.INVALID_PARAMETER_VALUE);
        }
        // Sent in each query's context: a name with an unpaired surrogate would reach Athena as another name.
        return WellFormedText.require(name.trim(), what + " name");
    }

    /** A hint only: Athena permissions decide what may be written. */
    @Override
    public void setReadOnly(boolean readOnly) throws SQLException {
        checkOpen();
        this.readOnly = readOnly;
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        checkOpen();
        return readOnly;
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        checkOpen();
        return typeMap;
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        checkOpen();
        this.typeMap = map == null ? new HashMap<>() : map;
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        checkOpen();
        checkHoldability(holdability);
        this.holdability = holdability;
    }

    /**
     * TYPE_FORWARD_ONLY and CONCUR_READ_ONLY only. Another ResultSet type or concurrency is replaced by these with a
     * SQLWarning on the connection, as JDBC 4.3 (sections 15.1.1 and 15.1.2) has a driver do with a type it does not
     * support; a value that is none of the ResultSet constants is refused with HY024.
     */
    private void checkTypeAndConcurrency(int type, int concurrency) throws SQLException {
        if (type != ResultSet.TYPE_FORWARD_ONLY && type != ResultSet.TYPE_SCROLL_INSENSITIVE
                && type != ResultSet.TYPE_SCROLL_SENSITIVE) {
            throw new SQLException("Unknown result set type " + type + ": expected ResultSet.TYPE_FORWARD_ONLY ("
                    + ResultSet.TYPE_FORWARD_ONLY + "), TYPE_SCROLL_INSENSITIVE (" + ResultSet.TYPE_SCROLL_INSENSITIVE
                    + ") or TYPE_SCROLL_SENSITIVE (" + ResultSet.TYPE_SCROLL_SENSITIVE + ")", SqlState.INVALID_PARAMETER_VALUE);
        }
        if (concurrency != ResultSet.CONCUR_READ_ONLY && concurrency != ResultSet.CONCUR_UPDATABLE) {
            throw new SQLException("Unknown result set concurrency " + concurrency + ": expected ResultSet.CONCUR_READ_ONLY ("
                    + ResultSet.CONCUR_READ_ONLY + ") or CONCUR_UPDATABLE (" + ResultSet.CONCUR_UPDATABLE + ")",
                    SqlState.INVALID_PARAMETER_VALUE);
        }
        List<String> unsupported = new ArrayList<>();
        if (type != ResultSet.TYPE_FORWARD_ONLY) {
            unsupported.add(type == ResultSet.TYPE_SCROLL_INSENSITIVE ? "TYPE_SCROLL_INSENSITIVE" : "TYPE_SCROLL_SENSITIVE");
        }
        if (concurrency != ResultSet.CONCUR_READ_ONLY) {
            unsupported.add("CONCUR_UPDATABLE");
        }
        if (!unsupported.isEmpty()) {
            addWarning(new SQLWarning("Athena result sets are TYPE_FORWARD_ONLY and CONCUR_READ_ONLY: asked for "
                    + String.join(" and ", unsupported) + ", the statement's result sets are TYPE_FORWARD_ONLY and "
                    + "CONCUR_READ_ONLY", SqlState.WARNING));
        }
    }

    /**
     * Both holdabilities are taken and reported back as asked: they differ only in what a commit does to open
     * result sets, and a connection that is always in auto-commit has no commit to close them at (a query's
     * implicit commit comes when its result set is closed). Refusing CLOSE_CURSORS_AT_COMMIT would fail tools that
     * ask for it on every statement (Metabase's createStatement(FORWARD_ONLY, READ_ONLY, CLOSE_CURSORS_AT_COMMIT))
     * for no difference in behaviour. A value that is neither constant is refused with HY024.
     */
    private static void checkHoldability(int holdability) throws SQLException {
        if (holdability != ResultSet.HOLD_CURSORS_OVER_COMMIT && holdability != ResultSet.CLOSE_CURSORS_AT_COMMIT) {
            throw new SQLException("Unknown holdability " + holdability + ": expected ResultSet.HOLD_CURSORS_OVER_COMMIT ("
                    + ResultSet.HOLD_CURSORS_OVER_COMMIT + ") or CLOSE_CURSORS_AT_COMMIT (" + ResultSet.CLOSE_CURSORS_AT_COMMIT
                    + ")", SqlState.INVALID_PARAMETER_VALUE);
        }
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return holdability;
    }

    // ---- object factories ------------------------------------------------------------------

    @Override
    public Clob createClob() throws SQLException {
        checkOpen();
        throw SqlExceptions.methodNotSupported("createClob");
    }

    @Override
    public Blob createBlob() throws SQLException {
        checkOpen();
        throw SqlExceptions.methodNotSupported("createBlob");
    }

    @Override
    public NClob createNClob() throws SQLException {
        checkOpen();
        throw SqlExceptions.methodNotSupported("createNClob");
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        checkOpen();
        throw SqlExceptions.methodNotSupported("createSQLXML");
    }

    @Override
    public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        checkOpen();
        return AthenaArray.of(typeName, elements);
    }

    @Override
    public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        checkOpen();
        return AthenaStruct.of(typeName, attributes);
    }

    // ---- sharding (JDBC 4.3): the JDK's default bodies refuse without a SQLState, even when closed ---------

    @Override
    public void setShardingKey(ShardingKey shardingKey, ShardingKey superShardingKey) throws SQLException {
        checkOpen();
        throw shardingNotSupported();
    }

    @Override
    public void setShardingKey(ShardingKey shardingKey) throws SQLException {
        checkOpen();
        throw shardingNotSupported();
    }

    @Override
    public boolean setShardingKeyIfValid(ShardingKey shardingKey, ShardingKey superShardingKey, int timeout)
            throws SQLException {
        checkOpen();
        throw shardingNotSupported();
    }

    @Override
    public boolean setShardingKeyIfValid(ShardingKey shardingKey, int timeout) throws SQLException {
        checkOpen();
        throw shardingNotSupported();
    }

    private static SQLFeatureNotSupportedException shardingNotSupported() {
        return SqlExceptions.notSupported("Athena has no shards: setShardingKey is not supported");
    }

    // ---- validity, client info, timeouts ---------------------------------------------------------------

    /** Answers from local state: a query would cost money and an API call proves little about the next one. */
    @Override
    public boolean isValid(int timeout) throws SQLException {
        if (timeout < 0) {
            throw new SQLException("Timeout must be 0 or more seconds, was " + timeout, SqlState.INVALID_PARAMETER_VALUE);
        }
        return !closed.get();
    }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        if (closed.get()) {
            Map<String, ClientInfoStatus> failed = new HashMap<>();
            failed.put(name, ClientInfoStatus.REASON_UNKNOWN);
            throw new SQLClientInfoException("The connection is closed", SqlState.CONNECTION_DOES_NOT_EXIST, failed);
        }
        if (name == null) {
            return;
        }
        synchronized (clientInfo) {
            if (value == null) {
                clientInfo.remove(name);
            } else {
                clientInfo.setProperty(name, value);
            }
        }
        warnOfUnknownClientInfo(Collections.singleton(name));
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        if (closed.get()) {
            Map<String, ClientInfoStatus> failed = new HashMap<>();
            if (properties != null) {
                properties.stringPropertyNames().forEach(name -> failed.put(name, ClientInfoStatus.REASON_UNKNOWN));
            }
            throw new SQLClientInfoException("The connection is closed", SqlState.CONNECTION_DOES_NOT_EXIST, failed);
        }
        synchronized (clientInfo) {
            clientInfo.clear();
            if (properties != null) {
                properties.stringPropertyNames().forEach(name -> clientInfo.setProperty(name, properties.getProperty(name)));
            }
        }
        if (properties != null) {
            warnOfUnknownClientInfo(new TreeSet<>(properties.stringPropertyNames()));
        }
    }

    /** JDBC's javadoc has a warning for a name the driver does not recognize; the value is kept all the same. */
    private void warnOfUnknownClientInfo(Collection<String> names) {
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            if (!ClientInfoNames.isKnown(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            addWarning(new SQLWarning("Client info " + String.join(", ", unknown) + " is not a property the driver "
                    + "knows (" + String.join(", ", ClientInfoNames.KNOWN) + "); kept for getClientInfo only",
                    SqlState.WARNING));
        }
    }

    @Override
    public String getClientInfo(String name) throws SQLException {
        checkOpen();
        synchronized (clientInfo) {
            if (name == null) {
                return null;
            }
            String value = clientInfo.getProperty(name);
            return value == null && ClientInfoNames.APPLICATION_NAME.equals(name)
                    ? config.applicationName().orElse(null) : value;
        }
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        checkOpen();
        synchronized (clientInfo) {
            Properties copy = new Properties();
            config.applicationName().ifPresent(name -> copy.setProperty(ClientInfoNames.APPLICATION_NAME, name));
            copy.putAll(clientInfo);
            return copy;
        }
    }

    /**
     * Limits each HTTP attempt of DatabaseMetaData calls made from now on, and of the query calls
     * (StartQueryExecution, GetQueryExecution, GetQueryResults, StopQueryExecution) and the S3 GETs of result files
     * of statements executed from now on; statements already running and result sets already open keep the
     * timeout they started with. An S3 response that sends no byte for that long is aborted and resumed too. A
     * call that runs out fails with SQLState 58030 after the retries. 0 (the default) leaves only the connect and
     * socket timeouts of the NetworkTimeoutMillis property. The SDK and the S3 reader enforce the limit
     * themselves, so {@code executor} is not used. Unlike JDBC's description, a timeout does not close the
     * connection: it holds no socket a timeout could leave broken, every call being its own HTTP request.
     */
    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        checkOpen();
        // JDBC refuses a null executor. This driver never runs work on it (no socket to break), but accepting null
        // would let code pass here that fails on the next driver, which does use it.
        if (executor == null) {
            throw new SQLException("setNetworkTimeout needs an executor (JDBC refuses null), even though this driver"
                    + " runs nothing on it", SqlState.INVALID_PARAMETER_VALUE);
        }
        if (milliseconds < 0) {
            throw new SQLException("Network timeout must be 0 or more milliseconds, was " + milliseconds,
                    SqlState.INVALID_PARAMETER_VALUE);
        }
        networkTimeoutMillis = milliseconds;
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        checkOpen();
        return networkTimeoutMillis;
    }

    // ---- warnings and lifecycle ------------------------------------------------------------------------

    /**
     * Appends a warning to this connection's chain. The parts of the driver that act for the connection
     * (metadata falling back from a denied Glue call, for instance) get this method as a callback when the
     * connection builds them.
     */
    void addWarning(SQLWarning warning) {
        warnings.add(warning);
    }

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

    /**
     * Closes every open statement (which cancel their queries and close their result sets), ends the threads that
     * fetched result pages ahead, then closes the AWS clients.
     */
    @Override
    public void close() throws SQLException {
        if (markClosed()) {
            release("Connection.close()");
        }
    }

    /** True for the one caller that closed the connection; after it, no statement can be registered. */
    private boolean markClosed() {
        synchronized (lifecycle) {
            return !closed.getAndSet(true);
        }
    }

    /** {@code by}: the call closing the connection, named to the callers of queries it stops. */
    private void release(String by) throws SQLException {
        SQLException failure = null;
        for (AthenaStatement statement : new ArrayList<>(statements)) {
            try {
                statement.close(by);
            } catch (SQLException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.setNextException(e);
                }
            }
        }
        statements.clear();
        prefetchThreads.shutdown();
        if (clients != null) {
            try {
                clients.close();
            } catch (RuntimeException e) {
                LOG.debug("Closing the AWS clients failed", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void abort(Executor executor) throws SQLException {
        if (executor == null) {
            throw new SQLException("abort needs an executor", SqlState.INVALID_PARAMETER_VALUE);
        }
        if (!markClosed()) {
            return;
        }
        Runnable releaseQuietly = () -> {
            try {
                release("Connection.abort()");
            } catch (SQLException e) {
                LOG.debug("Closing an aborted connection failed", e);
            }
        };
        try {
            executor.execute(releaseQuietly);
        } catch (RuntimeException refused) {
            // The connection is marked closed already, so no later close() would release it: do it here, as close()
            // would (stopping running queries), rather than leave its statements, result sets and AWS clients open.
            LOG.debug("The executor given to abort() refused the release; releasing in the calling thread", refused);
            releaseQuietly.run();
        }
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface != null && iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("This connection does not implement " + iface, SqlState.GENERAL_ERROR);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface != null && iface.isInstance(this);
    }
}
