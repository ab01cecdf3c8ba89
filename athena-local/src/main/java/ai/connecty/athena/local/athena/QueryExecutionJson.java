package ai.connecty.athena.local.athena;

import ai.connecty.athena.local.engine.AthenaFailure;
import ai.connecty.athena.local.engine.QueryExecution;
import ai.connecty.athena.local.engine.QueryRequest;
import ai.connecty.athena.local.engine.QueryState;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Renders a {@link QueryExecution} in the GetQueryExecution wire shape (measured-behaviour §6.1). */
final class QueryExecutionJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private QueryExecutionJson() {
    }

    /**
     * @param managedResults the workgroup keeps results in Athena-managed storage: then, as in Athena, no S3
     *                       location is reported (athena-local still keeps the files in its own bucket)
     */
    static ObjectNode render(QueryExecution e, boolean managedResults) {
        QueryRequest r = e.request();
        QueryExecution.Snapshot s = e.snapshot();
        ObjectNode q = F.objectNode();
        q.put("QueryExecutionId", e.id());
        q.put("Query", r.statement());
        q.put("StatementType", r.classification().statementType());
        if (!r.executionParameters().isEmpty()) {
            // Athena echoes the ExecutionParameters the query was started with.
            r.executionParameters().forEach(q.putArray("ExecutionParameters")::add);
        }
        ObjectNode result = q.putObject("ResultConfiguration");
        if (managedResults) {
            q.putObject("ManagedQueryResultsConfiguration").put("Enabled", true);
        } else {
            // A reused result is the earlier query's object: Athena points at it rather than copying it.
            result.put("OutputLocation", e.resultFiles().main().toString());
        }
        if (r.encryptionOption() != null) {
            result.putObject("EncryptionConfiguration").put("EncryptionOption", r.encryptionOption());
        }
        ObjectNode reuse = q.putObject("ResultReuseConfiguration").putObject("ResultReuseByAgeConfiguration");
        reuse.put("Enabled", r.reuseMaxAgeMinutes() != null);
        if (r.reuseMaxAgeMinutes() != null) {
            reuse.put("MaxAgeInMinutes", r.reuseMaxAgeMinutes());
        }
        ObjectNode ctx = q.putObject("QueryExecutionContext");
        if (r.database() != null) {
            ctx.put("Database", r.database());
        }
        if (r.catalog() != null) {
            ctx.put("Catalog", r.catalog().toLowerCase(Locale.ROOT));
        }
        ObjectNode status = q.putObject("Status");
        status.put("State", s.state().name());
        AthenaFailure f = s.failure();
        if (f != null) {
            status.put("StateChangeReason", f.stateChangeReason());
        }
        status.put("SubmissionDateTime", epoch(s.submitted()));
        if (s.completed() != null) {
            status.put("CompletionDateTime", epoch(s.completed()));
        }
        if (f != null && s.state() == QueryState.FAILED) {
            ObjectNode err = status.putObject("AthenaError");
            err.put("ErrorCategory", f.category());
            err.put("ErrorType", f.errorType());
            err.put("Retryable", false);
            err.put("ErrorMessage", f.errorMessage());
        }
        q.set("Statistics", statistics(s));
        q.put("WorkGroup", r.workGroup());
        ObjectNode engine = q.putObject("EngineVersion");
        engine.put("SelectedEngineVersion", "AUTO");
        engine.put("EffectiveEngineVersion", "Athena engine version 3");
        q.put("SubstatementType", r.classification().substatementType());
        return q;
    }

    private static ObjectNode statistics(QueryExecution.Snapshot s) {
        ObjectNode st = F.objectNode();
        Instant end = s.completed() != null ? s.completed() : Instant.now();
        long queue = millis(s.submitted(), s.started() != null ? s.started() : end);
        long engine = s.started() == null ? 0 : millis(s.started(), end);
        st.put("EngineExecutionTimeInMillis", engine);
        st.put("DataScannedInBytes", s.dataScannedBytes());
        st.put("TotalExecutionTimeInMillis", millis(s.submitted(), end));
        st.put("QueryQueueTimeInMillis", queue);
        if (s.planningMillis() != null) {
            st.put("QueryPlanningTimeInMillis", s.planningMillis());
        }
        st.put("ServicePreProcessingTimeInMillis", 0);
        st.put("ServiceProcessingTimeInMillis", s.completed() == null ? 0 : 1);
        // A reused result scans nothing (reuse exists to save the scan) and is not planned: DataScannedInBytes stays
        // 0 and QueryPlanningTimeInMillis absent. The measured references say nothing more about reuse statistics.
        st.putObject("ResultReuseInformation").put("ReusedPreviousResult", s.reused());
        if (s.manifestLocation() != null) {
            st.put("DataManifestLocation", s.manifestLocation());
        }
        return st;
    }

    private static long millis(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis());
    }

    /** Epoch seconds with a millisecond fraction, as the JSON protocol sends timestamps. */
    static java.math.BigDecimal epoch(Instant t) {
        return java.math.BigDecimal.valueOf(t.toEpochMilli(), 3);
    }
}
