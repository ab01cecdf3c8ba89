package ai.connecty.athena.jdbc.results;

import java.util.List;

/**
 * One row of Athena text values, as a result set reads it: each column's text, null for SQL NULL. A source may
 * keep a row as bytes and make a String only when {@link #text} asks; {@link #chars} lets a getter parse a
 * number or a date from the characters without one.
 */
public interface TextRow {

    /** How many values the row has (a metadata row may have fewer than its columns: the rest read as NULL). */
    int size();

    /** The value of the column at {@code column} (from 0) as a new or kept String; null for SQL NULL. */
    String text(int column);

    /**
     * The same value as characters to parse right away, or null for SQL NULL. The sequence may be a view that the
     * next call on this row's source reuses: read it at once, and call {@code toString()} (or {@link #text}) to
     * keep it. A view of bytes that are not ASCII shows them as chars from U+0080 up, which no plain number or date
     * holds; its {@code toString()} decodes them properly.
     */
    default CharSequence chars(int column) {
        return text(column);
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
