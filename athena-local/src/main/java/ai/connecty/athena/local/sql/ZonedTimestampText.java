package ai.connecty.athena.local.sql;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a Trino {@code TIMESTAMP '…'} literal that names a zone ({@code 2024-01-02 10:00:00 -07:00},
 * {@code …+05:30}, {@code … America/New_York}, {@code … UTC}): a {@code timestamp(p) with time zone} that keeps its
 * zone, which Athena prints with the value. DuckDB's TIMESTAMPTZ is an instant only (and its parser refuses an
 * offset after a space), so the instant is computed here with the JDK's zone rules, as Trino does, and the zone is
 * carried to the result's rendering beside the query (see {@link ColumnHint}).
 */
final class ZonedTimestampText {

    /** Trino's shape: a date, then optionally a space, a time and (after optional blanks) a zone. */
    private static final Pattern SHAPE = Pattern.compile("([+-]?\\d{4,})-(\\d{1,2})-(\\d{1,2})"
            + "(?: (?:(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d+))?)?)?\\s*(.+)?)?");
    /** Zone names Trino reads as UTC and prints as {@code UTC}. */
    private static final Set<String> UTC_NAMES = Set.of("UTC", "Z", "Zulu", "UCT", "UT", "GMT", "GMT0", "Greenwich",
            "Universal", "Etc/UTC", "Etc/UT", "Etc/GMT", "Etc/GMT0", "Etc/UCT", "Etc/Universal", "+00:00", "-00:00",
            "+0000", "-0000", "GMT+0", "GMT-0", "UTC+0", "UTC-0", "UT+0", "UT-0", "Etc/GMT+0", "Etc/GMT-0");
    /** Prefixes after which Trino reads a signed hour offset ({@code GMT-7}, {@code UTC+05:30}); Etc/GMT's sign is inverted. */
    private static final List<String> OFFSET_PREFIXES = List.of("Etc/GMT", "Etc/UTC", "Etc/UT", "GMT", "UTC", "UT");
    private static final DateTimeFormatter DUCKDB_UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    /**
     * @param local the wall-clock date and time written
     * @param zone  the zone it is read in
     * @param name  the zone as Trino prints it: {@code UTC}, {@code -07:00}, {@code America/New_York}
     */
    record Zoned(LocalDateTime local, ZoneId zone, String name) {

        /** A DuckDB TIMESTAMPTZ literal for the instant named. */
        String duckDbLiteral() {
            LocalDateTime utc = local.atZone(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
            return "TIMESTAMPTZ '" + DUCKDB_UTC.format(utc) + "+00'";
        }
    }

    private ZonedTimestampText() {
    }

    /**
     * The literal's date, time and zone; empty when the text names no zone (a plain {@code timestamp}).
     *
     * @throws DateTimeException when the text has Trino's shape but no valid date, time or zone
     */
    static Optional<Zoned> parse(String literal) {
        Matcher m = SHAPE.matcher(literal.strip());
        if (!m.matches() || m.group(8) == null) {
            return Optional.empty();
        }
        LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
        LocalTime time = LocalTime.MIDNIGHT;
        if (m.group(4) != null) {
            String fraction = m.group(7) == null ? "" : m.group(7);
            int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "000000000").substring(0, 9));
            time = LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos);
        }
        String zoneText = m.group(8).strip();
        ZoneId zone = zone(zoneText);
        String name = zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
        return Optional.of(new Zoned(LocalDateTime.of(date, time), zone, name));
    }

    /** The zone Trino reads: UTC for its UTC names, a whole-minute offset, or a region of the tz database. */
    static ZoneId zone(String text) {
        if (UTC_NAMES.contains(text)) {
            return ZoneOffset.UTC;
        }
        for (String prefix : OFFSET_PREFIXES) {
            if (text.length() > prefix.length() && text.startsWith(prefix)
                    && (text.charAt(prefix.length()) == '+' || text.charAt(prefix.length()) == '-')) {
                ZoneOffset offset = offset(text.substring(prefix.length()));
                return prefix.equals("Etc/GMT") ? ZoneOffset.ofTotalSeconds(-offset.getTotalSeconds()) : utcIfZero(offset);
            }
        }
        if (text.startsWith("+") || text.startsWith("-")) {
            return utcIfZero(offset(text));
        }
        ZoneId zone = ZoneId.of(text);
        return zone instanceof ZoneOffset offset ? utcIfZero(offset) : zone;
    }

    /** {@code +H}, {@code +HH}, {@code +HH:MM} or {@code +HHMM}; Trino's zones have whole minutes only. */
    private static ZoneOffset offset(String text) {
        ZoneOffset offset = ZoneOffset.of(text);
        if (offset.getTotalSeconds() % 60 != 0) {
            throw new DateTimeException("Offset with seconds: " + text);
        }
        return offset;
    }

    private static ZoneId utcIfZero(ZoneOffset offset) {
        return offset.getTotalSeconds() == 0 ? ZoneOffset.UTC : offset;
    }
}
