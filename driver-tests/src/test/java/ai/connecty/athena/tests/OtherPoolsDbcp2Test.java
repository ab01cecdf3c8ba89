package ai.connecty.athena.tests;

import static ai.connecty.athena.tests.PoolChecks.eventually;
import static ai.connecty.athena.tests.PoolChecks.ids;
import static ai.connecty.athena.tests.PoolChecks.physical;
import static ai.connecty.athena.tests.PoolChecks.queriesStarted;
import static ai.connecty.athena.tests.PoolChecks.requests;
import static ai.connecty.athena.tests.PoolChecks.scalar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.jdbc.AthenaConnection;
import ai.connecty.athena.jdbc.AthenaDataSource;
import ai.connecty.athena.jdbc.AthenaDriver;
import ai.connecty.athena.jdbc.AthenaPreparedStatement;
import ai.connecty.athena.jdbc.aws.AwsClients;
import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.control.FaultPlan;
import ai.connecty.athena.local.control.FaultRule;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.commons.dbcp2.BasicDataSource;
import org.apache.commons.dbcp2.BasicDataSourceFactory;
import org.apache.commons.dbcp2.DataSourceConnectionFactory;
import org.apache.commons.dbcp2.PoolableConnection;
import org.apache.commons.dbcp2.PoolableConnectionFactory;
import org.apache.commons.dbcp2.PoolingDataSource;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The driver under Apache Commons DBCP2, configured the way application servers and BI servers do it: text
 * properties through BasicDataSourceFactory (a Tomcat Resource of type BasicDataSource), the driver's class name and
 * URL, or the driver's own DataSource behind a PoolingDataSource. Pins what DBCP2 calls on borrow, return,
 * validation and eviction, and what each costs in Athena requests.
 */
@ExtendWith(LocalAthenaExtension.class)
class OtherPoolsDbcp2Test {

    private static LocalAthena athena;

    /** A BasicDataSource from the driver's class name, URL and keys, with the given DBCP2 settings. */
    private static BasicDataSource pool(String... extraUrlProperties) {
        BasicDataSource pool = new BasicDataSource();
        pool.setDriverClassName(AthenaDriver.class.getName());
        pool.setUrl(PoolChecks.url(athena, extraUrlProperties));
        pool.setUsername(LocalAthena.SERVICE_ACCOUNT_KEY_ID);
        pool.setPassword(LocalAthena.SERVICE_ACCOUNT_SECRET);
        pool.setMaxTotal(1);
        pool.setAccessToUnderlyingConnectionAllowed(true);
        return pool;
    }

    // ---- configuration -------------------------------------------------------------------------------------

    /** As a Tomcat context.xml Resource or a BI server's pool file gives it: text only, the connection properties included. */
    @Test
    void configuredFromTextPropertiesWithTheDriverClassName() throws Exception {
        Properties text = new Properties();
        text.setProperty("driverClassName", "ai.connecty.athena.jdbc.AthenaDriver");
        text.setProperty("url", Connections.url(athena));
        text.setProperty("username", LocalAthena.SERVICE_ACCOUNT_KEY_ID);
        text.setProperty("password", LocalAthena.SERVICE_ACCOUNT_SECRET);
        text.setProperty("connectionProperties", "RoleArn=" + LocalAthena.ROLE_ARN + ";Schema=demo");
        text.setProperty("maxTotal", "2");
        text.setProperty("testOnBorrow", "true");
        try (BasicDataSource pool = BasicDataSourceFactory.createDataSource(text);
             Connection connection = pool.getConnection()) {
            assertThat(scalar(connection, "SELECT count(*) FROM sales")).isEqualTo(4000L);
            assertThat(connection.getSchema()).isEqualTo("demo");
        }
    }

    /** The driver's DataSource, set up through its bean setters, behind DBCP2's own pooling classes. */
    @Test
    void configuredWithTheDriversDataSource() throws Exception {
        AthenaDataSource dataSource = new AthenaDataSource();
        dataSource.setRegion(LocalAthena.REGION);
        dataSource.setProperty("EndpointOverride", athena.endpoint().toString());
        dataSource.setUser(LocalAthena.SERVICE_ACCOUNT_KEY_ID);
        dataSource.setPassword(LocalAthena.SERVICE_ACCOUNT_SECRET);
        dataSource.setProperty("RoleArn", LocalAthena.ROLE_ARN);
        dataSource.setOutputLocation("s3://" + LocalAthena.RESULTS_BUCKET + "/dbcp2/");
        PoolableConnectionFactory factory = new PoolableConnectionFactory(new DataSourceConnectionFactory(dataSource), null);
        factory.setDefaultSchema("demo");
        GenericObjectPool<PoolableConnection> objects = new GenericObjectPool<>(factory);
        factory.setPool(objects);
        objects.setTestOnBorrow(true);
        try (PoolingDataSource<PoolableConnection> pool = new PoolingDataSource<>(objects)) {
            pool.setAccessToUnderlyingConnectionAllowed(true);
            AthenaConnection first;
            try (Connection connection = pool.getConnection()) {
                first = physical(connection);
                assertThat(scalar(connection, "SELECT count(*) FROM sales")).isEqualTo(4000L);
            }
            try (Connection connection = pool.getConnection()) {
                assertThat(physical(connection)).isSameAs(first);
            }
            assertThat(objects.getDestroyedByBorrowValidationCount()).isZero();
        }
    }

    // ---- validation ----------------------------------------------------------------------------------------

    /**
     * Without validationQuery DBCP2 validates with isValid(timeout), which this driver answers from the connection's
     * own state: borrowing costs no Athena request at all.
     */
    @Test
    void isValidValidationCostsNoRequest() throws Exception {
        try (BasicDataSource pool = pool()) {
            pool.setTestOnBorrow(true);
            pool.setTestOnReturn(true);
            try (Connection connection = pool.getConnection()) {
                scalar(connection, "SELECT 1");
            }
            athena.requestLog().clear();
            for (int i = 0; i < 5; i++) {
                try (Connection connection = pool.getConnection()) {
                    assertThat(connection.isValid(5)).isTrue();
                }
            }
            assertThat(requests(athena)).as("requests made by 5 validated borrows and returns").isZero();
        }
    }

    /** validationQuery=SELECT 1 is an Athena query (billed, seconds long on AWS) on every validation. */
    @Test
    void validationQueryCostsOneQueryPerValidation() throws Exception {
        try (BasicDataSource pool = pool()) {
            pool.setValidationQuery("SELECT 1");
            pool.setTestOnBorrow(true);
            try (Connection connection = pool.getConnection()) {
                physical(connection);
            }
            athena.requestLog().clear();
            for (int i = 0; i < 3; i++) {
                try (Connection connection = pool.getConnection()) {
                    connection.isReadOnly();
                }
            }
            assertThat(queriesStarted(athena)).as("queries started by 3 validated borrows").isEqualTo(3);
        }
    }

    /** A connection that was closed underneath the pool is found invalid on borrow and replaced. */
    @Test
    void aBrokenIdleConnectionIsDroppedOnBorrow() throws Exception {
        try (BasicDataSource pool = pool()) {
            pool.setTestOnBorrow(true);
            AthenaConnection broken;
            try (Connection connection = pool.getConnection()) {
                broken = physical(connection);
            }
            broken.close();
            try (Connection connection = pool.getConnection()) {
                assertThat(physical(connection)).isNotSameAs(broken);
                assertThat(scalar(connection, "SELECT 2")).isEqualTo(2L);
            }
        }
    }

    /** testWhileIdle: an eviction run validates idle connections (isValid, no request) and drops a broken one. */
    @Test
    void theEvictorDropsABrokenIdleConnectionWithoutAnyRequest() throws Exception {
        try (BasicDataSource pool = pool()) {
            pool.setMaxTotal(2);
            pool.setTestWhileIdle(true);
            pool.setNumTestsPerEvictionRun(2);
            pool.setMinEvictableIdle(Duration.ofHours(1));
            Connection a = pool.getConnection();
            Connection b = pool.getConnection();
            AthenaConnection broken = physical(a);
            AthenaConnection healthy = physical(b);
            a.close();
            b.close();
            broken.close();
            athena.requestLog().clear();
            // One run of the evictor, called here rather than left to commons-pool's timer thread, so that the test
            // does not depend on when (or, with pools closed just before, whether) that thread runs it.
            pool.evict();
            // commons-pool 2.13.0 may open a replacement at once, so count what the run destroyed, and look at
            // what the next two borrowers get: the healthy connection and a new one, never the broken one.
            assertThat(pool.getConnectionPool().getDestroyedByEvictorCount()).as("destroyed by the eviction run")
                    .isEqualTo(1);
            try (Connection connection = pool.getConnection(); Connection another = pool.getConnection()) {
                assertThat(List.of(physical(connection), physical(another))).contains(healthy).doesNotContain(broken);
            }
            assertThat(queriesStarted(athena)).as("queries started by idle validation").isZero();
        }
    }

    // ---- what DBCP2 calls on borrow and return -------------------------------------------------------------

    /**
     * The defaults (rollbackOnReturn, enableAutoCommitOnReturn, cacheState all true): the connection is in
     * auto-commit, so DBCP2 neither rolls back nor sets auto-commit; it clears warnings. Nothing throws, nothing is
     * evicted, and nothing reaches Athena.
     */
    @Test
    void returnWithTheDefaultsKeepsTheConnection() throws Exception {
        try (BasicDataSource pool = pool()) {
            pool.setDefaultAutoCommit(true);
            pool.setRollbackOnReturn(true);
            pool.setAutoCommitOnReturn(true);
            pool.setCacheState(true);
            AthenaConnection first;
            try (Connection connection = pool.getConnection()) {
                first = physical(connection);
                assertThat(connection.getAutoCommit()).isTrue();
            }
            athena.requestLog().clear();
            for (int i = 0; i < 3; i++) {
                try (Connection connection = pool.getConnection()) {
                    assertThat(physical(connection)).isSameAs(first);
                    first.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
                    assertThat((Object) connection.getWarnings()).as("the warning just added").isNotNull();
                }
                assertThat((Object) first.getWarnings()).as("warnings after return").isNull();
            }
            assertThat(requests(athena)).isZero();
            assertThat(pool.getNumIdle()).isEqualTo(1);
        }
    }

    /**
     * defaultAutoCommit=false asks for a transaction Athena cannot give: every borrow fails with the driver's 0A000
     * (so it is found at the first borrow, not at the first commit), the connection it made is closed with its AWS
     * clients, and the pool stays usable: nothing is leaked, nothing is counted as active.
     */
    @Test
    void defaultAutoCommitFalseFailsEveryBorrowClearly() throws Exception {
        int clientsBefore = AwsClients.openCount();
        try (BasicDataSource pool = pool()) {
            pool.setDefaultAutoCommit(false);
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(pool::getConnection).isInstanceOf(SQLException.class)
                        .satisfies(e -> {
                            SQLException driver = PoolChecks.innermostSqlException(e);
                            assertThat((Throwable) driver).isInstanceOf(SQLFeatureNotSupportedException.class)
                                    .hasMessageContaining("auto-commit");
                            assertThat(driver.getSQLState()).isEqualTo("0A000");
                        });
                assertThat(pool.getNumActive()).isZero();
            }
            assertThat(AwsClients.openCount()).as("AWS clients of the connections DBCP2 gave up").isEqualTo(clientsBefore);
        }
    }

    /** defaultReadOnly and defaultTransactionIsolation are hints the driver takes without failing a borrow. */
    @Test
    void readOnlyAndIsolationDefaultsAreAccepted() throws Exception {
        try (BasicDataSource pool = pool()) {
            pool.setDefaultReadOnly(true);
            pool.setDefaultTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            for (int i = 0; i < 2; i++) {
                try (Connection connection = pool.getConnection()) {
                    assertThat(connection.isReadOnly()).isTrue();
                    assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_NONE);
                    // DBCP2 sets the level again at each borrow (the driver keeps TRANSACTION_NONE): one warning each
                    // time, the previous borrower's cleared on return.
                    assertThat(chain(connection.getWarnings())).hasSize(1);
                    assertThat(scalar(connection, "SELECT 3")).isEqualTo(3L);
                }
            }
        }
    }

    /**
     * defaultCatalog and defaultSchema decide where unqualified names resolve: lakehouse.lake.orders has 300 rows,
     * AwsDataCatalog.demo.sales 4000. A borrower who switches the catalog does not leave it switched for the next.
     */
    @Test
    void defaultCatalogAndSchemaDecideWhereUnqualifiedTablesResolve() throws Exception {
        try (BasicDataSource pool = pool()) {
            pool.setDefaultCatalog("lakehouse");
            pool.setDefaultSchema("lake");
            try (Connection connection = pool.getConnection()) {
                assertThat(connection.getCatalog()).isEqualTo("lakehouse");
                assertThat(scalar(connection, "SELECT count(*) FROM orders")).isEqualTo(300L);
                connection.setCatalog("AwsDataCatalog");
                connection.setSchema("demo");
                assertThat(scalar(connection, "SELECT count(*) FROM sales")).isEqualTo(4000L);
            }
            try (Connection connection = pool.getConnection()) {
                assertThat(connection.getCatalog()).isEqualTo("lakehouse");
                assertThat(connection.getSchema()).isEqualTo("lake");
                assertThat(scalar(connection, "SELECT count(*) FROM orders")).isEqualTo(300L);
            }
        }
    }

    /**
     * What defaultCatalog costs: DBCP2 calls setCatalog at a borrow only when getCatalog differs, so a data
     * catalog is set once per connection. A database name given as the catalog (as tools that know one level of
     * names do) selects that database, with a warning, and the catalog stays: DBCP2 sets it again at every borrow,
     * which costs no request once the driver's metadata cache knows the names.
     */
    @Test
    void whatDefaultCatalogCostsPerBorrow() throws Exception {
        try (BasicDataSource pool = pool()) {
            pool.setDefaultCatalog("lakehouse");
            try (Connection connection = pool.getConnection()) {
                assertThat(connection.getCatalog()).isEqualTo("lakehouse");
            }
            athena.requestLog().clear();
            for (int i = 0; i < 3; i++) {
                try (Connection connection = pool.getConnection()) {
                    assertThat(connection.getCatalog()).isEqualTo("lakehouse");
                }
            }
            assertThat(requests(athena)).as("requests of 3 borrows with the catalog set").isZero();
        }
        try (BasicDataSource pool = pool()) {
            pool.setDefaultCatalog("demo");
            try (Connection connection = pool.getConnection()) {
                assertThat(connection.getSchema()).isEqualTo("demo");
            }
            athena.requestLog().clear();
            for (int i = 0; i < 3; i++) {
                try (Connection connection = pool.getConnection()) {
                    assertThat(connection.getCatalog()).isEqualTo("AwsDataCatalog");
                    assertThat(connection.getSchema()).isEqualTo("demo");
                    assertThat(scalar(connection, "SELECT count(*) FROM sales")).isEqualTo(4000L);
                }
            }
            // The catalog listing that tells a database from a catalog is cached (MetadataCacheTtlSeconds): the
            // borrows cost only the queries' own calls.
            assertThat(athena.requestLog().entries().stream().map(e -> e.service() + "/" + e.action())
                    .filter(call -> !call.matches("athena/(StartQueryExecution|GetQueryExecution|GetQueryResults)")))
                    .as("calls other than the queries'").isEmpty();
            assertThat(queriesStarted(athena)).isEqualTo(3);
        }
    }

    /**
     * connectionInitSqls run once per physical connection, not per borrow. BasicDataSource opens one connection more
     * at start to check its factory, so the first borrow costs two queries.
     */
    @Test
    void connectionInitSqlsRunOncePerPhysicalConnection() throws Exception {
        athena.requestLog().clear();
        try (BasicDataSource pool = pool()) {
            pool.setConnectionInitSqls(List.of("SELECT 1"));
            try (Connection connection = pool.getConnection()) {
                physical(connection);
            }
            assertThat(queriesStarted(athena)).as("init queries of the checked and the pooled connection").isEqualTo(2);
            for (int i = 0; i < 3; i++) {
                try (Connection connection = pool.getConnection()) {
                    physical(connection);
                }
            }
            assertThat(queriesStarted(athena)).as("init queries after 3 more borrows").isEqualTo(2);
        }
    }

    // ---- statement pooling ---------------------------------------------------------------------------------

    /**
     * poolPreparedStatements hands the same driver statement to the next borrower: DBCP2 clears its parameters on
     * return, so the second borrower's values are its own (and a parameter it did not set is refused), and a
     * statement closed and prepared again works.
     */
    @Test
    void pooledPreparedStatementsCarryNoParametersOrRowsAcrossBorrowers() throws Exception {
        try (BasicDataSource pool = pool()) {
            pool.setPoolPreparedStatements(true);
            pool.setMaxOpenPreparedStatements(4);
            String sql = "SELECT sale_id FROM demo.sales WHERE sale_id BETWEEN ? AND ? ORDER BY sale_id";
            AthenaPreparedStatement reused;
            try (Connection connection = pool.getConnection();
                 PreparedStatement statement = connection.prepareStatement(sql)) {
                reused = statement.unwrap(AthenaPreparedStatement.class);
                statement.setLong(1, 1);
                statement.setLong(2, 3);
                ResultSet rows = statement.executeQuery();
                assertThat(rows.next()).isTrue();
                // Left open: returning the statement must close it.
            }
            try (Connection connection = pool.getConnection();
                 PreparedStatement statement = connection.prepareStatement(sql)) {
                assertThat(statement.unwrap(AthenaPreparedStatement.class)).as("the pooled driver statement")
                        .isSameAs(reused);
                statement.setLong(1, 100);
                assertThatThrownBy(statement::executeQuery).isInstanceOf(SQLException.class)
                        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("07001");
                statement.setLong(2, 102);
                assertThat(ids(statement)).containsExactly(100L, 101L, 102L);
                statement.close();
                try (PreparedStatement again = connection.prepareStatement(sql)) {
                    again.setLong(1, 7);
                    again.setLong(2, 8);
                    assertThat(ids(again)).containsExactly(7L, 8L);
                }
            }
        }
    }

    /** clearStatementPoolOnReturn: the next borrower prepares a new driver statement; the old one is closed. */
    @Test
    void clearStatementPoolOnReturnClosesThePooledStatements() throws Exception {
        try (BasicDataSource pool = pool()) {
            pool.setPoolPreparedStatements(true);
            pool.setClearStatementPoolOnReturn(true);
            AthenaPreparedStatement first;
            try (Connection connection = pool.getConnection();
                 PreparedStatement statement = connection.prepareStatement("SELECT ?")) {
                first = statement.unwrap(AthenaPreparedStatement.class);
            }
            assertThat(first.isClosed()).isTrue();
            try (Connection connection = pool.getConnection();
                 PreparedStatement statement = connection.prepareStatement("SELECT ?")) {
                assertThat(statement.unwrap(AthenaPreparedStatement.class)).isNotSameAs(first);
                statement.setInt(1, 5);
                try (ResultSet rows = statement.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getInt(1)).isEqualTo(5);
                }
            }
        }
    }

    // ---- eviction ------------------------------------------------------------------------------------------

    /**
     * Query errors (42P01, 22012) and a throttled call (53000) leave the connection in the pool, even with
     * fastFailValidation, which drops a connection after any class 08 error; a connection closed underneath,
     * whose next use fails with 08003, is dropped on return.
     */
    @Test
    void onlyClass08FailuresEvict() throws Exception {
        try (BasicDataSource pool = pool("NumRetries=0")) {
            pool.setFastFailValidation(true);
            pool.setTestOnBorrow(true);
            AthenaConnection first;
            try (Connection connection = pool.getConnection()) {
                first = physical(connection);
            }
            List<String> states = new ArrayList<>();
            String[] failing = {"SELECT * FROM demo.no_such_table", "SELECT 1 / 0"};
            for (String sql : failing) {
                try (Connection connection = pool.getConnection()) {
                    assertThat(physical(connection)).as("the pooled connection before: " + sql).isSameAs(first);
                    assertThatThrownBy(() -> scalar(connection, sql)).isInstanceOf(SQLException.class)
                            .satisfies(e -> states.add(((SQLException) e).getSQLState()));
                }
            }
            athena.faults().set(FaultPlan.of(1, FaultRule.forAction("athena", "StartQueryExecution").withThrottleRate(1.0)));
            try (Connection connection = pool.getConnection()) {
                assertThatThrownBy(() -> scalar(connection, "SELECT 1")).isInstanceOf(SQLException.class)
                        .satisfies(e -> states.add(((SQLException) e).getSQLState()));
            } finally {
                athena.faults().clear();
            }
            assertThat(states).containsExactly("42P01", "22012", "53000");
            try (Connection connection = pool.getConnection()) {
                assertThat(physical(connection)).as("the pooled connection after query errors").isSameAs(first);
                first.close();
                assertThatThrownBy(() -> scalar(connection, "SELECT 1")).isInstanceOf(SQLException.class)
                        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08003");
            }
            // DBCP2 destroys it on return (its driver connection says isClosed) and opens a replacement.
            try (Connection connection = pool.getConnection()) {
                assertThat(physical(connection)).isNotSameAs(first);
                assertThat(scalar(connection, "SELECT 4")).isEqualTo(4L);
            }
        }
    }

    /**
     * disconnectionSqlCodes replaces DBCP2's default (class 08 and a few server codes): the driver's SQLStates are
     * specific enough for a user who wants a failure of a given kind to rebuild the connection.
     */
    @Test
    void disconnectionSqlCodesEvictOnTheListedStates() throws Exception {
        try (BasicDataSource pool = pool()) {
            pool.setFastFailValidation(true);
            pool.setTestOnBorrow(true);
            pool.setDisconnectionSqlCodes(Set.of("42P01"));
            AthenaConnection first;
            try (Connection connection = pool.getConnection()) {
                first = physical(connection);
                assertThatThrownBy(() -> scalar(connection, "SELECT 1 / 0")).isInstanceOf(SQLException.class);
            }
            try (Connection connection = pool.getConnection()) {
                assertThat(physical(connection)).isSameAs(first);
                assertThatThrownBy(() -> scalar(connection, "SELECT * FROM demo.no_such_table"))
                        .isInstanceOf(SQLException.class);
            }
            try (Connection connection = pool.getConnection()) {
                assertThat(physical(connection)).isNotSameAs(first);
            }
            assertThat(first.isClosed()).as("the evicted connection is closed").isTrue();
        }
    }

    /**
     * With jmxName, DBCP2 registers each connection as an MBean whose attributes a monitoring agent reads
     * periodically (AutoCommit, Catalog, Schema, Holdability, ToString, ...): all answered from local state, no
     * request, and ToString (DBCP2 prints DatabaseMetaData.getURL) shows no secret given in the URL. DBCP2's own
     * Url attribute of the pool does.
     */
    @Test
    void jmxAttributesOfPooledConnectionsCostNothingAndShowNoSecret() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        BasicDataSource pool = new BasicDataSource();
        pool.setDriverClassName(AthenaDriver.class.getName());
        pool.setUrl(PoolChecks.url(athena, "user=" + LocalAthena.SERVICE_ACCOUNT_KEY_ID,
                "password=" + LocalAthena.SERVICE_ACCOUNT_SECRET));
        pool.setJmxName("ai.connecty.tests:type=BasicDataSource,name=otherPoolsDbcp2");
        // DBCP2 answers only for a borrowed connection (an idle one reads as closed): read them while it is in use.
        try (pool; Connection connection = pool.getConnection()) {
            scalar(connection, "SELECT 1");
            Set<ObjectName> names = server.queryNames(
                    new ObjectName("ai.connecty.tests:type=BasicDataSource,name=otherPoolsDbcp2,*"), null);
            List<String> values = new ArrayList<>();
            String poolUrl = null;
            athena.requestLog().clear();
            for (ObjectName name : names) {
                for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                    Object value = server.getAttribute(name, attribute.getName());
                    if (name.getKeyProperty("connection") != null) {
                        values.add(attribute.getName() + "=" + value);
                    } else if (attribute.getName().equals("Url")) {
                        poolUrl = String.valueOf(value);
                    }
                }
            }
            assertThat(values).as("attributes of the connection").anyMatch(v -> v.startsWith("ToString=") && v.contains("Region="))
                    .anyMatch(v -> v.equals("Catalog=AwsDataCatalog"));
            assertThat(String.join("\n", values)).doesNotContain(LocalAthena.SERVICE_ACCOUNT_SECRET);
            assertThat(requests(athena)).as("requests made by reading the MBeans").isZero();
            // The pool's own Url attribute is the text it was given, unmasked: hence the README's advice to give
            // the secret as the pool's password, never in the URL.
            assertThat(poolUrl).contains(LocalAthena.SERVICE_ACCOUNT_SECRET);
        }
    }

    // ---- abandoned connections, closing the pool -----------------------------------------------------------

    /**
     * removeAbandonedOnMaintenance ends a connection held too long with abort(executor), DBCP2 passing an
     * executor that runs in the evictor's thread: the driver's connection ends, AWS clients included.
     */
    @Test
    void anAbandonedConnectionIsAbortedAndReleased() throws Exception {
        int clientsBefore = AwsClients.openCount();
        try (BasicDataSource pool = pool()) {
            pool.setRemoveAbandonedOnMaintenance(true);
            pool.setRemoveAbandonedTimeout(Duration.ZERO);
            pool.setLogAbandoned(false);
            pool.setDurationBetweenEvictionRuns(Duration.ofMillis(20));
            Connection abandoned = pool.getConnection();
            AthenaConnection physical = physical(abandoned);
            assertThat(eventually(physical::isClosed)).as("the abandoned connection closed").isTrue();
            // commons-pool opens a replacement for the connection it took away.
            assertThat(eventually(() -> AwsClients.openCount() == clientsBefore + 1)).as("AWS clients").isTrue();
            assertThatThrownBy(() -> scalar(abandoned, "SELECT 1")).isInstanceOf(SQLException.class);
        }
        assertThat(AwsClients.openCount()).as("AWS clients after the pool closed").isEqualTo(clientsBefore);
    }

    /**
     * A connection abandoned in the middle of a query (its borrower waits on it past removeAbandonedTimeout): DBCP2
     * aborts it, the driver asks Athena to stop the query, and the borrower's error says the connection was aborted,
     * not that someone called Statement.cancel().
     */
    @Test
    void aQueryOfAnAbandonedConnectionFailsNamingTheAbort() throws Exception {
        try (BasicDataSource pool = pool()) {
            pool.setRemoveAbandonedOnMaintenance(true);
            // Long enough that the query is under way when the evictor aborts the connection, even on a loaded
            // machine (an abort before executeQuery began would fail it with 08003 instead); the query lasts 20 s.
            pool.setRemoveAbandonedTimeout(Duration.ofSeconds(3));
            pool.setDurationBetweenEvictionRuns(Duration.ofMillis(50));
            athena.faults().set(FaultPlan.of(1, FaultRule.forAction("athena", "*").withQueryMillis(20_000)));
            athena.requestLog().clear();
            Connection abandoned = pool.getConnection();
            try (Statement statement = abandoned.createStatement()) {
                assertThatThrownBy(() -> statement.executeQuery("SELECT 42")).isInstanceOf(SQLException.class)
                        .hasMessageContaining("Connection.abort()")
                        .hasMessageNotContaining("Statement.cancel()")
                        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("57014");
            } finally {
                athena.faults().clear();
            }
            assertThat(physical(abandoned).isClosed()).isTrue();
            // Sent from the evictor's thread, which may still be waiting for the reply. (The guide's policy denies
            // it; the attempt is what the driver owes.)
            assertThat(eventually(() -> athena.requestLog().count("athena", "StopQueryExecution") == 1))
                    .as("StopQueryExecution sent").isTrue();
        }
    }

    /**
     * BasicDataSource.close() leaves connections in use open for their borrowers; each one is closed, with its AWS
     * clients, when it is returned.
     */
    @Test
    void aConnectionInUseWhenThePoolClosesIsClosedOnItsReturn() throws Exception {
        int clientsBefore = AwsClients.openCount();
        BasicDataSource pool = pool();
        Connection inUse = pool.getConnection();
        AthenaConnection physical = physical(inUse);
        pool.close();
        assertThat(scalar(inUse, "SELECT 8")).as("still usable by its borrower").isEqualTo(8L);
        inUse.close();
        assertThat(physical.isClosed()).isTrue();
        assertThat(AwsClients.openCount()).isEqualTo(clientsBefore);
    }

    /** Closing the pool closes every connection it holds, their AWS clients and the driver's threads. */
    @Test
    void closingThePoolReleasesTheDriversResources() throws Exception {
        try (BasicDataSource warmUp = pool(); Connection connection = warmUp.getConnection()) {
            scalar(connection, "SELECT 1");
        }
        int clientsBefore = AwsClients.openCount();
        Set<Thread> baseline = PoolChecks.threads();
        BasicDataSource pool = pool();
        pool.setMaxTotal(3);
        pool.setMinIdle(3);
        pool.setTestWhileIdle(true);
        pool.setDurationBetweenEvictionRuns(Duration.ofMillis(50));
        List<Connection> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(pool.getConnection());
        }
        for (Connection connection : held) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT sale_id FROM demo.sales")) {
                ResultSet rows = statement.executeQuery();
                assertThat(rows.next()).isTrue();
            }
            connection.close();
        }
        assertThat(AwsClients.openCount() - clientsBefore).isEqualTo(3);
        pool.close();
        assertThat(AwsClients.openCount()).isEqualTo(clientsBefore);
        // commons-pool's evictor is one timer thread for the JVM, kept a while for the next pool; so is the SDK's
        // timer of response streams, started by the first result read from S3 in the JVM.
        assertThat(PoolChecks.threadsLeftSince(baseline, name -> name.startsWith("commons-pool-evictor")
                || name.equals("response-input-stream-timeout-scheduler")))
                .as("threads left by a closed DBCP2 pool").isEmpty();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static List<SQLWarning> chain(SQLWarning first) {
        List<SQLWarning> warnings = new ArrayList<>();
        for (SQLWarning w = first; w != null; w = w.getNextWarning()) {
            warnings.add(w);
        }
        return warnings;
    }
}
