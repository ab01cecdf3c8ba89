package ai.connecty.athena.jdbc.results;

import ai.connecty.athena.jdbc.errors.SqlState;
import ai.connecty.athena.jdbc.types.TypeSignature;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Column descriptions from Athena's ColumnInfo. Athena reports {@code CatalogName} "hive" and empty schema
 * and table names for every column, which say nothing useful to a JDBC tool, so catalog, schema and table
 * names are all "". Nullability is {@code columnNullableUnknown} because Athena always says UNKNOWN.
 */
public final class AthenaResultSetMetaData implements ResultSetMetaData {
    private final List<ColumnSpec> columns;

    public AthenaResultSetMetaData(List<ColumnSpec> columns) {
        this.columns = new ArrayList<>(columns);
    }

    private ColumnSpec column(int column) throws SQLException {
        return ColumnSpec.at(columns, column);
    }

    /** {@code answer} for a valid column index: for what every Athena result column has in common. */
    private <T> T sameForEveryColumn(int column, T answer) throws SQLException {
        column(column);
        return answer;
    }

    /** Every type answer comes from the column's parsed type, as getColumns and getTypeInfo do. */
    private TypeSignature type(int column) throws SQLException {
        return column(column).type();
    }

    @Override
    public int getColumnCount() {
        return columns.size();
    }

    @Override
    public boolean isAutoIncrement(int column) throws SQLException {
        return sameForEveryColumn(column, false);
    }

    @Override
    public boolean isCaseSensitive(int column) throws SQLException {
        return column(column).caseSensitive();
    }

    @Override
    public boolean isSearchable(int column) throws SQLException {
        return sameForEveryColumn(column, true);
    }

    @Override
    public boolean isCurrency(int column) throws SQLException {
        return sameForEveryColumn(column, false);
    }

    @Override
    public int isNullable(int column) throws SQLException {
        return column(column).nullable();
    }

    @Override
    public boolean isSigned(int column) throws SQLException {
        return type(column).isSigned();
    }

    @Override
    public int getColumnDisplaySize(int column) throws SQLException {
        return type(column).displaySize();
    }

    @Override
    public String getColumnLabel(int column) throws SQLException {
        return column(column).label();
    }

    @Override
    public String getColumnName(int column) throws SQLException {
        return column(column).name();
    }

    @Override
    public String getSchemaName(int column) throws SQLException {
        return sameForEveryColumn(column, "");
    }

    @Override
    public int getPrecision(int column) throws SQLException {
        return type(column).precision();
    }

    @Override
    public int getScale(int column) throws SQLException {
        return type(column).scale();
    }

    @Override
    public String getTableName(int column) throws SQLException {
        return sameForEveryColumn(column, "");
    }

    @Override
    public String getCatalogName(int column) throws SQLException {
        return sameForEveryColumn(column, "");
    }

    @Override
    public int getColumnType(int column) throws SQLException {
        return type(column).jdbcType();
    }

    /**
     * The Athena type name ({@code varchar}, {@code timestamp with time zone}, {@code array}); Hive spellings
     * in SHOW/DESCRIBE results are normalised ({@code string} is {@code varchar}), as getColumns names them.
     */
    @Override
    public String getColumnTypeName(int column) throws SQLException {
        return type(column).typeName();
    }

    @Override
    public boolean isReadOnly(int column) throws SQLException {
        return sameForEveryColumn(column, true);
    }

    @Override
    public boolean isWritable(int column) throws SQLException {
        return sameForEveryColumn(column, false);
    }

    @Override
    public boolean isDefinitelyWritable(int column) throws SQLException {
        return sameForEveryColumn(column, false);
    }

    @Override
    public String getColumnClassName(int column) throws SQLException {
        return type(column).javaClass().getName();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface != null && iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("ResultSetMetaData does not implement " + iface, SqlState.GENERAL_ERROR);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface != null && iface.isInstance(this);
    }
}
