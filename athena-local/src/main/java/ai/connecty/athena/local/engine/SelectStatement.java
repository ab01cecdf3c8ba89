package ai.connecty.athena.local.engine;

import ai.connecty.athena.local.engine.result.CsvResultWriter;
import ai.connecty.athena.local.engine.result.ResultMetadata;
import ai.connecty.athena.local.sql.AthenaColumnType;
import ai.connecty.athena.local.sql.OutputColumn;
import ai.connecty.athena.local.sql.QueryRunner;
import ai.connecty.athena.local.sql.RowSink;
import io.trino.sql.tree.Node;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Row-returning statements on the engine path: SELECT-like queries to {@code <id>.csv}, EXPLAIN to {@code <id>.txt}. */
final class SelectStatement {

    private SelectStatement() {
    }

    static StatementResult query(QueryContext ctx) throws SQLException {
        boolean literalOnly = LiteralSelect.isLiteralOnly(ctx.statement().tree());
        List<ResolvedTable> tables = prepareReads(ctx, ctx.statement().tree(), !literalOnly);
        OutputFiles files = ctx.execution.files();
        ctx.access.requireWrite(ctx.request().caller(), files.main(), files.main().toString());
        Path temp = ctx.warehouse.results().tempFor(files.main());
        CsvResultWriter writer = new CsvResultWriter(temp);
        try (Connection conn = ctx.openConnection()) {
            try (writer) {
                QueryRunner.run(conn, ctx.statement(), ctx.catalogName(), ctx.databaseName(), ctx.tableColumns(),
                        DeclaredStringTypes.wrap(writer, tables));
            }
            ctx.checkNotCancelled();
            // Literal-only SELECTs never reach the engine: Athena names the execution and an empty update (§4.5).
            byte[] metadata = literalOnly
                    ? ResultMetadata.encode(ctx.execution.id(), "", 0L, writer.columnList())
                    : ResultMetadata.encode(ctx.engineQueryId, null, null, writer.columnList());
            String type = literalOnly ? ResultStore.BINARY : ResultStore.APPLICATION;
            ctx.warehouse.results().put(files.metadata(), metadata, type);
            Path published = ctx.warehouse.results().publish(temp, files.main(), type);
            return StatementResult.csv(writer.columnList(), published, writer.index());
        } finally {
            ResultStore.deleteQuietly(temp);
        }
    }

    static StatementResult explain(QueryContext ctx) throws SQLException {
        prepareReads(ctx, ctx.statement().tree(), true);
        List<String> lines = new ArrayList<>();
        List<OutputColumn> columns = new ArrayList<>();
        RowSink plan = new RowSink() {
            @Override
            public void columns(List<OutputColumn> cols) {
                columns.addAll(cols);
            }

            @Override
            public void row(String[] values) {
                lines.addAll(List.of((values[0] == null ? "" : values[0]).split("\n", -1)));
            }
        };
        try (Connection conn = ctx.openConnection()) {
            QueryRunner.run(conn, ctx.statement(), ctx.catalogName(), ctx.databaseName(), ctx.tableColumns(), plan);
        }
        ctx.checkNotCancelled();
        String name = columns.isEmpty() ? "Query Plan" : columns.get(0).name();
        String text = String.join("\n", lines);
        // The plan column is a varchar whose precision Athena reports as the plan's length.
        OutputColumn column = new OutputColumn(name,
                new AthenaColumnType("varchar", text.length(), 0, true, "varchar", "string"));
        List<String> withHeader = new ArrayList<>();
        withHeader.add(name);
        withHeader.addAll(lines);
        OutputFiles files = ctx.execution.files();
        ctx.warehouse.results().put(files.main(), String.join("\n", withHeader).getBytes(StandardCharsets.UTF_8));
        ctx.warehouse.results().put(files.metadata(),
                ResultMetadata.encode(ctx.engineQueryId, null, null, List.of(column)));
        return new StatementResult(List.of(column), null, null, null, withHeader, true);
    }

    /**
     * Access checks for everything the statement's query reads (INSERT, CTAS, CREATE VIEW: the query they carry),
     * then points the DuckDB views at the current files.
     */
    static void prepareQueryReads(QueryContext ctx) throws SQLException {
        prepareReads(ctx, ctx.statement().query().orElseThrow(), true);
    }

    /** {@code planned}: whether Athena's engine plans the statement (and so reports QueryPlanningTimeInMillis). */
    static List<ResolvedTable> prepareReads(QueryContext ctx, Node tree, boolean planned) throws SQLException {
        FileLikeTableNames.refuse(ctx.warehouse, tree, ctx.request().catalog(), ctx.databaseName());
        List<ResolvedTable> tables = ctx.warehouse.referencedTables(tree, ctx.statement().parameterExpressions(),
                ctx.request().catalog(), ctx.databaseName());
        ctx.access.requireRead(ctx.request().caller(), tables);
        ctx.access.requireInformationSchema(ctx.request().caller(), ctx.informationSchemaTables());
        long bytes = ctx.warehouse.bindForQuery(tables,
                InjectedValues.of(tree, ctx.statement().parameterExpressions()));
        ctx.execution.recordScan(bytes, planned);
        return tables;
    }
}
