package ai.connecty.athena.jdbc.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What Statement.setMaxRows and setMaxFieldSize do to the rows a user reads, and the edges of the cursor and of the
 * column index, through the getters every result set shares.
 */
class TextResultSetLimitsTest {
    /** A result set as a query's, with the statement's limits: AthenaResultSet sets them the same way. */
    private static final class Limited extends AbstractTextResultSet {
        final AtomicInteger released = new AtomicInteger();
        /** How many rows the result set took from its source. */
        final AtomicInteger read;

        Limited(List<ColumnSpec> columns, Iterator<List<String>> rows, long maxRows, int maxFieldSize, int fetchSize) {
            this(columns, rows, maxRows, maxFieldSize, fetchSize, new AtomicInteger());
        }

        private Limited(List<ColumnSpec> columns, Iterator<List<String>> rows, long maxRows, int maxFieldSize,
                        int fetchSize, AtomicInteger read) {
            super(null, columns, () -> {
                if (!rows.hasNext()) {
                    return null;
                }
                read.incrementAndGet();
                return TextRow.of(rows.next());
            });
            this.read = read;
            limitRows(maxRows);
            limitFieldSize(maxFieldSize);
            startingFetchSize(fetchSize);
        }

        @Override
        protected void release() {
            released.incrementAndGet();
        }
    }

    private static List<List<String>> rows(String... firstValues) {
        List<List<String>> rows = new ArrayList<>();
        for (String value : firstValues) {
            rows.add(Arrays.asList(value));
        }
        return rows;
    }

    private static final List<ColumnSpec> ONE_INT = List.of(new ColumnSpec("n", "integer"));

    @Test
    void maxRowsEndsTheCursorAtTheLimitWithoutReadingFurther() throws SQLException {
        Limited rs = new Limited(ONE_INT, rows("1", "2", "3").iterator(), 2, 0, 0);
        assertThat(rs.next()).isTrue();
        assertThat(rs.isLast()).isFalse();
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(2);
        // The third row exists, but the user asked for two: the second is the last.
        assertThat(rs.isLast()).isTrue();
        assertThat(rs.getRow()).isEqualTo(2);
        assertThat(rs.next()).isFalse();
        assertThat(rs.isAfterLast()).isTrue();
        assertThat(rs.next()).isFalse();
        assertThat(rs.read.get()).isEqualTo(2);
    }

    @Test
    void maxRowsOfOneRowIsOneRow() throws SQLException {
        Limited rs = new Limited(ONE_INT, rows("1", "2").iterator(), 1, 0, 0);
        assertThat(rs.isBeforeFirst()).isTrue();
        assertThat(rs.next()).isTrue();
        assertThat(rs.isFirst()).isTrue();
        assertThat(rs.isLast()).isTrue();
        assertThat(rs.next()).isFalse();
        assertThat(rs.isFirst()).isFalse();
    }

    @Test
    void maxFieldSizeCutsCharacterAndBinaryValuesOnly() throws Exception {
        List<ColumnSpec> columns = List.of(new ColumnSpec("v", "varchar"), new ColumnSpec("c", "char"),
                new ColumnSpec("b", "varbinary"), new ColumnSpec("n", "bigint"), new ColumnSpec("short", "varchar"),
                new ColumnSpec("j", "json"));
        List<List<String>> rows = new ArrayList<>();
        rows.add(Arrays.asList("abcdef", "ghijkl", "61 62 63 64 65 66", "123456", "abc", "[1,2,3,4]"));
        Limited rs = new Limited(columns, rows.iterator(), 0, 3, 0);
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("abc");
        assertThat(rs.getObject(1)).isEqualTo("abc");
        assertThat(rs.getObject(1, String.class)).isEqualTo("abc");
        assertThat(rs.getNString(1)).isEqualTo("abc");
        try (Reader reader = rs.getCharacterStream(1)) {
            char[] buffer = new char[10];
            assertThat(new String(buffer, 0, reader.read(buffer))).isEqualTo("abc");
        }
        assertThat(rs.getString(2)).isEqualTo("ghi");
        assertThat(rs.getBytes(3)).isEqualTo(new byte[] {'a', 'b', 'c'});
        assertThat(rs.getObject(3)).isEqualTo(new byte[] {'a', 'b', 'c'});
        assertThat(rs.getBinaryStream(3).readAllBytes()).isEqualTo(new byte[] {'a', 'b', 'c'});
        // Not a character or binary column: numbers and JSON read whole.
        assertThat(rs.getString(4)).isEqualTo("123456");
        assertThat(rs.getObject(4)).isEqualTo(123456L);
        assertThat(rs.getString(6)).isEqualTo("[1,2,3,4]");
        assertThat(rs.getString(5)).isEqualTo("abc");
    }

    /** The streams of a character value are the value getString answers: cut as well. */
    @Test
    @SuppressWarnings("deprecation")
    void maxFieldSizeCutsTheAsciiAndUnicodeStreamsOfCharacterValues() throws Exception {
        List<ColumnSpec> columns = List.of(new ColumnSpec("v", "varchar"), new ColumnSpec("n", "bigint"));
        List<List<String>> rows = new ArrayList<>();
        rows.add(Arrays.asList("abcdef", "123456"));
        Limited rs = new Limited(columns, rows.iterator(), 0, 3, 0);
        assertThat(rs.next()).isTrue();
        assertThat(rs.getAsciiStream(1).readAllBytes()).isEqualTo("abc".getBytes(StandardCharsets.US_ASCII));
        assertThat(rs.getUnicodeStream(1).readAllBytes()).isEqualTo("abc".getBytes(StandardCharsets.UTF_16BE));
        assertThat(rs.getAsciiStream(2).readAllBytes()).isEqualTo("123456".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aRowWithFewerValuesThanColumnsReadsNullForTheRest() throws SQLException {
        List<ColumnSpec> columns = List.of(new ColumnSpec("a", "varchar"), new ColumnSpec("b", "integer"));
        List<List<String>> rows = new ArrayList<>();
        rows.add(Arrays.asList("x"));
        Limited rs = new Limited(columns, rows.iterator(), 0, 0, 0);
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("x");
        assertThat(rs.wasNull()).isFalse();
        assertThat(rs.getString(2)).isNull();
        assertThat(rs.wasNull()).isTrue();
        assertThat(rs.getInt(2)).isZero();
        assertThat(rs.wasNull()).isTrue();
        assertThat(rs.getObject(2)).isNull();
        assertThat(rs.getObject(2, Integer.class)).isNull();
    }

    @Test
    void nextForgetsTheLastValueWasNull() throws SQLException {
        Limited rs = new Limited(ONE_INT, rows(null, "1").iterator(), 0, 0, 0);
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isZero();
        assertThat(rs.wasNull()).isTrue();
        assertThat(rs.next()).isTrue();
        assertThat(rs.wasNull()).isFalse();
    }

    @Test
    void everyGetterRefusesColumnZeroAndOnePastTheLastWith07009() throws SQLException {
        Limited rs = new Limited(ONE_INT, rows("1").iterator(), 0, 0, 0);
        assertThat(rs.next()).isTrue();
        for (int index : new int[] {0, 2, -1}) {
            for (ThrowingGetter getter : List.<ThrowingGetter>of(rs::getObject, i -> rs.getObject(i, Integer.class),
                    rs::getString, rs::getInt, rs::getDate, rs::getTimestamp, rs::getDouble, rs::getFloat, rs::getBytes)) {
                assertThatThrownBy(() -> getter.get(index)).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("07009"));
            }
        }
        assertThat(rs.getObject(1)).isEqualTo(1);
    }

    @FunctionalInterface
    private interface ThrowingGetter {
        Object get(int index) throws SQLException;
    }

    @Test
    void afterTheLastRowAGetterSaysSo() throws SQLException {
        Limited rs = new Limited(ONE_INT, rows("1").iterator(), 0, 0, 0);
        assertThat(rs.next()).isTrue();
        assertThat(rs.next()).isFalse();
        assertThatThrownBy(() -> rs.getInt(1)).hasMessageContaining("after the last row")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("24000"));
    }

    @Test
    void cursorPropertiesOfAResultSetWithoutStatement() throws SQLException {
        Limited rs = new Limited(ONE_INT, rows("1").iterator(), 0, 0, 250);
        assertThat(rs.getStatement()).isNull();
        assertThat(rs.getHoldability()).isEqualTo(ResultSet.HOLD_CURSORS_OVER_COMMIT);
        assertThat(rs.getFetchSize()).isEqualTo(250);
        rs.setFetchSize(0);
        assertThat(rs.getFetchSize()).isZero();
        assertThatThrownBy(() -> rs.setFetchSize(-1))
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("HY024"));
        assertThat(rs.getFetchSize()).isZero();
        rs.setFetchDirection(ResultSet.FETCH_FORWARD);
        assertThatThrownBy(() -> rs.setFetchDirection(ResultSet.FETCH_REVERSE))
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("HY024"));
        assertThat(rs.getFetchDirection()).isEqualTo(ResultSet.FETCH_FORWARD);
        assertThat((Object) rs.getWarnings()).isNull();
        assertThat(rs.getMetaData()).isSameAs(rs.getMetaData());
        assertThat(rs.getMetaData().getColumnLabel(1)).isEqualTo("n");
        assertThat(rs.isWrapperFor(ResultSet.class)).isTrue();
        assertThat(rs.isWrapperFor(null)).isFalse();
        assertThat(rs.isWrapperFor(Runnable.class)).isFalse();
        assertThat(rs.unwrap(AbstractTextResultSet.class)).isSameAs(rs);
        assertThatThrownBy(() -> rs.unwrap(Runnable.class)).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> rs.getObject(1, (Class<?>) null))
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("HY024"));
        assertThatThrownBy(() -> rs.findColumn(null))
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42703"));
    }

    @Test
    void closeReleasesOnceAndEveryCallAfterItFailsWith55000() throws SQLException {
        Limited rs = new Limited(ONE_INT, rows("1").iterator(), 0, 0, 0);
        assertThat(rs.next()).isTrue();
        rs.close();
        rs.close();
        assertThat(rs.released.get()).isEqualTo(1);
        for (ThrowingGetter call : List.<ThrowingGetter>of(rs::getInt, i -> rs.wasNull(), i -> rs.isBeforeFirst(),
                i -> rs.isAfterLast(), i -> rs.isFirst(), i -> rs.isLast(), i -> rs.getRow(), i -> rs.findColumn("n"),
                i -> rs.getMetaData(), i -> rs.getStatement(), i -> rs.getType(), i -> rs.getConcurrency(),
                i -> rs.getHoldability(), i -> rs.getFetchSize(), i -> rs.getFetchDirection(), i -> rs.getWarnings(),
                i -> rs.getObject(i, (Class<?>) null))) {
            assertThatThrownBy(() -> call.get(1))
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("55000"));
        }
        assertThatThrownBy(() -> rs.setFetchSize(1))
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("55000"));
        assertThatThrownBy(() -> rs.setFetchDirection(ResultSet.FETCH_FORWARD))
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("55000"));
        assertThatThrownBy(rs::clearWarnings)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("55000"));
    }

    /** Each getter by label reads the column findColumn names, as the getter by index does. */
    @Test
    @SuppressWarnings("deprecation")
    void gettersByLabelAnswerAsByIndex() throws Exception {
        List<ColumnSpec> columns = List.of(new ColumnSpec("i", "integer"), new ColumnSpec("d", "date"),
                new ColumnSpec("ts", "timestamp"), new ColumnSpec("t", "time"), new ColumnSpec("b", "varbinary"),
                new ColumnSpec("s", "varchar"), new ColumnSpec("a", "array"), new ColumnSpec("x", "double"),
                new ColumnSpec("flag", "boolean"), new ColumnSpec("off", "boolean"));
        List<List<String>> rows = new ArrayList<>();
        rows.add(Arrays.asList("7", "2024-02-29", "2024-02-29 10:11:12.345", "10:11:12", "61 62", "text", "[1, 2]",
                "2.5", "true", "false"));
        Limited rs = new Limited(columns, rows.iterator(), 0, 0, 0);
        assertThat(rs.next()).isTrue();
        assertThat(rs.getByte("i")).isEqualTo((byte) 7);
        assertThat(rs.getShort("i")).isEqualTo((short) 7);
        assertThat(rs.getInt("i")).isEqualTo(7);
        assertThat(rs.getLong("i")).isEqualTo(7L);
        assertThat(rs.getByte(1)).isEqualTo((byte) 7);
        assertThat(rs.getShort(1)).isEqualTo((short) 7);
        assertThat(rs.getFloat("x")).isEqualTo(2.5f);
        assertThat(rs.getDouble("x")).isEqualTo(2.5d);
        assertThat(rs.getBigDecimal("x")).isEqualByComparingTo("2.5");
        assertThat(rs.getBigDecimal("x", 0)).isEqualTo(new java.math.BigDecimal("3"));
        assertThat(rs.getBoolean("flag")).isTrue();
        assertThat(rs.getBoolean("off")).isFalse();
        assertThat(rs.getDate("d")).isEqualTo(rs.getDate(2));
        assertThat(rs.getDate("d")).isNotNull();
        assertThat(rs.getDate("d", java.util.Calendar.getInstance())).isEqualTo(rs.getDate(2));
        assertThat(rs.getTimestamp("ts")).isEqualTo(rs.getTimestamp(3)).isNotNull();
        assertThat(rs.getTimestamp("ts", java.util.Calendar.getInstance())).isEqualTo(rs.getTimestamp(3));
        assertThat(rs.getTime("t")).isEqualTo(rs.getTime(4)).isNotNull();
        assertThat(rs.getTime("t", java.util.Calendar.getInstance())).isEqualTo(rs.getTime(4));
        assertThat(rs.getBytes("b")).isEqualTo(new byte[] {'a', 'b'});
        assertThat(rs.getBinaryStream("b").readAllBytes()).isEqualTo(new byte[] {'a', 'b'});
        assertThat(rs.getNString("s")).isEqualTo("text");
        assertThat(rs.getObject("s", java.util.Map.of())).isEqualTo("text");
        assertThat(rs.getAsciiStream("s").readAllBytes()).isEqualTo("text".getBytes(StandardCharsets.US_ASCII));
        assertThat(rs.getUnicodeStream("s").readAllBytes()).isEqualTo("text".getBytes(StandardCharsets.UTF_16BE));
        try (Reader reader = rs.getNCharacterStream("s")) {
            char[] buffer = new char[10];
            assertThat(new String(buffer, 0, reader.read(buffer))).isEqualTo("text");
        }
        assertThat(rs.getArray("a").getArray()).isEqualTo(new Object[] {"1", "2"});
        assertThat(rs.getArray(7).getArray()).isEqualTo(new Object[] {"1", "2"});
    }

    /** getBigDecimal(i, scale) refuses a result of more than 10,000 digits, and no less. */
    @Test
    @SuppressWarnings("deprecation")
    void getBigDecimalWithAScaleTakesUpTo10000Digits() throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        rows.add(Arrays.asList("1E+5000"));
        Limited rs = new Limited(List.of(new ColumnSpec("v", "varchar")), rows.iterator(), 0, 0, 0);
        assertThat(rs.next()).isTrue();
        // 5,001 digits before the point and 4,999 after: 10,000.
        assertThat(rs.getBigDecimal(1, 4999).scale()).isEqualTo(4999);
        assertThatThrownBy(() -> rs.getBigDecimal(1, 5000))
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22003"));
    }

    /** A query's result set holds its cursor as its statement was created to. */
    @Test
    void holdabilityIsTheStatements() throws SQLException {
        java.sql.Statement statement = (java.sql.Statement) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {java.sql.Statement.class},
                (proxy, method, args) -> method.getName().equals("getResultSetHoldability")
                        ? ResultSet.CLOSE_CURSORS_AT_COMMIT : null);
        AbstractTextResultSet rs = new AbstractTextResultSet(statement, ONE_INT, () -> null) {
        };
        assertThat(rs.getHoldability()).isEqualTo(ResultSet.CLOSE_CURSORS_AT_COMMIT);
        assertThat(rs.getStatement()).isSameAs(statement);
    }
}
