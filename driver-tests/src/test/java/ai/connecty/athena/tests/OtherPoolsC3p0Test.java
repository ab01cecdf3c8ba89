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
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import com.mchange.v2.c3p0.ComboPooledDataSource;
import com.mchange.v2.c3p0.DataSources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The driver under c3p0 (0.10), configured by driver class and URL, or around the driver's DataSource. c3p0 reads
 * the connection's isolation, catalog, holdability, read-only flag and type map when it opens a connection, and
 * sets back those a borrower changed at check-in; it tests a connection after any SQLException of a statement.
 */
@ExtendWith(LocalAthenaExtension.class)
class OtherPoolsC3p0Test {

    private static LocalAthena athena;

    private static ComboPooledDataSource pool() throws Exception {
        ComboPooledDataSource pool = new ComboPooledDataSource();
        pool.setDriverClass(AthenaDriver.class.getName());
        pool.setJdbcUrl(PoolChecks.url(athena));
        pool.setUser(LocalAthena.SERVICE_ACCOUNT_KEY_ID);
        pool.setPassword(LocalAthena.SERVICE_ACCOUNT_SECRET);
        pool.setInitialPoolSize(1);
        pool.setMinPoolSize(1);
        pool.setMaxPoolSize(1);
        pool.setAcquireRetryAttempts(1);
        return pool;
    }

    /**
     * c3p0 closes a pool's connections in the pool's helper threads after close() returned, and those threads end
     * when they are done: waiting for them makes the AWS clients counted afterwards this test's own.
     */
    private static void awaitClosedPools() throws InterruptedException {
        assertThat(eventually(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().contains("-HelperThread") || t.getName().contains("-AdminTaskTimer"))))
                .as("c3p0's threads of closed pools ended").isTrue();
    }

    /** So that no test after this one (of any class) counts AWS clients that c3p0 is still closing. */
    @AfterEach
    void waitForClosedPools() throws InterruptedException {
        awaitClosedPools();
    }

    @Test
    void configuredWithTheDriverClassAndUrl() throws Exception {
        ComboPooledDataSource pool = pool();
        try (Connection connection = pool.getConnection()) {
            assertThat(scalar(connection, "SELECT count(*) FROM demo.sales")).isEqualTo(4000L);
        } finally {
            pool.close();
        }
    }

    @Test
    void configuredAroundTheDriversDataSource() throws Exception {
        AthenaDataSource unpooled = new AthenaDataSource();
        unpooled.setRegion(LocalAthena.REGION);
        unpooled.setProperty("EndpointOverride", athena.endpoint().toString());
        unpooled.setUser(LocalAthena.SERVICE_ACCOUNT_KEY_ID);
        unpooled.setPassword(LocalAthena.SERVICE_ACCOUNT_SECRET);
        unpooled.setProperty("RoleArn", LocalAthena.ROLE_ARN);
        unpooled.setOutputLocation("s3://" + LocalAthena.RESULTS_BUCKET + "/c3p0/");
        unpooled.setDatabase("demo");
        DataSource pool = DataSources.pooledDataSource(unpooled, Map.of("maxPoolSize", 1, "testConnectionOnCheckout", true));
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
            DataSources.destroy(pool);
        }
    }

    /**
     * Without preferredTestQuery c3p0 tests with isValid: checkout tests cost no request, and neither does the test
     * c3p0 runs after a statement's SQLException. With preferredTestQuery each checkout test is an Athena query;
     * a query error costs no test query.
     */
    @Test
    void testsCostNothingWithIsValidAndOneQueryEachWithATestQuery() throws Exception {
        ComboPooledDataSource pool = pool();
        pool.setTestConnectionOnCheckout(true);
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
            assertThat(requests(athena)).as("requests of 3 tested checkouts").isZero();
            AthenaConnection first;
            try (Connection connection = pool.getConnection()) {
                first = physical(connection);
                assertThatThrownBy(() -> scalar(connection, "SELECT * FROM demo.no_such_table"))
                        .isInstanceOf(SQLException.class)
                        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42P01");
            }
            assertThat(queriesStarted(athena)).as("the failing query alone").isEqualTo(1);
            try (Connection connection = pool.getConnection()) {
                assertThat(physical(connection)).as("kept after a query error").isSameAs(first);
            }
        } finally {
            pool.close();
        }
        ComboPooledDataSource querying = pool();
        querying.setTestConnectionOnCheckout(true);
        querying.setPreferredTestQuery("SELECT 1");
        try {
            try (Connection connection = querying.getConnection()) {
                physical(connection);
            }
            athena.requestLog().clear();
            for (int i = 0; i < 3; i++) {
                try (Connection connection = querying.getConnection()) {
                    physical(connection);
                }
            }
            assertThat(queriesStarted(athena)).as("queries of 3 tested checkouts").isEqualTo(3);
            athena.requestLog().clear();
            try (Connection connection = querying.getConnection()) {
                athena.requestLog().clear();
                assertThatThrownBy(() -> scalar(connection, "SELECT * FROM demo.no_such_table"))
                        .isInstanceOf(SQLException.class);
            }
            // c3p0 0.10.2 runs no test of its own after this SQLException (42P01): the failing query alone.
            assertThat(queriesStarted(athena)).as("queries started by a failing query").isEqualTo(1);
        } finally {
            querying.close();
        }
    }

    /** A connection closed underneath the pool fails its checkout test and is replaced. */
    @Test
    void aBrokenIdleConnectionIsReplacedAtCheckout() throws Exception {
        ComboPooledDataSource pool = pool();
        pool.setTestConnectionOnCheckout(true);
        try {
            AthenaConnection broken;
            try (Connection connection = pool.getConnection()) {
                broken = physical(connection);
            }
            broken.close();
            try (Connection connection = pool.getConnection()) {
                assertThat(physical(connection)).isNotSameAs(broken);
                assertThat(scalar(connection, "SELECT 2")).isEqualTo(2L);
            }
        } finally {
            pool.close();
        }
    }

    /**
     * At check-in c3p0 sets back the read-only flag and type map a borrower changed; the isolation level stays
     * TRANSACTION_NONE in the driver, so there is none to set back. None of these calls fails the check-in (which
     * would destroy the connection). The catalog and schema are not set back: c3p0 has no schema tracking, and
     * 0.10.2 marks the catalog as changed only when it is set to its original value. A borrower that switches them
     * leaves them switched for the next one.
     */
    @Test
    void checkInRestoresWhatTheBorrowerChanged() throws Exception {
        ComboPooledDataSource pool = pool();
        try {
            AthenaConnection first;
            try (Connection connection = pool.getConnection()) {
                first = physical(connection);
                connection.setCatalog("lakehouse");
                connection.setSchema("lake");
                assertThat(scalar(connection, "SELECT count(*) FROM orders")).isEqualTo(300L);
                connection.setReadOnly(true);
                connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
                connection.setHoldability(ResultSet.HOLD_CURSORS_OVER_COMMIT);
                connection.setTypeMap(Map.of("demo.point", String.class));
                connection.clearWarnings();
            }
            try (Connection connection = pool.getConnection()) {
                assertThat(physical(connection)).as("the same connection after check-in").isSameAs(first);
                assertThat(connection.isReadOnly()).isFalse();
                assertThat(connection.getTypeMap()).isEmpty();
                assertThat(connection.getCatalog()).as("not set back by c3p0").isEqualTo("lakehouse");
                assertThat(connection.getSchema()).as("not set back by c3p0").isEqualTo("lake");
            }
        } finally {
            pool.close();
        }
    }

    /** The statement cache (maxStatements) hands out the driver statement again, with no parameters of its past. */
    @Test
    void cachedStatementsCarryNoParametersAcrossCheckouts() throws Exception {
        ComboPooledDataSource pool = pool();
        pool.setMaxStatements(10);
        String sql = "SELECT sale_id FROM demo.sales WHERE sale_id BETWEEN ? AND ? ORDER BY sale_id";
        try {
            AthenaPreparedStatement cached;
            try (Connection connection = pool.getConnection();
                 PreparedStatement statement = connection.prepareStatement(sql)) {
                cached = statement.unwrap(AthenaPreparedStatement.class);
                statement.setLong(1, 1);
                statement.setLong(2, 2);
                assertThat(ids(statement)).containsExactly(1L, 2L);
            }
            try (Connection connection = pool.getConnection();
                 PreparedStatement statement = connection.prepareStatement(sql)) {
                assertThat(statement.unwrap(AthenaPreparedStatement.class)).as("the cached driver statement")
                        .isSameAs(cached);
                statement.setLong(1, 20);
                assertThatThrownBy(statement::executeQuery).isInstanceOf(SQLException.class)
                        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("07001");
                statement.setLong(2, 21);
                assertThat(ids(statement)).containsExactly(20L, 21L);
            }
        } finally {
            pool.close();
        }
    }

    /** unreturnedConnectionTimeout: a connection never returned is destroyed, its AWS clients closed. */
    @Test
    void anUnreturnedConnectionIsDestroyed() throws Exception {
        awaitClosedPools();
        int clientsBefore = AwsClients.openCount();
        ComboPooledDataSource pool = pool();
        pool.setInitialPoolSize(0);
        pool.setMinPoolSize(0);
        pool.setUnreturnedConnectionTimeout(1);
        try {
            Connection unreturned = pool.getConnection();
            AthenaConnection physical = physical(unreturned);
            assertThat(eventually(physical::isClosed)).as("the unreturned connection closed").isTrue();
            assertThatThrownBy(() -> scalar(unreturned, "SELECT 1")).isInstanceOf(SQLException.class);
        } finally {
            pool.close();
        }
        // c3p0 may have opened a replacement; closing the pool closes it, in c3p0's helper threads.
        assertThat(eventually(() -> AwsClients.openCount() == clientsBefore)).as("AWS clients after close").isTrue();
    }

    @Test
    void closingThePoolReleasesTheDriversResources() throws Exception {
        awaitClosedPools();
        int clientsBefore = AwsClients.openCount();
        ComboPooledDataSource warmUp = pool();
        try (Connection connection = warmUp.getConnection()) {
            scalar(connection, "SELECT 1");
        } finally {
            warmUp.close();
        }
        // c3p0 closes connections in its helper threads, after close() returned.
        assertThat(eventually(() -> AwsClients.openCount() == clientsBefore)).isTrue();
        Set<Thread> baseline = PoolChecks.threads();
        ComboPooledDataSource pool = pool();
        pool.setMaxPoolSize(3);
        pool.setIdleConnectionTestPeriod(1);
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
        pool.close();
        assertThat(eventually(() -> AwsClients.openCount() == clientsBefore)).as("AWS clients after close").isTrue();
        assertThat(PoolChecks.threadsLeftSince(baseline, name -> name.equals("response-input-stream-timeout-scheduler")))
                .as("threads left by a closed c3p0 pool").isEmpty();
    }

}
