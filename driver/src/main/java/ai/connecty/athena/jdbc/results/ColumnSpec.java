package ai.connecty.athena.jdbc.results;

import ai.connecty.athena.jdbc.errors.SqlState;
import ai.connecty.athena.jdbc.types.TypeSignature;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * A result column as Athena describes it in {@code ColumnInfo}: a name and an Athena type name
 * ({@code integer}, {@code varchar}, {@code decimal}, {@code array}, ...), with precision and scale where
 * the type has them. Metadata result sets use the same description, so one set of getters serves both.
 */
public final class ColumnSpec {
    private final String name;
    private final String label;
    private final String athenaType;
    private final int precision;
    private final int scale;
    private final boolean caseSensitive;
    private final int nullable;
    private final TypeSignature type;

    public ColumnSpec(String name, String athenaType) {
        this(name, name, athenaType, 0, 0, "varchar".equals(athenaType) || "char".equals(athenaType),
                java.sql.ResultSetMetaData.columnNullableUnknown);
    }

    public ColumnSpec(String name, String label, String athenaType, int precision, int scale,
                      boolean caseSensitive, int nullable) {
        this.name = Objects.requireNonNull(name, "name");
        this.label = label == null ? name : label;
        this.athenaType = Objects.requireNonNull(athenaType, "athenaType");
        this.precision = precision;
        this.scale = scale;
        this.caseSensitive = caseSensitive;
        this.nullable = nullable;
        this.type = TypeSignature.ofColumnInfo(athenaType, precision, scale);
    }

    /** A column of a known full type, such as the VALUE column of an array's result set. */
    public ColumnSpec(String name, String label, TypeSignature type, int nullable) {
        this.name = Objects.requireNonNull(name, "name");
        this.label = label == null ? name : label;
        this.type = Objects.requireNonNull(type, "type");
        this.athenaType = type.baseName();
        this.precision = type.precision();
        this.scale = type.scale();
        this.caseSensitive = type.isCaseSensitive();
        this.nullable = nullable;
    }

    /** The column at a JDBC index (from 1); an index outside the columns is refused with 07009. */
    static ColumnSpec at(List<ColumnSpec> columns, int index) throws SQLException {
        if (index < 1 || index > columns.size()) {
            throw new SQLException("Column index " + index + " is out of range: the result has " + columns.size() + " columns",
                    SqlState.INVALID_DESCRIPTOR_INDEX);
        }
        return columns.get(index - 1);
    }

    public String name() { return name; }

    public String label() { return label; }

    /** The Athena type name as in ColumnInfo.Type, lower case, without parameters. */
    public String athenaType() { return athenaType; }

    /** The parsed type: what every getter and every ResultSetMetaData answer is based on. */
    public TypeSignature type() { return type; }

    public int precision() { return precision; }

    public int scale() { return scale; }

    public boolean caseSensitive() { return caseSensitive; }

    /** One of {@link java.sql.ResultSetMetaData#columnNoNulls}, {@code columnNullable}, {@code columnNullableUnknown}. */
    public int nullable() { return nullable; }

    @Override
    public String toString() {
        return name + " " + athenaType;
    }
}
