package ai.connecty.athena.jdbc.config;

import ai.connecty.athena.jdbc.errors.SqlState;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * Athena refuses a QueryString longer than 262,144 bytes. Checking before sending saves a round trip and gives
 * a message that says what to do, instead of the service's validation error after the SDK's retries.
 *
 * <p>SQLState 54000 (program limit exceeded), not 22001 (string data, right truncation): nothing is truncated,
 * the statement as a whole exceeds a limit of the service, which is what class 54 describes.
 */
public final class QueryTextLimit {
    /** Athena's StartQueryExecution limit on QueryString, in UTF-8 bytes. */
    public static final int MAX_QUERY_BYTES = 262_144;

    private QueryTextLimit() {
    }

    public static void check(String sql) throws SQLException {
        // Each char is at most 3 UTF-8 bytes (a surrogate pair is 4 for 2 chars): only long texts need encoding.
        if (sql.length() * 3L <= MAX_QUERY_BYTES) {
            return;
        }
        int bytes = sql.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_QUERY_BYTES) {
            throw new SQLException("The query text is " + bytes + " bytes; Athena accepts at most " + MAX_QUERY_BYTES
                    + " bytes (UTF-8). Move large literal lists into a table (e.g. CREATE TABLE AS or files in S3) or"
                    + " split the statement; nothing was sent to Athena.", SqlState.PROGRAM_LIMIT_EXCEEDED);
        }
    }
}
