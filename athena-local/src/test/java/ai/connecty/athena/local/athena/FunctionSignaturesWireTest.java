package ai.connecty.athena.local.athena;

import static ai.connecty.athena.local.athena.AthenaQueries.rows;
import static ai.connecty.athena.local.athena.AthenaQueries.run;
import static ai.connecty.athena.local.athena.AthenaQueries.succeed;
import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.http.SdkClientsExtension;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.athena.model.AthenaError;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;

/**
 * Function calls over the demo tables through the real SDK: a call none of Trino's signatures of its function takes
 * (text where a date is declared, a number joined to text) fails as Athena fails it, with Trino's FUNCTION_NOT_FOUND
 * (ErrorType 1303, measured), and calls Trino's coercions accept run on the Glue columns of every type.
 */
@ExtendWith(LocalAthenaExtension.class)
class FunctionSignaturesWireTest {

    static LocalAthena local;

    @RegisterExtension
    static final SdkClientsExtension clients = new SdkClientsExtension(() -> local);

    private static QueryExecution failed(QueryExecution q) {
        assertThat(q.status().state()).isEqualTo(QueryExecutionState.FAILED);
        AthenaError error = q.status().athenaError();
        assertThat(error.errorCategory()).isEqualTo(2);
        assertThat(error.errorType()).isEqualTo(1303);
        assertThat(error.retryable()).isFalse();
        assertThat(error.errorMessage()).isEqualTo(q.status().stateChangeReason());
        return q;
    }

    @Test
    void textWhereADateIsDeclaredFailsWithTrinosFunctionNotFound() {
        QueryExecution q = failed(run(clients.athena(), "SELECT c_int, year(c_string) FROM all_types", "demo"));
        assertThat(q.status().stateChangeReason()).isEqualTo("FUNCTION_NOT_FOUND: line 1:15: Unexpected parameters "
                + "(varchar) for function year. Expected: year(date), year(interval year to month), "
                + "year(timestamp(p) with time zone), year(timestamp(p))");
        assertThat(failed(run(clients.athena(), "SELECT date_diff('day', '2024-01-01', c_date) FROM all_types",
                "demo")).status().stateChangeReason()).startsWith("FUNCTION_NOT_FOUND: line 1:8: Unexpected "
                + "parameters (varchar(3), varchar(10), date) for function date_diff. Expected: date_diff(varchar(x), "
                + "date, date), ");
    }

    @Test
    void aNumberJoinedToTextFailsAtTheOperator() {
        assertThat(failed(run(clients.athena(), "SELECT c_string || c_int FROM all_types", "demo")).status()
                .stateChangeReason()).isEqualTo("FUNCTION_NOT_FOUND: line 1:17: Unexpected parameters (varchar, "
                + "integer) for function concat. Expected: concat(E, array(E)) E, concat(array(E)) E, concat(array(E), "
                + "E) E, concat(char(x), char(y)), concat(varbinary), concat(varchar)");
        // a bound text value is text too, as Athena binds it into the statement
        QueryExecution bound = AthenaQueries.await(clients.athena(), clients.athena().startQueryExecution(
                AthenaQueries.request("SELECT date_add('day', 1, ?)", "demo").executionParameters("'2024-01-01'")
                        .build()).queryExecutionId());
        assertThat(failed(bound).status().stateChangeReason()).startsWith("FUNCTION_NOT_FOUND: line 1:8: Unexpected "
                + "parameters (varchar(3), integer, varchar(10)) for function date_add.");
    }

    /** Integers where bigint is declared, dates where a timestamp is, char where varchar is, NULL: all run. */
    @Test
    void callsTrinosCoercionsAcceptRunOnEveryColumnType() {
        QueryExecution q = succeed(clients.athena(), "SELECT year(c_date), date_add('day', c_tinyint, c_timestamp), "
                + "date_diff('day', c_date, c_timestamp), date_format(c_date, '%Y-%m'), length(c_char), "
                + "upper(c_varchar), substr(c_string, c_smallint), round(c_decimal, 1), abs(c_float), "
                + "mod(c_bigint, c_int), cardinality(c_array), element_at(c_map, 'k'), contains(c_array, c_tinyint), "
                + "c_string || c_char, length(c_binary), to_unixtime(c_date), length(NULL) "
                + "FROM all_types WHERE c_int = 3", "demo");
        assertThat(rows(clients.athena(), q.queryExecutionId()).get(1)).containsExactly("2024",
                "2024-03-01 12:34:56.789", "0", "2024-02", "5", "SHORT", "ello", "12.30", "1.5", "1", "3", "v", "true",
                "helloabc  ", "2", "1.7091648E9", null);
    }

    /** Aggregates, window functions and try() are judged as any call; try() does not catch the refusal. */
    @Test
    void tryDoesNotCatchTheRefusal() {
        assertThat(failed(run(clients.athena(), "SELECT try(length(c_int)) FROM all_types", "demo")).status()
                .stateChangeReason()).startsWith("FUNCTION_NOT_FOUND: line 1:12: Unexpected parameters (integer) for "
                + "function length.");
        assertThat(failed(run(clients.athena(), "SELECT sum(c_string) OVER () FROM all_types", "demo")).status()
                .stateChangeReason()).startsWith("FUNCTION_NOT_FOUND: line 1:8: Unexpected parameters (varchar) for "
                + "function sum. Expected: sum(bigint), sum(decimal(p,s)), sum(double), ");
        assertThat(rows(clients.athena(), succeed(clients.athena(), "SELECT sum(c_tinyint), avg(c_decimal) "
                + "FROM all_types", "demo").queryExecutionId()).get(1)).containsExactly("0", "5.92");
    }

    @Test
    void parametersOfTheDeclaredTypesRun() {
        QueryExecution q = AthenaQueries.await(clients.athena(), clients.athena().startQueryExecution(
                AthenaQueries.request("SELECT date_add('day', ?, ?), year(?)", "demo").executionParameters("1",
                        "DATE '2024-01-31'", "TIMESTAMP '2024-05-06 07:08:09'").build()).queryExecutionId());
        assertThat(q.status().state()).as(q.status().stateChangeReason()).isEqualTo(QueryExecutionState.SUCCEEDED);
        assertThat(rows(clients.athena(), q.queryExecutionId()).get(1)).isEqualTo(List.of("2024-02-01", "2024"));
    }
}
