package ai.connecty.athena.jdbc.execution;

import ai.connecty.athena.jdbc.StubAthena;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.athena.model.GetQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.GetQueryExecutionResponse;
import software.amazon.awssdk.services.athena.model.GetQueryResultsRequest;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionResponse;
import software.amazon.awssdk.services.athena.model.StopQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.StopQueryExecutionResponse;

/**
 * An in-process AthenaClient each of whose four calls a test sets to a function of its request (to answer, fail or
 * act on the execution meanwhile); every request is recorded. Unset calls answer as a query that SUCCEEDED at once
 * with an empty first page.
 */
final class ProgrammableAthena extends StubAthena {
    static final String ID = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";

    final List<StartQueryExecutionRequest> starts = Collections.synchronizedList(new ArrayList<>());
    final List<GetQueryExecutionRequest> polls = Collections.synchronizedList(new ArrayList<>());
    final List<GetQueryResultsRequest> pages = Collections.synchronizedList(new ArrayList<>());
    final List<StopQueryExecutionRequest> stops = Collections.synchronizedList(new ArrayList<>());

    Function<StartQueryExecutionRequest, StartQueryExecutionResponse> onStart = r -> started();
    Function<GetQueryExecutionRequest, GetQueryExecutionResponse> onPoll = r -> state(QueryExecutionState.SUCCEEDED);
    Function<GetQueryResultsRequest, GetQueryResultsResponse> onPage = r -> GetQueryResultsResponse.builder().build();
    Function<StopQueryExecutionRequest, StopQueryExecutionResponse> onStop =
            r -> StopQueryExecutionResponse.builder().build();

    /** StartQueryExecution's answer: query {@link #ID}. */
    static StartQueryExecutionResponse started() {
        return StartQueryExecutionResponse.builder().queryExecutionId(ID).build();
    }

    /** GetQueryExecution's answer for {@link #ID} in {@code state}, a DML SELECT. */
    static GetQueryExecutionResponse state(QueryExecutionState state) {
        return GetQueryExecutionResponse.builder().queryExecution(execution(state, null)).build();
    }

    static QueryExecution execution(QueryExecutionState state, String reason) {
        return execution(ID, state, "SELECT", reason);
    }

    @Override
    public StartQueryExecutionResponse startQueryExecution(StartQueryExecutionRequest request) {
        starts.add(request);
        return onStart.apply(request);
    }

    @Override
    public GetQueryExecutionResponse getQueryExecution(GetQueryExecutionRequest request) {
        polls.add(request);
        return onPoll.apply(request);
    }

    @Override
    public GetQueryResultsResponse getQueryResults(GetQueryResultsRequest request) {
        pages.add(request);
        return onPage.apply(request);
    }

    @Override
    public StopQueryExecutionResponse stopQueryExecution(StopQueryExecutionRequest request) {
        stops.add(request);
        return onStop.apply(request);
    }
}
