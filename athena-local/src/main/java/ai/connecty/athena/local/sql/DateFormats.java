package ai.connecty.athena.local.sql;

import java.util.Map;

/**
 * Trino's date format strings in DuckDB strftime / strptime form: MySQL-style specifiers (date_format, date_parse)
 * and Joda-Time patterns (format_datetime, parse_datetime).
 */
final class DateFormats {

    private static final Map<Character, String> MYSQL_TO_STRFTIME = Map.ofEntries(
            Map.entry('a', "%a"), Map.entry('b', "%b"), Map.entry('c', "%-m"), Map.entry('d', "%d"),
            Map.entry('e', "%-d"), Map.entry('f', "%f"), Map.entry('H', "%H"), Map.entry('h', "%I"),
            Map.entry('I', "%I"), Map.entry('i', "%M"), Map.entry('j', "%j"), Map.entry('k', "%-H"),
            Map.entry('l', "%-I"), Map.entry('M', "%B"), Map.entry('m', "%m"), Map.entry('p', "%p"),
            Map.entry('r', "%I:%M:%S %p"), Map.entry('S', "%S"), Map.entry('s', "%S"), Map.entry('T', "%H:%M:%S"),
            Map.entry('U', "%U"), Map.entry('u', "%W"), Map.entry('v', "%V"), Map.entry('W', "%A"),
            Map.entry('w', "%w"), Map.entry('x', "%G"), Map.entry('Y', "%Y"), Map.entry('y', "%y"),
            Map.entry('%', "%%"));

    private DateFormats() {
    }

    /**
     * The DuckDB format literal for a Joda-Time pattern ({@code yyyy-MM-dd HH:mm}), which must be a string literal.
     * A letter's repetition picks the form ({@code M} 5, {@code MM} 05, {@code MMM} May, {@code MMMM} May);
     * {@code 'text'} is literal text and {@code ''} a quote.
     *
     * @param parsing whether the pattern is for parse_datetime, which also accepts the zone offset {@code Z}
     */
    static String jodaToStrftime(Calls.Arg format, boolean parsing) {
        if (!format.isString()) {
            throw new UnsupportedSqlException("a format_datetime/parse_datetime pattern that is not a string literal");
        }
        String joda = format.stringValue();
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < joda.length()) {
            char c = joda.charAt(i);
            int count = 1;
            while (i + count < joda.length() && joda.charAt(i + count) == c) {
                count++;
            }
            if (c == '\'') {
                i = quotedText(joda, i, out);
                continue;
            }
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                out.append(jodaField(c, count, parsing));
            } else {
                out.append(String.valueOf(c).replace("%", "%%").repeat(count));
            }
            i += count;
        }
        return Literals.quote(out.toString());
    }

    /** Appends the literal text of the quote at {@code start} ({@code ''} is one quote); returns the index after it. */
    private static int quotedText(String joda, int start, StringBuilder out) {
        if (start + 1 < joda.length() && joda.charAt(start + 1) == '\'') {
            out.append('\'');
            return start + 2;
        }
        int i = start + 1;
        while (i < joda.length()) {
            char c = joda.charAt(i);
            if (c == '\'' && i + 1 < joda.length() && joda.charAt(i + 1) == '\'') {
                out.append('\'');
                i += 2;
            } else if (c == '\'') {
                return i + 1;
            } else {
                out.append(c == '%' ? "%%" : String.valueOf(c));
                i++;
            }
        }
        throw new UnsupportedSqlException("the Joda pattern '" + joda + "' (its quoted text is not closed)");
    }

    private static String jodaField(char letter, int count, boolean parsing) {
        String field = switch (letter) {
            case 'y', 'Y' -> count == 2 ? "%y" : "%Y";
            case 'x' -> count == 2 ? null : "%G";
            case 'M' -> count == 1 ? "%-m" : count == 2 ? "%m" : count == 3 ? "%b" : "%B";
            case 'd' -> count == 1 ? "%-d" : count == 2 ? "%d" : null;
            case 'D' -> count == 3 ? "%j" : count == 1 ? "%-j" : null;
            case 'H' -> count == 1 ? "%-H" : count == 2 ? "%H" : null;
            case 'h' -> count == 1 ? "%-I" : count == 2 ? "%I" : null;
            case 'm' -> count == 1 ? "%-M" : count == 2 ? "%M" : null;
            case 's' -> count == 1 ? "%-S" : count == 2 ? "%S" : null;
            case 'S' -> count == 3 ? "%g" : count == 6 ? "%f" : null;
            case 'a' -> "%p";
            case 'E' -> count <= 3 ? "%a" : "%A";
            case 'e' -> count == 1 ? "%u" : null;
            case 'w' -> count == 2 ? "%V" : null;
            case 'Z' -> parsing && count <= 2 ? "%z" : null;
            default -> null;
        };
        if (field == null) {
            throw new UnsupportedSqlException("the Joda pattern letter '" + letter + "'"
                    + (count > 1 ? " repeated " + count + " times" : "") + " in format_datetime/parse_datetime");
        }
        return field;
    }

    /** The DuckDB format literal for a Trino format argument, which must be a string literal. */
    static String mysqlToStrftime(Calls.Arg format) {
        if (!format.isString()) {
            throw new UnsupportedSqlException("a date_format/date_parse format that is not a string literal");
        }
        String mysql = format.stringValue();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < mysql.length(); i++) {
            char c = mysql.charAt(i);
            if (c != '%' || i + 1 == mysql.length()) {
                out.append(c);
                continue;
            }
            char specifier = mysql.charAt(++i);
            String converted = MYSQL_TO_STRFTIME.get(specifier);
            if (converted == null) {
                throw new UnsupportedSqlException("the date format specifier %" + specifier);
            }
            out.append(converted);
        }
        return Literals.quote(out.toString());
    }
}
