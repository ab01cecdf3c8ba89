package ai.connecty.athena.jdbc.parameters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.jdbc.types.AthenaArray;
import ai.connecty.athena.jdbc.types.AthenaStruct;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
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
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class LiteralsTest {

    private static String literal(Object value) throws SQLException {
        return Literals.of(value, 1).literal();
    }

    @Test
    void javaValuesBecomeStrictlyValidAthenaLiterals() throws SQLException {
        assertThat(literal("it's")).isEqualTo("'it''s'");
        assertThat(literal("a\\b")).isEqualTo("'a\\b'");
        assertThat(literal("x\u0000y")).isEqualTo("('x' || chr(0) || 'y')");
        assertThat(literal(true)).isEqualTo("true");
        assertThat(literal((byte) 5)).isEqualTo("TINYINT '5'");
        assertThat(literal((short) -5)).isEqualTo("SMALLINT '-5'");
        assertThat(literal(42)).isEqualTo("42");
        assertThat(literal(-42L)).isEqualTo("BIGINT '-42'");
        assertThat(literal(1.5f)).isEqualTo("REAL '1.5'");
        assertThat(literal(-0.0d)).isEqualTo("DOUBLE '-0.0'");
        assertThat(literal(Double.NaN)).isEqualTo("DOUBLE 'NaN'");
        assertThat(literal(new BigDecimal("1E+3"))).isEqualTo("DECIMAL '1000'");
        assertThat(literal(new BigDecimal("-0.0050"))).isEqualTo("DECIMAL '-0.0050'");
        assertThat(literal(new byte[] {(byte) 0xca, 0x0f})).isEqualTo("X'CA0F'");
        assertThat(literal(LocalDate.of(2020, 1, 2))).isEqualTo("DATE '2020-01-02'");
        assertThat(literal(java.sql.Date.valueOf("1500-03-04"))).isEqualTo("DATE '1500-03-04'");
        assertThat(literal(LocalTime.of(1, 2, 3, 4_000_000))).isEqualTo("TIME '01:02:03.004'");
        assertThat(literal(LocalDateTime.of(2020, 1, 2, 3, 4, 5, 123_456_789)))
                .isEqualTo("TIMESTAMP '2020-01-02 03:04:05.123456789'");
        assertThat(literal(Timestamp.valueOf("2020-01-02 03:04:05.1"))).isEqualTo("TIMESTAMP '2020-01-02 03:04:05.100'");
        assertThat(literal(OffsetDateTime.of(2020, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHoursMinutes(5, 45))))
                .isEqualTo("TIMESTAMP '2020-01-02 03:04:05.000 +05:45'");
        assertThat(literal(ZonedDateTime.of(2020, 1, 2, 3, 4, 5, 0, ZoneId.of("Europe/Warsaw"))))
                .isEqualTo("TIMESTAMP '2020-01-02 03:04:05.000 Europe/Warsaw'");
        assertThat(literal(Instant.parse("2020-01-02T03:04:05Z"))).isEqualTo("TIMESTAMP '2020-01-02 03:04:05.000 UTC'");
        UUID uuid = UUID.fromString("12151fd2-7586-11e9-8f9e-2a86e4085a59");
        assertThat(literal(uuid)).isEqualTo("UUID '12151fd2-7586-11e9-8f9e-2a86e4085a59'");
        assertThat(literal(Arrays.asList(1, null, "a'"))).isEqualTo("ARRAY[1, NULL, 'a''']");
        Map<String, Integer> map = new LinkedHashMap<>();
        map.put("k", 1);
        assertThat(literal(map)).isEqualTo("MAP(ARRAY['k'], ARRAY[1])");
    }

    /**
     * JDBI's bindArray names a Float or Double element type as PostgreSQL does (float4, float8; its other defaults
     * are Athena's names too): createArrayOf takes them as real and double, and the cast names Athena's type.
     */
    @Test
    void createArrayOfTakesJdbisFloat4AndFloat8() throws SQLException {
        AthenaArray doubles = AthenaArray.of("float8", new Object[] {0.5, 2.25});
        assertThat(doubles.getBaseTypeName()).isEqualTo("double");
        assertThat(doubles.getBaseType()).isEqualTo(java.sql.Types.DOUBLE);
        assertThat(literal(doubles)).isEqualTo("CAST(ARRAY[DOUBLE '0.5', DOUBLE '2.25'] AS array(double))");
        AthenaArray reals = AthenaArray.of("FLOAT4", new Object[] {1.5f});
        assertThat(reals.getBaseType()).isEqualTo(java.sql.Types.REAL);
        assertThat(literal(reals)).isEqualTo("CAST(ARRAY[REAL '1.5'] AS array(real))");
    }

    /**
     * Athena names the engine's real {@code float} (in results, Glue and DDL), but a query's CAST takes only
     * {@code real}: Trino has no type float. Every cast the driver prints spells it real.
     */
    @Test
    void castsSpellFloatAsReal() throws SQLException {
        assertThat(literal(AthenaArray.of("float", new Object[] {1.5f}))).isEqualTo("CAST(ARRAY[REAL '1.5'] AS array(real))");
        ParameterValue row = Literals.of(AthenaStruct.of("struct<x:float,xs:array<float>>", new Object[] {1.5f, null}), 1);
        assertThat(row.literal()).isEqualTo("CAST(ROW(REAL '1.5', NULL) AS row(x real, xs array(real)))");
        assertThat(row.typeName()).isEqualTo("row(x float, xs array(float))");
        assertThat(Literals.nullOf(java.sql.Types.ARRAY, "real", 1).literal()).isEqualTo("CAST(NULL AS array(real))");
        assertThat(Literals.nullOf(java.sql.Types.JAVA_OBJECT, "map(varchar, float)", 1).literal())
                .isEqualTo("CAST(NULL AS map(varchar, real))");
    }

    /**
     * createArrayOf's and createStruct's values are cast to the type they were made with, so that elements and
     * fields take it; a type printed from the parsed name quotes a field named by a reserved word. A Struct of
     * another driver, whose type name is no Athena row type, goes uncast.
     */
    @Test
    void arraysAndRowsMadeWithATypeAreCastToIt() throws SQLException {
        assertThat(literal(AthenaArray.of("date", new Object[] {"2020-01-02", null})))
                .isEqualTo("CAST(ARRAY['2020-01-02', NULL] AS array(date))");
        assertThat(literal(AthenaArray.of("decimal(10,2)", new Object[0]))).isEqualTo("CAST(ARRAY[] AS array(decimal(10,2)))");
        assertThat(literal(AthenaStruct.of("ROW(id bigint, \"From\" date, \"order\" varchar)", new Object[] {7, "2020-01-02", null})))
                .isEqualTo("CAST(ROW(7, '2020-01-02', NULL) AS row(id bigint, \"From\" date, \"order\" varchar))");
        assertThat(Literals.of(AthenaStruct.of("row(a integer)", new Object[] {1}), 1).type().kind())
                .isEqualTo(ai.connecty.athena.jdbc.types.AthenaType.ROW);
        java.sql.Struct foreign = new java.sql.Struct() {
            @Override
            public String getSQLTypeName() {
                return "public.address";
            }

            @Override
            public Object[] getAttributes() {
                return new Object[] {"Main St", 5};
            }

            @Override
            public Object[] getAttributes(Map<String, Class<?>> map) {
                return getAttributes();
            }
        };
        ParameterValue row = Literals.of(foreign, 1);
        assertThat(row.literal()).isEqualTo("ROW('Main St', 5)");
        assertThat(row.typeName()).isEqualTo("row");
        assertThatThrownBy(() -> Literals.of(AthenaArray.of("integer", new Object[] {new Object()}), 4))
                .isInstanceOf(SQLFeatureNotSupportedException.class).hasMessageContaining("Parameter 4");
    }

    @Test
    void nullsCarryTheirType() {
        assertThat(Literals.nullOf(Types.VARCHAR).literal()).isEqualTo("CAST(NULL AS varchar)");
        assertThat(Literals.nullOf(Types.TIMESTAMP).literal()).isEqualTo("CAST(NULL AS timestamp)");
        assertThat(Literals.nullOf(Types.NULL).literal()).isEqualTo("NULL");
    }

    @Test
    void targetTypesConvertFirst() throws SQLException {
        assertThat(Literals.of("2021-03-04", Types.DATE, -1, 1).literal()).isEqualTo("DATE '2021-03-04'");
        assertThat(Literals.of(" 7 ", Types.INTEGER, -1, 1).literal()).isEqualTo("7");
        assertThat(Literals.of(12, Types.VARCHAR, -1, 1).literal()).isEqualTo("'12'");
        assertThat(Literals.of("1.255", Types.DECIMAL, 2, 1).literal()).isEqualTo("DECIMAL '1.26'");
        // A scale of 0 is a scale (whole numbers), not "no scale": the 3-argument setObject passes -1 for that.
        assertThat(Literals.of(new BigDecimal("1.5"), Types.DECIMAL, 0, 1).literal()).isEqualTo("DECIMAL '2'");
        assertThat(Literals.of(2.5d, Types.NUMERIC, 0, 1).literal()).isEqualTo("DECIMAL '3'");
        assertThat(Literals.of(new BigDecimal("1.5"), Types.DECIMAL, -1, 1).literal()).isEqualTo("DECIMAL '1.5'");
        assertThat(Literals.of("2020-01-02 03:04:05", Types.TIMESTAMP, -1, 1).literal())
                .isEqualTo("TIMESTAMP '2020-01-02 03:04:05.000'");
        assertThatThrownBy(() -> Literals.of("not a date", Types.DATE, -1, 3)).isInstanceOf(SQLException.class)
                .hasMessageContaining("Parameter 3")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22018"));
        // Too large for the target is out of range (22003), as the getters say it; a fraction is no integer (22018).
        List<ThrowingCallable> outOfRange = List.of(() -> Literals.of(300, Types.TINYINT, -1, 1),
                () -> Literals.of(-40000L, Types.SMALLINT, -1, 1), () -> Literals.of("99999999999", Types.INTEGER, -1, 1),
                () -> Literals.of(1e300d, Types.BIGINT, -1, 1), () -> Literals.of(new BigDecimal("1E+19"), Types.BIGINT, -1, 1));
        for (ThrowingCallable binding : outOfRange) {
            assertThatThrownBy(binding).isInstanceOf(SQLException.class).hasMessageContaining("Parameter 1")
                    .hasMessageContaining("out of range")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22003"));
        }
        assertThatThrownBy(() -> Literals.of(1.5d, Types.INTEGER, -1, 1)).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22018"));
        assertThatThrownBy(() -> Literals.of(5, Types.DATE, -1, 2)).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22018"));
        assertThat(Literals.of(java.sql.Date.valueOf("2020-01-02"), Types.TIMESTAMP, -1, 1).literal())
                .isEqualTo("TIMESTAMP '2020-01-02 00:00:00.000'");
        assertThat(literal(new int[] {1, 2})).isEqualTo("ARRAY[1, 2]");
    }

    /**
     * A value that cannot be converted to the target type is a data exception: JDBC 4.3 (Table 8-1) has class 22
     * thrown as SQLDataException, as the getters already do, so that a caller catching it sees bad input from
     * setObject too. The message names the target by its JDBC name and the value, not by the number of
     * java.sql.Types and the JDK's parser text ("Character - is neither a decimal digit number...").
     */
    @Test
    void aValueThatDoesNotConvertIsASqlDataExceptionNamingTheTargetType() {
        List<ThrowingCallable> failures = List.of(() -> Literals.of(LocalDate.of(2024, 3, 5), Types.INTEGER, -1, 2),
                () -> Literals.of("abc", Types.DECIMAL, -1, 2), () -> Literals.of("x", Types.DOUBLE, -1, 2),
                () -> Literals.of(LocalDate.of(2024, 3, 5), Types.TIME, -1, 2), () -> Literals.of(5, Types.DATE, -1, 2),
                () -> Literals.of(300, Types.TINYINT, -1, 2), () -> Literals.of(LocalDate.of(-5, 1, 1), 2),
                () -> Literals.of(new BigDecimal("1E+40"), 2), () -> Literals.of("a", Types.ARRAY, -1, 2),
                () -> Literals.of(new BigDecimal("1E+37"), Types.DECIMAL, 5, 2));
        for (ThrowingCallable binding : failures) {
            assertThatThrownBy(binding).isInstanceOf(java.sql.SQLDataException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("22"));
        }
        assertThatThrownBy(failures.get(0)).hasMessageContaining("Parameter 2").hasMessageContaining("INTEGER")
                .hasMessageContaining("LocalDate 2024-03-05").hasMessageNotContaining("java.sql.Types 4")
                .hasMessageNotContaining("Character");
        assertThatThrownBy(failures.get(3)).hasMessageContaining("Parameter 2").hasMessageContaining("TIME")
                .hasMessageNotContaining("java.sql.Types 92");
    }

    /**
     * JDBC Table B-5 converts every number to BOOLEAN and a Boolean to every number type: zero is false and any other
     * number true (as getBoolean reads them), and true is 1. 1.0 and 2 were refused as "not a boolean", and true was
     * refused for REAL and DOUBLE while INTEGER and DECIMAL took it.
     */
    @Test
    void numbersAndBooleansConvertBothWays() throws SQLException {
        for (Object truthy : new Object[] {1.0d, 2, new BigDecimal("1.00"), -1L, "2", "1.5", "TRUE"}) {
            assertThat(Literals.of(truthy, Types.BOOLEAN, -1, 1).literal()).as("%s", truthy).isEqualTo("true");
        }
        for (Object falsy : new Object[] {0.0d, -0.0f, new BigDecimal("0.00"), 0, "0", "0.0", "false"}) {
            assertThat(Literals.of(falsy, Types.BIT, -1, 1).literal()).as("%s", falsy).isEqualTo("false");
        }
        assertThatThrownBy(() -> Literals.of(Double.NaN, Types.BOOLEAN, -1, 3)).isInstanceOf(SQLException.class)
                .hasMessageContaining("Parameter 3")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22018"));
        assertThatThrownBy(() -> Literals.of("yes", Types.BOOLEAN, -1, 3)).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22018"));
        assertThat(Literals.of(true, Types.REAL, -1, 1).literal()).isEqualTo("REAL '1.0'");
        assertThat(Literals.of(false, Types.DOUBLE, -1, 1).literal()).isEqualTo("DOUBLE '0.0'");
        assertThat(Literals.of(true, Types.FLOAT, -1, 1).literal()).isEqualTo("DOUBLE '1.0'");
    }

    /**
     * A java.sql.Time is a time of day (its date part is 1970-01-01 by definition): JDBC Table B-5 converts it to
     * TIMESTAMP (that time on 1970-01-01, as getTimestamp reads a TIME) but not to DATE, where its date part would be
     * sent as if it were a date.
     */
    @Test
    void aTimeIsATimestampOnTheFirstOfJanuary1970ButNoDate() throws SQLException {
        java.sql.Time time = java.sql.Time.valueOf("10:11:12");
        assertThat(Literals.of(time, Types.TIMESTAMP, -1, 1).literal()).isEqualTo("TIMESTAMP '1970-01-01 10:11:12.000'");
        assertThatThrownBy(() -> Literals.of(time, Types.DATE, -1, 2)).isInstanceOf(SQLException.class)
                .hasMessageContaining("Parameter 2")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22018"));
    }

    @Test
    void typesFloatIsADoubleAsJdbcDefinesIt() throws SQLException {
        // JDBC's FLOAT is double precision (Table B-1); as a real, 0.1 would come back as 0.10000000149011612.
        assertThat(Literals.of(0.1d, Types.FLOAT, -1, 1).literal()).isEqualTo("DOUBLE '0.1'");
        assertThat(Literals.of("0.1", Types.FLOAT, -1, 1).literal()).isEqualTo("DOUBLE '0.1'");
        assertThat(Literals.nullOf(Types.FLOAT).literal()).isEqualTo("CAST(NULL AS double)");
        assertThat(Literals.of(0.1d, Types.REAL, -1, 1).literal()).isEqualTo("REAL '0.1'");
    }

    /**
     * Types.TIME_WITH_TIMEZONE is a target type like TIMESTAMP_WITH_TIMEZONE (Hibernate 6 binds an OffsetTime with it):
     * an OffsetTime, the time of an OffsetDateTime or ZonedDateTime, or text with an offset; a time without one is refused.
     */
    @Test
    void timeWithTimeZoneIsATargetType() throws SQLException {
        int zoned = Types.TIME_WITH_TIMEZONE;
        assertThat(Literals.of(java.time.OffsetTime.of(1, 2, 3, 0, ZoneOffset.ofHours(5)), zoned, -1, 1).literal())
                .isEqualTo("TIME '01:02:03.000+05:00'");
        assertThat(Literals.of(OffsetDateTime.of(2020, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(-7)), zoned, -1, 1).literal())
                .isEqualTo("TIME '03:04:05.000-07:00'");
        assertThat(Literals.of(ZonedDateTime.of(2020, 7, 1, 3, 4, 5, 0, ZoneId.of("Europe/Warsaw")), zoned, -1, 1).literal())
                .isEqualTo("TIME '03:04:05.000+02:00'");
        assertThat(Literals.of("01:02:03.456+05:30", zoned, -1, 1).literal()).isEqualTo("TIME '01:02:03.456+05:30'");
        for (Object refused : new Object[] {LocalTime.of(1, 2), "01:02:03", "01:02:03 Nowhere/Land"}) {
            assertThatThrownBy(() -> Literals.of(refused, zoned, -1, 4)).as("%s", refused).isInstanceOf(SQLException.class)
                    .hasMessageContaining("Parameter 4")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22018"));
        }
    }

    /**
     * A finite value too large for REAL or DOUBLE is an overflow (22003), not the infinity its cast to float or double
     * gives: Athena would store Infinity where the user passed 1e300. An infinite value, or the text Infinity, stays one.
     */
    @Test
    void aFiniteValueBeyondRealOrDoubleIsOutOfRangeNotInfinity() throws SQLException {
        List<ThrowingCallable> overflows = List.of(
                () -> Literals.of(1e300d, Types.REAL, -1, 2),
                () -> Literals.of(new BigDecimal("1E+39"), Types.REAL, -1, 2),
                () -> Literals.of("-1e39", Types.REAL, -1, 2),
                () -> Literals.of(new BigDecimal("1E+400"), Types.DOUBLE, -1, 2),
                () -> Literals.of(java.math.BigInteger.TEN.pow(400), Types.FLOAT, -1, 2),
                () -> Literals.of("1e400", Types.DOUBLE, -1, 2));
        for (ThrowingCallable overflow : overflows) {
            assertThatThrownBy(overflow).isInstanceOf(SQLException.class).hasMessageContaining("Parameter 2")
                    .hasMessageContaining("out of range")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22003"));
        }
        assertThat(Literals.of(Double.POSITIVE_INFINITY, Types.REAL, -1, 1).literal()).isEqualTo("REAL 'Infinity'");
        assertThat(Literals.of(Float.NEGATIVE_INFINITY, Types.DOUBLE, -1, 1).literal()).isEqualTo("DOUBLE '-Infinity'");
        assertThat(Literals.of("-Infinity", Types.DOUBLE, -1, 1).literal()).isEqualTo("DOUBLE '-Infinity'");
        assertThat(Literals.of(Double.NaN, Types.REAL, -1, 1).literal()).isEqualTo("REAL 'NaN'");
        assertThat(Literals.of(3.4028235e38d, Types.REAL, -1, 1).literal()).isEqualTo("REAL '3.4028235E38'");
    }

    /** Text as ISO-8601 or as Athena prints a timestamp with time zone (getString of such a column) both bind. */
    @Test
    void timestampWithTimeZoneTextIsReadInIsoOrInAthenasOwnForm() throws SQLException {
        int zoned = Types.TIMESTAMP_WITH_TIMEZONE;
        assertThat(Literals.of("2020-01-02 03:04:05.000 UTC", zoned, -1, 1).literal())
                .isEqualTo(literal(java.time.ZonedDateTime.of(2020, 1, 2, 3, 4, 5, 0, java.time.ZoneId.of("UTC"))));
        assertThat(Literals.of("2020-01-02 03:04:05.123 Europe/Berlin", zoned, -1, 1).literal())
                .isEqualTo(literal(java.time.ZonedDateTime.of(2020, 1, 2, 3, 4, 5, 123_000_000, java.time.ZoneId.of("Europe/Berlin"))));
        assertThat(Literals.of("2020-01-02 03:04:05 +05:30", zoned, -1, 1).literal())
                .isEqualTo(literal(java.time.OffsetDateTime.of(2020, 1, 2, 3, 4, 5, 0, java.time.ZoneOffset.ofHoursMinutes(5, 30))));
        assertThat(Literals.of("2020-01-02T03:04:05+05:30", zoned, -1, 1).literal())
                .isEqualTo(literal(java.time.OffsetDateTime.of(2020, 1, 2, 3, 4, 5, 0, java.time.ZoneOffset.ofHoursMinutes(5, 30))));
        assertThatThrownBy(() -> Literals.of("2020-01-02 03:04:05 Nowhere/Land", zoned, -1, 1)).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22018"));
    }

    @Test
    void decimalsAreCheckedByTheDigitsOfTheirLiteral() throws SQLException {
        // The literal is toPlainString: 1E+40 has precision 1 but is written with 41 digits, 1E-39 with 39 after the point.
        for (String tooLarge : new String[] {"1E+40", "-1E+38", "1E-39", "0." + "0".repeat(37) + "12"}) {
            assertThatThrownBy(() -> literal(new BigDecimal(tooLarge))).as(tooLarge).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22003"));
        }
        // An exponent far out of range is refused from the number's precision and scale, without writing it out:
        // toPlainString() of 1E+2147483647 throws NegativeArraySizeException, of 1E+999999999 needs a gigabyte.
        for (String huge : new String[] {"1E+2147483647", "-1E-2147483647", "0E-2147483647", "1E+999999999"}) {
            assertThatThrownBy(() -> literal(new BigDecimal(huge))).as(huge).isInstanceOf(SQLException.class)
                    .hasMessageContaining("Parameter 1")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22003"));
        }
        for (String huge : new String[] {"1E+2147483647", "1E+999999999"}) {
            assertThatThrownBy(() -> Literals.of(huge, Types.DECIMAL, 2, 1)).as(huge).isInstanceOf(SQLException.class)
                    .hasMessageContaining("Parameter 1")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22003"));
        }
        assertThat(Literals.of("-1E-2147483647", Types.DECIMAL, 2, 1).literal()).isEqualTo("DECIMAL '0.00'");
        assertThatThrownBy(() -> Literals.of(BigDecimal.ONE, Types.DECIMAL, 38, 1)).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22003"));
        assertThat(literal(new BigDecimal("0E+2147483647"))).isEqualTo("DECIMAL '0'");
        // Zero keeps no digits of a negative scale in its plain text; 38 digits in all still fit.
        assertThat(literal(new BigDecimal("0E+40"))).isEqualTo("DECIMAL '0'");
        assertThat(literal(new BigDecimal("-0." + "0".repeat(36) + "12"))).isEqualTo("DECIMAL '-0." + "0".repeat(36) + "12'");
    }

    @Test
    void aZonedTimeInTheHourRepeatedWhenDaylightSavingEndsKeepsItsInstant() throws SQLException {
        ZoneId newYork = ZoneId.of("America/New_York");
        ZonedDateTime first = ZonedDateTime.of(2020, 11, 1, 1, 30, 0, 0, newYork);
        ZonedDateTime second = first.withLaterOffsetAtOverlap();
        for (ZonedDateTime value : Arrays.asList(first, second)) {
            String literal = literal(value);
            String text = literal.substring("TIMESTAMP '".length(), literal.length() - 1);
            // Read back as Athena and java.time read a wall time with a zone; 01:30 America/New_York is the first one.
            assertThat(ai.connecty.athena.jdbc.types.DateTimeText.parseTimestampWithTimeZone(text).toInstant())
                    .as(literal).isEqualTo(value.toInstant());
        }
        assertThat(literal(ZonedDateTime.of(2020, 7, 1, 1, 30, 0, 0, newYork)))
                .isEqualTo("TIMESTAMP '2020-07-01 01:30:00.000 America/New_York'");
    }

    /**
     * Athena reads a zone offset only as hours and minutes ({@code +05:30}); an offset with seconds (local mean time,
     * such as Amsterdam's +00:19:32 before 1937) is no zone to it. Such a value goes as the same instant in UTC.
     */
    @Test
    void anOffsetWithSecondsIsSentAsTheSameInstantInUtc() throws SQLException {
        ZoneOffset withSeconds = ZoneOffset.ofHoursMinutesSeconds(5, 30, 15);
        OffsetDateTime offsetDateTime = OffsetDateTime.of(2020, 1, 2, 3, 4, 5, 0, withSeconds);
        assertThat(literal(offsetDateTime)).isEqualTo("TIMESTAMP '2020-01-01 21:33:50.000 UTC'");
        ZoneOffset amsterdamMeanTime = ZoneOffset.ofHoursMinutesSeconds(0, 19, 32);
        assertThat(literal(ZonedDateTime.of(1930, 1, 2, 3, 4, 5, 123_000_000, amsterdamMeanTime)))
                .isEqualTo("TIMESTAMP '1930-01-02 02:44:33.123 UTC'");
        // A region whose offset then had seconds (Dublin Mean Time, -00:25:21): its name would leave the instant to
        // the time zone rules of Athena, which may have revised that offset.
        ZonedDateTime dublin1910 = ZonedDateTime.of(1910, 6, 1, 12, 0, 0, 0, ZoneId.of("Europe/Dublin"));
        assertThat(dublin1910.getOffset()).isEqualTo(ZoneOffset.ofHoursMinutesSeconds(0, -25, -21));
        assertThat(literal(dublin1910)).isEqualTo("TIMESTAMP '1910-06-01 12:25:21.000 UTC'");
        assertThat(Literals.of("2020-01-02 03:04:05+05:30:15", Types.TIMESTAMP_WITH_TIMEZONE, -1, 1).literal())
                .isEqualTo("TIMESTAMP '2020-01-01 21:33:50.000 UTC'");
        assertThat(literal(java.time.OffsetTime.of(3, 4, 5, 0, withSeconds))).isEqualTo("TIME '21:33:50.000+00:00'");
        // Offsets of whole minutes keep their offset.
        assertThat(literal(java.time.OffsetTime.of(3, 4, 5, 0, ZoneOffset.ofHoursMinutes(5, 45))))
                .isEqualTo("TIME '03:04:05.000+05:45'");
    }

    @Test
    void calendarsGiveTheWallTimeInTheirZone() throws SQLException {
        Calendar kathmandu = Calendar.getInstance(TimeZone.getTimeZone("Asia/Kathmandu"));
        Timestamp instant = Timestamp.from(Instant.parse("2020-01-01T00:00:00Z"));
        assertThat(Literals.timestamp(instant, kathmandu).literal()).isEqualTo("TIMESTAMP '2020-01-01 05:45:00.000'");
    }

    /**
     * JDBC maps a java.util.Calendar to TIMESTAMP (Table B-4) and lets setObject convert it to DATE, TIME and text
     * (Table B-5): its wall time in its own zone, as setTimestamp(i, ts, calendar) sends it.
     */
    @Test
    void aCalendarIsItsWallTimeInItsZone() throws SQLException {
        Calendar kathmandu = new GregorianCalendar(TimeZone.getTimeZone("Asia/Kathmandu"));
        kathmandu.setTimeInMillis(Instant.parse("2020-01-01T00:00:00.250Z").toEpochMilli());
        assertThat(literal(kathmandu)).isEqualTo("TIMESTAMP '2020-01-01 05:45:00.250'");
        assertThat(Literals.of(kathmandu, Types.TIMESTAMP, -1, 1).literal()).isEqualTo("TIMESTAMP '2020-01-01 05:45:00.250'");
        assertThat(Literals.of(kathmandu, Types.DATE, -1, 1).literal()).isEqualTo("DATE '2020-01-01'");
        assertThat(Literals.of(kathmandu, Types.TIME, -1, 1).literal()).isEqualTo("TIME '05:45:00.250'");
        assertThat(Literals.of(kathmandu, Types.VARCHAR, -1, 1).literal()).isEqualTo("'2020-01-01 05:45:00.250'");
    }

    /**
     * java.sql values name their date on the Julian calendar before 1582 (their toString, Date.valueOf and the
     * driver's getters agree): a Calendar of the JVM's own zone, or a target type, must not move the date.
     */
    @Test
    void javaSqlValuesBeforeTheGregorianReformKeepTheirDateWithAnyCalendarOrTargetType() throws SQLException {
        Calendar here = Calendar.getInstance(TimeZone.getDefault());
        java.sql.Date date = java.sql.Date.valueOf("1500-03-04");
        Timestamp timestamp = Timestamp.valueOf("1500-03-04 10:00:00.123456");
        assertThat(literal(date)).isEqualTo("DATE '1500-03-04'");
        assertThat(literal(timestamp)).isEqualTo("TIMESTAMP '1500-03-04 10:00:00.123456'");
        assertThat(Literals.date(date, here).literal()).isEqualTo("DATE '1500-03-04'");
        assertThat(Literals.timestamp(timestamp, here).literal()).isEqualTo("TIMESTAMP '1500-03-04 10:00:00.123456'");
        assertThat(Literals.of(timestamp, Types.DATE, -1, 1).literal()).isEqualTo("DATE '1500-03-04'");
        assertThat(Literals.of(date, Types.TIMESTAMP, -1, 1).literal()).isEqualTo("TIMESTAMP '1500-03-04 00:00:00.000'");
        assertThat(literal(new java.util.Date(timestamp.getTime()))).isEqualTo("TIMESTAMP '1500-03-04 10:00:00.123'");
    }

    /** A java.sql value in 1 BC: toLocalDate() drops the era and gives the year 1, a date 2 years off. */
    @Test
    void javaSqlValuesBeforeTheYearOneAreRefusedNotSentAsYearOne() {
        GregorianCalendar calendar = new GregorianCalendar();
        calendar.clear();
        calendar.set(Calendar.ERA, GregorianCalendar.BC);
        calendar.set(1, Calendar.JUNE, 1);
        long millis = calendar.getTimeInMillis();
        Calendar here = Calendar.getInstance(TimeZone.getDefault());
        List<ThrowingCallable> bindings = List.of(
                () -> literal(new java.sql.Date(millis)),
                () -> literal(new Timestamp(millis)),
                () -> literal(new java.util.Date(millis)),
                () -> Literals.date(new java.sql.Date(millis), here),
                () -> Literals.timestamp(new Timestamp(millis), here),
                () -> Literals.of(new Timestamp(millis), Types.DATE, -1, 1),
                () -> Literals.of(new java.sql.Date(millis), Types.TIMESTAMP, -1, 1));
        for (ThrowingCallable binding : bindings) {
            assertThatThrownBy(binding).isInstanceOf(SQLException.class).hasMessageContaining("Year 0 (1 BC)")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22007"));
        }
    }

    @Test
    void whatHasNoLiteralIsRefused() {
        assertThatThrownBy(() -> literal(new Object())).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThatThrownBy(() -> literal(new BigDecimal("1" + "0".repeat(40)))).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22003"));
        assertThatThrownBy(() -> literal(LocalDate.of(10000, 1, 1))).isInstanceOf(SQLException.class);
    }

    @Test
    void hiveStatementsRefuseTheCharactersTheirLexersDisagreeOn() throws SQLException {
        assertThat(Literals.of("a \u2019 \" -- ; b", 1).hiveLiteral(1)).isEqualTo("'a \u2019 \" -- ; b'");
        assertThat(Literals.of(5, 1).hiveLiteral(1)).isEqualTo("5");
        for (String refused : new String[] {"it's", "a\\b", "x\u0000"}) {
            assertThatThrownBy(() -> Literals.of(refused, 2).hiveLiteral(2)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("Parameter 2").hasMessageContaining("DDL");
        }
    }

    // The edges below were found unpinned by a mutation-testing audit (PIT, see the README's "Developing" section).

    @Test
    void aNulCharacterIsChr0WhereverItStands() throws SQLException {
        assertThat(literal("\u0000y")).isEqualTo("('' || chr(0) || 'y')");
        assertThat(literal("y\u0000")).isEqualTo("('y' || chr(0) || '')");
        assertThat(literal("\u0000")).isEqualTo("('' || chr(0) || '')");
        assertThat(literal("'\u0000'")).isEqualTo("('''' || chr(0) || '''')");
        assertThat(literal('\'')).isEqualTo("''''");
    }

    @Test
    void integerTargetsTakeTheirTypesMinimumAndMaximum() throws SQLException {
        assertThat(Literals.of("-128", Types.TINYINT, -1, 1).literal()).isEqualTo("TINYINT '-128'");
        assertThat(Literals.of("127", Types.TINYINT, -1, 1).literal()).isEqualTo("TINYINT '127'");
        assertThat(Literals.of(-32768, Types.SMALLINT, -1, 1).literal()).isEqualTo("SMALLINT '-32768'");
        assertThat(Literals.of("32767", Types.SMALLINT, -1, 1).literal()).isEqualTo("SMALLINT '32767'");
        assertThat(Literals.of("-2147483648", Types.INTEGER, -1, 1).literal()).isEqualTo("-2147483648");
        assertThat(Literals.of(Long.MIN_VALUE, Types.BIGINT, -1, 1).literal()).isEqualTo("BIGINT '-9223372036854775808'");
        assertThat(Literals.of("9223372036854775807", Types.BIGINT, -1, 1).literal()).isEqualTo("BIGINT '9223372036854775807'");
        assertThat(Literals.of(true, Types.TINYINT, -1, 1).literal()).isEqualTo("TINYINT '1'");
        assertThat(Literals.of(false, Types.DECIMAL, -1, 1).literal()).isEqualTo("DECIMAL '0'");
        for (ThrowingCallable beyond : List.<ThrowingCallable>of(() -> Literals.of("-129", Types.TINYINT, -1, 1),
                () -> Literals.of("128", Types.TINYINT, -1, 1), () -> Literals.of("9223372036854775808", Types.BIGINT, -1, 1))) {
            assertThatThrownBy(beyond).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getSQLState()).isEqualTo("22003"));
        }
    }

    @Test
    void booleanTargetsReadWordsAndNumbers() throws SQLException {
        assertThat(Literals.of(" TRUE ", Types.BOOLEAN, -1, 1).literal()).isEqualTo("true");
        assertThat(Literals.of("false", Types.BIT, -1, 1).literal()).isEqualTo("false");
        assertThat(Literals.of("0.0", Types.BOOLEAN, -1, 1).literal()).isEqualTo("false");
        assertThat(Literals.of("-2", Types.BOOLEAN, -1, 1).literal()).isEqualTo("true");
        assertThat(Literals.of(1, Types.BOOLEAN, -1, 1).literal()).isEqualTo("true");
        assertThatThrownBy(() -> Literals.of("yes", Types.BOOLEAN, -1, 1)).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).isEqualTo("22018"));
    }

    @Test
    void decimalsOf38DigitsFitAnd39DoNot() throws SQLException {
        String nines = "9".repeat(38);
        ParameterValue widest = Literals.of(new BigDecimal(nines), 1);
        assertThat(widest.literal()).isEqualTo("DECIMAL '" + nines + "'");
        assertThat(widest.typeName()).isEqualTo("decimal(38,0)");
        assertThat(Literals.of(new java.math.BigInteger(nines), 1).literal()).isEqualTo("DECIMAL '" + nines + "'");
        assertThatThrownBy(() -> Literals.of(new BigDecimal(nines + "9"), 2)).isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("22003");
            assertThat(e.getMessage()).isEqualTo("Parameter 2: 39 digits do not fit Athena's decimal (38 at most)");
        });
        // With a scale asked for: one digit before the point and 37 after is 38.
        assertThat(Literals.of(BigDecimal.ONE, Types.DECIMAL, 37, 1).literal()).isEqualTo("DECIMAL '1." + "0".repeat(37) + "'");
        assertThatThrownBy(() -> Literals.of(BigDecimal.TEN, Types.NUMERIC, 37, 3)).isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("22003");
            assertThat(e.getMessage()).startsWith("Parameter 3: 39 digits (2 before the point, scale 37) do not fit");
        });
    }

    @Test
    void yearsOneAnd9999AreAthenasAndTheirNeighboursAreNot() throws SQLException {
        assertThat(literal(LocalDate.of(1, 1, 1))).isEqualTo("DATE '0001-01-01'");
        assertThat(literal(LocalDate.of(9999, 12, 31))).isEqualTo("DATE '9999-12-31'");
        assertThat(literal(LocalDateTime.of(9999, 12, 31, 23, 59, 59))).isEqualTo("TIMESTAMP '9999-12-31 23:59:59.000'");
        assertThatThrownBy(() -> literal(LocalDate.of(0, 12, 31))).isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("22007");
            assertThat(e.getMessage()).startsWith("Year 0 (1 BC) is outside");
        });
        assertThatThrownBy(() -> literal(LocalDate.of(-1, 1, 1))).hasMessageStartingWith("Year -1 (2 BC) is outside");
        assertThatThrownBy(() -> literal(LocalDate.of(10000, 1, 1))).isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("22007");
            assertThat(e.getMessage()).startsWith("Year 10000 is outside");
        });
    }

    @Test
    void timesKeepTheirMillisecondsAndConvertFromTimestamps() throws SQLException {
        java.sql.Time withMillis = new java.sql.Time(java.sql.Time.valueOf("12:34:56").getTime() + 789);
        assertThat(literal(withMillis)).isEqualTo("TIME '12:34:56.789'");
        Calendar utc = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        assertThat(Literals.time(new java.sql.Time(3_723_004L), utc).literal()).isEqualTo("TIME '01:02:03.004'");
        assertThat(Literals.of(Timestamp.valueOf("2020-01-02 03:04:05.5"), Types.TIME, -1, 1).literal())
                .isEqualTo("TIME '03:04:05.500'");
        assertThat(Literals.of(LocalDateTime.of(2020, 1, 2, 3, 4, 5), Types.TIME, -1, 1).literal())
                .isEqualTo("TIME '03:04:05.000'");
        assertThat(Literals.of(LocalDate.of(2020, 1, 2), Types.TIMESTAMP, -1, 1).literal())
                .isEqualTo("TIMESTAMP '2020-01-02 00:00:00.000'");
    }

    @Test
    void nullsKeepTheirTypeNameAndANamedContainerType() throws SQLException {
        assertThat(Literals.of(null, Types.INTEGER, -1, 1).literal()).isEqualTo("CAST(NULL AS integer)");
        assertThat(Literals.nullOf(Types.NULL).typeName()).isEqualTo("unknown");
        assertThat(Literals.nullOf(Types.VARCHAR).typeName()).isEqualTo("varchar");
        assertThat(Literals.nullOf(Types.ARRAY, "integer", 1).literal()).isEqualTo("CAST(NULL AS array(integer))");
        assertThat(Literals.nullOf(Types.ARRAY, "array(varchar)", 1).literal()).isEqualTo("CAST(NULL AS array(varchar))");
        assertThat(Literals.nullOf(Types.STRUCT, "row(a integer)", 1).literal()).isEqualTo("CAST(NULL AS row(a integer))");
        assertThat(Literals.nullOf(Types.OTHER, "map(varchar, bigint)", 1).literal())
                .isEqualTo("CAST(NULL AS map(varchar, bigint))");
        assertThat(Literals.nullOf(Types.JAVA_OBJECT, "json", 1).literal()).isEqualTo("CAST(NULL AS json)");
        // A type name of another type is ignored, as JDBC has it.
        assertThat(Literals.nullOf(Types.VARCHAR, "array(integer)", 1).literal()).isEqualTo("CAST(NULL AS varchar)");
        assertThat(Literals.nullOf(Types.ARRAY, " ", 1).literal()).isEqualTo(Literals.nullOf(Types.ARRAY).literal());
        assertThatThrownBy(() -> Literals.nullOf(Types.STRUCT, "integer", 4)).isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("HY024");
            assertThat(e.getMessage()).startsWith("Parameter 4: setNull type name 'integer' is no Athena row type;");
        });
        assertThatThrownBy(() -> Literals.nullOf(Types.ARRAY, "array", 4))
                .hasMessageStartingWith("Parameter 4: setNull type name 'array' is no Athena type;");
    }

    @Test
    void containerAndBinaryTargetsTakeWhatTheyName() throws SQLException {
        assertThat(Literals.of("h\u00e9", Types.VARBINARY, -1, 1).literal()).isEqualTo("X'68C3A9'");
        assertThat(Literals.of(new byte[] {1, (byte) 0xff}, Types.BLOB, -1, 1).literal()).isEqualTo("X'01FF'");
        assertThat(Literals.of(List.of(1, 2), Types.ARRAY, -1, 1).literal()).isEqualTo("ARRAY[1, 2]");
        assertThat(Literals.of(5, Types.OTHER, -1, 1).literal()).isEqualTo("5");
        assertThat(Literals.of("x", Types.JAVA_OBJECT, -1, 1).literal()).isEqualTo("'x'");
        java.sql.Array foreign = (java.sql.Array) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {java.sql.Array.class}, (proxy, method, args) -> new Object[] {"a'b", 7});
        assertThat(literal(foreign)).isEqualTo("ARRAY['a''b', 7]");
        AthenaStruct struct = AthenaStruct.of("row(x integer, s varchar)", new Object[] {1, "it's"});
        assertThat(Literals.of(struct, Types.STRUCT, -1, 1).literal()).isEqualTo(literal(struct))
                .isEqualTo("CAST(ROW(1, 'it''s') AS row(x integer, s varchar))");
        for (ThrowingCallable wrong : List.<ThrowingCallable>of(() -> Literals.of(5, Types.ARRAY, -1, 1),
                () -> Literals.of(List.of(1), Types.STRUCT, -1, 1))) {
            assertThatThrownBy(wrong).isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22018"));
        }
    }

    @Test
    void aRefusedValueIsShownUpTo40Characters() {
        assertThatThrownBy(() -> Literals.of("x".repeat(40), Types.INTEGER, -1, 1))
                .hasMessageContaining("String " + "x".repeat(40) + " cannot be converted to INTEGER");
        assertThatThrownBy(() -> Literals.of("x".repeat(41), Types.INTEGER, -1, 1))
                .hasMessageContaining("String " + "x".repeat(40) + "... cannot be converted to INTEGER");
    }
}
