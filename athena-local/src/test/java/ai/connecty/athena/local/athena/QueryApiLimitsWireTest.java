package ai.connecty.athena.local.athena;

import static ai.connecty.athena.local.athena.AthenaQueries.request;
import static ai.connecty.athena.local.athena.AthenaQueries.succeed;
import static ai.connecty.athena.local.athena.AthenaWireTest.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.http.SdkClientsExtension;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.athena.model.BatchGetQueryExecutionResponse;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;
import software.amazon.awssdk.services.athena.model.QueryExecution;

/**
 * Member constraints of the query calls from the service model (wire protocol §2.1-§2.3), checked through the real
 * SDK: a request Athena's framework refuses must be refused here too, and the boundary values must still pass.
 */
@ExtendWith(LocalAthenaExtension.class)
class QueryApiLimitsWireTest {

    static LocalAthena local;

    @RegisterExtension
    static final SdkClientsExtension clients = new SdkClientsExtension(() -> local);

    /** BatchGetQueryExecution takes up to 50 QueryExecutionIds (§2.2): 50 are answered, 51 are refused. */
    @Test
    void batchGetTakesAtMostFiftyIds() {
        String known = succeed(clients.athena(), "SELECT 50", null).queryExecutionId();
        List<String> fifty = new ArrayList<>(List.of(known));
        while (fifty.size() < 50) {
            fifty.add(UUID.randomUUID().toString());
        }
        BatchGetQueryExecutionResponse r = clients.athena().batchGetQueryExecution(x -> x.queryExecutionIds(fifty));
        assertThat(r.queryExecutions()).extracting(QueryExecution::queryExecutionId).containsExactly(known);
        assertThat(r.unprocessedQueryExecutionIds()).hasSize(49);

        List<String> fiftyOne = new ArrayList<>(fifty);
        fiftyOne.add(UUID.randomUUID().toString());
        assertThatThrownBy(() -> clients.athena().batchGetQueryExecution(x -> x.queryExecutionIds(fiftyOne)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.athenaErrorCode()).isEqualTo("INVALID_INPUT");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .startsWith("1 validation error detected: Value '[" + known + ", ")
                            .endsWith("]' at 'queryExecutionIds' failed to satisfy constraint: Member must have "
                                    + "length less than or equal to 50");
                });
    }

    /** GetQueryResults' QueryResultType is DATA_ROWS or DATA_MANIFEST (§2.3); any other string is refused. */
    @Test
    void queryResultTypeMustBeAModelledValue() {
        String id = succeed(clients.athena(), "SELECT 2", null).queryExecutionId();
        assertThat(AthenaQueries.values(clients.athena().getQueryResults(r -> r.queryExecutionId(id)
                .queryResultType("DATA_ROWS")))).containsExactly(List.of("_col0"), List.of("2"));
        for (String bogus : new String[] {"BOGUS", "data_rows", ""}) {
            assertInvalid(() -> clients.athena().getQueryResults(r -> r.queryExecutionId(id).queryResultType(bogus)),
                    "INVALID_INPUT", "1 validation error detected: Value '" + bogus + "' at 'queryResultType' failed "
                            + "to satisfy constraint: Member must satisfy enum value set: [DATA_ROWS, DATA_MANIFEST]");
        }
    }

    /**
     * StartQueryExecution's WorkGroup matches {@code [a-zA-Z0-9._-]{1,128}} (§2.1): a name outside it is a validation
     * error, not an unknown workgroup; a well-formed 128-character name passes validation and is then not found.
     */
    @Test
    void startQueryExecutionsWorkGroupMustMatchTheModelsPattern() {
        String pattern = "[a-zA-Z0-9._-]{1,128}";
        for (String bad : new String[] {"no/slash", "sp ace", "a".repeat(129)}) {
            assertInvalid(() -> clients.athena().startQueryExecution(request("SELECT 1", null).workGroup(bad).build()),
                    "INVALID_INPUT", "1 validation error detected: Value '" + bad + "' at 'workGroup' failed to satisfy "
                            + "constraint: Member must satisfy regular expression pattern: " + pattern);
        }
        String longest = "a.b_c-" + "d".repeat(122);
        assertInvalid(() -> clients.athena().startQueryExecution(request("SELECT 1", null).workGroup(longest).build()),
                "INVALID_INPUT", "WorkGroup is not found.");
        String id = clients.athena().startQueryExecution(request("SELECT 1", null).workGroup("primary").build())
                .queryExecutionId();
        assertThat(AthenaQueries.await(clients.athena(), id).workGroup()).isEqualTo("primary");
    }
}
