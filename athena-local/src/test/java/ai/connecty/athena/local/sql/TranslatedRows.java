package ai.connecty.athena.local.sql;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A statement run through athena-local's translation ({@link QueryRunner}) on a DuckDB connection set up as the
 * server's: its columns and its rows as Athena renders them (a NULL value is null). The SQL suites read results
 * through it.
 */
final class TranslatedRows implements RowSink {
    final List<OutputColumn> columns = new ArrayList<>();
    final List<String[]> rows = new ArrayList<>();

    private TranslatedRows() {
    }

    /** The result of {@code sql} run with {@code schema} as the current database of the AwsDataCatalog. */
    static TranslatedRows run(Connection duck, String sql, String schema) {
        TranslatedRows result = new TranslatedRows();
        QueryRunner.run(duck, sql, "awsdatacatalog", schema, result);
        return result;
    }

    /** The result of {@code sql} run with {@code schema} as the current database and {@code tables} as the catalog. */
    static TranslatedRows run(Connection duck, String sql, String schema, TableColumns tables) {
        TranslatedRows result = new TranslatedRows();
        QueryRunner.run(duck, SqlStatement.parse(sql), "awsdatacatalog", schema, tables, result);
        return result;
    }

    /** The rows of {@code sql}. */
    static List<String[]> of(Connection duck, String sql, String schema) {
        return run(duck, sql, schema).rows;
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

    @Override
    public void columns(List<OutputColumn> c) {
        columns.addAll(c);
    }

    @Override
    public void row(String[] values) {
        rows.add(values);
    }

    List<String> names() {
        return columns.stream().map(OutputColumn::name).toList();
    }

    List<String> column(int index) {
        return rows.stream().map(r -> r[index]).toList();
    }
}
