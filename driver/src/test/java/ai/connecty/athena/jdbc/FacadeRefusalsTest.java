package ai.connecty.athena.jdbc;

import java.util.ArrayList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.jdbc.execution.AthenaQueryClient;
import ai.connecty.athena.jdbc.execution.PollingClock;
import ai.connecty.athena.jdbc.execution.QuerySettings;
import ai.connecty.athena.jdbc.results.ColumnSpec;
import ai.connecty.athena.jdbc.results.InMemoryResultSet;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The exact words and SQLStates of what the java.sql facade refuses, and its warning chains: tools and users
 * match on them, so they are pinned here (no network: nothing here reaches Athena).
 */
class FacadeRefusalsTest {
    private static final String FEATURE_NOT_SUPPORTED = "0A000";
    private static final String INVALID_PARAMETER = "HY024";

    private final AthenaConnection connection = AthenaConnection.withQueryClient("jdbc:connecty-athena://",
            new AthenaQueryClient(null, QuerySettings.builder().build()), PollingClock.SYSTEM);

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private static void refused(ThrowingCallable call, String sqlState, String message) {
        assertThatThrownBy(call).isInstanceOf(SQLException.class).hasMessage(message)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(sqlState));
    }

    private static void notSupported(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(SQLFeatureNotSupportedException.class);
        refused(call, FEATURE_NOT_SUPPORTED, message);
    }

    private static ResultSet resultSet() {
        return InMemoryResultSet.create(null, Arrays.asList(new ColumnSpec("id", "integer"), new ColumnSpec("name", "varchar")),
                Collections.singletonList(Arrays.asList("1", "a")));
    }

    /**
     * On a closed statement or result set, even a call it never supports says "closed" (55000): 0A000 would make a
     * pool evict a connection for what is the caller's use of a closed object.
     */
    @Test
    void refusedCallsOnClosedObjectsSayClosed() throws SQLException {
        Statement statement = connection.createStatement();
        statement.close();
        java.util.List<ThrowingCallable> statementCalls = Arrays.asList(
                () -> statement.executeUpdate("SELECT 1", new int[] {1}),
                () -> statement.executeUpdate("SELECT 1", new String[] {"id"}),
                () -> statement.executeLargeUpdate("SELECT 1", new int[] {1}),
                () -> statement.executeLargeUpdate("SELECT 1", new String[] {"id"}),
                () -> statement.execute("SELECT 1", new int[] {1}),
                () -> statement.execute("SELECT 1", new String[] {"id"}),
                () -> statement.execute("SELECT 1", Statement.RETURN_GENERATED_KEYS),
                () -> statement.executeUpdate("SELECT 1", 42));
        for (ThrowingCallable call : statementCalls) {
            assertThatThrownBy(call).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("55000"));
        }
        java.sql.PreparedStatement prepared = connection.prepareStatement("SELECT ?");
        prepared.close();
        assertThatThrownBy(() -> prepared.setObject(1, 1, (java.sql.SQLType) null)).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("55000"));

        ResultSet rs = resultSet();
        rs.close();
        for (ThrowingCallable call : Arrays.<ThrowingCallable>asList(() -> rs.updateInt(1, 2), () -> rs.updateRow(),
                () -> rs.absolute(1), () -> rs.previous(), () -> rs.beforeFirst(), () -> rs.moveToInsertRow())) {
            assertThatThrownBy(call).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("55000"));
        }
    }

    @Test
    void connectionRefusesWhatAthenaHasNot() {
        notSupported(() -> connection.prepareStatement("SELECT 1", new String[] {"id"}),
                "Athena has no generated keys (prepareStatement with column names)");
        notSupported(() -> connection.prepareStatement("SELECT 1", Statement.RETURN_GENERATED_KEYS),
                "Athena has no generated keys");
        notSupported(() -> connection.prepareCall("CALL p()"), "Athena has no stored procedures (prepareCall)");
        String noSavepoints = "Athena has no transactions, so no savepoints; with the connection property "
                + "Transactions=emulate they can be set, and rolling back to one succeeds while nothing was written since";
        notSupported(connection::setSavepoint, noSavepoints);
        notSupported(() -> connection.releaseSavepoint(null), noSavepoints);
        notSupported(connection::createClob, "createClob is not supported by the Athena driver");
        notSupported(() -> connection.setAutoCommit(false), "Athena has no transactions: the connection stays in auto-commit mode."
                + " Set the connection property Transactions=emulate to let transaction APIs run, each statement taking"
                + " effect when it completes");
        refused(connection::commit, "25000", "Cannot commit: the connection is in auto-commit mode (Athena has no transactions)");
    }

    @Test
    void closedConnectionSaysSoBeforeRefusing() throws SQLException {
        connection.close();

        refused(() -> connection.prepareStatement("SELECT 1"), "08003", "The connection is closed");
        refused(connection::createBlob, "08003", "The connection is closed");
        refused(connection::getWarnings, "08003", "The connection is closed");
        // Each call says "closed" before it looks at its arguments or refuses what Athena has not.
        List<ThrowingCallable> calls = Arrays.asList(() -> connection.prepareStatement(" "),
                () -> connection.prepareStatement(" ", 999, 999, 999), () -> connection.createStatement(999, 999, 999),
                () -> connection.prepareStatement("SELECT 1", Statement.RETURN_GENERATED_KEYS),
                () -> connection.prepareStatement("SELECT 1", new int[] {1}),
                () -> connection.prepareStatement("SELECT 1", new String[] {"id"}), () -> connection.prepareCall("x"),
                () -> connection.prepareCall("x", 1003, 1007), () -> connection.prepareCall("x", 1003, 1007, 1),
                () -> connection.rollback(null), connection::setSavepoint, () -> connection.setSavepoint(null),
                () -> connection.releaseSavepoint(null), connection::createClob, connection::createNClob,
                connection::createSQLXML, () -> connection.createArrayOf(null, null),
                () -> connection.createStruct(null, null), () -> connection.setShardingKey(null, null),
                () -> connection.setShardingKey(null), () -> connection.setShardingKeyIfValid(null, null, 1),
                () -> connection.setShardingKeyIfValid(null, 1));
        for (ThrowingCallable call : calls) {
            refused(call, "08003", "The connection is closed");
        }
    }

    /** A closed statement says so (55000) before it reads its arguments or refuses what Athena has not. */
    @Test
    void closedStatementSaysSoBeforeReadingItsArguments() throws SQLException {
        AthenaStatement statement = (AthenaStatement) connection.createStatement();
        java.sql.PreparedStatement prepared = connection.prepareStatement("SELECT ?");
        statement.close();
        prepared.close();
        List<ThrowingCallable> calls = Arrays.asList(statement::getQueryExecutionId, statement::getQueryStatistics,
                () -> statement.setCursorName("c"), () -> statement.setFetchDirection(999),
                () -> statement.executeLargeUpdate("SELECT 1", 42), () -> prepared.execute("SELECT 1"),
                () -> prepared.addBatch("SELECT 1"), () -> prepared.setObject(1, "x", java.sql.Types.INTEGER),
                () -> prepared.setObject(1, new Object()), () -> prepared.setRef(1, null),
                () -> prepared.setAsciiStream(1, null, -1), () -> prepared.setCharacterStream(1, null, -1L));
        for (ThrowingCallable call : calls) {
            assertThatThrownBy(call).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("55000"));
        }
    }

    @Test
    void connectionWarningsChainInOrderUntilCleared() throws SQLException {
        assertThat((Object) connection.getWarnings()).isNull();

        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        connection.addWarning(new SQLWarning("second"));
        connection.addWarning(new SQLWarning("third"));

        SQLWarning first = connection.getWarnings();
        assertThat(first.getMessage())
                .isEqualTo("Athena has no transactions; transaction isolation level 2 was ignored and stays TRANSACTION_NONE");
        assertThat(first.getNextWarning().getMessage()).isEqualTo("second");
        assertThat(first.getNextWarning().getNextWarning().getMessage()).isEqualTo("third");
        assertThat((Object) first.getNextWarning().getNextWarning().getNextWarning()).isNull();
        connection.clearWarnings();
        assertThat((Object) connection.getWarnings()).isNull();
    }

    /**
     * JDBC has setTransactionIsolation refuse a value that is no Connection constant. TRANSACTION_NONE stays
     * accepted without a warning: pools such as HikariCP set back the level they read, which is NONE here.
     */
    @Test
    void transactionIsolationOutsideTheConnectionConstantsIsRefusedWithoutAWarning() throws SQLException {
        refused(() -> connection.setTransactionIsolation(42), INVALID_PARAMETER, "Unknown transaction isolation level 42: "
                + "expected a Connection.TRANSACTION_* constant (Athena has no transactions: the level stays TRANSACTION_NONE)");
        refused(() -> connection.setTransactionIsolation(3), INVALID_PARAMETER, "Unknown transaction isolation level 3: "
                + "expected a Connection.TRANSACTION_* constant (Athena has no transactions: the level stays TRANSACTION_NONE)");
        assertThat((Object) connection.getWarnings()).isNull();

        connection.setTransactionIsolation(Connection.TRANSACTION_NONE);
        assertThat((Object) connection.getWarnings()).isNull();
        connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
        assertThat(connection.getWarnings().getMessage()).isEqualTo(
                "Athena has no transactions; transaction isolation level 8 was ignored and stays TRANSACTION_NONE");
        assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_NONE);
    }

    /**
     * Without transactions no commit closes a cursor, so both holdabilities are honoured as asked: each statement
     * reports the one it was created with (the connection's at the time, or the one passed); DatabaseMetaData
     * says so (StatementSurfaceTest, which has the AWS clients metadata needs). Metabase asks CLOSE_CURSORS_AT_COMMIT of every statement it creates. A
     * value that is neither constant is refused with HY024.
     */
    @Test
    void bothHoldabilitiesAreTakenAndEachStatementReportsItsOwn() throws SQLException {
        assertThat(connection.getHoldability()).isEqualTo(ResultSet.HOLD_CURSORS_OVER_COMMIT);
        Statement held = connection.createStatement();

        connection.setHoldability(ResultSet.CLOSE_CURSORS_AT_COMMIT);
        assertThat(connection.getHoldability()).isEqualTo(ResultSet.CLOSE_CURSORS_AT_COMMIT);
        assertThat(connection.createStatement().getResultSetHoldability()).isEqualTo(ResultSet.CLOSE_CURSORS_AT_COMMIT);
        assertThat(connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)
                .getResultSetHoldability()).isEqualTo(ResultSet.CLOSE_CURSORS_AT_COMMIT);
        assertThat(connection.prepareStatement("SELECT 1").getResultSetHoldability())
                .isEqualTo(ResultSet.CLOSE_CURSORS_AT_COMMIT);
        assertThat(held.getResultSetHoldability()).as("a statement keeps the holdability it was created with")
                .isEqualTo(ResultSet.HOLD_CURSORS_OVER_COMMIT);

        connection.setHoldability(ResultSet.HOLD_CURSORS_OVER_COMMIT);
        assertThat(connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY,
                ResultSet.CLOSE_CURSORS_AT_COMMIT).getResultSetHoldability()).isEqualTo(ResultSet.CLOSE_CURSORS_AT_COMMIT);
        assertThat(connection.prepareStatement("SELECT 1", ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY,
                ResultSet.CLOSE_CURSORS_AT_COMMIT).getResultSetHoldability()).isEqualTo(ResultSet.CLOSE_CURSORS_AT_COMMIT);
        assertThat(connection.createStatement().getResultSetHoldability()).isEqualTo(ResultSet.HOLD_CURSORS_OVER_COMMIT);
        assertThat((Object) connection.getWarnings()).as("taken without a warning: nothing was changed").isNull();

        String unknown = "Unknown holdability 99: expected ResultSet.HOLD_CURSORS_OVER_COMMIT (1) or "
                + "CLOSE_CURSORS_AT_COMMIT (2)";
        refused(() -> connection.setHoldability(99), INVALID_PARAMETER, unknown);
        refused(() -> connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY, 99),
                INVALID_PARAMETER, unknown);
        refused(() -> connection.prepareStatement("SELECT 1", ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY, 99),
                INVALID_PARAMETER, unknown);
        assertThat(connection.getHoldability()).isEqualTo(ResultSet.HOLD_CURSORS_OVER_COMMIT);
    }

    /**
     * JDBC separates a type or concurrency that is no ResultSet constant (SQLException) from a valid one the driver
     * lacks (SQLFeatureNotSupportedException), as the holdability already is: a stray value is the caller's bad
     * argument, HY024, not 0A000, on which pools evict the connection.
     */
    @Test
    void resultSetTypeOrConcurrencyOutsideTheResultSetConstantsIsABadArgument() throws SQLException {
        int readOnly = ResultSet.CONCUR_READ_ONLY;
        int forward = ResultSet.TYPE_FORWARD_ONLY;
        int hold = ResultSet.HOLD_CURSORS_OVER_COMMIT;
        List<ThrowingCallable> unknownType = Arrays.asList(() -> connection.createStatement(42, readOnly),
                () -> connection.createStatement(42, readOnly, hold), () -> connection.prepareStatement("SELECT 1", 42, readOnly),
                () -> connection.prepareStatement("SELECT 1", 42, readOnly, hold));
        for (ThrowingCallable call : unknownType) {
            refused(call, INVALID_PARAMETER, "Unknown result set type 42: expected ResultSet.TYPE_FORWARD_ONLY (1003), "
                    + "TYPE_SCROLL_INSENSITIVE (1004) or TYPE_SCROLL_SENSITIVE (1005)");
        }
        List<ThrowingCallable> unknownConcurrency = Arrays.asList(() -> connection.createStatement(forward, 7),
                () -> connection.prepareStatement("SELECT 1", forward, 7, hold));
        for (ThrowingCallable call : unknownConcurrency) {
            refused(call, INVALID_PARAMETER, "Unknown result set concurrency 7: expected ResultSet.CONCUR_READ_ONLY (1007) "
                    + "or CONCUR_UPDATABLE (1008)");
        }
    }

    /**
     * JDBC 4.3 §15.1.1 and §15.1.2: a result set type or concurrency the driver does not support is replaced by the
     * closest one it does, with a SQLWarning on the connection, rather than refused (a refusal with 0A000 would also
     * make HikariCP evict the connection).
     */
    @Test
    void anUnsupportedResultSetTypeOrConcurrencyIsDowngradedWithAWarning() throws SQLException {
        int hold = ResultSet.HOLD_CURSORS_OVER_COMMIT;
        List<Statement> statements = Arrays.asList(
                connection.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY),
                connection.createStatement(ResultSet.TYPE_SCROLL_SENSITIVE, ResultSet.CONCUR_UPDATABLE, hold),
                connection.prepareStatement("SELECT 1", ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE),
                connection.prepareStatement("SELECT 1", ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_UPDATABLE, hold));
        for (Statement statement : statements) {
            assertThat(statement.getResultSetType()).isEqualTo(ResultSet.TYPE_FORWARD_ONLY);
            assertThat(statement.getResultSetConcurrency()).isEqualTo(ResultSet.CONCUR_READ_ONLY);
        }
        List<String> warnings = new ArrayList<>();
        for (SQLWarning w = connection.getWarnings(); w != null; w = w.getNextWarning()) {
            assertThat(w.getSQLState()).isEqualTo("01000");
            warnings.add(w.getMessage());
        }
        assertThat(warnings).containsExactly(
                "Athena result sets are TYPE_FORWARD_ONLY and CONCUR_READ_ONLY: asked for TYPE_SCROLL_INSENSITIVE, "
                        + "the statement's result sets are TYPE_FORWARD_ONLY and CONCUR_READ_ONLY",
                "Athena result sets are TYPE_FORWARD_ONLY and CONCUR_READ_ONLY: asked for TYPE_SCROLL_SENSITIVE and "
                        + "CONCUR_UPDATABLE, the statement's result sets are TYPE_FORWARD_ONLY and CONCUR_READ_ONLY",
                "Athena result sets are TYPE_FORWARD_ONLY and CONCUR_READ_ONLY: asked for CONCUR_UPDATABLE, the "
                        + "statement's result sets are TYPE_FORWARD_ONLY and CONCUR_READ_ONLY",
                "Athena result sets are TYPE_FORWARD_ONLY and CONCUR_READ_ONLY: asked for TYPE_SCROLL_INSENSITIVE and "
                        + "CONCUR_UPDATABLE, the statement's result sets are TYPE_FORWARD_ONLY and CONCUR_READ_ONLY");
        connection.clearWarnings();
        connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        assertThat((Object) connection.getWarnings()).as("what is supported warns of nothing").isNull();
    }

    /** JDBC refuses an autoGeneratedKeys that is no Statement constant; the driver must do so before sending anything. */
    @Test
    void autoGeneratedKeysOutsideTheStatementConstantsIsRefused() throws SQLException {
        String message = "autoGeneratedKeys must be Statement.RETURN_GENERATED_KEYS (1) or Statement.NO_GENERATED_KEYS (2), "
                + "was 42";
        refused(() -> connection.prepareStatement("SELECT 1", 42), INVALID_PARAMETER, message);
        Statement statement = connection.createStatement();
        // This connection has no Athena client: had anything been sent, the call would fail otherwise.
        refused(() -> statement.execute("SELECT 1", 42), INVALID_PARAMETER, message);
        refused(() -> statement.executeUpdate("INSERT INTO t VALUES (1)", 42), INVALID_PARAMETER, message);
        refused(() -> statement.executeLargeUpdate("INSERT INTO t VALUES (1)", 42), INVALID_PARAMETER, message);

        assertThat(connection.prepareStatement("SELECT 1", Statement.NO_GENERATED_KEYS)).isNotNull();
    }

    /**
     * JDBC: "By default, a Statement object is not poolable when created, and a PreparedStatement and
     * CallableStatement are poolable when created." Statement caches (and pools that keep one) ask isPoolable.
     */
    @Test
    void preparedStatementsArePoolableWhenCreatedAndPlainStatementsAreNot() throws SQLException {
        Statement statement = connection.createStatement();
        java.sql.PreparedStatement prepared = connection.prepareStatement("SELECT ?");

        assertThat(statement.isPoolable()).isFalse();
        assertThat(prepared.isPoolable()).isTrue();
        prepared.setPoolable(false);
        statement.setPoolable(true);
        assertThat(prepared.isPoolable()).isFalse();
        assertThat(statement.isPoolable()).isTrue();
    }

    /**
     * JDBC 4.3's enquote defaults follow SQL:2003, not Athena: enquoteNCharLiteral writes N'...', which Athena's
     * parser has no rule for; enquoteIdentifier refuses a name holding a double quote (Athena writes it doubled)
     * or longer than 128 characters (Glue allows 255) with a SQLState-less "Invalid name"; and isSimpleIdentifier
     * calls reserved words such as SELECT simple, so enquoteIdentifier(name, false) leaves them bare.
     */
    @Test
    void enquoteMethodsFollowAthenasQuotingRules() throws SQLException {
        Statement statement = connection.createStatement();

        assertThat(statement.enquoteLiteral("it's")).isEqualTo("'it''s'");
        assertThat(statement.enquoteNCharLiteral("it's \u00e9")).isEqualTo("'it''s \u00e9'");

        assertThat(statement.isSimpleIdentifier("sales_2024")).isTrue();
        assertThat(statement.enquoteIdentifier("sales_2024", false)).isEqualTo("sales_2024");
        assertThat(statement.enquoteIdentifier("sales_2024", true)).isEqualTo("\"sales_2024\"");
        for (String reserved : new String[] {"select", "Order", "TABLE", "values", "current_date"}) {
            assertThat(statement.isSimpleIdentifier(reserved)).as(reserved).isFalse();
            assertThat(statement.enquoteIdentifier(reserved, false)).isEqualTo("\"" + reserved + "\"");
        }
        assertThat(statement.isSimpleIdentifier("2024_sales")).isFalse();
        assertThat(statement.enquoteIdentifier("my col", false)).isEqualTo("\"my col\"");
        assertThat(statement.enquoteIdentifier("say \"hi\"", false)).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(statement.enquoteIdentifier("\"Already quoted\"", false)).isEqualTo("\"Already quoted\"");
        assertThat(statement.enquoteIdentifier("\"a\"\"b\"", true)).isEqualTo("\"a\"\"b\"");
        String longName = String.join("", Collections.nCopies(255, "c"));
        assertThat(statement.enquoteIdentifier(longName, false)).isEqualTo("\"" + longName + "\"");

        assertThat(statement.isSimpleIdentifier(null)).isFalse();
        refused(() -> statement.enquoteLiteral(null), INVALID_PARAMETER,
                "enquoteLiteral: the value is null; write NULL into the SQL for SQL NULL");
        refused(() -> statement.enquoteIdentifier(null, true), INVALID_PARAMETER,
                "enquoteIdentifier: the identifier is null; pass the name to quote");
        refused(() -> statement.enquoteIdentifier("", false), INVALID_PARAMETER,
                "enquoteIdentifier: the identifier is empty; Athena names have 1 or more characters");
        refused(() -> statement.enquoteIdentifier("a\u0000b", true), INVALID_PARAMETER,
                "enquoteIdentifier: the identifier contains the character U+0000, which no Athena name can hold");
        statement.close();
        refused(() -> statement.enquoteIdentifier("x", false), "55000", "The statement is closed");
        refused(() -> statement.enquoteLiteral("x"), "55000", "The statement is closed");
    }

    @Test
    void statementRefusesBatchesKeysCursorsAndBackwardFetching() throws SQLException {
        Statement statement = connection.createStatement();

        refused(() -> statement.addBatch(" "), INVALID_PARAMETER, "addBatch: the SQL text is empty");
        assertThat(statement.executeLargeBatch()).isEmpty();
        notSupported(statement::getGeneratedKeys, "Athena has no generated keys");
        notSupported(() -> statement.execute("SELECT 1", Statement.RETURN_GENERATED_KEYS), "Athena has no generated keys");
        notSupported(() -> statement.executeUpdate("SELECT 1", new int[] {1}), "Athena has no generated keys");
        notSupported(() -> statement.setCursorName("c"), "Named cursors are not supported by Athena");
        refused(() -> statement.setFetchSize(-1), INVALID_PARAMETER, "Fetch size must be 0 or more, was -1");

        statement.setFetchDirection(ResultSet.FETCH_FORWARD);
        statement.setFetchSize(7);
        assertThat(statement.getFetchSize()).isEqualTo(7);
        assertThat(statement.getFetchDirection()).isEqualTo(ResultSet.FETCH_FORWARD);
        assertThat((Object) statement.getWarnings()).isNull();
        statement.close();
        refused(statement::getWarnings, "55000", "The statement is closed");
        refused(statement::clearBatch, "55000", "The statement is closed");
    }

    /**
     * Statement.setFetchDirection is a hint for the result sets to come, and JDBC refuses only a value that is none of
     * FETCH_FORWARD, FETCH_REVERSE and FETCH_UNKNOWN. The result sets stay forward-only and say so; a result set
     * itself refuses any direction but FETCH_FORWARD, as JDBC has it for TYPE_FORWARD_ONLY.
     */
    @Test
    void statementTakesEveryFetchDirectionAsAHintAndRefusesOtherValues() throws SQLException {
        Statement statement = connection.createStatement();
        for (int direction : new int[] {ResultSet.FETCH_REVERSE, ResultSet.FETCH_UNKNOWN, ResultSet.FETCH_FORWARD}) {
            statement.setFetchDirection(direction);
            assertThat(statement.getFetchDirection()).as("result sets of this statement read forward")
                    .isEqualTo(ResultSet.FETCH_FORWARD);
        }
        refused(() -> statement.setFetchDirection(42), INVALID_PARAMETER, "Fetch direction 42 is none of "
                + "ResultSet.FETCH_FORWARD (1000), FETCH_REVERSE (1001) and FETCH_UNKNOWN (1002)");
        assertThat((Object) statement.getWarnings()).isNull();
    }

    @Test
    void resultSetRefusesUpdatesScrollingAndLobs() throws SQLException {
        ResultSet rs = resultSet();
        rs.next();
        Map<String, Class<?>> typeMap = new HashMap<>();
        typeMap.put("row", Object.class);

        notSupported(() -> rs.updateInt(1, 2),
                "Athena result sets are read-only (CONCUR_READ_ONLY): run an INSERT or UPDATE statement instead");
        notSupported(() -> rs.getBlob("name"), "getBlob is not supported by the Athena driver; use getString or getObject");
        notSupported(rs::getCursorName, "getCursorName is not supported by the Athena driver; use getString or getObject");
        // Athena has no user-defined types for a map to name: JDBC's standard mapping applies, as for an empty map.
        assertThat(rs.getObject(1, typeMap)).isEqualTo(rs.getObject(1));
        refused(() -> rs.setFetchDirection(ResultSet.FETCH_UNKNOWN), INVALID_PARAMETER,
                "Only FETCH_FORWARD is supported: Athena result sets are forward-only");
        refused(() -> rs.setFetchSize(-2), INVALID_PARAMETER, "Fetch size must be 0 or more, was -2");
        refused(() -> rs.getInt(3), "07009", "Column index 3 is out of range: the result has 2 columns");
        refused(() -> rs.getObject(1, (Class<?>) null), INVALID_PARAMETER, "getObject(1, type): type must not be null");

        rs.setFetchSize(9);
        assertThat(rs.getFetchSize()).isEqualTo(9);
        assertThat((Object) rs.getWarnings()).isNull();
        rs.clearWarnings();
        rs.close();
        refused(() -> rs.getClob(1), "55000", "The result set is closed");
        refused(rs::getWarnings, "55000", "The result set is closed");
    }

    /**
     * JDBC has each scrolling method throw SQLException when "the result set type is TYPE_FORWARD_ONLY", and keeps
     * SQLFeatureNotSupportedException for a driver without the method. The type is the reason here, so the refusal
     * is a cursor-state error (24000), not 0A000: HikariCP evicts a connection on 0A000, and tools such as report
     * engines call beforeFirst() or last() and catch the exception.
     */
    @Test
    void scrollingAForwardOnlyResultSetIsACursorStateErrorNotAMissingFeature() throws SQLException {
        ResultSet rs = resultSet();
        List<ThrowingCallable> scrolling = Arrays.asList(rs::beforeFirst, rs::afterLast, rs::first, rs::last,
                () -> rs.absolute(1), () -> rs.relative(1), rs::previous);
        for (boolean onRow : new boolean[] {false, true}) {
            if (onRow) {
                rs.next();
            }
            for (ThrowingCallable call : scrolling) {
                assertThatThrownBy(call).isNotInstanceOf(SQLFeatureNotSupportedException.class);
                refused(call, "24000", "Athena result sets are forward-only (TYPE_FORWARD_ONLY): read rows in order "
                        + "with next()");
            }
        }
        assertThat(rs.getRow()).as("a refused move leaves the cursor where it was").isEqualTo(1);
        assertThat(rs.getString("name")).isEqualTo("a");
    }

    /**
     * The JDBC 4.2/4.3 methods the JDK gives a default body throw a SQLFeatureNotSupportedException without a
     * SQLState and without looking whether the object is closed. The driver's own refusals say 0A000 with a
     * message, and "closed" on a closed object (08003 / 55000), as for every other method.
     */
    @Test
    void jdbcDefaultMethodsRefuseWithASqlStateAndSayClosedWhenClosed() throws SQLException {
        java.sql.ShardingKey key = null;
        String readOnly = "Athena result sets are read-only (CONCUR_READ_ONLY): run an INSERT or UPDATE statement instead";
        ResultSet rs = resultSet();
        rs.next();
        List<ThrowingCallable> updates = Arrays.asList(() -> rs.updateObject(1, 2, java.sql.JDBCType.INTEGER),
                () -> rs.updateObject(1, 2, java.sql.JDBCType.DECIMAL, 0),
                () -> rs.updateObject("id", 2, java.sql.JDBCType.INTEGER),
                () -> rs.updateObject("id", 2, java.sql.JDBCType.DECIMAL, 0));
        for (ThrowingCallable call : updates) {
            notSupported(call, readOnly);
        }
        String sharding = "Athena has no shards: setShardingKey is not supported";
        notSupported(() -> connection.setShardingKey(key), sharding);
        notSupported(() -> connection.setShardingKey(key, key), sharding);
        notSupported(() -> connection.setShardingKeyIfValid(key, 1), sharding);
        notSupported(() -> connection.setShardingKeyIfValid(key, key, 1), sharding);

        rs.close();
        for (ThrowingCallable call : updates) {
            refused(call, "55000", "The result set is closed");
        }
        connection.close();
        refused(() -> connection.setShardingKey(key), "08003", "The connection is closed");
        refused(() -> connection.setShardingKeyIfValid(key, key, 1), "08003", "The connection is closed");
    }

    @Test
    void primitiveGettersReadZeroOrFalseForNull() throws SQLException {
        ResultSet rs = InMemoryResultSet.create(null, Arrays.asList(new ColumnSpec("b", "boolean"), new ColumnSpec("n", "double")),
                Arrays.asList(Arrays.asList(null, null), Arrays.asList("true", "2.5")));

        rs.next();
        assertThat(rs.getBoolean(1)).isFalse();
        assertThat(rs.getByte(2)).isZero();
        assertThat(rs.getShort(2)).isZero();
        assertThat(rs.getFloat(2)).isZero();
        assertThat(rs.getDouble("n")).isZero();
        assertThat(rs.wasNull()).isTrue();
        assertThat(rs.getAsciiStream(1)).isNull();
        rs.next();
        assertThat(rs.getBoolean("b")).isTrue();
        assertThat(rs.getDouble(2)).isEqualTo(2.5d);
        assertThat(rs.getFloat(2)).isEqualTo(2.5f);
        assertThat(rs.wasNull()).isFalse();
    }

    @Test
    void metadataAnswersTheSameForEveryColumnButChecksTheIndex() throws SQLException {
        ResultSetMetaData md = resultSet().getMetaData();

        for (int column = 1; column <= 2; column++) {
            assertThat(md.isAutoIncrement(column)).isFalse();
            assertThat(md.isSearchable(column)).isTrue();
            assertThat(md.isCurrency(column)).isFalse();
            assertThat(md.isWritable(column)).isFalse();
            assertThat(md.isDefinitelyWritable(column)).isFalse();
            assertThat(md.getSchemaName(column)).isEmpty();
        }
        List<ThrowingCallable> outOfRange = Arrays.asList(() -> md.isAutoIncrement(0), () -> md.isSearchable(3),
                () -> md.getSchemaName(3), () -> md.getColumnLabel(0), () -> md.getColumnType(3), () -> md.isWritable(-1));
        for (ThrowingCallable call : outOfRange) {
            assertThatThrownBy(call).hasMessageStartingWith("Column index ").hasMessageEndingWith(" is out of range: the result has 2 columns")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("07009"));
        }
    }

    @Test
    void catalogAndSchemaMustBeNamed() throws SQLException {
        refused(() -> connection.setCatalog(" "), INVALID_PARAMETER, "Catalog must not be empty");
        refused(() -> connection.setSchema(null), INVALID_PARAMETER, "Schema (database) must not be empty");

        connection.setCatalog(" lake ");
        connection.setSchema(" sales ");
        assertThat(connection.getCatalog()).isEqualTo("lake");
        assertThat(connection.getSchema()).isEqualTo("sales");
    }

    @Test
    void networkTimeoutIsValidatedAndReported() throws SQLException {
        assertThat(connection.getNetworkTimeout()).isZero();
        connection.setNetworkTimeout(Runnable::run, 2500);
        assertThat(connection.getNetworkTimeout()).isEqualTo(2500);
        refused(() -> connection.setNetworkTimeout(Runnable::run, -1), INVALID_PARAMETER,
                "Network timeout must be 0 or more milliseconds, was -1");
        refused(() -> connection.setNetworkTimeout(null, 1000), INVALID_PARAMETER,
                "setNetworkTimeout needs an executor (JDBC refuses null), even though this driver runs nothing on it");
        assertThat(connection.getNetworkTimeout()).as("a refused call changes nothing").isEqualTo(2500);
    }

    /** A negative limit is refused (HY024) and leaves the one set before; a limit beyond an int reads as the largest int. */
    @Test
    void statementLimitsAreValidatedAndALargeMaxRowsReadsAsTheLargestInt() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setMaxRows(7);
            statement.setMaxFieldSize(9);
            statement.setQueryTimeout(11);
            refused(() -> statement.setMaxRows(-1), INVALID_PARAMETER, "Max rows must be 0 (no limit) or more, was -1");
            refused(() -> statement.setLargeMaxRows(-1), INVALID_PARAMETER, "Max rows must be 0 (no limit) or more, was -1");
            refused(() -> statement.setMaxFieldSize(-1), INVALID_PARAMETER, "Max field size must be 0 or more, was -1");
            refused(() -> statement.setQueryTimeout(-1), INVALID_PARAMETER,
                    "Query timeout must be 0 (none) or more seconds, was -1");
            assertThat(statement.getMaxRows()).isEqualTo(7);
            assertThat(statement.getMaxFieldSize()).isEqualTo(9);
            assertThat(statement.getQueryTimeout()).isEqualTo(11);

            statement.setMaxRows(0);
            statement.setMaxFieldSize(0);
            statement.setQueryTimeout(0);
            assertThat(statement.getLargeMaxRows()).isZero();
            assertThat(statement.getMaxFieldSize()).isZero();
            assertThat(statement.getQueryTimeout()).isZero();

            statement.setLargeMaxRows(5_000_000_000L);
            assertThat(statement.getLargeMaxRows()).isEqualTo(5_000_000_000L);
            assertThat(statement.getMaxRows()).isEqualTo(Integer.MAX_VALUE);
        }
    }

    @Test
    void isValidRefusesANegativeTimeoutAndIsFalseOnceClosed() throws SQLException {
        refused(() -> connection.isValid(-1), INVALID_PARAMETER, "Timeout must be 0 or more seconds, was -1");
        assertThat(connection.isValid(0)).isTrue();
        connection.close();
        assertThat(connection.isValid(0)).isFalse();
    }

    /** What is set reads back, and what is cleared is gone: pools and tools reset a connection through these. */
    @Test
    void settingsReadBackAndClearsEmpty() throws SQLException {
        assertThat(connection.isReadOnly()).isFalse();
        connection.setReadOnly(true);
        assertThat(connection.isReadOnly()).isTrue();
        Map<String, Class<?>> types = new HashMap<>();
        types.put("point", String.class);
        connection.setTypeMap(types);
        assertThat(connection.getTypeMap()).isSameAs(types);
        connection.setTypeMap(null);
        assertThat(connection.getTypeMap()).isEmpty();
        assertThat(connection.getTypeMap()).as("a map the caller may fill").isInstanceOf(HashMap.class);
        assertThat(connection.nativeSQL("SELECT {fn ucase('a')}")).isEqualTo("SELECT upper('a')");
        assertThat(connection.unwrap(AthenaConnection.class)).isSameAs(connection);
        assertThat(connection.isWrapperFor(AthenaConnection.class)).isTrue();
        assertThat(connection.isWrapperFor(Statement.class)).isFalse();
        assertThat(connection.isWrapperFor(null)).isFalse();

        try (Statement statement = connection.createStatement()) {
            assertThat(statement.getConnection()).isSameAs(connection);
            assertThat(statement.isCloseOnCompletion()).isFalse();
            statement.closeOnCompletion();
            assertThat(statement.isCloseOnCompletion()).isTrue();
            assertThat(statement.isWrapperFor(AthenaStatement.class)).isTrue();
            assertThat(statement.isWrapperFor(Connection.class)).isFalse();
            assertThat(statement.isWrapperFor(null)).isFalse();
            assertThatThrownBy(() -> statement.unwrap(Connection.class)).isInstanceOf(SQLException.class);
            statement.addBatch("INSERT INTO t VALUES (1)");
            statement.clearBatch();
            assertThat(statement.executeBatch()).as("the cleared batch ran nothing").isEmpty();
            assertThat(statement.getMoreResults()).isFalse();
        }
        try (java.sql.PreparedStatement ps = connection.prepareStatement("SELECT ?")) {
            ps.setInt(1, 1);
            ps.clearParameters();
            refused(ps::execute, "07001", "Parameter 1 of 1 is not set: set every ? before executing (setNull for NULL)");
            ps.setDate(1, java.sql.Date.valueOf("2020-01-02"), null);
            ps.setTime(1, java.sql.Time.valueOf("03:04:05"), null);
            ps.setTimestamp(1, null, java.util.Calendar.getInstance());
            assertThat(ps.getParameterMetaData().getParameterTypeName(1)).isEqualTo("timestamp");
            ps.setDate(1, null, java.util.Calendar.getInstance());
            assertThat(ps.getParameterMetaData().getParameterTypeName(1)).isEqualTo("date");
            ps.setTime(1, null, java.util.Calendar.getInstance());
            assertThat(ps.getParameterMetaData().getParameterTypeName(1)).isEqualTo("time");
        }
    }
}
