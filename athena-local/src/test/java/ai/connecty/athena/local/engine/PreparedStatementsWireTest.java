package ai.connecty.athena.local.engine;

import static ai.connecty.athena.local.athena.AthenaQueries.await;
import static ai.connecty.athena.local.athena.AthenaQueries.request;
import static ai.connecty.athena.local.athena.AthenaQueries.rows;
import static ai.connecty.athena.local.athena.AthenaQueries.run;
import static ai.connecty.athena.local.athena.AthenaQueries.succeed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.http.OwnLocalAthena;
import ai.connecty.athena.local.http.SdkClientsExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.athena.model.AthenaException;
import software.amazon.awssdk.services.athena.model.PreparedStatement;
import software.amazon.awssdk.services.athena.model.PreparedStatementSummary;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.ResourceNotFoundException;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;

/**
 * PREPARE, EXECUTE and DEALLOCATE PREPARE through the real SDK: a prepared statement runs with its USING values
 * bound to its {@code ?} in order, belongs to the workgroup it was prepared in, and is gone after DEALLOCATE.
 */
class PreparedStatementsWireTest {

    @RegisterExtension
    static final OwnLocalAthena athena = new OwnLocalAthena();
    private static final SdkClientsExtension clients = athena.clients();

    @BeforeAll
    static void tables() {
        succeed(clients.athena(), "CREATE DATABASE ps", null);
        succeed(clients.athena(), "CREATE TABLE ps.items WITH (format = 'PARQUET', "
                + "external_location = 's3://demo-data/ps/items/') AS SELECT * FROM (VALUES (1, 'usa', 10), "
                + "(2, 'usa', 20), (3, 'fra', 30)) AS t(id, country, qty)", null);
    }

    private static QueryExecution inWorkGroup(String sql, String workGroup) {
        return await(clients.athena(), clients.athena().startQueryExecution(request(sql, null).workGroup(workGroup)
                .build()).queryExecutionId());
    }

    @Test
    void executeBindsTheUsingValuesInOrder() {
        QueryExecution prepared = succeed(clients.athena(),
                "PREPARE by_country FROM SELECT id FROM ps.items WHERE country = ? AND qty > ? ORDER BY id", null);
        assertThat(prepared.statementType().toString()).isEqualTo("UTILITY");
        assertThat(prepared.substatementType()).isEqualTo("PREPARE");

        QueryExecution q = succeed(clients.athena(), "EXECUTE by_country USING 'usa', 15", null);
        assertThat(q.query()).isEqualTo("EXECUTE by_country USING 'usa', 15");
        assertThat(q.substatementType()).isEqualTo("SELECT");
        assertThat(rows(clients.athena(), q.queryExecutionId())).containsExactly(List.of("id"), List.of("2"));

        // PREPARE of an existing name replaces it.
        succeed(clients.athena(), "PREPARE by_country FROM SELECT count(*) AS n FROM ps.items WHERE country = ?", null);
        assertThat(rows(clients.athena(), succeed(clients.athena(), "EXECUTE by_country USING 'usa'", null)
                .queryExecutionId())).containsExactly(List.of("n"), List.of("2"));
    }

    @Test
    void aWrongNumberOfValuesFailsTheQuery() {
        succeed(clients.athena(), "PREPARE two FROM SELECT id FROM ps.items WHERE id = ? OR id = ?", null);
        QueryExecution q = run(clients.athena(), "EXECUTE two USING 1", null);
        assertThat(q.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(q.status().stateChangeReason())
                .isEqualTo("INVALID_PARAMETER_USAGE: line 1:1: Incorrect number of parameters: expected 2 but found 1");
    }

    @Test
    void anUnknownNameFails() {
        QueryExecution q = run(clients.athena(), "EXECUTE never_prepared USING 1", null);
        assertThat(q.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(q.status().stateChangeReason()).isEqualTo("NOT_FOUND: Prepared statement not found: never_prepared");
    }

    @Test
    void deallocateRemovesTheStatement() {
        succeed(clients.athena(), "PREPARE gone FROM SELECT 1 AS one", null);
        assertThat(rows(clients.athena(), succeed(clients.athena(), "EXECUTE gone", null).queryExecutionId()))
                .containsExactly(List.of("one"), List.of("1"));
        QueryExecution d = succeed(clients.athena(), "DEALLOCATE PREPARE gone", null);
        assertThat(d.statementType().toString()).isEqualTo("UTILITY");
        assertThat(run(clients.athena(), "EXECUTE gone", null).status().stateChangeReason())
                .isEqualTo("NOT_FOUND: Prepared statement not found: gone");
        assertThat(run(clients.athena(), "DEALLOCATE PREPARE gone", null).status().stateChangeReason())
                .isEqualTo("NOT_FOUND: Prepared statement not found: gone");
    }

    @Test
    void preparedStatementsBelongToTheirWorkGroup() {
        // analytics: a built-in workgroup of athena-local, which has no CreateWorkGroup.
        assertThat(inWorkGroup("PREPARE mine FROM SELECT 7 AS seven", "analytics").status().state())
                .isEqualTo(QueryExecutionState.SUCCEEDED);
        assertThat(rows(clients.athena(), inWorkGroup("EXECUTE mine", "analytics").queryExecutionId()))
                .containsExactly(List.of("seven"), List.of("7"));
        assertThat(run(clients.athena(), "EXECUTE mine", null).status().stateChangeReason())
                .isEqualTo("NOT_FOUND: Prepared statement not found: mine");
    }

    @Test
    void executeWithoutUsingTakesTheExecutionParameters() {
        succeed(clients.athena(), "PREPARE by_id FROM SELECT country FROM ps.items WHERE id = ?", null);
        String id = clients.athena().startQueryExecution(request("EXECUTE by_id", null).executionParameters("3")
                .build()).queryExecutionId();
        assertThat(rows(clients.athena(), await(clients.athena(), id).queryExecutionId()))
                .containsExactly(List.of("country"), List.of("fra"));
    }

    @Test
    void aReusedResultIsOneOfTheSameStatementAndValues() {
        succeed(clients.athena(), "PREPARE reused FROM SELECT country FROM ps.items WHERE id = ?", null);
        assertThat(rows(clients.athena(), executeWithReuse("1"))).containsExactly(List.of("country"), List.of("usa"));
        // The same EXECUTE text with another value, then with another statement under the name: neither is reused.
        assertThat(rows(clients.athena(), executeWithReuse("3"))).containsExactly(List.of("country"), List.of("fra"));
        succeed(clients.athena(), "PREPARE reused FROM SELECT qty FROM ps.items WHERE id = ?", null);
        assertThat(rows(clients.athena(), executeWithReuse("3"))).containsExactly(List.of("qty"), List.of("30"));
        // Unchanged statement and value: reused, as any query.
        String again = executeWithReuse("3");
        assertThat(clients.athena().getQueryExecution(r -> r.queryExecutionId(again)).queryExecution().statistics()
                .resultReuseInformation().reusedPreviousResult()).isTrue();
    }

    private static String executeWithReuse(String value) {
        return await(clients.athena(), clients.athena().startQueryExecution(request("EXECUTE reused", null)
                .executionParameters(value)
                .resultReuseConfiguration(c -> c.resultReuseByAgeConfiguration(a -> a.enabled(true).maxAgeInMinutes(60)))
                .build()).queryExecutionId()).queryExecutionId();
    }

    @Test
    void theApiAndTheSqlShareTheWorkGroupsStatements() {
        clients.athena().createPreparedStatement(r -> r.statementName("api_made").workGroup("primary")
                .queryStatement("SELECT qty FROM ps.items WHERE id = ?").description("by id"));
        assertThat(rows(clients.athena(), succeed(clients.athena(), "EXECUTE api_made USING 3", null)
                .queryExecutionId())).containsExactly(List.of("qty"), List.of("30"));

        succeed(clients.athena(), "PREPARE sql_made FROM SELECT 1 AS one", null);
        PreparedStatement got = clients.athena().getPreparedStatement(r -> r.statementName("sql_made")
                .workGroup("primary")).preparedStatement();
        assertThat(got.queryStatement()).isEqualTo("SELECT 1 AS one");
        assertThat(got.workGroupName()).isEqualTo("primary");
        assertThat(got.lastModifiedTime()).isNotNull();
        assertThat(clients.athena().listPreparedStatements(r -> r.workGroup("primary")).preparedStatements())
                .extracting(PreparedStatementSummary::statementName).contains("api_made", "sql_made");
        assertThat(clients.athena().listPreparedStatements(r -> r.workGroup("analytics")).preparedStatements())
                .extracting(PreparedStatementSummary::statementName).doesNotContain("api_made", "sql_made");

        clients.athena().updatePreparedStatement(r -> r.statementName("api_made").workGroup("primary")
                .queryStatement("SELECT country FROM ps.items WHERE id = ?"));
        assertThat(rows(clients.athena(), succeed(clients.athena(), "EXECUTE api_made USING 3", null)
                .queryExecutionId())).containsExactly(List.of("country"), List.of("fra"));

        clients.athena().deletePreparedStatement(r -> r.statementName("api_made").workGroup("primary"));
        assertThatThrownBy(() -> clients.athena().getPreparedStatement(r -> r.statementName("api_made")
                .workGroup("primary"))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> clients.athena().deletePreparedStatement(r -> r.statementName("api_made")
                .workGroup("primary"))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void theApiNeedsItsIamActions() {
        var role = clients.athena(clients.assumeRole("prepared-test"));
        assertThatThrownBy(() -> role.createPreparedStatement(r -> r.statementName("denied").workGroup("primary")
                .queryStatement("SELECT 1")))
                .isInstanceOf(AthenaException.class)
                .hasMessageContaining("is not authorized to perform: athena:CreatePreparedStatement on resource: "
                        + "arn:aws:athena:us-east-1:123456789012:workgroup/primary");
        assertThatThrownBy(() -> role.listPreparedStatements(r -> r.workGroup("primary")))
                .hasMessageContaining("athena:ListPreparedStatements");
    }
}
