package ai.connecty.athena.local.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one line of an OpenCSVSerde table's file, split as Hive's OpenCSVSerde (opencsv 2.3's
 * {@code CSVParser}) splits them, and as Trino's {@code CsvDeserializer}, which copies it bug for bug, does:
 *
 * <ul>
 *   <li>an escape character followed by the quote or the escape character, inside a quoted or a started field, is
 *       that character; followed by anything else (or outside a field) it is dropped;</li>
 *   <li>a doubled quote inside a quoted or a started field is one quote, whatever the escape character;</li>
 *   <li>a quote inside a field (not in the first three characters of the line, not next to a separator) is kept
 *       as a character and toggles quoting; a quote after leading white space drops that white space;</li>
 *   <li>a last field whose quote is never closed is no value: the SerDe reads files line by line, so a newline
 *       inside quotes ends the row there, its unclosed field and everything after it being NULL;</li>
 *   <li>at most {@code maxFields} fields are kept (Hive drops the extra ones); an empty line has none.</li>
 * </ul>
 *
 * DuckDB's Java functions cannot return a list, so {@link #FUNCTION} returns the fields as a JSON array of strings,
 * which the reader turns into a {@code VARCHAR[]} with DuckDB's {@code from_json}; a missing field is then NULL.
 */
public final class OpenCsvFields {

    /** {@code athena_opencsv_fields(line, separator, quote, escape, max_fields)}: the JSON array of the fields. */
    public static final String FUNCTION = "athena_opencsv_fields";

    private OpenCsvFields() {
    }

    static void register(Connection duck) throws SQLException {
        JavaFunctions.ofTextList(duck, FUNCTION, String.class, arguments -> {
            if (arguments[0] == null) {
                return null;
            }
            String line = (String) arguments[0];
            List<String> fields = split(line, first(arguments[1]), first(arguments[2]), first(arguments[3]),
                    Integer.parseInt((String) arguments[4]));
            return json(fields);
        });
    }

    /** A SerDe property as Hive reads it: its first character ({@code \0}, which no text holds, when empty). */
    private static char first(Object property) {
        String text = (String) property;
        return text == null || text.isEmpty() ? '\0' : text.charAt(0);
    }

    /** The fields of {@code line}, at most {@code maxFields} of them. */
    public static List<String> split(String line, char separator, char quote, char escape, int maxFields) {
        List<String> fields = new ArrayList<>();
        if (line.isEmpty() || maxFields <= 0) {
            return fields;
        }
        StringBuilder field = new StringBuilder();
        boolean inQuotes = false;
        boolean inField = false;
        int i = 0;
        while (i < line.length() && fields.size() < maxFields) {
            char c = line.charAt(i);
            int next = i + 1 < line.length() ? line.charAt(i + 1) : -1;
            if (c == escape) {
                if ((inQuotes || inField) && (next == quote || next == escape)) {
                    field.append((char) next);
                    i++;
                }
                // any other escape is dropped, as opencsv 2.3 drops it
            } else if (c == quote) {
                if ((inQuotes || inField) && next == quote) {
                    field.append(c);
                    i++;
                } else {
                    // opencsv's "embedded quote" rule: a quote in the middle of a field is also kept as a character
                    if (i > 2 && line.charAt(i - 1) != separator && next != -1 && next != separator) {
                        if (!field.isEmpty() && field.toString().isBlank()) {
                            field.setLength(0);
                        } else {
                            field.append(c);
                        }
                    }
                    inQuotes = !inQuotes;
                }
                inField = !inField;
            } else if (c == separator && !inQuotes) {
                fields.add(field.toString());
                field.setLength(0);
                inField = false;
            } else {
                field.append(c);
                inField = true;
            }
            i++;
        }
        if (fields.size() < maxFields && !inQuotes) {
            fields.add(field.toString());
        }
        return fields;
    }

    private static String json(List<String> fields) {
        StringBuilder sb = new StringBuilder(16 * fields.size() + 2).append('[');
        for (int f = 0; f < fields.size(); f++) {
            if (f > 0) {
                sb.append(',');
            }
            sb.append('"');
            String text = fields.get(f);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"' || c == '\\') {
                    sb.append('\\').append(c);
                } else if (c < 0x20) {
                    sb.append(String.format("\\u%04x", (int) c));
                } else {
                    sb.append(c);
                }
            }
            sb.append('"');
        }
        return sb.append(']').toString();
    }
}
