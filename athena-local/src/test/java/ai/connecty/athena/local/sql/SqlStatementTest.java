package ai.connecty.athena.local.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.trino.sql.tree.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The query a statement carries, found in the one tree: its text as written and the node the printer gets. */
class SqlStatementTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "SELECT 1|SELECT 1",
        "INSERT INTO t (a, b) SELECT 1, 2|SELECT 1, 2",
        "INSERT INTO t VALUES (1, 'a')|VALUES (1, 'a')",
        "CREATE TABLE t AS SELECT 1 AS a|SELECT 1 AS a",
        "CREATE TABLE t WITH (format = 'PARQUET') AS (SELECT 1 AS a)|SELECT 1 AS a",
        "CREATE TABLE t AS ( SELECT 1 AS a ) WITH NO DATA|SELECT 1 AS a",
        "CREATE TABLE IF NOT EXISTS t AS SELECT 1 AS a WITH DATA|SELECT 1 AS a",
        "CREATE OR REPLACE VIEW v AS SELECT a FROM t|SELECT a FROM t",
        "CREATE VIEW v AS (SELECT a FROM t)|(SELECT a FROM t)",
        "CREATE VIEW v AS\\nWITH w AS (SELECT 1 AS n)\\nSELECT n FROM w|WITH w AS (SELECT 1 AS n)\\nSELECT n FROM w",
    })
    void carriedQueryKeepsItsText(String sql, String queryText) {
        SqlStatement parsed = SqlStatement.parse(sql.replace("\\n", "\n"));
        assertThat(parsed.query()).containsInstanceOf(Query.class);
        assertThat(parsed.queryText()).isEqualTo(queryText.replace("\\n", "\n"));
    }

    /** The QueryString's text rules and the statement's checks share one lexing; positions stay the statement's. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "  SELECT 'abc",
        "\n  /* c */ SELECT a FROM t WHERE WHERE b ;",
        "-- c\nSELECT (1 ;",
        "  SELECT 1) ; ",
        " SELEC 1",
        "\tSELECT FROM t",
    })
    void queryStringIsCheckedAsItsStatement(String queryString) {
        String q = queryString.replace("\\n", "\n").replace("\\t", "\t");
        String expected = null;
        try {
            SqlStatement.parse(StatementText.normalize(q));
        } catch (SqlRejectedException e) {
            expected = e.getMessage();
        }
        assertThat(expected).isNotNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SqlStatement.of(q)).hasMessage(expected);
    }

    @Test
    void queryStringKeepsLeadingCommentsAndDropsSemicolons() {
        SqlStatement s = SqlStatement.of("\n /* c */ SELECT 1 ;  ");
        assertThat(s.text()).isEqualTo("/* c */ SELECT 1");
        assertThat(s.onTrinoPath()).isTrue();
        assertThat(SqlStatement.of("  SHOW TABLES ;").text()).isEqualTo("SHOW TABLES");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "EXPLAIN SELECT 1",
        "EXPLAIN ANALYZE VERBOSE SELECT 1",
        "EXPLAIN (TYPE VALIDATE) INSERT INTO t SELECT 1",
    })
    void explainCarriesTheExplainedQuery(String sql) {
        assertThat(SqlStatement.parse(sql).query()).isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "DELETE FROM t WHERE a = 1",
        "SHOW TABLES",
        "CREATE EXTERNAL TABLE t (a int) LOCATION 's3://b/'",
    })
    void statementsWithoutAQueryHaveNone(String sql) {
        assertThat(SqlStatement.parse(sql).query()).isEmpty();
    }
}
