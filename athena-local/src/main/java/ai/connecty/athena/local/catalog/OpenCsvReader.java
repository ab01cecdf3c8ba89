package ai.connecty.athena.local.catalog;

import ai.connecty.athena.local.sql.Identifiers;
import ai.connecty.athena.local.sql.Literals;
import ai.connecty.athena.local.sql.OpenCsvFields;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The relation of an OpenCSVSerde table. DuckDB's CSV reader takes one escape character and reads a quoted newline
 * as part of the value, where Hive reads the files line by line (TextInputFormat) and splits each line with opencsv,
 * which reads both {@code \"} and {@code ""}, drops an escape before any other character, ends the row at a newline
 * inside quotes and drops fields beyond the table's columns. So the files are split into lines here (on LF, a CR
 * before it dropped, as Hadoop's LineReader does for CRLF files) and each line into fields by the Java function
 * {@link OpenCsvFields}. Columns come out as VARCHAR named after the table's columns; missing fields are NULL.
 */
final class OpenCsvReader {

    private OpenCsvReader() {
    }

    /** {@code withFile}: each row also names its file, in {@link HiddenColumns#FILE_COLUMN}. */
    static String relation(TableDef table, TextFormat format, List<Path> found, int skipLines, boolean withFile) {
        String file = withFile ? Identifiers.quote(HiddenColumns.FILE_COLUMN) + ", " : "";
        String lines = TextFileLines.relation(found, skipLines, withFile);
        String line = "CASE WHEN suffix(line, chr(13)) THEN line[1:length(line) - 1] ELSE line END";
        String parsed = OpenCsvFields.FUNCTION + "(" + line + ", " + Literals.quote(format.delimiter()) + ", "
                + Literals.quote(format.quote()) + ", " + Literals.quote(format.readEscape()) + ", '"
                + table.columns().size() + "')";
        String fields = "SELECT from_json(" + parsed + ", '[\"VARCHAR\"]') AS f"
                + (withFile ? ", " + Identifiers.quote(HiddenColumns.FILE_COLUMN) : "") + " FROM (" + lines + ") AS lines";
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            columns.add("f[" + (i + 1) + "] AS " + Identifiers.quote(table.columns().get(i).name()));
        }
        return "(SELECT " + file + String.join(", ", columns) + " FROM (" + fields + ") AS fields) AS open_csv";
    }
}
