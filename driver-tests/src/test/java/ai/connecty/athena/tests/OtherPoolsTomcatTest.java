package ai.connecty.athena.tests;

import static ai.connecty.athena.tests.PoolChecks.eventually;
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
import ai.connecty.athena.jdbc.AthenaStatement;
import ai.connecty.athena.jdbc.aws.AwsClients;
import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.control.FaultPlan;
import ai.connecty.athena.local.control.FaultRule;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.tomcat.jdbc.pool.DataSource;
import org.apache.tomcat.jdbc.pool.DataSourceFactory;
import org.apache.tomcat.jdbc.pool.PoolProperties;
import org.apache.tomcat.jdbc.pool.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The driver under the Tomcat JDBC pool (tomcat-jdbc 11), configured as a Tomcat Resource does it (text properties
 * through its DataSourceFactory), with the driver's class name, or with the driver's DataSource. Pins what the pool
 * calls on connect and borrow, what its validation costs, and what its interceptors do with the driver.
 */
@ExtendWith(LocalAthenaExtension.class)
class OtherPoolsTomcatTest {

    private static LocalAthena athena;

    /** Pool settings from the driver's class name, URL and keys; validation on every borrow, not every 3 s. */
    private static PoolProperties properties(String... extraUrlProperties) {
        PoolProperties properties = new PoolProperties();
        properties.setDriverClassName(AthenaDriver.class.getName());
        properties.setUrl(PoolChecks.url(athena, extraUrlProperties));
        properties.setUsername(LocalAthena.SERVICE_ACCOUNT_KEY_ID);
        properties.setPassword(LocalAthena.SERVICE_ACCOUNT_SECRET);
        properties.setMaxActive(1);
        properties.setMaxIdle(1);
        properties.setInitialSize(0);
        properties.setMinIdle(0);
        properties.setValidationInterval(0);
        properties.setJmxEnabled(false);
        return properties;
    }

    // ---- configuration -------------------------------------------------------------------------------------

    /** As a Tomcat context.xml Resource with factory="org.apache.tomcat.jdbc.pool.DataSourceFactory" gives it. */
    @Test
    void configuredFromTextPropertiesWithTheDriverClassName() throws Exception {
        Properties text = new Properties();
        text.setProperty("driverClassName", "ai.connecty.athena.jdbc.AthenaDriver");
        text.setProperty("url", Connections.url(athena));
        text.setProperty("username", LocalAthena.SERVICE_ACCOUNT_KEY_ID);
        text.setProperty("password", LocalAthena.SERVICE_ACCOUNT_SECRET);
        text.setProperty("connectionProperties", "RoleArn=" + LocalAthena.ROLE_ARN + ";Schema=demo");
        text.setProperty("maxActive", "2");
        text.setProperty("testOnBorrow", "true");
        text.setProperty("jmxEnabled", "false");
        DataSource pool = (DataSource) new DataSourceFactory().createDataSource(text);
        try (Connection connection = pool.getConnection()) {
            assertThat(scalar(connection, "SELECT count(*) FROM sales")).isEqualTo(4000L);
            assertThat(connection.getSchema()).isEqualTo("demo");
        } finally {
            pool.close(true);
        }
    }

    /** PoolProperties.setDataSource with the driver's DataSource, set up through its bean setters. */
    @Test
    void configuredWithTheDriversDataSource() throws Exception {
        AthenaDataSource dataSource = new AthenaDataSource();
        dataSource.setRegion(LocalAthena.REGION);
        dataSource.setProperty("EndpointOverride", athena.endpoint().toString());
        dataSource.setProperty("RoleArn", LocalAthena.ROLE_ARN);
        dataSource.setOutputLocation("s3://" + LocalAthena.RESULTS_BUCKET + "/tomcat/");
        dataSource.setDatabase("demo");
        PoolProperties properties = properties();
        properties.setDriverClassName(null);
        properties.setUrl(null);
        properties.setDataSource(dataSource);
        properties.setTestOnBorrow(true);
        DataSource pool = new DataSource(properties);
        try {
            AthenaConnection first;
            try (Connection connection = pool.getConnection()) {
                first = physical(connection);
                assertThat(scalar(connection, "SELECT count(*) FROM sales")).isEqualTo(4000L);
            }
            try (Connection connection = pool.getConnection()) {
                assertThat(physical(connection)).isSameAs(first);
            }
        } finally {
            pool.close(true);
        }
    }

    // ---- validation ----------------------------------------------------------------------------------------

    /** Without validationQuery the pool validates with isValid, which this driver answers without a request. */
    @Test
    void isValidValidationCostsNoRequest() throws Exception {
        PoolProperties properties = properties();
        properties.setTestOnBorrow(true);
        properties.setTestOnReturn(true);
        DataSource pool = new DataSource(properties);
        try {
            AthenaConnection first;
            try (Connection connection = pool.getConnection()) {
                first = physical(connection);
            }
            athena.requestLog().clear();
            for (int i = 0; i < 5; i++) {
                try (Connection connection = pool.getConnection()) {
                    assertThat(physical(connection)).isSameAs(first);
                }
            }
            assertThat(requests(athena)).as("requests made by 5 validated borrows and returns").isZero();
        } finally {
            pool.close(true);
        }
    }

    /** validationQuery=SELECT 1: one Athena query per validation (validationInterval=0 validates every borrow). */
    @Test
    void validationQueryCostsOneQueryPerValidation() throws Exception {
        PoolProperties properties = properties();
        properties.setTestOnBorrow(true);
        properties.setValidationQuery("SELECT 1");
        DataSource pool = new DataSource(properties);
        try {
            try (Connection connection = pool.getConnection()) {
                physical(connection);
            }
            athena.requestLog().clear();
            for (int i = 0; i < 3; i++) {
                try (Connection connection = pool.getConnection()) {
                    physical(connection);
                }
            }
            assertThat(queriesStarted(athena)).as("queries started by 3 validated borrows").isEqualTo(3);
        } finally {
            pool.close(true);
        }
    }

    /** Counts its calls; validates with isValid, as a Validator the pool instantiates by class name would. */
    public static final class CountingValidator implements Validator {
        static final AtomicInteger CALLS = new AtomicInteger();

        @Override
        public boolean validate(Connection connection, int validateAction) {
            CALLS.incrementAndGet();
            try {
                return connection.isValid(5);
            } catch (SQLException e) {
                return false;
            }
        }
    }

    /**
     * validatorClassName: a connection closed underneath the pool is found invalid at the next borrow and replaced
     * by a new driver connection (Tomcat reconnects the pooled slot).
     */
    @Test
    void aBrokenConnectionIsReplacedOnBorrowThroughTheValidatorClass() throws Exception {
        PoolProperties properties = properties();
        properties.setTestOnBorrow(true);
        properties.setValidatorClassName(CountingValidator.class.getName());
        DataSource pool = new DataSource(properties);
        try {
            AthenaConnection broken;
            try (Connection connection = pool.getConnection()) {
                broken = physical(connection);
            }
            broken.close();
            int before = CountingValidator.CALLS.get();
            try (Connection connection = pool.getConnection()) {
                assertThat(physical(connection)).isNotSameAs(broken);
                assertThat(scalar(connection, "SELECT 2")).isEqualTo(2L);
            }
            assertThat(CountingValidator.CALLS.get()).as("validations").isGreaterThan(before);
        } finally {
            pool.close(true);
        }
    }

    /** testWhileIdle: the pool cleaner validates idle connections with isValid and releases a broken one. */
    @Test
    void theCleanerReleasesABrokenIdleConnectionWithoutAnyRequest() throws Exception {
        PoolProperties properties = properties();
        properties.setMaxActive(2);
        properties.setMaxIdle(2);
        properties.setTestWhileIdle(true);
        properties.setMinEvictableIdleTimeMillis(3_600_000);
        properties.setTimeBetweenEvictionRunsMillis(50);
        DataSource pool = new DataSource(properties);
        try {
            Connection a = pool.getConnection();
            Connection b = pool.getConnection();
            AthenaConnection broken = physical(a);
            AthenaConnection healthy = physical(b);
            a.close();
            b.close();
            athena.requestLog().clear();
            broken.close();
            assertThat(eventually(() -> pool.getIdle() == 1)).as("the broken connection released").isTrue();
            try (Connection connection = pool.getConnection()) {
                assertThat(physical(connection)).isSameAs(healthy);
            }
            assertThat(queriesStarted(athena)).as("queries started by idle validation").isZero();
        } finally {
            pool.close(true);
        }
    }

    /**
     * Tomcat reads no SQLState: a query error (42P01, 22012) leaves the connection pooled. It checks the driver's
     * isClosed when a connection comes back, not when it goes out: without validation, a connection closed while
     * idle is handed out and fails with 08003, then dropped on its return; with testOnBorrow it is replaced at
     * the borrow.
     */
    @Test
    void queryErrorsKeepTheConnectionAndABrokenOneIsDroppedOnReturnOrValidation() throws Exception {
        DataSource pool = new DataSource(properties());
        try {
            AthenaConnection first;
            try (Connection connection = pool.getConnection()) {
                first = physical(connection);
                assertThatThrownBy(() -> scalar(connection, "SELECT * FROM demo.no_such_table"))
                        .isInstanceOf(SQLException.class)
                        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42P01");
                assertThatThrownBy(() -> scalar(connection, "SELECT 1 / 0")).isInstanceOf(SQLException.class)
                        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22012");
            }
            first.close();
            try (Connection connection = pool.getConnection()) {
                assertThat(physical(connection)).as("no validation: the broken connection handed out").isSameAs(first);
                assertThatThrownBy(() -> scalar(connection, "SELECT 1")).isInstanceOf(SQLException.class)
                        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08003");
            }
            AthenaConnection second;
            try (Connection connection = pool.getConnection()) {
                second = physical(connection);
                assertThat(second).as("after the broken one came back").isNotSameAs(first);
                assertThat(scalar(connection, "SELECT 4")).isEqualTo(4L);
            }
            pool.getPoolProperties().setTestOnBorrow(true);
            second.close();
            try (Connection connection = pool.getConnection()) {
                assertThat(physical(connection)).as("testOnBorrow: replaced at the borrow").isNotSameAs(second);
                assertThat(scalar(connection, "SELECT 5")).isEqualTo(5L);
            }
        } finally {
            pool.close(true);
        }
    }

    // ---- what the pool calls on connect and borrow ---------------------------------------------------------

    /** defaultReadOnly, defaultTransactionIsolation, defaultCatalog are set at connect; none fails the borrow. */
    @Test
    void defaultsAreSetAtConnect() throws Exception {
        PoolProperties properties = properties();
        properties.setDefaultReadOnly(true);
        properties.setDefaultTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        properties.setDefaultCatalog("lakehouse");
        properties.setDefaultAutoCommit(true);
        properties.setUrl(PoolChecks.url(athena, "Schema=lake"));
        DataSource pool = new DataSource(properties);
        try (Connection connection = pool.getConnection()) {
            assertThat(connection.isReadOnly()).isTrue();
            assertThat(connection.getAutoCommit()).isTrue();
            assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_NONE);
            assertThat(connection.getCatalog()).isEqualTo("lakehouse");
            assertThat(scalar(connection, "SELECT count(*) FROM orders")).isEqualTo(300L);
        } finally {
            pool.close(true);
        }
    }

    /** defaultAutoCommit=false fails the connect with the driver's 0A000; nothing is left open or counted. */
    @Test
    void defaultAutoCommitFalseFailsTheBorrowClearly() throws Exception {
        int clientsBefore = AwsClients.openCount();
        PoolProperties properties = properties();
        properties.setDefaultAutoCommit(false);
        DataSource pool = new DataSource(properties);
        try {
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(pool::getConnection).isInstanceOf(SQLFeatureNotSupportedException.class)
                        .hasMessageContaining("auto-commit")
                        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("0A000");
                assertThat(pool.getActive()).isZero();
            }
            assertThat(AwsClients.openCount()).as("AWS clients of the connections the pool gave up")
                    .isEqualTo(clientsBefore);
        } finally {
            pool.close(true);
        }
    }

    /**
     * The ConnectionState interceptor sets the defaults again at each borrow: the catalog and read-only flag a
     * borrower changed are back for the next one; defaultAutoCommit=false fails the borrow with the driver's 0A000.
     */
    @Test
    void connectionStateInterceptorWithTheDriversDefaults() throws Exception {
        PoolProperties properties = properties();
        properties.setJdbcInterceptors("ConnectionState");
        properties.setDefaultCatalog("lakehouse");
        properties.setDefaultReadOnly(false);
        properties.setUrl(PoolChecks.url(athena, "Schema=lake"));
        DataSource pool = new DataSource(properties);
        try {
            try (Connection connection = pool.getConnection()) {
                connection.setCatalog("AwsDataCatalog");
                connection.setReadOnly(true);
            }
            try (Connection connection = pool.getConnection()) {
                assertThat(connection.getCatalog()).as("the catalog reset at borrow").isEqualTo("lakehouse");
                assertThat(physical(connection).getCatalog()).isEqualTo("lakehouse");
                assertThat(connection.isReadOnly()).isFalse();
                assertThat(scalar(connection, "SELECT count(*) FROM orders")).isEqualTo(300L);
            }
        } finally {
            pool.close(true);
        }
        properties = properties();
        properties.setJdbcInterceptors("ConnectionState");
        properties.setDefaultAutoCommit(false);
        DataSource refusing = new DataSource(properties);
        try {
            // The interceptor's own wrapping, the driver's refusal as its cause.
            assertThatThrownBy(refusing::getConnection).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(PoolChecks.innermostSqlException(e).getSQLState()).isEqualTo("0A000"));
        } finally {
            refusing.close(true);
        }
    }

    // ---- interceptors --------------------------------------------------------------------------------------

    /** StatementFinalizer closes what a borrower left open; QueryTimeoutInterceptor sets each statement's timeout. */
    @Test
    void statementFinalizerAndQueryTimeoutInterceptor() throws Exception {
        PoolProperties properties = properties();
        properties.setJdbcInterceptors("StatementFinalizer;QueryTimeoutInterceptor(queryTimeout=7)");
        DataSource pool = new DataSource(properties);
        try {
            AthenaStatement leftOpen;
            ResultSet rows;
            try (Connection connection = pool.getConnection()) {
                Statement statement = connection.createStatement();
                leftOpen = statement.unwrap(AthenaStatement.class);
                assertThat(statement.getQueryTimeout()).isEqualTo(7);
                assertThat(leftOpen.getQueryTimeout()).isEqualTo(7);
                rows = statement.executeQuery("SELECT sale_id FROM demo.sales");
                assertThat(rows.next()).isTrue();
            }
            assertThat(leftOpen.isClosed()).as("the statement left open, after the return").isTrue();
            assertThat(rows.isClosed()).isTrue();
            try (Connection connection = pool.getConnection()) {
                assertThat(scalar(connection, "SELECT 6")).isEqualTo(6L);
            }
        } finally {
            pool.close(true);
        }
    }

    /**
     * The StatementCache interceptor keeps a closed PreparedStatement for the next prepare of the same SQL on the
     * connection: the next borrower's parameters are its own and its rows are its own.
     */
    @Test
    void statementCacheCarriesNoParametersAcrossBorrowers() throws Exception {
        PoolProperties properties = properties();
        properties.setJdbcInterceptors("StatementCache(prepared=true,callable=false,max=10)");
        DataSource pool = new DataSource(properties);
        String sql = "SELECT sale_id FROM demo.sales WHERE sale_id BETWEEN ? AND ? ORDER BY sale_id";
        try {
            AthenaPreparedStatement cached;
            try (Connection connection = pool.getConnection();
                 PreparedStatement statement = connection.prepareStatement(sql)) {
                cached = statement.unwrap(AthenaPreparedStatement.class);
                statement.setLong(1, 1);
                statement.setLong(2, 3);
                ResultSet rows = statement.executeQuery();
                assertThat(rows.next()).isTrue();
            }
            try (Connection connection = pool.getConnection();
                 PreparedStatement statement = connection.prepareStatement(sql)) {
                assertThat(statement.unwrap(AthenaPreparedStatement.class)).as("the cached driver statement")
                        .isSameAs(cached);
                statement.setLong(1, 30);
                assertThatThrownBy(statement::executeQuery).isInstanceOf(SQLException.class)
                        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("07001");
                statement.setLong(2, 31);
                List<Long> ids = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
                assertThat(ids).containsExactly(30L, 31L);
            }
        } finally {
            pool.close(true);
        }
    }

    /** SlowQueryReport wraps every execute: results and errors come through unchanged. */
    @Test
    void slowQueryReportPassesResultsAndErrorsThrough() throws Exception {
        PoolProperties properties = properties();
        properties.setJdbcInterceptors("SlowQueryReport(threshold=1,maxQueries=10,logFailed=true)");
        DataSource pool = new DataSource(properties);
        try (Connection connection = pool.getConnection()) {
            assertThat(scalar(connection, "SELECT count(*) FROM demo.sales")).isEqualTo(4000L);
            assertThatThrownBy(() -> scalar(connection, "SELECT * FROM demo.no_such_table"))
                    .isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42P01");
        } finally {
            pool.close(true);
        }
    }

    /**
     * removeAbandoned with abandonWhenPercentageFull=50: a connection held past removeAbandonedTimeout is left
     * alone while the pool is under half used, and closed (the driver's resources released) once it is over;
     * ResetAbandonedTimer keeps a connection that is in use from being taken. The check is run by hand, after the
     * 1 s timeout, rather than by the cleaner, so that nothing depends on when the cleaner runs.
     */
    @Test
    void abandonedConnectionsAreClosedOnlyWhenThePoolIsFull() throws Exception {
        int clientsBefore = AwsClients.openCount();
        PoolProperties properties = properties();
        properties.setMaxActive(4);
        properties.setMaxIdle(4);
        properties.setRemoveAbandoned(true);
        properties.setRemoveAbandonedTimeout(1);
        properties.setAbandonWhenPercentageFull(50);
        properties.setLogAbandoned(true);
        properties.setTimeBetweenEvictionRunsMillis(3_600_000);
        properties.setJdbcInterceptors("ResetAbandonedTimer");
        DataSource pool = new DataSource(properties);
        try {
            Connection abandoned = pool.getConnection();
            AthenaConnection abandonedPhysical = physical(abandoned);
            Thread.sleep(1_100);
            pool.getPool().checkAbandoned();
            assertThat(abandonedPhysical.isClosed()).as("abandoned while the pool is 25% used").isFalse();

            Connection inUse = pool.getConnection();
            Connection third = pool.getConnection();
            Thread.sleep(1_100);
            scalar(inUse, "SELECT 1");
            pool.getPool().checkAbandoned();
            assertThat(abandonedPhysical.isClosed()).as("abandoned once the pool is 75% used").isTrue();
            assertThat(physical(inUse).isClosed()).as("the connection just used (ResetAbandonedTimer)").isFalse();
            assertThat(pool.getPool().getRemoveAbandonedCount()).isEqualTo(2);
            inUse.close();
            third.close();
            abandoned.close();
        } finally {
            pool.close(true);
        }
        assertThat(AwsClients.openCount()).isEqualTo(clientsBefore);
    }

    /**
     * Tomcat ends an abandoned connection with close(): a query its borrower still waits on fails with 57014
     * naming Connection.close(), and the driver asks Athena to stop it before the connection's HTTP client closes.
     */
    @Test
    void aQueryOfAnAbandonedConnectionFailsNamingTheClose() throws Exception {
        PoolProperties properties = properties();
        properties.setMaxActive(2);
        properties.setMaxIdle(2);
        properties.setRemoveAbandoned(true);
        properties.setRemoveAbandonedTimeout(1);
        properties.setTimeBetweenEvictionRunsMillis(3_600_000);
        DataSource pool = new DataSource(properties);
        ExecutorService borrower = Executors.newSingleThreadExecutor();
        athena.faults().set(FaultPlan.of(1, FaultRule.forAction("athena", "*").withQueryMillis(20_000)));
        try {
            Connection abandoned = pool.getConnection();
            athena.requestLog().clear();
            Future<?> query = borrower.submit(() -> scalar(abandoned, "SELECT 43"));
            assertThat(eventually(() -> athena.requestLog().count("athena", "GetQueryExecution") > 0)).isTrue();
            Thread.sleep(1_100);
            pool.getPool().checkAbandoned();
            assertThatThrownBy(() -> query.get(60, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SQLException.class)
                    .satisfies(e -> {
                        SQLException failure = (SQLException) e.getCause();
                        assertThat(failure.getSQLState()).isEqualTo("57014");
                        assertThat((Throwable) failure).hasMessageContaining("Connection.close()");
                    });
            assertThat(eventually(() -> athena.requestLog().count("athena", "StopQueryExecution") == 1))
                    .as("StopQueryExecution sent").isTrue();
        } finally {
            athena.faults().clear();
            borrower.shutdownNow();
            pool.close(true);
        }
    }

    // ---- closing the pool ----------------------------------------------------------------------------------

    /**
     * close(true) closes the connections in use too: the borrower's next call fails with 08003 (from the pool's
     * proxy or the driver), and the driver's AWS clients are released at once.
     */
    @Test
    void closingThePoolWithConnectionsInUseReleasesThem() throws Exception {
        int clientsBefore = AwsClients.openCount();
        PoolProperties properties = properties();
        properties.setMaxActive(2);
        properties.setMaxIdle(2);
        DataSource pool = new DataSource(properties);
        Connection inUse = pool.getConnection();
        AthenaConnection physical = physical(inUse);
        scalar(inUse, "SELECT 1");
        pool.close(true);
        assertThat(physical.isClosed()).isTrue();
        assertThat(AwsClients.openCount()).isEqualTo(clientsBefore);
        assertThatThrownBy(() -> scalar(inUse, "SELECT 1")).isInstanceOf(SQLException.class);
        inUse.close();
    }

    @Test
    void closingThePoolReleasesTheDriversResources() throws Exception {
        DataSource warmUp = new DataSource(properties());
        try (Connection connection = warmUp.getConnection()) {
            scalar(connection, "SELECT 1");
        } finally {
            warmUp.close(true);
        }
        int clientsBefore = AwsClients.openCount();
        Set<Thread> baseline = PoolChecks.threads();
        PoolProperties properties = properties();
        properties.setMaxActive(3);
        properties.setMaxIdle(3);
        properties.setTestWhileIdle(true);
        properties.setTimeBetweenEvictionRunsMillis(50);
        DataSource pool = new DataSource(properties);
        List<Connection> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(pool.getConnection());
        }
        for (Connection connection : held) {
            try (Statement statement = connection.createStatement()) {
                ResultSet rows = statement.executeQuery("SELECT sale_id FROM demo.sales");
                assertThat(rows.next()).isTrue();
            }
            connection.close();
        }
        assertThat(AwsClients.openCount() - clientsBefore).isEqualTo(3);
        pool.close(true);
        assertThat(AwsClients.openCount()).isEqualTo(clientsBefore);
        assertThat(PoolChecks.threadsLeftSince(baseline, name -> name.equals("response-input-stream-timeout-scheduler")))
                .as("threads left by a closed Tomcat pool").isEmpty();
    }
}
