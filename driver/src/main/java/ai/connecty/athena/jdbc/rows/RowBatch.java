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
    private static final int NULL = -1;

    byte[] bytes;
    int used;
    private int[] fieldStart = new int[1024];
    private int[] fieldEnd = new int[1024];
    private int fields;
    private int[] rowFirstField = new int[128];
    private int rows;
    private int rowFirstByte;
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
        ensureField();
        fieldStart[fields] = start;
        fieldEnd[fields++] = used;
    }

    /**
     * A field at {@code [start, end)} of a record that {@link #copyRecord} copies whole once its end is known; the
     * caller gives the offsets the field will have once copied.
     */
    void addFieldOfRecord(int start, int end) {
        ensureField();
        fieldStart[fields] = start;
        fieldEnd[fields++] = end;
    }

    /** A NULL of a record copied whole by {@link #copyRecord}. */
    void addNullOfRecord() {
        ensureField();
        fieldStart[fields] = 0;
        fieldEnd[fields++] = NULL;
    }

    /**
     * Copies {@code source[from, to)}, the record whose fields were added with {@link #addFieldOfRecord} since
     * {@link #startRow}, in one array copy (quotes and commas included), to the batch's end.
     */
    void copyRecord(byte[] source, int from, int to) {
        append(source, from, to - from);
    }

    void addNull() {
        ensureField();
        fieldStart[fields] = used;
        fieldEnd[fields++] = NULL;
    }

    private void ensureField() {
        if (fields == fieldStart.length) {
            fieldStart = Arrays.copyOf(fieldStart, fields * 2);
            fieldEnd = Arrays.copyOf(fieldEnd, fields * 2);
        }
    }

    // ---- reading (the application's thread) --------------------------------------------------------------

    TextRow row(int index) {
        return new Row(index);
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
