package ai.connecty.athena.jdbc.types;

import java.sql.Types;

/**
 * Which java.sql.Types Athena can CAST one to the other, as DatabaseMetaData.supportsConvert reports for the
 * {@code {fn convert}} escape. Trino's casts by family: numbers and booleans among themselves and to text; text
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

    private static Family familyOf(int jdbcType) {
        switch (jdbcType) {
            case Types.TINYINT:
            case Types.SMALLINT:
            case Types.INTEGER:
            case Types.BIGINT:
            case Types.REAL:
            case Types.FLOAT:
            case Types.DOUBLE:
            case Types.DECIMAL:
            case Types.NUMERIC:
                return Family.NUMBER;
            case Types.BIT:
            case Types.BOOLEAN:
                return Family.BOOLEAN;
            case Types.CHAR:
            case Types.VARCHAR:
            case Types.LONGVARCHAR:
            case Types.NCHAR:
            case Types.NVARCHAR:
            case Types.LONGNVARCHAR:
            case Types.CLOB:
            case Types.NCLOB:
                return Family.TEXT;
            case Types.BINARY:
            case Types.VARBINARY:
            case Types.LONGVARBINARY:
            case Types.BLOB:
                return Family.BINARY;
            case Types.DATE:
                return Family.DATE;
            case Types.TIME:
                return Family.TIME;
            case Types.TIME_WITH_TIMEZONE:
                return Family.TIME_TZ;
            case Types.TIMESTAMP:
                return Family.TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return Family.TIMESTAMP_TZ;
            default:
                return null;
        }
    }
}
