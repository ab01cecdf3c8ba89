package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Struct;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.generic.GenericType;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.core.transaction.TransactionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The driver through JDBI 3 (core), the way JDBI's users reach it: named parameters, IN lists, maps and beans as
 * arguments, column mappers for java.time, beans, maps and arrays, arrays bound through createArrayOf, the
 * transaction API that Athena cannot serve, DML, and handles taken from a HikariCP pool.
 */
@ExtendWith(LocalAthenaExtension.class)
class JdbiTest {

    private static LocalAthena athena;

    @RegisterExtension
    static final Connections.PerClass shared = Connections.connectyUserPerClass(() -> athena);

    private static Handle handle() throws SQLException {
        return Jdbi.create(shared.get()).open();
    }

    @Test
    void namedParametersListsMapsAndBeansBind() throws SQLException {
        try (Handle h = handle()) {
            assertThat(h.createQuery("SELECT name FROM demo.customers WHERE id = :id").bind("id", 5)
                    .mapTo(String.class).one()).isEqualTo("Customer 5");
            assertThat(h.createQuery("SELECT count(*) FROM demo.customers WHERE signup_date >= :day AND name <> :name")
                    .bind("day", LocalDate.of(2020, 6, 1)).bind("name", "it's").mapTo(Long.class).one()).isEqualTo(49L);
            assertThat(h.createQuery("SELECT id FROM demo.customers WHERE id IN (<ids>) ORDER BY id")
                    .bindList("ids", List.of(3, 5, 7)).mapTo(Integer.class).list()).containsExactly(3, 5, 7);
            assertThat(h.createQuery("SELECT count(*) FROM demo.customers WHERE country IN (<countries>)")
                    .bindList("countries", List.of("US", "DE")).mapTo(Long.class).one()).isEqualTo(80L);
            assertThat(h.createQuery("SELECT name FROM demo.customers WHERE id = :id AND country = :country")
                    .bindMap(Map.of("id", 5, "country", "US")).mapTo(String.class).list()).containsExactly("Customer 5");
            DemoCustomer probe = new DemoCustomer();
            probe.setId(7);
            probe.setSignupDate(LocalDate.of(2020, 1, 8));
            assertThat(h.createQuery("SELECT name FROM demo.customers WHERE id = :id AND signup_date = :signupDate")
                    .bindBean(probe).mapTo(String.class).list()).containsExactly("Customer 7");
            // A null bound without a type (JDBI's setNull with Types.OTHER) compares as NULL.
            assertThat(h.createQuery("SELECT :nothing IS NULL").bind("nothing", (Object) null).mapTo(Boolean.class).one())
                    .isTrue();
        }
    }

    /** mapToMap: lower-case column labels, and getObject's class for each Athena type (README's Types table). */
    @Test
    void mapToMapGivesEachTypesDefaultClass() throws SQLException {
        try (Handle h = handle()) {
            List<Map<String, Object>> rows = h.createQuery("SELECT * FROM demo.all_types WHERE c_int = 3").mapToMap().list();
            assertThat(rows).hasSize(1);
            Map<String, Object> row = rows.get(0);
            assertThat(row.keySet()).startsWith("c_boolean", "c_tinyint").contains("c_struct");
            assertThat(row.get("c_boolean")).isEqualTo(true);
            assertThat(row.get("c_tinyint")).isEqualTo(1);
            assertThat(row.get("c_bigint")).isEqualTo(4L);
            assertThat(row.get("c_float")).isEqualTo(1.5f);
            assertThat(row.get("c_double")).isEqualTo(2.25);
            assertThat(row.get("c_decimal")).isEqualTo(new BigDecimal("12.34"));
            assertThat(row.get("c_char")).isEqualTo("abc  ");
            assertThat((byte[]) row.get("c_binary")).containsExactly(1, 2);
            assertThat(row.get("c_date")).isEqualTo(java.sql.Date.valueOf("2024-02-29"));
            assertThat(row.get("c_timestamp")).isEqualTo(java.sql.Timestamp.valueOf("2024-02-29 12:34:56.789"));
            assertThat(row.get("c_array")).isInstanceOf(java.sql.Array.class);
            assertThat(row.get("c_map")).isEqualTo(Map.of("k", "v"));
            assertThat(row.get("c_struct")).isInstanceOf(Struct.class);
        }
    }

    /** JDBI's column mappers: java.time through getObject(i, Class), arrays through getArray, beans by name. */
    @Test
    void columnMappersReadJavaTimeDecimalsArraysAndBeans() throws SQLException {
        try (Handle h = handle()) {
            String ordered = " FROM demo.all_types ORDER BY c_int NULLS LAST";
            assertThat(h.createQuery("SELECT c_date" + ordered).mapTo(LocalDate.class).list())
                    .containsExactly(LocalDate.of(1970, 1, 1), LocalDate.of(2024, 2, 29), null);
            assertThat(h.createQuery("SELECT c_timestamp" + ordered).mapTo(LocalDateTime.class).list())
                    .containsExactly(LocalDateTime.of(1970, 1, 1, 0, 0), LocalDateTime.of(2024, 2, 29, 12, 34, 56, 789_000_000), null);
            assertThat(h.createQuery("SELECT c_decimal" + ordered).mapTo(BigDecimal.class).list())
                    .containsExactly(new BigDecimal("-0.50"), new BigDecimal("12.34"), null);
            assertThat(h.createQuery("SELECT c_array" + ordered).mapTo(Integer[].class).list())
                    .containsExactly(new Integer[] {null, 4}, new Integer[] {1, 2, 3}, new Integer[0]);
            assertThat(h.createQuery("SELECT tags FROM demo.events WHERE event_id < 2 ORDER BY event_id")
                    .mapTo(new GenericType<List<String>>() { }).list()).containsExactly(List.of("t0", "x"), List.of("t1", "x"));
            assertThat(h.createQuery("SELECT TIMESTAMP '2024-02-29 12:00:00 +02:00'").mapTo(OffsetDateTime.class).one())
                    .isEqualTo(OffsetDateTime.parse("2024-02-29T12:00:00+02:00"));
            assertThat(h.createQuery("SELECT UUID '2b5a5c57-8a4b-4f1d-9f4c-6d6d3b2d1f00'").mapTo(UUID.class).one())
                    .isEqualTo(UUID.fromString("2b5a5c57-8a4b-4f1d-9f4c-6d6d3b2d1f00"));

            List<DemoCustomer> customers = h.createQuery("SELECT id, name, signup_date, email FROM demo.customers "
                    + "WHERE id IN (9, 10) ORDER BY id").mapToBean(DemoCustomer.class).list();
            assertThat(customers).extracting(DemoCustomer::getId, DemoCustomer::getName, DemoCustomer::getSignupDate, DemoCustomer::getEmail)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(9, "Customer 9", LocalDate.of(2020, 1, 10), "c9@example.com"),
                            // OpenCSVSerde reads an empty field as the empty string, not NULL.
                            org.assertj.core.groups.Tuple.tuple(10, "Customer 10", LocalDate.of(2020, 1, 11), ""));
        }
    }

    /**
     * bindArray binds a Java collection through Connection.createArrayOf with the SQL type name JDBI's SqlArrayTypes
     * registers for the element class: integer, bigint, varchar, uuid, boolean, smallint, and PostgreSQL's float4
     * and float8 for Float and Double, which the driver takes as Athena's real and double.
     */
    @Test
    void bindArrayBindsEveryElementTypeJdbiNames() throws SQLException {
        try (Handle h = handle()) {
            assertThat(h.createQuery("SELECT count(*) FROM demo.customers WHERE contains(:ids, id)")
                    .bindArray("ids", Integer.class, List.of(1, 2, 3)).mapTo(Long.class).one()).isEqualTo(3L);
            assertThat(h.createQuery("SELECT count(*) FROM demo.sales WHERE contains(:ids, sale_id)")
                    .bindArray("ids", Long.class, List.of(1L, 2L, 4001L)).mapTo(Long.class).one()).isEqualTo(2L);
            assertThat(h.createQuery("SELECT count(*) FROM demo.customers WHERE contains(:countries, country)")
                    .bindArray("countries", String.class, List.of("US", "DE")).mapTo(Long.class).one()).isEqualTo(80L);
            assertThat(h.createQuery("SELECT element_at(:flags, 2), element_at(:small, 1), cardinality(:uuids)")
                    .bindArray("flags", Boolean.class, List.of(true, false))
                    .bindArray("small", Short.class, List.of((short) 7))
                    .bindArray("uuids", UUID.class, List.of(UUID.randomUUID()))
                    .mapToMap().one()).containsExactly(Map.entry("_col0", false), Map.entry("_col1", 7), Map.entry("_col2", 1L));
            // The elements come back as the type the array was cast to: a Double, and a real's Float.
            assertThat(h.createQuery("SELECT element_at(:xs, 2)").bindArray("xs", Double.class, List.of(0.5, 2.25))
                    .mapToMap().one()).containsExactly(Map.entry("_col0", 2.25));
            assertThat(h.createQuery("SELECT element_at(:xs, 1)").bindArray("xs", Float.class, List.of(1.5f))
                    .mapToMap().one()).containsExactly(Map.entry("_col0", 1.5f));
            // A Java array binds as ARRAY[...] of its elements' literals.
            assertThat(h.createQuery("SELECT count(*) FROM demo.customers WHERE contains(:ids, id)")
                    .bind("ids", new int[] {1, 2, 3}).mapTo(Long.class).one()).isEqualTo(3L);
        }
    }

    /**
     * Athena has no transactions: JDBI's inTransaction fails at begin() with the driver's 0A000 refusal of
     * setAutoCommit(false), the callback never runs, and the handle stays usable outside a transaction.
     */
    @Test
    void inTransactionFailsWithTheDriversClearRefusal() throws SQLException {
        try (Handle h = handle()) {
            List<String> ran = new ArrayList<>();
            assertThatThrownBy(() -> h.inTransaction(t -> ran.add("callback")))
                    .isInstanceOf(TransactionException.class)
                    .hasMessageContaining("Failed to start transaction")
                    .cause().isInstanceOf(SQLFeatureNotSupportedException.class)
                    .hasMessageContaining("Athena has no transactions")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("0A000"));
            assertThat(ran).isEmpty();
            assertThat(h.isInTransaction()).isFalse();
            assertThat(h.createQuery("SELECT 1").mapTo(Integer.class).one()).isEqualTo(1);
        }
    }

    /**
     * Handles from a HikariCP pool: useHandle/withHandle run queries, and a failed inTransaction does not leave the
     * pool without working connections (HikariCP evicts the connection that answered 0A000 and opens another).
     */
    @Test
    void handlesFromAHikariPool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(Connections.url(athena, "RoleArn=" + LocalAthena.ROLE_ARN));
        config.setUsername(LocalAthena.SERVICE_ACCOUNT_KEY_ID);
        config.setPassword(LocalAthena.SERVICE_ACCOUNT_SECRET);
        config.setMaximumPoolSize(2);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            Jdbi jdbi = Jdbi.create(pool);
            List<Long> counts = new ArrayList<>();
            jdbi.useHandle(h -> counts.add(h.createQuery("SELECT count(*) FROM demo.customers").mapTo(Long.class).one()));
            assertThat(counts).containsExactly(200L);
            assertThatThrownBy(() -> jdbi.inTransaction(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()))
                    .isInstanceOf(TransactionException.class);
            for (int i = 0; i < 3; i++) {
                String name = jdbi.withHandle(h -> h.createQuery("SELECT name FROM demo.customers WHERE id = :id")
                        .bind("id", 1).mapTo(String.class).one());
                assertThat(name).isEqualTo("Customer 1");
            }
        }
    }

    /** A fetch size reaches the statement, and a stream reads every row. */
    @Test
    void streamWithFetchSize() throws SQLException {
        try (Handle h = handle(); Stream<Long> values = h.createQuery("SELECT n FROM demo.numbers WHERE n < :limit")
                .bind("limit", 2500L).setFetchSize(500).mapTo(Long.class).stream()) {
            assertThat(values.mapToLong(Long::longValue).sum()).isEqualTo(2499L * 2500 / 2);
        }
    }

    /**
     * Updates, prepared batches and scripts of INSERTs report one row each; a script holding a SELECT is refused,
     * as JDBC has executeBatch refuse a statement that returns rows.
     */
    @Test
    void updatesBatchesAndScripts() throws SQLException {
        String db = "jdbi_" + UUID.randomUUID().toString().substring(0, 8);
        // DDL needs Glue write rights, which the guide's read-only policy does not grant: the admin runs it.
        try (Connection admin = Connections.admin(athena); Handle h = Jdbi.create(admin).open()) {
            h.execute("CREATE DATABASE " + db);
            try {
                h.execute("CREATE TABLE " + db + ".t WITH (format = 'PARQUET') AS SELECT 1 AS id, "
                        + "CAST('a' AS varchar) AS name, DATE '2024-01-01' AS day");
                assertThat(h.createUpdate("INSERT INTO " + db + ".t (id, name, day) VALUES (:id, :name, :day)")
                        .bind("id", 2).bind("name", "it's").bind("day", LocalDate.of(2024, 1, 2)).execute()).isEqualTo(1);
                assertThat(h.prepareBatch("INSERT INTO " + db + ".t (id, name) VALUES (:id, :name)")
                        .bind("id", 3).bind("name", "c").add()
                        .bind("id", 4).bind("name", (String) null).add()
                        .execute()).containsExactly(1, 1);
                assertThat(h.createScript("INSERT INTO " + db + ".t (id) VALUES (5); INSERT INTO " + db + ".t (id) VALUES (6)")
                        .execute()).containsExactly(1, 1);
                assertThatThrownBy(() -> h.createScript("INSERT INTO " + db + ".t (id) VALUES (7); SELECT 1").execute())
                        .isInstanceOf(UnableToExecuteStatementException.class)
                        .hasMessageContaining("a batch is for statements without rows");
                List<Map<String, Object>> rows = h.createQuery("SELECT id, name, day FROM " + db + ".t ORDER BY id")
                        .mapToMap().list();
                assertThat(rows).extracting(row -> row.get("id")).containsExactly(1, 2, 3, 4, 5, 6, 7);
                assertThat(rows).extracting(row -> row.get("name")).containsExactly("a", "it's", "c", null, null, null, null);
                assertThat(rows.get(1).get("day")).isEqualTo(java.sql.Date.valueOf("2024-01-02"));
            } finally {
                h.execute("DROP DATABASE " + db + " CASCADE");
            }
        }
    }
}
