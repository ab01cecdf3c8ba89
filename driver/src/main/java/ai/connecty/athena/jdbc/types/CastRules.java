package ai.connecty.athena.jdbc.types;

import java.sql.Types;

/**
 * The Athena type of each java.sql.Types constant, and which of them Athena can CAST one to the other, as
 * DatabaseMetaData.supportsConvert reports for the {@code {fn convert}} escape. Trino's casts by family: numbers and booleans among themselves and to text; text
 * to every scalar but varbinary (from_utf8/to_utf8 do that); dates, times and timestamps to text and along the
 * date-time lattice; varbinary only to itself. A pair left out may still cast in some engine version; a pair
 * listed never fails for its types alone (a value may: {@code CAST('x' AS integer)}).
 */
public final class CastRules {
    private enum Family { NUMBER, BOOLEAN, TEXT, BINARY, DATE, TIME, TIME_TZ, TIMESTAMP, TIMESTAMP_TZ }

    private CastRules() {
    }

    /** Whether a value of {@code fromType} can be CAST to the Athena type that {@code toType} is bound as. */
    public static boolean castable(int fromType, int toType) {
        Family from = familyOf(fromType);
        Family to = familyOf(toType);
        if (from == null || to == null) {
            return false;
        }
        switch (from) {
            case NUMBER:
            case BOOLEAN:
                return to == Family.NUMBER || to == Family.BOOLEAN || to == Family.TEXT;
            case TEXT:
                return to != Family.BINARY;
            case BINARY:
                return to == Family.BINARY;
            case DATE:
                return to == Family.DATE || to == Family.TEXT || to == Family.TIMESTAMP || to == Family.TIMESTAMP_TZ;
            case TIME:
            case TIME_TZ:
                return to == Family.TIME || to == Family.TIME_TZ || to == Family.TEXT;
            default: // TIMESTAMP, TIMESTAMP_TZ
                return to != Family.NUMBER && to != Family.BOOLEAN && to != Family.BINARY;
        }
    }

    /**
     * The Athena type a java.sql.Types constant stands for: what a parameter of that type is bound as (setNull,
     * setObject with a target type) and what {@code {fn convert}} casts to; null when Athena has none.
     */
    public static String athenaTypeOf(int jdbcType) {
        switch (jdbcType) {
            case Types.BOOLEAN:
            case Types.BIT:
                return "boolean";
            case Types.TINYINT:
                return "tinyint";
            case Types.SMALLINT:
                return "smallint";
            case Types.INTEGER:
                return "integer";
            case Types.BIGINT:
                return "bigint";
            case Types.REAL:
                return "real";
            case Types.FLOAT:
            case Types.DOUBLE:
                return "double";
            case Types.DECIMAL:
            case Types.NUMERIC:
                return "decimal(38,9)";
            case Types.CHAR:
            case Types.NCHAR:
            case Types.VARCHAR:
            case Types.NVARCHAR:
            case Types.LONGVARCHAR:
            case Types.LONGNVARCHAR:
            case Types.CLOB:
            case Types.NCLOB:
                return "varchar";
            case Types.BINARY:
            case Types.VARBINARY:
            case Types.LONGVARBINARY:
            case Types.BLOB:
                return "varbinary";
            case Types.DATE:
                return "date";
            case Types.TIME:
                return "time";
            case Types.TIME_WITH_TIMEZONE:
                return "time with time zone";
            case Types.TIMESTAMP:
                return "timestamp";
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return "timestamp with time zone";
            default:
                return null;
        }
    }

    private static Family familyOf(int jdbcType) {
        String name = athenaTypeOf(jdbcType);
        if (name == null) {
            return null;
        }
        switch (name) {
            case "boolean":
                return Family.BOOLEAN;
            case "varchar":
                return Family.TEXT;
            case "varbinary":
                return Family.BINARY;
            case "date":
                return Family.DATE;
            case "time":
                return Family.TIME;
            case "time with time zone":
                return Family.TIME_TZ;
            case "timestamp":
                return Family.TIMESTAMP;
            case "timestamp with time zone":
                return Family.TIMESTAMP_TZ;
            default: // tinyint ... double, decimal(38,9)
                return Family.NUMBER;
        }
    }
}
