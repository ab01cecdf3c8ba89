package ai.connecty.athena.jdbc;

import ai.connecty.athena.jdbc.errors.SqlState;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * A savepoint of an emulated transaction ({@code Transactions=emulate}): how many writes the transaction had logged
 * when it was set. Athena cannot undo anything, so rolling back to it succeeds only while that count has not grown
 * (see {@link EmulatedTransaction#rollback(Savepoint)}). Unnamed savepoints are numbered from 1 per connection.
 */
final class AthenaSavepoint implements Savepoint {
    private final EmulatedTransaction transaction;
    private final int id;
    private final String name;
    private final int mark;

    /** @param name null for an unnamed savepoint, which has {@code id} */
    AthenaSavepoint(EmulatedTransaction transaction, int id, String name, int mark) {
        this.transaction = transaction;
        this.id = id;
        this.name = name;
        this.mark = mark;
    }

    int mark() {
        return mark;
    }

    boolean setBy(EmulatedTransaction candidate) {
        return transaction == candidate;
    }

    /** How messages name it: {@code savepoint 'before_load'} or {@code savepoint 2}. */
    String describe() {
        return name == null ? "savepoint " + id : "savepoint '" + name + "'";
    }

    @Override
    public int getSavepointId() throws SQLException {
        if (name != null) {
            throw new SQLException("Savepoint '" + name + "' is named and has no id: call getSavepointName()",
                    SqlState.OBJECT_NOT_IN_STATE);
        }
        return id;
    }

    @Override
    public String getSavepointName() throws SQLException {
        if (name == null) {
            throw new SQLException("Savepoint " + id + " is unnamed and has no name: call getSavepointId()",
                    SqlState.OBJECT_NOT_IN_STATE);
        }
        return name;
    }

    @Override
    public String toString() {
        return describe();
    }
}
