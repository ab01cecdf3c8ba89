package ai.connecty.athena.jdbc.rows;

import ai.connecty.athena.jdbc.errors.SqlState;
import ai.connecty.athena.jdbc.types.AsciiBytes;
import java.sql.SQLException;

/**
 * Reads Athena's result CSV (athena-wire-protocol §4): every non-NULL value is double-quoted with inner quotes
 * doubled, so an empty unquoted field is SQL NULL and {@code ""} is an empty string; rows end with {@code \n}
 * (also the last one) and newlines inside quotes are data. That is a stricter format than RFC 4180, and it
 * is what tells NULL from "" — the distinction general CSV libraries lose or make slow — so this reader is
 * hand-written: it scans the download buffers in place and copies each value's bytes into a {@link RowBatch}
 * (one array copy for a field inside one chunk without doubled quotes, which is almost every field), where
 * the reading thread parses them; no String is made here. An unquoted non-empty field (never written by
 * Athena) is read as its text.
 */
final class AthenaCsvReader {
    private static final byte[] QUOTE = {'"'};

    private final ByteChunks in;
    private final int columns;
    private final String origin;
    private long line = 1;

    /** @param origin names the file in error messages */
    AthenaCsvReader(ByteChunks in, int columns, String origin) {
        this.in = in;
        this.columns = columns;
        this.origin = origin;
    }

    /** Reads the next record into {@code out} as one more row; false at the end of the file (nothing added). */
    boolean next(RowBatch out) throws SQLException {
        if (!in.ensure()) {
            return false;
        }
        out.startRow();
        if (rowInChunk(out)) {
            return true;
        }
        return rowAcrossChunks(out);
    }

    /**
     * The common case in one tight loop over locals: a record that ends inside the current chunk, every field
     * quoted without doubled quotes, or NULL, copied into the batch in one piece. Anything else (a chunk's end, a
     * doubled quote, \r, an unquoted value) leaves the chunk's position and the batch as they were and answers
     * false, for the general path.
     */
    private boolean rowInChunk(RowBatch out) throws SQLException {
        byte[] buffer = in.buffer;
        int limit = in.limit;
        int i = in.position;
        // The record is copied whole to the batch's end: each field's offset there is its offset here plus this.
        int shift = out.used - i;
        // Room for the expected fields and one more, written through locals; a record that outgrows the arrays goes
        // the general way, and a wrong count fails below either way.
        int f = out.reserveFields(columns > 0 ? columns + 1 : 64);
        int[] starts = out.fieldStart;
        int[] ends = out.fieldEnd;
        int last = starts.length;
        while (true) {
            if (i >= limit || f == last) {
                out.dropRow();
                return false;
            }
            byte b = buffer[i];
            if (b == '"') {
                int start = i + 1;
                int end = AsciiBytes.indexOf(buffer, start, limit, (byte) '"');
                // The closing quote, and the byte after it, must lie in the chunk; "" inside is a doubled quote.
                if (end + 1 >= limit || buffer[end + 1] == '"') {
                    out.dropRow();
                    return false;
                }
                starts[f] = start + shift;
                ends[f++] = end + shift;
                i = end + 1;
                b = buffer[i];
            } else if (b == ',' || b == '\n') {
                starts[f] = 0;
                ends[f++] = RowBatch.NULL;
            } else {
                out.dropRow();
                return false;
            }
            if (b == ',') {
                i++;
                continue;
            }
            if (b == '\n') {
                i++;
                break;
            }
            out.dropRow();
            return false;
        }
        out.copyRecord(buffer, in.position, i, f);
        in.position = i;
        return rowEnded(out.endRow());
    }

    private boolean rowAcrossChunks(RowBatch out) throws SQLException {
        try {
            while (true) {
                field(out);
                if (!in.ensure()) {
                    break; // the last line of a file not ending in \n
                }
                byte separator = in.buffer[in.position++];
                if (separator == ',') {
                    continue;
                }
                if (separator == '\n') {
                    break;
                }
                if (separator == '\r' && in.ensure() && in.buffer[in.position] == '\n') {
                    in.position++;
                    break;
                }
                throw malformed("a field ends in '" + (char) separator + "' instead of a comma or a line end");
            }
        } catch (SQLException e) {
            out.dropRow();
            throw e;
        }
        return rowEnded(out.endRow());
    }

    /**
     * Refuses a wrong count of the row just ended with {@code count} fields, naming that row's record, then counts
     * it; true.
     */
    private boolean rowEnded(int count) throws SQLException {
        if (columns > 0 && count != columns) {
            throw malformed("a row has " + count + " fields where the query has " + columns + " columns");
        }
        line++;
        return true;
    }

    private void field(RowBatch out) throws SQLException {
        if (!in.ensure()) {
            out.addNull();
            return;
        }
        if (in.buffer[in.position] == '"') {
            in.position++;
            quoted(out);
            return;
        }
        unquoted(out);
    }

    private void quoted(RowBatch out) throws SQLException {
        byte[] buffer = in.buffer;
        int start = in.position;
        int limit = in.limit;
        int i = AsciiBytes.indexOf(buffer, start, limit, (byte) '"');
        // The field ends here unless the quote is doubled; if the chunk ends right after it, we cannot tell yet.
        if (i + 1 < limit && buffer[i + 1] != '"') {
            in.position = i + 1;
            int from = out.used;
            out.append(buffer, start, i - start);
            out.addField(from);
            return;
        }
        quotedSlow(out);
    }

    /** A quoted field that straddles chunks or holds doubled quotes: appended piece by piece. */
    private void quotedSlow(RowBatch out) throws SQLException {
        int from = out.used;
        long startLine = line;
        while (true) {
            if (!in.ensure()) {
                throw malformed("a quoted field opened on line " + startLine + " never closes");
            }
            byte[] buffer = in.buffer;
            int limit = in.limit;
            int i = AsciiBytes.indexOf(buffer, in.position, limit, (byte) '"');
            out.append(buffer, in.position, i - in.position);
            if (i == limit) {
                in.position = limit;
                continue;
            }
            in.position = i + 1;
            if (in.ensure() && in.buffer[in.position] == '"') {
                in.position++;
                out.append(QUOTE, 0, 1);
                continue;
            }
            out.addField(from);
            return;
        }
    }

    private void unquoted(RowBatch out) throws SQLException {
        int from = out.used;
        while (in.ensure()) {
            byte[] buffer = in.buffer;
            int limit = in.limit;
            int i = in.position;
            while (i < limit && buffer[i] != ',' && buffer[i] != '\n' && buffer[i] != '\r') {
                i++;
            }
            out.append(buffer, in.position, i - in.position);
            in.position = i;
            if (i < limit) {
                break;
            }
        }
        if (out.used == from) {
            out.addNull();
        } else {
            out.addField(from);
        }
    }

    private SQLException malformed(String what) {
        return new SQLException("The result file " + origin + " is not in Athena's CSV format near record " + line + ": "
                + what + ". Read it with ResultFetcher=GetQueryResults instead", SqlState.DATA_EXCEPTION);
    }
}
