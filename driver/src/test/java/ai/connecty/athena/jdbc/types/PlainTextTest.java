package ai.connecty.athena.jdbc.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The fast parsers on their own, at the edges of the shapes they document: text of those shapes is read here (not
 * handed on: a fast path that silently stopped reading 18-digit integers, the last day of a month or midnight would
 * only be slower, and nothing else would notice), with the general parser's value; text just outside them is
 * {@code NOT_PLAIN}, never a value of its own. {@code ColumnConverterTest} checks whole getters against the table;
 * these checks found the edges that it did not pin (a mutation-testing audit with PIT, see the README).
 */
class PlainTextTest {
    private static final TypeConversions CONVERSIONS = TypeConversions.get();

    /** The text's bytes and nothing after them: a read past the slice's end fails with an exception. */
    private static TextSlice exact(String text) {
        return TextSlice.of(text);
    }

    private static <T> T general(String type, String text, Class<T> target, ZoneId zone) throws SQLException {
        return CONVERSIONS.convert("c", TypeSignature.parse(type), text, target, zone);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "+0", "7", "-7", "+5", "10", "123456789012345678", "-123456789012345678",
        "999999999999999999", "000000000000000001"})
    void integersOfUpTo18DigitsAreReadHere(String text) throws SQLException {
        assertThat(PlainText.parseLong(exact(text))).as(text).isNotEqualTo(PlainText.NOT_PLAIN)
                .isEqualTo(general("bigint", text, Long.class, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "+", "1234567890123456789", "-1234567890123456789", "9223372036854775807", "1.5",
        "1e3", " 7", "7 ", "--7", "+-7", "7-", "0x10"})
    void otherIntegerTextIsHandedOn(String text) {
        assertThat(PlainText.parseLong(exact(text))).as(text).isEqualTo(PlainText.NOT_PLAIN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "0.5", "-0.5", "+1.25", ".5", "-.5", "5.", "0.000", "-0.00", "12.50",
        "12345678901234567.8", "0.12345678901234567", ".123456789012345678", "123456789012345678", "123456789012345678.",
        "-99999999999999999.9"})
    void decimalsOfUpTo18DigitsAreReadHereWithTheirScale(String text) throws SQLException {
        BigDecimal read = PlainText.parseDecimal(exact(text));
        // BigDecimal.equals compares the scale too: 12.50 is not 12.5.
        assertThat(read).as(text).isNotNull().isEqualTo(general("decimal(38,18)", text, BigDecimal.class, null))
                .isEqualTo(new BigDecimal(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "-", "+.", "-.", "1234567890123456789", "1234567890123456.789", ".1234567890123456789",
        "1.2.3", "1e5", "1.5E3", " 1.5", "1.5 ", "1,5", "--1", "1.-5", "1.+5"})
    void otherDecimalTextIsHandedOn(String text) {
        assertThat(PlainText.parseDecimal(exact(text))).as(text).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "9", "-0", "0.5", "9.9", "1e0", "1e9", "9E9", "1E22", "1e-22", "1e0010", "1e-0010",
        "-2.5e+3", "+2.5E-3", "123.456e-7", "1.", ".5", "900719925474099", "900719925474099.1", "0.1", "0.30000000000000004"})
    void decimalNumbersAreReadHereAsDoubleParseDoubleReadsThem(String text) throws SQLException {
        double read = PlainText.parseDouble(exact(text));
        assertThat(Double.isNaN(read)).as(text).isFalse();
        assertThat(Double.doubleToRawLongBits(read)).as(text)
                .isEqualTo(Double.doubleToRawLongBits(general("double", text, Double.class, null)))
                .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", ".", "e5", "1e", "1E", "1e+", "1e-", "1e12345", "1e5x", "1e+5 ", "1.5e3f", "1.5e-3d",
        "1e5.5", "1e5e5", "1..5", "1.5.", "1d", "1 ", " 1", "NaN", "Infinity", "-Infinity", "0x1p3", "1_000"})
    void otherNumberTextIsHandedOn(String text) {
        assertThat(PlainText.parseDouble(exact(text))).as(text).isNaN();
    }

    /**
     * Sixteen digits from 2^53 / 10 on no longer fit a double exactly: scaled by a power of ten they would be rounded
     * twice, so they must take Double.parseDouble's single rounding (9007199254740993e-2 is one such value).
     */
    @Test
    void sixteenDigitMantissasBeyondTwoToThe53RoundOnce() {
        for (int digit = 0; digit <= 9; digit++) {
            for (int exponent = -22; exponent <= 22; exponent++) {
                String text = "900719925474099" + digit + "e" + exponent;
                assertThat(Double.doubleToRawLongBits(PlainText.parseDouble(exact(text)))).as(text)
                        .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
            }
        }
        assertThat(PlainText.parseDouble(exact("90071992547409.93"))).isEqualTo(Double.parseDouble("90071992547409.93"));
    }

    private static final List<ZoneId> ZONES = List.of(ZoneOffset.UTC, ZoneId.of("Europe/Warsaw"), ZoneId.of("+05:30"));

    @ParameterizedTest
    @ValueSource(strings = {"1901-01-01", "9999-12-31", "2024-01-01", "2024-01-31", "2024-02-29", "2000-02-29",
        "2023-02-28", "2024-03-31", "2024-04-30", "2024-06-30", "2024-09-30", "2024-11-30", "2024-12-01", "2024-12-31",
        "2024-10-10"})
    void datesFrom1901AreReadHere(String text) throws SQLException {
        for (ZoneId zone : ZONES) {
            for (boolean withTime : new boolean[] {false, true}) {
                int[] nanos = {-1};
                long second = PlainText.epochSecond(exact(text), withTime, zone, nanos, new PlainText.LastWallTime());
                assertThat(second).as("%s in %s", text, zone).isNotEqualTo(PlainText.NOT_PLAIN)
                        .isEqualTo(general("date", text, Timestamp.class, zone).getTime() / 1000);
                assertThat(nanos[0]).isZero();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-01-31 00:00:00", "2024-01-31 23:59:59", "2024-01-31 09:09:09", "2024-01-31 19:19:19",
        "2024-01-31 12:34:56.1", "2024-01-31 12:34:56.123456789", "2024-01-31 00:00:00.000", "2024-07-01 10:00:00.000000001",
        "1901-01-01 00:00:00", "9999-12-31 23:59:59.999999999"})
    void timestampsFrom1901AreReadHereWithTheirFraction(String text) throws SQLException {
        for (ZoneId zone : ZONES) {
            int[] nanos = {-1};
            long second = PlainText.epochSecond(exact(text), true, zone, nanos, new PlainText.LastWallTime());
            Timestamp expected = general("timestamp", text, Timestamp.class, zone);
            assertThat(second).as("%s in %s", text, zone).isNotEqualTo(PlainText.NOT_PLAIN)
                    .isEqualTo(Math.floorDiv(expected.getTime(), 1000L));
            assertThat(nanos[0]).as(text).isEqualTo(expected.getNanos());
        }
    }

    /** Almost plain: a wrong separator, a field out of range, a day the month has not, or a length of another shape. */
    @ParameterizedTest
    @ValueSource(strings = {"2024/01/31", "2024-01/31", "2024/01-31", "2024x01x31", "2024-01-31x12:34:56",
        "2024-01-31T12:34:56", "2024-01-31 12-34:56", "2024-01-31 12:34-56", "2024-01-31 12:34:56,5", "2024-01-31 12:34:56x5",
        "2024-01-31 12:34:56.", "2024-01-31 12:34:56.1234567890", "2024-01-31 12:34:56.12a", "1900-12-31", "1900-12-31 23:59:59",
        "0999-01-01", "2024-00-10", "2024-13-01", "2024-01-00", "2024-01-32", "2024-02-30", "2023-02-29", "2100-02-29",
        "1901-02-29", "2024-04-31", "2024-06-31", "2024-09-31", "2024-11-31", "2024-01-31 24:00:00", "2024-01-31 12:60:00",
        "2024-01-31 12:00:60", "2024-1-31", "24-01-31", "+2024-01-31", "2024-01-31 ", "2024-01-31 1", "abcd-ef-gh"})
    void almostPlainDatesAndTimestampsAreHandedOn(String text) {
        for (boolean withTime : new boolean[] {false, true}) {
            assertThat(PlainText.epochSecond(exact(text), withTime, ZoneOffset.UTC, new int[1], new PlainText.LastWallTime()))
                    .as("%s (with time: %s)", text, withTime).isEqualTo(PlainText.NOT_PLAIN);
        }
    }

    @Test
    void aDateReaderHandsOnTimestamps() {
        assertThat(PlainText.epochSecond(exact("2024-01-31 12:34:56"), false, ZoneOffset.UTC, new int[1],
                new PlainText.LastWallTime())).isEqualTo(PlainText.NOT_PLAIN);
    }

    /**
     * A column remembers the last wall time it placed: each of these differs from the one before in one field only
     * (year, month, day, hour, minute, second, zone), and each must be placed anew, not answered from that memory.
     */
    @Test
    void wallTimesThatDifferInOneFieldAreEachPlacedAnew() {
        String[] texts = {"2024-07-01 12:34:56", "2025-07-01 12:34:56", "2025-08-01 12:34:56", "2025-08-02 12:34:56",
            "2025-08-02 13:34:56", "2025-08-02 13:35:56", "2025-08-02 13:35:57", "2025-08-02 13:35:57", "2024-07-01 12:34:56",
            "2024-07-01 00:00:00", "2024-07-01 00:00:00.5", "2024-07-01 12:00:00", "2024-07-01 12:12:00", "2024-07-01 12:12:12"};
        PlainText.LastWallTime last = new PlainText.LastWallTime();
        int[] nanos = new int[1];
        for (ZoneId zone : List.of(ZoneOffset.UTC, ZoneId.of("Asia/Kathmandu"), ZoneId.of("America/Denver"))) {
            for (String text : texts) {
                LocalDateTime wall = LocalDateTime.parse(text.replace(' ', 'T'));
                assertThat(PlainText.epochSecond(exact(text), true, zone, nanos, last)).as("%s in %s", text, zone)
                        .isEqualTo(wall.atZone(zone).toEpochSecond());
                assertThat(nanos[0]).as(text).isEqualTo(wall.getNano());
            }
        }
        String[] days = {"2024-07-01", "2024-07-02", "2024-08-02", "2025-08-02", "2025-08-02"};
        for (String text : days) {
            assertThat(PlainText.epochSecond(exact(text), false, ZoneOffset.UTC, nanos, last)).as(text)
                    .isEqualTo(java.time.LocalDate.parse(text).atStartOfDay().toEpochSecond(ZoneOffset.UTC));
        }
    }
}
