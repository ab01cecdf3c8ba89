package ai.connecty.athena.local.engine;

import static ai.connecty.athena.local.athena.AthenaQueries.rows;
import static ai.connecty.athena.local.athena.AthenaQueries.run;
import static ai.connecty.athena.local.athena.AthenaQueries.succeed;
import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.http.OwnLocalAthena;
import ai.connecty.athena.local.http.SdkClientsExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.QueryExecution;

/**
 * Trino's types of interval arithmetic through the real SDK: an interval negated or multiplied by a number,
 * or added to an interval of its kind keeps its kind, so {@code typeof} names it and the result's ColumnInfo reports
 * it alike (DuckDB has one INTERVAL type, which would be named day to second).
 */
class IntervalArithmeticTypesWireTest {

    @RegisterExtension
    static final OwnLocalAthena athena = new OwnLocalAthena();
    private static final SdkClientsExtension clients = athena.clients();

    @Test
    void typeofAndTheColumnTypeAgreeOnYearToMonthArithmetic() {
        List<String> expressions = List.of("INTERVAL '1' YEAR * 2", "-INTERVAL '3' MONTH",
                "INTERVAL '1' YEAR + INTERVAL '2' MONTH", "2 * INTERVAL '1' MONTH",
                "INTERVAL '1' YEAR - INTERVAL '1' MONTH", "(INTERVAL '1' YEAR + INTERVAL '2' MONTH) * 1.5e0",
                "INTERVAL '2' YEAR / 2", "INTERVAL '1' YEAR / 5 * 2");
        for (String e : expressions) {
            QueryExecution q = succeed(clients.athena(), "SELECT typeof(" + e + "), " + e, null);
            List<ColumnInfo> info = clients.athena().getQueryResults(r -> r.queryExecutionId(q.queryExecutionId()))
                    .resultSet().resultSetMetadata().columnInfo();
            assertThat(rows(clients.athena(), q.queryExecutionId()).get(1).get(0)).as(e)
                    .isEqualTo("interval year to month");
            assertThat(info.get(1).type()).as(e).isEqualTo("interval year to month");
        }
        QueryExecution q = succeed(clients.athena(), "SELECT INTERVAL '1' YEAR * 2, -INTERVAL '3' MONTH, "
                + "INTERVAL '1' YEAR + INTERVAL '2' MONTH", null);
        assertThat(rows(clients.athena(), q.queryExecutionId()).get(1)).containsExactly("2-0", "-0-3", "1-2");
    }

    @Test
    void dayToSecondArithmeticStaysDayToSecond() {
        QueryExecution q = succeed(clients.athena(), "SELECT typeof(INTERVAL '1' DAY * 2), "
                + "typeof(-INTERVAL '3' HOUR), typeof(INTERVAL '1' DAY + INTERVAL '2' HOUR)", null);
        assertThat(rows(clients.athena(), q.queryExecutionId()).get(1)).containsOnly("interval day to second");
    }

    /**
     * Trino keeps months and milliseconds and cuts a double product or quotient toward zero; DuckDB spills a month's
     * fraction into days and keeps microseconds, and failed on any interval divided by a number.
     */
    @Test
    void anIntervalTimesOrDividedByANumberIsScaledByTrinosRules() {
        QueryExecution q = succeed(clients.athena(), "SELECT INTERVAL '2' YEAR / 2, INTERVAL '1' YEAR / 5, "
                + "INTERVAL '1' MONTH * 1.5, -INTERVAL '1' MONTH * 1.5, 1.5 * INTERVAL '3' MONTH, "
                + "INTERVAL '1' DAY / 7, INTERVAL '1' DAY * 1.5, 2.5 * INTERVAL '1' SECOND, INTERVAL '2' SECOND / 3, "
                + "INTERVAL '1' DAY / -2.0E0, INTERVAL '3' MONTH * 2", null);
        assertThat(rows(clients.athena(), q.queryExecutionId()).get(1)).containsExactly("1-0", "0-2", "0-1", "-0-1",
                "0-4", "0 03:25:42.857", "1 12:00:00.000", "0 00:00:02.500", "0 00:00:00.666", "-0 12:00:00.000",
                "0-6");
        QueryExecution typed = succeed(clients.athena(), "SELECT typeof(INTERVAL '1' DAY / 7), "
                + "typeof(1.5 * INTERVAL '1' SECOND)", null);
        assertThat(rows(clients.athena(), typed.queryExecutionId()).get(1)).containsOnly("interval day to second");
    }

    @Test
    void aZeroOrNanDivisorAndANanFactorFailAsInTrino() {
        assertThat(run(clients.athena(), "SELECT INTERVAL '1' DAY / 0", null).status().stateChangeReason())
                .isEqualTo("INVALID_FUNCTION_ARGUMENT: Cannot divide by double 0.0");
        assertThat(run(clients.athena(), "SELECT INTERVAL '1' YEAR / nan()", null).status().stateChangeReason())
                .isEqualTo("INVALID_FUNCTION_ARGUMENT: Cannot divide by double NaN");
        assertThat(run(clients.athena(), "SELECT INTERVAL '1' MONTH * nan()", null).status().stateChangeReason())
                .isEqualTo("INVALID_FUNCTION_ARGUMENT: Cannot multiply by double NaN");
        assertThat(run(clients.athena(), "SELECT 2 / INTERVAL '1' DAY", null).status().stateChangeReason())
                .contains("TYPE_MISMATCH").contains("Cannot apply operator: integer / interval day to second");
    }
}
