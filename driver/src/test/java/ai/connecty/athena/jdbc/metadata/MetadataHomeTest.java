package ai.connecty.athena.jdbc.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.StatementType;
import software.amazon.awssdk.services.glue.model.GlueException;

/** The cache of MetadataHome over a fake catalog that counts its calls; time is a fake nano clock. */
class MetadataHomeTest {

    /** A Glue-like catalog of named tables, each with one column; counts calls and records expressions. */
    private static class FakeBrowser implements CatalogBrowser {
        final List<String> tableNames = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger databaseCalls = new AtomicInteger();
        final AtomicInteger listCalls = new AtomicInteger();
        final AtomicInteger getCalls = new AtomicInteger();
        final List<String> expressions = Collections.synchronizedList(new ArrayList<>());
        volatile CountDownLatch listGate;

        @Override
        public List<String> databases(String catalog) {
            databaseCalls.incrementAndGet();
            return new ArrayList<>(List.of("db", "other"));
        }

        @Override
        public List<TableEntry> tables(String catalog, String database, String expression) {
            listCalls.incrementAndGet();
            expressions.add(expression);
            // What the catalog held when the listing read it; the gate delays only the answer.
            List<String> names = new ArrayList<>(tableNames);
            awaitGate();
            List<TableEntry> result = new ArrayList<>();
            Pattern filter = expression == null ? null : Pattern.compile(expression);
            for (String name : names) {
                if (filter == null || filter.matcher(name).matches()) {
                    result.add(entry(name));
                }
            }
            return result;
        }

        @Override
        public Optional<TableEntry> table(String catalog, String database, String name) {
            getCalls.incrementAndGet();
            return tableNames.contains(name) ? Optional.of(entry(name)) : Optional.empty();
        }

        private void awaitGate() {
            CountDownLatch gate = listGate;
            if (gate != null) {
                try {
                    gate.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private static TableEntry entry(String name) {
            return new TableEntry(name, "EXTERNAL_TABLE", null,
                    List.of(new TableEntry.ColumnEntry("c_" + name, "int", null)));
        }
    }

    private final FakeBrowser glue = new FakeBrowser();
    private final AtomicLong nanos = new AtomicLong(1_000);
    private final List<SQLWarning> warnings = new ArrayList<>();
    private final AtomicInteger catalogCalls = new AtomicInteger();

    private MetadataHome home(long ttlSeconds) {
        CatalogAccess access = new CatalogAccess(() -> {
            catalogCalls.incrementAndGet();
            return new ArrayList<>(List.of("AwsDataCatalog"));
        }, glue, glue, "auto", warnings::add);
        return new MetadataHome(access, "AwsDataCatalog", ttlSeconds, nanos::get, warning -> { });
    }

    private static List<String> names(List<TableEntry> entries) {
        List<String> names = new ArrayList<>();
        entries.forEach(e -> names.add(e.name()));
        Collections.sort(names);
        return names;
    }

    @Test
    void aListingAnswersLaterExactLookupsAndPatternsWithoutCalls() throws SQLException {
        glue.tableNames.addAll(List.of("orders", "order_lines", "orderXlines", "customers"));
        MetadataHome home = home(60);

        assertThat(names(home.tables("AwsDataCatalog", "db", NamePattern.of("%")))).hasSize(4);
        assertThat(home.tables("AwsDataCatalog", "db", NamePattern.of("orders")).get(0).columns().get(0).name())
                .isEqualTo("c_orders");
        assertThat(names(home.tables("AwsDataCatalog", "db", NamePattern.of("order_lines"))))
                .containsExactly("orderXlines", "order_lines");
        assertThat(names(home.tables("AwsDataCatalog", "db", NamePattern.of("order\\_lines"))))
                .containsExactly("order_lines");
        assertThat(home.tables("AwsDataCatalog", "db", NamePattern.of("missing"))).isEmpty();

        assertThat(glue.listCalls).hasValue(1);
        assertThat(glue.getCalls).hasValue(0);
    }

    @Test
    void entriesExpireAfterTheTtl() throws SQLException {
        glue.tableNames.add("t1");
        MetadataHome home = home(60);
        home.tables("AwsDataCatalog", "db", NamePattern.of(null));
        home.databases("AwsDataCatalog");
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(59));
        home.tables("AwsDataCatalog", "db", NamePattern.of(null));
        home.databases("AwsDataCatalog");
        assertThat(glue.listCalls).hasValue(1);
        assertThat(glue.databaseCalls).hasValue(1);

        glue.tableNames.add("t2");
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertThat(names(home.tables("AwsDataCatalog", "db", NamePattern.of(null)))).containsExactly("t1", "t2");
        home.databases("AwsDataCatalog");
        assertThat(glue.listCalls).hasValue(2);
        assertThat(glue.databaseCalls).hasValue(2);
    }

    @Test
    void ttlZeroCachesNothing() throws SQLException {
        glue.tableNames.add("t1");
        MetadataHome home = home(0);
        home.tables("AwsDataCatalog", "db", NamePattern.of(null));
        home.tables("AwsDataCatalog", "db", NamePattern.of(null));
        home.tables("AwsDataCatalog", "db", NamePattern.of("t1"));
        assertThat(glue.listCalls).hasValue(2);
        assertThat(glue.getCalls).hasValue(1);
    }

    @Test
    void exactNamesAreOneLookupAndPatternsNarrowOnTheServer() throws SQLException {
        glue.tableNames.addAll(List.of("sales_2024", "sales_2025", "stock"));
        MetadataHome home = home(60);
        assertThat(names(home.tables("AwsDataCatalog", "db", NamePattern.of("sales\\_2024")))).containsExactly("sales_2024");
        assertThat(glue.getCalls).hasValue(1);
        assertThat(glue.listCalls).hasValue(0);

        assertThat(names(home.tables("AwsDataCatalog", "db", NamePattern.of("Sales%")))).containsExactly("sales_2024", "sales_2025");
        assertThat(glue.expressions).containsExactly("sales.*");
        // The listing filled the per-table cache.
        home.tables("AwsDataCatalog", "db", NamePattern.of("sales\\_2025"));
        assertThat(glue.getCalls).hasValue(1);
    }

    @Test
    void ddlInvalidatesTheDatabaseItTouched() throws SQLException {
        assertDdlRefreshesOnlyItsDatabase(
                home -> home.afterStatement(execution("CREATE EXTERNAL TABLE db.t2 (a int) LOCATION 's3://x/'",
                        StatementType.DDL, "CREATE_TABLE", "other")),
                home -> {
                    home.afterStatement(execution("SELECT * FROM db.t2", StatementType.DML, "SELECT", "db"));
                    home.afterStatement(execution("INSERT INTO t2 VALUES (1)", StatementType.DML, "INSERT", "db"));
                });
    }

    /** DDL the driver gave up on (timed out, cancelled, state unreadable) may still complete: what it names goes. */
    @Test
    void ddlThatEndedWithoutAnOutcomeInvalidatesWhatItsTextNames() throws SQLException {
        assertDdlRefreshesOnlyItsDatabase(
                home -> home.afterUnfinishedStatement("/* tool */ CREATE EXTERNAL TABLE t2 (a int) LOCATION 's3://x/'",
                        null, "db"),
                home -> {
                    home.afterUnfinishedStatement("SELECT * FROM db.t1", null, "db");
                    home.afterUnfinishedStatement("INSERT INTO db.t1 VALUES (1)", null, "db");
                });
    }

    /**
     * With "db" and "other" listed, {@code ddl} creates t2 in "db": the next listing of "db" shows it, "other" stays
     * cached; {@code queries} change nothing.
     */
    private void assertDdlRefreshesOnlyItsDatabase(java.util.function.Consumer<MetadataHome> ddl,
                                                   java.util.function.Consumer<MetadataHome> queries) throws SQLException {
        glue.tableNames.add("t1");
        MetadataHome home = home(60);
        home.tables("AwsDataCatalog", "db", NamePattern.of(null));
        home.tables("AwsDataCatalog", "other", NamePattern.of(null));
        assertThat(glue.listCalls).hasValue(2);

        glue.tableNames.add("t2");
        ddl.accept(home);
        assertThat(names(home.tables("AwsDataCatalog", "db", NamePattern.of(null)))).containsExactly("t1", "t2");
        home.tables("AwsDataCatalog", "other", NamePattern.of(null));
        assertThat(glue.listCalls).as("only the database the DDL names is read again").hasValue(3);

        queries.accept(home);
        home.tables("AwsDataCatalog", "db", NamePattern.of(null));
        assertThat(glue.listCalls).as("queries change nothing").hasValue(3);
    }

    @Test
    void aTableRenamedIntoAnotherDatabaseShowsThere() throws SQLException {
        glue.tableNames.add("t1");
        MetadataHome home = home(60);
        // The fake has one set of tables for every database: "other" starts with t1, as "db" does.
        assertThat(names(home.tables("AwsDataCatalog", "other", NamePattern.of(null)))).containsExactly("t1");
        assertThat(home.tables("AwsDataCatalog", "other", NamePattern.of("moved"))).isEmpty();

        glue.tableNames.add("moved");
        home.afterStatement(execution("ALTER TABLE db.t1 RENAME TO other.moved", StatementType.DDL,
                "ALTER_TABLE_RENAME", "db"));
        assertThat(names(home.tables("AwsDataCatalog", "other", NamePattern.of(null)))).containsExactly("moved", "t1");
        assertThat(names(home.tables("AwsDataCatalog", "other", NamePattern.of("moved")))).containsExactly("moved");
    }

    @Test
    void databaseDdlRefreshesTheDatabaseList() throws SQLException {
        MetadataHome home = home(60);
        home.databases("AwsDataCatalog");
        home.afterStatement(execution("CREATE DATABASE IF NOT EXISTS fresh", StatementType.DDL, "CREATE_DATABASE",
                "default"));
        home.databases("AwsDataCatalog");
        assertThat(glue.databaseCalls).hasValue(2);
    }

    @Test
    void aListingLoadedWhileDdlRanIsNotKept() throws Exception {
        glue.tableNames.add("t1");
        MetadataHome home = home(60);
        glue.listGate = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<List<TableEntry>> listing = pool.submit(() -> home.tables("AwsDataCatalog", "db", NamePattern.of(null)));
            while (glue.listCalls.get() == 0) {
                Thread.onSpinWait();
            }
            home.afterStatement(execution("DROP TABLE t1", StatementType.DDL, "DROP_TABLE", "db"));
            glue.listGate.countDown();
            listing.get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        glue.listGate = null;
        home.tables("AwsDataCatalog", "db", NamePattern.of(null));
        assertThat(glue.listCalls).hasValue(2);
    }

    @Test
    void aListingRequestedAfterDdlDoesNotJoinALoadThatStartedBeforeIt() throws Exception {
        glue.tableNames.add("t1");
        MetadataHome home = home(60);
        CountDownLatch gate = new CountDownLatch(1);
        glue.listGate = gate;
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<List<TableEntry>> before = pool.submit(() -> home.tables("AwsDataCatalog", "db", NamePattern.of(null)));
            while (glue.listCalls.get() == 0) {
                Thread.onSpinWait();
            }
            // Only the load already in flight waits for the gate.
            glue.listGate = null;
            glue.tableNames.add("t2");
            home.afterStatement(execution("CREATE EXTERNAL TABLE t2 (a int) LOCATION 's3://x/'", StatementType.DDL,
                    "CREATE_TABLE", "db"));

            List<List<TableEntry>> after = new ArrayList<>();
            Thread reader = new Thread(() -> {
                try {
                    after.add(home.tables("AwsDataCatalog", "db", NamePattern.of(null)));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            reader.start();
            // Either it loaded on its own and finished, or it parked waiting for the load from before the DDL.
            while (reader.isAlive() && reader.getState() != Thread.State.WAITING) {
                Thread.onSpinWait();
            }
            gate.countDown();
            reader.join();
            before.get(10, TimeUnit.SECONDS);
            assertThat(after).hasSize(1);
            assertThat(names(after.get(0))).containsExactly("t1", "t2");
        } finally {
            gate.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentRequestsForOneListingShareOneLoad() throws Exception {
        glue.tableNames.add("t1");
        MetadataHome home = home(60);
        glue.listGate = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<TableEntry>>> futures = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                futures.add(pool.submit(() -> home.tables("AwsDataCatalog", "db", NamePattern.of(null))));
            }
            while (glue.listCalls.get() == 0) {
                Thread.onSpinWait();
            }
            glue.listGate.countDown();
            for (Future<List<TableEntry>> future : futures) {
                assertThat(names(future.get(10, TimeUnit.SECONDS))).containsExactly("t1");
            }
        } finally {
            pool.shutdownNow();
        }
        // The others either waited for the one load or came after it and found it cached.
        assertThat(glue.listCalls).hasValue(1);
        home.tables("AwsDataCatalog", "db", NamePattern.of(null));
        assertThat(glue.listCalls).hasValue(1);
    }

    @Test
    void glueFailuresGoThroughTheQueriesErrorTranslation() {
        CatalogBrowser throttled = new FakeBrowser() {
            @Override
            public List<TableEntry> tables(String catalog, String database, String expression) {
                throw (GlueException) GlueException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("ThrottlingException").errorMessage("Rate exceeded").build()).build();
            }
        };
        CatalogAccess access = new CatalogAccess(List::of, throttled, glue, "auto", warnings::add);
        MetadataHome home = new MetadataHome(access, "AwsDataCatalog", 60, nanos::get, warning -> { });
        SQLException e = catchThrowableOfType(SQLException.class,
                () -> home.tables("AwsDataCatalog", "db", NamePattern.of("%")));
        assertThat((Throwable) e).isInstanceOf(SQLTransientException.class);
        assertThat(e.getSQLState()).isEqualTo("53000");
        assertThat(e.getMessage()).contains("Glue GetTables (database db)").contains("NumRetries");
        // A failure is not cached, and a throttled Glue is no reason to fall back.
        assertThat(warnings).isEmpty();
        assertThat(glue.listCalls).hasValue(0);
    }

    /**
     * Under auto, a Glue refusal naming one database is that database's 42501 (skipped in a listing of several), not
     * a reason to leave Glue: the next database is read through Glue, and Athena's calls are never made.
     */
    @Test
    void aDatabaseScopedGlueDenialUnderAutoKeepsTheConnectionOnGlue() throws SQLException {
        FakeBrowser glueDenyingSecret = new FakeBrowser() {
            @Override
            public List<TableEntry> tables(String catalog, String database, String expression) {
                if (database.equals("secretdb")) {
                    throw denied("glue:GetTables", "database/secretdb");
                }
                return super.tables(catalog, database, expression);
            }
        };
        glueDenyingSecret.tableNames.add("t");
        FakeBrowser athenaApi = new FakeBrowser();
        athenaApi.tableNames.add("t");
        CatalogAccess access = new CatalogAccess(List::of, glueDenyingSecret, athenaApi, "auto", warnings::add);
        MetadataHome home = new MetadataHome(access, "AwsDataCatalog", 60, nanos::get, warning -> { });

        SQLException e = catchThrowableOfType(SQLException.class,
                () -> home.tables("AwsDataCatalog", "secretdb", NamePattern.of("%")));
        assertThat(e.getSQLState()).isEqualTo("42501");
        assertThat(home.tablesUnlessDenied("AwsDataCatalog", "secretdb", NamePattern.of("%"))).isEmpty();
        assertThat(home.tables("AwsDataCatalog", "db", NamePattern.of("%"))).isNotEmpty();
        assertThat(glueDenyingSecret.listCalls).hasValue(1);
        assertThat(athenaApi.listCalls).hasValue(0);
        assertThat(warnings).as("no fallback warning").isEmpty();
    }

    /** A refusal on the catalog is still the whole identity's: one switch to Athena's calls, with a warning. */
    @Test
    void aCatalogGlueDenialUnderAutoFallsBack() throws SQLException {
        FakeBrowser noGlue = new FakeBrowser() {
            @Override
            public List<TableEntry> tables(String catalog, String database, String expression) {
                throw denied("glue:GetTables", "catalog");
            }
        };
        FakeBrowser athenaApi = new FakeBrowser();
        athenaApi.tableNames.add("t");
        CatalogAccess access = new CatalogAccess(List::of, noGlue, athenaApi, "auto", warnings::add);
        MetadataHome home = new MetadataHome(access, "AwsDataCatalog", 60, nanos::get, warning -> { });

        assertThat(home.tables("AwsDataCatalog", "db", NamePattern.of("%"))).isNotEmpty();
        assertThat(athenaApi.listCalls).hasValue(1);
        assertThat(warnings).singleElement().satisfies(w -> assertThat(w.getMessage()).contains("rest of this connection"));
    }

    /** clearMetadataCache drops all four caches: catalogs, databases, listings and tables looked up by name. */
    @Test
    void invalidateAllDropsEveryCache() throws SQLException {
        glue.tableNames.add("t1");
        MetadataHome home = home(60);
        Runnable readAll = () -> {
            try {
                home.catalogs();
                home.databases("AwsDataCatalog");
                home.tables("AwsDataCatalog", "db", NamePattern.of("%"));
                home.tables("AwsDataCatalog", "other", NamePattern.of("t1"));
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
        };
        readAll.run();
        readAll.run();
        assertThat(List.of(catalogCalls.get(), glue.databaseCalls.get(), glue.listCalls.get(), glue.getCalls.get()))
                .containsExactly(1, 1, 1, 1);
        home.invalidateAll();
        readAll.run();
        assertThat(List.of(catalogCalls.get(), glue.databaseCalls.get(), glue.listCalls.get(), glue.getCalls.get()))
                .containsExactly(2, 2, 2, 2);
    }

    /** DDL in one database drops the tables looked up by name there, not those of another database or catalog. */
    @Test
    void ddlDropsTheTablesLookedUpByNameInItsDatabaseOnly() throws SQLException {
        glue.tableNames.add("t1");
        MetadataHome home = home(60);
        home.tables("AwsDataCatalog", "db", NamePattern.of("t1"));
        home.tables("AwsDataCatalog", "other", NamePattern.of("t1"));
        home.tables("lakehouse", "db", NamePattern.of("t1"));
        assertThat(glue.getCalls).hasValue(3);
        home.afterStatement(execution("DROP TABLE t1", StatementType.DDL, "DROP_TABLE", "db"));
        home.tables("AwsDataCatalog", "db", NamePattern.of("t1"));
        assertThat(glue.getCalls).hasValue(4);
        home.tables("AwsDataCatalog", "other", NamePattern.of("t1"));
        home.tables("lakehouse", "db", NamePattern.of("t1"));
        assertThat(glue.getCalls).hasValue(4);
    }

    @Test
    void catalogNamesAreFoundInAnyCaseAndPeekingMakesNoCall() throws SQLException {
        MetadataHome home = home(60);
        assertThat(home.listedCatalogs()).isEmpty();
        assertThat(home.hasCatalog("awsdatacatalog")).isTrue();
        assertThat(home.hasCatalog("lakehouse")).isFalse();
        assertThat(home.listedCatalogs()).contains(List.of("AwsDataCatalog"));
        assertThat(catalogCalls).hasValue(1);
    }

    /** The database left out of a listing of several is named in a warning on the connection. */
    @Test
    void aDatabaseLeftOutIsNamedInAWarning() throws SQLException {
        FakeBrowser denying = new FakeBrowser() {
            @Override
            public List<TableEntry> tables(String catalog, String database, String expression) {
                throw denied("glue:GetTables", "database/secretdb");
            }
        };
        List<SQLWarning> connectionWarnings = new ArrayList<>();
        CatalogAccess access = new CatalogAccess(List::of, denying, denying, "auto", warnings::add);
        MetadataHome home = new MetadataHome(access, "AwsDataCatalog", 60, nanos::get, connectionWarnings::add);
        assertThat(home.tablesUnlessDenied("AwsDataCatalog", "secretdb", NamePattern.of("%"))).isEmpty();
        assertThat(connectionWarnings).singleElement().satisfies(w -> {
            assertThat(w.getSQLState()).isEqualTo("42501");
            assertThat(w.getMessage()).contains("secretdb");
        });
    }

    @Test
    void tableKeysDifferByEachPartAndIgnoreCase() {
        MetadataHome.TableKey key = new MetadataHome.TableKey("AwsDataCatalog", "Db", "T");
        assertThat(key).isEqualTo(new MetadataHome.TableKey("awsdatacatalog", "db", "t"))
                .hasSameHashCodeAs(new MetadataHome.TableKey("awsdatacatalog", "db", "t"))
                .isNotEqualTo(new MetadataHome.TableKey("lakehouse", "db", "t"))
                .isNotEqualTo(new MetadataHome.TableKey("awsdatacatalog", "other", "t"))
                .isNotEqualTo(new MetadataHome.TableKey("awsdatacatalog", "db", "u"))
                .isNotEqualTo("awsdatacatalog.db.t");
    }

    private static GlueException denied(String action, String resource) {
        return (GlueException) GlueException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                .errorCode("AccessDeniedException").errorMessage("User: arn:aws:iam::123456789012:user/u is not "
                        + "authorized to perform: " + action + " on resource: arn:aws:glue:us-east-1:123456789012:"
                        + resource).build()).build();
    }

    private static QueryExecution execution(String sql, StatementType type, String substatement, String database) {
        return QueryExecution.builder().query(sql).statementType(type).substatementType(substatement)
                .queryExecutionContext(c -> c.catalog("awsdatacatalog").database(database))
                .status(s -> s.state(QueryExecutionState.SUCCEEDED)).build();
    }
}
