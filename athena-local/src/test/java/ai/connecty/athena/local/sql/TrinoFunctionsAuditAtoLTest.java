package ai.connecty.athena.local.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Trino scalar and aggregate functions named a to l whose DuckDB namesake meant something else or was missing
 * (NumericCalls, CollectionCalls). Each case failed or gave another value before; the source of each expected value is cited:
 * "math.md" etc. are trinodb/trino docs/src/main/sphinx/functions/, class names are Trino's (io.trino.operator.scalar).
 */
class TrinoFunctionsAuditAtoLTest {

    @RegisterExtension
    static final DuckDbSuite DUCK = new DuckDbSuite();

    @ParameterizedTest(name = "{0} => {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # MathFunctions.acos/asin are Java's Math.acos/asin: NaN outside [-1, 1] (DuckDB failed)
            SELECT acos(2)                                        | NaN
            SELECT asin(-2)                                       | NaN
            SELECT typeof(acos(2))                                | double
            # MathFunctions.ln/log2/log10/log are Java's Math.log: -Infinity at 0, NaN below (DuckDB failed)
            SELECT ln(0)                                          | -Infinity
            SELECT ln(-1)                                         | NaN
            SELECT log10(0)                                       | -Infinity
            SELECT log2(-1)                                       | NaN
            SELECT log(2, 0)                                      | -Infinity
            SELECT log(2, 8)                                      | 3.0
            # MathFunctions.cbrt is Math.cbrt: exact for cubes (DuckDB: 3.0000000000000004)
            SELECT cbrt(27)                                       | 3.0
            SELECT cbrt(-8)                                       | -2.0
            # MathFunctions.ceiling/floor of tinyint..bigint return the argument's type (DuckDB: a double 5.0)
            SELECT ceil(5)                                        | 5
            SELECT typeof(ceiling(5))                             | integer
            SELECT typeof(floor(TINYINT '5'))                     | tinyint
            SELECT floor(BIGINT '-5')                             | -5
            # BitwiseFunctions (bitwise.md): Java's <<, >>> and >> on the argument's type; all missing in DuckDB
            SELECT bitwise_left_shift(1, 2)                       | 4
            SELECT bitwise_right_shift(8, 3)                      | 1
            SELECT bitwise_right_shift_arithmetic(-8, 2)          | -2
            SELECT typeof(bitwise_left_shift(1, 2))               | integer
            # BitwiseFunctions.bitwiseLeftShiftTinyint: masked to 8 bits with the sign kept; shifts from 64 give 0
            SELECT bitwise_left_shift(TINYINT '1', 7)             | -128
            SELECT bitwise_left_shift(BIGINT '1', 64)             | 0
            # bitwise_right_shift is logical (Java >>>)
            SELECT bitwise_right_shift(BIGINT '-1', 1)            | 9223372036854775807
            SELECT bitwise_right_shift_arithmetic(BIGINT '-8', 100) | -1
            # bitwise.md / BitwiseAndAggregation, BitwiseOrAggregation: bigint aggregates (missing in DuckDB)
            SELECT bitwise_and_agg(x) FROM (VALUES 12, 10) t(x)   | 8
            SELECT bitwise_or_agg(x) FROM (VALUES 12, 10) t(x)    | 14
            SELECT typeof(bitwise_or_agg(x)) FROM (VALUES 12, 10) t(x) | bigint
            # math.md from_base(string, radix) -> bigint (missing in DuckDB)
            SELECT from_base('ff', 16)                            | 255
            SELECT from_base('-101', 2)                           | -5
            SELECT typeof(from_base('ff', 16))                    | bigint
            # binary.md from_big_endian_32/64 -> integer/bigint, two's complement (missing in DuckDB)
            SELECT from_big_endian_32(X'FFFFFFFE')                | -2
            SELECT typeof(from_big_endian_32(X'00000001'))        | integer
            SELECT from_big_endian_64(X'0000000000000101')        | 257
            # binary.md from_ieee754_32/64 -> real/double (missing in DuckDB)
            SELECT from_ieee754_32(X'3F800000')                   | 1.0
            SELECT typeof(from_ieee754_32(X'3F800000'))           | real
            SELECT from_ieee754_64(X'4000000000000000')           | 2.0
            # binary.md from_base64url: URL-safe alphabet, padding optional (missing in DuckDB)
            SELECT from_base64url('_-8')                          | ff ef
            # string.md: index is an alias of strpos, a bigint (missing in DuckDB)
            SELECT index('abc', 'c')                              | 3
            SELECT index('abc', 'z')                              | 0
            # datetime.md: day_of_month is an alias of day (missing in DuckDB)
            SELECT day_of_month(DATE '2020-01-02')                | 2
            # DateTimeFunctions.dayFromInterval / hourFromInterval: fields of an interval day to second
            # (DuckDB: day 0, hour 76)
            SELECT day(INTERVAL '3 04:05:06' DAY TO SECOND)       | 3
            SELECT hour(INTERVAL '3 04:05:06' DAY TO SECOND)      | 4
            # StringFunctions.hammingDistance: 0 for two empty strings (DuckDB failed)
            SELECT hamming_distance('', '')                       | 0
            # string.md concat_ws(string0, array(varchar)): the array's non-NULL elements joined (DuckDB: [a, NULL, b])
            SELECT concat_ws(',', ARRAY['a', NULL, 'b'])          | a,b
            # array.md all_match/any_match: true for an empty array (all); NULL when the predicate is NULL for one or
            # more elements and decides nothing (DuckDB: NULL, false, true)
            SELECT all_match(ARRAY[], x -> false)                 | true
            SELECT any_match(ARRAY[1, NULL], x -> x > 1)          |
            SELECT all_match(ARRAY[1, NULL], x -> x > 0)          |
            SELECT any_match(ARRAY[1, NULL], x -> x > 0)          | true
            SELECT all_match(ARRAY[0, NULL], x -> x > 0)          | false
            # ArrayMaxFunction/ArrayMinFunction (ArrayMinMaxUtils): NULL when an element is NULL (DuckDB skipped it)
            SELECT array_max(ARRAY[1, NULL, 3])                   |
            SELECT array_min(ARRAY[NULL, 1])                      |
            SELECT array_max(ARRAY[1, 3])                         | 3
            """)
    void runsAsInTrino(String sql, String expected) {
        assertThat(value(sql)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} => {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # MathFunctions.fromBase (checkRadix and its NumberFormatException)
            SELECT from_base('zz', 16)            | INVALID_FUNCTION_ARGUMENT: Not a valid base-16 number: zz
            SELECT from_base('1', 37)             | INVALID_FUNCTION_ARGUMENT: Radix must be between 2 and 36
            # VarbinaryFunctions.fromBigEndian32 / fromIEEE754Binary64
            SELECT from_big_endian_32(X'01')      | INVALID_FUNCTION_ARGUMENT: expected 4-byte input, but got instead: 1
            SELECT from_ieee754_64(X'01')         | INVALID_FUNCTION_ARGUMENT: Input floating-point value must be exactly 8 bytes long
            # StringFunctions.hammingDistance
            SELECT hamming_distance('abc', 'ab')  | INVALID_FUNCTION_ARGUMENT: The input strings to hamming_distance function must have the same length
            """)
    void failsAsInTrino(String sql, String message) {
        assertThatThrownBy(() -> value(sql)).isInstanceOf(EngineFailure.class).hasMessageStartingWith(message);
    }

    private static String value(String sql) {
        return TranslatedRows.value(DUCK.connection(), sql);
    }
}
