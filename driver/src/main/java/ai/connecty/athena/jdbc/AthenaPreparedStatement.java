package ai.connecty.athena.jdbc;

import ai.connecty.athena.jdbc.errors.SqlExceptions;
import ai.connecty.athena.jdbc.errors.SqlState;
import ai.connecty.athena.jdbc.execution.QueryRequest;
import ai.connecty.athena.jdbc.parameters.AthenaParameterMetaData;
import ai.connecty.athena.jdbc.parameters.BatchedInsert;
import ai.connecty.athena.jdbc.parameters.JdbcEscapes;
import ai.connecty.athena.jdbc.parameters.Literals;
import ai.connecty.athena.jdbc.parameters.ParameterValue;
import ai.connecty.athena.jdbc.parameters.SqlText;
import ai.connecty.athena.jdbc.types.WellFormedText;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.Optional;

/**
 * A statement with {@code ?} placeholders, counted as Athena counts them (not inside literals, quoted
 * identifiers or comments). Each value is rendered as a complete Athena literal ({@link Literals}). For
 * queries and DML the literals go to Athena as {@code ExecutionParameters}, never into the text; for DDL and
 * utility statements, which Athena does not bind, they are rendered into the text (Trino escaping; in Hive DDL
 * a string with {@code '}, {@code \} or NUL is refused, see {@link ParameterValue#hiveLiteral}). A parameter
 * not set is 07001 before any call.
 *
 * <p>A thin layer over {@link AthenaStatement}: every execution goes through its one execute path.
 */
public final class AthenaPreparedStatement extends AthenaStatement implements PreparedStatement {
    /** Athena's limit on one ExecutionParameters element (its quotes and type keyword included), in characters. */
    static final int MAX_EXECUTION_PARAMETER_CHARS = 1024;
    /** The length the stream setters without one pass: read the stream to its end. */
    private static final long TO_THE_END = Long.MIN_VALUE;

    private final SqlText sql;
    /** The statement as a rewritable single-row INSERT; empty for any other (see RewriteBatchedInserts). */
    private final Optional<BatchedInsert> batchedInsert;
    private final ParameterValue[] values;
    private final List<ParameterValue[]> batch = new ArrayList<>();
    private ResultSetMetaData describedColumns;
    /**
     * The statement getMetaData runs its LIMIT 0 query on while it runs, so that cancel() and close() of this
     * statement reach that query as they reach this statement's own (a tool cancelling while it describes).
     */
    private volatile AthenaStatement describing;

    AthenaPreparedStatement(AthenaConnection connection, String sql, int holdability) throws SQLException {
        super(connection, holdability);
        if (sql == null || sql.trim().isEmpty()) {
            throw new SQLException("The SQL text is empty: pass the statement to prepare", SqlState.INVALID_PARAMETER_VALUE);
        }
        // Escapes are translated once, at prepare time, as JDBC specifies for prepared statements.
        this.sql = SqlText.of(JdbcEscapes.translate(sql));
        this.values = new ParameterValue[this.sql.parameterCount()];
        this.batchedInsert = BatchedInsert.of(this.sql.sql());
    }

    // ---- execution -------------------------------------------------------------------------------------

    @Override
    public boolean execute() throws SQLException {
        checkOpen();
        return executeRequest(() -> boundRequest(values));
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        if (!execute()) {
            throw new SQLException("The statement produced no result set (update count " + getLargeUpdateCount()
                    + "); use execute or executeUpdate for statements without rows", SqlState.GENERAL_ERROR);
        }
        return executedResultSet();
    }

    @Override
    public int executeUpdate() throws SQLException {
        long count = executeLargeUpdate();
        return count > Integer.MAX_VALUE ? SUCCESS_NO_INFO : (int) count;
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        if (execute()) {
            closeResultSet();
            throw new SQLException("The statement produced a result set; use executeQuery or execute for queries with rows",
                    SqlState.GENERAL_ERROR);
        }
        return getLargeUpdateCount();
    }

    /** The request with these values: as ExecutionParameters, or rendered into the text where Athena takes none. */
    private QueryRequest boundRequest(ParameterValue[] bound) throws SQLException {
        for (int i = 0; i < bound.length; i++) {
            if (bound[i] == null) {
                throw new SQLException("Parameter " + (i + 1) + " of " + bound.length + " is not set: set every ? "
                        + "before executing (setNull for NULL)", SqlState.WRONG_NUMBER_OF_PARAMETERS);
            }
        }
        if (bound.length == 0) {
            return request(sql.sql());
        }
        if (sql.takesExecutionParameters()) {
            return request(sql.sql()).withExecutionParameters(executionParameters(bound));
        }
        return request(renderedText(bound));
    }

    /** The values' literals as ExecutionParameters elements, each within Athena's limit on one. */
    private static List<String> executionParameters(ParameterValue[] bound) throws SQLException {
        List<String> literals = new ArrayList<>(bound.length);
        for (int i = 0; i < bound.length; i++) {
            String literal = bound[i].literal();
            int length = literal.codePointCount(0, literal.length());
            if (length > MAX_EXECUTION_PARAMETER_CHARS) {
                // Refused here rather than by Athena's validation after the SDK's retries, with what to do.
                throw new SQLException("Parameter " + (i + 1) + " is a literal of " + length + " characters; Athena takes"
                        + " at most " + MAX_EXECUTION_PARAMETER_CHARS + " per execution parameter. Load long values"
                        + " from a table or S3, or split them; nothing was sent to Athena", SqlState.PROGRAM_LIMIT_EXCEEDED);
            }
            literals.add(literal);
        }
        return literals;
    }

    /** The text with each placeholder replaced by its literal, for statements Athena binds no parameters to. */
    private String renderedText(ParameterValue[] bound) throws SQLException {
        boolean hive = sql.isHiveStatement();
        StringBuilder text = new StringBuilder();
        int from = 0;
        List<Integer> positions = sql.placeholders();
        for (int i = 0; i < positions.size(); i++) {
            String literal = hive ? bound[i].hiveLiteral(i + 1) : bound[i].literal();
            if (literal.indexOf('\0') >= 0) {
                throw new SQLException("Parameter " + (i + 1) + " contains a NUL character, which this statement "
                        + "cannot carry in its text (Athena binds no parameters to DDL or utility statements)",
                        SqlState.INVALID_PARAMETER_VALUE);
            }
            text.append(sql.sql(), from, positions.get(i));
            // A negative number right after a minus (x -?) would make "--", which starts a comment.
            if (literal.startsWith("-") && text.length() > 0 && text.charAt(text.length() - 1) == '-') {
                text.append(' ');
            }
            text.append(literal);
            from = positions.get(i) + 1;
        }
        return text.append(sql.sql().substring(from)).toString();
    }

    // ---- batches ---------------------------------------------------------------------------------------

    @Override
    public void addBatch() throws SQLException {
        checkOpen();
        batch.add(values.clone());
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batch.clear();
    }

    /**
     * Runs the statement once per added set of values, in order; see {@link AthenaStatement#runBatch}. A single-row
     * INSERT ... VALUES runs as multi-row INSERTs instead under RewriteBatchedInserts (see {@link #rewrittenBatch}).
     */
    @Override
    public long[] executeLargeBatch() throws SQLException {
        checkOpen();
        return inOneCall(this::runBatch);
    }

    private long[] runBatch() throws SQLException {
        List<ParameterValue[]> items = new ArrayList<>(batch);
        batch.clear();
        // Every item's values are checked before the first runs: a missing one must not leave half a batch done.
        for (int item = 0; item < items.size(); item++) {
            ParameterValue[] bound = items.get(item);
            for (int i = 0; i < bound.length; i++) {
                if (bound[i] == null) {
                    throw new SQLException("Batch item " + (item + 1) + " of " + items.size() + ": parameter " + (i + 1)
                            + " of " + bound.length + " is not set; nothing in the batch was run",
                            SqlState.WRONG_NUMBER_OF_PARAMETERS);
                }
            }
        }
        if (batchedInsert.isPresent() && athenaConnection().rewritesBatchedInserts()) {
            return rewrittenBatch(batchedInsert.get(), items);
        }
        return runBatch(items.size(), index -> executeRequest(() -> boundRequest(items.get(index))));
    }

    /**
     * The batch as few multi-row INSERTs as Athena's limits allow ({@link BatchedInsert}), one after the other, the
     * query timeout applying to each. Every item's literals are made, and checked against Athena's limit on one
     * execution parameter, before the first statement is sent; see {@link AthenaStatement#runInsertChunks}.
     */
    private long[] rewrittenBatch(BatchedInsert insert, List<ParameterValue[]> items) throws SQLException {
        List<List<String>> literals = new ArrayList<>(items.size());
        for (int item = 0; item < items.size(); item++) {
            try {
                literals.add(executionParameters(items.get(item)));
            } catch (SQLException e) {
                throw new SQLException("Batch item " + (item + 1) + " of " + items.size() + ": " + e.getMessage()
                        + "; nothing in the batch was run", e.getSQLState(), e.getErrorCode(), e);
            }
        }
        List<BatchedInsert.Chunk> chunks = insert.chunks(literals);
        return runInsertChunks(items.size(), chunks, chunk -> executeRequest(() -> {
            QueryRequest request = request(chunk.text());
            return chunk.parameters().isEmpty() ? request : request.withExecutionParameters(chunk.parameters());
        }));
    }

    // ---- the Statement methods that take SQL do not apply (JDBC requires an exception) -------------------

    private SQLException takesNoSql(String method) throws SQLException {
        checkOpen();
        return new SQLException(method + "(String sql) cannot be called on a PreparedStatement: it runs the SQL it "
                + "was prepared with; call " + method + "() or use createStatement()", SqlState.GENERAL_ERROR);
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        throw takesNoSql("execute");
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        throw takesNoSql("executeQuery");
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        throw takesNoSql("executeUpdate");
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        throw takesNoSql("executeLargeUpdate");
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        throw takesNoSql("execute");
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException {
        throw takesNoSql("execute");
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        throw takesNoSql("execute");
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        throw takesNoSql("executeUpdate");
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
        throw takesNoSql("executeUpdate");
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        throw takesNoSql("executeUpdate");
    }

    @Override
    public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        throw takesNoSql("executeLargeUpdate");
    }

    @Override
    public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
        throw takesNoSql("executeLargeUpdate");
    }

    @Override
    public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
        throw takesNoSql("executeLargeUpdate");
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        throw takesNoSql("addBatch");
    }

    // ---- metadata --------------------------------------------------------------------------------------

    /**
     * The columns a query will return. After an execution, those of its result; before, Athena cannot
     * describe a statement without running it, so the driver runs the query once wrapped as
     * {@code SELECT * FROM (<query>) LIMIT 0} (parameters not yet set bound as NULL): no rows are read, but it
     * is one Athena query (billed at Athena's minimum). The answer is kept for this statement. Null for
     * statements that are not queries (INSERT, DDL), which have no result columns to describe.
     */
    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        ResultSet current = getResultSet();
        if (current != null) {
            return current.getMetaData();
        }
        if (describedColumns != null || !sql.isQuery()) {
            return describedColumns;
        }
        // One call for cancel(), from here: a cancel() before the describing query is registered on the probe is
        // kept by this statement and read below, or reaches the probe, which keeps it for its execute (inOneCall).
        inOneCall(this::describe);
        return describedColumns;
    }

    /** Runs the describing query of {@link #getMetaData} and keeps its columns. */
    private Void describe() throws SQLException {
        ParameterValue[] probeValues = new ParameterValue[values.length];
        for (int i = 0; i < values.length; i++) {
            probeValues[i] = values[i] != null ? values[i] : Literals.nullOf(java.sql.Types.NULL);
        }
        List<String> literals = new ArrayList<>();
        for (ParameterValue value : probeValues) {
            literals.add(value.literal());
        }
        // A statement may end with ';' (Athena takes one): inside the parentheses it would end the outer statement.
        String wrapped = "SELECT * FROM (\n" + sql.withoutTerminator() + "\n) LIMIT 0";
        try (AthenaStatement probe = (AthenaStatement) athenaConnection().createStatement()) {
            // This statement's query timeout bounds the describing query too: it is a query the caller waits for.
            probe.setQueryTimeout(getQueryTimeout());
            // The probe is in a call of its own before cancel() can see it: a cancel() that reaches it before its
            // execute is registered is kept for that execute, which then sends nothing.
            return probe.inOneCall(() -> {
                describing = probe;
                try {
                    // A close() that came before the probe was visible to it must not let the query start; a cancel()
                    // that came before it was visible is this statement's to read (cancel() writes its mark, then
                    // reads describing; this wrote describing, then reads the mark: one of the two sees the other).
                    checkOpen();
                    if (callCancelled()) {
                        throw new SQLException("getMetaData was cancelled by Statement.cancel() before its describing "
                                + "query was sent", SqlState.QUERY_CANCELED);
                    }
                    probe.executeRequest(() -> {
                        QueryRequest request = probe.request(wrapped);
                        return literals.isEmpty() ? request : request.withExecutionParameters(literals);
                    });
                    try (ResultSet columns = probe.getResultSet()) {
                        describedColumns = columns.getMetaData();
                    }
                    return null;
                } finally {
                    describing = null;
                }
            });
        }
    }

    /** Also cancels the query getMetaData may be running to describe the result's columns. */
    @Override
    public void cancel() throws SQLException {
        super.cancel();
        AthenaStatement probe = describing;
        if (probe != null) {
            try {
                probe.cancel();
            } catch (SQLException closedMeanwhile) {
                // The describing query ended and its statement closed as this cancel came: nothing left to cancel.
            }
        }
    }

    /** Also closes the statement of a getMetaData under way, which stops its query. */
    @Override
    void close(String by) throws SQLException {
        try {
            super.close(by);
        } finally {
            AthenaStatement probe = describing;
            if (probe != null) {
                probe.close(by);
            }
        }
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        checkOpen();
        return new AthenaParameterMetaData(values.clone());
    }

    // ---- setters ---------------------------------------------------------------------------------------

    private void set(int parameterIndex, ParameterValue value) throws SQLException {
        checkOpen();
        if (parameterIndex < 1 || parameterIndex > values.length) {
            throw new SQLException("Parameter index " + parameterIndex + " is out of range: the statement has "
                    + values.length + " parameters (? outside literals, quoted names and comments)",
                    SqlState.INVALID_DESCRIPTOR_INDEX);
        }
        values[parameterIndex - 1] = value;
    }

    private void setValue(int parameterIndex, Object value) throws SQLException {
        checkOpen();
        set(parameterIndex, Literals.of(value, parameterIndex));
    }

    @Override
    public void clearParameters() throws SQLException {
        checkOpen();
        Arrays.fill(values, null);
    }

    @Override
    public void setNull(int parameterIndex, int sqlType) throws SQLException {
        set(parameterIndex, Literals.nullOf(sqlType));
    }

    @Override
    public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
        set(parameterIndex, Literals.nullOf(sqlType, typeName, parameterIndex));
    }

    @Override
    public void setBoolean(int parameterIndex, boolean x) throws SQLException {
        setValue(parameterIndex, x);
    }

    @Override
    public void setByte(int parameterIndex, byte x) throws SQLException {
        setValue(parameterIndex, x);
    }

    @Override
    public void setShort(int parameterIndex, short x) throws SQLException {
        setValue(parameterIndex, x);
    }

    @Override
    public void setInt(int parameterIndex, int x) throws SQLException {
        setValue(parameterIndex, x);
    }

    @Override
    public void setLong(int parameterIndex, long x) throws SQLException {
        setValue(parameterIndex, x);
    }

    @Override
    public void setFloat(int parameterIndex, float x) throws SQLException {
        setValue(parameterIndex, x);
    }

    @Override
    public void setDouble(int parameterIndex, double x) throws SQLException {
        setValue(parameterIndex, x);
    }

    @Override
    public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
        setNullable(parameterIndex, x, java.sql.Types.DECIMAL);
    }

    @Override
    public void setString(int parameterIndex, String x) throws SQLException {
        setNullable(parameterIndex, x, java.sql.Types.VARCHAR);
    }

    @Override
    public void setNString(int parameterIndex, String value) throws SQLException {
        setString(parameterIndex, value);
    }

    @Override
    public void setBytes(int parameterIndex, byte[] x) throws SQLException {
        setNullable(parameterIndex, x, java.sql.Types.VARBINARY);
    }

    @Override
    public void setDate(int parameterIndex, Date x) throws SQLException {
        setNullable(parameterIndex, x, java.sql.Types.DATE);
    }

    @Override
    public void setTime(int parameterIndex, Time x) throws SQLException {
        setNullable(parameterIndex, x, java.sql.Types.TIME);
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
        setNullable(parameterIndex, x, java.sql.Types.TIMESTAMP);
    }

    /** The wall date the instant has in the calendar's zone. */
    @Override
    public void setDate(int parameterIndex, Date x, Calendar cal) throws SQLException {
        if (x == null || cal == null) {
            setDate(parameterIndex, x);
            return;
        }
        set(parameterIndex, Literals.date(x, cal));
    }

    @Override
    public void setTime(int parameterIndex, Time x, Calendar cal) throws SQLException {
        if (x == null || cal == null) {
            setTime(parameterIndex, x);
            return;
        }
        set(parameterIndex, Literals.time(x, cal));
    }

    /** The wall time the instant has in the calendar's zone, as a zone-less Athena timestamp. */
    @Override
    public void setTimestamp(int parameterIndex, Timestamp x, Calendar cal) throws SQLException {
        if (x == null || cal == null) {
            setTimestamp(parameterIndex, x);
            return;
        }
        set(parameterIndex, Literals.timestamp(x, cal));
    }

    private void setNullable(int parameterIndex, Object value, int sqlType) throws SQLException {
        if (value == null) {
            setNull(parameterIndex, sqlType);
        } else {
            setValue(parameterIndex, value);
        }
    }

    @Override
    public void setObject(int parameterIndex, Object x) throws SQLException {
        setValue(parameterIndex, x);
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
        setObject(parameterIndex, x, targetSqlType, -1);
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        checkOpen();
        set(parameterIndex, Literals.of(x, targetSqlType, scaleOrLength, parameterIndex));
    }

    @Override
    public void setObject(int parameterIndex, Object x, SQLType targetSqlType) throws SQLException {
        setObject(parameterIndex, x, targetSqlType, -1);
    }

    @Override
    public void setObject(int parameterIndex, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
        checkOpen();
        if (targetSqlType == null || targetSqlType.getVendorTypeNumber() == null) {
            throw SqlExceptions.notSupported("setObject with SQLType " + targetSqlType + ": use a java.sql.JDBCType");
        }
        setObject(parameterIndex, x, targetSqlType.getVendorTypeNumber(), scaleOrLength);
    }

    @Override
    public void setArray(int parameterIndex, Array x) throws SQLException {
        setNullable(parameterIndex, x, java.sql.Types.ARRAY);
    }

    @Override
    public void setURL(int parameterIndex, URL x) throws SQLException {
        setNullable(parameterIndex, x == null ? null : x.toString(), java.sql.Types.VARCHAR);
    }

    // Streams are read at once (an Athena literal holds the complete value): to their end, or for the length given.

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, int length) throws SQLException {
        setAsciiStream(parameterIndex, x, (long) length);
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
        byte[] bytes = readAll(parameterIndex, x, length);
        // A byte above 0x7F is no ASCII: refused (22021) rather than sent as U+FFFD.
        setString(parameterIndex, bytes == null ? null
                : WellFormedText.decode(bytes, StandardCharsets.US_ASCII, "Parameter " + parameterIndex + " (ASCII stream)"));
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
        setAsciiStream(parameterIndex, x, TO_THE_END);
    }

    /**
     * The bytes as UTF-8 text: JDBC defines this setter's stream as "Java UTF-8", unlike
     * ResultSet.getUnicodeStream, whose stream is UTF-16BE. Bytes that are no UTF-8 are refused (22021).
     */
    @Override
    @Deprecated
    public void setUnicodeStream(int parameterIndex, InputStream x, int length) throws SQLException {
        byte[] bytes = readAll(parameterIndex, x, length);
        setString(parameterIndex, bytes == null ? null
                : WellFormedText.decode(bytes, StandardCharsets.UTF_8, "Parameter " + parameterIndex + " (Unicode stream)"));
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, int length) throws SQLException {
        setBinaryStream(parameterIndex, x, (long) length);
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
        setBytes(parameterIndex, readAll(parameterIndex, x, length));
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
        setBinaryStream(parameterIndex, x, TO_THE_END);
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, int length) throws SQLException {
        setCharacterStream(parameterIndex, reader, (long) length);
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, long length) throws SQLException {
        setString(parameterIndex, readAll(parameterIndex, reader, length));
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
        setCharacterStream(parameterIndex, reader, TO_THE_END);
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value, long length) throws SQLException {
        setCharacterStream(parameterIndex, value, length);
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
        setCharacterStream(parameterIndex, value);
    }

    /**
     * The stream's first {@code length} bytes ({@link #TO_THE_END}: all of them), as JDBC defines a stream setter's
     * length; the rest is left unread. A stream that ends sooner is 22026, a negative length HY024.
     */
    private byte[] readAll(int parameterIndex, InputStream in, long length) throws SQLException {
        checkLength(parameterIndex, length);
        if (in == null) {
            return null;
        }
        try {
            // No array holds more than Integer.MAX_VALUE bytes; a longer length ends as 22026 with what was read.
            byte[] bytes = length == TO_THE_END ? in.readAllBytes()
                    : in.readNBytes((int) Math.min(length, Integer.MAX_VALUE - 8));
            checkComplete(parameterIndex, length, bytes.length, "bytes");
            return bytes;
        } catch (IOException e) {
            throw new SQLDataException("Parameter " + parameterIndex + ": reading the stream failed: " + e.getMessage(),
                    SqlState.DATA_EXCEPTION, e);
        }
    }

    /** The reader's first {@code length} characters ({@link #TO_THE_END}: all of them); see the stream variant. */
    private String readAll(int parameterIndex, Reader in, long length) throws SQLException {
        checkLength(parameterIndex, length);
        if (in == null) {
            return null;
        }
        try {
            StringBuilder out = new StringBuilder();
            char[] buffer = new char[8192];
            long wanted = length == TO_THE_END ? Long.MAX_VALUE : length;
            long read = 0;
            while (read < wanted) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, wanted - read));
                if (n < 0) {
                    break;
                }
                out.append(buffer, 0, n);
                read += n;
            }
            checkComplete(parameterIndex, length, read, "characters");
            return out.toString();
        } catch (IOException e) {
            throw new SQLDataException("Parameter " + parameterIndex + ": reading the reader failed: " + e.getMessage(),
                    SqlState.DATA_EXCEPTION, e);
        }
    }

    private void checkLength(int parameterIndex, long length) throws SQLException {
        checkOpen();
        if (length < 0 && length != TO_THE_END) {
            throw new SQLException("Parameter " + parameterIndex + ": the length " + length + " is negative; pass the "
                    + "length of the data, or call the setter without a length to read the stream to its end",
                    SqlState.INVALID_PARAMETER_VALUE);
        }
    }

    private static void checkComplete(int parameterIndex, long length, long read, String unit) throws SQLException {
        if (length != TO_THE_END && read < length) {
            throw new SQLDataException("Parameter " + parameterIndex + ": the stream ended after " + read + " of the " + length
                    + " " + unit + " its length says; pass the length of the data, or call the setter without a length "
                    + "to read the stream to its end", SqlState.STRING_DATA_LENGTH_MISMATCH);
        }
    }

    // ---- what Athena has no literal for ----------------------------------------------------------------

    private SQLException noLiteral(String what) throws SQLException {
        checkOpen();
        return SqlExceptions.notSupported(what + " parameters are not supported: Athena has no such values; "
                + "pass the content with setString or setBytes");
    }

    @Override
    public void setRef(int parameterIndex, Ref x) throws SQLException {
        throw noLiteral("Ref");
    }

    @Override
    public void setBlob(int parameterIndex, Blob x) throws SQLException {
        throw noLiteral("Blob");
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream, long length) throws SQLException {
        setBinaryStream(parameterIndex, inputStream, length);
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
        setBinaryStream(parameterIndex, inputStream);
    }

    @Override
    public void setClob(int parameterIndex, Clob x) throws SQLException {
        throw noLiteral("Clob");
    }

    @Override
    public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
        setCharacterStream(parameterIndex, reader, length);
    }

    @Override
    public void setClob(int parameterIndex, Reader reader) throws SQLException {
        setCharacterStream(parameterIndex, reader);
    }

    @Override
    public void setNClob(int parameterIndex, NClob value) throws SQLException {
        throw noLiteral("NClob");
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
        setCharacterStream(parameterIndex, reader, length);
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader) throws SQLException {
        setCharacterStream(parameterIndex, reader);
    }

    @Override
    public void setRowId(int parameterIndex, RowId x) throws SQLException {
        throw noLiteral("RowId");
    }

    @Override
    public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
        throw noLiteral("SQLXML");
    }
}
