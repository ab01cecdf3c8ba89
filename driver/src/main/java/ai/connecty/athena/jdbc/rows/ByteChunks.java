package ai.connecty.athena.jdbc.rows;

import java.sql.SQLException;

/**
 * Bytes handed over a chunk at a time, without copying: after {@link #fill()} returned true, {@code buffer[position
 * .. limit)} holds the next bytes. The CSV reader scans those arrays in place, which is what makes it fast.
 */
abstract class ByteChunks {
    byte[] buffer = new byte[0];
    int position;
    int limit;

    /** Makes the next chunk current (position &lt; limit); false at the end of the data. May block. */
    abstract boolean fill() throws SQLException;

    /** True when an unread byte is current, filling if needed. */
    final boolean ensure() throws SQLException {
        return position < limit || fill();
    }
}
