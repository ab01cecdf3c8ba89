package ai.connecty.athena.local.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.http.SdkClientsExtension;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.ThrowingSupplier;
import software.amazon.awssdk.services.glue.model.InvalidInputException;

/**
 * Glue's request validation through the SDK, in AWS's words: each constraint the model states (wire protocol §2.6)
 * reported as {@code Value '<value>' at '<member>' failed to satisfy constraint: ...}, the value shown.
 */
@ExtendWith(LocalAthenaExtension.class)
class GlueValidationWireTest {

    static LocalAthena local;

    @RegisterExtension
    static final SdkClientsExtension clients = new SdkClientsExtension(() -> local);

    private static void assertRefused(ThrowingSupplier<?> call, String message) {
        assertThatThrownBy(call::get).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidInputException");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }

    /**
     * MaxResults is 1..100 (GetDatabases, GetTables) or 1..1000 (GetPartitions). AWS states only the bound that was
     * crossed, as it does for every range ({@code Member must have value less than or equal to 100}).
     */
    @Test
    void maxResultsNamesTheBoundItCrossed() {
        assertRefused(() -> clients.glue().getTables(r -> r.databaseName("demo").maxResults(0)),
                "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have "
                        + "value greater than or equal to 1");
        assertRefused(() -> clients.glue().getDatabases(r -> r.maxResults(101)),
                "1 validation error detected: Value '101' at 'maxResults' failed to satisfy constraint: Member must "
                        + "have value less than or equal to 100");
        assertRefused(() -> clients.glue().getPartitions(r -> r.databaseName("demo").tableName("sales").maxResults(1001)),
                "1 validation error detected: Value '1001' at 'maxResults' failed to satisfy constraint: Member must "
                        + "have value less than or equal to 1000");
        assertThat(clients.glue().getPartitions(r -> r.databaseName("demo").tableName("sales").maxResults(1000))
                .partitions()).isNotEmpty();
    }

    /**
     * Glue's names are NameString, 1 to 255 characters (the Glue model): an empty name was sent, so it is too short,
     * not missing. {@code Value null} is only for a member the request left out.
     */
    @Test
    void anEmptyNameIsTooShortNotMissing() {
        assertRefused(() -> clients.glue().getDatabase(r -> r.name("")),
                "1 validation error detected: Value '' at 'name' failed to satisfy constraint: Member must have length "
                        + "greater than or equal to 1");
        assertRefused(() -> clients.glue().getPartitions(r -> r.databaseName("").tableName("sales")),
                "1 validation error detected: Value '' at 'databaseName' failed to satisfy constraint: Member must have "
                        + "length greater than or equal to 1");
    }

    /** Like every AWS service, Glue reports all broken members of a request at once, in the model's member order. */
    @Test
    void theBrokenMembersOfOneRequestAreReportedTogether() {
        assertRefused(() -> clients.glue().getTable(r -> { }),
                "2 validation errors detected: Value null at 'databaseName' failed to satisfy constraint: Member must "
                        + "not be null; Value null at 'name' failed to satisfy constraint: Member must not be null");
        assertRefused(() -> clients.glue().getPartition(r -> r.databaseName("demo")),
                "2 validation errors detected: Value null at 'tableName' failed to satisfy constraint: Member must not "
                        + "be null; Value null at 'partitionValues' failed to satisfy constraint: Member must not be null");
        String expression = "x".repeat(2049);
        assertRefused(() -> clients.glue().getTables(r -> r.expression(expression)),
                "2 validation errors detected: Value null at 'databaseName' failed to satisfy constraint: Member must "
                        + "not be null; Value '" + expression + "' at 'expression' failed to satisfy constraint: Member "
                        + "must have length less than or equal to 2048");
    }
}
