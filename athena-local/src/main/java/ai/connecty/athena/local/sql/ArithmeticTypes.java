package ai.connecty.athena.local.sql;

import io.trino.sql.tree.ArithmeticBinaryExpression.Operator;

/**
 * The type of Trino's {@code + - * / %} over two numbers whose types are known: a double if either is one, else a
 * real, else a decimal by Trino's DecimalOperators rules (an integer operand counts as the decimal that holds its
 * range), else the wider integer; a date minus a date is an interval day to second; a timestamp of known precision
 * moved by an interval keeps its type, and so does an interval multiplied or divided by a number or added to one of its kind. Null for anything else (other
 * date and interval operations, an operand of unknown type), which leaves the judgement to DuckDB as before.
 */
final class ArithmeticTypes {

    private ArithmeticTypes() {
    }

    static SqlType of(Operator operator, SqlType left, SqlType right) {
        if (operator == Operator.SUBTRACT && left != null && right != null && left.is("date") && right.is("date")) {
            return SqlType.simple("interval day to second"); // Trino's date - date
        }
        SqlType moved = movedTimestamp(operator, left, right);
        if (moved != null) {
            return moved;
        }
        SqlType interval = scaledOrSummedInterval(operator, left, right);
        if (interval != null) {
            return interval;
        }
        if (left == null || right == null || !left.isNumeric() || !right.isNumeric()) {
            return null;
        }
        if (left.is("double") || right.is("double")) {
            return SqlType.simple("double");
        }
        if (left.is("float") || right.is("float")) {
            return SqlType.simple("float");
        }
        if (left.is("decimal") || right.is("decimal")) {
            return decimal(operator, asDecimal(left), asDecimal(right));
        }
        return CommonSuperType.of(left, right);
    }

    /**
     * Trino's timestamp plus or minus an interval (or an interval plus a timestamp) keeps the timestamp's type; given
     * where the statement shows its precision, for typeof and the result's fraction digits.
     */
    private static SqlType movedTimestamp(Operator operator, SqlType left, SqlType right) {
        if (operator == Operator.ADD && isInterval(left) && right != null && right.hasShownPrecision()) {
            return right;
        }
        boolean moves = operator == Operator.ADD || operator == Operator.SUBTRACT;
        return moves && left != null && left.hasShownPrecision() && isInterval(right) ? left : null;
    }

    /**
     * Trino's interval operators keep the interval's kind: an interval plus or minus one of the same kind, an
     * interval times a number (either side; Trino's operators take bigint and double, other numbers coerce to
     * them) or divided by one (a double). DuckDB has one INTERVAL type, so only the statement tells typeof
     * and the result's metadata that {@code INTERVAL '1' YEAR * 2} is a year-to-month one.
     */
    private static SqlType scaledOrSummedInterval(Operator operator, SqlType left, SqlType right) {
        if (left == null || right == null) {
            return null;
        }
        return switch (operator) {
            case ADD, SUBTRACT -> isInterval(left) && left.base().equals(right.base()) ? left : null;
            case MULTIPLY -> isInterval(left) && right.isNumeric() ? left
                    : isInterval(right) && left.isNumeric() ? right : null;
            case DIVIDE -> isInterval(left) && right.isNumeric() ? left : null;
            case MODULUS -> null;
        };
    }

    static boolean isInterval(SqlType type) {
        return type != null && (type.is("interval day to second") || type.is("interval year to month"));
    }

    private static SqlType decimal(Operator operator, SqlType a, SqlType b) {
        int ap = a.length();
        int as = a.scale();
        int bp = b.length();
        int bs = b.scale();
        int scale = Math.max(as, bs);
        return switch (operator) {
            case ADD, SUBTRACT -> SqlType.decimal(Math.min(38, 1 + scale + Math.max(ap - as, bp - bs)), scale);
            case MULTIPLY -> SqlType.decimal(Math.min(38, ap + bp), as + bs);
            case DIVIDE -> SqlType.decimal(Math.min(38, ap - as + bs + scale), scale);
            case MODULUS -> SqlType.decimal(Math.min(bp - bs, ap - as) + scale, scale);
        };
    }

    /** An integer as the decimal Trino coerces it to (tinyint: decimal(3,0) ... bigint: decimal(19,0)). */
    private static SqlType asDecimal(SqlType number) {
        return switch (number.base()) {
            case "tinyint" -> SqlType.decimal(3, 0);
            case "smallint" -> SqlType.decimal(5, 0);
            case "integer" -> SqlType.decimal(10, 0);
            case "bigint" -> SqlType.decimal(19, 0);
            default -> number;
        };
    }
}
