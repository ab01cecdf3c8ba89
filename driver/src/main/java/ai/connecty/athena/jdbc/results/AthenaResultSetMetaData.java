package ai.connecty.athena.jdbc.results;

import ai.connecty.athena.jdbc.errors.SqlState;
import ai.connecty.athena.jdbc.types.AthenaType;
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
    private final List<AthenaType> types;

    public AthenaResultSetMetaData(List<ColumnSpec> columns) {
        this.columns = new ArrayList<>(columns);
        this.types = new ArrayList<>(columns.size());
        for (ColumnSpec column : columns) {
            types.add(AthenaType.fromName(column.athenaType()));
        }
    }

    private ColumnSpec column(int column) throws SQLException {
        return ColumnSpec.at(columns, column);
    }

    /** {@code answer} for a valid column index: for what every Athena result column has in common. */
    private <T> T sameForEveryColumn(int column, T answer) throws SQLException {
        column(column);
        return answer;
    }

    private AthenaType type(int column) throws SQLException {
        column(column);
        return types.get(column - 1);
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
        ColumnSpec spec = column(column);
        AthenaType type = type(column);
        if (type == AthenaType.DECIMAL && spec.precision() > 0) {
            return spec.precision() + 2; // sign and decimal point
        }
        if ((type.isText() || type == AthenaType.VARBINARY) && spec.precision() > 0) {
            return type == AthenaType.VARBINARY ? (int) Math.min(Integer.MAX_VALUE, spec.precision() * 3L) : spec.precision();
        }
        return type.displaySize();
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
        return column(column).precision();
    }

    @Override
    public int getScale(int column) throws SQLException {
        return column(column).scale();
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

    /** The Athena name as ColumnInfo gives it ({@code varchar}, {@code timestamp with time zone}, Hive {@code string}). */
    @Override
    public String getColumnTypeName(int column) throws SQLException {
        return column(column).athenaType();
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
        return type(column).defaultJavaClass().getName();
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
