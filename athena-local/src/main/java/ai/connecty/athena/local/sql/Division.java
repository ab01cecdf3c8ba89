package ai.connecty.athena.local.sql;

import java.util.List;

/**
 * Trino's {@code /} and {@code %}: integer and decimal division or modulo by zero fails with DIVISION_BY_ZERO, where
 * DuckDB returns NULL; double and real division gives Infinity or NaN, where DuckDB (with {@code integer_division})
 * returns NULL too; and an exact number with a decimal gives a decimal ({@link DecimalArithmetic}), where DuckDB gives
 * a double. {@link DuckDbPrinter} prints every {@code /} and {@code %} of the tree through {@link #divide} and
 * {@link #modulo}.
 */
final class Division {

    private static final String DIVISION_BY_ZERO = RaisedErrors.raiseText("DIVISION_BY_ZERO", "Division by zero");
    private static final String DIVIDE_OTHERS = "athena_divide_others";
    private static final String MODULO_OTHERS = "athena_modulo_others";

    /**
     * Session macros for operands that are not decimals, created by {@link QueryRunner#configure}; their CASE keeps
     * the type DuckDB gives {@code x / y} or {@code x % y}.
     */
    static final List<String> MACROS = List.of(
            "CREATE OR REPLACE TEMP MACRO " + DIVIDE_OTHERS + "(x, y) AS CASE"
                    + " WHEN y <> 0 OR x IS NULL OR y IS NULL THEN x / y"
                    + " WHEN typeof(x) NOT IN ('DOUBLE', 'FLOAT') AND typeof(y) NOT IN ('DOUBLE', 'FLOAT')"
                    + " THEN " + DIVISION_BY_ZERO
                    + " WHEN x = 0 OR isnan(x) THEN 'NaN'"
                    + " WHEN (x > 0) = signbit(y) THEN '-Infinity'"
                    + " ELSE 'Infinity' END",
            "CREATE OR REPLACE TEMP MACRO " + MODULO_OTHERS + "(x, y) AS CASE"
                    + " WHEN y <> 0 OR x IS NULL OR y IS NULL"
                    + " OR typeof(x) IN ('DOUBLE', 'FLOAT') OR typeof(y) IN ('DOUBLE', 'FLOAT') THEN x % y"
                    + " ELSE " + DIVISION_BY_ZERO + " END");

    private Division() {
    }

    /** Trino's {@code x / y} of the DuckDB expressions {@code x} and {@code y}. */
    static String divide(String x, String y) {
        return operation(x, y, DecimalArithmetic.DIVIDE, DecimalArithmetic.QUOTIENT_PRECISION, "/", DIVIDE_OTHERS);
    }

    /** Trino's {@code x % y} (and {@code mod(x, y)}). */
    static String modulo(String x, String y) {
        return operation(x, y, DecimalArithmetic.MODULO, DecimalArithmetic.REMAINDER_PRECISION, "%", MODULO_OTHERS);
    }

    /**
     * The Java function {@code decimalFunction} for decimal operands, else the macro {@code others}, each cast to the
     * result type. The operands are handed to the expression through a one-element list_transform, which evaluates
     * each once: naming them in the expression itself, as a macro does with its arguments, copied them for every
     * mention, so nested divisions ({@code a / b / c / …}) grew with a power of the depth (eight levels took a
     * minute to plan).
     */
    private static String operation(String x, String y, String decimalFunction, String precisionMacro,
                                    String operator, String others) {
        String operands = "__o.x, __o.y";
        String isDecimal = DecimalArithmetic.OPERANDS + "(" + operands + ")";
        String precision = precisionMacro + "(" + operands + ")";
        String scale = DecimalArithmetic.RESULT_SCALE + "(" + operands + ")";
        String type = DecimalArithmetic.decimalOr("__o.x " + operator + " __o.y", isDecimal, precision, scale);
        return "list_transform([{'x': " + x + ", 'y': " + y + "}], __o -> CASE WHEN " + isDecimal
                + " THEN cast_to_type(" + decimalFunction + "(CAST(__o.x AS VARCHAR), CAST(__o.y AS VARCHAR)), "
                + type + ")"
                + " ELSE cast_to_type(" + others + "(" + operands + "), " + type + ") END)[1]";
    }
}
