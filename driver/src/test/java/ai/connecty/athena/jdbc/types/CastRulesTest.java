package ai.connecty.athena.jdbc.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Types;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Athena type of each java.sql.Types constant, and which casts DatabaseMetaData.supportsConvert reports. */
class CastRulesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "BIT|boolean", "BOOLEAN|boolean", "TINYINT|tinyint", "SMALLINT|smallint", "INTEGER|integer", "BIGINT|bigint",
            "REAL|real", "FLOAT|double", "DOUBLE|double", "DECIMAL|decimal(38,9)", "NUMERIC|decimal(38,9)",
            "CHAR|varchar", "NCHAR|varchar", "VARCHAR|varchar", "NVARCHAR|varchar", "LONGVARCHAR|varchar",
            "LONGNVARCHAR|varchar", "CLOB|varchar", "NCLOB|varchar", "BINARY|varbinary", "VARBINARY|varbinary",
            "LONGVARBINARY|varbinary", "BLOB|varbinary", "DATE|date", "TIME|time",
            "TIME_WITH_TIMEZONE|time with time zone", "TIMESTAMP|timestamp",
            "TIMESTAMP_WITH_TIMEZONE|timestamp with time zone", "ARRAY|none", "STRUCT|none", "OTHER|none", "NULL|none"})
    void athenaTypeOfEachJdbcType(String jdbcName, String athena) throws ReflectiveOperationException {
        assertThat(CastRules.athenaTypeOf(Types.class.getField(jdbcName).getInt(null))).isEqualTo(athena);
    }

    @ParameterizedTest(name = "{0} to {1}: {2}")
    @CsvSource({
            "INTEGER,BIGINT,true", "INTEGER,BOOLEAN,true", "INTEGER,VARCHAR,true", "BOOLEAN,DOUBLE,true",
            "BOOLEAN,BOOLEAN,true", "BOOLEAN,CHAR,true", "INTEGER,DATE,false", "INTEGER,VARBINARY,false",
            "BOOLEAN,TIMESTAMP,false",
            "VARCHAR,DATE,true", "VARCHAR,TIME_WITH_TIMEZONE,true", "VARCHAR,INTEGER,true", "VARCHAR,VARBINARY,false",
            "VARBINARY,VARBINARY,true", "VARBINARY,VARCHAR,false", "VARBINARY,INTEGER,false",
            "DATE,DATE,true", "DATE,VARCHAR,true", "DATE,TIMESTAMP,true", "DATE,TIMESTAMP_WITH_TIMEZONE,true",
            "DATE,TIME,false", "DATE,INTEGER,false",
            "TIME,TIME,true", "TIME,TIME_WITH_TIMEZONE,true", "TIME_WITH_TIMEZONE,TIME,true", "TIME,VARCHAR,true",
            "TIME,DATE,false", "TIME,TIMESTAMP,false", "TIME_WITH_TIMEZONE,BIGINT,false",
            "TIMESTAMP,DATE,true", "TIMESTAMP,TIME,true", "TIMESTAMP,VARCHAR,true", "TIMESTAMP_WITH_TIMEZONE,TIMESTAMP,true",
            "TIMESTAMP,BIGINT,false", "TIMESTAMP,BOOLEAN,false", "TIMESTAMP,VARBINARY,false",
            "ARRAY,VARCHAR,false", "VARCHAR,ARRAY,false", "OTHER,OTHER,false"})
    void castsByFamily(String from, String to, boolean castable) throws ReflectiveOperationException {
        assertThat(CastRules.castable(Types.class.getField(from).getInt(null), Types.class.getField(to).getInt(null)))
                .isEqualTo(castable);
    }
}
