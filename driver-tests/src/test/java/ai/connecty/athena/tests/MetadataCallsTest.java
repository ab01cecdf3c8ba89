package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.connecty.athena.jdbc.AthenaConnection;
import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.catalog.SyntheticTables;
import ai.connecty.athena.local.control.FaultPlan;
import ai.connecty.athena.local.control.FaultRule;
import ai.connecty.athena.local.control.RequestLogEntry;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How many AWS calls DatabaseMetaData makes, counted in athena-local's request log: a DBeaver-style browse over
 * a database of 2,000 tables cold and cached, DDL refreshing the cache, exact names and patterns narrowed on the
 * server with JDBC's escape rules, both catalogs (AwsDataCatalog through Glue, lakehouse through Athena's calls),
 * a Glue-denied identity, and Glue throttling translated like a query's. A private athena-local (seeded before
 * start, without the demo data) keeps the shared instance's catalog and request log untouched.
 */
class MetadataCallsTest {
    private static final String GLUE_CATALOG = "AwsDataCatalog";
    /** Table names of 200 characters, near Athena's longest (255). */
    private static final String LONG_PREFIX = "t" + "x".repeat(195);
    private static final int WIDE_TABLES = 2_000;
    private static final String NO_GLUE_KEY = "AKIANOGLUEEXAMPLE001";
    private static final String NO_GLUE_SECRET = "noGlueSecretExample0000000000000000000000";
    /** A user allowed everything but reading the tables of the database {@code secretdb} (an explicit Deny). */
    private static final String NO_SECRET_KEY = "AKIANOSECRETEXAMPLE1";
    private static final String NO_SECRET_SECRET = "noSecretSecretExample00000000000000000000";

    @TempDir
    static Path dataDir;
    private static LocalAthena athena;

    @BeforeAll
    static void start() throws Exception {
        SyntheticTables.seed(dataDir, GLUE_CATALOG, "wide", "t_", WIDE_TABLES);
        SyntheticTables.seed(dataDir, GLUE_CATALOG, "small", "s_", 12);
        SyntheticTables.seed(dataDir, "lakehouse", "lake2", "l_", 120);
        SyntheticTables.seed(dataDir, "lakehouse", "longlake", LONG_PREFIX, 2);
        seedPatternTables();
        SyntheticTables.seed(dataDir, GLUE_CATALOG, "secretdb", "hidden_", 2);
        athena = LocalAthena.builder().port(0).dataDir(dataDir).demoData(false)
                .identities(identitiesWithAUserWithoutGlue()).build().start();
        athena.awaitReady(Duration.ofMinutes(2));
    }

    /** Names that tell a wildcard {@code _} from a literal one. */
    private static void seedPatternTables() {
        for (String name : List.of("a_b", "axb", "a_bc", "ab", "sales_2024", "salesx2024")) {
            SyntheticTables.seed(dataDir, GLUE_CATALOG, "patterns", name, 1);
        }
    }

    /** The bundled identities plus a user allowed Athena's catalog calls but no Glue. */
    private static Path identitiesWithAUserWithoutGlue() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root;
        try (InputStream in = LocalAthena.class.getResourceAsStream("auth/default-identities.json")) {
            root = (ObjectNode) json.readTree(in);
        }
        ObjectNode user = ((ArrayNode) root.get("users")).addObject();
        user.put("name", "no-glue").put("accessKeyId", NO_GLUE_KEY).put("secretAccessKey", NO_GLUE_SECRET);
        ObjectNode statement = user.putArray("policies").addObject().put("Version", "2012-10-17")
                .putArray("Statement").addObject();
        statement.put("Effect", "Allow").put("Resource", "*").putArray("Action")
                .add("athena:ListDataCatalogs").add("athena:ListDatabases").add("athena:ListTableMetadata");
        ObjectNode denied = ((ArrayNode) root.get("users")).addObject();
        denied.put("name", "no-secret").put("accessKeyId", NO_SECRET_KEY).put("secretAccessKey", NO_SECRET_SECRET);
        ArrayNode statements = denied.putArray("policies").addObject().put("Version", "2012-10-17").putArray("Statement");
        statements.addObject().put("Effect", "Allow").put("Resource", "*").putArray("Action").add("glue:*").add("athena:*");
        ObjectNode deny = statements.addObject().put("Effect", "Deny");
        deny.putArray("Action").add("glue:GetTables").add("glue:GetTable");
        deny.putArray("Resource").add("arn:aws:glue:" + LocalAthena.REGION + ":" + LocalAthena.ACCOUNT_ID
                + ":database/secretdb").add("arn:aws:glue:" + LocalAthena.REGION + ":" + LocalAthena.ACCOUNT_ID
                + ":table/secretdb/*");
        Path file = dataDir.resolve("identities.json");
        Files.writeString(file, json.writeValueAsString(root));
        return file;
    }

    @AfterAll
    static void stop() {
        athena.close();
    }

    @BeforeEach
    void clearLog() {
        athena.requestLog().clear();
        athena.faults().clear();
    }

    private static Connection connect(String... extra) throws SQLException {
        Connection connection = Connections.connectyUser(athena, extra);
        // The connect-time AssumeRole is not a metadata call.
        athena.requestLog().clear();
        return connection;
    }

    /** Calls to Glue and Athena (STS excluded: credentials are not metadata). */
    private static List<String> calls() {
        List<String> calls = new ArrayList<>();
        for (RequestLogEntry e : athena.requestLog().entries()) {
            if (!e.service().equals("sts")) {
                calls.add(e.service() + ":" + e.action());
            }
        }
        return calls;
    }

    private static long count(String service, String action) {
        return athena.requestLog().count(service, action);
    }

    // ---------------------------------------------------------------- the browse

    /** What DBeaver does when a user opens the tree: catalogs, schemas, tables, then 30 tables' details. */
    private static List<String> browse(DatabaseMetaData metaData) throws SQLException {
        List<String> seen = new ArrayList<>();
        seen.addAll(rows(metaData.getCatalogs()));
        seen.addAll(rows(metaData.getSchemas(GLUE_CATALOG, null)));
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = metaData.getTables(GLUE_CATALOG, "wide", "%", null)) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
                seen.add(rs.getString("TABLE_NAME") + "|" + rs.getString("TABLE_TYPE") + "|" + rs.getString("REMARKS"));
            }
        }
        assertThat(tables).hasSize(WIDE_TABLES);
        for (String table : tables.subList(100, 130)) {
            // Tools pass the name as it came, unescaped: its '_' is a wildcard by the letter of JDBC.
            seen.addAll(rows(metaData.getColumns(GLUE_CATALOG, "wide", table, null)));
            seen.addAll(rows(metaData.getPrimaryKeys(GLUE_CATALOG, "wide", table)));
            seen.addAll(rows(metaData.getIndexInfo(GLUE_CATALOG, "wide", table, false, true)));
        }
        return seen;
    }

    @Test
    void aDbeaverStyleBrowseOf2000TablesIsAtMost40CallsColdAndNoneWhenRepeated() throws SQLException {
        try (Connection connection = connect()) {
            List<String> cold = browse(connection.getMetaData());
            List<String> coldCalls = calls();
            assertThat(coldCalls).hasSizeLessThanOrEqualTo(40);
            assertThat(coldCalls).containsOnly("athena:ListDataCatalogs", "glue:GetDatabases", "glue:GetTables");
            assertThat(count("glue", "GetTables")).isEqualTo(WIDE_TABLES / 100);

            athena.requestLog().clear();
            List<String> cached = browse(connection.getMetaData());
            assertThat(calls()).isEmpty();
            assertThat(cached).isEqualTo(cold);
            // 30 tables × 3 columns, and each column row names its table.
            assertThat(cold).filteredOn(row -> row.startsWith(GLUE_CATALOG + "|wide|t_0100|")).hasSize(3);
        }
    }

    @Test
    void withoutTheCacheTheSameBrowseRepeatsItsCallsAndGivesTheSameRows() throws SQLException {
        List<String> cached;
        try (Connection connection = connect()) {
            cached = browse(connection.getMetaData());
        }
        try (Connection connection = connect("MetadataCacheTtlSeconds=0")) {
            List<String> first = browse(connection.getMetaData());
            int firstCalls = calls().size();
            athena.requestLog().clear();
            List<String> second = browse(connection.getMetaData());
            assertThat(calls()).hasSize(firstCalls);
            assertThat(first).isEqualTo(cached).isEqualTo(second);
            // Each unescaped getColumns is one GetTables narrowed by an Expression, never a walk of 20 pages.
            assertThat(firstCalls).isEqualTo(1 + 1 + WIDE_TABLES / 100 + 30);
        }
    }

    // ---------------------------------------------------------------- exact names and patterns

    @Test
    void anExactTableNameIsOneGetTable() throws SQLException {
        try (Connection connection = connect()) {
            DatabaseMetaData metaData = connection.getMetaData();
            List<String> columns = rows(metaData.getColumns(GLUE_CATALOG, "wide", "t\\_0042", "%"));
            assertThat(calls()).containsExactly("glue:GetTable");
            assertThat(columns).hasSize(3).allMatch(row -> row.startsWith(GLUE_CATALOG + "|wide|t_0042|"));
            // Again, and as getTables: answered from the cache.
            rows(metaData.getTables(GLUE_CATALOG, "wide", "t\\_0042", null));
            assertThat(calls()).containsExactly("glue:GetTable");
            assertThat(rows(metaData.getTables(GLUE_CATALOG, "wide", "no\\_such\\_table", null))).isEmpty();
        }
    }

    @Test
    void clearMetadataCacheMakesTheNextCallReadTheCatalogAgain() throws SQLException {
        try (Connection connection = connect()) {
            DatabaseMetaData metaData = connection.getMetaData();
            List<String> first = rows(metaData.getColumns(GLUE_CATALOG, "wide", "t\\_0043", "%"));
            rows(metaData.getColumns(GLUE_CATALOG, "wide", "t\\_0043", "%"));
            assertThat(calls()).containsExactly("glue:GetTable");

            connection.unwrap(AthenaConnection.class).clearMetadataCache();
            List<String> again = rows(metaData.getColumns(GLUE_CATALOG, "wide", "t\\_0043", "%"));
            assertThat(calls()).containsExactly("glue:GetTable", "glue:GetTable");
            assertThat(again).isEqualTo(first).hasSize(3);

            connection.close();
            assertThatThrownBy(() -> connection.unwrap(AthenaConnection.class).clearMetadataCache())
                    .isInstanceOf(SQLException.class).hasMessageContaining("closed");
        }
    }

    @Test
    void aPatternIsNarrowedOnTheServerAndFilteredExactly() throws SQLException {
        try (Connection connection = connect()) {
            DatabaseMetaData metaData = connection.getMetaData();
            assertThat(names(metaData.getTables(GLUE_CATALOG, "wide", "t\\_001%", null)))
                    .containsExactly("t_0010", "t_0011", "t_0012", "t_0013", "t_0014", "t_0015", "t_0016", "t_0017",
                            "t_0018", "t_0019");
            // One page instead of the 20 a whole-database listing takes.
            assertThat(calls()).containsExactly("glue:GetTables");
        }
    }

    @Test
    void underscoreIsAWildcardUnlessEscaped() throws SQLException {
        try (Connection connection = connect()) {
            DatabaseMetaData metaData = connection.getMetaData();
            assertThat(names(metaData.getTables(GLUE_CATALOG, "patterns", "a_b0000", null)))
                    .containsExactly("a_b0000", "axb0000");
            assertThat(names(metaData.getTables(GLUE_CATALOG, "patterns", "a\\_b0000", null)))
                    .containsExactly("a_b0000");
            assertThat(names(metaData.getTables(GLUE_CATALOG, "patterns", "sales\\_%", null)))
                    .containsExactly("sales_20240000");
            assertThat(names(metaData.getTables(GLUE_CATALOG, "patterns", "sales_%", null)))
                    .containsExactly("sales_20240000", "salesx20240000");
            assertThat(names(metaData.getTables(GLUE_CATALOG, "patterns", "A%", null)))
                    .containsExactly("a_b0000", "a_bc0000", "ab0000", "axb0000");
            // The first listing filled the per-table cache, so the escaped exact name made no call.
            assertThat(calls()).containsExactly("glue:GetTables", "glue:GetTables", "glue:GetTables", "glue:GetTables");
        }
        try (Connection connection = connect("MetadataRetrievalMethod=ProxyAPI")) {
            DatabaseMetaData metaData = connection.getMetaData();
            assertThat(names(metaData.getTables(GLUE_CATALOG, "patterns", "a_b0000", null)))
                    .containsExactly("a_b0000", "axb0000");
            assertThat(names(metaData.getTables(GLUE_CATALOG, "patterns", "a\\_b0000", null)))
                    .containsExactly("a_b0000");
            assertThat(calls()).containsOnly("athena:ListTableMetadata");
        }
    }

    // ---------------------------------------------------------------- the other catalog, and remarks

    @Test
    void lakehouseIsListedThroughAthenaAndItsListingAnswersColumns() throws SQLException {
        try (Connection connection = connect()) {
            DatabaseMetaData metaData = connection.getMetaData();
            assertThat(names(metaData.getTables("lakehouse", "lake2", "%", null))).hasSize(120);
            assertThat(calls()).containsOnly("athena:ListTableMetadata").hasSize(3);
            for (int i = 0; i < 10; i++) {
                assertThat(rows(metaData.getColumns("lakehouse", "lake2", String.format(Locale.ROOT, "l_%04d", i), "%")))
                        .hasSize(3);
            }
            assertThat(calls()).hasSize(3);
        }
        try (Connection connection = connect()) {
            assertThat(rows(connection.getMetaData().getColumns("lakehouse", "lake2", "l\\_0077", "%"))).hasSize(3);
            // An exact name without GetTableMetadata (not in the guide's policy): one narrowed listing.
            assertThat(calls()).containsExactly("athena:ListTableMetadata");
        }
    }

    /**
     * Patterns whose server Expression would be refused (Athena ListTableMetadata takes 256 characters, Glue
     * GetTables 2048) or would make the service backtrack on every name ({@code %_%_%_...}): the driver sends a
     * shorter Expression that still matches a superset, or none, and filters here. Each call here used to fail with
     * the service's validation error.
     */
    @Test
    void patternsTooLongForTheServerAreFilteredHere() throws SQLException {
        try (Connection connection = connect()) {
            DatabaseMetaData metaData = connection.getMetaData();
            assertThat(names(metaData.getTables("lakehouse", "longlake", "%_".repeat(100), null)))
                    .containsExactly(LONG_PREFIX + "0000", LONG_PREFIX + "0001");
            assertThat(names(metaData.getTables("lakehouse", "longlake", "_".repeat(300), null))).isEmpty();
            assertThat(names(metaData.getTables(GLUE_CATALOG, "small", "_".repeat(2100), null))).isEmpty();
            assertThat(names(metaData.getTables(GLUE_CATALOG, "small", "%_".repeat(3) + "%", null))).hasSize(12);
        }
    }

    @Test
    void tableCommentsAreRemarksInBothCatalogs() throws SQLException {
        try (Connection connection = connect()) {
            DatabaseMetaData metaData = connection.getMetaData();
            try (ResultSet rs = metaData.getTables(GLUE_CATALOG, "small", "s\\_0007", null)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("REMARKS")).isEqualTo("table 7");
            }
            try (ResultSet rs = metaData.getTables("lakehouse", "lake2", "l\\_0003", null)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("REMARKS")).isEqualTo("table 3");
            }
        }
    }

    // ---------------------------------------------------------------- DDL through the connection

    @Test
    void ddlThroughTheConnectionRefreshesWhatItTouched() throws SQLException {
        try (Connection connection = Connections.admin(athena); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS ddlcache");
            DatabaseMetaData metaData = connection.getMetaData();
            assertThat(names(metaData.getTables(GLUE_CATALOG, "ddlcache", "%", null))).doesNotContain("fresh");
            rows(metaData.getTables(GLUE_CATALOG, "small", "%", null));
            assertThat(schemas(metaData)).contains("ddlcache").doesNotContain("ddlcache2");
            athena.requestLog().clear();

            statement.execute("CREATE EXTERNAL TABLE ddlcache.fresh (a int, b string) COMMENT 'made just now' "
                    + "LOCATION 's3://demo-data/ddlcache/fresh/'");
            athena.requestLog().clear();
            try (ResultSet rs = metaData.getTables(GLUE_CATALOG, "ddlcache", "%", null)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("TABLE_NAME")).isEqualTo("fresh");
                assertThat(rs.getString("REMARKS")).isEqualTo("made just now");
            }
            assertThat(calls()).containsExactly("glue:GetTables");
            assertThat(rows(metaData.getColumns(GLUE_CATALOG, "ddlcache", "fresh", "%"))).hasSize(2);
            // Another database was not touched: still cached.
            rows(metaData.getTables(GLUE_CATALOG, "small", "%", null));
            assertThat(calls()).containsExactly("glue:GetTables");

            statement.execute("ALTER TABLE ddlcache.fresh ADD COLUMNS (c double)");
            assertThat(rows(metaData.getColumns(GLUE_CATALOG, "ddlcache", "fresh", "%"))).hasSize(3);

            statement.execute("DROP TABLE ddlcache.fresh");
            assertThat(names(metaData.getTables(GLUE_CATALOG, "ddlcache", "%", null))).isEmpty();

            statement.execute("CREATE DATABASE ddlcache2");
            assertThat(schemas(metaData)).contains("ddlcache", "ddlcache2");
            statement.execute("DROP DATABASE ddlcache2");
            assertThat(schemas(metaData)).doesNotContain("ddlcache2");
        }
    }

    /**
     * DDL whose state the driver could not read (every GetQueryExecution answered 500, NumRetries=0) fails the
     * statement but completes on the server: the listing cached before it must not hide the new table.
     */
    @Test
    void ddlWhoseStateCouldNotBeReadStillRefreshesWhatItNames() throws Exception {
        try (Connection connection = Connections.admin(athena, "NumRetries=0"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS ddlgaveup");
            DatabaseMetaData metaData = connection.getMetaData();
            assertThat(names(metaData.getTables(GLUE_CATALOG, "ddlgaveup", "%", null))).isEmpty();

            athena.faults().set(FaultPlan.of(1, FaultRule.forAction("athena", "GetQueryExecution").withErrorRate(1.0)));
            SQLException e;
            try {
                e = catchThrowableOfType(SQLException.class, () -> statement.execute(
                        "CREATE EXTERNAL TABLE ddlgaveup.late (a int) LOCATION 's3://demo-data/ddlgaveup/late/'"));
            } finally {
                athena.faults().clear();
            }
            assertThat((Throwable) e).as("the statement could not learn its outcome").isNotNull();
            // The table exists on the server once the query ran; a connection without the cache sees it then.
            try (Connection fresh = Connections.admin(athena, "MetadataCacheTtlSeconds=0")) {
                for (int i = 0; i < 500 && !names(fresh.getMetaData().getTables(GLUE_CATALOG, "ddlgaveup", "%", null))
                        .contains("late"); i++) {
                    Thread.sleep(20);
                }
                assertThat(names(fresh.getMetaData().getTables(GLUE_CATALOG, "ddlgaveup", "%", null))).containsExactly("late");
            }
            assertThat(names(metaData.getTables(GLUE_CATALOG, "ddlgaveup", "%", null)))
                    .as("the listing cached before the DDL was kept").containsExactly("late");
        }
    }

    // ---------------------------------------------------------------- failures

    /**
     * Connection.setNetworkTimeout bounds DatabaseMetaData calls as it bounds queries (JDBC: any one request of the
     * connection or its objects): a Glue answer held 3 s fails the call after 500 ms, where it used to be waited for.
     */
    @Test
    void theNetworkTimeoutBoundsMetadataCalls() throws SQLException {
        try (Connection connection = Connections.admin(athena, "NumRetries=0", "MetadataCacheTtlSeconds=0")) {
            DatabaseMetaData metaData = connection.getMetaData();
            athena.faults().set(FaultPlan.of(1, FaultRule.forAction("glue", "GetDatabases").withLatencyMillis(3000)));
            try {
                connection.setNetworkTimeout(Runnable::run, 500);
                SQLException e = catchThrowableOfType(SQLException.class, () -> schemas(metaData));
                assertThat((Throwable) e).as("getSchemas waited for Glue beyond the network timeout").isNotNull();
                assertThat((Throwable) e).isInstanceOf(SQLTransientException.class);
                assertThat(e.getSQLState()).isEqualTo("58030");
                assertThat(e.getMessage()).contains("GetDatabases");
            } finally {
                athena.faults().clear();
            }
            // The connection is as good as before; without the timeout, the call goes through.
            connection.setNetworkTimeout(Runnable::run, 0);
            assertThat(schemas(metaData)).contains("small");
        }
    }

    @Test
    void glueDeniedFallsBackOnceForTheWholeConnection() throws SQLException {
        String url = Connections.url(athena);
        try (Connection connection = DriverManager.getConnection(url, NO_GLUE_KEY, NO_GLUE_SECRET)) {
            athena.requestLog().clear();
            assertThat(names(connection.getMetaData().getTables(GLUE_CATALOG, "small", "%", null))).hasSize(12);
            assertThat(calls()).containsExactly("glue:GetTables", "athena:ListTableMetadata");
            SQLWarning warning = connection.getWarnings();
            assertThat((Object) warning).isNotNull();
            assertThat(warning.getMessage()).contains("Glue denied glue:GetTables").contains("rest of this connection");

            athena.requestLog().clear();
            // A new DatabaseMetaData of the same connection remembers the decision: Glue is not asked again.
            assertThat(names(connection.getMetaData().getTables(GLUE_CATALOG, "patterns", "%", null))).hasSize(6);
            assertThat(schemas(connection.getMetaData())).contains("small", "wide", "patterns");
            assertThat(calls()).containsOnly("athena:ListTableMetadata", "athena:ListDatabases");
        }
    }

    /**
     * A listing over several databases skips one the user may not read, with a warning naming it, rather than
     * failing for all of them (a tool's navigator would show nothing); asked for by its exact name, that database
     * still fails with the denial.
     */
    @Test
    void aDatabaseTheUserMayNotReadIsSkippedInAListingOfSeveral() throws SQLException {
        String url = Connections.url(athena, "MetadataRetrievalMethod=Glue");
        try (Connection connection = DriverManager.getConnection(url, NO_SECRET_KEY, NO_SECRET_SECRET)) {
            DatabaseMetaData metaData = connection.getMetaData();
            assertThat(schemas(metaData)).contains("secretdb", "small");

            List<String> tables = names(metaData.getTables(GLUE_CATALOG, "s%", "%", null));
            assertThat(tables).hasSize(12).allMatch(name -> name.startsWith("s_"));
            assertSecretdbSkipped(connection.getWarnings());

            connection.clearWarnings();
            try (ResultSet columns = metaData.getColumns(GLUE_CATALOG, "s%", "%", "%")) {
                int rows = 0;
                while (columns.next()) {
                    assertThat(columns.getString("TABLE_SCHEM")).isEqualTo("small");
                    rows++;
                }
                assertThat(rows).isPositive();
            }
            assertThat(connection.getWarnings().getMessage()).contains("secretdb");

            SQLException exact = catchThrowableOfType(SQLException.class,
                    () -> metaData.getTables(GLUE_CATALOG, "secretdb", "%", null));
            assertThat((Throwable) exact).as("the database asked for by name").isNotNull();
            assertThat(exact.getSQLState()).isEqualTo("42501");
        }
    }

    /**
     * With the default method (auto), a Glue refusal naming one database (a policy scoping Glue to some databases)
     * leaves that database out with its warning and keeps the connection on Glue: no fallback to Athena's calls,
     * which would be slower for every other database and need the same Glue rights on this one anyway.
     */
    @Test
    void aDatabaseDeniedUnderTheDefaultMethodIsSkippedWithoutLeavingGlue() throws SQLException {
        try (Connection connection = DriverManager.getConnection(Connections.url(athena), NO_SECRET_KEY,
                NO_SECRET_SECRET)) {
            athena.requestLog().clear();
            DatabaseMetaData metaData = connection.getMetaData();
            List<String> tables = names(metaData.getTables(GLUE_CATALOG, "s%", "%", null));
            assertThat(tables).hasSize(12).allMatch(name -> name.startsWith("s_"));
            SQLWarning warning = connection.getWarnings();
            assertSecretdbSkipped(warning);
            assertThat((Object) warning.getNextWarning()).as("no fallback warning").isNull();

            SQLException exact = catchThrowableOfType(SQLException.class,
                    () -> metaData.getTables(GLUE_CATALOG, "secretdb", "%", null));
            assertThat((Throwable) exact).as("the database asked for by name").isNotNull();
            assertThat(exact.getSQLState()).isEqualTo("42501");
            // Still Glue for the other databases afterwards.
            assertThat(names(connection.getMetaData().getTables(GLUE_CATALOG, "patterns", "%", null))).hasSize(6);
            assertThat(calls()).contains("glue:GetDatabases", "glue:GetTables")
                    .doesNotContain("athena:ListTableMetadata", "athena:ListDatabases");
        }
    }

    @Test
    void glueThrottlingAfterRetriesIsTheTransientStateQueriesGive() throws SQLException {
        athena.faults().set(FaultPlan.of(1, FaultRule.forAction("glue", "GetTables").withThrottleRate(1.0)));
        try (Connection connection = connect("NumRetries=1")) {
            SQLTransientException e = catchThrowableOfType(SQLTransientException.class,
                    () -> connection.getMetaData().getTables(GLUE_CATALOG, "small", "%", null));
            assertThat((Throwable) e).isNotNull();
            assertThat(e.getSQLState()).isEqualTo("53000");
            assertThat(e.getMessage()).contains("GetTables").contains("throttled").contains("NumRetries");
            assertThat(count("glue", "GetTables")).isEqualTo(2);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static List<String> schemas(DatabaseMetaData metaData) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = metaData.getSchemas(GLUE_CATALOG, null)) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_SCHEM"));
            }
        }
        return names;
    }

    private static List<String> names(ResultSet rs) throws SQLException {
        List<String> names = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        return names;
    }

    /** Every row as its values joined by '|', so that whole results can be compared. */
    private static List<String> rows(ResultSet rs) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (rs) {
            ResultSetMetaData shape = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= shape.getColumnCount(); i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    /** The warning a listing over several databases gives for secretdb, whose tables Glue refused. */
    private static void assertSecretdbSkipped(SQLWarning warning) {
        assertThat((Object) warning).as("a warning names the database skipped").isNotNull();
        assertThat(warning.getMessage()).contains("secretdb").contains("glue:GetTables");
        assertThat(warning.getSQLState()).isEqualTo("42501");
    }
}
