package ai.connecty.athena.jdbc.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Types;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ColumnTypeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "null", value = {
            "string, " + Types.VARCHAR + ", varchar, 2147483647, null",
            "varchar(20), " + Types.VARCHAR + ", varchar, 20, null",
            "char(3), " + Types.CHAR + ", char, 3, null",
            "int, " + Types.INTEGER + ", integer, 10, 0",
            "integer, " + Types.INTEGER + ", integer, 10, 0",
            "tinyint, " + Types.TINYINT + ", tinyint, 3, 0",
            "smallint, " + Types.SMALLINT + ", smallint, 5, 0",
            "bigint, " + Types.BIGINT + ", bigint, 19, 0",
            "float, " + Types.REAL + ", float, 7, null",
            "double, " + Types.DOUBLE + ", double, 15, null",
            "'decimal(10,2)', " + Types.DECIMAL + ", decimal, 10, 2",
            "'DECIMAL(38, 9)', " + Types.DECIMAL + ", decimal, 38, 9",
            "decimal, " + Types.DECIMAL + ", decimal, 10, 0",
            "boolean, " + Types.BOOLEAN + ", boolean, 1, null",
            "binary, " + Types.VARBINARY + ", varbinary, 1073741824, null",
            "date, " + Types.DATE + ", date, 10, null",
            "timestamp, " + Types.TIMESTAMP + ", timestamp, 23, 3",
            "array<int>, " + Types.ARRAY + ", array<int>, null, null",
            "'map<string,int>', " + Types.JAVA_OBJECT + ", 'map<string,int>', null, null",
            "'struct<a:int,b:string>', " + Types.STRUCT + ", 'struct<a:int,b:string>', null, null",
            "geometry, " + Types.OTHER + ", geometry, null, null",
    })
    void hiveTypesMapToJdbcAndAthenaNames(String hive, int jdbcType, String typeName, Integer size, Integer digits) {
        ColumnType type = ColumnType.of(hive);
        assertThat(type.jdbcType()).isEqualTo(jdbcType);
        assertThat(type.typeName()).isEqualTo(typeName);
        assertThat(type.columnSize()).isEqualTo(size);
        assertThat(type.decimalDigits()).isEqualTo(digits);
    }
}
