package ai.connecty.athena.jdbc.rows;

import ai.connecty.athena.jdbc.aws.AttemptTimeout;
import ai.connecty.athena.jdbc.errors.SqlState;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * One S3 object read in order as {@link ByteChunks}, downloaded as several ranged GETs at once.
 *
 * <p>The object is cut into parts of {@code partSize} bytes; at most {@code partsAhead} parts are held at a time
 * (the byte budget), each filled by its own thread while the reader consumes the oldest one, so memory is
 * bounded by the budget whatever the object's size, and the reader sees bytes as soon as they arrive (parsing
 * overlaps the download). Every part beyond the one being read is also taken from the JVM-wide
 * {@link ReadAheadBudget} when it starts, without waiting: when that has no room, the stream reads ahead fewer
 * parts (at the least, the one it reads), and tries again at its next part boundary. Parts return to it when read,
 * and all at once when the stream closes, is cancelled, or fails. The first GET (made by {@link #open}) learns the size and the ETag; every later GET
 * carries {@code If-Match} with that ETag, so a result file replaced while it is read fails with 412 instead of
 * mixing two files. The one exception is the second part's first GET, sent together with the first GET rather than
 * once its answer is in: otherwise the parser, done with the first part before that round trip ends, would wait
 * for it (about 20 ms of a 0.3 s read at 40 ms per GET). Without the ETag yet, its answer's ETag is compared
 * instead; without the size, its range may reach past the end (S3 answers the bytes there are), and an object of
 * one part answers it 416, the one GET this costs. A connection that breaks mid-part resumes with a GET from the first byte not yet received,
 * so no byte is lost or read twice.
 *
 * <p>{@link #close()} aborts every response under way (the SDK then discards the connection rather than
 * draining it) and lets every download thread end at once.
 *
 * <p>With a network timeout (Connection.setNetworkTimeout), each GET waits that long at most for its answer (the
 * SDK's attempt timeout), and a response that then sends no byte for that long is aborted and resumed like a
 * broken connection. The SDK's timeout ends once the answer's headers are in, and the socket timeout is the HTTP
 * client's, fixed when the connection opened; so the reader watches the part it waits for, which needs no thread
 * of its own: a part nobody waits for yet may stall unseen, as it holds nobody up.
 */
final class S3ObjectStream extends ByteChunks implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(S3ObjectStream.class);
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();
    /** Attempts in a row without receiving a byte before a part is given up. */
    private static final int MAX_ATTEMPTS_WITHOUT_PROGRESS = 5;
    private static final int READ_SIZE = 64 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final int partSize;
    private final int partsAhead;
    private final ReadAheadBudget budget;
    /** Parts taken from {@link #budget} and not yet given back (guarded by this): the started parts beyond one. */
    private int borrowed;
    /** The first part not started yet (guarded by this): every part before it is started, or read. */
    private int nextPart;
    /** 0 for none; else how long a GET may wait for its answer, and a response for its next bytes. */
    private final long networkTimeoutNanos;
    /** The SDK's attempt timeout for every GET; null leaves the client's own. */
    private final AwsRequestOverrideConfiguration timeouts;
    private final List<Part> started = new ArrayList<>();
    private long size;
    private String etag;
    private int partCount;
    /** Whether {@link #open} has learnt {@link #size}, {@link #etag} and {@link #partCount} (guarded by this). */
    private boolean sized;
    /** Index of the part the reader is in. */
    private int current;
    private long readInPart;
    /**
     * The array of the part read last, for the next part to fill: the reader copies what it keeps, so a part's
     * bytes are not needed once it is read, and reusing the arrays spares the heap a new 8 MiB array per part.
     */
    private byte[] spare;
    /** Closed or cancelled by the caller: the reader fails with {@link #closedError()}. */
    private volatile boolean closed;
    private volatile boolean cancelled;
    /** Downloads end and start no more: closed, or a part failed (guarded by this for writes). */
    private volatile boolean stopped;
    /** The failure of a part that the reader met: every later fill() fails with it. */
    private SQLException failure;

    S3ObjectStream(S3Client s3, String bucket, String key, int partSize, int partsAhead) {
        this(s3, bucket, key, partSize, partsAhead, 0);
    }

    /** @param networkTimeoutMillis Connection.setNetworkTimeout; 0 for none */
    S3ObjectStream(S3Client s3, String bucket, String key, int partSize, int partsAhead, int networkTimeoutMillis) {
        this(s3, bucket, key, partSize, partsAhead, networkTimeoutMillis, ReadAheadBudget.shared());
    }

    /** @param budget what the parts beyond the one being read are taken from */
    S3ObjectStream(S3Client s3, String bucket, String key, int partSize, int partsAhead, int networkTimeoutMillis,
                   ReadAheadBudget budget) {
        this.budget = budget;
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.partSize = partSize;
        this.partsAhead = Math.max(1, partsAhead);
        this.networkTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(0, networkTimeoutMillis));
        this.timeouts = AttemptTimeout.of(networkTimeoutMillis);
    }

    String location() {
        return "s3://" + bucket + "/" + key;
    }

    /**
     * Sends the first GET in the caller's thread, so that a refusal (access denied, missing object, KMS) is known
     * before any row is promised, then starts the download of the first parts.
     *
     * @throws SdkException as the SDK raised it, for the caller to decide between falling back and failing
     * @throws MalformedReply when the answer does not give the object's size, so that reading on could lose rows
     */
    void open() throws MalformedReply {
        if (partsAhead > 1) {
            startEarly(1);
        }
        boolean opened = false;
        try {
            openFirstPart();
            opened = true;
        } finally {
            if (!opened) {
                close(); // the early GET's thread then ends without a word: the caller decides what the failure means
            }
        }
    }

    private void openFirstPart() throws MalformedReply {
        ResponseInputStream<GetObjectResponse> first;
        try {
            first = get(0, partSize - 1, null);
        } catch (S3Exception e) {
            if (e.statusCode() == 416) { // an empty object has no byte 0
                learnSize(0, null);
                return;
            }
            throw e;
        }
        GetObjectResponse response = first.response();
        try {
            learnSize(totalSize(response), response.eTag());
        } catch (MalformedReply e) {
            first.abort();
            throw e;
        }
        if (partCount == 0) {
            first.abort();
            return;
        }
        synchronized (this) {
            start(0, first);
            nextPart = part(1) != null ? 2 : 1; // the early part is started already
            startAhead();
        }
    }

    /**
     * Starts the parts after those under way, while this stream's window ({@code partsAhead}) and the JVM-wide
     * budget allow; the part being read, when it is not started yet, needs no budget. Drops the spare array when
     * no part took it, so that a stream the budget holds back holds no more than its parts.
     */
    private synchronized void startAhead() {
        while (!stopped && nextPart < partCount && nextPart < current + partsAhead) {
            if (!started.isEmpty()) {
                if (!budget.tryAcquire(partSize)) {
                    break;
                }
                borrowed++;
            }
            start(nextPart++, null);
        }
        spare = null;
    }

    /** Gives back to the budget what the started parts no longer need: all but one of them hold a share. */
    private synchronized void settle() {
        int keep = Math.max(0, started.size() - 1);
        if (borrowed > keep) {
            budget.release((long) (borrowed - keep) * partSize);
            borrowed = keep;
        }
    }

    /**
     * GETs bytes {@code first} to {@code last} of the object, with If-Match where {@code ifMatch} (an ETag) is given,
     * each attempt bounded by the network timeout.
     */
    private ResponseInputStream<GetObjectResponse> get(long first, long last, String ifMatch) {
        return s3.getObject(GetObjectRequest.builder().bucket(bucket).key(key).ifMatch(ifMatch)
                .range("bytes=" + first + "-" + last).overrideConfiguration(timeouts).build());
    }

    /** Records what the first answer told, drops an early part beyond the end, and wakes the early part's thread. */
    private synchronized void learnSize(long objectSize, String objectEtag) {
        size = objectSize;
        etag = objectEtag;
        partCount = (int) ((size + partSize - 1) / partSize);
        int early = started.size();
        started.removeIf(part -> part.index >= partCount);
        int dropped = early - started.size(); // an early part beyond the end gives its share back
        budget.release((long) dropped * partSize);
        borrowed -= dropped;
        sized = true;
        notifyAll();
    }

    /** Waits until {@link #open} has learnt the object's size; false if the stream closed first. */
    private synchronized boolean awaitSize() {
        while (!sized && !stopped) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !stopped;
    }

    /**
     * The object's size from the first answer: the total of its Content-Range, or the Content-Length of a 200 that
     * sent the whole object (a server that ignored Range). Anything else is refused (a 206 without a readable
     * total, from a proxy that rewrote the header, say): guessing the size from it could end the result early
     * without an error.
     */
    private long totalSize(GetObjectResponse response) throws MalformedReply {
        String range = response.contentRange(); // bytes 0-99/12345
        int status = response.sdkHttpResponse().statusCode();
        if (range == null && status == 200 && response.contentLength() != null) {
            return response.contentLength();
        }
        String total = range == null || range.lastIndexOf('/') < 0 ? "" : range.substring(range.lastIndexOf('/') + 1).trim();
        try {
            long size = Long.parseLong(total);
            if (size >= 0) {
                return size;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        String answer = range != null ? "Content-Range '" + range + "'"
                : status == 206 ? "a 206 without Content-Range"
                : "the whole object without Content-Length";
        throw new MalformedReply("S3 answered the first ranged GET of " + location() + " with " + answer
                + ", which gives no object size");
    }

    long size() {
        return size;
    }

    private synchronized void start(int index, ResponseInputStream<GetObjectResponse> firstResponse) {
        Part part = new Part(index);
        part.size(spare);
        spare = null;
        launch(part, firstResponse);
    }

    /** Starts part {@code index} before the object's size is known, if the budget has room: see the class comment. */
    private synchronized void startEarly(int index) {
        if (budget.tryAcquire(partSize)) {
            borrowed++;
            launch(new Part(index), null);
        }
    }

    private void launch(Part part, ResponseInputStream<GetObjectResponse> firstResponse) {
        started.add(part);
        if (stopped) {
            if (firstResponse != null) {
                firstResponse.abort();
            }
            return;
        }
        Thread thread = new Thread(() -> part.download(firstResponse),
                "connecty-athena-s3-" + THREAD_NUMBER.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
    }

    private synchronized Part part(int index) {
        for (Part part : started) {
            if (part.index == index) {
                return part;
            }
        }
        return null;
    }

    @Override
    boolean fill() throws SQLException {
        while (current < partCount) {
            if (failure != null) {
                throw failure;
            }
            Part part = part(current);
            if (part == null || closed) {
                throw closedError();
            }
            byte[] data;
            int filled;
            ResponseInputStream<GetObjectResponse> stalled = null;
            synchronized (part) {
                while (part.filled == readInPart && !part.complete() && part.failure == null && !closed) {
                    try {
                        if (networkTimeoutNanos == 0) {
                            part.wait();
                            continue;
                        }
                        long idle = System.nanoTime() - part.progressNanos;
                        if (part.response != null && idle >= networkTimeoutNanos) {
                            stalled = part.stalled();
                            break;
                        }
                        // Without a response under way, its download thread is waiting for an answer, which the SDK times.
                        long waitNanos = part.response == null ? networkTimeoutNanos : networkTimeoutNanos - idle;
                        part.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(waitNanos)));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        close();
                        throw new SQLException("Reading " + location() + " was interrupted", SqlState.QUERY_CANCELED, e);
                    }
                }
                data = part.data;
                filled = part.filled;
            }
            if (stalled != null) {
                abortQuietly(stalled); // its download thread resumes from the first byte it lacks, or gives up
                continue;
            }
            if (closed) {
                throw closedError();
            }
            if (filled > readInPart) {
                buffer = data;
                position = (int) readInPart;
                limit = filled;
                readInPart = filled;
                return true;
            }
            if (part.failure != null) {
                failure = part.failure;
                stop(); // nothing more is read: the other parts' downloads end, and their budget returns
                throw failure;
            }
            // This part is read: free it, and start the parts ahead that the window and the budget allow.
            synchronized (this) {
                started.remove(part);
                spare = part.data;
                current++;
                readInPart = 0;
                settle();
                startAhead();
            }
        }
        buffer = new byte[0];
        position = 0;
        limit = 0;
        return false;
    }

    /** Fails once cancel() or close() was called, even while bytes already downloaded remain unread. */
    void checkOpen() throws SQLException {
        if (closed) {
            throw closedError();
        }
    }

    private SQLException closedError() {
        return cancelled
                ? new SQLException("Reading " + location() + " was cancelled by Statement.cancel()", SqlState.QUERY_CANCELED)
                : new SQLException("The result set is closed", SqlState.OBJECT_NOT_IN_STATE);
    }

    void cancel() {
        cancelled = true;
        close();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        stop();
    }

    /** Ends every download, starts none, and gives back all this stream took from the budget. */
    private void stop() {
        List<Part> parts;
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            parts = new ArrayList<>(started);
            started.clear();
            budget.release((long) borrowed * partSize);
            borrowed = 0;
            spare = null;
            notifyAll(); // an early part waiting for the object's size
        }
        for (Part part : parts) {
            part.abort();
        }
    }

    private boolean startsAt(GetObjectResponse response, long offset) {
        String range = response.contentRange(); // bytes first-last/size
        if (range == null) {
            return offset == 0 && partCount == 1; // a whole-object answer only fits a single-part object
        }
        return range.trim().startsWith("bytes " + offset + "-");
    }

    /** One byte range of the object, filled by one thread; guarded by its own monitor. */
    private final class Part {
        final int index;
        final long first;
        /**
         * This part's bytes: data[0..length), of an array that may be longer (reused from a previous part). Both are
         * set once the object's size is known (at once, but for an early part); until then length is -1, and no
         * byte is read into the part.
         */
        byte[] data;
        int length = -1;
        int filled;
        SQLException failure;
        ResponseInputStream<GetObjectResponse> response;
        /** When {@link #response} arrived or last brought bytes: the reader's stall clock (with a network timeout). */
        long progressNanos;
        /** The reader aborted the current attempt because it stalled: its failure is the timeout, not the abort. */
        private boolean stalledAttempt;

        Part(int index) {
            this.index = index;
            this.first = (long) index * partSize;
        }

        /** Sizes the part from the object's size, in {@code reused} if it is large enough. */
        synchronized void size(byte[] reused) {
            length = (int) (Math.min(size, first + partSize) - first);
            data = reused != null && reused.length >= length ? reused : new byte[length];
        }

        boolean complete() {
            return filled == length;
        }

        void download(ResponseInputStream<GetObjectResponse> firstResponse) {
            ResponseInputStream<GetObjectResponse> in = firstResponse;
            if (length < 0) {
                in = earlyAnswer();
                if (length < 0 || failure != null) {
                    return;
                }
            }
            int attemptsWithoutProgress = 0;
            while (!stopped && filled < length) {
                int before = filled;
                try {
                    if (in == null) {
                        in = get(first + filled, first + length - 1, etag);
                    }
                    if (!track(in)) {
                        return;
                    }
                    if (!startsAt(in.response(), first + filled)) {
                        // A server that ignored Range would hand us the wrong bytes: refuse rather than mix them.
                        fail(new SQLException("S3 answered a ranged GET of " + location() + " from byte " + (first + filled)
                                + " with " + (in.response().contentRange() == null ? "the whole object"
                                : "range " + in.response().contentRange()) + "; read with ResultFetcher=GetQueryResults",
                                SqlState.SYSTEM_ERROR));
                        abortQuietly(in);
                        return;
                    }
                    copy(in);
                    in.close();
                    endAttempt();
                } catch (IOException | SdkException e) {
                    boolean stalled = endAttempt();
                    abortQuietly(in);
                    if (stopped) {
                        return;
                    }
                    if (e instanceof S3Exception && ((S3Exception) e).statusCode() == 412) {
                        fail(changed(e));
                        return;
                    }
                    attemptsWithoutProgress = filled > before ? 1 : attemptsWithoutProgress + 1;
                    if (attemptsWithoutProgress >= MAX_ATTEMPTS_WITHOUT_PROGRESS) {
                        // 58030, not class 08: the JDBC connection is as good as before, and pools evict on 08.
                        fail(new SQLTransientException("Downloading " + location() + " failed " + attemptsWithoutProgress
                                + " times in a row at byte " + (first + filled) + ": " + (stalled ? stallMessage() : e.getMessage())
                                + "; check the network or read with ResultFetcher=GetQueryResults",
                                SqlState.NETWORK_ERROR, e));
                        return;
                    }
                    LOG.debug("Resuming {} at byte {} after: {}", location(), first + filled, stalled ? stallMessage() : e.toString());
                } catch (RuntimeException | Error e) {
                    // The SDK raises some failures unchecked and unwrapped, such as "Connection pool shut down" when
                    // the connection closes while this thread is on its way to the pool (and memory can run out).
                    // After close() nobody reads on; before it, the reader must get the failure rather than wait
                    // for a thread that has ended.
                    endAttempt();
                    abortQuietly(in);
                    if (!stopped) {
                        fail(new SQLException("Downloading " + location() + " failed at byte " + (first + filled) + ": " + e
                                + "; read with ResultFetcher=GetQueryResults if this persists", SqlState.SYSTEM_ERROR, e));
                    }
                    return;
                } finally {
                    in = null;
                }
            }
        }

        /**
         * The early part's first GET, sent before the object's size and ETag are known (see the class comment): its
         * answer once {@link #open} has learnt them, or null to ask again as after any failed GET. The part is left
         * unsized (and its thread ends) when it lies beyond the end or the stream closed; failed when the object is
         * not the one the first GET saw.
         */
        private ResponseInputStream<GetObjectResponse> earlyAnswer() {
            ResponseInputStream<GetObjectResponse> in = null;
            boolean beyondEnd = false;
            try {
                in = get(first, first + partSize - 1, null);
            } catch (S3Exception e) {
                beyondEnd = e.statusCode() == 416;
            } catch (RuntimeException e) {
                // Asked again with If-Match below, which reports the failure if it lasts.
                LOG.debug("The early GET of {} from byte {} failed: {}", location(), first, e.toString());
            }
            if (!awaitSize() || index >= partCount) {
                abortQuietly(in);
                return null;
            }
            size(null);
            if (beyondEnd || in != null && etag != null && !etag.equals(in.response().eTag())) {
                abortQuietly(in);
                fail(changed(null));
                return null;
            }
            return in;
        }

        private void copy(ResponseInputStream<GetObjectResponse> in) throws IOException {
            while (filled < length) {
                if (stopped) {
                    throw new InterruptedIOException("closed");
                }
                int n = in.read(data, filled, Math.min(READ_SIZE, length - filled));
                if (n < 0) {
                    throw new EOFException("The response ended at byte " + (first + filled) + " of " + location());
                }
                synchronized (this) {
                    filled += n;
                    if (networkTimeoutNanos > 0) {
                        progressNanos = System.nanoTime();
                    }
                    notifyAll();
                }
            }
        }

        /** Remembers the response under way so that close() (or the reader, if it stalls) can abort it; false if closed. */
        private synchronized boolean track(ResponseInputStream<GetObjectResponse> in) {
            if (stopped) {
                abortQuietly(in);
                return false;
            }
            response = in;
            progressNanos = System.nanoTime();
            notifyAll(); // a reader waiting without a response to watch starts its clock now
            return true;
        }

        /** Forgets the response of the attempt that ended; answers whether the reader aborted it for stalling. */
        private synchronized boolean endAttempt() {
            response = null;
            boolean stalled = stalledAttempt;
            stalledAttempt = false;
            return stalled;
        }

        /** Takes the response under way away for the reader to abort, as it sent nothing for the network timeout. */
        private ResponseInputStream<GetObjectResponse> stalled() {
            ResponseInputStream<GetObjectResponse> in = response;
            response = null;
            stalledAttempt = true;
            return in;
        }

        private String stallMessage() {
            return "no byte arrived for " + TimeUnit.NANOSECONDS.toMillis(networkTimeoutNanos)
                    + " ms, the network timeout set by Connection.setNetworkTimeout";
        }

        private synchronized void fail(SQLException e) {
            failure = e;
            notifyAll();
        }

        void abort() {
            ResponseInputStream<GetObjectResponse> in;
            synchronized (this) {
                in = response;
                response = null;
                notifyAll();
            }
            // No interrupt: the SDK would log the interrupted request at ERROR level. A thread still waiting for
            // response headers sees the closed flag when they arrive, and aborts that response.
            abortQuietly(in);
        }
    }

    /** The object is no longer the one the first GET answered: its ETag changed, or it shrank. */
    private SQLException changed(Exception cause) {
        return new SQLException("The result file " + location() + " changed while it was read (its ETag is no longer "
                + etag + "); run the query again", SqlState.DATA_EXCEPTION, cause);
    }

    /**
     * An answer no S3 sends, which the caller may fall back from; its message completes "cannot be read because".
     */
    static final class MalformedReply extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedReply(String message) {
            super(message);
        }
    }

    private static void abortQuietly(ResponseInputStream<GetObjectResponse> in) {
        if (in != null) {
            try {
                in.abort();
            } catch (RuntimeException e) {
                LOG.debug("Ignoring failure while aborting a download", e);
            }
        }
    }
}
