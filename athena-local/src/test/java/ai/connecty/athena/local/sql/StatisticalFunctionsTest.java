package ai.connecty.athena.local.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Trino's statistical and math functions (trinodb/trino docs/src/main/sphinx/functions/math.md) that athena-local
 * lacked or answered otherwise. Expected values are Trino's: TestMathFunctions (testNormalCdf, testInverseNormalCdf,
 * testBetaCdf, testInverseBetaCdf, testWilsonInterval, testToBase, testRandom, testRound, testAbs) and
 * MathFunctions / WilsonInterval / RealSumAggregation of io.trino.operator.scalar and .aggregation. Each row is one
 * statement's first row, its values joined with {@code " | "}.
 */
class StatisticalFunctionsTest {

    @RegisterExtension
    static final DuckDbSuite DUCK = new DuckDbSuite();

    @ParameterizedTest(name = "{0} => {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
            # testNormalCdf: 0.5 * (1 + erf((v - mean) / (sd * sqrt(2)))), commons-math3's erf
            "SELECT normal_cdf(0, 1, 1.96), typeof(normal_cdf(0, 1, 1.96))" => 0.9750021048517796 | double
            "SELECT normal_cdf(10, 9, 10)" => 0.5
            "SELECT normal_cdf(-1.5, 2.1, -7.8)" => 0.0013498980316301035
            "SELECT normal_cdf(0, 1, infinity()), normal_cdf(0, 1, -infinity())" => 1.0 | 0.0
            "SELECT normal_cdf(infinity(), 1, 0), normal_cdf(-infinity(), 1, 0)" => 0.0 | 1.0
            "SELECT normal_cdf(0, infinity(), 0)" => 0.5
            "SELECT normal_cdf(nan(), 1, 0), normal_cdf(0, 1, nan())" => NaN | NaN
            # testInverseNormalCdf: mean + sd * sqrt(2) * erfInv(2p - 1)
            "SELECT inverse_normal_cdf(0, 1, 0.3), typeof(inverse_normal_cdf(0, 1, 0.3))" => -0.5244005127080409 | double
            "SELECT inverse_normal_cdf(10, 9, 0.9)" => 21.533964089901406
            "SELECT inverse_normal_cdf(0.5, 0.25, 0.65)" => 0.596330116601892
            # testBetaCdf / testInverseBetaCdf: commons-math3's BetaDistribution
            "SELECT beta_cdf(3, 3.6, 0.0), beta_cdf(3, 3.6, 1.0)" => 0.0 | 1.0
            "SELECT beta_cdf(3, 3.6, 0.3), typeof(beta_cdf(3, 3.6, 0.3))" => 0.21764809997679938 | double
            "SELECT beta_cdf(3, 3.6, 0.9)" => 0.9972502881611551
            "SELECT inverse_beta_cdf(3, 3.6, 0.0), inverse_beta_cdf(3, 3.6, 1.0)" => 0.0 | 1.0
            "SELECT inverse_beta_cdf(3, 3.6, 0.3), typeof(inverse_beta_cdf(3, 3.6, 0.3))" => 0.3469675485440618 | double
            "SELECT inverse_beta_cdf(3, 3.6, 0.95)" => 0.7600272463100223
            # testWilsonInterval
            "SELECT wilson_interval_lower(1250, 1310, 1.96e0), typeof(wilson_interval_lower(1250, 1310, 1.96e0))" => 0.9414883725395894 | double
            "SELECT wilson_interval_upper(1250, 1310, 1.96e0), typeof(wilson_interval_upper(1250, 1310, 1.96e0))" => 0.9642524717143908 | double
            # WilsonInterval: z = 0 is allowed, all successes give an upper bound of 1
            "SELECT wilson_interval_lower(0, 1, 0), wilson_interval_upper(10, 10, 0)" => 0.0 | 1.0
            # NULL in, NULL out (each function is declared NULL on NULL), also for a NULL where an argument is invalid
            "SELECT normal_cdf(NULL, 1, 0), normal_cdf(0, NULL, 0), normal_cdf(0, 1, NULL)" => null | null | null
            "SELECT inverse_normal_cdf(0, 0, NULL), beta_cdf(NULL, 3, 0.5), inverse_beta_cdf(3, 3, NULL)" => null | null | null
            "SELECT wilson_interval_lower(NULL, 0, 1.96), wilson_interval_upper(5, NULL, 1.96)" => null | null
            "SELECT typeof(normal_cdf(NULL, NULL, NULL)), typeof(wilson_interval_upper(NULL, NULL, NULL))" => double | double
            # per row, with NULL rows and a column of each type Trino coerces to double or takes as bigint
            "SELECT sum(normal_cdf(m, 1, v)) FROM (VALUES (0, 0.0), (NULL, 1.0), (10, 10.0)) t(m, v)" => 1.0
            "SELECT max(wilson_interval_upper(s, n, 1.96)) FROM (VALUES (BIGINT '1250', BIGINT '1310'), (NULL, 5)) t(s, n)" => 0.9642524717143908
            # an argument error inside try() is NULL, as Trino's try() turns INVALID_FUNCTION_ARGUMENT into NULL
            "SELECT try(normal_cdf(0, 0, 1)), try(wilson_interval_lower(0, 0, 1.96))" => null | null
            # testToBase: Long.toString(x, radix); MathFunctions.toBase
            "SELECT to_base(2147483648, 16), to_base(255, 2), to_base(-2147483647, 16)" => 80000000 | 11111111 | -7fffffff
            "SELECT to_base(35, 36), to_base(NULL, 16), to_base(-2147483647, NULL)" => z | null | null
            # MathFunctions.log(b, x) is Math.log(x) / Math.log(b): base 1 gives Infinity, base 0 gives -0.0
            "SELECT log(1, 5), log(0, 5), log(2, 8), log(NULL, 5)" => Infinity | -0.0 | 3.0 | null
            # testRandom: random(m, n) and random(n) have the bounds' type, within [m, n)
            "SELECT typeof(random(TINYINT '3', TINYINT '5')), typeof(random(SMALLINT '5')), typeof(random(BIGINT '5'))" => tinyint | smallint | bigint
            "SELECT typeof(random(1000)), typeof(random(3000000000)), typeof(random(-10, 10))" => integer | bigint | integer
            "SELECT count_if(x NOT BETWEEN -100 AND 99) FROM (SELECT random(TINYINT '-100', TINYINT '100') AS x FROM unnest(sequence(1, 2000)))" => 0
            "SELECT min(x) >= 3, max(x) <= 4 FROM (SELECT random(TINYINT '3', TINYINT '5') AS x FROM unnest(sequence(1, 200)))" => true | true
            # testRound: a tinyint or smallint rounds to its own type
            "SELECT round(TINYINT '18', -1), typeof(round(TINYINT '18', -1)), round(TINYINT '-128', -2)" => 20 | tinyint | -100
            "SELECT round(SMALLINT '32767', -4), round(SMALLINT '-99', -1), typeof(round(SMALLINT '99', -1))" => 30000 | -100 | smallint
            # MathFunctions.sign of a double or real is Math.signum: -0.0 stays -0.0
            "SELECT sign(DOUBLE '-0.0'), sign(REAL '-0.0'), sign(DOUBLE '-2.5')" => -0.0 | -0.0 | -1.0
            # RealSumAggregation and RealAverageAggregation: a real in, a real out (sum where the argument is known
            # to be a real)
            "SELECT sum(CAST(x AS real)), typeof(sum(CAST(x AS real))), avg(x), typeof(avg(x)) FROM (VALUES REAL '1.5', REAL '2.25') t(x)" => 3.75 | real | 1.875 | real
            "SELECT typeof(sum(x)), typeof(avg(x)) FROM (VALUES DOUBLE '1.5') t(x)" => double | double
            "SELECT typeof(sum(x)), typeof(avg(x)) FROM (VALUES 1, 2) t(x)" => bigint | double
            "SELECT sum(REAL '1.5') OVER (), typeof(sum(CAST(x AS real)) OVER ()) FROM (VALUES 1) t(x)" => 1.5 | real
            """)
    void runsAsInTrino(String sql, String expected) {
        assertThat(TranslatedRows.joined(DUCK.connection(), sql, "default")).first().isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} => {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
            # MathFunctions.normalCdf / inverseNormalCdf (p is checked before sd)
            "SELECT normal_cdf(0, 0, 0.1985)" => INVALID_FUNCTION_ARGUMENT: standardDeviation must be > 0
            "SELECT normal_cdf(0, -1, 0.1985)" => INVALID_FUNCTION_ARGUMENT: standardDeviation must be > 0
            "SELECT normal_cdf(0, nan(), 0.1985)" => INVALID_FUNCTION_ARGUMENT: standardDeviation must be > 0
            "SELECT inverse_normal_cdf(4, 48, 0)" => INVALID_FUNCTION_ARGUMENT: p must be 0 > p > 1
            "SELECT inverse_normal_cdf(4, 48, 1)" => INVALID_FUNCTION_ARGUMENT: p must be 0 > p > 1
            "SELECT inverse_normal_cdf(4, 0, 1.5)" => INVALID_FUNCTION_ARGUMENT: p must be 0 > p > 1
            "SELECT inverse_normal_cdf(4, 0, 0.4)" => INVALID_FUNCTION_ARGUMENT: sd must be > 0
            # MathFunctions.betaCdf / inverseBetaCdf (the value or p is checked before a and b)
            "SELECT beta_cdf(0, 3, 0.5)" => INVALID_FUNCTION_ARGUMENT: a, b must be > 0
            "SELECT beta_cdf(3, 0, 0.5)" => INVALID_FUNCTION_ARGUMENT: a, b must be > 0
            "SELECT beta_cdf(3, 5, -0.1)" => INVALID_FUNCTION_ARGUMENT: value must be 0 >= v >= 1
            "SELECT beta_cdf(0, 5, 1.1)" => INVALID_FUNCTION_ARGUMENT: value must be 0 >= v >= 1
            "SELECT inverse_beta_cdf(0, 3, 0.5)" => INVALID_FUNCTION_ARGUMENT: a, b must be > 0
            "SELECT inverse_beta_cdf(3, 0, 0.5)" => INVALID_FUNCTION_ARGUMENT: a, b must be > 0
            "SELECT inverse_beta_cdf(3, 5, -0.1)" => INVALID_FUNCTION_ARGUMENT: p must be 0 >= p >= 1
            "SELECT inverse_beta_cdf(0, 5, 1.1)" => INVALID_FUNCTION_ARGUMENT: p must be 0 >= p >= 1
            # WilsonInterval: successes, then trials, then successes <= trials, then z
            "SELECT wilson_interval_lower(-1, 100, 2.575)" => INVALID_FUNCTION_ARGUMENT: number of successes must not be negative
            "SELECT wilson_interval_lower(0, 0, 2.575)" => INVALID_FUNCTION_ARGUMENT: number of trials must be positive
            "SELECT wilson_interval_lower(10, 5, 2.575)" => INVALID_FUNCTION_ARGUMENT: number of successes must not be larger than number of trials
            "SELECT wilson_interval_lower(0, 100, -1)" => INVALID_FUNCTION_ARGUMENT: z-score must not be negative
            "SELECT wilson_interval_upper(-1, 100, 2.575)" => INVALID_FUNCTION_ARGUMENT: number of successes must not be negative
            "SELECT wilson_interval_upper(0, 0, 2.575)" => INVALID_FUNCTION_ARGUMENT: number of trials must be positive
            "SELECT wilson_interval_upper(10, 5, 2.575)" => INVALID_FUNCTION_ARGUMENT: number of successes must not be larger than number of trials
            "SELECT wilson_interval_upper(0, 100, -1)" => INVALID_FUNCTION_ARGUMENT: z-score must not be negative
            # an invalid row of a column fails the statement
            "SELECT normal_cdf(0, sd, 1) FROM (VALUES 1.0, 0.0) t(sd)" => INVALID_FUNCTION_ARGUMENT: standardDeviation must be > 0
            # Trino declares wilson's successes and trials bigint: a double does not coerce to it
            "SELECT wilson_interval_lower(1.5E0, 10, 1.96)" => FUNCTION_NOT_FOUND: line 1:8: Unexpected parameters (double, integer, double) for function wilson_interval_lower
            # MathFunctions.toBase (checkRadix)
            "SELECT to_base(255, 1)" => INVALID_FUNCTION_ARGUMENT: Radix must be between 2 and 36
            "SELECT to_base(255, 37)" => INVALID_FUNCTION_ARGUMENT: Radix must be between 2 and 36
            # MathFunctions.abs* (checkCondition with NUMERIC_VALUE_OUT_OF_RANGE)
            "SELECT abs(TINYINT '-128')" => NUMERIC_VALUE_OUT_OF_RANGE: Value -128 is out of range for abs(tinyint)
            "SELECT abs(SMALLINT '-32768')" => NUMERIC_VALUE_OUT_OF_RANGE: Value -32768 is out of range for abs(smallint)
            "SELECT abs(INTEGER '-2147483648')" => NUMERIC_VALUE_OUT_OF_RANGE: Value -2147483648 is out of range for abs(integer)
            "SELECT abs(BIGINT '-9223372036854775808')" => NUMERIC_VALUE_OUT_OF_RANGE: Value -9223372036854775808 is out of range for abs(bigint)
            "SELECT abs(x) FROM (VALUES TINYINT '-128') t(x)" => NUMERIC_VALUE_OUT_OF_RANGE: Value -128 is out of range for abs(tinyint)
            "SELECT abs(-9223372036854775807 - 1)"     => NUMERIC_VALUE_OUT_OF_RANGE: Value -9223372036854775808 is out of range for abs(bigint)
            # MathFunctions.roundTinyint/roundSmallint (DuckDB wrapped around: -126)
            "SELECT round(TINYINT '127', -1)" => NUMERIC_VALUE_OUT_OF_RANGE: Out of range for tinyint: 130
            "SELECT round(SMALLINT '-32768', -1)" => NUMERIC_VALUE_OUT_OF_RANGE: Out of range for smallint: -32770
            # testRandom
            "SELECT random(TINYINT '5', TINYINT '5')" => INVALID_FUNCTION_ARGUMENT: start value must be less than stop value
            "SELECT random(SMALLINT '0')" => INVALID_FUNCTION_ARGUMENT: bound must be positive
            """)
    void failsAsInTrino(String sql, String message) {
        assertThatThrownBy(() -> TranslatedRows.value(DUCK.connection(), sql)).isInstanceOf(EngineFailure.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void absKeepsWorkingWithinRange() {
        assertThat(TranslatedRows.joined(DUCK.connection(), "SELECT abs(TINYINT '-127'), typeof(abs(TINYINT '-127')), "
                + "abs(BIGINT '-9223372036854775807'), abs(-5)", "default"))
                .containsExactly("127 | tinyint | 9223372036854775807 | 5");
    }
}
