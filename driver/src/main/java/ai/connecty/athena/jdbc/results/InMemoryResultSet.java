package ai.connecty.athena.jdbc.results;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/** STUB (owned by the execution/results work): a forward-only result set over rows held in memory. */
public final class InMemoryResultSet {
    private InMemoryResultSet() {
    }

    /**
     * @param statement the statement that owns it, or null (DatabaseMetaData results)
     * @param columns   the columns, typed with Athena type names
     * @param rows      each row's values as Athena renders them in text; a null element is SQL NULL
     */
    public static ResultSet create(Statement statement, List<ColumnSpec> columns, List<List<String>> rows) {
        throw new UnsupportedOperationException("stub");
    }
}
