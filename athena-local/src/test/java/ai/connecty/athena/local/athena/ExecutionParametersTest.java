package ai.connecty.athena.local.athena;

import static ai.connecty.athena.local.athena.AthenaQueries.await;
import static ai.connecty.athena.local.athena.AthenaQueries.request;
import static ai.connecty.athena.local.athena.AthenaQueries.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.http.SdkClients;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;

/** ExecutionParameters bound to {@code ?} as Athena binds them (measured-behaviour §5.6), through the real SDK. */
@ExtendWith(LocalAthenaExtension.class)
class ExecutionParametersTest {

    static LocalAthena local;
    private static AthenaClient athena;

    @BeforeAll
    static void clients() {
        athena = SdkClients.athena(local, SdkClients.ADMIN);
    }

    @AfterAll
    static void closeClients() {
        athena.close();
    }

    private static List<String> firstDataRow(String sql, String... parameters) {
        String id = athena.startQueryExecution(request(sql, "demo").executionParameters(parameters).build())
                .queryExecutionId();
        QueryExecution q = await(athena, id);
        assertThat(q.status().state()).as(q.status().stateChangeReason()).isEqualTo(QueryExecutionState.SUCCEEDED);
        return rows(athena, id).get(1);
    }

    @Test
    void expressionsAreUsedAsExpressionsAndAnythingElseAsAString() {
        assertThat(firstDataRow("SELECT ?, ?, ?, ?, ?, ?, typeof(?), ?",
                "'abc'", "1 + 1", "abc", "it's", "x + 1", "CAST(NULL AS varchar)", "DATE '2020-01-02'", "X'4142'"))
                .containsExactly("abc", "2", "abc", "it's", "x + 1", null, "date", "41 42");
    }

    @Test
    void placeholdersInsideLiteralsIdentifiersAndCommentsAreNotBound() {
        assertThat(firstDataRow("SELECT '?' AS \"a?\", ? /* ? */ -- ?\n", "'x'")).containsExactly("?", "x");
        assertThat(ExecutionParameters.placeholders("SELECT '?''?', \"?\", `?`, ? -- ?\n/* ? */ ?")).hasSize(2);
    }

    @Test
    void noValueCanChangeTheStatementAroundItsPlaceholder() {
        for (String value : Arrays.asList("'; DROP TABLE x; --", "1) OR (1 = 1", "1 --", "'a' /* ", "(SELECT 1)",
                "\"c_int\"", "'unterminated")) {
            assertThat(firstDataRow("SELECT ? AS v, 'tail' AS t", value)).as(value).containsExactly(value, "tail");
        }
    }

    @Test
    void valuesWithoutPlaceholdersAreIgnoredAndNullElementsDropped() {
        assertThat(firstDataRow("SELECT 1", "'unused'")).containsExactly("1");
        String id = athena.startQueryExecution(request("SELECT ?", "demo")
                .executionParameters(Arrays.asList(null, "'kept'")).build()).queryExecutionId();
        await(athena, id);
        assertThat(rows(athena, id).get(1)).containsExactly("kept");
    }

    @Test
    void aWrongCountIsRefusedAtStart() {
        assertThatThrownBy(() -> athena.startQueryExecution(request("SELECT ?, ?", "demo")
                .executionParameters("1").build()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Incorrect number of parameters: expected 2 but found 1")
                .satisfies(e -> assertThat(((InvalidRequestException) e).athenaErrorCode())
                        .isEqualTo("INVALID_PARAMETER_USAGE"));
        assertThatThrownBy(() -> athena.startQueryExecution(request("SELECT ?", "demo").build()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("expected 1 but found 0");
    }
}
