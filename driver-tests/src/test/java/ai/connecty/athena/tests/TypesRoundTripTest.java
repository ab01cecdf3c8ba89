package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every Athena type, from literals and from the demo's {@code all_types} table, through the JDBC getters. */
@ExtendWith(LocalAthenaExtension.class)
class TypesRoundTripTest {

    private static LocalAthena athena;

    @RegisterExtension
    static final Connections.PerClass shared = Connections.connectyUserPerClass(() -> athena);

    @Test
    void scalarLiteralsComeBackAsTheirJavaTypes() throws SQLException {
        try (Statement s = shared.get().createStatement();
             ResultSet rs = s.executeQuery("SELECT true AS b, CAST(7 AS TINYINT) AS t, CAST(300 AS SMALLINT) AS sm, "
                     + "42 AS i, 9223372036854775807 AS big, REAL '0.5' AS r, DOUBLE '2.25' AS d, "
                     + "DECIMAL '123.4500' AS dec, 'hello' AS v, X'CAFE' AS bin, DATE '2024-02-29' AS dt, "
                     + "TIMESTAMP '2024-01-02 03:04:05.123' AS ts")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getObject("b")).isEqualTo(Boolean.TRUE);
            assertThat(rs.getObject("t")).isEqualTo(7);
            assertThat(rs.getObject("sm")).isEqualTo(300);
            assertThat(rs.getObject("i")).isEqualTo(42);
            assertThat(rs.getObject("big")).isEqualTo(Long.MAX_VALUE);
            assertThat(rs.getObject("r")).isEqualTo(0.5f);
            assertThat(rs.getObject("d")).isEqualTo(2.25d);
            assertThat(rs.getObject("dec")).isEqualTo(new BigDecimal("123.4500"));
            assertThat(rs.getObject("v")).isEqualTo("hello");
            assertThat((byte[]) rs.getObject("bin")).containsExactly(0xCA, 0xFE);
            assertThat(rs.getObject("dt")).isEqualTo(Date.valueOf("2024-02-29"));
            assertThat(rs.getObject("ts")).isEqualTo(Timestamp.valueOf("2024-01-02 03:04:05.123"));

            assertThat(rs.getString("dec")).isEqualTo("123.4500");
            assertThat(rs.getString("ts")).isEqualTo("2024-01-02 03:04:05.123");
            assertThat(rs.getString("b")).isEqualTo("true");
            assertThat(rs.getInt("t")).isEqualTo(7);
            assertThat(rs.getLong("i")).isEqualTo(42L);
            assertThat(rs.getBigDecimal("i")).isEqualByComparingTo("42");
            assertThat(rs.getDouble("r")).isEqualTo(0.5d);
            assertThat(rs.getObject("dt", LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 29));
            assertThat(rs.getObject("ts", LocalDateTime.class)).isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_000_000));
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void timestampWithTimeZoneKeepsItsOffset() throws SQLException {
        try (Statement s = shared.get().createStatement();
             ResultSet rs = s.executeQuery("SELECT TIMESTAMP '2024-01-02 03:04:05.123 UTC' AS tz")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getMetaData().getColumnType(1)).isEqualTo(Types.TIMESTAMP_WITH_TIMEZONE);
            assertThat(rs.getObject(1, OffsetDateTime.class).toInstant())
                    .isEqualTo(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 123_000_000, ZoneOffset.UTC).toInstant());
        }
    }

    @Test
    void nullAndEmptyStringAreDifferent() throws SQLException {
        try (Statement s = shared.get().createStatement();
             ResultSet rs = s.executeQuery("SELECT CAST(NULL AS VARCHAR) AS n, '' AS e, CAST(NULL AS INTEGER) AS ni")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("n")).isNull();
            assertThat(rs.wasNull()).isTrue();
            assertThat(rs.getString("e")).isEqualTo("");
            assertThat(rs.wasNull()).isFalse();
            assertThat(rs.getInt("ni")).isZero();
            assertThat(rs.wasNull()).isTrue();
            assertThat(rs.getObject("ni")).isNull();
        }
    }

    @Test
    void allTypesTableFirstRow() throws SQLException {
        try (Statement s = shared.get().createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM demo.all_types WHERE c_int = 3")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean("c_boolean")).isTrue();
            assertThat(rs.getInt("c_tinyint")).isEqualTo(1);
            assertThat(rs.getInt("c_smallint")).isEqualTo(2);
            assertThat(rs.getInt("c_int")).isEqualTo(3);
            assertThat(rs.getLong("c_bigint")).isEqualTo(4L);
            assertThat(rs.getFloat("c_float")).isEqualTo(1.5f);
            assertThat(rs.getDouble("c_double")).isEqualTo(2.25d);
            assertThat(rs.getBigDecimal("c_decimal")).isEqualTo(new BigDecimal("12.34"));
            assertThat(rs.getBigDecimal("c_decimal38")).isEqualTo(new BigDecimal("1.123456789"));
            assertThat(rs.getString("c_string")).isEqualTo("hello");
            assertThat(rs.getString("c_varchar")).isEqualTo("short");
            assertThat(rs.getString("c_char")).isEqualTo("abc  ");
            assertThat(rs.getBytes("c_binary")).containsExactly(1, 2);
            assertThat(rs.getDate("c_date")).isEqualTo(Date.valueOf("2024-02-29"));
            assertThat(rs.getTimestamp("c_timestamp")).isEqualTo(Timestamp.valueOf("2024-02-29 12:34:56.789"));
            assertThat(rs.getString("c_array")).isEqualTo("[1, 2, 3]");
            assertThat(rs.getString("c_map")).isEqualTo("{k=v}");
            assertThat(rs.getString("c_struct")).isEqualTo("{a=1, b=x}");
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void allTypesTableNullsEmptiesAndExtremes() throws SQLException {
        try (Statement s = shared.get().createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM demo.all_types ORDER BY c_int NULLS LAST")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt("c_int")).isEqualTo(-3);
            assertThat(rs.getBoolean("c_boolean")).isFalse();
            assertThat(rs.wasNull()).isFalse();
            assertThat(rs.getLong("c_bigint")).isEqualTo(Long.MAX_VALUE);
            assertThat(rs.getFloat("c_float")).isNaN();
            assertThat(rs.getDouble("c_double")).isEqualTo(1e20);
            assertThat(rs.getBigDecimal("c_decimal")).isEqualTo(new BigDecimal("-0.50"));
            assertThat(rs.getString("c_string")).isEqualTo("a\"b,c");
            assertThat(rs.getBytes("c_binary")).isEmpty();
            assertThat(rs.getString("c_array")).isEqualTo("[null, 4]");

            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt("c_int")).isEqualTo(3);

            assertThat(rs.next()).isTrue();
            assertThat(rs.getObject("c_int")).isNull();
            assertThat(rs.getString("c_string")).isEqualTo("");
            assertThat(rs.wasNull()).isFalse();
            assertThat(rs.getString("c_varchar")).isEqualTo("");
            assertThat(rs.getString("c_char")).isNull();
            assertThat(rs.wasNull()).isTrue();
            assertThat(rs.getDate("c_date")).isNull();
            assertThat(rs.getTimestamp("c_timestamp")).isNull();
            assertThat(rs.getBigDecimal("c_decimal38")).isNull();
            assertThat(rs.getString("c_array")).isEqualTo("[]");
            assertThat(rs.getString("c_map")).isEqualTo("{}");
            assertThat(rs.getString("c_struct")).isNull();
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void resultSetMetaDataDescribesAthenaTypes() throws SQLException {
        try (Statement s = shared.get().createStatement();
             ResultSet rs = s.executeQuery("SELECT c_boolean, c_int, c_bigint, c_double, c_decimal, c_string, c_date, "
                     + "c_timestamp, c_array FROM demo.all_types")) {
            ResultSetMetaData md = rs.getMetaData();
            assertThat(md.getColumnCount()).isEqualTo(9);
            assertThat(md.getColumnLabel(1)).isEqualTo("c_boolean");
            assertThat(md.getColumnType(1)).isEqualTo(Types.BOOLEAN);
            assertThat(md.getColumnType(2)).isEqualTo(Types.INTEGER);
            assertThat(md.getColumnTypeName(2)).isEqualTo("integer");
            assertThat(md.getColumnType(3)).isEqualTo(Types.BIGINT);
            assertThat(md.getColumnType(4)).isEqualTo(Types.DOUBLE);
            assertThat(md.getColumnType(5)).isEqualTo(Types.DECIMAL);
            assertThat(md.getColumnTypeName(5)).isEqualTo("decimal");
            assertThat(md.getPrecision(5)).isEqualTo(10);
            assertThat(md.getScale(5)).isEqualTo(2);
            assertThat(md.getColumnType(6)).isEqualTo(Types.VARCHAR);
            assertThat(md.getColumnTypeName(6)).isEqualTo("varchar");
            assertThat(md.getColumnType(7)).isEqualTo(Types.DATE);
            assertThat(md.getColumnType(8)).isEqualTo(Types.TIMESTAMP);
            assertThat(md.getColumnType(9)).isEqualTo(Types.ARRAY);
            assertThat(md.getColumnClassName(2)).isEqualTo(Integer.class.getName());
            assertThat(md.getColumnClassName(5)).isEqualTo(BigDecimal.class.getName());
        }
    }
}
