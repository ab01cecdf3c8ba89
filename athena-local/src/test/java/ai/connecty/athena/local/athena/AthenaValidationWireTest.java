package ai.connecty.athena.local.athena;

import static ai.connecty.athena.local.athena.AthenaQueries.request;
import static ai.connecty.athena.local.athena.AthenaWireTest.assertInvalid;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.http.SdkClientsExtension;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Athena's framework validation through the SDK: every broken member of a request in one message, lengths counted
 * in characters, and Athena's own checks (the token's byte limit) only after the framework's.
 */
@ExtendWith(LocalAthenaExtension.class)
class AthenaValidationWireTest {

    static LocalAthena local;

    @RegisterExtension
    static final SdkClientsExtension clients = new SdkClientsExtension(() -> local);

    /** An empty QueryString and a WorkGroup outside its pattern are two errors of one request, in model order. */
    @Test
    void severalBrokenMembersAreReportedTogether() {
        assertInvalid(() -> clients.athena().startQueryExecution(request("", null).workGroup("no spaces").build()),
                "INVALID_INPUT", "2 validation errors detected: Value at 'queryString' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 1; Value 'no spaces' at 'workGroup' failed "
                        + "to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9._-]{1,128}");
    }

    /** Each ExecutionParameters value is 1 to 1024 characters; two bad values are two errors. */
    @Test
    void eachBadExecutionParameterIsAnError() {
        assertInvalid(() -> clients.athena().startQueryExecution(request("SELECT ? AS a, ? AS b", null)
                .executionParameters("", "'" + "x".repeat(1023) + "'").build()), "INVALID_INPUT",
                "2 validation errors detected: Value at 'executionParameters' failed to satisfy constraint: Member must "
                        + "have length greater than or equal to 1; Value at 'executionParameters' failed to satisfy "
                        + "constraint: Member must have length less than or equal to 1024");
    }

    /**
     * The token's 32..128 are characters (measured-behaviour §5.2): 20 three-byte characters are too short although
     * they are 60 bytes, and 50 of them pass the framework but meet Athena's own limit of 128 bytes.
     */
    @Test
    void theTokenIsCountedInCharactersThenInBytes() {
        assertInvalid(() -> clients.athena().startQueryExecution(request("SELECT 1", null)
                .clientRequestToken("\u3042".repeat(20)).build()), "INVALID_INPUT",
                "1 validation error detected: Value at 'clientRequestToken' failed to satisfy constraint: Member must "
                        + "have length greater than or equal to 32");
        assertInvalid(() -> clients.athena().startQueryExecution(request("SELECT 1", null)
                .clientRequestToken("\u3042".repeat(50)).build()), "INVALID_INPUT",
                "clientRequestToken exceeds maximum allowed length 128");
    }
}
