package ai.connecty.athena.jdbc.rows;

import ai.connecty.athena.jdbc.results.TextRow;
import ai.connecty.athena.jdbc.types.TextSlice;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Rows of the result file as the CSV reader leaves them: the values' bytes one after another in one array, with
 * each field's start and end, and each row's first field. The parser thread fills a batch and hands it over
 * whole; the reading thread makes a String only for the values a getter asks as text, and parses numbers and
 * dates from the bytes. So a row costs no String, no List and no array of its own, and batches are reused.
 */
final class RowBatch {
    /** A field end that marks SQL NULL. */
    static final int NULL = -1;

    byte[] bytes;
    int used;
    /** Written directly by the CSV reader's fast path after {@link #reserveFields}. */
    int[] fieldStart = new int[1024];
    int[] fieldEnd = new int[1024];
    private int fields;
    private int[] rowFirstField = new int[128];
    private int rows;
    private int rowFirstByte;
    /**
     * The reading thread's row views, made once per index and kept with the batch: a row's view reads whatever
     * the batch holds at its index, so reusing the batch reuses them too, and a million rows cost no allocation.
     */
    private Row[] views = new Row[0];
    /** The reading thread's view of one field's bytes, reused by every {@link TextRow#slice} of this batch. */
    private final TextSlice view = new TextSlice();

    RowBatch(int initialBytes) {
        bytes = new byte[initialBytes];
    }

    void clear() {
        used = 0;
        fields = 0;
        rows = 0;
    }

    int rows() {
        return rows;
    }

    int capacity() {
        return bytes.length;
    }

    // ---- writing (the parser thread) ---------------------------------------------------------------------

    /** Starts a row; its fields follow with {@link #addField}/{@link #addNull}. */
    void startRow() {
        if (rows == rowFirstField.length) {
            rowFirstField = Arrays.copyOf(rowFirstField, rows * 2);
        }
        rowFirstField[rows] = fields;
        rowFirstByte = used;
    }

    /** Ends the row started last; returns how many fields it has. */
    int endRow() {
        return fields - rowFirstField[rows++];
    }

    /** Forgets the row started last (a malformed record). */
    void dropRow() {
        fields = rowFirstField[rows];
        used = rowFirstByte;
    }

    void append(byte[] source, int offset, int length) {
        if (used + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + length));
        }
        System.arraycopy(source, offset, bytes, used, length);
        used += length;
    }

    /** Ends a field whose bytes were appended since {@code start} (the value of {@link #used} before them). */
    void addField(int start) {
        reserveFields(1);
        fieldStart[fields] = start;
        fieldEnd[fields++] = used;
    }

    /**
     * Makes room for {@code count} more fields and answers the index of the next one, for a reader that writes
     * {@link #fieldStart}/{@link #fieldEnd} itself and then calls {@link #copyRecord}.
     */
    int reserveFields(int count) {
        if (fields + count > fieldStart.length) {
            int size = Math.max(fieldStart.length * 2, fields + count);
            fieldStart = Arrays.copyOf(fieldStart, size);
            fieldEnd = Arrays.copyOf(fieldEnd, size);
        }
        return fields;
    }

    /**
     * Copies {@code source[from, to)}, the record whose fields were written after {@link #reserveFields} (with the
     * offsets they have once copied) up to {@code fieldsEnd}, in one array copy (quotes and commas included), to
     * the batch's end.
     */
    void copyRecord(byte[] source, int from, int to, int fieldsEnd) {
        fields = fieldsEnd;
        append(source, from, to - from);
    }

    void addNull() {
        reserveFields(1);
        fieldStart[fields] = used;
        fieldEnd[fields++] = NULL;
    }

    // ---- reading (the application's thread) --------------------------------------------------------------

    TextRow row(int index) {
        if (index >= views.length) {
            views = Arrays.copyOf(views, Math.max(views.length * 2, index + 1));
        }
        Row row = views[index];
        if (row == null) {
            row = new Row(index);
            views[index] = row;
        }
        return row;
    }

    /** A row of this batch; valid until the batch is reused, which the source does only two batches later. */
    private final class Row implements TextRow {
        private final int index;

        Row(int index) {
            this.index = index;
        }

        private int field(int column) {
            return rowFirstField[index] + column;
        }

        @Override
        public int size() {
            return (index + 1 < rows ? rowFirstField[index + 1] : fields) - rowFirstField[index];
        }

        @Override
        public String text(int column) {
            int field = field(column);
            int end = fieldEnd[field];
            return end == NULL ? null : new String(bytes, fieldStart[field], end - fieldStart[field], StandardCharsets.UTF_8);
        }

        @Override
        public TextSlice slice(int column) {
            int field = field(column);
            int end = fieldEnd[field];
            return end == NULL ? null : view.of(bytes, fieldStart[field], end - fieldStart[field]);
        }
    }
}
