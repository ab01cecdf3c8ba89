package ai.connecty.athena.jdbc.types;

import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

/**
 * Zone-less Athena dates and times as {@code java.sql} values in a zone (the JVM's, or a getter's Calendar's).
 *
 * <p>The fields are set on a {@link GregorianCalendar}, as {@code Timestamp.valueOf} does in the JVM zone, so
 * {@code toString()} prints the text Athena sent, also before the Gregorian reform of 1582 (java.sql types
 * use the Julian calendar there; java.time, which getObject(i, LocalDate/LocalDateTime.class) gives, is
 * proleptic Gregorian and exact). A wall time that does not exist in the zone (the hour skipped when DST
 * starts) moves forward by the length of the gap: {@code 02:30} on such a day reads as {@code 03:30}.
 * Nanoseconds are kept. Years before 1 are refused: java.sql cannot show them (see {@link #calendar}).
 */
final class LegacyDateTimes {
    private LegacyDateTimes() {
    }

    static Timestamp timestamp(LocalDateTime value, ZoneId zone) {
        Calendar calendar = calendar(zone, value.toLocalDate());
        calendar.set(Calendar.HOUR_OF_DAY, value.getHour());
        calendar.set(Calendar.MINUTE, value.getMinute());
        calendar.set(Calendar.SECOND, value.getSecond());
        Timestamp timestamp = new Timestamp(calendar.getTimeInMillis());
        timestamp.setNanos(value.getNano());
        return timestamp;
    }

    static Date date(LocalDate value, ZoneId zone) {
        return new Date(calendar(zone, value).getTimeInMillis());
    }

    /** A time on 1970-01-01 in the zone, as JDBC defines java.sql.Time; milliseconds are kept. */
    static Time time(LocalTime value, ZoneId zone) {
        Calendar calendar = calendar(zone, LocalDate.of(1970, 1, 1));
        calendar.set(Calendar.HOUR_OF_DAY, value.getHour());
        calendar.set(Calendar.MINUTE, value.getMinute());
        calendar.set(Calendar.SECOND, value.getSecond());
        calendar.set(Calendar.MILLISECOND, value.getNano() / 1_000_000);
        return new Time(calendar.getTimeInMillis());
    }

    private static Calendar calendar(ZoneId zone, LocalDate date) {
        int year = date.getYear();
        if (year < 1) {
            // A BC date could be set (ERA), but java.sql drops the era again: toString() and toLocalDate() would
            // give the year 1 - year AD, a wrong date that looks right.
            throw ConversionFailure.badDateTime("the year " + year + " (" + (1 - year) + " BC) has no java.sql value, "
                    + "which would show it as the year " + (1 - year) + " AD; read it with getObject(i, LocalDate.class) "
                    + "or getObject(i, LocalDateTime.class)");
        }
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone(zone));
        calendar.clear();
        calendar.set(year, date.getMonthValue() - 1, date.getDayOfMonth());
        return calendar;
    }
}
