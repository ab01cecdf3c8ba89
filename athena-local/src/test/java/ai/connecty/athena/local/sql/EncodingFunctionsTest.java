package ai.connecty.athena.local.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Trino's encoding, hashing and text functions DuckDB lacks ({@link EncodingFunctions}, {@link XxHash64},
 * {@link SpookyHashV2}). Expected values: Trino's TestVarbinaryFunctions vectors (xxhash64, spooky_hash_v2_*),
 * Bob Jenkins' SpookyHash V2 TestResults, RFC 4648 section 10 (base32), commons-codec's Soundex, and Trino's
 * docs (binary.md, string.md, array.md, map.md); the error messages are those of Trino's function classes.
 */
class EncodingFunctionsTest {

    @RegisterExtension
    static final DuckDbSuite DUCK = new DuckDbSuite();

    @ParameterizedTest(name = "{0} => {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "NULL", textBlock = """
            # soundex: commons-codec's US English Soundex (StringFunctions.soundex); '' for no letters
            SELECT soundex('Robert')                                   | R163
            SELECT soundex('Rupert')                                   | R163
            SELECT soundex('Ashcraft')                                 | A261
            SELECT soundex('Tymczak')                                  | T522
            SELECT soundex('jackson')                                  | J250
            SELECT soundex('A')                                        | A000
            SELECT soundex('')                                         | ""
            SELECT soundex('123 !')                                    | ""
            SELECT soundex(CAST(NULL AS varchar))                      | NULL
            SELECT typeof(soundex('x'))                                | varchar
            # xxhash64 (VarbinaryFunctions; TestVarbinaryFunctions vectors)
            SELECT to_hex(xxhash64(to_utf8('')))                       | EF46DB3751D8E999
            SELECT to_hex(xxhash64(CAST('hashme' AS varbinary)))       | F9D96E0E1165E892
            SELECT to_hex(xxhash64(to_utf8('abc')))                    | 44BC2CF5AD770999
            # python-xxhash's README vector: 39 bytes, the 32-byte stripe path
            SELECT to_hex(xxhash64(to_utf8('Nobody inspects the spammish repetition'))) | FBCEA83C8A378BF1
            SELECT length(xxhash64(to_utf8('a')))                      | 8
            SELECT typeof(xxhash64(to_utf8('a')))                      | varbinary
            SELECT xxhash64(CAST(NULL AS varbinary))                   | NULL
            # spooky_hash_v2_32/64 (VarbinaryFunctions; TestVarbinaryFunctions vectors)
            SELECT to_hex(spooky_hash_v2_32(to_utf8('')))              | 6BF50919
            SELECT to_hex(spooky_hash_v2_32(to_utf8('hello')))         | D382E6CA
            SELECT to_hex(spooky_hash_v2_64(to_utf8('')))              | 232706FC6BF50919
            SELECT to_hex(spooky_hash_v2_64(to_utf8('hello')))         | 3768826AD382E6CA
            SELECT typeof(spooky_hash_v2_64(to_utf8('hello')))         | varbinary
            SELECT spooky_hash_v2_32(CAST(NULL AS varbinary))          | NULL
            # to_base32 / from_base32: RFC 4648 section 10 with padding (Guava's base32)
            SELECT to_base32(to_utf8('f'))                             | MY======
            SELECT to_base32(to_utf8('foobar'))                        | MZXW6YTBOI======
            SELECT to_base32(to_utf8(''))                              | ""
            SELECT typeof(to_base32(to_utf8('f')))                     | varchar
            SELECT from_utf8(from_base32('MZXW6YTBOI======'))          | foobar
            SELECT from_utf8(from_base32('MZXW6YQ='))                  | foob
            SELECT from_utf8(from_base32('MZXW6YQ'))                   | foob
            SELECT typeof(from_base32('MY======'))                     | varbinary
            SELECT to_base32(CAST(NULL AS varbinary))                  | NULL
            SELECT from_base32(CAST(NULL AS varchar))                  | NULL
            # to_base64url: Java's URL-safe encoder, padded
            SELECT to_base64url(X'FFEF')                               | _-8=
            SELECT to_base64url(to_utf8('a'))                          | YQ==
            SELECT to_hex(from_base64url(to_base64url(X'FBFF01')))     | FBFF01
            SELECT typeof(to_base64url(X'00'))                         | varchar
            SELECT to_base64url(CAST(NULL AS varbinary))               | NULL
            # to_big_endian_32/64 and to_ieee754_32/64, inverses of the from_ functions
            SELECT to_hex(to_big_endian_32(1))                         | 00000001
            SELECT to_hex(to_big_endian_32(-2))                        | FFFFFFFE
            SELECT to_hex(to_big_endian_64(BIGINT '257'))              | 0000000000000101
            SELECT to_hex(to_big_endian_64(-1))                        | FFFFFFFFFFFFFFFF
            SELECT from_big_endian_32(to_big_endian_32(-123456))       | -123456
            SELECT from_big_endian_64(to_big_endian_64(BIGINT '-9223372036854775808')) | -9223372036854775808
            SELECT typeof(to_big_endian_32(1))                         | varbinary
            SELECT to_big_endian_64(CAST(NULL AS bigint))              | NULL
            SELECT to_hex(to_ieee754_32(REAL '1.0'))                   | 3F800000
            SELECT to_hex(to_ieee754_32(REAL '-0.0'))                  | 80000000
            SELECT to_hex(to_ieee754_32(CAST(nan() AS real)))          | 7FC00000
            SELECT to_hex(to_ieee754_64(2.0))                          | 4000000000000000
            SELECT to_hex(to_ieee754_64(-infinity()))                  | FFF0000000000000
            SELECT to_hex(to_ieee754_64(0.1))                          | 3FB999999999999A
            SELECT from_ieee754_32(to_ieee754_32(REAL '3.4028235E38')) | 3.4028235E38
            SELECT from_ieee754_64(to_ieee754_64(1.0E-300))            | 1.0E-300
            SELECT typeof(to_ieee754_64(1.5))                          | varbinary
            SELECT to_ieee754_32(CAST(NULL AS real))                   | NULL
            # normalize (StringFunctions.normalize: java.text.Normalizer); the form is a keyword, NFC by default
            SELECT length(normalize(concat('e', chr(769))))                  | 1
            SELECT length(normalize(chr(233), NFD))                    | 2
            SELECT length(normalize(concat('e', chr(769)), NFC))             | 1
            SELECT normalize(chr(64257), NFKC)                         | fi
            SELECT normalize(chr(64257), NFC)                          | ﬁ
            SELECT length(normalize(concat(chr(7835), chr(803)), NFKD))      | 3
            SELECT typeof(normalize('a'))                              | varchar
            SELECT normalize(CAST(NULL AS varchar), NFD)               | NULL
            # contains_sequence (ArrayContainsSequence: IDENTICAL, so NULL matches NULL)
            SELECT contains_sequence(ARRAY[1, 2, 3, 4], ARRAY[2, 3])   | true
            SELECT contains_sequence(ARRAY[1, 2, 3, 4], ARRAY[3, 2])   | false
            SELECT contains_sequence(ARRAY[1, 2, 3, 4], ARRAY[1, 3])   | false
            SELECT contains_sequence(ARRAY[1, 2], ARRAY[1, 2, 3])      | false
            SELECT contains_sequence(ARRAY[1, 2], ARRAY[])             | true
            SELECT contains_sequence(ARRAY[], ARRAY[])                 | true
            SELECT contains_sequence(ARRAY[1, NULL, 3], ARRAY[NULL, 3]) | true
            SELECT contains_sequence(ARRAY['a', 'b', 'c'], ARRAY['c']) | true
            SELECT typeof(contains_sequence(ARRAY[1], ARRAY[1]))       | boolean
            SELECT contains_sequence(CAST(NULL AS array(integer)), ARRAY[1]) | NULL
            SELECT contains_sequence(ARRAY[1], CAST(NULL AS array(integer))) | NULL
            # split_to_multimap (SplitToMultimapFunction): repeated keys gather their values in order
            SELECT split_to_multimap('a=1,b=2,a=3', ',', '=')          | {a=[1, 3], b=[2]}
            SELECT split_to_multimap('a=1,b=2,', ',', '=')             | {a=[1], b=[2]}
            SELECT split_to_multimap('', ',', '=')                     | {}
            SELECT split_to_multimap('k=>v;k=>w', ';', '=>')           | {k=[v, w]}
            SELECT split_to_multimap('=x', ',', '=')                   | {=[x]}
            SELECT split_to_multimap('a=1,b=2,a=3', ',', '=')['a'][2]  | 3
            SELECT split_to_multimap(NULL, ',', '=')                   | NULL
            SELECT split_to_multimap('a=1', NULL, '=')                 | NULL
            """)
    void runsAsInTrino(String sql, String expected) {
        assertThat(value(sql)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} => {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # StringFunctions.soundex wraps commons-codec's IllegalArgumentException
            SELECT soundex('café')                        | INVALID_FUNCTION_ARGUMENT: The character is not mapped: É (index=136)
            # VarbinaryFunctions.decodeBase32: Guava's DecodingException message
            SELECT from_base32('M')                       | INVALID_FUNCTION_ARGUMENT: Invalid input length 1
            SELECT from_base32('my======')                | INVALID_FUNCTION_ARGUMENT: Unrecognized character: m
            # StringFunctions.normalize: Normalizer.Form.valueOf of the keyword as written
            SELECT normalize('a', nfd)                    | INVALID_FUNCTION_ARGUMENT: Normalization form must be one of [NFD, NFC, NFKD, NFKC]
            # SplitToMultimapFunction
            SELECT split_to_multimap('a=1', '', '=')      | INVALID_FUNCTION_ARGUMENT: entryDelimiter is empty
            SELECT split_to_multimap('a=1', ',', '')      | INVALID_FUNCTION_ARGUMENT: keyValueDelimiter is empty
            SELECT split_to_multimap('a=1', '=', '=')     | INVALID_FUNCTION_ARGUMENT: entryDelimiter and keyValueDelimiter must not be the same
            SELECT split_to_multimap('a=1,b', ',', '=')   | INVALID_FUNCTION_ARGUMENT: Key-value delimiter must appear exactly once in each entry. Bad input: b
            SELECT split_to_multimap('a=1=2', ',', '=')   | INVALID_FUNCTION_ARGUMENT: Key-value delimiter must appear exactly once in each entry. Bad input: a=1=2
            # Trino has array_position(array(T), T) only (ArrayPositionFunction): no instance argument
            SELECT array_position(ARRAY[1, 2, 1], 1, 2)   | FUNCTION_NOT_FOUND: line 1:8: Unexpected parameters (array(integer), integer, integer) for function array_position. Expected: array_position(array(T), T) T
            # to_ieee754_32 takes a real; a double does not coerce to one
            SELECT to_ieee754_32(1.5)                     | FUNCTION_NOT_FOUND: line 1:8: Unexpected parameters (double) for function to_ieee754_32. Expected: to_ieee754_32(real)
            """)
    void failsAsInTrino(String sql, String message) {
        assertThatThrownBy(() -> value(sql)).isInstanceOf(EngineFailure.class).hasMessageStartingWith(message);
    }

    @Test
    void aFailureInsideTryIsNull() {
        assertThat(value("SELECT try(from_base32('M'))")).isNull();
        assertThat(value("SELECT try(split_to_multimap('a', ',', '='))")).isNull();
    }

    @Test
    void shuffleReturnsAPermutation() {
        Set<String> orders = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String shuffled = value("SELECT shuffle(ARRAY[1, 2, 3, 4, 5, 6, 7, 8])");
            List<String> elements = new ArrayList<>(Arrays.asList(shuffled.substring(1, shuffled.length() - 1).split(", ")));
            elements.sort(null);
            assertThat(elements).containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
            orders.add(shuffled);
        }
        // 20 draws of 8! orders: all equal only if the order is not random
        assertThat(orders).hasSizeGreaterThan(1);
        assertThat(value("SELECT shuffle(ARRAY['a', NULL, 'a'])")).matches("\\[(a, null, a|a, a, null|null, a, a)]");
        assertThat(value("SELECT shuffle(CAST(NULL AS array(integer)))")).isNull();
        assertThat(value("SELECT cardinality(shuffle(ARRAY[]))")).isEqualTo("0");
    }

    /** Jenkins' TestResults: the 32-bit hash of the first i bytes of 128, 129, 130, ... with seed 0. */
    @Test
    void spookyHashMatchesJenkinsResults() {
        int[] expected = {0x6bf50919, 0x70de1d26, 0xa2b37298, 0x35bc5fbf, 0x8223b279, 0x5bcb315e, 0x53fe88a1,
            0xf9f1a233, 0xee193982, 0x54f86f29, 0xc8772d36, 0x9ed60886, 0x5f23d1da, 0x1ed9f474, 0xf2ef0c89,
            0x83ec01f9, 0xf274736c, 0x7e9ac0df, 0xc7aed250, 0xb1015811, 0xe23470f5, 0x48ac20c4, 0xe2ab3cd5,
            0x608f8363, 0xd0639e68, 0xc4e8e7ab, 0x863c7c5b, 0x4ea63579, 0x99ae8622, 0x170c658b, 0x149ba493,
            0x027bca7c, 0xe5cfc8b6, 0xce01d9d7, 0x11103330, 0x5d1f5ed4, 0xca720ecb, 0xef408aec, 0x733b90ec,
            0x855737a6, 0x9856c65f, 0x647411f7, 0x50777c74, 0xf0f1a8b7, 0x9d7e55a5, 0xc68dd371, 0xfc1af2cc,
            0x75728d0a, 0x390e5fdc, 0xf389b84c, 0xfb0ccf23, 0xc95bad0e, 0x5b1cb85a, 0x6bdae14f, 0x6deb4626,
            0x93047034, 0x6f3266c6, 0xf529c3bd, 0x396322e7, 0x3777d042, 0x1cd6a5a2, 0x197b402e, 0xc28d0d2b,
            0x09c1afb4};
        for (int i = 0; i < expected.length; i++) {
            byte[] message = new byte[i];
            for (int j = 0; j < i; j++) {
                message[j] = (byte) (j + 128);
            }
            assertThat(SpookyHashV2.hash32(message, 0)).as("length %d", i).isEqualTo(expected[i]);
        }
    }

    /** Jenkins' TestResults for lengths 448 to 511, which take SpookyHash's long (12-word block) path. */
    @Test
    void spookyHashLongMessagesMatchJenkinsResults() {
        int[] expected = {
            0xad7baa23, 0xd181714a, 0x9bbdab78, 0x6c7d1577, 0x645eb1e7, 0xa0648264, 0x35839ca6,
            0x2287ef45, 0x32a64ca3, 0x26111f6f, 0x64814946, 0xb0cddaf1, 0x4351c59e, 0x1b30471c,
            0xb970788a, 0x30e9f597, 0xd7e58df1, 0xc6d2b953, 0xf5f37cf4, 0x3d7c419e, 0xf91ecb2d,
            0x9c87fd5d, 0xb22384ce, 0x8c7ac51c, 0x62c96801, 0x57e54091, 0x964536fe, 0x13d3b189,
            0x4afd1580, 0xeba62239, 0xb82ea667, 0xae18d43a, 0xbef04402, 0x1942534f, 0xc54bf260,
            0x3c8267f5, 0xa1020ddd, 0x112fcc8a, 0xde596266, 0xe91d0856, 0xf300c914, 0xed84478e,
            0x5b65009e, 0x4764da16, 0xaf8e07a2, 0x4088dc2c, 0x9a0cad41, 0x2c3f179b, 0xa67b83f7,
            0xf27eab09, 0xdbe10e28, 0xf04c911f, 0xd1169f87, 0x8e1e4976, 0x17f57744, 0xe4f5a33f,
            0x27c2e04b, 0x0b7523bd, 0x07305776, 0xc6be7503, 0x918fa7c9, 0xaf2e2cd9, 0x82046f8e,
            0xcc1c8250};
        for (int k = 0; k < expected.length; k++) {
            int length = 448 + k;
            byte[] message = new byte[length];
            for (int j = 0; j < length; j++) {
                message[j] = (byte) (j + 128);
            }
            assertThat(SpookyHashV2.hash32(message, 0)).as("length %d", length).isEqualTo(expected[k]);
        }
    }

    private static String value(String sql) {
        return TranslatedRows.value(DUCK.connection(), sql);
    }
}
