package ai.connecty.athena.jdbc.types;

import ai.connecty.athena.jdbc.errors.SqlState;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one table of conversions from Athena's text rendering of a value to the Java classes JDBC getters
 * return, keyed by (Athena type, target class). Every getter of every result set of this driver goes
 * through {@link #convert}, so a value reads the same whether it came from a query or from metadata.
 *
 * <p>A pair that is not in the table is refused with SQLState 22018; text that does not parse is refused
 * with 22018 (numbers, booleans) or 22007 (dates and times); a number too large for the target with 22003.
 * Numbers with a fraction read as integers are truncated toward zero, as JDBC getters conventionally do.
 */
public final class TypeConversions {
    private static final int MAX_VALUE_IN_MESSAGE = 64;

    private static final Set<AthenaType> INTEGERS =
            Collections.unmodifiableSet(EnumSet.of(AthenaType.TINYINT, AthenaType.SMALLINT, AthenaType.INTEGER, AthenaType.BIGINT));
    private static final Set<AthenaType> TEXT =
            Collections.unmodifiableSet(EnumSet.of(AthenaType.VARCHAR, AthenaType.CHAR, AthenaType.UNKNOWN));
    /** Types whose text is a number, a boolean, or free text that may hold either. */
    private static final Set<AthenaType> NUMERIC_SOURCES = union(INTEGERS,
            EnumSet.of(AthenaType.DECIMAL, AthenaType.FLOAT, AthenaType.DOUBLE, AthenaType.BOOLEAN), TEXT);

    private static final Map<Class<?>, Class<?>> BOXED = new HashMap<>();

    static {
        BOXED.put(boolean.class, Boolean.class);
        BOXED.put(byte.class, Byte.class);
        BOXED.put(short.class, Short.class);
        BOXED.put(int.class, Integer.class);
        BOXED.put(long.class, Long.class);
        BOXED.put(float.class, Float.class);
        BOXED.put(double.class, Double.class);
    }

    /** Created after the type groups above, which its constructor uses. */
    private static final TypeConversions INSTANCE = new TypeConversions();

    /** Converts one non-null value; {@code zone} places zone-less dates and times on the time line. */
    @FunctionalInterface
    interface Conversion {
        Object convert(String text, ZoneId zone);
    }

    private final Map<AthenaType, Map<Class<?>, Conversion>> table = new EnumMap<>(AthenaType.class);
    private final ComplexValues complexValues = new ComplexValues(this);

    private TypeConversions() {
        for (AthenaType type : AthenaType.values()) {
            register(EnumSet.of(type), String.class, (text, zone) -> text);
        }
        registerNumbers();
        registerBinary();
        registerDateTimes();
    }

    public static TypeConversions get() {
        return INSTANCE;
    }

    /** The conversions of one column, resolved once: what result sets call per value. */
    public ColumnConverter converter(String column, TypeSignature type) {
        return new ColumnConverter(this, column, type);
    }

    /** The boxed class of a primitive class; other classes as they are. */
    private static Class<?> boxed(Class<?> target) {
        return target.isPrimitive() ? BOXED.get(target) : target;
    }

    /**
     * Converts {@code text} (never null: the caller handles SQL NULL) of a column of type {@code type} to
     * {@code target}. {@code Object.class} means the type's default class. Primitive classes are accepted.
     *
     * @param column the column label, for messages
     * @param zone   the zone of zone-less dates and times (the Calendar's, or the JVM default)
     */
    public <T> T convert(String column, TypeSignature type, String text, Class<T> target, ZoneId zone) throws SQLException {
        Class<?> wanted = target == Object.class ? type.javaClass() : boxed(target);
        try {
            Object complex = complex(type, text, wanted, zone);
            if (complex != null) {
                return target.isPrimitive() ? null : castTo(target, complex);
            }
        } catch (ConversionFailure failure) {
            throw new SQLDataException(message(column, type.kind(), text, target, failure.getMessage()), failure.sqlState());
        } catch (DateTimeException e) {
            throw new SQLDataException(message(column, type.kind(), text, target, "not a valid date/time: " + e.getMessage()),
                    SqlState.INVALID_DATETIME_FORMAT, e);
        }
        return convertScalar(column, type.kind(), text, target, zone);
    }

    @SuppressWarnings("unchecked")
    private static <T> T castTo(Class<T> target, Object value) {
        return target == Object.class ? (T) value : target.cast(value);
    }

    /**
     * Array, map and row values, and the exact JSON path; null when the pair is not one of those (then the
     * scalar table decides, which also gives every type its text as a String).
     */
    private Object complex(TypeSignature type, String text, Class<?> wanted, ZoneId zone) {
        AthenaType kind = type.kind();
        if (kind == AthenaType.ARRAY && (wanted == java.sql.Array.class || wanted == List.class)) {
            AthenaArray array = complexValues.array(type, text, zone);
            return wanted == List.class ? elementList(array) : array;
        }
        if (kind == AthenaType.MAP && wanted == Map.class) {
            return complexValues.map(type, text, zone);
        }
        if (kind == AthenaType.ROW && (wanted == java.sql.Struct.class || wanted == AthenaStruct.class)) {
            return complexValues.row(type, text, zone);
        }
        if (kind == AthenaType.ROW && wanted == Map.class) {
            return complexValues.row(type, text, zone).asMap();
        }
        if (kind == AthenaType.JSON && (wanted == java.sql.Array.class || wanted == Map.class || wanted == List.class)) {
            Object json = complexValues.json(text);
            if (wanted == List.class && json instanceof AthenaArray) {
                return elementList((AthenaArray) json);
            }
            if (!wanted.isInstance(json)) {
                throw ConversionFailure.invalid("the JSON value is not " + (wanted == Map.class ? "an object" : "an array"));
            }
            return json;
        }
        return null;
    }

    private static List<Object> elementList(AthenaArray array) {
        try {
            return Collections.unmodifiableList(java.util.Arrays.asList((Object[]) array.getArray()));
        } catch (SQLException e) {
            throw ConversionFailure.invalid(e.getMessage()); // not reached: the array is new, never freed
        }
    }

    /** The default-class value of a scalar element inside an array, map or row. */
    Object scalar(TypeSignature type, String text, ZoneId zone) {
        Conversion conversion = find(type.kind(), Object.class);
        if (conversion == null) {
            return text;
        }
        return conversion.convert(text, zone);
    }

    /** {@link #convert(String, TypeSignature, String, Class, ZoneId)} for a type known only by its kind. */
    public <T> T convert(String column, AthenaType type, String text, Class<T> target, ZoneId zone) throws SQLException {
        return convert(column, TypeSignature.parse(type.athenaName()), text, target, zone);
    }

    /**
     * What {@code convert(column, type, text, Object.class, zone)} applies to a scalar column's text, looked up once
     * per column rather than per value (getObject of every value is what grids and exports do); null for the types
     * whose default class is a complex value, which {@link #convert} decides.
     */
    Conversion defaultConversion(TypeSignature type) {
        // The classes complex() serves for a type's default class; JSON's default is its text.
        Class<?> javaClass = type.javaClass();
        boolean complex = javaClass == java.sql.Array.class || javaClass == Map.class || javaClass == java.sql.Struct.class;
        return complex ? null : find(type.kind(), Object.class);
    }

    /** {@code convert(column, type, text, Object.class, zone)} with the {@link #defaultConversion} of the type. */
    Object convertDefault(String column, AthenaType type, String text, Conversion conversion, ZoneId zone)
            throws SQLException {
        return apply(column, type, text, Object.class, conversion, zone);
    }

    private <T> T convertScalar(String column, AthenaType type, String text, Class<T> target, ZoneId zone)
            throws SQLException {
        Conversion conversion = find(type, target);
        if (conversion == null) {
            throw new SQLDataException(String.format(Locale.ROOT,
                    "Cannot read column '%s' of type %s as %s: this conversion is not supported; use getString or getObject",
                    column, type.athenaName(), target.getSimpleName()),
                    SqlState.INVALID_CHARACTER_VALUE_FOR_CAST);
        }
        return apply(column, type, text, target, conversion, zone);
    }

    private static <T> T apply(String column, AthenaType type, String text, Class<T> target, Conversion conversion,
                               ZoneId zone) throws SQLException {
        try {
            @SuppressWarnings("unchecked")
            T value = (T) conversion.convert(text, zone);
            return value;
        } catch (ConversionFailure failure) {
            throw new SQLDataException(message(column, type, text, target, failure.getMessage()), failure.sqlState());
        } catch (DateTimeException e) {
            throw new SQLDataException(message(column, type, text, target, "not a valid date/time: " + e.getMessage()),
                    SqlState.INVALID_DATETIME_FORMAT, e);
        }
    }

    /** Whether {@link #convert} knows the pair; used to answer {@code getObject(i, Class)} questions up front. */
    public boolean supports(AthenaType type, Class<?> target) {
        return find(type, target) != null;
    }

    /** The table's conversion for the pair, null when there is none. */
    private Conversion find(AthenaType type, Class<?> target) {
        Class<?> wanted = target == Object.class ? type.defaultJavaClass() : boxed(target);
        Map<Class<?>, Conversion> byTarget = table.get(type);
        return byTarget == null ? null : byTarget.get(wanted);
    }

    private static String message(String column, AthenaType type, String text, Class<?> target, String reason) {
        String shown = text.length() > MAX_VALUE_IN_MESSAGE ? text.substring(0, MAX_VALUE_IN_MESSAGE) + "..." : text;
        return String.format(Locale.ROOT, "Cannot read value '%s' of column '%s' (%s) as %s: %s",
                shown, column, type.athenaName(), target.getSimpleName(), reason);
    }

    private void register(Set<AthenaType> sources, Class<?> target, Conversion conversion) {
        for (AthenaType source : sources) {
            table.computeIfAbsent(source, key -> new HashMap<>()).put(target, conversion);
        }
    }

    // ---- numbers and booleans ----------------------------------------------------------------------------

    private void registerNumbers() {
        register(NUMERIC_SOURCES, Long.class, (text, zone) -> toLong(text));
        register(NUMERIC_SOURCES, Integer.class, (text, zone) -> (int) toLong(text, Integer.MIN_VALUE, Integer.MAX_VALUE));
        register(NUMERIC_SOURCES, Short.class, (text, zone) -> (short) toLong(text, Short.MIN_VALUE, Short.MAX_VALUE));
        register(NUMERIC_SOURCES, Byte.class, (text, zone) -> (byte) toLong(text, Byte.MIN_VALUE, Byte.MAX_VALUE));
        register(NUMERIC_SOURCES, BigInteger.class, (text, zone) -> toBigInteger(text));
        register(NUMERIC_SOURCES, BigDecimal.class, (text, zone) -> toBigDecimal(text));
        register(NUMERIC_SOURCES, Double.class, (text, zone) -> toDouble(text));
        register(NUMERIC_SOURCES, Float.class, (text, zone) -> toFloat(text));
        register(NUMERIC_SOURCES, Boolean.class, (text, zone) -> toBoolean(text));
    }

    private static final BigDecimal LONG_MIN_MINUS_ONE = BigDecimal.valueOf(Long.MIN_VALUE).subtract(BigDecimal.ONE);
    private static final BigDecimal LONG_MAX_PLUS_ONE = BigDecimal.valueOf(Long.MAX_VALUE).add(BigDecimal.ONE);

    private static long toLong(String text) {
        return toLong(text, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    private static long toLong(String text, long min, long max) {
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException notAPlainInteger) {
            BigDecimal decimal = toBigDecimal(text);
            // The range of the value truncated toward zero: 9223372036854775807.5 is Long.MAX_VALUE, as 2147483647.5
            // is Integer.MAX_VALUE for getInt. compareTo decides from the exponents first, whatever they are.
            if (decimal.compareTo(LONG_MIN_MINUS_ONE) <= 0 || decimal.compareTo(LONG_MAX_PLUS_ONE) >= 0) {
                throw ConversionFailure.outOfRange("out of range [" + min + ", " + max + "]");
            }
            value = decimal.longValue();
        }
        if (value < min || value > max) {
            throw ConversionFailure.outOfRange("out of range [" + min + ", " + max + "]");
        }
        return value;
    }

    /**
     * More digits before the point than any Athena number has (decimal 38, double 309) by far: a text exponent beyond
     * it would make toBigInteger() overflow (1E+2147483647) or compute for minutes (1E+99999999).
     */
    private static final int MAX_BIG_INTEGER_DIGITS = 10_000;

    /** The integer part, truncated toward zero as the other integer getters do. */
    private static BigInteger toBigInteger(String text) {
        BigDecimal decimal = toBigDecimal(text);
        long integerDigits = Decimals.magnitude(decimal);
        if (integerDigits <= 0) {
            return BigInteger.ZERO; // |value| < 1, whatever its exponent
        }
        if (integerDigits > MAX_BIG_INTEGER_DIGITS) {
            throw ConversionFailure.outOfRange("more than " + MAX_BIG_INTEGER_DIGITS + " digits before the point");
        }
        return decimal.toBigInteger();
    }

    private static BigDecimal toBigDecimal(String text) {
        String trimmed = text.trim();
        if ("true".equalsIgnoreCase(trimmed)) {
            return BigDecimal.ONE;
        }
        if ("false".equalsIgnoreCase(trimmed)) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(trimmed);
        } catch (NumberFormatException e) {
            throw ConversionFailure.invalid(isNonFinite(trimmed) ? "not a finite number" : "not a number");
        }
    }

    private static boolean isNonFinite(String text) {
        return "NaN".equals(text) || text.endsWith("Infinity");
    }

    private static double toDouble(String text) {
        String trimmed = text.trim();
        if ("true".equalsIgnoreCase(trimmed) || "false".equalsIgnoreCase(trimmed)) {
            return toBigDecimal(trimmed).doubleValue();
        }
        if (isNonFinite(trimmed)) {
            return Double.parseDouble(trimmed);
        }
        // Refuses what is not a plain number (Double.parseDouble would take "1d", "0x1p3").
        BigDecimal checked = toBigDecimal(trimmed);
        // Parsed as a double, not through BigDecimal, which has no negative zero: -0.0 keeps its sign.
        double value;
        try {
            value = Double.parseDouble(trimmed);
        } catch (NumberFormatException e) {
            // Digits of other scripts (١.٥), which BigDecimal and the integer getters read but Double does not.
            value = checked.doubleValue();
        }
        // Only the text Infinity means infinity; a finite number beyond a double's range is an overflow.
        if (Double.isInfinite(value)) {
            throw ConversionFailure.outOfRange("out of range for a double");
        }
        return value;
    }

    private static float toFloat(String text) {
        double value = toDouble(text);
        // Not |value| > Float.MAX_VALUE: the largest real prints as 3.4028235E38, a little above it, and rounds to it.
        if (Double.isFinite(value) && Float.isInfinite((float) value)) {
            throw ConversionFailure.outOfRange("out of range for a float");
        }
        return (float) value;
    }

    private static boolean toBoolean(String text) {
        String trimmed = text.trim();
        if ("true".equalsIgnoreCase(trimmed)) {
            return true;
        }
        if ("false".equalsIgnoreCase(trimmed)) {
            return false;
        }
        try {
            return new BigDecimal(trimmed).signum() != 0;
        } catch (NumberFormatException e) {
            throw ConversionFailure.invalid("not a boolean (true, false or a number)");
        }
    }

    // ---- binary ----------------------------------------------------------------------------------------

    private void registerBinary() {
        register(EnumSet.of(AthenaType.VARBINARY), byte[].class, (text, zone) -> parseHexBytes(text));
        register(TEXT, byte[].class, (text, zone) -> text.getBytes(StandardCharsets.UTF_8));
    }

    /** Athena renders varbinary as hex byte pairs separated by single spaces: {@code 01 0a ff}. */
    private static byte[] parseHexBytes(String text) {
        String digits = text.replace(" ", "");
        if (digits.length() % 2 != 0) {
            throw ConversionFailure.invalid("not hex bytes (odd number of digits)");
        }
        byte[] bytes = new byte[digits.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            int high = Character.digit(digits.charAt(2 * i), 16);
            int low = Character.digit(digits.charAt(2 * i + 1), 16);
            if (high < 0 || low < 0) {
                throw ConversionFailure.invalid("not hex bytes");
            }
            bytes[i] = (byte) (high << 4 | low);
        }
        return bytes;
    }

    // ---- dates and times -------------------------------------------------------------------------------

    private void registerDateTimes() {
        // Zone-less date and timestamp text (and free text that may hold either) parse the same way.
        Set<AthenaType> zoneless = union(EnumSet.of(AthenaType.DATE, AthenaType.TIMESTAMP), TEXT);
        Set<AthenaType> zoned = EnumSet.of(AthenaType.TIMESTAMP_WITH_TIME_ZONE);

        register(zoneless, LocalDate.class, (text, zone) -> DateTimeText.parseTimestamp(text).toLocalDate());
        register(zoned, LocalDate.class, (text, zone) -> DateTimeText.parseTimestampWithTimeZone(text).toLocalDate());

        register(zoneless, LocalDateTime.class, (text, zone) -> DateTimeText.parseTimestamp(text));
        register(zoned, LocalDateTime.class, (text, zone) -> DateTimeText.parseTimestampWithTimeZone(text).toLocalDateTime());

        register(union(EnumSet.of(AthenaType.TIME), TEXT), LocalTime.class, (text, zone) -> DateTimeText.parseTime(text));
        register(EnumSet.of(AthenaType.TIMESTAMP), LocalTime.class, (text, zone) -> DateTimeText.parseTimestamp(text).toLocalTime());
        register(EnumSet.of(AthenaType.TIME_WITH_TIME_ZONE), LocalTime.class, (text, zone) -> DateTimeText.parseTimeWithTimeZone(text).toLocalTime());
        register(EnumSet.of(AthenaType.TIME_WITH_TIME_ZONE), OffsetTime.class, (text, zone) -> DateTimeText.parseTimeWithTimeZone(text));
        // The time of day of a zoned timestamp in its own zone, as LocalDate and LocalDateTime read its date and wall
        // time; with the offset it has there for OffsetTime (as setObject(OffsetDateTime, TIME_WITH_TIMEZONE) binds).
        register(zoned, LocalTime.class, (text, zone) -> DateTimeText.parseTimestampWithTimeZone(text).toLocalTime());
        register(zoned, OffsetTime.class,
                (text, zone) -> DateTimeText.parseTimestampWithTimeZone(text).toOffsetDateTime().toOffsetTime());

        register(zoned, ZonedDateTime.class, (text, zone) -> DateTimeText.parseTimestampWithTimeZone(text));
        register(zoned, OffsetDateTime.class, (text, zone) -> DateTimeText.parseTimestampWithTimeZone(text).toOffsetDateTime());
        register(zoned, Instant.class, (text, zone) -> DateTimeText.parseTimestampWithTimeZone(text).toInstant());
        register(EnumSet.of(AthenaType.TIMESTAMP), Instant.class, (text, zone) -> DateTimeText.parseTimestamp(text).atZone(zone).toInstant());

        register(zoneless, java.sql.Date.class,
                (text, zone) -> LegacyDateTimes.date(DateTimeText.parseTimestamp(text).toLocalDate(), zone));
        // The day and the time of day the instant has in the getter's zone, as java.sql.Date (midnight) and Time (on
        // 1970-01-01) are defined; the instant itself would match no Date.valueOf and ignore the Calendar.
        register(zoned, java.sql.Date.class, (text, zone) -> LegacyDateTimes.date(
                DateTimeText.parseTimestampWithTimeZone(text).withZoneSameInstant(zone).toLocalDate(), zone));

        register(union(EnumSet.of(AthenaType.TIME), TEXT), Time.class,
                (text, zone) -> timeOnEpochDay(DateTimeText.parseTime(text), zone));
        register(EnumSet.of(AthenaType.TIMESTAMP), Time.class,
                (text, zone) -> timeOnEpochDay(DateTimeText.parseTimestamp(text).toLocalTime(), zone));
        register(EnumSet.of(AthenaType.TIME_WITH_TIME_ZONE), Time.class,
                (text, zone) -> new Time(DateTimeText.parseTimeWithTimeZone(text).atDate(LocalDate.EPOCH).toInstant().toEpochMilli()));
        register(zoned, Time.class, (text, zone) -> LegacyDateTimes.time(
                DateTimeText.parseTimestampWithTimeZone(text).withZoneSameInstant(zone).toLocalTime(), zone));

        register(zoneless, Timestamp.class,
                (text, zone) -> LegacyDateTimes.timestamp(DateTimeText.parseTimestamp(text), zone));
        register(zoned, Timestamp.class,
                (text, zone) -> Timestamp.from(DateTimeText.parseTimestampWithTimeZone(text).toInstant()));
        // JDBC's conversion table (Table B-6) lets getTimestamp read a TIME: the time on 1970-01-01, the day a
        // java.sql.Time is on, with every fraction digit (a Time keeps milliseconds only).
        register(EnumSet.of(AthenaType.TIME), Timestamp.class,
                (text, zone) -> LegacyDateTimes.timestamp(LocalDate.EPOCH.atTime(DateTimeText.parseTime(text)), zone));
        register(EnumSet.of(AthenaType.TIME_WITH_TIME_ZONE), Timestamp.class,
                (text, zone) -> Timestamp.from(DateTimeText.parseTimeWithTimeZone(text).atDate(LocalDate.EPOCH).toInstant()));
    }

    private static Time timeOnEpochDay(LocalTime time, ZoneId zone) {
        return LegacyDateTimes.time(time, zone);
    }

    @SafeVarargs
    private static Set<AthenaType> union(Set<AthenaType>... sets) {
        EnumSet<AthenaType> all = EnumSet.noneOf(AthenaType.class);
        for (Set<AthenaType> set : sets) {
            all.addAll(set);
        }
        return Collections.unmodifiableSet(all);
    }
}
