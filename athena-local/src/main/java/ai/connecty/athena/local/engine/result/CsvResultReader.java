package ai.connecty.athena.local.engine.result;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads records of a CSV result written by {@link CsvResultWriter}, telling NULL (empty unquoted field) from the
 * empty string ({@code ""}). Seeks to the nearest indexed offset, so page N costs O(page size).
 */
public final class CsvResultReader {

    private CsvResultReader() {
    }

    /** Records {@code [first, first + count)} (record 0 is the header line). */
    public static List<String[]> read(Path file, PageIndex index, long first, int count) {
        List<String[]> out = new ArrayList<>();
        if (first >= index.records() || count <= 0) {
            return out;
        }
        int slot = (int) (first / PageIndex.STRIDE);
        long skip = first - (long) slot * PageIndex.STRIDE;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ch.position(index.offsets()[slot]);
            InputStream in = Channels.newInputStream(ch);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            for (long i = 0; i < skip; i++) {
                readRecord(reader);
            }
            while (out.size() < count) {
                String[] record = readRecord(reader);
                if (record == null) {
                    break;
                }
                out.add(record);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] readRecord(BufferedReader r) throws IOException {
        int c = r.read();
        if (c < 0) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        while (true) {
            if (c == '"') {
                StringBuilder value = new StringBuilder();
                while (true) {
                    int d = r.read();
                    if (d < 0) {
                        throw new IOException("Truncated result file");
                    }
                    if (d == '"') {
                        r.mark(1);
                        if (r.read() == '"') {
                            value.append('"');
                        } else {
                            r.reset();
                            break;
                        }
                    } else {
                        value.append((char) d);
                    }
                }
                fields.add(value.toString());
                c = r.read();
            } else {
                fields.add(null);
            }
            if (c == ',') {
                c = r.read();
                continue;
            }
            return fields.toArray(String[]::new);
        }
    }
}
