package ai.connecty.athena.jdbc.results;

import ai.connecty.athena.jdbc.errors.SqlState;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The fetch hints Statement and ResultSet accept: any direction as a statement's hint but forward only on a result
 * set, and a row count of 0 or more.
 */
public final class FetchHints {
    private FetchHints() {
    }

    /** ResultSet.setFetchDirection: refuses every direction but FETCH_FORWARD, as JDBC has for TYPE_FORWARD_ONLY. */
    public static void checkDirection(int direction) throws SQLException {
        if (direction != ResultSet.FETCH_FORWARD) {
            throw new SQLException("Only FETCH_FORWARD is supported: Athena result sets are forward-only",
                    SqlState.INVALID_PARAMETER_VALUE);
        }
    }

    /**
     * Statement.setFetchDirection: a hint for the result sets to come, which JDBC refuses only when it is none of
     * the three directions. Any of them is taken; the result sets read forward all the same.
     */
    public static void checkDirectionHint(int direction) throws SQLException {
        if (direction != ResultSet.FETCH_FORWARD && direction != ResultSet.FETCH_REVERSE
                && direction != ResultSet.FETCH_UNKNOWN) {
            throw new SQLException("Fetch direction " + direction + " is none of ResultSet.FETCH_FORWARD ("
                    + ResultSet.FETCH_FORWARD + "), FETCH_REVERSE (" + ResultSet.FETCH_REVERSE + ") and FETCH_UNKNOWN ("
                    + ResultSet.FETCH_UNKNOWN + ")", SqlState.INVALID_PARAMETER_VALUE);
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
