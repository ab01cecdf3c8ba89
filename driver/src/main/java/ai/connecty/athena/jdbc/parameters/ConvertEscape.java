package ai.connecty.athena.jdbc.parameters;

import ai.connecty.athena.jdbc.errors.SqlExceptions;
import ai.connecty.athena.jdbc.errors.SqlState;
import ai.connecty.athena.jdbc.types.CastRules;
import java.sql.JDBCType;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code {fn convert(value, type)}} as a CAST. JDBC names the type as a java.sql.Types constant with {@code SQL_}
 * in front; tools also write it bare ({@code varchar}), in ODBC 3's spelling ({@code SQL_TYPE_DATE}), as ODBC's
 * Unicode types ({@code SQL_WVARCHAR}), or with a length or precision ({@code SQL_DECIMAL(10,2)}). The target is
 * the Athena type a parameter of that JDBC type is bound as, so that convert and setObject agree.
 */
final class ConvertEscape {
    private static final Pattern TYPE = Pattern.compile("(?i)(?:SQL_)?(?:TYPE_)?([A-Z_]+)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?");

    private ConvertEscape() {
    }

    static String cast(String value, String type) throws SQLException {
        Matcher m = TYPE.matcher(type.trim());
        int jdbcType = m.matches() ? jdbcType(m.group(1).toUpperCase(Locale.ROOT)) : Types.NULL;
        if (jdbcType == Types.NULL) {
            throw new SQLException("{fn convert(" + value + ", " + type + ")}: unknown type " + type + "; name a JDBC type "
                    + "such as SQL_VARCHAR, SQL_BIGINT, SQL_DOUBLE, SQL_DECIMAL(p,s), SQL_DATE or SQL_TIMESTAMP",
                    SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION);
        }
        String athena = CastRules.athenaTypeOf(jdbcType);
        if (athena == null) {
            throw SqlExceptions.notSupported("{fn convert(..., " + type + ")}: Athena has no type that " + type + " converts "
                    + "to; write the CAST to the Athena type itself, e.g. CAST(" + value + " AS array(varchar))");
        }
        return "CAST(" + value + " AS " + withParameters(athena, jdbcType, type, m.group(2), m.group(3)) + ")";
    }

    private static String withParameters(String athena, int jdbcType, String type, String first, String second)
            throws SQLException {
        if (first == null) {
            return athena;
        }
        if (second == null && athena.equals("varchar")) {
            boolean fixed = jdbcType == Types.CHAR || jdbcType == Types.NCHAR;
            return (fixed ? "char(" : "varchar(") + first + ")";
        }
        if (athena.startsWith("decimal")) {
            return "decimal(" + first + "," + (second == null ? "0" : second) + ")";
        }
        if (second == null && athena.startsWith("time")) {
            // time, timestamp and their "with time zone" forms take the digits of the second's fraction after the
            // first word: timestamp(6), time(3) with time zone.
            int space = athena.indexOf(' ');
            return space < 0 ? athena + "(" + first + ")"
                    : athena.substring(0, space) + "(" + first + ")" + athena.substring(space);
        }
        throw new SQLException("{fn convert(..., " + type + ")}: only a character type takes a length, a time or "
                + "timestamp the digits of its fraction, and a decimal a precision and scale; write "
                + JDBCType.valueOf(jdbcType).getName().toUpperCase(Locale.ROOT) + " without them",
                SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION);
    }

    /** The java.sql.Types constant of a JDBC or ODBC type name (without SQL_); Types.NULL when none. */
    private static int jdbcType(String name) {
        switch (name) {
            case "WCHAR":
                return Types.NCHAR;
            case "WVARCHAR":
                return Types.NVARCHAR;
            case "WLONGVARCHAR":
                return Types.LONGNVARCHAR;
            default:
                try {
                    return JDBCType.valueOf(name).getVendorTypeNumber();
                } catch (IllegalArgumentException unknown) {
                    return Types.NULL;
                }
        }
    }
}
