package ai.connecty.athena.local.engine;

import static ai.connecty.athena.local.athena.AthenaQueries.rows;
import static ai.connecty.athena.local.athena.AthenaQueries.succeed;
import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.athena.AthenaQueries;
import ai.connecty.athena.local.http.OwnLocalAthena;
import ai.connecty.athena.local.http.SdkClientsExtension;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;

/**
 * INSERT INTO a Glue table through the real SDK: Trino's analysis refuses a query whose column types its store
 * assignment cannot put into the target columns, or whose column count differs, before anything is written (where
 * DuckDB would cast {@code '5'} into an integer column); what Trino stores (wider and narrower numbers, any text into
 * varchar, a date into a timestamp, NULL anywhere) is written. Trino's rule (StatementAnalyzer.visitInsert and
 * TypeCoercion.isCompatible), not measured on Athena.
 */
class InsertTypesWireTest {

    @RegisterExtension
    static final OwnLocalAthena athena = new OwnLocalAthena();
    private static final SdkClientsExtension clients = athena.clients();

    @BeforeAll
    static void start() {
        succeed(clients.athena(), "CREATE DATABASE IF NOT EXISTS ins", null);
        succeed(clients.athena(), "CREATE EXTERNAL TABLE ins.facts (id int, name string, d date, ts timestamp, "
                + "amount double, big bigint, flag boolean) STORED AS PARQUET LOCATION 's3://demo-data/ins/facts/'", null);
        succeed(clients.athena(), "CREATE EXTERNAL TABLE ins.pairs (id int, name string) STORED AS PARQUET "
                + "LOCATION 's3://demo-data/ins/pairs/'", null);
    }

    private static QueryExecution failed(String sql) {
        QueryExecution q = AthenaQueries.run(clients.athena(), sql, "ins");
        assertThat(q.status().state()).as(sql).isEqualTo(QueryExecutionState.FAILED);
        return q;
    }

    @Test
    void textIntoAnIntegerColumnIsTrinosTypeMismatch() {
        QueryExecution q = failed("INSERT INTO pairs VALUES ('5', 'x')");
        // Trino's message, without a position (its INSERT node has none), then Athena's manifest hint.
        assertThat(q.status().stateChangeReason()).isEqualTo("TYPE_MISMATCH: Insert query has mismatched "
                + "column types: Table: [integer, varchar], Query: [varchar(1), varchar(1)]. If a data manifest file "
                + "was generated at 's3://athena-results/" + q.queryExecutionId() + "-manifest.csv', you may need to "
                + "manually clean the data from locations specified in the manifest. Athena will not delete data in "
                + "your account.");
        assertThat(q.status().athenaError().errorCategory()).isEqualTo(2);
        assertThat(q.status().athenaError().errorType()).isEqualTo(1002);
        assertThat(count("pairs")).isEqualTo("0");
    }

    @Test
    void textIntoADateColumnAndATableColumnOfTextAreRefused() {
        assertThat(failed("INSERT INTO facts (d) VALUES ('2024-01-01')").status().stateChangeReason())
                .startsWith("TYPE_MISMATCH: Insert query has mismatched column types: Table: [date], "
                        + "Query: [varchar(10)]. If a data manifest");
        assertThat(failed("INSERT INTO facts (id, flag) SELECT name, flag FROM facts").status().stateChangeReason())
                .startsWith("TYPE_MISMATCH: Insert query has mismatched column types: Table: [integer, "
                        + "boolean], Query: [varchar, boolean]. If a data manifest");
    }

    @Test
    void aColumnCountOtherThanTheTargetsIsRefused() {
        assertThat(failed("INSERT INTO pairs VALUES (1, 'a', 3)").status().stateChangeReason())
                .startsWith("TYPE_MISMATCH: Insert query has mismatched column types: Table: [integer, "
                        + "varchar], Query: [integer, varchar(1), integer]. If a data manifest");
        assertThat(failed("INSERT INTO pairs (name) SELECT 1, 'a'").status().stateChangeReason())
                .startsWith("TYPE_MISMATCH: Insert query has mismatched column types: Table: [varchar], "
                        + "Query: [integer, varchar(1)]. If a data manifest");
        assertThat(failed("INSERT INTO pairs SELECT 7").status().stateChangeReason())
                .startsWith("TYPE_MISMATCH: Insert query has mismatched column types: Table: [integer, "
                        + "varchar], Query: [integer]. If a data manifest");
    }

    @Test
    void whatTrinoStoresIsWrittenInTheListedColumns() {
        succeed(clients.athena(), "INSERT INTO facts (name, id, big, amount, d, ts, flag) VALUES ('abc', 1, 2, 3, "
                + "DATE '2024-01-02', DATE '2024-01-03', NULL)", "ins");
        succeed(clients.athena(), "INSERT INTO facts (id, amount) VALUES (BIGINT '2', 1.5)", "ins");
        QueryExecution q = succeed(clients.athena(),
                "SELECT id, name, d, ts, amount, big, flag FROM facts ORDER BY id", "ins");
        assertThat(rows(clients.athena(), q.queryExecutionId())).containsExactly(
                List.of("id", "name", "d", "ts", "amount", "big", "flag"),
                Arrays.asList("1", "abc", "2024-01-02", "2024-01-03 00:00:00.000", "3.0", "2", null),
                Arrays.asList("2", null, null, null, "1.5", null, null));
    }

    @Test
    void aDuplicateColumnInTheListIsRefused() {
        assertThat(failed("INSERT INTO pairs (id, ID) VALUES (1, 2)").status().stateChangeReason())
                .isEqualTo("DUPLICATE_COLUMN_NAME: Insert column name is specified more than once: id");
    }

    private static String count(String table) {
        QueryExecution q = succeed(clients.athena(), "SELECT count(*) FROM " + table, "ins");
        return rows(clients.athena(), q.queryExecutionId()).get(1).get(0);
    }
}
