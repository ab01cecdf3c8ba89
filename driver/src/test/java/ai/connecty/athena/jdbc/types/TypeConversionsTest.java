package ai.connecty.athena.jdbc.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TypeConversionsTest {
    private static final ZoneId UTC = ZoneOffset.UTC;
    private final TypeConversions conversions = TypeConversions.get();

    static Stream<Arguments> conversions() {
        return Stream.of(
                // type name, Athena text, target, expected
                Arguments.of("boolean", "true", Boolean.class, true),
                Arguments.of("boolean", "false", Object.class, false),
                Arguments.of("boolean", "true", Integer.class, 1),
                Arguments.of("tinyint", "-128", Byte.class, (byte) -128),
                Arguments.of("tinyint", "7", Object.class, 7),
                Arguments.of("smallint", "32767", Short.class, (short) 32767),
                Arguments.of("integer", "2147483647", Integer.class, Integer.MAX_VALUE),
                Arguments.of("integer", "42", Object.class, 42),
                Arguments.of("integer", "42", Long.class, 42L),
                Arguments.of("integer", "42", String.class, "42"),
                Arguments.of("integer", "0", Boolean.class, false),
                Arguments.of("bigint", "9223372036854775807", Object.class, Long.MAX_VALUE),
                Arguments.of("bigint", "9223372036854775807", BigDecimal.class, new BigDecimal("9223372036854775807")),
                Arguments.of("bigint", "-5", BigInteger.class, BigInteger.valueOf(-5)),
                Arguments.of("double", "0.30000000000000004", Object.class, 0.30000000000000004d),
                Arguments.of("double", "1.0E20", Double.class, 1.0E20d),
                Arguments.of("double", "NaN", Double.class, Double.NaN),
                Arguments.of("double", "Infinity", Double.class, Double.POSITIVE_INFINITY),
                Arguments.of("double", "-Infinity", Float.class, Float.NEGATIVE_INFINITY),
                Arguments.of("double", "1.9", Integer.class, 1),
                Arguments.of("double", "-1.9", Long.class, -1L),
                Arguments.of("float", "1.5", Object.class, 1.5f),
                Arguments.of("real", "2.25", Double.class, 2.25d),
                Arguments.of("decimal", "1.50", Object.class, new BigDecimal("1.50")),
                Arguments.of("decimal", "1.50", Double.class, 1.5d),
                Arguments.of("decimal(10,2)", "12.34", Integer.class, 12),
                Arguments.of("varchar", "it's", Object.class, "it's"),
                Arguments.of("varchar", " 12 ", Integer.class, 12),
                Arguments.of("varchar", "TRUE", Boolean.class, true),
                Arguments.of("string", "x", Object.class, "x"),
                Arguments.of("char", "ab  ", String.class, "ab  "),
                Arguments.of("varbinary", "01 02 ff", Object.class, new byte[] {1, 2, (byte) 0xff}),
                Arguments.of("varbinary", "", byte[].class, new byte[0]),
                Arguments.of("varchar", "é", byte[].class, new byte[] {(byte) 0xc3, (byte) 0xa9}),
                Arguments.of("date", "2017-01-02", LocalDate.class, LocalDate.of(2017, 1, 2)),
                Arguments.of("date", "2017-01-02", LocalDateTime.class, LocalDateTime.of(2017, 1, 2, 0, 0)),
                Arguments.of("timestamp", "2020-01-01 12:34:56.789", LocalDateTime.class,
                        LocalDateTime.of(2020, 1, 1, 12, 34, 56, 789_000_000)),
                Arguments.of("timestamp", "2020-01-01 12:34:56.123456", LocalDateTime.class,
                        LocalDateTime.of(2020, 1, 1, 12, 34, 56, 123_456_000)),
                Arguments.of("timestamp", "2020-01-01 12:34:56", LocalDateTime.class, LocalDateTime.of(2020, 1, 1, 12, 34, 56)),
                Arguments.of("timestamp", "2020-01-01 12:34:56.789", LocalDate.class, LocalDate.of(2020, 1, 1)),
                Arguments.of("timestamp", "2020-01-01 12:34:56.789", LocalTime.class, LocalTime.of(12, 34, 56, 789_000_000)),
                Arguments.of("timestamp", "2020-01-01 00:00:00.000", Instant.class, Instant.parse("2020-01-01T00:00:00Z")),
                Arguments.of("time", "12:34:56.789", LocalTime.class, LocalTime.of(12, 34, 56, 789_000_000)),
                Arguments.of("time with time zone", "12:34:56.789+02:00", OffsetTime.class,
                        OffsetTime.of(12, 34, 56, 789_000_000, ZoneOffset.ofHours(2))),
                Arguments.of("timestamp with time zone", "2020-01-01 12:34:56.789 UTC", OffsetDateTime.class,
                        OffsetDateTime.of(2020, 1, 1, 12, 34, 56, 789_000_000, ZoneOffset.UTC)),
                Arguments.of("timestamp with time zone", "2020-07-01 12:00:00.000 America/New_York", Instant.class,
                        Instant.parse("2020-07-01T16:00:00Z")),
                Arguments.of("timestamp with time zone", "2020-07-01 12:00:00.000 America/New_York", ZonedDateTime.class,
                        ZonedDateTime.of(2020, 7, 1, 12, 0, 0, 0, ZoneId.of("America/New_York"))),
                Arguments.of("timestamp with time zone", "2020-01-01 12:00:00.000 +05:30", Instant.class,
                        Instant.parse("2020-01-01T06:30:00Z")),
                Arguments.of("timestamp with time zone", "2020-01-01 12:00:00.000 UTC", Object.class,
                        Timestamp.from(Instant.parse("2020-01-01T12:00:00Z"))),
                // The time of day in the value's zone, as LocalDate and LocalDateTime read its date and wall time
                // (getTime already read it; LocalTime and OffsetTime were refused with 22018).
                Arguments.of("timestamp with time zone", "2020-07-01 12:34:56.789 America/New_York", LocalTime.class,
                        LocalTime.of(12, 34, 56, 789_000_000)),
                Arguments.of("timestamp with time zone", "2020-07-01 12:34:56.789 America/New_York", OffsetTime.class,
                        OffsetTime.of(12, 34, 56, 789_000_000, ZoneOffset.ofHours(-4))),
                Arguments.of("array", "[1, 2]", String.class, "[1, 2]"),
                Arguments.of("map", "{k=1}", String.class, "{k=1}"),
                Arguments.of("row", "{id=1, name=x}", String.class, "{id=1, name=x}"),
                Arguments.of("json", "[1,2]", Object.class, "[1,2]"),
                Arguments.of("uuid", "12151fd2-7586-11e9-8f9e-2a86e4085a59", Object.class, "12151fd2-7586-11e9-8f9e-2a86e4085a59"),
                Arguments.of("interval day to second", "2 00:00:00.000", Object.class, "2 00:00:00.000"),
                Arguments.of("some future type", "anything", Object.class, "anything"));
    }

    @ParameterizedTest(name = "{0} ''{1}'' as {2}")
    @MethodSource("conversions")
    void converts(String typeName, String text, Class<?> target, Object expected) throws SQLException {
        Object value = conversions.convert("c", AthenaType.fromName(typeName), text, target, UTC);

        assertThat(value).isEqualTo(expected);
    }

    /**
     * Text in a varchar may hold any exponent: BigInteger of 1E+2147483647 overflows (ArithmeticException, a
     * RuntimeException out of getObject), of 1E+99999999 takes minutes of CPU. An integer part beyond what this driver
     * reads is 22003 at once; a value below 1 truncates to 0 whatever its exponent.
     */
    @Test
    void bigIntegerOfAnExtremeExponentIsOutOfRangeAtOnce() throws SQLException {
        for (String huge : new String[] {"1E+2147483647", "-1E+99999999"}) {
            assertThatThrownBy(() -> conversions.convert("c", AthenaType.VARCHAR, huge, BigInteger.class, UTC))
                    .as(huge).isInstanceOf(SQLException.class).hasMessageContaining("'c'")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22003"));
        }
        assertThat(conversions.convert("c", AthenaType.VARCHAR, "-1E-2147483647", BigInteger.class, UTC)).isEqualTo(BigInteger.ZERO);
        assertThat(conversions.convert("c", AthenaType.VARCHAR, "1.5E+3", BigInteger.class, UTC)).isEqualTo(BigInteger.valueOf(1500));
        assertThat(conversions.convert("c", AthenaType.DOUBLE, "1.7976931348623157E308", BigInteger.class, UTC))
                .isEqualTo(new BigDecimal("1.7976931348623157E308").toBigInteger());
    }

    /**
     * A fraction read by an integer getter is truncated toward zero, and the range is that of the truncated value: a
     * decimal(20,1) of 9223372036854775807.5 is Long.MAX_VALUE for getLong as 2147483647.5 is Integer.MAX_VALUE for
     * getInt (it used to be 22003 for getLong alone: the range was checked before truncating).
     */
    @Test
    void theLongRangeIsCheckedOnTheTruncatedValue() throws SQLException {
        TypeSignature decimal = TypeSignature.parse("decimal(20,1)");
        assertThat(conversions.convert("c", decimal, "9223372036854775807.5", Long.class, UTC)).isEqualTo(Long.MAX_VALUE);
        assertThat(conversions.convert("c", decimal, "-9223372036854775808.9", Long.class, UTC)).isEqualTo(Long.MIN_VALUE);
        assertThat(conversions.convert("c", decimal, "2147483647.5", Integer.class, UTC)).isEqualTo(Integer.MAX_VALUE);
        assertThat(conversions.convert("c", AthenaType.VARCHAR, "9.2233720368547758075E18", Long.class, UTC))
                .isEqualTo(Long.MAX_VALUE);
        for (String beyond : List.of("9223372036854775808.0", "-9223372036854775809.0", "9223372036854775808",
                "9.223372036854775808E18", "1E+2147483647")) {
            assertThatThrownBy(() -> conversions.convert("c", AthenaType.VARCHAR, beyond, Long.class, UTC))
                    .as(beyond).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22003"));
        }
    }

    @Test
    void zoneLessValuesArePlacedInTheGivenZone() throws SQLException {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");

        Timestamp timestamp = conversions.convert("c", AthenaType.TIMESTAMP, "2020-01-01 09:00:00.250", Timestamp.class, tokyo);
        java.sql.Date date = conversions.convert("c", AthenaType.DATE, "2020-01-01", java.sql.Date.class, tokyo);
        Time time = conversions.convert("c", AthenaType.TIME, "09:00:00.500", Time.class, tokyo);

        assertThat(timestamp.toInstant()).isEqualTo(Instant.parse("2020-01-01T00:00:00.250Z"));
        assertThat(date.getTime()).isEqualTo(Instant.parse("2019-12-31T15:00:00Z").toEpochMilli());
        assertThat(time.getTime()).isEqualTo(Instant.parse("1970-01-01T00:00:00.500Z").toEpochMilli());
    }

    @Test
    void timestampKeepsNanosecondPrecision() throws SQLException {
        Timestamp timestamp = conversions.convert("c", AthenaType.TIMESTAMP, "2020-01-01 00:00:00.123456789", Timestamp.class, UTC);

        assertThat(timestamp.getNanos()).isEqualTo(123_456_789);
    }

    /**
     * Athena prints years outside 0001..9999 as java.time does ({@code +10000-01-01}, {@code -0001-01-01}: Trino's
     * {@code uuuu}). java.time getters read them exactly; a java.sql value of a year before 1 would print and
     * convert (toLocalDate) as an AD year, since java.sql drops the era, so it is refused and names the exact getter.
     */
    @Test
    void yearsBeyondFourDigitsReadExactlyAndYearsBeforeOneAreNoJavaSqlValue() throws SQLException {
        for (String type : List.of("date", "timestamp", "varchar")) {
            assertThat(conversions.convert("c", AthenaType.fromName(type), "+10000-01-01", LocalDate.class, UTC))
                    .as(type).isEqualTo(LocalDate.of(10000, 1, 1));
            assertThat(conversions.convert("c", AthenaType.fromName(type), "-0001-01-01", LocalDate.class, UTC))
                    .as(type).isEqualTo(LocalDate.of(-1, 1, 1));
            assertThat(conversions.convert("c", AthenaType.fromName(type), "-0001-01-01 12:00:00.000", LocalDateTime.class, UTC))
                    .as(type).isEqualTo(LocalDateTime.of(-1, 1, 1, 12, 0));
            assertThat(conversions.convert("c", AthenaType.fromName(type), "+10000-01-01", java.sql.Date.class, UTC)
                    .toLocalDate()).as(type).isEqualTo(LocalDate.of(10000, 1, 1));
            assertThat(conversions.convert("c", AthenaType.fromName(type), "+10000-01-01 00:00:00", Timestamp.class, UTC)
                    .toLocalDateTime()).as(type).isEqualTo(LocalDateTime.of(10000, 1, 1, 0, 0));
            for (String beforeYearOne : List.of("0000-01-01", "-0001-01-01", "-0001-01-01 12:00:00.000")) {
                for (Class<?> target : List.of(java.sql.Date.class, Timestamp.class)) {
                    assertThatThrownBy(() -> conversions.convert("c", AthenaType.fromName(type), beforeYearOne, target, UTC))
                            .as("%s '%s' as %s", type, beforeYearOne, target.getSimpleName())
                            .isInstanceOf(SQLException.class).hasMessageContaining("getObject(i, LocalDate")
                            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22007"));
                }
            }
        }
        // Text Athena never prints: five digits need their sign.
        assertThatThrownBy(() -> conversions.convert("c", AthenaType.DATE, "10000-01-01", LocalDate.class, UTC))
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22007"));
    }

    /** A Timestamp of a time keeps all its fraction digits, which a java.sql.Time (milliseconds) cannot. */
    @Test
    void aTimeReadAsATimestampKeepsItsNanoseconds() throws SQLException {
        Timestamp time = conversions.convert("c", TypeSignature.parse("time(9)"), "12:34:56.123456789", Timestamp.class, UTC);
        assertThat(time.toLocalDateTime()).isEqualTo(LocalDateTime.of(1970, 1, 1, 12, 34, 56, 123_456_789));
        Timestamp zoned = conversions.convert("c", TypeSignature.parse("time(6) with time zone"), "12:34:56.123456+05:30",
                Timestamp.class, UTC);
        assertThat(zoned.toInstant()).isEqualTo(Instant.parse("1970-01-01T07:04:56.123456Z"));
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                // type, text, target, SQLState, message fragment
                Arguments.of("varchar", "abc", Integer.class, "22018", "not a number"),
                Arguments.of("varchar", "abc", Boolean.class, "22018", "not a boolean"),
                Arguments.of("bigint", "3000000000", Integer.class, "22003", "out of range"),
                Arguments.of("integer", "300", Byte.class, "22003", "out of range"),
                Arguments.of("decimal", "99999999999999999999", Long.class, "22003", "out of range"),
                Arguments.of("double", "1.0E300", Float.class, "22003", "out of range"),
                Arguments.of("double", "NaN", Integer.class, "22018", "not a finite number"),
                Arguments.of("double", "Infinity", BigDecimal.class, "22018", "not a finite number"),
                Arguments.of("varbinary", "0g", byte[].class, "22018", "not hex"),
                Arguments.of("varchar", "2020-13-01", LocalDate.class, "22007", "not a valid date/time"),
                Arguments.of("timestamp with time zone", "2020-01-01 00:00:00.000 Mars/Olympus", Instant.class, "22007", "date/time"),
                Arguments.of("date", "2020-01-01", Integer.class, "22018", "not supported"),
                Arguments.of("array", "[1]", Integer.class, "22018", "not supported"),
                Arguments.of("integer", "1", LocalDate.class, "22018", "not supported"));
    }

    @ParameterizedTest(name = "{0} ''{1}'' as {2} fails with {3}")
    @MethodSource("failures")
    void refusesWithSqlStateNamingColumnAndValue(String typeName, String text, Class<?> target, String sqlState,
                                                 String reason) {
        assertThatThrownBy(() -> conversions.convert("price", AthenaType.fromName(typeName), text, target, UTC))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("'price'")
                .hasMessageContaining(target.getSimpleName())
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(sqlState));
    }

    @Test
    void theLargestRealReadsAsAFloat() throws SQLException {
        // Athena prints real as Float.toString: the largest real is 3.4028235E38, a little above Float.MAX_VALUE
        // as a double, yet the float nearest to it.
        for (String text : new String[] {Float.toString(Float.MAX_VALUE), Float.toString(-Float.MAX_VALUE)}) {
            float expected = Float.parseFloat(text);
            assertThat(conversions.convert("c", AthenaType.FLOAT, text, Float.class, UTC)).as(text).isEqualTo(expected);
            assertThat(conversions.convert("c", AthenaType.FLOAT, text, Object.class, UTC)).as(text).isEqualTo(expected);
            TextSlice slice = new TextSlice().of(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, text.length());
            assertThat(conversions.converter("c", TypeSignature.parse("real")).toFloat(slice)).as(text).isEqualTo(expected);
        }
        // Beyond the largest real's rounding range is still an overflow, not infinity.
        assertThatThrownBy(() -> conversions.convert("c", AthenaType.DOUBLE, "3.5E38", Float.class, UTC))
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22003"));
    }

    @Test
    void failureMessageShowsTheOffendingValue() {
        assertThatThrownBy(() -> conversions.convert("qty", AthenaType.VARCHAR, "abc", int.class, UTC))
                .hasMessage("Cannot read value 'abc' of column 'qty' (varchar) as int: not a number");
    }

    @Test
    void primitiveTargetsAreBoxed() throws SQLException {
        assertThat(conversions.convert("c", AthenaType.INTEGER, "5", int.class, UTC)).isEqualTo(5);
        assertThat(conversions.supports(AthenaType.BOOLEAN, boolean.class)).isTrue();
        assertThat(conversions.supports(AthenaType.ARRAY, int.class)).isFalse();
    }

    /**
     * A refused value is shown whole in the message up to 64 characters (a SHA-256 in hex is 64), and cut with
     * "..." beyond.
     */
    @Test
    void aRefusedValueIsShownWholeUpTo64Characters() {
        String sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        assertThat(sha256).hasSize(64);
        assertThatThrownBy(() -> conversions.convert("digest", AthenaType.VARCHAR, sha256, Integer.class, UTC))
                .isInstanceOf(SQLException.class)
                .hasMessageStartingWith("Cannot read value '" + sha256 + "' of column 'digest' (varchar) as Integer: not a number")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22018");
        assertThatThrownBy(() -> conversions.convert("digest", AthenaType.VARCHAR, sha256 + "0", Integer.class, UTC))
                .isInstanceOf(SQLException.class)
                .hasMessageStartingWith("Cannot read value '" + sha256 + "...' of column 'digest'");
    }
}
