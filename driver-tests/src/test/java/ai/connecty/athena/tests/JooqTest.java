package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Struct;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.Field;
import org.jooq.Meta;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Result;
import org.jooq.SQLDialect;
import org.jooq.Schema;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.conf.StatementType;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The driver through jOOQ 3.19 (open-source edition, {@link SQLDialect#TRINO}, Athena's engine), the way jOOQ's
 * users reach it: {@code meta()} over DatabaseMetaData, plain SQL and the DSL with bind values sent as
 * ExecutionParameters ({@link StatementType#PREPARED_STATEMENT}, jOOQ's default) or inlined
 * ({@link StatementType#STATIC_STATEMENT}), typed conversions, lazy cursors and streams, DML, and the transaction
 * API that Athena cannot serve.
 */
@ExtendWith(LocalAthenaExtension.class)
class JooqTest {

    private static LocalAthena athena;

    @RegisterExtension
    static final Connections.PerClass shared = Connections.connectyUserPerClass(() -> athena);

    private static DSLContext jooq(Connection connection, StatementType type) {
        return DSL.using(connection, SQLDialect.TRINO, new Settings().withStatementType(type));
    }

    /**
     * jOOQ's open-source edition reads no catalogs (one unnamed catalog); getSchemas() and getTables(null, ...)
     * answer for the connection's current catalog, so meta() shows its databases, tables, views and partition
     * columns, with the types and sizes getColumns reports (Glue's {@code array<string>} as
     * {@code array(varchar)}, which jOOQ reads as a String[] column).
     */
    @Test
    void metaShowsTheCurrentCatalogsSchemasTablesAndTypedFields() throws SQLException {
        Meta meta = jooq(shared.get(), StatementType.PREPARED_STATEMENT).meta();
        assertThat(meta.getSchemas()).extracting(Schema::getName).contains("default", "demo");
        Schema demo = meta.getSchemas("demo").get(0);
        assertThat(demo.getTables()).extracting(Table::getName)
                .contains("customers", "events", "all_types", "sales", "numbers", "sales_by_customer");

        Table<?> customers = demo.getTable("customers");
        assertThat(customers.fields()).extracting(Field::getName)
                .containsExactly("id", "name", "country", "email", "signup_date");
        assertThat(customers.field("id").getType()).isEqualTo(Integer.class);
        assertThat(customers.field("name").getType()).isEqualTo(String.class);
        assertThat(customers.field("signup_date").getDataType().isDate()).isTrue();
        assertThat(customers.getPrimaryKey()).isNull();

        Table<?> types = demo.getTable("all_types");
        DataType<?> decimal = types.field("c_decimal").getDataType();
        assertThat(decimal.getType()).isEqualTo(BigDecimal.class);
        assertThat(decimal.precision()).isEqualTo(10);
        assertThat(decimal.scale()).isEqualTo(2);
        assertThat(types.field("c_decimal38").getDataType().precision()).isEqualTo(38);
        assertThat(types.field("c_decimal38").getDataType().scale()).isEqualTo(9);
        assertThat(types.field("c_varchar").getDataType().length()).isEqualTo(20);
        assertThat(types.field("c_char").getDataType().length()).isEqualTo(5);
        assertThat(types.field("c_bigint").getType()).isEqualTo(Long.class);
        assertThat(types.field("c_binary").getType()).isEqualTo(byte[].class);
        assertThat(types.field("c_timestamp").getDataType().isTimestamp()).isTrue();
        assertThat(types.field("c_array").getType()).isEqualTo(Integer[].class);

        Table<?> events = demo.getTable("events");
        assertThat(events.field("tags").getType()).isEqualTo(String[].class);
        // jOOQ has no type for a map or a row: it keeps what getObject gives, as Object.
        assertThat(events.field("counters").getType()).isEqualTo(Object.class);
        assertThat(events.field("context").getType()).isEqualTo(Object.class);

        assertThat(demo.getTable("sales").fields()).extracting(Field::getName).endsWith("year", "month");
    }

    /** Another catalog's objects show once the connection is switched to it (jOOQ's meta() names no catalog). */
    @Test
    void metaFollowsSetCatalog() throws SQLException {
        Connection connection = shared.get();
        connection.setCatalog("lakehouse");
        try {
            Meta meta = jooq(connection, StatementType.PREPARED_STATEMENT).meta();
            assertThat(meta.getSchemas()).extracting(Schema::getName).containsExactly("lake");
            Table<?> orders = meta.getSchemas("lake").get(0).getTable("orders");
            assertThat(orders.fields()).extracting(Field::getName).containsExactly("order_id", "customer_id", "total", "status");
            assertThat(orders.field("total").getType()).isEqualTo(Double.class);
        } finally {
            connection.setCatalog("AwsDataCatalog");
        }
    }

    /** Plain SQL: jOOQ types the columns from ResultSetMetaData and converts values with into/getValue. */
    @Test
    void plainSqlFetchConvertsDatesDecimalsTimestampsAndArrays() throws SQLException {
        DSLContext jooq = jooq(shared.get(), StatementType.PREPARED_STATEMENT);
        Result<Record> rows = jooq.fetch("SELECT c_int, c_date, c_timestamp, c_decimal, c_decimal38, c_double, c_array, "
                + "c_map, c_struct, c_string FROM demo.all_types ORDER BY c_int NULLS LAST");
        assertThat(rows).hasSize(3);
        assertThat(rows.getValues("c_int", Integer.class)).containsExactly(-3, 3, null);
        Record first = rows.get(1);
        assertThat(first.get("c_date", LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(first.get("c_timestamp", LocalDateTime.class)).isEqualTo(LocalDateTime.of(2024, 2, 29, 12, 34, 56, 789_000_000));
        assertThat(first.get("c_decimal", BigDecimal.class)).isEqualTo(new BigDecimal("12.34"));
        assertThat(rows.get(0).get("c_decimal", BigDecimal.class)).isEqualTo(new BigDecimal("-0.50"));
        assertThat(first.get("c_decimal38", BigDecimal.class)).isEqualTo(new BigDecimal("1.123456789"));
        assertThat(first.get("c_double", Double.class)).isEqualTo(2.25);
        assertThat(first.get("c_array", Integer[].class)).containsExactly(1, 2, 3);
        assertThat(rows.get(0).get("c_array", Integer[].class)).containsExactly(null, 4);
        assertThat(first.get("c_map")).isEqualTo(Map.of("k", "v"));
        // Athena's ColumnInfo names only "row" and "map": their values are read by the text's shape.
        assertThat(first.get("c_struct")).isInstanceOf(Struct.class);
        assertThat(first.get("c_string", String.class)).isEqualTo("hello");
        assertThat(rows.get(2).get("c_string", String.class)).isEmpty();
        assertThat(rows.get(2).get("c_date")).isNull();
        assertThat(rows.getValues("c_timestamp", LocalDateTime.class)).containsExactly(
                LocalDateTime.of(1970, 1, 1, 0, 0), LocalDateTime.of(2024, 2, 29, 12, 34, 56, 789_000_000), null);

        // The DSL with typed fields, arrays included.
        Field<Integer[]> array = DSL.field(DSL.name("c_array"), SQLDataType.INTEGER.array());
        Field<LocalDate> date = DSL.field(DSL.name("c_date"), SQLDataType.LOCALDATE);
        Record1<Integer[]> typed = jooq.select(array).from(DSL.table(DSL.name("demo", "all_types")))
                .where(date.eq(LocalDate.of(2024, 2, 29))).fetchOne();
        assertThat(typed.value1()).containsExactly(1, 2, 3);

        Result<Record> nested = jooq.fetch("SELECT tags, counters, context FROM demo.events WHERE event_id = 1");
        assertThat(nested.get(0).get("tags", String[].class)).containsExactly("t1", "x");
        assertThat((Map<?, ?>) nested.get(0).get("counters")).hasToString("{a=1, b=1}");
        assertThat(Arrays.toString(((Struct) nested.get(0).get("context")).getAttributes())).isEqualTo("[1, web]");
    }

    /**
     * resultQuery with bind values, as ExecutionParameters (prepared, jOOQ's default) and inlined (static): the
     * same rows either way, and the SQL jOOQ writes for each.
     */
    @Test
    void resultQueryWithBindValuesPreparedAndStatic() throws SQLException {
        for (StatementType type : StatementType.values()) {
            DSLContext jooq = jooq(shared.get(), type);
            org.jooq.ResultQuery<Record> query = jooq.resultQuery("SELECT name, signup_date FROM demo.customers "
                    + "WHERE id = {0} AND signup_date >= {1} AND country IN ({2}, {3}) AND name <> {4}", DSL.val(5),
                    DSL.val(LocalDate.of(2020, 1, 1)), DSL.val("US"), DSL.val("DE"), DSL.val("it's"));
            String sql = query.getSQL();
            if (type == StatementType.PREPARED_STATEMENT) {
                assertThat(sql).as(type.name()).contains("id = ?").doesNotContain("2020-01-01");
            } else {
                assertThat(sql).as(type.name()).contains("id = 5", "date '2020-01-01'", "'it''s'");
            }
            Result<Record> rows = query.fetch();
            assertThat(rows).as(type.name()).hasSize(1);
            assertThat(rows.get(0).get("name", String.class)).isEqualTo("Customer 5");
            assertThat(rows.get(0).get("signup_date", LocalDate.class)).isEqualTo(LocalDate.of(2020, 1, 6));

            Field<Integer> id = DSL.field(DSL.name("id"), Integer.class);
            List<Integer> ids = jooq.select(id).from(DSL.table(DSL.name("demo", "customers")))
                    .where(id.in(3, 5, 7).or(id.between(198, 250))).orderBy(id).limit(DSL.val(4)).offset(DSL.val(1))
                    .fetch(id);
            assertThat(ids).as(type.name()).containsExactly(5, 7, 198, 199);
        }
    }

    /**
     * Each value jOOQ binds comes back equal, bound (prepared) and inlined (static). jOOQ binds an OffsetDateTime as
     * text it casts ({@code CAST(? AS timestamp with time zone)}), which must keep the offset written, as Athena does.
     */
    @Test
    void typedValuesRoundTripPreparedAndStatic() throws SQLException {
        List<Object> values = List.of(true, 123456, 1234567890123L, -0.1d, Double.NaN, new BigDecimal("12345.678"),
                "it's \"quoted\" ; -- no comment", "\u00e9\u4e2d\ud83d\ude00", LocalDate.of(2024, 2, 29), LocalDate.of(1, 1, 1),
                LocalTime.of(23, 59, 59), LocalDateTime.of(2024, 2, 29, 23, 59, 59, 123_000_000),
                OffsetDateTime.parse("2024-02-29T12:00:00.123+05:30"), OffsetDateTime.parse("2024-02-29T12:00:00Z"),
                Instant.parse("2024-02-29T12:00:00.123Z"), UUID.fromString("2b5a5c57-8a4b-4f1d-9f4c-6d6d3b2d1f00"),
                new byte[] {0, 1, (byte) 255}, new Integer[] {1, null, 3}, new String[] {"a", "b,c"});
        for (StatementType type : StatementType.values()) {
            DSLContext jooq = jooq(shared.get(), type);
            for (Object value : values) {
                Param<?> param = DSL.val(value);
                Object back = jooq.select(param).fetchOne().get(0, value.getClass());
                String what = type + " " + jooq.select(param).getSQL() + " of " + value;
                if (value instanceof Object[]) {
                    assertThat((Object[]) back).as(what).containsExactly((Object[]) value);
                } else if (value instanceof byte[]) {
                    assertThat((byte[]) back).as(what).containsExactly((byte[]) value);
                } else {
                    assertThat(back).as(what).isEqualTo(value);
                }
            }
        }
        // A BigDecimal inlined is a bare numeric literal, which Athena reads as a double: only bound is it exact.
        BigDecimal wide = new BigDecimal("12345678901234567890.123456789");
        assertThat(jooq(shared.get(), StatementType.PREPARED_STATEMENT).select(DSL.val(wide)).fetchOne().value1())
                .isEqualTo(wide);
        Result<Record1<BigDecimal>> inlined = jooq(shared.get(), StatementType.STATIC_STATEMENT).select(DSL.val(wide)).fetch();
        assertThat(inlined.get(0).value1()).isNotEqualTo(wide);
    }

    /** fetchLazy with a fetch size: the size reaches the statement, and the cursor reads every row in order. */
    @Test
    void fetchLazyCursorWithFetchSizeReadsEveryRow() throws SQLException {
        AtomicInteger fetchSize = new AtomicInteger(-1);
        DSLContext jooq = DSL.using(new DefaultConfiguration().set(shared.get()).set(SQLDialect.TRINO)
                .set(new ExecuteListener() {
                    @Override
                    public void executeEnd(ExecuteContext ctx) {
                        try {
                            fetchSize.set(ctx.statement().getFetchSize());
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }));
        Field<Long> n = DSL.field(DSL.name("n"), Long.class);
        try (Cursor<Record1<Long>> cursor = jooq.select(n).from(DSL.table(DSL.name("demo", "numbers")))
                .where(n.lt(2500L)).orderBy(n).fetchSize(500).fetchLazy()) {
            assertThat(fetchSize.get()).isEqualTo(500);
            assertThat(cursor.fetchNext(10).getValues(n)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
            long count = 10;
            long sum = 45;
            for (Record1<Long> row : cursor) {
                count++;
                sum += row.value1();
            }
            assertThat(count).isEqualTo(2500);
            assertThat(sum).isEqualTo(2499L * 2500 / 2);
            assertThat(cursor.hasNext()).isFalse();
        }
    }

    /** fetchStream reads every row, and closing the stream closes the result set. */
    @Test
    void fetchStreamReadsEveryRowAndClosesTheResultSet() throws SQLException {
        AtomicReference<ResultSet> resultSet = new AtomicReference<>();
        DSLContext jooq = DSL.using(new DefaultConfiguration().set(shared.get()).set(SQLDialect.TRINO)
                .set(new ExecuteListener() {
                    @Override
                    public void executeEnd(ExecuteContext ctx) {
                        resultSet.set(ctx.resultSet());
                    }
                }));
        long sum;
        try (Stream<Record> rows = jooq.resultQuery("SELECT n FROM demo.numbers WHERE n < {0}", DSL.val(2500L))
                .fetchSize(1000).fetchStream()) {
            sum = rows.mapToLong(row -> row.get(0, Long.class)).sum();
        }
        assertThat(sum).isEqualTo(2499L * 2500 / 2);
        assertThat(resultSet.get().isClosed()).isTrue();
    }

    /**
     * Athena has no transactions: jOOQ's transaction() fails at its start with the driver's 0A000 refusal of
     * setAutoCommit(false), and the connection stays usable.
     */
    @Test
    void transactionFailsWithTheDriversClearRefusal() throws SQLException {
        DSLContext jooq = jooq(shared.get(), StatementType.PREPARED_STATEMENT);
        List<String> ran = new ArrayList<>();
        assertThatThrownBy(() -> jooq.transaction(configuration -> ran.add("body")))
                .isInstanceOf(DataAccessException.class)
                .hasRootCauseInstanceOf(SQLFeatureNotSupportedException.class)
                .rootCause().hasMessageContaining("Athena has no transactions")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("0A000"));
        assertThat(ran).isEmpty();
        assertThat(shared.get().getAutoCommit()).isTrue();
        assertThat(jooq.fetchValue("SELECT 1")).isEqualTo(1);
    }

    /** INSERT through the DSL (bound), a batch of one statement with several bind sets, and typed reads back. */
    @Test
    void insertsAndBatchesReportTheirCounts() throws SQLException {
        String db = "jooq_" + UUID.randomUUID().toString().substring(0, 8);
        // DDL needs Glue write rights, which the guide's read-only policy does not grant: the admin runs it.
        try (Connection admin = Connections.admin(athena)) {
            DSLContext jooq = jooq(admin, StatementType.PREPARED_STATEMENT);
            jooq.execute("CREATE DATABASE " + db);
            try {
                jooq.execute("CREATE TABLE " + db + ".t WITH (format = 'PARQUET') AS SELECT 1 AS id, CAST('a' AS varchar) AS name, "
                        + "DATE '2024-01-01' AS day, CAST(1.5 AS decimal(10,2)) AS amount");
                Table<?> t = DSL.table(DSL.name(db, "t"));
                Field<Integer> id = DSL.field(DSL.name("id"), SQLDataType.INTEGER);
                Field<String> name = DSL.field(DSL.name("name"), SQLDataType.VARCHAR);
                Field<LocalDate> day = DSL.field(DSL.name("day"), SQLDataType.LOCALDATE);
                Field<BigDecimal> amount = DSL.field(DSL.name("amount"), SQLDataType.DECIMAL(10, 2));

                assertThat(jooq.insertInto(t, id, name, day, amount).values(2, "it's", LocalDate.of(2024, 1, 2),
                        new BigDecimal("2.50")).values(3, null, null, null).execute()).isEqualTo(2);
                int[] counts = jooq.batch(jooq.insertInto(t, id, name, day, amount).values((Integer) null, null, null, null))
                        .bind(4, "d", LocalDate.of(2024, 1, 4), new BigDecimal("4.25"))
                        .bind(5, "e", null, null)
                        .execute();
                assertThat(counts).containsExactly(1, 1);

                Result<?> rows = jooq.select(id, name, day, amount).from(t).orderBy(id).fetch();
                assertThat(rows.getValues(id)).containsExactly(1, 2, 3, 4, 5);
                assertThat(rows.getValues(name)).containsExactly("a", "it's", null, "d", "e");
                assertThat(rows.getValues(day)).containsExactly(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 2),
                        null, LocalDate.of(2024, 1, 4), null);
                assertThat(rows.getValues(amount)).containsExactly(new BigDecimal("1.50"), new BigDecimal("2.50"), null,
                        new BigDecimal("4.25"), null);
                assertThat(jooq.select(id, name).from(t).where(id.eq(2)).fetchOneInto(NameOnly.class))
                        .isEqualTo(new NameOnly(2, "it's"));
            } finally {
                jooq.execute("DROP DATABASE " + db + " CASCADE");
            }
        }
    }

    /** A Java record that jOOQ's DefaultRecordMapper fills by column name. */
    record NameOnly(Integer id, String name) {
    }
}
