package ai.connecty.athena.local.sql;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.BinaryOperator;

/**
 * Trino's decimal division, modulo and average, where DuckDB divides decimals as doubles. The result types follow
 * Trino's signatures (trinodb/trino, {@code io.trino.type.DecimalOperators}: {@code decimalDivideOperator},
 * {@code modulusSignatureBuilder}; {@code io.trino.operator.aggregation.DecimalAverageAggregation}), with an
 * integer operand taken as the decimal holding all its values (tinyint 3, smallint 5, integer 10, bigint 19 digits):
 * <ul>
 *   <li>{@code x / y}: the larger of the two scales, and as many integer digits as the dividend has plus one per
 *       fraction digit of the divisor (dividing by 0.01 multiplies by 100), at most 38 digits in all; the quotient
 *       is rounded half up to that scale.</li>
 *   <li>{@code x % y}: the larger scale, and the integer digits of the operand with fewer; exact, with the sign of
 *       the dividend.</li>
 *   <li>{@code avg(x)} of a decimal(p,s): a decimal(p,s), the sum divided by the count rounded half up.</li>
 * </ul>
 * A result beyond 38 digits fails with NUMERIC_VALUE_OUT_OF_RANGE {@code Decimal overflow}, a zero divisor with
 * DIVISION_BY_ZERO. The values are computed in Java on {@link BigDecimal}; the types by session macros
 * ({@link #MACROS}) that read the operands' DuckDB types while DuckDB binds the statement: {@code typeof} is a
 * constant then, a struct field picked by a constant name has that field's type, and {@code cast_to_type} casts to
 * the type of a value it never evaluates. The Java functions take the operands as text, which DuckDB writes with
 * every digit of the type's scale, so the scale of the result is theirs to read and no precision is passed: below
 * the 38-digit cap Trino's precisions hold any quotient or remainder. Passing both as SQL arguments cost the
 * macros' type arithmetic on every row where a division runs inside a lambda (DuckDB does not fold constants
 * there): a third of the time of {@code SELECT sum(n % 100)} over a million rows.
 */
final class DecimalArithmetic {

    /** {@code athena_decimal_divide(x, y)}: x / y as text, x and y as text; see {@link #divide}. */
    static final String DIVIDE = "athena_decimal_divide";
    /** {@code athena_decimal_modulo(x, y)}: x % y as text, x and y as text; see {@link #modulo}. */
    static final String MODULO = "athena_decimal_modulo";
    /** {@code athena_decimal_operands(x, y)}: both exact numbers, one of them a decimal. */
    static final String OPERANDS = "athena_decimal_operands";
    /** Macros of two operands giving Trino's precision of x / y, of x % y, and the scale of both. */
    static final String QUOTIENT_PRECISION = "athena_quotient_precision";
    static final String REMAINDER_PRECISION = "athena_remainder_precision";
    static final String RESULT_SCALE = "athena_result_scale";

    /** {@code athena_integer_digits()}, {@code athena_fraction_digits()}: see {@link #zeros}. */
    private static final String INTEGER_DIGITS = "athena_integer_digits";
    private static final String FRACTION_DIGITS = "athena_fraction_digits";
    private static final String PRECISION = "athena_decimal_precision";
    private static final String SCALE = "athena_decimal_scale";
    private static final String EXACT_INTEGERS = "('TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT')";
    private static final String IS_DECIMAL = "typeof(%s) LIKE 'DECIMAL(%%'";
    /** Trino's (and DuckDB's) largest decimal precision. */
    private static final int MAX_PRECISION = 38;

    /**
     * The types' digit counts, computed while DuckDB binds, and the zeros of every digit count (the pick of a zero by
     * a count is written into the statement, see {@link #decimalOr} and {@link TypeChoice}). For types that are no exact number the counts are a valid placeholder (1, 0): every
     * branch is bound whatever the operands. HUGEINT is DuckDB's sum of integers, which Trino sums as a bigint.
     */
    static final List<String> MACROS = List.of(
            "CREATE OR REPLACE TEMP MACRO " + INTEGER_DIGITS + "() AS " + zeros(false),
            "CREATE OR REPLACE TEMP MACRO " + FRACTION_DIGITS + "() AS " + zeros(true),
            "CREATE OR REPLACE TEMP MACRO " + PRECISION + "(x) AS CASE typeof(x) WHEN 'TINYINT' THEN 3"
                    + " WHEN 'SMALLINT' THEN 5 WHEN 'INTEGER' THEN 10 WHEN 'BIGINT' THEN 19 WHEN 'HUGEINT' THEN 19"
                    + " ELSE coalesce(TRY_CAST(regexp_extract(typeof(x), '^DECIMAL\\((\\d+),', 1) AS INTEGER), 1) END",
            "CREATE OR REPLACE TEMP MACRO " + SCALE + "(x) AS"
                    + " coalesce(TRY_CAST(regexp_extract(typeof(x), '^DECIMAL\\(\\d+,(\\d+)\\)', 1) AS INTEGER), 0)",
            "CREATE OR REPLACE TEMP MACRO " + OPERANDS + "(x, y) AS (" + IS_DECIMAL.formatted("x") + " OR "
                    + IS_DECIMAL.formatted("y") + ") AND (" + IS_DECIMAL.formatted("x") + " OR typeof(x) IN "
                    + EXACT_INTEGERS + ") AND (" + IS_DECIMAL.formatted("y") + " OR typeof(y) IN " + EXACT_INTEGERS
                    + ")",
            "CREATE OR REPLACE TEMP MACRO " + RESULT_SCALE + "(x, y) AS greatest(" + SCALE + "(x), " + SCALE + "(y))",
            "CREATE OR REPLACE TEMP MACRO " + QUOTIENT_PRECISION + "(x, y) AS least(" + MAX_PRECISION + ", "
                    + PRECISION + "(x) + " + SCALE + "(y) + greatest(" + SCALE + "(y) - " + SCALE + "(x), 0))",
            "CREATE OR REPLACE TEMP MACRO " + REMAINDER_PRECISION + "(x, y) AS least(" + PRECISION + "(x) - "
                    + SCALE + "(x), " + PRECISION + "(y) - " + SCALE + "(y)) + " + RESULT_SCALE + "(x, y)");

    private DecimalArithmetic() {
    }

    /**
     * Trino's {@code avg(argument)} ({@code argument} may start with DISTINCT), each aggregate followed by
     * {@code modifiers} (FILTER, OVER): DuckDB's avg of a decimal is a double, so a decimal's average is its sum
     * divided by its count, and min shows the argument's type. A one-element list_transform hands the aggregates to
     * the expression picking the result, which names each several times (as {@code __v['sum']}: in HAVING, DuckDB
     * binds {@code __v.sum} as a column of a table {@code __v}, and fails).
     */
    static String average(String argument, String modifiers) {
        StringJoiner aggregates = new StringJoiner(", ", "list_transform([{", "}], __v -> ");
        for (String aggregate : List.of("min", "sum", "count", "avg")) {
            aggregates.add("'" + aggregate + "': " + aggregate + "(" + argument + ")" + modifiers);
        }
        String isDecimal = IS_DECIMAL.formatted("__v['min']");
        // Trino's avg of a real is a real (RealAverageAggregation); DuckDB's a double
        String other = TypeChoice.pick("typeof(__v['min']) = 'FLOAT'", "CAST(0 AS FLOAT)", "__v['avg']");
        String type = decimalOr(other, isDecimal, PRECISION + "(__v['min'])", SCALE + "(__v['min'])");
        return aggregates + "CASE WHEN " + isDecimal + " THEN cast_to_type(" + DIVIDE + "(CAST(__v['sum'] AS VARCHAR), "
                + "CAST(__v['count'] AS VARCHAR)), " + type + ")"
                + " ELSE cast_to_type(__v['avg'], " + type + ") END)[1]";
    }

    /**
     * A value of type decimal(precision, scale) if {@code isDecimal}, else {@code other}, for {@code cast_to_type}
     * (which never evaluates it); see {@link TypeChoice}.
     */
    static String decimalOr(String other, String isDecimal, String precision, String scale) {
        return TypeChoice.pick(isDecimal, zero(precision, scale), other);
    }

    /**
     * A zero of type decimal(precision, scale), for {@code cast_to_type}, where precision and scale are known while
     * DuckDB binds: decimal(p,s) is the common type of decimal(p - s, 0) and decimal(s, s), zeros picked from
     * {@link #zeros} by names DuckDB computes then. For a type that is no decimal they pick a valid placeholder.
     */
    static String zero(String precision, String scale) {
        return "[" + INTEGER_DIGITS + "()[CAST((" + precision + ") - (" + scale + ") AS VARCHAR)], "
                + FRACTION_DIGITS + "()[CAST(" + scale + " AS VARCHAR)]][1]";
    }

    /** x / y rounded half up to the larger of their scales. */
    static BigDecimal divide(BigDecimal x, BigDecimal y) {
        int scale = Math.max(x.scale(), y.scale());
        return fitting(nonZero(y, () -> x.divide(y, scale, RoundingMode.HALF_UP)), scale);
    }

    /** x % y (the remainder of truncating division), at the larger of their scales. */
    static BigDecimal modulo(BigDecimal x, BigDecimal y) {
        int scale = Math.max(x.scale(), y.scale());
        return fitting(nonZero(y, () -> x.remainder(y).setScale(scale, RoundingMode.UNNECESSARY)), scale);
    }

    static void register(Connection duck) throws SQLException {
        register(duck, DIVIDE, DecimalArithmetic::divide);
        register(duck, MODULO, DecimalArithmetic::modulo);
    }

    private static void register(Connection duck, String name, BinaryOperator<BigDecimal> operation)
            throws SQLException {
        JavaFunctions.ofTexts(duck, name, String.class, (x, y) ->
                operation.apply(new BigDecimal(x), new BigDecimal(y)).toPlainString());
    }

    private static BigDecimal nonZero(BigDecimal divisor, java.util.function.Supplier<BigDecimal> result) {
        if (divisor.signum() == 0) {
            throw new RaisedErrors.Raised("DIVISION_BY_ZERO", "Division by zero");
        }
        return result.get();
    }

    /**
     * Trino fails when a result needs more integer digits than its type has, which happens only where the type's
     * precision is capped at 38 digits.
     */
    private static BigDecimal fitting(BigDecimal value, int scale) {
        if (value.precision() - value.scale() > MAX_PRECISION - scale) {
            throw new RaisedErrors.Raised("NUMERIC_VALUE_OUT_OF_RANGE", "Decimal overflow");
        }
        return value;
    }

    /**
     * A struct of one zero per digit count 0 to 38, named by the count: decimal(n, 0) for integer digits (0 as
     * decimal(1,1), which has none), or decimal(n, n) for fraction digits (0 as decimal(1,0)).
     */
    private static String zeros(boolean fraction) {
        StringJoiner fields = new StringJoiner(", ", "{", "}");
        for (int digits = 0; digits <= MAX_PRECISION; digits++) {
            String type = digits == 0 ? (fraction ? "DECIMAL(1,0)" : "DECIMAL(1,1)")
                    : "DECIMAL(" + digits + "," + (fraction ? digits : 0) + ")";
            fields.add("'" + digits + "': CAST(0 AS " + type + ")");
        }
        return fields.toString();
    }
}
