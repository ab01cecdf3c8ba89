package ai.connecty.athena.local.sql;

import static ai.connecty.athena.local.sql.DeclaredCatalog.declared;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The query of an INSERT held to Trino's analysis ({@link InsertQuery}): StatementAnalyzer.visitInsert compares the
 * query's column types with the target columns' through TypeCoercion.isCompatible (any common super type, in
 * either direction) and refuses a different column count with the same message. Only types the tree or the catalog
 * shows are judged. The wire test {@code InsertTypesWireTest} runs the same through Glue tables.
 */
class InsertQueryTest {

    private static DeclaredCatalog catalog;

    @BeforeAll
    static void open() throws SQLException {
        catalog = new DeclaredCatalog(Map.of(
                "src", List.of(declared("id", "int"), declared("name", "string"), declared("day", "date"),
                        declared("tags", "array<string>"))),
                "CREATE TABLE src AS SELECT 1 AS id, 'a' AS name, DATE '2024-01-01' AS day, ['x'] AS tags");
    }

    @AfterAll
    static void close() {
        catalog.close();
    }

    /** The DuckDB query of {@code insert} into columns of the Hive types {@code target}, checked. */
    private static String checked(String insert, String... target) throws SQLException {
        return checked(SqlStatement.parse(insert), target);
    }

    private static String checked(SqlStatement insert, String... target) throws SQLException {
        return InsertQuery.duckDbQuery(catalog.duck(), insert, catalog::lookUp, List.of(target));
    }

    private static void refused(String insert, String message, String... target) {
        assertThatThrownBy(() -> checked(insert, target)).isInstanceOf(EngineFailure.class)
                .hasMessage("TYPE_MISMATCH: Insert query has mismatched column types: " + message);
    }

    @Test
    void textIntoANumberDateOrBooleanColumnIsRefused() {
        refused("INSERT INTO t VALUES ('5', 'x')", "Table: [integer, varchar], Query: [varchar(1), varchar(1)]",
                "int", "string");
        refused("INSERT INTO t VALUES ('2024-01-01')", "Table: [date], Query: [varchar(10)]", "date");
        refused("INSERT INTO t VALUES ('true')", "Table: [boolean], Query: [varchar(4)]", "boolean");
        refused("INSERT INTO t SELECT CAST(1 AS varchar)", "Table: [bigint], Query: [varchar]", "bigint");
    }

    @Test
    void numbersDatesAndBooleansIntoATextColumnAreRefused() {
        refused("INSERT INTO t VALUES (5)", "Table: [varchar], Query: [integer]", "string");
        refused("INSERT INTO t VALUES (DATE '2024-01-01')", "Table: [varchar(10)], Query: [date]", "varchar(10)");
        refused("INSERT INTO t VALUES (true)", "Table: [integer], Query: [boolean]", "int");
        refused("INSERT INTO t VALUES (1)", "Table: [timestamp(3)], Query: [integer]", "timestamp");
    }

    @Test
    void tableColumnsAreJudgedByTheirDeclaredTypesThroughWithAndDerivedTables() {
        refused("INSERT INTO t SELECT name FROM src", "Table: [integer], Query: [varchar]", "int");
        refused("INSERT INTO t WITH w AS (SELECT day AS d FROM src) SELECT d FROM w",
                "Table: [varchar], Query: [date]", "string");
        refused("INSERT INTO t SELECT x.n FROM (SELECT name AS n FROM src) x", "Table: [double], Query: [varchar]",
                "double");
        refused("INSERT INTO t SELECT tags FROM src", "Table: [array(integer)], Query: [array(varchar)]",
                "array<int>");
        refused("INSERT INTO t SELECT * FROM src",
                "Table: [integer, integer, date, array(varchar)], Query: [integer, varchar, date, array(varchar)]",
                "int", "int", "date", "array<string>");
    }

    @Test
    void valuesRowsAndUnionsShowTheTypeTheirValuesShare() {
        refused("INSERT INTO t VALUES ('a'), ('abc'), (NULL)", "Table: [integer], Query: [varchar(3)]", "int");
        refused("INSERT INTO t SELECT 'a' UNION ALL SELECT 'bc'", "Table: [date], Query: [varchar(2)]", "date");
    }

    @Test
    void aBoundParameterHasItsValuesType() throws SQLException {
        SqlStatement bound = QueryParameters.bind(SqlStatement.parse("INSERT INTO t VALUES (?)"), List.of("'5'"))
                .statement();
        assertThatThrownBy(() -> checked(bound, "int")).isInstanceOf(EngineFailure.class)
                .hasMessage("TYPE_MISMATCH: Insert query has mismatched column types: Table: [integer], "
                        + "Query: [varchar(1)]");
        assertThat(checked(QueryParameters.bind(SqlStatement.parse("INSERT INTO t VALUES (?)"), List.of("5"))
                .statement(), "bigint")).isNotBlank();
    }

    @Test
    void aColumnCountOtherThanTheTargetsIsRefusedNamingEveryType() {
        refused("INSERT INTO t VALUES (1, 'a', 3)", "Table: [integer, varchar], Query: [integer, varchar(1), integer]",
                "int", "string");
        refused("INSERT INTO t SELECT 1", "Table: [integer, varchar], Query: [integer]", "int", "string");
        // a column whose type the tree does not show is named by DuckDB's type, as a SELECT's result would name it
        refused("INSERT INTO t SELECT id + 1, name FROM src", "Table: [integer], Query: [integer, varchar]", "int");
    }

    @Test
    void whatTrinoStoresPasses() throws SQLException {
        // wider and narrower numbers alike: Trino's store assignment needs a common super type only
        assertThat(checked("INSERT INTO t VALUES (1, 2, 3, BIGINT '4', 1.5, DECIMAL '2.50')",
                "bigint", "double", "float", "int", "decimal(10,2)", "double")).isNotBlank();
        // any text into any text column, NULL into anything
        assertThat(checked("INSERT INTO t VALUES ('abc', 'abcdef', NULL, NULL, NULL)",
                "string", "varchar(3)", "int", "date", "array<string>")).isNotBlank();
        // a date into a timestamp column, and a table's columns into columns of their families
        assertThat(checked("INSERT INTO t VALUES (DATE '2024-01-01')", "timestamp")).isNotBlank();
        assertThat(checked("INSERT INTO t SELECT id, name, day, tags FROM src",
                "bigint", "varchar(20)", "timestamp", "array<varchar(5)>")).isNotBlank();
    }

    @Test
    void expressionsOfTypesNotShownAreLeftToRun() throws SQLException {
        // Trino refuses these too, but their types are neither literals, casts nor columns: not judged here
        assertThat(checked("INSERT INTO t SELECT concat(name, 'x') FROM src", "int")).isNotBlank();
        assertThat(checked("INSERT INTO t SELECT upper('a')", "date")).isNotBlank();
    }

    @Test
    void storeAssignmentFollowsTrinosCommonSuperTypes() {
        assertThat(verdict("integer", "bigint")).isEqualTo(StoreAssignment.Verdict.STORES);
        assertThat(verdict("bigint", "integer")).isEqualTo(StoreAssignment.Verdict.STORES);
        assertThat(verdict("double", "decimal(10,2)")).isEqualTo(StoreAssignment.Verdict.STORES);
        assertThat(verdict("char(3)", "string")).isEqualTo(StoreAssignment.Verdict.STORES);
        assertThat(verdict("timestamp", "date")).isEqualTo(StoreAssignment.Verdict.STORES);
        assertThat(verdict("struct<a:int,b:string>", "struct<x:bigint,y:string>"))
                .isEqualTo(StoreAssignment.Verdict.STORES);
        assertThat(verdict("struct<a:int>", "struct<a:int,b:int>")).isEqualTo(StoreAssignment.Verdict.REFUSED);
        assertThat(verdict("map<string,int>", "map<string,string>")).isEqualTo(StoreAssignment.Verdict.REFUSED);
        assertThat(verdict("binary", "string")).isEqualTo(StoreAssignment.Verdict.REFUSED);
        // Trino holds a nested varchar(n) or char(n) to strict coercion, not modelled: left to run
        assertThat(verdict("array<int>", "array<varchar(3)>")).isEqualTo(StoreAssignment.Verdict.NOT_JUDGED);
    }

    private static StoreAssignment.Verdict verdict(String value, String target) {
        return StoreAssignment.of(KnownTypes.declared(value), KnownTypes.declared(target));
    }
}
