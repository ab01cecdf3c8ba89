package ai.connecty.athena.jdbc;

import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.GetQueryExecutionResponse;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.QueryExecutionStatus;
import software.amazon.awssdk.services.athena.model.ResultSet;
import software.amazon.awssdk.services.athena.model.ResultSetMetadata;
import software.amazon.awssdk.services.athena.model.Row;
import software.amazon.awssdk.services.athena.model.StatementType;

/**
 * The base of the tests' hand-written Athena clients: what every stub answers the same way, so that each states
 * only the calls its test scripts (an unscripted call fails with the SDK interface's UnsupportedOperationException).
 */
public abstract class StubAthena implements AthenaClient {

    @Override
    public String serviceName() {
        return "athena";
    }

    @Override
    public void close() {
    }

    /** GetQueryExecution's answer for query {@code id}: a DML statement ({@code substatementType}) that succeeded. */
    protected static GetQueryExecutionResponse succeeded(String id, String substatementType) {
        return GetQueryExecutionResponse.builder().queryExecution(execution(id, QueryExecutionState.SUCCEEDED,
                substatementType, null)).build();
    }

    /** A DML execution {@code id} in {@code state}, with Athena's {@code reason} for it (null for none). */
    protected static QueryExecution execution(String id, QueryExecutionState state, String substatementType,
                                              String reason) {
        return QueryExecution.builder().queryExecutionId(id).statementType(StatementType.DML)
                .substatementType(substatementType)
                .status(QueryExecutionStatus.builder().state(state).stateChangeReason(reason).build()).build();
    }

    /** The one page of {@code SELECT 1 AS x}: integer column {@code x}, its header row, then the row {@code 1}. */
    protected static GetQueryResultsResponse selectOnePage() {
        return GetQueryResultsResponse.builder().resultSet(ResultSet.builder()
                .resultSetMetadata(ResultSetMetadata.builder().columnInfo(ColumnInfo.builder().name("x").label("x")
                        .type("integer").build()).build())
                .rows(row("x"), row("1")).build()).build();
    }

    private static Row row(String value) {
        return Row.builder().data(Datum.builder().varCharValue(value).build()).build();
    }
}
