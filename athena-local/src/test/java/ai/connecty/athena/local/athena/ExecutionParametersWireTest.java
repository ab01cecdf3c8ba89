package ai.connecty.athena.local.athena;

import static ai.connecty.athena.local.athena.AthenaQueries.await;
import static ai.connecty.athena.local.athena.AthenaQueries.request;
import static ai.connecty.athena.local.athena.AthenaQueries.rows;
import static org.assertj.core.api.Assertions.assertThat;

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

/** ExecutionParameters bound to the statement's {@code ?} as Athena does (measured-behaviour §5.6). */
@ExtendWith(LocalAthenaExtension.class)
class ExecutionParametersWireTest {

    static LocalAthena local;

    @RegisterExtension
    static final SdkClientsExtension clients = new SdkClientsExtension(() -> local);

    /** Without parameters the member is left out, as clients do (an empty list is refused). */
    private static QueryExecution run(String sql, String... parameters) {
        String id = clients.athena().startQueryExecution(request(sql, "demo")
                .executionParameters(parameters.length == 0 ? null : List.of(parameters)).build()).queryExecutionId();
        return await(clients.athena(), id);
    }

    @Test
    void eachValueIsAnExpressionUnlessItIsNoneOrNamesAColumn() {
        QueryExecution q = run("SELECT ? AS a, ? AS b, ? AS c, ? AS d, ? AS e, ? AS f",
                "'abc'", "1 + 1", "abc def", "it's", "x + 1", "CAST('7' AS integer) * 2");
        assertThat(q.status().state()).isEqualTo(QueryExecutionState.SUCCEEDED);
        assertThat(rows(clients.athena(), q.queryExecutionId())).containsExactly(List.of("a", "b", "c", "d", "e", "f"),
                List.of("abc", "2", "abc def", "it's", "x + 1", "14"));
    }

    @Test
    void parametersFilterRowsAndAQuestionMarkInAStringIsNoParameter() {
        QueryExecution q = run("SELECT id, '?' AS q FROM customers WHERE id = ? OR name = ?", "3", "'Customer 5'");
        assertThat(q.status().state()).isEqualTo(QueryExecutionState.SUCCEEDED);
        assertThat(rows(clients.athena(), q.queryExecutionId())).containsExactlyInAnyOrder(List.of("id", "q"),
                List.of("3", "?"), List.of("5", "?"));
    }

    /** GetQueryExecution echoes the ExecutionParameters as sent, as Athena does; a query without them has none. */
    @Test
    void getQueryExecutionEchoesTheParameters() {
        QueryExecution q = run("SELECT ? IS NULL, ?", "NULL", "DATE '2020-01-08'");
        assertThat(q.executionParameters()).containsExactly("NULL", "DATE '2020-01-08'");
        assertThat(run("SELECT 1").hasExecutionParameters()).isFalse();
    }

    @Test
    void valuesForAStatementWithoutParametersAreIgnored() {
        QueryExecution q = run("SELECT 1 AS one", "'unused'");
        assertThat(rows(clients.athena(), q.queryExecutionId())).containsExactly(List.of("one"), List.of("1"));
    }

    /** The list, when sent, holds at least one value (wire protocol §2.1): an empty list is refused, omitting it is not. */
    @Test
    void anEmptyListIsRefused() {
        assertThat(run("SELECT 1 AS one").status().state()).isEqualTo(QueryExecutionState.SUCCEEDED);
        AthenaWireTest.assertInvalid(() -> clients.athena().startQueryExecution(request("SELECT 1 AS one", "demo")
                .executionParameters(List.of()).build()), "INVALID_INPUT",
                "1 validation error detected: Value '[]' at 'executionParameters' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 1");
    }

    /** Each value is a string of 1 to 1024 characters: a longer one is refused before the query starts. */
    @Test
    void aValueLongerThan1024CharactersIsRefused() {
        String longest = "'" + "x".repeat(1022) + "'";
        assertThat(run("SELECT length(?) AS n", longest).status().state()).isEqualTo(QueryExecutionState.SUCCEEDED);
        InvalidRequestException e = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidRequestException.class,
                () -> clients.athena().startQueryExecution(request("SELECT length(?) AS n", "demo")
                        .executionParameters("'" + "x".repeat(1023) + "'").build()));
        assertThat((Throwable) e).isNotNull();
        assertThat(e.getMessage()).contains("executionParameters").contains("less than or equal to 1024");
    }

    @Test
    void aWrongCountFailsWithInvalidParameterUsage() {
        QueryExecution q = run("SELECT ? AS a, ? AS b", "1");
        assertThat(q.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(q.status().stateChangeReason())
                .isEqualTo("INVALID_PARAMETER_USAGE: line 1:1: Incorrect number of parameters: expected 2 but found 1");
        assertThat(q.status().athenaError().errorType()).isEqualTo(1100);
        assertThat(q.status().athenaError().errorCategory()).isEqualTo(2);

        QueryExecution none = run("SELECT ? AS a");
        assertThat(none.status().stateChangeReason()).endsWith("expected 1 but found 0");
    }
}
