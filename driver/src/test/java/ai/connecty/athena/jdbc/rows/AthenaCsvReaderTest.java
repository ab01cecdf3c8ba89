package ai.connecty.athena.jdbc.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.jdbc.results.TextRow;
import ai.connecty.athena.jdbc.types.TextSlice;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AthenaCsvReaderTest {

    /**
     * The bytes in chunks of {@code chunk} bytes, so that every field boundary falls inside and across chunks. With
     * {@code staleAfterLimit}, each chunk sits in an array of its own with line ends after its limit, as a reused
     * download buffer holds stale bytes there: a reader that looks past the limit finds a record's end.
     */
    private static final class Chunked extends ByteChunks {
        private final byte[] data;
        private final int chunk;
        private final boolean staleAfterLimit;
        private int offset;

        Chunked(byte[] data, int chunk) {
            this(data, chunk, false);
        }

        Chunked(byte[] data, int chunk, boolean staleAfterLimit) {
            this.data = data;
            this.chunk = chunk;
            this.staleAfterLimit = staleAfterLimit;
        }

        @Override
        boolean fill() {
            if (offset >= data.length) {
                return false;
            }
            int length = Math.min(chunk, data.length - offset);
            if (staleAfterLimit) {
                buffer = new byte[length + 16];
                Arrays.fill(buffer, (byte) '\n');
                System.arraycopy(data, offset, buffer, 0, length);
                position = 0;
            } else {
                buffer = data;
                position = offset;
            }
            limit = position + length;
            offset += length;
            return true;
        }
    }

    private static List<List<String>> read(String csv, int columns, int chunk) throws SQLException {
        return readRows(new AthenaCsvReader(new Chunked(csv.getBytes(StandardCharsets.UTF_8), chunk), columns, "test.csv"));
    }

    private static List<List<String>> readRows(AthenaCsvReader reader) throws SQLException {
        // A small batch, so that its arrays grow while reading, as they do for long rows.
        RowBatch batch = new RowBatch(1);
        while (reader.next(batch)) {
            // all rows in one batch
        }
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < batch.rows(); r++) {
            TextRow row = batch.row(r);
            List<String> values = new ArrayList<>();
            for (int c = 0; c < row.size(); c++) {
                // Both views of a value must agree: the String, and the bytes the getters parse.
                TextSlice slice = row.slice(c);
                assertThat(slice == null ? null : slice.toString()).isEqualTo(row.text(c));
                values.add(row.text(c));
            }
            rows.add(values);
        }
        return rows;
    }

    // The measured sample row of athena-measured-behaviour §3.2, header included.
    private static final String SAMPLE = "\"i\",\"d\",\"s\",\"q\",\"nl\",\"n\",\"e\",\"u\"\n"
            + "\"1\",\"1.5\",\"it's\",\"a\"\"b\",\"x\ny\",,\"\",\"日本語\"\n";

    @Test
    void nullIsAnEmptyUnquotedFieldAndEmptyStringIsTwoQuotes_atEveryChunkSize() throws SQLException {
        List<String> expected = Arrays.asList("1", "1.5", "it's", "a\"b", "x\ny", null, "", "日本語");
        for (int chunk = 1; chunk <= SAMPLE.length() + 1; chunk++) {
            List<List<String>> rows = read(SAMPLE, 8, chunk);
            assertThat(rows).as("chunk size %d", chunk).hasSize(2);
            assertThat(rows.get(1)).as("chunk size %d", chunk).isEqualTo(expected);
        }
    }

    @Test
    void trailingNullAndAMissingFinalNewlineAreRead() throws SQLException {
        assertThat(read("\"a\",\n\"b\",\"c\"", 2, 3)).containsExactly(Arrays.asList("a", null), Arrays.asList("b", "c"));
    }

    @Test
    void aVeryLongFieldWithQuotesAndNewlinesSurvivesChunking() throws SQLException {
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            value.append(i % 1000 == 0 ? "\"\n" : "v");
        }
        String csv = "\"x\"\n\"" + value.toString().replace("\"", "\"\"") + "\"\n";
        assertThat(read(csv, 1, 8192).get(1)).containsExactly(value.toString());
    }

    @Test
    void aWrongNumberOfFieldsOrAnUnclosedQuoteIsADataError() {
        assertThatThrownBy(() -> read("\"a\",\"b\"\n", 3, 64)).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).isEqualTo("22000"));
        assertThatThrownBy(() -> read("\"a\n", 1, 64)).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getMessage()).contains("never closes").contains("test.csv"));
    }

    /** More fields than columns, in one chunk: a few (the one-loop path), and more than its field arrays hold. */
    @Test
    void aRowWithMoreFieldsThanColumnsIsADataErrorOnEitherPath() {
        assertThatThrownBy(() -> read("\"a\",\"b\",\"c\",\"d\"\n", 2, 1 << 16)).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getMessage()).contains("a row has 4 fields where the query has 2 columns"));
        String wide = String.join(",", java.util.Collections.nCopies(3000, "\"v\"")) + "\n";
        assertThatThrownBy(() -> read(wide, 2, 1 << 16)).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getMessage()).contains("a row has 3000 fields where the query has 2 columns"));
    }

    /**
     * Random rows as Athena writes them (quoted values with doubled quotes, newlines, commas, non-ASCII, "" and
     * NULL), read in one chunk (the one-loop path for whole records), in chunks that cut records everywhere (the
     * general path), and with \r\n line ends: every reading gives the values written.
     */
    @Test
    void randomRowsReadTheSameWhicheverPathAndChunkingReadsThem() throws SQLException {
        java.util.Random random = new java.util.Random(6);
        String[] pieces = {"a", "7", "-1.5E-7", "\"", ",", "\n", "\r\n", "日本", "ü", " ", "2024-01-31 12:00:00.123", "x\"\"y"};
        int columns = 5;
        List<List<String>> written = new ArrayList<>();
        StringBuilder csv = new StringBuilder("\"c1\",\"c2\",\"c3\",\"c4\",\"c5\"\n");
        written.add(Arrays.asList("c1", "c2", "c3", "c4", "c5"));
        for (int r = 0; r < 400; r++) {
            List<String> row = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                int kind = random.nextInt(10);
                String value;
                if (kind == 0) {
                    value = null;
                } else if (kind == 1) {
                    value = "";
                } else {
                    StringBuilder v = new StringBuilder();
                    for (int p = random.nextInt(4) + 1; p > 0; p--) {
                        v.append(pieces[random.nextInt(kind < 6 ? 3 : pieces.length)]);
                    }
                    value = v.toString();
                }
                row.add(value);
            }
            written.add(row);
            AthenaCsvText.appendRecord(csv, row);
        }
        String text = csv.toString();
        assertThat(read(text, columns, text.length() * 4)).isEqualTo(written);
        for (int chunk : new int[] {1, 2, 3, 7, 64, 1000}) {
            assertThat(read(text, columns, chunk)).as("chunks of %d bytes", chunk).isEqualTo(written);
        }
        assertThat(read(text.replace("\"\n", "\"\r\n").replace(",\n", ",\r\n"), columns, text.length() * 4))
                .as("CRLF line ends").hasSize(written.size());
    }

    // The cases below were found unpinned by a mutation-testing audit (PIT, see the README's "Developing" section).

    @Test
    void noByteAfterAChunksLimitIsRead() throws SQLException {
        String csv = "\"a\",\"bc\"\n\"d\",\n,\"\"\n\"e\"\"f\",\"g\nh\"\n";
        List<List<String>> expected = List.of(Arrays.asList("a", "bc"), Arrays.asList("d", null), Arrays.asList(null, ""),
                Arrays.asList("e\"f", "g\nh"));
        for (int chunk = 1; chunk <= csv.length(); chunk++) {
            AthenaCsvReader reader = new AthenaCsvReader(new Chunked(csv.getBytes(StandardCharsets.UTF_8), chunk, true), 2,
                    "test.csv");
            assertThat(readRows(reader)).as("chunks of %d bytes", chunk).isEqualTo(expected);
        }
    }

    /** Athena quotes every value, but an unquoted one (another writer's file) is its text, across chunks too. */
    @Test
    void anUnquotedValueIsItsText_atEveryChunkSize() throws SQLException {
        String csv = "abc,\"q\",7\n1,,-2.5\r\n,x y,\"\"\n";
        List<List<String>> expected = List.of(Arrays.asList("abc", "q", "7"), Arrays.asList("1", null, "-2.5"),
                Arrays.asList(null, "x y", ""));
        for (int chunk = 1; chunk <= csv.length() + 1; chunk++) {
            assertThat(read(csv, 3, chunk)).as("chunks of %d bytes", chunk).isEqualTo(expected);
        }
    }

    @Test
    void aFileEndingAfterASeparatorEndsWithANull() throws SQLException {
        for (int chunk = 1; chunk <= 5; chunk++) {
            assertThat(read("\"a\",", 2, chunk)).as("chunks of %d bytes", chunk).containsExactly(Arrays.asList("a", null));
            assertThat(read("\"a\",\"b\"", 2, chunk)).as("chunks of %d bytes", chunk).containsExactly(Arrays.asList("a", "b"));
        }
    }

    /** Without a column count (0), rows of any width are read as they are. */
    @Test
    void withoutAColumnCountEveryRowIsReadAsItIs() throws SQLException {
        for (int chunk : new int[] {1, 4, 1000}) {
            assertThat(read("\"a\",\"b\"\n\"c\"\n,,\n", 0, chunk)).as("chunks of %d bytes", chunk)
                    .containsExactly(Arrays.asList("a", "b"), Arrays.asList("c"), Arrays.asList(null, null, null));
        }
    }

    /** The record a malformed one is: the third record here, whichever way it is malformed and read. */
    @Test
    void aMalformedRecordIsNamedByItsNumber() {
        String good = "\"h1\",\"h2\"\n\"a\",\"b\"\n";
        for (int chunk : new int[] {1, 3, 1000}) {
            for (String bad : new String[] {"\"c\"\n", "\"c\",\"d\",\"e\"\n", "\"c\"x,\"d\"\n", "\"c\",\"d\n"}) {
                assertThatThrownBy(() -> read(good + bad, 2, chunk)).as("%s in chunks of %d", bad, chunk)
                        .isInstanceOfSatisfying(SQLException.class, e -> {
                            assertThat(e.getSQLState()).isEqualTo("22000");
                            assertThat(e.getMessage()).contains("near record 3:");
                        });
            }
        }
    }
}
