package ai.connecty.athena.tests;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A DataSource over the driver's that records what a framework calls on the JDBC objects it hands out: each
 * {@code setAutoCommit} and {@code setQueryTimeout} argument, and the driver's own statements and result sets (not
 * proxies), so that a test can ask them afterwards whether the framework closed them. Everything else passes through.
 */
final class RecordingDataSource implements DataSource {
    private final DataSource target;
    private final List<Boolean> autoCommits = new CopyOnWriteArrayList<>();
    private final List<Integer> queryTimeouts = new CopyOnWriteArrayList<>();
    private final List<Statement> statements = new CopyOnWriteArrayList<>();
    private final List<ResultSet> resultSets = new CopyOnWriteArrayList<>();

    RecordingDataSource(DataSource target) {
        this.target = target;
    }

    /** The arguments of every {@code Connection.setAutoCommit} call, in order. */
    List<Boolean> autoCommits() {
        return List.copyOf(autoCommits);
    }

    /** The arguments of every {@code Statement.setQueryTimeout} call, in order. */
    List<Integer> queryTimeouts() {
        return List.copyOf(queryTimeouts);
    }

    /** The driver's statements handed out, in order. */
    List<Statement> statements() {
        return List.copyOf(statements);
    }

    /** The driver's result sets handed out ({@code executeQuery}, {@code getResultSet}), in order. */
    List<ResultSet> resultSets() {
        return List.copyOf(resultSets);
    }

    void clear() {
        autoCommits.clear();
        queryTimeouts.clear();
        statements.clear();
        resultSets.clear();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connection(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return connection(target.getConnection(username, password));
    }

    private Connection connection(Connection real) {
        return proxy(Connection.class, real, (method, args) -> {
            if (method.getName().equals("setAutoCommit")) {
                autoCommits.add((Boolean) args[0]);
            }
        }, result -> {
            if (result instanceof CallableStatement callable) {
                return statement(CallableStatement.class, callable);
            }
            if (result instanceof PreparedStatement prepared) {
                return statement(PreparedStatement.class, prepared);
            }
            if (result instanceof Statement plain) {
                return statement(Statement.class, plain);
            }
            return result;
        });
    }

    private <S extends Statement> S statement(Class<S> type, S real) {
        statements.add(real);
        return proxy(type, real, (method, args) -> {
            if (method.getName().equals("setQueryTimeout")) {
                queryTimeouts.add((Integer) args[0]);
            }
        }, result -> {
            if (result instanceof ResultSet rows) {
                resultSets.add(rows);
            }
            return result;
        });
    }

    /** What a proxy records of a call before it runs (so that a call that fails is recorded too). */
    private interface BeforeCall {
        void record(Method method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, T real, BeforeCall before, UnaryOperator<Object> wrapResult) {
        Object proxy = Proxy.newProxyInstance(RecordingDataSource.class.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> {
                    before.record(method, args);
                    Object result;
                    try {
                        result = method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    return wrapResult.apply(result);
                });
        return type.cast(proxy);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || target.isWrapperFor(iface);
    }
}
