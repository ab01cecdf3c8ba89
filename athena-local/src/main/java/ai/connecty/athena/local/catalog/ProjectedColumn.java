package ai.connecty.athena.local.catalog;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How one partition column of a projected table gets its values ({@code projection.<col>.type}). Instead of listing
 * every value a range allows, each kind says what a folder name must look like ({@link #pattern}) and whether a value
 * found in a folder belongs to the projection ({@link #accepts}): the same set enumeration would give, without
 * enumerating ranges of millions.
 */
sealed interface ProjectedColumn {

    /** A regular expression for one value of this column in a path (no groups of its own). */
    String pattern();

    /** Whether {@code value}, as written in a folder name, is one the projection defines at {@code now}. */
    boolean accepts(String value, LocalDateTime now);

    /** The value to cast to the column's declared type (a date projection's text may not be ISO). */
    default String typed(String value, String declaredType) {
        return value;
    }

    /** {@code projection.<col>.type = enum}: the comma-separated {@code values}, white space included. */
    record EnumValues(List<String> values) implements ProjectedColumn {
        @Override
        public String pattern() {
            return values.stream().map(Pattern::quote).collect(Collectors.joining("|", "(?:", ")"));
        }

        @Override
        public boolean accepts(String value, LocalDateTime now) {
            return values.contains(value);
        }
    }

    /** {@code integer}: {@code range} 'min,max', optional {@code interval} and zero-padding {@code digits}. */
    record IntegerRange(long min, long max, long interval, int digits) implements ProjectedColumn {
        @Override
        public String pattern() {
            return "-?\\d+";
        }

        @Override
        public boolean accepts(String value, LocalDateTime now) {
            long v;
            try {
                v = Long.parseLong(value);
            } catch (NumberFormatException e) {
                return false;
            }
            // "5" is not the folder of 5 when digits is 2: the projection only ever writes "05".
            return v >= min && v <= max && Math.floorMod(v - min, interval) == 0 && render(v).equals(value);
        }

        String render(long v) {
            return digits > 0 ? String.format(Locale.ROOT, "%0" + digits + "d", v) : Long.toString(v);
        }
    }

    /**
     * {@code injected}: the values come from the query's WHERE, not from table properties. Every folder of a value
     * of the column's type is bound, and the WHERE (which must name the values) keeps the rows of the given ones:
     * the same rows as reading only those folders, with a binding that is the same for every query, as the table's
     * DuckDB view is shared by concurrent queries.
     */
    record Injected() implements ProjectedColumn {
        @Override
        public String pattern() {
            return "[^/]+";
        }

        @Override
        public boolean accepts(String value, LocalDateTime now) {
            return true;
        }
    }

    /**
     * {@code date}: {@code range} 'start,end' (each in {@code format}, or {@code NOW[+-N UNIT[S]]}), {@code format}
     * (a Java DateTimeFormatter pattern), {@code interval} and {@code interval.unit}.
     */
    record DateRange(String start, String end, String format, DateTimeFormatter formatter, long interval,
                     ChronoUnit unit) implements ProjectedColumn {

        private static final Pattern RELATIVE = Pattern.compile(
                "\\s*NOW\\s*(?:([+-])\\s*(\\d+)\\s*(YEAR|MONTH|WEEK|DAY|HOUR|MINUTE|SECOND)S?)?\\s*",
                Pattern.CASE_INSENSITIVE);

        /** A formatter that fills the fields a pattern leaves out ('yyyy/MM' is the first of the month, at 00:00). */
        static DateTimeFormatter formatterOf(String pattern) {
            return new DateTimeFormatterBuilder().appendPattern(pattern)
                    .parseDefaulting(ChronoField.MONTH_OF_YEAR, 1)
                    .parseDefaulting(ChronoField.DAY_OF_MONTH, 1)
                    .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
                    .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
                    .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
                    .toFormatter(Locale.ROOT);
        }

        /** The unit Athena steps by when {@code interval.unit} is absent: the finest field the format writes. */
        static ChronoUnit unitOf(String pattern) {
            String letters = pattern.replaceAll("'[^']*'", "");
            if (letters.contains("S")) {
                return ChronoUnit.MILLIS;
            } else if (letters.contains("s")) {
                return ChronoUnit.SECONDS;
            } else if (letters.contains("m")) {
                return ChronoUnit.MINUTES;
            } else if (letters.matches(".*[HhkK].*")) {
                return ChronoUnit.HOURS;
            } else if (letters.matches(".*[dDE].*")) {
                return ChronoUnit.DAYS;
            } else if (letters.contains("M")) {
                return ChronoUnit.MONTHS;
            }
            return ChronoUnit.YEARS;
        }

        static boolean isRelative(String bound) {
            return RELATIVE.matcher(bound).matches();
        }

        /**
         * A bound at {@code now}, cut to the format's resolution (by writing and reading it back), so that
         * 'NOW-3YEARS,NOW' with 'yyyy/MM/dd' covers whole days from three years ago to today.
         */
        LocalDateTime bound(String bound, LocalDateTime now) {
            Matcher m = RELATIVE.matcher(bound);
            if (!m.matches()) {
                return LocalDateTime.parse(bound.trim(), formatter);
            }
            LocalDateTime at = now;
            if (m.group(1) != null) {
                long n = Long.parseLong(m.group(2)) * (m.group(1).equals("-") ? -1 : 1);
                at = at.plus(n, ChronoUnit.valueOf(m.group(3).toUpperCase(Locale.ROOT) + "S"));
            }
            return LocalDateTime.parse(formatter.format(at), formatter);
        }

        @Override
        public String pattern() {
            // Digits for numeric fields, letters for names (MMM, EEE, a); literal text as written.
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < format.length(); ) {
                char c = format.charAt(i);
                if (c == '\'') {
                    int close = format.indexOf('\'', i + 1);
                    close = close < 0 ? format.length() : close;
                    regex.append(Pattern.quote(format.substring(i + 1, close).isEmpty() ? "'" : format.substring(i + 1, close)));
                    i = close + 1;
                } else if (Character.isLetter(c)) {
                    int j = i;
                    while (j < format.length() && format.charAt(j) == c) {
                        j++;
                    }
                    boolean text = (c == 'M' || c == 'L') && j - i >= 3 || c == 'E' || c == 'a' || c == 'G';
                    regex.append(text ? "[A-Za-z]+" : "\\d+");
                    i = j;
                } else {
                    regex.append(Pattern.quote(String.valueOf(c)));
                    i++;
                }
            }
            return "(?:" + regex + ")";
        }

        @Override
        public boolean accepts(String value, LocalDateTime now) {
            LocalDateTime v;
            try {
                v = LocalDateTime.parse(value, formatter);
            } catch (DateTimeParseException e) {
                return false;
            }
            if (!formatter.format(v).equals(value)) {
                return false; // a value the projection would write differently (2024/1/5, or a 30 February)
            }
            LocalDateTime from = bound(start, now);
            LocalDateTime to = bound(end, now);
            if (v.isBefore(from) || v.isAfter(to)) {
                return false;
            }
            if (interval == 1) {
                return true;
            }
            long steps = unit.between(from, v);
            return steps % interval == 0 && from.plus(steps, unit).equals(v);
        }

        @Override
        public String typed(String value, String declaredType) {
            String t = declaredType.toLowerCase(Locale.ROOT);
            if (!t.equals("date") && !t.startsWith("timestamp")) {
                return value;
            }
            LocalDateTime v = LocalDateTime.parse(value, formatter);
            return t.equals("date") ? v.toLocalDate().toString()
                    : v.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT));
        }
    }
}
