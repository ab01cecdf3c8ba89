package ai.connecty.athena.jdbc.rows;

import ai.connecty.athena.jdbc.errors.SqlState;
import ai.connecty.athena.jdbc.results.ColumnSpec;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The rows of a query read from its result file {@code <id>.csv} in S3. The file's parts download in parallel
 * ({@link S3ObjectStream}); one parser thread turns their bytes into rows while the application is busy with
 * the previous ones (the getters' parsing of numbers and dates then overlaps the CSV parsing), handing them over
 * in batches so that the hand-over costs nothing per row. Batches are bounded in rows and in characters, and
 * only a few are held, so memory stays bounded whatever the values. The file's first line holds the column names
 * and is skipped; the column types come from the query's first GetQueryResults page.
 */
final class S3RowSource implements RowSource {
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();
    private static final int BATCH_ROWS = 1024;
    private static final long BATCH_CHARS = 1 << 20;
    private static final int BATCHES_AHEAD = 4;
    private static final Object END = new Object();

    private final List<ColumnSpec> columns;
    private final S3ObjectStream stream;
    private final AthenaCsvReader csv;
    /** Batches of rows (List), then END or the SQLException that ended the parsing. */
    private final BlockingQueue<Object> batches = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final Thread parser;
    private List<List<String>> batch = new ArrayList<>();
    private int index;
    private boolean finished;

    /** @param stream opened already (its first GET answered) */
    S3RowSource(List<ColumnSpec> columns, S3ObjectStream stream) {
        this.columns = columns;
        this.stream = stream;
        this.csv = new AthenaCsvReader(stream, columns.size(), stream.location());
        this.parser = new Thread(this::parse, "connecty-athena-s3-parse-" + THREAD_NUMBER.incrementAndGet());
        parser.setDaemon(true);
        parser.start();
    }

    private void parse() {
        try {
            if (csv.next() != null) { // the header line
                List<List<String>> rows = new ArrayList<>(BATCH_ROWS);
                long chars = 0;
                for (List<String> row; (row = csv.next()) != null; ) {
                    rows.add(row);
                    for (String value : row) {
                        chars += value == null ? 0 : value.length();
                    }
                    if (rows.size() == BATCH_ROWS || chars >= BATCH_CHARS) {
                        batches.put(rows);
                        rows = new ArrayList<>(BATCH_ROWS);
                        chars = 0;
                    }
                }
                if (!rows.isEmpty()) {
                    batches.put(rows);
                }
            }
            batches.put(END);
        } catch (InterruptedException e) {
            // closed: nobody reads on
        } catch (SQLException e) {
            batches.offer(e);
        } catch (RuntimeException e) {
            batches.offer(new SQLException("Reading " + stream.location() + " failed: " + e, SqlState.SYSTEM_ERROR, e));
        }
    }

    @Override
    public List<ColumnSpec> columns() {
        return columns;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> next() throws SQLException {
        stream.checkOpen();
        while (index >= batch.size()) {
            if (finished) {
                return null;
            }
            Object item;
            try {
                // A timed wait, so that a cancel() from another thread is seen even if nothing more arrives.
                item = batches.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new SQLException("Reading " + stream.location() + " was interrupted", SqlState.QUERY_CANCELED, e);
            }
            stream.checkOpen();
            if (item == null) {
                continue;
            }
            if (item == END) {
                finished = true;
                return null;
            }
            if (item instanceof SQLException) {
                finished = true;
                throw (SQLException) item;
            }
            batch = (List<List<String>>) item;
            index = 0;
        }
        return batch.get(index++);
    }

    @Override
    public String transport() {
        return "S3";
    }

    @Override
    public void cancel() {
        stream.cancel();
        parser.interrupt();
    }

    @Override
    public void close() {
        stream.close();
        parser.interrupt();
        batches.clear();
    }
}
