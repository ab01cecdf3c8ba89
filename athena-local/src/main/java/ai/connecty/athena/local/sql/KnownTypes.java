package ai.connecty.athena.local.sql;

import io.trino.sql.tree.Cast;
import io.trino.sql.tree.DereferenceExpression;
import io.trino.sql.tree.Expression;
import io.trino.sql.tree.Identifier;
import io.trino.sql.tree.NullLiteral;
import io.trino.sql.tree.TimestampLiteral;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The type of an expression where the catalog or the tree shows it without computing anything: a column reference to a
 * table or view column (the type the catalog declares, see {@link TableColumns}), a field of such a row ({@code r.f}),
 * a CAST and a timestamp literal (of the precision written). A column of a WITH query, derived table, set operation or
 * VALUES has the type its items have where they are written ({@link ItemTypes}: the printer's, which also knows
 * literals', constructors', operators' and resolved calls' types), so that a query wrapped by a BI tool is printed as
 * it is unwrapped. This is no type checker: any other expression, and a name {@link Scope} cannot resolve to one
 * column, has no known type (null), and the translation then does what it does without one.
 */
final class KnownTypes {

    private static final int DECLARED_KEPT = 1024;
    /**
     * Recently parsed declared types: a statement's tables are described anew for each statement, and parsing every
     * column's type text each time cost more than the rest of the translation of a query over a wide table.
     */
    private static final Map<String, Optional<SqlType>> DECLARED = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<SqlType>> eldest) {
            return size() > DECLARED_KEPT;
        }
    };

    /**
     * The type of a query's item where it is written: what gives a WITH query's, derived table's, set operation's or
     * VALUES' column its type. The printer knows more types than this class (it resolves calls against Trino's
     * signatures), and a column's items are typed the same wherever the column is read.
     */
    @FunctionalInterface
    interface ItemTypes {

        /** The type of {@code item}, which stands in {@code scope}, or null where not known. */
        SqlType of(Expression item, Scope scope);
    }

    private final List<SqlStatement.BoundValue> parameters;
    private final ItemTypes items;
    /** The type of each column asked about (absent: none), computed once: columns refer to columns, level by level. */
    private final Map<Scope.Column, Optional<SqlType>> columnTypes = new IdentityHashMap<>();

    /**
     * @param parameters the values bound to the statement's {@code ?}, by position
     * @param items      the types of the items that fill the columns of the statement's queries
     */
    KnownTypes(List<SqlStatement.BoundValue> parameters, ItemTypes items) {
        this.parameters = parameters;
        this.items = items;
    }

    /**
     * The type a catalog declares in {@code text} (Hive spelling, or Trino's for a view's column), or null where it
     * does not parse: the column is still known by name.
     */
    static SqlType declared(String text) {
        synchronized (DECLARED) {
            Optional<SqlType> known = DECLARED.get(text);
            if (known != null) {
                return known.orElse(null);
            }
        }
        SqlType type;
        try {
            type = TypeParser.parse(text, TypeParser.Dialect.HIVE);
        } catch (IllegalArgumentException unparsed) {
            type = null;
        }
        synchronized (DECLARED) {
            DECLARED.put(text, Optional.ofNullable(type));
        }
        return type;
    }

    /** The type of {@code written}, which stands in {@code scope}, or null where neither catalog nor tree shows it. */
    SqlType of(Expression written, Scope scope) {
        Expression e = SqlStatement.BoundValue.resolve(parameters, written);
        if (e instanceof Cast cast) {
            return TrinoTypes.targetOf(cast).orElse(null);
        }
        if (e instanceof TimestampLiteral literal) {
            // of the precision written, also as a column of a subquery or WITH query
            return Literals.timestampLiteralType(literal.getValue());
        }
        if (!(e instanceof Identifier || e instanceof DereferenceExpression)) {
            return null;
        }
        Scope.Column column = scope.resolve(e);
        if (column != null) {
            return of(column);
        }
        // r.f, where no source could be r: Trino reads it as field f of the row column r
        if (e instanceof DereferenceExpression d && d.getField().isPresent() && scope.namesNoColumn(d)) {
            return field(of(d.getBase(), scope), Scope.canonical(d.getField().get()));
        }
        return null;
    }

    /**
     * The type of {@code column}: the declared one, or the one all its values (untyped NULLs aside) have, folded as
     * Trino folds a set operation's or VALUES' columns where that is certain ({@link CommonSuperType}).
     */
    SqlType of(Scope.Column column) {
        if (column.type() != null) {
            return column.type();
        }
        Optional<SqlType> known = columnTypes.get(column);
        if (known == null) {
            columnTypes.put(column, Optional.empty());   // a column reached again while its type is sought has none
            known = Optional.ofNullable(common(column.values()));
            columnTypes.put(column, known);
        }
        return known.orElse(null);
    }

    /**
     * The type of a column of {@code values} (untyped NULLs aside, which take any type): the one they all have, or
     * their common super type where it is certain; null where a value's type is not known or none is certain.
     */
    private SqlType common(List<Scope.Value> values) {
        SqlType common = null;
        for (Scope.Value value : values) {
            if (value.expression() instanceof NullLiteral) {
                continue;
            }
            SqlType type = value.declared() != null ? value.declared() : items.of(value.expression(), value.scope());
            if (type == null) {
                return null;
            }
            common = common == null || common.equals(type) ? type : superType(common, type);
            if (common == null) {
                return null;
            }
        }
        return common;
    }

    /**
     * Trino's common super type of two different types, where it is certain here ({@link CommonSuperType}; two
     * arrays have the array of their elements' common super type); else null.
     */
    private static SqlType superType(SqlType a, SqlType b) {
        if (a.is("array") && b.is("array")) {
            SqlType element = a.element().equals(b.element()) ? a.element() : superType(a.element(), b.element());
            return element == null ? null : SqlType.array(element);
        }
        return CommonSuperType.judged(a) && CommonSuperType.judged(b) && CommonSuperType.joins(a, b)
                ? CommonSuperType.of(a, b) : null;
    }

    /** The type of field {@code name} of {@code row}, or null where {@code row} is no row with such a field. */
    private static SqlType field(SqlType row, String name) {
        if (row == null || !row.is("row")) {
            return null;
        }
        SqlType found = null;
        for (int i = 0; i < row.children().size(); i++) {
            if (name.equalsIgnoreCase(Objects.requireNonNullElse(row.fieldNames().get(i), ""))) {
                if (found != null) {
                    return null;   // two fields of that name: Trino refuses the reference
                }
                found = row.children().get(i);
            }
        }
        return found;
    }
}
