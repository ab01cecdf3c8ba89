package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Struct;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The conformance suite, after Trino's BaseTestJdbcResultSet: for each SQL literal of each type, the JDBC type,
 * type name, class and value through each getter, run with the JVM default zone set to each of UTC,
 * Europe/Warsaw, America/Denver and Asia/Kathmandu (restored after each run; surefire runs test classes one
 * at a time in one JVM); and the same values bound as parameters come back equal.
 */
@ExtendWith(LocalAthenaExtension.class)
class TypeConformanceTest {

    private static LocalAthena athena;

    @RegisterExtension
    static final Connections.PerClass shared = Connections.connectyUserPerClass(() -> athena);

    /** What one column must show: checked with the JVM zone set, given the zone. */
    @FunctionalInterface
    private interface Check {
        void check(ResultSet rs, int column, ZoneId zone) throws SQLException;
    }

    private static final class Case {
        final String literal;
        final int jdbcType;
        final String typeName;
        final Class<?> javaClass;
        final Check check;

        Case(String literal, int jdbcType, String typeName, Class<?> javaClass, Check check) {
            this.literal = literal;
            this.jdbcType = jdbcType;
            this.typeName = typeName;
            this.javaClass = javaClass;
            this.check = check;
        }
    }

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("true", Types.BOOLEAN, "boolean", Boolean.class, (rs, i, zone) -> {
            assertThat(rs.getBoolean(i)).isTrue();
            assertThat(rs.getString(i)).isEqualTo("true");
            assertThat(rs.getInt(i)).isEqualTo(1);
        }));
        cases.add(new Case("TINYINT '7'", Types.TINYINT, "tinyint", Integer.class, (rs, i, zone) -> {
            assertThat(rs.getByte(i)).isEqualTo((byte) 7);
            assertThat(rs.getObject(i)).isEqualTo(7);
            assertThat(rs.getBigDecimal(i)).isEqualTo(new BigDecimal("7"));
        }));
        cases.add(new Case("SMALLINT '300'", Types.SMALLINT, "smallint", Integer.class, (rs, i, zone) -> {
            assertThat(rs.getShort(i)).isEqualTo((short) 300);
            assertThat(rs.getObject(i)).isEqualTo(300);
        }));
        cases.add(new Case("42", Types.INTEGER, "integer", Integer.class, (rs, i, zone) -> {
            assertThat(rs.getInt(i)).isEqualTo(42);
            assertThat(rs.getLong(i)).isEqualTo(42L);
            assertThat(rs.getDouble(i)).isEqualTo(42d);
            assertThat(rs.getString(i)).isEqualTo("42");
        }));
        cases.add(new Case("BIGINT '9223372036854775807'", Types.BIGINT, "bigint", Long.class, (rs, i, zone) -> {
            assertThat(rs.getLong(i)).isEqualTo(Long.MAX_VALUE);
            assertThat(rs.getObject(i)).isEqualTo(Long.MAX_VALUE);
        }));
        cases.add(new Case("REAL '0.5'", Types.REAL, "float", Float.class, (rs, i, zone) -> {
            assertThat(rs.getFloat(i)).isEqualTo(0.5f);
            assertThat(rs.getObject(i)).isEqualTo(0.5f);
        }));
        cases.add(new Case("DOUBLE '2.25'", Types.DOUBLE, "double", Double.class, (rs, i, zone) -> {
            assertThat(rs.getDouble(i)).isEqualTo(2.25d);
            assertThat(rs.getObject(i)).isEqualTo(2.25d);
            assertThat(rs.getBigDecimal(i)).isEqualByComparingTo("2.25");
        }));
        cases.add(new Case("CAST('-0.0' AS DOUBLE)", Types.DOUBLE, "double", Double.class, (rs, i, zone) ->
                assertThat(Double.doubleToRawLongBits(rs.getDouble(i))).isEqualTo(Double.doubleToRawLongBits(-0.0d))));
        cases.add(new Case("DECIMAL '123.4500'", Types.DECIMAL, "decimal", BigDecimal.class, (rs, i, zone) -> {
            assertThat(rs.getBigDecimal(i)).isEqualTo(new BigDecimal("123.4500"));
            assertThat(rs.getMetaData().getPrecision(i)).isEqualTo(7);
            assertThat(rs.getMetaData().getScale(i)).isEqualTo(4);
            assertThat(rs.getInt(i)).isEqualTo(123);
        }));
        cases.add(new Case("'hello'", Types.VARCHAR, "varchar", String.class, (rs, i, zone) -> {
            assertThat(rs.getString(i)).isEqualTo("hello");
            assertThat(rs.getObject(i)).isEqualTo("hello");
        }));
        cases.add(new Case("X'CAFE'", Types.VARBINARY, "varbinary", byte[].class, (rs, i, zone) ->
                assertThat(rs.getBytes(i)).containsExactly(0xCA, 0xFE)));
        cases.add(new Case("DATE '2024-02-29'", Types.DATE, "date", Date.class, (rs, i, zone) -> {
            assertThat(rs.getDate(i)).isEqualTo(Date.valueOf("2024-02-29"));
            assertThat(rs.getDate(i).toString()).isEqualTo("2024-02-29");
            assertThat(rs.getObject(i, LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 29));
            Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
            assertThat(rs.getDate(i, utc).getTime()).isEqualTo(Instant.parse("2024-02-29T00:00:00Z").toEpochMilli());
        }));
        cases.add(new Case("DATE '1500-03-04'", Types.DATE, "date", Date.class, (rs, i, zone) -> {
            // Before 1582: java.sql.Date prints the text Athena sent; java.time is proleptic Gregorian and exact.
            assertThat(rs.getDate(i).toString()).isEqualTo("1500-03-04");
            assertThat(rs.getObject(i, LocalDate.class)).isEqualTo(LocalDate.of(1500, 3, 4));
        }));
        cases.add(new Case("TIMESTAMP '2024-01-02 03:04:05.123'", Types.TIMESTAMP, "timestamp", Timestamp.class,
                (rs, i, zone) -> {
                    assertThat(rs.getTimestamp(i)).isEqualTo(Timestamp.valueOf("2024-01-02 03:04:05.123"));
                    assertThat(rs.getTimestamp(i).toInstant())
                            .isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_000_000).atZone(zone).toInstant());
                    Calendar kathmandu = Calendar.getInstance(TimeZone.getTimeZone("Asia/Kathmandu"));
                    assertThat(rs.getTimestamp(i, kathmandu).toInstant()).isEqualTo(Instant.parse("2024-01-01T21:19:05.123Z"));
                    assertThat(rs.getObject(i, LocalDateTime.class)).isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_000_000));
                    assertThat(rs.getString(i)).isEqualTo("2024-01-02 03:04:05.123");
                }));
        cases.add(new Case("TIMESTAMP '2021-03-28 02:30:00.000'", Types.TIMESTAMP, "timestamp", Timestamp.class,
                (rs, i, zone) -> {
                    // 02:30 does not exist in Warsaw that day (DST starts): java.sql moves it forward by the gap.
                    LocalDateTime expected = zone.getId().equals("Europe/Warsaw")
                            ? LocalDateTime.of(2021, 3, 28, 3, 30) : LocalDateTime.of(2021, 3, 28, 2, 30);
                    assertThat(rs.getTimestamp(i).toLocalDateTime()).isEqualTo(expected);
                    assertThat(rs.getObject(i, LocalDateTime.class)).isEqualTo(LocalDateTime.of(2021, 3, 28, 2, 30));
                }));
        cases.add(new Case("TIMESTAMP '2020-01-01 00:00:00.123456'", Types.TIMESTAMP, "timestamp", Timestamp.class,
                (rs, i, zone) -> {
                    // Every fraction digit the text has is kept (athena-local renders this literal with 3 digits
                    // where Athena renders timestamp(6) with 6; the driver keeps whichever arrives).
                    String text = rs.getString(i);
                    String fraction = (text.substring(text.indexOf('.') + 1) + "000000000").substring(0, 9);
                    assertThat(rs.getTimestamp(i).getNanos()).isEqualTo(Integer.parseInt(fraction));
                    assertThat(rs.getTimestamp(i).getNanos()).isGreaterThanOrEqualTo(123_000_000);
                }));
        cases.add(new Case("CAST(TIMESTAMP '2020-01-01 00:00:00.123456' AS timestamp(6))", Types.TIMESTAMP,
                "timestamp", Timestamp.class, (rs, i, zone) -> {
                    // A declared precision prints that many digits, and every one of them reaches the getters.
                    assertThat(rs.getString(i)).isEqualTo("2020-01-01 00:00:00.123456");
                    assertThat(rs.getTimestamp(i).getNanos()).isEqualTo(123_456_000);
                    assertThat(rs.getObject(i, LocalDateTime.class)).isEqualTo(LocalDateTime.of(2020, 1, 1, 0, 0, 0, 123_456_000));
                }));
        cases.add(new Case("CAST(TIMESTAMP '2020-01-01 00:00:01.4' AS timestamp(0))", Types.TIMESTAMP, "timestamp",
                Timestamp.class, (rs, i, zone) -> {
                    assertThat(rs.getString(i)).isEqualTo("2020-01-01 00:00:01");
                    assertThat(rs.getTimestamp(i)).isEqualTo(Timestamp.valueOf("2020-01-01 00:00:01"));
                }));
        cases.add(new Case("TIMESTAMP '2020-01-01 10:00:00.000 UTC'", Types.TIMESTAMP_WITH_TIMEZONE,
                "timestamp with time zone", Timestamp.class, (rs, i, zone) -> {
                    assertThat(rs.getObject(i, OffsetDateTime.class))
                            .isEqualTo(OffsetDateTime.of(2020, 1, 1, 10, 0, 0, 0, ZoneOffset.UTC));
                    assertThat(rs.getObject(i, ZonedDateTime.class).toInstant()).isEqualTo(Instant.parse("2020-01-01T10:00:00Z"));
                    assertThat(rs.getTimestamp(i).toInstant()).isEqualTo(Instant.parse("2020-01-01T10:00:00Z"));
                    // getDate: the instant's day in the JVM's zone (2020-01-01 in every zone of the suite), as a
                    // java.sql.Date is: midnight of that day, equal to Date.valueOf of it.
                    assertThat(rs.getDate(i)).isEqualTo(Date.valueOf(LocalDate.of(2020, 1, 1)));
                    Calendar kathmandu = Calendar.getInstance(TimeZone.getTimeZone("Asia/Kathmandu"));
                    // getTime: its time of day there (15:45), on 1970-01-01 there (when Kathmandu was at +05:30).
                    assertThat(rs.getTime(i, kathmandu).getTime()).isEqualTo(LocalDate.EPOCH.atTime(15, 45)
                            .atZone(ZoneId.of("Asia/Kathmandu")).toInstant().toEpochMilli());
                }));
        cases.add(new Case("TIME '01:02:03.456'", Types.TIME, "time", Time.class, (rs, i, zone) -> {
            assertThat(rs.getObject(i, LocalTime.class)).isEqualTo(LocalTime.of(1, 2, 3, 456_000_000));
            assertThat(rs.getTime(i).toString()).isEqualTo("01:02:03");
        }));
        cases.add(new Case("ARRAY[1, 2, NULL]", Types.ARRAY, "array", Array.class, (rs, i, zone) -> {
            Object[] elements = (Object[]) rs.getArray(i).getArray();
            assertThat(elements).containsExactly("1", "2", null);
            try (ResultSet elementRows = rs.getArray(i).getResultSet()) {
                assertThat(elementRows.next()).isTrue();
                assertThat(elementRows.getInt(2)).isEqualTo(1);
            }
        }));
        cases.add(new Case("MAP(ARRAY['a', 'b'], ARRAY[1, 2])", Types.JAVA_OBJECT, "map", Map.class, (rs, i, zone) ->
                assertThat(rs.getObject(i)).isEqualTo(Map.of("a", "1", "b", "2"))));
        cases.add(new Case("CAST(ROW(1, 'x') AS ROW(id INTEGER, name VARCHAR))", Types.STRUCT, "row", Struct.class,
                (rs, i, zone) -> assertThat(((Struct) rs.getObject(i)).getAttributes()).containsExactly("1", "x")));
        cases.add(new Case("CAST(ARRAY['a, b', 'c=d'] AS JSON)", Types.OTHER, "json", String.class, (rs, i, zone) ->
                assertThat((Object[]) rs.getArray(i).getArray()).containsExactly("a, b", "c=d")));
        cases.add(new Case("INTERVAL '1' DAY", Types.OTHER, "interval day to second", String.class, (rs, i, zone) ->
                assertThat(rs.getString(i)).startsWith("1 00:00:00")));
        cases.add(new Case("CAST(NULL AS INTEGER)", Types.INTEGER, "integer", Integer.class, (rs, i, zone) -> {
            assertThat(rs.getInt(i)).isZero();
            assertThat(rs.wasNull()).isTrue();
            assertThat(rs.getObject(i)).isNull();
        }));
        return cases;
    }

    @ParameterizedTest(name = "JVM zone {0}")
    @ValueSource(strings = {"UTC", "Europe/Warsaw", "America/Denver", "Asia/Kathmandu"})
    void everyLiteralThroughEveryGetter(String zoneName) throws SQLException {
        TimeZone saved = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone(zoneName));
        try {
            ZoneId zone = ZoneId.of(zoneName);
            List<Case> cases = cases();
            String sql = "SELECT " + cases.stream().map(c -> c.literal).collect(Collectors.joining(", "));
            try (Statement s = shared.get().createStatement(); ResultSet rs = s.executeQuery(sql)) {
                assertThat(rs.next()).isTrue();
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 1; i <= cases.size(); i++) {
                    Case c = cases.get(i - 1);
                    assertThat(md.getColumnType(i)).as(c.literal).isEqualTo(c.jdbcType);
                    assertThat(md.getColumnTypeName(i)).as(c.literal).isEqualTo(c.typeName);
                    assertThat(md.getColumnClassName(i)).as(c.literal).isEqualTo(c.javaClass.getName());
                    Object value = rs.getObject(i);
                    if (value != null) {
                        assertThat(value).as(c.literal).isInstanceOf(c.javaClass);
                    }
                    c.check.check(rs, i, zone);
                }
            }
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    @ParameterizedTest(name = "JVM zone {0}")
    @ValueSource(strings = {"UTC", "Europe/Warsaw", "America/Denver", "Asia/Kathmandu"})
    void theSameValuesBoundAsParametersComeBackEqual(String zoneName) throws SQLException {
        TimeZone saved = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone(zoneName));
        try {
            Object[] values = {true, 42, Long.MAX_VALUE, 0.5f, 2.25d, new BigDecimal("123.4500"), "it's \u2019 \\",
                    new byte[] {(byte) 0xCA, (byte) 0xFE}, Date.valueOf("2024-02-29"), Date.valueOf("1500-03-04"),
                    Timestamp.valueOf("2024-01-02 03:04:05.123"), Timestamp.valueOf("2020-01-01 00:00:00.5"),
                    LocalDate.of(2020, 1, 2), LocalDateTime.of(2021, 3, 28, 2, 30)};
            String sql = "SELECT " + String.join(", ", java.util.Collections.nCopies(values.length, "?"));
            try (PreparedStatement ps = shared.get().prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    ps.setObject(i + 1, values[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    for (int i = 0; i < values.length; i++) {
                        Object expected = values[i];
                        Object actual = expected instanceof LocalDate || expected instanceof LocalDateTime
                                ? rs.getObject(i + 1, expected.getClass()) : rs.getObject(i + 1);
                        if (expected instanceof byte[]) {
                            assertThat((byte[]) actual).isEqualTo(expected);
                        } else if (expected instanceof Date) {
                            assertThat(actual.toString()).as("%s in %s", expected, zoneName).isEqualTo(expected.toString());
                        } else {
                            assertThat(actual).as("%s in %s", expected, zoneName).isEqualTo(expected);
                        }
                    }
                }
            }
        } finally {
            TimeZone.setDefault(saved);
        }
    }
}
