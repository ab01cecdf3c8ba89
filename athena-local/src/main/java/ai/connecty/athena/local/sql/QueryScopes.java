package ai.connecty.athena.local.sql;

import io.trino.sql.tree.AliasedRelation;
import io.trino.sql.tree.AllColumns;
import io.trino.sql.tree.Expression;
import io.trino.sql.tree.Identifier;
import io.trino.sql.tree.Join;
import io.trino.sql.tree.JoinUsing;
import io.trino.sql.tree.Lateral;
import io.trino.sql.tree.NaturalJoin;
import io.trino.sql.tree.Node;
import io.trino.sql.tree.Query;
import io.trino.sql.tree.QueryBody;
import io.trino.sql.tree.QuerySpecification;
import io.trino.sql.tree.Relation;
import io.trino.sql.tree.Row;
import io.trino.sql.tree.SampledRelation;
import io.trino.sql.tree.SelectItem;
import io.trino.sql.tree.SetOperation;
import io.trino.sql.tree.SingleColumn;
import io.trino.sql.tree.Table;
import io.trino.sql.tree.TableSubquery;
import io.trino.sql.tree.Unnest;
import io.trino.sql.tree.Values;
import io.trino.sql.tree.WithQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link Scope} of each SELECT of a query and the columns of its WITH queries, derived tables, tables and
 * UNNESTs, read from the tree's relations (FROM clauses, WITH, set operations), not from its expressions, and from the
 * catalog's columns of the tables it names: a subquery in an expression is entered when the printer reaches it, seen
 * from the scope it is written in. One instance serves one statement, and asks the catalog once per table name.
 */
final class QueryScopes {

    private final TableColumns catalog;
    private final KnownTypes types;
    /** The columns of each table name asked about (null: unknown), so that the catalog is asked once per name. */
    private final Map<List<String>, List<Scope.Column>> tables = new HashMap<>();
    /** The hidden columns of each table name asked about, so that the catalog is asked once per name. */
    private final Map<List<String>, List<Scope.Column>> hidden = new HashMap<>();
    /** The known type of each argument of each UNNEST entered (an element null where unknown). */
    private final Map<Unnest, List<SqlType>> unnestArguments = new IdentityHashMap<>();
    /** The columns of each UNNEST entered, where its arguments' types show them (else null). */
    private final Map<Unnest, List<Scope.Column>> unnests = new IdentityHashMap<>();

    private final Map<Query, Scope> queries = new IdentityHashMap<>();
    private final Map<QuerySpecification, Scope> selects = new IdentityHashMap<>();
    /** The scope of the ORDER BY of a SELECT or of a query, which sees the output's columns. */
    private final Map<Node, Scope> orderBys = new IdentityHashMap<>();
    /** The columns of each query body entered (null where the tree does not show them). */
    private final Map<QueryBody, List<Scope.Column>> outputs = new IdentityHashMap<>();
    /** The columns each {@code *} of a SELECT entered stands for (null where the tree does not show them). */
    private final Map<AllColumns, List<Scope.Column>> stars = new IdentityHashMap<>();

    /**
     * @param catalog the declared columns of the tables the statement names
     * @param types   the types of expressions, which UNNEST's columns take from its arguments
     */
    QueryScopes(TableColumns catalog, KnownTypes types) {
        this.catalog = catalog;
        this.types = types;
    }

    /**
     * The scope of {@code query}'s body (its WITH queries visible), entering the query, its WITH queries and derived
     * tables first if they are not yet, seen from {@code outer}, the scope the query is written in.
     */
    Scope enter(Query query, Scope outer) {
        if (!queries.containsKey(query)) {
            columns(query, outer);
        }
        return queries.get(query);
    }

    /** The scope of {@code select}'s expressions, entering it from {@code outer} if the query around it was not. */
    Scope of(QuerySpecification select, Scope outer) {
        if (!selects.containsKey(select)) {
            select(select, outer);
        }
        return selects.get(select);
    }

    /** The scope of the ORDER BY of {@code node} (a query or a SELECT entered already), or {@code otherwise}. */
    Scope orderBy(Node node, Scope otherwise) {
        return orderBys.getOrDefault(node, otherwise);
    }

    /** The columns {@code body} (of a query entered already) returns, or null where the tree does not show them. */
    List<Scope.Column> columns(QueryBody body) {
        return outputs.get(body);
    }

    /** The columns {@code star} (of a SELECT entered already) stands for, or null where the tree does not show them. */
    List<Scope.Column> columns(AllColumns star) {
        return stars.get(star);
    }

    /**
     * The known types of {@code unnest}'s arguments (of a SELECT entered already), an element null where unknown; null
     * for an UNNEST not entered.
     */
    List<SqlType> argumentTypes(Unnest unnest) {
        return unnestArguments.get(unnest);
    }

    /**
     * The columns {@code unnest} (of a SELECT entered already) gives, as Trino makes them, or null where its
     * arguments' types do not show them.
     */
    List<Scope.Column> unnestColumns(Unnest unnest) {
        return unnests.get(unnest);
    }

    /** The columns {@code query} returns (null where the tree does not show them), entering it. */
    private List<Scope.Column> columns(Query query, Scope outer) {
        Scope scope = outer;
        if (query.getWith().isPresent()) {
            boolean recursive = query.getWith().get().isRecursive();
            for (WithQuery with : query.getWith().get().getQueries()) {
                List<String> name = List.of(Scope.canonical(with.getName()));
                if (recursive) {
                    // Rows of later steps come from the query itself: its columns are named, their values not followed.
                    scope = scope.with(new Scope.Source(name, renamed(null, with.getColumnNames().orElse(null))));
                    columns(with.getQuery(), scope);
                } else {
                    List<Scope.Column> columns = columns(with.getQuery(), scope);
                    scope = scope.with(new Scope.Source(name, renamed(columns, with.getColumnNames().orElse(null))));
                }
            }
        }
        queries.put(query, scope);
        List<Scope.Column> columns = body(query.getQueryBody(), scope);
        if (query.getOrderBy().isPresent()) {
            orderBys.put(query, scope.inner(List.of(new Scope.Source(List.of(), columns))));
        }
        return columns;
    }

    private List<Scope.Column> body(QueryBody body, Scope scope) {
        List<Scope.Column> columns = null;
        if (body instanceof QuerySpecification select) {
            columns = select(select, scope);
        } else if (body instanceof SetOperation set) {
            columns = setOperation(set, scope);
        } else if (body instanceof Values values) {
            columns = values(values, scope);
        } else if (body instanceof TableSubquery sub) {
            columns = columns(sub.getQuery(), scope);
        } else if (body instanceof Table table) {
            columns = source(table, scope, List.of()).columns();
        }
        outputs.put(body, columns);
        return columns;
    }

    /**
     * A set operation's columns: named by its first branch, each with the values of every branch at its position
     * (whose zone it has only where they all give the same); null where a branch's columns are not known.
     */
    private List<Scope.Column> setOperation(SetOperation set, Scope scope) {
        List<Scope.Column> columns = null;
        for (Relation relation : set.getRelations()) {
            List<Scope.Column> branch = relation instanceof QueryBody body ? body(body, scope) : null;
            if (branch == null || columns != null && branch.size() != columns.size()) {
                return null;
            }
            if (columns == null) {
                columns = new ArrayList<>(branch);
                continue;
            }
            for (int i = 0; i < columns.size(); i++) {
                List<Scope.Value> values = new ArrayList<>(shown(columns.get(i)));
                values.addAll(shown(branch.get(i)));
                columns.set(i, new Scope.Column(columns.get(i).name(), values));
            }
        }
        return columns;
    }

    /**
     * The values of {@code column} as a set operation gathers them: a column whose values the tree does not show (a
     * table's, listed by {@code *} or TABLE) brings one that shows no zone and only its declared type, if any, so that
     * the other branches' do not speak for it.
     */
    private static List<Scope.Value> shown(Scope.Column column) {
        return column.values().isEmpty() ? List.of(Scope.Value.unseen(column.type())) : column.values();
    }

    /** VALUES' columns, unnamed, each with the value of every row at its position; null where rows differ in size. */
    private static List<Scope.Column> values(Values values, Scope scope) {
        List<List<Scope.Value>> columns = new ArrayList<>();
        for (Expression row : values.getRows()) {
            List<Expression> items = row instanceof Row r ? r.getItems() : List.of(row);
            if (columns.isEmpty()) {
                items.forEach(item -> columns.add(new ArrayList<>()));
            }
            if (items.size() != columns.size()) {
                return null;
            }
            for (int i = 0; i < items.size(); i++) {
                columns.get(i).add(new Scope.Value(items.get(i), scope));
            }
        }
        return columns.stream().map(column -> new Scope.Column(null, List.copyOf(column))).toList();
    }

    private List<Scope.Column> select(QuerySpecification select, Scope outer) {
        List<Scope.Source> sources = new ArrayList<>();
        select.getFrom().ifPresent(from -> addSources(from, outer, sources));
        Scope scope = outer.inner(sources);
        selects.put(select, scope);
        List<Scope.Column> columns = new ArrayList<>();
        List<Scope.Column> named = new ArrayList<>();
        for (SelectItem item : select.getSelect().getSelectItems()) {
            if (!(item instanceof SingleColumn column)) {
                List<Scope.Column> star = star((AllColumns) item, sources,
                        select.getFrom().map(QueryScopes::listsJoinColumnsOnce).orElse(false));
                stars.put((AllColumns) item, star);
                columns = columns == null || star == null ? null : concat(columns, star);
                continue;
            }
            Scope.Value value = new Scope.Value(column.getExpression(), scope);
            if (columns != null) {
                columns.add(new Scope.Column(outputName(column), List.of(value)));
            }
            // Trino's ORDER BY reads a name as the item of that alias (or bare name) first, then as a source column.
            Identifier alias = column.getAlias().orElse(column.getExpression() instanceof Identifier id ? id : null);
            if (alias != null) {
                named.add(new Scope.Column(Scope.canonical(alias), List.of(value)));
            }
        }
        if (select.getOrderBy().isPresent()) {
            orderBys.put(select, scope.orderBy(named));
        }
        return columns;
    }

    /**
     * The columns {@code *} or {@code t.*} stands for: every source's, or the one source's {@code t} names; null where
     * a column is not known, or for a {@code *} over a USING or NATURAL join ({@code mergedJoin}), whose join columns
     * Trino lists once.
     */
    private static List<Scope.Column> star(AllColumns star, List<Scope.Source> sources, boolean mergedJoin) {
        if (!star.getAliases().isEmpty()) {
            return null;
        }
        if (star.getTarget().isEmpty()) {
            return mergedJoin ? null : columnsOf(sources);
        }
        List<String> qualifier = Scope.nameParts(star.getTarget().get());
        List<Scope.Source> named = qualifier == null ? List.of()
                : sources.stream().filter(source -> source.couldBeNamed(qualifier)).toList();
        return named.size() == 1 ? named.get(0).columns() : null;
    }

    /** The columns of {@code sources} in order, or null where one's are not known. */
    private static List<Scope.Column> columnsOf(List<Scope.Source> sources) {
        List<Scope.Column> columns = new ArrayList<>();
        for (Scope.Source source : sources) {
            if (source.columns() == null) {
                return null;
            }
            columns.addAll(source.columns());
        }
        return columns;
    }

    private static List<Scope.Column> concat(List<Scope.Column> first, List<Scope.Column> then) {
        List<Scope.Column> all = new ArrayList<>(first);
        all.addAll(then);
        return all;
    }

    /** A SELECT item's column name: its alias, a column reference's last part, or none (null). */
    private static String outputName(SingleColumn column) {
        if (column.getAlias().isPresent()) {
            return Scope.canonical(column.getAlias().get());
        }
        List<String> parts = Scope.nameParts(column.getExpression());
        return parts == null ? null : parts.get(parts.size() - 1);
    }

    /** The sources {@code relation} (a FROM clause or part of it) brings into scope, added to {@code sources}. */
    private void addSources(Relation relation, Scope outer, List<Scope.Source> sources) {
        if (relation instanceof Join join) {
            addSources(join.getLeft(), outer, sources);
            addSources(join.getRight(), outer, sources);
        } else {
            sources.add(source(relation, outer, sources));
        }
    }

    /**
     * The source one relation of a FROM clause is, {@code left} being the sources before it (which a LATERAL
     * subquery sees).
     */
    private Scope.Source source(Relation relation, Scope outer, List<Scope.Source> left) {
        if (relation instanceof Table table) {
            List<String> name = table.getName().getOriginalParts().stream().map(Scope::canonical).toList();
            Scope.Source withQuery = name.size() == 1 ? outer.withQuery(name.get(0)) : null;
            return withQuery != null ? withQuery : new Scope.Source(name, tableColumns(name), true, hiddenColumns(name));
        }
        if (relation instanceof AliasedRelation aliased) {
            List<Scope.Column> columns;
            List<Scope.Column> hidden = List.of();
            if (aliased.getRelation() instanceof Join join) {
                List<Scope.Source> joined = new ArrayList<>();
                addSources(join, outer, joined);
                columns = joinedColumns(join, joined);
            } else {
                Scope.Source source = source(aliased.getRelation(), outer, left);
                columns = source.columns();
                // a table's hidden columns are named through its alias too (t."$path")
                hidden = aliased.getRelation() instanceof Table || aliased.getRelation() instanceof SampledRelation
                        ? source.hidden() : List.of();
            }
            return new Scope.Source(List.of(Scope.canonical(aliased.getAlias())),
                    renamed(columns, aliased.getColumnNames()), false, hidden);
        }
        if (relation instanceof TableSubquery sub) {
            return new Scope.Source(List.of(), columns(sub.getQuery(), outer));
        }
        if (relation instanceof Lateral lateral) {
            return new Scope.Source(List.of(), columns(lateral.getQuery(), outer.inner(left)));
        }
        if (relation instanceof SampledRelation sampled) {
            return source(sampled.getRelation(), outer, left);
        }
        if (relation instanceof Unnest unnest) {
            List<Scope.Column> columns = unnestColumns(unnest, outer.inner(left));
            unnests.put(unnest, columns);
            return new Scope.Source(List.of(), columns);
        }
        return new Scope.Source(List.of(), null);   // table functions: columns not followed
    }

    /** The catalog's columns of the table {@code name}, without values (a table column has no zone); null if unknown. */
    private List<Scope.Column> tableColumns(List<String> name) {
        return tables.computeIfAbsent(name, n -> {
            List<TableColumns.Declared> declared = catalog.of(n);
            return declared == null ? null : declared.stream()
                    .map(c -> new Scope.Column(c.name(), List.of(), KnownTypes.declared(c.type()))).toList();
        });
    }

    /** The catalog's hidden columns of the table {@code name} ({@code "$path"} ...); none where it has none. */
    private List<Scope.Column> hiddenColumns(List<String> name) {
        return hidden.computeIfAbsent(name, n -> {
            TableColumns.Hidden declared = catalog.hiddenColumns(n);
            return declared == null ? List.of() : declared.columns().stream()
                    .map(c -> new Scope.Column(c.name(), List.of(), KnownTypes.declared(c.type()))).toList();
        });
    }

    /**
     * UNNEST's columns as Trino makes them, from its arguments' types seen from {@code scope} (the sources left of
     * it): an array's elements (one column per field for an array of rows, named by the fields), a map's keys and
     * values, then the ordinality; null where an argument's type is not known.
     */
    private List<Scope.Column> unnestColumns(Unnest unnest, Scope scope) {
        List<SqlType> argumentTypes = unnest.getExpressions().stream().map(e -> types.of(e, scope)).toList();
        unnestArguments.put(unnest, argumentTypes);
        List<Scope.Column> columns = new ArrayList<>();
        for (SqlType type : argumentTypes) {
            if (type != null && type.is("array") && type.element().is("row")) {
                SqlType row = type.element();
                for (int i = 0; i < row.children().size(); i++) {
                    String field = row.fieldNames().get(i);
                    columns.add(new Scope.Column(field == null ? null : field.toLowerCase(java.util.Locale.ROOT),
                            List.of(), row.children().get(i)));
                }
            } else if (type != null && type.is("array")) {
                columns.add(new Scope.Column(null, List.of(), type.element()));
            } else if (type != null && type.is("map")) {
                columns.add(new Scope.Column(null, List.of(), type.children().get(0)));
                columns.add(new Scope.Column(null, List.of(), type.children().get(1)));
            } else {
                return null;
            }
        }
        if (unnest.isWithOrdinality()) {
            columns.add(new Scope.Column(null, List.of(), SqlType.simple("bigint")));
        }
        return columns;
    }

    /**
     * The columns of a join made one relation by an alias: its sources' in order, unless a USING or NATURAL join
     * lists the join columns once (null).
     */
    private static List<Scope.Column> joinedColumns(Join join, List<Scope.Source> sources) {
        return listsJoinColumnsOnce(join) ? null : columnsOf(sources);
    }

    /** Whether a join, or one inside it, is a USING or NATURAL join, whose columns Trino lists once. */
    private static boolean listsJoinColumnsOnce(Relation relation) {
        if (!(relation instanceof Join join)) {
            return false;
        }
        Object criteria = join.getCriteria().orElse(null);
        return criteria instanceof JoinUsing || criteria instanceof NaturalJoin
                || listsJoinColumnsOnce(join.getLeft()) || listsJoinColumnsOnce(join.getRight());
    }

    /**
     * {@code columns} named by a column list ({@code AS t(a, b)}, {@code WITH w(a, b)}): by position; without their
     * values where those are unknown; null where the counts differ.
     */
    private static List<Scope.Column> renamed(List<Scope.Column> columns, List<Identifier> names) {
        if (names == null || names.isEmpty()) {
            return columns;
        }
        if (columns != null && columns.size() != names.size()) {
            return null;
        }
        List<Scope.Column> renamed = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            renamed.add(new Scope.Column(Scope.canonical(names.get(i)),
                    columns == null ? List.of() : columns.get(i).values(), columns == null ? null : columns.get(i).type()));
        }
        return renamed;
    }
}
