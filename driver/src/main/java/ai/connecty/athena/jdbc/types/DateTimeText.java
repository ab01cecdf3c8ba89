package ai.connecty.athena.jdbc.types;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;

/**
 * Parses the date/time text Athena renders: {@code 2020-01-01}, {@code 2020-01-01 12:34:56.789} (0 to 9
 * fraction digits: the precision of the column is kept), {@code 12:34:56.789}, {@code 12:34:56.789+00:00}
 * and {@code 2020-01-01 12:34:56.789 UTC} or {@code ... America/New_York} for values with a time zone.
 * Every method throws {@link DateTimeException} for text in any other shape.
 */
public final class DateTimeText {
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2).appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DATE).appendLiteral(' ').append(TIME)
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIME_WITH_OFFSET = new DateTimeFormatterBuilder()
            .append(TIME).appendOffset("+HH:MM", "Z")
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);

    private DateTimeText() {
    }

    public static LocalDate parseDate(String text) {
        return LocalDate.parse(text.trim(), DATE);
    }

    /**
     * Accepts a bare date too, so a date column can be read as a timestamp at midnight. Years outside 0000..9999
     * have a sign ({@code +10000-01-01}, {@code -0001-01-01}), as Athena prints them, so a date is told by its lack
     * of a time, not by its length.
     */
    public static LocalDateTime parseTimestamp(String text) {
        String trimmed = text.trim();
        if (trimmed.indexOf(' ') < 0) {
            return parseDate(trimmed).atStartOfDay();
        }
        return LocalDateTime.parse(trimmed, TIMESTAMP);
    }

    public static LocalTime parseTime(String text) {
        return LocalTime.parse(text.trim(), TIME);
    }

    public static OffsetTime parseTimeWithTimeZone(String text) {
        String trimmed = text.trim();
        int space = trimmed.indexOf(' ');
        if (space > 0) {
            LocalTime local = parseTime(trimmed.substring(0, space));
            ZoneId zone = parseZone(trimmed.substring(space + 1));
            ZoneOffset offset = zone.getRules().getOffset(LocalDate.of(1970, 1, 1).atTime(local));
            return OffsetTime.of(local, offset);
        }
        return OffsetTime.parse(trimmed, TIME_WITH_OFFSET);
    }

    /** The zone follows the last space: {@code UTC}, a region id, or an offset such as {@code +05:30}. */
    public static ZonedDateTime parseTimestampWithTimeZone(String text) {
        String trimmed = text.trim();
        int space = trimmed.lastIndexOf(' ');
        if (space <= 10) {
            throw new DateTimeParseException("expected '<date> <time> <zone>'", trimmed, 0);
        }
        LocalDateTime local = LocalDateTime.parse(trimmed.substring(0, space), TIMESTAMP);
        return ZonedDateTime.of(local, parseZone(trimmed.substring(space + 1)));
    }

    private static ZoneId parseZone(String zone) {
        return ZoneId.of(zone.trim(), ZoneId.SHORT_IDS);
    }
}
