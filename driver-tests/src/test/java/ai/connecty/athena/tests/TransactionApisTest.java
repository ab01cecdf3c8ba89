package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.connecty.athena.jdbc.AthenaConnection;
import ai.connecty.athena.jdbc.AthenaDataSource;
import ai.connecty.athena.jdbc.AthenaDriver;
import ai.connecty.athena.jdbc.AthenaStatement;
import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.commons.dbcp2.BasicDataSource;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.jdbi.v3.core.Jdbi;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transactions=emulate end to end, through the libraries whose transaction APIs start with setAutoCommit(false):
 * Spring's TransactionTemplate over DataSourceTransactionManager, jOOQ's transactionResult, JDBI's inTransaction,
 * MyBatis' default openSession(), and HikariCP and DBCP2 pools. Each statement takes effect at once, a commit keeps it (it
 * was kept already), a read-only transaction rolls back cleanly, and a rollback after a write fails naming it while
 * the row stays: the tests count rows to show that nothing is silently lost. The writes need Glue and S3 write
 * rights the guide's read-only policy does not grant, so athena-local's administrator runs them. The default
 * (refuse) is pinned by the transaction tests of SpringJdbcTest, JooqTest, JdbiTest and MyBatisTest.
 */
@ExtendWith(LocalAthenaExtension.class)
class TransactionApisTest {

    private static LocalAthena athena;
    private static String db;
    private static String table;

    @BeforeAll
    static void createTable() throws SQLException {
        db = "tx_" + UUID.randomUUID().toString().substring(0, 8);
        table = db + ".t";
        try (Connection admin = Connections.admin(athena); Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + db);
            s.execute("CREATE TABLE " + table + " WITH (format = 'PARQUET') AS SELECT 0 AS id, CAST('seed' AS varchar) AS name");
        }
    }

    @AfterAll
    static void dropTable() throws SQLException {
        try (Connection admin = Connections.admin(athena); Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE " + db + " CASCADE");
        }
    }

    /** Rows with this id, counted on a connection of its own (default settings), as another client would. */
    private static long rowsWithId(int id) throws SQLException {
        try (Connection admin = Connections.admin(athena)) {
            return PoolChecks.scalar(admin, "SELECT count(*) FROM " + table + " WHERE id = " + id);
        }
    }

    private static String insert(int id, String name) {
        return "INSERT INTO " + table + " (id, name) VALUES (" + id + ", '" + name + "')";
    }

    /** athena-local's administrator with Transactions=emulate, set through AthenaDataSource's setter. */
    private static AthenaDataSource emulatingDataSource() {
        AthenaDataSource dataSource = new AthenaDataSource();
        dataSource.setRegion(LocalAthena.REGION);
        dataSource.setEndpointOverride(athena.endpoint().toString());
        dataSource.setUser(Connections.ADMIN_KEY);
        dataSource.setPassword(Connections.ADMIN_SECRET);
        dataSource.setOutputLocation("s3://" + LocalAthena.RESULTS_BUCKET + "/");
        dataSource.setTransactions("emulate");
        return dataSource;
    }

    /** Runs {@code sql} on the connection Spring bound to the transaction; returns its query execution id. */
    private static String runBound(DataSource dataSource, String sql) {
        Connection bound = DataSourceUtils.getConnection(dataSource);
        try (Statement statement = bound.createStatement()) {
            statement.executeUpdate(sql);
            return statement.unwrap(AthenaStatement.class).getQueryExecutionId();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            DataSourceUtils.releaseConnection(bound, dataSource);
        }
    }

    /**
     * Spring's TransactionTemplate over DataSourceTransactionManager: a read-only transaction and a read-write one
     * with an INSERT commit; an exception after an INSERT makes Spring roll back, which fails with the driver's
     * 25000 naming the INSERT (Spring keeps the callback's exception as the application exception), and the row is
     * still there. Spring puts auto-commit back on after each transaction.
     */
    @Test
    void springTransactionTemplate() throws SQLException {
        try (Connection connection = emulatingDataSource().getConnection()) {
            DataSource dataSource = new SingleConnectionDataSource(connection, true);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource);

            TransactionTemplate readOnly = new TransactionTemplate(manager);
            readOnly.setReadOnly(true);
            Long customers = readOnly.execute(status -> jdbc.queryForObject("SELECT count(*) FROM demo.customers", Long.class));
            assertThat(customers).isEqualTo(200L);
            assertThat(connection.getAutoCommit()).isTrue();
            SQLWarning warning = connection.getWarnings();
            assertThat((Throwable) warning).isNotNull();
            assertThat(warning.getMessage()).startsWith("Athena has no transactions: auto-commit is off as asked");

            TransactionTemplate readWrite = new TransactionTemplate(manager);
            Long inserted = readWrite.execute(status -> {
                assertThat(jdbc.update(insert(1, "committed"))).isEqualTo(1);
                return jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE id = 1", Long.class);
            });
            assertThat(inserted).isEqualTo(1L);
            assertThat(rowsWithId(1)).isEqualTo(1L);
            assertThat(connection.getAutoCommit()).isTrue();

            List<String> ids = new ArrayList<>();
            IllegalStateException boom = new IllegalStateException("boom after the INSERT");
            TransactionSystemException failure = catchThrowableOfType(TransactionSystemException.class,
                    () -> readWrite.executeWithoutResult(status -> {
                        ids.add(runBound(dataSource, insert(2, "kept")));
                        throw boom;
                    }));
            assertThat((Throwable) failure).as("the rollback failure surfaces").isNotNull();
            assertThat(failure).hasMessageContaining("JDBC rollback failed");
            assertThat(failure.getApplicationException()).isSameAs(boom);
            assertThat(failure.getCause()).isInstanceOf(SQLException.class)
                    .hasMessageStartingWith("Cannot roll back: Athena has no transactions, and 1 statement that changed "
                            + "data or the catalog completed since the transaction began")
                    .hasMessageContaining(ids.get(0) + " (INSERT)")
                    .hasMessageNotContaining("kept")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25000"));
            assertThat(rowsWithId(2)).as("nothing silently lost: the row is there").isEqualTo(1L);
            assertThat(connection.getAutoCommit()).isTrue();

            // An exception in a transaction that only read rolls back cleanly: the callback's exception surfaces.
            IllegalStateException readFailure = new IllegalStateException("boom after a read");
            assertThatThrownBy(() -> readWrite.executeWithoutResult(status -> {
                jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
                throw readFailure;
            })).isSameAs(readFailure);
            assertThat(connection.getAutoCommit()).isTrue();
        }
    }

    /**
     * Savepoints through Spring's PROPAGATION_NESTED (which asks supportsSavepoints() first) and jOOQ's nested
     * transactions: a nested transaction that only read rolls back to its savepoint and the outer one commits its
     * INSERT; one that wrote fails to roll back to its savepoint naming its INSERT, the outer rollback then fails
     * too, and every row stays.
     */
    @Test
    void nestedTransactionsRollBackToSavepoints() throws SQLException {
        try (Connection connection = emulatingDataSource().getConnection()) {
            assertThat(connection.getMetaData().supportsSavepoints()).isTrue();
            DataSource dataSource = new SingleConnectionDataSource(connection, true);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource);
            TransactionTemplate outer = new TransactionTemplate(manager);
            TransactionTemplate nested = new TransactionTemplate(manager);
            nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);

            IllegalStateException readFailure = new IllegalStateException("boom in a nested read");
            outer.executeWithoutResult(status -> {
                jdbc.update(insert(11, "outer"));
                assertThatThrownBy(() -> nested.executeWithoutResult(inner -> {
                    jdbc.queryForObject("SELECT count(*) FROM demo.customers", Long.class);
                    throw readFailure;
                })).isSameAs(readFailure);
            });
            assertThat(rowsWithId(11)).isEqualTo(1L);
            assertThat(connection.getAutoCommit()).isTrue();

            IllegalStateException writeFailure = new IllegalStateException("boom after a nested INSERT");
            TransactionSystemException failure = catchThrowableOfType(TransactionSystemException.class,
                    () -> outer.executeWithoutResult(status -> nested.executeWithoutResult(inner -> {
                        jdbc.update(insert(12, "nested kept"));
                        throw writeFailure;
                    })));
            assertThat((Throwable) failure).as("the failed rollbacks surface").isNotNull();
            assertThat(failure.getCause()).hasMessageStartingWith("Cannot roll back: Athena has no transactions, and 1 "
                    + "statement").hasMessageContaining("(INSERT)");
            assertThat(failure.getApplicationException()).isInstanceOf(TransactionSystemException.class)
                    .hasMessageContaining("savepoint");
            TransactionSystemException nestedFailure = (TransactionSystemException) failure.getApplicationException();
            assertThat(nestedFailure.getApplicationException()).isSameAs(writeFailure);
            assertThat(nestedFailure.getCause()).isInstanceOf(SQLException.class)
                    .hasMessageStartingWith("Cannot roll back to savepoint 'SAVEPOINT_1': Athena has no transactions, "
                            + "and 1 statement").hasMessageContaining("(INSERT)").hasMessageNotContaining("kept")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25000"));
            assertThat(rowsWithId(12)).as("nothing silently lost: the row is there").isEqualTo(1L);
            assertThat(connection.getAutoCommit()).isTrue();

            DSLContext jooq = DSL.using(connection, SQLDialect.TRINO);
            IllegalStateException jooqFailure = new IllegalStateException("boom in a nested jOOQ read");
            jooq.transaction(configuration -> {
                DSL.using(configuration).execute(insert(13, "jooq outer"));
                assertThatThrownBy(() -> DSL.using(configuration).transaction(nestedConfiguration -> {
                    DSL.using(nestedConfiguration).fetch("SELECT count(*) FROM demo.customers");
                    throw jooqFailure;
                })).isSameAs(jooqFailure);
            });
            assertThat(jooqFailure.getSuppressed()).as("the nested rollback succeeded").isEmpty();
            assertThat(rowsWithId(13)).isEqualTo(1L);
            assertThat(connection.getAutoCommit()).isTrue();
        }
    }

    /**
     * jOOQ's transactionResult commits an INSERT; an exception after an INSERT surfaces as thrown, with the failed
     * rollback (25000 naming the INSERT) added to it as suppressed, and the row stays.
     */
    @Test
    void jooqTransactionResult() throws SQLException {
        try (Connection connection = emulatingDataSource().getConnection()) {
            DSLContext jooq = DSL.using(connection, SQLDialect.TRINO);
            Long count = jooq.transactionResult(configuration -> {
                DSLContext tx = DSL.using(configuration);
                assertThat(tx.execute(insert(3, "jooq"))).isEqualTo(1);
                return tx.fetchOne("SELECT count(*) FROM " + table + " WHERE id = 3").get(0, Long.class);
            });
            assertThat(count).isEqualTo(1L);
            assertThat(connection.getAutoCommit()).isTrue();
            assertThat(rowsWithId(3)).isEqualTo(1L);

            IllegalStateException boom = new IllegalStateException("boom after the jOOQ INSERT");
            assertThatThrownBy(() -> jooq.transactionResult(configuration -> {
                DSL.using(configuration).execute(insert(4, "jooq kept"));
                throw boom;
            })).isSameAs(boom);
            assertThat(boom.getSuppressed()).hasSize(1);
            assertThat(boom.getSuppressed()[0]).hasRootCauseInstanceOf(SQLException.class)
                    .rootCause().hasMessageStartingWith("Cannot roll back: Athena has no transactions, and 1 statement")
                    .hasMessageContaining("(INSERT)");
            assertThat(rowsWithId(4)).isEqualTo(1L);
            assertThat(connection.getAutoCommit()).isTrue();
        }
    }

    /**
     * JDBI's inTransaction commits an INSERT and rolls a failed read-only transaction back cleanly; after an INSERT
     * the callback's exception surfaces with the failed rollback suppressed, and the row stays.
     */
    @Test
    void jdbiInTransaction() throws SQLException {
        Jdbi jdbi = Jdbi.create(emulatingDataSource());
        long count = jdbi.inTransaction(h -> {
            assertThat(h.execute(insert(5, "jdbi"))).isEqualTo(1);
            return h.createQuery("SELECT count(*) FROM " + table + " WHERE id = 5").mapTo(Long.class).one();
        });
        assertThat(count).isEqualTo(1L);
        assertThat(rowsWithId(5)).isEqualTo(1L);

        IllegalStateException boom = new IllegalStateException("boom after a JDBI read");
        assertThatThrownBy(() -> jdbi.useTransaction(h -> {
            h.createQuery("SELECT count(*) FROM demo.customers").mapTo(Long.class).one();
            throw boom;
        })).isSameAs(boom);
        assertThat(boom.getSuppressed()).isEmpty();

        IllegalStateException afterInsert = new IllegalStateException("boom after a JDBI INSERT");
        assertThatThrownBy(() -> jdbi.useTransaction(h -> {
            h.execute(insert(10, "jdbi kept"));
            throw afterInsert;
        })).isSameAs(afterInsert);
        assertThat(afterInsert.getSuppressed()).hasSize(1);
        assertThat(afterInsert.getSuppressed()[0]).hasRootCauseInstanceOf(SQLException.class)
                .rootCause().hasMessageStartingWith("Cannot roll back: Athena has no transactions, and 1 statement")
                .hasMessageContaining("(INSERT)");
        assertThat(rowsWithId(10)).isEqualTo(1L);
    }

    /** A mapper for the emulated-transaction inserts. */
    public interface TxRows {
        @Insert("INSERT INTO ${table} (id, name) VALUES (#{id}, #{name})")
        int insert(@Param("table") String table, @Param("id") int id, @Param("name") String name);

        @Select("SELECT count(*) FROM ${table} WHERE id = #{id}")
        long count(@Param("table") String table, @Param("id") int id);
    }

    /** MyBatis' default session (auto-commit off through JdbcTransaction) inserts, and commit() keeps the row. */
    @Test
    void myBatisDefaultSessionCommits() throws SQLException {
        Configuration configuration = new Configuration(new Environment("athena", new JdbcTransactionFactory(),
                emulatingDataSource()));
        configuration.addMapper(TxRows.class);
        SqlSessionFactory factory = new SqlSessionFactoryBuilder().build(configuration);
        try (SqlSession session = factory.openSession()) {
            TxRows rows = session.getMapper(TxRows.class);
            assertThat(session.getConnection().getAutoCommit()).isFalse();
            assertThat(rows.insert(table, 6, "mybatis")).isEqualTo(1);
            assertThat(rows.count(table, 6)).isEqualTo(1L);
            session.commit();
        }
        assertThat(rowsWithId(6)).isEqualTo(1L);
    }

    private static HikariDataSource emulatingPool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(Connections.url(athena, "Transactions=emulate"));
        config.setUsername(Connections.ADMIN_KEY);
        config.setPassword(Connections.ADMIN_SECRET);
        config.setMaximumPoolSize(1);
        return new HikariDataSource(config);
    }

    /**
     * HikariCP hands connections out in auto-commit mode whatever the previous borrower left: after a read-only
     * transaction closed without commit (HikariCP rolls it back and resets auto-commit), after a transaction with an
     * INSERT closed without commit (HikariCP's rollback fails, close() throws the 25000 naming the INSERT, and
     * HikariCP then skips its reset: the driver's failed rollback put auto-commit back on itself), and after
     * Spring's transactions. The pool keeps the one connection throughout: 25000 does not evict it.
     */
    @Test
    void hikariReturnsConnectionsInAutoCommit() throws SQLException {
        try (HikariDataSource pool = emulatingPool()) {
            AthenaConnection physical;
            try (Connection c = pool.getConnection()) {
                physical = PoolChecks.physical(c);
                c.setAutoCommit(false);
                PoolChecks.scalar(c, "SELECT count(*) FROM demo.customers");
            }
            try (Connection c = pool.getConnection()) {
                assertThat(PoolChecks.physical(c)).isSameAs(physical);
                assertThat(c.getAutoCommit()).isTrue();
            }

            Connection c = pool.getConnection();
            c.setAutoCommit(false);
            String id;
            try (Statement s = c.createStatement()) {
                s.executeUpdate(insert(7, "closed without commit"));
                id = s.unwrap(AthenaStatement.class).getQueryExecutionId();
            }
            SQLException closing = catchThrowableOfType(SQLException.class, c::close);
            assertThat((Throwable) closing).as("HikariCP's rollback on close() failed").isNotNull();
            assertThat(closing.getSQLState()).isEqualTo("25000");
            assertThat(closing.getMessage()).contains(id + " (INSERT)");
            assertThat(rowsWithId(7)).isEqualTo(1L);
            try (Connection next = pool.getConnection()) {
                assertThat(PoolChecks.physical(next)).isSameAs(physical);
                assertThat(next.getAutoCommit()).as("the next borrower starts in auto-commit").isTrue();
                // ...and with an empty write log: a transaction that only reads rolls back cleanly.
                next.setAutoCommit(false);
                PoolChecks.scalar(next, "SELECT 1");
                next.rollback();
                next.setAutoCommit(true);
            }

            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(pool));
            JdbcTemplate jdbc = new JdbcTemplate(pool);
            assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
                jdbc.update(insert(8, "spring on hikari"));
                throw new IllegalStateException("boom on hikari");
            })).isInstanceOf(TransactionSystemException.class);
            tx.executeWithoutResult(status -> jdbc.queryForObject("SELECT 1", Integer.class));
            try (Connection next = pool.getConnection()) {
                assertThat(PoolChecks.physical(next)).isSameAs(physical);
                assertThat(next.getAutoCommit()).isTrue();
            }
            assertThat(rowsWithId(8)).isEqualTo(1L);
        }
    }

    /**
     * DBCP2 (rollbackOnReturn and enableAutoCommitOnReturn, its defaults): a connection returned after a read-only
     * transaction is rolled back and kept; one returned with auto-commit off after an INSERT fails DBCP2's rollback,
     * which DBCP2 takes as a broken connection and replaces, without an exception from close(). Either way the next
     * borrower starts in auto-commit, and the row stays.
     */
    @Test
    void dbcp2ReturnsConnectionsInAutoCommit() throws SQLException {
        try (BasicDataSource pool = new BasicDataSource()) {
            pool.setDriverClassName(AthenaDriver.class.getName());
            pool.setUrl(Connections.url(athena, "Transactions=emulate"));
            pool.setUsername(Connections.ADMIN_KEY);
            pool.setPassword(Connections.ADMIN_SECRET);
            pool.setMaxTotal(1);
            pool.setAccessToUnderlyingConnectionAllowed(true);
            AthenaConnection physical;
            try (Connection c = pool.getConnection()) {
                physical = PoolChecks.physical(c);
                c.setAutoCommit(false);
                PoolChecks.scalar(c, "SELECT count(*) FROM demo.customers");
            }
            try (Connection c = pool.getConnection()) {
                assertThat(PoolChecks.physical(c)).isSameAs(physical);
                assertThat(c.getAutoCommit()).isTrue();
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.executeUpdate(insert(9, "dbcp2"));
                }
            }
            try (Connection c = pool.getConnection()) {
                assertThat(PoolChecks.physical(c)).as("replaced").isNotSameAs(physical);
                assertThat(c.getAutoCommit()).isTrue();
            }
            assertThat(physical.isClosed()).isTrue();
            assertThat(rowsWithId(9)).isEqualTo(1L);
        }
    }
}
