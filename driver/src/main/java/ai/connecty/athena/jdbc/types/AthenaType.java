package ai.connecty.athena.jdbc.types;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.HashMap;
import java.util.Map;

/**
 * The kinds of Athena type, as {@code ColumnInfo.Type} names them, with the facts that depend on the kind
 * alone. Hive spellings that appear in DDL output and table metadata ({@code string}, {@code int},
 * {@code binary}, {@code struct<...>}) resolve to the same constants. The full type, with parameters and
 * element types, is a {@link TypeSignature}, which answers every JDBC question about a type.
 */
public enum AthenaType {
    BOOLEAN("boolean", Types.BOOLEAN, Boolean.class, false),
    TINYINT("tinyint", Types.TINYINT, Integer.class, true),
    SMALLINT("smallint", Types.SMALLINT, Integer.class, true),
    INTEGER("integer", Types.INTEGER, Integer.class, true),
    BIGINT("bigint", Types.BIGINT, Long.class, true),
    /** Athena spells the engine's {@code real} as {@code float}. */
    FLOAT("float", Types.REAL, Float.class, true),
    DOUBLE("double", Types.DOUBLE, Double.class, true),
    DECIMAL("decimal", Types.DECIMAL, BigDecimal.class, true),
    VARCHAR("varchar", Types.VARCHAR, String.class, false),
    CHAR("char", Types.CHAR, String.class, false),
    VARBINARY("varbinary", Types.VARBINARY, byte[].class, false),
    DATE("date", Types.DATE, java.sql.Date.class, false),
    TIMESTAMP("timestamp", Types.TIMESTAMP, Timestamp.class, false),
    /** A point in time; {@code getObject} gives a {@link Timestamp}, {@code getObject(i, OffsetDateTime.class)} keeps the zone. */
    TIMESTAMP_WITH_TIME_ZONE("timestamp with time zone", Types.TIMESTAMP_WITH_TIMEZONE, Timestamp.class, false),
    TIME("time", Types.TIME, java.sql.Time.class, false),
    TIME_WITH_TIME_ZONE("time with time zone", Types.TIME_WITH_TIMEZONE, java.sql.Time.class, false),
    ARRAY("array", Types.ARRAY, java.sql.Array.class, false),
    /** JDBC has no map type; Trino's driver reports JAVA_OBJECT too, and getObject gives a {@link Map}. */
    MAP("map", Types.JAVA_OBJECT, Map.class, false),
    ROW("row", Types.STRUCT, java.sql.Struct.class, false),
    JSON("json", Types.OTHER, String.class, false),
    INTERVAL_DAY_TO_SECOND("interval day to second", Types.OTHER, String.class, false),
    INTERVAL_YEAR_TO_MONTH("interval year to month", Types.OTHER, String.class, false),
    UUID("uuid", Types.OTHER, String.class, false),
    IPADDRESS("ipaddress", Types.OTHER, String.class, false),
    /** Anything Athena may add later: readable as text, never a failure. */
    UNKNOWN("unknown", Types.OTHER, String.class, false);

    private static final Map<String, AthenaType> BY_NAME = new HashMap<>();

    static {
        for (AthenaType type : values()) {
            BY_NAME.put(type.athenaName, type);
        }
        // Hive and engine spellings seen in DDL output, table metadata and older engines.
        BY_NAME.put("string", VARCHAR);
        BY_NAME.put("int", INTEGER);
        BY_NAME.put("real", FLOAT);
        BY_NAME.put("binary", VARBINARY);
        BY_NAME.put("struct", ROW);
        BY_NAME.put("bool", BOOLEAN);
        BY_NAME.put("dec", DECIMAL);
        BY_NAME.put("numeric", DECIMAL);
        // PostgreSQL's names, which JDBI's bindArray passes to createArrayOf for Float and Double elements: no other
        // type has them, and a type is printed from its kind, so Athena only ever reads real and double.
        BY_NAME.put("float4", FLOAT);
        BY_NAME.put("float8", DOUBLE);
    }

    private final String athenaName;
    private final int jdbcType;
    private final Class<?> defaultJavaClass;
    private final boolean signed;

    AthenaType(String athenaName, int jdbcType, Class<?> defaultJavaClass, boolean signed) {
        this.athenaName = athenaName;
        this.jdbcType = jdbcType;
        this.defaultJavaClass = defaultJavaClass;
        this.signed = signed;
    }

    /**
     * The kind of a type name as Athena or Glue writes it ({@code decimal(10,2)}, {@code array<int>},
     * {@code timestamp(3) with time zone}); unknown names give {@link #UNKNOWN} rather than an error, because a
     * new Athena type must not make existing results unreadable. See {@link TypeSignature#parse} for the rest.
     */
    public static AthenaType fromName(String name) {
        return TypeSignature.parse(name).kind();
    }

    /** The kind a single lower-case word names, Hive spellings included; UNKNOWN if none. */
    static AthenaType byWord(String word) {
        return BY_NAME.getOrDefault(word, UNKNOWN);
    }

    public String athenaName() {
        return athenaName;
    }

    /** The {@link java.sql.Types} constant reported by ResultSetMetaData and DatabaseMetaData. */
    public int jdbcType() {
        return jdbcType;
    }

    /** The class {@code getObject(int)} returns for this type. */
    public Class<?> defaultJavaClass() {
        return defaultJavaClass;
    }

    public boolean isSigned() {
        return signed;
    }

    /** The text before a value in a literal of this type (getTypeInfo LITERAL_PREFIX); null if none. */
    public String literalPrefix() {
        switch (this) {
            case VARCHAR:
            case CHAR:
                return "'";
            case VARBINARY:
                return "X'";
            case INTERVAL_DAY_TO_SECOND:
            case INTERVAL_YEAR_TO_MONTH:
                return "INTERVAL '";
            case DECIMAL:
            case DATE:
            case TIME:
            case TIMESTAMP:
            case JSON:
            case UUID:
            case IPADDRESS:
                return athenaName.toUpperCase(java.util.Locale.ROOT) + " '";
            case TIME_WITH_TIME_ZONE:
                return "TIME '";
            case TIMESTAMP_WITH_TIME_ZONE:
                return "TIMESTAMP '";
            default:
                return null;
        }
    }

    /** getTypeInfo LITERAL_SUFFIX. */
    public String literalSuffix() {
        String prefix = literalPrefix();
        return prefix == null ? null : this == INTERVAL_DAY_TO_SECOND ? "' DAY TO SECOND"
                : this == INTERVAL_YEAR_TO_MONTH ? "' YEAR TO MONTH" : "'";
    }

    /** getTypeInfo CREATE_PARAMS: the parameters a declaration of this type takes. */
    public String createParams() {
        switch (this) {
            case DECIMAL:
                return "precision,scale";
            case VARCHAR:
            case CHAR:
                return "length";
            case TIME:
            case TIME_WITH_TIME_ZONE:
            case TIMESTAMP:
            case TIMESTAMP_WITH_TIME_ZONE:
                return "precision";
            default:
                return null;
        }
    }

    /** array, map and row: values made of other values. */
    public boolean isComplex() {
        return this == ARRAY || this == MAP || this == ROW;
    }

    public boolean isText() {
        return this == VARCHAR || this == CHAR;
    }

    public boolean isExactNumber() {
        return this == TINYINT || this == SMALLINT || this == INTEGER || this == BIGINT || this == DECIMAL;
    }

    public boolean isApproximateNumber() {
        return this == FLOAT || this == DOUBLE;
    }
}
