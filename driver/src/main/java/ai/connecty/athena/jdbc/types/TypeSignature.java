package ai.connecty.athena.jdbc.types;

import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One Athena type, parsed and recursive: {@code decimal(38,9)}, {@code varchar(10)},
 * {@code timestamp(3) with time zone}, {@code array(row(a integer, b map(varchar, double)))}, or the Hive
 * spelling Glue stores ({@code array<struct<a:int,b:map<string,double>>>}). Every fact JDBC asks about a type
 * (type code, Java class, precision, scale, display size, type name) is answered here and only here, for
 * ResultSetMetaData, getColumns and getTypeInfo alike.
 *
 * <p>Athena's {@code ColumnInfo.Type} is the base name only ({@code array}, {@code decimal}); such a signature
 * has no children, and its elements are of {@link AthenaType#UNKNOWN} type. Text that does not parse as a type
 * never fails: it becomes an {@link AthenaType#UNKNOWN} signature that keeps the text, so a type Athena adds
 * later still reads as text.
 */
public final class TypeSignature {
    /** Athena's default fractional-second digits for time and timestamp (ColumnInfo says 3 for all). */
    public static final int DEFAULT_FRACTION_DIGITS = 3;
    /** Hive's DECIMAL without parameters is DECIMAL(10,0). */
    static final int HIVE_DEFAULT_DECIMAL_PRECISION = 10;
    public static final int MAX_DECIMAL_PRECISION = 38;
    /** What Athena reports as the length of an unbounded varchar. */
    public static final int UNBOUNDED_LENGTH = Integer.MAX_VALUE;
    /** What Athena reports as the precision of varbinary (1 GiB). */
    public static final int VARBINARY_LENGTH = 1_073_741_824;
    /** Room for a zone name such as {@code America/Argentina/Buenos_Aires}, after a space. */
    private static final int ZONE_WIDTH = 1 + 32;

    public static final TypeSignature UNKNOWN_ELEMENT = new TypeSignature(AthenaType.UNKNOWN, "unknown", -1, -1,
            Collections.emptyList(), Collections.emptyList());

    private final AthenaType kind;
    /** The text of an unknown type; else null. */
    private final String rawName;
    /** decimal precision, char/varchar length, time/timestamp fraction digits; -1 when not given. */
    private final int first;
    /** decimal scale; -1 when not given. */
    private final int second;
    private final List<TypeSignature> children;
    /** Row field names, null for an unnamed field; empty for other types. */
    private final List<String> fieldNames;

    TypeSignature(AthenaType kind, String rawName, int first, int second, List<TypeSignature> children,
                  List<String> fieldNames) {
        this.kind = kind;
        this.rawName = rawName;
        this.first = first;
        this.second = second;
        this.children = Collections.unmodifiableList(new ArrayList<>(children));
        this.fieldNames = Collections.unmodifiableList(new ArrayList<>(fieldNames));
    }

    /** Parses a Trino or Hive type string; never fails (see the class comment). */
    public static TypeSignature parse(String text) {
        return TypeParser.parse(text);
    }

    /**
     * A result column as Athena describes it in ColumnInfo: the base name plus its precision and scale, which
     * are the parameters of {@code decimal}, {@code varchar} and {@code char} (Athena reports 0 when unknown).
     */
    public static TypeSignature ofColumnInfo(String baseName, int precision, int scale) {
        TypeSignature base = parse(baseName);
        switch (base.kind) {
            case DECIMAL:
                return precision > 0 ? base.withParameters(precision, Math.max(scale, 0)) : base;
            case VARCHAR:
            case CHAR:
                return precision > 0 && base.first < 0 ? base.withParameters(precision, -1) : base;
            default:
                return base;
        }
    }

    private TypeSignature withParameters(int newFirst, int newSecond) {
        return new TypeSignature(kind, rawName, newFirst, newSecond, children, fieldNames);
    }

    public AthenaType kind() {
        return kind;
    }

    /** The element type of an array, the key and value types of a map, the field types of a row. */
    public List<TypeSignature> children() {
        return children;
    }

    /** The element type of an array or the type of a field; {@link #UNKNOWN_ELEMENT} when Athena did not say. */
    public TypeSignature child(int index) {
        return index < children.size() ? children.get(index) : UNKNOWN_ELEMENT;
    }

    /** Row field names in order (null for unnamed fields); empty when not known. */
    public List<String> fieldNames() {
        return fieldNames;
    }

    // ---- JDBC facts ---------------------------------------------------------------------------------------

    /** The {@link Types} constant for ResultSetMetaData.getColumnType, getColumns DATA_TYPE, getTypeInfo. */
    public int jdbcType() {
        return kind.jdbcType();
    }

    /** The class {@code getObject(i)} returns (JDBC 4.2 Table B-3), and getColumnClassName names. */
    public Class<?> javaClass() {
        return kind.defaultJavaClass();
    }

    /**
     * The type name without element types ({@code varchar}, {@code timestamp with time zone}, {@code array}),
     * as Athena's ColumnInfo spells it; Hive spellings are normalised ({@code string} is {@code varchar}).
     */
    public String baseName() {
        return kind == AthenaType.UNKNOWN && rawName != null ? rawName : kind.athenaName();
    }

    /**
     * The full canonical type in Athena (Trino) syntax: {@code decimal(10,2)}, {@code varchar(20)},
     * {@code array(row(a integer, b map(varchar, double)))}; Hive input comes out in Trino syntax.
     */
    public String signature() {
        StringBuilder out = new StringBuilder();
        appendSignature(out, false);
        return out.toString();
    }

    /**
     * The type as a query names it, in a CAST: the {@link #signature()} with Athena's {@code float} spelled
     * {@code real}, since the engine (Trino) has no type {@code float} and Athena takes that name in DDL only.
     */
    public String castSignature() {
        StringBuilder out = new StringBuilder();
        appendSignature(out, true);
        return out.toString();
    }

    private void appendSignature(StringBuilder out, boolean forCast) {
        switch (kind) {
            case DECIMAL:
                out.append("decimal(").append(precision()).append(',').append(scale()).append(')');
                return;
            case VARCHAR:
            case CHAR:
                out.append(kind.athenaName());
                if (first >= 0) {
                    out.append('(').append(first).append(')');
                }
                return;
            case TIMESTAMP:
            case TIME:
                out.append(kind.athenaName());
                if (first >= 0) {
                    out.append('(').append(first).append(')');
                }
                return;
            case TIMESTAMP_WITH_TIME_ZONE:
            case TIME_WITH_TIME_ZONE:
                out.append(kind == AthenaType.TIME_WITH_TIME_ZONE ? "time" : "timestamp");
                if (first >= 0) {
                    out.append('(').append(first).append(')');
                }
                out.append(" with time zone");
                return;
            case ARRAY:
            case MAP:
            case ROW:
                out.append(kind.athenaName());
                if (children.isEmpty()) {
                    return;
                }
                out.append('(');
                for (int i = 0; i < children.size(); i++) {
                    if (i > 0) {
                        out.append(", ");
                    }
                    String field = kind == AthenaType.ROW && i < fieldNames.size() ? fieldNames.get(i) : null;
                    if (field != null) {
                        out.append(quoteFieldIfNeeded(field)).append(' ');
                    }
                    children.get(i).appendSignature(out, forCast);
                }
                out.append(')');
                return;
            case FLOAT:
                out.append(forCast ? "real" : baseName());
                return;
            default:
                out.append(baseName());
        }
    }

    private static String quoteFieldIfNeeded(String field) {
        return field.matches("[a-z_][a-z0-9_]*") && !ReservedWords.contains(field) ? field
                : '"' + field.replace("\"", "\"\"") + '"';
    }

    /**
     * Whether a CAST can name this type exactly: it and every type it holds are Athena types, and every array, map
     * and row names what it holds (Athena's ColumnInfo names only {@code array}, {@code map} or {@code row}).
     */
    public boolean isComplete() {
        if (kind == AthenaType.UNKNOWN || (kind.isComplex() && children.isEmpty())) {
            return false;
        }
        for (TypeSignature child : children) {
            if (!child.isComplete()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The type name tools see: the base name for scalars (parameters are in precision and scale), the full
     * signature for array, map and row, so that a tool can tell what the container holds.
     */
    public String typeName() {
        return kind.isComplex() ? signature() : baseName();
    }

    /**
     * JDBC precision / COLUMN_SIZE: digits for numbers, characters for text and for the text form of dates,
     * times and intervals, bytes for varbinary; 0 where it does not apply (containers, json, unknown).
     */
    public int precision() {
        switch (kind) {
            case BOOLEAN:
                return 1;
            case TINYINT:
                return 3;
            case SMALLINT:
                return 5;
            case INTEGER:
                return 10;
            case BIGINT:
                return 19;
            case FLOAT:
                return 9;
            case DOUBLE:
                return 17;
            case DECIMAL:
                return first > 0 ? first : HIVE_DEFAULT_DECIMAL_PRECISION;
            case VARCHAR:
            case CHAR:
                return first >= 0 ? first : UNBOUNDED_LENGTH;
            case VARBINARY:
                return VARBINARY_LENGTH;
            case DATE:
                return 10;
            case TIME:
                return timeWidth();
            case TIME_WITH_TIME_ZONE:
                return timeWidth() + 6; // +05:45
            case TIMESTAMP:
                return 11 + timeWidth();
            case TIMESTAMP_WITH_TIME_ZONE:
                return 11 + timeWidth() + ZONE_WIDTH;
            case INTERVAL_DAY_TO_SECOND:
                return 30; // -106751991167 07:12:55.807
            case INTERVAL_YEAR_TO_MONTH:
                return 23; // -768614336404564650-8
            case UUID:
                return 36;
            case IPADDRESS:
                return 39;
            default:
                return 0;
        }
    }

    /** HH:mm:ss plus the fraction. */
    private int timeWidth() {
        int digits = fractionDigits();
        return 8 + (digits > 0 ? digits + 1 : 0);
    }

    /** Fractional-second digits of a time or timestamp; Athena's default is 3. */
    public int fractionDigits() {
        return first >= 0 ? first : DEFAULT_FRACTION_DIGITS;
    }

    /** Digits after the decimal point: decimal scale, fraction digits of times; 0 otherwise. */
    public int scale() {
        switch (kind) {
            case DECIMAL:
                return second >= 0 ? second : 0;
            case TIME:
            case TIME_WITH_TIME_ZONE:
            case TIMESTAMP:
            case TIMESTAMP_WITH_TIME_ZONE:
                return fractionDigits();
            default:
                return 0;
        }
    }

    /** Whether getColumns reports DECIMAL_DIGITS (null where JDBC says it does not apply). */
    public boolean hasScale() {
        return kind.isExactNumber() || kind == AthenaType.TIME || kind == AthenaType.TIME_WITH_TIME_ZONE
                || kind == AthenaType.TIMESTAMP || kind == AthenaType.TIMESTAMP_WITH_TIME_ZONE;
    }

    /** Whether getColumns reports COLUMN_SIZE (null for containers, json and unknown types). */
    public boolean hasPrecision() {
        return precision() > 0;
    }

    /** Characters the text form of a value needs at most. */
    public int displaySize() {
        switch (kind) {
            case BOOLEAN:
                return 5; // false
            case TINYINT:
                return 4;
            case SMALLINT:
                return 6;
            case INTEGER:
                return 11;
            case BIGINT:
                return 20;
            case FLOAT:
                return 16; // -1.17549435E-38
            case DOUBLE:
                return 24; // -2.2250738585072014E-308
            case DECIMAL:
                // Sign and decimal point; and the 0 Athena prints before the point when all digits are after it (-0.123).
                return precision() + 2 + (scale() == precision() ? 1 : 0);
            case VARBINARY:
                return UNBOUNDED_LENGTH; // hex pairs and spaces: three characters a byte
            default:
                int precision = precision();
                return precision > 0 ? precision : UNBOUNDED_LENGTH;
        }
    }

    public boolean isSigned() {
        return kind.isExactNumber() || kind.isApproximateNumber();
    }

    /** Text comparisons in Athena are case sensitive; nothing else is text. */
    public boolean isCaseSensitive() {
        return kind == AthenaType.VARCHAR || kind == AthenaType.CHAR || kind == AthenaType.JSON;
    }

    /** NUM_PREC_RADIX: 10 for numbers (precision is in decimal digits), null otherwise. */
    public Integer radix() {
        return kind.isExactNumber() || kind.isApproximateNumber() ? 10 : null;
    }

    /** CHAR_OCTET_LENGTH: the bytes a character column may need (UTF-8: up to four a character). */
    public Integer charOctetLength() {
        if (kind == AthenaType.VARCHAR || kind == AthenaType.CHAR) {
            int length = precision();
            return length == UNBOUNDED_LENGTH ? UNBOUNDED_LENGTH : (int) Math.min(UNBOUNDED_LENGTH, 4L * length);
        }
        return null;
    }

    /** For getTypeInfo: the most a type can hold (MAX decimal precision, longest varchar...). */
    public static List<TypeSignature> typeInfoTypes() {
        List<TypeSignature> types = new ArrayList<>();
        for (AthenaType kind : AthenaType.values()) {
            if (kind == AthenaType.UNKNOWN) {
                continue;
            }
            int first = kind == AthenaType.DECIMAL ? MAX_DECIMAL_PRECISION : -1;
            types.add(new TypeSignature(kind, null, first, -1, Collections.emptyList(), Collections.emptyList()));
        }
        types.sort((a, b) -> Integer.compare(a.jdbcType(), b.jdbcType()));
        return types;
    }

    /** MAXIMUM_SCALE of getTypeInfo. */
    public int maximumScale() {
        switch (kind) {
            case DECIMAL:
                return MAX_DECIMAL_PRECISION;
            case TIME:
            case TIME_WITH_TIME_ZONE:
            case TIMESTAMP:
            case TIMESTAMP_WITH_TIME_ZONE:
                return 12; // Trino's maximum fraction digits
            default:
                return 0;
        }
    }

    /** Whether values of this type can be compared with = and &lt; (getTypeInfo SEARCHABLE). */
    public boolean isComparable() {
        return !kind.isComplex() && kind != AthenaType.JSON && kind != AthenaType.UNKNOWN;
    }

    /**
     * Whether {@code LIKE} applies to values of this type: Athena takes only character types on its left side
     * ({@code 12 LIKE '1%'} is a TYPE_MISMATCH), so getTypeInfo says typeSearchable for these and typePredBasic
     * for the other comparable types.
     */
    public boolean supportsLike() {
        return kind == AthenaType.VARCHAR || kind == AthenaType.CHAR;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TypeSignature)) {
            return false;
        }
        TypeSignature other = (TypeSignature) o;
        return kind == other.kind && first == other.first && second == other.second
                && Objects.equals(rawName, other.rawName) && children.equals(other.children)
                && fieldNames.equals(other.fieldNames);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, rawName, first, second, children, fieldNames);
    }

    @Override
    public String toString() {
        return signature();
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
