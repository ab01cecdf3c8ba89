package ai.connecty.athena.jdbc.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The per-column converters read plain text straight from its characters: each answer must be the general
 * table's answer for the same text (value, or SQLException with the same SQLState), whichever path it took.
 */
class ColumnConverterTest {
    private static final TypeConversions CONVERSIONS = TypeConversions.get();
    /** The conformance suite's zones, and zones whose DST changes at midnight (a day that starts at 01:00, or twice). */
    private static final List<ZoneId> ZONES = List.of(ZoneOffset.UTC, ZoneId.of("Europe/Warsaw"), ZoneId.of("America/Denver"),
            ZoneId.of("Asia/Kathmandu"), ZoneId.of("America/Sao_Paulo"), ZoneId.of("Asia/Beirut"), ZoneId.of("America/Havana"),
            ZoneId.of("+05:30"));

    /**
     * The text as the S3 source hands it over: a view into a larger array, with bytes around it that must not be read.
     */
    private static TextSlice slice(String text) {
        byte[] value = text.getBytes(StandardCharsets.UTF_8);
        byte[] around = new byte[value.length + 6];
        Arrays.fill(around, (byte) '9');
        System.arraycopy(value, 0, around, 3, value.length);
        return new TextSlice().of(around, 3, value.length);
    }

    private static ColumnConverter column(String type) {
        return CONVERSIONS.converter("c", TypeSignature.parse(type));
    }

    /** The general path's answer: the value, or the SQLState of its refusal. */
    private static Object general(String type, String text, Class<?> target, ZoneId zone) {
        try {
            return CONVERSIONS.convert("c", TypeSignature.parse(type), text, target, zone);
        } catch (SQLException e) {
            return "SQLState " + e.getSQLState();
        }
    }

    private interface Read {
        Object read() throws SQLException;
    }

    private static Object plain(Read read) {
        try {
            return read.read();
        } catch (SQLException e) {
            return "SQLState " + e.getSQLState();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "42", "-42", "+42", "007", "123456789012345678", "-123456789012345678",
        "9223372036854775807", "-9223372036854775808", "9223372036854775808", "-9223372036854775809",
        "2147483647", "2147483648", "-2147483648", "-2147483649", "32768", "-129", "127", "1.9", "-1.9", "1e3", " 7 ",
        "", "-", "+", "--1", "1-", "abc", "١٢", "true", "NaN", "Infinity", "12345678901234567890123"})
    void integerGettersAnswerAsTheTable(String text) {
        for (String type : List.of("bigint", "integer", "varchar", "double", "decimal(38,0)")) {
            ColumnConverter column = column(type);
            assertThat(plain(() -> column.toLong(slice(text), Long.MIN_VALUE, Long.MAX_VALUE, Long.class)))
                    .as("getLong %s '%s'", type, text).isEqualTo(general(type, text, Long.class, null));
            assertThat(plain(() -> (long) (int) column.toLong(slice(text), Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.class)))
                    .as("getInt %s '%s'", type, text).isEqualTo(longOrState(general(type, text, Integer.class, null)));
            assertThat(plain(() -> (long) (short) column.toLong(slice(text), Short.MIN_VALUE, Short.MAX_VALUE, Short.class)))
                    .as("getShort %s '%s'", type, text).isEqualTo(longOrState(general(type, text, Short.class, null)));
            assertThat(plain(() -> (long) (byte) column.toLong(slice(text), Byte.MIN_VALUE, Byte.MAX_VALUE, Byte.class)))
                    .as("getByte %s '%s'", type, text).isEqualTo(longOrState(general(type, text, Byte.class, null)));
        }
    }

    private static Object longOrState(Object general) {
        return general instanceof Number ? (Object) ((Number) general).longValue() : general;
    }

    @Test
    void overflowIs22003AndALeadingPlusIsANumber() throws SQLException {
        ColumnConverter bigint = column("bigint");
        assertThat(bigint.toLong(slice("+17"), Long.MIN_VALUE, Long.MAX_VALUE, Long.class)).isEqualTo(17L);
        assertThat(bigint.toLong(slice("-9223372036854775808"), Long.MIN_VALUE, Long.MAX_VALUE, Long.class)).isEqualTo(Long.MIN_VALUE);
        assertThatThrownBy(() -> bigint.toLong(slice("9223372036854775808"), Long.MIN_VALUE, Long.MAX_VALUE, Long.class))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22003"));
        assertThatThrownBy(() -> bigint.toLong(slice("2147483648"), Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.class))
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("22003");
                    assertThat(e.getMessage()).contains("'2147483648'").contains("Integer");
                });
        assertThatThrownBy(() -> column("double").toDouble(slice("1e400")))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22003"));
        assertThatThrownBy(() -> column("double").toFloat(slice("1e39")))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22003"));
        assertThatThrownBy(() -> column("double").toDouble(slice("0x1p3")))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22018"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "0.0", "-0.0", "1.5", "-1.5", "+2.5", "0.1", "0.30000000000000004", "3.141592653589793",
        "1e10", "1E10", "1.5E-7", "-2.5e+3", "1.0E20", "1e22", "1e23", "1e-22", "1e-23", "9007199254740993", "4.9E-324",
        "1.7976931348623157E308", "1e308", "1e309", "1e-400", "1e9999", "1e-9999", "1e99999", "123456789012345678901234567890",
        "0.000000000000000000000000000001", "1.", ".5", "-.5", "1e", "e5", ".", "-", "1e+", "--1", "1d", "0x1p3", " 1.5",
        "NaN", "Infinity", "-Infinity", "+Infinity", "true", "١.٥", "12345678901234567.5", "2.2250738585072012e-308"})
    void doubleAndFloatGettersAnswerAsTheTable(String text) {
        for (String type : List.of("double", "real", "decimal(10,2)", "varchar", "bigint")) {
            ColumnConverter column = column(type);
            assertThat(bits(plain(() -> column.toDouble(slice(text))))).as("getDouble %s '%s'", type, text)
                    .isEqualTo(bits(general(type, text, Double.class, null)));
            assertThat(bits(plain(() -> column.toFloat(slice(text))))).as("getFloat %s '%s'", type, text)
                    .isEqualTo(bits(general(type, text, Float.class, null)));
        }
    }

    /** Doubles compared bit for bit, so that -0.0 and 0.0 differ and NaN equals NaN. */
    private static Object bits(Object value) {
        if (value instanceof Double) {
            return "double " + Long.toHexString(Double.doubleToRawLongBits((Double) value));
        }
        if (value instanceof Float) {
            return "float " + Integer.toHexString(Float.floatToRawIntBits((Float) value));
        }
        return value;
    }

    @Test
    void randomDecimalTextReadsAsDoubleParseDoubleReadsIt() throws SQLException {
        Random random = new Random(6);
        ColumnConverter column = column("double");
        for (int i = 0; i < 200_000; i++) {
            String text;
            switch (i % 3) {
                case 0:
                    text = Double.toString(Double.longBitsToDouble(random.nextLong())); // every bit pattern as Java prints it
                    break;
                case 1:
                    text = String.format(Locale.ROOT, "%." + random.nextInt(12) + "f", (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(20)));
                    break;
                default:
                    text = (random.nextBoolean() ? "-" : "") + random.nextInt(1_000_000) + "." + random.nextInt(1_000_000)
                            + "e" + (random.nextInt(60) - 30);
                    break;
            }
            if (text.contains("Infinity") || text.equals("NaN")) {
                continue;
            }
            double expected = Double.parseDouble(text);
            if (Double.isInfinite(expected)) {
                continue;
            }
            assertThat(Double.doubleToRawLongBits(column.toDouble(slice(text)))).as(text).isEqualTo(Double.doubleToRawLongBits(expected));
        }
    }

    @Test
    void nanAndInfinityAsAthenaPrintsThemAreRead() throws SQLException {
        ColumnConverter column = column("double");
        assertThat(column.toDouble(slice("NaN"))).isNaN();
        assertThat(column.toDouble(slice("Infinity"))).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(column.toDouble(slice("-Infinity"))).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(column.toFloat(slice("-Infinity"))).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(1 / column.toDouble(slice("-0.0"))).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void everyDayFrom1890To2040AndSomeUpTo2400ReadAsTheCalendarPlacesThemInEachZone() throws SQLException {
        for (ZoneId zone : ZONES) {
            for (String type : List.of("date", "timestamp", "varchar")) {
                ColumnConverter column = column(type);
                for (LocalDate day = LocalDate.of(1890, 1, 1); day.getYear() <= 2400;
                     day = day.plusDays(day.getYear() < 1960 ? 7 : day.getYear() <= 2040 ? 1 : 29)) {
                    String text = day.toString();
                    assertThat(column.toDate(slice(text), zone)).as("%s %s in %s", type, text, zone)
                            .isEqualTo(general(type, text, java.sql.Date.class, zone));
                    assertThat(column.toTimestamp(slice(text), zone)).as("%s %s in %s", type, text, zone)
                            .isEqualTo(general(type, text, Timestamp.class, zone));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-01-31 12:34:56", "2024-01-31 12:34:56.7", "2024-01-31 12:34:56.789", "2024-01-31 12:34:56.123456",
        "2024-01-31 12:34:56.123456789", "2024-01-31 00:00:00.000", "2024-12-31 23:59:59.999999999",
        "2024-03-31 02:30:00.000", "2024-10-27 02:30:00.000", "2024-03-10 02:30:00", "2024-11-03 01:30:00",
        "2018-11-04 00:30:00", "2024-03-31 00:00:00", "1900-01-01 00:00:00", "1901-01-01 00:00:00", "1900-12-31 23:59:59", "1899-12-31 23:59:59", "1582-10-10 12:00:00",
        "9999-12-31 23:59:59.999", "2024-02-30 00:00:00", "2023-02-29", "2024-02-29", "2024-13-01", "2024-01-31 24:00:00",
        "2024-01-31 12:60:00", "2024-01-31 12:00:60", "2024-01-31T12:00:00", "2024-01-31 12:00:00.", "2024-01-31 12:00:00.1234567890",
        "2024-01-31 12:00", " 2024-01-31", "2024-1-31", "20240131", "24-01-31", "+2024-01-31", "abcd-ef-gh", "2024-01-31 12:34:56 UTC"})
    void timestampsAndDatesAnswerAsTheTable(String text) {
        for (ZoneId zone : ZONES) {
            for (String type : List.of("timestamp", "date", "varchar", "char(30)")) {
                ColumnConverter column = column(type);
                assertThat(plain(() -> column.toTimestamp(slice(text), zone))).as("getTimestamp %s '%s' in %s", type, text, zone)
                        .isEqualTo(general(type, text, Timestamp.class, zone));
                assertThat(plain(() -> column.toDate(slice(text), zone))).as("getDate %s '%s' in %s", type, text, zone)
                        .isEqualTo(general(type, text, java.sql.Date.class, zone));
            }
        }
    }

    @Test
    void aTimestampKeepsItsFractionAndMidnightOfADateIsADate() throws SQLException {
        ZoneId warsaw = ZoneId.of("Europe/Warsaw");
        Timestamp timestamp = column("timestamp").toTimestamp(slice("2024-07-01 12:34:56.123456789"), warsaw);
        assertThat(timestamp.getNanos()).isEqualTo(123_456_789);
        assertThat(timestamp.toInstant()).isEqualTo(java.time.Instant.parse("2024-07-01T10:34:56.123456789Z"));
        assertThat(column("timestamp").toTimestamp(slice("2024-07-01 12:34:56.5"), warsaw).getNanos()).isEqualTo(500_000_000);
        assertThat(column("date").toDate(slice("2024-07-01"), warsaw).getTime())
                .isEqualTo(java.time.Instant.parse("2024-06-30T22:00:00Z").toEpochMilli());
        assertThat(column("date").toTimestamp(slice("2024-07-01"), ZoneOffset.UTC).toInstant())
                .isEqualTo(java.time.Instant.parse("2024-07-01T00:00:00Z"));
    }

    @Test
    void typesWithoutAPlainReadingStillConvertThroughTheTable() throws SQLException {
        // A zoned timestamp is not zone-less text: its getDate/getTimestamp must keep the zone it names.
        ColumnConverter zoned = column("timestamp with time zone");
        assertThat(zoned.toTimestamp(slice("2024-01-31 12:00:00.000 UTC"), ZoneId.of("Asia/Kathmandu")).toInstant())
                .isEqualTo(java.time.Instant.parse("2024-01-31T12:00:00Z"));
        assertThat(column("boolean").toLong(slice("true"), Long.MIN_VALUE, Long.MAX_VALUE, Long.class)).isEqualTo(1L);
        List<String> refused = new ArrayList<>();
        for (String type : List.of("array(integer)", "map(varchar,integer)", "varbinary", "json")) {
            try {
                column(type).toLong(slice("1"), Long.MIN_VALUE, Long.MAX_VALUE, Long.class);
            } catch (SQLException e) {
                refused.add(type + " " + e.getSQLState());
            }
        }
        assertThat(refused).containsExactly("array(integer) 22018", "map(varchar,integer) 22018", "varbinary 22018", "json 22018");
    }

    @Test
    void aRepeatedWallTimeIsPlacedAgainWhenTheZoneChanges() throws SQLException {
        ColumnConverter column = column("timestamp");
        ZoneId kathmandu = ZoneId.of("Asia/Kathmandu");
        ZoneId denver = ZoneId.of("America/Denver");
        String text = "2024-07-01 12:00:00.250";
        for (ZoneId zone : List.of(kathmandu, kathmandu, denver, denver, kathmandu, ZoneOffset.UTC)) {
            Timestamp read = column.toTimestamp(slice(text), zone);
            assertThat(read.toInstant()).as("in %s", zone)
                    .isEqualTo(java.time.LocalDateTime.parse("2024-07-01T12:00:00.250").atZone(zone).toInstant());
        }
        // The same wall time with another fraction keeps its own fraction.
        assertThat(column.toTimestamp(slice("2024-07-01 12:00:00.75"), ZoneOffset.UTC).getNanos()).isEqualTo(750_000_000);
        ColumnConverter dates = column("date");
        assertThat(dates.toDate(slice("2024-07-01"), kathmandu)).isEqualTo(general("date", "2024-07-01", java.sql.Date.class, kathmandu));
        assertThat(dates.toDate(slice("2024-07-01"), denver)).isEqualTo(general("date", "2024-07-01", java.sql.Date.class, denver));
        assertThat(dates.toDate(slice("2024-07-02"), denver)).isEqualTo(general("date", "2024-07-02", java.sql.Date.class, denver));
    }

    private static final List<String> OBJECT_TYPES = List.of("tinyint", "smallint", "integer", "bigint", "real", "double",
            "date", "timestamp", "decimal(10,2)", "decimal(38,6)", "varchar", "char(30)", "boolean", "timestamp with time zone", "json");

    /** Texts of every shape the fast getObject meets: plain and not, in range and not, numbers, dates and words. */
    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "42", "-42", "+42", "127", "-129", "32768", "2147483647", "2147483648", "-2147483649",
        "9223372036854775807", "-9223372036854775808", "9223372036854775808", "123456789012345678", "1.5", "-0.0", "1.5E-7",
        "0.30000000000000004", "3.4028235E38", "3.5E38", "1e309", "NaN", "Infinity", "-Infinity", "1.", ".5", "1e", " 7 ", "",
        "abc", "true", "١٢", "2024-01-31", "2024-02-30", "1899-12-31", "2024-01-31 12:34:56.123456789", "2024-03-31 02:30:00",
        "2024-01-31 12:00:00.000 UTC", "2024-01-31T12:00:00", "12.50", "-0.50", "0.000", "-.5", "1234567890123456.78",
        "12345678901234567.89", "-999999999999999999", "1.2.3", "1e3", "1,5", "+.", "."})
    void getObjectAnswersAsTheTableForItsDefaultClass(String text) {
        for (ZoneId zone : List.of(ZoneOffset.UTC, ZoneId.of("Europe/Warsaw"), ZoneId.of("America/Havana"))) {
            for (String type : OBJECT_TYPES) {
                ColumnConverter column = column(type);
                for (Class<?> target : List.of(Object.class, TypeSignature.parse(type).javaClass())) {
                    if (column.readsObject(target)) {
                        assertThat(bits(plain(() -> column.toObject(slice(text), target, zone))))
                                .as("getObject(%s) %s '%s' in %s", target.getSimpleName(), type, text, zone)
                                .isEqualTo(bits(general(type, text, target, zone)));
                    }
                }
            }
        }
    }

    /**
     * getObject of a value not read from its bytes (text, booleans, binary, times, complex values) uses a conversion
     * the column resolved once: the same value, or the same refusal word for word, as the table's per-call lookup.
     */
    @ParameterizedTest
    @ValueSource(strings = {"0", "42", "-1.5", "true", "FALSE", "yes", "", " x ", "abc", "ZmFjZQ==", "00 ff", "12:34:56.789",
        "12:34:56.789 +05:30", "25:00:00", "2024-01-31 12:00:00.000 UTC", "2024-01-31", "[1, 2]", "{a=1}", "{x=1, y=2}",
        "\"json\"", "{\"k\": [1]}", "1 02:03:04.005", "2-3", "12345678-1234-1234-1234-123456789012", "10.0.0.1", "::1", "null"})
    void getObjectOfTypesReadAsTextAnswersAsTheTableWordForWord(String text) {
        List<String> types = List.of("varchar", "char(3)", "boolean", "varbinary", "time", "time with time zone",
                "timestamp with time zone", "json", "interval day to second", "interval year to month", "uuid", "ipaddress",
                "unknown", "array(integer)", "map(varchar,integer)", "row(x integer, y integer)");
        for (ZoneId zone : List.of(ZoneOffset.UTC, ZoneId.of("America/Havana"))) {
            for (String type : types) {
                ColumnConverter column = column(type);
                assertThat(column.readsObject(Object.class)).as(type).isFalse();
                assertThat(outcome(() -> column.convert(text, Object.class, zone)))
                        .as("getObject %s '%s' in %s", type, text, zone)
                        .isEqualTo(outcome(() -> CONVERSIONS.convert("c", TypeSignature.parse(type), text, Object.class, zone)));
            }
        }
    }

    /** A value compared by what it shows (arrays and structs have no equals), or the refusal's state and message. */
    private static String outcome(Read read) {
        try {
            Object value = read.read();
            if (value instanceof byte[]) {
                return "bytes " + Arrays.toString((byte[]) value);
            }
            if (value instanceof java.sql.Array) {
                return "array " + Arrays.deepToString((Object[]) ((java.sql.Array) value).getArray());
            }
            if (value instanceof java.sql.Struct) {
                return "struct " + Arrays.deepToString(((java.sql.Struct) value).getAttributes());
            }
            return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
        } catch (SQLException e) {
            return "SQLState " + e.getSQLState() + ": " + e.getMessage();
        }
    }

    @Test
    void aPlainDecimalKeepsItsScaleAsTheTableDoes() throws SQLException {
        // BigDecimal.equals compares the scale too, so 12.50 must not come back as 12.5.
        Object read = column("decimal(10,2)").toObject(slice("12.50"), java.math.BigDecimal.class, null);
        assertThat(read).isEqualTo(new java.math.BigDecimal("12.50"));
        assertThat(((java.math.BigDecimal) read).scale()).isEqualTo(2);
        Random random = new Random(42);
        ColumnConverter decimal = column("decimal(38,9)");
        for (int i = 0; i < 20_000; i++) {
            int scale = random.nextInt(10);
            long unscaled = random.nextLong() % (long) Math.pow(10, 1 + random.nextInt(18));
            String text = java.math.BigDecimal.valueOf(unscaled, scale).toPlainString();
            assertThat(decimal.toObject(slice(text), Object.class, null)).as(text)
                    .isEqualTo(general("decimal(38,9)", text, Object.class, null));
        }
    }

    @Test
    void getObjectReadsBytesOnlyForNumbersAndZonelessDatesAsTheirDefaultClass() {
        List<String> fromBytes = new ArrayList<>();
        for (String type : OBJECT_TYPES) {
            Class<?> javaClass = TypeSignature.parse(type).javaClass();
            if (column(type).readsObject(Object.class)) {
                assertThat(column(type).readsObject(javaClass)).as(type).isTrue();
                fromBytes.add(type + " " + javaClass.getSimpleName());
            }
        }
        assertThat(fromBytes).containsExactly("tinyint Integer", "smallint Integer", "integer Integer", "bigint Long",
                "real Float", "double Double", "date Date", "timestamp Timestamp", "decimal(10,2) BigDecimal", "decimal(38,6) BigDecimal");
        // Another class goes through the table, which knows every pair.
        assertThat(column("integer").readsObject(Long.class)).isFalse();
        assertThat(column("bigint").readsObject(String.class)).isFalse();
        assertThat(column("date").readsObject(java.time.LocalDate.class)).isFalse();
    }

    /** A column that is no number takes the table's answer for getDouble and getFloat (a boolean's 1, a date's 22018). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"boolean|true", "date|2024-01-31", "json|42", "varbinary|12", "time|12:00:00"})
    void doubleGettersOfOtherTypesAnswerAsTheTable(String type, String text) {
        ColumnConverter column = column(type);
        assertThat(column.type().typeName()).isEqualTo(type);
        assertThat(plain(() -> column.toDouble(slice(text)))).isEqualTo(general(type, text, Double.class, null));
        assertThat(plain(() -> column.toFloat(slice(text)))).isEqualTo(general(type, text, Float.class, null));
    }
}
