package ai.connecty.athena.jdbc.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One row holding every Athena type as GetQueryResults renders it (measured behaviour §3.1), read through every
 * getter a tool uses: the text comes back unchanged, getObject gives JDBC's default classes, the java.time classes
 * and boxed types convert where they make sense and fail with a SQLState where they do not.
 */
class EveryAthenaTypeTest {
    private static final String[][] VALUES = {
            {"boolean", "true"}, {"tinyint", "-128"}, {"smallint", "32767"}, {"integer", "2147483647"},
            {"bigint", "9223372036854775807"}, {"float", "1.5"}, {"double", "1.0E20"}, {"decimal", "12.50"},
            {"varchar", "it's"}, {"char", "ab "}, {"varbinary", "01 0a ff"}, {"date", "2020-01-01"},
            {"timestamp", "2020-01-01 00:00:00.000"}, {"timestamp with time zone", "2026-09-17 12:34:56.789 UTC"},
            {"time", "12:34:56.789"}, {"time with time zone", "12:34:56.789+05:30"}, {"array", "[1, 2, null]"},
            {"map", "{j=2, k=1}"}, {"row", "{id=1, name=x}"}, {"json", "{\"a\":1}"},
            {"interval day to second", "1 00:00:00.000"}, {"interval year to month", "1-0"},
            {"uuid", "12151fd2-7586-11e9-8f9e-2a86e4085a59"}, {"ipaddress", "10.0.0.1"},
            {"timestamp with time zone", "2020-01-01 00:00:00.000 America/New_York"}, {"double", "NaN"},
            {"varchar", "1E+400"}, {"string", "hive text"},
    };
    private static final Calendar TOKYO = Calendar.getInstance(TimeZone.getTimeZone("Asia/Tokyo"));
    private static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone("UTC"));

    private ResultSet rs;

    @BeforeEach
    void positionOnTheRow() throws SQLException {
        List<ColumnSpec> columns = new ArrayList<>();
        List<String> row = new ArrayList<>();
        for (int i = 0; i < VALUES.length; i++) {
            columns.add(new ColumnSpec("c" + (i + 1), VALUES[i][0]));
            row.add(VALUES[i][1]);
        }
        rs = InMemoryResultSet.create(null, columns, java.util.Collections.singletonList(row));
        assertThat(rs.next()).isTrue();
    }

    private static int column(String type) {
        for (int i = 0; i < VALUES.length; i++) {
            if (VALUES[i][0].equals(type)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(type);
    }

    private static String sqlState(Throwable e) {
        return ((SQLException) e).getSQLState();
    }

    @Test
    void getStringIsAthenasTextForEveryType() throws SQLException {
        for (int i = 0; i < VALUES.length; i++) {
            assertThat(rs.getString(i + 1)).as(VALUES[i][0]).isEqualTo(VALUES[i][1]);
            assertThat(rs.getObject(i + 1, String.class)).as(VALUES[i][0]).isEqualTo(VALUES[i][1]);
            assertThat(rs.wasNull()).isFalse();
        }
    }

    @Test
    void getObjectGivesJdbcDefaultClasses() throws SQLException {
        assertThat(rs.getObject(column("boolean"))).isEqualTo(true);
        assertThat(rs.getObject(column("tinyint"))).isEqualTo(-128);
        assertThat(rs.getObject(column("smallint"))).isEqualTo(32767);
        assertThat(rs.getObject(column("integer"))).isEqualTo(Integer.MAX_VALUE);
        assertThat(rs.getObject(column("bigint"))).isEqualTo(Long.MAX_VALUE);
        assertThat(rs.getObject(column("float"))).isEqualTo(1.5f);
        assertThat(rs.getObject(column("double"))).isEqualTo(1.0E20d);
        assertThat(rs.getObject(column("decimal"))).isEqualTo(new BigDecimal("12.50"));
        assertThat(rs.getObject(column("varbinary"))).isEqualTo(new byte[] {1, 10, (byte) 255});
        assertThat(rs.getObject(column("date"))).isInstanceOf(Date.class);
        assertThat(((Date) rs.getObject(column("date"))).toLocalDate()).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(rs.getObject(column("timestamp"))).isEqualTo(Timestamp.valueOf("2020-01-01 00:00:00"));
        assertThat(rs.getObject(column("time"))).isInstanceOf(Time.class);
        assertThat(rs.getObject(column("array"))).isInstanceOf(java.sql.Array.class);
        assertThat((Object[]) ((java.sql.Array) rs.getObject(column("array"))).getArray()).containsExactly("1", "2", null);
        assertThat(rs.getObject(column("map"))).isEqualTo(java.util.Map.of("j", "2", "k", "1"));
        assertThat(((java.sql.Struct) rs.getObject(column("row"))).getAttributes()).containsExactly("1", "x");
        assertThat(rs.getObject(column("string"))).isEqualTo("hive text");
    }

    @Test
    void javaTimeClassesOnTheDateAndTimeTypes() throws SQLException {
        int date = column("date");
        assertThat(rs.getObject(date, LocalDate.class)).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(rs.getObject(date, LocalDateTime.class)).isEqualTo(LocalDateTime.of(2020, 1, 1, 0, 0));

        int timestamp = column("timestamp");
        assertThat(rs.getObject(timestamp, LocalDateTime.class)).isEqualTo(LocalDateTime.of(2020, 1, 1, 0, 0));
        assertThat(rs.getObject(timestamp, LocalDate.class)).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(rs.getObject(timestamp, LocalTime.class)).isEqualTo(LocalTime.MIDNIGHT);

        int zoned = column("timestamp with time zone");
        OffsetDateTime expected = OffsetDateTime.of(2026, 9, 17, 12, 34, 56, 789_000_000, ZoneOffset.UTC);
        assertThat(rs.getObject(zoned, OffsetDateTime.class)).isEqualTo(expected);
        assertThat(rs.getObject(zoned, ZonedDateTime.class).toOffsetDateTime()).isEqualTo(expected);
        assertThat(rs.getObject(zoned, Instant.class)).isEqualTo(expected.toInstant());
        assertThat(rs.getObject(zoned, LocalDateTime.class)).isEqualTo(expected.toLocalDateTime());
        assertThat(rs.getObject(zoned, LocalDate.class)).isEqualTo(LocalDate.of(2026, 9, 17));
        assertThat(rs.getObject(VALUES.length - 3, OffsetDateTime.class))
                .isEqualTo(OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(-5)));
        assertThat(rs.getObject(VALUES.length - 3, ZonedDateTime.class).getZone()).isEqualTo(ZoneId.of("America/New_York"));

        assertThat(rs.getObject(column("time"), LocalTime.class)).isEqualTo(LocalTime.of(12, 34, 56, 789_000_000));
        int timeZoned = column("time with time zone");
        assertThat(rs.getObject(timeZoned, OffsetTime.class))
                .isEqualTo(OffsetTime.of(12, 34, 56, 789_000_000, ZoneOffset.ofHoursMinutes(5, 30)));
        assertThat(rs.getObject(timeZoned, LocalTime.class)).isEqualTo(LocalTime.of(12, 34, 56, 789_000_000));

        for (Class<?> target : Arrays.asList(LocalDate.class, LocalDateTime.class, OffsetDateTime.class, Instant.class)) {
            assertThatThrownBy(() -> rs.getObject(column("integer"), target))
                    .satisfies(e -> assertThat(sqlState(e)).startsWith("22"));
        }
    }

    @Test
    void zoneLessTimestampsFollowTheCalendarAndZonedOnesIgnoreIt() throws SQLException {
        int timestamp = column("timestamp");
        assertThat(rs.getTimestamp(timestamp, UTC).getTime()).isEqualTo(1577836800000L);
        assertThat(rs.getTimestamp(timestamp, TOKYO).getTime()).isEqualTo(1577836800000L - 9 * 3600_000L);
        assertThat(rs.getDate(column("date"), TOKYO).getTime()).isEqualTo(1577836800000L - 9 * 3600_000L);

        int zoned = column("timestamp with time zone");
        long instant = OffsetDateTime.of(2026, 9, 17, 12, 34, 56, 789_000_000, ZoneOffset.UTC).toInstant().toEpochMilli();
        assertThat(rs.getTimestamp(zoned).getTime()).isEqualTo(instant);
        assertThat(rs.getTimestamp(zoned, TOKYO).getTime()).isEqualTo(instant);
        assertThat(rs.getTimestamp(zoned, UTC).getTime()).isEqualTo(instant);
    }

    /**
     * getDate and getTime of a timestamp with time zone: the day and the time of day its instant has in the Calendar's
     * zone (the JVM's without one), as java.sql.Date and Time values are defined: midnight of that day, that time on
     * 1970-01-01. Not the instant itself, which Date.equals and Date.valueOf would not match.
     */
    @Test
    void getDateAndGetTimeOfATimestampWithTimeZoneAreItsDayAndTimeInTheCalendarsZone() throws SQLException {
        int zoned = column("timestamp with time zone"); // 2026-09-17 12:34:56.789 UTC: 21:34:56.789 in Tokyo
        assertThat(rs.getDate(zoned, UTC).getTime()).isEqualTo(Instant.parse("2026-09-17T00:00:00Z").toEpochMilli());
        assertThat(rs.getDate(zoned, TOKYO).getTime()).isEqualTo(Instant.parse("2026-09-16T15:00:00Z").toEpochMilli());
        assertThat(rs.getTime(zoned, UTC).getTime()).isEqualTo(Instant.parse("1970-01-01T12:34:56.789Z").toEpochMilli());
        assertThat(rs.getTime(zoned, TOKYO).getTime()).isEqualTo(Instant.parse("1970-01-01T12:34:56.789Z").toEpochMilli());
        int newYork = VALUES.length - 3; // 2020-01-01 00:00 America/New_York: 2020-01-01 14:00 in Tokyo
        assertThat(rs.getDate(newYork, TOKYO).getTime()).isEqualTo(Instant.parse("2019-12-31T15:00:00Z").toEpochMilli());
        LocalDate here = Instant.parse("2026-09-17T12:34:56.789Z").atZone(ZoneId.systemDefault()).toLocalDate();
        assertThat(rs.getDate(zoned)).isEqualTo(Date.valueOf(here));
        assertThat(rs.getObject(zoned, Date.class)).isEqualTo(Date.valueOf(here));
        assertThat(rs.getTime(zoned).toLocalTime())
                .isEqualTo(Instant.parse("2026-09-17T12:34:56Z").atZone(ZoneId.systemDefault()).toLocalTime());
        assertThat(rs.getTime(zoned).getTime()).isBetween(-86_400_000L, 2 * 86_400_000L);
    }

    /**
     * JDBC's conversion table (Table B-6) lets getTimestamp read a TIME: the time on 1970-01-01, as getTime places
     * it, in the Calendar's zone or the JVM's; a time with time zone is the instant its offset says on that day.
     */
    @Test
    void getTimestampOfATimeIsThatTimeOnTheFirstOfJanuary1970() throws SQLException {
        int time = column("time");
        assertThat(rs.getTimestamp(time, UTC).toInstant()).isEqualTo(Instant.parse("1970-01-01T12:34:56.789Z"));
        assertThat(rs.getTimestamp(time, TOKYO).toInstant()).isEqualTo(Instant.parse("1970-01-01T03:34:56.789Z"));
        assertThat(rs.getTimestamp(time).toLocalDateTime()).isEqualTo(LocalDateTime.of(1970, 1, 1, 12, 34, 56, 789_000_000));
        assertThat(rs.getTimestamp(time).getTime()).isEqualTo(rs.getTime(time).getTime());
        assertThat(rs.getObject(time, Timestamp.class)).isEqualTo(rs.getTimestamp(time));

        int timeZoned = column("time with time zone");
        Instant instant = Instant.parse("1970-01-01T07:04:56.789Z");
        assertThat(rs.getTimestamp(timeZoned).toInstant()).isEqualTo(instant);
        assertThat(rs.getTimestamp(timeZoned, TOKYO).toInstant()).isEqualTo(instant);
        assertThat(rs.getTimestamp(timeZoned).getTime()).isEqualTo(rs.getTime(timeZoned).getTime());
    }

    @Test
    void boxedTypesOnTheNumericTypes() throws SQLException {
        assertThat(rs.getObject(column("tinyint"), Byte.class)).isEqualTo((byte) -128);
        assertThat(rs.getObject(column("tinyint"), Short.class)).isEqualTo((short) -128);
        assertThat(rs.getObject(column("smallint"), Integer.class)).isEqualTo(32767);
        assertThat(rs.getObject(column("integer"), Long.class)).isEqualTo(2147483647L);
        assertThat(rs.getObject(column("bigint"), BigInteger.class)).isEqualTo(BigInteger.valueOf(Long.MAX_VALUE));
        assertThat(rs.getObject(column("float"), Double.class)).isEqualTo(1.5d);
        assertThat(rs.getObject(column("decimal"), Double.class)).isEqualTo(12.5d);
        assertThat(rs.getObject(column("boolean"), Boolean.class)).isTrue();
        assertThat(rs.getObject(column("boolean"), Integer.class)).isEqualTo(1);
        assertThatThrownBy(() -> rs.getObject(column("bigint"), Integer.class))
                .satisfies(e -> assertThat(sqlState(e)).isEqualTo("22003"));
        assertThatThrownBy(() -> rs.getObject(column("smallint"), Byte.class))
                .satisfies(e -> assertThat(sqlState(e)).isEqualTo("22003"));
        assertThatThrownBy(() -> rs.getObject(column("date"), Integer.class))
                .satisfies(e -> assertThat(sqlState(e)).isEqualTo("22018"));
    }

    @Test
    void bigDoublesReadAsExactDecimalsAndOverflowIsAnError() throws SQLException {
        int d = column("double");
        assertThat(rs.getBigDecimal(d)).isEqualByComparingTo(new BigDecimal("100000000000000000000"));
        assertThat(rs.getDouble(d)).isEqualTo(1.0E20d);
        assertThat(rs.getFloat(d)).isEqualTo(1.0E20f);
        assertThatThrownBy(() -> rs.getLong(d)).satisfies(e -> assertThat(sqlState(e)).isEqualTo("22003"))
                .hasMessageContaining("1.0E20");
        assertThatThrownBy(() -> rs.getBigDecimal(VALUES.length - 2))
                .satisfies(e -> assertThat(sqlState(e)).isEqualTo("22018")).hasMessageContaining("NaN");
        assertThat(rs.getDouble(VALUES.length - 2)).isNaN();

        int huge = VALUES.length - 1;
        assertThat(rs.getBigDecimal(huge)).isEqualByComparingTo(new BigDecimal("1E+400"));
        assertThatThrownBy(() -> rs.getDouble(huge)).satisfies(e -> assertThat(sqlState(e)).isEqualTo("22003"));
        assertThatThrownBy(() -> rs.getFloat(huge)).satisfies(e -> assertThat(sqlState(e)).isEqualTo("22003"));
        assertThat(rs.getFloat(column("bigint"))).isEqualTo(9.223372E18f);
    }

    @Test
    void textThatIsNotANumberNamesColumnAndValue() {
        assertThatThrownBy(() -> rs.getInt(column("varchar")))
                .satisfies(e -> assertThat(sqlState(e)).isEqualTo("22018"))
                .hasMessageContaining("'it's'").hasMessageContaining("c9");
    }
}
