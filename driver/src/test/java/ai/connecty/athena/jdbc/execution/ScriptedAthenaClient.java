package ai.connecty.athena.jdbc.execution;

import ai.connecty.athena.jdbc.StubAthena;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.athena.model.AthenaException;
import software.amazon.awssdk.services.athena.model.GetQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.GetQueryExecutionResponse;
import software.amazon.awssdk.services.athena.model.GetQueryResultsRequest;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.QueryExecutionStatus;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionResponse;
import software.amazon.awssdk.services.athena.model.StatementType;
import software.amazon.awssdk.services.athena.model.StopQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.StopQueryExecutionResponse;

/** An in-process AthenaClient that answers GetQueryExecution from a script of states and records calls. */
final class ScriptedAthenaClient extends StubAthena {
    static final String ID = "11111111-2222-4333-8444-555555555555";

    final List<StartQueryExecutionRequest> starts = Collections.synchronizedList(new ArrayList<>());
    final List<String> stops = Collections.synchronizedList(new ArrayList<>());
    private final Deque<QueryExecutionState> states = new ConcurrentLinkedDeque<>();
    private volatile boolean denyStop;
    int polls;

    ScriptedAthenaClient states(QueryExecutionState... script) {
        Collections.addAll(states, script);
        return this;
    }

    ScriptedAthenaClient denyStop() {
        denyStop = true;
        return this;
    }

    /** Each StopQueryExecution runs {@code action} before it answers (to hold it in flight, say). */
    ScriptedAthenaClient onStop(Runnable action) {
        onStop = action;
        return this;
    }

    private volatile Runnable onStop = () -> { };

    @Override
    public StartQueryExecutionResponse startQueryExecution(StartQueryExecutionRequest request) {
        starts.add(request);
        return StartQueryExecutionResponse.builder().queryExecutionId(ID).build();
    }

    @Override
    public GetQueryExecutionResponse getQueryExecution(GetQueryExecutionRequest request) {
        polls++;
        QueryExecutionState state = states.size() > 1 ? states.pollFirst() : states.peekFirst();
        return GetQueryExecutionResponse.builder().queryExecution(QueryExecution.builder()
                .queryExecutionId(request.queryExecutionId()).statementType(StatementType.DML).substatementType("SELECT")
                .status(QueryExecutionStatus.builder().state(state).build()).build()).build();
    }

    @Override
    public GetQueryResultsResponse getQueryResults(GetQueryResultsRequest request) {
        return GetQueryResultsResponse.builder().updateCount(0L).build();
    }

    @Override
    public StopQueryExecutionResponse stopQueryExecution(StopQueryExecutionRequest request) {
        stops.add(request.queryExecutionId());
        onStop.run();
        if (denyStop) {
            throw AthenaException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                    .errorCode("AccessDeniedException")
                    .errorMessage("User: arn:aws:iam::123456789012:user/x is not authorized to perform: athena:StopQueryExecution")
                    .build()).build();
        }
        return StopQueryExecutionResponse.builder().build();
    }
}
