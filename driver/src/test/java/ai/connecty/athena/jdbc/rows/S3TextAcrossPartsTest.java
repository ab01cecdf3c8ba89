package ai.connecty.athena.jdbc.rows;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.jdbc.results.ColumnSpec;
import ai.connecty.athena.jdbc.results.TextRow;
import ai.connecty.athena.jdbc.types.TextSlice;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;

/**
 * Text of every UTF-8 length (1 to 4 bytes: a, ü, €, 😀), combining marks, right-to-left text and the characters
 * CSV escapes (quotes, commas, LF, CRLF), in a result file downloaded as parts so small (an odd size, so that part
 * ends fall at every offset within a character) that multi-byte characters straddle part boundaries and one value
 * is longer than a part; more than one batch of rows. Each value must read back as written, NULL apart from "", in
 * its String and its byte view alike.
 */
class S3TextAcrossPartsTest {
    private static final int PART = 1031;
    private static final String[] PIECES = {"a", "\u00fc", "\u20ac", "\uD83D\uDE00", "e\u0301", "\u05E9\u05DC\u05D5\u05DD",
        "\"", ",", "\n", "\r\n", "\u2028", "\t", "\uDBFF\uDFFF", "x\"\"y", "'"};

    private final WireMockS3 wire = new WireMockS3(Apache5HttpClient.create());

    @AfterEach
    void stop() {
        wire.close();
    }

    private void serve(byte[] file) {
        wire.serveParts(file, PART);
    }

    @Test
    void multiByteTextStraddlingPartsAndBatchesReadsBackAsWritten() throws Exception {
        Random random = new Random(82);
        int columns = 3;
        List<List<String>> written = new ArrayList<>();
        StringBuilder csv = new StringBuilder("\"t\u00eaxt \"\"1\"\"\",\"\uD83D\uDE00\",\"c,3\"\n");
        for (int r = 0; r < 3000; r++) {
            List<String> row = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                String value;
                if (r == 1500 && c == 1) {
                    // A value longer than two parts, its characters all multi-byte.
                    value = "\uD83D\uDE00\u20ac\u00fc".repeat(300);
                } else {
                    int kind = random.nextInt(12);
                    StringBuilder v = new StringBuilder();
                    for (int p = random.nextInt(6); p > 0; p--) {
                        v.append(PIECES[random.nextInt(PIECES.length)]);
                    }
                    value = kind == 0 ? null : kind == 1 ? "" : v.toString();
                }
                row.add(value);
            }
            written.add(row);
            AthenaCsvText.appendRecord(csv, row);
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(file.length).isGreaterThan(50 * PART);
        serve(file);
        S3ObjectStream stream = new S3ObjectStream(wire.s3, "results", "q.csv", PART, 3);
        stream.open();
        List<List<String>> read = new ArrayList<>();
        try (S3RowSource source = new S3RowSource(List.of(new ColumnSpec("a", "varchar"), new ColumnSpec("b", "varchar"),
                new ColumnSpec("c", "varchar")), stream)) {
            for (TextRow row = source.next(); row != null; row = source.next()) {
                List<String> values = new ArrayList<>();
                for (int c = 0; c < row.size(); c++) {
                    TextSlice slice = row.slice(c);
                    String text = row.text(c);
                    assertThat(slice == null ? null : slice.toString()).isEqualTo(text);
                    if (text != null) {
                        assertThat(text.codePoints().filter(cp -> cp == 0xFFFD).count()).as("U+FFFD in %s", text).isZero();
                    }
                    values.add(text);
                }
                read.add(values);
            }
        }
        assertThat(read).hasSize(written.size());
        for (int r = 0; r < written.size(); r++) {
            assertThat(read.get(r)).as("row %d", r + 1).isEqualTo(written.get(r));
        }
    }
}
