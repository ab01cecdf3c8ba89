package ai.connecty.athena.local.athena;

import static ai.connecty.athena.local.athena.AthenaQueries.rows;
import static ai.connecty.athena.local.athena.AthenaQueries.run;
import static ai.connecty.athena.local.athena.AthenaQueries.succeed;
import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.http.SdkClientsExtension;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;

/**
 * Queries over nested table columns (an array of structs, an array, a map) declared in the Glue catalog, through
 * StartQueryExecution and GetQueryResults: the types the catalog declares decide what the translation prints where
 * the statement's tree shows none (UNNEST into one column per field, {@code ||} of an array column and an element,
 * {@code cardinality}). Expected values and types are Trino's (Athena engine 3).
 */
@ExtendWith(LocalAthenaExtension.class)
class NestedColumnsWireTest {

    private static final String DB = "nested_wire";

    static LocalAthena local;

    @RegisterExtension
    static final SdkClientsExtension clients = new SdkClientsExtension(() -> local);

    @BeforeAll
    static void createTables() {
        clients.s3().putObject(r -> r.bucket("demo-data").key("nested_wire/orders/orders.json"), RequestBody.fromString(
                "{\"id\":1,\"items\":[{\"sku\":\"a\",\"qty\":2},{\"sku\":\"b\",\"qty\":5}],\"tags\":[\"x\",\"y\"],"
                + "\"note\":\"n1\",\"attrs\":{\"k\":1,\"j\":2},\"placed_at\":\"2024-01-02 10:00:00\"}\n"
                + "{\"id\":2,\"items\":[],\"tags\":[],\"note\":\"n2\",\"attrs\":{}}\n"
                + "{\"id\":3,\"items\":null,\"tags\":null,\"note\":null,\"attrs\":null}\n"));
        succeed(clients.athena(), "CREATE DATABASE IF NOT EXISTS " + DB, null);
        // The shared instance keeps its data directory between runs: the table is made anew, as declared here.
        succeed(clients.athena(), "DROP TABLE IF EXISTS orders", DB);
        succeed(clients.athena(), "CREATE EXTERNAL TABLE orders (id int, items array<struct<sku:string,qty:int>>, "
                + "tags array<string>, note string, attrs map<string,int>, placed_at timestamp) "
                + "ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe' LOCATION 's3://demo-data/nested_wire/orders/'",
                DB);
        succeed(clients.athena(), "CREATE OR REPLACE VIEW order_lines AS SELECT id AS order_id, items FROM orders", DB);
    }

    @Test
    void unnestOfAnArrayOfRowsColumnGivesOneColumnPerField() {
        QueryExecution q = succeed(clients.athena(), "SELECT o.id, t.sku, t.qty FROM orders o "
                + "CROSS JOIN UNNEST(o.items) AS t(sku, qty) ORDER BY o.id, t.sku", DB);
        assertThat(columns(q)).containsExactly("id integer", "sku varchar", "qty integer");
        assertThat(rows(clients.athena(), q.queryExecutionId())).containsExactly(
                List.of("id", "sku", "qty"), List.of("1", "a", "2"), List.of("1", "b", "5"));
    }

    @Test
    void unnestOfAnArrayOfRowsColumnWithOrdinalityOrWithoutAliasList() {
        assertThat(table("SELECT id, sku, qty, n FROM orders CROSS JOIN UNNEST(items) WITH ORDINALITY AS t(sku, qty, n) "
                + "ORDER BY id, n")).containsExactly(
                List.of("id", "sku", "qty", "n"), List.of("1", "a", "2", "1"), List.of("1", "b", "5", "2"));
        // Without a column list the columns are named by the row's fields, as in Trino.
        assertThat(table("SELECT t.sku, t.qty FROM orders CROSS JOIN UNNEST(items) AS t ORDER BY t.sku"))
                .containsExactly(List.of("sku", "qty"), List.of("a", "2"), List.of("b", "5"));
        assertThat(table("SELECT id, qty FROM orders CROSS JOIN UNNEST(items) ORDER BY qty"))
                .containsExactly(List.of("id", "qty"), List.of("1", "2"), List.of("1", "5"));
        // zipped with an array column: the row's fields, then the array's elements
        assertThat(table("SELECT id, sku, tag FROM orders CROSS JOIN UNNEST(items, tags) AS t(sku, qty, tag) "
                + "ORDER BY id, sku")).containsExactly(
                List.of("id", "sku", "tag"), List.of("1", "a", "x"), List.of("1", "b", "y"));
    }

    @Test
    void unnestFollowsTheColumnThroughWithQueriesDerivedTablesAndViews() {
        List<List<String>> expected = List.of(List.of("order_id", "sku"), List.of("1", "a"), List.of("1", "b"));
        assertThat(table("WITH w AS (SELECT id AS order_id, items AS lines FROM orders) "
                + "SELECT order_id, sku FROM w CROSS JOIN UNNEST(lines) AS t(sku, qty) ORDER BY sku"))
                .isEqualTo(expected);
        assertThat(table("SELECT d.order_id, t.sku FROM (SELECT id, items FROM orders) AS d(order_id, lines) "
                + "CROSS JOIN UNNEST(d.lines) AS t(sku, qty) ORDER BY t.sku")).isEqualTo(expected);
        assertThat(table("SELECT order_id, sku FROM order_lines CROSS JOIN UNNEST(items) AS t(sku, qty) ORDER BY sku"))
                .isEqualTo(expected);
    }

    /** Trino expands an array of rows into its fields, so one column name for a two-field row is an error. */
    @Test
    void tooFewColumnNamesForTheRowsFieldsFailAsInTrino() {
        QueryExecution q = run(clients.athena(),
                "SELECT r FROM orders CROSS JOIN UNNEST(items) AS t(r)", DB);
        assertThat(q.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(q.status().stateChangeReason()).isEqualTo(
                "MISMATCHED_COLUMN_ALIASES: line 1:33: Column alias list has 1 entries but 't' has 2 columns available");
    }

    @Test
    void mapColumnUnnestsIntoKeyAndValueAlsoWithOrdinality() {
        assertThat(table("SELECT id, k, v FROM orders CROSS JOIN UNNEST(attrs) AS t(k, v) ORDER BY id, k"))
                .containsExactly(List.of("id", "k", "v"), List.of("1", "j", "2"), List.of("1", "k", "1"));
        QueryExecution q = succeed(clients.athena(), "SELECT k, v, n FROM orders "
                + "CROSS JOIN UNNEST(attrs) WITH ORDINALITY AS t(k, v, n) ORDER BY n", DB);
        assertThat(columns(q)).containsExactly("k varchar", "v integer", "n bigint");
        assertThat(rows(clients.athena(), q.queryExecutionId())).hasSize(3)
                .extracting(row -> row.get(2)).containsExactly("n", "1", "2");
    }

    @Test
    void arrayColumnConcatenatedWithAnElement() {
        QueryExecution q = succeed(clients.athena(), "SELECT tags || note, tags || 'z', note || tags, 'z' || tags, "
                + "tags || tags FROM orders ORDER BY id", DB);
        assertThat(columns(q)).containsExactly("_col0 array", "_col1 array", "_col2 array", "_col3 array",
                "_col4 array");
        assertThat(rows(clients.athena(), q.queryExecutionId())).containsExactly(
                List.of("_col0", "_col1", "_col2", "_col3", "_col4"),
                List.of("[x, y, n1]", "[x, y, z]", "[n1, x, y]", "[z, x, y]", "[x, y, x, y]"),
                List.of("[n2]", "[z]", "[n2]", "[z]", "[]"),
                Arrays.asList(null, null, null, null, null));
        // a WITH query's column that names a table column keeps its type
        assertThat(table("WITH w AS (SELECT id, tags AS labels, note FROM orders) "
                + "SELECT labels || note AS all_labels FROM w WHERE id = 1"))
                .containsExactly(List.of("all_labels"), List.of("[x, y, n1]"));
    }

    @Test
    void cardinalityOfArrayAndMapColumns() {
        QueryExecution q = succeed(clients.athena(), "SELECT cardinality(items), cardinality(tags), cardinality(attrs) "
                + "FROM orders ORDER BY id", DB);
        assertThat(columns(q)).containsExactly("_col0 bigint", "_col1 bigint", "_col2 bigint");
        assertThat(rows(clients.athena(), q.queryExecutionId())).containsExactly(
                List.of("_col0", "_col1", "_col2"), List.of("2", "2", "2"), List.of("0", "0", "0"),
                Arrays.asList(null, null, null));
    }

    /**
     * With the table's columns known, a name no table column has resolves to the WITH query's item, whose zone it
     * keeps, and a {@code *} over a table and a WITH query lists columns at known positions (SQL-GAPS.md).
     */
    @Test
    void namesResolvePastTablesWhoseColumnsTheCatalogDeclares() {
        String local = "WITH local AS (SELECT id AS order_id, placed_at AT TIME ZONE 'America/Los_Angeles' AS local_ts "
                + "FROM orders) ";
        assertThat(table(local + "SELECT hour(local_ts) AS h, local_ts FROM orders JOIN local ON id = order_id "
                + "WHERE id = 1")).containsExactly(List.of("h", "local_ts"),
                List.of("2", "2024-01-02 02:00:00.000 America/Los_Angeles"));
        assertThat(table(local + "SELECT * FROM orders JOIN local ON id = order_id WHERE id = 1").get(1))
                .endsWith("2024-01-02 10:00:00.000", "1", "2024-01-02 02:00:00.000 America/Los_Angeles");
    }

    private static List<List<String>> table(String sql) {
        return rows(clients.athena(), succeed(clients.athena(), sql, DB).queryExecutionId());
    }

    private static List<String> columns(QueryExecution q) {
        return clients.athena().getQueryResults(r -> r.queryExecutionId(q.queryExecutionId())).resultSet()
                .resultSetMetadata().columnInfo().stream().map(c -> c.name() + " " + c.type()).toList();
    }
}
