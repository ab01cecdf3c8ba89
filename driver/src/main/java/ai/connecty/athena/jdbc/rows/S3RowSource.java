package ai.connecty.athena.jdbc.rows;

import ai.connecty.athena.jdbc.errors.SqlState;
import ai.connecty.athena.jdbc.results.ColumnSpec;
import ai.connecty.athena.jdbc.results.TextRow;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The rows of a query read from its result file {@code <id>.csv} in S3. The file's parts download in parallel
 * ({@link S3ObjectStream}); one parser thread splits their bytes into fields while the application is busy with
 * the previous rows (the getters' parsing of numbers and dates then overlaps the CSV parsing), handing them over
 * in {@link RowBatch}es so that the hand-over costs nothing per row. Batches are bounded in rows and in bytes,
 * only a few are held, and the reader gives each back for reuse once no row of it can be current, so memory stays
 * bounded whatever the values. The file's first line holds the column names and is skipped; the column types
 * come from the query's first GetQueryResults page.
 */
final class S3RowSource implements RowSource {
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();
    private static final int BATCH_ROWS = 1024;
    private static final int BATCH_BYTES = 1 << 20;
    /** A batch that grew beyond this for a huge value is dropped rather than reused. */
    private static final int REUSED_BATCH_BYTES = 2 * BATCH_BYTES;
    private static final int INITIAL_BATCH_BYTES = 128 * 1024;
    private static final int BATCHES_AHEAD = 4;
    private static final Object END = new Object();

    private final List<ColumnSpec> columns;
    private final S3ObjectStream stream;
    private final AthenaCsvReader csv;
    /** Filled batches (RowBatch), then END or the SQLException that ended the parsing. */
    private final BlockingQueue<Object> batches = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    /** Batches read to the end, for the parser to fill again. */
    private final BlockingQueue<RowBatch> free = new ArrayBlockingQueue<>(BATCHES_AHEAD + 2);
    private final Thread parser;
    private RowBatch batch = new RowBatch(0);
    /** The batch read before {@link #batch}: the result set's current row may still be in it. */
    private RowBatch previous;
    private int index;
    private boolean finished;
    /** What ended the parsing, if it failed: every later next() fails with it too, rather than end the rows. */
    private SQLException failure;

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
        Object last;
        try {
            if (csv.next(new RowBatch(256))) { // the header line
                RowBatch rows = emptyBatch();
                while (csv.next(rows)) {
                    if (rows.rows() == BATCH_ROWS || rows.used >= BATCH_BYTES) {
                        batches.put(rows);
                        rows = emptyBatch();
                    }
                }
                if (rows.rows() > 0) {
                    batches.put(rows);
                }
            }
            last = END;
        } catch (InterruptedException e) {
            return; // closed: nobody reads on
        } catch (SQLException e) {
            last = e;
        } catch (RuntimeException | Error e) {
            // An Error too (a value too large for the heap): this thread ends either way, and the reader must learn why.
            last = new SQLException("Reading " + stream.location() + " failed: " + e, SqlState.SYSTEM_ERROR, e);
        }
        try {
            // Waits for room like the batches: the queue is full whenever the application reads slower than this
            // thread parses, and an end or a failure dropped then would leave the reader waiting for ever.
            batches.put(last);
        } catch (InterruptedException e) {
            // closed: nobody reads on
        }
    }

    private RowBatch emptyBatch() {
        RowBatch reused = free.poll();
        if (reused == null) {
            return new RowBatch(INITIAL_BATCH_BYTES);
        }
        reused.clear();
        return reused;
    }

    @Override
    public List<ColumnSpec> columns() {
        return columns;
    }

    @Override
    public TextRow next() throws SQLException {
        stream.checkOpen();
        while (index >= batch.rows()) {
            if (finished) {
                if (failure != null) {
                    throw failure;
                }
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
                failure = (SQLException) item;
                throw failure;
            }
            // The current row (and a row looked ahead) lie in the batch just finished at most: the one before it is free.
            if (previous != null && previous.capacity() <= REUSED_BATCH_BYTES) {
                free.offer(previous);
            }
            previous = batch;
            batch = (RowBatch) item;
            index = 0;
        }
        return batch.row(index++);
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
        free.clear();
    }
}
