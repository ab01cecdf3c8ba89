package ai.connecty.athena.jdbc.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.jdbc.results.TextRow;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AthenaCsvReaderTest {

    /** The bytes in chunks of {@code chunk} bytes, so that every field boundary falls inside and across chunks. */
    private static final class Chunked extends ByteChunks {
        private final byte[] data;
        private final int chunk;
        private int offset;

        Chunked(byte[] data, int chunk) {
            this.data = data;
            this.chunk = chunk;
        }

        @Override
        boolean fill() {
            if (offset >= data.length) {
                return false;
            }
            buffer = data;
            position = offset;
            limit = Math.min(data.length, offset + chunk);
            offset = limit;
            return true;
        }
    }

    private static List<List<String>> read(String csv, int columns, int chunk) throws SQLException {
        AthenaCsvReader reader = new AthenaCsvReader(new Chunked(csv.getBytes(StandardCharsets.UTF_8), chunk), columns, "test.csv");
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
                // Both views of a value must agree: the String, and the characters the getters parse.
                CharSequence chars = row.chars(c);
                assertThat(chars == null ? null : chars.toString()).isEqualTo(row.text(c));
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
}
