package ai.connecty.athena.local.sql;

import java.time.ZoneId;

/**
 * Casts of a {@code timestamp with time zone} whose zone the tree shows ({@link TimestampZones}) to a type without
 * zone: Trino reads the value in its zone (the wall-clock time, the local date), where DuckDB reads its TIMESTAMPTZ
 * in UTC, the session zone; the text is Trino's, the wall-clock time and the zone's name.
 */
final class ZonedCasts {

    private ZonedCasts() {
    }

    /**
     * What DuckDB casts to {@code target} in place of {@code value}, a value of the zone {@code zone} (null where the
     * tree shows none: then {@code value} itself).
     */
    static String source(String value, ZoneId zone, SqlType target) {
        if (zone == null) {
            return value;
        }
        return switch (target.base()) {
            case "timestamp", "date" -> ZonedCalls.isUtc(zone) ? value : WallClock.of(value, zone);
            // DuckDB has no cast from TIMESTAMPTZ to TIME, even in UTC: the time of the wall-clock timestamp.
            case "time" -> WallClock.of(value, zone);
            case "varchar", "char", "json" -> text(value, zone);
            default -> value;
        };
    }

    /** {@code 2024-01-01 22:00:00.000 America/New_York}: milliseconds rounded, as Athena prints the value. */
    private static String text(String value, ZoneId zone) {
        return "(strftime(CAST(" + WallClock.of(value, zone) + " AS TIMESTAMP_MS), '%Y-%m-%d %H:%M:%S.%g') || "
                + Literals.quote(" " + TrinoZones.name(zone)) + ")";
    }
}
