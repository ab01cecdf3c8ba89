package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.jdbc.AthenaDataSource;
import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.cursor.Cursor;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.executor.BatchResult;
import org.apache.ibatis.io.Resources;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.TransactionException;
import org.apache.ibatis.transaction.TransactionFactory;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.apache.ibatis.transaction.managed.ManagedTransactionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The driver through MyBatis 3, the way its users reach it: a SqlSessionFactory over the driver's DataSource,
 * annotated and XML mappers, #{} parameters (NULLs with and without jdbcType), a resultMap to a bean, {@code <foreach>}
 * IN lists, cursors, inserts and batches, and what the default session (auto-commit off) meets on a database without
 * transactions.
 */
@ExtendWith(LocalAthenaExtension.class)
class MyBatisTest {

    private static LocalAthena athena;

    /** An annotated mapper. */
    public interface CustomerMapper {
        @Select("SELECT id, name, country, signup_date, email FROM demo.customers WHERE id = #{id}")
        DemoCustomer byId(int id);

        @Select("SELECT count(*) FROM demo.customers WHERE country = #{country} AND signup_date < #{before}")
        long countIn(@Param("country") String country, @Param("before") LocalDate before);

        @Select("SELECT sold_at FROM demo.sales WHERE sale_id = #{id}")
        LocalDateTime soldAt(long id);

        @Select("SELECT amount FROM demo.sales WHERE sale_id = #{id}")
        BigDecimal amount(long id);

        @Select("SELECT n FROM demo.numbers WHERE n < #{limit} ORDER BY n")
        @Options(fetchSize = 500)
        Cursor<Long> numbersBelow(long limit);

        @Select("SELECT count(*) FROM demo.sales")
        @Options(timeout = 11)
        long timedCount();
    }

    /** The XML mapper's namespace (CustomerMapper.xml beside this class). */
    public interface CustomerXmlMapper {
        List<DemoCustomer> byIds(@Param("ids") List<Integer> ids);

        long countSince(@Param("day") LocalDate day, @Param("countries") List<String> countries);

        String nullTyped(@Param("value") Integer value);

        boolean nullUntyped(@Param("value") Object value);

        long idOrNothing(@Param("id") Integer id);
    }

    /** A mapper for the inserts, run by the administrator (the guide's policy is read-only). */
    public interface RowMapper {
        @Insert("INSERT INTO ${table} (id, name, day) VALUES (#{id}, #{name}, #{day})")
        int insert(@Param("table") String table, @Param("id") int id, @Param("name") String name,
                   @Param("day") LocalDate day);

        @Select("SELECT count(*) FROM ${table} WHERE name IS NULL")
        long nullNames(@Param("table") String table);
    }

    private static SqlSessionFactory factory(DataSource dataSource, TransactionFactory transactions) throws IOException {
        Configuration configuration = new Configuration(new Environment("athena", transactions, dataSource));
        configuration.setMapUnderscoreToCamelCase(true);
        configuration.addMapper(CustomerMapper.class);
        configuration.addMapper(RowMapper.class);
        String resource = "ai/connecty/athena/tests/mybatis/CustomerMapper.xml";
        try (InputStream xml = Resources.getResourceAsStream(resource)) {
            new XMLMapperBuilder(xml, configuration, resource, configuration.getSqlFragments()).parse();
        }
        return new SqlSessionFactoryBuilder().build(configuration);
    }

    private static SqlSessionFactory factory() throws IOException {
        return factory(Connections.guideDataSource(athena), new JdbcTransactionFactory());
    }

    @Test
    void annotatedMapperReadsBeansJavaTimeAndDecimals() throws IOException {
        try (SqlSession session = factory().openSession(true)) {
            CustomerMapper mapper = session.getMapper(CustomerMapper.class);
            DemoCustomer customer = mapper.byId(9);
            assertThat(customer.getName()).isEqualTo("Customer 9");
            assertThat(customer.getCountry()).isEqualTo("BR");
            assertThat(customer.getSignupDate()).isEqualTo(LocalDate.of(2020, 1, 10));
            assertThat(customer.getEmail()).isEqualTo("c9@example.com");
            assertThat(mapper.byId(-1)).isNull();
            assertThat(mapper.countIn("US", LocalDate.of(2020, 6, 1))).isEqualTo(30L);
            assertThat(mapper.soldAt(2L)).isEqualTo(LocalDateTime.of(2024, 1, 1, 6, 0));
            assertThat(mapper.amount(2L)).isEqualTo(new BigDecimal("0.74"));
        }
    }

    @Test
    void xmlMapperWithResultMapForeachAndDynamicSql() throws IOException {
        try (SqlSession session = factory().openSession(true)) {
            CustomerXmlMapper mapper = session.getMapper(CustomerXmlMapper.class);
            List<DemoCustomer> customers = mapper.byIds(List.of(3, 10, 7));
            assertThat(customers).extracting(DemoCustomer::getId).containsExactly(3, 7, 10);
            assertThat(customers.get(0).getSignupDate()).isEqualTo(LocalDate.of(2020, 1, 4));
            // OpenCSVSerde reads an empty field as the empty string, not NULL.
            assertThat(customers.get(2).getEmail()).isEmpty();
            assertThat(mapper.countSince(null, null)).isEqualTo(200L);
            assertThat(mapper.countSince(LocalDate.of(2020, 6, 1), null)).isEqualTo(49L);
            assertThat(mapper.countSince(null, List.of("US", "DE"))).isEqualTo(80L);
            assertThat(mapper.countSince(LocalDate.of(2020, 6, 1), List.of("US"))).isEqualTo(10L);
            // Through the session's statement ids, as older MyBatis code does.
            assertThat(session.<DemoCustomer>selectList(CustomerXmlMapper.class.getName() + ".byIds",
                    Map.of("ids", List.of(1)))).extracting(DemoCustomer::getName).containsExactly("Customer 1");
        }
    }

    /**
     * MyBatis' own PooledDataSource over the driver's class and URL (the POOLED data source of mybatis-config.xml):
     * it checks out, pings and returns connections around each session without touching auto-commit.
     */
    @Test
    void pooledDataSourceFromTheDriverUrl() throws IOException {
        org.apache.ibatis.datasource.pooled.PooledDataSource pooled = new org.apache.ibatis.datasource.pooled.PooledDataSource(
                "ai.connecty.athena.jdbc.AthenaDriver", Connections.url(athena, "RoleArn=" + LocalAthena.ROLE_ARN),
                LocalAthena.SERVICE_ACCOUNT_KEY_ID, LocalAthena.SERVICE_ACCOUNT_SECRET);
        pooled.setPoolPingEnabled(true);
        pooled.setPoolPingQuery("SELECT 1");
        pooled.setPoolPingConnectionsNotUsedFor(0);
        try {
            SqlSessionFactory factory = factory(pooled, new JdbcTransactionFactory());
            for (int id = 1; id <= 3; id++) {
                try (SqlSession session = factory.openSession(true)) {
                    assertThat(session.getMapper(CustomerMapper.class).byId(id).getName()).isEqualTo("Customer " + id);
                }
            }
            assertThat(pooled.getPoolState().getRequestCount()).isEqualTo(3);
            assertThat(pooled.getPoolState().getBadConnectionCount()).isZero();
            assertThat(pooled.getPoolState().getIdleConnectionCount()).isEqualTo(1);
        } finally {
            pooled.forceCloseAll();
        }
    }

    /**
     * #{} NULLs: with jdbcType the driver sends a typed NULL; without, MyBatis calls setNull(Types.OTHER)
     * (jdbcTypeForNull), which the driver sends as a bare NULL that compares with a column of any type.
     */
    @Test
    void nullParametersWithAndWithoutJdbcType() throws IOException {
        try (SqlSession session = factory().openSession(true)) {
            CustomerXmlMapper mapper = session.getMapper(CustomerXmlMapper.class);
            assertThat(mapper.nullTyped(null)).isEqualTo("integer");
            assertThat(mapper.nullTyped(5)).isEqualTo("integer");
            assertThat(mapper.nullUntyped(null)).isTrue();
            assertThat(mapper.nullUntyped("x")).isFalse();
            assertThat(mapper.idOrNothing(null)).isEqualTo(200L);
            assertThat(mapper.idOrNothing(4)).isEqualTo(1L);
        }
    }

    /** A cursor with a fetch size reads every row in order; a statement timeout reaches the statement. */
    @Test
    void cursorWithFetchSizeAndStatementTimeout() throws IOException {
        try (SqlSession session = factory().openSession(true)) {
            CustomerMapper mapper = session.getMapper(CustomerMapper.class);
            long count = 0;
            long sum = 0;
            long previous = -1;
            try (Cursor<Long> numbers = mapper.numbersBelow(2500L)) {
                for (Long n : numbers) {
                    assertThat(n).isGreaterThan(previous);
                    previous = n;
                    count++;
                    sum += n;
                }
            }
            assertThat(count).isEqualTo(2500L);
            assertThat(sum).isEqualTo(2499L * 2500 / 2);
            assertThat(mapper.timedCount()).isEqualTo(4000L);
        }
    }

    /**
     * MyBatis' default session (openSession()) runs with auto-commit off: JdbcTransaction calls setAutoCommit(false),
     * which the driver refuses (Athena has no transactions), so the first statement fails naming the refusal, and the
     * connection is given back in auto-commit. openSession(true), or the MANAGED transaction factory (which leaves
     * auto-commit alone), run statements; commit() and close() of such a session do not fail.
     */
    @Test
    void defaultSessionFailsClearlyAndAutoCommitOrManagedSessionsWork() throws IOException, SQLException {
        List<Connection> handedOut = new ArrayList<>();
        AthenaDataSource athenaDataSource = Connections.guideDataSource(athena);
        DataSource recording = new org.springframework.jdbc.datasource.DelegatingDataSource(athenaDataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection connection = super.getConnection();
                handedOut.add(connection);
                return connection;
            }
        };
        SqlSessionFactory factory = factory(recording, new JdbcTransactionFactory());
        try (SqlSession session = factory.openSession()) {
            CustomerMapper mapper = session.getMapper(CustomerMapper.class);
            assertThatThrownBy(() -> mapper.byId(1))
                    .isInstanceOf(PersistenceException.class)
                    .hasMessageContaining("Error configuring AutoCommit")
                    .hasMessageContaining("Athena has no transactions")
                    .cause().isInstanceOf(TransactionException.class)
                    .cause().isInstanceOf(SQLFeatureNotSupportedException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("0A000"));
        }
        assertThat(handedOut).hasSize(1);
        assertThat(handedOut.get(0).isClosed()).isTrue();

        try (SqlSession session = factory.openSession(true)) {
            assertThat(session.getMapper(CustomerMapper.class).byId(1).getName()).isEqualTo("Customer 1");
            session.commit();
            session.rollback();
        }
        SqlSessionFactory managed = factory(athenaDataSource, new ManagedTransactionFactory());
        try (SqlSession session = managed.openSession()) {
            assertThat(session.getMapper(CustomerMapper.class).byId(2).getName()).isEqualTo("Customer 2");
            session.commit();
        }
    }

    /** Inserts through a mapper report one row each; a BATCH session's flush reports each statement's count. */
    @Test
    void insertsAndBatchesReportTheirCounts() throws IOException, SQLException {
        String db = "mybatis_" + UUID.randomUUID().toString().substring(0, 8);
        String table = db + ".t";
        AthenaDataSource admin = new AthenaDataSource();
        admin.setRegion(LocalAthena.REGION);
        admin.setEndpointOverride(athena.endpoint().toString());
        admin.setUser(Connections.ADMIN_KEY);
        admin.setPassword(Connections.ADMIN_SECRET);
        admin.setOutputLocation("s3://" + LocalAthena.RESULTS_BUCKET + "/");
        SqlSessionFactory factory = factory(admin, new JdbcTransactionFactory());
        try (Connection c = admin.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
            try {
                s.execute("CREATE TABLE " + table + " WITH (format = 'PARQUET') AS SELECT 1 AS id, "
                        + "CAST('a' AS varchar) AS name, DATE '2024-01-01' AS day");
                try (SqlSession session = factory.openSession(true)) {
                    RowMapper rows = session.getMapper(RowMapper.class);
                    assertThat(rows.insert(table, 2, "it's", LocalDate.of(2024, 1, 2))).isEqualTo(1);
                    assertThat(rows.insert(table, 3, null, null)).isEqualTo(1);
                }
                try (SqlSession batch = factory.openSession(ExecutorType.BATCH, true)) {
                    RowMapper rows = batch.getMapper(RowMapper.class);
                    rows.insert(table, 4, "d", LocalDate.of(2024, 1, 4));
                    rows.insert(table, 5, null, null);
                    List<BatchResult> results = batch.flushStatements();
                    assertThat(results).hasSize(1);
                    assertThat(results.get(0).getUpdateCounts()).containsExactly(1, 1);
                }
                try (SqlSession session = factory.openSession(true)) {
                    assertThat(session.getMapper(RowMapper.class).nullNames(table)).isEqualTo(2L);
                    Map<String, Object> parameters = new HashMap<>();
                    parameters.put("table", table);
                    assertThat(session.<Long>selectOne(RowMapper.class.getName() + ".nullNames", parameters)).isEqualTo(2L);
                }
            } finally {
                s.execute("DROP DATABASE " + db + " CASCADE");
            }
        }
    }
}
