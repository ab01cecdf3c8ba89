package ai.connecty.athena.local.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Trino's {@code from_iso8601_date}, which reads every ISO 8601 date form Joda's date element parser reads: a calendar
 * date ({@code 2020-05-11}, {@code 2020-05}, {@code 2020}), a week date ({@code 2020-W10}, {@code 2020-W10-3}) and an
 * ordinal date ({@code 2020-123}); DuckDB's date cast knows calendar dates only. The Java function gives the date's
 * ISO text, which {@link Calls} casts to a date.
 */
final class Iso8601Dates {

    static final String FUNCTION = "athena_from_iso8601_date";

    private static final Pattern CALENDAR = Pattern.compile("([+-]?\\d{4,})(?:-(\\d{2})(?:-(\\d{2}))?)?");
    private static final Pattern WEEK = Pattern.compile("([+-]?\\d{4,})-W(\\d{2})(?:-(\\d))?");
    private static final Pattern ORDINAL = Pattern.compile("([+-]?\\d{4,})-(\\d{3})");

    private Iso8601Dates() {
    }

    static void register(Connection duck) throws SQLException {
        JavaFunctions.ofText(duck, FUNCTION, String.class, Iso8601Dates::parse);
    }

    static String parse(String text) {
        try {
            Matcher m;
            if ((m = WEEK.matcher(text)).matches()) {
                LocalDate week = LocalDate.of(Integer.parseInt(m.group(1)), 1, 4)
                        .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Long.parseLong(m.group(2)))
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                return week.plusDays(m.group(3) == null ? 0 : Long.parseLong(m.group(3)) - 1).toString();
            }
            if ((m = ORDINAL.matcher(text)).matches()) {
                return LocalDate.ofYearDay(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))).toString();
            }
            if ((m = CALENDAR.matcher(text)).matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), m.group(2) == null ? 1 : Integer.parseInt(m.group(2)),
                        m.group(3) == null ? 1 : Integer.parseInt(m.group(3))).toString();
            }
        } catch (RuntimeException e) {
            // an out-of-range field fails below with the text, as Joda's parser does
        }
        throw RaisedErrors.invalidArgumentError("Invalid format: \"" + text + "\"");
    }
}
