package ai.connecty.athena.local.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one lexing pass reads each statement's strings by the rules of the engine it goes to: Hive's backslash
 * escapes on the Hive path, Trino's literal backslash on the Trino path; the first keywords decide before the first
 * string is read.
 */
class StringRulesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "CREATE EXTERNAL TABLE t (a string COMMENT 'it\\'s') LOCATION 's3://b/t/'|'it\\'s'|false",
        "CREATE TABLE IF NOT EXISTS d.t (a string) COMMENT 'a\\'b' LOCATION 's3://b/t/'|'a\\'b'|false",
        "CREATE DATABASE d COMMENT 'x\\';y'|'x\\';y'|false",
        "ALTER TABLE t SET TBLPROPERTIES ('k'='v\\'w')|'v\\'w'|false",
        "SELECT 'C:\\' AS p|'C:\\'|true",
        "CREATE TABLE t AS SELECT 'C:\\' AS p|'C:\\'|true",
        "CREATE TABLE t (a, b) WITH (location = 's3://b/x\\') AS SELECT 1, 2|'s3://b/x\\'|true",
        "CREATE VIEW v AS SELECT 'C:\\' AS p|'C:\\'|true",
        "(SELECT 'C:\\')|'C:\\'|true",
    })
    void stringsFollowTheirEnginesRules(String sql, String literal, boolean trinoPath) throws Exception {
        SqlStatement parsed = SqlStatement.of(sql + ";");
        assertThat(parsed.onTrinoPath()).isEqualTo(trinoPath);
        assertThat(parsed.text()).contains(literal);
        if (!trinoPath) {
            assertThat(parsed.hiveTokens()).extracting(Token::text).contains(literal);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "SELECT 'a\\'; SELECT 1",
        "DROP TABLE t; SELECT 'a\\'",
    })
    void aTrinoBackslashEndsNoStringSoTheSemicolonSplits(String sql) {
        assertThatThrownBy(() -> SqlStatement.of(sql)).isInstanceOf(SqlRejectedException.class)
                .hasMessageStartingWith("Only one sql statement is allowed.");
    }
}
