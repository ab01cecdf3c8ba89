package ai.connecty.athena.local.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which operands a {@code /} or {@code %} takes: the rewrite must follow Trino's precedence and leave the rest alone. */
class SqlTranslatorDivisionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "SELECT a / b c FROM t|select athena_divide(a, b) c from t",
        "SELECT x - a / -b|select x - athena_divide(a, -b)",
        "SELECT -a / b|select -athena_divide(a, b)",
        "SELECT a * b / c % d|select athena_modulo(athena_divide(a * b, c), d)",
        "SELECT a / b * c|select athena_divide(a, b) * c",
        "SELECT t.a / t.b[1]|select athena_divide(t.a, t.b[1])",
        "SELECT f(x) / g(y, z)|select athena_divide(f(x), g(y, z))",
        "SELECT sum(x) OVER (PARTITION BY y) / count(*) FILTER (WHERE z)|select athena_divide(sum(x) over (partition by y), count(*) filter (where z))",
        "SELECT CASE WHEN a THEN 1 END / 2|select athena_divide(case when a then 1 end, 2)",
        "SELECT CASE WHEN a / b > 1 THEN 1 END|select case when athena_divide(a, b) > 1 then 1 end",
        "SELECT CAST(a AS integer) / (b + 1)|select athena_divide(CAST(a AS INTEGER), (b + 1))",
        "SELECT x::int / 2|select athena_divide(x::int, 2)",
        "SELECT DECIMAL '1.5' / 2|select athena_divide(CAST('1.5' AS DECIMAL(2,1)), 2)",
        "SELECT a/*c*/ / 2|select athena_divide(a, 2)",
        "SELECT * FROM t WHERE a % 2 = 0|select * from t where athena_modulo(a, 2) = 0",
        "SELECT t.*, count(*) * 2, '10 / 2', \"a/b\" FROM t|select t.*, count(*) * 2, '10 / 2', \"a/b\" from t",
    })
    void divisionOperands(String athena, String duckDb) {
        assertThat(SqlTranslator.toDuckDb(athena, false)).isEqualTo(duckDb);
    }
}
