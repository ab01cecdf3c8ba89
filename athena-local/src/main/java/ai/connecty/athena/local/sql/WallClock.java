package ai.connecty.athena.local.sql;

import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * DuckDB SQL that turns an instant (a TIMESTAMPTZ; the session zone is UTC) into the wall-clock time a zone shows
 * then (a TIMESTAMP), and back. DuckDB's ICU {@code timezone(name, …)} does this for tz database names (it knows the
 * JDK's names and agrees with its rules), not for the offsets Trino also accepts ({@code '+05:30'}), which are
 * fixed and added here. From wall time back to an instant ICU takes the later of two instants where the clocks show
 * the time twice; Trino (Joda) keeps the offset of a value it started from there, see
 * {@link TemporalMacros#ZONED_INSTANT}.
 */
final class WallClock {

    private WallClock() {
    }

    /** A TIMESTAMP: the wall-clock time of {@code instant} in {@code zone}. */
    static String of(String instant, ZoneId zone) {
        String utc = "CAST(" + instant + " AS TIMESTAMP)";
        if (zone instanceof ZoneOffset offset) {
            return offset.getTotalSeconds() == 0 ? utc : "(" + utc + " + " + seconds(offset) + ")";
        }
        return "timezone(" + Literals.quote(zone.getId()) + ", CAST(" + instant + " AS TIMESTAMPTZ))";
    }

    /** A BIGINT: the minutes {@code zone} is ahead of UTC at {@code instant}. */
    static String offsetMinutes(String instant, ZoneId zone) {
        return "date_diff('minute', CAST(" + instant + " AS TIMESTAMP), " + of(instant, zone) + ")";
    }

    /**
     * A TIMESTAMPTZ: the instant at which {@code zone}'s clocks show {@code wall} (a TIMESTAMP). Where they show it
     * twice, the one with the offset {@code zone} has at {@code preferred} (a TIMESTAMPTZ), as Joda, and so Trino,
     * chooses; where they skip it, the time as far after the gap as {@code wall} is into it, as in Joda and ICU.
     * (Were {@code preferred}'s offset neither of the two, ICU would take the later, Joda the earlier; the callers'
     * {@code preferred} is the value truncated or reinterpreted, which has one of them.)
     */
    static String instant(String wall, ZoneId zone, String preferred) {
        if (zone instanceof ZoneOffset offset) {
            String utc = offset.getTotalSeconds() == 0 ? wall : "(" + wall + " - " + seconds(offset) + ")";
            return "CAST(" + utc + " AS TIMESTAMPTZ)";
        }
        return TemporalMacros.ZONED_INSTANT + "(" + wall + ", " + Literals.quote(zone.getId()) + ", " + preferred + ")";
    }

    private static String seconds(ZoneOffset offset) {
        return "INTERVAL '" + offset.getTotalSeconds() + "' SECOND";
    }
}
