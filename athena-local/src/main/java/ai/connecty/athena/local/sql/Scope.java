package ai.connecty.athena.local.sql;

import io.trino.sql.tree.DereferenceExpression;
import io.trino.sql.tree.Expression;
import io.trino.sql.tree.Identifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The names an expression sees where it stands in a query, scoped as in Trino: the sources of its SELECT's FROM
 * clause with their columns, then those of each query around it (a subquery sees its outer query's columns), and the
 * WITH queries a table name may mean. {@link QueryScopes} builds them from the tree and the catalog's columns
 * ({@link TableColumns}); {@link TimestampZones} resolves a column reference with them to the SELECT item it names,
 * whose zone the value keeps (Trino's timestamp with time zone carries each value's zone through WITH queries,
 * derived tables and set operations), and {@link KnownTypes} to the column it names, whose declared type it has (a
 * table's) or its items' (a WITH query's, derived table's, set operation's or VALUES' column).
 * <p>
 * A name that could mean a column neither the tree nor the catalog shows (a table the catalog does not know, an
 * UNNEST of an argument of unknown type) or more than one column resolves to nothing, so no zone or type is ever
 * guessed. Names are matched ignoring case, as Trino and DuckDB match them.
 */
final class Scope {

    /** Where a query stands at the top of a statement: nothing is in scope. */
    static final Scope NONE = new Scope(null, List.of(), Map.of(), List.of(), Set.of());

    /**
     * A SELECT item as a column of the relation it makes, or of an output that gathers several items (a set
     * operation's column, from each branch; a VALUES column, from each row).
     *
     * @param name the column's name in lower case, null for an unnamed one
     * @param values the items whose values fill the column, each with the scope it is written in; none where the
     *        tree does not show them (a table's column, one named by an alias list over a table)
     * @param type the type the catalog declares (a table's or view's column) or an UNNEST gives it; null where
     *        only {@code values} can tell
     */
    record Column(String name, List<Value> values, SqlType type) {

        Column(String name, List<Value> values) {
            this(name, values, null);
        }
    }

    /**
     * An expression that gives a column its values, and the scope its names resolve in.
     *
     * @param declared the type of values the tree does not show (a table column's, gathered by a set operation), as
     *        the catalog declares it; null for an expression the tree shows, or where nothing declares one
     */
    record Value(Expression expression, Scope scope, SqlType declared) {

        /** Values the tree does not show (a table column's): a name nothing resolves, so of no zone or type. */
        static final Value UNSEEN = new Value(new Identifier("values not shown"), NONE, null);

        Value(Expression expression, Scope scope) {
            this(expression, scope, null);
        }

        /** Values the tree does not show, of the {@code type} the catalog declares for them (no zone: a table's). */
        static Value unseen(SqlType type) {
            return type == null ? UNSEEN : new Value(UNSEEN.expression(), NONE, type);
        }
    }

    /**
     * A relation in a FROM clause, or a WITH query a table name may mean.
     *
     * @param name the name that qualifies its columns, in lower case (the alias, the WITH query's name, the table's
     *        name as written); empty for a derived table without alias
     * @param columns its columns in order, or null where neither the tree nor the catalog shows them (a table the
     *        catalog does not know, UNNEST of an argument of unknown type)
     * @param table whether it is a table or view named without alias
     * @param hidden a table's hidden columns ({@code "$path"} ...), which names resolve to but {@code *} does not list
     */
    record Source(List<String> name, List<Column> columns, boolean table, List<Column> hidden) {

        Source(List<String> name, List<Column> columns) {
            this(name, columns, false);
        }

        Source(List<String> name, List<Column> columns, boolean table) {
            this(name, columns, table, List.of());
        }

        /**
         * Whether {@code qualifier} may name this source. A table could also be written with more or fewer of its
         * catalog and schema, so any qualifier ending in its name may be it (so may one of a source whose columns
         * are unknown).
         */
        boolean couldBeNamed(List<String> qualifier) {
            if (name.isEmpty()) {
                return false;
            }
            return table || columns == null ? qualifier.get(qualifier.size() - 1).equals(name.get(name.size() - 1))
                    : qualifier.equals(name);
        }
    }

    private final Scope parent;
    private final List<Source> sources;
    private final Map<String, Source> withQueries;
    /** In an ORDER BY: the SELECT list's named items, which Trino resolves a plain name to before the sources. */
    private final List<Column> outputs;
    /** Names that are no column here: lambda parameters. */
    private final Set<String> hidden;

    private Scope(Scope parent, List<Source> sources, Map<String, Source> withQueries, List<Column> outputs,
                  Set<String> hidden) {
        this.parent = parent;
        this.sources = sources;
        this.withQueries = withQueries;
        this.outputs = outputs;
        this.hidden = hidden;
    }

    /** A scope of {@code sources} inside this one: a SELECT's FROM clause, what a LATERAL subquery sees. */
    Scope inner(List<Source> sources) {
        return new Scope(this, List.copyOf(sources), withQueries, List.of(), Set.of());
    }

    /** This scope with one more WITH query visible, shadowing any of the same name. */
    Scope with(Source withQuery) {
        Map<String, Source> visible = new HashMap<>(withQueries);
        visible.put(withQuery.name().get(0), withQuery);
        return new Scope(parent, sources, Map.copyOf(visible), outputs, hidden);
    }

    /** An ORDER BY's scope: the SELECT list's named {@code outputs} first, then this SELECT's scope. */
    Scope orderBy(List<Column> outputs) {
        return new Scope(this, List.of(), withQueries, List.copyOf(outputs), Set.of());
    }

    /** A lambda body's scope, where its {@code parameters} hide columns of the same names. */
    Scope lambda(List<Identifier> parameters) {
        return new Scope(this, List.of(), withQueries, List.of(),
                Set.copyOf(parameters.stream().map(Scope::canonical).toList()));
    }

    /** The WITH query a one-part table name means here, or null for a table. */
    Source withQuery(String name) {
        return withQueries.get(name);
    }

    /**
     * The column {@code reference} ({@code a}, {@code t.a}, {@code s.t.a}) names: the one column of that name in the
     * nearest scope that has any, or null where the name is no column reference, could mean a column neither the
     * tree nor the catalog shows (or a lambda parameter), or means more than one column.
     */
    Column resolve(Expression reference) {
        Column column = lookUp(reference);
        return column == NO_COLUMN ? null : column;
    }

    /**
     * Whether {@code reference} surely names no column here: every source it could mean shows its columns and none
     * has that name, nor is it a lambda parameter. Then {@code r.f} is field {@code f} of column {@code r}.
     */
    boolean namesNoColumn(Expression reference) {
        return lookUp(reference) == NO_COLUMN;
    }

    /** What {@link #lookUp} answers where every source in reach shows its columns and none has the name. */
    private static final Column NO_COLUMN = new Column(null, List.of());

    /** As {@link #resolve}, but {@link #NO_COLUMN} where surely nothing has the name. */
    private Column lookUp(Expression reference) {
        List<String> parts = nameParts(reference);
        if (parts == null) {
            return null;
        }
        String name = parts.get(parts.size() - 1);
        List<String> qualifier = parts.subList(0, parts.size() - 1);
        for (Scope scope = this; scope != null; scope = scope.parent) {
            if (scope.hidden.contains(parts.get(0))) {
                return null;
            }
            List<Column> found = new ArrayList<>();
            if (qualifier.isEmpty()) {
                scope.outputs.stream().filter(c -> name.equals(c.name())).forEach(found::add);
            }
            boolean unknown = false;
            for (Source source : scope.sources) {
                if (!qualifier.isEmpty() && !source.couldBeNamed(qualifier)) {
                    continue;
                }
                if (source.columns() == null) {
                    unknown = true;
                } else {
                    source.columns().stream().filter(c -> name.equals(c.name())).forEach(found::add);
                    source.hidden().stream().filter(c -> name.equals(c.name())).forEach(found::add);
                }
            }
            if (unknown || found.size() > 1) {
                return null;
            }
            if (found.size() == 1) {
                return found.get(0);
            }
        }
        return NO_COLUMN;
    }

    /** The lower-case parts of a name ({@code a}, {@code t.a} …), or null for any other expression. */
    static List<String> nameParts(Expression e) {
        if (e instanceof Identifier id) {
            return new ArrayList<>(List.of(canonical(id)));
        }
        if (e instanceof DereferenceExpression d && d.getField().isPresent()) {
            List<String> base = nameParts(d.getBase());
            if (base != null) {
                base.add(canonical(d.getField().get()));
            }
            return base;
        }
        return null;
    }

    /** A name as scopes compare it: in lower case, quoted or not (Trino and DuckDB match names ignoring case). */
    static String canonical(Identifier name) {
        return name.getValue().toLowerCase(Locale.ROOT);
    }
}
