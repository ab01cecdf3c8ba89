package ai.connecty.athena.local.sql;

import io.trino.sql.ExpressionFormatter;
import io.trino.sql.tree.AliasedRelation;
import io.trino.sql.tree.AllColumns;
import io.trino.sql.tree.AllRows;
import io.trino.sql.tree.ArithmeticBinaryExpression;
import io.trino.sql.tree.ArithmeticUnaryExpression;
import io.trino.sql.tree.Array;
import io.trino.sql.tree.AstVisitor;
import io.trino.sql.tree.AtTimeZone;
import io.trino.sql.tree.BetweenPredicate;
import io.trino.sql.tree.BinaryLiteral;
import io.trino.sql.tree.BooleanLiteral;
import io.trino.sql.tree.Cast;
import io.trino.sql.tree.CharLiteral;
import io.trino.sql.tree.CoalesceExpression;
import io.trino.sql.tree.ComparisonExpression;
import io.trino.sql.tree.CurrentCatalog;
import io.trino.sql.tree.CurrentSchema;
import io.trino.sql.tree.CurrentTime;
import io.trino.sql.tree.CurrentUser;
import io.trino.sql.tree.DecimalLiteral;
import io.trino.sql.tree.DereferenceExpression;
import io.trino.sql.tree.DoubleLiteral;
import io.trino.sql.tree.Except;
import io.trino.sql.tree.ExistsPredicate;
import io.trino.sql.tree.DataType;
import io.trino.sql.tree.Expression;
import io.trino.sql.tree.Extract;
import io.trino.sql.tree.FetchFirst;
import io.trino.sql.tree.FrameBound;
import io.trino.sql.tree.FunctionCall;
import io.trino.sql.tree.GenericLiteral;
import io.trino.sql.tree.GroupBy;
import io.trino.sql.tree.GroupingElement;
import io.trino.sql.tree.GroupingOperation;
import io.trino.sql.tree.GroupingSets;
import io.trino.sql.tree.Identifier;
import io.trino.sql.tree.IfExpression;
import io.trino.sql.tree.InListExpression;
import io.trino.sql.tree.InPredicate;
import io.trino.sql.tree.Intersect;
import io.trino.sql.tree.IntervalLiteral;
import io.trino.sql.tree.IsNotNullPredicate;
import io.trino.sql.tree.IsNullPredicate;
import io.trino.sql.tree.Join;
import io.trino.sql.tree.JoinCriteria;
import io.trino.sql.tree.JoinOn;
import io.trino.sql.tree.JoinUsing;
import io.trino.sql.tree.LambdaArgumentDeclaration;
import io.trino.sql.tree.LambdaExpression;
import io.trino.sql.tree.Lateral;
import io.trino.sql.tree.LikePredicate;
import io.trino.sql.tree.Limit;
import io.trino.sql.tree.LogicalExpression;
import io.trino.sql.tree.LongLiteral;
import io.trino.sql.tree.NaturalJoin;
import io.trino.sql.tree.Node;
import io.trino.sql.tree.NodeLocation;
import io.trino.sql.tree.JsonArray;
import io.trino.sql.tree.JsonArrayElement;
import io.trino.sql.tree.JsonExists;
import io.trino.sql.tree.JsonObject;
import io.trino.sql.tree.JsonObjectMember;
import io.trino.sql.tree.JsonPathInvocation;
import io.trino.sql.tree.JsonPathParameter;
import io.trino.sql.tree.JsonQuery;
import io.trino.sql.tree.JsonValue;
import io.trino.sql.tree.NotExpression;
import io.trino.sql.tree.NullIfExpression;
import io.trino.sql.tree.NullLiteral;
import io.trino.sql.tree.Offset;
import io.trino.sql.tree.OrderBy;
import io.trino.sql.tree.Parameter;
import io.trino.sql.tree.QualifiedName;
import io.trino.sql.tree.QuantifiedComparisonExpression;
import io.trino.sql.tree.Query;
import io.trino.sql.tree.QueryBody;
import io.trino.sql.tree.QuerySpecification;
import io.trino.sql.tree.Relation;
import io.trino.sql.tree.Row;
import io.trino.sql.tree.SampledRelation;
import io.trino.sql.tree.SearchedCaseExpression;
import io.trino.sql.tree.SelectItem;
import io.trino.sql.tree.SetOperation;
import io.trino.sql.tree.SimpleCaseExpression;
import io.trino.sql.tree.SimpleGroupBy;
import io.trino.sql.tree.SingleColumn;
import io.trino.sql.tree.SortItem;
import io.trino.sql.tree.StringLiteral;
import io.trino.sql.tree.SubqueryExpression;
import io.trino.sql.tree.SubscriptExpression;
import io.trino.sql.tree.Table;
import io.trino.sql.tree.TableSubquery;
import io.trino.sql.tree.TimeLiteral;
import io.trino.sql.tree.TimestampLiteral;
import io.trino.sql.tree.Trim;
import io.trino.sql.tree.TryExpression;
import io.trino.sql.tree.Union;
import io.trino.sql.tree.Unnest;
import io.trino.sql.tree.Values;
import io.trino.sql.tree.WhenClause;
import io.trino.sql.tree.Window;
import io.trino.sql.tree.WindowDefinition;
import io.trino.sql.tree.WindowFrame;
import io.trino.sql.tree.WindowReference;
import io.trino.sql.tree.WindowSpecification;
import io.trino.sql.tree.WithQuery;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Prints Trino's tree of an Athena query as DuckDB SQL. Every operator expression is printed in brackets, so
 * Trino's precedence is kept whatever DuckDB's is; unquoted identifiers are lower case and every name is quoted.
 * Semantics that differ are left to session macros and functions ({@link QueryRunner#configure}): {@code /} and
 * {@code %} are printed by {@link Division}, {@code avg} by {@link DecimalArithmetic}, {@code +}/{@code -} next to
 * an interval call {@code athena_plus}/{@code athena_minus}, functions are renamed or rewritten by {@link Calls},
 * literals are typed by {@link Literals}, UNNEST becomes a lateral sub-query. Constructs DuckDB cannot run raise
 * {@link UnsupportedSqlException} naming them; calls Trino has no signature for are refused as Trino refuses them
 * ({@link FunctionSignatures}). The supported constructs are listed in athena-local/SQL-GAPS.md.
 */
final class DuckDbPrinter extends AstVisitor<String, Void> {

    /**
     * The start of the alias given to a column Trino leaves unnamed where only the result knows its position: after a
     * {@code *} at the top, and in derived tables, WITH queries, nested VALUES and UNNEST without a column list, whose
     * columns a {@code *} brings to the top. QueryRunner names such a result column {@code _colN} by its position, as
     * Athena does, where DuckDB would have named it after its expression ({@code count_star()}, {@code col0}).
     */
    static final String UNNAMED = "__athena_unnamed_";

    /** How a SELECT list names the columns Trino leaves unnamed (expressions without an alias). */
    private enum Naming {
        /** The outermost query's: {@code _colN} by position, {@link #UNNAMED} after a {@code *}. */
        TOP,
        /** A relation's a {@code *} may read (a derived table, a WITH or LATERAL query): {@link #UNNAMED}. */
        RELATION,
        /** As DuckDB names them: a subquery in an expression, or a set operation's operand after the first. */
        NONE
    }

    /** The naming of the next query printed by {@link #visitQuery}: set by the relations that hold one. */
    private Naming nextQueryNaming = Naming.NONE;

    /**
     * The deepest nesting of subqueries in expressions (scalar, EXISTS, IN, ANY/ALL) printed. DuckDB's filter
     * pushdown plans such a nest in time that doubles with each level (20 nested EXISTS: about 2 s; 25: over a
     * minute, spent in one call that stopping the query cannot interrupt), so a deeper one fails at once instead.
     */
    static final int MAX_SUBQUERY_NESTING = 20;
    /**
     * The deepest nesting of ARRAY, MAP and ROW constructors printed. DuckDB's optimizer works on their ever deeper
     * types in time growing with the square or cube of the depth (one MAP nested 100 deep: about 3 s; 250 deep, as
     * the nesting limit would allow: about 40 s), again uninterruptibly; 20 deep, even a QueryString filled with
     * such nests planned in under 10 s.
     */
    static final int MAX_CONSTRUCTOR_NESTING = 20;

    /** The text the tree was parsed from (tells {@code 1.5} from {@code DECIMAL '1.5'}, which Trino parses alike). */
    private final String source;
    /** Values bound to the {@code ?} nodes, by position. */
    private final List<SqlStatement.BoundValue> parameters;
    private final Nesting subqueries = new Nesting(MAX_SUBQUERY_NESTING, "subqueries in expressions nested more than "
            + MAX_SUBQUERY_NESTING + " deep (DuckDB plans them in time that doubles with each level)");
    private final Nesting constructors = new Nesting(MAX_CONSTRUCTOR_NESTING, "ARRAY, MAP and ROW constructors "
            + "nested more than " + MAX_CONSTRUCTOR_NESTING + " deep (DuckDB plans them in time growing faster than "
            + "the depth)");

    /** The zones the tree gives timestamp with time zone values, which DuckDB's values do not carry. */
    private final TimestampZones zones;
    /** The types the catalog and the tree show, where what is printed depends on one (UNNEST, {@code ||} ...). */
    private final KnownTypes types;
    /** The scope of each SELECT printed, where {@link #zones} and {@link #types} resolve column references. */
    private final QueryScopes scopes;

    /**
     * What the try() being printed computes outside DuckDB's TRY ({@link OutsideTry}), by node: the reference to its
     * value, printed in the node's place, or for a random call the random value its bounds are applied to.
     */
    private final Map<Node, String> outsideTry = new IdentityHashMap<>();
    /** The GROUP BY expressions of the query specification being printed, which a try() may name. */
    private List<Expression> groupKeys = List.of();
    /**
     * The result types of the calls {@link FunctionSignatures} resolved so far, by node, null where not certain: the
     * argument types of the calls around them. A call is resolved when printed, or before where its type is asked
     * for ({@link #unprintedCallType}).
     */
    private final Map<Node, SqlType> callTypes = new IdentityHashMap<>();

    /** The catalog's answers on the statement's tables: their columns, and what to read in place of some. */
    private final TableColumns catalog;
    /**
     * Whether the statement names a hidden column ({@code "$path"} ...): then its tables are read from the views that
     * have them, and {@code *} over such a table excludes them ({@link HiddenColumnNames}).
     */
    private boolean namesHiddenColumns;

    /** The hidden columns of each table read as of a version ({@link #hiddenColumns}), by its node. */
    private final Map<Table, Optional<TableColumns.Hidden>> versionedHidden = new IdentityHashMap<>();

    /** The statement printed ({@link #translate}), whose tables a schema-qualified column may name. */
    private Node statement;

    private DuckDbPrinter(String source, List<SqlStatement.BoundValue> parameters, TableColumns tables) {
        this.source = source;
        this.parameters = parameters;
        this.zones = new TimestampZones(parameters, this::isInterval);
        this.types = new KnownTypes(parameters, this::itemType);
        this.scopes = new QueryScopes(tables, types);
        this.catalog = tables;
    }

    /** A printer of a value bound to a {@code ?}, or of a node outside any statement: no table is in sight. */
    private DuckDbPrinter(String source, List<SqlStatement.BoundValue> parameters) {
        this(source, parameters, TableColumns.NONE);
    }

    /**
     * The DuckDB query computing the rows of {@code query} with Athena's column names: the outermost SELECT list's
     * unnamed columns are {@code _col0}, {@code _col1} ... by position; {@code VALUES} and {@code TABLE} become
     * SELECTs.
     *
     * @param source the text {@code query} was parsed from
     * @param tables the declared columns of the tables {@code query} names
     * @throws UnsupportedSqlException for valid Athena SQL that DuckDB cannot run
     */
    static String query(Query query, String source, List<SqlStatement.BoundValue> parameters, TableColumns tables) {
        return translate(query, source, parameters, tables).sql();
    }

    /**
     * The DuckDB text of {@code query} (as {@link #query}) and, per column of its outermost SELECT list up to the
     * first {@code *} whose columns the tree does not show, what the tree shows of the column's type beyond DuckDB's
     * (null where nothing); where asked for, also the Trino type of each column as far as the tree and the catalog
     * show it for certain and the columns' names ({@link ResultTypes}; null: not asked for, or for the names, not
     * shown).
     */
    record Translation(String sql, List<ColumnHint> hints, List<SqlType> types, List<String> names) {
    }

    /** @param tables the declared columns of the tables {@code query} names */
    static Translation translate(Query query, String source, List<SqlStatement.BoundValue> parameters,
                                 TableColumns tables) {
        return translate(query, source, parameters, tables, false);
    }

    /**
     * As {@link #translate(Query, String, List, TableColumns)}, with the result's types and names where
     * {@code analyzed} (what Trino's analysis of INSERT and CTAS judges).
     */
    static Translation translate(Query query, String source, List<SqlStatement.BoundValue> parameters,
                                 TableColumns tables, boolean analyzed) {
        DuckDbPrinter printer = new DuckDbPrinter(source, parameters, tables);
        printer.namesHiddenColumns = HiddenColumnNames.mentionedIn(query);
        printer.statement = query;
        String sql = printer.topLevel(query);
        if (!analyzed) {
            return new Translation(sql, printer.hints(query), null, null);
        }
        ResultTypes result = new ResultTypes(printer.types, printer.scopes, parameters);
        return new Translation(sql, printer.hints(query), result.of(query), result.names(query));
    }

    /** As {@link #query} without column naming or statement-level changes: any node, as DuckDB text. */
    static String print(Node node, String source) {
        return new DuckDbPrinter(source, List.of()).process(node);
    }

    private String p(Node node) {
        return process(node);
    }

    /** Every node is printed here: one a try() computes outside DuckDB's TRY as the reference to its value. */
    @Override
    public String process(Node node, Void context) {
        String outside = outsideTry.get(node);
        return outside == null || OutsideTry.isRandom(node) ? super.process(node, context) : outside;
    }

    private String list(List<? extends Node> nodes) {
        return nodes.stream().map(this::p).collect(Collectors.joining(", "));
    }

    // ---- queries --------------------------------------------------------------------------------------------

    private String topLevel(Query query) {
        return zones.within(scopes.enter(query, zones.scope()), () -> topLevelInScope(query));
    }

    private String topLevelInScope(Query query) {
        StringBuilder out = new StringBuilder();
        query.getWith().ifPresent(with -> out.append(with(with.isRecursive(), with.getQueries())));
        QueryBody body = query.getQueryBody();
        if (body instanceof Values values) {
            out.append(valuesSelect(values, Naming.TOP));
        } else if (body instanceof TableSubquery sub && query.getWith().isEmpty()) {
            out.append('(').append(topLevel(sub.getQuery())).append(')');
        } else {
            out.append(queryBody(body, Naming.TOP));
        }
        out.append(queryTail(query, query.getOrderBy(), query.getOffset(), query.getLimit()));
        return out.toString();
    }

    // ---- result column hints --------------------------------------------------------------------------------

    private List<ColumnHint> hints(Query query) {
        QueryBody body = query.getQueryBody();
        if (body instanceof TableSubquery sub && query.getWith().isEmpty()) {
            return hints(sub.getQuery());
        }
        if (body instanceof QuerySpecification spec) {
            return zones.within(scopes.of(spec, scopes.enter(query, Scope.NONE)), () -> hints(spec));
        }
        // a set operation, VALUES, TABLE: the zone its column's values share
        List<ColumnHint> hints = new ArrayList<>();
        List<Scope.Column> columns = scopes.columns(body);
        if (columns != null) {
            columns.forEach(column -> hints.add(zoneHint(zones.of(column))));
        }
        return hints;
    }

    /** Whether {@code type} is a timestamp of a precision the statement shows, or an array of such (nested too). */
    private static boolean hasTimestampPrecision(SqlType type) {
        if (type != null && type.is("array")) {
            return hasTimestampPrecision(type.element());
        }
        return type != null && type.hasShownPrecision();
    }

    private static ColumnHint zoneHint(java.time.ZoneId zone) {
        return zone == null ? null : ColumnHint.zoned(zone);
    }

    private List<ColumnHint> hints(QuerySpecification spec) {
        List<ColumnHint> hints = new ArrayList<>();
        for (SelectItem item : spec.getSelect().getSelectItems()) {
            if (item instanceof SingleColumn column) {
                hints.add(hint(column.getExpression()));
                continue;
            }
            List<Scope.Column> columns = scopes.columns((AllColumns) item);
            if (columns == null) {
                break;   // after a * whose columns the tree does not show, positions are only known from the result
            }
            columns.forEach(c -> hints.add(zoneHint(zones.of(c))));
        }
        return hints;
    }

    /** What {@code e} shows of its type beyond DuckDB's, or null. */
    private ColumnHint hint(Expression e) {
        if (e instanceof Parameter parameter) {
            SqlStatement.BoundValue value = parameters.get(parameter.getId());
            return new DuckDbPrinter(value.text(), List.of()).hint(value.expression());
        }
        SqlType known = argumentType(e);
        if (hasTimestampPrecision(known)) {
            // a literal's, a cast's precision: its values print that many fraction digits
            return new ColumnHint(known, zones.of(e));
        }
        ColumnHint zoned = zoneHint(zones.of(e));
        if (zoned != null) {
            return zoned;
        }
        if (isYearToMonth(e)) {
            return new ColumnHint(SqlType.simple("interval year to month"), null);
        }
        if (CharValues.isChar(known)) {
            // a char literal, cast or column the statement shows: reported as char(n), its values padded to n
            return new ColumnHint(new SqlType("char", CharValues.length(known), 0, List.of(), List.of()), null);
        }
        if (e instanceof Cast cast) {
            SqlType type = TrinoTypes.targetOf(cast).orElse(null);
            if (type == null) {
                return null;
            }
            if ((type.is("char") || type.is("varchar")) && type.length() != SqlType.UNBOUNDED) {
                return new ColumnHint(type, null);
            }
        }
        if (e instanceof NullLiteral) {
            // Trino's type of an untyped NULL; DuckDB reports its NULL type as INTEGER.
            return new ColumnHint(SqlType.simple("unknown"), null);
        }
        return null;
    }

    /**
     * An expression visibly of type interval year to month: a YEAR or MONTH literal, negated, multiplied or divided, a sum or
     * difference of such, or a cast to the type. DuckDB has one INTERVAL type, reported as day to second.
     */
    private boolean isYearToMonth(Expression e) {
        if (e instanceof IntervalLiteral literal) {
            return literal.isYearToMonth();
        }
        if (e instanceof Parameter parameter) {
            SqlStatement.BoundValue value = parameters.get(parameter.getId());
            return new DuckDbPrinter(value.text(), List.of()).isYearToMonth(value.expression());
        }
        if (e instanceof ArithmeticUnaryExpression unary) {
            return isYearToMonth(unary.getValue());
        }
        if (e instanceof Cast cast) {
            return TrinoTypes.targetOf(cast).map(type -> type.is("interval year to month")).orElse(false);
        }
        if (e instanceof ArithmeticBinaryExpression binary) {
            return switch (binary.getOperator()) {
                case MULTIPLY -> isYearToMonth(binary.getLeft()) && !isInterval(binary.getRight())
                        || isYearToMonth(binary.getRight()) && !isInterval(binary.getLeft());
                case DIVIDE -> isYearToMonth(binary.getLeft()) && !isInterval(binary.getRight());
                case ADD, SUBTRACT -> isYearToMonth(binary.getLeft()) && isYearToMonth(binary.getRight());
                default -> false;
            };
        }
        return false;
    }

    /** A query anywhere but at the top: a WITH query, a derived table, a subquery in an expression. */
    @Override
    protected String visitQuery(Query query, Void context) {
        Naming naming = nextQueryNaming;
        nextQueryNaming = Naming.NONE;
        return zones.within(scopes.enter(query, zones.scope()), () -> queryInScope(query, naming));
    }

    /** {@code query} printed as a relation whose columns a {@code *} may read (see {@link Naming#RELATION}). */
    private String relationQuery(Query query) {
        nextQueryNaming = Naming.RELATION;
        return p(query);
    }

    private String queryInScope(Query query, Naming naming) {
        StringBuilder out = new StringBuilder();
        query.getWith().ifPresent(with -> out.append(with(with.isRecursive(), with.getQueries())));
        out.append(queryBody(query.getQueryBody(), naming));
        out.append(queryTail(query, query.getOrderBy(), query.getOffset(), query.getLimit()));
        return out.toString();
    }

    private String with(boolean recursive, List<WithQuery> queries) {
        StringJoiner items = new StringJoiner(", ", recursive ? "WITH RECURSIVE " : "WITH ", " ");
        for (WithQuery w : queries) {
            String columns = w.getColumnNames().map(c -> "(" + list(c) + ")").orElse("");
            items.add(p(w.getName()) + columns + " AS (" + relationQuery(w.getQuery()) + ")");
        }
        return items.toString();
    }

    /** ORDER BY, LIMIT and OFFSET of {@code owner}, a query or a SELECT, whose ORDER BY sees its output's names. */
    private String queryTail(Node owner, java.util.Optional<OrderBy> orderBy, java.util.Optional<Offset> offset,
                             java.util.Optional<Node> limit) {
        StringBuilder out = new StringBuilder();
        orderBy.ifPresent(o -> out.append(' ').append(zones.within(scopes.orderBy(owner, zones.scope()), () -> p(o))));
        limit.ifPresent(l -> out.append(limit(l)));
        offset.ifPresent(o -> out.append(" OFFSET ").append(p(o.getRowCount())));
        return out.toString();
    }

    private String limit(Node limit) {
        if (limit instanceof Limit l) {
            return l.getRowCount() instanceof AllRows ? "" : " LIMIT " + p(l.getRowCount());
        }
        FetchFirst fetch = (FetchFirst) limit;
        if (fetch.isWithTies()) {
            throw new UnsupportedSqlException("FETCH FIRST ... WITH TIES");
        }
        return " LIMIT " + fetch.getRowCount().map(this::p).orElse("1");
    }

    /** A query body, whose unnamed columns are named as {@code naming} says. */
    private String queryBody(QueryBody body, Naming naming) {
        if (body instanceof QuerySpecification spec) {
            return querySpecification(spec, naming);
        }
        if (body instanceof SetOperation set) {
            return setOperation(set, naming);
        }
        if (body instanceof Values values && naming != Naming.NONE) {
            return valuesSelect(values, naming);
        }
        if (body instanceof Table table) {
            TableColumns.Hidden hidden = hiddenColumns(table);
            return "SELECT *" + (hidden == null ? "" : exclude(hidden.columns().stream()
                    .map(TableColumns.Declared::name).toList())) + " FROM " + p(table);
        }
        return p(body);
    }

    @Override
    protected String visitQuerySpecification(QuerySpecification spec, Void context) {
        return querySpecification(spec, Naming.NONE);
    }

    private String querySpecification(QuerySpecification spec, Naming naming) {
        return zones.within(scopes.of(spec, zones.scope()), () -> selectInScope(spec, naming));
    }

    private String selectInScope(QuerySpecification spec, Naming naming) {
        List<Expression> outerKeys = groupKeys;
        groupKeys = groupKeys(spec);
        try {
            return querySpecificationWithKeys(spec, naming);
        } finally {
            groupKeys = outerKeys;
        }
    }

    /** The GROUP BY expressions of {@code spec}, a position ({@code GROUP BY 1}) as the SELECT item it names. */
    private static List<Expression> groupKeys(QuerySpecification spec) {
        List<SelectItem> items = spec.getSelect().getSelectItems();
        List<Expression> keys = new ArrayList<>();
        for (GroupingElement element : spec.getGroupBy().map(GroupBy::getGroupingElements).orElse(List.of())) {
            for (Expression key : element.getExpressions()) {
                if (key instanceof LongLiteral position && position.getParsedValue() >= 1
                        && position.getParsedValue() <= items.size()
                        && items.get((int) position.getParsedValue() - 1) instanceof SingleColumn column) {
                    key = column.getExpression();
                }
                keys.add(key);
            }
        }
        return keys;
    }

    private String querySpecificationWithKeys(QuerySpecification spec, Naming naming) {
        StringBuilder out = new StringBuilder("SELECT ");
        if (spec.getSelect().isDistinct()) {
            out.append("DISTINCT ");
        }
        out.append(selectItems(spec.getSelect().getSelectItems(), naming,
                spec.getFrom().map(this::hiddenColumnsBySource).orElse(Map.of())));
        spec.getFrom().ifPresent(from -> out.append(" FROM ").append(p(from)));
        spec.getWhere().ifPresent(where -> out.append(" WHERE ").append(p(where)));
        spec.getGroupBy().ifPresent(groupBy -> out.append(" GROUP BY ").append(groupBy(groupBy)));
        spec.getHaving().ifPresent(having -> out.append(" HAVING ").append(p(having)));
        if (!spec.getWindows().isEmpty()) {
            StringJoiner windows = new StringJoiner(", ", " WINDOW ", "");
            for (WindowDefinition w : spec.getWindows()) {
                windows.add(p(w.getName()) + " AS (" + windowSpecification(w.getWindow()) + ")");
            }
            out.append(windows);
        }
        out.append(queryTail(spec, spec.getOrderBy(), spec.getOffset(), spec.getLimit()));
        return out.toString();
    }

    /**
     * The SELECT list; an expression that is neither a column reference nor aliased is unnamed in Trino, and named
     * as {@code naming} says: at the top {@code _colN} by its position, as Athena names it, but after a {@code *},
     * where only the result knows its position (see {@link QueryRunner}).
     */
    private String selectItems(List<SelectItem> items, Naming naming, Map<String, List<String>> hidden) {
        StringJoiner out = new StringJoiner(", ");
        boolean afterStar = false;
        for (int position = 0; position < items.size(); position++) {
            SelectItem item = items.get(position);
            if (item instanceof AllColumns all) {
                if (!all.getAliases().isEmpty()) {
                    throw new UnsupportedSqlException("column aliases after .* (t.* AS (a, b))");
                }
                out.add(all.getTarget().map(t -> p(t) + ".*").orElse("*") + exclude(hiddenUnder(all, hidden)));
                afterStar = true;
                continue;
            }
            SingleColumn column = (SingleColumn) item;
            String expression = p(column.getExpression());
            if (column.getAlias().isPresent()) {
                out.add(expression + " AS " + p(column.getAlias().get()));
            } else if (naming != Naming.NONE && !isColumnReference(column.getExpression())) {
                out.add(expression + " AS " + (naming == Naming.TOP && !afterStar ? "_col" + position : unnamed(position)));
            } else {
                out.add(expression);
            }
        }
        return out.toString();
    }

    /**
     * The hidden columns of each table of a FROM clause read with them, by the name that qualifies its columns (its
     * alias, or its name's last part).
     */
    private Map<String, List<String>> hiddenColumnsBySource(Relation relation) {
        Map<String, List<String>> found = new java.util.LinkedHashMap<>();
        addHiddenColumns(relation, null, found);
        return found;
    }

    private void addHiddenColumns(Relation relation, String alias, Map<String, List<String>> found) {
        if (relation instanceof Join join) {
            addHiddenColumns(join.getLeft(), null, found);
            addHiddenColumns(join.getRight(), null, found);
        } else if (relation instanceof AliasedRelation aliased) {
            addHiddenColumns(aliased.getRelation(), Scope.canonical(aliased.getAlias()), found);
        } else if (relation instanceof SampledRelation sampled) {
            addHiddenColumns(sampled.getRelation(), alias, found);
        } else if (relation instanceof Table table) {
            TableColumns.Hidden hidden = hiddenColumns(table);
            if (hidden != null) {
                List<Identifier> parts = table.getName().getOriginalParts();
                found.put(alias != null ? alias : Scope.canonical(parts.get(parts.size() - 1)),
                        hidden.columns().stream().map(TableColumns.Declared::name).toList());
            }
        }
    }

    /** The hidden columns {@code star} would list of the tables read with them ({@code hidden}), which it must not. */
    private static List<String> hiddenUnder(AllColumns star, Map<String, List<String>> hidden) {
        if (star.getTarget().isEmpty()) {
            return hidden.values().stream().flatMap(List::stream).distinct().toList();
        }
        List<String> qualifier = Scope.nameParts(star.getTarget().get());
        return qualifier == null ? List.of() : hidden.getOrDefault(qualifier.get(qualifier.size() - 1), List.of());
    }

    private static String exclude(List<String> columns) {
        return columns.isEmpty() ? ""
                : columns.stream().map(Identifiers::quote).collect(Collectors.joining(", ", " EXCLUDE (", ")"));
    }

    /**
     * The table's hidden columns and the DuckDB view that has them, where the statement names a hidden column and
     * {@code table} is a catalog table read as it is now (not a WITH query, nor an earlier version); else null.
     */
    private TableColumns.Hidden hiddenColumns(Table table) {
        if (!namesHiddenColumns) {
            return null;
        }
        List<String> parts = table.getName().getOriginalParts().stream().map(Scope::canonical).toList();
        if (table.getQueryPeriod().isPresent()) {
            // a version's relation is computed from its snapshot's files: once per table of the statement
            return versionedHidden.computeIfAbsent(table,
                    t -> Optional.ofNullable(catalog.versionedHiddenColumns(parts, t.getQueryPeriod().get())))
                    .orElse(null);
        }
        if (parts.size() == 1 && zones.scope().withQuery(parts.get(0)) != null) {
            return null;
        }
        return catalog.hiddenColumns(parts);
    }

    /** {@code a}, {@code t.a}, {@code s.t.a}, {@code r.field}: named after the last part. */
    /** The alias of the unnamed column at {@code position} of its relation (see {@link #UNNAMED}). */
    private static String unnamed(int position) {
        return "\"" + UNNAMED + position + "\"";
    }

    private static boolean isColumnReference(Expression e) {
        return e instanceof Identifier || e instanceof DereferenceExpression d && d.getField().isPresent();
    }

    private String setOperation(SetOperation set, Naming naming) {
        String operator;
        if (set instanceof Union) {
            operator = "UNION";
        } else if (set instanceof Intersect) {
            operator = "INTERSECT";
        } else if (set instanceof Except) {
            operator = "EXCEPT";
        } else {
            throw new UnsupportedSqlException("the set operation " + set.getClass().getSimpleName());
        }
        operator = " " + operator + (set.isDistinct() ? " " : " ALL ");
        StringJoiner out = new StringJoiner(operator);
        boolean first = true;
        for (Relation relation : set.getRelations()) {
            // The first operand names the result's columns.
            out.add("(" + queryBody((QueryBody) relation, first ? naming : Naming.NONE) + ")");
            first = false;
        }
        return out.toString();
    }

    @Override
    protected String visitUnion(Union node, Void context) {
        return setOperation(node, Naming.NONE);
    }

    @Override
    protected String visitIntersect(Intersect node, Void context) {
        return setOperation(node, Naming.NONE);
    }

    @Override
    protected String visitExcept(Except node, Void context) {
        return setOperation(node, Naming.NONE);
    }

    /**
     * Trino allows {@code VALUES 1, 2}; DuckDB wants every row in brackets. The columns are unnamed in Trino, where
     * DuckDB names them {@code col0}...: they are named as {@code naming} says.
     */
    private String valuesSelect(Values values, Naming naming) {
        List<Expression> rows = values.getRows();
        int columns = !rows.isEmpty() && rows.get(0) instanceof Row row ? row.getItems().size() : 1;
        StringJoiner names = new StringJoiner(", ");
        for (int c = 0; c < columns; c++) {
            names.add(naming == Naming.TOP ? "_col" + c : unnamed(c));
        }
        return "SELECT * FROM (" + p(values) + ") AS _values(" + names + ")";
    }

    @Override
    protected String visitValues(Values values, Void context) {
        StringJoiner rows = new StringJoiner(", ", "VALUES ", "");
        for (Expression row : values.getRows()) {
            rows.add(row instanceof Row r ? "(" + list(r.getItems()) + ")" : "(" + p(row) + ")");
        }
        return rows.toString();
    }

    @Override
    protected String visitOrderBy(OrderBy node, Void context) {
        return "ORDER BY " + list(node.getSortItems());
    }

    @Override
    protected String visitSortItem(SortItem node, Void context) {
        String ordering = node.getOrdering() == SortItem.Ordering.DESCENDING ? " DESC" : " ASC";
        String nulls = switch (node.getNullOrdering()) {
            case FIRST -> " NULLS FIRST";
            case LAST -> " NULLS LAST";
            case UNDEFINED -> "";
        };
        return p(node.getSortKey()) + ordering + nulls;
    }

    private String groupBy(GroupBy groupBy) {
        for (GroupingElement element : groupBy.getGroupingElements()) {
            element.getExpressions().forEach(this::requireColumnName);
        }
        if (groupBy.isDistinct()) {
            return DistinctGroupingSets.print(groupBy.getGroupingElements(), this::p);
        }
        StringJoiner out = new StringJoiner(", ");
        for (GroupingElement element : groupBy.getGroupingElements()) {
            if (element instanceof SimpleGroupBy simple) {
                out.add(list(simple.getExpressions()));
            } else if (element instanceof GroupingSets sets) {
                StringJoiner inner = new StringJoiner(", ");
                sets.getSets().forEach(set -> inner.add(sets.getType() != GroupingSets.Type.EXPLICIT && set.size() == 1
                        ? p(set.get(0)) : "(" + list(set) + ")"));
                String keyword = switch (sets.getType()) {
                    case ROLLUP -> "ROLLUP";
                    case CUBE -> "CUBE";
                    case EXPLICIT -> "GROUPING SETS";
                };
                out.add(keyword + " (" + inner + ")");
            } else {
                throw new UnsupportedSqlException("the grouping " + element.getClass().getSimpleName());
            }
        }
        return out.toString();
    }

    /**
     * Trino resolves a name in GROUP BY against the FROM clause only, never a SELECT alias (DuckDB takes the alias):
     * a plain name that surely is no column here fails as Trino's analyzer fails it.
     */
    private void requireColumnName(Expression key) {
        if (key instanceof Identifier name && zones.scope().namesNoColumn(name)) {
            throw EngineFailure.user("COLUMN_NOT_FOUND", name.getLocation().map(Positions::prefix).orElse("")
                    + "Column '" + Scope.canonical(name) + "' cannot be resolved");
        }
    }

    // ---- relations ------------------------------------------------------------------------------------------

    /**
     * A table by its name, or what {@link TableColumns#substitute} reads in its place, named as the table so that
     * {@code columns.column_name} still finds it.
     */
    @Override
    protected String visitTable(Table node, Void context) {
        String substitute = substitute(node);
        if (substitute != null) {
            return substitute + " AS " + substituteAlias(node.getName());
        }
        TableColumns.Hidden hidden = hiddenColumns(node);
        if (hidden != null) {
            return hidden.relation() + " AS " + substituteAlias(node.getName());
        }
        return name(node.getName());
    }

    /**
     * The alias {@link #visitTable} gives a substituted table, where {@code qualifier} names one with its schema
     * ({@code information_schema.columns}, as jOOQ's and other tools' metadata queries qualify their columns); null
     * otherwise.
     */
    private String substitutedTableName(Expression qualifier) {
        if (!(qualifier instanceof DereferenceExpression dereference)) {
            return null;
        }
        QualifiedName name = DereferenceExpression.getQualifiedName(dereference);
        if (name == null) {
            return null;
        }
        TableColumns.Substitute substitute = catalog.substitute(
                name.getOriginalParts().stream().map(Scope::canonical).toList());
        if (substitute == null || substitute.sql() == null) {
            return null;
        }
        return substituteAlias(name);
    }

    /**
     * Where {@code qualifier} is a schema-qualified table name ({@code db.t}, {@code catalog.db.t}) of a table this
     * statement reads through a relation aliased by the table's own name (its hidden-columns view, or a version of
     * it), that alias; null otherwise. Trino matches a qualified column reference against each table's name as
     * written, by suffix ({@code db.t.x} names a column of {@code FROM db.t} or {@code FROM catalog.db.t}, not of
     * {@code FROM t}), and DuckDB knows such a relation by its alias only.
     */
    private String tableReadUnderItsName(Expression qualifier) {
        if (statement == null || !(qualifier instanceof DereferenceExpression dereference)) {
            return null;
        }
        QualifiedName name = DereferenceExpression.getQualifiedName(dereference);
        if (name == null) {
            return null;
        }
        List<String> parts = name.getOriginalParts().stream().map(Scope::canonical).toList();
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(statement);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (node instanceof Table table && (table.getQueryPeriod().isPresent() || hiddenColumns(table) != null)) {
                List<String> written = table.getName().getOriginalParts().stream().map(Scope::canonical).toList();
                if (written.size() >= parts.size()
                        && written.subList(written.size() - parts.size(), written.size()).equals(parts)) {
                    return substituteAlias(table.getName());
                }
            }
            node.getChildren().forEach(pending::push);
        }
        return null;
    }

    /** The alias of a substituted table: its own name, so that {@code columns.column_name} finds it. */
    private static String substituteAlias(QualifiedName table) {
        List<Identifier> parts = table.getOriginalParts();
        return Identifiers.quote(parts.get(parts.size() - 1).getValue().toLowerCase(Locale.ROOT));
    }

    /** The relation read in place of {@code table}, or null; fails as Trino does for a table its schema lacks. */
    private String substitute(Table table) {
        List<String> parts = table.getName().getOriginalParts().stream().map(Scope::canonical).toList();
        if (table.getQueryPeriod().isPresent()) {
            TableColumns.Hidden hidden = hiddenColumns(table);
            if (hidden != null) {
                return hidden.relation();
            }
        }
        TableColumns.Substitute substitute = table.getQueryPeriod().isPresent()
                ? catalog.versioned(parts, table.getQueryPeriod().get())
                : catalog.substitute(parts);
        if (substitute == null) {
            return null;
        }
        if (substitute.sql() == null) {
            throw EngineFailure.user("TABLE_NOT_FOUND", table.getLocation().map(Positions::prefix).orElse("")
                    + "Table '" + substitute.qualifiedName() + "' does not exist");
        }
        return substitute.sql();
    }

    private String name(QualifiedName name) {
        return name.getOriginalParts().stream().map(this::p).collect(Collectors.joining("."));
    }

    @Override
    protected String visitTableSubquery(TableSubquery node, Void context) {
        return "(" + relationQuery(node.getQuery()) + ")";
    }

    @Override
    protected String visitLateral(Lateral node, Void context) {
        return "LATERAL (" + relationQuery(node.getQuery()) + ")";
    }

    @Override
    protected String visitAliasedRelation(AliasedRelation node, Void context) {
        String columns = node.getColumnNames() == null || node.getColumnNames().isEmpty() ? ""
                : "(" + list(node.getColumnNames()) + ")";
        if (node.getRelation() instanceof Unnest unnest) {
            int named = node.getColumnNames() == null ? -1 : node.getColumnNames().size();
            int made = unnestColumnCount(unnest);
            if (named >= 0 && made >= 0 && named != made) {
                throw EngineFailure.user("MISMATCHED_COLUMN_ALIASES", node.getLocation().map(Positions::prefix)
                        .orElse("") + "Column alias list has " + named + " entries but '" + node.getAlias()
                        + "' has " + made + " columns available");
            }
            return unnest(unnest, named) + " AS " + p(node.getAlias()) + columns;
        }
        if (node.getRelation() instanceof Table table) {
            String substitute = substitute(table);
            if (substitute != null) {
                return substitute + " AS " + p(node.getAlias()) + columns;
            }
            TableColumns.Hidden hidden = hiddenColumns(table);
            if (hidden != null) {
                return hidden.relation() + " AS " + p(node.getAlias()) + columns;
            }
        }
        return p(node.getRelation()) + " AS " + p(node.getAlias()) + columns;
    }

    /** {@code TABLESAMPLE BERNOULLI (p)}: a percentage in both; DuckDB's SYSTEM sampling works on vectors. */
    @Override
    protected String visitSampledRelation(SampledRelation node, Void context) {
        String method = node.getType() == SampledRelation.Type.BERNOULLI ? "bernoulli" : "system";
        return p(node.getRelation()) + " TABLESAMPLE " + method + "(" + p(node.getSamplePercentage()) + " PERCENT)";
    }

    @Override
    protected String visitUnnest(Unnest node, Void context) {
        return unnest(node, -1);
    }

    /**
     * How many columns {@code unnest} gives in Trino, where its arguments are known arrays and maps; -1 otherwise
     * (a known type that is neither fails in DuckDB, as Trino refuses to unnest it).
     */
    private int unnestColumnCount(Unnest unnest) {
        List<Scope.Column> columns = scopes.unnestColumns(unnest);
        return columns == null ? -1 : columns.size();
    }

    /**
     * Trino's {@code UNNEST(a [, b ...]) [WITH ORDINALITY]} as a DuckDB lateral sub-query: several arrays are zipped
     * (DuckDB pads the shorter ones with NULL, like Trino), a map becomes key and value columns, an array of rows
     * becomes one column per field, and ORDINALITY adds a 1-based position. An argument's kind is its known type
     * (the catalog's, through {@link KnownTypes}); without one, a single argument given two or more column names is
     * an array of rows if it visibly builds rows, else a map. {@code columnCount}: the number of column names the
     * alias gives, or -1.
     */
    private String unnest(Unnest node, int columnCount) {
        List<String> args = node.getExpressions().stream().map(this::p).toList();
        List<SqlType> argumentTypes = scopes.argumentTypes(node);
        boolean ordinality = node.isWithOrdinality();
        int valueColumns = columnCount < 0 ? args.size() : columnCount - (ordinality ? 1 : 0);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            SqlType type = argumentTypes == null ? null : argumentTypes.get(i);
            boolean rows = type != null ? type.is("array") && type.element().is("row")
                    : args.size() == 1 && valueColumns >= 2 && buildsRows(node.getExpressions().get(0));
            boolean map = type != null ? type.is("map") : args.size() == 1 && valueColumns >= 2 && !rows;
            // Without a column list Trino leaves the columns unnamed, but for a row's fields, which keep their names.
            if (rows) {
                items.add("unnest(" + arg + ", max_depth := 2)");
            } else if (map) {
                items.add("unnest(map_keys(" + arg + "))" + unnamedAlias(columnCount, items.size()));
                items.add("unnest(map_values(" + arg + "))" + unnamedAlias(columnCount, items.size()));
            } else {
                items.add("unnest(" + arg + ")" + unnamedAlias(columnCount, items.size()));
            }
        }
        if (ordinality) {
            String first = args.get(0);
            boolean map = argumentTypes != null && argumentTypes.get(0) != null ? argumentTypes.get(0).is("map")
                    : looksLikeMap(first);
            // a map's positions are its keys': DuckDB's generate_subscripts takes lists only
            items.add("generate_subscripts(" + (map ? "map_keys(" + first + ")" : first) + ", 1)"
                    + unnamedAlias(columnCount, items.size()));
        }
        return "(SELECT " + String.join(", ", items) + ")";
    }

    /** An UNNEST column's {@link #UNNAMED} alias where no column list names it ({@code columnCount} -1), else none. */
    private static String unnamedAlias(int columnCount, int position) {
        return columnCount < 0 ? " AS " + unnamed(position) : "";
    }

    /** Whether an UNNEST argument visibly builds rows ({@code ROW(...)} or a CAST), not a map. */
    private static boolean buildsRows(Expression e) {
        boolean[] found = {false};
        new io.trino.sql.tree.DefaultTraversalVisitor<Void>() {
            @Override
            protected Void visitRow(Row node, Void context) {
                found[0] = true;
                return null;
            }

            @Override
            protected Void visitCast(Cast node, Void context) {
                found[0] = true;
                return null;
            }
        }.process(e, null);
        return found[0];
    }

    private static boolean looksLikeMap(String arg) {
        String lower = arg.toLowerCase(Locale.ROOT);
        return lower.startsWith("map(") || lower.startsWith("map_");
    }

    @Override
    protected String visitJoin(Join node, Void context) {
        String left = p(node.getLeft());
        String right = node.getRight() instanceof Join ? "(" + p(node.getRight()) + ")" : p(node.getRight());
        if (node.getType() == Join.Type.IMPLICIT) {
            return left + ", " + right;
        }
        if (node.getType() == Join.Type.CROSS) {
            return left + " CROSS JOIN " + right;
        }
        String type = switch (node.getType()) {
            case LEFT -> "LEFT JOIN";
            case RIGHT -> "RIGHT JOIN";
            case FULL -> "FULL JOIN";
            default -> "JOIN";
        };
        JoinCriteria criteria = node.getCriteria().orElse(null);
        if (criteria instanceof NaturalJoin) {
            return left + " NATURAL " + type + " " + right;
        }
        if (criteria instanceof JoinUsing using) {
            return left + " " + type + " " + right + " USING (" + list(using.getColumns()) + ")";
        }
        if (criteria instanceof JoinOn on) {
            return left + " " + type + " " + right + " ON " + p(on.getExpression());
        }
        return left + " " + type + " " + right + " ON TRUE";
    }

    // ---- expressions ----------------------------------------------------------------------------------------

    /** Unquoted names are case-insensitive (lower case, as Athena shows them); quoted ones keep their case. */
    @Override
    protected String visitIdentifier(Identifier node, Void context) {
        String name = node.isDelimited() ? node.getValue() : node.getValue().toLowerCase(Locale.ROOT);
        return Identifiers.quote(name);
    }

    @Override
    protected String visitDereferenceExpression(DereferenceExpression node, Void context) {
        Expression base = node.getBase();
        String field = node.getField().map(this::p).orElse("*");
        String substituted = substitutedTableName(base);
        if (substituted != null) {
            return substituted + "." + field; // information_schema.columns.column_name: the relation read in its place
        }
        String aliased = tableReadUnderItsName(base);
        if (aliased != null) {
            return aliased + "." + field;   // db.t."$path": the view read in the table's place is aliased "t"
        }
        boolean name = base instanceof Identifier || base instanceof DereferenceExpression;
        return (name ? p(base) : "(" + p(base) + ")") + "." + field;
    }

    @Override
    protected String visitParameter(Parameter node, Void context) {
        SqlStatement.BoundValue value = parameters.get(node.getId());
        return "(" + new DuckDbPrinter(value.text(), List.of()).process(value.expression()) + ")";
    }

    @Override
    protected String visitLongLiteral(LongLiteral node, Void context) {
        return Long.toString(node.getParsedValue());
    }

    /** A double written with an exponent, which DuckDB also reads as a double ({@code 0.5} alone is a decimal). */
    @Override
    protected String visitDoubleLiteral(DoubleLiteral node, Void context) {
        String text = Double.toString(node.getValue());
        return text.contains("E") ? text : text + "E0";
    }

    /**
     * {@code 1.5} is a DOUBLE in Athena; {@code DECIMAL '1.50'} is decimal(3,2). Trino parses both to this node, and
     * a negated number ({@code -1.5}) to one node starting at its sign.
     */
    @Override
    protected String visitDecimalLiteral(DecimalLiteral node, Void context) {
        char first = firstAfterSign(node.getLocation().orElse(null));
        if (Character.isDigit(first) || first == '.') {
            return Literals.number(node.getValue());
        }
        return Literals.typed("decimal", node.getValue());
    }

    /** The first character at {@code location} that is no sign or blank. */
    private char firstAfterSign(NodeLocation location) {
        if (location == null) {
            return 0;
        }
        int offset = Positions.offset(source, location);
        while (offset < source.length() && "+- \t\r\n".indexOf(source.charAt(offset)) >= 0) {
            offset++;
        }
        return offset < source.length() ? source.charAt(offset) : 0;
    }

    @Override
    protected String visitStringLiteral(StringLiteral node, Void context) {
        return Literals.quote(node.getValue());
    }

    @Override
    protected String visitCharLiteral(CharLiteral node, Void context) {
        // the tree's value has lost its trailing spaces; a char holds them (see CharValues)
        return Literals.quote(node.getValue() + " ".repeat(node.length() - node.getValue().length()));
    }

    @Override
    protected String visitBinaryLiteral(BinaryLiteral node, Void context) {
        return Literals.binary(HexFormat.of().formatHex(node.getValue()));
    }

    @Override
    protected String visitBooleanLiteral(BooleanLiteral node, Void context) {
        return node.getValue() ? "TRUE" : "FALSE";
    }

    @Override
    protected String visitNullLiteral(NullLiteral node, Void context) {
        return "NULL";
    }

    @Override
    protected String visitGenericLiteral(GenericLiteral node, Void context) {
        String typed = Literals.typed(node.getType().toLowerCase(Locale.ROOT), node.getValue());
        if (typed == null && !TrinoTypes.isTrinoName(node.getType())) {
            throw EngineFailure.user("TYPE_NOT_FOUND", at(node) + "Unknown type: " + node.getType());
        }
        if (typed == null) {
            throw new UnsupportedSqlException("the literal " + node.getType() + " '" + node.getValue() + "'");
        }
        return typed;
    }

    @Override
    protected String visitTimestampLiteral(TimestampLiteral node, Void context) {
        try {
            return Literals.timestamp(node.getValue());
        } catch (java.time.DateTimeException | NumberFormatException e) {
            throw EngineFailure.user("INVALID_LITERAL", at(node) + "'" + node.getValue() + "' is not a valid timestamp literal");
        }
    }

    /** Trino's {@code line L:C: } prefix of an error about {@code node}. */
    private static String at(Node node) {
        return node.getLocation().map(Positions::prefix).orElse("");
    }

    @Override
    protected String visitTimeLiteral(TimeLiteral node, Void context) {
        return Literals.typed("time", node.getValue());
    }

    @Override
    protected String visitIntervalLiteral(IntervalLiteral node, Void context) {
        String interval;
        if (node.getEndField().isEmpty()) {
            interval = "INTERVAL " + Literals.quote(node.getValue()) + " " + node.getStartField().name();
        } else {
            // DuckDB has no YEAR TO MONTH / DAY TO SECOND literals: the value is counted here.
            interval = Literals.intervalRange(node.getValue(), node.getStartField().name(), node.getEndField().get().name());
            if (interval == null) {
                throw EngineFailure.user("INVALID_LITERAL", at(node) + "'" + node.getValue() + "' is not a valid interval literal");
            }
        }
        return node.getSign() == IntervalLiteral.Sign.NEGATIVE ? "(-" + interval + ")" : interval;
    }

    @Override
    protected String visitArray(Array node, Void context) {
        String printed = constructors.inside(() -> "[" + list(node.getValues()) + "]");
        OperandTypes.joinIntoOne("All ARRAY elements", node.getValues().stream().map(this::operand).toList());
        return printed;
    }

    @Override
    protected String visitRow(Row node, Void context) {
        return constructors.inside(() -> "row(" + list(node.getItems()) + ")");
    }

    @Override
    protected String visitSubscriptExpression(SubscriptExpression node, Void context) {
        return p(node.getBase()) + "[" + p(node.getIndex()) + "]";
    }

    /**
     * Trino's {@code /} and {@code %} fail on an exact division by zero and give Infinity or NaN for doubles; the
     * session macros do both. A {@code +} or {@code -} with an interval operand keeps a date a date (macros too).
     */
    @Override
    protected String visitArithmeticBinary(ArithmeticBinaryExpression node, Void context) {
        String left = p(node.getLeft());
        String right = p(node.getRight());
        OperandTypes.arithmetic(node.getOperator().getValue(), argumentType(node.getLeft()),
                argumentType(node.getRight()), at(node));
        String scaled = scaledInterval(node, left, right);
        if (scaled != null) {
            return scaled;
        }
        return switch (node.getOperator()) {
            case DIVIDE -> Division.divide(new Calls.Arg(left, node.getLeft()), new Calls.Arg(right, node.getRight()));
            case MODULUS -> Division.modulo(new Calls.Arg(left, node.getLeft()), new Calls.Arg(right, node.getRight()));
            case MULTIPLY -> "(" + left + " * " + right + ")";
            case ADD -> isInterval(node.getLeft()) || isInterval(node.getRight())
                    ? TemporalMacros.PLUS + "(" + left + ", " + right + ")" : "(" + left + " + " + right + ")";
            case SUBTRACT -> isInterval(node.getLeft()) || isInterval(node.getRight())
                    ? TemporalMacros.MINUS + "(" + left + ", " + right + ")"
                    : isDate(argumentType(node.getLeft())) && isDate(argumentType(node.getRight()))
                    ? TemporalMacros.dateMinusDate(left, right) : "(" + left + " - " + right + ")";
        };
    }

    /**
     * An interval times a number (either order) or divided by one, by Trino's rules ({@link IntervalScaling}); null
     * for any other operation. A number over an interval has no operator in Trino.
     */
    private String scaledInterval(ArithmeticBinaryExpression node, String left, String right) {
        SqlType leftType = argumentType(node.getLeft());
        SqlType rightType = argumentType(node.getRight());
        boolean leftInterval = isInterval(node.getLeft()) || ArithmeticTypes.isInterval(leftType);
        boolean rightInterval = isInterval(node.getRight()) || ArithmeticTypes.isInterval(rightType);
        // an operand of unknown type beside an interval can only be a number in Trino
        boolean leftNumber = leftType == null ? !leftInterval : leftType.isNumeric();
        boolean rightNumber = rightType == null ? !rightInterval : rightType.isNumeric();
        switch (node.getOperator()) {
            case MULTIPLY -> {
                if (leftInterval && rightNumber) {
                    return IntervalScaling.times(left, right, rightType);
                }
                if (rightInterval && leftNumber) {
                    return IntervalScaling.times(right, left, leftType);
                }
            }
            case DIVIDE -> {
                if (leftInterval && rightNumber) {
                    return IntervalScaling.divided(left, right, rightType);
                }
                if (rightInterval && leftType != null && leftType.isNumeric()) {
                    throw EngineFailure.user("TYPE_MISMATCH", at(node) + "Cannot apply operator: "
                            + leftType.analyzedName() + " / " + intervalType(node.getRight(), rightType));
                }
            }
            default -> {
            }
        }
        return null;
    }

    private String intervalType(Expression e, SqlType known) {
        return isYearToMonth(e) ? "interval year to month"
                : known != null ? known.analyzedName() : "interval day to second";
    }

    private static boolean isDate(SqlType type) {
        return type != null && type.is("date");
    }

    /** An expression visibly of an interval type: a literal, negated, multiplied or divided, or a sum of intervals. */
    private boolean isInterval(Expression e) {
        if (e instanceof IntervalLiteral) {
            return true;
        }
        if (e instanceof ArithmeticUnaryExpression unary) {
            return isInterval(unary.getValue());
        }
        if (e instanceof Parameter parameter) {
            return isInterval(parameters.get(parameter.getId()).expression());
        }
        if (e instanceof ArithmeticBinaryExpression binary) {
            return switch (binary.getOperator()) {
                case MULTIPLY -> isInterval(binary.getLeft()) || isInterval(binary.getRight());
                case DIVIDE -> isInterval(binary.getLeft());
                case ADD, SUBTRACT -> isInterval(binary.getLeft()) && isInterval(binary.getRight());
                default -> false;
            };
        }
        return false;
    }

    @Override
    protected String visitArithmeticUnary(ArithmeticUnaryExpression node, Void context) {
        String sign = node.getSign() == ArithmeticUnaryExpression.Sign.MINUS ? "-" : "+";
        return "(" + sign + p(node.getValue()) + ")";
    }

    @Override
    protected String visitComparisonExpression(ComparisonExpression node, Void context) {
        // The operands first, as Trino's analyzer does: an error inside one comes before the comparison's own, and
        // a call's result type is known once it is printed.
        String left = p(node.getLeft());
        String right = p(node.getRight());
        SqlType leftType = argumentType(node.getLeft());
        SqlType rightType = argumentType(node.getRight());
        ComparisonTypes.check(node, leftType, rightType, at(node));
        List<String> sides = CharValues.compared(List.of(left, right), Arrays.asList(leftType, rightType));
        return "(" + sides.get(0) + " " + node.getOperator().getValue() + " " + sides.get(1) + ")";
    }

    @Override
    protected String visitLogicalExpression(LogicalExpression node, Void context) {
        return node.getTerms().stream().map(this::p)
                .collect(Collectors.joining(" " + node.getOperator().name() + " ", "(", ")"));
    }

    @Override
    protected String visitNotExpression(NotExpression node, Void context) {
        return "(NOT " + p(node.getValue()) + ")";
    }

    @Override
    protected String visitIsNullPredicate(IsNullPredicate node, Void context) {
        return "(" + p(node.getValue()) + " IS NULL)";
    }

    @Override
    protected String visitIsNotNullPredicate(IsNotNullPredicate node, Void context) {
        return "(" + p(node.getValue()) + " IS NOT NULL)";
    }

    @Override
    protected String visitLikePredicate(LikePredicate node, Void context) {
        // Trino's LIKE takes a varchar: a char value is matched padded
        String value = CharValues.asText(p(node.getValue()), argumentType(node.getValue()));
        return "(" + value + " LIKE " + p(node.getPattern())
                + node.getEscape().map(e -> " ESCAPE " + p(e)).orElse("") + ")";
    }

    @Override
    protected String visitBetweenPredicate(BetweenPredicate node, Void context) {
        List<Expression> operands = List.of(node.getValue(), node.getMin(), node.getMax());
        List<String> printed = CharValues.compared(operands.stream().map(this::p).toList(),
                operands.stream().map(this::argumentType).toList());
        return "(" + printed.get(0) + " BETWEEN " + printed.get(1) + " AND " + printed.get(2) + ")";
    }

    @Override
    protected String visitInPredicate(InPredicate node, Void context) {
        if (!(node.getValueList() instanceof InListExpression list)) {
            return "(" + p(node.getValue()) + " IN " + p(node.getValueList()) + ")";
        }
        List<Expression> values = new ArrayList<>();
        values.add(node.getValue());
        values.addAll(list.getValues());
        List<String> compared = CharValues.compared(values.stream().map(this::p).toList(),
                values.stream().map(this::argumentType).toList());
        String printed = "(" + compared.get(0) + " IN (" + String.join(", ", compared.subList(1, compared.size()))
                + "))";
        List<OperandTypes.Operand> operands = new ArrayList<>();
        operands.add(operand(node.getValue()));
        list.getValues().forEach(item -> operands.add(operand(item)));
        OperandTypes.joinIntoOne("IN value and list items", operands);
        return printed;
    }

    @Override
    protected String visitInListExpression(InListExpression node, Void context) {
        return "(" + list(node.getValues()) + ")";
    }

    @Override
    protected String visitExists(ExistsPredicate node, Void context) {
        return "(EXISTS " + p(node.getSubquery()) + ")";
    }

    @Override
    protected String visitSubqueryExpression(SubqueryExpression node, Void context) {
        return subqueries.inside(() -> "(" + p(node.getQuery()) + ")");
    }

    @Override
    protected String visitQuantifiedComparisonExpression(QuantifiedComparisonExpression node, Void context) {
        return "(" + p(node.getValue()) + " " + node.getOperator().getValue() + " " + node.getQuantifier().name()
                + " " + p(node.getSubquery()) + ")";
    }

    @Override
    protected String visitSimpleCaseExpression(SimpleCaseExpression node, Void context) {
        // printed in Trino's order of analysis; the operand and the WHEN values are compared, so chars are padded
        List<Expression> compared = new ArrayList<>();
        List<String> printedCompared = new ArrayList<>();
        List<String> results = new ArrayList<>();
        compared.add(node.getOperand());
        printedCompared.add(p(node.getOperand()));
        for (WhenClause when : node.getWhenClauses()) {
            compared.add(when.getOperand());
            printedCompared.add(p(when.getOperand()));
            results.add(p(when.getResult()));
        }
        String otherwise = node.getDefaultValue().map(e -> " ELSE " + p(e)).orElse("");
        printedCompared = CharValues.compared(printedCompared, compared.stream().map(this::argumentType).toList());
        StringBuilder printed = new StringBuilder("CASE ").append(printedCompared.get(0));
        for (int i = 0; i < results.size(); i++) {
            printed.append(" WHEN ").append(printedCompared.get(i + 1)).append(" THEN ").append(results.get(i));
        }
        printed.append(otherwise).append(" END");
        OperandTypes.caseOperand(argumentType(node.getOperand()),
                node.getWhenClauses().stream().map(when -> operand(when.getOperand())).toList());
        OperandTypes.joinIntoOne("All CASE results", caseResults(node.getWhenClauses(), node.getDefaultValue()));
        return printed.toString();
    }

    @Override
    protected String visitSearchedCaseExpression(SearchedCaseExpression node, Void context) {
        String printed = "CASE" + whens(node.getWhenClauses(), node.getDefaultValue()) + " END";
        OperandTypes.joinIntoOne("All CASE results", caseResults(node.getWhenClauses(), node.getDefaultValue()));
        return printed;
    }

    private List<OperandTypes.Operand> caseResults(List<WhenClause> whens, java.util.Optional<Expression> otherwise) {
        List<OperandTypes.Operand> results = new ArrayList<>();
        whens.forEach(when -> results.add(operand(when.getResult())));
        otherwise.ifPresent(e -> results.add(operand(e)));
        return results;
    }

    /** An operand with its known type (see {@link #argumentType}) and Trino's position of it. */
    private OperandTypes.Operand operand(Expression e) {
        return new OperandTypes.Operand(argumentType(e), at(e));
    }

    private String whens(List<WhenClause> whens, java.util.Optional<Expression> otherwise) {
        StringBuilder out = new StringBuilder();
        for (WhenClause when : whens) {
            out.append(" WHEN ").append(p(when.getOperand())).append(" THEN ").append(p(when.getResult()));
        }
        otherwise.ifPresent(e -> out.append(" ELSE ").append(p(e)));
        return out.toString();
    }

    @Override
    protected String visitIfExpression(IfExpression node, Void context) {
        String printed = "CASE WHEN " + p(node.getCondition()) + " THEN " + p(node.getTrueValue())
                + node.getFalseValue().map(f -> " ELSE " + p(f)).orElse("") + " END";
        node.getFalseValue().ifPresent(whenFalse -> OperandTypes.ifResults(argumentType(node.getTrueValue()),
                argumentType(whenFalse), at(node)));
        return printed;
    }

    @Override
    protected String visitCoalesceExpression(CoalesceExpression node, Void context) {
        String printed = "coalesce(" + list(node.getOperands()) + ")";
        OperandTypes.joinIntoOne("All COALESCE operands", node.getOperands().stream().map(this::operand).toList());
        return printed;
    }

    @Override
    protected String visitNullIfExpression(NullIfExpression node, Void context) {
        String printed = "nullif(" + p(node.getFirst()) + ", " + p(node.getSecond()) + ")";
        OperandTypes.nullIf(argumentType(node.getFirst()), argumentType(node.getSecond()), at(node));
        return printed;
    }

    /**
     * Trino's {@code try(x)}: DuckDB's TRY. What DuckDB refuses inside it (aggregates, window functions, subqueries,
     * random values: {@link OutsideTry}) is computed first, in a one-element list_transform that hands the values to
     * the TRY; a nested try() finds them computed already.
     */
    @Override
    protected String visitTryExpression(TryExpression node, Void context) {
        List<Node> outside = OutsideTry.find(node.getInnerExpression(), outsideTry.keySet(), groupKeys);
        if (outside.isEmpty()) {
            return "try(" + p(node.getInnerExpression()) + ")";
        }
        StringJoiner values = new StringJoiner(", ", "list_transform([{", "}], __t -> ");
        for (int i = 0; i < outside.size(); i++) {
            Node value = outside.get(i);
            values.add("'v" + i + "': " + (OutsideTry.isRandom(value) ? Calls.RANDOM_VALUE : p(value)));
        }
        for (int i = 0; i < outside.size(); i++) {
            // __t['v0'], not __t.v0: in HAVING, DuckDB binds __t.v0 as column v0 of a table __t, and fails.
            outsideTry.put(outside.get(i), "__t['v" + i + "']");
        }
        try {
            return values + "try(" + p(node.getInnerExpression()) + "))[1]";
        } finally {
            outside.forEach(outsideTry::remove);
        }
    }

    // ---- SQL/JSON functions (SqlJsonFunctions) ------------------------------------------------------------

    @Override
    protected String visitJsonExists(JsonExists node, Void context) {
        return SqlJsonFunctions.EXISTS + "(" + pathInvocation(node.getJsonPathInvocation(), List.of(
                Literals.quote(node.getErrorBehavior().name()))) + ")";
    }

    @Override
    protected String visitJsonValue(JsonValue node, Void context) {
        SqlType returned = node.getReturnedType().map(TrinoTypes::of)
                .orElse(new SqlType("varchar", SqlType.UNBOUNDED, 0, List.of(), List.of()));
        if (!List.of("varchar", "char", "tinyint", "smallint", "integer", "bigint", "double", "float", "real",
                "decimal", "boolean", "date").contains(returned.base())) {
            throw new UnsupportedSqlException("JSON_VALUE(… RETURNING " + returned.trinoName() + ")");
        }
        String call = SqlJsonFunctions.VALUE + "(" + pathInvocation(node.getJsonPathInvocation(), List.of(
                Literals.quote(SqlJsonFunctions.returning(returned)),
                Literals.quote(node.getEmptyBehavior().name()), Literals.quote(node.getErrorBehavior().name()))) + ")";
        boolean text = returned.is("varchar") || returned.is("char");
        Function<String, String> typed = sql -> text ? sql : "CAST(" + sql + " AS " + returned.duckDbName() + ")";
        if (node.getEmptyDefault().isEmpty() && node.getErrorDefault().isEmpty()) {
            return typed.apply(call);
        }
        Function<Expression, String> fallback = e -> text ? VarcharCasts.cast(p(e), false)
                : "CAST(" + p(e) + " AS " + returned.duckDbName() + ")";
        StringBuilder out = new StringBuilder("(CASE WHEN starts_with(").append(call).append(", ")
                .append(Literals.quote(SqlJsonFunctions.VALUE_PREFIX)).append(") THEN ")
                .append(typed.apply("substr(" + call + ", 2)"));
        node.getEmptyDefault().ifPresent(e -> out.append(" WHEN ").append(call).append(" = ")
                .append(Literals.quote(SqlJsonFunctions.TAKE_EMPTY_DEFAULT)).append(" THEN ").append(fallback.apply(e)));
        node.getErrorDefault().ifPresent(e -> out.append(" WHEN ").append(call).append(" = ")
                .append(Literals.quote(SqlJsonFunctions.TAKE_ERROR_DEFAULT)).append(" THEN ").append(fallback.apply(e)));
        return out.append(" END)").toString();
    }

    @Override
    protected String visitJsonQuery(JsonQuery node, Void context) {
        String call = SqlJsonFunctions.QUERY + "(" + pathInvocation(node.getJsonPathInvocation(), List.of(
                Literals.quote(node.getWrapperBehavior().name()),
                Literals.quote(node.getQuotesBehavior().map(Enum::name).orElse("KEEP")),
                Literals.quote(node.getEmptyBehavior().name()), Literals.quote(node.getErrorBehavior().name()))) + ")";
        return jsonOutput("JSON_QUERY", call, node.getReturnedType(), node.getOutputFormat());
    }

    @Override
    protected String visitJsonArray(JsonArray node, Void context) {
        StringJoiner arguments = new StringJoiner(", ", SqlJsonFunctions.ARRAY + "(", ")");
        arguments.add(Literals.quote(node.isNullOnNull() ? "NULL" : "ABSENT"));
        for (JsonArrayElement element : node.getElements()) {
            jsonValueArguments(element.getValue(), element.getFormat(), "", arguments);
        }
        return jsonOutput("JSON_ARRAY", arguments.toString(), node.getReturnedType(), node.getOutputFormat());
    }

    @Override
    protected String visitJsonObject(JsonObject node, Void context) {
        StringJoiner arguments = new StringJoiner(", ", SqlJsonFunctions.OBJECT + "(", ")");
        arguments.add(Literals.quote(node.isNullOnNull() ? "NULL" : "ABSENT"));
        arguments.add(Literals.quote(node.isUniqueKeys() ? "UNIQUE" : "ANY"));
        for (JsonObjectMember member : node.getMembers()) {
            arguments.add("CAST(" + p(member.getKey()) + " AS VARCHAR)");
            jsonValueArguments(member.getValue(), member.getFormat(), "", arguments);
        }
        return jsonOutput("JSON_OBJECT", arguments.toString(), node.getReturnedType(), node.getOutputFormat());
    }

    /** The JSON text {@code call} gives as the RETURNING type: varchar (any length) or UTF-8 varbinary. */
    private static String jsonOutput(String function, String call, Optional<DataType> returning,
                                     Optional<JsonPathParameter.JsonFormat> format) {
        SqlType type = returning.map(TrinoTypes::of).orElse(SqlType.simple("varchar"));
        if (format.isPresent() && format.get() != JsonPathParameter.JsonFormat.JSON
                && format.get() != JsonPathParameter.JsonFormat.UTF8) {
            throw new UnsupportedSqlException(function + "(… RETURNING … FORMAT JSON ENCODING " + format.get() + ")");
        }
        if (type.is("varbinary")) {
            return "encode(" + call + ")";
        }
        if (!type.is("varchar")) {
            throw new UnsupportedSqlException(function + "(… RETURNING " + type.trinoName() + ")");
        }
        return call;
    }

    /**
     * The arguments of one JSON value for SqlJsonFunctions: its tag joined to {@code name}, then its text: JSON text
     * given FORMAT JSON, of JSON type or made by a SQL/JSON function as is, an SQL value as DuckDB's JSON text of it.
     */
    private void jsonValueArguments(Expression value, Optional<JsonPathParameter.JsonFormat> format, String name,
                                    StringJoiner arguments) {
        SqlType type = argumentType(value);
        boolean json = format.isPresent() || (type != null && type.is("json")) || value instanceof JsonQuery
                || value instanceof JsonArray || value instanceof JsonObject;
        if (format.isPresent() && format.get() != JsonPathParameter.JsonFormat.JSON
                && format.get() != JsonPathParameter.JsonFormat.UTF8) {
            throw new UnsupportedSqlException("FORMAT JSON ENCODING " + format.get() + " input");
        }
        String printed = p(value);
        if (json) {
            arguments.add(Literals.quote("J:" + name));
            arguments.add(type != null && type.is("varbinary") ? "decode(" + printed + ")"
                    : "CAST(" + printed + " AS VARCHAR)");
        } else {
            arguments.add(Literals.quote((type != null && type.is("decimal") ? "D:" : "S:") + name));
            arguments.add("CAST(to_json(" + printed + ") AS VARCHAR)");
        }
    }

    /**
     * The arguments of a path invocation: the input as text, the path (checked here as Trino's analysis checks
     * it), {@code options}, then the PASSING parameters by Trino's names (an unquoted name upper case).
     */
    private String pathInvocation(JsonPathInvocation invocation, List<String> options) {
        if (invocation.getInputFormat() != JsonPathParameter.JsonFormat.JSON
                && invocation.getInputFormat() != JsonPathParameter.JsonFormat.UTF8) {
            throw new UnsupportedSqlException("FORMAT JSON ENCODING " + invocation.getInputFormat() + " input");
        }
        Expression input = invocation.getInputExpression();
        SqlType inputType = argumentType(input);
        String inputSql = inputType != null && inputType.is("varbinary") ? "decode(" + p(input) + ")"
                : "CAST(" + p(input) + " AS VARCHAR)";
        StringLiteral pathLiteral = invocation.getJsonPath();
        JsonPathLanguage.Path path;
        try {
            path = JsonPathLanguage.parse(pathLiteral.getValue());
        } catch (JsonPathLanguage.SyntaxError e) {
            String prefix = pathLiteral.getLocation().map(l -> "line " + l.getLineNumber() + ":"
                    + (l.getColumnNumber() + 1 + e.offset) + ": ").orElse("");
            throw EngineFailure.user("SYNTAX_ERROR", prefix + e.getMessage());
        } catch (JsonPathLanguage.Unsupported e) {
            throw EngineFailure.user("NOT_SUPPORTED", at(pathLiteral) + e.getMessage());
        }
        StringJoiner arguments = new StringJoiner(", ");
        arguments.add(inputSql);
        arguments.add(Literals.quote(pathLiteral.getValue()));
        options.forEach(arguments::add);
        java.util.Set<String> passed = new java.util.HashSet<>();
        for (JsonPathParameter parameter : invocation.getPathParameters()) {
            String name = parameter.getName().isDelimited() ? parameter.getName().getValue()
                    : parameter.getName().getValue().toUpperCase(Locale.ENGLISH);
            passed.add(name);
            jsonValueArguments(parameter.getParameter(), parameter.getFormat(), name, arguments);
        }
        for (String variable : path.variables()) {
            if (!passed.contains(variable)) {
                throw EngineFailure.user("INVALID_PATH", at(pathLiteral) + "no value passed for parameter " + variable
                        + ". Try quoting \"" + variable + "\" in the PASSING clause to match case");
            }
        }
        return arguments.toString();
    }

    @Override
    protected String visitFormat(io.trino.sql.tree.Format node, Void context) {
        return call("format", node.getArguments());
    }

    @Override
    protected String visitTrim(Trim node, Void context) {
        String function = switch (node.getSpecification()) {
            case BOTH -> "trim";
            case LEADING -> "ltrim";
            case TRAILING -> "rtrim";
        };
        String printed = function + "(" + p(node.getTrimSource()) + node.getTrimCharacter().map(c -> ", " + p(c))
                .orElse("") + ")";
        // Trino resolves trim, ltrim or rtrim without the node's position: its message has no line:column
        List<Expression> arguments = new ArrayList<>();
        arguments.add(node.getTrimSource());
        node.getTrimCharacter().ifPresent(arguments::add);
        resolveCall(node, function, arguments, "");
        return printed;
    }

    @Override
    protected String visitExtract(Extract node, Void context) {
        String field = switch (node.getField()) {
            case DAY_OF_MONTH -> "day";
            case DAY_OF_WEEK, DOW -> "isodow";
            case DAY_OF_YEAR, DOY -> "doy";
            case YEAR_OF_WEEK, YOW -> "isoyear";
            default -> node.getField().name().toLowerCase(Locale.ROOT);
        };
        String value = p(node.getExpression());
        ExtractFields.check(node.getField(), argumentType(node.getExpression()), at(node.getExpression()));
        java.time.ZoneId zone = zones.of(node.getExpression());
        if (ZonedCalls.isUtc(zone)) {
            return "extract(" + field + " FROM " + value + ")";
        }
        // Trino extracts a zoned value's fields in its zone
        return field.startsWith("timezone_") ? ZonedCalls.offsetField(field, value, zone)
                : "extract(" + field + " FROM " + WallClock.of(value, zone) + ")";
    }

    @Override
    protected String visitCurrentTime(CurrentTime node, Void context) {
        return node.getFunction().getName().toLowerCase(Locale.ROOT);
    }

    @Override
    protected String visitCurrentUser(CurrentUser node, Void context) {
        return "current_user";
    }

    @Override
    protected String visitCurrentCatalog(CurrentCatalog node, Void context) {
        return "current_database()";
    }

    @Override
    protected String visitCurrentSchema(CurrentSchema node, Void context) {
        return "current_schema()";
    }

    /**
     * {@code x AT TIME ZONE zone} is Trino's {@code at_timezone(x, zone)} (x a timestamp read in the session zone,
     * UTC): the instant of x with another zone, which DuckDB's TIMESTAMPTZ cannot hold; {@link TimestampZones} carries
     * it. Trino's grammar allows only a string or an interval literal as the zone.
     */
    @Override
    protected String visitAtTimeZone(AtTimeZone node, Void context) {
        zones.argument(node.getTimeZone());
        return "CAST(" + p(node.getValue()) + " AS TIMESTAMPTZ)";
    }

    @Override
    protected String visitLambdaExpression(LambdaExpression node, Void context) {
        List<LambdaArgumentDeclaration> args = node.getArguments();
        String params = args.size() == 1 ? p(args.get(0).getName()) : "(" + args.stream()
                .map(a -> p(a.getName())).collect(Collectors.joining(", ")) + ")";
        // the parameters hide columns of their names in the body
        return "(" + params + " -> " + zones.within(zones.scope().lambda(args.stream()
                .map(LambdaArgumentDeclaration::getName).toList()), () -> p(node.getBody())) + ")";
    }

    @Override
    protected String visitGroupingOperation(GroupingOperation node, Void context) {
        return "grouping(" + list(node.getGroupingColumns()) + ")";
    }

    /**
     * {@code CAST(x AS type)} with the type spelled for DuckDB; a CAST to JSON serialises as Trino does, one to
     * varchar or char spells values as Trino does ({@link VarcharCasts}), a zoned x cast to a type without zone
     * is read in its zone (see {@link ZonedCasts}), and text that names a zone cast to a timestamp with time zone is
     * the instant it names there (DuckDB's cast takes no blank before an offset, and its value keeps no zone: the
     * zone goes to the rendering, see {@link TimestampZones}).
     */
    @Override
    protected String visitCast(Cast node, Void context) {
        if (TrinoTypes.isUnknown(node.getType())) {
            throw EngineFailure.user("TYPE_MISMATCH", at(node) + "UNKNOWN is not a valid type");
        }
        String expression = p(node.getExpression());
        String duckType;
        try {
            SqlType type = TrinoTypes.of(node.getType());
            if (type.is("timestamp with time zone")
                    && SqlStatement.BoundValue.resolve(parameters, node.getExpression()) instanceof StringLiteral text) {
                expression = ZonedTimestampText.ofCastText(text.getValue()).map(ZonedTimestampText.Zoned::duckDbLiteral)
                        .orElse(expression);
            }
            expression = ZonedCasts.source(expression, zones.of(node.getExpression()), type);
            String address = IpAddresses.cast(expression, argumentType(node.getExpression()), type, node.isSafe(),
                    at(node));
            if (address != null) {
                return address;
            }
            SqlType declared = TrinoTypes.declaredTimestamp(node).orElse(null);
            if (declared != null) {
                return TimestampPrecision.cast(expression, argumentType(node.getExpression()), declared, node.isSafe());
            }
            if (type.is("json")) {
                return "to_json(" + expression + ")";
            }
            duckType = type.duckDbName();
            SqlType source = argumentType(node.getExpression());
            if (CharValues.isChar(source)) {
                // to text or bytes a char is its padded text, to a number or boolean the text it holds
                expression = type.is("varchar") || type.is("char") || type.is("varbinary")
                        ? CharValues.asText(expression, source) : CharValues.unpadded(expression);
            }
            expression = FractionCasts.source(expression, source, type);
            if (IntegerTextCasts.applies(source, type)) {
                return IntegerTextCasts.cast(expression, type, node.isSafe());
            }
            if (type.is("varchar") || type.is("char")) {
                String cast = source != null && source.is("timestamp") && source.length() >= 0
                        && zones.of(node.getExpression()) == null
                        ? VarcharCasts.timestamp(expression, source.length())
                        : VarcharCasts.cast(expression, node.isSafe());
                // Trino cuts the text to the length; a char(n) is also padded to it (see CharValues)
                if (type.is("char")) {
                    return CharValues.padded(cast, CharValues.length(type));
                }
                return type.length() == SqlType.UNBOUNDED ? cast : "left(" + cast + ", " + type.length() + ")";
            }
        } catch (TrinoTypes.NoSuchType e) {
            // DuckDB would run CAST(x AS string) or AS float (its aliases of varchar and real); Athena refuses them.
            throw EngineFailure.user("TYPE_MISMATCH", at(node) + "Unknown type: "
                    + ExpressionFormatter.formatExpression(node.getType()));
        } catch (IllegalArgumentException e) {
            // A Trino type athena-local cannot run: DuckDB gets Trino's spelling and answers for it.
            duckType = ExpressionFormatter.formatExpression(node.getType());
        }
        return (node.isSafe() ? "TRY_CAST(" : "CAST(") + expression + " AS " + duckType + ")";
    }

    /**
     * A call, printed after its arguments; where Trino has no signature of its function for the arguments' types,
     * refused as Trino's analysis refuses it ({@link #resolveCall}). A chain of {@code ||} resolves each of its
     * calls itself ({@link #concatenation}).
     */
    @Override
    protected String visitFunctionCall(FunctionCall node, Void context) {
        String printed = printCall(node);
        if (!isConcatenation(node) && node.getName().getParts().size() == 1) {
            resolveCall(node, node.getName().getSuffix().toLowerCase(Locale.ROOT), node.getArguments(), at(node));
        }
        return printed;
    }

    private String printCall(FunctionCall node) {
        List<Identifier> parts = node.getName().getOriginalParts();
        String written = parts.get(parts.size() - 1).getValue();
        String name = node.getName().getParts().stream().collect(Collectors.joining(".")).toLowerCase(Locale.ROOT);
        if (UnavailableFunctions.contains(name)) {
            throw new UnsupportedSqlException("the function " + written);
        }
        if (node.getName().getParts().size() == 1 && !TrinoFunctions.contains(name)) {
            // Checked on the name as written, before Calls renames it to DuckDB's.
            throw EngineFailure.user("FUNCTION_NOT_FOUND", at(node) + "Function '" + name + "' not registered");
        }
        if (node.getProcessingMode().isPresent()) {
            throw new UnsupportedSqlException("RUNNING/FINAL in " + written + "()");
        }
        if (isConcatenation(node)) {
            return concatenation(node);
        }
        String randomValue = outsideTry.get(node);
        if (randomValue != null) {
            return Calls.random(arguments(node.getArguments()), randomValue);
        }
        boolean oneArgument = node.getArguments().size() == 1 && node.getOrderBy().isEmpty()
                && node.getNullTreatment().isEmpty();
        if (name.equals("avg") && oneArgument && !isInterval(argumentType(node.getArguments().get(0)))) {
            return DecimalArithmetic.average((node.isDistinct() ? "DISTINCT " : "") + p(node.getArguments().get(0)),
                    modifiers(node));
        }
        if (name.equals("sum") && oneArgument) {
            String sum = "sum(" + (node.isDistinct() ? "DISTINCT " : "") + p(node.getArguments().get(0)) + ")"
                    + modifiers(node);
            // Trino's sum of a real is a real (RealSumAggregation), DuckDB's a double: cast back where the argument
            // is known to be a real (an argument of unknown type keeps DuckDB's double).
            SqlType type = argumentType(node.getArguments().get(0));
            boolean real = type != null && (type.is("real") || type.is("float"));
            return real ? "CAST(" + sum + " AS FLOAT)" : integerSum(sum);
        }
        if (AggregateCalls.handles(name)) {
            return AggregateCalls.print(name, arguments(node.getArguments()), node.getOrderBy().map(this::p).orElse(""),
                    node.isDistinct(), node.getNullTreatment().map(n -> n == FunctionCall.NullTreatment.IGNORE
                            ? " IGNORE NULLS" : " RESPECT NULLS").orElse(""), modifiers(node));
        }
        String text;
        if (name.equals("map")) {
            text = constructors.inside(() -> call(name, node.getArguments()));
        } else if (!node.isDistinct() && node.getOrderBy().isEmpty() && node.getNullTreatment().isEmpty()) {
            text = call(name, node.getArguments());
        } else {
            StringBuilder args = new StringBuilder(node.isDistinct() ? "DISTINCT " : "");
            args.append(node.getArguments().isEmpty() && name.equals("count") ? "*" : list(node.getArguments()));
            node.getOrderBy().ifPresent(o -> args.append(' ').append(p(o)));
            node.getNullTreatment().ifPresent(n -> args.append(n == FunctionCall.NullTreatment.IGNORE
                    ? " IGNORE NULLS" : " RESPECT NULLS"));
            text = name + "(" + args + ")";
        }
        return text + modifiers(node);
    }

    /** An interval type: its avg is DuckDB's own (the decimal-aware average sums, and DuckDB sums no intervals). */
    private static boolean isInterval(SqlType type) {
        return type != null && type.base().startsWith("interval");
    }

    /**
     * DuckDB sums integers as HUGEINT, which Athena would report as decimal(38,0); Trino sums them as a bigint
     * (beyond its range DuckDB's cast fails with NUMERIC_VALUE_OUT_OF_RANGE, as Trino's sum overflows). The sum is
     * handed to the cast through a one-element list_transform, which names it once: DuckDB binds every copy of the
     * argument, which took most of the planning of {@code sum(n % 100)} when the sum was written three times.
     */
    private static String integerSum(String sum) {
        String bigint = TypeChoice.pick("typeof(__s) = 'HUGEINT'", "CAST(0 AS BIGINT)", "__s");
        return CollectionCalls.let("__s", sum, "cast_to_type(__s, " + bigint + ")");
    }

    /** What follows a call's brackets: {@code FILTER (WHERE …)} and {@code OVER …}. */
    private String modifiers(FunctionCall node) {
        StringBuilder out = new StringBuilder();
        node.getFilter().ifPresent(f -> out.append(" FILTER (WHERE ").append(p(f)).append(')'));
        node.getWindow().ifPresent(w -> out.append(" OVER ").append(window(w)));
        return out.toString();
    }

    /** A call with nothing but a name and arguments: no DISTINCT, ORDER BY, null treatment, FILTER or OVER. */
    private static boolean isPlainCall(FunctionCall call) {
        return !call.isDistinct() && call.getOrderBy().isEmpty() && call.getNullTreatment().isEmpty()
                && call.getFilter().isEmpty() && call.getWindow().isEmpty() && call.getProcessingMode().isEmpty();
    }

    /**
     * Trino's {@code a || b || c} (a {@code concat} call nested as deep as the chain is long) as DuckDB's {@code ||}
     * over the flattened operands ({@link Concatenation}). {@code ||} keeps Trino's semantics (NULL when any operand
     * is NULL, for varchar, arrays and varbinary alike), where DuckDB's {@code concat} skips NULLs; and the operands
     * are gathered in a loop, so this printer's recursion does not grow with the chain.
     */
    private String concatenation(FunctionCall chain) {
        List<Concatenation.Operand> operands = new ArrayList<>();
        // Operands are printed, and each || resolved once its operands are, in Trino's order of analysis: left to
        // right, the operands of a call before the call.
        Deque<Object> pending = new ArrayDeque<>();
        pending.push(chain);
        while (!pending.isEmpty()) {
            Object next = pending.pop();
            if (next instanceof Resolve resolve) {
                resolveCall(resolve.call(), "concat", resolve.call().getArguments(), at(resolve.call()));
            } else if (next instanceof FunctionCall call && isConcatenation(call)) {
                pending.push(new Resolve(call));
                List<Expression> args = call.getArguments();
                for (int i = args.size() - 1; i >= 0; i--) {
                    pending.push(args.get(i));
                }
            } else {
                Expression e = (Expression) next;
                String printed = p(e);
                operands.add(Concatenation.operand(e, "(" + CharValues.asText(printed, argumentType(e)) + ")",
                        parameter -> parameters.get(parameter.getId()).expression(), types.of(e, zones.scope())));
            }
        }
        return Concatenation.print(operands);
    }

    /** A {@code ||} of a chain whose operands are printed: to resolve next. */
    private record Resolve(FunctionCall call) {
    }

    /**
     * Trino's resolution of a call of {@code name} (lower case) with {@code arguments}: where every argument's type is
     * certain ({@link #argumentType}) and no signature {@link FunctionSignatures} declares for the name takes them,
     * Trino's analysis fails with {@code FUNCTION_NOT_FOUND: line 1:8: Unexpected parameters (varchar(10)) for
     * function year. Expected: …}, at {@code position} (the call's; {@code try} does not catch it). Where the call's
     * result type is certain, it is kept for the calls around it.
     */
    private void resolveCall(Node call, String name, List<Expression> arguments, String position) {
        Resolved resolved = resolve(name, arguments);
        if (resolved != null && resolved.resolution().refused()) {
            throw EngineFailure.user("FUNCTION_NOT_FOUND", position
                    + FunctionSignatures.unexpectedParameters(name, resolved.argumentTypes()));
        }
        callTypes.put(call, resolved == null ? null : resolved.resolution().result());
    }

    /** A call's resolution and the argument types it was resolved with. */
    private record Resolved(List<SqlType> argumentTypes, FunctionSignatures.Resolution resolution) {
    }

    /**
     * Trino's resolution of a call of {@code name} with {@code arguments}, where {@link FunctionSignatures} declares
     * the name and judges the arguments' types, every one certain ({@link #argumentType}); else null.
     */
    private Resolved resolve(String name, List<Expression> arguments) {
        if (!FunctionSignatures.isDeclared(name)) {
            return null;
        }
        List<SqlType> argumentTypes = new ArrayList<>();
        for (Expression argument : arguments) {
            SqlType type = argumentType(argument);
            if (type == null) {
                return null;
            }
            argumentTypes.add(type);
        }
        FunctionSignatures.Resolution resolution = FunctionSignatures.resolve(name, argumentTypes);
        return resolution == null ? null : new Resolved(argumentTypes, resolution);
    }

    /**
     * The result type of a call not printed yet (one of a derived table, whose SELECT is printed after the outer
     * query's items, or one asked about before its arguments are printed), resolved as {@link #resolveCall} will
     * resolve it, and kept; null where not certain or where Trino refuses the call (its printing fails then). A chain
     * of {@code ||} nests as deep as it is long, so its inner calls are resolved first, in a loop, each finding the
     * one inside it kept: the recursion does not grow with the chain (as in {@link #concatenation}).
     */
    private SqlType unprintedCallType(FunctionCall call) {
        Deque<FunctionCall> unresolved = new ArrayDeque<>();
        for (FunctionCall next = call; next != null && !callTypes.containsKey(next);
             next = isConcatenation(next) && next.getArguments().get(0) instanceof FunctionCall inner
                     && isConcatenation(inner) ? inner : null) {
            unresolved.push(next);
        }
        while (!unresolved.isEmpty()) {
            FunctionCall next = unresolved.pop();
            callTypes.put(next, resolvedType(next));
        }
        return callTypes.get(call);
    }

    /**
     * The result type Trino's resolution gives {@code call} (named as {@link #visitFunctionCall} and
     * {@link #concatenation} resolve it), where certain; null where not or where refused.
     */
    private SqlType resolvedType(FunctionCall call) {
        if (call.getName().getParts().size() != 1) {
            return null;
        }
        Resolved resolved = resolve(call.getName().getSuffix().toLowerCase(Locale.ROOT), call.getArguments());
        return resolved == null || resolved.resolution().refused() ? null : resolved.resolution().result();
    }

    /**
     * The type of a WITH query's, derived table's, set operation's or VALUES' {@code item}, standing in
     * {@code scope}, as the column it fills has it ({@link KnownTypes.ItemTypes}): typed as it would be in place.
     */
    private SqlType itemType(Expression item, Scope scope) {
        return zones.within(scope, () -> argumentType(item));
    }

    /**
     * The type of an operand or call argument where it is certain: a literal's (as Trino types it: {@code 'abc'} is
     * {@code varchar(3)}, {@code 1.5} a double, {@code DECIMAL '1.50'} a decimal(3,2), {@code TIMESTAMP '…'} of the
     * precision written), a bound parameter's value's, a negated number's, {@code current_date}'s and
     * {@code current_timestamp}'s, a CAST's and a column's ({@link KnownTypes}: also a WITH query's or derived
     * table's column computed by an expression of such a type), an {@code ARRAY[…]} of elements of such types, an
     * element of an array or map of known type, a value {@code AT TIME ZONE}, and a call's result as Trino's
     * resolution gives it ({@link #callTypes}); else null.
     */
    private SqlType argumentType(Expression written) {
        if (written instanceof Parameter parameter) {
            SqlStatement.BoundValue value = parameters.get(parameter.getId());
            return new DuckDbPrinter(value.text(), List.of()).argumentType(value.expression());
        }
        if (callTypes.containsKey(written)) {
            return callTypes.get(written);
        }
        if (written instanceof FunctionCall call) {
            return unprintedCallType(call);
        }
        if (written instanceof DecimalLiteral decimal) {
            char first = firstAfterSign(decimal.getLocation().orElse(null));
            if (Character.isDigit(first) || first == '.') {
                return SqlType.simple("double");
            }
            try {
                return Literals.decimalLiteralType(decimal.getValue());
            } catch (UnsupportedSqlException notANumber) {
                return null;
            }
        }
        if (written instanceof GenericLiteral typed && (typed.getType().equalsIgnoreCase("json")
                || typed.getType().equalsIgnoreCase("ipaddress"))) {
            return SqlType.simple(typed.getType().toLowerCase(Locale.ROOT));
        }
        if (written instanceof CharLiteral text) {
            // of the length written: the tree's value has lost its trailing spaces
            return new SqlType("char", text.length(), 0, List.of(), List.of());
        }
        if (written instanceof BinaryLiteral) {
            return SqlType.simple("varbinary");
        }
        if (written instanceof IntervalLiteral interval) {
            return SqlType.simple(interval.isYearToMonth() ? "interval year to month" : "interval day to second");
        }
        if (written instanceof TimestampLiteral timestamp) {
            return Literals.timestampLiteralType(timestamp.getValue());
        }
        if (written instanceof CurrentTime now) {
            return currentTimeType(now);
        }
        if (written instanceof ArithmeticUnaryExpression negated) {
            SqlType type = argumentType(negated.getValue());
            // a negated interval keeps its kind, as a negated number its type
            return type != null && (type.isNumeric() || ArithmeticTypes.isInterval(type)) ? type : null;
        }
        if (written instanceof ArithmeticBinaryExpression binary) {
            return ArithmeticTypes.of(binary.getOperator(), argumentType(binary.getLeft()), argumentType(binary.getRight()));
        }
        if (written instanceof AtTimeZone atZone) {
            SqlType type = argumentType(atZone.getValue());
            if (type != null && type.isTimestamp()) {
                return SqlType.timestamp("timestamp with time zone", type.length());
            }
            return null;
        }
        if (written instanceof Array array) {
            // ARRAY[…]: its elements' common super type, where certain (as for the elements' own check)
            SqlType element = CommonSuperType.UNKNOWN;
            for (Expression value : array.getValues()) {
                SqlType type = argumentType(value);
                if (!CommonSuperType.judged(type) || !CommonSuperType.joins(element, type)) {
                    return null;
                }
                element = CommonSuperType.of(element, type);
                if (element == null) {
                    return null;
                }
            }
            return SqlType.array(element);
        }
        if (written instanceof SubscriptExpression subscript) {
            SqlType base = argumentType(subscript.getBase());
            if (base != null && base.is("array")) {
                return base.element();
            }
            return base != null && base.is("map") ? base.children().get(1) : null;
        }
        SqlType literal = ComparisonTypes.literal(written);
        return literal != null ? literal : types.of(written, zones.scope());
    }

    /** Trino's type of {@code current_date}, {@code current_timestamp} and the others (precision 3 unless given). */
    private static SqlType currentTimeType(CurrentTime now) {
        int precision = now.getPrecision() == null ? SqlType.UNBOUNDED : now.getPrecision();
        return switch (now.getFunction()) {
            case DATE -> SqlType.simple("date");
            case TIME -> SqlType.timestamp("time with time zone", precision);
            case TIMESTAMP -> SqlType.timestamp("timestamp with time zone", precision);
            case LOCALTIME -> SqlType.timestamp("time", precision);
            case LOCALTIMESTAMP -> SqlType.timestamp("timestamp", precision);
        };
    }

    /** A plain {@code concat} of two or more arguments: what Trino's parser makes of {@code ||}. */
    private static boolean isConcatenation(FunctionCall call) {
        List<Identifier> parts = call.getName().getOriginalParts();
        return parts.size() == 1 && parts.get(0).getValue().toLowerCase(Locale.ROOT).equals("concat")
                && call.getArguments().size() >= 2 && isPlainCall(call);
    }

    /** A call of {@code name} (lower case): rewritten by {@link Calls} where Trino and DuckDB differ. */
    private String call(String name, List<Expression> arguments) {
        List<Calls.Arg> args = ZonedCalls.inWallClockTime(name, Calls.typedNulls(name, arguments(arguments)), zones);
        String zoned = ZonedCalls.rewrite(name, args, zones);
        if (zoned != null) {
            return zoned;
        }
        String rewritten = Calls.rewrite(name, args);
        if (rewritten != null) {
            return rewritten;
        }
        if (arguments.isEmpty() && name.equals("count")) {
            return "count(*)";
        }
        return name + "(" + args.stream().map(Calls.Arg::sql).collect(Collectors.joining(", ")) + ")";
    }

    private List<Calls.Arg> arguments(List<Expression> arguments) {
        // printed first: a call among the arguments is resolved while printed, and its type known after
        return arguments.stream().map(a -> {
            String printed = p(a);
            SqlType type = argumentType(a);
            // a char goes into a function as Trino coerces it to varchar: padded
            return new Calls.Arg(CharValues.asText(printed, type), a, type);
        }).toList();
    }

    private String window(Window window) {
        if (window instanceof WindowReference reference) {
            return p(reference.getName());
        }
        return "(" + windowSpecification((WindowSpecification) window) + ")";
    }

    private String windowSpecification(WindowSpecification spec) {
        StringJoiner out = new StringJoiner(" ");
        spec.getExistingWindowName().ifPresent(name -> out.add(p(name)));
        if (!spec.getPartitionBy().isEmpty()) {
            out.add("PARTITION BY " + list(spec.getPartitionBy()));
        }
        spec.getOrderBy().ifPresent(o -> out.add(p(o)));
        spec.getFrame().ifPresent(f -> out.add(frame(f)));
        return out.toString();
    }

    private String frame(WindowFrame frame) {
        if (frame.getPattern().isPresent() || !frame.getMeasures().isEmpty()) {
            throw new UnsupportedSqlException("MATCH_RECOGNIZE (row pattern recognition)");
        }
        String type = frame.getType().name();
        Function<FrameBound, String> bound = b -> switch (b.getType()) {
            case UNBOUNDED_PRECEDING -> "UNBOUNDED PRECEDING";
            case PRECEDING -> p(b.getValue().orElseThrow()) + " PRECEDING";
            case CURRENT_ROW -> "CURRENT ROW";
            case FOLLOWING -> p(b.getValue().orElseThrow()) + " FOLLOWING";
            case UNBOUNDED_FOLLOWING -> "UNBOUNDED FOLLOWING";
        };
        if (frame.getEnd().isPresent()) {
            return type + " BETWEEN " + bound.apply(frame.getStart()) + " AND " + bound.apply(frame.getEnd().get());
        }
        return type + " " + bound.apply(frame.getStart());
    }

    /** What has no DuckDB printing: named in the exception, never passed on half-translated. */
    @Override
    protected String visitNode(Node node, Void context) {
        String construct = node.getClass().getSimpleName();
        if (construct.equals("PatternRecognitionRelation")) {
            throw new UnsupportedSqlException("MATCH_RECOGNIZE (row pattern recognition)");
        }
        throw new UnsupportedSqlException("the construct " + construct.replaceAll("([a-z])([A-Z])", "$1 $2"));
    }

    /**
     * How deep the printer is inside one kind of construct, refused beyond {@code max} levels (constructs DuckDB
     * plans in time growing much faster than their depth, in a call nothing can interrupt).
     */
    private static final class Nesting {

        private final int max;
        private final String refused;
        private int depth;

        Nesting(int max, String refused) {
            this.max = max;
            this.refused = refused;
        }

        /** {@code print} run one level deeper. @throws UnsupportedSqlException naming the construct beyond the limit */
        String inside(Supplier<String> print) {
            if (depth == max) {
                throw new UnsupportedSqlException(refused);
            }
            depth++;
            try {
                return print.get();
            } finally {
                depth--;
            }
        }
    }
}
