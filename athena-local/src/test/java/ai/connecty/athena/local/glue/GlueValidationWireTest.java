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
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
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
     * A Segment's TotalSegments is 1..10 and its SegmentNumber 0 or more (the Glue model), both required; a number
     * past the last segment is refused too, as no partition could be in it.
     */
    @Test
    void aSegmentIsCheckedBeforeAnyPartitionIsRead() {
        assertRefused(() -> clients.glue().getPartitions(r -> r.databaseName("demo").tableName("sales")
                        .segment(s -> s.segmentNumber(0).totalSegments(11))),
                "1 validation error detected: Value '11' at 'segment.totalSegments' failed to satisfy constraint: Member "
                        + "must have value less than or equal to 10");
        assertRefused(() -> clients.glue().getPartitions(r -> r.databaseName("demo").tableName("sales")
                        .segment(s -> s.segmentNumber(-1).totalSegments(2))),
                "1 validation error detected: Value '-1' at 'segment.segmentNumber' failed to satisfy constraint: Member "
                        + "must have value greater than or equal to 0");
        assertRefused(() -> clients.glue().getPartitions(r -> r.databaseName("demo").tableName("sales")
                        .segment(s -> s.totalSegments(2))),
                "1 validation error detected: Value null at 'segment.segmentNumber' failed to satisfy constraint: Member "
                        + "must not be null");
        assertRefused(() -> clients.glue().getPartitions(r -> r.databaseName("demo").tableName("sales")
                        .segment(s -> s.segmentNumber(2).totalSegments(2))),
                "The segment number 2 is not less than the total segments 2.");
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

    /**
     * Names (NameString) and the catalog id (CatalogIdString) are at most 255 characters, counted as code points: a
     * longer one is refused before any lookup, every broken member named; 255 characters are looked up (and not
     * found).
     */
    @Test
    void namesLongerThan255CharactersAreRefused() {
        String long256 = "d".repeat(256);
        String long300 = "t".repeat(300);
        String tooLong = "' failed to satisfy constraint: Member must have length less than or equal to 255";
        assertRefused(() -> clients.glue().getDatabase(r -> r.name(long256)),
                "1 validation error detected: Value '" + long256 + "' at 'name" + tooLong);
        assertRefused(() -> clients.glue().getTable(r -> r.databaseName(long256).name(long300)),
                "2 validation errors detected: Value '" + long256 + "' at 'databaseName" + tooLong + "; Value '"
                        + long300 + "' at 'name" + tooLong);
        assertRefused(() -> clients.glue().getTables(r -> r.databaseName(long256)),
                "1 validation error detected: Value '" + long256 + "' at 'databaseName" + tooLong);
        assertRefused(() -> clients.glue().getPartitions(r -> r.databaseName("demo").tableName(long300)),
                "1 validation error detected: Value '" + long300 + "' at 'tableName" + tooLong);
        assertRefused(() -> clients.glue().getPartition(r -> r.databaseName("demo").tableName(long256)
                        .partitionValues("2024", "1")),
                "1 validation error detected: Value '" + long256 + "' at 'tableName" + tooLong);
        assertRefused(() -> clients.glue().getDatabases(r -> r.catalogId(long256)),
                "1 validation error detected: Value '" + long256 + "' at 'catalogId" + tooLong);
        assertRefused(() -> clients.glue().getTable(r -> r.catalogId(long300).databaseName("demo").name("sales")),
                "1 validation error detected: Value '" + long300 + "' at 'catalogId" + tooLong);
        // Characters are code points: 255 emoji (510 UTF-16 units) are a name of 255 characters.
        String emoji255 = "\uD83D\uDE00".repeat(255);
        assertThatThrownBy(() -> clients.glue().getDatabase(r -> r.name(emoji255)))
                .isInstanceOf(EntityNotFoundException.class);
        String name255 = "n".repeat(255);
        assertThatThrownBy(() -> clients.glue().getTable(r -> r.databaseName("demo").name(name255)))
                .isInstanceOf(EntityNotFoundException.class);
    }

    /** Names must also match the model's pattern: no control characters but tab. */
    @Test
    void namesWithControlCharactersAreRefused() {
        assertRefused(() -> clients.glue().getTable(r -> r.databaseName("demo").name("a\nb")),
                "1 validation error detected: Value 'a\nb' at 'name' failed to satisfy constraint: Member must satisfy "
                        + "regular expression pattern: [\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\t]*");
        assertThatThrownBy(() -> clients.glue().getTable(r -> r.databaseName("demo").name("a\tb")))
                .isInstanceOf(EntityNotFoundException.class);
    }
}
