package ai.connecty.athena.local.control;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The last {@value #CAPACITY} requests, oldest first. Thread-safe.
 *
 * <p>A request is logged when its reply is ready, so one that was under way when {@link #clear()} was called
 * (a result page a closed ResultSet had prefetched, say) would otherwise land in the log of whatever runs next
 * and be counted there. Each request therefore takes the log's generation when it arrives ({@link #generation()})
 * and is dropped by {@link #add(long, RequestLogEntry)} if the log was cleared since.
 */
public final class RequestLog {

    public static final int CAPACITY = 10_000;

    private final Deque<RequestLogEntry> entries = new ArrayDeque<>();
    private long generation;

    /** The generation to pass to {@link #add(long, RequestLogEntry)} for a request arriving now. */
    public synchronized long generation() {
        return generation;
    }

    /** Logs {@code entry} unless the log was cleared after its request arrived (in {@code generation}). */
    public synchronized void add(long arrivedIn, RequestLogEntry entry) {
        if (arrivedIn == generation) {
            add(entry);
        }
    }

    public synchronized void add(RequestLogEntry entry) {
        if (entries.size() == CAPACITY) {
            entries.removeFirst();
        }
        entries.addLast(entry);
    }

    /** A snapshot, oldest first. */
    public synchronized List<RequestLogEntry> entries() {
        return List.copyOf(entries);
    }

    /** Forgets every request logged so far and every request still under way. */
    public synchronized void clear() {
        entries.clear();
        generation++;
    }

    /** How many logged requests were {@code service}/{@code action} (e.g. {@code "athena", "GetQueryResults"}). */
    public long count(String service, String action) {
        return entries().stream().filter(e -> e.service().equals(service) && e.action().equals(action)).count();
    }

    /** The logged requests that were denied (by a policy, or by failed authentication). */
    public List<RequestLogEntry> denied() {
        return entries().stream().filter(RequestLogEntry::denied).toList();
    }
}
