package ai.connecty.athena.local.athena;

import static ai.connecty.athena.local.athena.AthenaQueries.OUTPUT;
import static ai.connecty.athena.local.athena.AthenaQueries.await;
import static ai.connecty.athena.local.athena.AthenaQueries.request;
import static ai.connecty.athena.local.athena.AthenaQueries.rows;
import static ai.connecty.athena.local.athena.AthenaQueries.start;
import static ai.connecty.athena.local.athena.AthenaQueries.succeed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.control.FaultPlan;
import ai.connecty.athena.local.control.FaultRule;
import ai.connecty.athena.local.http.SdkClientsExtension;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.BatchGetQueryExecutionResponse;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.ColumnNullable;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** The Athena query API through the real AWS SDK, compared with measured Athena (measured-behaviour §1, §4-§6). */
@ExtendWith(LocalAthenaExtension.class)
class AthenaWireTest {

    private static final String UUID_V4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    static LocalAthena local;

    @RegisterExtension
    static final SdkClientsExtension clients = new SdkClientsExtension(() -> local);

    @Test
    void selectOneRunsToSucceededWithAthenasShapeAndFiles() {
        String id = clients.athena().startQueryExecution(request("SELECT 1;", null)
                .queryExecutionContext(c -> c.catalog("AwsDataCatalog")).build()).queryExecutionId();
        QueryExecution q = await(clients.athena(), id);

        assertThat(id).matches(UUID_V4);
        assertThat(q.status().state()).isEqualTo(QueryExecutionState.SUCCEEDED);
        assertThat(q.query()).isEqualTo("SELECT 1");
        assertThat(q.statementTypeAsString()).isEqualTo("DML");
        assertThat(q.substatementType()).isEqualTo("SELECT");
        assertThat(q.resultConfiguration().outputLocation()).isEqualTo(OUTPUT + id + ".csv");
        assertThat(q.queryExecutionContext().catalog()).isEqualTo("awsdatacatalog");
        assertThat(q.queryExecutionContext().database()).isNull();
        assertThat(q.workGroup()).isEqualTo("primary");
        assertThat(q.engineVersion().effectiveEngineVersion()).isEqualTo("Athena engine version 3");
        assertThat(q.status().completionDateTime()).isAfterOrEqualTo(q.status().submissionDateTime());
        assertThat(q.statistics().totalExecutionTimeInMillis()).isNotNull();
        assertThat(q.statistics().resultReuseInformation().reusedPreviousResult()).isFalse();
        // A literal-only SELECT is not planned by the engine (§4.2, §6.3).
        assertThat(q.statistics().queryPlanningTimeInMillis()).isNull();

        GetQueryResultsResponse page = clients.athena().getQueryResults(r -> r.queryExecutionId(id));
        assertThat(AthenaQueries.values(page)).containsExactly(List.of("_col0"), List.of("1"));
        assertThat(page.updateCount()).isZero();
        assertThat(page.nextToken()).isNull();
        ColumnInfo c = page.resultSet().resultSetMetadata().columnInfo().get(0);
        assertThat(List.of(c.catalogName(), c.schemaName(), c.tableName(), c.name(), c.label(), c.type()))
                .containsExactly("hive", "", "", "_col0", "_col0", "integer");
        assertThat(List.of(c.precision(), c.scale())).containsExactly(10, 0);
        assertThat(c.nullable()).isEqualTo(ColumnNullable.UNKNOWN);
        assertThat(c.caseSensitive()).isFalse();

        assertThat(object(id + ".csv")).isEqualTo("\"_col0\"\n\"1\"\n".getBytes(StandardCharsets.UTF_8));
        assertThat(object(id + ".csv.metadata")).isEqualTo(literalSelectOneMetadata(id));
    }

    /** §4.5: literal-only SELECT carries the execution UUID, an empty update type and a zero update count. */
    private static byte[] literalSelectOneMetadata(String id) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0x0a);
        b.write(36);
        b.writeBytes(id.getBytes(StandardCharsets.US_ASCII));
        b.writeBytes(new byte[] {0x12, 0x00, 0x18, 0x00, 0x22, 0x25, 0x0a, 0x04});
        b.writeBytes("hive".getBytes(StandardCharsets.US_ASCII));
        b.writeBytes(new byte[] {0x22, 0x05});
        b.writeBytes("_col0".getBytes(StandardCharsets.US_ASCII));
        b.writeBytes(new byte[] {0x2a, 0x05});
        b.writeBytes("_col0".getBytes(StandardCharsets.US_ASCII));
        b.writeBytes(new byte[] {0x32, 0x07});
        b.writeBytes("integer".getBytes(StandardCharsets.US_ASCII));
        b.writeBytes(new byte[] {0x38, 0x0a, 0x40, 0x00, 0x48, 0x03, 0x50, 0x00});
        return b.toByteArray();
    }

    @Test
    void computedSelectCarriesAnEngineQueryIdAndIsPlanned() {
        QueryExecution q = succeed(clients.athena(), "SELECT count(*) AS n FROM demo.customers", null);
        byte[] metadata = object(q.queryExecutionId() + ".csv.metadata");
        assertThat(metadata[0]).isEqualTo((byte) 0x0a);
        assertThat(metadata[1]).isEqualTo((byte) 27);
        assertThat(new String(metadata, 2, 27, StandardCharsets.US_ASCII)).matches("\\d{8}_\\d{6}_\\d{5}_[a-z]{5}");
        assertThat(q.statistics().queryPlanningTimeInMillis()).isNotNull();
        assertThat(q.statistics().dataScannedInBytes()).isPositive();
        assertThat(rows(clients.athena(), q.queryExecutionId())).containsExactly(List.of("n"), List.of("200"));
    }

    @Test
    void nullHasNoVarCharValueWhileEmptyStringIsQuotedInTheCsv() {
        QueryExecution q = succeed(clients.athena(), "SELECT CAST(NULL AS varchar) AS n, '' AS e, 'a\"b' AS q", null);
        List<List<String>> rows = rows(clients.athena(), q.queryExecutionId());
        assertThat(rows.get(0)).containsExactly("n", "e", "q");
        assertThat(rows.get(1)).containsExactly(null, "", "a\"b");
        assertThat(new String(object(q.queryExecutionId() + ".csv"), StandardCharsets.UTF_8))
                .isEqualTo("\"n\",\"e\",\"q\"\n,\"\",\"a\"\"b\"\n");
    }

    @Test
    void pagesHoldAThousandRowsIncludingTheHeader() {
        String id = succeed(clients.athena(), "SELECT n FROM demo.numbers WHERE n < 1500 ORDER BY n", null)
                .queryExecutionId();
        GetQueryResultsResponse first = clients.athena().getQueryResults(r -> r.queryExecutionId(id));
        assertThat(first.resultSet().rows()).hasSize(1000);
        assertThat(AthenaQueries.values(first).get(0)).containsExactly("n");
        assertThat(AthenaQueries.values(first).get(999)).containsExactly("998");
        assertThat(first.nextToken()).isNotBlank();
        GetQueryResultsResponse second = clients.athena()
                .getQueryResults(r -> r.queryExecutionId(id).nextToken(first.nextToken()));
        assertThat(second.resultSet().rows()).hasSize(501);
        assertThat(AthenaQueries.values(second).get(0)).containsExactly("999");
        assertThat(AthenaQueries.values(second).get(500)).containsExactly("1499");
        assertThat(second.nextToken()).isNull();
        assertThat(rows(clients.athena(), id)).hasSize(1501);
    }

    @Test
    void aFullPageAlwaysCarriesATokenAndTheNextPageIsEmpty() {
        String id = succeed(clients.athena(), "SELECT n FROM demo.numbers WHERE n < 5 ORDER BY n", null)
                .queryExecutionId();
        GetQueryResultsResponse p1 = clients.athena().getQueryResults(r -> r.queryExecutionId(id).maxResults(3));
        GetQueryResultsResponse p2 = clients.athena()
                .getQueryResults(r -> r.queryExecutionId(id).maxResults(3).nextToken(p1.nextToken()));
        GetQueryResultsResponse p3 = clients.athena()
                .getQueryResults(r -> r.queryExecutionId(id).maxResults(3).nextToken(p2.nextToken()));
        assertThat(AthenaQueries.values(p1)).containsExactly(List.of("n"), List.of("0"), List.of("1"));
        assertThat(AthenaQueries.values(p2)).containsExactly(List.of("2"), List.of("3"), List.of("4"));
        assertThat(p2.nextToken()).isNotNull();
        assertThat(p3.resultSet().rows()).isEmpty();
        assertThat(p3.nextToken()).isNull();

        GetQueryResultsResponse one = clients.athena().getQueryResults(r -> r.queryExecutionId(id).maxResults(1));
        assertThat(AthenaQueries.values(one)).containsExactly(List.of("n"));
        assertThat(one.resultSet().resultSetMetadata().columnInfo().get(0).type()).isEqualTo("bigint");
    }

    @Test
    void getQueryResultsValidatesInAthenasOrder() {
        String id = succeed(clients.athena(), "SELECT 2", null).queryExecutionId();
        String unknown = UUID.randomUUID().toString();

        assertInvalid(() -> clients.athena().getQueryResults(r -> r.queryExecutionId(id).nextToken("").maxResults(0)),
                "INVALID_INPUT",
                "2 validation errors detected: Value at 'nextToken' failed to satisfy constraint: Member must have length "
                        + "greater than or equal to 1; Value at 'maxResults' failed to satisfy constraint: Member must have "
                        + "value greater than or equal to 1");
        assertInvalid(() -> clients.athena().getQueryResults(r -> r.queryExecutionId(unknown).maxResults(1001)),
                "QUERY_EXECUTION_NOT_FOUND", "QueryExecution " + unknown + " was not found");
        assertInvalid(() -> clients.athena()
                .getQueryResults(r -> r.queryExecutionId(id).maxResults(1001).nextToken("bad")),
                "INVALID_INPUT", "MaxResults is more than maximum allowed length 1000");
        assertInvalid(() -> clients.athena().getQueryResults(r -> r.queryExecutionId(id).nextToken("bad")),
                "INVALID_INPUT", "Malformed nextPageToken bad");
    }

    @Test
    void aFailedEngineQueryReportsAthenaErrorAndRefusesResults() {
        QueryExecution q = AthenaQueries.run(clients.athena(), "SELECT * FROM demo.no_such_table", null);
        assertThat(q.status().state()).isEqualTo(QueryExecutionState.FAILED);
        // Athena names 'awsdatacatalog.demo.no_such_table' at line 1:15; the sql package reports the position
        // and qualifier differently (left to its owner), so only the shape is asserted here.
        assertThat(q.status().stateChangeReason()).matches("TABLE_NOT_FOUND: line 1:\\d+: Table '[a-z.]*no_such_table' does not exist");
        assertThat(q.status().athenaError().errorMessage()).isEqualTo(q.status().stateChangeReason());
        assertThat(q.status().athenaError().errorCategory()).isEqualTo(2);
        assertThat(q.status().athenaError().errorType()).isEqualTo(1301);
        assertThat(q.status().athenaError().retryable()).isFalse();
        // FAILED wins over a malformed token; an engine failure writes nothing (§4.4).
        assertInvalid(() -> clients.athena()
                .getQueryResults(r -> r.queryExecutionId(q.queryExecutionId()).nextToken("bad")),
                "INVALID_QUERY_EXECUTION_STATE", "Query did not finish successfully. Final query state: FAILED");
        assertThatThrownBy(() -> object(q.queryExecutionId() + ".csv")).isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void startQueryExecutionValidatesTokenThenOutputThenSyntax() {
        assertInvalid(() -> clients.athena().startQueryExecution(request("SELEC 1", null).clientRequestToken("short")
                        .resultConfiguration(r -> r.outputLocation("not-a-valid-s3-path")).build()), "INVALID_INPUT",
                "1 validation error detected: Value at 'clientRequestToken' failed to satisfy constraint: Member must "
                        + "have length greater than or equal to 32");
        assertInvalid(() -> clients.athena()
                .startQueryExecution(request("SELEC 1", null).clientRequestToken("x".repeat(129)).build()),
                "INVALID_INPUT", "1 validation error detected: Value at 'clientRequestToken' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 128");
        assertInvalid(() -> clients.athena().startQueryExecution(request("SELEC 1", null)
                .resultConfiguration(r -> r.outputLocation("not-a-valid-s3-path")).build()),
                "INVALID_INPUT", "outputLocation is not a valid S3 path.");
        assertInvalid(() -> clients.athena()
                .startQueryExecution(request("SELECT 1", null).resultConfiguration(r -> { }).build()),
                "INVALID_INPUT", QueryOperations.NO_OUTPUT);
        assertThat(QueryOperations.NO_OUTPUT).contains("for  your");
        assertInvalid(() -> clients.athena().startQueryExecution(request("SELEC 1", null).build()), "MALFORMED_QUERY",
                "line 1:1: mismatched input 'SELEC'. Expecting: 'ALTER', 'ANALYZE', 'CALL', 'COMMENT', 'COMMIT', 'CREATE', "
                        + "'DEALLOCATE', 'DELETE', 'DENY', 'DESC', 'DESCRIBE', 'DROP', 'EXECUTE', 'EXPLAIN', 'GRANT', "
                        + "'INSERT', 'MERGE', 'PREPARE', 'REFRESH', 'RESET', 'REVOKE', 'ROLLBACK', 'SET', 'SHOW', 'START', "
                        + "'TRUNCATE', 'UNLOAD', 'UPDATE', 'USE', <query>");
        assertInvalid(() -> clients.athena().startQueryExecution(request("SELECT 1; SELECT 2", null).build()),
                "MALFORMED_QUERY",
                "Only one sql statement is allowed. Got: SELECT 1; SELECT 2");
        assertInvalid(() -> clients.athena().startQueryExecution(request("SELECT 1", null).workGroup("nope").build()),
                "INVALID_INPUT", "WorkGroup is not found.");
    }

    @Test
    void aTokenReturnsTheSameExecutionOnlyForTheSameParameters() {
        String token = UUID.randomUUID().toString();
        StartQueryExecutionRequest first = request("SELECT 3", "demo").clientRequestToken(token).build();
        String id = clients.athena().startQueryExecution(first).queryExecutionId();
        await(clients.athena(), id);
        assertThat(clients.athena().startQueryExecution(first).queryExecutionId()).isEqualTo(id);
        // WorkGroup is not compared (§5.2).
        assertThat(clients.athena().startQueryExecution(first.toBuilder().workGroup("primary").build())
                .queryExecutionId()).isEqualTo(id);

        List<StartQueryExecutionRequest> mismatches = List.of(
                first.toBuilder().queryString("SELECT 3 ").build(),
                first.toBuilder().queryExecutionContext(c -> c.database("demo").catalog("AWSDATACATALOG")).build(),
                first.toBuilder().queryExecutionContext(c -> c.database("default")).build(),
                first.toBuilder().resultConfiguration(r -> r.outputLocation(OUTPUT + "other/")).build());
        for (StartQueryExecutionRequest r : mismatches) {
            assertInvalid(() -> clients.athena().startQueryExecution(r), "IDEMPOTENT_PARAMETER_MISMATCH",
                    "Idempotent parameters do not match");
        }
    }

    @Test
    void aRejectedCallDoesNotConsumeItsToken() {
        String token = UUID.randomUUID().toString();
        assertInvalid(() -> clients.athena()
                .startQueryExecution(request("SELEC 1", null).clientRequestToken(token).build()),
                "MALFORMED_QUERY", null);
        String id = clients.athena().startQueryExecution(request("SELECT 4", null).clientRequestToken(token).build())
                .queryExecutionId();
        assertThat(await(clients.athena(), id).status().state()).isEqualTo(QueryExecutionState.SUCCEEDED);
    }

    @Test
    void stopCancelsARunningQueryAndLeavesNoResults() {
        local.faults().set(FaultPlan.of(1, FaultRule.forAction("athena", "*").withQueryMillis(30_000)));
        String id = start(clients.athena(), "SELECT 5", null);
        assertThat(AthenaQueries.awaitStarted(clients.athena(), id)).isEqualTo(QueryExecutionState.RUNNING);
        assertInvalid(() -> clients.athena().getQueryResults(r -> r.queryExecutionId(id).nextToken("bad")),
                "INVALID_QUERY_EXECUTION_STATE", "Query has not yet finished. Current state: RUNNING");

        clients.athena().stopQueryExecution(r -> r.queryExecutionId(id));
        QueryExecution q = await(clients.athena(), id);
        assertThat(q.status().state()).isEqualTo(QueryExecutionState.CANCELLED);
        assertThat(q.status().stateChangeReason()).isEqualTo("Query cancelled by user");
        assertInvalid(() -> clients.athena().getQueryResults(r -> r.queryExecutionId(id)), "RESULT_NOT_FOUND",
                "Could not find results");
        assertThatThrownBy(() -> object(id + ".csv")).isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void stoppingAFinishedQueryChangesNothing() {
        QueryExecution done = succeed(clients.athena(), "SELECT 6", null);
        clients.athena().stopQueryExecution(r -> r.queryExecutionId(done.queryExecutionId()));
        assertThat(await(clients.athena(), done.queryExecutionId()).status().state())
                .isEqualTo(QueryExecutionState.SUCCEEDED);
        assertThat(rows(clients.athena(), done.queryExecutionId())).containsExactly(List.of("_col0"), List.of("6"));
    }

    @Test
    void batchGetReturnsKnownExecutionsAndListsUnknownOnes() {
        String a = succeed(clients.athena(), "SELECT 7", null).queryExecutionId();
        String b = succeed(clients.athena(), "SELECT 8", null).queryExecutionId();
        String unknown = UUID.randomUUID().toString();
        BatchGetQueryExecutionResponse r = clients.athena()
                .batchGetQueryExecution(x -> x.queryExecutionIds(a, unknown, b));
        assertThat(r.queryExecutions()).extracting(QueryExecution::queryExecutionId).containsExactly(a, b);
        assertThat(r.queryExecutions()).extracting(QueryExecution::query).containsExactly("SELECT 7", "SELECT 8");
        assertThat(r.unprocessedQueryExecutionIds()).singleElement().satisfies(u -> {
            assertThat(u.queryExecutionId()).isEqualTo(unknown);
            assertThat(u.errorMessage()).isEqualTo("QueryExecution " + unknown + " was not found");
        });
    }

    @Test
    void listQueryExecutionsListsTheWorkGroupsIdsNewestFirst() {
        String older = succeed(clients.athena(), "SELECT 9", null).queryExecutionId();
        String newer = succeed(clients.athena(), "SELECT 10", null).queryExecutionId();
        String other = AthenaQueries.await(clients.athena(), clients.athena()
                .startQueryExecution(request("SELECT 11", null)
                .workGroup("analytics").build()).queryExecutionId()).queryExecutionId();

        List<String> primary = clients.athena().listQueryExecutionsPaginator(r -> r.maxResults(50)).stream()
                .flatMap(p -> p.queryExecutionIds().stream()).toList();
        assertThat(primary).contains(older, newer).doesNotContain(other);
        assertThat(primary.indexOf(newer)).isLessThan(primary.indexOf(older));
        assertThat(clients.athena().listQueryExecutions(r -> r.workGroup("analytics")).queryExecutionIds())
                .contains(other);
        var firstPage = clients.athena().listQueryExecutions(r -> r.maxResults(1));
        assertThat(firstPage.queryExecutionIds()).hasSize(1);
        assertThat(firstPage.nextToken()).isNotNull();
    }

    @Test
    void utilityStatementsWriteTxtWithoutAHeaderRow() {
        QueryExecution q = succeed(clients.athena(), "SHOW TABLES IN demo", null);
        assertThat(q.statementTypeAsString()).isEqualTo("UTILITY");
        assertThat(q.substatementType()).isEqualTo("SHOW_TABLES");
        assertThat(q.resultConfiguration().outputLocation()).isEqualTo(OUTPUT + q.queryExecutionId() + ".txt");
        GetQueryResultsResponse page = clients.athena().getQueryResults(r -> r.queryExecutionId(q.queryExecutionId()));
        assertThat(AthenaQueries.values(page)).contains(List.of("sales"), List.of("customers"), List.of("sales_by_customer"))
                .doesNotContain(List.of("tab_name"));
        ColumnInfo c = page.resultSet().resultSetMetadata().columnInfo().get(0);
        assertThat(List.of(c.name(), c.type())).containsExactly("tab_name", "string");
        assertThat(page.updateCount()).isZero();
        String txt = new String(object(q.queryExecutionId() + ".txt"), StandardCharsets.UTF_8);
        assertThat(txt).doesNotEndWith("\n");
        assertThat(Arrays.asList(txt.split("\n"))).contains("sales", "customers");
    }

    @Test
    void describeOfAQualifiedTableIsShownUnqualifiedInItsDatabase() {
        QueryExecution q = succeed(clients.athena(), "DESCRIBE demo.customers", null);
        assertThat(q.query()).isEqualTo("DESCRIBE customers");
        assertThat(q.queryExecutionContext().database()).isEqualTo("demo");
        assertThat(q.substatementType()).isEqualTo("DESCRIBE_TABLE");
        List<List<String>> rows = rows(clients.athena(), q.queryExecutionId());
        assertThat(rows.get(0)).containsExactly(String.format("%-20s\t%-20s\t%-20s", "id", "int", ""));
        GetQueryResultsResponse page = clients.athena().getQueryResults(r -> r.queryExecutionId(q.queryExecutionId()));
        assertThat(page.updateCount()).isNull();
        assertThat(page.resultSet().resultSetMetadata().columnInfo()).extracting(ColumnInfo::name)
                .containsExactly("col_name", "data_type", "comment");
    }

    @Test
    void describeOfAMissingTableIsRejectedAtStart() {
        assertInvalid(() -> start(clients.athena(), "DESCRIBE demo.nope", null), "INVALID_INPUT",
                null);
    }

    @Test
    void anEnforcingWorkGroupOverridesTheClientsOutputLocation() {
        String id = clients.athena().startQueryExecution(request("SELECT 12", null).workGroup("analytics")
                .resultConfiguration(r -> r.outputLocation("s3://athena-results/mine/")).build()).queryExecutionId();
        QueryExecution q = await(clients.athena(), id);
        assertThat(q.resultConfiguration().outputLocation()).isEqualTo("s3://athena-results/analytics/" + id + ".csv");
        assertThat(q.workGroup()).isEqualTo("analytics");
        assertThat(object("analytics/" + id + ".csv")).isEqualTo("\"_col0\"\n\"12\"\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theEncryptionOptionAsSentIsEchoedByGetQueryExecution() {
        String id = clients.athena().startQueryExecution(request("SELECT 14", null).resultConfiguration(r -> r
                .outputLocation("s3://athena-results/").encryptionConfiguration(e -> e.encryptionOption("CSE_KMS")
                        .kmsKey("arn:aws:kms:us-east-1:123456789012:key/1"))).build()).queryExecutionId();
        QueryExecution q = await(clients.athena(), id);
        assertThat(q.resultConfiguration().encryptionConfiguration().encryptionOptionAsString()).isEqualTo("CSE_KMS");
        assertThat(await(clients.athena(), start(clients.athena(), "SELECT 15", null)).resultConfiguration()
                .encryptionConfiguration()).isNull();
    }

    @Test
    void aWorkGroupWithManagedResultsReportsThemInsteadOfAnS3Location() {
        String id = clients.athena().startQueryExecution(request("SELECT 16", null).workGroup("managed").build())
                .queryExecutionId();
        QueryExecution q = await(clients.athena(), id);
        assertThat(q.managedQueryResultsConfiguration().enabled()).isTrue();
        assertThat(q.resultConfiguration().outputLocation()).isNull();
        assertThat(clients.athena().getQueryResults(r -> r.queryExecutionId(id)).resultSet().rows()).hasSize(2);
    }

    @Test
    void theRunningStateIsObservableWhileAQueryIsStretched() {
        local.faults().set(FaultPlan.of(1, FaultRule.forAction("athena", "*").withQueryMillis(400)));
        String id = start(clients.athena(), "SELECT 13", null);
        assertThat(AthenaQueries.awaitStarted(clients.athena(), id)).isEqualTo(QueryExecutionState.RUNNING);
        QueryExecution done = await(clients.athena(), id);
        assertThat(done.status().state()).isEqualTo(QueryExecutionState.SUCCEEDED);
        assertThat(done.statistics().engineExecutionTimeInMillis()).isPositive();
    }

    private static byte[] object(String key) {
        return clients.s3().getObjectAsBytes(r -> r.bucket(LocalAthena.RESULTS_BUCKET).key(key)).asByteArray();
    }

    static void assertInvalid(Runnable call, String athenaErrorCode, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.athenaErrorCode()).isEqualTo(athenaErrorCode);
            if (message != null) {
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
            }
        });
    }
}
