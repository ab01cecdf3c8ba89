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

    /**
     * Open Group functions Athena lacks or answers otherwise: REPEAT is a string there (Athena's repeat an array), LEFT
     * and RIGHT are keywords in Athena, SPACE does not exist. Athena's lpad refuses an empty padding string even when
     * nothing is padded, so REPEAT never pads with ''.
     */
    @Test
    void openGroupStringFunctionsTranslateToAthenasEquivalents() throws SQLException {
        assertThat(JdbcEscapes.translate("SELECT {fn repeat(s, 3)}"))
                .isEqualTo("SELECT lpad('', greatest(length(s) * (3), 0), coalesce(nullif(s, ''), ' '))");
        assertThat(JdbcEscapes.translate("SELECT {fn left(s, 2)}, {fn space(n)}"))
                .isEqualTo("SELECT substr(s, 1, 2), lpad('', greatest(n, 0), ' ')");
        assertThat(JdbcEscapes.translate("SELECT {fn RIGHT(s, 2)}"))
                .isEqualTo("SELECT substr(s, greatest(length(s) - (2) + 1, 1))");
    }

    /**
     * JDBC 4.3 (13.4.6) defines <code>{limit rows [offset skipped]}</code>; it was refused as an unknown escape. Athena
     * (Trino) takes OFFSET before LIMIT, so the two swap places.
     */
    @Test
    void theLimitEscapeIsAthenasOffsetAndLimit() throws SQLException {
        assertThat(JdbcEscapes.translate("SELECT x FROM t ORDER BY x {limit 10}"))
                .isEqualTo("SELECT x FROM t ORDER BY x LIMIT 10");
        assertThat(JdbcEscapes.translate("SELECT x FROM t ORDER BY x {LIMIT 10 OFFSET 20}"))
                .isEqualTo("SELECT x FROM t ORDER BY x OFFSET 20 LIMIT 10");
        assertThat(JdbcEscapes.translate("SELECT x FROM t {limit ? offset 5}")).isEqualTo("SELECT x FROM t OFFSET 5 LIMIT ?");
        // Both bound: swapping the clauses would swap the parameters' values, so it is refused with the way out.
        assertThatThrownBy(() -> JdbcEscapes.translate("SELECT x FROM t {limit ? offset ?}"))
                .isInstanceOf(SQLFeatureNotSupportedException.class).hasMessageContaining("OFFSET ? LIMIT ?");
        assertThatThrownBy(() -> JdbcEscapes.translate("SELECT x FROM t {limit}")).isInstanceOf(SQLException.class)
                .hasMessageContaining("{limit");
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

    /**
     * {@code {fn convert(value, type)}} (JDBC appendix C.4): the type is a java.sql.Types name with or without
     * {@code SQL_}, also ODBC 3's {@code SQL_TYPE_DATE}-style and Unicode {@code SQL_W...} names, optionally with
     * a length or precision; it becomes a CAST to the Athena type a parameter of that type is bound as.
     */
    @Test
    void convertEscapeCastsToTheAthenaTypeOfTheJdbcType() throws SQLException {
        assertThat(JdbcEscapes.translate("SELECT {fn convert(n, SQL_VARCHAR)}, {fn CONVERT(n, varchar)}, "
                + "{fn convert({fn ucase(s)}, SQL_WLONGVARCHAR)}"))
                .isEqualTo("SELECT CAST(n AS varchar), CAST(n AS varchar), CAST(upper(s) AS varchar)");
        assertThat(JdbcEscapes.translate("SELECT {fn convert('1.5', SQL_DECIMAL(10, 2))}, {fn convert(x, SQL_NUMERIC)}, "
                + "{fn convert(x, SQL_FLOAT)}, {fn convert(x, SQL_REAL)}, {fn convert(x, SQL_BIT)}"))
                .isEqualTo("SELECT CAST('1.5' AS decimal(10,2)), CAST(x AS decimal(38,9)), CAST(x AS double), "
                        + "CAST(x AS real), CAST(x AS boolean)");
        assertThat(JdbcEscapes.translate("SELECT {fn convert(x, SQL_TYPE_DATE)}, {fn convert(x, SQL_TIMESTAMP)}, "
                + "{fn convert(x, SQL_CHAR(3))}, {fn convert(x, SQL_VARCHAR(20))}, {fn convert(x, SQL_CHAR)}, "
                + "{fn convert(x, SQL_VARBINARY)}, {fn convert(x, SQL_BIGINT)}, {fn convert(x, SQL_TIMESTAMP(6))}, "
                + "{fn convert(x, SQL_TIME_WITH_TIMEZONE(3))}"))
                .isEqualTo("SELECT CAST(x AS date), CAST(x AS timestamp), CAST(x AS char(3)), CAST(x AS varchar(20)), "
                        + "CAST(x AS varchar), CAST(x AS varbinary), CAST(x AS bigint), CAST(x AS timestamp(6)), "
                        + "CAST(x AS time(3) with time zone)");
        assertThatThrownBy(() -> JdbcEscapes.translate("SELECT {fn convert(x, SQL_ARRAY)}"))
                .isInstanceOfSatisfying(SQLFeatureNotSupportedException.class, e -> assertThat(e.getMessage())
                        .contains("SQL_ARRAY").contains("CAST(x AS array(varchar))"));
        assertThatThrownBy(() -> JdbcEscapes.translate("SELECT {fn convert(x, SQL_NOPE)}"))
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("42000");
                    assertThat(e.getMessage()).contains("SQL_NOPE").contains("SQL_VARCHAR");
                });
        assertThatThrownBy(() -> JdbcEscapes.translate("SELECT {fn convert(x, SQL_INTEGER(5))}"))
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("42000");
                    assertThat(e.getMessage()).contains("SQL_INTEGER(5)").contains("length");
                });
        assertThatThrownBy(() -> JdbcEscapes.translate("SELECT {fn convert(x)}"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getMessage()).contains("2 arguments"));
    }

    /**
     * PreparedStatement.getMetaData embeds the statement in SELECT * FROM (...) LIMIT 0: its ending ';' (which
     * Athena takes on a statement of its own) must go, or it ends the outer statement inside the parentheses. A ';'
     * in a literal, a quoted name or a comment, or one followed by more SQL, is no terminator.
     */
    @Test
    void theTerminatingSemicolonIsLeftOutWhenTheStatementIsEmbedded() {
        assertThat(SqlText.of("SELECT ? AS v;").withoutTerminator()).isEqualTo("SELECT ? AS v ");
        assertThat(SqlText.of("SELECT 1 /* c; */ ; -- done;\n  ").withoutTerminator())
                .isEqualTo("SELECT 1 /* c; */   -- done;\n  ");
        assertThat(SqlText.of("SELECT ';'").withoutTerminator()).isEqualTo("SELECT ';'");
        assertThat(SqlText.of("SELECT 1 AS \";\"").withoutTerminator()).isEqualTo("SELECT 1 AS \";\"");
        assertThat(SqlText.of("SELECT 1 -- ;").withoutTerminator()).isEqualTo("SELECT 1 -- ;");
        assertThat(SqlText.of("SELECT 1; SELECT 2").withoutTerminator()).isEqualTo("SELECT 1; SELECT 2");
        assertThat(SqlText.of("SELECT ? AS v ;").placeholders()).containsExactly(7);
    }

    // The cases below were found unpinned by a mutation-testing audit (PIT, see the README's "Developing" section).

    @Test
    void aCommentClosesOnlyAfterItsOpening() {
        // "/*/" opens a comment and does not close it: its '*' belongs to the opening.
        assertThat(SqlText.of("SELECT 1 /*/ ? */ ?").placeholders()).containsExactly(18);
        assertThat(SqlText.of("SELECT ? --?\n, ? -- ?").parameterCount()).isEqualTo(2);
    }

    @Test
    void aStatementOfASemicolonAloneHasItLeftOut() {
        assertThat(SqlText.of(";").withoutTerminator()).isEqualTo(" ");
        assertThat(SqlText.of("; -- x").withoutTerminator()).isEqualTo("  -- x");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "SHOW VIEWS|false|false", "SHOW TABLES|false|true", "SHOW CREATE VIEW v|false|false", "SHOW COLUMNS|false|false",
            "DROP TABLE t|false|true", "CREATE TABLE t (a int) LOCATION ?|false|true", "CREATE DATABASE d|false|true",
            "CREATE OR REPLACE VIEW v AS SELECT ?|false|false", "CREATE TABLE t AS(SELECT ?)|true|false",
            "CREATE TABLE t\\nAS SELECT ?|true|false", "CREATE TABLE t\\tAS SELECT ?|true|false",
            "CREATE TABLE IF NOT EXISTS t WITH (format = 'ORC') as select ?|true|false",
            "CREATE TABLE t (a int COMMENT 'known as a') LOCATION ?|false|true",
            "CREATE TABLE t (id int,\\nasset int) LOCATION ?|false|true",
            "CREATE TABLE t (a int) /* not AS SELECT */ LOCATION ?|false|true",
            "CREATE TABLE \"x AS y\" (a int) LOCATION ?|false|true"})
    void aCreateTableIsACtasByItsAsKeywordAlone(String sql, boolean bound, boolean hive) {
        SqlText text = SqlText.of(sql.replace("\\n", "\n").replace("\\t", "\t"));
        assertThat(text.takesExecutionParameters()).isEqualTo(bound);
        assertThat(text.isHiveStatement()).isEqualTo(hive);
    }

    /** What getMetaData may describe by running the text with LIMIT 0: queries only, and the text kept as given. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"SELECT 1|true", "with x AS (SELECT 1) SELECT * FROM x|true", "VALUES 1|true",
            "TABLE t|true", "(SELECT 1) UNION (SELECT 2)|true", "/* c */ select 1|true", "INSERT INTO t SELECT 1|false",
            "SHOW TABLES|false", "EXPLAIN SELECT 1|false", "CREATE TABLE t AS SELECT 1|false", "DESCRIBE t|false", "-- only a comment|false"})
    void onlyQueriesAreDescribedByRunningThem(String sql, boolean query) {
        SqlText text = SqlText.of(sql);
        assertThat(text.isQuery()).isEqualTo(query);
        assertThat(text.sql()).isSameAs(sql);
    }
}
