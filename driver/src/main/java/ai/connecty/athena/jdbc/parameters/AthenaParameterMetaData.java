package ai.connecty.athena.jdbc.parameters;

import ai.connecty.athena.jdbc.errors.SqlState;
import ai.connecty.athena.jdbc.types.TypeSignature;
import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the driver knows of a prepared statement's parameters without asking Athena, which cannot describe
 * them: how many there are, and for each one set so far the type of its value. A parameter not yet set is
 * reported as Athena's type of a bare NULL, {@code unknown} ({@link Types#OTHER}), nullability unknown: a
 * framework that binds a null by the type it reads here (Spring's JdbcTemplate calls {@code setNull} with
 * {@code getParameterType}) then sends a plain {@code NULL}, which Athena compares with, and inserts into, a
 * column of any type, where a typed {@code CAST(NULL AS varchar)} fails against an integer column.
 */
public final class AthenaParameterMetaData implements ParameterMetaData {
    /** The type of a parameter not set yet: what the driver knows of it, nothing. */
    private static final TypeSignature NOT_SET = TypeSignature.parse("unknown");

    private final List<ParameterValue> values;

    public AthenaParameterMetaData(ParameterValue[] values) {
        this.values = new ArrayList<>(Arrays.asList(values));
    }

    private TypeSignature type(int param) throws SQLException {
        ParameterValue value = value(param);
        return value == null ? NOT_SET : value.type();
    }

    private ParameterValue value(int param) throws SQLException {
        if (param < 1 || param > values.size()) {
            throw new SQLException("Parameter index " + param + " is out of range: the statement has " + values.size()
                    + " parameters", SqlState.INVALID_DESCRIPTOR_INDEX);
        }
        return values.get(param - 1);
    }

    @Override
    public int getParameterCount() {
        return values.size();
    }

    @Override
    public int isNullable(int param) throws SQLException {
        value(param);
        return parameterNullableUnknown;
    }

    @Override
    public boolean isSigned(int param) throws SQLException {
        return type(param).isSigned();
    }

    @Override
    public int getPrecision(int param) throws SQLException {
        return type(param).precision();
    }

    @Override
    public int getScale(int param) throws SQLException {
        return type(param).scale();
    }

    @Override
    public int getParameterType(int param) throws SQLException {
        ParameterValue value = value(param);
        return value == null ? NOT_SET.jdbcType() : value.jdbcType();
    }

    @Override
    public String getParameterTypeName(int param) throws SQLException {
        return type(param).typeName();
    }

    @Override
    public String getParameterClassName(int param) throws SQLException {
        return type(param).javaClass().getName();
    }

    @Override
    public int getParameterMode(int param) throws SQLException {
        value(param);
        return parameterModeIn;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface != null && iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("ParameterMetaData does not implement " + iface, SqlState.GENERAL_ERROR);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface != null && iface.isInstance(this);
    }
}
