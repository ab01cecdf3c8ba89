package ai.connecty.athena.local.control;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The last {@value #CAPACITY} requests, oldest first. Thread-safe. */
public final class RequestLog {

    public static final int CAPACITY = 10_000;

    private final Deque<RequestLogEntry> entries = new ArrayDeque<>();

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

    public synchronized void clear() {
        entries.clear();
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
