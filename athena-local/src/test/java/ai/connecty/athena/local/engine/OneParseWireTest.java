package ai.connecty.athena.local.engine;

import static ai.connecty.athena.local.athena.AthenaQueries.await;
import static ai.connecty.athena.local.athena.AthenaQueries.request;
import static ai.connecty.athena.local.athena.AthenaQueries.rows;
import static ai.connecty.athena.local.athena.AthenaQueries.run;
import static ai.connecty.athena.local.athena.AthenaQueries.succeed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.http.SdkClientsExtension;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;

/**
 * A statement is parsed once at StartQueryExecution and that tree does the rest, seen through the AWS SDK: the
 * parameters bound in a nested query, INSERT/CTAS/CREATE VIEW targets and queries read from it, engine errors
 * positioned in the whole statement, and syntax errors in a statement's head answered synchronously.
 */
@ExtendWith(LocalAthenaExtension.class)
class OneParseWireTest {

    static LocalAthena local;

    @RegisterExtension
    static final SdkClientsExtension clients = new SdkClientsExtension(() -> local);

    @Test
    void parametersInNestedQueriesAreBoundOnTheTree() {
        String sql = "WITH big AS (SELECT id FROM demo.customers WHERE id > ?)\n"
                + "SELECT count(*) FROM big WHERE id IN (SELECT id FROM demo.customers WHERE name <> ?)";
        QueryExecution q = await(clients.athena(), clients.athena().startQueryExecution(request(sql, null)
                .executionParameters("3", "it's").build()).queryExecutionId());
        assertThat(q.status().state()).as(q.status().stateChangeReason()).isEqualTo(QueryExecutionState.SUCCEEDED);
        assertThat(q.statementType().toString()).isEqualTo("DML");
        assertThat(q.substatementType()).isEqualTo("SELECT");
        assertThat(q.query()).contains("id > (3)").contains("name <> ('it''s')");
        QueryExecution literal = succeed(clients.athena(), "SELECT count(*) FROM demo.customers WHERE id > 3", null);
        assertThat(rows(clients.athena(), q.queryExecutionId()).get(1))
                .isEqualTo(rows(clients.athena(), literal.queryExecutionId()).get(1));
    }

    @Test
    void insertCtasAndViewRunFromTheirTree() {
        succeed(clients.athena(), "CREATE DATABASE oneparse", null);
        try {
            QueryExecution ctas = succeed(clients.athena(), "CREATE TABLE oneparse.t WITH (format = 'PARQUET') AS "
                    + "(SELECT 1 AS id, 'a' AS name) WITH NO DATA", null);
            assertThat(ctas.substatementType()).isEqualTo("CREATE_TABLE_AS_SELECT");

            QueryExecution bad = run(clients.athena(),
                    "INSERT INTO oneparse.t (id, name)\nSELECT id, nosuch FROM demo.customers",
                    null);
            assertThat(bad.status().state()).isEqualTo(QueryExecutionState.FAILED);
            assertThat(bad.status().stateChangeReason())
                    .startsWith("COLUMN_NOT_FOUND: line 2:12: Column 'nosuch' cannot be resolved");

            QueryExecution insert = succeed(clients.athena(),
                    "INSERT INTO oneparse.t (Name, ID) VALUES ('b', 2)", null);
            assertThat(insert.substatementType()).isEqualTo("INSERT");
            QueryExecution view = succeed(clients.athena(),
                    "CREATE VIEW oneparse.v AS (SELECT id * 10 AS x, name FROM oneparse.t)",
                    null);
            assertThat(view.substatementType()).isEqualTo("CREATE_VIEW");
            QueryExecution read = succeed(clients.athena(), "SELECT x, name FROM oneparse.v", null);
            assertThat(rows(clients.athena(), read.queryExecutionId()))
                    .containsExactly(List.of("x", "name"), List.of("20", "b"));
        } finally {
            run(clients.athena(), "DROP VIEW IF EXISTS oneparse.v", null);
            run(clients.athena(), "DROP TABLE IF EXISTS oneparse.t", null);
            run(clients.athena(), "DROP DATABASE IF EXISTS oneparse", null);
        }
    }

    @Test
    void syntaxErrorsInAStatementHeadAreTrinosAtStart() {
        assertThatThrownBy(() -> clients.athena()
                .startQueryExecution(request("INSERT INTO t (a b) SELECT 1", null).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.athenaErrorCode()).isEqualTo("MALFORMED_QUERY");
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith("line 1:18: mismatched input 'b'");
                });
    }
}
