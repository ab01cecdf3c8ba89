package ai.connecty.athena.local.sql;

import io.trino.sql.tree.BooleanLiteral;
import io.trino.sql.tree.ComparisonExpression;
import io.trino.sql.tree.DecimalLiteral;
import io.trino.sql.tree.DoubleLiteral;
import io.trino.sql.tree.Expression;
import io.trino.sql.tree.GenericLiteral;
import io.trino.sql.tree.LongLiteral;
import io.trino.sql.tree.NullLiteral;
import io.trino.sql.tree.StringLiteral;
import java.util.Locale;

/**
 * Trino refuses to compare values of types no implicit coercion joins: a number with text
 * ({@code year = '2024'}, Athena's most common TYPE_MISMATCH), a date with text ({@code d = '2024-01-01'}), text or
 * a number with a boolean, an IPADDRESS with anything else. DuckDB casts one side and runs such a comparison, so a query that passes here would
 * fail in Athena. Only operands whose type the tree or the catalog shows for certain are judged (literals, casts,
 * table columns), and only across the families below; anything else is left to run.
 */
final class ComparisonTypes {

    private ComparisonTypes() {
    }

    /**
     * @param left  the left operand's type, null where unknown
     * @param right the right operand's type, null where unknown
     * @throws EngineFailure Trino's {@code TYPE_MISMATCH: Cannot apply operator: integer = varchar(4)}, positioned at
     *                       the comparison
     */
    static void check(ComparisonExpression comparison, SqlType left, SqlType right, String position) {
        String leftFamily = family(left);
        String rightFamily = family(right);
        if (leftFamily == null || rightFamily == null || leftFamily.equals(rightFamily)) {
            return;
        }
        if (comparison.getOperator() == ComparisonExpression.Operator.IS_DISTINCT_FROM) {
            // Trino's OperatorNotFoundException words this operator apart from the others.
            throw EngineFailure.user("TYPE_MISMATCH", position + "Cannot check if " + left.analyzedName()
                    + " is distinct from " + right.analyzedName());
        }
        throw EngineFailure.user("TYPE_MISMATCH", position + "Cannot apply operator: " + left.analyzedName() + " "
                + operator(comparison.getOperator()) + " " + right.analyzedName());
    }

    /**
     * The type a literal has in Trino ({@code 'abc'} is {@code varchar(3)}; Athena reads {@code 1.5} as a double;
     * {@code NULL} is {@code unknown}), or null for an expression that is no literal of a judged type.
     */
    static SqlType literal(Expression e) {
        if (e instanceof NullLiteral) {
            return CommonSuperType.UNKNOWN;
        }
        if (e instanceof StringLiteral text) {
            String value = text.getValue();
            return new SqlType("varchar", value.codePointCount(0, value.length()), 0, java.util.List.of(),
                    java.util.List.of());
        }
        if (e instanceof LongLiteral number) {
            long value = number.getParsedValue();
            return SqlType.simple(value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? "integer" : "bigint");
        }
        if (e instanceof DoubleLiteral || e instanceof DecimalLiteral) {
            return SqlType.simple("double");
        }
        if (e instanceof BooleanLiteral) {
            return SqlType.simple("boolean");
        }
        if (e instanceof GenericLiteral typed) {
            return switch (typed.getType().toLowerCase(Locale.ROOT)) {
                case "date" -> SqlType.simple("date");
                case "tinyint", "smallint", "integer", "bigint", "double", "boolean" ->
                        SqlType.simple(typed.getType().toLowerCase(Locale.ROOT));
                case "real" -> SqlType.simple("float");
                case "decimal" -> decimal(typed.getValue());
                case "ipaddress" -> SqlType.simple("ipaddress");
                default -> null;
            };
        }
        return null;
    }

    private static SqlType decimal(String value) {
        try {
            return Literals.decimalLiteralType(value);
        } catch (UnsupportedSqlException notANumber) {
            return null;
        }
    }

    /** Types that compare with each other in Trino; null for a type not judged here. */
    static String family(SqlType type) {
        if (type == null) {
            return null;
        }
        return switch (type.base()) {
            case "tinyint", "smallint", "integer", "bigint", "float", "double", "decimal" -> "number";
            case "varchar", "char" -> "text";
            case "date", "timestamp", "timestamp with time zone" -> "datetime";
            case "boolean" -> "boolean";
            case "ipaddress" -> "ipaddress";
            default -> null;
        };
    }

    /**
     * The operator Trino's analyzer resolves for the comparison, which its message names: {@code <>} is the
     * negation of {@code =}, and {@code >}/{@code >=} are resolved as {@code <}/{@code <=}.
     */
    private static String operator(ComparisonExpression.Operator operator) {
        return switch (operator) {
            case EQUAL, NOT_EQUAL -> "=";
            case LESS_THAN, GREATER_THAN -> "<";
            case LESS_THAN_OR_EQUAL, GREATER_THAN_OR_EQUAL -> "<=";
            case IS_DISTINCT_FROM -> throw new IllegalArgumentException("worded apart: " + operator);
        };
    }
}
