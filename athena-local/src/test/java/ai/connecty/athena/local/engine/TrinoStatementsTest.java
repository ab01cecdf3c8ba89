package ai.connecty.athena.local.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.engine.ddl.DdlStatement;
import ai.connecty.athena.local.sql.SqlStatement;
import ai.connecty.athena.local.sql.UnsupportedSqlException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** INSERT, CTAS and CREATE VIEW read their target and options from the tree parsed at StartQueryExecution. */
class TrinoStatementsTest {

    private static DdlStatement header(String sql) {
        return TrinoStatements.header(SqlStatement.parse(sql));
    }

    @Test
    void insertNamesItsTargetAndColumns() {
        assertThat(header("INSERT INTO Db.\"T\" (A, \"b\") SELECT 1, 2"))
                .isEqualTo(new DdlStatement.Insert(new DdlStatement.Name(null, "db", "t"), List.of("a", "b"), "SELECT 1, 2"));
        assertThat(header("INSERT INTO awsdatacatalog.db.t VALUES (1)"))
                .isEqualTo(new DdlStatement.Insert(new DdlStatement.Name("awsdatacatalog", "db", "t"), List.of(),
                        "VALUES (1)"));
    }

    @Test
    void ctasKeepsItsPropertiesAsWritten() {
        DdlStatement.CreateTableAs ctas = (DdlStatement.CreateTableAs) header("CREATE TABLE IF NOT EXISTS t WITH ("
                + "format = 'PARQUET', External_Location = 's3://b/it''s/', partitioned_by = ARRAY['dt']) "
                + "AS (SELECT 1 AS a, '2024' AS dt) WITH NO DATA");
        assertThat(ctas.table()).isEqualTo(new DdlStatement.Name(null, null, "t"));
        assertThat(ctas.ifNotExists()).isTrue();
        assertThat(ctas.withData()).isFalse();
        assertThat(ctas.properties()).hasSize(3).containsEntry("format", "'PARQUET'")
                .containsEntry("external_location", "'s3://b/it''s/'")
                .containsEntry("partitioned_by", "ARRAY['dt']");
        assertThat(ctas.query()).isEqualTo("SELECT 1 AS a, '2024' AS dt");
    }

    @Test
    void createViewKeepsItsQueryText() {
        assertThat(header("CREATE OR REPLACE VIEW v AS SELECT a FROM t"))
                .isEqualTo(new DdlStatement.CreateView(new DdlStatement.Name(null, null, "v"), true, "SELECT a FROM t"));
    }

    @Test
    void otherTrinoStatementsHaveNoHeader() {
        assertThatThrownBy(() -> header("DELETE FROM t")).isInstanceOf(UnsupportedSqlException.class);
        assertThatThrownBy(() -> header("CREATE TABLE t (a) AS SELECT 1"))
                .isInstanceOf(UnsupportedSqlException.class).hasMessageContaining("column names");
    }
}
