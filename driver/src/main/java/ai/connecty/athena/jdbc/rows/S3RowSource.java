package ai.connecty.athena.jdbc.rows;

import ai.connecty.athena.jdbc.results.ColumnSpec;
import java.sql.SQLException;
import java.util.List;

/**
 * The rows of a query read from its result file {@code <id>.csv} in S3: parsed while the parts of the file
 * download in parallel, so the reader waits only for the bytes it is about to read. The file's first line
 * holds the column names and is skipped; the column types come from the query's first GetQueryResults page.
 */
final class S3RowSource implements RowSource {
    private final List<ColumnSpec> columns;
    private final S3ObjectStream stream;
    private final AthenaCsvReader csv;
    private boolean headerSkipped;

    /** @param stream opened already (its first GET answered) */
    S3RowSource(List<ColumnSpec> columns, S3ObjectStream stream) {
        this.columns = columns;
        this.stream = stream;
        this.csv = new AthenaCsvReader(stream, columns.size(), stream.location());
    }

    @Override
    public List<ColumnSpec> columns() {
        return columns;
    }

    @Override
    public List<String> next() throws SQLException {
        if (!headerSkipped) {
            headerSkipped = true;
            if (csv.next() == null) {
                return null;
            }
        }
        return csv.next();
    }

    @Override
    public String transport() {
        return "S3";
    }

    @Override
    public void cancel() {
        stream.cancel();
    }

    @Override
    public void close() {
        stream.close();
    }
}
