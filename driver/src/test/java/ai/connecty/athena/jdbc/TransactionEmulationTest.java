package ai.connecty.athena.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.connecty.athena.jdbc.execution.AthenaQueryClient;
import ai.connecty.athena.jdbc.execution.PollingClock;
import ai.connecty.athena.jdbc.execution.QuerySettings;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.athena.model.AthenaException;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.GetQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.GetQueryExecutionResponse;
import software.amazon.awssdk.services.athena.model.GetQueryResultsRequest;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.QueryExecutionStatus;
import software.amazon.awssdk.services.athena.model.ResultSetMetadata;
import software.amazon.awssdk.services.athena.model.Row;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionResponse;
import software.amazon.awssdk.services.athena.model.StatementType;

/**
 * Transactions=emulate on a connection around a scripted Athena (no network): setAutoCommit(false) is taken with a
 * warning, statements run at once, commit() does nothing more, rollback() passes after reads and fails naming the
 * writes that completed; and the default, refuse, is today's refusal. Each statement's outcome (type, final state,
 * failures) is scripted by its text.
 */
class TransactionEmulationTest {
    private static final String SELECT = "SELECT 1";
    private static final String SHOW = "SHOW TABLES";
    private static final String INSERT = "INSERT INTO t VALUES (1, 'a secret-looking literal')";
    private static final String CTAS = "CREATE TABLE c AS SELECT 1 AS id";
    private static final String DROP = "DROP TABLE c";
    private static final String UNLOAD = "UNLOAD (SELECT 1) TO 's3://bucket/u/' WITH (format = 'PARQUET')";
    private static final String FAILING_INSERT = "INSERT INTO missing VALUES (1)";
    private static final String CANCELLED_INSERT = "INSERT INTO cancelled_elsewhere VALUES (1)";
    private static final String UNREADABLE_INSERT = "INSERT INTO unreadable_state VALUES (1)";
    private static final String UNREADABLE_SELECT = "SELECT * FROM unreadable_state";
    private static final String FIRST_PAGE_FAILS_INSERT = "INSERT INTO first_page_fails VALUES (1)";
    private static final String UNANSWERED_INSERT = "INSERT INTO start_unanswered VALUES (1)";
    private static final String REFUSED_INSERT = "INSERT INTO start_refused VALUES (1)";

    private final ScriptedAthena athena = new ScriptedAthena();
    private final List<Connection> opened = new ArrayList<>();

    @AfterEach
    void close() throws SQLException {
        for (Connection connection : opened) {
            connection.close();
        }
    }

    private Connection connection(boolean emulate) {
        AthenaConnection connection = AthenaConnection.withQueryClient("jdbc:connecty-athena://",
                new AthenaQueryClient(athena, QuerySettings.builder().build()), PollingClock.SYSTEM, emulate);
        opened.add(connection);
        return connection;
    }

    private Connection emulating() throws SQLException {
        Connection connection = connection(true);
        connection.setAutoCommit(false);
        return connection;
    }

    private static void run(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (statement.execute(sql)) {
                try (ResultSet rows = statement.getResultSet()) {
                    while (rows.next()) {
                        rows.getObject(1);
                    }
                }
            }
        }
    }

    private static SQLException runFails(Connection connection, String sql) {
        return catchThrowableOfType(SQLException.class, () -> run(connection, sql));
    }

    private static SQLException rollbackFailure(Connection connection) {
        SQLException failure = catchThrowableOfType(SQLException.class, connection::rollback);
        assertThat((Throwable) failure).as("rollback() should have failed").isNotNull();
        assertThat(failure.getSQLState()).isEqualTo("25000");
        return failure;
    }

    // ---- Transactions=refuse (the default): today's behaviour -------------------------------------------------

    @Test
    void refuseKeepsAutoCommitOnAndRefusesTransactions() throws SQLException {
        Connection connection = connection(false);
        assertThatThrownBy(() -> connection.setAutoCommit(false)).isInstanceOf(SQLFeatureNotSupportedException.class)
                .hasMessageStartingWith("Athena has no transactions: the connection stays in auto-commit mode.")
                .hasMessageContaining("Transactions=emulate")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("0A000"));
        assertThat(connection.getAutoCommit()).isTrue();
        connection.setAutoCommit(true);
        assertThat((Throwable) connection.getWarnings()).isNull();
        assertThatThrownBy(connection::commit).isInstanceOf(SQLException.class)
                .hasMessage("Cannot commit: the connection is in auto-commit mode (Athena has no transactions)")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25000"));
        assertThatThrownBy(connection::rollback)
                .hasMessage("Cannot rollback: the connection is in auto-commit mode (Athena has no transactions)")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25000"));
        assertThatThrownBy(() -> connection.rollback(null))
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25000"));
        assertThatThrownBy(connection::setSavepoint).isInstanceOf(SQLFeatureNotSupportedException.class);
        // Statements run as ever.
        run(connection, INSERT);
        assertThat(athena.started()).containsExactly(INSERT);
    }

    // ---- Transactions=emulate ---------------------------------------------------------------------------------

    @Test
    void autoCommitOffIsTakenWithAWarningAndStaysOffUntilTurnedOn() throws SQLException {
        Connection connection = connection(true);
        assertThat(connection.getAutoCommit()).isTrue();
        connection.setAutoCommit(true);
        assertThat((Throwable) connection.getWarnings()).isNull();

        connection.setAutoCommit(false);
        assertThat(connection.getAutoCommit()).isFalse();
        SQLWarning warning = connection.getWarnings();
        assertThat((Throwable) warning).isNotNull();
        assertThat(warning.getSQLState()).isEqualTo("01000");
        assertThat(warning.getMessage()).startsWith("Athena has no transactions: auto-commit is off as asked "
                + "(Transactions=emulate), but each statement takes effect when it completes");
        assertThat((Throwable) warning.getNextWarning()).isNull();

        // Statements run at once: nothing is buffered.
        run(connection, INSERT);
        assertThat(athena.started()).containsExactly(INSERT);
        connection.commit();
        assertThat(connection.getAutoCommit()).isFalse();
        connection.rollback();
        assertThat(connection.getAutoCommit()).isFalse();

        // Turning auto-commit on (a no-op commit) ends the emulation; commit and rollback are refused again.
        connection.setAutoCommit(true);
        assertThat(connection.getAutoCommit()).isTrue();
        assertThatThrownBy(connection::commit).hasMessage(
                "Cannot commit: the connection is in auto-commit mode (Athena has no transactions)");
        assertThatThrownBy(connection::rollback).satisfies(e -> assertThat(((SQLException) e).getSQLState())
                .isEqualTo("25000"));
        assertThatThrownBy(() -> connection.rollback(null)).satisfies(e -> assertThat(((SQLException) e).getSQLState())
                .isEqualTo("25000"));
    }

    @Test
    void commitIsANoOpThatEndsTheTransaction() throws SQLException {
        Connection connection = emulating();
        run(connection, INSERT);
        run(connection, CTAS);
        connection.commit();
        // Nothing to undo in the transaction that began with the commit.
        run(connection, SELECT);
        connection.rollback();
        assertThat(athena.started()).containsExactly(INSERT, CTAS, SELECT);
    }

    @Test
    void rollbackAfterReadsOnlySucceeds() throws SQLException {
        Connection connection = emulating();
        run(connection, SELECT);
        run(connection, SHOW);
        run(connection, "EXPLAIN SELECT 1");
        run(connection, "EXPLAIN " + INSERT); // a plain EXPLAIN does not run the INSERT
        connection.rollback();
        assertThat(connection.getAutoCommit()).isFalse();
        connection.rollback();
    }

    @Test
    void rollbackAfterACompletedWriteFailsNamingItsIdAndKind() throws SQLException {
        Connection connection = emulating();
        run(connection, SELECT);
        run(connection, INSERT);
        String insertId = athena.idOf(INSERT);
        SQLException failure = rollbackFailure(connection);
        assertThat(failure.getMessage()).isEqualTo("Cannot roll back: Athena has no transactions, and 1 statement that "
                + "changed data or the catalog completed since the transaction began; it cannot be undone: " + insertId
                + " (INSERT). Nothing was rolled back: it stays in effect. The transaction is over and the connection is "
                + "back in auto-commit mode (Transactions=emulate).");
        assertThat(failure.getMessage()).doesNotContain("secret-looking").doesNotContain("VALUES");
    }

    @Test
    void everyKindOfWriteCountsAcrossStatementsAndBatchItems() throws SQLException {
        Connection connection = emulating();
        run(connection, CTAS);
        try (PreparedStatement prepared = connection.prepareStatement("INSERT INTO t VALUES (?)")) {
            prepared.setInt(1, 7);
            prepared.executeUpdate();
        }
        try (Statement batch = connection.createStatement()) {
            batch.addBatch(INSERT);
            batch.addBatch(DROP);
            batch.executeBatch();
        }
        run(connection, UNLOAD);
        run(connection, "EXPLAIN ANALYZE " + INSERT);
        SQLException failure = rollbackFailure(connection);
        assertThat(failure.getMessage()).contains("6 statements that changed data or the catalog")
                .contains(athena.idOf(CTAS) + " (CREATE_TABLE_AS_SELECT)")
                .contains(athena.idOf("INSERT INTO t VALUES (?)") + " (INSERT)")
                .contains(athena.idOf(INSERT) + " (INSERT)")
                .contains(athena.idOf(DROP) + " (DROP_TABLE)")
                .contains(athena.idOf(UNLOAD) + " (UNLOAD)")
                .contains(athena.idOf("EXPLAIN ANALYZE " + INSERT) + " (EXPLAIN)")
                .contains("they cannot be undone").doesNotContain("more");
    }

    @Test
    void theListIsCappedAndTheRestCounted() throws SQLException {
        Connection connection = emulating();
        int writes = EmulatedTransaction.LISTED_AT_MOST + 3;
        for (int i = 0; i < writes; i++) {
            run(connection, "INSERT INTO t VALUES (" + i + ")");
        }
        String message = rollbackFailure(connection).getMessage();
        assertThat(message).contains(writes + " statements").endsWith(" and 3 more. Nothing was rolled back: they stay "
                + "in effect. The transaction is over and the connection is back in auto-commit mode "
                + "(Transactions=emulate).");
        assertThat(message).contains(athena.idOf("INSERT INTO t VALUES (0)"))
                .contains(athena.idOf("INSERT INTO t VALUES (9)"))
                .doesNotContain(athena.idOf("INSERT INTO t VALUES (10)"));
    }

    @Test
    void aFailedRollbackEndsTheTransactionAndPutsTheConnectionBackInAutoCommit() throws SQLException {
        Connection connection = emulating();
        run(connection, INSERT);
        rollbackFailure(connection);
        // The write log is emptied and auto-commit is on: a pool that skips its reset after the failure hands out
        // a connection in the mode it expects.
        assertThat(connection.getAutoCommit()).isTrue();
        assertThatThrownBy(connection::rollback).isInstanceOf(SQLException.class)
                .hasMessageStartingWith("Cannot rollback: the connection is in auto-commit mode (Athena has no "
                        + "transactions). The last rollback() failed because statements had taken effect")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25000"));
        // A new transaction starts empty.
        connection.setAutoCommit(false);
        run(connection, SELECT);
        connection.rollback();
        connection.setAutoCommit(true);
        assertThatThrownBy(connection::commit).hasMessage(
                "Cannot commit: the connection is in auto-commit mode (Athena has no transactions)");
    }

    @Test
    void failedAndCancelledStatementsDoNotCount() throws SQLException {
        Connection connection = emulating();
        assertThat(runFails(connection, FAILING_INSERT).getMessage()).contains("TABLE_NOT_FOUND");
        assertThat(runFails(connection, CANCELLED_INSERT).getSQLState()).isEqualTo("57014");
        // A start Athena refused ran nothing.
        assertThat(runFails(connection, REFUSED_INSERT).getSQLState()).isEqualTo("42000");
        // A read whose outcome is unknown wrote nothing either.
        runFails(connection, UNREADABLE_SELECT);
        connection.rollback();
        assertThat(connection.getAutoCommit()).isFalse();
    }

    @Test
    void aFailedBatchItemDoesNotCountButTheItemsBeforeItDo() throws SQLException {
        Connection connection = emulating();
        try (Statement batch = connection.createStatement()) {
            batch.addBatch(INSERT);
            batch.addBatch(FAILING_INSERT);
            batch.addBatch(CTAS);
            assertThatThrownBy(batch::executeBatch).isInstanceOf(BatchUpdateException.class);
        }
        String message = rollbackFailure(connection).getMessage();
        assertThat(message).contains("1 statement that").contains(athena.idOf(INSERT) + " (INSERT)")
                .doesNotContain(athena.idOf(FAILING_INSERT));
        assertThat(athena.started()).doesNotContain(CTAS);
    }

    @Test
    void writesThatMayHaveCompletedCount() throws SQLException {
        Connection connection = emulating();
        // SUCCEEDED, then reading the first page failed: the INSERT took effect.
        runFails(connection, FIRST_PAGE_FAILS_INSERT);
        // Its state could not be read: it may have completed.
        runFails(connection, UNREADABLE_INSERT);
        // StartQueryExecution got no reply: it may have started.
        assertThat(runFails(connection, UNANSWERED_INSERT).getSQLState()).isEqualTo("58030");
        String message = rollbackFailure(connection).getMessage();
        assertThat(message).contains("3 statements")
                .contains(athena.idOf(FIRST_PAGE_FAILS_INSERT) + " (INSERT)")
                .contains(athena.idOf(UNREADABLE_INSERT) + " (INSERT, outcome unknown: it may have completed)")
                .contains("a query without an id (INSERT, outcome unknown: StartQueryExecution got no reply, it may "
                        + "have started)")
                .doesNotContain("start_unanswered");
    }

    @Test
    void writesInAutoCommitModeAreNotLogged() throws SQLException {
        Connection connection = connection(true);
        run(connection, INSERT);
        connection.setAutoCommit(false);
        connection.rollback();
        run(connection, INSERT);
        connection.setAutoCommit(true);
        connection.setAutoCommit(false);
        connection.rollback();
    }

    @Test
    void setAutoCommitFalseTwiceDoesNotBeginAgain() throws SQLException {
        Connection connection = emulating();
        run(connection, INSERT);
        connection.clearWarnings();
        connection.setAutoCommit(false);
        assertThat((Throwable) connection.getWarnings()).isNull();
        assertThat(rollbackFailure(connection).getMessage()).contains(athena.idOf(INSERT));
    }

    /**
     * JDBC's CLOSE_CURSORS_AT_COMMIT: the end of an emulated transaction (commit, rollback, even one that fails for
     * the writes, and setAutoCommit(true)) closes the open result sets of statements created with it, and leaves
     * those of HOLD_CURSORS_OVER_COMMIT statements open.
     */
    @Test
    void theEndOfATransactionClosesTheResultSetsOfCloseCursorsAtCommitStatements() throws SQLException {
        Connection connection = emulating();
        Statement closing = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY,
                ResultSet.CLOSE_CURSORS_AT_COMMIT);
        Statement holding = connection.createStatement();
        ResultSet closed = closing.executeQuery(SELECT);
        ResultSet held = holding.executeQuery(SELECT);
        connection.commit();
        assertThat(closed.isClosed()).as("closed by commit()").isTrue();
        assertThat(held.isClosed()).as("held over commit()").isFalse();
        assertThat(closing.isClosed()).as("the statement itself stays open").isFalse();

        ResultSet afterRollback = closing.executeQuery(SELECT);
        connection.rollback();
        assertThat(afterRollback.isClosed()).as("closed by rollback()").isTrue();

        ResultSet afterFailedRollback = closing.executeQuery(SELECT);
        run(connection, INSERT);
        rollbackFailure(connection);
        assertThat(afterFailedRollback.isClosed()).as("closed by the rollback() that failed for the write").isTrue();

        connection.setAutoCommit(false);
        ResultSet afterAutoCommitOn = closing.executeQuery(SELECT);
        connection.setAutoCommit(true);
        assertThat(afterAutoCommitOn.isClosed()).as("closed by setAutoCommit(true), which commits").isTrue();
        ResultSet inAutoCommit = closing.executeQuery(SELECT);
        connection.setAutoCommit(true);
        assertThat(inAutoCommit.isClosed()).as("no transaction ended: nothing closes").isFalse();
        assertThat(held.isClosed()).isFalse();
    }

    private static SQLException failure(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String sqlState) {
        SQLException failure = catchThrowableOfType(SQLException.class, call);
        assertThat((Throwable) failure).as("the call should have failed").isNotNull();
        assertThat(failure.getSQLState()).isEqualTo(sqlState);
        return failure;
    }

    @Test
    void rollingBackToASavepointWithNoWriteSinceSucceedsAndTheTransactionGoesOn() throws SQLException {
        Connection connection = emulating();
        run(connection, INSERT);
        Savepoint savepoint = connection.setSavepoint();
        run(connection, SELECT);
        run(connection, SHOW);
        connection.rollback(savepoint);
        assertThat(connection.getAutoCommit()).isFalse();
        connection.rollback(savepoint); // it stays after a rollback to it, as in SQL
        // The write before the savepoint is still the transaction's: a full rollback names it.
        assertThat(rollbackFailure(connection).getMessage()).contains(athena.idOf(INSERT) + " (INSERT)");
    }

    @Test
    void rollingBackToASavepointAfterAWriteFailsNamingTheWritesSinceItAndTheTransactionGoesOn() throws SQLException {
        Connection connection = emulating();
        run(connection, INSERT);
        Savepoint savepoint = connection.setSavepoint("before_ctas");
        run(connection, CTAS);
        run(connection, SELECT);
        SQLException failure = failure(() -> connection.rollback(savepoint), "25000");
        assertThat(failure.getMessage()).isEqualTo("Cannot roll back to savepoint 'before_ctas': Athena has no "
                + "transactions, and 1 statement that changed data or the catalog completed since it was set; it cannot "
                + "be undone: " + athena.idOf(CTAS) + " (CREATE_TABLE_AS_SELECT). Nothing was rolled back: it stays in "
                + "effect. The transaction goes on (Transactions=emulate).");
        assertThat(connection.getAutoCommit()).isFalse();
        // Nothing changed: the savepoint is still there, and the full rollback names both writes.
        failure(() -> connection.rollback(savepoint), "25000");
        assertThat(rollbackFailure(connection).getMessage()).contains("2 statements")
                .contains(athena.idOf(INSERT) + " (INSERT)").contains(athena.idOf(CTAS) + " (CREATE_TABLE_AS_SELECT)");
    }

    @Test
    void savepointsAreNumberedOrNamedAndReleasingOrRollingBackDropsTheLaterOnes() throws SQLException {
        Connection connection = emulating();
        Savepoint first = connection.setSavepoint();
        Savepoint named = connection.setSavepoint("b");
        Savepoint third = connection.setSavepoint();
        assertThat(first.getSavepointId()).isEqualTo(1);
        assertThat(third.getSavepointId()).isEqualTo(2);
        assertThat(named.getSavepointName()).isEqualTo("b");
        assertThat((Throwable) failure(first::getSavepointName, "55000"))
                .hasMessage("Savepoint 1 is unnamed and has no name: call getSavepointId()");
        assertThat((Throwable) failure(named::getSavepointId, "55000"))
                .hasMessage("Savepoint 'b' is named and has no id: call getSavepointName()");

        connection.releaseSavepoint(named);
        assertThat((Throwable) failure(() -> connection.rollback(third), "3B001")).hasMessage("Cannot roll back to savepoint 2: it "
                + "was released, rolled past, or set in a transaction that has ended");
        failure(() -> connection.releaseSavepoint(named), "3B001");
        Savepoint fourth = connection.setSavepoint();
        assertThat(fourth.getSavepointId()).isEqualTo(3);
        connection.rollback(first);
        failure(() -> connection.rollback(fourth), "3B001");
        connection.releaseSavepoint(first);
        failure(() -> connection.rollback(first), "3B001");
    }

    @Test
    void theEndOfATransactionEndsItsSavepoints() throws SQLException {
        Connection connection = emulating();
        Savepoint beforeCommit = connection.setSavepoint();
        connection.commit();
        assertThat((Throwable) failure(() -> connection.rollback(beforeCommit), "3B001")).hasMessageContaining("a transaction that has ended");
        Savepoint beforeRollback = connection.setSavepoint("r");
        connection.rollback();
        failure(() -> connection.releaseSavepoint(beforeRollback), "3B001");
        Savepoint beforeAutoCommit = connection.setSavepoint();
        connection.setAutoCommit(true);
        assertThat((Throwable) failure(() -> connection.rollback(beforeAutoCommit), "25000"))
                .hasMessage("Cannot roll back to a savepoint: the connection is in auto-commit mode (Athena has no transactions)");
        failure(() -> connection.releaseSavepoint(beforeAutoCommit), "3B001");
    }

    @Test
    void savepointCallsNeedATransactionAndASavepointOfIt() throws SQLException {
        Connection connection = connection(true);
        assertThat((Throwable) failure(connection::setSavepoint, "25000")).hasMessage("Cannot set a savepoint: the connection is in "
                + "auto-commit mode (Athena has no transactions); call setAutoCommit(false) first");
        failure(() -> connection.setSavepoint("s"), "25000");
        connection.setAutoCommit(false);
        assertThat((Throwable) failure(() -> connection.setSavepoint(null), "HY024")).hasMessageContaining("must not be null");
        assertThat((Throwable) failure(() -> connection.rollback((Savepoint) null), "HY024")).hasMessage("Cannot roll back to a "
                + "savepoint: it is null");
        failure(() -> connection.releaseSavepoint(null), "HY024");
        Connection other = emulating();
        Savepoint foreign = other.setSavepoint("elsewhere");
        assertThat((Throwable) failure(() -> connection.rollback(foreign), "3B001")).hasMessage("Cannot roll back to savepoint "
                + "'elsewhere': it was not set on this connection");
        Savepoint alien = new Savepoint() {
            @Override
            public int getSavepointId() {
                return 1;
            }

            @Override
            public String getSavepointName() {
                return "x";
            }
        };
        assertThat((Throwable) failure(() -> connection.releaseSavepoint(alien), "3B001"))
                .hasMessage("Cannot release the savepoint: it was not set on this connection");
    }

    @Test
    void underRefuseSavepointsStayRefused() throws SQLException {
        Connection connection = connection(false);
        assertThatThrownBy(connection::setSavepoint).isInstanceOf(SQLFeatureNotSupportedException.class)
                .hasMessageStartingWith("Athena has no transactions, so no savepoints; with the connection property "
                        + "Transactions=emulate");
        assertThatThrownBy(() -> connection.setSavepoint("s")).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThatThrownBy(() -> connection.releaseSavepoint(null)).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThat((Throwable) failure(() -> connection.rollback((Savepoint) null), "25000"))
                .hasMessage("Cannot roll back to a savepoint: the connection is in auto-commit mode (Athena has no transactions)");
    }

    @Test
    void isolationStaysNone() throws SQLException {
        Connection connection = emulating();
        assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_NONE);
        connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
        assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_NONE);
    }

    @Test
    void aClosedConnectionRefusesEveryTransactionCall() throws SQLException {
        Connection connection = emulating();
        connection.close();
        for (org.assertj.core.api.ThrowableAssert.ThrowingCallable call : List.<org.assertj.core.api.ThrowableAssert.ThrowingCallable>of(
                connection::commit, connection::rollback, () -> connection.setAutoCommit(true), connection::getAutoCommit)) {
            assertThatThrownBy(call).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08003"));
        }
    }

    /**
     * Athena answering by statement text: ids q-1, q-2 ... in start order; the script's outcomes below. Any other
     * text is a SELECT (a result set of one row) when it starts with SELECT or EXPLAIN, else an INSERT.
     */
    private static final class ScriptedAthena extends StubAthena {
        private final AtomicInteger next = new AtomicInteger();
        private final Map<String, String> sqlById = new ConcurrentHashMap<>();
        private final Map<String, String> idBySql = new ConcurrentHashMap<>();
        private final List<String> started = java.util.Collections.synchronizedList(new ArrayList<>());

        List<String> started() {
            return started;
        }

        String idOf(String sql) {
            String id = idBySql.get(sql);
            assertThat(id).as("query id of " + sql).isNotNull();
            return id;
        }

        @Override
        public StartQueryExecutionResponse startQueryExecution(StartQueryExecutionRequest request) {
            String sql = request.queryString();
            if (sql.equals(UNANSWERED_INSERT)) {
                throw SdkClientException.create("Unable to execute HTTP request: Connection reset");
            }
            if (sql.equals(REFUSED_INSERT)) {
                throw InvalidRequestException.builder().statusCode(400).message("Queries of this type are not supported")
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidRequestException")
                                .errorMessage("Queries of this type are not supported").build()).build();
            }
            String id = "q-" + next.incrementAndGet();
            sqlById.put(id, sql);
            idBySql.put(sql, id);
            started.add(sql);
            return StartQueryExecutionResponse.builder().queryExecutionId(id).build();
        }

        @Override
        public GetQueryExecutionResponse getQueryExecution(GetQueryExecutionRequest request) {
            String sql = sqlById.get(request.queryExecutionId());
            if (sql.contains("unreadable_state")) {
                throw AthenaException.builder().statusCode(400).message("Something went wrong")
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("SomethingException")
                                .errorMessage("Something went wrong").build()).build();
            }
            QueryExecutionStatus.Builder status = QueryExecutionStatus.builder().state(QueryExecutionState.SUCCEEDED);
            if (sql.equals(FAILING_INSERT)) {
                status.state(QueryExecutionState.FAILED).stateChangeReason("TABLE_NOT_FOUND: line 1:13: Table "
                        + "awsdatacatalog.default.missing does not exist");
            } else if (sql.equals(CANCELLED_INSERT)) {
                status.state(QueryExecutionState.CANCELLED).stateChangeReason("Query cancelled by user");
            }
            return GetQueryExecutionResponse.builder().queryExecution(QueryExecution.builder()
                    .queryExecutionId(request.queryExecutionId()).query(sql)
                    .statementType(statementType(sql)).substatementType(substatementType(sql))
                    .status(status.build()).build()).build();
        }

        private static StatementType statementType(String sql) {
            return sql.startsWith("SHOW") ? StatementType.UTILITY
                    : sql.startsWith("CREATE") || sql.startsWith("DROP") ? StatementType.DDL : StatementType.DML;
        }

        private static String substatementType(String sql) {
            if (sql.startsWith("SHOW")) {
                return "SHOW_TABLES";
            }
            if (sql.startsWith("CREATE")) {
                return "CREATE_TABLE_AS_SELECT";
            }
            if (sql.startsWith("DROP")) {
                return "DROP_TABLE";
            }
            if (sql.startsWith("UNLOAD")) {
                return "UNLOAD";
            }
            if (sql.startsWith("EXPLAIN")) {
                return "EXPLAIN";
            }
            return sql.startsWith("SELECT") ? "SELECT" : "INSERT";
        }

        @Override
        public GetQueryResultsResponse getQueryResults(GetQueryResultsRequest request) {
            String sql = sqlById.get(request.queryExecutionId());
            if (sql.equals(FIRST_PAGE_FAILS_INSERT)) {
                throw AthenaException.builder().statusCode(400).message("Query has not yet finished")
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidRequestException")
                                .errorMessage("Query has not yet finished").build()).build();
            }
            String sub = substatementType(sql);
            if (sub.equals("SELECT") || sub.equals("EXPLAIN") || sub.equals("SHOW_TABLES")) {
                List<Row> rows = new ArrayList<>();
                if (!sub.equals("SHOW_TABLES")) {
                    rows.add(Row.builder().data(Datum.builder().varCharValue("_col0").build()).build());
                }
                rows.add(Row.builder().data(Datum.builder().varCharValue("1").build()).build());
                return GetQueryResultsResponse.builder().resultSet(software.amazon.awssdk.services.athena.model.ResultSet
                        .builder().resultSetMetadata(ResultSetMetadata.builder().columnInfo(ColumnInfo.builder()
                                .name("_col0").label("_col0").type("integer").build()).build()).rows(rows).build())
                        .build();
            }
            return GetQueryResultsResponse.builder().updateCount(sub.equals("INSERT") ? 1L : 0L).build();
        }
    }
}
