package ai.connecty.athena.jdbc.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The getColumns/getTypeInfo facts of {@link TypeSignature} and the corners of {@link TypeParser} that the mutation
 * audit found untested in this package.
 */
class TypeSignatureFactsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            // type | signed | case sensitive | radix | octet length | has scale | has precision | max scale | comparable | LIKE
            "integer         | true  | false | 10   | null       | true  | true  | 0  | true  | false",
            "double          | true  | false | 10   | null       | false | true  | 0  | true  | false",
            "decimal(10,2)   | true  | false | 10   | null       | true  | true  | 38 | true  | false",
            "varchar(10)     | false | true  | null | 40         | false | true  | 0  | true  | true",
            "char(3)         | false | true  | null | 12         | false | true  | 0  | true  | true",
            "varchar         | false | true  | null | 2147483647 | false | true  | 0  | true  | true",
            "json            | false | true  | null | null       | false | false | 0  | false | false",
            "boolean         | false | false | null | null       | false | true  | 0  | true  | false",
            "date            | false | false | null | null       | false | true  | 0  | true  | false",
            "time(3)         | false | false | null | null       | true  | true  | 12 | true  | false",
            "time(3) with time zone      | false | false | null | null | true | true | 12 | true | false",
            "timestamp(6)    | false | false | null | null       | true  | true  | 12 | true  | false",
            "timestamp(3) with time zone | false | false | null | null | true | true | 12 | true | false",
            "array(integer)  | false | false | null | null       | false | false | 0  | false | false",
            "map(varchar,integer) | false | false | null | null  | false | false | 0  | false | false",
            "row(a integer)  | false | false | null | null       | false | false | 0  | false | false",
            "unknown         | false | false | null | null       | false | false | 0  | false | false",
    })
    void metadataFacts(String name, boolean signed, boolean caseSensitive, Integer radix, Integer octetLength,
                       boolean hasScale, boolean hasPrecision, int maximumScale, boolean comparable, boolean like) {
        TypeSignature type = TypeSignature.parse(name);
        assertThat(type.isSigned()).as("signed").isEqualTo(signed);
        assertThat(type.isCaseSensitive()).as("case sensitive").isEqualTo(caseSensitive);
        assertThat(type.radix()).as("radix").isEqualTo(radix);
        assertThat(type.charOctetLength()).as("octet length").isEqualTo(octetLength);
        assertThat(type.hasScale()).as("has scale").isEqualTo(hasScale);
        assertThat(type.hasPrecision()).as("has precision").isEqualTo(hasPrecision);
        assertThat(type.maximumScale()).as("maximum scale").isEqualTo(maximumScale);
        assertThat(type.isComparable()).as("comparable").isEqualTo(comparable);
        assertThat(type.supportsLike()).as("LIKE").isEqualTo(like);
    }

    /** A length or fraction precision of 0 is a precision, not its absence: timestamp(0) is whole seconds. */
    @Test
    void zeroLengthsAndZeroFractionDigitsAreKept() {
        assertThat(TypeSignature.parse("timestamp(0)").signature()).isEqualTo("timestamp(0)");
        assertThat(TypeSignature.parse("time(0)").signature()).isEqualTo("time(0)");
        assertThat(TypeSignature.parse("timestamp(0) with time zone").signature()).isEqualTo("timestamp(0) with time zone");
        assertThat(TypeSignature.parse("varchar(0)").signature()).isEqualTo("varchar(0)");
        assertThat(TypeSignature.parse("varchar(0)").precision()).isZero();
        assertThat(TypeSignature.parse("varchar(123456789)").precision()).isEqualTo(123456789);
        // ColumnInfo's 0 means unknown: the same type as the bare name.
        assertThat(TypeSignature.ofColumnInfo("varchar", 0, 0).signature()).isEqualTo("varchar");
        assertThat(TypeSignature.ofColumnInfo("varchar", 5, 0).signature()).isEqualTo("varchar(5)");
        assertThat(TypeSignature.ofColumnInfo("varchar(0)", 5, 0).signature()).isEqualTo("varchar(0)");
        assertThat(TypeSignature.ofColumnInfo("decimal", 0, 0)).isEqualTo(TypeSignature.parse("decimal"));
        assertThat(TypeSignature.ofColumnInfo("decimal", 12, -1).signature()).isEqualTo("decimal(12,0)");
    }

    @Test
    void castSignatureSpellsFloatAsReal() {
        assertThat(TypeSignature.parse("array(float)").castSignature()).isEqualTo("array(real)");
        assertThat(TypeSignature.parse("row(a float, b decimal(5,1))").castSignature()).isEqualTo("row(a real, b decimal(5,1))");
        assertThat(TypeSignature.parse("array(float)").toString()).isEqualTo("array(float)");
    }

    @Test
    void equalTypesHaveEqualHashCodes() {
        TypeSignature a = TypeSignature.parse("row(a integer, b array(varchar(3)))");
        TypeSignature b = TypeSignature.parse("ROW(A INTEGER, B ARRAY(VARCHAR(3)))");
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(TypeSignature.parse("row(a integer, b array(varchar(4)))"));
        assertThat(a).isNotEqualTo(TypeSignature.parse("row(x integer, b array(varchar(3)))"));
        assertThat(a).isNotEqualTo("row(a integer, b array(varchar(3)))");
        assertThat(TypeSignature.parse("decimal(10,2)").hashCode()).isNotEqualTo(TypeSignature.parse("decimal(10,3)").hashCode());
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', value = {
            "timestamp(3) without time zone | timestamp(3)",
            "row(timestamp with time zone, x integer) | row(timestamp with time zone, x integer)",
            "row(time timestamp(3)) | row(time timestamp(3))",
            "row(time with time zone) | row(time with time zone)",
            "struct<`a b` :int> | row(\"a b\" integer)",
            "row(`a b` integer) | row(\"a b\" integer)",
            "row(\"a\"\"b\" integer) | row(\"a\"\"b\" integer)",
            "row( a integer , b varchar ) | row(a integer, b varchar)",
            "decimal ( 10 , 2 ) | decimal(10,2)",
            "array < integer > | array(integer)",
            "map ( varchar , integer ) | map(varchar, integer)",
            "interval day to second | interval day to second",
    })
    void typeTextInEveryShapeAthenaAndHiveWrite(String text, String signature) {
        TypeSignature type = TypeSignature.parse(text);
        // The unknown type prints its text: the kind tells a parsed type from text the parser gave up on.
        assertThat(type.kind()).isNotEqualTo(AthenaType.UNKNOWN);
        assertThat(type.signature()).isEqualTo(signature);
    }

    /** Truncated or unterminated type text is the unknown type, never an exception out of the parser. */
    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', value = {"decimal(10", "varchar(", "row(\"a integer)", "row(\"a\"", "timestamp without zone"})
    void malformedTypeTextIsTheUnknownType(String text) {
        assertThat(TypeSignature.parse(text).kind()).isEqualTo(AthenaType.UNKNOWN);
    }

    @Test
    void rowFieldNamesAreKeptUnquoted() {
        assertThat(TypeSignature.parse("row(`a b` integer)").fieldNames()).containsExactly("a b");
        assertThat(TypeSignature.parse("row(\"a\"\"b\" integer)").fieldNames()).containsExactly("a\"b");
        assertThat(TypeSignature.parse("row(timestamp with time zone, x integer)").fieldNames())
                .isEqualTo(Arrays.asList(null, "x"));
        assertThat(TypeSignature.parse("row(time timestamp(3))").fieldNames()).containsExactly("time");
        TypeSignature unnamedTime = TypeSignature.parse("row(time with time zone)");
        assertThat(unnamedTime.fieldNames()).isEqualTo(Arrays.asList((String) null));
        assertThat(unnamedTime.child(0).kind()).isEqualTo(AthenaType.TIME_WITH_TIME_ZONE);
    }
}
