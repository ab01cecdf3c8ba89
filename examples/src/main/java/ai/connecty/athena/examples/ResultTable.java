package ai.connecty.athena.examples;

import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A result set read into memory and printed as an aligned text table: a header row, NULL spelt {@code NULL},
 * numbers aligned right. Only the first {@code maxRows} rows are kept; the rest are counted, so that a huge
 * result cannot exhaust the demo's memory.
 */
final class ResultTable {

    /** Longer values are cut so that one long string does not stretch every line of the table. */
    static final int MAX_CELL_WIDTH = 60;

    private static final Set<Integer> NUMERIC_TYPES = Set.of(Types.TINYINT, Types.SMALLINT, Types.INTEGER,
            Types.BIGINT, Types.REAL, Types.FLOAT, Types.DOUBLE, Types.DECIMAL, Types.NUMERIC);

    private final List<String> headers;
    private final boolean[] rightAligned;
    private final List<String[]> rows;
    private final long rowCount;

    private ResultTable(List<String> headers, boolean[] rightAligned, List<String[]> rows, long rowCount) {
        this.headers = headers;
        this.rightAligned = rightAligned;
        this.rows = rows;
        this.rowCount = rowCount;
    }

    /** Every column of {@code rs}. */
    static ResultTable read(ResultSet rs, int maxRows) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<Integer> columns = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            columns.add(i);
        }
        return readColumns(rs, columns, maxRows);
    }

    /** Only the named columns of {@code rs}, in the given order (e.g. the interesting ones of a metadata result). */
    static ResultTable read(ResultSet rs, List<String> columnLabels, int maxRows) throws SQLException {
        List<Integer> columns = new ArrayList<>();
        for (String label : columnLabels) {
            columns.add(rs.findColumn(label));
        }
        return readColumns(rs, columns, maxRows);
    }

    private static ResultTable readColumns(ResultSet rs, List<Integer> columns, int maxRows) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<String> headers = new ArrayList<>();
        boolean[] rightAligned = new boolean[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            headers.add(md.getColumnLabel(columns.get(c)));
            rightAligned[c] = NUMERIC_TYPES.contains(md.getColumnType(columns.get(c)));
        }
        List<String[]> rows = new ArrayList<>();
        long count = 0;
        while (rs.next()) {
            count++;
            if (rows.size() < maxRows) {
                String[] row = new String[columns.size()];
                for (int c = 0; c < columns.size(); c++) {
                    String value = rs.getString(columns.get(c));
                    row[c] = rs.wasNull() ? "NULL" : cell(value);
                }
                rows.add(row);
            }
        }
        return new ResultTable(headers, rightAligned, rows, count);
    }

    /** Control characters would break the alignment, so they are shown escaped. */
    private static String cell(String value) {
        String flat = value.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
        return flat.length() <= MAX_CELL_WIDTH ? flat : flat.substring(0, MAX_CELL_WIDTH - 3) + "...";
    }

    long rowCount() {
        return rowCount;
    }

    void print(PrintStream out) {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headers.get(c).length();
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        String rule = rule(widths);
        out.println(rule);
        out.println(line(headers.toArray(String[]::new), widths, new boolean[widths.length]));
        out.println(rule);
        for (String[] row : rows) {
            out.println(line(row, widths, rightAligned));
        }
        out.println(rule);
        if (rows.size() < rowCount) {
            out.println("(showing the first " + rows.size() + " of " + rowCount + " rows)");
        }
    }

    private static String rule(int[] widths) {
        StringBuilder sb = new StringBuilder("+");
        for (int w : widths) {
            sb.append("-".repeat(w + 2)).append('+');
        }
        return sb.toString();
    }

    private static String line(String[] cells, int[] widths, boolean[] rightAligned) {
        StringBuilder sb = new StringBuilder("|");
        for (int c = 0; c < cells.length; c++) {
            String padding = " ".repeat(widths[c] - cells[c].length());
            sb.append(' ').append(rightAligned[c] ? padding + cells[c] : cells[c] + padding).append(" |");
        }
        return sb.toString();
    }
}
