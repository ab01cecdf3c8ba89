package ai.connecty.athena.local.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AthenaTypesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "VARCHAR|varchar|2147483647|0|true|varchar",
        "INTEGER|integer|10|0|false|integer",
        "BIGINT|bigint|19|0|false|bigint",
        "SMALLINT|smallint|5|0|false|smallint",
        "TINYINT|tinyint|3|0|false|tinyint",
        "HUGEINT|decimal|38|0|false|decimal(38,0)",
        "DOUBLE|double|17|0|false|double",
        "FLOAT|float|17|0|false|real",
        "DECIMAL(10,2)|decimal|10|2|false|decimal(10,2)",
        "BOOLEAN|boolean|0|0|false|boolean",
        "DATE|date|0|0|false|date",
        "TIMESTAMP|timestamp|3|0|false|timestamp",
        "TIMESTAMP_NS|timestamp|3|0|false|timestamp",
        "TIMESTAMP WITH TIME ZONE|timestamp with time zone|3|0|false|timestamp with time zone",
        "TIME|time|3|0|false|time",
        "BLOB|varbinary|1073741824|0|false|varbinary",
        "INTEGER[]|array|0|0|false|array(integer)",
        "INTEGER[3]|array|0|0|false|array(integer)",
        "VARCHAR[][]|array|0|0|false|array(array(varchar))",
        "MAP(VARCHAR, INTEGER)|map|0|0|false|map(varchar, integer)",
        "STRUCT(a INTEGER, b VARCHAR)|row|0|0|false|row(a integer, b varchar)",
        "STRUCT(\"my field\" INTEGER)|row|0|0|false|row(\"my field\" integer)",
        "STRUCT(INTEGER, VARCHAR)|row|0|0|false|row(integer, varchar)",
        "JSON|json|0|0|false|json",
        "UUID|uuid|0|0|false|uuid",
        "INTERVAL|interval day to second|0|0|false|interval day to second",
    })
    void mapsDuckDbColumnTypes(String duck, String type, int precision, int scale, boolean caseSensitive, String trino) {
        AthenaColumnType t = AthenaTypes.fromDuckDb(duck);
        assertThat(t.athenaName()).isEqualTo(type);
        assertThat(t.precision()).isEqualTo(precision);
        assertThat(t.scale()).isEqualTo(scale);
        assertThat(t.caseSensitive()).isEqualTo(caseSensitive);
        assertThat(t.trinoName()).isEqualTo(trino);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "int|integer|10|int|INTEGER",
        "string|varchar|2147483647|string|VARCHAR",
        "varchar(20)|varchar|20|varchar(20)|VARCHAR",
        "char(5)|char|5|char(5)|VARCHAR",
        "binary|varbinary|1073741824|binary|BLOB",
        "float|float|17|float|FLOAT",
        "decimal(10,2)|decimal|10|decimal(10,2)|DECIMAL(10,2)",
        "timestamp|timestamp|3|timestamp|TIMESTAMP",
        "array<int>|array|0|array<int>|INTEGER[]",
        "map<string,int>|map|0|map<string,int>|MAP(VARCHAR, INTEGER)",
        "struct<a:int,b:string>|row|0|struct<a:int,b:string>|STRUCT(\"a\" INTEGER, \"b\" VARCHAR)",
        "array<struct<a:int,b:array<string>>>|array|0|array<struct<a:int,b:array<string>>>|STRUCT(\"a\" INTEGER, \"b\" VARCHAR[])[]",
        "array(integer)|array|0|array<int>|INTEGER[]",
        "row(a integer, b varchar)|row|0|struct<a:int,b:string>|STRUCT(\"a\" INTEGER, \"b\" VARCHAR)",
    })
    void mapsHiveTypes(String hive, String type, int precision, String hiveName, String duckType) {
        AthenaColumnType t = AthenaTypes.fromHive(hive);
        assertThat(t.athenaName()).isEqualTo(type);
        assertThat(t.precision()).isEqualTo(precision);
        assertThat(t.hiveName()).isEqualTo(hiveName);
        assertThat(AthenaTypes.duckDbTypeForHive(hive)).isEqualTo(duckType);
    }

    @Test
    void rejectsUnknownHiveTypesByName() {
        assertThatThrownBy(() -> AthenaTypes.fromHive("array<nosuch>"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'array<nosuch>'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"varchar(2147483648)", "decimal(1.5,1)", "char(1e3)"})
    void refusesLengthsThatAreNoIntegerByNamingTheType(String hive) {
        assertThatThrownBy(() -> AthenaTypes.fromHive(hive))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Unknown or malformed type '" + hive + "'");
    }

    /** information_schema.columns.data_type: Trino's display names of Glue (Hive) and view (Trino) column types. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "int|integer",
        "string|varchar",
        "varchar(12)|varchar(12)",
        "char(3)|char(3)",
        "float|real",
        "binary|varbinary",
        "timestamp|timestamp(3)",
        "decimal(10,2)|decimal(10,2)",
        "array<int>|array(integer)",
        "map<string,array<bigint>>|map(varchar, array(bigint))",
        "struct<a:int,`my field`:string,s:struct<x:date>>|row(a integer, my field varchar, s row(x date))",
        "array(row(a integer, b varchar))|array(row(a integer, b varchar))",
    })
    void trinoDisplayNames(String glue, String display) {
        assertThat(AthenaTypes.trinoDisplayName(glue)).isEqualTo(display);
    }
}
