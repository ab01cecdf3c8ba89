package ai.connecty.athena.jdbc.wiremock;

import static ai.connecty.athena.jdbc.wiremock.AthenaWire.execution;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.json;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.operation;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.page;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.row;
import static ai.connecty.athena.jdbc.wiremock.AthenaWire.started;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.jdbc.AthenaDataSource;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What DBeaver, connection pools and BI tools do to a driver: call every public method of the java.sql objects
 * with whatever they have at hand (nulls, 0, "", empty arrays, a valid column) on open and on closed objects.
 * Nothing but a SQLException may come out, and a closed object refuses everything except the few calls JDBC
 * allows on it. Violations are collected and reported together, so one run shows all of them.
 */
@Timeout(120)
class ToolCompatibilityTest {
    /** One row of every Athena type, as GetQueryResults renders it (measured behaviour §3.1). */
    private static final String[][] COLUMNS = {
            {"id", "integer", "1"}, {"name", "varchar", "a"}, {"flag", "boolean", "true"}, {"t", "tinyint", "1"},
            {"s", "smallint", "2"}, {"big", "bigint", "9223372036854775807"}, {"r", "float", "1.5"},
            {"d", "double", "1.0E20"}, {"dec", "decimal", "12.50"}, {"c", "char", "x "}, {"bin", "varbinary", "01 02"},
            {"day", "date", "2020-01-01"}, {"ts", "timestamp", "2020-01-01 12:34:56.789"},
            {"tstz", "timestamp with time zone", "2026-09-17 12:34:56.789 UTC"}, {"tm", "time", "12:34:56.789"},
            {"tmtz", "time with time zone", "12:34:56.789+00:00"}, {"arr", "array", "[1, 2, 3]"},
            {"m", "map", "{k=1}"}, {"rw", "row", "{id=1, name=x}"}, {"js", "json", "{\"a\":1}"},
            {"ids", "interval day to second", "1 00:00:00.000"}, {"iym", "interval year to month", "1-0"},
            {"u", "uuid", "12151fd2-7586-11e9-8f9e-2a86e4085a59"}, {"ip", "ipaddress", "10.0.0.1"},
            {"n", "varchar", null}, {"e", "varchar", ""}, {"dnan", "double", "NaN"}, {"huge", "decimal", "1E+400"},
    };

    /** One server for the class; the stubs set once in {@link #stubAthena()} serve every test, so no reset. */
    @RegisterExtension
    static final WireMockExtension wire = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).resetOnEachTest(false).build();
    private final List<String> violations = new ArrayList<>();

    @BeforeAll
    static void stubAthena() {
        // Anything not stubbed below (Glue, Athena catalog calls, StopQueryExecution) answers an empty object.
        wire.stubFor(any(anyUrl()).atPriority(10).willReturn(json("{}")));
        wire.stubFor(operation("StartQueryExecution").willReturn(json(started())));
        wire.stubFor(operation("GetQueryExecution").willReturn(json(execution("SUCCEEDED", "DML", "SELECT"))));
        List<String> columns = new ArrayList<>();
        List<String> header = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (String[] column : COLUMNS) {
            columns.add("{\"CatalogName\":\"hive\",\"SchemaName\":\"\",\"TableName\":\"\",\"Name\":\"" + column[0]
                    + "\",\"Label\":\"" + column[0] + "\",\"Type\":\"" + column[1]
                    + "\",\"Precision\":10,\"Scale\":2,\"Nullable\":\"UNKNOWN\",\"CaseSensitive\":false}");
            header.add(column[0]);
            values.add(column[2]);
        }
        List<String> rows = new ArrayList<>();
        rows.add(row(header.toArray(new String[0])));
        String dataRow = row(values.toArray(new String[0]));
        for (int i = 0; i < 300; i++) {
            rows.add(dataRow);
        }
        wire.stubFor(operation("GetQueryResults").willReturn(json(page(columns, rows, null, 0L))));
    }

    private static Connection connect() throws SQLException {
        return AthenaWire.connect(wire.getPort(),
                "NumRetries=0;MinQueryExecutionPollingIntervalMillis=1;MaxQueryExecutionPollingIntervalMillis=2");
    }

    // ---- argument sets ---------------------------------------------------------------------------------

    /** How a tool fills in arguments. */
    private enum Style { VALID, EMPTY, NEGATIVE_AND_NULL }

    private static Object argument(Class<?> type, Style style, int column, String text) {
        boolean valid = style == Style.VALID;
        boolean empty = style == Style.EMPTY;
        if (type == int.class || type == long.class || type == short.class || type == byte.class) {
            int value = valid ? column : empty ? 0 : -1;
            if (type == long.class) {
                return (long) value;
            }
            if (type == short.class) {
                return (short) value;
            }
            return type == byte.class ? (Object) (byte) value : value;
        }
        if (type == boolean.class) {
            return valid;
        }
        if (type == double.class || type == float.class) {
            return type == double.class ? (Object) 1.0d : 1.0f;
        }
        if (style == Style.NEGATIVE_AND_NULL) {
            return null;
        }
        if (type == String.class) {
            return valid ? text : "";
        }
        if (type == String[].class) {
            return valid ? new String[] {text} : new String[0];
        }
        if (type == int[].class) {
            return valid ? new int[] {column} : new int[0];
        }
        if (type == Object[].class) {
            return new Object[0];
        }
        if (type == byte[].class) {
            return new byte[0];
        }
        if (type == Class.class) {
            return valid ? String.class : Object.class;
        }
        if (type == java.util.Map.class) {
            return new HashMap<String, Class<?>>();
        }
        if (type == Calendar.class) {
            return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        }
        if (type == Properties.class) {
            return new Properties();
        }
        if (type == Executor.class) {
            return (Executor) Runnable::run;
        }
        if (type == InputStream.class) {
            return new ByteArrayInputStream(new byte[0]);
        }
        if (type == Reader.class) {
            return new StringReader("");
        }
        if (type == BigDecimal.class) {
            return BigDecimal.ONE;
        }
        if (type == java.sql.Date.class) {
            return new java.sql.Date(0);
        }
        if (type == java.sql.Time.class) {
            return new java.sql.Time(0);
        }
        if (type == Timestamp.class) {
            return new Timestamp(0);
        }
        if (type == Object.class) {
            return valid ? text : "";
        }
        return null; // Blob, Clob, Savepoint, ... : tools pass null more often than anything
    }

    private static Object[] arguments(Method method, Style style, int column, String text) {
        Class<?>[] types = method.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            args[i] = argument(types[i], style, column, text);
        }
        return args;
    }

    // ---- invocation ------------------------------------------------------------------------------------

    /** The interface's methods the driver implements itself; JDK default methods it inherits are the JDK's business. */
    private static List<Method> methodsOf(Class<?> iface, Object target) {
        List<Method> methods = new ArrayList<>();
        for (Method method : iface.getMethods()) {
            if (Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            try {
                Method implementation = target.getClass().getMethod(method.getName(), method.getParameterTypes());
                if (implementation.isDefault()) {
                    continue;
                }
            } catch (NoSuchMethodException e) {
                continue;
            }
            methods.add(method);
        }
        methods.sort(Comparator.comparing(Method::toString));
        return methods;
    }

    /** The exception the call threw, null when it returned; a non-SQLException is recorded as a violation. */
    private Throwable call(String what, Method method, Object target, Object[] args) {
        try {
            Object result = method.invoke(target, args);
            if (result instanceof ResultSet) {
                ((ResultSet) result).close();
            }
            return null;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (!(cause instanceof SQLException)) {
                violations.add(what + " " + signature(method) + " " + Arrays.toString(args) + " threw " + cause);
            }
            return cause;
        } catch (IllegalAccessException | SQLException e) {
            violations.add(what + " " + signature(method) + " could not be called: " + e);
            return e;
        }
    }

    private void refusedWhenClosed(String what, Method method, Object target, Object[] args) {
        Throwable thrown = call(what, method, target, args);
        if (thrown == null) {
            violations.add(what + " " + signature(method) + " " + Arrays.toString(args) + " returned normally");
        }
    }

    private static String signature(Method method) {
        StringBuilder text = new StringBuilder(method.getName()).append('(');
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            text.append(i == 0 ? "" : ",").append(types[i].getSimpleName());
        }
        return text.append(')').toString();
    }

    private void assertNoViolations() {
        Set<String> sorted = new TreeSet<>(violations);
        assertThat(sorted).as("%d calls broke the JDBC contract", sorted.size()).isEmpty();
    }

    private static final Set<String> ALWAYS_ALLOWED_WHEN_CLOSED = new TreeSet<>(Arrays.asList(
            "close", "isClosed", "unwrap", "isWrapperFor"));

    // ---- Connection ------------------------------------------------------------------------------------

    @Test
    void connectionLetsOnlySqlExceptionsOut() throws Exception {
        Connection connection = connect();
        for (Method method : methodsOf(Connection.class, connection)) {
            for (Style style : Style.values()) {
                if (connection.isClosed()) {
                    connection = connect();
                }
                call("open Connection", method, connection, arguments(method, style, 1, "SELECT 1"));
            }
        }
        connection.close();
        assertNoViolations();
    }

    @Test
    void closedConnectionRefusesEverythingJdbcDoesNotExempt() throws Exception {
        Connection connection = connect();
        connection.close();
        Set<String> exempt = new TreeSet<>(ALWAYS_ALLOWED_WHEN_CLOSED);
        exempt.addAll(Arrays.asList("isValid", "abort"));
        for (Method method : methodsOf(Connection.class, connection)) {
            for (Style style : Style.values()) {
                Object[] args = arguments(method, style, 1, "SELECT 1");
                if (exempt.contains(method.getName())) {
                    call("closed Connection", method, connection, args);
                } else {
                    refusedWhenClosed("closed Connection", method, connection, args);
                }
            }
        }
        assertNoViolations();
    }

    // ---- Statement -------------------------------------------------------------------------------------

    @Test
    void statementLetsOnlySqlExceptionsOut() throws Exception {
        try (Connection connection = connect()) {
            for (Style style : Style.values()) {
                for (Method method : methodsOf(Statement.class, connection.createStatement())) {
                    Statement statement = connection.createStatement();
                    call("open Statement", method, statement, arguments(method, style, 1, "SELECT 1"));
                    statement.close();
                }
            }
        }
        assertNoViolations();
    }

    @Test
    void closedStatementRefusesEverythingJdbcDoesNotExempt() throws Exception {
        try (Connection connection = connect()) {
            Statement statement = connection.createStatement();
            statement.close();
            for (Method method : methodsOf(Statement.class, statement)) {
                for (Style style : Style.values()) {
                    Object[] args = arguments(method, style, 1, "SELECT 1");
                    if (ALWAYS_ALLOWED_WHEN_CLOSED.contains(method.getName())) {
                        call("closed Statement", method, statement, args);
                    } else {
                        refusedWhenClosed("closed Statement", method, statement, args);
                    }
                }
            }
        }
        assertNoViolations();
    }

    @Test
    void preparedStatementLetsOnlySqlExceptionsOut() throws Exception {
        try (Connection connection = connect()) {
            for (Style style : Style.values()) {
                for (Method method : methodsOf(java.sql.PreparedStatement.class, connection.prepareStatement("SELECT ?"))) {
                    java.sql.PreparedStatement statement = connection.prepareStatement("SELECT ?, ?");
                    call("open PreparedStatement", method, statement, arguments(method, style, 1, "SELECT 1"));
                    statement.close();
                }
            }
        }
        assertNoViolations();
    }

    @Test
    void closedPreparedStatementRefusesEverythingJdbcDoesNotExempt() throws Exception {
        try (Connection connection = connect()) {
            java.sql.PreparedStatement statement = connection.prepareStatement("SELECT ?");
            statement.close();
            for (Method method : methodsOf(java.sql.PreparedStatement.class, statement)) {
                for (Style style : Style.values()) {
                    Object[] args = arguments(method, style, 1, "SELECT 1");
                    if (ALWAYS_ALLOWED_WHEN_CLOSED.contains(method.getName())) {
                        call("closed PreparedStatement", method, statement, args);
                    } else {
                        refusedWhenClosed("closed PreparedStatement", method, statement, args);
                    }
                }
            }
        }
        assertNoViolations();
    }

    // ---- ResultSet and ResultSetMetaData ---------------------------------------------------------------

    /** Keeps a result set of the wanted state at hand, running the query again only when a call used it up. */
    private static final class ResultSets {
        private final Statement statement;
        private final boolean onRow;
        private ResultSet current;

        ResultSets(Statement statement, boolean onRow) {
            this.statement = statement;
            this.onRow = onRow;
        }

        ResultSet get() throws SQLException {
            boolean fit = current != null && !current.isClosed()
                    && (onRow ? current.getRow() > 0 : current.getRow() == 0 && current.isBeforeFirst());
            if (!fit) {
                if (statement.isClosed()) {
                    throw new IllegalStateException("a call closed the statement: " + statement);
                }
                current = statement.executeQuery("SELECT *");
                if (onRow) {
                    current.next();
                }
            }
            return current;
        }
    }

    @Test
    void resultSetOfEveryTypeLetsOnlySqlExceptionsOut() throws Exception {
        try (Connection connection = connect()) {
            for (boolean onRow : new boolean[] {true, false}) {
                ResultSets results = new ResultSets(connection.createStatement(), onRow);
                String where = onRow ? "ResultSet on a row" : "ResultSet before the first row";
                for (Method method : methodsOf(ResultSet.class, results.get())) {
                    for (int column = 1; column <= COLUMNS.length; column++) {
                        String label = COLUMNS[column - 1][0];
                        call(where + " column " + label, method, results.get(), arguments(method, Style.VALID, column, label));
                    }
                    call(where, method, results.get(), arguments(method, Style.EMPTY, 0, ""));
                    call(where, method, results.get(), arguments(method, Style.NEGATIVE_AND_NULL, -1, null));
                    call(where + " bad label", method, results.get(), arguments(method, Style.VALID, COLUMNS.length + 1, "nope"));
                }
            }
        }
        assertNoViolations();
    }

    @Test
    void closedResultSetRefusesEverythingJdbcDoesNotExempt() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            ResultSet rs = statement.executeQuery("SELECT *");
            rs.next();
            rs.close();
            for (Method method : methodsOf(ResultSet.class, rs)) {
                for (Style style : Style.values()) {
                    Object[] args = arguments(method, style, 1, "id");
                    if (ALWAYS_ALLOWED_WHEN_CLOSED.contains(method.getName())) {
                        call("closed ResultSet", method, rs, args);
                    } else {
                        refusedWhenClosed("closed ResultSet", method, rs, args);
                    }
                }
            }
        }
        assertNoViolations();
    }

    @Test
    void resultSetMetaDataLetsOnlySqlExceptionsOut() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT *")) {
            ResultSetMetaData metaData = rs.getMetaData();
            for (Method method : methodsOf(ResultSetMetaData.class, metaData)) {
                for (int column = -1; column <= COLUMNS.length + 1; column++) {
                    call("ResultSetMetaData column " + column, method, metaData,
                            arguments(method, Style.VALID, column, "id"));
                }
                call("ResultSetMetaData", method, metaData, arguments(method, Style.NEGATIVE_AND_NULL, -1, null));
            }
        }
        assertNoViolations();
    }

    // ---- DatabaseMetaData ------------------------------------------------------------------------------

    @Test
    void databaseMetaDataLetsOnlySqlExceptionsOut() throws Exception {
        try (Connection connection = connect()) {
            DatabaseMetaData metaData = connection.getMetaData();
            for (Method method : methodsOf(DatabaseMetaData.class, metaData)) {
                for (Style style : Style.values()) {
                    call("DatabaseMetaData", method, metaData, arguments(method, style, 1, "%"));
                }
            }
        }
        assertNoViolations();
    }

    /** Answers about the driver and the SQL dialect may come from memory; anything that lists objects may not. */
    @Test
    void databaseMetaDataOfAClosedConnectionRefusesToListObjects() throws Exception {
        Connection connection = connect();
        DatabaseMetaData metaData = connection.getMetaData();
        connection.close();
        for (Method method : methodsOf(DatabaseMetaData.class, metaData)) {
            for (Style style : Style.values()) {
                Object[] args = arguments(method, style, 1, "%");
                if (method.getReturnType() == ResultSet.class) {
                    refusedWhenClosed("DatabaseMetaData of a closed connection", method, metaData, args);
                } else {
                    call("DatabaseMetaData of a closed connection", method, metaData, args);
                }
            }
        }
        assertNoViolations();
    }

    // ---- DataSource -------------------------------------------------------------------------------------

    /** Pools copy bean properties blindly (nulls included) and call every setter; the DataSource must take it. */
    @Test
    void dataSourceLetsOnlySqlExceptionsOut() throws Exception {
        for (Method method : AthenaDataSource.class.getMethods()) {
            if (method.getDeclaringClass() == Object.class || Modifier.isStatic(method.getModifiers())
                    || method.getName().startsWith("getConnection")) {
                continue;
            }
            for (Style style : Style.values()) {
                call("AthenaDataSource", method, new AthenaDataSource(), arguments(method, style, 1, "Region"));
            }
        }
        AthenaDataSource dataSource = new AthenaDataSource();
        dataSource.setProperty(null, "x");
        assertThat(dataSource.getProperty(null)).isNull();
        assertNoViolations();
    }

    /** The harness itself: it reaches most methods and serves the row it claims, so an empty violation list means something. */
    @Test
    void harnessReachesEveryInterface() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT *")) {
            assertThat(methodsOf(ResultSet.class, rs)).hasSizeGreaterThan(ResultSet.class.getMethods().length / 2);
            assertThat(methodsOf(Statement.class, statement)).hasSizeGreaterThan(30);
            assertThat(methodsOf(Connection.class, connection)).hasSizeGreaterThan(40);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("huge")).isEqualTo("1E+400");
            assertThat(rs.getString("js")).isEqualTo("{\"a\":1}");
            assertThat(rs.getMetaData().getColumnCount()).isEqualTo(COLUMNS.length);
            assertThat(rs.getString("n")).isNull();
            assertThat(rs.getString("e")).isEmpty();
        }
    }
}
