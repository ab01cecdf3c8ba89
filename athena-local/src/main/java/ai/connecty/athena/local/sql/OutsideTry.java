package ai.connecty.athena.local.sql;

import io.trino.sql.tree.DefaultTraversalVisitor;
import io.trino.sql.tree.DereferenceExpression;
import io.trino.sql.tree.ExistsPredicate;
import io.trino.sql.tree.Expression;
import io.trino.sql.tree.FunctionCall;
import io.trino.sql.tree.GroupingOperation;
import io.trino.sql.tree.Identifier;
import io.trino.sql.tree.InPredicate;
import io.trino.sql.tree.LambdaExpression;
import io.trino.sql.tree.Node;
import io.trino.sql.tree.QuantifiedComparisonExpression;
import io.trino.sql.tree.SubqueryExpression;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The parts of a {@code try(…)} argument that DuckDB refuses inside its TRY: aggregate and window calls,
 * {@code grouping()}, subqueries and random values. {@link DuckDbPrinter} computes them outside the TRY and hands
 * their values in, which is Trino's order too: it computes aggregates, window functions and subqueries before the
 * expression over them, so try() catches the expression's errors and not theirs (an aggregate's own failure, as in
 * {@code try(sum(a / 0))}, still fails the query). A random value is drawn outside and used inside, so the bound
 * checks of {@code rand(n)} stay inside and give NULL.
 */
final class OutsideTry {

    /**
     * Trino's aggregate functions (Trino's documentation, "Aggregate functions"); a call with DISTINCT, ORDER BY,
     * FILTER or OVER is an aggregate or window call whatever its name.
     */
    private static final Set<String> AGGREGATES = Set.of(
            "any_value", "approx_distinct", "approx_most_frequent", "approx_percentile", "approx_set", "arbitrary",
            "array_agg", "avg", "bitwise_and_agg", "bitwise_or_agg", "bitwise_xor_agg", "bool_and", "bool_or",
            "checksum", "corr", "count", "count_if", "covar_pop", "covar_samp", "every", "geometric_mean", "histogram",
            "kurtosis", "listagg", "make_set_digest", "map_agg", "map_union", "max", "max_by", "merge",
            "merge_set_digest", "min", "min_by", "multimap_agg", "numeric_histogram", "qdigest_agg", "reduce_agg",
            "regr_intercept", "regr_slope", "set_agg", "set_union", "skewness", "stddev", "stddev_pop", "stddev_samp",
            "sum", "tdigest_agg", "var_pop", "var_samp", "variance");

    /** Trino's functions DuckDB counts as volatile, with a random value drawn by DuckDB's {@code random()}. */
    private static final Set<String> RANDOM = Set.of("rand", "random");

    private OutsideTry() {
    }

    /**
     * The outermost nodes of {@code argument} to compute outside DuckDB's TRY, in the order they are written, or none
     * when its TRY can compute all of it. Nodes in {@code computedAlready} (an enclosing try() computes them) and
     * what is inside them are left out. Once something is computed outside, so are the column references other than a
     * lambda's arguments, and the expressions in {@code groupKeys} (the query's GROUP BY) as a whole: DuckDB cannot
     * bind a GROUP BY key inside the lambda that hands the values to the TRY.
     */
    static List<Node> find(Expression argument, Set<Node> computedAlready, List<Expression> groupKeys) {
        List<Node> found = new ArrayList<>();
        boolean[] refused = {false};
        new DefaultTraversalVisitor<Set<String>>() {
            @Override
            public Void process(Node node, Set<String> lambdaArguments) {
                if (computedAlready.contains(node)) {
                    return null;
                }
                if (isRefusedInTry(node)) {
                    refused[0] = true;
                    found.add(node);
                    return null;
                }
                if (groupKeys.contains(node)) {
                    found.add(node);
                    return null;
                }
                String column = columnName(node);
                if (column != null) {
                    if (!lambdaArguments.contains(column)) {
                        found.add(node);
                    }
                    return null;
                }
                return super.process(node, lambdaArguments);
            }

            @Override
            protected Void visitLambdaExpression(LambdaExpression lambda, Set<String> lambdaArguments) {
                Set<String> inside = new HashSet<>(lambdaArguments);
                lambda.getArguments().forEach(a -> inside.add(a.getName().getCanonicalValue()));
                return process(lambda.getBody(), inside);
            }
        }.process(argument, Set.of());
        return refused[0] ? found : List.of();
    }

    /** The first name of a column reference ({@code a}, {@code t.a}, {@code r.field}), else null. */
    private static String columnName(Node node) {
        if (node instanceof Identifier identifier) {
            return identifier.getCanonicalValue();
        }
        if (node instanceof DereferenceExpression dereference && dereference.getField().isPresent()
                && (dereference.getBase() instanceof Identifier || dereference.getBase() instanceof DereferenceExpression)) {
            return columnName(dereference.getBase());
        }
        return null;
    }

    /** Whether {@code node} draws a random value: {@code rand()}, {@code rand(n)}, {@code random(m, n)} … */
    static boolean isRandom(Node node) {
        return node instanceof FunctionCall call && RANDOM.contains(name(call));
    }

    /**
     * Whether DuckDB's TRY refuses {@code node} (and what it holds): an aggregate or window call, {@code grouping()},
     * a subquery, a random value.
     */
    static boolean isRefusedInTry(Node node) {
        if (node instanceof FunctionCall call) {
            return call.getWindow().isPresent() || call.getFilter().isPresent() || call.isDistinct()
                    || call.getOrderBy().isPresent() || AGGREGATES.contains(name(call)) || isRandom(call);
        }
        return node instanceof GroupingOperation || node instanceof SubqueryExpression
                || node instanceof ExistsPredicate || node instanceof QuantifiedComparisonExpression
                || node instanceof InPredicate in && in.getValueList() instanceof SubqueryExpression;
    }

    private static String name(FunctionCall call) {
        return String.join(".", call.getName().getParts()).toLowerCase(Locale.ROOT);
    }
}
