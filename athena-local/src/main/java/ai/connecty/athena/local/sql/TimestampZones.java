package ai.connecty.athena.local.sql;

import io.trino.sql.tree.ArithmeticBinaryExpression;
import io.trino.sql.tree.ArithmeticUnaryExpression;
import io.trino.sql.tree.AtTimeZone;
import io.trino.sql.tree.Cast;
import io.trino.sql.tree.CoalesceExpression;
import io.trino.sql.tree.DereferenceExpression;
import io.trino.sql.tree.Expression;
import io.trino.sql.tree.FunctionCall;
import io.trino.sql.tree.Identifier;
import io.trino.sql.tree.IfExpression;
import io.trino.sql.tree.IntervalLiteral;
import io.trino.sql.tree.LongLiteral;
import io.trino.sql.tree.NullIfExpression;
import io.trino.sql.tree.NullLiteral;
import io.trino.sql.tree.SearchedCaseExpression;
import io.trino.sql.tree.SimpleCaseExpression;
import io.trino.sql.tree.StringLiteral;
import io.trino.sql.tree.TimestampLiteral;
import io.trino.sql.tree.WhenClause;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The zone of a {@code timestamp with time zone} expression, where Trino's tree shows it. DuckDB's TIMESTAMPTZ holds
 * an instant and no zone, so the zone a literal, AT TIME ZONE or a function gives a value is known only from the
 * tree: it goes beside the SQL to the rendering of a top-level column ({@link ColumnHint}) and to the functions that
 * read a value's wall-clock time in its zone. A column reference has the zone of the SELECT item it names in a WITH
 * query or derived table, resolved in the {@link Scope} the printer is in ({@link #within}). Where the tree shows
 * none (a table's column, a subquery, operands of different zones, most functions), the value is read in UTC, the
 * session zone.
 */
final class TimestampZones {

    /** A time after a 'T', then the offset: {@code Z}, {@code +HH}, {@code +HHMM} or {@code +HH:MM}. */
    private static final Pattern ISO_OFFSET = Pattern.compile(".*T[^+-]*(Z|[+-]\\d{2}(?::?\\d{2})?)");

    private final List<SqlStatement.BoundValue> parameters;
    private final Predicate<Expression> isInterval;
    /** Where the expressions asked about stand. */
    private Scope scope = Scope.NONE;
    /** The zone of each column resolved (absent: none), computed once: columns refer to columns, level by level. */
    private final Map<Scope.Column, Optional<ZoneId>> columnZones = new IdentityHashMap<>();

    /**
     * @param parameters the values bound to the statement's {@code ?}, by position
     * @param isInterval whether an expression is visibly an interval (see {@link DuckDbPrinter})
     */
    TimestampZones(List<SqlStatement.BoundValue> parameters, Predicate<Expression> isInterval) {
        this.parameters = parameters;
        this.isInterval = isInterval;
    }

    /** The scope the expressions asked about stand in. */
    Scope scope() {
        return scope;
    }

    /** {@code work}'s result, asking about expressions that stand in {@code inner}. */
    <T> T within(Scope inner, Supplier<T> work) {
        Scope around = scope;
        scope = inner;
        try {
            return work.get();
        } finally {
            scope = around;
        }
    }

    /** The zone the tree gives {@code e}, which stands in the current scope, or null where it shows none. */
    ZoneId of(Expression e) {
        return of(e, scope);
    }

    private ZoneId of(Expression written, Scope scope) {
        Expression e = SqlStatement.BoundValue.resolve(parameters, written);
        if (e instanceof Identifier || e instanceof DereferenceExpression) {
            Scope.Column column = scope.resolve(e);
            return column == null ? null : of(column);
        }
        if (e instanceof TimestampLiteral literal) {
            try {
                return ZonedTimestampText.parse(literal.getValue()).map(ZonedTimestampText.Zoned::zone).orElse(null);
            } catch (DateTimeException | NumberFormatException invalid) {
                return null;   // printing it fails
            }
        }
        if (e instanceof AtTimeZone at) {
            return argument(at.getTimeZone());
        }
        if (e instanceof FunctionCall call) {
            return ofCall(call, scope);
        }
        if (e instanceof SearchedCaseExpression c) {
            return common(results(c.getWhenClauses(), c.getDefaultValue()), scope);
        }
        if (e instanceof SimpleCaseExpression c) {
            return common(results(c.getWhenClauses(), c.getDefaultValue()), scope);
        }
        if (e instanceof IfExpression c) {
            List<Expression> values = new ArrayList<>(List.of(c.getTrueValue()));
            c.getFalseValue().ifPresent(values::add);
            return common(values, scope);
        }
        if (e instanceof CoalesceExpression c) {
            return common(c.getOperands(), scope);
        }
        if (e instanceof NullIfExpression c) {
            return of(c.getFirst(), scope);
        }
        if (e instanceof Cast cast && isTimestampWithTimeZone(cast)) {
            String text = literalText(cast.getExpression());
            if (text != null) {
                // Trino's cast of text reads the zone written in it
                return ZonedTimestampText.ofCastText(text).map(ZonedTimestampText.Zoned::zone).orElse(null);
            }
            return of(cast.getExpression(), scope);   // Trino's cast between the zoned types keeps the zone
        }
        if (e instanceof ArithmeticBinaryExpression binary) {
            // a timestamp with time zone plus or minus an interval keeps its zone
            boolean add = binary.getOperator() == ArithmeticBinaryExpression.Operator.ADD;
            if ((add || binary.getOperator() == ArithmeticBinaryExpression.Operator.SUBTRACT)
                    && isInterval.test(binary.getRight())) {
                return of(binary.getLeft(), scope);
            }
            if (add && isInterval.test(binary.getLeft())) {
                return of(binary.getRight(), scope);
            }
        }
        return null;
    }

    private ZoneId ofCall(FunctionCall call, Scope scope) {
        List<Expression> args = call.getArguments();
        return switch (call.getName().getSuffix().toLowerCase(Locale.ROOT)) {
            case "at_timezone" -> args.size() == 2 ? argument(args.get(1)) : null;
            case "with_timezone" -> args.size() == 2 ? argument(args.get(1)) : null;
            case "date_trunc" -> args.size() == 2 ? of(args.get(1), scope) : null;
            case "date_add" -> args.size() == 3 ? of(args.get(2), scope) : null;
            // functions that return one of their values
            case "min", "max", "min_by", "max_by", "arbitrary" -> args.isEmpty() ? null : of(args.get(0), scope);
            case "greatest", "least" -> common(args, scope);
            case "from_iso8601_timestamp" -> args.size() == 1 ? isoOffset(literalText(args.get(0))) : null;
            case "from_unixtime" -> unixTimeZone(args);
            default -> null;
        };
    }

    /**
     * The zone of {@code from_unixtime(n, zone)} or {@code from_unixtime(n, hours, minutes)} ({@code args}); null for
     * {@code from_unixtime(n)} (UTC) and for a zone that is no literal.
     *
     * @throws EngineFailure for a zone or offset Trino refuses, in its words
     */
    ZoneId unixTimeZone(List<Expression> args) {
        if (args.size() == 2) {
            String name = literalText(args.get(1));
            try {
                return name == null ? null : TrinoZones.of(name);
            } catch (DateTimeException unknown) {
                throw EngineFailure.user("NOT_SUPPORTED", "Time zone not supported: " + name);
            }
        }
        if (args.size() == 3) {
            Long hours = integerLiteral(args.get(1));
            Long minutes = integerLiteral(args.get(2));
            if (hours == null || minutes == null) {
                return null;
            }
            long offset = hours * 60 + minutes;
            try {
                return TrinoZones.ofOffset(offset);
            } catch (DateTimeException beyond) {
                throw invalid("Invalid offset minutes " + offset);
            }
        }
        return null;
    }

    /**
     * The offset that ends ISO 8601 text with a time ({@code …T10:00:00-07:00}, {@code +0530}, {@code -03},
     * {@code Z}), which Trino's from_iso8601_timestamp keeps as the zone; null (UTC, the session zone) without one.
     */
    private static ZoneId isoOffset(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = ISO_OFFSET.matcher(text.strip());
        try {
            return m.matches() ? TrinoZones.of(m.group(1)) : null;
        } catch (DateTimeException invalid) {
            return null;   // DuckDB refuses the text
        }
    }

    /** A string literal's value, also bound as an ExecutionParameter; null for any other expression. */
    private String literalText(Expression e) {
        return SqlStatement.BoundValue.resolve(parameters, e) instanceof StringLiteral literal ? literal.getValue() : null;
    }

    /** An integer literal's value, also negated or bound as an ExecutionParameter; null for any other expression. */
    private Long integerLiteral(Expression written) {
        Expression e = SqlStatement.BoundValue.resolve(parameters, written);
        if (e instanceof ArithmeticUnaryExpression unary) {
            Long value = integerLiteral(unary.getValue());
            return value == null || unary.getSign() == ArithmeticUnaryExpression.Sign.PLUS ? value : -value;
        }
        return e instanceof LongLiteral literal ? literal.getParsedValue() : null;
    }

    /** The results of a CASE: its THEN values and the ELSE. */
    private static List<Expression> results(List<WhenClause> whens, Optional<Expression> otherwise) {
        List<Expression> results = new ArrayList<>();
        whens.forEach(when -> results.add(when.getResult()));
        otherwise.ifPresent(results::add);
        return results;
    }

    /** The zone of {@code operands}, which stand in {@code scope}, as {@link #common(List)}. */
    private ZoneId common(List<Expression> operands, Scope scope) {
        return common(operands.stream().map(operand -> new Scope.Value(operand, scope)).toList());
    }

    /**
     * The zone all of {@code values} but untyped NULLs have, null unless they all show the same: Trino keeps each
     * value's own zone, which is then known row by row only.
     */
    private ZoneId common(List<Scope.Value> values) {
        ZoneId common = null;
        for (Scope.Value value : values) {
            if (value.expression() instanceof NullLiteral) {
                continue;
            }
            ZoneId zone = of(value.expression(), value.scope());
            if (zone == null || common != null && !common.equals(zone)) {
                return null;
            }
            common = zone;
        }
        return common;
    }

    /** The zone the values of {@code column} all have (see {@link #common(List)}), or null. */
    ZoneId of(Scope.Column column) {
        Optional<ZoneId> known = columnZones.get(column);
        if (known == null) {
            columnZones.put(column, Optional.empty());   // a column reached again while its zone is sought has none
            known = Optional.ofNullable(common(column.values()));
            columnZones.put(column, known);
        }
        return known.orElse(null);
    }

    private static boolean isTimestampWithTimeZone(Cast cast) {
        return TrinoTypes.targetOf(cast).map(type -> type.is("timestamp with time zone")).orElse(false);
    }

    /**
     * The zone a zone argument names (a string, or a day-to-second interval as an offset), or null when it is no
     * literal, so that its zone is only known row by row.
     *
     * @throws EngineFailure for a zone Trino refuses, in its words
     */
    ZoneId argument(Expression written) {
        Expression zone = SqlStatement.BoundValue.resolve(parameters, written);
        if (zone instanceof IntervalLiteral interval) {
            return offset(interval);
        }
        String name = literalText(zone);
        try {
            return name == null ? null : TrinoZones.of(name);
        } catch (DateTimeException unknown) {
            throw invalid("'" + name + "' is not a valid time zone");
        }
    }

    /** An interval day to second as a zone: whole minutes, at most 14 hours either way (Trino's at_timezone). */
    private static ZoneId offset(IntervalLiteral interval) {
        if (interval.isYearToMonth()) {
            throw new UnsupportedSqlException("AT TIME ZONE with an interval year to month");
        }
        String from = interval.getStartField().name();
        String to = interval.getEndField().map(Enum::name).orElse(from);
        BigDecimal micros = Literals.dayToSecondMicros(interval.getValue(), from, to);
        if (micros == null) {
            throw EngineFailure.user("INVALID_LITERAL", interval.getLocation().map(Positions::prefix).orElse("") + "'"
                    + interval.getValue() + "' is not a valid interval literal");
        }
        if (interval.getSign() == IntervalLiteral.Sign.NEGATIVE) {
            micros = micros.negate();
        }
        BigDecimal[] minutes = micros.divideAndRemainder(BigDecimal.valueOf(60_000_000L));
        if (minutes[1].signum() != 0) {
            throw invalid("Invalid time zone offset interval: interval contains seconds");
        }
        try {
            return TrinoZones.ofOffset(minutes[0].longValueExact());
        } catch (DateTimeException | ArithmeticException beyond) {
            throw invalid("Invalid offset minutes " + minutes[0].toPlainString());
        }
    }

    private static EngineFailure invalid(String message) {
        return EngineFailure.user("INVALID_FUNCTION_ARGUMENT", message);
    }
}
