package ai.connecty.athena.local.catalog;

import ai.connecty.athena.local.sql.Identifiers;
import ai.connecty.athena.local.sql.Literals;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The lines of text files as a relation with one {@code line} column (and the file's local path in
 * {@link HiddenColumns#FILE_COLUMN} when asked), for the readers that split lines themselves because DuckDB's CSV
 * reader cannot read their files as Hive does ({@link OpenCsvReader}, {@link EscapedTextReader}). Lines end at LF,
 * as Hadoop's LineReader ends them; a file's last line ends with LF too, and what follows it is no row. The header
 * lines skipped are each file's.
 */
final class TextFileLines {

    private TextFileLines() {
    }

    static String relation(List<Path> found, int skipLines, boolean withFile) {
        String files = found.stream().map(p -> Literals.quote(p.toString())).collect(Collectors.joining(", ", "[", "]"));
        String body = "CASE WHEN suffix(content, chr(10)) THEN content[1:length(content) - 1] ELSE content END";
        String file = withFile ? "filename AS " + Identifiers.quote(HiddenColumns.FILE_COLUMN) + ", " : "";
        return "SELECT " + file + "unnest(list_slice(string_split(" + body + ", chr(10)), " + (skipLines + 1)
                + ", 2147483647)) AS line FROM read_text(" + files + ") WHERE content <> ''";
    }
}
