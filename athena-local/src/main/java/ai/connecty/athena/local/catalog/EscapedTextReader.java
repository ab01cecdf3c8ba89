package ai.connecty.athena.local.catalog;

import ai.connecty.athena.local.sql.Identifiers;
import ai.connecty.athena.local.sql.Literals;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The relation of a LazySimpleSerDe table with {@code escape.delim}: DuckDB's CSV reader honours an escape character
 * only inside quotes (and refuses one that also starts the {@code \N} null marker), so the files are read whole and
 * split here as Hive does: lines on LF, fields on the delimiter not preceded by the escape character, a field equal to
 * the null format is NULL, and in the rest {@code \n} and {@code \r} are LF and CR and the escape character drops
 * otherwise (LazyUtils.writeEscaped's inverse, LazyString's unescape). Columns come out as VARCHAR named after the
 * table's columns; missing trailing fields are NULL and extra ones ignored, as in Hive.
 */
final class EscapedTextReader {

    /** Stand-ins for an escaped escape character and an escaped delimiter while the line is split. */
    private static final String ESCAPED_ESCAPE = "\uE000";
    private static final String ESCAPED_DELIMITER = "\uE001";

    private EscapedTextReader() {
    }

    /** {@code withFile}: each row also names its file, in {@link HiddenColumns#FILE_COLUMN}. */
    static String relation(TableDef table, TextFormat format, List<Path> found, int skipLines, boolean withFile) {
        String file = withFile ? Identifiers.quote(HiddenColumns.FILE_COLUMN) + ", " : "";
        String esc = Literals.quote(format.escape());
        String delim = Literals.quote(format.delimiter());
        String lines = TextFileLines.relation(found, skipLines, withFile);
        String masked = "replace(replace(line, " + esc + " || " + esc + ", '" + ESCAPED_ESCAPE + "'), " + esc + " || "
                + delim + ", '" + ESCAPED_DELIMITER + "')";
        String fields = "SELECT string_split(" + masked + ", " + delim + ") AS f"
                + (withFile ? ", " + Identifiers.quote(HiddenColumns.FILE_COLUMN) : "") + " FROM (" + lines + ") AS lines";
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            String raw = "f[" + (i + 1) + "]";
            columns.add("CASE WHEN " + raw + " = " + Literals.quote(format.nullFormat()) + " THEN NULL ELSE "
                    + unescape(raw, format) + " END AS " + Identifiers.quote(table.columns().get(i).name()));
        }
        return "(SELECT " + file + String.join(", ", columns) + " FROM (" + fields + ") AS fields) AS escaped_text";
    }

    private static String unescape(String raw, TextFormat format) {
        String esc = Literals.quote(format.escape());
        String text = "replace(replace(" + raw + ", " + esc + " || 'n', chr(10)), " + esc + " || 'r', chr(13))";
        text = "regexp_replace(" + text + ", " + Literals.quote(literalPattern(format.escape()) + "(.)") + ", '\\1', 'gs')";
        return "replace(replace(" + text + ", '" + ESCAPED_DELIMITER + "', " + Literals.quote(format.delimiter())
                + "), '" + ESCAPED_ESCAPE + "', " + esc + ")";
    }

    /** {@code text} as an RE2 pattern matching itself: every character not a letter or digit backslash-escaped. */
    private static String literalPattern(String text) {
        StringBuilder sb = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (!Character.isLetterOrDigit(c)) {
                sb.append('\\');
            }
            sb.appendCodePoint(c);
        });
        return sb.toString();
    }
}
