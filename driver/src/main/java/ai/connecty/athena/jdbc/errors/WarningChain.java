package ai.connecty.athena.jdbc.errors;

import java.sql.SQLWarning;

/**
 * The SQLWarning chain of one connection, statement or result set. Warnings arrive from other threads (a
 * cancel() whose StopQueryExecution was refused, metadata falling back while a query runs), so every access
 * is synchronized.
 */
public final class WarningChain {
    private SQLWarning first;

    /** Appends {@code warning} after the last one; null is ignored. */
    public synchronized void add(SQLWarning warning) {
        if (first == null) {
            first = warning;
        } else if (warning != null) {
            first.setNextWarning(warning);
        }
    }

    /** The first warning, null when there is none (what getWarnings() returns). */
    public synchronized SQLWarning first() {
        return first;
    }

    public synchronized void clear() {
        first = null;
    }
}
