package ai.connecty.athena.jdbc.results;

import java.sql.SQLException;

/**
 * Where a result set takes its rows from. Handed to {@link AbstractTextResultSet}'s constructor rather than
 * implemented as an overridable method, so that no member of the public {@code AthenaResultSet} names
 * {@link TextRow}, an internal type.
 */
@FunctionalInterface
public interface RowReader {

    /** The next row, or null when there are no more. Called at most once after it returned null. */
    TextRow next() throws SQLException;
}
