package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import ai.connecty.athena.jdbc.AthenaDataSource;
import ai.connecty.athena.jdbc.AthenaResultSet;
import ai.connecty.athena.jdbc.aws.AwsClients;
import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.control.FaultPlan;
import ai.connecty.athena.local.control.FaultRule;
import ai.connecty.athena.local.control.RequestLogEntry;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import jakarta.persistence.Column;
import jakarta.persistence.ColumnResult;
import jakarta.persistence.ConstructorResult;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.QueryTimeoutException;
import jakarta.persistence.RollbackException;
import jakarta.persistence.SqlResultSetMapping;
import jakarta.persistence.Table;
import jakarta.persistence.TransactionRequiredException;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;
import org.hibernate.ScrollMode;
import org.hibernate.ScrollableResults;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.TransactionException;
import org.hibernate.annotations.Immutable;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.env.spi.ExtractedDatabaseMetaData;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.exception.AuthException;
import org.hibernate.exception.DataException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.SQLGrammarException;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.service.spi.ServiceException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The driver under Hibernate ORM 7.4, the way its users reach it: a SessionFactory bootstrapped over
 * {@link AthenaDataSource}, immutable entities mapped to athena-local's demo tables, {@code find}, HQL with named
 * parameters, pagination, aggregates and record projections, native queries with positional parameters and result
 * mappings, stateless sessions that scroll and stream, query timeouts, exception translation, and what a user meets
 * without transactions.
 *
 * <p><b>The dialect.</b> Hibernate has no Athena or Trino dialect; {@link PostgreSQLDialect} is the standard one whose
 * SQL Trino (Athena engine version 3) accepts best:
 * <ul>
 *   <li>pagination: {@code setFirstResult/setMaxResults} renders {@code offset ? rows fetch first ? rows only} (a native
 *   query's {@code offset ? rows fetch next ? rows only}), OFFSET before FETCH as Trino's grammar has it, with both
 *   counts as parameters that the driver sends as ExecutionParameters. MySQL's and MariaDB's {@code limit ?,?}, SQL
 *   Server's {@code offset} that needs an {@code order by}, and Oracle's type names ({@code varchar2(4000 char)}, a
 *   syntax error in Trino) rule those out;</li>
 *   <li>functions: {@code locate} as {@code position(x in y)}, {@code truncate} as {@code date_trunc}, {@code avg} of an
 *   integer left as is (Trino's {@code avg} of an integer is a double). H2, HSQLDB and DB2 cast every such {@code avg}
 *   argument to {@code float(53)}, a type Trino does not have, write {@code locate(...)}, which Trino lacks, and DB2
 *   adds {@code codeunits32} to {@code substring};</li>
 *   <li>what does not work in Trino with it either (see {@link #postgresFunctionsTrinoLacksAreRefused}): HQL
 *   {@code cast(x as Double)} ({@code float(53)}) and {@code cast(x as BigDecimal)} ({@code numeric(38,2)}),
 *   {@code format(...)} ({@code to_char}), {@code length(...)} ({@code character_length}), and {@code findMultiple}
 *   and batch fetching, which bind ids as one array ({@code id = any (?)}; {@link AthenaPostgreSQLDialect} turns that
 *   off). Every LIKE gets {@code escape ''} (PostgreSQL's way to turn off its default backslash escape), which Trino
 *   takes as no escape.</li>
 * </ul>
 * Athena reports engine version 3 ({@code DatabaseMetaData.getDatabaseMajorVersion}), which PostgreSQLDialect reads
 * as PostgreSQL 3 and warns about (HHH000511); {@code jakarta.persistence.database-major-version=14} states the
 * PostgreSQL feature level Hibernate should write SQL for, which Trino accepts.
 */
@ExtendWith(LocalAthenaExtension.class)
class HibernateTest {

    private static LocalAthena athena;
    private static RecordingDataSource recorded;
    private static SessionFactory sessions;
    /** The SQL of every statement Hibernate prepared, in order. */
    private static final List<String> statements = new CopyOnWriteArrayList<>();

    /** demo.sales, partitioned by year and month; customer_id points into demo.customers. */
    @Entity(name = "Sale")
    @Immutable
    @Table(schema = "demo", name = "sales")
    @SqlResultSetMapping(name = "SaleLine", classes = @ConstructorResult(targetClass = SaleLine.class, columns = {
            @ColumnResult(name = "sale_id", type = Long.class), @ColumnResult(name = "product"),
            @ColumnResult(name = "amount", type = BigDecimal.class)}))
    public static class Sale {
        @Id
        @Column(name = "sale_id")
        private long id;
        @Column(name = "customer_id")
        private int customerId;
        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "customer_id", insertable = false, updatable = false)
        private Customer customer;
        private String product;
        private int quantity;
        private BigDecimal amount;
        @Column(name = "sold_at")
        private LocalDateTime soldAt;
        private int year;
        private int month;

        protected Sale() {
        }

        public long getId() {
            return id;
        }

        public int getCustomerId() {
            return customerId;
        }

        public Customer getCustomer() {
            return customer;
        }

        public String getProduct() {
            return product;
        }

        public int getQuantity() {
            return quantity;
        }

        public BigDecimal getAmount() {
            return amount;
        }

        public LocalDateTime getSoldAt() {
            return soldAt;
        }

        public int getYear() {
            return year;
        }

        public int getMonth() {
            return month;
        }
    }

    /** demo.customers (OpenCSVSerde: an empty email is the empty string, not NULL). */
    @Entity(name = "Customer")
    @Immutable
    @Table(schema = "demo", name = "customers")
    public static class Customer {
        @Id
        private int id;
        private String name;
        private String country;
        private String email;
        @Column(name = "signup_date")
        private LocalDate signupDate;

        protected Customer() {
        }

        public int getId() {
            return id;
        }

        public String getName() {
            return name;
        }

        public String getCountry() {
            return country;
        }

        public String getEmail() {
            return email;
        }

        public LocalDate getSignupDate() {
            return signupDate;
        }
    }

    /** demo.all_types, one attribute per scalar column type; c_string is unique, so it serves as the id. */
    @Entity(name = "TypedRow")
    @Immutable
    @Table(schema = "demo", name = "all_types")
    public static class TypedRow {
        @Id
        @Column(name = "c_string")
        private String key;
        @Column(name = "c_boolean")
        private Boolean flag;
        @Column(name = "c_tinyint")
        private Byte tiny;
        @Column(name = "c_smallint")
        private Short small;
        @Column(name = "c_int")
        private Integer integer;
        @Column(name = "c_bigint")
        private Long big;
        @Column(name = "c_float")
        private Float real;
        @Column(name = "c_double")
        private Double dbl;
        @Column(name = "c_decimal38")
        private BigDecimal decimal;
        @Column(name = "c_char")
        private String fixed;
        @Column(name = "c_binary")
        private byte[] binary;
        @Column(name = "c_date")
        private LocalDate date;
        @Column(name = "c_timestamp")
        private LocalDateTime timestamp;

        protected TypedRow() {
        }
    }

    /** demo.events: an {@code array(varchar)} column as a Java array and as a list. */
    @Entity(name = "Event")
    @Immutable
    @Table(schema = "demo", name = "events")
    public static class Event {
        @Id
        @Column(name = "event_id")
        private long id;
        @Column(name = "event_type")
        private String type;
        private String[] tags;
        @Column(name = "tags", insertable = false, updatable = false)
        private List<String> tagList;

        protected Event() {
        }
    }

    /** A projection filled through its constructor from an HQL select list. */
    public record ProductTotals(String product, Long sales, BigDecimal amount) {
    }

    /** The target of the SaleLine native result mapping. */
    public record SaleLine(Long id, String product, BigDecimal amount) {
    }

    /** The entities, without schema tooling (Athena's tables are made outside Hibernate). */
    private static HibernatePersistenceConfiguration entities() {
        return new HibernatePersistenceConfiguration("athena")
                .managedClasses(Sale.class, Customer.class, TypedRow.class, Event.class)
                .property("hibernate.hbm2ddl.auto", "none");
    }

    /** The configuration the README gives: the dialect and the PostgreSQL level it writes SQL for. */
    private static HibernatePersistenceConfiguration configuration() {
        return entities()
                .property("hibernate.dialect", PostgreSQLDialect.class.getName())
                .property("jakarta.persistence.database-major-version", 14);
    }

    private static SessionFactory sessions() {
        if (sessions == null) {
            recorded = new RecordingDataSource(Connections.guideDataSource(athena));
            sessions = configuration()
                    .property("jakarta.persistence.nonJtaDataSource", recorded)
                    .statementInspector(sql -> {
                        statements.add(sql);
                        return sql;
                    })
                    .createEntityManagerFactory();
        }
        return sessions;
    }

    @BeforeEach
    void clearRecords() {
        sessions();
        recorded.clear();
        statements.clear();
    }

    @AfterEach
    void clearFaults() {
        athena.faults().clear();
    }

    @AfterAll
    static void closeSessions() {
        if (sessions != null) {
            sessions.close();
        }
    }

    /** Hibernate's WARN records (it logs through java.util.logging here) while {@code action} runs. */
    private static List<String> hibernateWarnings(Runnable action) {
        Logger hibernate = Logger.getLogger("org.hibernate");
        List<String> warnings = new ArrayList<>();
        SimpleFormatter formatter = new SimpleFormatter();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(formatter.formatMessage(record));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        hibernate.addHandler(handler);
        try {
            action.run();
        } finally {
            hibernate.removeHandler(handler);
        }
        return warnings;
    }

    private static List<String> codes(List<String> messages) {
        return messages.stream().map(m -> m.substring(0, m.indexOf(':'))).toList();
    }

    // ---- boot

    /**
     * Booting reads the driver's DatabaseMetaData (product, version, keywords, catalog and schema, result set support)
     * without touching auto-commit; the two warnings it logs are Hibernate's about the dialect, not the driver's.
     */
    @Test
    void bootReadsTheDriversMetadataAndWarnsOnlyAboutTheDialect() {
        SessionFactoryImplementor factory = sessions().unwrap(SessionFactoryImplementor.class);
        ExtractedDatabaseMetaData metadata = factory.getJdbcServices().getJdbcEnvironment().getExtractedDatabaseMetaData();
        assertThat(metadata.getConnectionCatalogName()).isEqualTo("AwsDataCatalog");
        assertThat(metadata.getConnectionSchemaName()).isEqualTo("default");
        assertThat(metadata.supportsScrollableResults()).isFalse();
        assertThat(metadata.supportsGetGeneratedKeys()).isFalse();
        assertThat(factory.getJdbcServices().getDialect().getVersion().getMajor()).isEqualTo(14);

        // The README's configuration: only HHH90000025, which Hibernate logs for any of its own dialects named in
        // hibernate.dialect ("does not need to be specified explicitly"); here it does (see below). The metadata it
        // reads costs no AWS call beyond the connection's credentials check.
        RecordingDataSource fresh = new RecordingDataSource(Connections.guideDataSource(athena));
        athena.requestLog().clear();
        List<String> warnings = hibernateWarnings(() -> configuration()
                .property("jakarta.persistence.nonJtaDataSource", fresh).createEntityManagerFactory().close());
        assertThat(codes(warnings)).containsExactly("HHH90000025");
        assertThat(fresh.autoCommits()).isEmpty();
        assertThat(athena.requestLog().entries()).extracting(RequestLogEntry::service, RequestLogEntry::action)
                .containsExactly(tuple("sts", "AssumeRole"));

        // Without the PostgreSQL level, the dialect takes Athena's engine version 3 for PostgreSQL 3 (HHH000511).
        warnings = hibernateWarnings(() -> entities()
                .property("jakarta.persistence.nonJtaDataSource", Connections.guideDataSource(athena))
                .property("hibernate.dialect", PostgreSQLDialect.class.getName())
                .createEntityManagerFactory().close());
        assertThat(codes(warnings)).containsExactly("HHH000511", "HHH90000025");
        assertThat(warnings.get(0)).contains("The 3.0.0 version for [org.hibernate.dialect.PostgreSQLDialect]");

        // A subclass of its own (outside org.hibernate.dialect, without a DialectResolutionInfo constructor) gets
        // PostgreSQL's minimum level and no warning at all.
        warnings = hibernateWarnings(() -> entities()
                .property("jakarta.persistence.nonJtaDataSource", Connections.guideDataSource(athena))
                .property("hibernate.dialect", AthenaPostgreSQLDialect.class.getName())
                .createEntityManagerFactory().close());
        assertThat(warnings).isEmpty();

        // Without a dialect, Hibernate cannot pick one for "Amazon Athena" and says so (after a misleading warning).
        List<Throwable> failures = new ArrayList<>();
        warnings = hibernateWarnings(() -> failures.add(catchThrowable(() -> entities()
                .property("jakarta.persistence.nonJtaDataSource", Connections.guideDataSource(athena))
                .createEntityManagerFactory())));
        assertThat(failures.get(0)).isInstanceOf(ServiceException.class)
                .hasMessageContaining("Unable to determine Dialect without JDBC metadata");
        assertThat(codes(warnings)).containsExactly("HHH100046");
    }

    // ---- entities and HQL

    @Test
    void findReadsAnEntityAndItsLazyAssociation() {
        sessions().inSession(session -> {
            Sale sale = session.find(Sale.class, 7L);
            assertThat(sale.getCustomerId()).isEqualTo(50);
            assertThat(sale.getProduct()).isEqualTo("doohickey");
            assertThat(sale.getQuantity()).isEqualTo(8);
            assertThat(sale.getAmount()).isEqualByComparingTo("2.59");
            assertThat(sale.getSoldAt()).isEqualTo(LocalDateTime.of(2024, 1, 1, 21, 0));
            assertThat(sale.getYear()).isEqualTo(2024);
            assertThat(sale.getMonth()).isEqualTo(1);
            // The lazy association is a second query, run when first read.
            assertThat(statements).hasSize(1);
            assertThat(sale.getCustomer().getName()).isEqualTo("Customer 50");
            assertThat(statements).hasSize(2);
            assertThat(statements.get(0)).isEqualTo("select s1_0.sale_id,s1_0.amount,s1_0.customer_id,s1_0.month,"
                    + "s1_0.product,s1_0.quantity,s1_0.sold_at,s1_0.year from demo.sales s1_0 where s1_0.sale_id=?");
            assertThat(session.find(Sale.class, -1L)).isNull();
        });
    }

    /** Every scalar type of demo.all_types read into its Java type through Hibernate's default mappings. */
    @Test
    void findReadsEveryScalarType() {
        sessions().inSession(session -> {
            TypedRow row = session.find(TypedRow.class, "hello");
            assertThat(row.flag).isTrue();
            assertThat(row.tiny).isEqualTo((byte) 1);
            assertThat(row.small).isEqualTo((short) 2);
            assertThat(row.integer).isEqualTo(3);
            assertThat(row.big).isEqualTo(4L);
            assertThat(row.real).isEqualTo(1.5f);
            assertThat(row.dbl).isEqualTo(2.25);
            assertThat(row.decimal).isEqualTo(new BigDecimal("1.123456789"));
            assertThat(row.fixed).isEqualTo("abc  ");
            assertThat(row.binary).containsExactly(1, 2);
            assertThat(row.date).isEqualTo(LocalDate.of(2024, 2, 29));
            assertThat(row.timestamp).isEqualTo(LocalDateTime.of(2024, 2, 29, 12, 34, 56, 789_000_000));

            TypedRow nulls = session.find(TypedRow.class, "");
            assertThat(nulls.flag).isNull();
            assertThat(nulls.big).isNull();
            assertThat(nulls.decimal).isNull();
            assertThat(nulls.binary).isNull();
            assertThat(nulls.timestamp).isNull();
        });
    }

    /** Named parameters of each common Java type, each bound with the setter of its column's type. */
    @Test
    void namedParametersOfEachType() {
        sessions().inSession(session -> {
            List<Long> ids = session.createSelectionQuery("select id from Sale where customerId = :customer and id < :maxId "
                            + "and product = :product and amount >= :minAmount and soldAt < :before order by id", Long.class)
                    .setParameter("customer", 50)
                    .setParameter("maxId", 2000L)
                    .setParameter("product", "doohickey")
                    .setParameter("minAmount", new BigDecimal("50.00"))
                    .setParameter("before", LocalDateTime.of(2024, 6, 1, 0, 0))
                    .getResultList();
            assertThat(ids).containsExactly(207L, 407L, 807L, 1007L);

            assertThat(session.createSelectionQuery("from Customer where signupDate = :day", Customer.class)
                    .setParameter("day", LocalDate.of(2020, 1, 10)).getSingleResult().getName()).isEqualTo("Customer 9");
            assertThat(session.createSelectionQuery("select key from TypedRow where flag = :flag", String.class)
                    .setParameter("flag", false).getResultList()).containsExactly("a\"b,c");
            // An Instant against the timestamp column: the driver sends a timestamp with time zone (UTC), which
            // Athena compares with the zone-less column as UTC.
            assertThat(session.createNativeQuery("select count(*) from demo.sales where sold_at < ?1", Long.class)
                    .setParameter(1, Instant.parse("2024-01-02T00:00:00Z")).getSingleResult()).isEqualTo(8L);
            assertThat(session.createSelectionQuery("select count(*) from Sale where id in :ids", Long.class)
                    .setParameter("ids", List.of(1L, 2L, 3L, 99_999L)).getSingleResult()).isEqualTo(3L);
        });
    }

    /** OFFSET before FETCH FIRST, both as parameters: the order Trino's grammar has. */
    @Test
    void firstResultAndMaxResultsRenderOffsetBeforeFetch() {
        sessions().inSession(session -> {
            assertThat(session.createSelectionQuery("from Sale order by id", Sale.class).setFirstResult(5).setMaxResults(3)
                    .getResultList()).extracting(Sale::getId).containsExactly(5L, 6L, 7L);
            assertThat(statements.get(0)).endsWith(" order by s1_0.sale_id offset ? rows fetch first ? rows only");

            assertThat(session.createSelectionQuery("select id from Sale order by id desc", Long.class).setMaxResults(2)
                    .getResultList()).containsExactly(3999L, 3998L);
            assertThat(statements.get(1)).endsWith(" fetch first ? rows only");

            assertThat(session.createNativeQuery("select id from demo.customers order by id", Integer.class)
                    .setFirstResult(10).setMaxResults(2).getResultList()).containsExactly(11, 12);
            assertThat(statements.get(2)).isEqualTo("select id from demo.customers order by id offset ? rows fetch next ? rows only");

            // Written into the HQL, the counts stay literals.
            assertThat(session.createSelectionQuery("select id from Sale order by id offset 3 rows fetch first 2 rows only",
                    Long.class).getResultList()).containsExactly(3L, 4L);
        });
    }

    @Test
    void aggregatesGroupByAndRecordProjections() {
        sessions().inSession(session -> {
            assertThat(session.createSelectionQuery("select count(*) from Sale", Long.class).getSingleResult()).isEqualTo(4000L);
            assertThat(session.createSelectionQuery("select sum(quantity) from Sale", Long.class).getSingleResult())
                    .isEqualTo(19990L);
            assertThat(session.createSelectionQuery("select count(distinct customerId) from Sale", Long.class)
                    .getSingleResult()).isEqualTo(200L);

            List<Object[]> rows = session.createSelectionQuery("select product, count(*), sum(amount), avg(quantity), "
                    + "max(soldAt) from Sale group by product having count(*) > 10 order by product", Object[].class)
                    .getResultList();
            assertThat(rows).extracting(r -> r[0], r -> r[1]).containsExactly(tuple("doohickey", 800L),
                    tuple("gadget", 800L), tuple("gizmo", 800L), tuple("sprocket", 800L), tuple("widget", 800L));
            assertThat((BigDecimal) rows.get(0)[2]).isEqualByComparingTo("39552.00");
            assertThat(rows.get(4)[3]).isEqualTo(5.0);
            assertThat(rows.get(4)[4]).isInstanceOf(LocalDateTime.class);

            List<ProductTotals> totals = session.createSelectionQuery(
                    "select product, count(*), sum(amount) from Sale group by product order by sum(amount) desc",
                    ProductTotals.class).setMaxResults(2).getResultList();
            assertThat(totals).extracting(ProductTotals::product).containsExactly("widget", "gadget");
            assertThat(totals.get(1).amount()).isEqualByComparingTo("39656.00");
            // Customers in DE (id % 5 = 1) bought only widgets: every sale i with i % 5 = 0.
            assertThat(session.createSelectionQuery("select new " + ProductTotals.class.getName()
                            + "(s.product, count(*), sum(s.amount)) from Sale s join s.customer c where c.country = :country "
                            + "group by s.product", ProductTotals.class)
                    .setParameter("country", "DE").getResultList())
                    .containsExactly(new ProductTotals("widget", 800L, new BigDecimal("39660.00")));
        });
    }

    @Test
    void joinsAndSubqueries() {
        sessions().inSession(session -> {
            List<Sale> sales = session.createSelectionQuery("select s from Sale s join fetch s.customer c "
                    + "where c.country = :country and s.id < 30 order by s.id", Sale.class).setParameter("country", "DE")
                    .getResultList();
            assertThat(sales).isNotEmpty().allSatisfy(s -> assertThat(s.getCustomer().getCountry()).isEqualTo("DE"));
            assertThat(statements).hasSize(1);

            assertThat(session.createSelectionQuery("select c.name from Customer c where c.id in "
                    + "(select s.customerId from Sale s where s.id < 3) and exists "
                    + "(select 1 from Sale s2 where s2.customerId = c.id) order by c.id", String.class).getResultList())
                    .containsExactly("Customer 1", "Customer 8", "Customer 15");
        });
    }

    /** The criteria API (its like gets PostgreSQL's escape '', which Trino reads as no escape), CTEs and windows. */
    @Test
    void criteriaQueriesCtesAndWindowFunctions() {
        sessions().inSession(session -> {
            CriteriaBuilder builder = session.getCriteriaBuilder();
            CriteriaQuery<Customer> query = builder.createQuery(Customer.class);
            Root<Customer> customer = query.from(Customer.class);
            query.where(builder.like(customer.get("name"), "Customer 1_"), builder.equal(customer.get("country"), "US"))
                    .orderBy(builder.desc(customer.get("id")));
            assertThat(session.createQuery(query).setMaxResults(3).getResultList()).extracting(Customer::getId)
                    .containsExactly(15, 10);
            assertThat(statements.get(0)).contains("where c1_0.name like ? escape '' and c1_0.country=?");

            assertThat(session.createSelectionQuery("with small as (select c.id as id from Customer c where c.id < 4) "
                    + "select count(*) from small", Long.class).getSingleResult()).isEqualTo(3L);
            assertThat(session.createSelectionQuery("select id, row_number() over (order by id desc) from Customer "
                    + "where id < 4 order by id", Object[].class).getResultList())
                    .extracting(row -> row[0], row -> row[1]).containsExactly(tuple(1, 3L), tuple(2, 2L), tuple(3, 1L));
        });
    }

    // ---- native queries

    @Test
    void nativeQueriesWithPositionalParametersAndResultMappings() {
        sessions().inSession(session -> {
            List<Object[]> rows = session.createNativeQuery("select sale_id, product, amount, sold_at from demo.sales "
                    + "where customer_id = ?1 and sold_at >= ?2 order by sale_id", Object[].class)
                    .setParameter(1, 50)
                    .setParameter(2, LocalDateTime.of(2024, 6, 1, 0, 0))
                    .setMaxResults(2)
                    .getResultList();
            assertThat(rows).extracting(r -> r[0], r -> r[1]).containsExactly(tuple(1407L, "doohickey"),
                    tuple(1607L, "doohickey"));
            assertThat(rows.get(0)[2]).isEqualTo(new BigDecimal("20.59"));

            Sale sale = session.createNativeQuery("select * from demo.sales where sale_id = ?1", Sale.class)
                    .setParameter(1, 7L).getSingleResult();
            assertThat(sale.getAmount()).isEqualByComparingTo("2.59");

            List<SaleLine> lines = session.createNativeQuery("select sale_id, product, amount from demo.sales "
                    + "where sale_id between ?1 and ?2 order by sale_id", "SaleLine", SaleLine.class)
                    .setParameter(1, 1L).setParameter(2, 2L).getResultList();
            assertThat(lines).containsExactly(new SaleLine(1L, "gadget", new BigDecimal("0.37")),
                    new SaleLine(2L, "doohickey", new BigDecimal("0.74")));
        });
    }

    /**
     * Array columns map to Java arrays and lists, and bind as array parameters. A native query needs the Java type of
     * an array column: Athena's result metadata names no element type (only {@code array}), and Hibernate then reads
     * the column as bytes, which the driver refuses.
     */
    @Test
    void arrayColumnsMapToJavaArraysAndLists() {
        sessions().inSession(session -> {
            Event event = session.find(Event.class, 5L);
            assertThat(event.type).isEqualTo("buy");
            assertThat(event.tags).containsExactly("t1", "x");
            assertThat(event.tagList).containsExactly("t1", "x");
            assertThat(session.createSelectionQuery("select count(*) from Event where tags = :tags", Long.class)
                    .setParameter("tags", new String[] {"t1", "x"}).getSingleResult()).isEqualTo(125L);
            assertThat(session.createNativeQuery("select tags from demo.events where event_id = 5", String[].class)
                    .getSingleResult()).containsExactly("t1", "x");
            assertThatThrownBy(() -> session.createNativeQuery("select tags from demo.events where event_id = 5",
                    Object.class).getSingleResult()).isInstanceOf(DataException.class)
                    .hasMessageContaining("Cannot read column 'tags' of type array as byte[]");
        });
    }

    // ---- stateless sessions, scrolling and streams

    @Test
    void statelessSessionScrollsAndStreamsEveryRow() {
        sessions().inStatelessSession(session -> {
            long count = 0;
            long idSum = 0;
            try (ScrollableResults<Sale> results = session.createSelectionQuery("from Sale", Sale.class)
                    .scroll(ScrollMode.FORWARD_ONLY)) {
                while (results.next()) {
                    count++;
                    idSum += results.get().getId();
                }
            }
            assertThat(count).isEqualTo(4000);
            assertThat(idSum).isEqualTo(3999L * 4000 / 2);

            try (Stream<Long> numbers = session.createNativeQuery("select n from demo.numbers where n < 100000", Long.class)
                    .setFetchSize(10_000).getResultStream()) {
                assertThat(numbers.mapToLong(Long::longValue).sum()).isEqualTo(99_999L * 100_000 / 2);
            }
        });
        assertThat(recorded.resultSets()).hasSize(2).allSatisfy(rs -> assertThat(isClosed(rs)).isTrue());

        // scroll() without a mode asks for the dialect's default, SCROLL_INSENSITIVE, which the driver does not offer
        // (DatabaseMetaData.supportsResultSetType is false for it): Hibernate refuses before running anything.
        sessions().inStatelessSession(session -> assertThatThrownBy(
                () -> session.createSelectionQuery("from Sale", Sale.class).scroll())
                .isInstanceOf(org.hibernate.AssertionFailure.class)
                .hasMessageContaining("Scrollable result sets are not enabled"));
    }

    /**
     * A stream read only in part: closing it closes the driver's result set (which stops the S3 download of a
     * million rows) and statement, and the session goes on.
     */
    @Test
    void resultStreamClosedEarlyClosesTheResultSetAndStatement() throws SQLException {
        try (Session session = sessions().openSession()) {
            List<Long> first = new ArrayList<>();
            ResultSet rows;
            try (Stream<Long> numbers = session.createNativeQuery("select n from demo.numbers order by n", Long.class)
                    .getResultStream()) {
                Iterator<Long> iterator = numbers.iterator();
                for (int i = 0; i < 5; i++) {
                    first.add(iterator.next());
                }
                rows = single(recorded.resultSets());
                assertThat(rows.isClosed()).isFalse();
                assertThat(rows.unwrap(AthenaResultSet.class).getResultTransport()).isEqualTo("S3");
            }
            assertThat(first).containsExactly(0L, 1L, 2L, 3L, 4L);
            assertThat(rows.isClosed()).isTrue();
            assertThat(single(recorded.statements()).isClosed()).isTrue();
            assertThat(session.find(Sale.class, 3L).getProduct()).isEqualTo("gizmo");

            // A stream left open is closed with the session.
            recorded.clear();
            Stream<Long> abandoned = session.createNativeQuery("select n from demo.numbers order by n", Long.class)
                    .getResultStream();
            assertThat(abandoned.iterator().next()).isZero();
            rows = single(recorded.resultSets());
            assertThat(rows.isClosed()).isFalse();
            session.close();
            assertThat(rows.isClosed()).isTrue();
            assertThat(single(recorded.statements()).isClosed()).isTrue();
        }
    }

    private static <T> T single(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private static boolean isClosed(ResultSet rows) {
        try {
            return rows.isClosed();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- timeouts

    /** JPA's hint (milliseconds), Hibernate's (seconds) and setTimeout each reach Statement.setQueryTimeout. */
    @Test
    void queryTimeoutHintsReachTheStatement() {
        sessions().inSession(session -> {
            session.createSelectionQuery("select count(*) from Customer", Long.class)
                    .setHint("jakarta.persistence.query.timeout", 17_000).getSingleResult();
            session.createSelectionQuery("select count(*) from Customer", Long.class)
                    .setHint("org.hibernate.timeout", 18).getSingleResult();
            session.createNativeQuery("select count(*) from demo.customers", Long.class).setTimeout(19).getSingleResult();
        });
        assertThat(recorded.queryTimeouts()).containsSubsequence(17, 18, 19);
    }

    /**
     * A query cut off by its timeout: the driver's SQLTimeoutException (HYT00) is Hibernate's QueryTimeoutException.
     * Through PostgreSQLDialect, whose causesRollback is true (PostgreSQL aborts the transaction on any error), JPA
     * wraps it in a PersistenceException, as the specification has it for a rolled-back transaction; a dialect that
     * says otherwise (Athena has no transaction to abort) gives JPA's QueryTimeoutException itself.
     */
    @Test
    void timedOutQueryIsHibernatesQueryTimeoutException() {
        athena.faults().set(FaultPlan.of(1, FaultRule.forAction("athena", "*").withQueryMillis(10_000)));
        Throwable failure = catchThrowable(() -> sessions().inSession(session -> session
                .createSelectionQuery("select count(*) from Sale", Long.class)
                .setHint("jakarta.persistence.query.timeout", 1_000).getSingleResult()));
        assertThat(failure).isExactlyInstanceOf(PersistenceException.class)
                .cause().isInstanceOf(org.hibernate.QueryTimeoutException.class)
                .cause().isInstanceOf(SQLTimeoutException.class)
                .hasMessageContaining("did not finish within the query timeout of 1 s");
        assertThat(((SQLException) failure.getCause().getCause()).getSQLState()).isEqualTo("HYT00");

        try (SessionFactory noRollback = configuration()
                .property("jakarta.persistence.nonJtaDataSource", Connections.guideDataSource(athena))
                .property("hibernate.dialect", AthenaPostgreSQLDialect.class.getName())
                .createEntityManagerFactory();
             EntityManager entityManager = noRollback.createEntityManager()) {
            assertThatThrownBy(() -> entityManager.createQuery("select count(*) from Sale", Long.class)
                    .setHint("jakarta.persistence.query.timeout", 1_000).getSingleResult())
                    .isExactlyInstanceOf(QueryTimeoutException.class)
                    .cause().isInstanceOf(org.hibernate.QueryTimeoutException.class);
        }
    }

    /**
     * Session.cancelQuery() from another thread reaches Statement.cancel(): the driver stops the query (57014), which
     * PostgreSQLDialect's own SQLState conversion makes a QueryTimeoutException too.
     */
    @Test
    void cancelQueryFromAnotherThreadStopsTheQuery() throws Exception {
        athena.faults().set(FaultPlan.of(1, FaultRule.forAction("athena", "*").withQueryMillis(10_000)));
        try (Session session = sessions().openSession()) {
            athena.requestLog().clear();
            CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> catchThrowable(
                    () -> session.createSelectionQuery("select count(*) from Sale", Long.class).getSingleResult()));
            // Hibernate registers the statement it cancels just before executing it: wait until the query was sent.
            while (athena.requestLog().count("athena", "StartQueryExecution") == 0 && !outcome.isDone()) {
                Thread.sleep(5);
            }
            session.cancelQuery();
            Throwable failure = outcome.get(30, TimeUnit.SECONDS);
            assertThat(failure).isExactlyInstanceOf(PersistenceException.class)
                    .cause().isInstanceOf(org.hibernate.QueryTimeoutException.class);
            assertThat(((org.hibernate.JDBCException) failure.getCause()).getSQLState()).isEqualTo("57014");
        }
    }

    /**
     * PostgreSQLDialect without two PostgreSQL habits Athena does not share: an error aborting the transaction, and
     * multi-valued parameters as one array ({@code id = any (?)}, which Trino reads as a call of a function any).
     */
    public static class AthenaPostgreSQLDialect extends PostgreSQLDialect {
        @Override
        public boolean causesRollback(SQLException sqlException) {
            return false;
        }

        @Override
        public boolean useArrayForMultiValuedParameters() {
            return false;
        }
    }

    /**
     * findMultiple (and batch fetching) binds the ids as one array, {@code = any (?)} in PostgreSQLDialect's SQL, which
     * Athena refuses (FUNCTION_NOT_FOUND, 42883); a dialect that does not use arrays for them writes an IN list.
     */
    @Test
    void findMultipleNeedsADialectWithoutArrayParameters() {
        sessions().inSession(session -> assertFailure(() -> session.findMultiple(Customer.class, List.of(1, 2, 3)),
                SQLGrammarException.class, "42883", "FUNCTION_NOT_FOUND: line 1:108: Function 'any' not registered"));
        assertThat(statements).last().asString().endsWith("where c1_0.id = any (?)");

        try (SessionFactory inLists = configuration()
                .property("jakarta.persistence.nonJtaDataSource", Connections.guideDataSource(athena))
                .property("hibernate.dialect", AthenaPostgreSQLDialect.class.getName())
                .property("hibernate.default_batch_fetch_size", 16)
                .statementInspector(sql -> {
                    statements.add(sql);
                    return sql;
                })
                .createEntityManagerFactory()) {
            inLists.inSession(session -> {
                assertThat(session.findMultiple(Customer.class, List.of(1, 2, 3))).extracting(Customer::getName)
                        .containsExactly("Customer 1", "Customer 2", "Customer 3");
                assertThat(statements).last().asString().endsWith("where c1_0.id in (?,?,?)");
                // Lazy customers of several sales, fetched in one batch when the first is read.
                List<Sale> sales = session.createSelectionQuery("from Sale where id < 4 order by id", Sale.class).getResultList();
                int before = statements.size();
                assertThat(sales).extracting(sale -> sale.getCustomer().getName())
                        .containsExactly("Customer 1", "Customer 8", "Customer 15", "Customer 22");
                assertThat(statements.size() - before).isEqualTo(1);
            });
        }
    }

    // ---- exception translation

    /**
     * The driver's SQLStates map to Hibernate's specific exceptions (SQLStateConversionDelegate: class 42 is
     * SQLGrammarException, class 22 DataException, 42501 AuthException), never to GenericJDBCException.
     */
    @Test
    void driverSqlStatesBecomeHibernatesSpecificExceptions() {
        sessions().inSession(session -> {
            assertFailure(() -> session.createNativeQuery("select nope from demo.sales", Object.class).getResultList(),
                    SQLGrammarException.class, "42703", "COLUMN_NOT_FOUND: line 1:8: Column 'nope' cannot be resolved");
            assertFailure(() -> session.createNativeQuery("select * from demo.nope", Object.class).getResultList(),
                    SQLGrammarException.class, "42P01", "TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.demo.nope' does not exist");
            assertFailure(() -> session.createNativeQuery("select * from nope.sales", Object.class).getResultList(),
                    SQLGrammarException.class, "42704", "SCHEMA_NOT_FOUND");
            assertFailure(() -> session.createNativeQuery("select sale_id from demo.sales where sale_id = ?1", Object.class)
                            .setParameter(1, "7").getResultList(),
                    SQLGrammarException.class, "42804", "TYPE_MISMATCH: line 1:46: Cannot apply operator: bigint = varchar(1)");
            assertFailure(() -> session.createNativeQuery("select nope(1)", Object.class).getResultList(),
                    SQLGrammarException.class, "42883", "FUNCTION_NOT_FOUND");
            assertFailure(() -> session.createNativeQuery("select from demo.sales", Object.class).getResultList(),
                    SQLGrammarException.class, "42000", "Queries of this type are not supported");
            assertFailure(() -> session.createNativeQuery("select 1 / (sale_id - sale_id) from demo.sales", Object.class)
                    .getResultList(), DataException.class, "22012", "DIVISION_BY_ZERO");
            assertFailure(() -> session.createNativeQuery("select cast(product as integer) from demo.sales", Object.class)
                    .getResultList(), DataException.class, "22018", "INVALID_CAST_ARGUMENT: Cannot cast 'widget' to INT");
        });
    }

    private static void assertFailure(Runnable query, Class<? extends Exception> type, String sqlState, String text) {
        Throwable failure = catchThrowable(query::run);
        assertThat(failure).isInstanceOf(type);
        SQLException cause = ((org.hibernate.JDBCException) failure).getSQLException();
        assertThat(cause.getSQLState()).isEqualTo(sqlState);
        assertThat(cause.getMessage()).contains(text);
    }

    // ---- transactions

    /** Reads need no transaction, and nothing Hibernate does for them touches auto-commit. */
    @Test
    void readsRunWithoutATransactionAndLeaveAutoCommitAlone() {
        sessions().inSession(session -> assertThat(session.find(Customer.class, 9).getCountry()).isEqualTo("BR"));
        try (Session session = sessions().openSession()) {
            assertThat(session.createSelectionQuery("from Customer where id < 4 order by id", Customer.class).getResultList())
                    .extracting(Customer::getName).containsExactly("Customer 1", "Customer 2", "Customer 3");
        }
        try (StatelessSession session = sessions().openStatelessSession()) {
            assertThat(session.get(Customer.class, 10).getEmail()).isEmpty();
        }
        assertThat(recorded.autoCommits()).isEmpty();
    }

    /**
     * beginTransaction() calls setAutoCommit(false), which the driver refuses (0A000): Hibernate's TransactionException,
     * before the work runs. The session itself stays usable for reads.
     */
    @Test
    void beginningATransactionFailsWithTheDriversClearRefusal() {
        try (Session session = sessions().openSession()) {
            Throwable failure = catchThrowable(session::beginTransaction);
            assertThat(failure).isExactlyInstanceOf(TransactionException.class)
                    .hasMessage("JDBC begin transaction failed: ")
                    .cause().isInstanceOf(SQLFeatureNotSupportedException.class)
                    .hasMessageStartingWith("Athena has no transactions: the connection stays in auto-commit mode.")
                    .hasMessageContaining("Transactions=emulate");
            assertThat(((SQLException) failure.getCause()).getSQLState()).isEqualTo("0A000");
            assertThat(session.find(Customer.class, 1).getName()).isEqualTo("Customer 1");
        }
        assertThat(recorded.autoCommits()).containsExactly(false);

        List<String> ran = new ArrayList<>();
        assertThatThrownBy(() -> sessions().inTransaction(session -> ran.add("work")))
                .isInstanceOf(TransactionException.class)
                .rootCause().hasMessageStartingWith("Athena has no transactions: the connection stays in auto-commit mode");
        assertThat(ran).isEmpty();

        try (EntityManager entityManager = sessions().createEntityManager()) {
            assertThatThrownBy(() -> entityManager.getTransaction().begin()).isInstanceOf(TransactionException.class)
                    .rootCause().isInstanceOf(SQLFeatureNotSupportedException.class);
        }
    }

    /**
     * With the driver's Transactions=emulate, Hibernate's transactions run: inTransaction/fromTransaction, a Session
     * transaction rolled back after reads only, and JPA's begin and commit; each ends with auto-commit back on.
     */
    @Test
    void transactionsRunUnderTransactionsEmulate() {
        AthenaDataSource emulating = Connections.guideDataSource(athena);
        emulating.setTransactions("emulate");
        RecordingDataSource recording = new RecordingDataSource(emulating);
        try (SessionFactory factory = configuration().property("jakarta.persistence.nonJtaDataSource", recording)
                .createEntityManagerFactory()) {
            String name = factory.fromTransaction(session -> session.find(Customer.class, 2).getName());
            assertThat(name).isEqualTo("Customer 2");
            try (Session session = factory.openSession()) {
                org.hibernate.Transaction transaction = session.beginTransaction();
                assertThat(session.createSelectionQuery("select count(*) from Customer", Long.class).getSingleResult())
                        .isPositive();
                transaction.rollback();
                assertThat(transaction.isActive()).as("rolled back without an error: nothing was written").isFalse();
            }
            try (EntityManager entityManager = factory.createEntityManager()) {
                entityManager.getTransaction().begin();
                assertThat(entityManager.find(Customer.class, 3).getCountry()).isEqualTo("FR");
                entityManager.getTransaction().commit();
            }
        }
        assertThat(recording.autoCommits()).as("setAutoCommit calls: three transactions begun and ended")
                .containsExactly(false, true, false, true, false, true);
    }

    /**
     * hibernate.connection.provider_disables_autocommit skips setAutoCommit(false): the transaction begins and its
     * reads run, but the commit fails on the driver's 25000 (a commit in auto-commit mode), so it is no way around.
     */
    @Test
    void providerDisablesAutocommitOnlyMovesTheFailureToTheCommit() {
        try (SessionFactory factory = configuration()
                .property("jakarta.persistence.nonJtaDataSource", Connections.guideDataSource(athena))
                .property("hibernate.connection.provider_disables_autocommit", true)
                .createEntityManagerFactory()) {
            List<String> read = new ArrayList<>();
            Throwable failure = catchThrowable(() -> factory.inTransaction(
                    session -> read.add(session.find(Customer.class, 2).getName())));
            assertThat(read).containsExactly("Customer 2");
            assertThat(failure).isInstanceOf(RollbackException.class).rootCause()
                    .hasMessage("Cannot commit: the connection is in auto-commit mode (Athena has no transactions)");
        }
    }

    /**
     * Update and insert queries need a transaction (JPA), or hibernate.allow_update_outside_transaction; with it, the
     * guide's read-only identity meets IAM's denial (42501), which is Hibernate's AuthException.
     */
    @Test
    void updateQueriesNeedTheSettingThatAllowsThemOutsideATransaction() {
        String insert = "insert into demo.customers (id, name) values (1000, 'x')";
        sessions().inSession(session -> assertThatThrownBy(() -> session.createNativeMutationQuery(insert).executeUpdate())
                .isInstanceOf(TransactionRequiredException.class)
                .hasMessage("No active transaction for update or delete query"));

        try (SessionFactory factory = configuration()
                .property("jakarta.persistence.nonJtaDataSource", Connections.guideDataSource(athena))
                .property("hibernate.allow_update_outside_transaction", true)
                .createEntityManagerFactory()) {
            factory.inSession(session -> assertFailure(() -> session.createNativeMutationQuery(insert).executeUpdate(),
                    AuthException.class, "42501", "Access denied when writing output to url: s3://demo-data/demo/customers/"));
        }
    }

    /**
     * Hibernate's built-in pool (hibernate.connection.url or jakarta.persistence.jdbc.url instead of a DataSource)
     * turns auto-commit off on each connection it opens, unless hibernate.connection.autocommit is true.
     */
    @Test
    void builtInPoolNeedsAutocommitTrue() {
        String url = Connections.url(athena, "RoleArn=" + LocalAthena.ROLE_ARN);
        Map<String, Object> jdbc = Map.of("jakarta.persistence.jdbc.url", url,
                "jakarta.persistence.jdbc.driver", "ai.connecty.athena.jdbc.AthenaDriver",
                "jakarta.persistence.jdbc.user", LocalAthena.SERVICE_ACCOUNT_KEY_ID,
                "jakarta.persistence.jdbc.password", LocalAthena.SERVICE_ACCOUNT_SECRET);
        int clientsBefore = AwsClients.openCount();
        Throwable failure = catchThrowable(() -> configuration().properties(jdbc).createEntityManagerFactory().close());
        assertThat(failure).isInstanceOf(ServiceException.class).hasMessageContaining("Unable to set auto-commit (false)")
                .cause().isInstanceOf(JDBCConnectionException.class)
                .cause().isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThat(AwsClients.openCount()).as("AWS clients of the connections the failed boot opened")
                .isEqualTo(clientsBefore);

        try (SessionFactory factory = configuration().properties(jdbc)
                .property("hibernate.connection.autocommit", true).createEntityManagerFactory()) {
            factory.inSession(session -> assertThat(session.find(Customer.class, 3).getCountry()).isEqualTo("FR"));
        }
        assertThat(AwsClients.openCount()).isEqualTo(clientsBefore);
    }

    // ---- what PostgreSQLDialect writes that Trino does not have

    /**
     * HQL functions and casts that PostgreSQLDialect renders with PostgreSQL names Trino lacks: athena-local refuses
     * them as Athena does (write the Trino function with {@code function('date_format', ...)} or in native SQL).
     */
    @Test
    void postgresFunctionsTrinoLacksAreRefused() {
        sessions().inSession(session -> {
            assertThatThrownBy(() -> session.createSelectionQuery("select cast(quantity as Double) from Sale where id = 1",
                    Double.class).getSingleResult()).isInstanceOf(SQLGrammarException.class)
                    .hasMessageContaining("TYPE_MISMATCH: line 1:8: Unknown type: float(53)");
            assertThatThrownBy(() -> session.createSelectionQuery("select cast(id as BigDecimal) from Sale where id = 1",
                    BigDecimal.class).getSingleResult()).isInstanceOf(SQLGrammarException.class)
                    .hasMessageContaining("Unknown type: numeric(38, 2)");
            assertThatThrownBy(() -> session.createSelectionQuery("select format(soldAt as 'yyyy-MM') from Sale where id = 1",
                    String.class).getSingleResult()).isInstanceOf(SQLGrammarException.class)
                    .hasMessageContaining("Function 'to_char' not registered");
            assertThatThrownBy(() -> session.createSelectionQuery("select length(product) from Sale where id = 1",
                    Integer.class).getSingleResult()).isInstanceOf(SQLGrammarException.class)
                    .hasMessageContaining("Function 'character_length' not registered");
            // What works: Trino's own functions by name, and casts to the types it has.
            assertThat(session.createSelectionQuery("select function('date_format', soldAt, '%Y-%m'), cast(quantity as String), "
                    + "cast(quantity as Long), upper(product), locate('g', product), substring(product, 1, 3), "
                    + "extract(month from soldAt), truncate(soldAt, month) from Sale where id = 1", Object[].class)
                    .getSingleResult()).containsExactly("2024-01", "2", 2L, "GADGET", 1, "gad", 1,
                    LocalDateTime.of(2024, 1, 1, 0, 0));
        });
    }

    @Test
    void statementsAreClosedAfterEachQuery() {
        sessions().inSession(session -> {
            session.find(Customer.class, 5);
            session.createSelectionQuery("from Customer where id < 3", Customer.class).getResultList();
        });
        assertThat(recorded.statements()).hasSize(2).allSatisfy(statement -> assertThat(isClosed(statement)).isTrue());
    }

    private static boolean isClosed(Statement statement) {
        try {
            return statement.isClosed();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
