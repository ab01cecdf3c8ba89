package ai.connecty.athena.local.sql;

import io.trino.sql.tree.ArithmeticBinaryExpression.Operator;

/**
 * The type of Trino's {@code + - * / %} over two numbers whose types are known: a double if either is one, else a
 * real, else a decimal by Trino's DecimalOperators rules (an integer operand counts as the decimal that holds its
 * range), else the wider integer; a date minus a date is an interval day to second. Null for anything else (other
 * date and interval operations, an operand of unknown type), which leaves the judgement to DuckDB as before.
 */
final class ArithmeticTypes {

    private ArithmeticTypes() {
    }

    static SqlType of(Operator operator, SqlType left, SqlType right) {
        if (operator == Operator.SUBTRACT && left != null && right != null && left.is("date") && right.is("date")) {
            return SqlType.simple("interval day to second"); // Trino's date - date
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
