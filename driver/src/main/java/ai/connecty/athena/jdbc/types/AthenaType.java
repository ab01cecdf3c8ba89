package ai.connecty.athena.jdbc.types;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The types Athena names in {@code ColumnInfo.Type}, with how JDBC sees them. Hive spellings that appear in
 * DDL output and table metadata ({@code string}, {@code int}, {@code binary}, {@code struct<...>}) resolve to
 * the same constants, so metadata result sets and query result sets share one notion of type.
 */
public enum AthenaType {
    BOOLEAN("boolean", Types.BOOLEAN, Boolean.class, false, 5),
    TINYINT("tinyint", Types.TINYINT, Integer.class, true, 4),
    SMALLINT("smallint", Types.SMALLINT, Integer.class, true, 6),
    INTEGER("integer", Types.INTEGER, Integer.class, true, 11),
    BIGINT("bigint", Types.BIGINT, Long.class, true, 20),
    /** Athena spells the engine's {@code real} as {@code float}. */
    FLOAT("float", Types.REAL, Float.class, true, 16),
    DOUBLE("double", Types.DOUBLE, Double.class, true, 24),
    DECIMAL("decimal", Types.DECIMAL, BigDecimal.class, true, 40),
    VARCHAR("varchar", Types.VARCHAR, String.class, false, Integer.MAX_VALUE),
    CHAR("char", Types.CHAR, String.class, false, Integer.MAX_VALUE),
    VARBINARY("varbinary", Types.VARBINARY, byte[].class, false, Integer.MAX_VALUE),
    DATE("date", Types.DATE, java.sql.Date.class, false, 10),
    TIMESTAMP("timestamp", Types.TIMESTAMP, Timestamp.class, false, 29),
    /** A point in time; {@code getObject} gives a {@link Timestamp}, {@code getObject(i, OffsetDateTime.class)} keeps the zone. */
    TIMESTAMP_WITH_TIME_ZONE("timestamp with time zone", Types.TIMESTAMP_WITH_TIMEZONE, Timestamp.class, false, 60),
    TIME("time", Types.TIME, java.sql.Time.class, false, 18),
    TIME_WITH_TIME_ZONE("time with time zone", Types.TIME_WITH_TIMEZONE, java.sql.Time.class, false, 24),
    // Complex and exotic types come back as their Athena text until complex-type support lands.
    ARRAY("array", Types.ARRAY, String.class, false, Integer.MAX_VALUE),
    MAP("map", Types.JAVA_OBJECT, String.class, false, Integer.MAX_VALUE),
    ROW("row", Types.STRUCT, String.class, false, Integer.MAX_VALUE),
    JSON("json", Types.OTHER, String.class, false, Integer.MAX_VALUE),
    INTERVAL_DAY_TO_SECOND("interval day to second", Types.OTHER, String.class, false, 30),
    INTERVAL_YEAR_TO_MONTH("interval year to month", Types.OTHER, String.class, false, 20),
    UUID("uuid", Types.OTHER, String.class, false, 36),
    IPADDRESS("ipaddress", Types.OTHER, String.class, false, 39),
    /** Anything Athena may add later: readable as text, never a failure. */
    UNKNOWN("unknown", Types.OTHER, String.class, false, Integer.MAX_VALUE);

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
        BY_NAME.put("timestamp(3)", TIMESTAMP);
    }

    private final String athenaName;
    private final int jdbcType;
    private final Class<?> defaultJavaClass;
    private final boolean signed;
    private final int displaySize;

    AthenaType(String athenaName, int jdbcType, Class<?> defaultJavaClass, boolean signed, int displaySize) {
        this.athenaName = athenaName;
        this.jdbcType = jdbcType;
        this.defaultJavaClass = defaultJavaClass;
        this.signed = signed;
        this.displaySize = displaySize;
    }

    /**
     * Resolves a type name as Athena or Glue writes it. Parameters are ignored ({@code decimal(10,2)},
     * {@code array<int>}, {@code varchar(10)}); unknown names give {@link #UNKNOWN} rather than an error,
     * because a new Athena type must not make existing results unreadable.
     */
    public static AthenaType fromName(String name) {
        if (name == null) {
            return UNKNOWN;
        }
        String normalized = name.trim().toLowerCase(Locale.ROOT);
        AthenaType exact = BY_NAME.get(normalized);
        if (exact != null) {
            return exact;
        }
        int parameters = firstIndexOf(normalized, '(', '<');
        String base = (parameters < 0 ? normalized : normalized.substring(0, parameters)).trim();
        AthenaType type = BY_NAME.get(base);
        if (type == TIMESTAMP && normalized.endsWith("with time zone")) {
            return TIMESTAMP_WITH_TIME_ZONE;
        }
        if (type == TIME && normalized.endsWith("with time zone")) {
            return TIME_WITH_TIME_ZONE;
        }
        if (type == null && base.startsWith("interval")) {
            return base.contains("year") ? INTERVAL_YEAR_TO_MONTH : INTERVAL_DAY_TO_SECOND;
        }
        return type == null ? UNKNOWN : type;
    }

    private static int firstIndexOf(String text, char first, char second) {
        int a = text.indexOf(first);
        int b = text.indexOf(second);
        if (a < 0) {
            return b;
        }
        return b < 0 ? a : Math.min(a, b);
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

    public int displaySize() {
        return displaySize;
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
