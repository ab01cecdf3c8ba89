package ai.connecty.athena.local.catalog;

import ai.connecty.athena.local.sql.Identifiers;
import ai.connecty.athena.local.sql.Literals;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The fast path of OpenCSVSerde tables: the files DuckDB's {@code read_csv} reads exactly as opencsv does, which
 * are read with it instead of line by line through {@link OpenCsvReader} (four to six times slower). A file is
 * <em>plain</em> when, scanned once as UTF-8 text, it has:
 *
 * <ul>
 *   <li>no CR, no NUL, no byte order mark and no read escape character ({@link TextFormat#readEscape}), so none of
 *       opencsv's escape rules and no CRLF handling apply;</li>
 *   <li>at least one line after its header lines, which are not empty and hold no quote character;</li>
 *   <li>data lines that are not empty, at most {@value #MAX_LINE} characters long, each with exactly as many
 *       fields as the table has columns (so opencsv drops none and pads none), each field either holding no quote
 *       character or quoted whole: a quote right after the separator (or the line's start), a quote right before
 *       the next separator (or the line's end), and in between quotes only doubled. Then no quoted value spans
 *       lines, opencsv's embedded-quote rule never applies and {@code ""} is one quote for both readers.</li>
 * </ul>
 *
 * Such a file's fields read the same from {@code read_csv(quote=q, escape=q)}, except that DuckDB reads an empty
 * unquoted field as NULL, which the relation turns back into the empty string opencsv gives (no field is missing).
 * The table's separator, quote and read escape must also be distinct plain characters. Anything else takes the slow
 * path. Each file's verdict is kept while its size and modification time stay the same (views are rebound at the
 * start of every query, see {@link ParquetColumns}).
 */
final class PlainCsvFiles {

    /** The longest line read by the fast path, well within {@code read_csv}'s maximum line size in bytes. */
    static final int MAX_LINE = 100_000;

    private record Key(Path file, char separator, char quote, char escape, int columns, int skipLines) {
    }

    private final PerFileVersion<Key, Boolean> cache = new PerFileVersion<>();

    /**
     * The relation of an OpenCSVSerde table over {@code found}, as {@link OpenCsvReader#relation} gives it: the
     * plain files read by {@code read_csv}, the others by {@link OpenCsvReader}, joined by UNION ALL.
     */
    String relation(TableDef table, TextFormat format, List<Path> found, int skipLines, boolean withFile) {
        List<Path> plain = new ArrayList<>();
        List<Path> other = new ArrayList<>();
        for (Path f : found) {
            (isPlain(f, format, table.columns().size(), skipLines) ? plain : other).add(f);
        }
        if (plain.isEmpty()) {
            return OpenCsvReader.relation(table, format, other, skipLines, withFile);
        }
        String fast = fastRelation(table, format, plain, skipLines, withFile);
        if (other.isEmpty()) {
            return fast;
        }
        return "(SELECT * FROM " + fast + " UNION ALL SELECT * FROM "
                + OpenCsvReader.relation(table, format, other, skipLines, withFile) + ") AS open_csv_files";
    }

    /** {@code read_csv} over plain files: the same columns as {@link OpenCsvReader#relation}, in the same order. */
    static String fastRelation(TableDef table, TextFormat format, List<Path> plain, int skipLines, boolean withFile) {
        String list = plain.stream().map(p -> Literals.quote(p.toString())).collect(Collectors.joining(", ", "[", "]"));
        String columns = table.columns().stream()
                .map(c -> Literals.quote(c.name()) + ": 'VARCHAR'").collect(Collectors.joining(", ", "{", "}"));
        List<String> items = new ArrayList<>();
        if (withFile) {
            items.add(Identifiers.quote(HiddenColumns.FILE_COLUMN));
        }
        for (ColumnDef c : table.columns()) {
            items.add("COALESCE(" + Identifiers.quote(c.name()) + ", '') AS " + Identifiers.quote(c.name()));
        }
        String quote = Literals.quote(format.quote());
        return "(SELECT " + String.join(", ", items) + " FROM read_csv(" + list
                + ", header=false, auto_detect=false, all_varchar=true, skip=" + skipLines + ", delim="
                + Literals.quote(format.delimiter()) + ", quote=" + quote + ", escape=" + quote + ", columns=" + columns
                + ", null_padding=false, allow_quoted_nulls=false"
                + (withFile ? ", filename=" + Literals.quote(HiddenColumns.FILE_COLUMN) : "") + ")) AS open_csv_plain";
    }

    /** Whether {@code file} is plain for a table of {@code columns} columns in {@code format}. */
    synchronized boolean isPlain(Path file, TextFormat format, int columns, int skipLines) {
        if (!plainFormat(format) || columns <= 0 || skipLines < 0) {
            return false;
        }
        Key key = new Key(file, format.delimiter().charAt(0), format.quote().charAt(0), escapeOf(format), columns,
                skipLines);
        return cache.get(key, file, () -> {
            try (Reader in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder())) {
                return isPlain(in, key.separator(), key.quote(), key.escape(), columns, skipLines);
            } catch (IOException e) {
                // Unreadable or not UTF-8: the slow path reads it (or fails) as before.
                return false;
            }
        });
    }

    /** Separator and quote single characters, distinct from each other, from the read escape and from line ends. */
    static boolean plainFormat(TextFormat format) {
        if (!format.openCsv() || format.delimiter().length() != 1 || format.quote().length() != 1
                || format.readEscape().length() > 1) {
            return false;
        }
        char separator = format.delimiter().charAt(0);
        char quote = format.quote().charAt(0);
        char escape = escapeOf(format);
        return separator != quote && separator != escape && quote != escape && !lineBreakOrNul(separator)
                && !lineBreakOrNul(quote);
    }

    private static boolean lineBreakOrNul(char c) {
        return c == '\n' || c == '\r' || c == '\0';
    }

    /** The read escape as {@code OpenCsvFields} takes it: {@code \0} when there is none. */
    private static char escapeOf(TextFormat format) {
        return format.readEscape().isEmpty() ? '\0' : format.readEscape().charAt(0);
    }

    /** The scan of {@link PlainCsvFiles}'s conditions over a file's text. */
    static boolean isPlain(Reader in, char separator, char quote, char escape, int columns, int skipLines)
            throws IOException {
        char[] buffer = new char[64 * 1024];
        int line = 0;          // lines ended so far
        int length = 0;        // characters of the current line
        int fields = 1;        // fields of the current line so far
        boolean fieldStart = true;
        boolean quoted = false;     // inside a quoted field
        boolean afterQuote = false; // inside a quoted field, right after a quote: its end or half of a ""
        int n;
        while ((n = in.read(buffer)) != -1) {
            for (int i = 0; i < n; i++) {
                char c = buffer[i];
                if (c == '\r' || c == '\0' || c == '\uFEFF' || c == escape) {
                    return false;
                }
                if (c == '\n') {
                    if (!lineEnds(line, length, fields, quoted && !afterQuote, columns, skipLines)) {
                        return false;
                    }
                    line++;
                    length = 0;
                    fields = 1;
                    fieldStart = true;
                    quoted = false;
                    afterQuote = false;
                    continue;
                }
                if (++length > MAX_LINE) {
                    return false;
                }
                if (line < skipLines) {
                    if (c == quote) {
                        return false;
                    }
                } else if (quoted) {
                    if (afterQuote) {
                        afterQuote = false;
                        if (c == separator) {
                            quoted = false;
                            fields++;
                            fieldStart = true;
                        } else if (c != quote) {
                            return false; // text after a closing quote
                        }
                    } else if (c == quote) {
                        afterQuote = true;
                    }
                } else if (c == quote) {
                    if (!fieldStart) {
                        return false; // a quote inside an unquoted field
                    }
                    quoted = true;
                    fieldStart = false;
                } else if (c == separator) {
                    fields++;
                    fieldStart = true;
                } else {
                    fieldStart = false;
                }
            }
        }
        if (length > 0) {
            // a last line without LF
            if (!lineEnds(line, length, fields, quoted && !afterQuote, columns, skipLines)) {
                return false;
            }
            line++;
        }
        return line > skipLines;
    }

    private static boolean lineEnds(int line, int length, int fields, boolean openQuote, int columns, int skipLines) {
        if (length == 0) {
            return false; // an empty line: opencsv gives no fields, DuckDB skips it
        }
        return line < skipLines || (!openQuote && fields == columns);
    }
}
