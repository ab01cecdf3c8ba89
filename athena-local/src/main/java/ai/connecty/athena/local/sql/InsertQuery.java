package ai.connecty.athena.local.sql;

import io.trino.sql.tree.Query;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The query of an INSERT, held to what Trino's analysis requires of it before anything is written: as many columns
 * as the columns written (the table's, or those the column list names, in that order), each of a type Trino's store
 * assignment puts into its column ({@link StoreAssignment}). Otherwise Trino fails the statement with
 * {@code TYPE_MISMATCH: Insert query has mismatched column types: Table: [integer, varchar], Query: [varchar(1),
 * varchar(1)]}, naming every column's type. DuckDB would cast instead, or drop a surplus column.
 * <p>
 * A type is judged only where the tree or the catalog shows it for certain ({@link ResultTypes}). The message
 * names the other query columns by the type DuckDB gives them, as a SELECT's result would, which may differ from
 * Trino's (an expression of text is {@code varchar} here where Trino may know its length).
 */
public final class InsertQuery {

    private InsertQuery() {
    }

    /**
     * The DuckDB query computing the rows {@code statement} (an INSERT) writes, after checking its columns against
     * {@code target}.
     *
     * @param duck     a configured connection where the tables the query reads are defined (the query is prepared
     *                 there to learn its columns)
     * @param tables   the declared columns of the tables the query names
     * @param target   the declared types (Glue's spelling) of the columns written, in the order the query fills them
     * @throws EngineFailure  TYPE_MISMATCH where Trino's analysis refuses the query
     * @throws SQLException   where DuckDB cannot prepare the query
     */
    public static String duckDbQuery(Connection duck, SqlStatement statement, TableColumns tables, List<String> target)
            throws SQLException {
        Query query = statement.query().orElseThrow(() -> new UnsupportedSqlException("a statement without a query"));
        DuckDbPrinter.Translation translation = DuckDbPrinter.translate(query, statement.text(),
                statement.parameters(), tables, true);
        List<SqlType> targetTypes = target.stream().map(KnownTypes::declared).toList();
        List<SqlType> known = translation.types();
        List<String> shown = new ArrayList<>();
        boolean refused;
        try (PreparedStatement prepared = duck.prepareStatement(translation.sql())) {
            ResultSetMetaData meta = prepared.getMetaData();
            int count = meta.getColumnCount();
            refused = count != target.size();
            for (int i = 0; i < count; i++) {
                SqlType type = i < known.size() ? known.get(i) : null;
                if (!refused && i < targetTypes.size()
                        && StoreAssignment.of(type, targetTypes.get(i)) == StoreAssignment.Verdict.REFUSED) {
                    refused = true;
                }
                shown.add(type != null ? type.analyzedName() : fromDuckDb(meta.getColumnTypeName(i + 1),
                        i < translation.hints().size() ? translation.hints().get(i) : null));
            }
        }
        if (refused) {
            List<String> table = new ArrayList<>();
            for (int i = 0; i < target.size(); i++) {
                table.add(targetTypes.get(i) != null ? targetTypes.get(i).analyzedName() : target.get(i));
            }
            // Raised at the INSERT node, which Trino's parser leaves without a position: the message names none.
            throw EngineFailure.user("TYPE_MISMATCH", "Insert query has mismatched column types: Table: ["
                    + String.join(", ", table) + "], Query: [" + String.join(", ", shown) + "]");
        }
        return translation.sql();
    }

    /** The type a SELECT's result would report for a column DuckDB types {@code duckDbType}, in Trino's spelling. */
    private static String fromDuckDb(String duckDbType, ColumnHint hint) {
        SqlType type;
        try {
            type = AthenaTypes.parseDuckDb(duckDbType);
        } catch (IllegalArgumentException unparsed) {
            return duckDbType.toLowerCase(Locale.ROOT);
        }
        if (hint != null && hint.refines(type)) {
            type = hint.type();
        }
        return type.analyzedName();
    }
}
