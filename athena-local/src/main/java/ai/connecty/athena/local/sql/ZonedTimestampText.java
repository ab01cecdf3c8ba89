package ai.connecty.athena.local.sql;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a Trino {@code TIMESTAMP '…'} literal that names a zone ({@code 2024-01-02 10:00:00 -07:00},
 * {@code …+05:30}, {@code … America/New_York}, {@code … UTC}): a {@code timestamp(p) with time zone} that keeps its
 * zone, which Athena prints with the value. DuckDB's TIMESTAMPTZ is an instant only (and its parser refuses an
 * offset after a space), so the instant is computed here with the JDK's zone rules, as Trino does, and the zone is
 * carried to the result's rendering beside the query (see {@link ColumnHint}).
 */
public final class ZonedTimestampText {

    /** Trino's shape: a date, then optionally a space, a time and (after optional blanks) a zone. */
    private static final Pattern SHAPE = Pattern.compile("([+-]?\\d{4,})-(\\d{1,2})-(\\d{1,2})"
            + "(?: (?:(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d+))?)?)?\\s*(.+)?)?");
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
     * The zone that text cast to {@code timestamp with time zone} names ({@code CAST('… +05:30' AS timestamp with time
     * zone)}: Trino reads it with the literal's shape and keeps the zone); empty when the text names none (the session
     * zone, UTC) or is no valid timestamp, which the cast then refuses as before.
     */
    static Optional<Zoned> ofCastText(String text) {
        try {
            return parse(text);
        } catch (DateTimeException | NumberFormatException invalid) {
            return Optional.empty();
        }
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
        ZoneId zone = TrinoZones.of(m.group(8).strip());
        return Optional.of(new Zoned(local(m), zone, TrinoZones.name(zone)));
    }

    /**
     * The instant a {@code TIMESTAMP '…'} literal names: read in its own zone, or without one in
     * {@code sessionZone}.
     *
     * @throws DateTimeException when the text is no timestamp of Trino's shape, or names no valid date, time or zone
     */
    public static Instant instant(String literal, ZoneId sessionZone) {
        Matcher m = SHAPE.matcher(literal.strip());
        if (!m.matches()) {
            throw new DateTimeException("Not a timestamp: " + literal);
        }
        try {
            ZoneId zone = m.group(8) == null ? sessionZone : TrinoZones.of(m.group(8).strip());
            return local(m).atZone(zone).toInstant();
        } catch (NumberFormatException e) {
            throw new DateTimeException("Not a timestamp: " + literal, e);
        }
    }

    /** The wall-clock date and time a match of {@link #SHAPE} writes. */
    private static LocalDateTime local(Matcher m) {
        LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
        LocalTime time = LocalTime.MIDNIGHT;
        if (m.group(4) != null) {
            String fraction = m.group(7) == null ? "" : m.group(7);
            int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "000000000").substring(0, 9));
            time = LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos);
        }
        return LocalDateTime.of(date, time);
    }
}
