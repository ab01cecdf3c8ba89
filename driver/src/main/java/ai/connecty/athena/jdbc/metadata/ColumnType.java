package ai.connecty.athena.jdbc.metadata;

import ai.connecty.athena.jdbc.types.AthenaType;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How getColumns describes a column declared with a Hive type string from Glue or Athena's table metadata
 * ({@code string}, {@code int}, {@code decimal(10,2)}, {@code array<int>}): the JDBC type, the Athena type name
 * (as query results name it, so both kinds of metadata agree), COLUMN_SIZE and DECIMAL_DIGITS.
 */
final class ColumnType {
    private static final Pattern PARAMETERS = Pattern.compile("[a-z ]+\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");
    /** Hive's DECIMAL without parameters is DECIMAL(10,0). */
    private static final int HIVE_DEFAULT_DECIMAL_PRECISION = 10;
    private static final int UNBOUNDED_VARCHAR = Integer.MAX_VALUE;
    private static final int VARBINARY_SIZE = 1_073_741_824;

    private final AthenaType type;
    private final String typeName;
    private final Integer columnSize;
    private final Integer decimalDigits;

    private ColumnType(AthenaType type, String typeName, Integer columnSize, Integer decimalDigits) {
        this.type = type;
        this.typeName = typeName;
        this.columnSize = columnSize;
        this.decimalDigits = decimalDigits;
    }

    static ColumnType of(String declared) {
        String text = declared == null ? "" : declared.trim().toLowerCase(Locale.ROOT);
        AthenaType type = AthenaType.fromName(text);
        Matcher parameters = PARAMETERS.matcher(text);
        Integer first = parameters.matches() ? Integer.valueOf(parameters.group(1)) : null;
        Integer second = parameters.matches() && parameters.group(2) != null
                ? Integer.valueOf(parameters.group(2)) : null;
        switch (type) {
            case BOOLEAN:
                return new ColumnType(type, type.athenaName(), 1, null);
            case TINYINT:
                return numeric(type, 3);
            case SMALLINT:
                return numeric(type, 5);
            case INTEGER:
                return numeric(type, 10);
            case BIGINT:
                return numeric(type, 19);
            case FLOAT:
                return new ColumnType(type, type.athenaName(), 7, null);
            case DOUBLE:
                return new ColumnType(type, type.athenaName(), 15, null);
            case DECIMAL:
                return new ColumnType(type, type.athenaName(),
                        first == null ? HIVE_DEFAULT_DECIMAL_PRECISION : first, second == null ? 0 : second);
            case VARCHAR:
            case CHAR:
                return new ColumnType(type, type.athenaName(), first == null ? UNBOUNDED_VARCHAR : first, null);
            case VARBINARY:
                return new ColumnType(type, type.athenaName(), VARBINARY_SIZE, null);
            case DATE:
                return new ColumnType(type, type.athenaName(), 10, null);
            case TIMESTAMP:
                // yyyy-MM-dd HH:mm:ss.SSS; Athena reads Hive timestamps at millisecond precision.
                return new ColumnType(type, type.athenaName(), 23, 3);
            case ARRAY:
            case MAP:
            case ROW:
                // The full signature tells tools what is inside; the JDBC type says which kind of container.
                return new ColumnType(type, text, null, null);
            default:
                return new ColumnType(type, type == AthenaType.UNKNOWN ? text : type.athenaName(),
                        null, null);
        }
    }

    private static ColumnType numeric(AthenaType type, int precision) {
        return new ColumnType(type, type.athenaName(), precision, 0);
    }

    int jdbcType() {
        return type.jdbcType();
    }

    String typeName() {
        return typeName;
    }

    /** Null where JDBC says COLUMN_SIZE is not applicable. */
    Integer columnSize() {
        return columnSize;
    }

    Integer decimalDigits() {
        return decimalDigits;
    }

    /** 10 for exact and approximate numbers (Athena reports decimal precision), null otherwise. */
    Integer radix() {
        return type.isExactNumber() || type.isApproximateNumber() ? 10 : null;
    }

    /** CHAR_OCTET_LENGTH: the maximum bytes of a character column (UTF-8 may need four per character). */
    Integer charOctetLength() {
        if ((type == AthenaType.VARCHAR || type == AthenaType.CHAR) && columnSize != null) {
            return columnSize == UNBOUNDED_VARCHAR ? UNBOUNDED_VARCHAR : (int) Math.min(UNBOUNDED_VARCHAR,
                    4L * columnSize);
        }
        return null;
    }
}
