package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.jdbc.AthenaStatement;
import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PreparedStatement against athena-local: ExecutionParameters, literals, injection attempts, batches, metadata. */
@ExtendWith(LocalAthenaExtension.class)
class PreparedStatementTest {

    private static LocalAthena athena;

    @RegisterExtension
    static final Connections.PerClass shared = Connections.connectyUserPerClass(() -> athena);

    /**
     * Athena compares no number or date with text: a year bound with setString is refused as Athena refuses it
     * (athena-local knows demo.sales.year is an integer from the catalog), and the setter of the column's type runs.
     */
    @Test
    void aValueBoundAsTextIsNotComparedWithANumberOrADate() throws SQLException {
        Connection connection = shared.get();
        try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FROM demo.sales WHERE year = ?")) {
            ps.setString(1, "2024");
            assertThatThrownBy(ps::executeQuery).isInstanceOfSatisfying(SQLException.class, e -> {
                assertThat(e.getSQLState()).isEqualTo("42804");
                assertThat(e.getMessage()).contains("TYPE_MISMATCH", "Cannot apply operator: integer = varchar(4)");
            });
            ps.setInt(1, 2024);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isPositive();
            }
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT count(*) FROM demo.sales WHERE CAST(sold_at AS date) >= ?")) {
            ps.setObject(1, LocalDate.of(2000, 1, 1));
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isPositive();
            }
            ps.setString(1, "2000-01-01");
            assertThatThrownBy(ps::executeQuery).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getMessage()).contains("Cannot apply operator: date <= varchar(10)"));
        }
    }

    /** Spring's and plain JDBC's way to bind a list: Connection.createArrayOf, then setArray. */
    @Test
    void arraysMadeByCreateArrayOfBindAsArrays() throws SQLException {
        Connection connection = shared.get();
        java.sql.Array ids = connection.createArrayOf("bigint", new Object[] {1L, 2L, 3L});
        assertThat(ids.getBaseType()).isEqualTo(java.sql.Types.BIGINT);
        assertThat(ids.getBaseTypeName()).isEqualTo("bigint");
        assertThat((Object[]) ids.getArray()).containsExactly(1L, 2L, 3L);
        java.sql.Array names = connection.createArrayOf("VARCHAR", new Object[] {"a", null, "it's"});
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT contains(?, CAST(2 AS bigint)), cardinality(?), element_at(?, 3)")) {
            ps.setArray(1, ids);
            ps.setArray(2, names);
            ps.setObject(3, names);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).isTrue();
                assertThat(rs.getInt(2)).isEqualTo(3);
                assertThat(rs.getString(3)).isEqualTo("it's");
            }
        }
        // The array takes the type it was made with: text elements become dates, and an empty array has a type.
        try (PreparedStatement ps = connection.prepareStatement("SELECT element_at(?, 1), cardinality(?)")) {
            ps.setArray(1, connection.createArrayOf("date", new Object[] {"2024-02-29"}));
            ps.setArray(2, connection.createArrayOf("bigint", new Object[0]));
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.getMetaData().getColumnType(1)).isEqualTo(Types.DATE);
                assertThat(rs.next()).isTrue();
                assertThat(rs.getDate(1)).isEqualTo(Date.valueOf("2024-02-29"));
                assertThat(rs.getInt(2)).isZero();
            }
        }
        assertThatThrownBy(() -> connection.createArrayOf("no such type", new Object[0]))
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("HY024");
                    assertThat(e.getMessage()).contains("no such type");
                });
    }

    /**
     * Connection.createStruct makes a row to bind: its fields are cast to the declared row type (so a String
     * becomes a date where the type says so), it nests in arrays and holds arrays, and a row read from a result
     * binds back as it came. A type name that is no Athena row type, or a count of attributes other than the
     * type's fields, is refused when the struct is made.
     */
    @Test
    void structsMadeByCreateStructBindAsTypedRows() throws SQLException {
        Connection connection = shared.get();
        java.sql.Struct order = connection.createStruct("row(id bigint, \"from\" date, tags array(varchar))",
                new Object[] {7, "2024-02-29", List.of("a", "it's")});
        assertThat(order.getSQLTypeName()).isEqualTo("row(id bigint, \"from\" date, tags array(varchar))");
        assertThat(order.getAttributes()).containsExactly(7, "2024-02-29", List.of("a", "it's"));
        java.sql.Struct first = connection.createStruct("ROW(n integer)", new Object[] {1});
        java.sql.Struct second = connection.createStruct("row(n integer)", new Object[] {null});
        java.sql.Array rows = connection.createArrayOf("row(n integer)", new Object[] {first, second});
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT r.id, r.\"from\", cardinality(r.tags), r, cardinality(?), ? FROM (SELECT ? AS r)")) {
            ps.setArray(1, rows);
            ps.setObject(2, first, Types.STRUCT);
            ps.setObject(3, order);
            ParameterMetaData parameters = ps.getParameterMetaData();
            assertThat(parameters.getParameterType(3)).isEqualTo(Types.STRUCT);
            assertThat(parameters.getParameterTypeName(3)).isEqualTo("row(id bigint, \"from\" date, tags array(varchar))");
            assertThat(parameters.getParameterTypeName(1)).isEqualTo("array(row(n integer))");
            java.sql.Struct read;
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.getMetaData().getColumnType(2)).isEqualTo(Types.DATE);
                assertThat(rs.getMetaData().getColumnType(4)).isEqualTo(Types.STRUCT);
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(7L);
                assertThat(rs.getDate(2)).isEqualTo(Date.valueOf("2024-02-29"));
                assertThat(rs.getInt(3)).isEqualTo(2);
                // Athena's ColumnInfo names only "row": the fields are read by their text's shape.
                read = (java.sql.Struct) rs.getObject(4);
                assertThat(read.getAttributes()[0]).hasToString("7");
                assertThat(rs.getInt(5)).isEqualTo(2);
                assertThat(((java.sql.Struct) rs.getObject(6)).getAttributes()).containsExactly("1");
            }
            // A row as a result gave it (typed only "row") binds back as a row of the same values, unnamed.
            try (PreparedStatement back = connection.prepareStatement("SELECT ?")) {
                back.setObject(1, read);
                assertThat(back.getParameterMetaData().getParameterTypeName(1)).isEqualTo("row");
                try (ResultSet rs = back.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    Object[] again = ((java.sql.Struct) rs.getObject(1)).getAttributes();
                    assertThat(again).hasSize(3);
                    assertThat(again[0]).hasToString("7");
                    assertThat(again[1]).hasToString("2024-02-29");
                    assertThat(((java.sql.Array) again[2]).getArray()).isEqualTo(new Object[] {"a", "it's"});
                }
            }
            assertThatThrownBy(() -> ps.setObject(1, List.of(1), Types.STRUCT))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("22018");
                        assertThat(e.getMessage()).contains("Parameter 1").contains("createStruct");
                    });
        }
        for (String bad : List.of("integer", "row", "row(a no_such)", "row(a integer)) AS x, (SELECT 1")) {
            assertThatThrownBy(() -> connection.createStruct(bad, new Object[] {1})).as(bad)
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("HY024");
                        assertThat(e.getMessage()).contains(bad).contains("row(");
                    });
        }
        assertThatThrownBy(() -> connection.createStruct("row(a integer, b varchar)", new Object[] {1}))
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("HY024");
                    assertThat(e.getMessage()).contains("1 attribute").contains("2 fields");
                });
        assertThatThrownBy(() -> connection.createStruct("row(a integer)", null))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("HY024"));
    }

    /**
     * setNull's type name types a NULL container (JDBC reads it for ARRAY, STRUCT, JAVA_OBJECT and OTHER), so that a
     * function overloaded on containers takes it; an ARRAY's may name the element type alone, as createArrayOf's.
     * For other types JDBC says to ignore it. A setObject of a String to ARRAY is no array and is refused.
     */
    @Test
    void namedNullsAreTypedContainersAndTextIsNoArray() throws SQLException {
        Connection connection = shared.get();
        try (PreparedStatement ps = connection.prepareStatement("SELECT ? AS a, ? AS b, ? AS m, ? AS r, ? AS j, "
                + "cardinality(?) AS c, ? AS v")) {
            ps.setNull(1, Types.ARRAY, "array(integer)");
            ps.setNull(2, Types.ARRAY, "varchar");
            ps.setNull(3, Types.JAVA_OBJECT, "map(varchar, bigint)");
            ps.setNull(4, Types.STRUCT, "row(x integer, \"odd name\" varchar)");
            ps.setNull(5, Types.OTHER, "json");
            ps.setNull(6, Types.ARRAY, "bigint");
            ps.setNull(7, Types.VARCHAR, "ignored for a scalar");
            try (ResultSet rs = ps.executeQuery()) {
                java.sql.ResultSetMetaData md = rs.getMetaData();
                // Athena's ColumnInfo names only the container (array, map, row), not what it holds.
                assertThat(md.getColumnType(1)).isEqualTo(Types.ARRAY);
                assertThat(md.getColumnType(2)).isEqualTo(Types.ARRAY);
                assertThat(md.getColumnType(3)).isEqualTo(Types.JAVA_OBJECT);
                assertThat(md.getColumnType(4)).isEqualTo(Types.STRUCT);
                assertThat(md.getColumnType(5)).isEqualTo(Types.OTHER);
                assertThat(md.getColumnType(7)).isEqualTo(Types.VARCHAR);
                assertThat(rs.next()).isTrue();
                for (int i = 1; i <= 7; i++) {
                    assertThat(rs.getObject(i)).as("column %d", i).isNull();
                }
            }
            ParameterMetaData parameters = ps.getParameterMetaData();
            assertThat(parameters.getParameterTypeName(1)).isEqualTo("array(integer)");
            assertThat(parameters.getParameterTypeName(2)).isEqualTo("array(varchar)");
            assertThat(parameters.getParameterTypeName(3)).isEqualTo("map(varchar, bigint)");
            assertThat(parameters.getParameterTypeName(4)).isEqualTo("row(x integer, \"odd name\" varchar)");
            for (String bad : List.of("no such type", "array(no_such)", "integer) AS varchar), (SELECT 1")) {
                assertThatThrownBy(() -> ps.setNull(1, Types.ARRAY, bad)).as(bad)
                        .isInstanceOfSatisfying(SQLException.class, e -> {
                            assertThat(e.getSQLState()).isEqualTo("HY024");
                            assertThat(e.getMessage()).contains(bad).contains("array(integer)");
                        });
            }
            assertThatThrownBy(() -> ps.setNull(1, Types.STRUCT, "integer"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("HY024"));
            assertThatThrownBy(() -> ps.setObject(1, "[1, 2]", Types.ARRAY))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("22018");
                        assertThat(e.getMessage()).contains("Parameter 1").contains("createArrayOf");
                    });
        }
    }

    @Test
    void dbeaversRowCountRunsAsAPreparedStatement() throws SQLException {
        try (PreparedStatement ps = shared.get().prepareStatement("SELECT COUNT(*) FROM demo.customers");
             ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isPositive();
        }
    }

    /**
     * Athena takes at most 1,024 characters per execution parameter (the literal's quotes included): the longest
     * string that fits comes back whole; one character more is refused before anything is sent, saying what to do.
     */
    @Test
    void aStringParameterLongerThanAthenaTakesIsRefusedBeforeItIsSent() throws SQLException {
        try (PreparedStatement ps = shared.get().prepareStatement("SELECT length(?)")) {
            ps.setString(1, "x".repeat(1022));
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(1022);
            }
            long starts = athena.requestLog().count("athena", "StartQueryExecution");
            ps.setString(1, "x".repeat(1023));
            assertThatThrownBy(ps::executeQuery).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("54000"))
                    .hasMessageContaining("Parameter 1 is a literal of 1025 characters").hasMessageContaining("1024");
            assertThat(athena.requestLog().count("athena", "StartQueryExecution")).isEqualTo(starts);
        }
    }

    @Test
    void boundValuesComeBackAsTheyWereSet() throws SQLException {
        try (PreparedStatement ps = shared.get().prepareStatement(
                "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, typeof(?), typeof(?)")) {
            ps.setString(1, "it's");
            ps.setInt(2, 42);
            ps.setLong(3, Long.MAX_VALUE);
            ps.setBigDecimal(4, new BigDecimal("123.4500"));
            ps.setBoolean(5, true);
            ps.setDate(6, Date.valueOf("2024-02-29"));
            ps.setTimestamp(7, Timestamp.valueOf("2024-01-02 03:04:05.123"));
            ps.setBytes(8, new byte[] {(byte) 0xCA, (byte) 0xFE});
            ps.setDouble(9, 2.25);
            ps.setObject(10, LocalDate.of(2020, 1, 2));
            ps.setObject(11, "2021-03-04", Types.DATE);
            ps.setNull(12, Types.VARCHAR);
            ps.setObject(13, LocalTime.of(1, 2, 3));
            ps.setNull(14, Types.INTEGER);
            ps.setObject(15, LocalDateTime.of(2020, 1, 2, 3, 4, 5, 123_456_000));
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("it's");
                assertThat(rs.getObject(2)).isEqualTo(42);
                assertThat(rs.getObject(3)).isEqualTo(Long.MAX_VALUE);
                assertThat(rs.getBigDecimal(4)).isEqualTo(new BigDecimal("123.4500"));
                assertThat(rs.getObject(5)).isEqualTo(true);
                assertThat(rs.getDate(6)).isEqualTo(Date.valueOf("2024-02-29"));
                assertThat(rs.getTimestamp(7)).isEqualTo(Timestamp.valueOf("2024-01-02 03:04:05.123"));
                assertThat(rs.getBytes(8)).containsExactly(0xCA, 0xFE);
                assertThat(rs.getDouble(9)).isEqualTo(2.25);
                assertThat(rs.getObject(10, LocalDate.class)).isEqualTo(LocalDate.of(2020, 1, 2));
                assertThat(rs.getObject(11, LocalDate.class)).isEqualTo(LocalDate.of(2021, 3, 4));
                assertThat(rs.getString(12)).isNull();
                assertThat(rs.wasNull()).isTrue();
                assertThat(rs.getObject(13, LocalTime.class)).isEqualTo(LocalTime.of(1, 2, 3));
                assertThat(rs.getString(14)).isEqualTo("integer");
                assertThat(rs.getString(15)).startsWith("timestamp");
            }
        }
    }

    /**
     * The conversions of JDBC's Table B-4/B-5 that a framework sends, through the real driver and athena-local: a
     * Calendar (a TIMESTAMP), a TIME_WITH_TIMEZONE target (Hibernate 6's OffsetTime binding, here as a JDBCType), a
     * DECIMAL scale of 0, a number as BOOLEAN, a Time as TIMESTAMP.
     */
    @Test
    void setObjectConversionsFrameworksSendRunAsBound() throws SQLException {
        try (PreparedStatement ps = shared.get().prepareStatement("SELECT ?, ?, ?, ?, ?")) {
            java.util.Calendar utc = new java.util.GregorianCalendar(java.util.TimeZone.getTimeZone("UTC"));
            utc.setTimeInMillis(java.time.Instant.parse("2024-01-02T03:04:05Z").toEpochMilli());
            ps.setObject(1, utc);
            ps.setObject(2, java.time.OffsetTime.of(1, 2, 3, 0, java.time.ZoneOffset.UTC), java.sql.JDBCType.TIME_WITH_TIMEZONE);
            ps.setObject(3, new BigDecimal("2.5"), Types.DECIMAL, 0);
            ps.setObject(4, 1.0d, Types.BOOLEAN);
            ps.setObject(5, java.sql.Time.valueOf("10:11:12"), Types.TIMESTAMP);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getObject(1, LocalDateTime.class)).isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5));
                assertThat(rs.getObject(2, LocalTime.class)).isEqualTo(LocalTime.of(1, 2, 3));
                assertThat(rs.getBigDecimal(3)).isEqualTo(new BigDecimal("3"));
                assertThat(rs.getObject(4)).isEqualTo(true);
                assertThat(rs.getObject(5, LocalDateTime.class)).isEqualTo(LocalDateTime.of(1970, 1, 1, 10, 11, 12));
            }
        }
    }

    /**
     * Every refusal of a parameter's value (class 22) is a java.sql.SQLDataException, as JDBC 4.3 (Table 8-1) has a
     * driver throw for the class and as the getters already do: a caller catching SQLDataException around its
     * setters missed these, which were plain SQLExceptions. The message names the target type by its JDBC name.
     */
    @Test
    void valuesThatCannotBeBoundAreSqlDataExceptions() throws SQLException {
        try (PreparedStatement ps = shared.get().prepareStatement("SELECT ?")) {
            assertThatThrownBy(() -> ps.setObject(1, java.time.LocalDate.of(2024, 3, 5), java.sql.Types.INTEGER))
                    .isInstanceOf(java.sql.SQLDataException.class).hasMessageContaining("INTEGER")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22018"));
            assertThatThrownBy(() -> ps.setObject(1, "x", java.sql.JDBCType.DATE))
                    .isInstanceOf(java.sql.SQLDataException.class).hasMessageContaining("DATE")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22018"));
            assertThatThrownBy(() -> ps.setBigDecimal(1, new BigDecimal("1E+40")))
                    .isInstanceOf(java.sql.SQLDataException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22003"));
            assertThatThrownBy(() -> ps.setBinaryStream(1, new java.io.ByteArrayInputStream(new byte[] {1}), 5))
                    .isInstanceOf(java.sql.SQLDataException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22026"));
        }
    }

    /**
     * A stream given with a length is that many bytes (characters for a Reader), as JDBC defines the length: the rest of
     * the stream is left unread. A stream that ends before its length is refused (22026), naming the parameter.
     */
    @Test
    void streamsWithALengthAreReadForThatLength() throws SQLException {
        try (PreparedStatement ps = shared.get().prepareStatement("SELECT ?, ?, ?, ?")) {
            java.io.ByteArrayInputStream bytes = new java.io.ByteArrayInputStream(new byte[] {1, 2, 3, 4});
            ps.setBinaryStream(1, bytes, 2);
            java.io.StringReader text = new java.io.StringReader("abcdef");
            ps.setCharacterStream(2, text, 3L);
            ps.setAsciiStream(3, new java.io.ByteArrayInputStream("xyz".getBytes(StandardCharsets.US_ASCII)), 1);
            ps.setBinaryStream(4, new java.io.ByteArrayInputStream(new byte[] {9, 8}));
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBytes(1)).containsExactly(1, 2);
                assertThat(rs.getString(2)).isEqualTo("abc");
                assertThat(rs.getString(3)).isEqualTo("x");
                assertThat(rs.getBytes(4)).containsExactly(9, 8);
            }
            assertThat(bytes.read()).isEqualTo(3);
            assertThatThrownBy(() -> ps.setBinaryStream(1, new java.io.ByteArrayInputStream(new byte[] {1}), 5))
                    .isInstanceOf(SQLException.class).hasMessageContaining("Parameter 1").hasMessageContaining("1 of the 5")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22026"));
            assertThatThrownBy(() -> ps.setCharacterStream(2, new java.io.StringReader("ab"), 3))
                    .isInstanceOf(SQLException.class).hasMessageContaining("Parameter 2")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22026"));
            assertThatThrownBy(() -> ps.setBinaryStream(1, new java.io.ByteArrayInputStream(new byte[] {1}), -1))
                    .isInstanceOf(SQLException.class).hasMessageContaining("Parameter 1")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("HY024"));
        }
    }

    @Test
    void noValueCanChangeTheStatementsMeaning() throws SQLException {
        List<String> attempts = Arrays.asList("'; DROP TABLE demo.customers; --", "' OR '1'='1", "\\'", "a\\", "\\\\'",
                "\u2019; SELECT 1 --", "\u02bc) OR (1=1", "x\u0000y", "?", "/* ", "*/ 1", "-- x\n", "\"c\"", "{fn ucase('a')}",
                "日本語 ' \"");
        try (PreparedStatement ps = shared.get().prepareStatement("SELECT ? AS v, 'tail' AS t")) {
            for (String attempt : attempts) {
                ps.setString(1, attempt);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).as(attempt).isEqualTo(attempt);
                    assertThat(rs.getString(2)).isEqualTo("tail");
                    assertThat(rs.next()).isFalse();
                }
            }
        }
        try (PreparedStatement ps = shared.get().prepareStatement("SELECT count(*) FROM demo.customers WHERE name = ?")) {
            ps.setString(1, "' OR '1'='1");
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isZero();
            }
        }
    }

    @Test
    void ddlWithoutExecutionParametersRendersValuesWithHiveEscapingThatNoValueEscapes() throws SQLException {
        String db = "prepared_ddl_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = Connections.admin(athena); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE DATABASE " + db);
            s.executeUpdate("CREATE EXTERNAL TABLE " + db + ".t (id int) LOCATION 's3://" + LocalAthena.DEMO_BUCKET
                    + "/driver-tests/" + db + "/t/'");
            List<String> attempts = Arrays.asList("\u2019); DROP TABLE " + db + ".t; --", "\u02bc , \"other\" = x",
                    "-- x", "/* y", "\"q\"", "日本語");
            try (PreparedStatement ps = c.prepareStatement("ALTER TABLE " + db + ".t SET TBLPROPERTIES ('note' = ?)")) {
                for (String attempt : attempts) {
                    ps.setString(1, attempt);
                    assertThat(ps.execute()).isFalse();
                    String note = null;
                    try (ResultSet rs = s.executeQuery("SHOW TBLPROPERTIES " + db + ".t")) {
                        while (rs.next()) {
                            if ("note".equals(rs.getString(1))) {
                                note = rs.getString(2);
                            }
                            assertThat(rs.getString(1)).isNotEqualTo("other");
                        }
                    }
                    assertThat(note).as(attempt).isEqualTo(attempt);
                }
                for (String refused : Arrays.asList("it's", "'); DROP TABLE " + db + ".t; --", "a\\", "x\u0000y")) {
                    ps.setString(1, refused);
                    assertThatThrownBy(ps::execute).as(refused).isInstanceOf(SQLException.class)
                            .hasMessageContaining("cannot be written safely");
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + db + ".t")) {
                assertThat(rs.next()).isTrue(); // the table survived every attempt
            }
            s.executeUpdate("DROP DATABASE " + db + " CASCADE");
        }
    }

    @Test
    void placeholdersAreCountedAsAthenaCountsThem() throws SQLException {
        try (PreparedStatement ps = shared.get().prepareStatement(
                "SELECT '?' AS \"a?\", ? /* ? */ AS b -- ?\n, ? AS c")) {
            assertThat(ps.getParameterMetaData().getParameterCount()).isEqualTo(2);
            ps.setInt(1, 1);
            ps.setString(2, "x");
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("?");
                assertThat(rs.getInt(2)).isEqualTo(1);
                assertThat(rs.getString(3)).isEqualTo("x");
            }
        }
    }

    @Test
    void aMissingParameterIs07001BeforeAnyQueryStarts() throws SQLException {
        try (PreparedStatement ps = shared.get().prepareStatement("SELECT ?, ?")) {
            ps.setInt(1, 1);
            assertThatThrownBy(ps::executeQuery).isInstanceOf(SQLException.class)
                    .hasMessageContaining("Parameter 2 of 2 is not set")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("07001"));
            assertThat(ps.unwrap(AthenaStatement.class).getQueryExecutionId()).isNull();
            assertThatThrownBy(() -> ps.setInt(3, 1)).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("07009"));
            assertThatThrownBy(() -> ps.executeQuery("SELECT 1")).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void oneStatementIsReusedWithNewValuesAndClearParametersForgetsThem() throws SQLException {
        try (PreparedStatement ps = shared.get().prepareStatement("SELECT ? * 2")) {
            for (int i = 0; i < 3; i++) {
                ps.setInt(1, i);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).isEqualTo(i * 2);
                }
            }
            ps.clearParameters();
            assertThatThrownBy(ps::execute).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("07001"));
        }
    }

    @Test
    void metadataBeforeExecutionAndParameterMetadata() throws SQLException {
        try (PreparedStatement ps = shared.get().prepareStatement("SELECT id, name FROM demo.customers WHERE id = ?")) {
            ResultSetMetaData md = ps.getMetaData();
            assertThat(md.getColumnCount()).isEqualTo(2);
            assertThat(md.getColumnName(1)).isEqualTo("id");
            assertThat(md.getColumnType(1)).isEqualTo(Types.INTEGER);
            ps.setLong(1, 1);
            ParameterMetaData pmd = ps.getParameterMetaData();
            assertThat(pmd.getParameterType(1)).isEqualTo(Types.BIGINT);
            assertThat(pmd.getParameterTypeName(1)).isEqualTo("bigint");
            assertThat(pmd.getParameterClassName(1)).isEqualTo(Long.class.getName());
        }
        try (PreparedStatement ps = shared.get().prepareStatement("INSERT INTO demo.customers VALUES (?, ?)")) {
            assertThat(ps.getMetaData()).isNull();
        }
    }

    @Test
    void batchesRunInOrderWithCountsAndNameTheItemThatFailed() throws SQLException {
        String db = "prepared_" + UUID.randomUUID().toString().substring(0, 8);
        String prefix = "driver-tests/" + db + "/people/";
        athena.buckets().put(LocalAthena.DEMO_BUCKET, prefix + "data.csv", "0,zero\n".getBytes(StandardCharsets.UTF_8));
        // One query per item, the path without the rewrite (RewrittenBatchTest has the rewritten batches).
        try (Connection c = Connections.admin(athena, "RewriteBatchedInserts=false"); Statement s = c.createStatement()) {
            s.addBatch("CREATE DATABASE " + db);
            s.addBatch("CREATE EXTERNAL TABLE " + db + ".people (id int, name string) "
                    + "ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' LOCATION 's3://" + LocalAthena.DEMO_BUCKET + "/"
                    + prefix + "'");
            assertThat(s.executeBatch()).hasSize(2);

            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + db + ".people VALUES (?, ?)")) {
                for (int i = 1; i <= 3; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, "name '" + i);
                    ps.addBatch();
                }
                assertThat(ps.executeBatch()).containsExactly(1, 1, 1);

                ps.setInt(1, 9);
                ps.setString(2, "never written");
                ps.addBatch();
                ps.clearParameters();
                ps.setInt(1, 10);
                ps.addBatch();
                assertThatThrownBy(ps::executeBatch).isInstanceOf(SQLException.class)
                        .hasMessageContaining("Batch item 2 of 2: parameter 2 of 2 is not set; nothing in the batch was run")
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("07001"));

                ps.setInt(1, 4);
                ps.setString(2, "four");
                ps.addBatch();
                ps.setString(1, "not a number");
                ps.setString(2, "five");
                ps.addBatch();
                ps.setInt(1, 6);
                ps.addBatch();
                assertThatThrownBy(ps::executeBatch).isInstanceOf(BatchUpdateException.class)
                        .hasMessageContaining("Batch item 2 of 3 failed")
                        .satisfies(e -> assertThat(((BatchUpdateException) e).getUpdateCounts()).containsExactly(1));
            }
            List<String> names = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT name FROM " + db + ".people ORDER BY id")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            assertThat(names).containsExactly("zero", "name '1", "name '2", "name '3", "four");
            s.executeUpdate("DROP DATABASE " + db + " CASCADE");
        }
    }
}
