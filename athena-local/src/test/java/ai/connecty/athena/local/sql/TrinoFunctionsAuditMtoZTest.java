package ai.connecty.athena.local.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Trino functions named m to z whose athena-local translation gave another answer than Trino's: each expected value
 * is Trino's, from the docs (trinodb/trino docs/src/main/sphinx/functions/*.md) or the Trino class named beside it.
 */
class TrinoFunctionsAuditMtoZTest {

    @RegisterExtension
    static final DuckDbSuite DUCK = new DuckDbSuite();

    private static List<String> row(String sql) {
        return TranslatedRows.joined(DUCK.connection(), sql, "default");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = " => ", value = {
        // DateTimeFunctions.millisecondFromTimestamp / millisecondFromInterval: the millisecond of the second
        "SELECT millisecond(TIMESTAMP '2020-01-01 10:11:12.345') => 345",
        "SELECT millisecond(INTERVAL '1.5' SECOND) => 500",
        "SELECT millisecond(TIMESTAMP '2020-01-01 10:11:12.345 +05:30') => 345",
        // MathFunctions.sign: the argument's type (signInteger, sign(bigint), decimal(1,0), real); Math.signum(NaN)
        "SELECT sign(-5), typeof(sign(-5)) => -1 | integer",
        "SELECT typeof(sign(BIGINT '-3')) => bigint",
        "SELECT sign(DECIMAL '-2.5'), typeof(sign(DECIMAL '-2.5')) => -1 | decimal(1,0)",
        "SELECT sign(REAL '-2.5'), typeof(sign(REAL '-2.5')) => -1.0 | real",
        "SELECT sign(CAST(nan() AS double)) => NaN",
        // MathFunctions.sqrt is Math.sqrt: NaN below 0
        "SELECT sqrt(-1) => NaN",
        // array.md repeat / RepeatFunction: an array of count elements
        "SELECT repeat('a', 3), repeat(1, 3), repeat(NULL, 2), repeat('a', 0) => [a, a, a] | [1, 1, 1] | [null, null] | []",
        // string.md strpos(string, substring, instance) / StringFunctions.stringPosition
        "SELECT strpos('abcab', 'b', 2), strpos('abcab', 'b', -1), strpos('abc', 'x', 1), strpos('aaa', 'aa', 2) => 5 | 5 | 0 | 2",
        "SELECT typeof(strpos('a', 'a')), strpos('abc', '') => bigint | 1",
        // StringFunctions.split: a limit keeps the rest in the last part
        "SELECT split('a,b,c', ',', 2), split('a,b,c', ',', 1), split('a,b,c', ',', 5) => [a, b,c] | [a,b,c] | [a, b, c]",
        // array.md none_match: NULL when the predicate is NULL for some element and false for the others
        "SELECT none_match(ARRAY[1, NULL], x -> x > 5), none_match(ARRAY[1, NULL], x -> x > 0), none_match(ARRAY[], x -> true) => null | false | true",
        // StringFunctions.replace: an empty search inserts the replacement before every character and at the end
        "SELECT replace('abc', '', 'x'), replace('', '', 'x'), replace('aé', '', '$1') => xaxbxcx | x | $1a$1é$1",
        // ArraySliceFunction: a negative start counts from the end, before the first gives []
        "SELECT slice(ARRAY[1,2,3], -3, 5), slice(ARRAY[1,2,3], -5, 2), slice(ARRAY[1,2,3,4], -2, 2) => [1, 2, 3] | [] | [3, 4]",
        // StringFunctions.substr: empty for a start of 0, a length below 1 and a start before the first character
        "SELECT length(substr('abc', 0)), length(substr('abc', 2, -1)), length(substr('abc', -4)), length(substr('abc', 0, 2)), substr('abc', -3) => 0 | 0 | 0 | 0 | abc",
        // SequenceFunction.sequenceDefaultStep / sequenceDateDefaultStep: counts down when stop < start
        "SELECT sequence(5, 1), sequence(DATE '2020-01-03', DATE '2020-01-01') => [5, 4, 3, 2, 1] | [2020-01-03, 2020-01-02, 2020-01-01]",
        "SELECT cardinality(sequence(1, 10000)) => 10000",
    })
    void valuesAsTrino(String sql, String expected) {
        assertThat(row(sql)).containsExactly(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = " => ", value = {
        // RepeatFunction
        "SELECT repeat('a', -1) => INVALID_FUNCTION_ARGUMENT: count argument of repeat function must be greater than or equal to 0",
        "SELECT repeat('a', 10001) => INVALID_FUNCTION_ARGUMENT: count argument of repeat function must be less than or equal to 10000",
        // StringFunctions.stringPosition
        "SELECT strpos('abc', 'b', 0) => INVALID_FUNCTION_ARGUMENT: 'instance' must be a positive or negative number.",
        // StringFunctions.split
        "SELECT split('abc', '') => INVALID_FUNCTION_ARGUMENT: The delimiter may not be the empty string",
        "SELECT split('abc', ',', 0) => INVALID_FUNCTION_ARGUMENT: Limit must be positive",
        // ArraySliceFunction
        "SELECT slice(ARRAY[1,2,3], 0, 1) => INVALID_FUNCTION_ARGUMENT: SQL array indices start at 1",
        "SELECT slice(ARRAY[1,2,3], 1, -1) => INVALID_FUNCTION_ARGUMENT: length must be greater than or equal to 0",
        // SequenceFunction.checkValidStep / checkMaxEntry
        "SELECT sequence(1, 5, -1) => INVALID_FUNCTION_ARGUMENT: sequence stop value should be greater than or equal to start value if step is greater than zero otherwise stop should be less than or equal to start",
        "SELECT sequence(1, 5, 0) => INVALID_FUNCTION_ARGUMENT: step must not be zero",
        "SELECT sequence(1, 10001) => INVALID_FUNCTION_ARGUMENT: result of sequence function must not have more than 10000 entries",
    })
    void errorsAsTrino(String sql, String message) {
        assertThatThrownBy(() -> row(sql)).hasMessageContaining(message);
    }
}
