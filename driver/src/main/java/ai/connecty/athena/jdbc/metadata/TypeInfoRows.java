package ai.connecty.athena.jdbc.metadata;

import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The rows of getTypeInfo: every type Athena names in results, with the literal syntax Trino accepts. */
final class TypeInfoRows {
    private TypeInfoRows() {
    }

    static List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        add(rows, "boolean", Types.BOOLEAN, 1, null, null, null, false, true);
        add(rows, "tinyint", Types.TINYINT, 3, null, null, null, false, true);
        add(rows, "smallint", Types.SMALLINT, 5, null, null, null, false, true);
        add(rows, "integer", Types.INTEGER, 10, null, null, null, false, true);
        add(rows, "bigint", Types.BIGINT, 19, null, null, null, false, true);
        add(rows, "float", Types.REAL, 7, null, null, null, false, true);
        add(rows, "double", Types.DOUBLE, 15, null, null, null, false, true);
        add(rows, "decimal", Types.DECIMAL, 38, "DECIMAL '", "'", "precision,scale", false, true);
        add(rows, "char", Types.CHAR, Integer.MAX_VALUE, "'", "'", "length", true, true);
        add(rows, "varchar", Types.VARCHAR, Integer.MAX_VALUE, "'", "'", "length", true, true);
        add(rows, "varbinary", Types.VARBINARY, 1_073_741_824, "X'", "'", null, false, true);
        add(rows, "date", Types.DATE, 10, "DATE '", "'", null, false, true);
        add(rows, "time", Types.TIME, 12, "TIME '", "'", null, false, true);
        add(rows, "time with time zone", Types.TIME_WITH_TIMEZONE, 18, "TIME '", "'", null, false, true);
        add(rows, "timestamp", Types.TIMESTAMP, 23, "TIMESTAMP '", "'", null, false, true);
        add(rows, "timestamp with time zone", Types.TIMESTAMP_WITH_TIMEZONE, 60, "TIMESTAMP '", "'", null, false,
                true);
        add(rows, "array", Types.ARRAY, 0, null, null, null, false, false);
        add(rows, "map", Types.JAVA_OBJECT, 0, null, null, null, false, false);
        add(rows, "row", Types.STRUCT, 0, null, null, null, false, false);
        add(rows, "json", Types.OTHER, 0, "JSON '", "'", null, true, false);
        add(rows, "uuid", Types.OTHER, 36, "UUID '", "'", null, false, true);
        add(rows, "ipaddress", Types.OTHER, 39, "IPADDRESS '", "'", null, false, true);
        rows.sort(Comparator.comparingInt(row -> Integer.parseInt(row.get(1))));
        return rows;
    }

    private static void add(List<List<String>> rows, String name, int jdbcType, int precision, String prefix,
                            String suffix, String createParams, boolean caseSensitive, boolean comparable) {
        boolean numeric = jdbcType == Types.TINYINT || jdbcType == Types.SMALLINT || jdbcType == Types.INTEGER
                || jdbcType == Types.BIGINT || jdbcType == Types.REAL || jdbcType == Types.DOUBLE
                || jdbcType == Types.DECIMAL;
        // Athena has no unsigned, money-like fixed-scale or auto-increment types.
        rows.add(AthenaDatabaseMetaData.row(name, jdbcType, precision, prefix, suffix, createParams,
                DatabaseMetaData.typeNullable, caseSensitive,
                comparable ? DatabaseMetaData.typeSearchable : DatabaseMetaData.typePredNone,
                false, false, false, name,
                0, jdbcType == Types.DECIMAL ? 38 : 0, null, null, numeric ? 10 : null));
    }
}
