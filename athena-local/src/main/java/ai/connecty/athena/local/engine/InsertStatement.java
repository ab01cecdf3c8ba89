package ai.connecty.athena.local.engine;

import ai.connecty.athena.local.catalog.ColumnDef;
import ai.connecty.athena.local.catalog.IcebergMetadata;
import ai.connecty.athena.local.catalog.TableDef;
import ai.connecty.athena.local.engine.ddl.DdlStatement;
import ai.connecty.athena.local.sql.EngineFailure;
import ai.connecty.athena.local.sql.Identifiers;
import ai.connecty.athena.local.sql.InsertQuery;
import ai.connecty.athena.local.storage.S3Location;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** INSERT INTO t [(cols)] SELECT/VALUES: new files in the table location, OutputLocation {@code <id>}. */
final class InsertStatement {

    private InsertStatement() {
    }

    static StatementResult run(QueryContext ctx) throws SQLException {
        DdlStatement.Insert insert = (DdlStatement.Insert) TrinoStatements.header(ctx.statement());
        ResolvedTable target = ctx.targetTable(insert.table().parts(), "line 1:13: ");
        TableDef table = target.table();
        if (table.isView() || table.location() == null) {
            throw fail("NOT_SUPPORTED: Inserting into views is not supported", 1200);
        }
        // No "line L:C:" in these: Trino's parser leaves the INSERT node without a position (trino-parser 431's
        // Insert has no constructor taking one), and its analysis errors are raised at that node.
        Set<String> listed = new HashSet<>();
        for (String c : insert.columns()) {
            if (table.allColumns().stream().noneMatch(col -> col.name().equals(c))) {
                throw fail("COLUMN_NOT_FOUND: Insert column name does not exist in target table: " + c, 1006);
            }
            if (!listed.add(c)) {
                // Trino's analysis refuses it; DuckDB would fill the column from the first of the two.
                throw fail("DUPLICATE_COLUMN_NAME: Insert column name is specified more than once: " + c,
                        1000);
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
        // The query fills the listed columns in list order, or else every column in table order.
        List<String> targetTypes = insert.columns().isEmpty() ? all.stream().map(ColumnDef::type).toList()
                : insert.columns().stream().map(name -> all.stream().filter(c -> c.name().equals(name)).findFirst()
                        .orElseThrow().type()).toList();
        try (Connection conn = ctx.openConnection()) {
            String query;
            try {
                query = InsertQuery.duckDbQuery(conn, ctx.statement(), ctx.tableColumns(), targetTypes);
            } catch (EngineFailure refused) {
                // Athena adds its manifest hint to an INSERT that Trino's analysis refused as well (the issue above).
                throw withManifestHint(ctx, refused);
            }
            String select = TableWriter.castTo(table, sources) + " FROM (" + query + ") AS q("
                    + String.join(", ", aliases) + ")";
            TableWriter.Written written = IcebergMetadata.isIceberg(table)
                    ? IcebergTables.append(ctx, conn, target.catalog(), table, select)
                    : TableWriter.write(ctx, conn, target.catalog(), table, select);
            ctx.checkNotCancelled();
            TableWriter.writeSidecars(ctx, "INSERT", written);
            return StatementResult.rowCount(TableWriter.ROWS_COLUMN, written.rows());
        } catch (SQLException e) {
            throw withManifestHint(ctx, EngineFailure.from(e, ctx.statement(),
                    ctx.catalogName(), ctx.databaseName()));
        }
    }

    static QueryFailedException withManifestHint(QueryContext ctx, RuntimeException failure) {
        String hint = " If a data manifest file was generated at '" + ctx.execution.files().manifest()
                + "', you may need to manually clean the data from locations specified in the manifest. Athena will "
                + "not delete data in your account.";
        if (failure instanceof EngineFailure ef) {
            return QueryFailedException.engine(sentence(ef.getMessage()) + hint, ef.category(), ef.errorType());
        }
        return QueryFailedException.engine(sentence(failure.getMessage()) + hint, 2, 1000);
    }

    /**
     * The engine's message as the first sentence of Athena's: Athena ends a message without a full stop with one
     * before the hint ("... Query: [varchar]. If a data manifest ...", as a failed INSERT reported in
     * aws/aws-sdk-pandas#2678).
     */
    private static String sentence(String message) {
        return message.endsWith(".") ? message : message + ".";
    }

    private static QueryFailedException fail(String message, int type) {
        return QueryFailedException.engine(message, 2, type);
    }
}
