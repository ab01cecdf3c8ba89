package ai.connecty.athena.local.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.sql.QueryRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast path of OpenCSVSerde tables: which files {@link PlainCsvFiles} lets DuckDB's read_csv read, and that those
 * read exactly the rows the line-by-line {@link OpenCsvReader} reads, alone and joined with the files that are not.
 */
class PlainCsvFilesTest {

    private static Connection duck;

    @BeforeAll
    static void open() throws SQLException {
        duck = DriverManager.getConnection("jdbc:duckdb:");
        QueryRunner.configure(duck);
    }

    @AfterAll
    static void close() throws SQLException {
        duck.close();
    }

    /** File text -> whether it is plain for a three-column table without header lines. */
    private static final Map<String, Boolean> FILES = new LinkedHashMap<>();

    static {
        FILES.put("\"1\",\"x\",\"y\"\n\"2\",\"p q\",\"r\"\n", true);              // quoted
        FILES.put("1,x,y\n2,p,q", true);                                          // unquoted, no LF at the end
        FILES.put("\"1\",\"say \"\"hi\"\"\",\"\"\"\"\"\"\n", true);               // doubled quotes
        FILES.put("1,,\n,\"\",\"\"\n3, , \n", true);                              // empty fields, blank ones
        FILES.put("\"1\",\"a,b\",c\n  2 , x ,y \n", true);                        // separator inside quotes, spaces
        FILES.put("1,\u00e9\u20ac\ud83d\ude00,\"\u00fc\"\"\"\n", true);           // UTF-8 beyond ASCII
        FILES.put("\"1\",\"a\\\"b\",\"c\"\n", false);                             // \" inside quotes
        FILES.put("1,a\\b,c\n", false);                                           // backslash outside quotes
        FILES.put("\"1\",\"two\nlines\",\"x\"\n", false);                         // newline inside quotes
        FILES.put("1,x,y\r\n2,p,q\r\n", false);                                   // CRLF
        FILES.put("1,x,y,z\n2,p,q\n", false);                                     // more fields
        FILES.put("1,x,y\n2,p\n", false);                                         // fewer fields
        FILES.put("1,x,y\n\n2,p,q\n", false);                                     // empty line
        FILES.put("1,a\"b,c\n", false);                                           // quote inside an unquoted field
        FILES.put("\"1\"x,y,z\n", false);                                         // text after a closing quote
        FILES.put(" \"1\",y,z\n", false);                                         // quote after leading space
        FILES.put("\"1\",\"a\"\"\n", false);                                      // a quote never closed
        FILES.put("", false);                                                     // empty file
        FILES.put("\ufeff1,x,y\n", false);                                        // byte order mark
    }

    private static TableDef table(String skipLines, String... columns) {
        return new TableDef("db", "t", TableDef.EXTERNAL_TABLE,
                Arrays.stream(columns).map(c -> ColumnDef.of(c, "string")).toList(), List.of(), "s3://b/t/", null, null,
                TableDef.OPEN_CSV_SERDE, Map.of(), skipLines == null ? Map.of() : Map.of("skip.header.line.count",
                skipLines), null, null, 0, null);
    }

    private static Path write(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void theFastPathIsTakenExactlyForFilesWithoutOpenCsvsOwnRules(@TempDir Path dir) throws Exception {
        TableDef table = table(null, "a", "b", "c");
        TextFormat format = TextFormat.of(table);
        PlainCsvFiles plain = new PlainCsvFiles();
        int i = 0;
        for (Map.Entry<String, Boolean> e : FILES.entrySet()) {
            Path f = write(dir, "f" + i++ + ".csv", e.getKey());
            assertThat(plain.isPlain(f, format, 3, 0)).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    @Test
    void headerLinesAreSkippedWhenNotEmptyAndWithoutQuotes(@TempDir Path dir) throws Exception {
        TextFormat format = TextFormat.of(table("1", "a", "b"));
        PlainCsvFiles plain = new PlainCsvFiles();
        assertThat(plain.isPlain(write(dir, "h1.csv", "id,name,extra\n1,\"x\"\n"), format, 2, 1)).isTrue();
        assertThat(plain.isPlain(write(dir, "h2.csv", "\"id\",\"name\"\n1,x\n"), format, 2, 1)).isFalse();
        assertThat(plain.isPlain(write(dir, "h3.csv", "\n1,x\n"), format, 2, 1)).isFalse();
        assertThat(plain.isPlain(write(dir, "h4.csv", "id,name\n"), format, 2, 1)).isFalse();  // no data line
        // without skipping, the header is a data line like another
        assertThat(plain.isPlain(write(dir, "h5.csv", "id,name\n1,x\n"), format, 2, 0)).isTrue();
    }

    @Test
    void aTableWhoseEscapeIsNotABackslashTakesTheFastPathOnlyWithoutThatEscape(@TempDir Path dir) throws Exception {
        TableDef table = table(null, "a", "b");
        TableDef semi = new TableDef("db", "t", TableDef.EXTERNAL_TABLE, table.columns(), List.of(), "s3://b/t/", null,
                null, TableDef.OPEN_CSV_SERDE, Map.of("separatorChar", ";", "quoteChar", "'", "escapeChar", "~"),
                Map.of(), null, null, 0, null);
        TextFormat format = TextFormat.of(semi);
        PlainCsvFiles plain = new PlainCsvFiles();
        Path back = write(dir, "back.csv", "'1';'a\\b'\n'2';'it''s'\n");
        Path tilde = write(dir, "tilde.csv", "'1';'a~'b'\n");
        assertThat(plain.isPlain(back, format, 2, 0)).isTrue();
        assertThat(plain.isPlain(tilde, format, 2, 0)).isFalse();
        assertThat(rows(PlainCsvFiles.fastRelation(semi, format, List.of(back), 0, false)))
                .isEqualTo(rows(OpenCsvReader.relation(semi, format, List.of(back), 0, false)))
                .containsExactlyInAnyOrder(List.of("1", "a\\b"), List.of("2", "it's"));
    }

    @Test
    void theVerdictIsRecomputedWhenTheFileChanges(@TempDir Path dir) throws Exception {
        TextFormat format = TextFormat.of(table(null, "a", "b"));
        PlainCsvFiles plain = new PlainCsvFiles();
        Path f = write(dir, "f.csv", "1,x\n");
        assertThat(plain.isPlain(f, format, 2, 0)).isTrue();
        write(dir, "f.csv", "1,\\x\n");
        Files.setLastModifiedTime(f, FileTime.fromMillis(Files.getLastModifiedTime(f).toMillis() + 5000));
        assertThat(plain.isPlain(f, format, 2, 0)).isFalse();
        // the same file, for a table of another shape
        write(dir, "f.csv", "1,x\n");
        assertThat(plain.isPlain(f, format, 2, 0)).isTrue();
        assertThat(plain.isPlain(f, format, 3, 0)).isFalse();
    }

    @Test
    void plainFilesReadTheSameRowsThroughReadCsvAsLineByLine(@TempDir Path dir) throws Exception {
        TableDef table = table(null, "a", "b", "c");
        TextFormat format = TextFormat.of(table);
        PlainCsvFiles plain = new PlainCsvFiles();
        int i = 0;
        for (Map.Entry<String, Boolean> e : FILES.entrySet()) {
            Path f = write(dir, "p" + i++ + ".csv", e.getKey());
            if (plain.isPlain(f, format, 3, 0)) {
                for (boolean withFile : new boolean[] {false, true}) {
                    List<List<String>> slow = rows(OpenCsvReader.relation(table, format, List.of(f), 0, withFile));
                    assertThat(slow).as(e.getKey()).isNotEmpty();
                    assertThat(rows(PlainCsvFiles.fastRelation(table, format, List.of(f), 0, withFile)))
                            .as(e.getKey()).isEqualTo(slow);
                }
            }
        }
        TableDef headed = table("1", "a", "b");
        Path h = write(dir, "h.csv", "id,name,extra\n1,\"x\"\n2,\n");
        assertThat(plain.isPlain(h, TextFormat.of(headed), 2, 1)).isTrue();
        Path h2 = write(dir, "h2.csv", "id,name\n3,z\n");
        // each file's header is skipped
        assertThat(rows(PlainCsvFiles.fastRelation(headed, TextFormat.of(headed), List.of(h, h2), 1, true)))
                .isEqualTo(rows(OpenCsvReader.relation(headed, TextFormat.of(headed), List.of(h, h2), 1, true)))
                .hasSize(3);
    }

    @Test
    void aTableOfPlainAndOtherFilesReadsTheRowsOfReadingThemAllLineByLine(@TempDir Path dir) throws Exception {
        TableDef table = table(null, "a", "b", "c");
        TextFormat format = TextFormat.of(table);
        List<Path> all = new ArrayList<>();
        int i = 0;
        for (String text : FILES.keySet()) {
            all.add(write(dir, "m" + i++ + ".csv", text));
        }
        PlainCsvFiles plain = new PlainCsvFiles();
        for (boolean withFile : new boolean[] {false, true}) {
            String mixed = plain.relation(table, format, all, 0, withFile);
            assertThat(mixed).contains("read_csv(").contains("UNION ALL");
            assertThat(rows(mixed)).isEqualTo(rows(OpenCsvReader.relation(table, format, all, 0, withFile)));
        }
    }

    /** The rows of {@code relation}, sorted (the readers' orders differ across files). */
    private static List<List<String>> rows(String relation) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + relation)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int c = 1; c <= n; c++) {
                    row.add(rs.getString(c));
                }
                rows.add(row);
            }
        }
        rows.sort(Comparator.comparing(Object::toString));
        return rows;
    }
}
