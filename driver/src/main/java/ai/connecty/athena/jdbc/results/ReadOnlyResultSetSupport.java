package ai.connecty.athena.jdbc.results;

import ai.connecty.athena.jdbc.errors.SqlExceptions;
import ai.connecty.athena.jdbc.errors.SqlState;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;

/**
 * The part of {@link ResultSet} a forward-only, read-only cursor over Athena results refuses: updates,
 * scrolling, and the LOB/REF/XML accessors Athena has no values for. Kept apart so the reading code in
 * {@link AbstractTextResultSet} is not buried under refusals.
 */
public abstract class ReadOnlyResultSetSupport implements ResultSet {

    /** Throws the "closed" SQLException when the result set is closed. */
    protected abstract void checkOpen() throws SQLException;

    /**
     * The refusal of an update method, or the "closed" SQLException (55000) on a closed result set: the caller's
     * use of a closed object is no missing feature, and 0A000 would make a pool evict the connection.
     */
    private SQLFeatureNotSupportedException readOnly() throws SQLException {
        checkOpen();
        return SqlExceptions.notSupported(
                "Athena result sets are read-only (CONCUR_READ_ONLY): run an INSERT or UPDATE statement instead");
    }

    /**
     * The refusal of a scrolling method, or the "closed" SQLException on a closed result set. JDBC has these methods
     * throw a plain SQLException when the result set is TYPE_FORWARD_ONLY: the cursor's type is at fault, not a
     * missing feature, so the state is 24000 (invalid cursor state) rather than 0A000, on which pools such as
     * HikariCP evict the connection.
     */
    private SQLException forwardOnly() throws SQLException {
        checkOpen();
        return new SQLException("Athena result sets are forward-only (TYPE_FORWARD_ONLY): read rows in order with next()",
                SqlState.INVALID_CURSOR_STATE);
    }

    /** Every value Athena returns is text with a type name, so getString and getObject read all of them. */
    protected static SQLFeatureNotSupportedException notSupported(String method) {
        return SqlExceptions.methodNotSupported(method, "use getString or getObject");
    }

    @Override
    public final String getCursorName() throws SQLException {
        checkOpen();
        throw notSupported("getCursorName");
    }

    @Override
    public final void updateNull(int columnIndex) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBoolean(int columnIndex, boolean x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateByte(int columnIndex, byte x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateShort(int columnIndex, short x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateInt(int columnIndex, int x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateLong(int columnIndex, long x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateFloat(int columnIndex, float x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateDouble(int columnIndex, double x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBigDecimal(int columnIndex, BigDecimal x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateString(int columnIndex, String x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBytes(int columnIndex, byte[] x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateDate(int columnIndex, Date x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateTime(int columnIndex, Time x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateTimestamp(int columnIndex, Timestamp x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateAsciiStream(int columnIndex, InputStream x, int length) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBinaryStream(int columnIndex, InputStream x, int length) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateCharacterStream(int columnIndex, Reader x, int length) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateObject(int columnIndex, Object x, int scaleOrLength) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateObject(int columnIndex, Object x) throws SQLException {
        throw readOnly();
    }

    // The JDBC 4.2 updateObject(..., SQLType) methods: the JDK's default bodies refuse without a SQLState, even on
    // a closed result set.

    @Override
    public final void updateObject(int columnIndex, Object x, SQLType targetSqlType) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateObject(int columnIndex, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateObject(String columnLabel, Object x, SQLType targetSqlType) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateObject(String columnLabel, Object x, SQLType targetSqlType, int scaleOrLength)
            throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateRef(int columnIndex, Ref x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBlob(int columnIndex, Blob x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateClob(int columnIndex, Clob x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateArray(int columnIndex, Array x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateRowId(int columnIndex, RowId x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateNString(int columnIndex, String x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateNClob(int columnIndex, NClob x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateSQLXML(int columnIndex, SQLXML x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateNCharacterStream(int columnIndex, Reader x, long length) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateAsciiStream(int columnIndex, InputStream x, long length) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBinaryStream(int columnIndex, InputStream x, long length) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateCharacterStream(int columnIndex, Reader x, long length) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBlob(int columnIndex, InputStream x, long length) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateClob(int columnIndex, Reader x, long length) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateNClob(int columnIndex, Reader x, long length) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateNCharacterStream(int columnIndex, Reader x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateAsciiStream(int columnIndex, InputStream x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBinaryStream(int columnIndex, InputStream x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateCharacterStream(int columnIndex, Reader x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBlob(int columnIndex, InputStream x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateClob(int columnIndex, Reader x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateNClob(int columnIndex, Reader x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateNull(String columnLabel) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBoolean(String columnLabel, boolean x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateByte(String columnLabel, byte x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateShort(String columnLabel, short x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateInt(String columnLabel, int x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateLong(String columnLabel, long x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateFloat(String columnLabel, float x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateDouble(String columnLabel, double x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBigDecimal(String columnLabel, BigDecimal x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateString(String columnLabel, String x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBytes(String columnLabel, byte[] x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateDate(String columnLabel, Date x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateTime(String columnLabel, Time x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateTimestamp(String columnLabel, Timestamp x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateAsciiStream(String columnLabel, InputStream x, int length) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBinaryStream(String columnLabel, InputStream x, int length) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateCharacterStream(String columnLabel, Reader x, int length) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateObject(String columnLabel, Object x, int scaleOrLength) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateObject(String columnLabel, Object x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateRef(String columnLabel, Ref x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBlob(String columnLabel, Blob x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateClob(String columnLabel, Clob x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateArray(String columnLabel, Array x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateRowId(String columnLabel, RowId x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateNString(String columnLabel, String x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateNClob(String columnLabel, NClob x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateSQLXML(String columnLabel, SQLXML x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateNCharacterStream(String columnLabel, Reader x, long length) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateAsciiStream(String columnLabel, InputStream x, long length) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBinaryStream(String columnLabel, InputStream x, long length) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateCharacterStream(String columnLabel, Reader x, long length) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBlob(String columnLabel, InputStream x, long length) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateClob(String columnLabel, Reader x, long length) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateNClob(String columnLabel, Reader x, long length) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateNCharacterStream(String columnLabel, Reader x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateAsciiStream(String columnLabel, InputStream x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBinaryStream(String columnLabel, InputStream x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateCharacterStream(String columnLabel, Reader x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBlob(String columnLabel, InputStream x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateClob(String columnLabel, Reader x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateNClob(String columnLabel, Reader x) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void insertRow() throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateRow() throws SQLException {
        throw readOnly();
    }

    @Override
    public final void deleteRow() throws SQLException {
        throw readOnly();
    }

    @Override
    public final void refreshRow() throws SQLException {
        throw readOnly();
    }

    @Override
    public final void cancelRowUpdates() throws SQLException {
        throw readOnly();
    }

    @Override
    public final void moveToInsertRow() throws SQLException {
        throw readOnly();
    }

    @Override
    public final void moveToCurrentRow() throws SQLException {
        throw readOnly();
    }

    @Override
    public final boolean rowUpdated() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public final boolean rowInserted() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public final boolean rowDeleted() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public final void beforeFirst() throws SQLException {
        throw forwardOnly();
    }

    @Override
    public final void afterLast() throws SQLException {
        throw forwardOnly();
    }

    @Override
    public final boolean first() throws SQLException {
        throw forwardOnly();
    }

    @Override
    public final boolean last() throws SQLException {
        throw forwardOnly();
    }

    @Override
    public final boolean absolute(int row) throws SQLException {
        throw forwardOnly();
    }

    @Override
    public final boolean relative(int rows) throws SQLException {
        throw forwardOnly();
    }

    @Override
    public final boolean previous() throws SQLException {
        throw forwardOnly();
    }

    @Override
    public final Ref getRef(int columnIndex) throws SQLException {
        checkOpen();
        throw notSupported("getRef");
    }

    @Override
    public final Blob getBlob(int columnIndex) throws SQLException {
        checkOpen();
        throw notSupported("getBlob");
    }

    @Override
    public final Clob getClob(int columnIndex) throws SQLException {
        checkOpen();
        throw notSupported("getClob");
    }

    @Override
    public final URL getURL(int columnIndex) throws SQLException {
        checkOpen();
        throw notSupported("getURL");
    }

    @Override
    public final RowId getRowId(int columnIndex) throws SQLException {
        checkOpen();
        throw notSupported("getRowId");
    }

    @Override
    public final NClob getNClob(int columnIndex) throws SQLException {
        checkOpen();
        throw notSupported("getNClob");
    }

    @Override
    public final SQLXML getSQLXML(int columnIndex) throws SQLException {
        checkOpen();
        throw notSupported("getSQLXML");
    }

    @Override
    public final Ref getRef(String columnLabel) throws SQLException {
        checkOpen();
        throw notSupported("getRef");
    }

    @Override
    public final Blob getBlob(String columnLabel) throws SQLException {
        checkOpen();
        throw notSupported("getBlob");
    }

    @Override
    public final Clob getClob(String columnLabel) throws SQLException {
        checkOpen();
        throw notSupported("getClob");
    }

    @Override
    public final URL getURL(String columnLabel) throws SQLException {
        checkOpen();
        throw notSupported("getURL");
    }

    @Override
    public final RowId getRowId(String columnLabel) throws SQLException {
        checkOpen();
        throw notSupported("getRowId");
    }

    @Override
    public final NClob getNClob(String columnLabel) throws SQLException {
        checkOpen();
        throw notSupported("getNClob");
    }

    @Override
    public final SQLXML getSQLXML(String columnLabel) throws SQLException {
        checkOpen();
        throw notSupported("getSQLXML");
    }
}
