package ai.connecty.athena.jdbc.execution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.StatementType;

/** Which statements an emulated transaction counts as writes, from Athena's classification or, failing it, the text. */
class StatementEffectsTest {

    private static QueryExecution execution(String statementType, String substatementType, String sql) {
        return QueryExecution.builder().queryExecutionId("q").query(sql)
                .statementType(statementType == null ? null : StatementType.fromValue(statementType))
                .substatementType(substatementType).build();
    }

    @ParameterizedTest(name = "{0}/{1}: {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "DML     | SELECT                 | SELECT 1                                          | false",
            "DML     | EXPLAIN                | EXPLAIN SELECT 1                                  | false",
            "DML     | EXPLAIN                | EXPLAIN INSERT INTO t VALUES (1)                  | false",
            "DML     | EXPLAIN                | EXPLAIN ANALYZE SELECT 1                          | false",
            "DML     | EXPLAIN                | EXPLAIN ANALYZE VERBOSE INSERT INTO t VALUES (1)  | true",
            "DML     | EXPLAIN                | EXPLAIN ANALYZE (FORMAT JSON) DELETE FROM t       | true",
            "UTILITY | SHOW_TABLES            | SHOW TABLES                                       | false",
            "UTILITY | DESCRIBE_TABLE         | DESCRIBE t                                        | false",
            "UTILITY | DESC_VIEW              | DESCRIBE v                                        | false",
            "DDL     | SHOW_CREATE_TABLE      | SHOW CREATE TABLE t                               | false",
            "DML     | INSERT                 | INSERT INTO t VALUES (1)                          | true",
            "DML     | UPDATE                 | UPDATE t SET a = 1                                | true",
            "DML     | DELETE                 | DELETE FROM t                                     | true",
            "DML     | MERGE                  | MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE | true",
            "DML     | VACUUM_TABLE           | VACUUM t                                          | true",
            "DDL     | CREATE_TABLE_AS_SELECT | CREATE TABLE c AS SELECT 1                        | true",
            "DDL     | CREATE_TABLE           | CREATE EXTERNAL TABLE e (a int) LOCATION 's3://b/' | true",
            "DDL     | DROP_TABLE             | DROP TABLE t                                      | true",
            "DDL     | ALTER_TABLE_ADD_PARTITION | ALTER TABLE t ADD PARTITION (p = 1)            | true",
            "DDL     | MSCK_REPAIR            | MSCK REPAIR TABLE t                               | true",
            "UTILITY | UNLOAD                 | UNLOAD (SELECT 1) TO 's3://b/u/' WITH (format = 'PARQUET') | true",
            "DML     | SOMETHING_NEW          | SOMETHING NEW                                     | true",
            "DDL     |                        | CREATE VIEW v AS SELECT 1                         | true",
            "DML     |                        | SELECT 1                                          | false",
            "DML     |                        | INSERT INTO t VALUES (1)                          | true",
            "UTILITY |                        | SHOW DATABASES                                    | false",
            "        |                        | -- a comment\\n(SELECT 1)                         | false",
    })
    void classifiesByAthenasTypesFirst(String type, String substatement, String sql, boolean writes) {
        assertThat(StatementEffects.changesDataOrCatalog(execution(type, substatement, sql.replace("\\n", "\n"))))
                .isEqualTo(writes);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "SELECT 1                                   | false",
            "  with x AS (SELECT 1) SELECT * FROM x     | false",
            "/* INSERT */ select 1                      | false",
            "-- DROP TABLE t\\nSELECT 1                 | false",
            "((SELECT 1) UNION (SELECT 2))              | false",
            "VALUES 1, 2                                | false",
            "TABLE t                                    | false",
            "show tables                                | false",
            "DESC t                                     | false",
            "EXPLAIN (TYPE DISTRIBUTED) INSERT INTO t VALUES (1) | false",
            "EXPLAIN ANALYZE INSERT INTO t VALUES (1)   | true",
            "EXPLAIN ANALYZE (FORMAT JSON) SELECT 1     | false",
            "insert into t values (1)                   | true",
            "CREATE TABLE c AS SELECT 1                 | true",
            "DROP TABLE t                               | true",
            "ALTER TABLE t ADD COLUMNS (b int)          | true",
            "MSCK REPAIR TABLE t                        | true",
            "UNLOAD (SELECT 1) TO 's3://b/' WITH (format = 'JSON') | true",
            "OPTIMIZE t REWRITE DATA USING BIN_PACK     | true",
            "'SELECT'                                   | true",
            "                                           | false",
    })
    void textDecidesWhenTheOutcomeIsUnknown(String sql, boolean mayWrite) {
        assertThat(StatementEffects.mayChangeDataOrCatalog(sql == null ? null : sql.replace("\\n", "\n")))
                .isEqualTo(mayWrite);
    }

    @ParameterizedTest(name = "{0}/{1}: {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "DML |        | INSERT INTO t VALUES ('secret') | DML",
            "    |        | insert into t VALUES ('secret') | INSERT",
            "    |        | analyze t                       | ANALYZE",
            "    |        | insert2 into t                  | statement",
            "    |        | 'secret' + x                    | statement",
            "DDL | DROP_TABLE | DROP TABLE t               | DROP_TABLE",
    })
    void kindsNameTheStatementTypeOrTheFirstKeywordOnly(String type, String substatement, String sql, String kind) {
        assertThat(StatementEffects.kind(execution(type, substatement, sql)))
                .isEqualTo(kind);
    }
}
