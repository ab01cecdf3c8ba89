package ai.connecty.athena.jdbc.rows;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bytes of S3 download buffers that result sets may hold beyond the one part each always keeps: one budget
 * for every S3 result set of the JVM, so that many large results open at once (a BI server's extracts, a pool's
 * connections) cannot take the heap between them.
 *
 * <p>A stream keeps its first part without asking (so it always progresses, and never waits for another result
 * set), and asks {@link #tryAcquire} for each part it would read ahead beyond that: it never blocks, a refusal only
 * means fewer parts ahead until a later part boundary. What a stream took returns when its parts are read, or when
 * it is closed, cancelled or fails. The count is per part (a few atomic operations per 8 MiB), nothing per byte.
 *
 * <p>The default, {@link #DEFAULT_FRACTION} of {@code Runtime.maxMemory()} up to {@link #DEFAULT_CAP_BYTES}, leaves
 * one result set its full read-ahead (24 MiB beyond its first part) down to a 96 MB heap, and keeps what many
 * result sets hold ahead to a quarter of the heap. The system property {@value #SYSTEM_PROPERTY} (in MiB, 0 for no
 * read-ahead beyond the first part) replaces it; it is read once per JVM, by the first statement the driver runs
 * (when a connection builds its {@link ResultTransport}).
 */
public final class ReadAheadBudget {
    private static final Logger LOG = LoggerFactory.getLogger(ReadAheadBudget.class);
    /** The JVM-wide budget, in MiB, replacing the default (-Dconnecty.athena.readAheadBudgetMB=256). */
    public static final String SYSTEM_PROPERTY = "connecty.athena.readAheadBudgetMB";
    static final int DEFAULT_FRACTION = 4;
    static final long DEFAULT_CAP_BYTES = 1024L * 1024 * 1024;
    private static final long MIB = 1024 * 1024;

    private static final class Shared {
        static final ReadAheadBudget INSTANCE = new ReadAheadBudget(configuredBytes(
                System.getProperty(SYSTEM_PROPERTY), Runtime.getRuntime().maxMemory()));
    }

    private final long capacity;
    private final AtomicLong available;

    ReadAheadBudget(long capacityBytes) {
        this.capacity = Math.max(0, capacityBytes);
        this.available = new AtomicLong(capacity);
    }

    /** The budget every S3 result set of this JVM draws on. */
    public static ReadAheadBudget shared() {
        return Shared.INSTANCE;
    }

    /**
     * The budget in bytes: {@code property} in MiB when it is a whole number from 0 up, else (with a warning for a
     * value that is not) a quarter of {@code maxMemory}, at most {@link #DEFAULT_CAP_BYTES}.
     */
    static long configuredBytes(String property, long maxMemory) {
        if (property != null && !property.isBlank()) {
            try {
                long mib = Long.parseLong(property.trim());
                if (mib >= 0 && mib <= Long.MAX_VALUE / MIB) {
                    return mib * MIB;
                }
            } catch (NumberFormatException e) {
                // warned below
            }
            LOG.warn("Ignoring -D{}={}: expected a whole number of MiB from 0 up; using the default, a quarter of the"
                    + " heap up to 1024", SYSTEM_PROPERTY, property);
        }
        long heap = maxMemory == Long.MAX_VALUE ? DEFAULT_CAP_BYTES * DEFAULT_FRACTION : maxMemory;
        return Math.min(DEFAULT_CAP_BYTES, heap / DEFAULT_FRACTION);
    }

    /** Takes {@code bytes} if that many are left, without waiting; false (taking nothing) otherwise. */
    boolean tryAcquire(long bytes) {
        long left = available.get();
        while (left >= bytes) {
            if (available.compareAndSet(left, left - bytes)) {
                return true;
            }
            left = available.get();
        }
        return false;
    }

    /** Gives back bytes taken by {@link #tryAcquire}. */
    void release(long bytes) {
        available.addAndGet(bytes);
    }

    /** The budget, in bytes. */
    public long capacityBytes() {
        return capacity;
    }

    /** The bytes no result set holds now: {@link #capacityBytes()} when none reads ahead. */
    public long availableBytes() {
        return available.get();
    }

    @Override
    public String toString() {
        return "ReadAheadBudget[" + available.get() / MIB + " of " + capacity / MIB + " MiB free]";
    }
}
