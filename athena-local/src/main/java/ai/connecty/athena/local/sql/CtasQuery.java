package ai.connecty.athena.local.sql;

import io.trino.sql.tree.Query;
import java.util.List;

/**
 * The query of a CREATE TABLE AS, held to what Trino's analysis requires of the columns it makes, column by column:
 * a name ({@code MISSING_COLUMN_NAME: Column name not specified at position 2} for {@code SELECT 1 AS a, 2 + 3} or a
 * VALUES column), and a type other than {@code unknown}, an untyped NULL's ({@code COLUMN_TYPE_UNKNOWN: Column type
 * is unknown: x}). DuckDB would name the first {@code _col1} (Athena's name in a SELECT's result) and type the
 * second integer, and make the table. Judged where the tree and the catalog show the columns ({@link ResultTypes}).
 */
public final class CtasQuery {

    private CtasQuery() {
    }

    /**
     * The DuckDB query computing the rows of {@code statement} (a CREATE TABLE AS), after checking its columns.
     *
     * @param tables the declared columns of the tables the query names
     * @throws EngineFailure MISSING_COLUMN_NAME or COLUMN_TYPE_UNKNOWN, at the statement, where Trino refuses it
     */
    public static String duckDbQuery(SqlStatement statement, TableColumns tables) {
        Query query = statement.query().orElseThrow(() -> new UnsupportedSqlException("a statement without a query"));
        DuckDbPrinter.Translation translation = DuckDbPrinter.translate(query, statement.text(),
                statement.parameters(), tables, true);
        List<String> names = translation.names();
        if (names == null) {
            return translation.sql();
        }
        String at = statement.tree().getLocation().map(Positions::prefix).orElse("");
        List<SqlType> types = translation.types();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name == null) {
                throw EngineFailure.user("MISSING_COLUMN_NAME", at + "Column name not specified at position " + (i + 1));
            }
            if (i < types.size() && types.get(i) != null && types.get(i).is("unknown")) {
                throw EngineFailure.user("COLUMN_TYPE_UNKNOWN", at + "Column type is unknown: " + name);
            }
        }
        return translation.sql();
    }
}
