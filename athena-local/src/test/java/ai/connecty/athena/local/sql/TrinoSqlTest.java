package ai.connecty.athena.local.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Table references come from Trino's tree: every position a table can take, and never a CTE's own name. */
class TrinoSqlTest {

    private static List<String> names(String sql) {
        return TrinoSql.tableNames(TrinoSql.parse(sql)).stream().map(p -> String.join(".", p)).toList();
    }

    @Test
    void tablesInEveryPositionAreFound() {
        assertThat(names("SELECT * FROM a JOIN b.c ON a.x = c.x LEFT JOIN cat.d.e USING (x)"))
                .containsExactly("a", "b.c", "cat.d.e");
        assertThat(names("SELECT (SELECT max(x) FROM s1) FROM t WHERE EXISTS (SELECT 1 FROM s2) AND x IN (SELECT x FROM s3)"))
                .containsExactlyInAnyOrder("s1", "t", "s2", "s3");
        assertThat(names("SELECT * FROM t CROSS JOIN UNNEST(ARRAY[(SELECT count(*) FROM u)]) AS z(n)"))
                .containsExactlyInAnyOrder("t", "u");
        assertThat(names("SELECT * FROM t, LATERAL (SELECT * FROM u WHERE u.x = t.x)")).containsExactly("t", "u");
        assertThat(names("SELECT x FROM t UNION ALL SELECT x FROM u EXCEPT TABLE v")).containsExactly("t", "u", "v");
        assertThat(names("SELECT * FROM \"Db\".\"T\"")).containsExactly("db.t");
    }

    @Test
    void withClausesDefineNamesThatAreNotTables() {
        assertThat(names("WITH t AS (SELECT * FROM base) SELECT * FROM t JOIN other USING (x)"))
                .containsExactly("base", "other");
        assertThat(names("WITH a AS (SELECT 1 AS x), b AS (SELECT * FROM a) SELECT * FROM b")).isEmpty();
        // Inside the first CTE, the second's name is still a table (non-recursive WITH sees only earlier names).
        assertThat(names("WITH a AS (SELECT * FROM b), b AS (SELECT 1 AS x) SELECT * FROM a")).containsExactly("b");
        // A qualified name is always a table, even when a CTE has its last part as name.
        assertThat(names("WITH t AS (SELECT 1 AS x) SELECT * FROM db.t")).containsExactly("db.t");
        // Outside the query that defines it, a CTE name is a table again.
        assertThat(names("SELECT * FROM (WITH t AS (SELECT 1 AS x) SELECT * FROM t) JOIN t USING (x)")).containsExactly("t");
    }

    @Test
    void statementsCarryingAQueryNameItsTables() {
        assertThat(names("INSERT INTO target SELECT * FROM source")).containsExactly("target", "source");
        assertThat(names("CREATE TABLE n WITH (format = 'PARQUET') AS SELECT * FROM src")).containsExactly("src");
        assertThat(names("CREATE VIEW v AS SELECT * FROM src JOIN db.other USING (x)")).containsExactly("src", "db.other");
        assertThat(names("EXPLAIN SELECT * FROM t")).containsExactly("t");
    }

    @Test
    void syntaxErrorsAreTrinosWithPositionsInTheWholeStatement() {
        assertThatThrownBy(() -> TrinoSql.parse("SELECT * FROM t WHERE"))
                .isInstanceOf(SqlRejectedException.class)
                .hasMessage("line 1:22: mismatched input '<EOF>'. Expecting: <expression>");
        // The whole statement is parsed once, so a query inside EXPLAIN is positioned in the statement.
        assertThatThrownBy(() -> TrinoSql.parse("EXPLAIN\n  SELECT 1 +"))
                .hasMessage("line 2:13: mismatched input '<EOF>'. Expecting: <expression>");
    }
}
