package ai.connecty.athena.local.engine.result;

import ai.connecty.athena.local.sql.OutputColumn;
import ai.connecty.athena.local.sql.RowSink;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams a result into Athena's CSV: a quoted header, every non-NULL value quoted with {@code "} doubled, NULL
 * as an empty unquoted field, {@code \n} after every line. Records the byte offset of every
 * {@link PageIndex#STRIDE}-th record so a page can later be served without re-reading the whole file.
 */
public final class CsvResultWriter implements RowSink, AutoCloseable {

    private final OutputStream out;
    private final List<Long> offsets = new ArrayList<>();
    private List<OutputColumn> columns = List.of();
    private long bytes;
    private long records;
    private boolean headerWritten;

    public CsvResultWriter(Path file) {
        try {
            Files.createDirectories(file.getParent());
            this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void columns(List<OutputColumn> cols) {
        this.columns = List.copyOf(cols);
        String[] names = cols.stream().map(OutputColumn::name).toArray(String[]::new);
        writeRecord(names);
        headerWritten = true;
    }

    @Override
    public void row(String[] values) {
        writeRecord(values);
    }

    public List<OutputColumn> columnList() {
        return columns;
    }

    /** Data rows written (the header is not counted). */
    public long dataRows() {
        return headerWritten ? records - 1 : records;
    }

    public PageIndex index() {
        return new PageIndex(offsets.stream().mapToLong(Long::longValue).toArray(), records);
    }

    private void writeRecord(String[] values) {
        if (records % PageIndex.STRIDE == 0) {
            offsets.add(bytes);
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            if (values[i] != null) {
                line.append('"').append(values[i].replace("\"", "\"\"")).append('"');
            }
        }
        line.append('\n');
        byte[] encoded = line.toString().getBytes(StandardCharsets.UTF_8);
        try {
            out.write(encoded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bytes += encoded.length;
        records++;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
