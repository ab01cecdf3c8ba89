package ai.connecty.athena.local.sql;

import io.trino.sql.tree.ArithmeticBinaryExpression;
import io.trino.sql.tree.ArithmeticUnaryExpression;
import io.trino.sql.tree.Array;
import io.trino.sql.tree.BetweenPredicate;
import io.trino.sql.tree.BinaryLiteral;
import io.trino.sql.tree.Cast;
import io.trino.sql.tree.CharLiteral;
import io.trino.sql.tree.ComparisonExpression;
import io.trino.sql.tree.Expression;
import io.trino.sql.tree.Extract;
import io.trino.sql.tree.FunctionCall;
import io.trino.sql.tree.GenericLiteral;
import io.trino.sql.tree.InPredicate;
import io.trino.sql.tree.IsNotNullPredicate;
import io.trino.sql.tree.IsNullPredicate;
import io.trino.sql.tree.LikePredicate;
import io.trino.sql.tree.Literal;
import io.trino.sql.tree.LogicalExpression;
import io.trino.sql.tree.NotExpression;
import io.trino.sql.tree.NullLiteral;
import io.trino.sql.tree.Parameter;
import io.trino.sql.tree.Row;
import io.trino.sql.tree.StringLiteral;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Trino's {@code ||} (and {@code concat}) over DuckDB's {@code ||}. Trino joins strings, varbinary and arrays, and
 * appends an element to an array or prepends one; DuckDB joins only whole strings or whole arrays. So in a chain
 * with an array the elements are put in one-element arrays, told apart by what the tree shows of each operand's
 * type: array constructors, casts and functions returning arrays are arrays; literals and operators are elements;
 * a column reference has the type the catalog declares, or its WITH query's or derived table's item shows
 * ({@link KnownTypes}). An operand whose type neither shows (a
 * column of unknown type, most function calls) is, in a chain that holds an array or a non-text element, wrapped or
 * not by its DuckDB type while DuckDB binds. A chain of text and such operands only is DuckDB's {@code ||} as written.
 */
final class Concatenation {

    /** What the tree shows of an operand's type. */
    enum Kind { ARRAY, ELEMENT, TEXT, NULL, UNKNOWN }

    /**
     * One operand.
     *
     * @param sql   its DuckDB text
     * @param depth for an array, how deep arrays nest in it ({@code ARRAY[ARRAY[1]]} is 2), 0 where unseen
     */
    record Operand(String sql, Kind kind, int depth) {
    }

    /** Trino functions that return an array. */
    private static final Set<String> ARRAY_FUNCTIONS = Set.of("array_agg", "array_distinct", "array_except",
            "array_intersect", "array_remove", "array_sort", "array_union", "combinations", "filter", "flatten",
            "map_keys", "map_values", "ngrams", "regexp_extract_all", "regexp_split", "repeat", "sequence", "shuffle",
            "slice", "split", "transform", "trim_array", "zip", "zip_with");

    private static final Set<String> TEXT_TYPES = Set.of("varchar", "char", "varbinary", "json");

    private Concatenation() {
    }

    /**
     * The operand {@code e}, printed as {@code sql}; {@code bound} gives the expression bound to a {@code ?},
     * {@code known} the type the catalog or tree shows for {@code e} (null where none).
     */
    static Operand operand(Expression e, String sql, Function<Parameter, Expression> bound, SqlType known) {
        Expression seen = e instanceof Parameter parameter ? bound.apply(parameter) : e;
        Kind kind = kind(seen);
        if (kind == Kind.UNKNOWN && known != null) {
            return new Operand(sql, kindOf(known), depthOf(known));
        }
        return new Operand(sql, kind, depth(seen));
    }

    /** What a known type makes an operand. */
    private static Kind kindOf(SqlType type) {
        return type.is("array") ? Kind.ARRAY : TEXT_TYPES.contains(type.base()) ? Kind.TEXT : Kind.ELEMENT;
    }

    /** How deep arrays nest in a value of {@code type}. */
    private static int depthOf(SqlType type) {
        int depth = 0;
        for (SqlType t = type; t != null && t.is("array"); t = t.element()) {
            depth++;
        }
        return depth;
    }

    /**
     * The chain of {@code operands} joined pairwise with {@code ||}, bracketed as a balanced tree, so DuckDB's
     * expression depth (at most 1,000) does not grow with the chain: 2,000 operands nest 11 levels deep.
     */
    static String print(List<Operand> operands) {
        boolean arrays = operands.stream().anyMatch(o -> o.kind() == Kind.ARRAY || o.kind() == Kind.ELEMENT);
        int depth = Math.max(1, operands.stream().mapToInt(Operand::depth).max().orElse(0));
        List<String> joined = new ArrayList<>(operands.size());
        for (Operand operand : operands) {
            joined.add(arrays ? asArray(operand, depth) : operand.sql());
        }
        while (joined.size() > 1) {
            List<String> pairs = new ArrayList<>((joined.size() + 1) / 2);
            for (int i = 0; i < joined.size(); i += 2) {
                pairs.add(i + 1 < joined.size() ? "(" + joined.get(i) + " || " + joined.get(i + 1) + ")"
                        : joined.get(i));
            }
            joined = pairs;
        }
        return joined.get(0);
    }

    /** An operand of a chain of arrays {@code depth} deep, as an array of that depth. */
    private static String asArray(Operand operand, int depth) {
        return switch (operand.kind()) {
            case ARRAY -> operand.depth() > 0 && operand.depth() < depth ? "[" + operand.sql() + "]" : operand.sql();
            case ELEMENT, TEXT -> "[" + operand.sql() + "]";
            case NULL -> operand.sql();
            case UNKNOWN -> TypeChoice.pick("typeof(" + operand.sql() + ") LIKE '%" + "[]".repeat(depth) + "'",
                    operand.sql(), "[" + operand.sql() + "]");
        };
    }

    private static Kind kind(Expression e) {
        if (e instanceof NullLiteral) {
            return Kind.NULL;
        }
        if (e instanceof Array) {
            return Kind.ARRAY;
        }
        if (e instanceof StringLiteral || e instanceof CharLiteral || e instanceof BinaryLiteral) {
            return Kind.TEXT;
        }
        if (e instanceof GenericLiteral literal) {
            return TEXT_TYPES.contains(literal.getType().toLowerCase(Locale.ROOT)) ? Kind.TEXT : Kind.ELEMENT;
        }
        if (e instanceof Literal || e instanceof Row || e instanceof ArithmeticBinaryExpression
                || e instanceof ArithmeticUnaryExpression || e instanceof ComparisonExpression
                || e instanceof LogicalExpression || e instanceof NotExpression || e instanceof IsNullPredicate
                || e instanceof IsNotNullPredicate || e instanceof BetweenPredicate || e instanceof InPredicate
                || e instanceof LikePredicate || e instanceof Extract) {
            return Kind.ELEMENT;
        }
        if (e instanceof Cast cast) {
            SqlType type = castType(cast);
            return type == null ? Kind.UNKNOWN : type.is("array") ? Kind.ARRAY
                    : TEXT_TYPES.contains(type.base()) ? Kind.TEXT : Kind.ELEMENT;
        }
        if (e instanceof FunctionCall call && call.getName().getParts().size() == 1
                && ARRAY_FUNCTIONS.contains(call.getName().getSuffix().toLowerCase(Locale.ROOT))) {
            return Kind.ARRAY;
        }
        return Kind.UNKNOWN;
    }

    /** How deep arrays nest in {@code e}, where the tree shows it; 0 otherwise. */
    private static int depth(Expression e) {
        if (e instanceof Array array) {
            // the first element whose kind shows: an array makes this one a level deeper, anything else one deep
            for (Expression value : array.getValues()) {
                Kind kind = kind(value);
                if (kind == Kind.ARRAY) {
                    int inner = depth(value);
                    return inner == 0 ? 0 : inner + 1;
                }
                if (kind != Kind.NULL && kind != Kind.UNKNOWN) {
                    return 1;
                }
            }
            return 0;
        }
        if (e instanceof Cast cast) {
            return depthOf(castType(cast));
        }
        return 0;
    }

    private static SqlType castType(Cast cast) {
        return TrinoTypes.targetOf(cast).orElse(null);
    }
}
