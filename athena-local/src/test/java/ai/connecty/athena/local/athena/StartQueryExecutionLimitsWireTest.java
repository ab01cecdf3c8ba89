package ai.connecty.athena.local.athena;

import static ai.connecty.athena.local.athena.AthenaQueries.await;
import static ai.connecty.athena.local.athena.AthenaQueries.request;
import static ai.connecty.athena.local.athena.AthenaWireTest.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.http.SdkClientsExtension;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;

/**
 * StartQueryExecution's member constraints from the service model (wire protocol §2.1): a request Athena's
 * framework refuses must be refused here too, or a test passes locally and fails on AWS.
 */
@ExtendWith(LocalAthenaExtension.class)
class StartQueryExecutionLimitsWireTest {

    static LocalAthena local;

    @RegisterExtension
    static final SdkClientsExtension clients = new SdkClientsExtension(() -> local);

    /** QueryString is 1 to 262144 characters. */
    @Test
    void theQueryStringIsOneTo262144Characters() {
        String longest = "SELECT 1 --" + "x".repeat(262144 - 11);
        String id = clients.athena().startQueryExecution(request(longest, null).build()).queryExecutionId();
        assertThat(await(clients.athena(), id).status().state()).isEqualTo(QueryExecutionState.SUCCEEDED);

        assertInvalid(() -> clients.athena().startQueryExecution(request(longest + "x", null).build()), "INVALID_INPUT",
                "1 validation error detected: Value at 'queryString' failed to satisfy constraint: Member must have "
                        + "length less than or equal to 262144");
        assertInvalid(() -> clients.athena().startQueryExecution(request("", null).build()), "INVALID_INPUT",
                "1 validation error detected: Value at 'queryString' failed to satisfy constraint: Member must have "
                        + "length greater than or equal to 1");
    }
}
