package ai.connecty.athena.local.sql;

import java.util.Map;

/** Trino's MySQL-style date_format / date_parse specifiers in DuckDB strftime / strptime form. */
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
