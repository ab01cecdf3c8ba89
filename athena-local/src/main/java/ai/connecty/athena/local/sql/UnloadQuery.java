package ai.connecty.athena.local.sql;

import io.trino.sql.tree.Query;
import java.util.ArrayList;
import java.util.List;

/**
 * The query of an UNLOAD as DuckDB SQL whose columns carry the names Athena gives them: the query's own, and
 * {@code _col<i>} for an unnamed one (as in a SELECT's result), so the written files' columns are named as Athena's.
 */
public final class UnloadQuery {

    /** The DuckDB query and its column names, in order. */
    public record Translated(String sql, List<String> names) {
    }

    private UnloadQuery() {
    }

    /** @param tables the declared columns of the tables the query names */
    public static Translated duckDbQuery(SqlStatement statement, TableColumns tables) {
        Query query = statement.query().orElseThrow(() -> new UnsupportedSqlException("an UNLOAD without a query"));
        DuckDbPrinter.Translation translation = DuckDbPrinter.translate(query, statement.text(),
                statement.parameters(), tables, true);
        List<String> names = new ArrayList<>();
        List<String> given = translation.names() == null ? List.of() : translation.names();
        for (int i = 0; i < given.size(); i++) {
            names.add(given.get(i) == null ? "_col" + i : given.get(i));
        }
        return new Translated(translation.sql(), names);
    }
}
