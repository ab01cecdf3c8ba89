package ai.connecty.athena.local.sql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Blob;
import java.sql.SQLException;
import java.sql.Struct;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Renders DuckDB JDBC values as the strings Athena puts in VarCharValue and in the CSV file
 * (wire-protocol §3.2, measured-behaviour §3.1).
 */
final class ValueRenderer {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    /** DuckDB's timestamp text: years may have more than four digits; the fraction has up to nine. */
    private static final DateTimeFormatter DUCKDB_TIMESTAMP = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4, 9, SignStyle.NORMAL).appendPattern("-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .toFormatter();
    private static final String BEFORE_CHRIST = " (BC)";

    private ValueRenderer() {
    }

    /** The Athena text of {@code value} (a JDBC {@code getObject} result) of type {@code type}; null stays null. */
    static String render(SqlType type, Object value) {
        return value == null ? null : render(type, value, false);
    }

    /**
     * As {@link #render(SqlType, Object)}; a timestamp with time zone is shown in {@code zone} when one is given
     * (the zone of the literal it came from, see {@link ColumnHint}), otherwise in UTC.
     */
    static String render(SqlType type, Object value, ZoneId zone) {
        if (value != null && zone != null && type.is("timestamp with time zone")) {
            return timestampWithZone(value.toString(), zone, type.fractionDigits());
        }
        return render(type, value);
    }

    private static String render(SqlType type, Object value, boolean nested) {
        if (value == null) {
            return "null";
        }
        try {
            return switch (type.base()) {
                case "double" -> Double.toString(((Number) value).doubleValue());
                case "float" -> value instanceof Float f ? Float.toString(f) : Double.toString(((Number) value).doubleValue());
                case "decimal" -> decimal(type, value);
                case "timestamp" -> timestamp(localDateTime(value.toString()), type.fractionDigits());
                case "timestamp with time zone" -> timestampWithZone(value.toString(), ZoneOffset.UTC,
                        type.fractionDigits());
                case "time" -> TIME.format(toMillis(LocalTime.parse(value.toString())));
                case "time with time zone" -> timeWithZone(value.toString());
                case "date" -> date(value.toString());
                case "char" -> padded(value.toString(), type.length());
                case "varbinary" -> nested ? nestedBinary(bytes(value)) : hex(bytes(value));
                case "interval day to second" -> IntervalText.render(value.toString());
                case "interval year to month" -> IntervalText.yearToMonth(value.toString());
                case "array" -> array(type, value);
                case "map" -> map(type, (Map<?, ?>) value);
                case "row" -> row(type, (Struct) value);
                case "ipaddress" -> IpAddresses.render(value);
                default -> value.toString();
            };
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read a " + type.trinoName() + " value from DuckDB", e);
        } catch (java.time.DateTimeException e) {
            // DuckDB accepts values Trino has no text for, such as TIME '24:00:00'.
            throw new IllegalStateException("Cannot render the " + type.trinoName() + " value '" + value + "' as Athena would", e);
        }
    }

    /** A char(n) value is printed padded with spaces to n characters. */
    private static String padded(String value, int length) {
        int missing = length - value.codePointCount(0, value.length());
        return missing <= 0 ? value : value + " ".repeat(missing);
    }

    private static String decimal(SqlType type, Object value) {
        BigDecimal decimal = value instanceof BigDecimal d ? d
                : value instanceof BigInteger i ? new BigDecimal(i) : new BigDecimal(value.toString());
        return decimal.setScale(type.scale(), RoundingMode.HALF_UP).toPlainString();
    }

    /** Athena's default timestamp precision is milliseconds; DuckDB keeps microseconds, so round as a Trino cast does. */
    private static LocalDateTime toMillis(LocalDateTime value) {
        return value.plusNanos(500_000).truncatedTo(ChronoUnit.MILLIS);
    }

    private static LocalTime toMillis(LocalTime value) {
        return value.plusNanos(500_000).truncatedTo(ChronoUnit.MILLIS);
    }

    /*
     * Date/time values arrive as DuckDB's text (see TemporalText), never as java.sql / java.time objects, whose
     * conversions depend on the JVM's default time zone: "2020-01-02 03:04:05.123456", "...+00", "03:04:05-05:30".
     */

    /**
     * A date as Trino prints it (ISO: {@code -0001-01-01} is 2 BC, {@code +10000-01-01} after 9999); DuckDB writes
     * the years before 1 as {@code 0002-01-01 (BC)}, which no reader of Athena's dates parses.
     */
    private static String date(String duckDbText) {
        if (!duckDbText.contains(BEFORE_CHRIST)) {
            return duckDbText.indexOf('-') > 4 ? "+" + duckDbText : duckDbText; // ISO signs years past 9999
        }
        java.time.LocalDate date = java.time.LocalDate.parse(duckDbText.replace(BEFORE_CHRIST, ""));
        return date.withYear(1 - date.getYear()).toString();
    }

    /** DuckDB writes year 44 BC as {@code 0044-03-15 (BC) 12:00:00}; ISO counts it as year -43. */
    private static LocalDateTime localDateTime(String duckDbText) {
        boolean beforeChrist = duckDbText.contains(BEFORE_CHRIST);
        LocalDateTime time = LocalDateTime.parse(duckDbText.replace(BEFORE_CHRIST, ""), DUCKDB_TIMESTAMP);
        return beforeChrist ? time.withYear(1 - time.getYear()) : time;
    }

    /**
     * A timestamp with {@code digits} fraction digits, rounded half up as a Trino cast to that precision rounds
     * (DuckDB keeps micro- or nanoseconds; Athena's timestamps have milliseconds unless their type says otherwise).
     */
    private static String timestamp(LocalDateTime value, int digits) {
        if (digits == 3) {
            return TIMESTAMP.format(toMillis(value));
        }
        long unit = digits >= 9 ? 1 : (long) Math.pow(10, 9 - digits);
        LocalDateTime rounded = value.plusNanos(unit / 2);
        rounded = rounded.withNano((int) (rounded.getNano() / unit * unit));
        String text = SECONDS.format(rounded);
        if (digits == 0) {
            return text;
        }
        String nanos = String.format(java.util.Locale.ROOT, "%09d", rounded.getNano());
        return text + "." + (digits <= 9 ? nanos.substring(0, digits) : nanos + "0".repeat(digits - 9));
    }

    /**
     * The instant in {@code zone} (the session's UTC unless the tree shows another), which Trino names after the
     * value: {@code UTC}, {@code -07:00}, {@code Europe/Berlin}.
     */
    private static String timestampWithZone(String duckDbText, ZoneId zone, int digits) {
        int offset = offsetStart(duckDbText);
        LocalDateTime local = localDateTime(duckDbText.substring(0, offset))
                .atOffset(ZoneOffset.of(duckDbText.substring(offset)))
                .atZoneSameInstant(zone).toLocalDateTime();
        return timestamp(local, digits) + " " + TrinoZones.name(zone);
    }

    private static String timeWithZone(String duckDbText) {
        int offsetStart = offsetStart(duckDbText);
        ZoneOffset offset = ZoneOffset.of(duckDbText.substring(offsetStart));
        String zone = offset.equals(ZoneOffset.UTC) ? "+00:00" : offset.getId();
        return TIME.format(toMillis(LocalTime.parse(duckDbText.substring(0, offsetStart)))) + zone;
    }

    /** Where the {@code +hh[:mm]} / {@code -hh[:mm]} offset that ends a time text begins. */
    private static int offsetStart(String duckDbText) {
        int time = duckDbText.indexOf(':');
        int offset = Math.max(duckDbText.lastIndexOf('+'), duckDbText.lastIndexOf('-'));
        if (offset < time) {
            throw new IllegalStateException("No zone offset in DuckDB time value '" + duckDbText + "'");
        }
        return offset;
    }

    private static byte[] bytes(Object value) throws SQLException {
        if (value instanceof byte[] b) {
            return b;
        }
        if (value instanceof Blob blob) {
            return blob.getBytes(1, (int) blob.length());
        }
        if (value instanceof java.nio.ByteBuffer buffer) {
            byte[] copy = new byte[buffer.remaining()];
            buffer.duplicate().get(copy);
            return copy;
        }
        throw new IllegalStateException("Unexpected binary value of " + value.getClass().getName());
    }

    static String hex(byte[] bytes) {
        StringJoiner joiner = new StringJoiner(" ");
        for (byte b : bytes) {
            joiner.add(String.format("%02x", b & 0xff));
        }
        return joiner.toString();
    }

    /**
     * Athena prints nested varbinary as Java's {@code byte[].toString()} ({@code [B@2545d692}), an identity hash that
     * changes every run. We keep that shape but derive the digits from the content so results are reproducible.
     */
    private static String nestedBinary(byte[] bytes) {
        return "[B@" + Integer.toHexString(Arrays.hashCode(bytes));
    }

    private static String array(SqlType type, Object value) throws SQLException {
        Object[] elements = value instanceof Array a ? (Object[]) a.getArray()
                : value instanceof List<?> l ? l.toArray() : (Object[]) value;
        StringJoiner joiner = new StringJoiner(", ", "[", "]");
        for (Object element : elements) {
            joiner.add(render(type.element(), element, true));
        }
        return joiner.toString();
    }

    private static String map(SqlType type, Map<?, ?> value) {
        SqlType keyType = type.children().get(0);
        SqlType valueType = type.children().get(1);
        List<Map.Entry<?, ?>> entries = new ArrayList<>(value.entrySet());
        entries.sort(Comparator.comparing(e -> e.getKey(), keyOrder(keyType)));
        StringJoiner joiner = new StringJoiner(", ", "{", "}");
        for (Map.Entry<?, ?> entry : entries) {
            joiner.add(render(keyType, entry.getKey(), true) + "=" + render(valueType, entry.getValue(), true));
        }
        return joiner.toString();
    }

    /** Numeric keys sort numerically ({@code {9=a, 10=b}}); everything else by its natural or text order. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Object> keyOrder(SqlType keyType) {
        if (keyType.isNumeric()) {
            return Comparator.nullsFirst(Comparator.comparing(k -> new BigDecimal(k.toString())));
        }
        return Comparator.nullsFirst((a, b) -> a instanceof Comparable ca && a.getClass() == b.getClass()
                ? ca.compareTo(b) : a.toString().compareTo(b.toString()));
    }

    private static String row(SqlType type, Struct value) throws SQLException {
        Object[] attributes = value.getAttributes();
        StringJoiner joiner = new StringJoiner(", ", "{", "}");
        for (int i = 0; i < attributes.length; i++) {
            String name = i < type.fieldNames().size() ? type.fieldNames().get(i) : null;
            String text = render(type.children().get(i), attributes[i], true);
            joiner.add(name == null ? text : name + "=" + text);
        }
        return joiner.toString();
    }

    /** Athena's interval forms: {@code D HH:MM:SS.fff} (day to second) and {@code Y-M} (year to month). */
    static final class IntervalText {

        private IntervalText() {
        }

        /**
         * An interval year to month: its years and months as {@code Y-M} ({@code 0-0} for none); DuckDB's days and
         * time, which such a value never has, are not shown.
         */
        static String yearToMonth(String duckDbInterval) {
            long months = months(duckDbInterval);
            return (months < 0 ? "-" : "") + Math.abs(months) / 12 + "-" + Math.abs(months) % 12;
        }

        private static long months(String duckDbInterval) {
            long months = 0;
            String[] parts = duckDbInterval.trim().split("\\s+");
            for (int i = 0; i + 1 < parts.length; i++) {
                if (!parts[i].contains(":")) {
                    String unit = parts[i + 1];
                    if (unit.startsWith("year")) {
                        months += 12 * Long.parseLong(parts[i]);
                    } else if (unit.startsWith("mon")) {
                        months += Long.parseLong(parts[i]);
                    }
                }
            }
            return months;
        }

        /**
         * Renders DuckDB's interval text ({@code 1 year 2 months 3 days 04:05:06.789}) of a value DuckDB calls
         * INTERVAL; one of months only (inside an array, say, where no hint says its type) as year to month.
         */
        static String render(String duckDbInterval) {
            long months = 0;
            long days = 0;
            long micros = 0;
            String[] parts = duckDbInterval.trim().split("\\s+");
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i];
                if (part.contains(":")) {
                    micros += timeMicros(part);
                } else if (i + 1 < parts.length) {
                    long n = Long.parseLong(part);
                    String unit = parts[++i];
                    if (unit.startsWith("year")) {
                        months += 12 * n;
                    } else if (unit.startsWith("mon")) {
                        months += n;
                    } else if (unit.startsWith("day")) {
                        days += n;
                    }
                }
            }
            if (months != 0 && days == 0 && micros == 0) {
                return (months < 0 ? "-" : "") + Math.abs(months) / 12 + "-" + Math.abs(months) % 12;
            }
            long total = days * 86_400_000_000L + micros;
            String sign = total < 0 ? "-" : "";
            total = Math.abs(total);
            long millis = (total + 500) / 1000;
            return String.format("%s%d %02d:%02d:%02d.%03d", sign, millis / 86_400_000L, millis / 3_600_000L % 24,
                    millis / 60_000L % 60, millis / 1000 % 60, millis % 1000);
        }

        private static long timeMicros(String part) {
            boolean negative = part.startsWith("-");
            String[] hms = (negative ? part.substring(1) : part).split(":");
            BigDecimal seconds = new BigDecimal(hms[2]);
            long micros = (Long.parseLong(hms[0]) * 3600 + Long.parseLong(hms[1]) * 60) * 1_000_000L
                    + seconds.movePointRight(6).longValue();
            return negative ? -micros : micros;
        }
    }
}
