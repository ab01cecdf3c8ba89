package ai.connecty.athena.local.sql;

import io.trino.sql.tree.QueryPeriod;
import java.util.List;

/**
 * The columns of the tables and views a statement names, as the catalog declares them. The translation sees types
 * only in the statement's tree, yet some of what it prints depends on a column's type and cannot be left to DuckDB
 * (how many columns an UNNEST gives, whether {@code ||} appends an element to an array), so the engine, which knows
 * the catalog, answers here; the translation asks once per table name of a statement.
 */
@FunctionalInterface
public interface TableColumns {

    /** Where no catalog is at hand: every table's columns are unknown, and the translation sees only the tree. */
    TableColumns NONE = name -> null;

    /**
     * The columns of the table or view {@code name} (its parts as written: {@code t}, {@code db.t} or
     * {@code catalog.db.t}, in lower case) in order, or null where no such table is known.
     */
    List<Declared> of(List<String> name);

    /**
     * What DuckDB reads for the table {@code name} (parts as in {@link #of}) when the catalog has no DuckDB view of
     * it (information_schema's tables, computed for each statement); null for a name DuckDB resolves itself.
     */
    default Substitute substitute(List<String> name) {
        return null;
    }

    /**
     * What DuckDB reads for {@code name} as of {@code period} ({@code FOR VERSION AS OF} or {@code FOR TIMESTAMP AS
     * OF}): the relation of the table's files at that point. Where the engine knows no versioned tables, Trino's
     * answer of a connector without them.
     */
    default Substitute versioned(List<String> name, QueryPeriod period) {
        throw EngineFailure.user("NOT_SUPPORTED", "This connector does not support versioned tables");
    }

    /**
     * The hidden columns of the table {@code name} (parts as in {@link #of}: Trino's {@code "$path"} and others) and
     * the DuckDB relation that has them after the table's own columns; null for a name that is no table with hidden
     * columns (a view, an unknown name).
     */
    default Hidden hiddenColumns(List<String> name) {
        return null;
    }

    /**
     * The hidden columns of the table {@code name} as of {@code period} and the relation of that version's files
     * that has them after the table's own columns; null where the engine knows no versions with hidden columns.
     */
    default Hidden versionedHiddenColumns(List<String> name, QueryPeriod period) {
        return null;
    }

    /**
     * A table's hidden columns, which resolve by name but which {@code *} does not list.
     *
     * @param relation the DuckDB relation with the table's columns and then the hidden ones
     * @param columns  the hidden columns, names in lower case
     */
    record Hidden(String relation, List<Declared> columns) {
    }

    /**
     * A relation DuckDB reads in place of a named table.
     *
     * @param sql           the DuckDB relation ({@code temp.main."..."}), or null where the name is in a schema
     *                      the engine serves but no such table exists there
     * @param qualifiedName the table's name as Trino's messages spell it ({@code awsdatacatalog.information_schema.x})
     */
    record Substitute(String sql, String qualifiedName) {
    }

    /**
     * A declared column.
     *
     * @param name its name, in lower case
     * @param type its type as Glue stores it, in Hive spelling ({@code array<struct<a:int>>}) or Trino's (a view's)
     */
    record Declared(String name, String type) {
    }
}
