package ai.connecty.athena.local.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Timestamp precision as Trino keeps it ({@link TimestampPrecision}): a literal's precision is its number of fraction
 * digits (ExpressionAnalyzer's timestamp literal type), a cast to a lower precision rounds half up in epoch terms
 * (DateTimes.round in TimestampToTimestampCast and VarcharToTimestampCast), a cast to a higher one pads zeros, and a
 * timestamp moved by an interval or through date_add/date_trunc keeps its precision (their signatures return
 * timestamp(p)). current_timestamp is a timestamp(3) with time zone (CurrentTimestamp's default precision).
 */
class TimestampPrecisionTest {

    @RegisterExtension
    static final DuckDbSuite DUCK = new DuckDbSuite();

    private static String value(String sql) {
        return TranslatedRows.value(DUCK.connection(), sql);
    }

    @ParameterizedTest(name = "{0} => {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # the literal's precision is its fraction digits, with or without a zone
            SELECT typeof(TIMESTAMP '2024-01-01 10:00:00.123456')                   | timestamp(6)
            SELECT typeof(TIMESTAMP '2024-01-01 10:00:00')                          | timestamp(0)
            SELECT typeof(TIMESTAMP '2024-01-01 10:00:00.1')                        | timestamp(1)
            SELECT typeof(TIMESTAMP '2024-01-01 10:00:00.123456789')                | timestamp(9)
            SELECT typeof(TIMESTAMP '2024-01-01 10:00:00.123456 UTC')               | timestamp(6) with time zone
            SELECT typeof(TIMESTAMP '2024-01-01 10:00:00 Europe/Berlin')            | timestamp(0) with time zone
            SELECT TIMESTAMP '2024-01-01 10:00:00.123456'                           | 2024-01-01 10:00:00.123456
            SELECT TIMESTAMP '2024-01-01 10:00:00'                                  | 2024-01-01 10:00:00
            SELECT TIMESTAMP '2024-01-01 10:00:00.123456789'                        | 2024-01-01 10:00:00.123456789
            SELECT TIMESTAMP '2024-01-01 10:00:00.123456 UTC'                       | 2024-01-01 10:00:00.123456 UTC
            SELECT CAST(TIMESTAMP '2024-01-01 10:00:00.123456' AS varchar)          | 2024-01-01 10:00:00.123456
            SELECT CAST(TIMESTAMP '2024-01-01 10:00:00.123456789' AS varchar)       | 2024-01-01 10:00:00.123456789
            # a cast's precision is the declared one; DuckDB's TIMESTAMP_NS keeps nanoseconds
            SELECT typeof(CAST('2024-01-01 10:00:00' AS timestamp(6)))              | timestamp(6)
            SELECT typeof(CAST('2024-01-01 10:00:00' AS timestamp(0) with time zone)) | timestamp(0) with time zone
            SELECT CAST('2024-01-01 10:00:00.123456789' AS TIMESTAMP(9))            | 2024-01-01 10:00:00.123456789
            SELECT CAST(CAST('2024-01-01 10:00:00.123456789' AS TIMESTAMP(9)) AS varchar) | 2024-01-01 10:00:00.123456789
            SELECT CAST('2024-01-01 10:00:00.123456789' AS TIMESTAMP(7))            | 2024-01-01 10:00:00.1234568
            SELECT CAST(TIMESTAMP '2024-01-01 10:00:00.123456789' AS timestamp(8))  | 2024-01-01 10:00:00.12345679
            # lower precision: rounded half up, carried into the second, the day, the year
            SELECT CAST(TIMESTAMP '2024-01-01 10:00:00.1235' AS TIMESTAMP(3))       | 2024-01-01 10:00:00.124
            SELECT CAST(TIMESTAMP '2024-01-01 10:00:00.1234' AS TIMESTAMP(3))       | 2024-01-01 10:00:00.123
            SELECT CAST(TIMESTAMP '2024-12-31 23:59:59.9995' AS TIMESTAMP(3))       | 2025-01-01 00:00:00.000
            SELECT CAST(TIMESTAMP '2024-01-01 23:59:59.5' AS TIMESTAMP(0))          | 2024-01-02 00:00:00
            SELECT CAST(TIMESTAMP '2024-01-01 10:00:00.999999999' AS TIMESTAMP(6))  | 2024-01-01 10:00:01.000000
            SELECT CAST(TIMESTAMP '1969-12-31 23:59:59.5' AS TIMESTAMP(0))          | 1970-01-01 00:00:00
            SELECT CAST(TIMESTAMP '1969-12-31 23:59:59.4' AS TIMESTAMP(0))          | 1969-12-31 23:59:59
            SELECT CAST(TIMESTAMP '2024-01-01 10:00:00.5 UTC' AS TIMESTAMP(0) with time zone) | 2024-01-01 10:00:01 UTC
            # the rounded value, not only its text: compared and cast to varchar inside the statement
            SELECT CAST(TIMESTAMP '2024-01-01 10:00:00.1235' AS TIMESTAMP(3)) = TIMESTAMP '2024-01-01 10:00:00.124' | true
            SELECT CAST(CAST(TIMESTAMP '2024-01-01 23:59:59.5' AS TIMESTAMP(0)) AS varchar) | 2024-01-02 00:00:00
            SELECT ARRAY[CAST(TIMESTAMP '2024-01-01 10:00:00.1235' AS TIMESTAMP(3))] | [2024-01-01 10:00:00.124]
            # higher precision: zeros
            SELECT CAST(TIMESTAMP '2024-01-01 10:00:00.5' AS TIMESTAMP(6))          | 2024-01-01 10:00:00.500000
            SELECT CAST(TIMESTAMP '2024-01-01 10:00:00' AS TIMESTAMP(9))            | 2024-01-01 10:00:00.000000000
            SELECT CAST(CAST(TIMESTAMP '2024-01-01 10:00:00.5' AS TIMESTAMP(6)) AS varchar) | 2024-01-01 10:00:00.500000
            # date_add, date_trunc and interval arithmetic keep the precision
            SELECT typeof(date_add('day', 1, TIMESTAMP '2024-01-01 10:00:00.123456')) | timestamp(6)
            SELECT date_add('day', 1, TIMESTAMP '2024-01-01 10:00:00.123456')       | 2024-01-02 10:00:00.123456
            SELECT date_add('hour', 1, TIMESTAMP '2024-01-01 10:00:00.123456789')   | 2024-01-01 11:00:00.123456789
            SELECT typeof(date_trunc('hour', TIMESTAMP '2024-01-01 10:20:00.123456789')) | timestamp(9)
            SELECT date_trunc('second', TIMESTAMP '2024-01-01 10:20:00.123456789')  | 2024-01-01 10:20:00.000000000
            SELECT date_trunc('minute', TIMESTAMP '2024-01-01 10:20:30')            | 2024-01-01 10:20:00
            SELECT TIMESTAMP '2024-01-01 10:00:00.123456789' + INTERVAL '1' DAY     | 2024-01-02 10:00:00.123456789
            SELECT INTERVAL '1' HOUR + TIMESTAMP '2024-01-01 10:00:00.123456789'    | 2024-01-01 11:00:00.123456789
            SELECT TIMESTAMP '2024-01-01 10:00:00.123456789' - INTERVAL '1' MONTH   | 2023-12-01 10:00:00.123456789
            SELECT typeof(TIMESTAMP '2024-01-01 10:00:00' - INTERVAL '1' DAY)       | timestamp(0)
            SELECT TIMESTAMP '2024-01-01 10:00:00' - INTERVAL '1' DAY               | 2023-12-31 10:00:00
            # comparisons and joins across precisions compare the instants
            SELECT TIMESTAMP '2024-01-01 10:00:00.123456789' > TIMESTAMP '2024-01-01 10:00:00.123456' | true
            SELECT TIMESTAMP '2024-01-01 10:00:00.123000000' = TIMESTAMP '2024-01-01 10:00:00.123'   | true
            SELECT TIMESTAMP '2024-01-01 10:00:00' = CAST('2024-01-01 10:00:00' AS timestamp(9))     | true
            SELECT count(*) FROM (VALUES CAST('2024-01-01 10:00:00.5' AS timestamp(9))) a(x) JOIN (VALUES TIMESTAMP '2024-01-01 10:00:00.500') b(y) ON x = y | 1
            # current_timestamp: timestamp(3) with time zone, as Trino's default precision
            SELECT typeof(current_timestamp)                                        | timestamp(3) with time zone
            SELECT typeof(now())                                                    | timestamp(3) with time zone
            SELECT typeof(current_timestamp(6))                                     | timestamp(6) with time zone
            # followed through a subquery's or WITH query's column
            SELECT x FROM (SELECT TIMESTAMP '2024-01-01 10:00:00' AS x)             | 2024-01-01 10:00:00
            WITH w AS (SELECT CAST('2024-01-01 10:00:00.5' AS timestamp(6)) AS x) SELECT typeof(x) FROM w | timestamp(6)
            """)
    void keepsTrinosPrecision(String sql, String expected) {
        assertThat(value(sql)).isEqualTo(expected);
    }

    /** DuckDB holds nine fraction digits at most; Trino's 10 to 12 (picoseconds) are refused rather than cut. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            SELECT TIMESTAMP '2024-01-01 10:00:00.123456789012'
            SELECT CAST('2024-01-01 10:00:00' AS timestamp(12))
            SELECT CAST(TIMESTAMP '2024-01-01 10:00:00 UTC' AS timestamp(10) with time zone)
            """)
    void refusesPicoseconds(String sql) {
        assertThatThrownBy(() -> value(sql)).isInstanceOf(UnsupportedSqlException.class)
                .hasMessageContaining("timestamp precision 1");
    }

    /** The refusal names the precision and why (SQL-GAPS.md). */
    @Test
    void refusalSaysWhy() {
        assertThatThrownBy(() -> value("SELECT CAST('2024-01-01 10:00:00' AS timestamp(12))"))
                .hasMessage("athena-local does not support timestamp precision 12 (more than 9 fraction digits; "
                        + "DuckDB keeps nanoseconds) (see athena-local/SQL-GAPS.md)");
    }

    /** Known gaps (SQL-GAPS.md, Timestamp precision), asserted still to differ from Trino so that a fix shows. */
    @Test
    void knownGapsStillDiffer() {
        // a CASE of timestamps: the precision is not followed through it (Trino: 10:00:00)
        assertThat(value("SELECT CASE WHEN 1 = 1 THEN TIMESTAMP '2024-01-01 10:00:00' END"))
                .as("fixed? expect Trino's 2024-01-01 10:00:00 and update SQL-GAPS.md")
                .isEqualTo("2024-01-01 10:00:00.000");
        // text cut to microseconds by DuckDB before rounding (Trino: .123457)
        assertThat(value("SELECT CAST('2024-01-01 10:00:00.1234565' AS timestamp(6))"))
                .as("fixed? expect Trino's .123457 and update SQL-GAPS.md")
                .isEqualTo("2024-01-01 10:00:00.123456");
        // a zoned timestamp(9) holds microseconds (Trino keeps .123456789)
        assertThat(value("SELECT TIMESTAMP '2024-01-01 10:00:00.123456789 UTC'"))
                .as("fixed? expect Trino's .123456789 and update SQL-GAPS.md")
                .isEqualTo("2024-01-01 10:00:00.123456000 UTC");
    }

    /** Measured: ColumnInfo says timestamp, Precision 3, whatever precision the value has; the text keeps it. */
    @Test
    void columnInfoStaysTimestampPrecision3() {
        TranslatedRows r = TranslatedRows.run(DUCK.connection(),
                "SELECT CAST('2024-01-01 10:00:00.123456789' AS timestamp(9)), TIMESTAMP '2024-01-01 10:00:00'", "default");
        assertThat(r.columns).allSatisfy(c -> {
            assertThat(c.type().athenaName()).isEqualTo("timestamp");
            assertThat(c.type().precision()).isEqualTo(3);
        });
        assertThat(r.rows.get(0)).containsExactly("2024-01-01 10:00:00.123456789", "2024-01-01 10:00:00");
    }
}
