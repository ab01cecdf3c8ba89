package ai.connecty.athena.local.engine;

import io.trino.sql.tree.ComparisonExpression;
import io.trino.sql.tree.DereferenceExpression;
import io.trino.sql.tree.Expression;
import io.trino.sql.tree.GenericLiteral;
import io.trino.sql.tree.Identifier;
import io.trino.sql.tree.InListExpression;
import io.trino.sql.tree.InPredicate;
import io.trino.sql.tree.LogicalExpression;
import io.trino.sql.tree.LongLiteral;
import io.trino.sql.tree.Node;
import io.trino.sql.tree.Parameter;
import io.trino.sql.tree.QuerySpecification;
import io.trino.sql.tree.StringLiteral;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The values a query gives the columns of injected partition projection: the constants of {@code col = 'v'} and
 * {@code col IN ('a', 'b')} among the AND-ed terms of each WHERE in the statement, by lower-case column name.
 * Columns are matched by name only (not by the table they belong to), which can only add partitions to look at:
 * DuckDB still applies the whole WHERE to the rows, so results stay right.
 */
final class InjectedValues {

    private InjectedValues() {
    }

    static Map<String, Set<String>> of(Node tree, List<? extends Expression> parameters) {
        Map<String, Set<String>> found = new HashMap<>();
        collect(tree, parameters, found);
        return found;
    }

    private static void collect(Node node, List<? extends Expression> parameters, Map<String, Set<String>> found) {
        if (node instanceof QuerySpecification q && q.getWhere().isPresent()) {
            for (Expression term : conjuncts(q.getWhere().get())) {
                equality(term, parameters, found);
            }
        }
        for (Node child : node.getChildren()) {
            collect(child, parameters, found);
        }
    }

    private static List<Expression> conjuncts(Expression e) {
        List<Expression> terms = new ArrayList<>();
        if (e instanceof LogicalExpression l && l.getOperator() == LogicalExpression.Operator.AND) {
            for (Expression t : l.getTerms()) {
                terms.addAll(conjuncts(t));
            }
        } else {
            terms.add(e);
        }
        return terms;
    }

    private static void equality(Expression term, List<? extends Expression> parameters,
                                 Map<String, Set<String>> found) {
        if (term instanceof ComparisonExpression c && c.getOperator() == ComparisonExpression.Operator.EQUAL) {
            Optional<String> left = column(c.getLeft());
            Optional<String> right = column(c.getRight());
            if (left.isPresent()) {
                constant(c.getRight(), parameters).ifPresent(v -> add(found, left.get(), v));
            } else if (right.isPresent()) {
                constant(c.getLeft(), parameters).ifPresent(v -> add(found, right.get(), v));
            }
        } else if (term instanceof InPredicate in && in.getValueList() instanceof InListExpression list) {
            Optional<String> col = column(in.getValue());
            if (col.isEmpty()) {
                return;
            }
            List<String> values = new ArrayList<>();
            for (Expression item : list.getValues()) {
                Optional<String> v = constant(item, parameters);
                if (v.isEmpty()) {
                    return; // one non-constant item makes the whole IN non-static
                }
                values.add(v.get());
            }
            values.forEach(v -> add(found, col.get(), v));
        }
    }

    private static void add(Map<String, Set<String>> found, String column, String value) {
        found.computeIfAbsent(column, k -> new LinkedHashSet<>()).add(value);
    }

    private static Optional<String> column(Expression e) {
        if (e instanceof Identifier i) {
            return Optional.of(i.getValue().toLowerCase(Locale.ROOT));
        }
        if (e instanceof DereferenceExpression d) {
            return d.getField().map(f -> f.getValue().toLowerCase(Locale.ROOT));
        }
        return Optional.empty();
    }

    private static Optional<String> constant(Expression e, List<? extends Expression> parameters) {
        if (e instanceof StringLiteral s) {
            return Optional.of(s.getValue());
        }
        if (e instanceof LongLiteral l) {
            return Optional.of(Long.toString(l.getParsedValue()));
        }
        if (e instanceof GenericLiteral g) {
            return Optional.of(g.getValue());
        }
        if (e instanceof Parameter p && p.getId() < parameters.size()) {
            return constant(parameters.get(p.getId()), parameters);
        }
        return Optional.empty();
    }
}
