package ai.connecty.athena.jdbc.rows;

import ai.connecty.athena.jdbc.errors.SqlState;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * Reads Athena's result CSV (athena-wire-protocol §4): every non-NULL value is double-quoted with inner quotes
 * doubled, so an empty unquoted field is SQL NULL and {@code ""} is an empty string; rows end with {@code \n}
 * (also the last one) and newlines inside quotes are data. That is a stricter format than RFC 4180, and it
 * is what tells NULL from "" — the distinction general CSV libraries lose or make slow — so this reader is
 * hand-written: it scans the download buffers in place and makes a String straight from the bytes of a field
 * when the field lies inside one chunk (almost always), copying only fields that straddle two chunks or hold
 * a doubled quote. An unquoted non-empty field (never written by Athena) is read as its text.
 */
final class AthenaCsvReader {
    private final ByteChunks in;
    private final int columns;
    private final String origin;
    private byte[] scratch = new byte[256];
    private int scratchLength;
    private long line = 1;

    /** @param origin names the file in error messages */
    AthenaCsvReader(ByteChunks in, int columns, String origin) {
        this.in = in;
        this.columns = columns;
        this.origin = origin;
    }

    /** The next record's fields (null for NULL), or null at the end of the file. */
    List<String> next() throws SQLException {
        if (!in.ensure()) {
            return null;
        }
        String[] values = new String[Math.max(columns, 1)];
        int count = 0;
        while (true) {
            String value = field();
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            values[count++] = value;
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
        line++;
        if (columns > 0 && count != columns) {
            throw malformed("a row has " + count + " fields where the query has " + columns + " columns");
        }
        return Arrays.asList(count == values.length ? values : Arrays.copyOf(values, count));
    }

    private String field() throws SQLException {
        if (!in.ensure()) {
            return null;
        }
        if (in.buffer[in.position] == '"') {
            in.position++;
            return quoted();
        }
        return unquoted();
    }

    private String quoted() throws SQLException {
        byte[] buffer = in.buffer;
        int start = in.position;
        int limit = in.limit;
        for (int i = start; i < limit; i++) {
            if (buffer[i] == '"') {
                // The field ends here unless the quote is doubled; if the chunk ends right after it, we cannot tell yet.
                if (i + 1 < limit && buffer[i + 1] != '"') {
                    in.position = i + 1;
                    return new String(buffer, start, i - start, StandardCharsets.UTF_8);
                }
                break;
            }
        }
        return quotedSlow();
    }

    /** A quoted field that straddles chunks or holds doubled quotes: copied into the scratch buffer. */
    private String quotedSlow() throws SQLException {
        scratchLength = 0;
        long startLine = line;
        while (true) {
            if (!in.ensure()) {
                throw malformed("a quoted field opened on line " + startLine + " never closes");
            }
            byte[] buffer = in.buffer;
            int limit = in.limit;
            int i = in.position;
            while (i < limit && buffer[i] != '"') {
                i++;
            }
            append(buffer, in.position, i - in.position);
            if (i == limit) {
                in.position = limit;
                continue;
            }
            in.position = i + 1;
            if (in.ensure() && in.buffer[in.position] == '"') {
                in.position++;
                append(QUOTE, 0, 1);
                continue;
            }
            return new String(scratch, 0, scratchLength, StandardCharsets.UTF_8);
        }
    }

    private static final byte[] QUOTE = {'"'};

    private String unquoted() throws SQLException {
        scratchLength = 0;
        while (in.ensure()) {
            byte[] buffer = in.buffer;
            int limit = in.limit;
            int i = in.position;
            while (i < limit && buffer[i] != ',' && buffer[i] != '\n' && buffer[i] != '\r') {
                i++;
            }
            append(buffer, in.position, i - in.position);
            in.position = i;
            if (i < limit) {
                break;
            }
        }
        return scratchLength == 0 ? null : new String(scratch, 0, scratchLength, StandardCharsets.UTF_8);
    }

    private void append(byte[] bytes, int offset, int length) {
        if (scratchLength + length > scratch.length) {
            scratch = Arrays.copyOf(scratch, Math.max(scratch.length * 2, scratchLength + length));
        }
        System.arraycopy(bytes, offset, scratch, scratchLength, length);
        scratchLength += length;
    }

    private SQLException malformed(String what) {
        return new SQLException("The result file " + origin + " is not in Athena's CSV format near record " + line + ": "
                + what + ". Read it with ResultFetcher=GetQueryResults instead", SqlState.DATA_EXCEPTION);
    }
}
