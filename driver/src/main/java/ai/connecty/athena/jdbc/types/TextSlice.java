package ai.connecty.athena.jdbc.types;

import java.nio.charset.StandardCharsets;

/**
 * One value's UTF-8 bytes inside a larger array: what the typed getters parse numbers and dates from. A result
 * read from S3 keeps its values as bytes, and a getter that wants a long has no use for a String, so the row
 * hands out a slice of its array instead, usually one reused view per batch: read it at once, and call
 * {@link #toString()} to keep the value. {@link PlainText} reads the bytes directly; a byte from 0x80 up belongs
 * to a character no plain number or date holds, which sends the value to the general parser with its decoded
 * {@code toString()}.
 */
public final class TextSlice {
    private byte[] array;
    private int offset;
    private int length;

    /** A view to point at values with {@link #of(byte[], int, int)}. */
    public TextSlice() {
    }

    /** A slice holding the whole of {@code text} (for values kept as Strings). */
    public static TextSlice of(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new TextSlice().of(bytes, 0, bytes.length);
    }

    /** Points this view at {@code array[offset, offset + length)}; returns it. */
    public TextSlice of(byte[] array, int offset, int length) {
        this.array = array;
        this.offset = offset;
        this.length = length;
        return this;
    }

    byte[] array() {
        return array;
    }

    int offset() {
        return offset;
    }

    public int length() {
        return length;
    }

    /** The value decoded from UTF-8. */
    @Override
    public String toString() {
        return new String(array, offset, length, StandardCharsets.UTF_8);
    }
}
