package ai.connecty.athena.local.sql;

import static ai.connecty.athena.local.sql.DeclaredCatalog.declared;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trino.sql.tree.Query;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The translation with the catalog's table columns ({@link TableColumns}): the SQL printed where a column's declared
 * type decides it, run on DuckDB tables of those types, and the zones that table columns (which have none) leave
 * alone. The wire tests ({@code NestedColumnsWireTest}) run the same through Glue tables.
 */
class DeclaredColumnsTest {

    private static DeclaredCatalog catalog;

    @BeforeAll
    static void open() throws SQLException {
        catalog = new DeclaredCatalog(Map.of(
                "orders", List.of(declared("id", "int"), declared("items", "array<struct<sku:string,qty:int>>"),
                        declared("tags", "array<string>"), declared("note", "string"), declared("attrs", "map<string,int>"),
                        declared("payload", "struct<lines:array<struct<sku:string,qty:int>>>")),
                "stamps", List.of(declared("id", "int"), declared("ts", "timestamp with time zone"))),
                "CREATE TABLE orders AS SELECT 1 AS id, [{'sku': 'a', 'qty': 2}, {'sku': 'b', 'qty': 5}] AS items, "
                    + "['x', 'y'] AS tags, 'n1' AS note, MAP {'k': 1, 'j': 2} AS attrs, "
                    + "{'lines': [{'sku': 'c', 'qty': 7}]} AS payload",
                "CREATE TABLE stamps AS SELECT 1 AS id, TIMESTAMPTZ '2024-01-02 10:00:00+00' AS ts");
    }

    @AfterAll
    static void close() {
        catalog.close();
    }

    private static String printed(String athenaSql) {
        return catalog.printed(athenaSql);
    }

    /** The header (names) and rows of {@code athenaSql} run with the catalog above. */
    private static List<List<String>> rows(String athenaSql) {
        List<List<String>> rows = new ArrayList<>();
        QueryRunner.run(catalog.duck(), SqlStatement.parse(athenaSql), "awsdatacatalog", "main", catalog::lookUp,
                new RowSink() {
                    @Override
                    public void columns(List<OutputColumn> columns) {
                        rows.add(columns.stream().map(c -> c.name() + " " + c.type().athenaName()).toList());
                    }

                    @Override
                    public void row(String[] values) {
                        rows.add(Arrays.asList(values));
                    }
                });
        return rows;
    }

    @Test
    void cardinalityOfADeclaredArrayOrMapIsCountedDirectlyNotThroughJson() {
        String sql = printed("SELECT cardinality(tags), cardinality(attrs), cardinality(items) FROM orders");
        assertThat(sql).contains("len(\"tags\")", "len(map_keys(\"attrs\"))", "len(\"items\")")
                .doesNotContain("json");
        assertThat(rows("SELECT cardinality(tags), cardinality(attrs) FROM orders")).containsExactly(
                List.of("_col0 bigint", "_col1 bigint"), List.of("2", "2"));
        // without the catalog, a column's type is DuckDB's only: counted through JSON as before
        assertThat(QueryRunner.duckDbQuery("SELECT cardinality(tags) FROM orders")).contains("json_array_length");
    }

    @Test
    void unnestOfARowFieldOfARowColumnAndOfACastToAMap() {
        assertThat(rows("SELECT id, sku, qty FROM orders o CROSS JOIN UNNEST(o.payload.lines) AS t(sku, qty)"))
                .containsExactly(List.of("id integer", "sku varchar", "qty integer"), List.of("1", "c", "7"));
        // A CAST shows a map: before, any CAST was taken for one building rows.
        assertThat(rows("SELECT k, v FROM UNNEST(CAST(MAP(ARRAY['a'], ARRAY[1]) AS map(varchar, bigint))) AS u(k, v)"))
                .containsExactly(List.of("k varchar", "v bigint"), List.of("a", "1"));
    }

    @Test
    void unnestColumnsOfKnownTypesResolveFurther() {
        // sku of the first UNNEST is a varchar; its row's fields feed the next one through a WITH query's item
        assertThat(rows("WITH w AS (SELECT items AS lines FROM orders) "
                + "SELECT sku || '!' AS s, tags || sku AS more FROM w CROSS JOIN UNNEST(lines) AS t(sku, qty) "
                + "CROSS JOIN orders ORDER BY s")).containsExactly(List.of("s varchar", "more array"),
                List.of("a!", "[x, y, a]"), List.of("b!", "[x, y, b]"));
    }

    @Test
    void aColumnListOfAnotherLengthThanTheKnownColumnsFailsAsInTrino() {
        assertThatThrownBy(() -> printed("SELECT r FROM orders CROSS JOIN UNNEST(items) WITH ORDINALITY AS t(r, n)"))
                .isInstanceOf(EngineFailure.class).hasMessage("MISMATCHED_COLUMN_ALIASES: line 1:33: "
                        + "Column alias list has 2 entries but 't' has 3 columns available");
        // where the argument's type is unknown, the names given are taken as they come
        assertThat(printed("SELECT r FROM unknown_table CROSS JOIN UNNEST(items) AS t(r)")).contains("unnest(\"items\")");
    }

    /**
     * Trino compares no number with text, nor text with a timestamp: the catalog's types make {@code id = '1'}
     * Athena's TYPE_MISMATCH (DuckDB would cast the text and run it), positioned at the operator.
     */
    @Test
    void comparingADeclaredColumnWithAValueOfAnotherFamilyFailsAsInTrino() {
        assertThatThrownBy(() -> printed("SELECT note FROM orders WHERE id = '1'"))
                .isInstanceOf(EngineFailure.class)
                .hasMessage("TYPE_MISMATCH: line 1:34: Cannot apply operator: integer = varchar(1)");
        assertThatThrownBy(() -> printed("SELECT note FROM orders o WHERE '10' < o.id"))
                .hasMessage("TYPE_MISMATCH: line 1:38: Cannot apply operator: varchar(2) < integer");
        assertThatThrownBy(() -> printed("SELECT id FROM orders WHERE note >= 1"))
                .hasMessage("TYPE_MISMATCH: line 1:34: Cannot apply operator: varchar <= integer");
        assertThatThrownBy(() -> printed("SELECT id FROM stamps WHERE ts <> '2024-01-02'"))
                .hasMessage("TYPE_MISMATCH: line 1:32: Cannot apply operator: timestamp(3) with time zone = varchar(10)");
        assertThatThrownBy(() -> printed("SELECT note FROM orders WHERE id = CAST(NULL AS varchar)"))
                .hasMessage("TYPE_MISMATCH: line 1:34: Cannot apply operator: integer = varchar");
        // A call's result type, as its signature gives it: year() is a bigint, so text does not compare with it.
        assertThatThrownBy(() -> printed("SELECT id FROM stamps WHERE year(ts) = '2024'"))
                .hasMessage("TYPE_MISMATCH: line 1:38: Cannot apply operator: bigint = varchar(4)");
        assertThatThrownBy(() -> printed("SELECT id FROM orders WHERE length(note) > 'a'"))
                .hasMessage("TYPE_MISMATCH: line 1:42: Cannot apply operator: bigint < varchar(1)");
        assertThatThrownBy(() -> printed("SELECT id FROM orders WHERE id IN (SELECT id FROM stamps WHERE ts = 1)"))
                .hasMessage("TYPE_MISMATCH: line 1:67: Cannot apply operator: timestamp(3) with time zone = integer");
    }

    /**
     * Trino folds the distinct types of an IN predicate's value and items into one, and fails at the first item of
     * the first type that does not join, naming the type folded so far and all the types (as Athena prints it).
     */
    @Test
    void anInListOfAnotherFamilyFailsAtItsFirstSuchItem() {
        String message = "IN value and list items must be the same type or coercible to a common type. "
                + "Cannot find common type between ";
        assertThatThrownBy(() -> printed("SELECT note FROM orders WHERE id IN ('1', '2')"))
                .isInstanceOf(EngineFailure.class).hasMessage("TYPE_MISMATCH: line 1:38: " + message
                        + "integer and varchar(1), all types (without duplicates): [integer, varchar(1)]");
        assertThatThrownBy(() -> printed("SELECT note FROM orders WHERE id IN (1, 2, '3')"))
                .hasMessage("TYPE_MISMATCH: line 1:44: " + message
                        + "integer and varchar(1), all types (without duplicates): [integer, varchar(1)]");
        assertThatThrownBy(() -> printed("SELECT id FROM orders WHERE note IN ('a', 'bb', 3)"))
                .hasMessage("TYPE_MISMATCH: line 1:49: " + message + "varchar and integer, all types (without "
                        + "duplicates): [varchar, varchar(1), varchar(2), integer]");
        // integer and bigint fold into bigint, which the message names
        assertThatThrownBy(() -> printed("SELECT note FROM orders WHERE id IN (BIGINT '1', 'x')"))
                .hasMessage("TYPE_MISMATCH: line 1:50: " + message + "bigint and varchar(1), all types (without "
                        + "duplicates): [integer, bigint, varchar(1)]");
        // a call's result type counts once the call is resolved (length is a bigint)
        assertThatThrownBy(() -> printed("SELECT note FROM orders WHERE id IN (length(note), '1')"))
                .hasMessage("TYPE_MISMATCH: line 1:52: " + message + "bigint and varchar(1), all types (without "
                        + "duplicates): [integer, bigint, varchar(1)]");
        // an item of a type not known here: the message would name it, so the list is not judged
        assertThat(printed("SELECT note FROM orders WHERE id IN (soundex(note), '1')")).contains("IN");
        assertThat(rows("SELECT count(*) AS n FROM orders WHERE id IN (1, 2.5) AND note IN ('n1', 'x')"))
                .containsExactly(List.of("n bigint"), List.of("1"));
    }

    /**
     * Trino joins COALESCE operands, CASE and IF results into one type and refuses operands no coercion joins, and
     * finds no arithmetic operator for a number and text: with the catalog's types, {@code COALESCE(id, '')} is
     * Athena's TYPE_MISMATCH where DuckDB would cast and run it.
     */
    @Test
    void operandsOfDeclaredColumnsNoCoercionJoinsFailAsInTrino() {
        assertThatThrownBy(() -> printed("SELECT COALESCE(id, '') FROM orders"))
                .isInstanceOf(EngineFailure.class)
                .hasMessage("TYPE_MISMATCH: line 1:21: All COALESCE operands must be the same type or coercible to a "
                        + "common type. Cannot find common type between integer and varchar(0), all types (without "
                        + "duplicates): [integer, varchar(0)]");
        assertThatThrownBy(() -> printed("SELECT CASE WHEN id > 0 THEN note ELSE id END FROM orders"))
                .hasMessage("TYPE_MISMATCH: line 1:40: All CASE results must be the same type or coercible to a "
                        + "common type. Cannot find common type between varchar and integer, all types (without "
                        + "duplicates): [varchar, integer]");
        assertThatThrownBy(() -> printed("SELECT CASE id WHEN '1' THEN 'one' END FROM orders"))
                .hasMessage("TYPE_MISMATCH: line 1:21: CASE operand type does not match WHEN clause operand type: "
                        + "integer vs varchar(1)");
        assertThatThrownBy(() -> printed("SELECT IF(id > 0, 0, note) FROM orders"))
                .hasMessage("TYPE_MISMATCH: line 1:8: Result types for IF must be the same: integer vs varchar");
        assertThatThrownBy(() -> printed("SELECT NULLIF(id, '') FROM orders"))
                .hasMessage("TYPE_MISMATCH: line 1:8: Types are not comparable with NULLIF: integer vs varchar(0)");
        assertThatThrownBy(() -> printed("SELECT id + '1' FROM orders"))
                .hasMessage("TYPE_MISMATCH: line 1:11: Cannot apply operator: integer + varchar(1)");
        assertThatThrownBy(() -> printed("SELECT ts - 1 FROM stamps"))
                .hasMessage("TYPE_MISMATCH: line 1:11: Cannot apply operator: timestamp(3) with time zone - integer");
    }

    /** Operands Trino joins run; where an operand's type is not known the expression is not judged. */
    @Test
    void operandsOfDeclaredColumnsTrinoJoinsRun() {
        assertThat(rows("SELECT COALESCE(id, 0) AS a, COALESCE(note, '') AS b, CASE WHEN id > 0 THEN id "
                + "ELSE BIGINT '2' END AS c, IF(id > 0, id, NULL) AS d, NULLIF(note, 'x') AS e, id * 1.5 AS f "
                + "FROM orders")).containsExactly(List.of("a integer", "b varchar", "c bigint", "d integer",
                "e varchar", "f double"), List.of("1", "n1", "1", "1", "n1", "1.5"));
        assertThatThrownBy(() -> printed("SELECT COALESCE(length(note), '') FROM orders")).hasMessage("TYPE_MISMATCH: "
                + "line 1:31: All COALESCE operands must be the same type or coercible to a common type. Cannot find common "
                + "type between bigint and varchar(0), all types (without duplicates): [bigint, varchar(0)]");
        assertThat(printed("SELECT COALESCE(soundex(note), 1) FROM orders")).contains("coalesce(");
        assertThat(printed("SELECT COALESCE(id, '') FROM unknown_table")).contains("coalesce(");
    }

    /** A lambda's parameter hides the table's column of that name: id below is a tag (varchar), not the integer id. */
    @Test
    void aLambdaParameterIsNotTheColumnItsNameHides() {
        assertThat(rows("SELECT filter(tags, id -> id = 'x') AS t, transform(tags, note -> note = 'y') AS u FROM orders"))
                .containsExactly(List.of("t array", "u array"), List.of("[x]", "[false, true]"));
    }

    @Test
    void comparisonsTrinosCoercionsAllowRun() {
        assertThat(rows("SELECT count(*) AS n FROM orders WHERE id = 1 AND id = 1.0 AND id < BIGINT '2' "
                + "AND id = DECIMAL '1.0' AND note = 'n1' AND note = CAST('n1' AS char(2)) AND CAST(id AS varchar) = '1'"))
                .containsExactly(List.of("n bigint"), List.of("1"));
        assertThat(rows("SELECT count(*) AS n FROM stamps WHERE ts > DATE '2024-01-01' AND ts < TIMESTAMP '2025-01-01 00:00:00'"
                + " AND ts IS DISTINCT FROM NULL")).containsExactly(List.of("n bigint"), List.of("1"));
    }

    @Test
    void theCatalogIsAskedOncePerTableName() {
        List<List<String>> asked = new ArrayList<>();
        QueryRunner.duckDbQuery("SELECT a.id FROM orders a JOIN orders b ON a.id = b.id "
                + "WHERE a.id IN (SELECT id FROM orders) AND cardinality(a.tags) > 0", name -> {
                    asked.add(name);
                    return catalog.lookUp(name);
                });
        assertThat(asked).containsExactly(List.of("orders"));
    }

    @Test
    void aTableColumnHasNoZoneAndLetsANameResolvePastIt() {
        // local_ts is no column of stamps: it names the WITH query's item, whose zone it keeps (Trino's scoping)
        assertThat(rows("WITH local AS (SELECT id, ts AT TIME ZONE 'America/Los_Angeles' AS local_ts FROM stamps) "
                + "SELECT hour(local_ts) AS h, local_ts FROM stamps s JOIN local l ON s.id = l.id")).containsExactly(
                List.of("h bigint", "local_ts timestamp with time zone"),
                List.of("2", "2024-01-02 02:00:00.000 America/Los_Angeles"));
        // A table's column read through * in a set operation has no zone, whatever the other branch's is.
        assertThat(hints("SELECT * FROM (SELECT ts FROM stamps) UNION ALL "
                + "SELECT TIMESTAMP '2024-01-02 10:00:00 America/New_York'")).containsOnlyNulls();
        assertThat(hints("SELECT * FROM stamps UNION ALL "
                + "SELECT 2, TIMESTAMP '2024-01-02 10:00:00 America/New_York'")).hasSize(2).containsOnlyNulls();
        assertThat(hints("TABLE stamps UNION ALL SELECT 2, TIMESTAMP '2024-01-02 10:00:00 America/New_York'"))
                .hasSize(2).containsOnlyNulls();
    }

    private static List<ColumnHint> hints(String athenaSql) {
        return DuckDbPrinter.translate((Query) TrinoSql.parse(athenaSql), athenaSql, List.of(),
                catalog::lookUp).hints();
    }
}
