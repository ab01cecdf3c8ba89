package ai.connecty.athena.local.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The columns a CREATE TABLE AS makes, held to Trino's analysis ({@link CtasQuery}; StatementAnalyzer's
 * validateColumns): each needs a name and a type other than an untyped NULL's, judged field by field where the tree
 * and the catalog show the columns.
 */
class CtasQueryTest {

    private static final TableColumns CATALOG = name -> name.get(name.size() - 1).equals("src")
            ? List.of(new TableColumns.Declared("id", "int"), new TableColumns.Declared("name", "string")) : null;

    private static String checked(String ctas) {
        return CtasQuery.duckDbQuery(SqlStatement.parse(ctas), CATALOG);
    }

    @Test
    void theFirstColumnWithoutANameOrWithAnUntypedNullFails() {
        assertThatThrownBy(() -> checked("CREATE TABLE t AS SELECT id, upper(name) FROM src"))
                .isInstanceOf(EngineFailure.class)
                .hasMessage("MISSING_COLUMN_NAME: line 1:1: Column name not specified at position 2");
        assertThatThrownBy(() -> checked("CREATE TABLE t AS SELECT NULL AS a, 1"))
                .isInstanceOf(EngineFailure.class).hasMessage("COLUMN_TYPE_UNKNOWN: line 1:1: Column type is unknown: a");
        assertThatThrownBy(() -> checked("CREATE TABLE t AS SELECT * FROM (VALUES (1, NULL)) AS v(a, b)"))
                .isInstanceOf(EngineFailure.class).hasMessage("COLUMN_TYPE_UNKNOWN: line 1:1: Column type is unknown: b");
        // a set operation's columns are named by its first branch only
        assertThat(checked("CREATE TABLE t AS SELECT 1 AS x UNION ALL SELECT 2")).isNotBlank();
        assertThatThrownBy(() -> checked("CREATE TABLE t AS SELECT 1 UNION ALL SELECT 2 AS x"))
                .isInstanceOf(EngineFailure.class).hasMessage("MISSING_COLUMN_NAME: line 1:1: Column name not "
                        + "specified at position 1");
    }

    @Test
    void namedTypedColumnsAndColumnsNotShownPass() {
        assertThat(checked("CREATE TABLE t AS SELECT *, CAST(NULL AS date) AS d, name AS n FROM src")).isNotBlank();
        // NULL beside a typed value in a VALUES column takes that value's type
        assertThat(checked("CREATE TABLE t AS SELECT * FROM (VALUES (1), (NULL)) AS v(a)")).isNotBlank();
        // the columns of an unknown table are not shown: nothing is judged
        assertThat(checked("CREATE TABLE t AS SELECT * FROM elsewhere")).isNotBlank();
    }
}
