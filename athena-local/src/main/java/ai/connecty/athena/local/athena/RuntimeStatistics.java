package ai.connecty.athena.local.athena;

import ai.connecty.athena.local.engine.QueryExecution;
import ai.connecty.athena.local.engine.QueryState;
import ai.connecty.athena.local.engine.StatementResult;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;

/**
 * GetQueryRuntimeStatistics in the SDK model's shape: a {@code Timeline} (the same clock as GetQueryExecution's
 * Statistics, so the two agree) and, once an engine statement has succeeded, {@code Rows} with the bytes it read
 * and the rows and bytes it produced. Input rows are not counted (DuckDB reads the files itself), so
 * {@code InputRows} is absent rather than invented; no {@code OutputStage} plan tree is given.
 */
final class RuntimeStatistics {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private RuntimeStatistics() {
    }

    static ObjectNode render(QueryExecution e) {
        QueryExecution.Snapshot s = e.snapshot();
        ObjectNode stats = F.objectNode();
        ObjectNode timeline = stats.putObject("Timeline");
        Instant end = s.completed() != null ? s.completed() : Instant.now();
        long queue = millis(s.submitted(), s.started() != null ? s.started() : end);
        timeline.put("QueryQueueTimeInMillis", queue);
        timeline.put("ServicePreProcessingTimeInMillis", 0);
        if (s.planningMillis() != null) {
            timeline.put("QueryPlanningTimeInMillis", s.planningMillis());
        }
        timeline.put("EngineExecutionTimeInMillis", s.started() == null ? 0 : millis(s.started(), end));
        timeline.put("ServiceProcessingTimeInMillis", s.completed() == null ? 0 : 1);
        timeline.put("TotalExecutionTimeInMillis", millis(s.submitted(), end));
        boolean engine = e.request().classification().statementType().equals("DML");
        if (engine && s.state() == QueryState.SUCCEEDED && s.result() != null) {
            StatementResult r = s.result();
            ObjectNode rows = stats.putObject("Rows");
            rows.put("InputBytes", s.dataScannedBytes());
            rows.put("OutputRows", outputRows(r));
            rows.put("OutputBytes", outputBytes(r));
        }
        ObjectNode out = F.objectNode();
        out.set("QueryRuntimeStatistics", stats);
        return out;
    }

    /** SELECT: the data rows of its CSV (not the header); INSERT/CTAS: the rows written. */
    private static long outputRows(StatementResult r) {
        if (r.csvFile() != null) {
            return Math.max(0, r.records() - (r.headerRow() ? 1 : 0));
        }
        if (r.updateCount() != null && !r.columns().isEmpty() && r.lines().isEmpty()) {
            return r.updateCount();
        }
        return Math.max(0, r.records() - (r.headerRow() ? 1 : 0));
    }

    private static long outputBytes(StatementResult r) {
        if (r.csvFile() != null) {
            try {
                return Files.size(r.csvFile());
            } catch (IOException gone) {
                return 0;
            }
        }
        return r.lines() == null ? 0 : String.join("\n", r.lines()).getBytes(StandardCharsets.UTF_8).length;
    }

    private static long millis(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis());
    }
}
