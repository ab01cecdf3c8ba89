package ai.connecty.athena.jdbc.parameters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SqlTextTest {

    @Test
    void placeholdersOutsideLiteralsIdentifiersAndComments() {
        SqlText text = SqlText.of("SELECT '?''?', \"?\", `?`, ? -- ?\n/* ? */ ?, 'unterminated ?");
        assertThat(text.parameterCount()).isEqualTo(2);
        assertThat(SqlText.of("SELECT 1 /* unterminated ?").parameterCount()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "SELECT ?|true|false", "  with x AS (SELECT 1) SELECT ?|true|false", "(SELECT ?)|true|false",
            "INSERT INTO t VALUES (?)|true|false", "/* c */ VALUES ?|true|false",
            "CREATE TABLE t WITH (format = 'PARQUET') AS SELECT ?|true|false",
            "CREATE EXTERNAL TABLE t (a int) LOCATION ?|false|true", "ALTER TABLE t ADD PARTITION (p = ?)|false|true",
            "SHOW TABLES IN db LIKE ?|false|true", "SHOW COLUMNS IN t|false|false", "CREATE VIEW v AS SELECT ?|false|false",
            "EXPLAIN SELECT ?|false|false", "DESCRIBE t|false|true", "DROP VIEW v|false|false"})
    void whetherAthenaBindsParametersAndWhichEngineParsesTheText(String sql, boolean bound, boolean hive) {
        SqlText text = SqlText.of(sql.replace("\\n", "\n"));
        assertThat(text.takesExecutionParameters()).isEqualTo(bound);
        assertThat(text.isHiveStatement()).isEqualTo(hive);
    }

    @Test
    void jdbcEscapesTranslateToAthenaSql() throws SQLException {
        assertThat(JdbcEscapes.translate("SELECT {d '2020-01-02'}, {t '01:02:03'}, {ts '2020-01-02 01:02:03.5'}"))
                .isEqualTo("SELECT DATE '2020-01-02', TIME '01:02:03', TIMESTAMP '2020-01-02 01:02:03.5'");
        assertThat(JdbcEscapes.translate("SELECT {fn ucase({fn ifnull(name, 'x')})}, {fn curdate()} FROM t"))
                .isEqualTo("SELECT upper(coalesce(name, 'x')), current_date FROM t");
        assertThat(JdbcEscapes.translate("SELECT * FROM {oj a LEFT OUTER JOIN b ON a.id = b.id} WHERE n LIKE 'a!%' {escape '!'}"))
                .isEqualTo("SELECT * FROM a LEFT OUTER JOIN b ON a.id = b.id WHERE n LIKE 'a!%' ESCAPE '!'");
        assertThat(JdbcEscapes.translate("SELECT '{d x}', \"{\" -- {\n")).isEqualTo("SELECT '{d x}', \"{\" -- {\n");
        assertThatThrownBy(() -> JdbcEscapes.translate("{call p(?)}")).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThatThrownBy(() -> JdbcEscapes.translate("SELECT {d '2020-01-01'")).isInstanceOf(SQLException.class)
                .hasMessageContaining("Unbalanced");
        assertThatThrownBy(() -> JdbcEscapes.translate("SELECT {x 1}")).isInstanceOf(SQLException.class)
                .hasMessageContaining("Unknown JDBC escape");
    }
}
