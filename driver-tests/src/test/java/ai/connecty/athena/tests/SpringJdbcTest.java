package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.connecty.athena.jdbc.AthenaStatement;
import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.control.FaultPlan;
import ai.connecty.athena.local.control.FaultRule;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.PermissionDeniedDataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.BeanPropertyRowMapper;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.namedparam.BeanPropertySqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.jdbc.support.rowset.SqlRowSet;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSourceUtils;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLErrorCodes;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;

/**
 * The driver through Spring JDBC, the way its users reach it: JdbcTemplate and its row mappers, the named-parameter
 * template with IN lists, parameter sources and NULLs of unknown type, batches, statement settings (fetch size,
 * max rows, query timeout), exception translation, and the transaction manager Athena cannot serve.
 */
@ExtendWith(LocalAthenaExtension.class)
class SpringJdbcTest {

    private static LocalAthena athena;

    @RegisterExtension
    static final Connections.PerClass shared = Connections.connectyUserPerClass(() -> athena);

    @AfterEach
    void clearFaults() {
        athena.faults().clear();
    }

    /** The shared connection as a DataSource whose close() Spring may call without closing it. */
    private static DataSource dataSource() throws SQLException {
        return new SingleConnectionDataSource(shared.get(), true);
    }

    private static JdbcTemplate jdbc() throws SQLException {
        return new JdbcTemplate(dataSource());
    }

    private static NamedParameterJdbcTemplate named() throws SQLException {
        return new NamedParameterJdbcTemplate(dataSource());
    }

    /** A record DataClassRowMapper fills through its constructor, snake_case columns to camelCase components. */
    record Sale(long saleId, int customerId, BigDecimal amount, LocalDateTime soldAt) {
    }

    @Test
    void queryForObjectListAndRowMapper() throws SQLException {
        JdbcTemplate jdbc = jdbc();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM demo.customers", Long.class)).isEqualTo(200L);
        assertThat(jdbc.queryForObject("SELECT name FROM demo.customers WHERE id = ?", String.class, 7))
                .isEqualTo("Customer 7");
        assertThat(jdbc.queryForList("SELECT id FROM demo.customers WHERE id < ? ORDER BY id", Integer.class, 4))
                .containsExactly(1, 2, 3);
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT id, name, signup_date FROM demo.customers WHERE id IN (?, ?) ORDER BY id", 3, 4);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("id", 3).containsEntry("name", "Customer 3")
                .containsEntry("signup_date", java.sql.Date.valueOf("2020-01-04"));
        assertThat(jdbc.queryForMap("SELECT id, email FROM demo.customers WHERE id = ?", 5))
                .containsExactly(Map.entry("id", 5), Map.entry("email", "c5@example.com"));
        List<String> labels = jdbc.query("SELECT id, country FROM demo.customers WHERE id <= ? ORDER BY id",
                (rs, rowNum) -> rowNum + ":" + rs.getInt("id") + rs.getString("country"), 3);
        assertThat(labels).containsExactly("0:1DE", "1:2JP", "2:3FR");
        // No row for queryForObject is Spring's EmptyResultDataAccessException, not a driver error.
        assertThatThrownBy(() -> jdbc.queryForObject("SELECT id FROM demo.customers WHERE id = ?", Integer.class, -1))
                .isInstanceOf(org.springframework.dao.EmptyResultDataAccessException.class);
    }

    @Test
    void beanPropertyAndDataClassRowMappersFillJavaTimeFields() throws SQLException {
        JdbcTemplate jdbc = jdbc();
        List<DemoCustomer> customers = jdbc.query("SELECT id, name, country, signup_date, email FROM demo.customers "
                + "WHERE id IN (9, 10) ORDER BY id", new BeanPropertyRowMapper<>(DemoCustomer.class));
        assertThat(customers).extracting(DemoCustomer::getId, DemoCustomer::getName, DemoCustomer::getCountry,
                DemoCustomer::getSignupDate, DemoCustomer::getEmail).containsExactly(
                org.assertj.core.groups.Tuple.tuple(9, "Customer 9", "BR", LocalDate.of(2020, 1, 10), "c9@example.com"),
                // OpenCSVSerde reads an empty field as the empty string, not NULL.
                org.assertj.core.groups.Tuple.tuple(10, "Customer 10", "US", LocalDate.of(2020, 1, 11), ""));

        List<Sale> sales = jdbc.query("SELECT sale_id, customer_id, amount, sold_at FROM demo.sales WHERE sale_id IN (?, ?) "
                + "ORDER BY sale_id", new DataClassRowMapper<>(Sale.class), 1L, 2L);
        assertThat(sales).containsExactly(
                new Sale(1L, 8, new BigDecimal("0.37"), LocalDateTime.of(2024, 1, 1, 3, 0)),
                new Sale(2L, 15, new BigDecimal("0.74"), LocalDateTime.of(2024, 1, 1, 6, 0)));
    }

    /** SingleColumnRowMapper (queryForObject with a class) reads each common Java type from its column. */
    @Test
    void singleColumnRowMapperReadsEveryCommonType() throws SQLException {
        JdbcTemplate jdbc = jdbc();
        String where = " FROM demo.all_types WHERE c_int = 3";
        assertThat(jdbc.queryForObject("SELECT c_boolean" + where, Boolean.class)).isTrue();
        assertThat(jdbc.queryForObject("SELECT c_tinyint" + where, Byte.class)).isEqualTo((byte) 1);
        assertThat(jdbc.queryForObject("SELECT c_smallint" + where, Short.class)).isEqualTo((short) 2);
        assertThat(jdbc.queryForObject("SELECT c_int" + where, Integer.class)).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT c_bigint" + where, Long.class)).isEqualTo(4L);
        assertThat(jdbc.queryForObject("SELECT c_float" + where, Float.class)).isEqualTo(1.5f);
        assertThat(jdbc.queryForObject("SELECT c_double" + where, Double.class)).isEqualTo(2.25);
        assertThat(jdbc.queryForObject("SELECT c_double" + where, Number.class)).isEqualTo(2.25);
        assertThat(jdbc.queryForObject("SELECT c_decimal" + where, BigDecimal.class)).isEqualTo(new BigDecimal("12.34"));
        assertThat(jdbc.queryForObject("SELECT c_string" + where, String.class)).isEqualTo("hello");
        assertThat(jdbc.queryForObject("SELECT c_binary" + where, byte[].class)).containsExactly(1, 2);
        assertThat(jdbc.queryForObject("SELECT c_date" + where, java.sql.Date.class))
                .isEqualTo(java.sql.Date.valueOf("2024-02-29"));
        assertThat(jdbc.queryForObject("SELECT c_date" + where, LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(jdbc.queryForObject("SELECT c_timestamp" + where, Timestamp.class))
                .isEqualTo(Timestamp.valueOf("2024-02-29 12:34:56.789"));
        assertThat(jdbc.queryForObject("SELECT c_timestamp" + where, java.util.Date.class))
                .isEqualTo(Timestamp.valueOf("2024-02-29 12:34:56.789"));
        assertThat(jdbc.queryForObject("SELECT c_timestamp" + where, LocalDateTime.class))
                .isEqualTo(LocalDateTime.of(2024, 2, 29, 12, 34, 56, 789_000_000));
        assertThat(jdbc.queryForObject("SELECT TIME '23:59:58'", java.sql.Time.class))
                .isEqualTo(java.sql.Time.valueOf("23:59:58"));
        assertThat(jdbc.queryForObject("SELECT TIMESTAMP '2024-02-29 12:00:00 +02:00'", OffsetDateTime.class))
                .isEqualTo(OffsetDateTime.parse("2024-02-29T12:00:00+02:00"));
        assertThat(jdbc.queryForObject("SELECT UUID '2b5a5c57-8a4b-4f1d-9f4c-6d6d3b2d1f00'", UUID.class))
                .isEqualTo(UUID.fromString("2b5a5c57-8a4b-4f1d-9f4c-6d6d3b2d1f00"));
        // A NULL of a primitive-backed type is null, not 0 or false (Spring checks wasNull).
        String nullRow = " FROM demo.all_types WHERE c_int IS NULL";
        assertThat(jdbc.queryForObject("SELECT c_boolean" + nullRow, Boolean.class)).isNull();
        assertThat(jdbc.queryForObject("SELECT c_bigint" + nullRow, Long.class)).isNull();
        assertThat(jdbc.queryForObject("SELECT c_double" + nullRow, Double.class)).isNull();
        assertThat(jdbc.queryForObject("SELECT c_date" + nullRow, LocalDate.class)).isNull();
        // Spring converts what the column gives to the class asked for: a bigint to a String, an int to a Long.
        assertThat(jdbc.queryForObject("SELECT c_bigint" + where, String.class)).isEqualTo("4");
        assertThat(jdbc.queryForObject("SELECT c_int" + where, Long.class)).isEqualTo(3L);
    }

    /** queryForStream with a fetch size and a row limit: both reach the statement, and the stream reads every row. */
    @Test
    void streamFetchSizeAndMaxRowsReachTheStatement() throws SQLException {
        JdbcTemplate jdbc = jdbc();
        jdbc.setFetchSize(500);
        AtomicInteger seenFetchSize = new AtomicInteger(-1);
        try (Stream<Long> values = jdbc.queryForStream(con -> {
            var ps = con.prepareStatement("SELECT n FROM demo.numbers WHERE n < ?");
            ps.setLong(1, 2500L);
            return ps;
        }, (rs, rowNum) -> {
            if (rowNum == 0) {
                seenFetchSize.set(rs.getStatement().getFetchSize());
            }
            return rs.getLong(1);
        })) {
            assertThat(values.mapToLong(Long::longValue).sum()).isEqualTo(2499L * 2500 / 2);
        }
        assertThat(seenFetchSize.get()).isEqualTo(500);

        // A stream left early (three rows of a million) closes its result set and statement when closed.
        java.util.concurrent.atomic.AtomicReference<java.sql.ResultSet> opened = new java.util.concurrent.atomic.AtomicReference<>();
        try (Stream<Long> first = jdbc.queryForStream("SELECT n FROM demo.numbers ORDER BY n", (rs, rowNum) -> {
            opened.set(rs);
            return rs.getLong(1);
        })) {
            assertThat(first.limit(3).toList()).containsExactly(0L, 1L, 2L);
        }
        assertThat(opened.get().isClosed()).isTrue();
        assertThat(jdbc.queryForObject("SELECT 1", Integer.class)).isEqualTo(1);

        JdbcTemplate limited = jdbc();
        limited.setMaxRows(7);
        assertThat(limited.queryForList("SELECT n FROM demo.numbers ORDER BY n", Long.class))
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(limited.queryForList("SELECT n FROM demo.numbers WHERE n < ? ORDER BY n", Long.class, 3L))
                .containsExactly(0L, 1L, 2L);
    }

    /** The template's query timeout is set on each statement it creates (Statement.getQueryTimeout). */
    @Test
    void templateQueryTimeoutReachesTheStatement() throws SQLException {
        JdbcTemplate jdbc = jdbc();
        jdbc.setQueryTimeout(17);
        List<Integer> timeouts = new ArrayList<>();
        jdbc.query("SELECT 1", rs -> {
            timeouts.add(rs.getStatement().getQueryTimeout());
        });
        jdbc.query("SELECT ?", rs -> {
            timeouts.add(rs.getStatement().getQueryTimeout());
        }, 1);
        assertThat(timeouts).containsExactly(17, 17);
    }

    /** A query cut off by the template's query timeout is Spring's QueryTimeoutException (SQLTimeoutException, HYT00). */
    @Test
    void queryCutOffByTheTemplatesTimeoutIsQueryTimeoutException() throws SQLException {
        athena.faults().set(FaultPlan.of(1, FaultRule.forAction("athena", "*").withQueryMillis(10_000)));
        JdbcTemplate jdbc = jdbc();
        jdbc.setQueryTimeout(1);
        QueryTimeoutException e = catchThrowableOfType(QueryTimeoutException.class,
                () -> jdbc.queryForObject("SELECT count(*) FROM demo.sales", Long.class));
        assertThat((Throwable) e).isNotNull();
        assertThat(e.getCause()).isInstanceOf(java.sql.SQLTimeoutException.class);
        assertThat(((SQLException) e.getCause()).getSQLState()).isEqualTo("HYT00");
        assertThat(e.getMessage()).contains("query timeout of 1 s");
        athena.faults().clear();
        assertThat(jdbc().queryForObject("SELECT 41 + 1", Integer.class)).isEqualTo(42);
    }

    /** JdbcClient, Spring's fluent front of the same templates: positional and named parameters, records, lists. */
    @Test
    void jdbcClientFluentApi() throws SQLException {
        JdbcClient client = JdbcClient.create(dataSource());
        assertThat(client.sql("SELECT name FROM demo.customers WHERE id = ?").param(7).query(String.class).single())
                .isEqualTo("Customer 7");
        assertThat(client.sql("SELECT id FROM demo.customers WHERE id IN (:ids) ORDER BY id").param("ids", List.of(2, 4))
                .query(Integer.class).list()).containsExactly(2, 4);
        assertThat(client.sql("SELECT sale_id, customer_id, amount, sold_at FROM demo.sales WHERE sale_id = :id")
                .param("id", 1L).query(Sale.class).optional())
                .contains(new Sale(1L, 8, new BigDecimal("0.37"), LocalDateTime.of(2024, 1, 1, 3, 0)));
        assertThat(client.sql("SELECT count(*) FROM demo.customers WHERE email = :email").param("email", null)
                .query(Long.class).single()).isZero();
        // A long IN list: each element is one ExecutionParameter.
        List<Integer> ids = java.util.stream.IntStream.rangeClosed(1, 500).boxed().toList();
        assertThat(client.sql("SELECT count(*) FROM demo.customers WHERE id IN (:ids)").param("ids", ids)
                .query(Long.class).single()).isEqualTo(200L);
    }

    /**
     * queryForRowSet copies the rows into a CachedRowSet (javax.sql.rowset), which reads every column's metadata and
     * turns arrays and rows into SerialArray and SerialStruct through Array.getArray(map) and Struct.getAttributes(map).
     */
    @Test
    void queryForRowSetCopiesEveryTypeIncludingArraysAndRows() throws SQLException {
        SqlRowSet rows = jdbc().queryForRowSet("SELECT c_int, c_string, c_decimal, c_date, c_timestamp, c_binary, "
                + "c_array, c_map, c_struct FROM demo.all_types WHERE c_int = ?", 3);
        assertThat(rows.next()).isTrue();
        assertThat(rows.getInt("c_int")).isEqualTo(3);
        assertThat(rows.getString("c_string")).isEqualTo("hello");
        assertThat(rows.getBigDecimal("c_decimal")).isEqualTo(new BigDecimal("12.34"));
        assertThat(rows.getDate("c_date")).isEqualTo(java.sql.Date.valueOf("2024-02-29"));
        assertThat(rows.getTimestamp("c_timestamp")).isEqualTo(Timestamp.valueOf("2024-02-29 12:34:56.789"));
        assertThat((byte[]) rows.getObject("c_binary")).containsExactly(1, 2);
        // Athena's result metadata names no element types: elements are read from the text, as strings (README, Types).
        assertThat((Object[]) ((java.sql.Array) rows.getObject("c_array")).getArray()).containsExactly("1", "2", "3");
        assertThat(rows.getObject("c_map")).isEqualTo(Map.of("k", "v"));
        // The JDK's CachedRowSet looks a row's SQL type name up in its type map, null unless set: getObject(name)
        // fails there for any driver's Struct (NullPointerException), getObject(name, map) does not.
        assertThat(((java.sql.Struct) rows.getObject("c_struct", Map.of())).getAttributes()).containsExactly("1", "x");
        assertThat(rows.getMetaData().getColumnCount()).isEqualTo(9);
        assertThat(rows.getMetaData().getColumnTypeName(3)).isEqualTo("decimal");
        assertThat(rows.next()).isFalse();
    }

    /** A query cancelled while it runs (57014) is a QueryTimeoutException for Spring's SQLState translation too. */
    @Test
    void cancelledQueryIsQueryTimeoutException() throws Exception {
        athena.faults().set(FaultPlan.of(1, FaultRule.forAction("athena", "*").withQueryMillis(10_000)));
        try (Connection connection = Connections.connectyUser(athena); Statement statement = connection.createStatement()) {
            java.util.concurrent.CompletableFuture<SQLException> outcome = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    statement.executeQuery("SELECT count(*) FROM demo.sales").close();
                    return null;
                } catch (SQLException e) {
                    return e;
                }
            }, OwnThread.EACH_TASK);
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
            while (statement.unwrap(AthenaStatement.class).getQueryExecutionId() == null && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            statement.cancel();
            SQLException cancelled = outcome.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat((Throwable) cancelled).isNotNull();
            assertThat(cancelled.getSQLState()).isEqualTo("57014");
            assertThat(new SQLErrorCodeSQLExceptionTranslator(dataSource()).translate("query", "SELECT", cancelled))
                    .isInstanceOf(QueryTimeoutException.class);
        }
    }

    enum Country { US, DE }

    /**
     * The Java values Spring binds with setObject, setString or setTimestamp (StatementCreatorUtils), each read back
     * through the type Athena gave it.
     */
    @Test
    void everyJavaValueSpringBindsRoundTrips() throws SQLException {
        JdbcTemplate jdbc = jdbc();
        java.util.Date utilDate = new java.util.Date(Timestamp.valueOf("2024-02-29 12:34:56.789").getTime());
        java.util.Calendar calendar = java.util.Calendar.getInstance();
        calendar.setTime(utilDate);
        Object[][] cases = {
                {"it's", "varchar"}, {new StringBuilder("sb"), "varchar"}, {'c', "varchar"},
                {true, "boolean"}, {(byte) 7, "tinyint"}, {(short) 7, "smallint"}, {7, "integer"}, {7L, "bigint"},
                {1.5f, "real"}, {2.25d, "double"}, {new BigDecimal("12.34"), "decimal(4,2)"},
                // A BigInteger may exceed bigint: it is sent as an exact decimal, which compares with a bigint column.
                {new java.math.BigInteger("123456789012345"), "decimal(15,0)"},
                {LocalDate.of(2024, 2, 29), "date"}, {java.sql.Date.valueOf("2024-02-29"), "date"},
                {LocalDateTime.of(2024, 2, 29, 12, 34, 56, 789_000_000), "timestamp(3)"},
                // a whole second too: the driver writes millisecond digits, so the type does not change with the value
                {LocalDateTime.of(2024, 2, 29, 12, 0), "timestamp(3)"},
                {Timestamp.valueOf("2024-02-29 12:34:56.789"), "timestamp(3)"}, {utilDate, "timestamp(3)"},
                {calendar, "timestamp(3)"}, {java.time.LocalTime.of(23, 59, 58), "time(3)"},
                {OffsetDateTime.parse("2024-02-29T12:00:00+02:00"), "timestamp(3) with time zone"},
                {java.time.Instant.parse("2024-02-29T12:00:00Z"), "timestamp(3) with time zone"},
                {UUID.fromString("2b5a5c57-8a4b-4f1d-9f4c-6d6d3b2d1f00"), "uuid"}, {new byte[] {1, 2}, "varbinary"}};
        org.assertj.core.api.SoftAssertions soft = new org.assertj.core.api.SoftAssertions();
        for (Object[] c : cases) {
            try {
                // Athena types a varchar literal with its length (varchar(4)); athena-local says varchar.
                soft.assertThat(jdbc.queryForObject("SELECT typeof(?)", String.class, c[0]))
                        .as("%s of %s", c[0], c[0].getClass().getSimpleName()).startsWith((String) c[1]);
            } catch (DataAccessException e) {
                soft.fail(c[0].getClass().getSimpleName() + ": " + e);
            }
        }
        soft.assertAll();
        assertThat(jdbc.queryForObject("SELECT ? = 'it''s' AND ? = 'c' AND ? = 1234567890123450", Boolean.class,
                "it's", 'c', new java.math.BigInteger("1234567890123450"))).isTrue();
        // Spring hands an enum to setObject as it is; JDBC maps no enum, and the driver refuses it naming what it
        // takes (bind name() or ordinal() instead).
        assertThatThrownBy(() -> jdbc.queryForObject("SELECT count(*) FROM demo.customers WHERE country = ?", Long.class,
                Country.DE)).isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessageContaining("SpringJdbcTest$Country have no Athena literal");
        assertThat(jdbc.queryForObject("SELECT name FROM demo.customers WHERE country = ? AND id = ?", String.class,
                Country.DE.name(), 1)).isEqualTo("Customer 1");
        assertThat(jdbc.queryForObject("SELECT ? = TIMESTAMP '2024-02-29 12:34:56.789'", Boolean.class, utilDate)).isTrue();
    }

    @Test
    void namedParametersWithCollectionsMapsAndBeans() throws SQLException {
        NamedParameterJdbcTemplate named = named();
        assertThat(named.queryForList("SELECT id FROM demo.customers WHERE id IN (:ids) ORDER BY id",
                Map.of("ids", List.of(3, 5, 7)), Integer.class)).containsExactly(3, 5, 7);
        assertThat(named.queryForObject("SELECT count(*) FROM demo.customers WHERE country IN (:countries) AND id > :min",
                new MapSqlParameterSource("countries", List.of("US", "DE")).addValue("min", 0), Long.class)).isEqualTo(80L);
        // A collection of arrays is a list of tuples: (id, country) IN ((1, 'DE'), (5, 'US')).
        assertThat(named.queryForList("SELECT id FROM demo.customers WHERE (id, country) IN (:pairs) ORDER BY id",
                Map.of("pairs", List.of(new Object[] {1, "DE"}, new Object[] {5, "US"}, new Object[] {6, "US"})),
                Integer.class)).containsExactly(1, 5);
        DemoCustomer probe = new DemoCustomer();
        probe.setId(7);
        probe.setSignupDate(LocalDate.of(2020, 1, 8));
        assertThat(named.queryForList("SELECT name FROM demo.customers WHERE id = :id AND signup_date = :signupDate",
                new BeanPropertySqlParameterSource(probe), String.class)).containsExactly("Customer 7");
        assertThat(named.queryForObject("SELECT count(*) FROM demo.customers WHERE signup_date >= :day AND name <> :name",
                new MapSqlParameterSource().addValue("day", LocalDate.of(2020, 6, 1)).addValue("name", "it's"), Long.class))
                .isEqualTo(49L);
        // Typed values: an explicit SQL type converts the value, e.g. a String to a DATE.
        assertThat(named.queryForObject("SELECT name FROM demo.customers WHERE signup_date = :day",
                new MapSqlParameterSource().addValue("day", "2020-01-08", Types.DATE), String.class)).isEqualTo("Customer 7");
    }

    /**
     * Sets Spring's static spring.jdbc.getParameterType.ignore flag (read once, when StatementCreatorUtils loads)
     * and gives the value it had.
     */
    private static Boolean ignoreGetParameterType(Boolean ignore) throws ReflectiveOperationException {
        Field flag = StatementCreatorUtils.class.getDeclaredField("shouldIgnoreGetParameterType");
        flag.setAccessible(true);
        Boolean before = (Boolean) flag.get(null);
        flag.set(null, ignore);
        return before;
    }

    /** What the driver sent as the parameters of the query it ran last on {@code statement}. */
    private static List<String> sentParameters(Statement statement) throws SQLException {
        String id = statement.unwrap(AthenaStatement.class).getQueryExecutionId();
        try (AthenaClient admin = AthenaClient.builder().endpointOverride(athena.endpoint())
                .region(Region.of(LocalAthena.REGION)).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(Connections.ADMIN_KEY, Connections.ADMIN_SECRET))).build()) {
            return admin.getQueryExecution(r -> r.queryExecutionId(id)).queryExecution().executionParameters();
        }
    }

    /**
     * A null of unknown type: Spring asks ParameterMetaData.getParameterType for the parameter not set yet and calls
     * setNull with the answer (the default, and spring.jdbc.getParameterType.ignore=false), or setNull(Types.NULL)
     * (ignore=true). Each path must send a bare NULL, which Athena compares with and inserts into a column of any
     * type; a typed NULL such as {@code CAST(NULL AS varchar)} fails in Athena against an integer column
     * ("Cannot apply operator: integer = varchar"), although athena-local's engine lets it pass.
     */
    @Test
    void nullsOfUnknownTypeBindAsNullOnEveryPathSpringTakes() throws Exception {
        String sql = "SELECT count(*) FROM demo.customers WHERE id = :id OR (:id IS NULL AND signup_date = :day)";
        for (Boolean ignore : new Boolean[] {null, false, true}) {
            Boolean before = ignoreGetParameterType(ignore);
            try {
                NamedParameterJdbcTemplate named = named();
                Map<String, Object> nulls = new java.util.HashMap<>();
                nulls.put("id", null);
                nulls.put("day", LocalDate.of(2020, 1, 8));
                List<String> sent = new ArrayList<>();
                Long count = named.query(sql, nulls, rs -> {
                    rs.next();
                    sent.addAll(sentParameters(rs.getStatement()));
                    return rs.getLong(1);
                });
                assertThat(count).as("ignore=%s", ignore).isEqualTo(1L);
                assertThat(sent).as("ignore=%s", ignore).containsExactly("NULL", "NULL", "DATE '2020-01-08'");
                assertThat(named.queryForObject("SELECT :x IS NULL", new MapSqlParameterSource("x", null), Boolean.class))
                        .as("ignore=%s", ignore).isTrue();
                assertThat(named.queryForObject("SELECT count(*) FROM demo.all_types WHERE c_date = :d OR c_int = :i",
                        new MapSqlParameterSource("d", null).addValue("i", 3), Long.class)).as("ignore=%s", ignore).isEqualTo(1L);
                // Positional: JdbcTemplate's args array with a null.
                sent.clear();
                Long all = jdbc().query("SELECT count(*) FROM demo.customers WHERE id = ? OR ? IS NULL", rs -> {
                    rs.next();
                    sent.addAll(sentParameters(rs.getStatement()));
                    return rs.getLong(1);
                }, null, null);
                assertThat(all).as("ignore=%s", ignore).isEqualTo(200L);
                assertThat(sent).as("ignore=%s", ignore).containsExactly("NULL", "NULL");
            } finally {
                ignoreGetParameterType(before);
            }
        }
        // A null with a known SQL type is a typed NULL.
        assertThat(named().queryForObject("SELECT typeof(:x)", new MapSqlParameterSource().addValue("x", null, Types.DATE),
                String.class)).isEqualTo("date");
        assertThat(jdbc().queryForObject("SELECT typeof(?)", String.class, new SqlParameterValue(Types.BIGINT, null)))
                .isEqualTo("bigint");
    }

    @Test
    void updatesAndBatchesReportTheirCounts() throws Exception {
        assertThat(shared.get().getMetaData().supportsBatchUpdates()).isTrue();
        String db = "spring_" + UUID.randomUUID().toString().substring(0, 8);
        // DDL and DML need Glue and S3 write rights, which the guide's read-only policy does not grant: the admin runs them.
        try (Connection admin = Connections.admin(athena)) {
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(admin, true));
            NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
            jdbc.execute("CREATE DATABASE " + db);
            try {
                jdbc.execute("CREATE TABLE " + db + ".t WITH (format = 'PARQUET') AS SELECT 1 AS id, "
                        + "CAST('a' AS varchar) AS name, DATE '2024-01-01' AS day, CAST(1.5 AS decimal(10,2)) AS amount");
                assertThat(jdbc.update("INSERT INTO " + db + ".t (id, name, day, amount) VALUES (?, ?, ?, ?)",
                        2, "it's", LocalDate.of(2024, 1, 2), new BigDecimal("2.50"))).isEqualTo(1);
                // Nulls of unknown type into columns of each type.
                assertThat(jdbc.update("INSERT INTO " + db + ".t (id, name, day, amount) VALUES (?, ?, ?, ?)",
                        3, null, null, null)).isEqualTo(1);
                assertThat(jdbc.update("INSERT INTO " + db + ".t SELECT id + 100, name, day, amount FROM " + db
                        + ".t WHERE id < ?", 3)).isEqualTo(2);

                int[] counts = jdbc.batchUpdate("INSERT INTO " + db + ".t (id, name) VALUES (?, ?)",
                        List.of(new Object[] {4, "d"}, new Object[] {5, null}));
                assertThat(counts).containsExactly(1, 1);
                int[] namedCounts = named.batchUpdate("INSERT INTO " + db + ".t (id, name, day) VALUES (:id, :name, :day)",
                        SqlParameterSourceUtils.createBatch(List.of(
                                Map.of("id", 6, "name", "f", "day", LocalDate.of(2024, 1, 6)),
                                new java.util.HashMap<String, Object>() {
                                    {
                                        put("id", 7);
                                        put("name", null);
                                        put("day", null);
                                    }
                                })));
                assertThat(namedCounts).containsExactly(1, 1);
                int[] statements = jdbc.batchUpdate("INSERT INTO " + db + ".t (id) VALUES (8)",
                        "INSERT INTO " + db + ".t (id) VALUES (9)");
                assertThat(statements).containsExactly(1, 1);
                int[][] chunks = jdbc.batchUpdate("INSERT INTO " + db + ".t (id) VALUES (?)", List.of(10, 11, 12), 2,
                        (ps, id) -> ps.setInt(1, id));
                assertThat(chunks).hasNumberOfRows(2);
                assertThat(chunks[0]).containsExactly(1, 1);
                assertThat(chunks[1]).containsExactly(1);

                List<Map<String, Object>> rows = jdbc.queryForList("SELECT id, name, day, amount FROM " + db + ".t ORDER BY id");
                assertThat(rows).extracting(row -> row.get("id"))
                        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 101, 102);
                assertThat(rows).extracting(row -> row.get("name"))
                        .containsExactly("a", "it's", null, "d", null, "f", null, null, null, null, null, null, "a", "it's");
                assertThat(rows.get(2).get("day")).isNull();
                assertThat(rows.get(5).get("day")).isEqualTo(java.sql.Date.valueOf("2024-01-06"));
                assertThat(rows.get(1).get("amount")).isEqualTo(new BigDecimal("2.50"));

                // SimpleJdbcInsert builds its INSERT from DatabaseMetaData.getColumns.
                SimpleJdbcInsert insert = new SimpleJdbcInsert(jdbc).withSchemaName(db).withTableName("t");
                assertThat(insert.execute(Map.of("id", 13, "name", "m", "day", LocalDate.of(2024, 1, 13),
                        "amount", new BigDecimal("13.00")))).isEqualTo(1);
                assertThat(insert.getInsertString()).isEqualTo("INSERT INTO " + db + ".t (id, name, day, amount) VALUES(?, ?, ?, ?)");
                assertThat(jdbc.queryForObject("SELECT amount FROM " + db + ".t WHERE id = 13", BigDecimal.class))
                        .isEqualTo(new BigDecimal("13.00"));
                // Athena makes no keys: asking for them is the driver's 0A000, an API misuse for Spring.
                assertThatThrownBy(() -> jdbc.update(con -> con.prepareStatement("INSERT INTO " + db + ".t (id) VALUES (14)",
                        Statement.RETURN_GENERATED_KEYS), new GeneratedKeyHolder()))
                        .isInstanceOf(InvalidDataAccessApiUsageException.class)
                        .hasRootCauseMessage("Athena has no generated keys");

                // A failed item is translated by the failure itself: a missing table is bad grammar...
                assertThat(jdbc.batchUpdate("INSERT INTO " + db + ".t (id) VALUES (?)",
                        List.of(new Object[] {20}, new Object[] {21}))).containsExactly(1, 1);
                BadSqlGrammarException missing = catchThrowableOfType(BadSqlGrammarException.class, () -> jdbc.batchUpdate(
                        "INSERT INTO " + db + ".no_such_table (id) VALUES (?)", List.<Object[]>of(new Object[] {22})));
                assertThat((Throwable) missing).isNotNull();
                assertThat((Throwable) missing.getSQLException()).isInstanceOf(java.sql.BatchUpdateException.class);
                // ...and an item cut off by the template's query timeout is a QueryTimeoutException, as outside a batch.
                athena.faults().set(FaultPlan.of(1, FaultRule.forAction("athena", "*").withQueryMillis(10_000)));
                JdbcTemplate timed = new JdbcTemplate(new SingleConnectionDataSource(admin, true));
                timed.setQueryTimeout(1);
                QueryTimeoutException timeout = catchThrowableOfType(QueryTimeoutException.class,
                        () -> timed.batchUpdate("INSERT INTO " + db + ".t (id) VALUES (?)", List.<Object[]>of(new Object[] {30})));
                assertThat((Throwable) timeout).isNotNull();
                assertThat(timeout.getCause()).isInstanceOf(java.sql.BatchUpdateException.class);
                athena.faults().clear();
                // The timed-out item was stopped (the administrator may stop queries): 20 and 21 only.
                assertThat(jdbc.queryForList("SELECT id FROM " + db + ".t WHERE id BETWEEN 20 AND 30 ORDER BY id",
                        Integer.class)).containsExactly(20, 21);
            } finally {
                jdbc.execute("DROP DATABASE " + db + " CASCADE");
            }
        }
    }

    /** The translator Spring builds for the data source, and the template's default one, give the same classes. */
    private static List<DataAccessException> translatedBoth(String sql) throws SQLException {
        SQLException failure;
        try (Statement s = shared.get().createStatement()) {
            failure = catchThrowableOfType(SQLException.class, () -> s.executeQuery(sql));
        }
        assertThat((Throwable) failure).as(sql).isNotNull();
        DataAccessException byTranslator = new SQLErrorCodeSQLExceptionTranslator(dataSource()).translate("test", sql, failure);
        DataAccessException byTemplate = catchThrowableOfType(DataAccessException.class, () -> jdbc().queryForList(sql));
        assertThat(byTranslator).as("%s (SQLState %s) by the translator", sql, failure.getSQLState()).isNotNull();
        assertThat(byTemplate).as("%s by the template", sql).isNotNull();
        return List.of(byTranslator, byTemplate);
    }

    @Test
    void missingTablesColumnsAndSyntaxErrorsAreBadSqlGrammar() throws SQLException {
        for (String sql : List.of("SELECT * FROM demo.no_such_table", "SELECT no_such_column FROM demo.customers",
                "SELEC 1", "SELECT * FROM no_such_schema.t", "SELECT no_such_function(1)")) {
            for (DataAccessException e : translatedBoth(sql)) {
                assertThat(e).as(sql).isInstanceOf(BadSqlGrammarException.class);
                assertThat(((BadSqlGrammarException) e).getSql()).isEqualTo(sql);
            }
        }
        BadSqlGrammarException missing = (BadSqlGrammarException) translatedBoth("SELECT * FROM demo.no_such_table").get(1);
        assertThat(missing.getSQLException().getSQLState()).isEqualTo("42P01");
        assertThat(missing.getSQLException().getMessage()).contains("no_such_table");
        // A missing database is class 42 as well (42704, undefined object), not 3F000, which Spring does not classify.
        BadSqlGrammarException noSchema = (BadSqlGrammarException) translatedBoth("SELECT * FROM no_such_schema.t").get(0);
        assertThat(noSchema.getSQLException().getSQLState()).isEqualTo("42704");
    }

    /**
     * Bad values: a cast that fails in the query or a division by zero (class 22) is a DataIntegrityViolationException;
     * a value the driver cannot convert to the SQL type asked for is one too, before anything is sent.
     */
    @Test
    void badValuesAreDataIntegrityViolations() throws SQLException {
        for (DataAccessException e : translatedBoth("SELECT CAST('abc' AS integer)")) {
            assertThat(e).isInstanceOf(DataIntegrityViolationException.class);
        }
        for (DataAccessException e : translatedBoth("SELECT 1 / 0")) {
            assertThat(e).isInstanceOf(DataIntegrityViolationException.class);
        }
        assertThatThrownBy(() -> jdbc().queryForObject("SELECT ?", Integer.class, new SqlParameterValue(Types.INTEGER, "abc")))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("Parameter 1");
        // A Java class with no Athena literal is a misuse of the API (0A000).
        assertThatThrownBy(() -> jdbc().queryForObject("SELECT ?", Integer.class, new Object()))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessageContaining("have no Athena literal");
    }

    /**
     * IAM's denial during a query is SQLState 42501 (class 42, "access rule violation"): Spring's SQLState fallback
     * makes every class-42 state a BadSqlGrammarException, and PermissionDeniedDataAccessException is kept for
     * SQLInvalidAuthorizationSpecException (class 28: credentials refused at connect). An application that wants the
     * denial as PermissionDeniedDataAccessException registers SQLErrorCodes for the product name, by SQLState.
     */
    @Test
    void accessDeniedIsTranslatedByItsSqlState() throws SQLException {
        try (Connection denied = Connections.connectyUser(athena, "WorkGroup=analytics")) {
            DataSource ds = new SingleConnectionDataSource(denied, true);
            DataAccessException byDefault = catchThrowableOfType(DataAccessException.class,
                    () -> new JdbcTemplate(ds).queryForList("SELECT 1"));
            assertThat(byDefault).isInstanceOf(BadSqlGrammarException.class);
            assertThat(((BadSqlGrammarException) byDefault).getSQLException().getSQLState()).isEqualTo("42501");
            assertThat(((BadSqlGrammarException) byDefault).getSQLException().getMessage())
                    .contains("athena:StartQueryExecution");

            SQLErrorCodes athenaCodes = new SQLErrorCodes();
            athenaCodes.setDatabaseProductName(denied.getMetaData().getDatabaseProductName());
            athenaCodes.setUseSqlStateForTranslation(true);
            athenaCodes.setPermissionDeniedCodes("42501");
            athenaCodes.setBadSqlGrammarCodes("42000", "42P01", "42704", "42703", "42883", "42804");
            SQLErrorCodeSQLExceptionTranslator byCodes = new SQLErrorCodeSQLExceptionTranslator(athenaCodes);
            JdbcTemplate template = new JdbcTemplate(ds);
            template.setExceptionTranslator(byCodes);
            assertThatThrownBy(() -> template.queryForList("SELECT 1"))
                    .isInstanceOf(PermissionDeniedDataAccessException.class);
            assertThatThrownBy(() -> new JdbcTemplate(dataSource()) {
                {
                    setExceptionTranslator(byCodes);
                }
            }.queryForList("SELECT * FROM demo.no_such_table")).isInstanceOf(BadSqlGrammarException.class);
        }
        // Credentials refused at connect: SQLInvalidAuthorizationSpecException (28000), PermissionDenied for Spring.
        DriverManagerDataSource wrongSecret = new DriverManagerDataSource(Connections.url(athena, "RoleArn=" + LocalAthena.ROLE_ARN),
                LocalAthena.SERVICE_ACCOUNT_KEY_ID, "NotTheSecretAtAll0123456789abcdefghijklm");
        SQLException refused = catchThrowableOfType(SQLException.class, wrongSecret::getConnection);
        assertThat(new SQLErrorCodeSQLExceptionTranslator(dataSource()).translate("connect", null, refused))
                .isInstanceOf(PermissionDeniedDataAccessException.class);
    }

    /**
     * Athena has no transactions: DataSourceTransactionManager's begin calls setAutoCommit(false), which the driver
     * refuses by default (Transactions=refuse; TransactionApisTest runs Transactions=emulate) with 0A000 naming the
     * property that lifts it, so a TransactionTemplate fails with CannotCreateTransactionException naming the cause, the
     * callback never runs, and the connection stays usable. Without a transaction (PROPAGATION_SUPPORTS) the callback
     * runs on the connection DataSourceUtils binds.
     */
    @Test
    void transactionTemplateFailsWithTheDriversClearRefusal() throws SQLException {
        DataSource ds = dataSource();
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        List<String> ran = new ArrayList<>();
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> ran.add("callback")))
                .isInstanceOf(CannotCreateTransactionException.class)
                .hasMessageContaining("Could not open JDBC Connection for transaction")
                .cause().isInstanceOf(SQLFeatureNotSupportedException.class)
                .hasMessageContaining("Athena has no transactions")
                .hasMessageContaining("Transactions=emulate")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("0A000"));
        assertThat(ran).isEmpty();
        assertThat(shared.get().getAutoCommit()).isTrue();

        // A read-only transaction fails the same way.
        TransactionTemplate readOnly = new TransactionTemplate(new DataSourceTransactionManager(ds));
        readOnly.setReadOnly(true);
        assertThatThrownBy(() -> readOnly.execute(status -> 1)).isInstanceOf(CannotCreateTransactionException.class);

        TransactionTemplate supports = new TransactionTemplate(new DataSourceTransactionManager(ds));
        supports.setPropagationBehavior(TransactionDefinition.PROPAGATION_SUPPORTS);
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        Long count = supports.execute(status -> {
            Connection bound = DataSourceUtils.getConnection(ds);
            try {
                return jdbc.queryForObject("SELECT count(*) FROM demo.customers", Long.class);
            } finally {
                DataSourceUtils.releaseConnection(bound, ds);
            }
        });
        assertThat(count).isEqualTo(200L);
        assertThat(jdbc.queryForObject("SELECT 1", Integer.class)).isEqualTo(1);
        assertThat(JdbcUtils.supportsBatchUpdates(shared.get())).isTrue();
    }
}
