package ai.connecty.athena.jdbc.results;

import ai.connecty.athena.jdbc.errors.SqlState;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The fetch hints Statement and ResultSet both accept: forward only, and a row count of 0 or more. */
public final class FetchHints {
    private FetchHints() {
    }

    /** Refuses every direction but FETCH_FORWARD. */
    public static void checkDirection(int direction) throws SQLException {
        if (direction != ResultSet.FETCH_FORWARD) {
            throw new SQLException("Only FETCH_FORWARD is supported: Athena result sets are forward-only",
                    SqlState.INVALID_PARAMETER_VALUE);
        }
    }

    /** Returns {@code rows} when it is a valid fetch size (0 or more), else refuses it. */
    public static int checkSize(int rows) throws SQLException {
        if (rows < 0) {
            throw new SQLException("Fetch size must be 0 or more, was " + rows, SqlState.INVALID_PARAMETER_VALUE);
        }
        return rows;
    }
}
