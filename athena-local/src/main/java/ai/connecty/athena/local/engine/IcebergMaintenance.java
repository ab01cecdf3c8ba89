package ai.connecty.athena.local.engine;

import ai.connecty.athena.local.engine.ddl.DdlStatement;
import ai.connecty.athena.local.engine.ddl.DdlSyntaxException;
import ai.connecty.athena.local.sql.Identifiers;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Athena's Iceberg table maintenance, which changes no rows. {@code OPTIMIZE ... REWRITE DATA USING BIN_PACK}
 * compacts the current snapshot's files into one (a commit like any other). {@code VACUUM} removes nothing:
 * Athena only expires snapshots older than {@code vacuum_max_snapshot_age_seconds} (five days by default);
 * athena-local expires none yet, so every earlier snapshot stays readable by time travel.
 */
final class IcebergMaintenance {

    private IcebergMaintenance() {
    }

    static StatementResult run(QueryContext ctx) throws SQLException {
        DdlStatement statement;
        try {
            statement = ctx.request().hive().statement();
        } catch (DdlSyntaxException e) {
            throw QueryFailedException.engine("SYNTAX_ERROR: " + e.getMessage(), 2, 1000);
        }
        if (statement instanceof DdlStatement.Optimize o) {
            ResolvedTable target = RowChanges.icebergTarget(ctx, o.table().parts());
            if (IcebergTables.currentFiles(ctx, target.table()).size() <= 1) {
                return done(ctx, "OPTIMIZE");
            }
            return RowChanges.rewrite(ctx, target, RowChanges.unchanged(target.table(),
                    o.table().parts().stream().map(Identifiers::quote).collect(Collectors.joining("."))),
                    "OPTIMIZE");
        }
        if (statement instanceof DdlStatement.Vacuum v) {
            ResolvedTable target = RowChanges.icebergTarget(ctx, v.table().parts());
            // Athena's VACUUM expires snapshots, a Glue table update: the same right as any commit.
            ctx.access.requireGlueWrite(ctx.request().caller(), target.catalog(), AccessChecks.Path.ENGINE,
                    "glue:UpdateTable", target.table().database(), target.table().name());
            return done(ctx, "VACUUM");
        }
        throw new IllegalStateException("not table maintenance: " + statement);
    }

    private static StatementResult done(QueryContext ctx, String updateType) {
        TableWriter.writeSidecars(ctx, updateType, new TableWriter.Written(0, List.of()));
        return StatementResult.rowCount(TableWriter.ROWS_COLUMN, 0);
    }
}
