package ai.connecty.athena.jdbc.types;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

/**
 * The conversions of one result column, resolved once per result set from its type: what the typed getters of
 * a million rows call. The typed methods take the value's bytes ({@link TextSlice}, usually a view of the result
 * file's) and make a String only when the general path needs one. Text in the plain shape Athena prints
 * ({@code 42}, {@code -1.5E-7}, {@code 2024-01-31}, {@code 2024-01-31 12:34:56.789}) is read straight from its
 * bytes by {@link PlainText}; everything else,
 * and every error, goes through the general {@link TypeConversions#convert} table, so a value reads the same
 * either way.
 */
public final class ColumnConverter {
    /** Types whose getLong/getDouble may read plain digits directly (the rest answer through the table). */
    private static final Set<AthenaType> NUMBER_TEXT = EnumSet.of(AthenaType.TINYINT, AthenaType.SMALLINT,
            AthenaType.INTEGER, AthenaType.BIGINT, AthenaType.DECIMAL, AthenaType.FLOAT, AthenaType.DOUBLE,
            AthenaType.VARCHAR, AthenaType.CHAR, AthenaType.UNKNOWN);
    /** Types whose getDate/getTimestamp read zone-less text placed in a zone. */
    private static final Set<AthenaType> ZONELESS_DATE_TEXT = EnumSet.of(AthenaType.DATE, AthenaType.TIMESTAMP,
            AthenaType.VARCHAR, AthenaType.CHAR, AthenaType.UNKNOWN);

    /**
     * Types whose getObject {@link #toObject} reads from the bytes. Not text: its String is made from the bytes
     * either way, and a row kept as Strings (the API's) would encode and decode it again.
     */
    private static final Set<AthenaType> OBJECT_FROM_BYTES = EnumSet.of(AthenaType.TINYINT, AthenaType.SMALLINT,
            AthenaType.INTEGER, AthenaType.BIGINT, AthenaType.DECIMAL, AthenaType.FLOAT, AthenaType.DOUBLE,
            AthenaType.DATE, AthenaType.TIMESTAMP);

    private final TypeConversions conversions;
    private final String column;
    private final TypeSignature type;
    private final boolean plainNumbers;
    private final boolean plainDates;
    private final boolean objectFromBytes;
    /** Out-parameter of the date parser; one per column, as a result set is read by one thread at a time. */
    private final int[] nanos = new int[1];
    private final PlainText.LastWallTime lastWallTime = new PlainText.LastWallTime();
    /** getObject's conversion of a scalar column, resolved once; null where the table decides per call. */
    private final TypeConversions.Conversion defaultConversion;

    ColumnConverter(TypeConversions conversions, String column, TypeSignature type) {
        this.conversions = conversions;
        this.column = column;
        this.type = type;
        this.plainNumbers = NUMBER_TEXT.contains(type.kind());
        this.plainDates = ZONELESS_DATE_TEXT.contains(type.kind());
        this.objectFromBytes = OBJECT_FROM_BYTES.contains(type.kind());
        this.defaultConversion = conversions.defaultConversion(type);
    }

    public TypeSignature type() {
        return type;
    }

    /** Any conversion of the table: see {@link TypeConversions#convert}. */
    public <T> T convert(String text, Class<T> target, ZoneId zone) throws SQLException {
        if (target == Object.class && defaultConversion != null) {
            @SuppressWarnings("unchecked")
            T value = (T) conversions.convertDefault(column, type.kind(), text, defaultConversion, zone);
            return value;
        }
        return conversions.convert(column, type, text, target, zone);
    }

    /**
     * getLong, getInt, getShort, getByte: the value if within [min, max]; {@code target} (Long, Integer...) names
     * the getter in the general path's messages (22003 when out of range, 22018 when not a number).
     */
    public long toLong(TextSlice text, long min, long max, Class<? extends Number> target) throws SQLException {
        long value = plainLong(text);
        if (value != PlainText.NOT_PLAIN && value >= min && value <= max) {
            return value;
        }
        return conversions.convert(column, type, text.toString(), target, null).longValue();
    }

    public double toDouble(TextSlice text) throws SQLException {
        double value = plainDouble(text);
        if (!Double.isNaN(value)) {
            return value;
        }
        return conversions.convert(column, type, text.toString(), Double.class, null);
    }

    public float toFloat(TextSlice text) throws SQLException {
        double value = plainFloat(text);
        if (!Double.isNaN(value)) {
            return (float) value;
        }
        return conversions.convert(column, type, text.toString(), Float.class, null);
    }

    public java.sql.Date toDate(TextSlice text, ZoneId zone) throws SQLException {
        long second = plainEpochSecond(text, false, zone);
        if (second != PlainText.NOT_PLAIN) {
            return new java.sql.Date(second * 1000);
        }
        return conversions.convert(column, type, text.toString(), java.sql.Date.class, zone);
    }

    public Timestamp toTimestamp(TextSlice text, ZoneId zone) throws SQLException {
        long second = plainEpochSecond(text, true, zone);
        if (second != PlainText.NOT_PLAIN) {
            return timestamp(second);
        }
        return conversions.convert(column, type, text.toString(), Timestamp.class, zone);
    }

    /**
     * Whether {@link #toObject} serves {@code getObject(i, target)}: the column's default class (target Object or
     * that class) of a type whose plain text it reads from the bytes. Tools that read every value with getObject
     * (grids, exports, row mappers) then make no String for a number or a date.
     */
    public boolean readsObject(Class<?> target) {
        return objectFromBytes && (target == Object.class || target == type.javaClass());
    }

    /**
     * getObject of a column that {@link #readsObject} serves: the value {@link #convert} gives for the same text
     * and target (Long, Integer, BigDecimal, Double, Float, Date or Timestamp), errors included. getBigDecimal of a
     * decimal column comes here too.
     */
    public Object toObject(TextSlice text, Class<?> target, ZoneId zone) throws SQLException {
        Object value = plainObject(text, zone);
        return value != null ? value : conversions.convert(column, type, text.toString(), target, zone);
    }

    /** The plain text's value as the default class of the column's type; null where the table must decide. */
    private Object plainObject(TextSlice text, ZoneId zone) {
        switch (type.kind()) {
            case BIGINT: {
                long value = plainLong(text);
                return value == PlainText.NOT_PLAIN ? null : (Long) value;
            }
            case TINYINT:
            case SMALLINT:
            case INTEGER: {
                long value = plainLong(text);
                return value == PlainText.NOT_PLAIN || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE ? null
                        : (Integer) (int) value;
            }
            case DECIMAL:
                return plainNumbers ? PlainText.parseDecimal(text) : null;
            case DOUBLE: {
                double value = plainDouble(text);
                return Double.isNaN(value) ? null : (Double) value;
            }
            case FLOAT: {
                double value = plainFloat(text);
                return Double.isNaN(value) ? null : (Float) (float) value;
            }
            case DATE: {
                long second = plainEpochSecond(text, false, zone);
                return second == PlainText.NOT_PLAIN ? null : new java.sql.Date(second * 1000);
            }
            case TIMESTAMP: {
                long second = plainEpochSecond(text, true, zone);
                return second == PlainText.NOT_PLAIN ? null : timestamp(second);
            }
            default:
                return null;
        }
    }

    /** The plain integer of the text, or {@link PlainText#NOT_PLAIN} (also for types read only through the table). */
    private long plainLong(TextSlice text) {
        return plainNumbers ? PlainText.parseLong(text) : PlainText.NOT_PLAIN;
    }

    /** The plain, finite double of the text, or NaN (an overflow to infinity is the table's to refuse). */
    private double plainDouble(TextSlice text) {
        if (!plainNumbers) {
            return Double.NaN;
        }
        double value = PlainText.parseDouble(text);
        return Double.isInfinite(value) ? Double.NaN : value;
    }

    /** The plain double of the text if a float holds it, or NaN (beyond a float's range is the table's to refuse). */
    private double plainFloat(TextSlice text) {
        double value = plainDouble(text);
        return Float.isInfinite((float) value) ? Double.NaN : value;
    }

    private long plainEpochSecond(TextSlice text, boolean withTime, ZoneId zone) {
        return plainDates ? PlainText.epochSecond(text, withTime, zone, nanos, lastWallTime) : PlainText.NOT_PLAIN;
    }

    /** A Timestamp at {@code second} with the fraction the last {@link #plainEpochSecond} read. */
    private Timestamp timestamp(long second) {
        Timestamp timestamp = new Timestamp(second * 1000);
        timestamp.setNanos(nanos[0]);
        return timestamp;
    }
}
