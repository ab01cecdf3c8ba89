package ai.connecty.athena.local.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.api.AwsException;
import ai.connecty.athena.local.api.QueryFaults;
import ai.connecty.athena.local.storage.BucketStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalWarehouseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    private static LocalWarehouse warehouse;
    private static BucketStore buckets;
    private static final AllowAll ADMIN = new AllowAll();

    @BeforeAll
    static void start() {
        buckets = new BucketStore(dir);
        warehouse = new LocalWarehouse(dir, buckets, QueryFaults.NONE, "123456789012", "us-east-1");
        warehouse.prepareDemoData();
    }

    @AfterAll
    static void stop() {
        warehouse.close();
    }

    static JsonNode athena(String op, String json) {
        try {
            return warehouse.athena().handle(op, JSON.readTree(json), ADMIN);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String startQuery(String sql, String database) {
        ObjectNode in = JSON.createObjectNode();
        in.put("QueryString", sql);
        in.put("ClientRequestToken", UUID.randomUUID().toString());
        in.putObject("ResultConfiguration").put("OutputLocation", "s3://athena-results/");
        if (database != null) {
            in.putObject("QueryExecutionContext").put("Database", database);
        }
        return warehouse.athena().handle("StartQueryExecution", in, ADMIN).get("QueryExecutionId").asText();
    }

    static JsonNode await(String id) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode q = athena("GetQueryExecution", "{\"QueryExecutionId\":\"" + id + "\"}").get("QueryExecution");
            String state = q.at("/Status/State").asText();
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                return q;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("query did not finish");
    }

    @Test
    void selectOneWritesAthenaCsvAndReturnsHeaderRow() throws Exception {
        String id = startQuery("SELECT 1", null);
        JsonNode q = await(id);
        assertThat(q.at("/Status/State").asText()).isEqualTo("SUCCEEDED");
        assertThat(q.at("/ResultConfiguration/OutputLocation").asText()).isEqualTo("s3://athena-results/" + id + ".csv");
        assertThat(q.get("StatementType").asText()).isEqualTo("DML");
        assertThat(new String(buckets.read("athena-results", id + ".csv").orElseThrow(), StandardCharsets.UTF_8))
                .isEqualTo("\"_col0\"\n\"1\"\n");
        byte[] meta = buckets.read("athena-results", id + ".csv.metadata").orElseThrow();
        // A literal-only SELECT's sidecar names the execution id, not an engine query id (measured-behaviour §4.5).
        assertThat(meta[0]).isEqualTo((byte) 0x0a);
        assertThat(meta[1]).isEqualTo((byte) 36);
        assertThat(new String(meta, 2, 36, StandardCharsets.US_ASCII)).isEqualTo(id);
        JsonNode r = athena("GetQueryResults", "{\"QueryExecutionId\":\"" + id + "\"}");
        assertThat(r.at("/ResultSet/Rows/0/Data/0/VarCharValue").asText()).isEqualTo("_col0");
        assertThat(r.at("/ResultSet/Rows/1/Data/0/VarCharValue").asText()).isEqualTo("1");
        assertThat(r.at("/ResultSet/ResultSetMetadata/ColumnInfo/0/Type").asText()).isEqualTo("integer");
        assertThat(r.get("UpdateCount").asLong()).isZero();
        assertThat(r.has("NextToken")).isFalse();
    }

    @Test
    void pagesLargeResultsWithTokens() throws Exception {
        String id = startQuery("SELECT n FROM numbers WHERE n < 1500 ORDER BY n", "demo");
        assertThat(await(id).at("/Status/State").asText()).isEqualTo("SUCCEEDED");
        JsonNode p1 = athena("GetQueryResults", "{\"QueryExecutionId\":\"" + id + "\"}");
        assertThat(p1.at("/ResultSet/Rows").size()).isEqualTo(1000);
        String token = p1.get("NextToken").asText();
        JsonNode p2 = athena("GetQueryResults", "{\"QueryExecutionId\":\"" + id + "\",\"NextToken\":\"" + token + "\"}");
        assertThat(p2.at("/ResultSet/Rows").size()).isEqualTo(501);
        assertThat(p2.at("/ResultSet/Rows/500/Data/0/VarCharValue").asText()).isEqualTo("1499");
        assertThat(p2.has("NextToken")).isFalse();
        assertThatThrownBy(() -> athena("GetQueryResults", "{\"QueryExecutionId\":\"" + id + "\",\"NextToken\":\"bad\"}"))
                .hasMessage("Malformed nextPageToken bad");
    }

    @Test
    void nullAndEmptyStringDiffer() throws Exception {
        String id = startQuery("SELECT c_string, c_binary FROM all_types ORDER BY c_int NULLS LAST", "demo");
        JsonNode q = await(id);
        assertThat(q.at("/Status/State").asText()).as(q.toString()).isEqualTo("SUCCEEDED");
        JsonNode rows = athena("GetQueryResults", "{\"QueryExecutionId\":\"" + id + "\"}").at("/ResultSet/Rows");
        assertThat(rows.get(2).at("/Data/0/VarCharValue").asText()).isEqualTo("hello");
        assertThat(rows.get(3).at("/Data/0").has("VarCharValue")).isTrue();
        assertThat(rows.get(3).at("/Data/1").has("VarCharValue")).isFalse();
    }

    @Test
    void showAndDescribeUseHiveShapes() throws Exception {
        String id = startQuery("SHOW TABLES IN demo", null);
        JsonNode q = await(id);
        assertThat(q.get("StatementType").asText()).isEqualTo("UTILITY");
        JsonNode r = athena("GetQueryResults", "{\"QueryExecutionId\":\"" + id + "\"}");
        assertThat(r.at("/ResultSet/Rows").toString()).contains("sales", "customers", "sales_by_customer");
        assertThat(r.at("/ResultSet/ResultSetMetadata/ColumnInfo/0/Name").asText()).isEqualTo("tab_name");
        assertThat(r.at("/ResultSet/ResultSetMetadata/ColumnInfo/0/Type").asText()).isEqualTo("string");

        String d = startQuery("DESCRIBE sales", "demo");
        await(d);
        JsonNode desc = athena("GetQueryResults", "{\"QueryExecutionId\":\"" + d + "\"}");
        assertThat(desc.at("/ResultSet/Rows/0/Data/0/VarCharValue").asText())
                .isEqualTo("sale_id             \tbigint              \t                    ");
        assertThat(desc.has("UpdateCount")).isFalse();
    }

    @Test
    void demoTablesAreQueryable() throws Exception {
        for (String sql : new String[] {"SELECT count(*) FROM numbers", "SELECT count(*) FROM sales",
                "SELECT count(*) FROM customers", "SELECT count(*) FROM events", "SELECT count(*) FROM sales_by_customer",
                "SELECT count(*) FROM lakehouse.lake.orders"}) {
            String id = startQuery(sql, "demo");
            JsonNode q = await(id);
            assertThat(q.at("/Status/State").asText()).as(sql + " " + q.at("/Status")).isEqualTo("SUCCEEDED");
            JsonNode r = athena("GetQueryResults", "{\"QueryExecutionId\":\"" + id + "\"}");
            assertThat(Long.parseLong(r.at("/ResultSet/Rows/1/Data/0/VarCharValue").asText())).as(sql).isPositive();
        }
    }

    @Test
    void validationErrorsAndIdempotency() {
        assertThatThrownBy(() -> athena("StartQueryExecution", "{\"QueryString\":\"SELECT 1\",\"ClientRequestToken\":\"short\"}"))
                .isInstanceOf(AwsException.class).hasMessageContaining("greater than or equal to 32");
        String token = UUID.randomUUID().toString();
        assertThatThrownBy(() -> athena("StartQueryExecution",
                "{\"QueryString\":\"SELECT 1\",\"ClientRequestToken\":\"" + token + "\"}"))
                .hasMessageContaining("for  your query results");
        String body = "{\"QueryString\":\"SELECT 1\",\"ClientRequestToken\":\"" + token
                + "\",\"ResultConfiguration\":{\"OutputLocation\":\"s3://athena-results/x/\"}}";
        String first = athena("StartQueryExecution", body).get("QueryExecutionId").asText();
        assertThat(athena("StartQueryExecution", body).get("QueryExecutionId").asText()).isEqualTo(first);
        assertThatThrownBy(() -> athena("StartQueryExecution", body.replace("SELECT 1", "SELECT 2")))
                .hasMessage("Idempotent parameters do not match");
        assertThatThrownBy(() -> athena("GetQueryExecution", "{\"QueryExecutionId\":\"nope\"}"))
                .hasMessage("QueryExecution nope was not found");
    }

    @Test
    void ddlCreatesQueryableTablesAndFailuresUseHiveWording() throws Exception {
        await(startQuery("CREATE DATABASE IF NOT EXISTS scratch", null));
        String ctas = startQuery("CREATE TABLE scratch.t AS SELECT n, parity FROM demo.numbers WHERE n < 10", null);
        JsonNode q = await(ctas);
        assertThat(q.at("/Status/State").asText()).as(q.toString()).isEqualTo("SUCCEEDED");
        assertThat(q.at("/ResultConfiguration/OutputLocation").asText()).endsWith("tables/" + ctas);
        assertThat(athena("GetQueryResults", "{\"QueryExecutionId\":\"" + ctas + "\"}").get("UpdateCount").asLong()).isEqualTo(10);
        String ins = startQuery("INSERT INTO scratch.t VALUES (100, 'even')", null);
        assertThat(await(ins).at("/Status/State").asText()).isEqualTo("SUCCEEDED");
        String count = startQuery("SELECT count(*) FROM scratch.t", null);
        await(count);
        assertThat(athena("GetQueryResults", "{\"QueryExecutionId\":\"" + count + "\"}")
                .at("/ResultSet/Rows/1/Data/0/VarCharValue").asText()).isEqualTo("11");
        String missing = startQuery("DROP TABLE nope.nothing", null);
        JsonNode f = await(missing);
        assertThat(f.at("/Status/StateChangeReason").asText()).startsWith("FAILED: SemanticException");
        assertThat(athena("GetQueryResults", "{\"QueryExecutionId\":\"" + missing + "\"}").at("/ResultSet/Rows").size()).isZero();
    }
}
