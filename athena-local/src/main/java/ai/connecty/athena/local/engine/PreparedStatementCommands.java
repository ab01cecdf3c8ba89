package ai.connecty.athena.local.engine;

import ai.connecty.athena.local.sql.PreparedSql;
import ai.connecty.athena.local.sql.SqlStatement;
import java.util.List;

/**
 * PREPARE and DEALLOCATE PREPARE on the workgroup's prepared statements, and the EXECUTE of a name the workgroup
 * does not have. An EXECUTE of a known name never comes here: StartQueryExecution replaced it by the prepared
 * statement, which runs as that statement.
 */
final class PreparedStatementCommands {

    private PreparedStatementCommands() {
    }

    /** PREPARE name FROM statement: creates or replaces it (Athena's SQL and CreatePreparedStatement share them). */
    static StatementResult prepare(QueryContext ctx) {
        SqlStatement statement = ctx.statement();
        String name = PreparedSql.name(statement).orElseThrow();
        ctx.warehouse.preparedStatements().put(ctx.request().workGroup(), name, PreparedSql.preparedText(statement),
                null);
        return written(ctx);
    }

    static StatementResult deallocate(QueryContext ctx) {
        String name = PreparedSql.name(ctx.statement()).orElseThrow();
        if (!ctx.warehouse.preparedStatements().remove(ctx.request().workGroup(), name)) {
            throw notFound(name);
        }
        return written(ctx);
    }

    static StatementResult unknownExecute(QueryContext ctx) {
        throw notFound(PreparedSql.name(ctx.statement()).orElseThrow());
    }

    /** Trino's words for a name the session (for Athena: the workgroup) has no statement under. */
    static QueryFailedException notFound(String name) {
        return QueryFailedException.engine("NOT_FOUND: Prepared statement not found: " + name, 2, 1300);
    }

    /** A column-less utility statement's empty {@code <id>.txt}. */
    private static StatementResult written(QueryContext ctx) {
        ctx.warehouse.results().put(ctx.execution.files().main(), new byte[0]);
        return StatementResult.text(List.of(), null, List.of());
    }
}
