package ai.connecty.athena.jdbc;

import ai.connecty.athena.jdbc.errors.ErrorTranslator;
import ai.connecty.athena.jdbc.errors.SqlState;
import ai.connecty.athena.jdbc.execution.StatementEffects;
import java.sql.SQLException;
import java.sql.SQLWarning;
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
    private final List<String> listed = new ArrayList<>();
    private int writes;
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
        if (writes == 0) {
            return;
        }
        StringBuilder message = new StringBuilder("Cannot roll back: Athena has no transactions, and ").append(writes)
                .append(writes == 1 ? " statement" : " statements")
                .append(" that changed data or the catalog completed since the transaction began; ")
                .append(writes == 1 ? "it cannot be undone: " : "they cannot be undone: ")
                .append(String.join(", ", listed));
        if (writes > listed.size()) {
            message.append(" and ").append(writes - listed.size()).append(" more");
        }
        message.append(". Nothing was rolled back: ").append(writes == 1 ? "it stays" : "they stay").append(" in effect. ")
                .append("The transaction is over and the connection is back in auto-commit mode (Transactions=emulate).");
        clear();
        autoCommit = true;
        endedByFailedRollback = true;
        throw new SQLException(message.toString(), SqlState.TRANSACTION_CANNOT_BE_UNDONE);
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
        writes++;
        if (listed.size() < LISTED_AT_MOST) {
            listed.add(entry);
        }
    }

    private void clear() {
        writes = 0;
        listed.clear();
    }
}
