package ai.connecty.athena.local.sql;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A statement run through athena-local's translation ({@link QueryRunner}) on a DuckDB connection set up as the
 * server's, its rows kept as Athena renders them (a NULL value is null): what the suites comparing values with
 * Trino's documentation and code read.
 */
final class TranslatedRows {

    private TranslatedRows() {
    }

    /** The rows of {@code sql} run with {@code schema} as the current database of the AwsDataCatalog. */
    static List<String[]> of(Connection duck, String sql, String schema) {
        List<String[]> rows = new ArrayList<>();
        QueryRunner.run(duck, sql, "awsdatacatalog", schema, new RowSink() {
            @Override
            public void columns(List<OutputColumn> columns) {
            }

            @Override
            public void row(String[] values) {
                rows.add(values);
            }
        });
        return rows;
    }

    /** The first value of the first row, with {@code default} as the current database. */
    static String value(Connection duck, String sql) {
        return of(duck, sql, "default").get(0)[0];
    }

    /** Each row's values joined with {@code " | "}, a NULL as {@code null}. */
    static List<String> joined(Connection duck, String sql, String schema) {
        return joined(of(duck, sql, schema));
    }

    static List<String> joined(List<String[]> rows) {
        return rows.stream().map(row -> Arrays.stream(row).map(String::valueOf).collect(Collectors.joining(" | "))).toList();
    }
}
