package ai.connecty.athena.local.engine;

import ai.connecty.athena.local.catalog.ColumnDef;
import ai.connecty.athena.local.sql.AthenaColumnType;
import ai.connecty.athena.local.sql.AthenaTypes;
import ai.connecty.athena.local.sql.OutputColumn;
import ai.connecty.athena.local.sql.RowSink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gives result columns the declared {@code char(n)} / {@code varchar(n)} type of the table column they come from.
 * DuckDB has one unbounded VARCHAR, so its result says nothing of the length Athena reports as Precision (and of
 * {@code char}, which Athena prints padded to its length). The source column is found by name among the tables
 * the query reads; a name declared with different types in those tables, or not declared at all, stays varchar.
 */
final class DeclaredStringTypes implements RowSink {

    private final RowSink target;
    private final Map<String, AthenaColumnType> declared;
    /** Per result column: the char length to pad to, 0 when the column is not a char. */
    private int[] charLengths = new int[0];

    private DeclaredStringTypes(RowSink target, Map<String, AthenaColumnType> declared) {
        this.target = target;
        this.declared = declared;
    }

    static RowSink wrap(RowSink target, List<ResolvedTable> tables) {
        Map<String, AthenaColumnType> declared = new HashMap<>();
        Map<String, String> seen = new HashMap<>();
        for (ResolvedTable t : tables) {
            for (ColumnDef c : t.table().allColumns()) {
                String name = c.name().toLowerCase(Locale.ROOT);
                String type = c.type().toLowerCase(Locale.ROOT).replace(" ", "");
                String earlier = seen.putIfAbsent(name, type);
                if (earlier != null && !earlier.equals(type)) {
                    declared.remove(name);
                    seen.put(name, "");   // ambiguous from now on
                } else if (earlier == null && (type.startsWith("char(") || type.startsWith("varchar("))) {
                    declared.put(name, AthenaTypes.fromHive(type));
                }
            }
        }
        return declared.isEmpty() ? target : new DeclaredStringTypes(target, declared);
    }

    @Override
    public void columns(List<OutputColumn> columns) {
        charLengths = new int[columns.size()];
        List<OutputColumn> typed = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            OutputColumn c = columns.get(i);
            AthenaColumnType source = declared.get(c.name().toLowerCase(Locale.ROOT));
            boolean unbounded = c.type().athenaName().equals("varchar") && c.type().precision() == Integer.MAX_VALUE;
            if (source != null && unbounded) {
                typed.add(new OutputColumn(c.name(), source));
                charLengths[i] = source.athenaName().equals("char") ? source.precision() : 0;
            } else {
                typed.add(c);
            }
        }
        target.columns(typed);
    }

    @Override
    public void row(String[] values) {
        for (int i = 0; i < values.length; i++) {
            if (charLengths[i] > 0 && values[i] != null) {
                values[i] = pad(values[i], charLengths[i]);
            }
        }
        target.row(values);
    }

    private static String pad(String value, int length) {
        int missing = length - value.codePointCount(0, value.length());
        return missing <= 0 ? value : value + " ".repeat(missing);
    }
}
