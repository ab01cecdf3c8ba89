package ai.connecty.athena.local.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which operands a {@code +} or {@code -} with an interval takes: Trino's precedence, the rest left alone. */
class SqlTranslatorIntervalTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "SELECT d + INTERVAL '1' DAY FROM t|select athena_plus(d, interval '1' day) from t",
        "SELECT INTERVAL '1' DAY + d|select athena_plus(interval '1' day, d)",
        "SELECT a + b - INTERVAL '1' DAY|select athena_minus(a + b, interval '1' day)",
        "SELECT d - INTERVAL '1' DAY - INTERVAL '1' MONTH|select athena_minus(athena_minus(d, interval '1' day), interval '1' month)",
        "SELECT a / b + INTERVAL '1' DAY|select athena_plus(athena_divide(a, b), interval '1' day)",
        "SELECT d + 2 * INTERVAL '1' DAY|select athena_plus(d, 2 * interval '1' day)",
        "SELECT -INTERVAL '1' DAY + d|select athena_plus(-interval '1' day, d)",
        "SELECT x - INTERVAL '1' DAY > y AND z + 1 = 2|select athena_minus(x, interval '1' day) > y and z + 1 = 2",
        "SELECT f(d) + INTERVAL '1' DAY, t.d - INTERVAL '1-2' YEAR TO MONTH|select athena_plus(f(d), interval '1' day), athena_minus(t.d, interval '1-2' year to month)",
        "SELECT d BETWEEN e - INTERVAL '7' DAY AND e|select d between athena_minus(e, interval '7' day) and e",
        "SELECT a + b, a - 1, '1' + INTERVAL|select a + b, a - 1, '1' + interval",
    })
    void intervalOperands(String athena, String duckDb) {
        assertThat(SqlTranslator.toDuckDb(athena, false)).isEqualTo(duckDb);
    }
}
