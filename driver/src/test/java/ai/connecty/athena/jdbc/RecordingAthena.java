package ai.connecty.athena.jdbc;

import ai.connecty.athena.jdbc.execution.AthenaQueryClient;
import ai.connecty.athena.jdbc.execution.PollingClock;
import ai.connecty.athena.jdbc.execution.QuerySettings;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionResponse;

/**
 * An Athena that keeps each StartQueryExecution request and refuses it ("recorded"): what a statement sends, the
 * query text and its ExecutionParameters, without running anything.
 */
final class RecordingAthena extends StubAthena {
    final List<StartQueryExecutionRequest> sent = new ArrayList<>();

    @Override
    public StartQueryExecutionResponse startQueryExecution(StartQueryExecutionRequest request) {
        sent.add(request);
        throw new IllegalStateException("recorded");
    }

    /** The request sent last. */
    StartQueryExecutionRequest last() {
        return sent.get(sent.size() - 1);
    }

    /** A connection whose statements send their requests here. */
    AthenaConnection connection() {
        return TestConnections.withQueryClient(new AthenaQueryClient(this, QuerySettings.builder().build()),
                PollingClock.SYSTEM);
    }
}
