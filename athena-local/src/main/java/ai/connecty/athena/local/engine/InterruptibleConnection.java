package ai.connecty.athena.local.engine;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A query's DuckDB connection that another thread can interrupt safely. Closing a DuckDB JDBC connection from
 * another thread can deadlock: {@code Connection.close()} takes the connection lock and then each statement's lock,
 * while a statement starting on the query thread holds its own lock and waits for the connection lock.
 * {@code Statement.cancel()} only takes the connection lock, so interrupting cancels every statement made here
 * instead, and refuses new ones; the query thread closes the connection itself.
 */
final class InterruptibleConnection implements InvocationHandler {

    private final Connection target;
    private final Set<Statement> statements = ConcurrentHashMap.newKeySet();
    private volatile boolean interrupted;

    private InterruptibleConnection(Connection target) {
        this.target = target;
    }

    /** The proxy the query uses, and the handle that interrupts it. */
    record Tracked(Connection connection, InterruptibleConnection handle) {
    }

    static Tracked wrap(Connection target) {
        InterruptibleConnection handle = new InterruptibleConnection(target);
        Connection proxy = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, handle);
        return new Tracked(proxy, handle);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        boolean createsStatement = method.getName().equals("createStatement")
                || method.getName().equals("prepareStatement");
        if (createsStatement && interrupted) {
            throw new SQLException("The query was stopped");
        }
        Object result;
        try {
            result = method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (createsStatement) {
            statements.removeIf(InterruptibleConnection::isClosed);
            statements.add((Statement) result);
        }
        return result;
    }

    /**
     * Interrupts whatever DuckDB runs for this query now and refuses further statements. A statement that has
     * not reached DuckDB yet is not affected, so callers repeat this until the query thread has let go.
     */
    void interrupt() {
        interrupted = true;
        for (Statement s : statements) {
            try {
                if (!s.isClosed()) {
                    s.cancel();
                }
            } catch (SQLException | RuntimeException e) {
                // closed meanwhile: nothing left to interrupt
            }
        }
    }

    private static boolean isClosed(Statement s) {
        try {
            return s.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }
}
