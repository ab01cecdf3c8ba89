package ai.connecty.athena.local.warehouse;

import ai.connecty.athena.local.api.CallContext;
import ai.connecty.athena.local.api.JsonOperationHandler;
import ai.connecty.athena.local.api.QueryFaults;
import ai.connecty.athena.local.athena.AthenaApi;
import ai.connecty.athena.local.catalog.CatalogStore;
import ai.connecty.athena.local.catalog.DataCatalog;
import ai.connecty.athena.local.catalog.DatabaseDef;
import ai.connecty.athena.local.catalog.DuckDbViews;
import ai.connecty.athena.local.catalog.TableDef;
import ai.connecty.athena.local.catalog.TableFiles;
import ai.connecty.athena.local.demo.DemoData;
import ai.connecty.athena.local.engine.DuckDbEngine;
import ai.connecty.athena.local.engine.QueryExecution;
import ai.connecty.athena.local.engine.QueryHistory;
import ai.connecty.athena.local.engine.QueryRequest;
import ai.connecty.athena.local.engine.QueryService;
import ai.connecty.athena.local.engine.QueryState;
import ai.connecty.athena.local.engine.ResultStore;
import ai.connecty.athena.local.engine.Warehouse;
import ai.connecty.athena.local.glue.GlueApi;
import ai.connecty.athena.local.sql.QueryRunner;
import ai.connecty.athena.local.sql.SqlStatement;
import ai.connecty.athena.local.storage.BucketStore;
import ai.connecty.athena.local.storage.S3Location;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Catalogs, workgroups, query executions and the Athena and Glue APIs over one DuckDB database. */
public final class LocalWarehouse implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalWarehouse.class);

    private final CatalogStore store;
    private final BucketStore buckets;
    private final DuckDbEngine engine;
    private final DuckDbViews views;
    private final Warehouse warehouse;
    private final QueryService queries;
    private final AthenaApi athena;
    private final GlueApi glue;
    private final String accountId;
    private final String region;

    public LocalWarehouse(Path dataDir, BucketStore buckets, QueryFaults faults, String accountId, String region) {
        this(dataDir, buckets, faults, accountId, region, QueryService.DEFAULT_TIME_LIMIT);
    }

    /** {@code queryTimeLimit}: how long a query may run before it is stopped FAILED. */
    public LocalWarehouse(Path dataDir, BucketStore buckets, QueryFaults faults, String accountId, String region,
                          Duration queryTimeLimit) {
        this(dataDir, buckets, faults, accountId, region, queryTimeLimit, QueryHistory.DEFAULT);
    }

    /** {@code history}: how many finished executions, and for how long, GetQueryExecution still finds. */
    public LocalWarehouse(Path dataDir, BucketStore buckets, QueryFaults faults, String accountId, String region,
                          Duration queryTimeLimit, QueryHistory history) {
        this.buckets = buckets;
        this.accountId = accountId;
        this.region = region;
        this.store = new CatalogStore(dataDir, List.of(DataCatalog.AWS_DATA_CATALOG, DataCatalog.LAKEHOUSE));
        this.engine = new DuckDbEngine();
        TableFiles files = new TableFiles(buckets);
        this.views = new DuckDbViews(engine.admin(), files);
        this.warehouse = new Warehouse(store, engine, views, files, new ResultStore(buckets, dataDir), accountId, region);
        this.queries = new QueryService(warehouse, faults, queryTimeLimit, history);
        this.athena = new AthenaApi(queries, warehouse, store);
        this.glue = new GlueApi(store);
        ensureDefaultDatabase();
        bindCatalog();
    }

    /** Glue always has a {@code default} database, and Athena runs queries there when the context names none. */
    private void ensureDefaultDatabase() {
        String catalog = DataCatalog.AWS_DATA_CATALOG.name();
        if (store.database(catalog, "default").isEmpty()) {
            store.putDatabase(catalog, new DatabaseDef("default", "Default Hive database", "", Map.of(),
                    Instant.now().toEpochMilli() / 1000.0));
        }
    }

    public JsonOperationHandler athena() {
        return athena;
    }

    public JsonOperationHandler glue() {
        return glue;
    }

    /** Builds the demo data set when it is missing; idempotent; blocks until ready. */
    public void prepareDemoData() {
        // Its own connection: the admin connection belongs to DuckDbViews, which queries use meanwhile.
        try (Connection duck = engine.newConnection()) {
            new DemoData(store, buckets, duck).prepare();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open a DuckDB connection for the demo data: " + e.getMessage(), e);
        }
        bindCatalog();
        if (store.table(DataCatalog.AWS_DATA_CATALOG.name(), "demo", "sales_by_customer").isEmpty()) {
            runAsSystem("CREATE VIEW demo.sales_by_customer AS\n" + DemoData.salesByCustomerSql());
        }
    }

    /** Mirrors every catalog into DuckDB: schemas, table views, then Athena views (which may use each other). */
    private void bindCatalog() {
        try {
            warehouse.underCatalogLock(() -> {
                bindCatalogNow();
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot mirror the catalog into DuckDB: " + e.getMessage(), e);
        }
    }

    private void bindCatalogNow() {
        List<Runnable> pendingViews = new ArrayList<>();
        for (DataCatalog c : store.catalogs()) {
            views.attach(c);
            for (DatabaseDef db : store.databases(c.name())) {
                views.createSchema(c, db.name());
                for (TableDef t : store.tables(c.name(), db.name())) {
                    if (t.isView()) {
                        pendingViews.add(() -> views.bindView(c, t, QueryRunner.duckDbQuery(t.viewSql(),
                                warehouse.columnsIn(c.name(), t.database()))));
                    } else {
                        views.bindTable(c, t, store.partitions(c.name(), db.name(), t.name()));
                    }
                }
            }
        }
        // Views over views bind only after what they read exists: retry until no progress is made.
        while (!pendingViews.isEmpty()) {
            List<Runnable> failed = new ArrayList<>();
            RuntimeException last = null;
            for (Runnable r : pendingViews) {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    failed.add(r);
                    last = e;
                }
            }
            if (failed.size() == pendingViews.size()) {
                LOG.warn("{} view(s) could not be registered in DuckDB: {}", failed.size(), last.getMessage());
                break;
            }
            pendingViews = failed;
        }
    }

    private void runAsSystem(String sql) {
        QueryRequest request = new QueryRequest(SqlStatement.parse(sql), "AwsDataCatalog", "demo",
                "primary", S3Location.parse("s3://athena-results/athena-local-setup/"), new SystemContext());
        QueryExecution e = queries.start(request, null, null);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!e.state().isFinal() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (e.state() != QueryState.SUCCEEDED) {
            LOG.warn("Demo setup statement did not succeed ({}): {}", e.state(),
                    e.snapshot().failure() == null ? "" : e.snapshot().failure().stateChangeReason());
        }
    }

    /** athena-local itself, for setup statements: allowed everything. */
    private final class SystemContext implements CallContext {
        @Override
        public String principalArn() {
            return "arn:aws:iam::" + accountId + ":root";
        }

        @Override
        public String accountId() {
            return accountId;
        }

        @Override
        public String region() {
            return region;
        }

        @Override
        public boolean isAllowed(String action, String resourceArn) {
            return true;
        }

        @Override
        public void authorize(String action, String resourceArn) {
            // always allowed
        }
    }

    @Override
    public void close() {
        queries.close();
        engine.close();
    }
}
