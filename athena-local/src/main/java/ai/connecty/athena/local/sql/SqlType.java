package ai.connecty.athena.local.sql;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A parsed column type in Athena's terms: a base name ({@code integer}, {@code varchar}, {@code array} ...),
 * its parameters and, for array/map/row, its element types. Renders itself in the Trino, Hive and DuckDB spellings.
 *
 * @param base       Athena's ColumnInfo.Type ({@code float} for Trino's {@code real})
 * @param length     varchar/char length ({@link #UNBOUNDED} when absent), decimal precision, or the fraction digits
 *                   of a timestamp that a CAST, a literal or DuckDB's TIMESTAMP_NS shows ({@link #UNBOUNDED}: Athena's 3)
 * @param scale      decimal scale
 * @param children   element type (array), key and value (map), fields (row)
 * @param fieldNames row field names; an element is null for an unnamed field
 */
record SqlType(String base, int length, int scale, List<SqlType> children, List<String> fieldNames) {

    static final int UNBOUNDED = -1;
    static final int VARCHAR_MAX = 2147483647;
    static final int VARBINARY_MAX = 1073741824;

    static SqlType simple(String base) {
        return new SqlType(base, UNBOUNDED, 0, List.of(), List.of());
    }

    /** {@code timestamp(p)} or {@code timestamp(p) with time zone}: values print {@code p} fraction digits. */
    static SqlType timestamp(String base, int precision) {
        return new SqlType(base, precision, 0, List.of(), List.of());
    }

    /** The fraction digits a timestamp's values print with: 3 unless a literal, a CAST or TIMESTAMP_NS shows another. */
    int fractionDigits() {
        return length == UNBOUNDED ? 3 : length;
    }

    static SqlType decimal(int precision, int scale) {
        return new SqlType("decimal", precision, scale, List.of(), List.of());
    }

    static SqlType array(SqlType element) {
        return new SqlType("array", UNBOUNDED, 0, List.of(element), List.of());
    }

    static SqlType map(SqlType key, SqlType value) {
        return new SqlType("map", UNBOUNDED, 0, List.of(key, value), List.of());
    }

    static SqlType row(List<String> names, List<SqlType> fields) {
        return new SqlType("row", UNBOUNDED, 0, List.copyOf(fields), java.util.Collections.unmodifiableList(
                new java.util.ArrayList<>(names)));
    }

    boolean is(String name) {
        return base.equals(name);
    }

    /** A timestamp, with or without time zone. */
    boolean isTimestamp() {
        return is("timestamp") || is("timestamp with time zone");
    }

    /**
     * A timestamp whose precision the statement shows (a literal's digits, a cast's {@code p}), rather than Athena's
     * default one: its values print that many fraction digits, and typeof names it.
     */
    boolean hasShownPrecision() {
        return isTimestamp() && length != UNBOUNDED;
    }

    SqlType element() {
        return children.get(0);
    }

    boolean isNumeric() {
        return switch (base) {
            case "tinyint", "smallint", "integer", "bigint", "decimal", "double", "float" -> true;
            default -> false;
        };
    }

    AthenaColumnType columnType() {
        int precision = switch (base) {
            case "tinyint" -> 3;
            case "smallint" -> 5;
            case "integer" -> 10;
            case "bigint" -> 19;
            case "double", "float" -> 17;
            case "decimal" -> length;
            case "varchar" -> length == UNBOUNDED ? VARCHAR_MAX : length;
            case "char" -> length == UNBOUNDED ? 1 : length;
            case "varbinary" -> VARBINARY_MAX;
            case "timestamp", "timestamp with time zone", "time", "time with time zone" -> 3;
            default -> 0;
        };
        boolean caseSensitive = base.equals("varchar") || base.equals("char");
        return new AthenaColumnType(base, precision, base.equals("decimal") ? scale : 0, caseSensitive,
                trinoName(), hiveName());
    }

    /** Trino spelling: {@code array(integer)}, {@code row(a integer, b varchar)}, {@code real}. */
    String trinoName() {
        return switch (base) {
            case "float" -> "real";
            case "decimal" -> "decimal(" + length + "," + scale + ")";
            case "varchar", "char" -> length == UNBOUNDED ? base : base + "(" + length + ")";
            case "array" -> "array(" + element().trinoName() + ")";
            case "map" -> "map(" + children.get(0).trinoName() + ", " + children.get(1).trinoName() + ")";
            case "row" -> "row(" + fields(" ", ", ", SqlType::trinoName, Identifiers::quoteIfNeeded) + ")";
            default -> base;
        };
    }

    /**
     * Trino's spelling of this type in its analysis messages ({@code Cannot apply operator: integer = varchar(4)}):
     * a timestamp shows its precision (3 unless declared), a real is {@code real}, nested types likewise.
     */
    String analyzedName() {
        return switch (base) {
            case "timestamp" -> "timestamp(" + fractionDigits() + ")";
            case "timestamp with time zone" -> "timestamp(" + fractionDigits() + ") with time zone";
            case "array" -> "array(" + element().analyzedName() + ")";
            case "map" -> "map(" + children.get(0).analyzedName() + ", " + children.get(1).analyzedName() + ")";
            case "row" -> "row(" + fields(" ", ", ", SqlType::analyzedName, Identifiers::quoteIfNeeded) + ")";
            default -> trinoName();
        };
    }

    /**
     * Trino's {@code Type.getDisplayName()}, which its information_schema shows as {@code data_type}: as
     * {@link #analyzedName}, but a row's field names bare, never quoted ({@code row(a integer, from date)}), and a
     * char with its length ({@code char(1)}).
     */
    String displayName() {
        return switch (base) {
            case "char" -> "char(" + (length == UNBOUNDED ? 1 : length) + ")";
            case "array" -> "array(" + element().displayName() + ")";
            case "map" -> "map(" + children.get(0).displayName() + ", " + children.get(1).displayName() + ")";
            case "row" -> "row(" + fields(" ", ", ", SqlType::displayName, name -> name) + ")";
            default -> analyzedName();
        };
    }

    /**
     * Trino's type signature spelling, which its function resolution prints for the argument types of a call it finds
     * no signature for: as {@link #analyzedName}, but a map's and a decimal's parameters without a blank
     * ({@code map(varchar,integer)}), a row's named fields quoted ({@code row("a" integer,"b" varchar)}), a char and
     * a time with their length and precision ({@code char(1)}, {@code time(3)}).
     */
    String signatureName() {
        return switch (base) {
            case "char" -> "char(" + (length == UNBOUNDED ? 1 : length) + ")";
            case "time" -> "time(" + fractionDigits() + ")";
            case "time with time zone" -> "time(" + fractionDigits() + ") with time zone";
            case "array" -> "array(" + element().signatureName() + ")";
            case "map" -> "map(" + children.get(0).signatureName() + "," + children.get(1).signatureName() + ")";
            case "row" -> "row(" + fields(" ", ",", SqlType::signatureName,
                    name -> "\"" + name.replace("\"", "\"\"") + "\"") + ")";
            default -> analyzedName();
        };
    }

    /** Glue / DESCRIBE spelling: {@code int}, {@code string}, {@code array<int>}, {@code struct<a:int,b:string>}. */
    String hiveName() {
        return switch (base) {
            case "integer" -> "int";
            case "varchar" -> length == UNBOUNDED ? "string" : "varchar(" + length + ")";
            case "char" -> "char(" + (length == UNBOUNDED ? 1 : length) + ")";
            case "varbinary" -> "binary";
            case "decimal" -> "decimal(" + length + "," + scale + ")";
            case "array" -> "array<" + element().hiveName() + ">";
            case "map" -> "map<" + children.get(0).hiveName() + "," + children.get(1).hiveName() + ">";
            case "row" -> "struct<" + fields(":", ",", SqlType::hiveName, Identifiers::quoteIfNeeded) + ">";
            default -> base;
        };
    }

    /** DuckDB spelling, for CASTs. */
    String duckDbName() {
        return switch (base) {
            case "float" -> "FLOAT";
            case "decimal" -> "DECIMAL(" + length + "," + scale + ")";
            case "varchar", "char" -> "VARCHAR";
            case "varbinary" -> "BLOB";
            case "timestamp" -> TimestampPrecision.duckDbType(fractionDigits());
            case "timestamp with time zone" -> "TIMESTAMP WITH TIME ZONE";
            case "time with time zone" -> "TIME WITH TIME ZONE";
            case "interval day to second", "interval year to month" -> "INTERVAL";
            case "array" -> element().duckDbName() + "[]";
            case "map" -> "MAP(" + children.get(0).duckDbName() + ", " + children.get(1).duckDbName() + ")";
            // Always quoted: a field may be named by one of DuckDB's keywords (row("from" date)).
            case "row" -> "STRUCT(" + fields(" ", ", ", t -> t.duckDbName(), Identifiers::quote) + ")";
            case "ipaddress" -> IpAddresses.DUCKDB_TYPE;
            default -> base.toUpperCase(java.util.Locale.ROOT);
        };
    }

    private String fields(String nameSeparator, String fieldSeparator, java.util.function.Function<SqlType, String> spell,
                          java.util.function.UnaryOperator<String> quoting) {
        return java.util.stream.IntStream.range(0, children.size())
                .mapToObj(i -> {
                    String name = fieldNames.get(i);
                    String type = spell.apply(children.get(i));
                    return name == null ? type : quoting.apply(name) + nameSeparator + type;
                })
                .collect(Collectors.joining(fieldSeparator));
    }
}
