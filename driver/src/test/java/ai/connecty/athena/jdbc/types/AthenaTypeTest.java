package ai.connecty.athena.jdbc.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Types;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.CsvSource;

class AthenaTypeTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "varchar|VARCHAR", "varchar(10)|VARCHAR", "string|VARCHAR", "char|CHAR", "integer|INTEGER", "int|INTEGER",
            "tinyint|TINYINT", "smallint|SMALLINT", "bigint|BIGINT", "double|DOUBLE", "float|FLOAT", "real|FLOAT",
            "float8|DOUBLE", "float4|FLOAT",
            "decimal|DECIMAL", "decimal(10,2)|DECIMAL", "boolean|BOOLEAN", "date|DATE", "timestamp|TIMESTAMP",
            "timestamp(6)|TIMESTAMP", "timestamp with time zone|TIMESTAMP_WITH_TIME_ZONE",
            "timestamp(3) with time zone|TIMESTAMP_WITH_TIME_ZONE", "time|TIME", "time with time zone|TIME_WITH_TIME_ZONE",
            "varbinary|VARBINARY", "binary|VARBINARY", "array|ARRAY", "array<int>|ARRAY", "array(integer)|ARRAY",
            "map<string,int>|MAP", "row|ROW", "struct<a:int>|ROW", "json|JSON", "uuid|UUID", "ipaddress|IPADDRESS",
            "interval day to second|INTERVAL_DAY_TO_SECOND", "interval year to month|INTERVAL_YEAR_TO_MONTH",
            "VARCHAR|VARCHAR", "hyperloglog|UNKNOWN"})
    void resolvesAthenaAndHiveNames(String name, AthenaType expected) {
        assertThat(AthenaType.fromName(name)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is java.sql.Types {1}")
    @CsvSource({"varchar,12", "char,1", "integer,4", "tinyint,-6", "smallint,5", "bigint,-5", "double,8", "float,7",
            "decimal,3", "boolean,16", "date,91", "timestamp,93", "timestamp with time zone,2014", "time,92",
            "time with time zone,2013", "varbinary,-3", "array,2003", "row,2002", "map,2000", "json,1111"})
    void reportsJdbcTypes(String name, int jdbcType) {
        assertThat(AthenaType.fromName(name).jdbcType()).isEqualTo(jdbcType);
        assertThat(jdbcType).isNotEqualTo(Types.NULL);
    }

    /** getTypeInfo's LITERAL_PREFIX, LITERAL_SUFFIX and CREATE_PARAMS, and UNSIGNED_ATTRIBUTE as isSigned. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "NULL", value = {
            "VARCHAR|'|'|length|false|true", "CHAR|'|'|length|false|true", "VARBINARY|X'|'|NULL|false|false",
            "INTERVAL_DAY_TO_SECOND|INTERVAL '|' DAY TO SECOND|NULL|false|false",
            "INTERVAL_YEAR_TO_MONTH|INTERVAL '|' YEAR TO MONTH|NULL|false|false",
            "DECIMAL|DECIMAL '|'|precision,scale|true|false", "DATE|DATE '|'|NULL|false|false",
            "TIME|TIME '|'|precision|false|false", "TIME_WITH_TIME_ZONE|TIME '|'|precision|false|false",
            "TIMESTAMP|TIMESTAMP '|'|precision|false|false",
            "TIMESTAMP_WITH_TIME_ZONE|TIMESTAMP '|'|precision|false|false", "JSON|JSON '|'|NULL|false|false",
            "UUID|UUID '|'|NULL|false|false", "IPADDRESS|IPADDRESS '|'|NULL|false|false",
            "INTEGER|NULL|NULL|NULL|true|false", "DOUBLE|NULL|NULL|NULL|true|false", "BOOLEAN|NULL|NULL|NULL|false|false",
            "ARRAY|NULL|NULL|NULL|false|false"})
    void literalsDeclarationsAndSign(AthenaType type, String prefix, String suffix, String createParams, boolean signed,
            boolean text) {
        assertThat(type.literalPrefix()).isEqualTo(prefix);
        assertThat(type.literalSuffix()).isEqualTo(suffix);
        assertThat(type.createParams()).isEqualTo(createParams);
        assertThat(type.isSigned()).isEqualTo(signed);
        assertThat(type.isText()).isEqualTo(text);
    }

    @ParameterizedTest
    @EnumSource(AthenaType.class)
    void onlyNumbersAreSigned(AthenaType type) {
        assertThat(type.isSigned()).isEqualTo(type.isExactNumber() || type.isApproximateNumber());
    }
}
