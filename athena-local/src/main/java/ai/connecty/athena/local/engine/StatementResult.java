package ai.connecty.athena.local.engine;

import ai.connecty.athena.local.engine.result.PageIndex;
import ai.connecty.athena.local.sql.OutputColumn;
import java.nio.file.Path;
import java.util.List;

/**
 * What a finished statement left behind for GetQueryResults: its columns, its UpdateCount (null = absent), and
 * either a CSV file with its page index or the {@code .txt} lines (already joined with tabs). {@code headerRow}
 * says whether the first record is the column-name row (DML only).
 */
public record StatementResult(List<OutputColumn> columns, Long updateCount, Path csvFile, PageIndex csvIndex,
                              List<String> lines, boolean headerRow) {

    public static StatementResult csv(List<OutputColumn> columns, Path file, PageIndex index) {
        return new StatementResult(columns, 0L, file, index, null, true);
    }

    public static StatementResult text(List<OutputColumn> columns, Long updateCount, List<String> lines) {
        return new StatementResult(columns, updateCount, null, null, List.copyOf(lines), false);
    }

    /** INSERT/CTAS: one {@code rows bigint} column, no rows, the row count as UpdateCount. */
    public static StatementResult rowCount(OutputColumn rowsColumn, long rows) {
        return new StatementResult(List.of(rowsColumn), rows, null, null, List.of(), false);
    }

    public long records() {
        return csvIndex != null ? csvIndex.records() : lines.size();
    }
}
