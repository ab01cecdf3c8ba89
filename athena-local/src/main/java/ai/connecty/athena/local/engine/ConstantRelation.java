package ai.connecty.athena.local.engine;

import ai.connecty.athena.local.sql.AthenaTypes;
import ai.connecty.athena.local.sql.Identifiers;
import ai.connecty.athena.local.sql.TableColumns;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A relation of rows athena-local computes itself (a metadata table's), printed in place of a table: the rows as a
 * VALUES list, each column cast to the DuckDB type of its declared Trino type, or no rows of those types.
 */
final class ConstantRelation {

    private ConstantRelation() {
    }

    /** {@code rows}: per row, one DuckDB expression per column of {@code columns}, in order. */
    static String of(List<TableColumns.Declared> columns, List<List<String>> rows) {
        if (rows.isEmpty()) {
            return "(SELECT " + columns.stream().map(c -> "CAST(NULL AS " + duckType(c) + ") AS "
                    + Identifiers.quote(c.name())).collect(Collectors.joining(", ")) + " WHERE false)";
        }
        String names = columns.stream().map(c -> Identifiers.quote(c.name())).collect(Collectors.joining(", "));
        String casts = columns.stream().map(c -> "CAST(" + Identifiers.quote(c.name()) + " AS " + duckType(c) + ") AS "
                + Identifiers.quote(c.name())).collect(Collectors.joining(", "));
        String values = rows.stream().map(r -> "(" + String.join(", ", r) + ")").collect(Collectors.joining(", "));
        return "(SELECT " + casts + " FROM (VALUES " + values + ") AS v(" + names + "))";
    }

    private static String duckType(TableColumns.Declared column) {
        return AthenaTypes.duckDbTypeForHive(column.type());
    }
}
