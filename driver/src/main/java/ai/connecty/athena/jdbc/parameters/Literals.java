package ai.connecty.athena.jdbc.parameters;

import ai.connecty.athena.jdbc.errors.SqlExceptions;
import ai.connecty.athena.jdbc.errors.SqlState;
import ai.connecty.athena.jdbc.types.AthenaArray;
import ai.connecty.athena.jdbc.types.AthenaType;
import ai.connecty.athena.jdbc.types.CastRules;
import ai.connecty.athena.jdbc.types.DateTimeText;
import ai.connecty.athena.jdbc.types.Decimals;
import ai.connecty.athena.jdbc.types.TypeSignature;
import ai.connecty.athena.jdbc.types.WellFormedText;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Types;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Calendar;
import java.util.Collection;
import java.util.GregorianCalendar;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;

/**
 * Java values as Athena literals: the one place a PreparedStatement parameter becomes SQL text. Strings have
 * their quotes doubled; dates, times and decimals use typed literals ({@code DATE '2020-01-02'},
 * {@code TIMESTAMP '2020-01-02 03:04:05.123456'}, {@code DECIMAL '1.50'}); binary is {@code X'CAFE'};
 * NULL carries its type ({@code CAST(NULL AS varchar)}). Values are formatted from Java objects, never copied
 * from user text into a literal without escaping, so no value can end its literal early.
 */
public final class Literals {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private Literals() {
    }

    /** A value whose type comes from its Java class (setObject without a target type, and typed setters). */
    public static ParameterValue of(Object value, int index) throws SQLException {
        if (value == null) {
            return nullOf(Types.NULL);
        }
        if (value instanceof String) {
            return string((String) value, index);
        }
        if (value instanceof Character) {
            return string(value.toString(), index);
        }
        if (value instanceof Boolean) {
            return new ParameterValue((Boolean) value ? "true" : "false", null, Types.BOOLEAN, "boolean");
        }
        if (value instanceof Byte) {
            return typed("TINYINT", value.toString(), Types.TINYINT, "tinyint");
        }
        if (value instanceof Short) {
            return typed("SMALLINT", value.toString(), Types.SMALLINT, "smallint");
        }
        if (value instanceof Integer) {
            return new ParameterValue(value.toString(), null, Types.INTEGER, "integer");
        }
        if (value instanceof Long) {
            return typed("BIGINT", value.toString(), Types.BIGINT, "bigint");
        }
        if (value instanceof BigInteger) {
            return decimal(new BigDecimal((BigInteger) value), index);
        }
        if (value instanceof BigDecimal) {
            return decimal((BigDecimal) value, index);
        }
        if (value instanceof Float) {
            return typed("REAL", value.toString(), Types.REAL, "float");
        }
        if (value instanceof Double) {
            return typed("DOUBLE", value.toString(), Types.DOUBLE, "double");
        }
        if (value instanceof byte[]) {
            return binary((byte[]) value);
        }
        if (value instanceof java.sql.Date) {
            return date(wallTime((java.sql.Date) value, TimeZone.getDefault()).toLocalDate());
        }
        if (value instanceof java.sql.Time) {
            return time(localTime((java.sql.Time) value));
        }
        if (value instanceof java.util.Date) {
            return timestamp(wallTime((java.util.Date) value, TimeZone.getDefault()));
        }
        if (value instanceof Calendar) {
            return timestamp(wallTime((Calendar) value));
        }
        if (value instanceof LocalDate) {
            return date((LocalDate) value);
        }
        if (value instanceof LocalTime) {
            return time((LocalTime) value);
        }
        if (value instanceof LocalDateTime) {
            return timestamp((LocalDateTime) value);
        }
        if (value instanceof OffsetDateTime) {
            OffsetDateTime odt = (OffsetDateTime) value;
            if (hasSeconds(odt.getOffset())) {
                return inUtc(odt.toInstant());
            }
            return zoned(odt.toLocalDateTime(), odt.getOffset().getId().replace("Z", "UTC"));
        }
        if (value instanceof ZonedDateTime) {
            ZonedDateTime zdt = (ZonedDateTime) value;
            // Also for a region: such an offset is local mean time, which tz databases revise (Amsterdam's +00:19:32
            // is +00:00 since tzdata 2022b), so the zone's name could name another instant in Athena.
            if (hasSeconds(zdt.getOffset())) {
                return inUtc(zdt.toInstant());
            }
            // A wall time the zone repeats (the hour when daylight saving ends) names two instants with the zone's
            // name, and a reader of the text can take only one (java.time takes the earlier): the offset says which.
            boolean ambiguous = zdt.getZone().getRules().getValidOffsets(zdt.toLocalDateTime()).size() > 1;
            String zone = zdt.getZone() instanceof ZoneOffset || ambiguous ? zdt.getOffset().getId().replace("Z", "UTC")
                    : zdt.getZone().getId();
            return zoned(zdt.toLocalDateTime(), zone);
        }
        if (value instanceof Instant) {
            return inUtc((Instant) value);
        }
        if (value instanceof OffsetTime) {
            OffsetTime time = (OffsetTime) value;
            if (hasSeconds(time.getOffset())) {
                time = time.withOffsetSameInstant(ZoneOffset.UTC);
            }
            String text = timeText(time.toLocalTime()) + time.getOffset().getId().replace("Z", "+00:00");
            return new ParameterValue("TIME '" + text + "'", null, Types.TIME_WITH_TIMEZONE, "time with time zone");
        }
        if (value instanceof UUID) {
            return typed("UUID", value.toString(), Types.OTHER, "uuid");
        }
        if (value instanceof AthenaArray) {
            return array(elementsOf(((AthenaArray) value).getArray()), ((AthenaArray) value).elementType(), index);
        }
        if (value instanceof java.sql.Array) {
            // Another driver's array: its base type name is that database's, not a type Athena would know.
            return array(elementsOf(((java.sql.Array) value).getArray()), null, index);
        }
        if (value.getClass().isArray()) {
            return array(elementsOf(value), null, index);
        }
        if (value instanceof Collection) {
            return array((Collection<?>) value, null, index);
        }
        if (value instanceof Map) {
            return map((Map<?, ?>) value, index);
        }
        if (value instanceof java.sql.Struct) {
            return row((java.sql.Struct) value, index);
        }
        throw SqlExceptions.notSupported("Parameter " + index + ": values of class " + value.getClass().getName()
                + " have no Athena literal; pass a String, number, Boolean, byte[], java.sql or java.time value, "
                + "UUID, array, List, Map or Struct");
    }

    /**
     * A value converted to a target {@link Types} type first (setObject with a target type): a String
     * {@code "2020-01-02"} for DATE becomes {@code DATE '2020-01-02'}, a number for VARCHAR becomes its text.
     */
    public static ParameterValue of(Object value, int targetSqlType, int scaleOrLength, int index) throws SQLException {
        if (value == null) {
            return nullOf(targetSqlType);
        }
        if (value instanceof Calendar) {
            // JDBC Table B-5: a Calendar converts as its wall time in its own zone; as text, written as a timestamp.
            LocalDateTime wall = wallTime((Calendar) value);
            if ("varchar".equals(CastRules.athenaTypeOf(targetSqlType))) {
                return string(timestampText(wall), index);
            }
            return of(wall, targetSqlType, scaleOrLength, index);
        }
        try {
            switch (targetSqlType) {
                case Types.CHAR:
                case Types.VARCHAR:
                case Types.LONGVARCHAR:
                case Types.NCHAR:
                case Types.NVARCHAR:
                case Types.LONGNVARCHAR:
                case Types.CLOB:
                case Types.NCLOB:
                    // Bytes that are no UTF-8 are refused rather than sent with U+FFFD in their place.
                    return string(value instanceof byte[] ? WellFormedText.decode((byte[]) value,
                            java.nio.charset.StandardCharsets.UTF_8, "Parameter " + index + " (bytes as text)")
                            : value.toString(), index);
                case Types.BOOLEAN:
                case Types.BIT:
                    return of(value instanceof Boolean ? value : parseBoolean(value.toString().trim()), index);
                case Types.TINYINT:
                    return of((byte) integral(value, Byte.MIN_VALUE, Byte.MAX_VALUE, "TINYINT", index), index);
                case Types.SMALLINT:
                    return of((short) integral(value, Short.MIN_VALUE, Short.MAX_VALUE, "SMALLINT", index), index);
                case Types.INTEGER:
                    return of((int) integral(value, Integer.MIN_VALUE, Integer.MAX_VALUE, "INTEGER", index), index);
                case Types.BIGINT:
                    return of(integral(value, Long.MIN_VALUE, Long.MAX_VALUE, "BIGINT", index), index);
                case Types.REAL: {
                    double wide = doubleOf(value, index, "REAL");
                    if (Double.isFinite(wide) && Float.isInfinite((float) wide)) {
                        throw outOfRange(value, "REAL", index);
                    }
                    return of((float) wide, index);
                }
                // JDBC's FLOAT is double precision (JDBC 4.2 Table B-1), not real.
                case Types.FLOAT:
                case Types.DOUBLE:
                    return of(doubleOf(value, index, "DOUBLE"), index);
                case Types.DECIMAL:
                case Types.NUMERIC:
                    BigDecimal decimal = toBigDecimal(value);
                    if (scaleOrLength >= 0) {
                        // Digits before the point plus the scale asked for: checked before the rounding computes them.
                        long integerDigits = Math.max(Decimals.magnitude(decimal), 0);
                        if (integerDigits + scaleOrLength > 38) {
                            throw new SQLDataException("Parameter " + index + ": " + (integerDigits + scaleOrLength) + " digits ("
                                    + integerDigits + " before the point, scale " + scaleOrLength + ") do not fit Athena's "
                                    + "decimal (38 at most)", SqlState.NUMERIC_VALUE_OUT_OF_RANGE);
                        }
                        decimal = Decimals.rescale(decimal, scaleOrLength);
                    }
                    return decimal(decimal, index);
                case Types.DATE:
                    return expect(value instanceof String ? date(LocalDate.parse(((String) value).trim(), DATE))
                            : dateOf(value, index), value, targetSqlType, index, Types.DATE);
                case Types.TIME:
                    return expect(value instanceof String ? time(LocalTime.parse(((String) value).trim()))
                            : timeOf(value, index), value, targetSqlType, index, Types.TIME, Types.TIME_WITH_TIMEZONE);
                case Types.TIMESTAMP:
                    return expect(value instanceof String
                            ? timestamp(LocalDateTime.parse(((String) value).trim().replace(' ', 'T')))
                            : timestampOf(value, index), value, targetSqlType, index, Types.TIMESTAMP,
                            Types.TIMESTAMP_WITH_TIMEZONE);
                case Types.TIMESTAMP_WITH_TIMEZONE:
                    return expect(value instanceof String ? of(zonedTimestamp((String) value), index)
                            : of(value, index), value, targetSqlType, index, Types.TIMESTAMP_WITH_TIMEZONE);
                case Types.TIME_WITH_TIMEZONE:
                    return expect(value instanceof String ? of(DateTimeText.parseTimeWithTimeZone((String) value), index)
                            : timeWithTimeZoneOf(value, index), value, targetSqlType, index, Types.TIME_WITH_TIMEZONE);
                case Types.BINARY:
                case Types.VARBINARY:
                case Types.LONGVARBINARY:
                case Types.BLOB:
                    return value instanceof byte[] ? binary((byte[]) value) : binary(value.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                case Types.ARRAY: {
                    ParameterValue array = of(value, index);
                    if (array.jdbcType() != Types.ARRAY) {
                        throw new SQLDataException("Parameter " + index + ": a " + value.getClass().getSimpleName()
                                + " is no array; pass a java.sql.Array (Connection.createArrayOf), a Java array or a List",
                                SqlState.INVALID_CHARACTER_VALUE_FOR_CAST);
                    }
                    return array;
                }
                case Types.STRUCT:
                    if (!(value instanceof java.sql.Struct)) {
                        throw new SQLDataException("Parameter " + index + ": a " + value.getClass().getSimpleName()
                                + " is no row; pass a java.sql.Struct (Connection.createStruct)",
                                SqlState.INVALID_CHARACTER_VALUE_FOR_CAST);
                    }
                    return of(value, index);
                case Types.JAVA_OBJECT:
                case Types.OTHER:
                    return of(value, index);
                default:
                    throw SqlExceptions.notSupported("Parameter " + index + ": target SQL type " + targetSqlType
                            + " (java.sql.Types) has no Athena equivalent");
            }
        } catch (ArithmeticException | NumberFormatException | DateTimeException e) {
            // A date/time parser says where the text went wrong; the number parsers' text ("Character - is neither a
            // decimal digit number...") says nothing the value and the type do not.
            String detail = e instanceof DateTimeException ? ": " + e.getMessage() : "";
            throw new SQLDataException("Parameter " + index + ": the " + shown(value) + " cannot be converted to "
                    + jdbcTypeName(targetSqlType) + detail, SqlState.INVALID_CHARACTER_VALUE_FOR_CAST, e);
        }
    }

    /** The converted value when it is of one of the {@code allowed} types; else 22018 naming the parameter. */
    private static ParameterValue expect(ParameterValue converted, Object value, int targetSqlType, int index,
                                         int... allowed) throws SQLException {
        for (int type : allowed) {
            if (converted.jdbcType() == type) {
                return converted;
            }
        }
        throw new SQLDataException("Parameter " + index + ": the " + shown(value) + " cannot be converted to "
                + jdbcTypeName(targetSqlType) + "; pass a date/time value or its text",
                SqlState.INVALID_CHARACTER_VALUE_FOR_CAST);
    }

    /** {@code INTEGER} rather than {@code 4}: the name a caller wrote, as java.sql.JDBCType spells it. */
    private static String jdbcTypeName(int targetSqlType) {
        try {
            return java.sql.JDBCType.valueOf(targetSqlType).getName();
        } catch (IllegalArgumentException notStandard) {
            return "java.sql.Types " + targetSqlType;
        }
    }

    /** The value's class and text, cut at 40 characters: enough to find it, not a whole document in a message. */
    private static String shown(Object value) {
        String text = value instanceof byte[] ? ((byte[]) value).length + " bytes" : String.valueOf(value);
        return value.getClass().getSimpleName() + " " + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
    }

    private static ParameterValue dateOf(Object value, int index) throws SQLException {
        // A java.sql.Time's date part is 1970-01-01 by definition, no date of the value: of() makes it a TIME, refused.
        if (value instanceof java.util.Date && !(value instanceof java.sql.Time)) {
            return date(wallTime((java.util.Date) value, TimeZone.getDefault()).toLocalDate());
        }
        if (value instanceof LocalDateTime) {
            return date(((LocalDateTime) value).toLocalDate());
        }
        return of(value, index);
    }

    private static ParameterValue timeOf(Object value, int index) throws SQLException {
        if (value instanceof java.sql.Timestamp) {
            return time(((java.sql.Timestamp) value).toLocalDateTime().toLocalTime());
        }
        if (value instanceof LocalDateTime) {
            return time(((LocalDateTime) value).toLocalTime());
        }
        return of(value, index);
    }

    /** The time and offset of a value with an offset; other values as they are (refused by the caller if no time with one). */
    private static ParameterValue timeWithTimeZoneOf(Object value, int index) throws SQLException {
        if (value instanceof OffsetDateTime) {
            return of(((OffsetDateTime) value).toOffsetTime(), index);
        }
        if (value instanceof ZonedDateTime) {
            return of(((ZonedDateTime) value).toOffsetDateTime().toOffsetTime(), index);
        }
        return of(value, index);
    }

    private static ParameterValue timestampOf(Object value, int index) throws SQLException {
        if (value instanceof java.sql.Time) {
            // JDBC Table B-5: a TIME as TIMESTAMP is that time on 1970-01-01, as getTimestamp reads a TIME column.
            return timestamp(LocalDate.EPOCH.atTime(localTime((java.sql.Time) value)));
        }
        if (value instanceof java.sql.Date) {
            return timestamp(wallTime((java.sql.Date) value, TimeZone.getDefault()).toLocalDate().atStartOfDay());
        }
        if (value instanceof LocalDate) {
            return timestamp(((LocalDate) value).atStartOfDay());
        }
        return of(value, index);
    }

    /**
     * The value as a whole number within [min, max]: beyond them is 22003 (as the getters say it), a fraction 22018
     * (from longValueExact, which the caller reports).
     */
    private static long integral(Object value, long min, long max, String target, int index) throws SQLException {
        BigDecimal number = toBigDecimal(value);
        if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw outOfRange(value, target + " [" + min + ", " + max + "]", index);
        }
        return number.longValueExact();
    }

    /**
     * The value as a double. Infinity only where the value is one (a Double or Float, or the text Infinity): a finite
     * number beyond a double's range is 22003, where doubleValue() and parseDouble would silently give infinity.
     */
    private static double doubleOf(Object value, int index, String target) throws SQLException {
        if (value instanceof Double || value instanceof Float) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? 1 : 0;
        }
        double result;
        if (value instanceof Number) {
            result = ((Number) value).doubleValue();
        } else {
            String text = value.toString().trim();
            result = Double.parseDouble(text);
            if (Double.isInfinite(result) && text.endsWith("Infinity")) {
                return result;
            }
        }
        if (Double.isInfinite(result)) {
            throw outOfRange(value, target, index);
        }
        return result;
    }

    private static SQLDataException outOfRange(Object value, String target, int index) {
        return new SQLDataException("Parameter " + index + ": the " + shown(value)
                + " is out of range for " + target + "; pass a value within the type's range or bind it as a wider type",
                SqlState.NUMERIC_VALUE_OUT_OF_RANGE);
    }

    /** true or false, or a number: zero is false and any other number true, as getBoolean reads them. */
    private static Boolean parseBoolean(String text) {
        if ("true".equalsIgnoreCase(text)) {
            return Boolean.TRUE;
        }
        if ("false".equalsIgnoreCase(text)) {
            return Boolean.FALSE;
        }
        try {
            return new BigDecimal(text).signum() != 0;
        } catch (NumberFormatException e) {
            throw new NumberFormatException("'" + text + "' is not a boolean (true, false or a number)");
        }
    }

    private static BigDecimal toBigDecimal(Object value) {
        if (value instanceof BigDecimal) {
            return (BigDecimal) value;
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        return new BigDecimal(value.toString().trim());
    }

    /** Typed NULL from setNull: {@code CAST(NULL AS varchar)}; plain {@code NULL} for Types.NULL/OTHER. */
    public static ParameterValue nullOf(int sqlType) {
        String name = CastRules.athenaTypeOf(sqlType);
        return new ParameterValue(name == null ? "NULL" : "CAST(NULL AS " + name + ")", null, sqlType,
                name == null ? "unknown" : name);
    }

    /**
     * setNull with a type name, which JDBC reads for user-defined and container types only. For ARRAY, STRUCT,
     * JAVA_OBJECT and OTHER it is the Athena type of the NULL, so that a function overloaded on containers takes
     * it (an ARRAY's may name the element type alone, as createArrayOf's does); for other types it is ignored.
     */
    public static ParameterValue nullOf(int sqlType, String typeName, int index) throws SQLException {
        boolean named = sqlType == Types.ARRAY || sqlType == Types.STRUCT || sqlType == Types.JAVA_OBJECT
                || sqlType == Types.OTHER;
        if (!named || typeName == null || typeName.trim().isEmpty()) {
            return nullOf(sqlType);
        }
        TypeSignature type = TypeSignature.parse(typeName.trim());
        if (sqlType == Types.ARRAY && type.kind() != AthenaType.ARRAY && type.isComplete()) {
            type = TypeSignature.parse("array(" + type.signature() + ")");
        }
        if (!type.isComplete() || (sqlType == Types.STRUCT && type.kind() != AthenaType.ROW)) {
            throw new SQLException("Parameter " + index + ": setNull type name '" + typeName + "' is no Athena "
                    + (sqlType == Types.STRUCT ? "row type" : "type") + "; name it as Athena does, e.g. array(integer), "
                    + "map(varchar, bigint), row(a integer, b varchar) or json", SqlState.INVALID_PARAMETER_VALUE);
        }
        // The signature is printed from the parsed type, never the caller's text: nothing else can ride along.
        return castTo("NULL", type, sqlType);
    }

    /**
     * A varchar literal with quotes doubled. A NUL character, which SQL lexers may refuse inside a literal, is
     * written as {@code chr(0)} between literal pieces: {@code ('x' || chr(0) || 'y')}. An unpaired surrogate, which
     * would reach Athena as {@code ?}, is refused with 22021 ({@link WellFormedText}).
     */
    static ParameterValue string(String value, int index) throws SQLException {
        WellFormedText.require(value, "Parameter " + index);
        String literal;
        if (value.indexOf('\0') < 0) {
            literal = quoted(value);
        } else {
            StringBuilder pieces = new StringBuilder("(");
            String[] parts = value.split("\0", -1);
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    pieces.append(" || chr(0) || ");
                }
                pieces.append(quoted(parts[i]));
            }
            literal = pieces.append(')').toString();
        }
        return new ParameterValue(literal, value, Types.VARCHAR, "varchar");
    }

    private static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static ParameterValue typed(String keyword, String text, int jdbcType, String typeName) {
        return new ParameterValue(keyword + " '" + text + "'", null, jdbcType, typeName);
    }

    /**
     * ISO-8601 with an offset ({@code 2020-01-02T03:04:05+01:00}, or a space for the T), or the text Athena gives a
     * timestamp with time zone ({@code 2020-01-02 03:04:05.000 UTC}, a region or an offset after the last space),
     * so that a value read with getString binds again.
     */
    private static Object zonedTimestamp(String text) {
        String trimmed = text.trim();
        try {
            return OffsetDateTime.parse(trimmed.replace(' ', 'T'));
        } catch (DateTimeParseException iso) {
            try {
                return DateTimeText.parseTimestampWithTimeZone(trimmed);
            } catch (DateTimeException athena) {
                throw iso;
            }
        }
    }

    private static ParameterValue decimal(BigDecimal value, int index) throws SQLException {
        // The digits of the plain text Athena reads, not precision(): 1E+40 has precision 1 but 41 digits there,
        // 1E-39 has 39 after the point, and 0E+40 is written as a bare 0. Counted from precision and scale, before
        // the text is written: 1E+2147483647 has no plain text (NegativeArraySizeException), 1E+999999999 one of 1 GB.
        long digits = plainDigits(value);
        if (digits > 38) {
            throw new SQLDataException("Parameter " + index + ": " + digits
                    + " digits do not fit Athena's decimal (38 at most)", SqlState.NUMERIC_VALUE_OUT_OF_RANGE);
        }
        String plain = value.toPlainString();
        int point = plain.indexOf('.');
        int scale = point < 0 ? 0 : plain.length() - point - 1;
        // toPlainString: Athena's DECIMAL literal takes no exponent.
        // The type Athena gives the literal, so ParameterMetaData reports the value's precision and scale.
        String type = "decimal(" + Math.max(digits, 1) + "," + scale + ")";
        return new ParameterValue("DECIMAL '" + plain + "'", null, Types.DECIMAL, type);
    }

    /** How many digits toPlainString() writes, leading zeros of the integer part and the sign not counted. */
    private static long plainDigits(BigDecimal value) {
        long precision = value.precision();
        long scale = value.scale();
        if (value.signum() == 0) {
            return Math.max(scale, 0);
        }
        return scale <= 0 ? precision - scale : Math.max(precision, scale);
    }

    private static ParameterValue binary(byte[] bytes) {
        StringBuilder hex = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return new ParameterValue("X'" + hex.toString().toUpperCase(Locale.ROOT) + "'", null, Types.VARBINARY, "varbinary");
    }

    static ParameterValue date(LocalDate date) throws SQLException {
        checkYear(date.getYear());
        return typed("DATE", DATE.format(date), Types.DATE, "date");
    }

    static ParameterValue time(LocalTime time) {
        return typed("TIME", timeText(time), Types.TIME, "time");
    }

    static ParameterValue timestamp(LocalDateTime value) throws SQLException {
        return typed("TIMESTAMP", timestampText(value), Types.TIMESTAMP, "timestamp");
    }

    private static ParameterValue zoned(LocalDateTime value, String zone) throws SQLException {
        return typed("TIMESTAMP", timestampText(value) + " " + zone, Types.TIMESTAMP_WITH_TIMEZONE,
                "timestamp with time zone");
    }

    /** {@code yyyy-MM-dd HH:mm:ss[.f]}, as Athena reads a timestamp; a year Athena has not is refused (22007). */
    private static String timestampText(LocalDateTime value) throws SQLException {
        checkYear(value.getYear());
        return DATE.format(value.toLocalDate()) + " " + timeText(value.toLocalTime());
    }

    /** The instant as a timestamp with time zone in UTC: exact for any offset, and a zone Athena always knows. */
    private static ParameterValue inUtc(Instant instant) throws SQLException {
        return zoned(LocalDateTime.ofInstant(instant, ZoneOffset.UTC), "UTC");
    }

    /**
     * Whether an offset has seconds ({@code +05:30:15}, the local mean time of zones before standard time), which
     * Athena's literals cannot carry: they take {@code +HH:MM} only, and refuse the value as an unknown zone.
     */
    private static boolean hasSeconds(ZoneOffset offset) {
        return offset.getTotalSeconds() % 60 != 0;
    }

    /** A java.sql.Time's time of day in the JVM's zone, with its milliseconds (toLocalTime() drops them). */
    private static LocalTime localTime(java.sql.Time value) {
        return value.toLocalTime().withNano((int) Math.floorMod(value.getTime(), 1000L) * 1_000_000);
    }

    /** Timestamps in a Calendar's zone (setTimestamp(i, ts, cal)): the wall time the instant has there. */
    public static ParameterValue timestamp(java.sql.Timestamp value, Calendar calendar) throws SQLException {
        return timestamp(wallTime(value, calendar.getTimeZone()));
    }

    public static ParameterValue date(java.sql.Date value, Calendar calendar) throws SQLException {
        return date(wallTime(value, calendar.getTimeZone()).toLocalDate());
    }

    /**
     * The wall time of a java.util.Date (java.sql.Date, Timestamp) in a zone, read as its toString, valueOf and
     * this driver's getters read it: on the Julian calendar before the Gregorian reform of 1582 (java.time's
     * proleptic calendar would move 1500-03-04 to 1500-03-13), and with its era, which toLocalDate() drops (it
     * turns 1 BC into the year 1). Years before 1 come out as 0, -1... (1 BC, 2 BC), which the literal refuses.
     */
    private static LocalDateTime wallTime(java.util.Date value, TimeZone zone) {
        GregorianCalendar calendar = new GregorianCalendar(zone, Locale.ROOT);
        calendar.setTime(value);
        int year = calendar.get(Calendar.YEAR);
        if (calendar.get(Calendar.ERA) == GregorianCalendar.BC) {
            year = 1 - year;
        }
        int nanos = value instanceof java.sql.Timestamp ? ((java.sql.Timestamp) value).getNanos()
                : calendar.get(Calendar.MILLISECOND) * 1_000_000;
        return LocalDateTime.of(year, calendar.get(Calendar.MONTH) + 1, calendar.get(Calendar.DAY_OF_MONTH),
                calendar.get(Calendar.HOUR_OF_DAY), calendar.get(Calendar.MINUTE), calendar.get(Calendar.SECOND), nanos);
    }

    /** A Calendar's wall time in its own zone (JDBC maps a Calendar to TIMESTAMP, Table B-4). */
    private static LocalDateTime wallTime(Calendar calendar) {
        return wallTime(calendar.getTime(), calendar.getTimeZone());
    }

    public static ParameterValue time(java.sql.Time value, Calendar calendar) {
        return time(Instant.ofEpochMilli(value.getTime()).atZone(calendar.getTimeZone().toZoneId()).toLocalTime());
    }

    /**
     * Years outside 0001..9999, the four-digit years Athena documents for dates, are refused rather than sent in
     * another spelling (java.time writes {@code +10000-01-01} and {@code -0001-01-01}).
     */
    private static void checkYear(int year) throws SQLException {
        if (year < 1 || year > 9999) {
            // Year 0 is 1 BC in java.time's numbering: said in full, so that it is not read as a typing error.
            String era = year < 1 ? " (" + (1 - year) + " BC)" : "";
            throw new SQLDataException("Year " + year + era + " is outside Athena's date range (0001 to 9999)",
                    SqlState.INVALID_DATETIME_FORMAT);
        }
    }

    /**
     * HH:mm:ss and 3, 6 or 9 fraction digits, as few as the value needs but never fewer than 3: Trino types a
     * literal by its digits, so a whole second written without them would be a {@code timestamp(0)} (or
     * {@code time(0)}) where the same parameter one millisecond later is a {@code timestamp(3)}, Athena's usual
     * precision; a parameter's type would then change with its value, and with it what {@code SELECT ?} prints.
     */
    static String timeText(LocalTime time) {
        String text = TIME.format(time);
        int nanos = time.getNano();
        if (nanos % 1_000_000 == 0) {
            return text + String.format(Locale.ROOT, ".%03d", nanos / 1_000_000);
        }
        if (nanos % 1_000 == 0) {
            return text + String.format(Locale.ROOT, ".%06d", nanos / 1_000);
        }
        return text + String.format(Locale.ROOT, ".%09d", nanos);
    }

    /** The elements of any Java array, primitive ones included (another driver's Array may give int[]). */
    private static java.util.List<Object> elementsOf(Object array) {
        java.util.List<Object> elements = new java.util.ArrayList<>();
        if (array != null && array.getClass().isArray()) {
            int length = java.lang.reflect.Array.getLength(array);
            for (int i = 0; i < length; i++) {
                elements.add(java.lang.reflect.Array.get(array, i));
            }
        }
        return elements;
    }

    /**
     * {@code ARRAY[...]} of each element's literal; cast to {@code array(elementType)} when that type is known
     * whole (createArrayOf's), so that elements take the declared type and an empty array has one.
     */
    private static ParameterValue array(Collection<?> elements, TypeSignature elementType, int index)
            throws SQLException {
        StringBuilder literal = new StringBuilder("ARRAY[");
        Iterator<?> it = elements.iterator();
        while (it.hasNext()) {
            literal.append(of(it.next(), index).literal());
            if (it.hasNext()) {
                literal.append(", ");
            }
        }
        literal.append(']');
        if (elementType == null || !elementType.isComplete()) {
            return new ParameterValue(literal.toString(), null, Types.ARRAY, "array");
        }
        return castTo(literal, TypeSignature.parse("array(" + elementType.signature() + ")"), Types.ARRAY);
    }

    /**
     * {@code ROW(...)} of each attribute's literal; cast to the Struct's type when it is an Athena row type of as
     * many fields (createStruct's, or a row a result gave whose fields Athena named), so that fields take their
     * declared types and names. Another driver's type name is no Athena type: its row goes uncast.
     */
    private static ParameterValue row(java.sql.Struct struct, int index) throws SQLException {
        Object[] attributes = struct.getAttributes();
        if (attributes == null || attributes.length == 0) {
            throw new SQLException("Parameter " + index + ": the Struct has no attributes; an Athena row has at least "
                    + "one field", SqlState.INVALID_PARAMETER_VALUE);
        }
        StringBuilder literal = new StringBuilder("ROW(");
        for (int i = 0; i < attributes.length; i++) {
            literal.append(i > 0 ? ", " : "").append(of(attributes[i], index).literal());
        }
        literal.append(')');
        TypeSignature type = TypeSignature.parse(struct.getSQLTypeName());
        if (type.kind() != AthenaType.ROW || !type.isComplete() || type.children().size() != attributes.length) {
            return new ParameterValue(literal.toString(), null, Types.STRUCT, "row");
        }
        return castTo(literal, type, Types.STRUCT);
    }

    /**
     * The literal cast to {@code type}: printed from a parsed type, never a caller's text, as a query names it
     * ({@link TypeSignature#castSignature}); the parameter's type name is the signature, as results name types.
     */
    private static ParameterValue castTo(CharSequence literal, TypeSignature type, int jdbcType) {
        return new ParameterValue("CAST(" + literal + " AS " + type.castSignature() + ")", null, jdbcType,
                type.signature());
    }

    private static ParameterValue map(Map<?, ?> map, int index) throws SQLException {
        StringBuilder keys = new StringBuilder("ARRAY[");
        StringBuilder values = new StringBuilder("ARRAY[");
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!first) {
                keys.append(", ");
                values.append(", ");
            }
            first = false;
            keys.append(of(entry.getKey(), index).literal());
            values.append(of(entry.getValue(), index).literal());
        }
        return new ParameterValue("MAP(" + keys + "], " + values + "])", null, Types.JAVA_OBJECT, "map");
    }
}
