package ai.connecty.athena.local.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * Trino's {@code typeof(x)}: DuckDB's {@code typeof} names the value's DuckDB type ({@code INTEGER[]},
 * {@code STRUCT(a INTEGER)}, {@code FLOAT}); a Java function spells it as Trino does ({@code array(integer)},
 * {@code row(a integer)}, {@code real}), nested types included. A timestamp whose precision the statement shows is
 * named with that precision, and a char (also inside an array, map or row) with its length.
 */
final class TypeOfFunction {
    private static final String NAME = "athena_type_name";

    private TypeOfFunction() {
    }

    static void register(Connection duck) throws SQLException {
        JavaFunctions.ofText(duck, NAME, String.class, TypeOfFunction::trinoName);
    }

    static String call(List<Calls.Arg> a) {
        SqlType known = a.get(0).type();
        if (known != null && known.hasShownPrecision()) {
            // DuckDB's types hold microseconds or nanoseconds, not Trino's precision, which the tree shows
            // (TIMESTAMP '… .123456' is a timestamp(6), CAST(… AS timestamp(0)) a timestamp(0))
            return Literals.quote(known.analyzedName());
        }
        if (CharValues.holdsChar(known)) {
            // DuckDB's one string type would name a char varchar; the statement shows it is one (see CharValues)
            return Literals.quote(known.analyzedName());
        }
        if (known != null && "interval year to month".equals(known.analyzedName())) {
            // DuckDB's one INTERVAL type would be named a day-to-second one; the statement shows which it is
            return Literals.quote(known.analyzedName());
        }
        return NAME + "(typeof(" + a.get(0).sql() + "))";
    }

    static String trinoName(String duckDbType) {
        return switch (duckDbType) {
            case "\"NULL\"" -> "unknown"; // an untyped NULL literal
            case "TIME" -> "time(3)";
            case "TIME WITH TIME ZONE" -> "time(3) with time zone";
            default -> {
                try {
                    yield AthenaTypes.parseDuckDb(duckDbType).analyzedName();
                } catch (IllegalArgumentException e) {
                    yield duckDbType.toLowerCase(Locale.ROOT); // a DuckDB type with no Trino spelling: as DuckDB names it
                }
            }
        };
    }
}
