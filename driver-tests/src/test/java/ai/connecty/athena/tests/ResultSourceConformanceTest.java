package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.jdbc.AthenaResultSet;
import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One getter suite run over each row source: every Athena type through every getter, NULL apart from "", and
 * edge values (quotes, commas, newlines, a very long value, non-ASCII, extremes), read once through
 * GetQueryResults and once from the result file in S3. The two must give identical values, and the suite's
 * own expectations hold for both.
 */
@ExtendWith(LocalAthenaExtension.class)
class ResultSourceConformanceTest {

    private static LocalAthena athena;

    private static final String ALL_TYPES = "SELECT * FROM demo.all_types ORDER BY c_int NULLS LAST";

    private static final String EDGES = "SELECT 'a\"b' AS quote, 'x' || chr(10) || 'y' || chr(13) || chr(10) AS newline, "
            + "'a,b' AS comma, '' AS empty, CAST(NULL AS varchar) AS nul, rpad('', 100000, 'z') AS long_text, "
            + "'日本語 ü' AS unicode, CAST(NULL AS integer) AS null_int, 2147483647 AS max_int, "
            + "-9223372036854775808 AS min_bigint, DOUBLE '1e300' AS big_double, REAL '-0.0' AS neg_zero, "
            + "DECIMAL '-99999999999999999999999999999999999.999' AS big_decimal, ARRAY['a', NULL, ''] AS arr, "
            + "MAP(ARRAY['k'], ARRAY[NULL]) AS m, CAST(ROW(1, 'x') AS ROW(a integer, b varchar)) AS r, "
            + "X'00FF' AS bin, DATE '0001-01-01' AS old_date, TIMESTAMP '9999-12-31 23:59:59.999' AS late_ts, "
            + "true AS yes, CAST(NULL AS boolean) AS null_bool, CAST(NULL AS timestamp) AS null_ts, "
            + "CAST(NULL AS decimal(10,2)) AS null_dec, CAST(NULL AS varbinary) AS null_bin, ' ' AS space, "
            + "CAST(TIMESTAMP '2020-01-01 00:00:00.123456' AS timestamp(6)) AS micro_ts, "
            + "CAST(TIMESTAMP '2020-01-01 00:00:01' AS timestamp(0)) AS second_ts";

    private interface Getter {
        Object get(ResultSet rs, int column) throws SQLException;
    }

    private static final Map<String, Getter> GETTERS = new LinkedHashMap<>();

    static {
        GETTERS.put("getString", ResultSet::getString);
        GETTERS.put("getObject", ResultSet::getObject);
        GETTERS.put("getBoolean", ResultSet::getBoolean);
        GETTERS.put("getByte", ResultSet::getByte);
        GETTERS.put("getShort", ResultSet::getShort);
        GETTERS.put("getInt", ResultSet::getInt);
        GETTERS.put("getLong", ResultSet::getLong);
        GETTERS.put("getFloat", ResultSet::getFloat);
        GETTERS.put("getDouble", ResultSet::getDouble);
        GETTERS.put("getBigDecimal", ResultSet::getBigDecimal);
        GETTERS.put("getBytes", ResultSet::getBytes);
        GETTERS.put("getDate", ResultSet::getDate);
        GETTERS.put("getTime", ResultSet::getTime);
        GETTERS.put("getTimestamp", ResultSet::getTimestamp);
        GETTERS.put("getNString", ResultSet::getNString);
        GETTERS.put("getArray", (rs, c) -> {
            java.sql.Array array = rs.getArray(c);
            return array == null ? null : Arrays.deepToString((Object[]) array.getArray());
        });
        GETTERS.put("getLocalDateTime", (rs, c) -> rs.getObject(c, java.time.LocalDateTime.class));
        GETTERS.put("getCharacterStream", (rs, c) -> {
            java.io.Reader reader = rs.getCharacterStream(c);
            if (reader == null) {
                return null;
            }
            try {
                StringBuilder text = new StringBuilder();
                for (int ch; (ch = reader.read()) >= 0; ) {
                    text.append((char) ch);
                }
                return text.toString();
            } catch (java.io.IOException e) {
                throw new SQLException(e);
            }
        });
    }

    /** Every getter's answer for every cell, errors as their SQLState, with wasNull after each. */
    private static List<String> readEverything(String fetcher, String sql, List<String> transports) throws SQLException {
        List<String> cells = new ArrayList<>();
        try (Connection c = Connections.connectyUser(athena, "ResultFetcher=" + fetcher);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            transports.add(rs.unwrap(AthenaResultSet.class).getResultTransport());
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                cells.add("column " + md.getColumnLabel(i) + " " + md.getColumnTypeName(i) + " " + md.getColumnType(i)
                        + " " + md.getPrecision(i) + " " + md.getScale(i));
            }
            int row = 0;
            while (rs.next()) {
                row++;
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    for (Map.Entry<String, Getter> getter : GETTERS.entrySet()) {
                        String answer;
                        try {
                            answer = render(getter.getValue().get(rs, i)) + " wasNull=" + rs.wasNull();
                        } catch (SQLException e) {
                            answer = "SQLState " + e.getSQLState();
                        }
                        cells.add(row + "." + md.getColumnLabel(i) + "." + getter.getKey() + " = " + answer);
                    }
                }
            }
        }
        return cells;
    }

    private static String render(Object value) {
        if (value instanceof byte[]) {
            return Arrays.toString((byte[]) value);
        }
        return value == null ? "null" : value.getClass().getSimpleName() + ":" + value;
    }

    private static void assertSourcesAgree(String sql) throws SQLException {
        List<String> transports = new ArrayList<>();
        List<String> api = readEverything("GetQueryResults", sql, transports);
        List<String> s3 = readEverything("S3", sql, transports);

        assertThat(transports).containsExactly("GetQueryResults", "S3");
        assertThat(api).isNotEmpty();
        assertThat(s3).containsExactlyElementsOf(api);
    }

    @Test
    void everyTypeOfTheDemoTableReadsTheSameThroughEveryGetterFromEitherSource() throws SQLException {
        assertSourcesAgree(ALL_TYPES);
    }

    @Test
    void edgeValuesReadTheSameThroughEveryGetterFromEitherSource() throws SQLException {
        assertSourcesAgree(EDGES);
    }

    @Test
    void nullAndEmptyStringStayApartAndEdgeTextSurvivesFromS3() throws SQLException {
        try (Connection c = Connections.connectyUser(athena, "ResultFetcher=S3");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(EDGES)) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("empty")).isEmpty();
            assertThat(rs.wasNull()).isFalse();
            assertThat(rs.getString("nul")).isNull();
            assertThat(rs.wasNull()).isTrue();
            assertThat(rs.getString("quote")).isEqualTo("a\"b");
            assertThat(rs.getString("newline")).isEqualTo("x\ny\r\n");
            assertThat(rs.getString("comma")).isEqualTo("a,b");
            assertThat(rs.getString("long_text")).hasSize(100000).matches("z+");
            assertThat(rs.getString("unicode")).isEqualTo("日本語 ü");
            assertThat(rs.getString("arr")).isEqualTo("[a, null, ]");
            assertThat(rs.getInt("null_int")).isZero();
            assertThat(rs.wasNull()).isTrue();
            assertThat(rs.getString("space")).isEqualTo(" ");
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void anEmptyResultAndAResultOfNullsOnlyReadTheSame() throws SQLException {
        assertSourcesAgree("SELECT * FROM demo.all_types WHERE c_int = -12345");
        assertSourcesAgree("SELECT CAST(NULL AS varchar) AS only_null UNION ALL SELECT '' UNION ALL SELECT NULL");
        List<String> transports = new ArrayList<>();
        assertThat(readEverything("S3", "SELECT x FROM (VALUES CAST(NULL AS varchar), '', NULL) AS t(x) ORDER BY x NULLS LAST",
                transports)).filteredOn(cell -> cell.contains(".getString ="))
                .containsExactly("1.x.getString = String: wasNull=false", "2.x.getString = null wasNull=true",
                        "3.x.getString = null wasNull=true");
    }

    /**
     * Text that the getters' plain parsers must leave to the general path (spaces, other scripts' digits, words,
     * edges of a range, dates before 1901 or in a DST gap), beside text they read themselves: same answers.
     */
    @Test
    void textAtTheEdgesOfThePlainNumberAndDateShapesReadsTheSameFromEitherSource() throws SQLException {
        assertSourcesAgree("SELECT '١٢' AS arabic_digits, '١.٥' AS arabic_decimal, '+5' AS plus, ' 7 ' AS spaced, "
                + "'1e3' AS exp, '-0.0' AS neg_zero_text, 'NaN' AS nan_text, '-Infinity' AS neg_inf_text, "
                + "'9223372036854775808' AS too_big, '-9223372036854775808' AS min_long_text, '1.5E-7' AS small, "
                + "DOUBLE '-0.0' AS neg_zero, DOUBLE 'NaN' AS nan, DOUBLE '-Infinity' AS neg_inf, REAL '3.4e38' AS max_real, "
                + "'2024-03-31 02:30:00' AS warsaw_gap, '1900-01-01' AS early_date, '2024-02-30' AS no_such_day, "
                + "TIMESTAMP '2024-01-31 12:34:56.123456789' AS nanos, TIMESTAMP '1899-12-31 23:59:59.5' AS early_ts, "
                + "DATE '1582-10-10' AS julian_day, '2024-01-31 12:34:56' AS ts_text");
    }

    /**
     * isLast() reads a row ahead; from S3 that row may be the first of the next batch of rows handed over by the
     * parser, and batches are reused: the current row must keep its values while a row is looked ahead.
     */
    @Test
    void rowsKeepTheirValuesWhileTheNextIsLookedAheadAcrossBatches() throws SQLException {
        try (Connection c = Connections.connectyUser(athena, "ResultFetcher=S3");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT n, CAST(n AS varchar) AS text, DATE '2024-01-01' + n * INTERVAL '1' DAY AS day "
                     + "FROM UNNEST(sequence(1, 10000)) AS t(n) ORDER BY n")) {
            assertThat(rs.unwrap(AthenaResultSet.class).getResultTransport()).isEqualTo("S3");
            long expected = 0;
            while (rs.next()) {
                expected++;
                boolean last = rs.isLast();
                assertThat(rs.getLong(1)).isEqualTo(expected);
                assertThat(rs.getString(2)).isEqualTo(Long.toString(expected));
                assertThat(rs.getDate(3).toLocalDate()).isEqualTo(java.time.LocalDate.of(2024, 1, 1).plusDays(expected));
                assertThat(last).isEqualTo(expected == 10000);
            }
            assertThat(expected).isEqualTo(10000);
        }
    }

    /**
     * The cursor's position as JDBC defines it, the same whichever source the rows come from: an empty result is
     * neither before the first row nor after the last, getRow is 0 off a row, next() stays false at the end, and
     * setMaxRows ends the cursor as the last row of the data would.
     */
    @Test
    void theCursorReportsItsPositionTheSameFromEitherSource() throws SQLException {
        for (String fetcher : new String[] {"S3", "GetQueryResults"}) {
            try (Connection c = Connections.connectyUser(athena, "ResultFetcher=" + fetcher); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT x FROM (VALUES 1, 2, 3) AS t(x) WHERE x < 0")) {
                    assertThat(rs.unwrap(AthenaResultSet.class).getResultTransport()).isEqualTo(fetcher);
                    assertThat(rs.isBeforeFirst()).as(fetcher).isFalse();
                    assertThat(rs.next()).isFalse();
                    assertThat(rs.isAfterLast()).as(fetcher).isFalse();
                    assertThat(rs.isFirst() || rs.isLast()).isFalse();
                    assertThat(rs.getRow()).isZero();
                }
                List<String> positions = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT x FROM (VALUES 1, 2, 3) AS t(x) ORDER BY x")) {
                    positions.add(position(rs));
                    while (rs.next()) {
                        positions.add(position(rs));
                    }
                    positions.add(position(rs));
                    assertThat(rs.next()).isFalse();
                    assertThatThrownBy(() -> rs.getInt(1)).satisfies(
                            e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("24000"));
                }
                assertThat(positions).as(fetcher).containsExactly("row 0 beforeFirst", "row 1 first", "row 2",
                        "row 3 last", "row 0 afterLast");
                s.setMaxRows(2);
                positions.clear();
                try (ResultSet rs = s.executeQuery("SELECT x FROM (VALUES 1, 2, 3) AS t(x) ORDER BY x")) {
                    while (rs.next()) {
                        positions.add(position(rs));
                    }
                    positions.add(position(rs));
                }
                assertThat(positions).as(fetcher + " with setMaxRows(2)").containsExactly("row 1 first", "row 2 last",
                        "row 0 afterLast");
            }
        }
    }

    private static String position(ResultSet rs) throws SQLException {
        return "row " + rs.getRow() + (rs.isBeforeFirst() ? " beforeFirst" : "") + (rs.isFirst() ? " first" : "")
                + (rs.isLast() ? " last" : "") + (rs.isAfterLast() ? " afterLast" : "");
    }
}
