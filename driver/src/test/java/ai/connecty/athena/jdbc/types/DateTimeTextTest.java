package ai.connecty.athena.jdbc.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the mutation audit of {@link DateTimeText} and {@link LegacyDateTimes} found untested. */
class DateTimeTextTest {
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private final TypeConversions conversions = TypeConversions.get();

    /** Athena's engine 2 (Presto) prints a time with time zone with the zone's name, not an offset. */
    @Test
    void aTimeWithTimeZoneNamedByItsZoneTakesTheZonesOffsetOnTheEpochDay() throws SQLException {
        assertThat(DateTimeText.parseTimeWithTimeZone("12:34:56.789 America/New_York"))
                .isEqualTo(OffsetTime.of(12, 34, 56, 789_000_000, ZoneOffset.ofHours(-5)));
        assertThat(DateTimeText.parseTimeWithTimeZone("01:02:03 UTC")).isEqualTo(OffsetTime.of(1, 2, 3, 0, ZoneOffset.UTC));
        assertThat(conversions.convert("c", TypeSignature.parse("time with time zone"), "12:00:00.000 Asia/Kolkata",
                OffsetTime.class, UTC)).isEqualTo(OffsetTime.of(12, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30)));
        assertThat(DateTimeText.parseTimeWithTimeZone("12:34:56.789+05:30"))
                .isEqualTo(OffsetTime.of(12, 34, 56, 789_000_000, ZoneOffset.ofHoursMinutes(5, 30)));
    }

    /** A zoned timestamp's text without its zone is refused (22007) with the shape it should have. */
    @Test
    void aTimestampWithTimeZoneWithoutItsZoneNamesTheExpectedShape() {
        assertThatThrownBy(() -> conversions.convert("c", TypeSignature.parse("timestamp with time zone"),
                "2020-01-01 12:00:00", Timestamp.class, UTC))
                .isInstanceOf(SQLException.class).hasMessageContaining("expected '<date> <time> <zone>'")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22007");
    }

    /** java.sql.Time keeps milliseconds (JDBC: the time on 1970-01-01 in the getter's zone), and the seconds. */
    @Test
    void aTimeReadAsJavaSqlTimeKeepsSecondsAndMilliseconds() throws SQLException {
        long utcMillis = LocalTime.of(12, 34, 56, 789_000_000).toSecondOfDay() * 1000L + 789;
        Time inUtc = conversions.convert("c", TypeSignature.parse("time(3)"), "12:34:56.789", Time.class, UTC);
        assertThat(inUtc.getTime()).isEqualTo(utcMillis);
        Time inNewYork = conversions.convert("c", TypeSignature.parse("time(3)"), "12:34:56.789", Time.class, NEW_YORK);
        assertThat(inNewYork.getTime()).isEqualTo(utcMillis + 5 * 3_600_000L);
        Time ofTimestamp = conversions.convert("c", TypeSignature.parse("timestamp(3)"), "2024-07-01 12:34:56.789",
                Time.class, UTC);
        assertThat(ofTimestamp.getTime()).isEqualTo(utcMillis);
        Time ofZoned = conversions.convert("c", TypeSignature.parse("timestamp(3) with time zone"),
                "2024-07-01 08:34:56.789 America/New_York", Time.class, UTC);
        assertThat(ofZoned.getTime()).isEqualTo(utcMillis);
    }

    /** The year 1 is the first a java.sql value can show; before it the refusal names the year as BC. */
    @Test
    void theYearOneIsAJavaSqlValueAndYearsBeforeItAreNamedAsBc() throws SQLException {
        java.sql.Date date = conversions.convert("c", AthenaType.DATE, "0001-01-01", java.sql.Date.class, UTC);
        assertThat(date.toString()).isEqualTo("0001-01-01");
        Timestamp timestamp = conversions.convert("c", AthenaType.TIMESTAMP, "0001-01-01 00:00:00", Timestamp.class, UTC);
        assertThat(timestamp.toString()).isEqualTo("0001-01-01 00:00:00.0");
        for (List<String> yearAndMessage : List.of(
                List.of("0000-06-30", "the year 0 (1 BC) has no java.sql value, which would show it as the year 1 AD"),
                List.of("-0001-06-30", "the year -1 (2 BC) has no java.sql value, which would show it as the year 2 AD"))) {
            assertThatThrownBy(() -> conversions.convert("c", AthenaType.DATE, yearAndMessage.get(0), java.sql.Date.class, UTC))
                    .isInstanceOf(SQLException.class).hasMessageContaining(yearAndMessage.get(1))
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22007");
        }
        assertThat(conversions.convert("c", AthenaType.DATE, "0000-06-30", LocalDate.class, UTC))
                .isEqualTo(LocalDate.of(0, 6, 30));
    }
}
