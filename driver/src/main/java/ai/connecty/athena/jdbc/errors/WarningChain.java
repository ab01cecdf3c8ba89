package ai.connecty.athena.jdbc.errors;

import java.sql.SQLWarning;
import java.util.HashSet;
import java.util.Set;

/**
 * The SQLWarning chain of one connection, statement or result set. Warnings arrive from other threads (a
 * cancel() whose StopQueryExecution was refused, metadata falling back while a query runs), so every access
 * is synchronized.
 *
 * <p>A connection that a SQL client keeps open for days collects the warnings of every statement that reported
 * one to it (a scrollable result set asked for, metadata falling back) until clearWarnings(), which many tools
 * never call. So a warning already in the chain (same SQLState and message) is not added again, and the chain
 * stops growing at {@link #MAX_WARNINGS}, saying so once: memory stays bounded, and an append costs the same
 * however long the chain is.
 */
public final class WarningChain {
    /** Distinct warnings kept until clearWarnings(). */
    static final int MAX_WARNINGS = 1000;

    private SQLWarning first;
    private SQLWarning last;
    private int count;
    private boolean full;
    private final Set<String> kept = new HashSet<>();

    /** Appends {@code warning} (and any warnings chained to it) after the last one; null is ignored. */
    public synchronized void add(SQLWarning warning) {
        if (warning == null || full) {
            return;
        }
        if (count == MAX_WARNINGS) {
            full = true;
            link(new SQLWarning("More than " + MAX_WARNINGS + " warnings: later ones are dropped until "
                    + "clearWarnings() is called", SqlState.WARNING));
            return;
        }
        if (!kept.add(warning.getSQLState() + '\u0000' + warning.getMessage())) {
            return;
        }
        link(warning);
        count++;
    }

    /** Links {@code warning} after the last one; setNextWarning walks from the warning it is called on. */
    private void link(SQLWarning warning) {
        if (first == null) {
            first = warning;
        } else {
            last.setNextWarning(warning);
        }
        last = warning;
        while (last.getNextWarning() != null) {
            last = last.getNextWarning();
        }
    }

    /** The first warning, null when there is none (what getWarnings() returns). */
    public synchronized SQLWarning first() {
        return first;
    }

    public synchronized void clear() {
        first = null;
        last = null;
        count = 0;
        full = false;
        kept.clear();
    }
}
