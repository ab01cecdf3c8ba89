package ai.connecty.athena.local.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code char(n)} values where the statement shows them ({@link CharValues}), with Trino's answers (trinodb/trino:
 * {@code TypeCoercion} coerces a char(n) to varchar(n), {@code CharacterStringCasts.charToVarcharCast} pads it,
 * {@code StringFunctions.charLength} is n, and two chars compare at their common, longer length).
 */
class CharValuesTest {

    @RegisterExtension
    static final DuckDbSuite DUCK = new DuckDbSuite();

    @ParameterizedTest(name = "{0} => {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '"', textBlock = """
            # trailing spaces do not matter between chars, also of different lengths
            SELECT CAST('a' AS CHAR(3)) = CAST('a  ' AS CHAR(3))                           => true
            SELECT CAST('a' AS CHAR(3)) = CAST('a' AS CHAR(5))                             => true
            SELECT CAST('a' AS CHAR(3)) <> CAST('a ' AS CHAR(5))                           => false
            SELECT CAST('a' AS CHAR(3)) IS DISTINCT FROM CAST('a  ' AS CHAR(3))            => false
            SELECT CAST('a' AS CHAR(3)) < CAST('a b' AS CHAR(3))                           => true
            SELECT CAST('b' AS CHAR(2)) > CHAR 'a'                                         => true
            SELECT CHAR 'ab' = CAST('ab' AS CHAR(4))                                       => true
            SELECT CAST('a' AS CHAR(3)) IN (CAST('a ' AS CHAR(2)), CAST('b' AS CHAR(1)))   => true
            SELECT CAST('b' AS CHAR(3)) BETWEEN CHAR 'a' AND CAST('c' AS CHAR(5))          => true
            SELECT CASE CAST('a' AS CHAR(3)) WHEN CHAR 'b' THEN 1 WHEN CAST('a ' AS CHAR(2)) THEN 2 END => 2
            SELECT CASE CAST('a' AS CHAR(3)) WHEN 'a' THEN 1 WHEN 'a  ' THEN 2 ELSE 3 END   => 2
            # against a varchar, a char(n) is varchar(n): padded
            SELECT CAST('a' AS CHAR(3)) = 'a'                                              => false
            SELECT CAST('a' AS CHAR(3)) = 'a  '                                            => true
            SELECT CAST('a' AS CHAR(3)) IN ('a', 'a  ')                                    => true
            # DISTINCT and GROUP BY of chars
            SELECT count(DISTINCT x) FROM (VALUES CAST('a' AS CHAR(3)), CAST('a  ' AS CHAR(3))) t(x) => 1
            SELECT count(*) FROM (SELECT CAST(s AS CHAR(3)) c FROM (VALUES 'a', 'a ') t(s) GROUP BY 1) g => 1
            # the types
            SELECT typeof(CAST('a' AS CHAR(3)))                                            => char(3)
            SELECT typeof(CHAR 'ab')                                                       => char(2)
            SELECT typeof(x) FROM (VALUES CAST('a' AS CHAR(2))) t(x)                       => char(2)
            SELECT typeof(ARRAY[CAST('a' AS CHAR(2))])                                     => array(char(2))
            SELECT typeof(CHAR 'ab  ')                                                     => char(4)
            SELECT CHAR 'ab  ' || '|'                                                      => "ab  |"
            # a column of chars and varchars: chars join at the longer length, a varchar as varchar(n)
            SELECT typeof(x) FROM (VALUES CAST('a' AS CHAR(2)), CAST('b' AS CHAR(4))) t(x) => char(4)
            # length(char(x)) is x
            SELECT length(CAST('a' AS CHAR(3)))                                            => 3
            SELECT length(x) FROM (VALUES CAST('ab' AS CHAR(5))) t(x)                      => 5
            # the coercion to varchar pads: ||, cast to varchar, functions taking a varchar
            SELECT CAST('a' AS CHAR(3)) || '|'                                             => "a  |"
            SELECT CHAR 'a ' || CAST('b' AS CHAR(2)) || '|'                                => "a b |"
            SELECT CAST(CAST('ab' AS CHAR(4)) AS VARCHAR) || '|'                           => "ab  |"
            SELECT CAST(CAST('abc' AS CHAR(4)) AS VARCHAR(2)) || '|'                       => "ab|"
            SELECT rpad(CAST('ab' AS CHAR(4)), 6, '*')                                     => ab  **
            SELECT replace(CAST('ab' AS CHAR(4)), ' ', '_')                                => ab__
            SELECT CAST('a' AS CHAR(3)) LIKE 'a'                                           => false
            SELECT CAST('a' AS CHAR(3)) LIKE 'a  '                                         => true
            SELECT to_hex(CAST(CAST('a' AS CHAR(3)) AS varbinary))                         => 612020
            # a cast to char cuts and pads; to a number, the text the char holds
            SELECT CAST('abcdef' AS CHAR(3)) || '|'                                        => "abc|"
            SELECT CAST(CAST('12' AS CHAR(4)) AS integer) + 1                              => 13
            SELECT CAST(CAST('1.5' AS CHAR(4)) AS double)                                  => 1.5
            """)
    void behavesAsTrinosChar(String sql, String expected) {
        assertThat(TranslatedRows.value(DUCK.connection(), sql)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} => {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '"', textBlock = """
            SELECT CHAR 'ab '                                        => char(3) => "ab "
            SELECT CAST('a' AS CHAR)                                 => char(1) => a
            SELECT x FROM (VALUES CAST('a' AS CHAR(2))) t(x)         => char(2) => "a "
            SELECT y FROM (SELECT CAST('a' AS CHAR(4)) AS y) d       => char(4) => "a   "
            SELECT CAST('a' AS CHAR(3)) || 'b'                       => varchar => "a  b"
            """)
    void aResultColumnOfAKnownCharIsAPaddedChar(String sql, String type, String value) {
        TranslatedRows result = TranslatedRows.run(DUCK.connection(), sql, "default");
        OutputColumn column = result.columns.get(0);
        String name = column.type().athenaName()
                + (column.type().athenaName().equals("char") ? "(" + column.type().precision() + ")" : "");
        assertThat(name).isEqualTo(type);
        assertThat(result.rows.get(0)[0]).isEqualTo(value);
    }

    @Test
    void aCharMeetsAVarcharAsTheVarcharOfItsLengthInTrinosMessages() {
        assertThatThrownBy(() -> TranslatedRows.value(DUCK.connection(), "SELECT COALESCE(CHAR 'a', 'bc', 1)"))
                .hasMessage("TYPE_MISMATCH: line 1:33: All COALESCE operands must be the same type or coercible to a "
                        + "common type. Cannot find common type between varchar(2) and integer, all types (without "
                        + "duplicates): [char(1), varchar(2), integer]");
    }
}
