package ai.connecty.athena.local.sql;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * The time zones Trino accepts where a {@code timestamp with time zone} gets one (a zoned literal, AT TIME ZONE,
 * at_timezone, with_timezone, from_unixtime), read as Trino reads them, and the name it prints each by.
 */
final class TrinoZones {

    /** Zone names Trino reads as UTC and prints as {@code UTC}; like every zone name, case-sensitive. */
    private static final Set<String> UTC_NAMES = Set.of("UTC", "Z", "Zulu", "UCT", "UT", "GMT", "GMT0", "Greenwich",
            "Universal", "Etc/UTC", "Etc/UT", "Etc/GMT", "Etc/GMT0", "Etc/UCT", "Etc/Universal", "+00:00", "-00:00",
            "+0000", "-0000", "GMT+0", "GMT-0", "UTC+0", "UTC-0", "UT+0", "UT-0", "Etc/GMT+0", "Etc/GMT-0");
    /** Prefixes after which Trino reads a signed hour offset ({@code GMT-7}, {@code UTC+05:30}); Etc/GMT's sign is inverted. */
    private static final List<String> OFFSET_PREFIXES = List.of("Etc/GMT", "Etc/UTC", "Etc/UT", "GMT", "UTC", "UT");
    /** Trino's fixed-offset zones go from -14:00 to +14:00. */
    private static final int MAX_OFFSET_MINUTES = 14 * 60;

    private TrinoZones() {
    }

    /**
     * The zone Trino reads: UTC for its UTC names, a whole-minute offset, or a region of the tz database.
     *
     * @throws DateTimeException when Trino has no such zone
     */
    static ZoneId of(String text) {
        if (UTC_NAMES.contains(text)) {
            return ZoneOffset.UTC;
        }
        for (String prefix : OFFSET_PREFIXES) {
            if (text.length() > prefix.length() && text.startsWith(prefix)
                    && (text.charAt(prefix.length()) == '+' || text.charAt(prefix.length()) == '-')) {
                ZoneOffset offset = offset(text.substring(prefix.length()));
                int minutes = offset.getTotalSeconds() / 60;
                return ofOffset(prefix.equals("Etc/GMT") ? -minutes : minutes);
            }
        }
        if (text.startsWith("+") || text.startsWith("-")) {
            return ofOffset(offset(text).getTotalSeconds() / 60);
        }
        ZoneId zone = ZoneId.of(text);
        return zone instanceof ZoneOffset offset ? ofOffset(offset.getTotalSeconds() / 60) : zone;
    }

    /**
     * The fixed-offset zone of {@code minutes} east of UTC (UTC itself for none).
     *
     * @throws DateTimeException beyond 14 hours, where Trino has no zone
     */
    static ZoneId ofOffset(long minutes) {
        if (Math.abs(minutes) > MAX_OFFSET_MINUTES) {
            throw new DateTimeException("Invalid offset minutes " + minutes);
        }
        return minutes == 0 ? ZoneOffset.UTC : ZoneOffset.ofTotalSeconds((int) minutes * 60);
    }

    /** How Trino names the zone after a value: {@code UTC}, {@code -07:00}, {@code America/New_York}. */
    static String name(ZoneId zone) {
        return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    /** {@code +H}, {@code +HH}, {@code +HH:MM} or {@code +HHMM}; Trino's zones have whole minutes only. */
    private static ZoneOffset offset(String text) {
        ZoneOffset offset = ZoneOffset.of(text);
        if (offset.getTotalSeconds() % 60 != 0) {
            throw new DateTimeException("Offset with seconds: " + text);
        }
        return offset;
    }
}
