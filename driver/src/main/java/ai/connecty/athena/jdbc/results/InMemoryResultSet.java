package ai.connecty.athena.jdbc.results;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** A forward-only result set over rows held in memory, e.g. DatabaseMetaData answers built by the driver. */
public final class InMemoryResultSet extends AbstractTextResultSet {
    private InMemoryResultSet(Statement statement, List<ColumnSpec> columns, Iterator<List<String>> rows) {
        super(statement, columns, () -> rows.hasNext() ? TextRow.of(rows.next()) : null);
    }

    /**
     * @param statement the statement that owns it, or null (DatabaseMetaData results)
     * @param columns   the columns, typed with Athena type names
     * @param rows      each row's values as Athena renders them in text; a null element is SQL NULL
     */
    public static ResultSet create(Statement statement, List<ColumnSpec> columns, List<List<String>> rows) {
        return new InMemoryResultSet(statement, columns, new ArrayList<>(rows).iterator());
    }
}
