package ai.connecty.athena.jdbc.metadata;

import ai.connecty.athena.jdbc.aws.AttemptTimeout;
import ai.connecty.athena.jdbc.aws.AwsClients;
import ai.connecty.athena.jdbc.config.ConnectionConfig;
import ai.connecty.athena.jdbc.errors.ErrorTranslator;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;

/**
 * Everything a connection knows about its catalogs, kept for the life of the connection: the catalog access
 * (with its Glue-denied fallback decision) and a cache of catalogs, databases, tables and their columns that
 * expires after {@code MetadataCacheTtlSeconds}. A listing fills the per-table cache too, because Glue GetTables
 * and Athena ListTableMetadata pages carry every column: the getColumns a tool runs after expanding a schema
 * then makes no call. DDL run through the connection ({@link #afterStatement}) drops what it touched.
 *
 * <p>Thread-safe: tools call DatabaseMetaData from several threads at once; concurrent requests for the same
 * listing share one set of AWS calls.
 */
public final class MetadataHome {
    private static final Logger LOG = LoggerFactory.getLogger(MetadataHome.class);
    private static final String ALL = "";

    private final CatalogAccess access;
    private final String defaultCatalog;
    private final Consumer<SQLWarning> warnings;
    private final TtlCache<String, List<String>> catalogs;
    private final TtlCache<String, List<String>> databases;
    /** Key: catalog, database and server expression ("" = the whole database). */
    private final TtlCache<TableKey, List<TableEntry>> listings;
    /** Key: catalog, database and exact table name; empty = known not to exist. */
    private final TtlCache<TableKey, Optional<TableEntry>> tables;

    MetadataHome(CatalogAccess access, String defaultCatalog, long ttlSeconds, LongSupplier nanoClock,
                 Consumer<SQLWarning> warnings) {
        this.access = access;
        this.defaultCatalog = defaultCatalog;
        this.warnings = warnings;
        long ttlNanos = TimeUnit.SECONDS.toNanos(ttlSeconds);
        AtomicLong generation = new AtomicLong();
        this.catalogs = new TtlCache<>(ttlNanos, nanoClock, generation);
        this.databases = new TtlCache<>(ttlNanos, nanoClock, generation);
        this.listings = new TtlCache<>(ttlNanos, nanoClock, generation);
        this.tables = new TtlCache<>(ttlNanos, nanoClock, generation);
    }

    /**
     * The home of a connection; building it makes no call.
     *
     * @param networkTimeoutMillis the connection's Connection.setNetworkTimeout, read at each call (0 for none)
     */
    public static MetadataHome create(ConnectionConfig config, AwsClients clients, Consumer<SQLWarning> warnings,
                                      IntSupplier networkTimeoutMillis) {
        Supplier<AwsRequestOverrideConfiguration> timeout = () -> AttemptTimeout.of(networkTimeoutMillis.getAsInt());
        CatalogAccess access = new CatalogAccess(CatalogAccess.listDataCatalogs(clients.athena(), timeout),
                new GlueBrowser(clients::glue, timeout), new AthenaApiBrowser(clients.athena(), config.workGroup(), timeout),
                config.metadataRetrievalMethod(), warnings);
        return new MetadataHome(access, config.catalog(), config.metadataCacheTtlSeconds(), System::nanoTime, warnings);
    }

    // ---------------------------------------------------------------- reads

    List<String> catalogs() throws SQLException {
        return catalogs.get(ALL, () -> Collections.unmodifiableList(access.catalogs()));
    }

    /**
     * Whether a data catalog has this name, in any case; unlike getCatalogs, fails when the catalogs may not be
     * listed, as the answer is then unknown.
     */
    public boolean hasCatalog(String name) throws SQLException {
        for (String catalog : catalogs()) {
            if (catalog.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@link #catalogs}, or when the user may not list them (no athena:ListDataCatalogs), {@code current} alone with a
     * warning on the connection: a tool's navigator then opens on the connection's catalog instead of showing nothing.
     */
    List<String> catalogsUnlessDenied(String current) throws SQLException {
        try {
            return catalogs();
        } catch (SQLException e) {
            if (!ErrorTranslator.isAccessDenied(e)) {
                throw e;
            }
            warnings.accept(new SQLWarning("Listed only the connection's catalog " + current
                    + ", as the data catalogs may not be listed: " + e.getMessage(), e.getSQLState(), e));
            return Collections.singletonList(current);
        }
    }

    /** The catalogs as last listed, if that listing is still fresh; never makes a call. */
    Optional<List<String>> listedCatalogs() {
        return catalogs.peek(ALL);
    }

    List<String> databases(String catalog) throws SQLException {
        return databases.get(key(catalog), () -> Collections.unmodifiableList(access.databases(catalog)));
    }

    /** The tables of one database whose names match, in no particular order. */
    List<TableEntry> tables(String catalog, String database, NamePattern pattern) throws SQLException {
        Optional<List<TableEntry>> whole = listings.peek(new TableKey(catalog, database, ALL));
        if (whole.isPresent()) {
            return matching(whole.get(), pattern);
        }
        Optional<String> exact = pattern.exactName();
        if (exact.isPresent() && exact.get().isEmpty()) {
            // No table has an empty name, and Glue GetTable rejects one instead of finding nothing.
            return Collections.emptyList();
        }
        if (exact.isPresent()) {
            Optional<TableEntry> table = tables.get(new TableKey(catalog, database, exact.get()),
                    () -> access.table(catalog, database, exact.get()));
            return table.map(Collections::singletonList).orElse(Collections.emptyList());
        }
        String expression = pattern.serverExpression().orElse(ALL);
        List<TableEntry> listed = listings.get(new TableKey(catalog, database, expression), () -> {
            long generation = tables.generation();
            long startTime = tables.now();
            List<TableEntry> loaded = access.tables(catalog, database, expression.isEmpty() ? null : expression);
            // Stamped with the listing's own start, so a table's entry never outlives the listing it came from.
            for (TableEntry entry : loaded) {
                tables.putFrom(new TableKey(catalog, database, entry.name()), Optional.of(entry), generation, startTime);
            }
            return Collections.unmodifiableList(loaded);
        });
        return matching(listed, pattern);
    }

    /**
     * {@link #tables} of one database among several a pattern matched: a database the user may not read is left out
     * with a warning on the connection, so that one denied database does not hide all the others from a tool.
     */
    List<TableEntry> tablesUnlessDenied(String catalog, String database, NamePattern pattern) throws SQLException {
        try {
            return tables(catalog, database, pattern);
        } catch (SQLException e) {
            if (!ErrorTranslator.isAccessDenied(e)) {
                throw e;
            }
            warnings.accept(new SQLWarning("Left out the tables of database " + database + " (catalog " + catalog
                    + "), which may not be read: " + e.getMessage(), e.getSQLState(), e));
            return Collections.emptyList();
        }
    }

    private static List<TableEntry> matching(List<TableEntry> entries, NamePattern pattern) {
        if (pattern.matchesEverything()) {
            return entries;
        }
        List<TableEntry> matching = new ArrayList<>();
        for (TableEntry entry : entries) {
            if (pattern.matches(entry.name())) {
                matching.add(entry);
            }
        }
        return matching;
    }

    // ---------------------------------------------------------------- invalidation

    /**
     * Called by the statement layer after a query of this connection finished: DDL (CREATE, DROP, ALTER, MSCK,
     * CTAS...) drops the cached metadata of the database it touched, or of everything when the target cannot be
     * told from the statement; other statements change nothing. Never fails: a cache must not break a query.
     */
    public void afterStatement(QueryExecution execution) {
        if (execution == null || execution.status() == null
                || execution.status().state() != QueryExecutionState.SUCCEEDED) {
            return;
        }
        invalidateTarget(() -> DdlTarget.of(execution, defaultCatalog));
    }

    /**
     * Called by the statement layer when a query of this connection ended without succeeding. Most such endings
     * leave its outcome open (a timeout, a cancel, a state that could not be read), and DDL may still complete
     * after them, so what its text names is dropped now rather than kept stale for the whole TTL; after a plain
     * failure that costs one reread. Never fails.
     *
     * @param catalog  the catalog the statement ran in; null for the connection's default
     * @param database the database it ran in; null for {@code default}
     */
    public void afterUnfinishedStatement(String sql, String catalog, String database) {
        invalidateTarget(() -> DdlTarget.ofText(sql, catalog, database, defaultCatalog));
    }

    /** Drops what a statement touched; a statement that cannot be read drops everything, as a cache must not fail it. */
    private void invalidateTarget(Supplier<Optional<DdlTarget>> touched) {
        try {
            touched.get().ifPresent(this::invalidate);
        } catch (RuntimeException e) {
            LOG.debug("Could not tell what DDL touched; dropping all cached metadata", e);
            invalidateAll();
        }
    }

    /** Forgets everything cached (the Glue-denied decision stays: it is about permissions, not contents). */
    public void invalidateAll() {
        catalogs.invalidate(key -> true);
        databases.invalidate(key -> true);
        listings.invalidate(key -> true);
        tables.invalidate(key -> true);
    }

    void invalidate(DdlTarget target) {
        if (target.isEverything()) {
            invalidateAll();
            return;
        }
        String catalog = key(target.catalog());
        if (target.isDatabaseLevel()) {
            databases.invalidate(catalog::equals);
        }
        String database = key(target.database());
        listings.invalidate(k -> k.catalog.equals(catalog) && k.database.equals(database));
        tables.invalidate(k -> k.catalog.equals(catalog) && k.database.equals(database));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Catalog, database and a table name or server expression, compared without case like Athena does. */
    static final class TableKey {
        final String catalog;
        final String database;
        final String name;

        TableKey(String catalog, String database, String name) {
            this.catalog = key(catalog);
            this.database = key(database);
            this.name = key(name);
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof TableKey)) {
                return false;
            }
            TableKey other = (TableKey) o;
            return catalog.equals(other.catalog) && database.equals(other.database) && name.equals(other.name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(catalog, database, name);
        }
    }
}
