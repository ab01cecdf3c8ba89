package ai.connecty.athena.jdbc.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every update, scrolling and LOB method a result set refuses, called the way a tool calls it: on an open result set
 * it refuses (0A000 for what Athena has not, 24000 for scrolling, which JDBC has a forward-only cursor refuse), on a
 * closed one it says "closed" (55000), never 0A000, on which pools evict the connection.
 */
class ReadOnlyRefusalsTest {
    private static ResultSet resultSet() {
        return InMemoryResultSet.create(null, List.of(new ColumnSpec("id", "integer")),
                Collections.singletonList(Arrays.asList("1")));
    }

    private static List<Method> refusals() {
        List<Method> methods = new ArrayList<>();
        for (Method method : ReadOnlyResultSetSupport.class.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers()) && Modifier.isFinal(method.getModifiers())) {
                methods.add(method);
            }
        }
        return methods;
    }

    private static Object[] defaults(Method method) {
        Class<?>[] types = method.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            if (types[i] == int.class) {
                args[i] = 1;
            } else if (types[i] == long.class) {
                args[i] = 1L;
            } else if (types[i] == boolean.class) {
                args[i] = true;
            } else if (types[i] == byte.class) {
                args[i] = (byte) 1;
            } else if (types[i] == short.class) {
                args[i] = (short) 1;
            } else if (types[i] == float.class) {
                args[i] = 1f;
            } else if (types[i] == double.class) {
                args[i] = 1d;
            } else if (types[i] == String.class) {
                args[i] = "id";
            }
        }
        return args;
    }

    /** What the call threw, or null if it returned (then its answer must be false: no row is updated). */
    private static SQLException call(ResultSet rs, Method method) throws Exception {
        try {
            Object answer = method.invoke(rs, defaults(method));
            assertThat(answer).as(method.toString()).isEqualTo(Boolean.FALSE);
            return null;
        } catch (InvocationTargetException e) {
            assertThat(e.getCause()).as(method.toString()).isInstanceOf(SQLException.class);
            return (SQLException) e.getCause();
        }
    }

    @Test
    void anOpenResultSetRefusesEachWithItsReason() throws Exception {
        ResultSet rs = resultSet();
        assertThat(rs.next()).isTrue();
        List<Method> methods = refusals();
        assertThat(methods).hasSizeGreaterThan(80);
        int answered = 0;
        for (Method method : methods) {
            SQLException refusal = call(rs, method);
            if (refusal == null) {
                answered++;
                continue;
            }
            boolean scrolling = Arrays.asList("beforeFirst", "afterLast", "first", "last", "absolute", "relative",
                    "previous").contains(method.getName());
            if (scrolling) {
                assertThat((Object) refusal).as(method.toString()).isNotInstanceOf(SQLFeatureNotSupportedException.class);
                assertThat(refusal.getSQLState()).as(method.toString()).isEqualTo("24000");
            } else {
                assertThat((Object) refusal).as(method.toString()).isInstanceOf(SQLFeatureNotSupportedException.class);
                assertThat(refusal.getSQLState()).as(method.toString()).isEqualTo("0A000");
            }
        }
        // rowUpdated, rowInserted, rowDeleted: a read-only cursor's rows never are.
        assertThat(answered).isEqualTo(3);
    }

    @Test
    void aClosedResultSetSaysClosedForEach() throws Exception {
        ResultSet rs = resultSet();
        rs.close();
        for (Method method : refusals()) {
            SQLException refusal = call(rs, method);
            assertThat((Object) refusal).as(method.toString()).isNotNull();
            assertThat(refusal.getSQLState()).as(method.toString()).isEqualTo("55000");
        }
    }
}
