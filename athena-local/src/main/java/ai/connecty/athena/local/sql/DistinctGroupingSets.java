package ai.connecty.athena.local.sql;

import io.trino.sql.tree.Expression;
import io.trino.sql.tree.GroupingElement;
import io.trino.sql.tree.GroupingSets;
import io.trino.sql.tree.SimpleGroupBy;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Trino's {@code GROUP BY DISTINCT}, which DuckDB lacks, as DuckDB's {@code GROUPING SETS}: the grouping elements
 * are expanded into their grouping sets (a column list is one set, {@code ROLLUP (a, b)} is {@code (a, b), (a), ()},
 * {@code CUBE} every subset, {@code GROUPING SETS} its own), combined as a cross product as Trino does for several
 * elements, and each set kept once (sets compare as sets of expressions). {@code GROUP BY ALL}, the default, keeps
 * duplicate sets, which DuckDB's own expansion does too.
 */
final class DistinctGroupingSets {

    private DistinctGroupingSets() {
    }

    /** The {@code GROUP BY} list for {@code elements}, printing each expression once with {@code printer}. */
    static String print(List<GroupingElement> elements, Function<Expression, String> printer) {
        Map<Expression, String> printed = new IdentityHashMap<>();
        List<Set<String>> combined = new ArrayList<>();
        combined.add(new LinkedHashSet<>());
        for (GroupingElement element : elements) {
            List<List<Expression>> sets = sets(element);
            List<Set<String>> next = new ArrayList<>();
            for (Set<String> left : combined) {
                for (List<Expression> right : sets) {
                    Set<String> union = new LinkedHashSet<>(left);
                    right.forEach(e -> union.add(printed.computeIfAbsent(e, printer)));
                    next.add(union);
                }
            }
            combined = next;
        }
        // Distinct by content, whatever the order the columns were written in; the first spelling is printed.
        Map<Set<String>, Set<String>> distinct = new LinkedHashMap<>();
        combined.forEach(set -> distinct.putIfAbsent(Set.copyOf(set), set));
        StringJoiner out = new StringJoiner(", ", "GROUPING SETS (", ")");
        distinct.values().forEach(set -> out.add("(" + String.join(", ", set) + ")"));
        return out.toString();
    }

    private static List<List<Expression>> sets(GroupingElement element) {
        if (element instanceof SimpleGroupBy simple) {
            return List.of(simple.getExpressions());
        }
        if (element instanceof GroupingSets sets) {
            List<List<Expression>> columns = sets.getSets();
            return switch (sets.getType()) {
                case EXPLICIT -> columns;
                case ROLLUP -> {
                    List<List<Expression>> out = new ArrayList<>();
                    for (int n = columns.size(); n >= 0; n--) {
                        out.add(columns.subList(0, n).stream().flatMap(List::stream).toList());
                    }
                    yield out;
                }
                case CUBE -> {
                    List<List<Expression>> out = new ArrayList<>();
                    int count = columns.size();
                    for (int mask = (1 << count) - 1; mask >= 0; mask--) {
                        List<Expression> set = new ArrayList<>();
                        for (int i = 0; i < count; i++) {
                            if ((mask & (1 << (count - 1 - i))) != 0) {
                                set.addAll(columns.get(i));
                            }
                        }
                        out.add(set);
                    }
                    yield out;
                }
            };
        }
        throw new UnsupportedSqlException("the grouping " + element.getClass().getSimpleName());
    }
}
