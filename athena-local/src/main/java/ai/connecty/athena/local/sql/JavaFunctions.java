package ai.connecty.athena.local.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBLogicalType;

/**
 * The Java functions translated SQL calls ({@link UrlFunctions}, {@link DecimalArithmetic}, {@link VarcharCasts},
 * {@link IpAddresses}, {@link RaisedErrors}).
 * They live in the DuckDB database's system catalog, shared by its connections, and DuckDB refuses concurrent
 * registrations, so they are registered once per database, serialised, and skipped when the last one registered is
 * already there.
 */
final class JavaFunctions {

    /** The function registered last: once it exists, all do. */
    private static final String LAST = RaisedErrors.FUNCTION;

    private JavaFunctions() {
    }

    /**
     * Registers {@code function} of one varchar as {@code name}, giving NULL for NULL as Trino's functions do. The
     * function checks for NULL itself: DuckDB hands a column's NULL rows to a Java function even when it is declared
     * NULL in, NULL out (which only spares it a NULL constant).
     */
    static <T> void ofText(Connection duck, String name, Class<T> returns, Function<String, T> function)
            throws SQLException {
        try (var builder = DuckDBFunctions.scalarFunction()) {
            builder.withName(name).withParameter(String.class).withReturnType(returns)
                    .withFunction((Function<String, T>) text -> text == null ? null : function.apply(text))
                    .withNullInNullOut().register(duck);
        }
    }

    /** As {@link #ofText} for a function of two varchars. */
    static <T> void ofTexts(Connection duck, String name, Class<T> returns, BiFunction<String, String, T> function)
            throws SQLException {
        try (var builder = DuckDBFunctions.scalarFunction()) {
            builder.withName(name).withParameters(String.class, String.class).withReturnType(returns)
                    .withFunction((BiFunction<String, String, T>) (first, second) ->
                            first == null || second == null ? null : function.apply(first, second))
                    .withNullInNullOut().register(duck);
        }
    }

    /**
     * Registers {@code function} of any number of varchars as {@code name}; the function gets every argument,
     * NULL included, since a NULL does not make all of these functions' results NULL ({@code format}).
     */
    static <T> void ofTextList(Connection duck, String name, Class<T> returns, Function<Object[], T> function)
            throws SQLException {
        try (var builder = DuckDBFunctions.scalarFunction()) {
            builder.withName(name).withVarArgs(DuckDBLogicalType.of(DuckDBColumnType.VARCHAR)).withReturnType(returns)
                    .withVarArgsFunction(function::apply).register(duck);
        }
    }

    /**
     * Registers {@code function} of any number of doubles as {@code name} (DuckDB casts integer and decimal
     * arguments to double, as Trino does for its double parameters); NULL when any argument is NULL.
     */
    static void ofDoubles(Connection duck, String name, Function<double[], Double> function) throws SQLException {
        try (var builder = DuckDBFunctions.scalarFunction()) {
            builder.withName(name).withVarArgs(DuckDBLogicalType.of(DuckDBColumnType.DOUBLE)).withReturnType(Double.class)
                    .withVarArgsFunction(arguments -> {
                        double[] values = new double[arguments.length];
                        for (int i = 0; i < arguments.length; i++) {
                            if (arguments[i] == null) {
                                return null;
                            }
                            values[i] = ((Number) arguments[i]).doubleValue();
                        }
                        return function.apply(values);
                    }).register(duck);
        }
    }

    static synchronized void register(Connection duck) throws SQLException {
        try (Statement statement = duck.createStatement();
             ResultSet existing = statement.executeQuery(
                     "SELECT 1 FROM duckdb_functions() WHERE function_name = '" + LAST + "' LIMIT 1")) {
            if (existing.next()) {
                return;
            }
        }
        UrlFunctions.register(duck);
        StringFunctions.register(duck);
        UnitFunctions.register(duck);
        JsonFunctions.register(duck);
        SqlJsonFunctions.register(duck);
        FormatFunction.register(duck);
        HashFunctions.register(duck);
        EncodingFunctions.register(duck);
        Iso8601Dates.register(duck);
        StringCalls.register(duck);
        DecimalArithmetic.register(duck);
        VarcharCasts.register(duck);
        NumericCalls.register(duck);
        StatisticalFunctions.register(duck);
        OpenCsvFields.register(duck);
        IpAddresses.register(duck);
        RaisedErrors.register(duck);
        TypeOfFunction.register(duck);
    }
}
