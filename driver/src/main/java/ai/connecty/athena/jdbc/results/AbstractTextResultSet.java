package ai.connecty.athena.jdbc.results;

import ai.connecty.athena.jdbc.errors.SqlState;
import ai.connecty.athena.jdbc.types.ColumnConverter;
import ai.connecty.athena.jdbc.types.Decimals;
import ai.connecty.athena.jdbc.types.TextSlice;
import ai.connecty.athena.jdbc.types.TypeConversions;
import ai.connecty.athena.jdbc.types.TypeSignature;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * A forward-only cursor over rows of Athena text values ({@code VarCharValue}s, null for SQL NULL), typed by
 * {@link ColumnSpec}. All getters and conversions live here so that query results and metadata results
 * behave the same; subclasses only say where the next row comes from.
 */
public abstract class AbstractTextResultSet extends ReadOnlyResultSetSupport {
    private final Statement statement;
    private final List<ColumnSpec> columns;
    private final TypeSignature[] types;
    private final Map<String, Integer> indexByLabel;
    /** Per column, resolved once: the typed getters of every row call these. */
    private final ColumnConverter[] converters;
    private final RowReader rowReader;
    /**
     * The JVM's zone as the result set opened, which getters without a Calendar place dates and times in. Asked
     * once: ZoneId.systemDefault() clones the default TimeZone on every call, a cost a million getDate calls feel.
     */
    private final ZoneId defaultZone = ZoneId.systemDefault();

    private TextRow current;
    /** How many values {@link #current} has, asked once per row rather than by every getter. */
    private int currentSize;
    private TextRow lookahead;
    private boolean lookaheadLoaded;
    private long row;
    private boolean exhausted;
    private boolean wasNull;
    private final AtomicBoolean closed = new AtomicBoolean();
    private int fetchSize;
    private long maxRows;
    private int maxFieldSize;
    private ResultSetMetaData metaData;

    protected AbstractTextResultSet(Statement statement, List<ColumnSpec> columns, RowReader rowReader) {
        this.statement = statement;
        this.rowReader = rowReader;
        this.columns = Collections.unmodifiableList(new ArrayList<>(columns));
        this.types = new TypeSignature[columns.size()];
        this.converters = new ColumnConverter[columns.size()];
        Map<String, Integer> byLabel = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            types[i] = columns.get(i).type();
            converters[i] = TypeConversions.get().converter(columns.get(i).label(), types[i]);
            byLabel.putIfAbsent(columns.get(i).label().toLowerCase(Locale.ROOT), i + 1);
        }
        this.indexByLabel = byLabel;
    }

    /** Frees what the subclass holds; called once, by the first {@link #close()}. */
    protected void release() throws SQLException {
    }

    /** Stops the cursor after this many rows (Statement.setMaxRows); 0 means no limit. */
    protected final void limitRows(long limit) {
        this.maxRows = limit;
    }

    /**
     * Statement.setMaxFieldSize: character and binary values are cut to this many characters or bytes, as
     * JDBC specifies; 0 means no limit.
     */
    protected final void limitFieldSize(int limit) {
        this.maxFieldSize = limit;
    }

    /** The fetch size the result set starts with: its statement's, as JDBC has getFetchSize report. */
    protected final void startingFetchSize(int rows) {
        this.fetchSize = rows;
    }

    @Override
    protected final void checkOpen() throws SQLException {
        if (closed.get()) {
            throw new SQLException("The result set is closed", SqlState.OBJECT_NOT_IN_STATE);
        }
    }

    // ---- cursor ----------------------------------------------------------------------------------------

    @Override
    public boolean next() throws SQLException {
        checkOpen();
        TextRow nextRow = maxRows > 0 && row >= maxRows ? null : takeNextRow();
        current = nextRow;
        currentSize = nextRow == null ? 0 : nextRow.size();
        wasNull = false;
        if (nextRow == null) {
            exhausted = true;
            return false;
        }
        row++;
        return true;
    }

    private TextRow takeNextRow() throws SQLException {
        if (lookaheadLoaded) {
            lookaheadLoaded = false;
            TextRow taken = lookahead;
            lookahead = null;
            return taken;
        }
        return exhausted ? null : rowReader.next();
    }

    private boolean hasNextRow() throws SQLException {
        if (exhausted || (maxRows > 0 && row >= maxRows)) {
            return false;
        }
        if (!lookaheadLoaded) {
            lookahead = rowReader.next();
            lookaheadLoaded = true;
        }
        return lookahead != null;
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        checkOpen();
        return row == 0 && hasNextRow();
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        checkOpen();
        return exhausted && current == null && row > 0;
    }

    @Override
    public boolean isFirst() throws SQLException {
        checkOpen();
        return row == 1 && current != null;
    }

    @Override
    public boolean isLast() throws SQLException {
        checkOpen();
        return current != null && !hasNextRow();
    }

    @Override
    public int getRow() throws SQLException {
        checkOpen();
        return current == null ? 0 : (int) Math.min(row, Integer.MAX_VALUE);
    }

    /**
     * Leaves the cursor (current row, row looked ahead) alone: it belongs to the reading thread, and close() may
     * come from another one (Connection.close). A getter that passed its open check then reads the row it saw,
     * and the next call fails with 55000, rather than finding the row gone and answering 24000 "after the last
     * row", or next() false, as if the data had ended.
     */
    @Override
    public void close() throws SQLException {
        // getAndSet: of two threads closing at once (the statement's close and the user's), one releases.
        if (closed.getAndSet(true)) {
            return;
        }
        release();
    }

    @Override
    public boolean isClosed() {
        return closed.get();
    }

    // ---- columns ---------------------------------------------------------------------------------------

    @Override
    public int findColumn(String columnLabel) throws SQLException {
        checkOpen();
        Integer index = columnLabel == null ? null : indexByLabel.get(columnLabel.toLowerCase(Locale.ROOT));
        if (index == null) {
            throw new SQLException("Column '" + columnLabel + "' not found; the result has: "
                    + columns.stream().map(ColumnSpec::label).collect(Collectors.joining(", ")),
                    SqlState.UNDEFINED_COLUMN);
        }
        return index;
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        if (metaData == null) {
            metaData = new AthenaResultSetMetaData(columns);
        }
        return metaData;
    }

    private String text(int columnIndex) throws SQLException {
        TextRow row = currentRow(columnIndex);
        String value = columnIndex <= currentSize ? row.text(columnIndex - 1) : null;
        wasNull = value == null;
        return value;
    }

    /** The value's bytes to parse at once (see {@link TextRow#slice}); null for SQL NULL. */
    private TextSlice slice(int columnIndex) throws SQLException {
        TextRow row = currentRow(columnIndex);
        TextSlice value = columnIndex <= currentSize ? row.slice(columnIndex - 1) : null;
        wasNull = value == null;
        return value;
    }

    private TextRow currentRow(int columnIndex) throws SQLException {
        checkOpen();
        if (columnIndex < 1 || columnIndex > converters.length) {
            ColumnSpec.at(columns, columnIndex); // refuses with 07009
        }
        if (current == null) {
            throw new SQLException(row == 0 ? "No current row: call next() first" : "No current row: the cursor is after the last row",
                    SqlState.INVALID_CURSOR_STATE);
        }
        return current;
    }

    private <T> T value(int columnIndex, Class<T> target, ZoneId zone) throws SQLException {
        T value;
        if (columnIndex >= 1 && columnIndex <= converters.length && converters[columnIndex - 1].readsObject(target)) {
            TextSlice text = slice(columnIndex);
            value = text == null ? null : target.cast(converters[columnIndex - 1].toObject(text, target, zone));
        } else {
            String text = text(columnIndex);
            value = text == null ? null : converters[columnIndex - 1].convert(text, target, zone);
        }
        return value != null && maxFieldSize > 0 ? cut(columnIndex, value) : value;
    }

    /** A character or binary value cut to the statement's max field size. */
    @SuppressWarnings("unchecked")
    private <T> T cut(int columnIndex, T value) {
        boolean character = types[columnIndex - 1].kind() == ai.connecty.athena.jdbc.types.AthenaType.VARCHAR
                || types[columnIndex - 1].kind() == ai.connecty.athena.jdbc.types.AthenaType.CHAR;
        if (character && value instanceof String && ((String) value).length() > maxFieldSize) {
            return (T) ((String) value).substring(0, maxFieldSize);
        }
        if (types[columnIndex - 1].kind() == ai.connecty.athena.jdbc.types.AthenaType.VARBINARY
                && value instanceof byte[] && ((byte[]) value).length > maxFieldSize) {
            return (T) java.util.Arrays.copyOf((byte[]) value, maxFieldSize);
        }
        return value;
    }

    private <T> T value(int columnIndex, Class<T> target) throws SQLException {
        return value(columnIndex, target, defaultZone);
    }

    /** For the getters of primitives, which JDBC has read SQL NULL as 0 or false. */
    private <T> T valueOr(int columnIndex, Class<T> target, T ifNull) throws SQLException {
        T value = value(columnIndex, target);
        return value == null ? ifNull : value;
    }

    /** The value getString answers, encoded: so a character value is cut to the max field size here too. */
    private InputStream encoded(int columnIndex, Charset charset) throws SQLException {
        String text = getString(columnIndex);
        return text == null ? null : new ByteArrayInputStream(text.getBytes(charset));
    }

    private ZoneId zoneOf(Calendar calendar) {
        return calendar == null ? defaultZone : calendar.getTimeZone().toZoneId();
    }

    @Override
    public boolean wasNull() throws SQLException {
        checkOpen();
        return wasNull;
    }

    // ---- getters by index ------------------------------------------------------------------------------

    @Override
    public String getString(int columnIndex) throws SQLException {
        String text = text(columnIndex);
        return maxFieldSize > 0 && text != null ? cut(columnIndex, text) : text;
    }

    @Override
    public String getNString(int columnIndex) throws SQLException {
        return getString(columnIndex);
    }

    @Override
    public boolean getBoolean(int columnIndex) throws SQLException {
        return valueOr(columnIndex, Boolean.class, false);
    }

    @Override
    public byte getByte(int columnIndex) throws SQLException {
        return (byte) integer(columnIndex, Byte.MIN_VALUE, Byte.MAX_VALUE, Byte.class);
    }

    @Override
    public short getShort(int columnIndex) throws SQLException {
        return (short) integer(columnIndex, Short.MIN_VALUE, Short.MAX_VALUE, Short.class);
    }

    @Override
    public int getInt(int columnIndex) throws SQLException {
        return (int) integer(columnIndex, Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.class);
    }

    @Override
    public long getLong(int columnIndex) throws SQLException {
        return integer(columnIndex, Long.MIN_VALUE, Long.MAX_VALUE, Long.class);
    }

    /** The integer getters without boxing: SQL NULL reads as 0, as JDBC has it. */
    private long integer(int columnIndex, long min, long max, Class<? extends Number> target) throws SQLException {
        TextSlice text = slice(columnIndex);
        return text == null ? 0 : converters[columnIndex - 1].toLong(text, min, max, target);
    }

    @Override
    public float getFloat(int columnIndex) throws SQLException {
        TextSlice text = slice(columnIndex);
        return text == null ? 0f : converters[columnIndex - 1].toFloat(text);
    }

    @Override
    public double getDouble(int columnIndex) throws SQLException {
        TextSlice text = slice(columnIndex);
        return text == null ? 0d : converters[columnIndex - 1].toDouble(text);
    }

    @Override
    public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
        return value(columnIndex, BigDecimal.class);
    }

    /** @deprecated kept for JDBC; rounds half-up to {@code scale} digits. */
    @Override
    @Deprecated
    public BigDecimal getBigDecimal(int columnIndex, int scale) throws SQLException {
        BigDecimal value = value(columnIndex, BigDecimal.class);
        if (value == null) {
            return null;
        }
        if (Decimals.magnitude(value) + scale > MAX_ROUNDED_DIGITS) {
            throw new java.sql.SQLDataException("Cannot read column '" + columns.get(columnIndex - 1).label() + "' as a "
                    + "BigDecimal of scale " + scale + ": it would have more than " + MAX_ROUNDED_DIGITS + " digits; use "
                    + "getBigDecimal(i) or getString", SqlState.NUMERIC_VALUE_OUT_OF_RANGE);
        }
        return Decimals.rescale(value, scale);
    }

    /** Far beyond any Athena number (decimal 38 digits, double 309): getBigDecimal(i, scale) refuses more. */
    private static final int MAX_ROUNDED_DIGITS = 10_000;

    @Override
    public byte[] getBytes(int columnIndex) throws SQLException {
        return value(columnIndex, byte[].class);
    }

    @Override
    public Date getDate(int columnIndex) throws SQLException {
        return getDate(columnIndex, (Calendar) null);
    }

    @Override
    public Date getDate(int columnIndex, Calendar cal) throws SQLException {
        TextSlice text = slice(columnIndex);
        return text == null ? null : converters[columnIndex - 1].toDate(text, zoneOf(cal));
    }

    @Override
    public Time getTime(int columnIndex) throws SQLException {
        return value(columnIndex, Time.class);
    }

    @Override
    public Time getTime(int columnIndex, Calendar cal) throws SQLException {
        return value(columnIndex, Time.class, zoneOf(cal));
    }

    @Override
    public Timestamp getTimestamp(int columnIndex) throws SQLException {
        return getTimestamp(columnIndex, (Calendar) null);
    }

    @Override
    public Timestamp getTimestamp(int columnIndex, Calendar cal) throws SQLException {
        TextSlice text = slice(columnIndex);
        return text == null ? null : converters[columnIndex - 1].toTimestamp(text, zoneOf(cal));
    }

    @Override
    public InputStream getAsciiStream(int columnIndex) throws SQLException {
        return encoded(columnIndex, StandardCharsets.US_ASCII);
    }

    /** @deprecated JDBC 1 relic; use getCharacterStream. */
    @Override
    @Deprecated
    public InputStream getUnicodeStream(int columnIndex) throws SQLException {
        return encoded(columnIndex, StandardCharsets.UTF_16BE);
    }

    @Override
    public InputStream getBinaryStream(int columnIndex) throws SQLException {
        byte[] bytes = getBytes(columnIndex);
        return bytes == null ? null : new ByteArrayInputStream(bytes);
    }

    @Override
    public Reader getCharacterStream(int columnIndex) throws SQLException {
        String text = getString(columnIndex);
        return text == null ? null : new StringReader(text);
    }

    @Override
    public Reader getNCharacterStream(int columnIndex) throws SQLException {
        return getCharacterStream(columnIndex);
    }

    /** The default class of the column's type (JDBC 4.2 Table B-3): see {@link TypeSignature#javaClass()}. */
    @Override
    public Object getObject(int columnIndex) throws SQLException {
        return value(columnIndex, Object.class);
    }

    /**
     * An array column parsed from Athena's text ({@code [1, 2]}), or a json column holding a JSON array (the
     * exact path for elements whose text is ambiguous: {@code CAST(x AS JSON)}).
     */
    @Override
    public java.sql.Array getArray(int columnIndex) throws SQLException {
        return value(columnIndex, java.sql.Array.class);
    }

    @Override
    public java.sql.Array getArray(String columnLabel) throws SQLException {
        return getArray(findColumn(columnLabel));
    }

    /**
     * The standard mapping whatever the map holds: a type map maps user-defined types (SQL structured and distinct
     * types), and Athena has none (its rows are anonymous), so no entry can apply; JDBC has a type the map does not
     * name read with the standard mapping.
     */
    @Override
    public Object getObject(int columnIndex, Map<String, Class<?>> map) throws SQLException {
        return getObject(columnIndex);
    }

    @Override
    public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
        if (type == null) {
            checkOpen();
            throw new SQLException("getObject(" + columnIndex + ", type): type must not be null", SqlState.INVALID_PARAMETER_VALUE);
        }
        return value(columnIndex, type);
    }

    // ---- getters by label ------------------------------------------------------------------------------

    @Override
    public String getString(String columnLabel) throws SQLException {
        return getString(findColumn(columnLabel));
    }

    @Override
    public String getNString(String columnLabel) throws SQLException {
        return getNString(findColumn(columnLabel));
    }

    @Override
    public boolean getBoolean(String columnLabel) throws SQLException {
        return getBoolean(findColumn(columnLabel));
    }

    @Override
    public byte getByte(String columnLabel) throws SQLException {
        return getByte(findColumn(columnLabel));
    }

    @Override
    public short getShort(String columnLabel) throws SQLException {
        return getShort(findColumn(columnLabel));
    }

    @Override
    public int getInt(String columnLabel) throws SQLException {
        return getInt(findColumn(columnLabel));
    }

    @Override
    public long getLong(String columnLabel) throws SQLException {
        return getLong(findColumn(columnLabel));
    }

    @Override
    public float getFloat(String columnLabel) throws SQLException {
        return getFloat(findColumn(columnLabel));
    }

    @Override
    public double getDouble(String columnLabel) throws SQLException {
        return getDouble(findColumn(columnLabel));
    }

    @Override
    public BigDecimal getBigDecimal(String columnLabel) throws SQLException {
        return getBigDecimal(findColumn(columnLabel));
    }

    /** @deprecated kept for JDBC; rounds half-up to {@code scale} digits. */
    @Override
    @Deprecated
    public BigDecimal getBigDecimal(String columnLabel, int scale) throws SQLException {
        return getBigDecimal(findColumn(columnLabel), scale);
    }

    @Override
    public byte[] getBytes(String columnLabel) throws SQLException {
        return getBytes(findColumn(columnLabel));
    }

    @Override
    public Date getDate(String columnLabel) throws SQLException {
        return getDate(findColumn(columnLabel));
    }

    @Override
    public Date getDate(String columnLabel, Calendar cal) throws SQLException {
        return getDate(findColumn(columnLabel), cal);
    }

    @Override
    public Time getTime(String columnLabel) throws SQLException {
        return getTime(findColumn(columnLabel));
    }

    @Override
    public Time getTime(String columnLabel, Calendar cal) throws SQLException {
        return getTime(findColumn(columnLabel), cal);
    }

    @Override
    public Timestamp getTimestamp(String columnLabel) throws SQLException {
        return getTimestamp(findColumn(columnLabel));
    }

    @Override
    public Timestamp getTimestamp(String columnLabel, Calendar cal) throws SQLException {
        return getTimestamp(findColumn(columnLabel), cal);
    }

    @Override
    public InputStream getAsciiStream(String columnLabel) throws SQLException {
        return getAsciiStream(findColumn(columnLabel));
    }

    /** @deprecated JDBC 1 relic; use getCharacterStream. */
    @Override
    @Deprecated
    public InputStream getUnicodeStream(String columnLabel) throws SQLException {
        return getUnicodeStream(findColumn(columnLabel));
    }

    @Override
    public InputStream getBinaryStream(String columnLabel) throws SQLException {
        return getBinaryStream(findColumn(columnLabel));
    }

    @Override
    public Reader getCharacterStream(String columnLabel) throws SQLException {
        return getCharacterStream(findColumn(columnLabel));
    }

    @Override
    public Reader getNCharacterStream(String columnLabel) throws SQLException {
        return getNCharacterStream(findColumn(columnLabel));
    }

    @Override
    public Object getObject(String columnLabel) throws SQLException {
        return getObject(findColumn(columnLabel));
    }

    @Override
    public Object getObject(String columnLabel, Map<String, Class<?>> map) throws SQLException {
        return getObject(findColumn(columnLabel), map);
    }

    @Override
    public <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
        return getObject(findColumn(columnLabel), type);
    }

    // ---- cursor properties -----------------------------------------------------------------------------

    @Override
    public Statement getStatement() throws SQLException {
        checkOpen();
        return statement;
    }

    @Override
    public int getType() throws SQLException {
        checkOpen();
        return ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public int getConcurrency() throws SQLException {
        checkOpen();
        return ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        // A query's result set holds what its statement was created with; a metadata result set has no statement.
        return statement == null ? ResultSet.HOLD_CURSORS_OVER_COMMIT : statement.getResultSetHoldability();
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        FetchHints.checkDirection(direction);
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        return ResultSet.FETCH_FORWARD;
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        fetchSize = FetchHints.checkSize(rows);
    }

    @Override
    public int getFetchSize() throws SQLException {
        checkOpen();
        return fetchSize;
    }

    /** Always none: Athena sends no warnings with result pages, and reading rows has nothing to warn about. */
    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface != null && iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("This result set does not implement " + iface, SqlState.GENERAL_ERROR);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface != null && iface.isInstance(this);
    }
}
