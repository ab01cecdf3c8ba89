package ai.connecty.athena.jdbc.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryResultSetTest {
    private static final List<ColumnSpec> COLUMNS = Arrays.asList(
            new ColumnSpec("id", "integer"),
            new ColumnSpec("name", "varchar"),
            new ColumnSpec("price", "decimal"),
            new ColumnSpec("day", "date"),
            new ColumnSpec("Name", "varchar"));

    private static ResultSet resultSet(List<List<String>> rows) {
        return InMemoryResultSet.create(null, COLUMNS, rows);
    }

    /**
     * The deprecated getBigDecimal(i, scale) rounds with setScale, which throws ArithmeticException for a text exponent
     * such as 1E+2147483647 and computes for minutes for 1E+99999999: such a value is 22003, naming the column.
     */
    @Test
    @SuppressWarnings("deprecation")
    void getBigDecimalWithAScaleRefusesAnExtremeExponentAsOutOfRange() throws SQLException {
        ResultSet rs = InMemoryResultSet.create(null,
                Arrays.asList(new ColumnSpec("huge", "varchar"), new ColumnSpec("slow", "varchar"), new ColumnSpec("tiny", "varchar"),
                        new ColumnSpec("plain", "decimal(10,3)")),
                Collections.singletonList(Arrays.asList("1E+2147483647", "1E+99999999", "-1E-2147483647", "1.255")));
        assertThat(rs.next()).isTrue();
        for (int column = 1; column <= 2; column++) {
            int index = column;
            assertThatThrownBy(() -> rs.getBigDecimal(index, 2)).isInstanceOf(SQLException.class)
                    .hasMessageContaining(index == 1 ? "'huge'" : "'slow'")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22003"));
        }
        assertThat(rs.getBigDecimal(3, 2)).isEqualTo(new BigDecimal("0.00"));
        assertThat(rs.getBigDecimal(4, 2)).isEqualTo(new BigDecimal("1.26"));
    }

    @Test
    void readsRowsInOrderWithTypedGetters() throws SQLException {
        ResultSet rs = resultSet(Arrays.asList(
                Arrays.asList("1", "a", "1.50", "2020-01-02", "first"),
                Arrays.asList("2", "b", "2.00", "2021-03-04", "second")));

        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(1);
        assertThat(rs.getObject("id")).isEqualTo(1);
        assertThat(rs.getString("name")).isEqualTo("a");
        assertThat(rs.getBigDecimal("price")).isEqualTo(new BigDecimal("1.50"));
        assertThat(rs.getObject("day", LocalDate.class)).isEqualTo(LocalDate.of(2020, 1, 2));
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(2L);
        assertThat(rs.next()).isFalse();
        assertThat(rs.isAfterLast()).isTrue();
    }

    @Test
    void keepsNullApartFromEmptyString() throws SQLException {
        ResultSet rs = resultSet(Collections.singletonList(Arrays.asList(null, "", null, null, "x")));
        rs.next();

        assertThat(rs.getString("name")).isEmpty();
        assertThat(rs.wasNull()).isFalse();
        assertThat(rs.getInt("id")).isZero();
        assertThat(rs.wasNull()).isTrue();
        assertThat(rs.getObject("price")).isNull();
        assertThat(rs.wasNull()).isTrue();
        assertThat(rs.getDate("day")).isNull();
        assertThat(rs.getBoolean(1)).isFalse();
    }

    @Test
    void findsColumnsCaseInsensitivelyFirstMatchWins() throws SQLException {
        ResultSet rs = resultSet(Collections.singletonList(Arrays.asList("1", "a", "1", "2020-01-01", "b")));
        rs.next();

        assertThat(rs.findColumn("NAME")).isEqualTo(2);
        assertThat(rs.getString("Name")).isEqualTo("a");
        assertThatThrownBy(() -> rs.findColumn("missing"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("'missing'")
                .hasMessageContaining("id, name, price, day, Name")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42703"));
    }

    @Test
    void badConversionNamesColumnAndValue() throws SQLException {
        ResultSet rs = resultSet(Collections.singletonList(Arrays.asList("1", "abc", "1", "2020-01-01", "b")));
        rs.next();

        assertThatThrownBy(() -> rs.getInt("name"))
                .hasMessageContaining("'abc'").hasMessageContaining("'name'")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22018"));
    }

    @Test
    void reportsCursorPositionWithLookahead() throws SQLException {
        ResultSet rs = resultSet(Arrays.asList(
                Arrays.asList("1", "a", "1", "2020-01-01", "b"),
                Arrays.asList("2", "a", "1", "2020-01-01", "b")));

        assertThat(rs.isBeforeFirst()).isTrue();
        rs.next();
        assertThat(rs.isFirst()).isTrue();
        assertThat(rs.isLast()).isFalse();
        assertThat(rs.getRow()).isEqualTo(1);
        rs.next();
        assertThat(rs.isLast()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(2);
        assertThat(rs.next()).isFalse();
        assertThat(rs.getRow()).isZero();
    }

    @Test
    void emptyResultIsNeitherBeforeFirstNorAfterLast() throws SQLException {
        ResultSet rs = resultSet(Collections.emptyList());

        assertThat(rs.isBeforeFirst()).isFalse();
        assertThat(rs.next()).isFalse();
        assertThat(rs.isAfterLast()).isFalse();
    }

    @Test
    void refusesAccessOutsideARowOrColumnRange() throws SQLException {
        ResultSet rs = resultSet(Collections.singletonList(Arrays.asList("1", "a", "1", "2020-01-01", "b")));

        assertThatThrownBy(() -> rs.getString(1)).hasMessageContaining("call next() first")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("24000"));
        rs.next();
        assertThatThrownBy(() -> rs.getString(6)).hasMessageContaining("out of range")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("07009"));
    }

    @Test
    void isForwardOnlyAndReadOnly() throws SQLException {
        ResultSet rs = resultSet(Collections.singletonList(Arrays.asList("1", "a", "1", "2020-01-01", "b")));
        rs.next();

        assertThat(rs.getType()).isEqualTo(ResultSet.TYPE_FORWARD_ONLY);
        assertThat(rs.getConcurrency()).isEqualTo(ResultSet.CONCUR_READ_ONLY);
        assertThatThrownBy(() -> rs.updateInt(1, 2)).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThatThrownBy(rs::previous).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("24000"));
        assertThatThrownBy(() -> rs.absolute(1)).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("24000"));
    }

    @Test
    void closedResultSetRefusesCallsAndCloseIsIdempotent() throws SQLException {
        ResultSet rs = resultSet(Collections.singletonList(Arrays.asList("1", "a", "1", "2020-01-01", "b")));
        rs.close();
        rs.close();

        assertThat(rs.isClosed()).isTrue();
        assertThatThrownBy(rs::next).satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("55000"));
    }

    @Test
    void streamsText() throws Exception {
        ResultSet rs = resultSet(Collections.singletonList(Arrays.asList("1", "hello", "1", "2020-01-01", "b")));
        rs.next();

        try (Reader reader = rs.getCharacterStream("name")) {
            char[] buffer = new char[10];
            int read = reader.read(buffer);
            assertThat(new String(buffer, 0, read)).isEqualTo("hello");
        }
        assertThat(rs.getAsciiStream("name").readAllBytes()).isEqualTo("hello".getBytes("US-ASCII"));
    }

    @Test
    void metadataDescribesTheColumns() throws SQLException {
        ResultSetMetaData md = InMemoryResultSet.create(null, Arrays.asList(
                new ColumnSpec("n", "n", "decimal", 10, 2, false, ResultSetMetaData.columnNullableUnknown),
                new ColumnSpec("s", "varchar"),
                new ColumnSpec("b", "varbinary"),
                new ColumnSpec("t", "timestamp with time zone"),
                new ColumnSpec("a", "array"),
                new ColumnSpec("h", "string")), Collections.emptyList()).getMetaData();

        assertThat(md.getColumnCount()).isEqualTo(6);
        assertThat(md.getColumnType(1)).isEqualTo(Types.DECIMAL);
        assertThat(md.getPrecision(1)).isEqualTo(10);
        assertThat(md.getScale(1)).isEqualTo(2);
        assertThat(md.getColumnDisplaySize(1)).isEqualTo(12);
        assertThat(md.isSigned(1)).isTrue();
        assertThat(md.getColumnClassName(1)).isEqualTo("java.math.BigDecimal");
        assertThat(md.getColumnType(2)).isEqualTo(Types.VARCHAR);
        assertThat(md.isCaseSensitive(2)).isTrue();
        assertThat(md.getColumnClassName(3)).isEqualTo(byte[].class.getName());
        assertThat(md.getColumnType(4)).isEqualTo(Types.TIMESTAMP_WITH_TIMEZONE);
        assertThat(md.getColumnTypeName(4)).isEqualTo("timestamp with time zone");
        assertThat(md.getColumnType(5)).isEqualTo(Types.ARRAY);
        assertThat(md.getColumnClassName(5)).isEqualTo("java.sql.Array");
        assertThat(md.getColumnType(6)).isEqualTo(Types.VARCHAR);
        assertThat(md.getColumnTypeName(6)).isEqualTo("varchar");
        assertThat(md.isNullable(2)).isEqualTo(ResultSetMetaData.columnNullableUnknown);
        assertThat(md.isReadOnly(1)).isTrue();
        assertThat(md.getCatalogName(1)).isEmpty();
        assertThat(md.getTableName(1)).isEmpty();
        assertThatThrownBy(() -> md.getColumnType(7)).isInstanceOf(SQLException.class);
    }
}
