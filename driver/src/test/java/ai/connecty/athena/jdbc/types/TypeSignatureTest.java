package ai.connecty.athena.jdbc.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Types;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypeSignatureTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            // declared (Hive or Trino) | JDBC type | type name | precision | scale | display size | signature
            "string|" + Types.VARCHAR + "|varchar|2147483647|0|2147483647|varchar",
            "varchar(20)|" + Types.VARCHAR + "|varchar|20|0|20|varchar(20)",
            // Ten digits: Trino's longest varchar, as users and view definitions write it.
            "varchar(2147483647)|" + Types.VARCHAR + "|varchar|2147483647|0|2147483647|varchar(2147483647)",
            "varchar(1000000000)|" + Types.VARCHAR + "|varchar|1000000000|0|1000000000|varchar(1000000000)",
            "char(3)|" + Types.CHAR + "|char|3|0|3|char(3)",
            "int|" + Types.INTEGER + "|integer|10|0|11|integer",
            "tinyint|" + Types.TINYINT + "|tinyint|3|0|4|tinyint",
            "smallint|" + Types.SMALLINT + "|smallint|5|0|6|smallint",
            "bigint|" + Types.BIGINT + "|bigint|19|0|20|bigint",
            "float|" + Types.REAL + "|float|9|0|16|float",
            "real|" + Types.REAL + "|float|9|0|16|float",
            "double|" + Types.DOUBLE + "|double|17|0|24|double",
            "decimal(10,2)|" + Types.DECIMAL + "|decimal|10|2|12|decimal(10,2)",
            "DECIMAL(38, 9)|" + Types.DECIMAL + "|decimal|38|9|40|decimal(38,9)",
            "decimal|" + Types.DECIMAL + "|decimal|10|0|12|decimal(10,0)",
            // -0.123: sign, the zero Athena prints before the point, the point and three digits.
            "decimal(3,3)|" + Types.DECIMAL + "|decimal|3|3|6|decimal(3,3)",
            "boolean|" + Types.BOOLEAN + "|boolean|1|0|5|boolean",
            "binary|" + Types.VARBINARY + "|varbinary|1073741824|0|2147483647|varbinary",
            "date|" + Types.DATE + "|date|10|0|10|date",
            "time|" + Types.TIME + "|time|12|3|12|time",
            "time(0)|" + Types.TIME + "|time|8|0|8|time(0)",
            "time with time zone|" + Types.TIME_WITH_TIMEZONE + "|time with time zone|18|3|18|time with time zone",
            "timestamp|" + Types.TIMESTAMP + "|timestamp|23|3|23|timestamp",
            "timestamp(6)|" + Types.TIMESTAMP + "|timestamp|26|6|26|timestamp(6)",
            "timestamp(9)|" + Types.TIMESTAMP + "|timestamp|29|9|29|timestamp(9)",
            "timestamp(3) with time zone|" + Types.TIMESTAMP_WITH_TIMEZONE
                    + "|timestamp with time zone|56|3|56|timestamp(3) with time zone",
            "interval day to second|" + Types.OTHER + "|interval day to second|30|0|30|interval day to second",
            "interval year to month|" + Types.OTHER + "|interval year to month|23|0|23|interval year to month",
            "uuid|" + Types.OTHER + "|uuid|36|0|36|uuid",
            "ipaddress|" + Types.OTHER + "|ipaddress|39|0|39|ipaddress",
            "json|" + Types.OTHER + "|json|0|0|2147483647|json",
            "array<int>|" + Types.ARRAY + "|array(integer)|0|0|2147483647|array(integer)",
            "map<string,int>|" + Types.JAVA_OBJECT + "|map(varchar, integer)|0|0|2147483647|map(varchar, integer)",
            "struct<a:int,b:string>|" + Types.STRUCT + "|row(a integer, b varchar)|0|0|2147483647|row(a integer, b varchar)",
            "geometry|" + Types.OTHER + "|geometry|0|0|2147483647|geometry",
    })
    void oneModelAnswersEveryJdbcQuestion(String declared, int jdbcType, String typeName, int precision, int scale,
                                          int displaySize, String signature) {
        TypeSignature type = TypeSignature.parse(declared);
        assertThat(type.jdbcType()).isEqualTo(jdbcType);
        assertThat(type.typeName()).isEqualTo(typeName);
        assertThat(type.precision()).isEqualTo(precision);
        assertThat(type.scale()).isEqualTo(scale);
        assertThat(type.displaySize()).isEqualTo(displaySize);
        assertThat(type.signature()).isEqualTo(signature);
    }

    @Test
    void nestedTrinoAndHiveSignaturesParseToTheSameTree() {
        TypeSignature trino = TypeSignature.parse("array(row(a integer, b map(varchar, double)))");
        TypeSignature hive = TypeSignature.parse("array<struct<a:int,b:map<string,double>>>");
        assertThat(trino).isEqualTo(hive);
        assertThat(trino.signature()).isEqualTo("array(row(a integer, b map(varchar, double)))");
        TypeSignature row = trino.child(0);
        assertThat(row.kind()).isEqualTo(AthenaType.ROW);
        assertThat(row.fieldNames()).containsExactly("a", "b");
        assertThat(row.child(1).child(1).kind()).isEqualTo(AthenaType.DOUBLE);
        assertThat(trino.javaClass()).isEqualTo(java.sql.Array.class);
        assertThat(row.javaClass()).isEqualTo(java.sql.Struct.class);
        assertThat(row.child(1).javaClass()).isEqualTo(Map.class);
    }

    @Test
    void rowFieldsMayBeUnnamedQuotedOrOfMultiWordTypes() {
        TypeSignature type = TypeSignature.parse(
                "row(integer, \"x y\" varchar(3), ts timestamp(6) with time zone, decimal(5,1), timestamp with time zone)");
        assertThat(type.fieldNames()).containsExactly(null, "x y", "ts", null, null);
        assertThat(type.children()).extracting(TypeSignature::kind).containsExactly(AthenaType.INTEGER,
                AthenaType.VARCHAR, AthenaType.TIMESTAMP_WITH_TIME_ZONE, AthenaType.DECIMAL,
                AthenaType.TIMESTAMP_WITH_TIME_ZONE);
        assertThat(type.signature()).isEqualTo(
                "row(integer, \"x y\" varchar(3), ts timestamp(6) with time zone, decimal(5,1), timestamp with time zone)");
    }

    /** A printed row type stays parseable by Athena: a field named by a reserved word is quoted. */
    @Test
    void aFieldNamedByAReservedWordIsQuoted() {
        assertThat(TypeSignature.parse("struct<from:int,order_id:string,`select`:date>").signature())
                .isEqualTo("row(\"from\" integer, order_id varchar, \"select\" date)");
    }

    /** Complete: a CAST can name it, every container with what it holds; ColumnInfo's bare "array" is not. */
    @Test
    void aTypeIsCompleteWhenEveryContainerNamesWhatItHolds() {
        for (String complete : Arrays.asList("bigint", "array(row(a integer))", "map(varchar, array(date))", "json")) {
            assertThat(TypeSignature.parse(complete).isComplete()).as(complete).isTrue();
        }
        for (String partial : Arrays.asList("row", "array", "map(varchar, array)", "array(no_such)", "hyperloglog x")) {
            assertThat(TypeSignature.parse(partial).isComplete()).as(partial).isFalse();
        }
        assertThat(TypeSignature.ofColumnInfo("array", 0, 0).isComplete()).isFalse();
    }

    @Test
    void columnInfoBaseNamesTakeTheirParametersFromPrecisionAndScale() {
        assertThat(TypeSignature.ofColumnInfo("decimal", 12, 4).signature()).isEqualTo("decimal(12,4)");
        assertThat(TypeSignature.ofColumnInfo("varchar", 2147483647, 0).precision()).isEqualTo(2147483647);
        assertThat(TypeSignature.ofColumnInfo("varchar", 7, 0).signature()).isEqualTo("varchar(7)");
        assertThat(TypeSignature.ofColumnInfo("timestamp", 3, 0).precision()).isEqualTo(23);
        TypeSignature array = TypeSignature.ofColumnInfo("array", 0, 0);
        assertThat(array.child(0).kind()).isEqualTo(AthenaType.UNKNOWN);
    }

    @Test
    void malformedTextIsAnUnknownTypeThatKeepsTheText() {
        for (String text : Arrays.asList("array(integer", "map<string>", "decimal(x)", "row(a integer,)", "", "  ",
                "varchar(2147483648)", "varchar(99999999999999999999)", "varchar(\u0661\u0662)", "varchar()")) {
            TypeSignature type = TypeSignature.parse(text);
            assertThat(type.kind()).as(text).isEqualTo(AthenaType.UNKNOWN);
            assertThat(type.jdbcType()).isEqualTo(Types.OTHER);
        }
        assertThat(TypeSignature.parse("hyperloglog").typeName()).isEqualTo("hyperloglog");
    }

    @Test
    void typeInfoCoversEveryKnownKindOnceInJdbcTypeOrder() {
        assertThat(TypeSignature.typeInfoTypes()).extracting(TypeSignature::kind)
                .doesNotContain(AthenaType.UNKNOWN).doesNotHaveDuplicates()
                .hasSize(AthenaType.values().length - 1);
        assertThat(TypeSignature.typeInfoTypes()).extracting(TypeSignature::jdbcType).isSorted();
        TypeSignature decimal = TypeSignature.typeInfoTypes().stream()
                .filter(t -> t.kind() == AthenaType.DECIMAL).findFirst().orElseThrow();
        assertThat(decimal.precision()).isEqualTo(38);
    }
}
