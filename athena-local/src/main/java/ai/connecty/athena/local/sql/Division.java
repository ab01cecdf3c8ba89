package ai.connecty.athena.local.sql;

import io.trino.sql.tree.ArithmeticBinaryExpression;
import io.trino.sql.tree.DefaultTraversalVisitor;
import io.trino.sql.tree.Expression;
import io.trino.sql.tree.FunctionCall;
import io.trino.sql.tree.Node;
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

    /** What differs between {@code /} and {@code %}: the Java function, its precision macro, the others' macro. */
    private record Operator(String decimalFunction, String precisionMacro, String others) {
    }

    private static final Operator DIVIDE = new Operator(DecimalArithmetic.DIVIDE, DecimalArithmetic.QUOTIENT_PRECISION,
            DIVIDE_OTHERS);
    private static final Operator MODULO = new Operator(DecimalArithmetic.MODULO,
            DecimalArithmetic.REMAINDER_PRECISION, MODULO_OTHERS);

    private Division() {
    }

    /** Trino's {@code x / y}: the operands' DuckDB text and tree. */
    static String divide(Calls.Arg x, Calls.Arg y) {
        return divide(x.sql(), y.sql(), isRepeatable(x.expression()) && isRepeatable(y.expression()));
    }

    /** Trino's {@code x % y} (and {@code mod(x, y)}). */
    static String modulo(Calls.Arg x, Calls.Arg y) {
        return modulo(x.sql(), y.sql(), isRepeatable(x.expression()) && isRepeatable(y.expression()));
    }

    /** Trino's {@code x / y} of the DuckDB expressions {@code x} and {@code y}; see {@link #operation}. */
    static String divide(String x, String y, boolean repeatable) {
        return operation(x, y, repeatable, DIVIDE);
    }

    /** Trino's {@code x % y} of the DuckDB expressions {@code x} and {@code y}; see {@link #operation}. */
    static String modulo(String x, String y, boolean repeatable) {
        return operation(x, y, repeatable, MODULO);
    }

    /**
     * Whether DuckDB may evaluate the operand {@code e} as often as the expression names it (the divisor twice a row,
     * the other mentions only while binding). Not when it holds a division or modulo, which would be copied for each
     * mention, so that nested divisions grew with a power of their depth, nor what a try() computes outside DuckDB's
     * TRY ({@link OutsideTry#isRefusedInTry}): aggregate and window calls (planned per copy, and computed once per
     * group anyway), subqueries (run again) and random values (drawn again).
     */
    static boolean isRepeatable(Expression e) {
        boolean[] repeatable = {true};
        new DefaultTraversalVisitor<Void>() {
            @Override
            public Void process(Node node, Void context) {
                if (isDivision(node) || OutsideTry.isRefusedInTry(node)) {
                    repeatable[0] = false;
                }
                return repeatable[0] ? super.process(node, context) : null;
            }
        }.process(e, null);
        return repeatable[0];
    }

    private static boolean isDivision(Node node) {
        if (node instanceof ArithmeticBinaryExpression binary) {
            return binary.getOperator() == ArithmeticBinaryExpression.Operator.DIVIDE
                    || binary.getOperator() == ArithmeticBinaryExpression.Operator.MODULUS;
        }
        return node instanceof FunctionCall call && call.getName().getParts().size() == 1
                && call.getName().getSuffix().equalsIgnoreCase("mod");
    }

    /**
     * The Java function of {@code operator} cast to Trino's decimal type for decimal operands, else its macro for the
     * others, picked by the operands' types while DuckDB binds ({@link TypeChoice}: each candidate keeps its own
     * type, where a CASE needs one type for both branches, and casting each branch to the result type computed that
     * type twice more while planning). With {@code repeatable} operands the expression names them as often as it needs (typeof,
     * the macro's checks) and DuckDB's optimizer folds the choice away: it costs what {@code x / y} does. Any other
     * operands are handed to the expression through a one-element list_transform, which evaluates each once: copied
     * for every mention, nested divisions ({@code a / b / c / …}) grew with a power of the depth (eight levels took a
     * minute to plan). That costs more per row, as DuckDB folds no constant inside a lambda (on a million rows about
     * 40 ms, where {@code n % 100} itself takes 5).
     */
    private static String operation(String x, String y, boolean repeatable, Operator operator) {
        if (repeatable) {
            return pick("(" + x + ")", "(" + y + ")", operator);
        }
        // __o['x'], not __o.x: in HAVING, DuckDB binds __o.x as column x of a table __o, and fails.
        return "list_transform([{'x': " + x + ", 'y': " + y + "}], __o -> " + pick("__o['x']", "__o['y']", operator)
                + ")[1]";
    }

    private static String pick(String x, String y, Operator operator) {
        String operands = x + ", " + y;
        String isDecimal = DecimalArithmetic.OPERANDS + "(" + operands + ")";
        String type = DecimalArithmetic.zero(operator.precisionMacro() + "(" + operands + ")",
                DecimalArithmetic.RESULT_SCALE + "(" + operands + ")");
        String decimal = "CASE WHEN " + isDecimal + " THEN cast_to_type(" + operator.decimalFunction() + "(CAST(" + x
                + " AS VARCHAR), CAST(" + y + " AS VARCHAR)), " + type + ") END";
        String others = "CASE WHEN NOT " + isDecimal + " THEN " + operator.others() + "(" + operands + ") END";
        return TypeChoice.pick(isDecimal, decimal, others);
    }
}
