package ai.connecty.athena.local.sql;

/** Converts column types between DuckDB, Hive (Glue) and Athena's ColumnInfo. */
public final class AthenaTypes {

    private AthenaTypes() {
    }

    /**
     * The Athena column type of a DuckDB result column, from JDBC {@code getColumnTypeName}
     * ({@code DECIMAL(10,2)}, {@code INTEGER[]}, {@code STRUCT(a INTEGER)}, {@code TIMESTAMP WITH TIME ZONE} ...).
     */
    public static AthenaColumnType fromDuckDb(String duckDbTypeName) {
        return parseDuckDb(duckDbTypeName).columnType();
    }

    /**
     * The Athena column type of a Glue column type ({@code int}, {@code string}, {@code array<int>},
     * {@code struct<a:int,b:string>} ...). Trino spellings ({@code array(integer)}) are accepted too.
     *
     * @throws IllegalArgumentException naming the type when it is not a valid Hive type
     */
    public static AthenaColumnType fromHive(String hiveType) {
        return parseHive(hiveType).columnType();
    }

    /** The DuckDB type that file columns declared with {@code hiveType} are cast to in table views. */
    public static String duckDbTypeForHive(String hiveType) {
        return parseHive(hiveType).duckDbName();
    }

    /**
     * The type of a Glue column ({@code int}, {@code timestamp}, {@code struct<a:int>}; a view's columns in Trino's
     * spelling) as Trino's {@code getDisplayName()} spells it ({@code integer}, {@code timestamp(3)},
     * {@code row(a integer)}): information_schema's {@code data_type}.
     *
     * @throws IllegalArgumentException naming the type when it is no valid type
     */
    public static String trinoDisplayName(String glueType) {
        return parseHive(glueType).displayName();
    }

    static SqlType parseDuckDb(String duckDbTypeName) {
        return TypeParser.parse(duckDbTypeName, TypeParser.Dialect.DUCKDB);
    }

    static SqlType parseHive(String hiveType) {
        return TypeParser.parse(hiveType, TypeParser.Dialect.HIVE);
    }
}
