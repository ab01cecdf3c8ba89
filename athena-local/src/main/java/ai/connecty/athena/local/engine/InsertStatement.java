package ai.connecty.athena.local.engine;

import ai.connecty.athena.local.catalog.ColumnDef;
import ai.connecty.athena.local.catalog.TableDef;
import ai.connecty.athena.local.engine.ddl.DdlStatement;
import ai.connecty.athena.local.sql.Identifiers;
import ai.connecty.athena.local.sql.QueryRunner;
import ai.connecty.athena.local.storage.S3Location;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** INSERT INTO t [(cols)] SELECT/VALUES: new files in the table location, OutputLocation {@code <id>}. */
final class InsertStatement {

    private InsertStatement() {
    }

    static StatementResult run(QueryContext ctx) throws SQLException {
        DdlStatement.Insert insert = (DdlStatement.Insert) TrinoStatements.header(ctx.statement());
        List<String> parts = nameParts(insert.table());
        ResolvedTable target = ctx.warehouse.resolve(parts, ctx.request().catalog(), ctx.databaseName())
                .orElseThrow(() -> fail("TABLE_NOT_FOUND: line 1:13: Table '" + ctx.catalogName() + "."
                        + (insert.table().database() == null ? ctx.databaseName() : insert.table().database()) + "."
                        + insert.table().name() + "' does not exist", 1301));
        // The target is read from Glue like any table the statement names (its definition, not its files).
        ctx.access.requireDefinition(ctx.request().caller(), target);
        TableDef table = target.table();
        if (table.isView() || table.location() == null) {
            throw fail("NOT_SUPPORTED: Inserting into views is not supported", 1200);
        }
        for (String c : insert.columns()) {
            if (table.allColumns().stream().noneMatch(col -> col.name().equals(c))) {
                throw fail("COLUMN_NOT_FOUND: line 1:1: Insert column name does not exist in target table: " + c, 1006);
            }
        }
        SelectStatement.prepareQueryReads(ctx);
        ctx.access.requireWrite(ctx.request().caller(), S3Location.parse(table.location()).asPrefix(),
                table.location());
        List<ColumnDef> all = table.allColumns();
        List<String> aliases = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        int produced = insert.columns().isEmpty() ? all.size() : insert.columns().size();
        for (int i = 0; i < produced; i++) {
            aliases.add(Identifiers.quote("c" + i));
        }
        for (ColumnDef c : all) {
            int at = insert.columns().isEmpty() ? all.indexOf(c) : insert.columns().indexOf(c.name());
            sources.add(at < 0 ? "NULL" : "q." + Identifiers.quote("c" + at));
        }
        String select = TableWriter.castTo(table, sources) + " FROM (" + QueryRunner.duckDbQuery(ctx.statement(), ctx.tableColumns())
                + ") AS q(" + String.join(", ", aliases) + ")";
        try (Connection conn = ctx.openConnection()) {
            TableWriter.Written written = TableWriter.write(ctx, conn, target.catalog(), table, select);
            ctx.checkNotCancelled();
            TableWriter.writeSidecars(ctx, "INSERT", written);
            return StatementResult.rowCount(TableWriter.ROWS_COLUMN, written.rows());
        } catch (SQLException e) {
            throw withManifestHint(ctx, ai.connecty.athena.local.sql.EngineFailure.from(e, ctx.statement(),
                    ctx.catalogName(), ctx.databaseName()));
        }
    }

    private static List<String> nameParts(DdlStatement.Name n) {
        List<String> parts = new ArrayList<>();
        if (n.catalog() != null) {
            parts.add(n.catalog());
        }
        if (n.database() != null) {
            parts.add(n.database());
        }
        parts.add(n.name());
        return parts;
    }

    static QueryFailedException withManifestHint(QueryContext ctx, RuntimeException failure) {
        String hint = " If a data manifest file was generated at '" + ctx.execution.files().manifest()
                + "', you may need to manually clean the data from locations specified in the manifest. Athena will "
                + "not delete data in your account.";
        if (failure instanceof ai.connecty.athena.local.sql.EngineFailure ef) {
            return QueryFailedException.engine(ef.getMessage() + hint, ef.category(), ef.errorType());
        }
        return QueryFailedException.engine(failure.getMessage() + hint, 2, 1000);
    }

    private static QueryFailedException fail(String message, int type) {
        return QueryFailedException.engine(message, 2, type);
    }
}
