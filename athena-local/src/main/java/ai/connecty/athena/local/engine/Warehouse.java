package ai.connecty.athena.local.engine;

import ai.connecty.athena.local.catalog.CatalogStore;
import ai.connecty.athena.local.catalog.ColumnDef;
import ai.connecty.athena.local.catalog.DataCatalog;
import ai.connecty.athena.local.catalog.DuckDbViews;
import ai.connecty.athena.local.catalog.HiddenColumns;
import ai.connecty.athena.local.catalog.PartitionDef;
import ai.connecty.athena.local.catalog.PartitionProjection;
import ai.connecty.athena.local.catalog.TableDef;
import ai.connecty.athena.local.catalog.TableFiles;
import ai.connecty.athena.local.sql.EngineFailure;
import ai.connecty.athena.local.sql.SqlRejectedException;
import ai.connecty.athena.local.sql.TableColumns;
import ai.connecty.athena.local.sql.TrinoSql;
import io.trino.sql.tree.Node;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The shared state statements work on: the catalog, its DuckDB mirror, the files behind tables and the result
 * store, plus name resolution in a query context.
 */
public final class Warehouse {

    private final CatalogStore catalog;
    private final DuckDbEngine engine;
    private final DuckDbViews views;
    private final TableFiles files;
    private final ResultStore results;
    private final String accountId;
    private final String region;
    private final ReentrantLock catalogLock = new ReentrantLock();
    private final PreparedStatements preparedStatements = new PreparedStatements();

    /** Catalog work that may fail in DuckDB. */
    @FunctionalInterface
    public interface CatalogWork<T> {
        T run() throws SQLException;
    }

    public Warehouse(CatalogStore catalog, DuckDbEngine engine, DuckDbViews views, TableFiles files,
                     ResultStore results, String accountId, String region) {
        this.catalog = catalog;
        this.engine = engine;
        this.views = views;
        this.files = files;
        this.results = results;
        this.accountId = accountId;
        this.region = region;
    }

    public CatalogStore catalog() {
        return catalog;
    }

    /** The workgroups' prepared statements (PREPARE, EXECUTE and the prepared-statement API). */
    public PreparedStatements preparedStatements() {
        return preparedStatements;
    }

    public DuckDbEngine engine() {
        return engine;
    }

    public DuckDbViews views() {
        return views;
    }

    public TableFiles files() {
        return files;
    }

    public ResultStore results() {
        return results;
    }

    public String accountId() {
        return accountId;
    }

    public String region() {
        return region;
    }

    /** The catalog a statement runs in: the context catalog when it exists, else AwsDataCatalog (as Athena does for DDL). */
    public DataCatalog catalogOrDefault(String contextCatalog) {
        return catalog.catalog(contextCatalog).orElse(DataCatalog.AWS_DATA_CATALOG);
    }

    public Optional<ResolvedTable> resolve(List<String> parts, String contextCatalog, String contextDatabase) {
        String cat;
        String db;
        String name;
        switch (parts.size()) {
            case 1 -> {
                cat = contextCatalog;
                db = contextDatabase;
                name = parts.get(0);
            }
            case 2 -> {
                cat = contextCatalog;
                db = parts.get(0);
                name = parts.get(1);
            }
            case 3 -> {
                cat = parts.get(0);
                db = parts.get(1);
                name = parts.get(2);
            }
            default -> {
                return Optional.empty();
            }
        }
        if (db == null) {
            return Optional.empty();
        }
        Optional<DataCatalog> dc = catalog.catalog(cat == null ? DataCatalog.AWS_DATA_CATALOG.name() : cat);
        return dc.flatMap(c -> catalog.table(c.name(), db, name).map(t -> new ResolvedTable(c, t)));
    }

    /**
     * The declared columns of the tables and views a statement run in {@code contextCatalog} and
     * {@code contextDatabase} names, for its translation ({@link TableColumns}): the catalog's columns of a table
     * (partition keys last, as DuckDB's view of it has them) or view; null for a name that resolves to none.
     */
    public TableColumns columnsIn(String contextCatalog, String contextDatabase) {
        return new TableColumns() {
            @Override
            public List<Declared> of(List<String> name) {
                return resolve(name, contextCatalog, contextDatabase)
                        .map(t -> declared(t.table().allColumns()))
                        .orElse(null);
            }

            @Override
            public Hidden hiddenColumns(List<String> name) {
                return resolve(name, contextCatalog, contextDatabase)
                        .filter(t -> !t.table().isView())
                        .map(t -> new Hidden(DuckDbViews.hiddenColumnsView(t.catalog(), t.table().database(),
                                t.table().name()), declared(HiddenColumns.of(t.table()))))
                        .orElse(null);
            }
        };
    }

    private static List<TableColumns.Declared> declared(List<ColumnDef> columns) {
        return columns.stream().map(c -> new TableColumns.Declared(c.name(), c.type())).toList();
    }

    /**
     * Tables a statement reads, by its parsed tree ({@code node}: a statement, or the query it carries, and the
     * expressions bound to its parameters), followed through views.
     */
    public List<ResolvedTable> referencedTables(Node node, List<? extends Node> parameters, String contextCatalog,
                                                String contextDatabase) {
        Map<String, ResolvedTable> found = new LinkedHashMap<>();
        collect(node, contextCatalog, contextDatabase, found, 0);
        for (Node p : parameters) {
            collect(p, contextCatalog, contextDatabase, found, 0);
        }
        return new ArrayList<>(found.values());
    }

    /**
     * The tables and views of {@code tree}, then the tables behind each view by the view's own text. View text
     * Trino cannot parse fails the query: without its tree nothing could say which rights it needs.
     */
    private void collect(Node tree, String cat, String db, Map<String, ResolvedTable> found, int depth) {
        for (List<String> parts : TrinoSql.tableNames(tree)) {
            Optional<ResolvedTable> r = resolve(parts, cat, db);
            if (r.isEmpty()) {
                // "t$snapshots" and the other metadata tables need the rights of reading t itself.
                r = IcebergMetadataTables.Name.of(parts).flatMap(n -> resolve(n.table(), cat, db));
            }
            if (r.isPresent() && found.putIfAbsent(r.get().qualifiedName(), r.get()) == null) {
                TableDef def = r.get().table();
                if (def.isView() && def.viewSql() != null && depth < 10) {
                    Node view;
                    try {
                        view = TrinoSql.parse(def.viewSql());
                    } catch (SqlRejectedException e) {
                        throw new EngineFailure("SYNTAX_ERROR", 2, 1006, e.getMessage());
                    }
                    collect(view, r.get().catalog().name(), def.database(), found, depth + 1);
                }
            }
        }
    }

    /** Rebinds the DuckDB views of file-backed tables to the files present now; returns the bytes they cover. */
    public long bindForQuery(List<ResolvedTable> tables) throws SQLException {
        return bindForQuery(tables, Map.of());
    }

    /**
     * As {@link #bindForQuery(List)}, with the values the query's WHERE gives injected projected partition columns
     * (by lower-case name). A table with partition projection reads its projected partitions, never Glue's.
     */
    public long bindForQuery(List<ResolvedTable> tables, Map<String, Set<String>> injected) throws SQLException {
        // Projection is worked out before taking the lock: it lists folders and may fail the query.
        Map<String, List<PartitionDef>> projected = new HashMap<>();
        LocalDateTime clock = LocalDateTime.now(ZoneOffset.UTC);
        for (ResolvedTable t : tables) {
            if (PartitionProjection.isEnabled(t.table())) {
                projected.put(t.qualifiedName(), projectedPartitions(t.table(), clock, injected));
            }
        }
        return underCatalogLock(() -> {
            long bytes = 0;
            for (ResolvedTable t : tables) {
                // The definition as it is now, not as resolved earlier: a DROP or CREATE may have come in between.
                String cat = t.catalog().name();
                Optional<TableDef> now = catalog.table(cat, t.table().database(), t.table().name());
                if (now.isPresent() && !now.get().isView()) {
                    List<PartitionDef> partitions = PartitionProjection.isEnabled(now.get())
                            ? projected.getOrDefault(t.qualifiedName(), List.of())
                            : catalog.partitions(cat, now.get().database(), now.get().name());
                    bytes += views.bindTable(t.catalog(), now.get(), partitions);
                }
            }
            return bytes;
        });
    }

    private List<PartitionDef> projectedPartitions(TableDef table, LocalDateTime now,
                                                   Map<String, Set<String>> injected) {
        PartitionProjection projection = PartitionProjection.of(table);
        for (String column : projection.injectedColumns()) {
            if (injected.getOrDefault(column, Set.of()).isEmpty()) {
                throw EngineFailure.user("CONSTRAINT_VIOLATION", "For the injected projected partition column "
                        + column + ", the WHERE clause must contain only static equality conditions, and at least "
                        + "one such condition must be present.");
            }
        }
        return projection.partitions(results.buckets(), now);
    }

    /**
     * Runs a catalog change together with its DuckDB mirror (or a query's view binding) so that concurrent
     * statements never interleave between the two: otherwise a DROP racing a CREATE or a query's rebinding could
     * leave a DuckDB view the catalog no longer has. Only catalog work runs under it, never a query's own
     * execution. Waiting is interruptible, so a stopped query waiting here is released.
     */
    public <T> T underCatalogLock(CatalogWork<T> work) throws SQLException {
        try {
            catalogLock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryContext.QueryCancelledException();
        }
        try {
            return work.run();
        } finally {
            catalogLock.unlock();
        }
    }
}
