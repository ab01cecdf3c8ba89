package ai.connecty.athena.local.sql;

import io.trino.sql.tree.Cast;
import io.trino.sql.tree.DataType;
import io.trino.sql.tree.DataTypeParameter;
import io.trino.sql.tree.DateTimeDataType;
import io.trino.sql.tree.GenericDataType;
import io.trino.sql.tree.Identifier;
import io.trino.sql.tree.IntervalDayTimeDataType;
import io.trino.sql.tree.NumericParameter;
import io.trino.sql.tree.RowDataType;
import io.trino.sql.tree.TypeParameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Trino's type nodes (a CAST's target, as the one parse left them) as a {@link SqlType}: the tree already holds the
 * type's structure, so its text is never spelled out and read again. Type names from elsewhere (DuckDB result
 * columns, Glue and DDL text) go through {@link TypeParser}.
 */
final class TrinoTypes {

    /** Trino's types without parameters that athena-local runs (int is Trino's alias of integer). */
    private static final Set<String> TRINO_NAMES = Set.of("boolean", "tinyint", "smallint", "integer", "int",
            "bigint", "real", "date", "varbinary", "json", "uuid", "ipaddress");

    /** Trino's types that athena-local cannot run: the engine answers for them, as for any type it lacks. */
    private static final Set<String> TRINO_ONLY_NAMES = Set.of("hyperloglog", "p4hyperloglog", "qdigest", "tdigest",
            "setdigest", "geometry", "sphericalgeography", "bingtile", "kdbtree", "color", "unknown", "jsonpath");

    /** Names of Trino's types that take parameters or are written as keywords, for {@link #isTrinoName}. */
    private static final Set<String> OTHER_TRINO_NAMES = Set.of("double", "varchar", "char", "decimal", "time",
            "timestamp", "interval", "array", "map", "row");

    private TrinoTypes() {
    }

    /** Whether Trino has a type of this name (as a typed literal {@code float '1.5'} names it), run here or not. */
    static boolean isTrinoName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return TRINO_NAMES.contains(lower) || TRINO_ONLY_NAMES.contains(lower) || OTHER_TRINO_NAMES.contains(lower);
    }

    /**
     * The type of a CAST to {@code timestamp(p)} or {@code timestamp(p) with time zone} with its precision, whose
     * values print {@code p} fraction digits; empty for any other target, and for a timestamp without a precision.
     */
    static Optional<SqlType> declaredTimestamp(Cast cast) {
        return cast.getType() instanceof DateTimeDataType dateTime ? declaredTimestamp(dateTime) : Optional.empty();
    }

    private static Optional<SqlType> declaredTimestamp(DateTimeDataType dateTime) {
        if (dateTime.getType() == DateTimeDataType.Type.TIMESTAMP && dateTime.getPrecision().isPresent()
                && dateTime.getPrecision().get() instanceof NumericParameter digits) {
            try {
                int precision = Integer.parseInt(digits.getValue());
                if (precision >= 0 && precision <= 12) {
                    return Optional.of(SqlType.timestamp(
                            dateTime.isWithTimeZone() ? "timestamp with time zone" : "timestamp", precision));
                }
            } catch (NumberFormatException e) {
                // not a precision Trino takes: no hint, the engine answers for the CAST
            }
        }
        return Optional.empty();
    }

    /** Whether {@code type} is Trino's type of NULL, which a CAST may not name. */
    static boolean isUnknown(DataType type) {
        return type instanceof GenericDataType generic && generic.getArguments().isEmpty()
                && generic.getName().getValue().equalsIgnoreCase("unknown");
    }

    /** A type name Trino does not know: Trino's analyzer refuses the statement with "Unknown type". */
    static final class NoSuchType extends IllegalArgumentException {
        NoSuchType(DataType type) {
            super("Unknown type '" + type + "'");
        }
    }

    /** The Athena type {@code cast} converts to; empty when Athena has no such type (DuckDB then answers for it). */
    static Optional<SqlType> targetOf(Cast cast) {
        try {
            return Optional.of(of(cast.getType()));
        } catch (IllegalArgumentException notAthenaType) {
            return Optional.empty();
        }
    }

    /**
     * @throws IllegalArgumentException naming the type when Athena has no such type (the caller keeps Trino's
     *                                  spelling and lets the engine answer)
     */
    static SqlType of(DataType type) {
        if (type instanceof RowDataType row) {
            List<String> names = new ArrayList<>();
            List<SqlType> fields = new ArrayList<>();
            for (RowDataType.Field field : row.getFields()) {
                names.add(field.getName().map(Identifier::getValue).orElse(null));
                fields.add(of(field.getType()));
            }
            return SqlType.row(names, fields);
        }
        if (type instanceof DateTimeDataType dateTime) {
            String base = dateTime.getType() == DateTimeDataType.Type.TIMESTAMP ? "timestamp" : "time";
            String name = dateTime.isWithTimeZone() ? base + " with time zone" : base;
            // a timestamp keeps its declared precision: it decides the value's DuckDB type, rounding and text
            return base.equals("timestamp") && dateTime.getPrecision().isPresent()
                    ? declaredTimestamp(dateTime).orElseThrow(() -> unknown(type)) : SqlType.simple(name);
        }
        if (type instanceof IntervalDayTimeDataType interval) {
            boolean yearToMonth = interval.getFrom() == IntervalDayTimeDataType.Field.YEAR
                    || interval.getFrom() == IntervalDayTimeDataType.Field.MONTH;
            return SqlType.simple(yearToMonth ? "interval year to month" : "interval day to second");
        }
        if (type instanceof GenericDataType generic) {
            return generic(generic);
        }
        throw unknown(type);
    }

    private static SqlType generic(GenericDataType type) {
        String name = type.getName().getValue().toLowerCase(Locale.ROOT);
        List<DataTypeParameter> arguments = type.getArguments();
        switch (name) {
            case "array" -> {
                expect(type, arguments.size() == 1);
                return SqlType.array(typeArgument(type, arguments.get(0)));
            }
            case "map" -> {
                expect(type, arguments.size() == 2);
                return SqlType.map(typeArgument(type, arguments.get(0)), typeArgument(type, arguments.get(1)));
            }
            case "decimal" -> {
                expect(type, arguments.size() <= 2);
                int precision = arguments.isEmpty() ? 38 : number(type, arguments.get(0));
                return SqlType.decimal(precision, arguments.size() > 1 ? number(type, arguments.get(1)) : 0);
            }
            case "varchar", "char" -> {
                expect(type, arguments.size() <= 1);
                int length = arguments.isEmpty() ? SqlType.UNBOUNDED : number(type, arguments.get(0));
                return new SqlType(name, length, 0, List.of(), List.of());
            }
            case "double" -> {
                // Trino reads DOUBLE PRECISION as the type named double
                expect(type, arguments.isEmpty());
                return SqlType.simple("double");
            }
            default -> {
                if (!TRINO_NAMES.contains(name) && !TRINO_ONLY_NAMES.contains(name)) {
                    // TypeParser.scalar also reads DuckDB's and Hive's names (float, string, int4, blob...), which a
                    // statement Athena runs through Trino may not use: Trino knows none of them, with arguments or
                    // without (float(53) and numeric(38,2), which PostgreSQL's SQL writes, are no Trino types either).
                    throw new NoSuchType(type);
                }
                expect(type, arguments.isEmpty());
                if (TRINO_ONLY_NAMES.contains(name)) {
                    throw unknown(type);
                }
                String base = TypeParser.scalar(name);
                if (base == null || base.equals("decimal")) {
                    throw unknown(type);
                }
                return SqlType.simple(base);
            }
        }
    }

    private static SqlType typeArgument(DataType type, DataTypeParameter argument) {
        if (argument instanceof TypeParameter t) {
            return of(t.getValue());
        }
        throw unknown(type);
    }

    private static int number(DataType type, DataTypeParameter argument) {
        if (argument instanceof NumericParameter n) {
            try {
                return Integer.parseInt(n.getValue());
            } catch (NumberFormatException e) {
                throw unknown(type);
            }
        }
        throw unknown(type);
    }

    private static void expect(DataType type, boolean condition) {
        if (!condition) {
            throw unknown(type);
        }
    }

    private static IllegalArgumentException unknown(DataType type) {
        return new IllegalArgumentException("Unknown or malformed type '" + type + "'");
    }
}
