package ai.connecty.athena.local.sql;

import io.trino.sql.tree.AllColumns;
import io.trino.sql.tree.DereferenceExpression;
import io.trino.sql.tree.Expression;
import io.trino.sql.tree.Identifier;
import io.trino.sql.tree.NullLiteral;
import io.trino.sql.tree.Query;
import io.trino.sql.tree.QueryBody;
import io.trino.sql.tree.QuerySpecification;
import io.trino.sql.tree.SelectItem;
import io.trino.sql.tree.SingleColumn;
import io.trino.sql.tree.TableSubquery;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Trino type of each column of a query's result where the tree and the catalog show it for certain: a literal's
 * ({@link ComparisonTypes#literal}, an untyped NULL's {@code unknown}), a cast's, a table column's declared type
 * ({@link KnownTypes}), also through WITH queries, derived tables, VALUES rows and set operations whose values all
 * show one type. INSERT's analysis needs them (DuckDB's result types are not Trino's: a string literal is an
 * unbounded VARCHAR there, a NULL an INTEGER). Read after the query is translated, in the scopes the translation
 * entered.
 */
final class ResultTypes {

    private static final SqlType UNKNOWN = SqlType.simple("unknown");

    private final KnownTypes types;
    private final QueryScopes scopes;
    private final List<SqlStatement.BoundValue> parameters;
    /** The type of each gathered column asked about, once: a recursive WITH query's columns refer to themselves. */
    private final Map<Scope.Column, Optional<SqlType>> gathered = new IdentityHashMap<>();

    ResultTypes(KnownTypes types, QueryScopes scopes, List<SqlStatement.BoundValue> parameters) {
        this.types = types;
        this.scopes = scopes;
        this.parameters = parameters;
    }

    /**
     * The types of {@code query}'s columns in order, an element null where not known, up to the first {@code *}
     * whose columns the tree does not show (the columns after it have positions only the result tells).
     */
    List<SqlType> of(Query query) {
        QueryBody body = query.getQueryBody();
        if (body instanceof TableSubquery sub && query.getWith().isEmpty()) {
            return of(sub.getQuery());
        }
        Scope outer = scopes.enter(query, Scope.NONE);
        List<SqlType> out = new ArrayList<>();
        if (body instanceof QuerySpecification spec) {
            Scope scope = scopes.of(spec, outer);
            for (SelectItem item : spec.getSelect().getSelectItems()) {
                if (item instanceof SingleColumn column) {
                    out.add(of(column.getExpression(), scope));
                    continue;
                }
                List<Scope.Column> columns = scopes.columns((AllColumns) item);
                if (columns == null) {
                    break;
                }
                columns.forEach(c -> out.add(of(c)));
            }
            return out;
        }
        List<Scope.Column> columns = scopes.columns(body);
        if (columns != null) {
            columns.forEach(c -> out.add(of(c)));
        }
        return out;
    }

    /**
     * The names of {@code query}'s columns in order (lower case; an element null for a column Trino leaves unnamed:
     * an expression neither aliased nor a column reference, a VALUES column), or null where the tree does not show
     * the columns. A set operation's are its first branch's.
     */
    List<String> names(Query query) {
        QueryBody body = query.getQueryBody();
        if (body instanceof TableSubquery sub && query.getWith().isEmpty()) {
            return names(sub.getQuery());
        }
        scopes.enter(query, Scope.NONE);
        List<Scope.Column> columns = scopes.columns(body);
        return columns == null ? null : columns.stream().map(Scope.Column::name).toList();
    }

    /** The type of {@code written}, standing in {@code scope}, or null where not certain. */
    private SqlType of(Expression written, Scope scope) {
        Expression e = SqlStatement.BoundValue.resolve(parameters, written);
        if (e instanceof NullLiteral) {
            return UNKNOWN;
        }
        SqlType literal = ComparisonTypes.literal(e);
        if (literal != null) {
            return literal;
        }
        if (e == written && (e instanceof Identifier || e instanceof DereferenceExpression)) {
            Scope.Column column = scope.resolve(e);
            if (column != null) {
                return of(column);
            }
        }
        return types.of(written, scope);
    }

    /** A column's declared type, or the one its values all show (NULLs aside; texts of several lengths: the longest). */
    private SqlType of(Scope.Column column) {
        if (column.type() != null) {
            return column.type();
        }
        Optional<SqlType> known = gathered.get(column);
        if (known == null) {
            gathered.put(column, Optional.empty());
            known = Optional.ofNullable(common(column.values()));
            gathered.put(column, known);
        }
        return known.orElse(null);
    }

    private SqlType common(List<Scope.Value> values) {
        SqlType common = values.isEmpty() ? null : UNKNOWN;
        for (Scope.Value value : values) {
            SqlType type = of(value.expression(), value.scope());
            if (type == null) {
                return null;
            }
            common = common(common, type);
            if (common == null) {
                return null;
            }
        }
        return common;
    }

    /**
     * The type of a column whose values show {@code a} and {@code b}: Trino's common super type where the two are
     * equal, one is an untyped NULL, or both are texts (the longer); else null, not judged.
     */
    private static SqlType common(SqlType a, SqlType b) {
        boolean texts = a.is("varchar") && b.is("varchar");
        return a.is("unknown") || b.is("unknown") || a.equals(b) || texts ? CommonSuperType.of(a, b) : null;
    }
}
