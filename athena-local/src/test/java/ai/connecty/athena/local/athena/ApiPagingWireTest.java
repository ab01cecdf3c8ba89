package ai.connecty.athena.local.athena;

import static ai.connecty.athena.local.athena.AthenaQueries.succeed;
import static ai.connecty.athena.local.athena.AthenaWireTest.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.http.SdkClientsExtension;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.athena.model.Database;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;

/**
 * NextToken and MaxResults at their edges, through the real SDK: a token belongs to the query or listing it came
 * from, and each call's MaxResults bounds are the service model's (wire protocol §2.3-§2.5). A lenient answer here
 * would let a driver that mixes up tokens or sends a bound Athena refuses pass its tests.
 */
@ExtendWith(LocalAthenaExtension.class)
class ApiPagingWireTest {

    static LocalAthena local;

    @RegisterExtension
    static final SdkClientsExtension clients = new SdkClientsExtension(() -> local);

    /** A token is opaque but not transferable: one query's token on another query is malformed (§1.3 #5). */
    @Test
    void aResultsTokenBelongsToItsQuery() {
        String a = succeed(clients.athena(), "SELECT 1 UNION ALL SELECT 2", null).queryExecutionId();
        String b = succeed(clients.athena(), "SELECT 3 UNION ALL SELECT 4", null).queryExecutionId();
        String tokenOfA = clients.athena().getQueryResults(r -> r.queryExecutionId(a).maxResults(1)).nextToken();
        assertThat(tokenOfA).isNotNull();
        assertInvalid(() -> clients.athena().getQueryResults(r -> r.queryExecutionId(b).nextToken(tokenOfA)),
                "INVALID_INPUT", "Malformed nextPageToken " + tokenOfA);
    }

    /**
     * Tokens a client could forge from the visible format are refused unless they are ones athena-local could have
     * issued: a negative offset or a non-number after the query id is malformed, offset 0 reads from the header.
     */
    @Test
    void aTokenNamingNoRowItCouldHaveIssuedIsMalformed() {
        String id = succeed(clients.athena(), "SELECT 5", null).queryExecutionId();
        for (String offset : new String[] {"-1", "x", ""}) {
            String forged = token(id + ":" + offset);
            assertInvalid(() -> clients.athena().getQueryResults(r -> r.queryExecutionId(id).nextToken(forged)),
                    "INVALID_INPUT", "Malformed nextPageToken " + forged);
        }
        GetQueryResultsResponse fromStart = clients.athena()
                .getQueryResults(r -> r.queryExecutionId(id).nextToken(token(id + ":0")));
        assertThat(AthenaQueries.values(fromStart)).containsExactly(List.of("_col0"), List.of("5"));
        GetQueryResultsResponse second = clients.athena()
                .getQueryResults(r -> r.queryExecutionId(id).nextToken(token(id + ":1")));
        assertThat(AthenaQueries.values(second)).containsExactly(List.of("5"));
    }

    /** GetQueryResults' MaxResults is at most 1000 (§1.3 #3): 1000 itself is a page, not a refusal. */
    @Test
    void getQueryResultsTakesExactlyAThousand() {
        String id = succeed(clients.athena(), "SELECT 7", null).queryExecutionId();
        assertThat(AthenaQueries.values(clients.athena().getQueryResults(r -> r.queryExecutionId(id).maxResults(1000))))
                .containsExactly(List.of("_col0"), List.of("7"));
    }

    /** A call on one query without its id is the framework's null error (measured-behaviour §1.3), not a 404. */
    @Test
    void aMissingQueryExecutionIdIsAValidationError() {
        assertInvalid(() -> clients.athena().getQueryExecution(r -> { }), "INVALID_INPUT",
                "1 validation error detected: Value null at 'queryExecutionId' failed to satisfy constraint: Member must "
                        + "not be null");
    }

    /** ClientRequestToken is 32..128 characters: a token of exactly 128 ASCII bytes starts a query. */
    @Test
    void aClientRequestTokenOfExactly128BytesIsAccepted() {
        String token = "t".repeat(128);
        String id = clients.athena().startQueryExecution(AthenaQueries.request("SELECT 8", null)
                .clientRequestToken(token).build()).queryExecutionId();
        assertThat(AthenaQueries.await(clients.athena(), id).status().stateAsString()).isEqualTo("SUCCEEDED");
    }

    /** ListQueryExecutions takes MaxResults 0..50 (§2.4); 0 is the default page, not an empty one. */
    @Test
    void listQueryExecutionsMaxResultsBounds() {
        String id = succeed(clients.athena(), "SELECT 6", null).queryExecutionId();
        assertInvalid(() -> clients.athena().listQueryExecutions(r -> r.maxResults(51)), "INVALID_INPUT",
                "1 validation error detected: Value at 'maxResults' failed to satisfy constraint: Member must have value "
                        + "less than or equal to 50");
        assertInvalid(() -> clients.athena().listQueryExecutions(r -> r.maxResults(-1)), "INVALID_INPUT",
                "1 validation error detected: Value at 'maxResults' failed to satisfy constraint: Member must have value "
                        + "greater than or equal to 0");
        assertThat(clients.athena().listQueryExecutions(r -> r.maxResults(0)).queryExecutionIds()).contains(id);
        assertThat(clients.athena().listQueryExecutions(r -> r.maxResults(50)).queryExecutionIds()).contains(id);
    }

    /** ListDataCatalogs takes MaxResults 2..50 (§2.5): 1 is refused, 2 lists both catalogs and stops. */
    @Test
    void listDataCatalogsMaxResultsBounds() {
        assertInvalid(() -> clients.athena().listDataCatalogs(r -> r.maxResults(1)), "INVALID_INPUT",
                "1 validation error detected: Value at 'maxResults' failed to satisfy constraint: Member must have value "
                        + "greater than or equal to 2");
        assertInvalid(() -> clients.athena().listDataCatalogs(r -> r.maxResults(51)), "INVALID_INPUT",
                "1 validation error detected: Value at 'maxResults' failed to satisfy constraint: Member must have value "
                        + "less than or equal to 50");
        var two = clients.athena().listDataCatalogs(r -> r.maxResults(2));
        assertThat(two.dataCatalogsSummary()).hasSize(2);
        // Exactly as many items as the page holds: the listing ends here, with no token for an empty page.
        assertThat(two.nextToken()).isNull();
    }

    /** A listing's token resumes only that listing: ListDatabases of another catalog refuses it. */
    @Test
    void aListingsTokenBelongsToItsListing() {
        var first = clients.athena().listDatabases(r -> r.catalogName("AwsDataCatalog").maxResults(1));
        String token = first.nextToken();
        assertThat(token).isNotNull();
        assertInvalid(() -> clients.athena().listDatabases(r -> r.catalogName("lakehouse").nextToken(token)),
                "INVALID_INPUT", "The nextPageToken is malformed: " + token);
        assertInvalid(() -> clients.athena().listDataCatalogs(r -> r.nextToken(token)),
                "INVALID_INPUT", "The nextPageToken is malformed: " + token);
        // The lakehouse catalog has one database: a page of one holds it all and ends the listing.
        var lake = clients.athena().listDatabases(r -> r.catalogName("lakehouse").maxResults(1));
        assertThat(lake.databaseList()).extracting(Database::name).containsExactly("lake");
        assertThat(lake.nextToken()).isNull();
    }

    /** A result with no rows ignores NextToken, even a malformed one: 200 and no rows (measured-behaviour §1.2). */
    @Test
    void aResultWithNoRowsIgnoresItsToken() {
        String id = succeed(clients.athena(), "SHOW TABLES IN demo 'zzz*'", null).queryExecutionId();
        GetQueryResultsResponse page = clients.athena().getQueryResults(r -> r.queryExecutionId(id).nextToken("bad"));
        assertThat(page.resultSet().rows()).isEmpty();
        assertThat(page.nextToken()).isNull();
    }

    /**
     * SHOW COLUMNS, like DESCRIBE, resolves its table when it starts: a missing one is refused by
     * StartQueryExecution; an unqualified name is looked up in the context database, else in {@code default}.
     */
    @Test
    void showColumnsAndDescribeResolveTheirTableAtStart() {
        for (String sql : new String[] {"SHOW COLUMNS IN demo.nope", "SHOW COLUMNS IN customers", "DESCRIBE customers"}) {
            assertThatThrownBy(() -> AthenaQueries.start(clients.athena(), sql, null))
                    .as(sql).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                        assertThat(e.athenaErrorCode()).isEqualTo("INVALID_INPUT");
                        assertThat(e.awsErrorDetails().errorMessage()).startsWith("Entity Not Found");
                    });
        }
        assertThat(succeed(clients.athena(), "SHOW COLUMNS IN customers", "demo").substatementType())
                .isEqualTo("SHOW_COLUMNS");
        assertThat(succeed(clients.athena(), "DESCRIBE customers", "demo").substatementType())
                .isEqualTo("DESCRIBE_TABLE");
    }

    private static String token(String plain) {
        return Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }
}
