package ai.connecty.athena.jdbc;

import ai.connecty.athena.jdbc.errors.ErrorTranslator;
import ai.connecty.athena.jdbc.errors.SqlState;
import ai.connecty.athena.jdbc.execution.StatementEffects;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;

/**
 * The auto-commit mode and the write log of a connection opened with {@code Transactions=emulate}. Athena has no
 * transactions, so nothing is buffered: every statement takes effect when it completes, whatever the mode. With
 * auto-commit off the connection logs each statement of any of its Statement objects (each batch item being one)
 * that changed data or the catalog ({@link StatementEffects}) and completed since the transaction began (since
 * setAutoCommit(false), the last commit or the last rollback), so that rollback() can tell whether it would have
 * had anything to undo:
 * <ul>
 *   <li>commit() ends the transaction and empties the log: every statement already took effect.</li>
 *   <li>rollback() with an empty log ends the transaction: a read-only transaction rolls back cleanly.</li>
 *   <li>rollback() with writes logged fails with 25000 naming them (ids and kinds, never SQL text). That ends the
 *       transaction too: the log is emptied (the writes stand; repeating them in later failures would tell nothing
 *       new) and the connection is back in auto-commit mode, because a pool that rolls back a connection returned
 *       mid-transaction skips its own reset when rollback() throws (HikariCP does), which would otherwise hand the
 *       next borrower a connection with auto-commit off and this log. Another rollback() is then refused as in any
 *       auto-commit mode, with a message saying why the mode changed.</li>
 *   <li>A savepoint marks how many writes were logged when it was set: rolling back to it succeeds while none was
 *       logged since (releasing the savepoints set after it), and otherwise fails with 25000 naming the writes since
 *       it, the transaction going on. The end of a transaction ends its savepoints.</li>
 * </ul>
 * What counts: a statement Athena reports SUCCEEDED counts when its kind writes (even if reading its first result
 * page failed afterwards: it took effect). One Athena reports FAILED or CANCELLED does not (Athena reports no
 * change). One whose outcome is unknown (it timed out, was cancelled or interrupted before a poll saw it end, its
 * state could not be read, or StartQueryExecution got no reply) counts when its text may write: it may have
 * completed. Counting is by completion time, so a statement of another thread that completes after commit() or
 * rollback() belongs to the next transaction. Thread-safe: statements of one connection may run in several threads.
 */
final class EmulatedTransaction {
    /** Statements named in a rollback failure at most; the others are counted. */
    static final int LISTED_AT_MOST = 10;

    static final String AUTO_COMMIT_OFF_WARNING = "Athena has no transactions: auto-commit is off as asked "
            + "(Transactions=emulate), but each statement takes effect when it completes; commit() has nothing left to "
            + "do, and rollback() fails if a statement that changed data or the catalog completed since the "
            + "transaction began";

    private boolean autoCommit = true;
    /** The writes of the transaction in completion order, as messages name them. */
    private final List<String> writes = new ArrayList<>();
    /** The savepoints set in this transaction and neither released nor rolled past, oldest first. */
    private final List<AthenaSavepoint> savepoints = new ArrayList<>();
    private int lastSavepointId;
    /** Set by a rollback() that failed and so turned auto-commit back on; cleared by setAutoCommit. */
    private boolean endedByFailedRollback;

    synchronized boolean autoCommit() {
        return autoCommit;
    }

    /**
     * Switches the mode as JDBC has it: a call that does not change the mode does nothing, and turning auto-commit
     * on ends the transaction as a commit would. Returns the warning to give when auto-commit was turned off.
     */
    synchronized SQLWarning setAutoCommit(boolean on) {
        endedByFailedRollback = false;
        if (on == autoCommit) {
            return null;
        }
        autoCommit = on;
        clear();
        return on ? null : new SQLWarning(AUTO_COMMIT_OFF_WARNING, SqlState.WARNING);
    }

    /** A statement Athena reported SUCCEEDED. */
    synchronized void completed(QueryExecution execution) {
        if (!autoCommit && StatementEffects.changesDataOrCatalog(execution)) {
            log(execution.queryExecutionId() + " (" + StatementEffects.kind(execution) + ")");
        }
    }

    /**
     * A statement that ended with an exception: {@code terminal} is its execution as a poll saw it end (null when
     * none did), {@code queryExecutionId} null when StartQueryExecution gave none.
     */
    synchronized void unfinished(String sql, String queryExecutionId, QueryExecution terminal, Exception failure) {
        if (autoCommit) {
            return;
        }
        if (terminal != null) {
            if (terminal.status() != null && terminal.status().state() == QueryExecutionState.SUCCEEDED) {
                completed(terminal);
            }
            return;
        }
        if (!StatementEffects.mayChangeDataOrCatalog(sql)) {
            return;
        }
        if (queryExecutionId != null) {
            log(queryExecutionId + " (" + StatementEffects.kind(sql) + ", outcome unknown: it may have completed)");
        } else if (failure instanceof SQLException && ErrorTranslator.mayHaveStarted((SQLException) failure)) {
            log("a query without an id (" + StatementEffects.kind(sql)
                    + ", outcome unknown: StartQueryExecution got no reply, it may have started)");
        }
    }

    synchronized void commit() throws SQLException {
        if (autoCommit) {
            throw inAutoCommit("commit");
        }
        clear();
    }

    synchronized void rollback() throws SQLException {
        if (autoCommit) {
            throw inAutoCommit("rollback");
        }
        if (writes.isEmpty()) {
            clear();
            return;
        }
        String message = "Cannot roll back: Athena has no transactions, and " + writesSince(0, "the transaction began")
                + " The transaction is over and the connection is back in auto-commit mode (Transactions=emulate).";
        clear();
        autoCommit = true;
        endedByFailedRollback = true;
        throw new SQLException(message, SqlState.TRANSACTION_CANNOT_BE_UNDONE);
    }

    /** A savepoint at the current end of the write log; {@code name} null for an unnamed one. */
    synchronized AthenaSavepoint setSavepoint(String name) throws SQLException {
        if (autoCommit) {
            throw new SQLException(refusalInAutoCommit("set a savepoint") + "; call setAutoCommit(false) first",
                    SqlState.INVALID_TRANSACTION_STATE);
        }
        AthenaSavepoint savepoint = name == null ? new AthenaSavepoint(this, ++lastSavepointId, null, writes.size())
                : new AthenaSavepoint(this, 0, name, writes.size());
        savepoints.add(savepoint);
        return savepoint;
    }

    /**
     * Succeeds when nothing was written since {@code savepoint} was set, releasing the savepoints set after it
     * (it stays, as in SQL); otherwise fails with 25000 naming the writes, and the transaction goes on unchanged:
     * unlike rollback(), no pool calls this on a returned connection, and the caller decides what comes next.
     */
    synchronized void rollback(Savepoint savepoint) throws SQLException {
        if (autoCommit) {
            throw inAutoCommit("roll back to a savepoint");
        }
        int index = indexOf(savepoint, "roll back to");
        AthenaSavepoint target = savepoints.get(index);
        if (writes.size() == target.mark()) {
            savepoints.subList(index + 1, savepoints.size()).clear();
            return;
        }
        throw new SQLException("Cannot roll back to " + target.describe() + ": Athena has no transactions, and "
                + writesSince(target.mark(), "it was set") + " The transaction goes on (Transactions=emulate).",
                SqlState.TRANSACTION_CANNOT_BE_UNDONE);
    }

    /** Releases {@code savepoint} and the savepoints set after it, as SQL's RELEASE SAVEPOINT does. */
    synchronized void release(Savepoint savepoint) throws SQLException {
        int index = indexOf(savepoint, "release");
        savepoints.subList(index, savepoints.size()).clear();
    }

    private int indexOf(Savepoint savepoint, String action) throws SQLException {
        if (savepoint == null) {
            throw new SQLException("Cannot " + action + " a savepoint: it is null", SqlState.INVALID_PARAMETER_VALUE);
        }
        int index = savepoints.indexOf(savepoint);
        if (index >= 0) {
            return index;
        }
        String which = savepoint instanceof AthenaSavepoint ? ((AthenaSavepoint) savepoint).describe() : "the savepoint";
        String why = !(savepoint instanceof AthenaSavepoint) || !((AthenaSavepoint) savepoint).setBy(this)
                ? "it was not set on this connection"
                : "it was released, rolled past, or set in a transaction that has ended";
        throw new SQLException("Cannot " + action + " " + which + ": " + why, SqlState.INVALID_SAVEPOINT_SPECIFICATION);
    }

    /** The failure's middle: how many writes completed since {@code from}, the first ones named, and that they stand. */
    private String writesSince(int from, String since) {
        List<String> range = writes.subList(from, writes.size());
        int count = range.size();
        StringBuilder message = new StringBuilder().append(count).append(count == 1 ? " statement" : " statements")
                .append(" that changed data or the catalog completed since ").append(since).append("; ")
                .append(count == 1 ? "it cannot be undone: " : "they cannot be undone: ")
                .append(String.join(", ", range.subList(0, Math.min(count, LISTED_AT_MOST))));
        if (count > LISTED_AT_MOST) {
            message.append(" and ").append(count - LISTED_AT_MOST).append(" more");
        }
        return message.append(". Nothing was rolled back: ").append(count == 1 ? "it stays" : "they stay")
                .append(" in effect.").toString();
    }

    /** commit() or rollback() in auto-commit mode, which JDBC has fail; in refuse mode as in emulate mode. */
    synchronized SQLException inAutoCommit(String action) {
        return endedByFailedRollback
                ? new SQLException(refusalInAutoCommit(action) + ". The last rollback() failed because statements had "
                        + "taken effect, which ended the transaction and put the connection back in auto-commit mode; "
                        + "call setAutoCommit(false) to begin another", SqlState.INVALID_TRANSACTION_STATE)
                : new SQLException(refusalInAutoCommit(action), SqlState.INVALID_TRANSACTION_STATE);
    }

    static String refusalInAutoCommit(String action) {
        return "Cannot " + action + ": the connection is in auto-commit mode (Athena has no transactions)";
    }

    private void log(String entry) {
        writes.add(entry);
    }

    /** The end of a transaction: its writes stand, its savepoints are gone. */
    private void clear() {
        writes.clear();
        savepoints.clear();
    }
}
