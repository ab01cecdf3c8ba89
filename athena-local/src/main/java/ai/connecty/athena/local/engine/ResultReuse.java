package ai.connecty.athena.local.engine;

import ai.connecty.athena.local.api.CallContext;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Athena's query result reuse ("Reuse query results in Athena", AWS user guide): a SELECT that enables it is not
 * run when an identical earlier query left a result that may still be used. Athena then "points to the previous
 * result location": the new execution's OutputLocation is the earlier {@code <id>.csv}, GetQueryResults pages over
 * that same file, and nothing is written for the new id. So a reused result costs no copy, and its ETag (which
 * S3 readers check with If-Match) stays the earlier object's.
 *
 * <p>The conditions, as the guide lists them: same workgroup, query string, catalog and database; the earlier
 * result younger than the maximum age; the same result configuration (output location and encryption); the
 * caller may read every table the query names and the earlier result object; and that object still exists
 * ("deleted or moved" results are not reused). Several candidates: the most recent one. Otherwise the query runs.
 */
final class ResultReuse {

    /** An earlier result a query answers with, and the files it lives in. */
    record Earlier(StatementResult result, OutputFiles files) {
    }

    private ResultReuse() {
    }

    /**
     * The earlier result {@code ctx}'s query may reuse, looked for among {@code newestFirst} (every execution
     * known, the most recent first), or empty when the query must run.
     */
    static Optional<Earlier> find(QueryContext ctx, List<QueryExecution> newestFirst) {
        QueryRequest r = ctx.request();
        if (r.reuseMaxAgeMinutes() == null || !r.classification().substatementType().equals("SELECT")) {
            return Optional.empty();
        }
        Instant oldest = Instant.now().minus(Duration.ofMinutes(r.reuseMaxAgeMinutes()));
        for (QueryExecution old : newestFirst) {
            QueryExecution.Snapshot s = old.snapshot();
            if (old == ctx.execution || s.state() != QueryState.SUCCEEDED || !s.completed().isAfter(oldest)
                    || !sameQuery(old.request(), r) || s.result().csvFile() == null) {
                continue;
            }
            OutputFiles files = old.resultFiles();
            if (!Files.isRegularFile(s.result().csvFile()) || !mayRead(r.caller(), files)) {
                continue; // deleted, moved or not readable: an older result may still do
            }
            if (!ctx.informationSchemaTables().isEmpty()
                    && !old.request().caller().principalArn().equals(r.caller().principalArn())) {
                continue; // information_schema rows are what the earlier caller's Glue rights showed it
            }
            // Asked only now that a result could be reused; denied, the query runs and fails as a run does.
            return mayReadTables(ctx) ? Optional.of(new Earlier(s.result(), files)) : Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * Same statement, context, workgroup and result configuration. The statement run is compared too, not only the
     * one shown: an {@code EXECUTE} shows as written but runs its prepared statement with the values bound, which
     * another PREPARE or other ExecutionParameters change under the same text.
     */
    private static boolean sameQuery(QueryRequest o, QueryRequest r) {
        return o.statement().equals(r.statement()) && o.parsed().text().equals(r.parsed().text())
                && Objects.equals(o.catalog(), r.catalog())
                && Objects.equals(o.database(), r.database()) && o.workGroup().equals(r.workGroup())
                && o.outputPrefix().equals(r.outputPrefix())
                && Objects.equals(o.encryptionOption(), r.encryptionOption());
    }

    private static boolean mayRead(CallContext caller, OutputFiles files) {
        return caller.isAllowed("s3:GetObject", files.main().arn());
    }

    /**
     * Whether the caller may read what the query names, as a run would require. If not, the query runs instead
     * and fails there with the run's own message, as in Athena.
     */
    private static boolean mayReadTables(QueryContext ctx) {
        try {
            ctx.access.requireRead(ctx.request().caller(), ctx.warehouse.referencedTables(ctx.statement().tree(),
                    ctx.statement().parameterExpressions(), ctx.request().catalog(), ctx.databaseName()));
            ctx.access.requireInformationSchema(ctx.request().caller(), ctx.informationSchemaTables());
            return true;
        } catch (QueryFailedException denied) {
            return false;
        }
    }
}
