package ai.connecty.athena.local.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatementClassifierTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SELECT 1|DML|SELECT",
        "with x AS (SELECT 1) SELECT * FROM x|DML|SELECT",
        "VALUES 1|DML|SELECT",
        "TABLE t|DML|SELECT",
        "( SELECT 1 )|DML|SELECT",
        "SELECT*FROM t|DML|SELECT",
        "-- c\\nSHOW TABLES|UTILITY|SHOW_TABLES",
        "/* SHOW TABLES */ SELECT 1|DML|SELECT",
        "INSERT INTO t SELECT 1|DML|INSERT",
        "UPDATE t SET a = 1|DML|UPDATE",
        "DELETE FROM t|DML|DELETE",
        "MERGE INTO t USING s ON (t.a = s.a) WHEN MATCHED THEN DELETE|DML|MERGE",
        "EXPLAIN ANALYZE SELECT 1|DML|EXPLAIN",
        "VACUUM t|DML|VACUUM_TABLE",
        "OPTIMIZE t REWRITE DATA USING BIN_PACK|DDL|CREATE_TABLE_AS_SELECT",
        "CREATE DATABASE d|DDL|CREATE_DATABASE",
        "CREATE SCHEMA IF NOT EXISTS d|DDL|CREATE_DATABASE",
        "DROP SCHEMA d CASCADE|DDL|DROP_DATABASE",
        "CREATE EXTERNAL TABLE t (a int) LOCATION 's3://b/'|DDL|CREATE_TABLE",
        "CREATE EXTERNAL TABLE t (a int) STORED AS PARQUET LOCATION 's3://b/'|DDL|CREATE_TABLE",
        "CREATE TABLE t WITH (format = 'PARQUET') AS (SELECT 1 AS a)|DDL|CREATE_TABLE_AS_SELECT",
        "CREATE TABLE t WITH (format = 'PARQUET') AS SELECT 1 AS a|DDL|CREATE_TABLE_AS_SELECT",
        "CREATE TABLE t AS VALUES 1|DDL|CREATE_TABLE_AS_SELECT",
        "CREATE OR REPLACE VIEW v AS SELECT 1 AS a|DDL|CREATE_VIEW",
        "DROP TABLE IF EXISTS t|DDL|DROP_TABLE",
        "DROP VIEW v|DDL|DROP_VIEW",
        "MSCK REPAIR TABLE t|DDL|MSCK_REPAIR",
        "ALTER TABLE t ADD COLUMNS (b int)|DDL|ALTER_TABLE_ADD_COLUMN",
        "ALTER TABLE t ADD IF NOT EXISTS PARTITION (dt = '1')|DDL|ALTER_TABLE_ADD_PARTITION",
        "ALTER TABLE t DROP PARTITION (dt = '1')|DDL|ALTER_TABLE_DROP_PARTITION",
        "ALTER TABLE t SET TBLPROPERTIES ('a' = 'b')|DDL|ALTER_TABLE_PROPERTIES",
        "ALTER TABLE t SET LOCATION 's3://b/'|DDL|ALTER_TABLE_SET_LOCATION",
        "ALTER TABLE t REPLACE COLUMNS (a int)|DDL|ALTER_TABLE_REPLACE_COLUMN",
        "ALTER TABLE t RENAME TO u|DDL|ALTER_TABLE_RENAME",
        "ALTER TABLE t PARTITION (dt = 'a') RENAME TO PARTITION (dt = 'b')|DDL|ALTER_TABLE_RENAME_PARTITION",
        "ALTER DATABASE d SET DBPROPERTIES ('a' = 'b')|DDL|ALTER_DATABASE",
        "ALTER SCHEMA d SET DBPROPERTIES ('a' = 'b')|DDL|ALTER_DATABASE",
        "ALTER TABLE t CHANGE a b int|DDL|ALTER_TABLE_CHANGE_COLUMN",
        "ALTER TABLE t DROP COLUMN a|DDL|ALTER_TABLE_DROP_COLUMN",
        "SHOW DATABASES|UTILITY|SHOW_DATABASES",
        "SHOW SCHEMAS LIKE 'd.*'|UTILITY|SHOW_DATABASES",
        "SHOW COLUMNS IN t|UTILITY|SHOW_COLUMNS",
        "SHOW CREATE TABLE t|UTILITY|SHOW_CREATE_TABLE",
        "SHOW CREATE VIEW v|UTILITY|SHOW_CREATE_VIEW",
        "SHOW PARTITIONS t|UTILITY|SHOW_PARTITIONS",
        "SHOW TBLPROPERTIES t|UTILITY|SHOW_TABLE_PROPERTIES",
        "SHOW FUNCTIONS|UTILITY|SHOW_FUNCTIONS",
        "DESCRIBE t|UTILITY|DESCRIBE_TABLE",
        "desc t|UTILITY|DESCRIBE_TABLE",
    })
    void classifiesAsMeasured(String sql, String statementType, String substatementType) {
        assertThat(StatementClassifier.classify(sql.replace("\\n", "\n")))
                .isEqualTo(new Classification(statementType, substatementType));
    }

    @Test
    void describeOfAViewIsDescView() {
        assertThat(StatementClassifier.forView(StatementClassifier.classify("DESCRIBE v")))
                .isEqualTo(new Classification("UTILITY", "DESC_VIEW"));
        assertThat(StatementClassifier.forView(StatementClassifier.classify("SHOW COLUMNS FROM v")))
                .isEqualTo(new Classification("UTILITY", "DESC_VIEW"));
        assertThat(StatementClassifier.forView(StatementClassifier.classify("DROP VIEW v")))
                .isEqualTo(new Classification("DDL", "DROP_VIEW"));
    }

    /** The statement entry point classifies Trino-path statements by their tree and the rest by keywords, alike. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SELECT 1|DML|SELECT|true",
        "with x AS (SELECT 1) SELECT * FROM x|DML|SELECT|true",
        "VALUES 1|DML|SELECT|true",
        "TABLE t|DML|SELECT|true",
        "( SELECT 1 )|DML|SELECT|true",
        "/* SHOW TABLES */ SELECT 1|DML|SELECT|true",
        "INSERT INTO t SELECT 1|DML|INSERT|true",
        "UPDATE t SET a = 1|DML|UPDATE|true",
        "DELETE FROM t|DML|DELETE|true",
        "MERGE INTO t USING s ON (t.a = s.a) WHEN MATCHED THEN DELETE|DML|MERGE|true",
        "EXPLAIN ANALYZE SELECT 1|DML|EXPLAIN|true",
        "EXPLAIN (TYPE VALIDATE) SELECT 1|DML|EXPLAIN|true",
        "CREATE TABLE t WITH (format = 'PARQUET') AS (SELECT 1 AS a)|DDL|CREATE_TABLE_AS_SELECT|true",
        "CREATE TABLE t AS VALUES 1|DDL|CREATE_TABLE_AS_SELECT|true",
        "CREATE OR REPLACE VIEW v AS SELECT 1 AS a|DDL|CREATE_VIEW|true",
        "CREATE EXTERNAL TABLE t (a int) STORED AS PARQUET LOCATION 's3://b/'|DDL|CREATE_TABLE|false",
        "CREATE DATABASE d|DDL|CREATE_DATABASE|false",
        "DROP VIEW v|DDL|DROP_VIEW|false",
        "MSCK REPAIR TABLE t|DDL|MSCK_REPAIR|false",
        "ALTER TABLE t ADD IF NOT EXISTS PARTITION (dt = '1')|DDL|ALTER_TABLE_ADD_PARTITION|false",
        "SHOW PARTITIONS t|UTILITY|SHOW_PARTITIONS|false",
        "DESCRIBE t|UTILITY|DESCRIBE_TABLE|false",
        "VACUUM t|DML|VACUUM_TABLE|false",
    })
    void entryPointParsesOnceAndClassifies(String sql, String statementType, String substatementType, boolean trino) {
        SqlStatement parsed = SqlStatement.parse(sql);
        assertThat(parsed.classification()).isEqualTo(new Classification(statementType, substatementType));
        assertThat(parsed.onTrinoPath()).isEqualTo(trino);
        assertThat(parsed.text()).isEqualTo(sql);
    }
}
