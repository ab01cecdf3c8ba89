package ai.connecty.athena.local.sql;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Trino functions whose answer depends on the zone of a {@code timestamp with time zone}, printed for DuckDB (see
 * {@link DuckDbPrinter}). DuckDB's TIMESTAMPTZ holds the instant and reads it in UTC, the session zone; the zone the
 * tree gives a value is found by {@link TimestampZones}. Functions that give a value a zone need it as a literal: a
 * zone known only row by row is refused rather than lost.
 */
final class ZonedCalls {

    /** Functions that read a timestamp with time zone's wall-clock time in its zone (Trino: the zone's chronology). */
    private static final Set<String> WALL_CLOCK_READERS = Set.of("year", "quarter", "month", "week", "week_of_year",
            "day", "day_of_month", "day_of_week", "dow", "day_of_year", "doy", "year_of_week", "yow", "hour", "minute",
            "second", "millisecond", "date", "last_day_of_month", "format_datetime", "date_format");

    /** date_add units Trino adds to a zoned value's wall-clock time; hours and smaller go on its instant. */
    private static final Set<String> CALENDAR_UNITS = Set.of("day", "week", "month", "quarter", "year");

    private ZonedCalls() {
    }

    /** The DuckDB text of the call of {@code name} (lower case), or null when it is no call this class rewrites. */
    static String rewrite(String name, List<Calls.Arg> args, TimestampZones zones) {
        return switch (name) {
            case "at_timezone" -> atTimezone(args, zones);
            case "with_timezone" -> withTimezone(args, zones);
            case "date_trunc" -> dateTrunc(args, zones);
            case "date_add" -> dateAdd(args, zones);
            case "from_unixtime" -> args.size() == 2 || args.size() == 3 ? fromUnixtime(args, zones) : null;
            case "to_iso8601" -> args.size() == 1 ? toIso8601(args.get(0), zones.of(args.get(0).expression())) : null;
            case "timezone_hour", "timezone_minute" -> args.size() == 1
                    ? offsetField(name, args.get(0).sql(), zones.of(args.get(0).expression())) : null;
            default -> null;
        };
    }

    /** Trino's ISO text of a zoned value: its wall-clock time and the offset then ({@code -05:00}); null for UTC. */
    private static String toIso8601(Calls.Arg x, ZoneId zone) {
        if (isUtc(zone)) {
            return null;   // Calls writes the UTC text, ending in Z
        }
        String wall = "strftime(" + WallClock.of(x.sql(), zone) + ", '%Y-%m-%dT%H:%M:%S.%g')";
        if (zone instanceof ZoneOffset offset) {
            return "(" + wall + " || " + Literals.quote(offset.getId()) + ")";
        }
        String minutes = WallClock.offsetMinutes(x.sql(), zone);
        return "(" + wall + " || CASE WHEN " + minutes + " < 0 THEN '-' ELSE '+' END || printf('%02d:%02d', abs("
                + minutes + ") // 60, abs(" + minutes + ") % 60))";
    }

    /**
     * {@code timezone_hour(x)} or {@code timezone_minute(x)} ({@code field}) of a value of {@code zone}: the hours and
     * the rest in minutes of the zone's offset then, both with its sign (-05:30 is -5 and -30); null for UTC, where
     * DuckDB's 0 is right.
     */
    static String offsetField(String field, String x, ZoneId zone) {
        if (isUtc(zone)) {
            return null;
        }
        return "(" + WallClock.offsetMinutes(x, zone) + (field.equals("timezone_hour") ? " // 60)" : " % 60)");
    }

    /**
     * {@code args} with every zoned timestamp replaced by its wall-clock time in its zone where {@code name} (lower
     * case) reads the wall-clock time; {@code args} itself otherwise.
     */
    static List<Calls.Arg> inWallClockTime(String name, List<Calls.Arg> args, TimestampZones zones) {
        if (!WALL_CLOCK_READERS.contains(name)) {
            return args;
        }
        return args.stream().map(arg -> {
            ZoneId zone = zones.of(arg.expression());
            return isUtc(zone) ? arg : new Calls.Arg(WallClock.of(arg.sql(), zone), arg.expression());
        }).toList();
    }

    /** Trino's {@code at_timezone(x, zone)}: x's instant (a timestamp is read in UTC, the session zone) in the zone. */
    private static String atTimezone(List<Calls.Arg> args, TimestampZones zones) {
        if (args.size() != 2) {
            return null;
        }
        literalZone("at_timezone", args.get(1), zones);
        return "CAST(" + args.get(0).sql() + " AS TIMESTAMPTZ)";
    }

    /**
     * Trino's {@code with_timezone(ts, zone)}: the instant at which the zone's clocks show ts, kept in that zone
     * (where they show it twice, Trino takes the offset the zone has at ts read as UTC).
     */
    private static String withTimezone(List<Calls.Arg> args, TimestampZones zones) {
        if (args.size() != 2) {
            return null;
        }
        ZoneId zone = literalZone("with_timezone", args.get(1), zones);
        String wall = "CAST(" + args.get(0).sql() + " AS TIMESTAMP)";
        return WallClock.instant(wall, zone, "CAST(" + wall + " AS TIMESTAMPTZ)");
    }

    /** Trino's {@code from_unixtime(n, zone)} and {@code from_unixtime(n, hours, minutes)}: the instant, in the zone. */
    private static String fromUnixtime(List<Calls.Arg> args, TimestampZones zones) {
        if (zones.unixTimeZone(args.stream().map(Calls.Arg::expression).toList()) == null) {
            throw new UnsupportedSqlException("from_unixtime() with a zone or offset that is not a literal (the zone of "
                    + "each row cannot be carried)");
        }
        return "to_timestamp(" + args.get(0).sql() + ")";
    }

    /**
     * {@code date_add(unit, n, x)} of a zoned x moves its wall-clock time by days, weeks, months, quarters or years
     * and keeps the zone (Trino: the zone's chronology); smaller units move the instant, as {@link Calls} does.
     */
    private static String dateAdd(List<Calls.Arg> args, TimestampZones zones) {
        if (args.size() != 3) {
            return null;
        }
        ZoneId zone = zones.of(args.get(2).expression());
        Calls.Arg unit = args.get(0);
        if (isUtc(zone) || !unit.isString() || !CALENDAR_UNITS.contains(unit.stringValue().toLowerCase(Locale.ROOT))) {
            return null;
        }
        String x = args.get(2).sql();
        String step = "CAST(" + args.get(1).sql() + " AS BIGINT) * " + Calls.interval(unit);
        return WallClock.instant("(" + WallClock.of(x, zone) + " + " + step + ")", zone, x);
    }

    /**
     * {@code date_trunc(unit, x)} of a zoned x truncates its wall-clock time and keeps the zone: the start of the
     * local day, month … (Trino: the zone's chronology).
     */
    private static String dateTrunc(List<Calls.Arg> args, TimestampZones zones) {
        if (args.size() != 2) {
            return null;
        }
        ZoneId zone = zones.of(args.get(1).expression());
        if (isUtc(zone)) {
            return null;
        }
        String x = args.get(1).sql();
        return WallClock.instant("date_trunc(" + args.get(0).sql() + ", " + WallClock.of(x, zone) + ")", zone, x);
    }

    /** Whether values of {@code zone} (null: none visible, so the session zone) read as DuckDB reads them, in UTC. */
    static boolean isUtc(ZoneId zone) {
        return zone == null || zone.equals(ZoneOffset.UTC);
    }

    private static ZoneId literalZone(String function, Calls.Arg zone, TimestampZones zones) {
        ZoneId id = zones.argument(zone.expression());
        if (id == null) {
            throw new UnsupportedSqlException(function + "() with a zone that is not a literal (the zone of each row "
                    + "cannot be carried)");
        }
        return id;
    }
}
