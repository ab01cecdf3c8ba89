package ai.connecty.athena.local.engine;

import io.trino.sql.tree.ArithmeticUnaryExpression;
import io.trino.sql.tree.BooleanLiteral;
import io.trino.sql.tree.DecimalLiteral;
import io.trino.sql.tree.DoubleLiteral;
import io.trino.sql.tree.Expression;
import io.trino.sql.tree.LongLiteral;
import io.trino.sql.tree.Query;
import io.trino.sql.tree.QuerySpecification;
import io.trino.sql.tree.SelectItem;
import io.trino.sql.tree.SingleColumn;
import io.trino.sql.tree.Statement;
import io.trino.sql.tree.StringLiteral;

/**
 * Recognises a literal-only SELECT ({@code SELECT 1}, {@code SELECT 'a', -1.5 AS x}, {@code SELECT (1)}) by its
 * tree. Athena answers these without planning them in the engine: their {@code .metadata} carries the execution id
 * instead of an engine query id and they report no QueryPlanningTimeInMillis (measured-behaviour §4.2, §4.5).
 * Anything with an operator, a function, NULL, a CAST or a FROM is not literal-only.
 */
final class LiteralSelect {

    private LiteralSelect() {
    }

    static boolean isLiteralOnly(Statement tree) {
        if (!(tree instanceof Query query) || query.getWith().isPresent() || query.getOrderBy().isPresent()
                || query.getLimit().isPresent() || query.getOffset().isPresent()
                || !(query.getQueryBody() instanceof QuerySpecification spec)) {
            return false;
        }
        if (spec.getFrom().isPresent() || spec.getWhere().isPresent() || spec.getGroupBy().isPresent()
                || spec.getHaving().isPresent() || spec.getOrderBy().isPresent() || spec.getLimit().isPresent()
                || spec.getOffset().isPresent() || !spec.getWindows().isEmpty() || spec.getSelect().isDistinct()) {
            return false;
        }
        for (SelectItem item : spec.getSelect().getSelectItems()) {
            if (!(item instanceof SingleColumn column) || !isLiteral(column.getExpression())) {
                return false;
            }
        }
        return true;
    }

    /** A number, string or boolean literal; a number may be negated. */
    private static boolean isLiteral(Expression e) {
        if (e instanceof ArithmeticUnaryExpression unary) {
            return unary.getSign() == ArithmeticUnaryExpression.Sign.MINUS && isNumber(unary.getValue());
        }
        return isNumber(e) || e instanceof StringLiteral || e instanceof BooleanLiteral;
    }

    private static boolean isNumber(Expression e) {
        return e instanceof LongLiteral || e instanceof DecimalLiteral || e instanceof DoubleLiteral;
    }
}
