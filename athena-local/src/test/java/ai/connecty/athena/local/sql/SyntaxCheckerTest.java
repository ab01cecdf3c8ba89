package ai.connecty.athena.local.sql;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyntaxCheckerTest {

    @Test
    void unknownFirstKeywordListsTrinosStatements() {
        assertThatThrownBy(() -> SyntaxChecker.check("SELEC 1"))
                .isInstanceOf(SqlRejectedException.class)
                .hasMessage("line 1:1: mismatched input 'SELEC'. Expecting: 'ALTER', 'ANALYZE', 'CALL', 'COMMENT', "
                        + "'COMMIT', 'CREATE', 'DEALLOCATE', 'DELETE', 'DENY', 'DESC', 'DESCRIBE', 'DROP', 'EXECUTE', "
                        + "'EXPLAIN', 'GRANT', 'INSERT', 'MERGE', 'PREPARE', 'REFRESH', 'RESET', 'REVOKE', 'ROLLBACK', "
                        + "'SET', 'SHOW', 'START', 'TRUNCATE', 'UNLOAD', 'UPDATE', 'USE', <query>");
    }

    @Test
    void selectAloneExpectsAnExpression() {
        assertThatThrownBy(() -> SyntaxChecker.check("SELECT"))
                .hasMessage("line 1:7: mismatched input '<EOF>'. Expecting: '*', 'ALL', 'DISTINCT', <expression>");
    }

    @Test
    void incompleteSelectIsNotSupported() {
        assertThatThrownBy(() -> SyntaxChecker.check("SELECT FROM t")).hasMessage("Queries of this type are not supported");
        assertThatThrownBy(() -> SyntaxChecker.check("SELECT 1\nFROM")).hasMessage("Queries of this type are not supported");
    }

    @Test
    void unclosedCommentAtStart() {
        assertThatThrownBy(() -> SyntaxChecker.check("/* c SELECT 1"))
                .hasMessageStartingWith("line 1:1: mismatched input '/'. Expecting: 'ALTER'");
    }

    @Test
    void unclosedQuoteIsATokenRecognitionError() {
        assertThatThrownBy(() -> SyntaxChecker.check("SELECT 'abc"))
                .isInstanceOf(SqlRejectedException.class)
                .hasMessage("line 1:8: token recognition error at: ''abc'");
        assertThatThrownBy(() -> SyntaxChecker.check("SELECT 1,\n  \"abc"))
                .hasMessage("line 2:3: token recognition error at: '\"abc'");
    }

    @Test
    void unbalancedParentheses() {
        assertThatThrownBy(() -> SyntaxChecker.check("SELECT (1")).hasMessageStartingWith("line 1:10: mismatched input '<EOF>'");
        assertThatThrownBy(() -> SyntaxChecker.check("SELECT 1)")).hasMessageStartingWith("line 1:9: mismatched input ')'");
    }

    @Test
    void trinosGrammarReportsErrorsInItsOwnWordsAndPositions() {
        assertThatThrownBy(() -> SyntaxChecker.check("SELECT a FROM t WHERE WHERE b"))
                .isInstanceOfSatisfying(SqlRejectedException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.athenaErrorCode()).isEqualTo("MALFORMED_QUERY"))
                .hasMessage("line 1:23: mismatched input 'WHERE'. Expecting: <expression>");
        assertThatThrownBy(() -> SyntaxChecker.check("EXPLAIN SELECT 1 +"))
                .hasMessage("line 1:19: mismatched input '<EOF>'. Expecting: <expression>");
        assertThatThrownBy(() -> SyntaxChecker.check("INSERT INTO t\nSELECT `a` FROM u"))
                .hasMessage("line 2:8: backquoted identifiers are not supported; use double quotes to quote identifiers");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT 1", "TABLE t", "VALUES 1, 2", "(SELECT 1)", "SELECT(1)", "SELECT'a'", "SELECT*FROM t",
        "SELECT x FROM t CROSS JOIN UNNEST(arr) WITH ORDINALITY AS u(x, n)",
        "SELECT transform(ARRAY[1, 2], x -> x + 1), reduce(ARRAY[1], 0, (s, x) -> s + x, s -> s)",
        "SELECT CAST(ROW(1, 'x') AS ROW(a integer, b varchar)), X'0102', DECIMAL '1.50'",
        "WITH a AS (SELECT 1 AS n) SELECT n FROM a",
        "INSERT INTO t (a, b) SELECT 1, 2", "CREATE TABLE t AS SELECT 1 AS a", "CREATE TABLE t AS (SELECT 1 AS a)",
        "CREATE EXTERNAL TABLE t (a int) STORED AS PARQUET LOCATION 's3://b/p/'",
        "CREATE EXTERNAL TABLE t (a int) ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' STORED AS TEXTFILE LOCATION 's3://b/p/'",
        "EXPLAIN (TYPE VALIDATE) SELECT 1",
        "SHOW TABLES", "DESCRIBE t", "MSCK REPAIR TABLE t", "CREATE EXTERNAL TABLE t (a int) LOCATION 's3://b/'",
        "SELECT date_format(current_timestamp, '%Y-%m-%d %H:%i:%s')",
    })
    void acceptsValidAthenaSql(String sql) {
        assertThatCode(() -> SyntaxChecker.check(sql)).doesNotThrowAnyException();
    }
}
