package ai.connecty.athena.local.sql;

import java.util.List;
import java.util.StringJoiner;

/**
 * Makes rendering independent of the JVM's default time zone. The DuckDB JDBC driver builds java.sql / java.time
 * objects for dates and times through that zone (always for values nested in arrays, maps and rows), so a wall-clock
 * time in a daylight-saving gap moves by an hour when athena-local runs inside a JVM that is not on UTC. The result
 * query therefore casts every date/time value, however deeply nested, to DuckDB's own text, which
 * {@link ValueRenderer} parses without any zone.
 */
final class TemporalText {

    private TemporalText() {
    }

    /**
     * {@code duckSql} wrapped so that columns holding date/time values return them as text, in the same column order;
     * {@code duckSql} itself when no column does. {@code types} are the columns' types as DuckDB describes them.
     */
    static String project(String duckSql, List<SqlType> types) {
        if (types.stream().noneMatch(TemporalText::containsTemporal)) {
            return duckSql;
        }
        StringJoiner positions = new StringJoiner(", ");
        StringJoiner items = new StringJoiner(", ");
        for (int i = 0; i < types.size(); i++) {
            String column = "\"c" + i + "\"";
            positions.add(column);
            items.add(containsTemporal(types.get(i)) ? "CAST(" + column + " AS " + textType(types.get(i)) + ")" : column);
        }
        // A projection over the query keeps its ORDER BY: DuckDB preserves the order of the rows it is given.
        return "SELECT " + items + " FROM (" + duckSql + "\n) AS athena_result(" + positions + ")";
    }

    static boolean isTemporal(SqlType type) {
        return switch (type.base()) {
            case "date", "time", "time with time zone", "timestamp", "timestamp with time zone" -> true;
            default -> false;
        };
    }

    static boolean containsTemporal(SqlType type) {
        return isTemporal(type) || type.children().stream().anyMatch(TemporalText::containsTemporal);
    }

    /** The DuckDB type of {@code type} with every date/time part replaced by VARCHAR; row fields are always named. */
    private static String textType(SqlType type) {
        if (isTemporal(type)) {
            return "VARCHAR";
        }
        return switch (type.base()) {
            case "array" -> textType(type.element()) + "[]";
            case "map" -> "MAP(" + textType(type.children().get(0)) + ", " + textType(type.children().get(1)) + ")";
            case "row" -> {
                StringJoiner fields = new StringJoiner(", ", "STRUCT(", ")");
                for (int i = 0; i < type.children().size(); i++) {
                    String name = type.fieldNames().get(i);
                    // DuckDB names the fields of ROW(...) v1, v2 ...; the cast keeps the positions, not the names.
                    String field = name == null ? "v" + (i + 1) : name;
                    fields.add(Identifiers.quote(field) + " " + textType(type.children().get(i)));
                }
                yield fields.toString();
            }
            default -> type.duckDbName();
        };
    }
}
