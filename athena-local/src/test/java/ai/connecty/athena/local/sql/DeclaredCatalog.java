package ai.connecty.athena.local.sql;

import ai.connecty.athena.local.engine.DuckDbEngine;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * The catalog of a translation test: tables declared in Glue's Hive spelling, looked up by the last part of their
 * name as the translation asks, and a DuckDB engine, set up as {@link QueryRunner} sets up its own, that holds tables
 * of the same names and columns for the translated statements to run on.
 */
final class DeclaredCatalog implements AutoCloseable {
    private final Map<String, List<TableColumns.Declared>> tables;
    private final DuckDbEngine engine = new DuckDbEngine();
    private final Connection duck;

    /** @param createTables the DuckDB statements that create the tables {@code tables} declares */
    DeclaredCatalog(Map<String, List<TableColumns.Declared>> tables, String... createTables) throws SQLException {
        this.tables = tables;
        this.duck = engine.admin();
        QueryRunner.configure(duck);
        try (Statement s = duck.createStatement()) {
            for (String create : createTables) {
                s.execute(create);
            }
        }
    }

    static TableColumns.Declared declared(String name, String type) {
        return new TableColumns.Declared(name, type);
    }

    /** The declared columns of a table, as the translation's lookup answers; null for a table not declared. */
    List<TableColumns.Declared> lookUp(List<String> name) {
        return tables.get(name.get(name.size() - 1));
    }

    Connection duck() {
        return duck;
    }

    /** The DuckDB SQL a query of Athena's is translated to with this catalog. */
    String printed(String athenaSql) {
        return QueryRunner.duckDbQuery(athenaSql, this::lookUp);
    }

    @Override
    public void close() {
        engine.close();
    }
}
