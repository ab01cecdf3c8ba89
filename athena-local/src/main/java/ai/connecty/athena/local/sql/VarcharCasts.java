package ai.connecty.athena.local.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

/**
 * Trino's casts to varchar of the values DuckDB spells differently. Trino 4xx writes a double always in scientific
 * notation (trinodb/trino, {@code io.trino.type.DoubleOperators.castToVarchar}): the digits of Java's
 * {@link Double#toString}, one before the point and at least one after it, then {@code E} and the exponent
 * ({@code 1.0E0}, {@code 1.0E-1}, {@code 1.0E20}); zero is {@code 0E0} or {@code -0E0}, and {@code NaN},
 * {@code Infinity} and {@code -Infinity} are spelled out. A real ({@code RealOperators.castToVarchar}) is written
 * the same way from {@link Float#toString}'s digits, rounded half even to seven significant digits. DuckDB writes
 * {@code 1e+20}, {@code 0.1}, {@code inf}.
 * <p>
 * A JSON value casts to its scalar value ({@code io.trino.util.JsonUtil.currentTokenAsVarchar} in the
 * {@code JsonOperators} cast): a string without its quotes and escapes, an integer as written, any other number
 * as the double cast above spells it ({@code 1.5E0}), {@code true}/{@code false}, and {@code null} as NULL; an
 * object or array fails with INVALID_CAST_ARGUMENT (NULL in TRY_CAST). DuckDB kept the JSON text.
 * <p>
 * A timestamp casts to its text with as many fraction digits as its precision
 * ({@code io.trino.type.DateTimes.formatTimestamp}): {@code 2024-03-15 00:00:00.000} for a timestamp(3), such as a
 * table column, a cast of text or a date, or a {@code date_trunc} of those, where DuckDB drops trailing zeros
 * ({@code 2024-03-15 00:00:00}); a literal has the precision of its digits ({@link #timestamp}). A timestamp with
 * time zone whose zone the translation does not see (see {@link TimestampZones}) is in the session zone, UTC:
 * {@code 1970-01-01 00:00:00.000 UTC}, where DuckDB writes {@code +00}.
 * <p>
 * The translation casts every value to varchar through the macro {@link #cast}, which reads the value's DuckDB type
 * while DuckDB binds and hands doubles and reals to Java functions; any other type is cast by DuckDB.
 */
final class VarcharCasts {

    private static final String DOUBLE_TEXT = "athena_double_text";
    private static final String REAL_TEXT = "athena_real_text";
    private static final String CAST = "athena_varchar";
    private static final String TRY_CAST = "athena_try_varchar";

    /** Double digits as Double.toString gives them, in scientific notation (at most 20 fraction digits: all of them). */
    private static final ThreadLocal<DecimalFormat> DOUBLE_FORMAT = ThreadLocal.withInitial(() -> format(20));
    /** Real digits, at most seven significant. */
    private static final ThreadLocal<DecimalFormat> REAL_FORMAT = ThreadLocal.withInitial(() -> format(6));

    /**
     * {@code athena_varchar(x)} and {@code athena_try_varchar(x)}, created by {@link QueryRunner#configure}. Every
     * branch is bound whatever x is, so the Java functions take DuckDB's text of the number, which reads back to the
     * same double or real.
     */
    static final List<String> MACROS = List.of(macro(CAST, "CAST", RaisedErrors.raise("INVALID_CAST_ARGUMENT",
            "'Cannot cast ''' || CAST(x AS VARCHAR) || ''' to varchar'")), macro(TRY_CAST, "TRY_CAST", "NULL"));

    private VarcharCasts() {
    }

    /** Trino's {@code CAST(expression AS varchar)}, or {@code TRY_CAST} when {@code safe}. */
    static String cast(String expression, boolean safe) {
        return (safe ? TRY_CAST : CAST) + "(" + expression + ")";
    }

    /** Trino's text of a timestamp of {@code precision} fraction digits (0 to 9; DuckDB holds microseconds). */
    static String timestamp(String expression, int precision) {
        if (precision == 0) {
            return "strftime(" + expression + ", '%Y-%m-%d %H:%M:%S')";
        }
        return "left(strftime(" + expression + ", '%Y-%m-%d %H:%M:%S.%n'), " + (20 + Math.min(precision, 9)) + ")";
    }

    static String doubleText(double value) {
        if (value == 0) {
            return 1 / value > 0 ? "0E0" : "-0E0";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        return DOUBLE_FORMAT.get().format(value);
    }

    static String realText(float value) {
        if (value == 0 || Float.isInfinite(value)) {
            return doubleText(value);
        }
        return REAL_FORMAT.get().format(Double.parseDouble(Float.toString(value)));
    }

    static void register(Connection duck) throws SQLException {
        JavaFunctions.ofText(duck, DOUBLE_TEXT, String.class, text -> doubleText(number(text)));
        JavaFunctions.ofText(duck, REAL_TEXT, String.class, text -> realText((float) number(text)));
    }

    /** {@code notScalar}: the value of a JSON object or array. */
    private static String macro(String name, String cast, String notScalar) {
        return "CREATE OR REPLACE TEMP MACRO " + name + "(x) AS CASE typeof(x)"
                + " WHEN 'DOUBLE' THEN " + DOUBLE_TEXT + "(CAST(x AS VARCHAR))"
                + " WHEN 'FLOAT' THEN " + REAL_TEXT + "(CAST(x AS VARCHAR))"
                + " WHEN 'TIMESTAMP' THEN " + timestamp("CAST(x AS TIMESTAMP)", 3)
                + " WHEN 'TIMESTAMP WITH TIME ZONE' THEN "
                + timestamp("timezone('UTC', CAST(x AS TIMESTAMPTZ))", 3) + " || ' UTC'"
                + " WHEN 'JSON' THEN CASE json_type(CAST(x AS VARCHAR))"
                + " WHEN 'VARCHAR' THEN json_extract_string(CAST(x AS VARCHAR), '$')"
                + " WHEN 'DOUBLE' THEN " + DOUBLE_TEXT + "(CAST(x AS VARCHAR))"
                + " WHEN 'NULL' THEN NULL"
                + " WHEN 'OBJECT' THEN " + notScalar + " WHEN 'ARRAY' THEN " + notScalar
                + " ELSE CAST(x AS VARCHAR) END"
                + " ELSE " + cast + "(x AS VARCHAR) END";
    }

    /** DuckDB's text of a double or real: Java's, except {@code inf} and {@code nan}. */
    private static double number(String duckDbText) {
        return switch (duckDbText) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "nan", "-nan" -> Double.NaN;
            default -> Double.parseDouble(duckDbText);
        };
    }

    private static DecimalFormat format(int maxFractionDigits) {
        DecimalFormat format = new DecimalFormat("0.0E0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setMaximumFractionDigits(maxFractionDigits);
        return format;
    }
}
