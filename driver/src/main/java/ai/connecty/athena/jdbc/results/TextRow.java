package ai.connecty.athena.jdbc.results;

import ai.connecty.athena.jdbc.types.TextSlice;
import java.util.List;

/**
 * One row of Athena text values, as a result set reads it: each column's text, null for SQL NULL. A source may
 * keep a row as bytes and make a String only when {@link #text} asks; {@link #slice} lets a getter parse a
 * number or a date from the bytes without one.
 */
public interface TextRow {

    /** How many values the row has (a metadata row may have fewer than its columns: the rest read as NULL). */
    int size();

    /** The value of the column at {@code column} (from 0) as a new or kept String; null for SQL NULL. */
    String text(int column);

    /**
     * The same value as UTF-8 bytes to parse right away, or null for SQL NULL. The slice may be a view that the
     * next call on this row's source reuses: read it at once, and call {@link #text} to keep the value. Rows kept
     * as Strings encode the value (they come from the API or metadata calls, whose round trips dwarf that).
     */
    default TextSlice slice(int column) {
        String text = text(column);
        return text == null ? null : TextSlice.of(text);
    }

    /** A row over a list of values (null elements are SQL NULL), as the API and metadata sources have them. */
    static TextRow of(List<String> values) {
        return new TextRow() {
            @Override
            public int size() {
                return values.size();
            }

            @Override
            public String text(int column) {
                return values.get(column);
            }
        };
    }
}
