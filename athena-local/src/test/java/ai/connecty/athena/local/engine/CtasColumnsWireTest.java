package ai.connecty.athena.local.engine;

import static ai.connecty.athena.local.athena.AthenaQueries.succeed;
import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.athena.AthenaQueries;
import ai.connecty.athena.local.http.OwnLocalAthena;
import ai.connecty.athena.local.http.SdkClientsExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;

/**
 * CREATE TABLE AS through the real SDK: Trino's analysis (StatementAnalyzer.validateColumns) refuses a query column
 * without a name or of type unknown (an untyped NULL), which would become a table column named {@code _col0} or typed
 * by DuckDB's guess (integer) here. Trino's rule, not measured on Athena.
 */
class CtasColumnsWireTest {

    @RegisterExtension
    static final OwnLocalAthena athena = new OwnLocalAthena();
    private static final SdkClientsExtension clients = athena.clients();

    @BeforeAll
    static void start() {
        succeed(clients.athena(), "CREATE DATABASE IF NOT EXISTS ctascols", null);
    }

    private static String reason(String sql) {
        QueryExecution q = AthenaQueries.run(clients.athena(), sql, "ctascols");
        assertThat(q.status().state()).as(sql).isEqualTo(QueryExecutionState.FAILED);
        return q.status().stateChangeReason();
    }

    @Test
    void aColumnOfAnUntypedNullIsRefused() {
        assertThat(reason("CREATE TABLE nulls AS SELECT 1 AS id, NULL AS nothing"))
                .startsWith("COLUMN_TYPE_UNKNOWN: line 1:1: Column type is unknown: nothing You may need to manually "
                        + "clean the data");
        assertThat(clients.glue().getTables(r -> r.databaseName("ctascols")).tableList()).isEmpty();
    }

    @Test
    void anUnnamedColumnIsRefused() {
        assertThat(reason("CREATE TABLE unnamed AS SELECT 1 AS id, 2 + 3"))
                .startsWith("MISSING_COLUMN_NAME: line 1:1: Column name not specified at position 2 You may need");
        assertThat(reason("CREATE TABLE unnamed AS VALUES (1, 'a')"))
                .startsWith("MISSING_COLUMN_NAME: line 1:1: Column name not specified at position 1 You may need");
    }

    @Test
    void namedAndTypedColumnsStillMakeATable() {
        succeed(clients.athena(), "CREATE TABLE typed AS SELECT 1 AS id, CAST(NULL AS varchar) AS note, x "
                + "FROM (VALUES 5) AS v(x)", "ctascols");
        succeed(clients.athena(), "DROP TABLE typed", "ctascols");
    }

    @Test
    void refusalsNameTheirErrorOnce() {
        succeed(clients.athena(), "CREATE TABLE taken AS SELECT 1 AS id", "ctascols");
        assertThat(reason("CREATE TABLE taken AS SELECT 2 AS id")).startsWith("TABLE_ALREADY_EXISTS: line 1:1: "
                + "Destination table 'awsdatacatalog.ctascols.taken' already exists.");
        assertThat(reason("CREATE TABLE nowhere.t AS SELECT 1 AS id"))
                .startsWith("SCHEMA_NOT_FOUND: line 1:1: Schema 'nowhere' does not exist");
        assertThat(reason("CREATE TABLE orc WITH (format = 'ORC') AS SELECT 1 AS id"))
                .startsWith("NOT_SUPPORTED: CTAS format ORC is not supported by athena-local");
        succeed(clients.athena(), "DROP TABLE taken", "ctascols");
    }
}
