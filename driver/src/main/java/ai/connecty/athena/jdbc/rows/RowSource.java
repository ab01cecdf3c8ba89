package ai.connecty.athena.jdbc.rows;

import ai.connecty.athena.jdbc.results.ColumnSpec;
import ai.connecty.athena.jdbc.results.TextRow;
import java.sql.SQLException;
import java.util.List;

/**
 * Where the rows of one query result come from: Athena's GetQueryResults pages or the result file in S3. The
 * result set reads only through this, so every transport yields the same values: each row is the Athena text
 * rendering of its columns, null being SQL NULL (and "" an empty string).
 *
 * <p>{@link #next()} is called by the reading thread only; {@link #cancel()} and {@link #close()} may come from
 * any thread and stop whatever is fetched ahead at once.
 */
public interface RowSource extends AutoCloseable {

    /** The columns every row has, in order. */
    List<ColumnSpec> columns();

    /**
     * The next row, or null after the last one. A row stays readable while it is the result set's current row or
     * the one it looked ahead to, that is until this method has been called twice more.
     */
    TextRow next() throws SQLException;

    /** A hint from Statement/ResultSet.setFetchSize: how many rows the application reads at a time. */
    default void fetchSize(int rows) {
    }

    /** Which transport this is, for warnings and logs ("GetQueryResults", "S3"). */
    String transport();

    /**
     * Statement.cancel() while rows are read: stops every transfer at once; the next {@link #next()} fails with
     * SQLState 57014. Safe from any thread.
     */
    void cancel();

    /** Stops every transfer at once and frees its buffers, threads and connections; idempotent. */
    @Override
    void close();
}
