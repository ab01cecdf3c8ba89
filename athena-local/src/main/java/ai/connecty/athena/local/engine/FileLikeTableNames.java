package ai.connecty.athena.local.engine;

import ai.connecty.athena.local.catalog.CatalogStore;
import ai.connecty.athena.local.catalog.DataCatalog;
import ai.connecty.athena.local.sql.EngineFailure;
import ai.connecty.athena.local.sql.TrinoSql;
import io.trino.sql.tree.DefaultTraversalVisitor;
import io.trino.sql.tree.Node;
import io.trino.sql.tree.NodeLocation;
import io.trino.sql.tree.Table;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Refuses a table reference DuckDB would read as a file. DuckDB resolves a table name it does not know through its
 * replacement scans: {@code t1.x.csv}, {@code "t1"."x.csv"} or {@code "/etc/data.parquet"} would read that file from
 * the server's disk (DuckDB 1.5 has no setting that turns replacement scans off, and {@code enable_external_access}
 * would also stop the views over the tables' own files). Such a name, when the catalog has no such table, fails here
 * before DuckDB sees it, with the error Trino gives for any missing table: CATALOG_NOT_FOUND, SCHEMA_NOT_FOUND or
 * TABLE_NOT_FOUND, worded as athena-local words them for other names.
 */
final class FileLikeTableNames {

    /**
     * The names DuckDB may take for a file: a path or glob character anywhere, or a file extension (of the formats
     * DuckDB and its autoloaded extensions read, and of compression) at the end of the dotted name.
     */
    private static final Pattern FILE_LIKE = Pattern.compile(".*([/\\\\:*?\\[{~]|\\.(csv|tsv|tbl|txt|dat|parquet|json|jsonl"
            + "|ndjson|geojson|arrow|ipc|feather|avro|orc|xlsx|xls|db|duckdb|ddb|sqlite|sqlite3|gz|gzip|zst|zstd|bz2|xz"
            + "|lz4|zip|snappy)$).*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private FileLikeTableNames() {
    }

    /** Fails for the first table {@code tree} reads whose name looks like a file and that the catalog lacks. */
    static void refuse(Warehouse warehouse, Node tree, String contextCatalog, String contextDatabase) {
        for (List<String> parts : TrinoSql.tableNames(tree)) {
            if (FILE_LIKE.matcher(String.join(".", parts)).matches()
                    && warehouse.resolve(parts, contextCatalog, contextDatabase).isEmpty()) {
                throw missing(warehouse.catalog(), parts, position(tree, parts), contextCatalog, contextDatabase);
            }
        }
    }

    private static EngineFailure missing(CatalogStore store, List<String> parts, String position, String contextCatalog,
                                         String contextDatabase) {
        if (parts.size() > 3) {
            return EngineFailure.user("SYNTAX_ERROR", position + "Too many dots in table name: " + String.join(".", parts));
        }
        String catalogName = parts.size() == 3 ? parts.get(0)
                : contextCatalog == null ? DataCatalog.AWS_DATA_CATALOG.name() : contextCatalog;
        String database = parts.size() >= 2 ? parts.get(parts.size() - 2) : contextDatabase;
        Optional<DataCatalog> catalog = store.catalog(catalogName);
        if (catalog.isEmpty()) {
            return EngineFailure.user("CATALOG_NOT_FOUND", position + "Catalog '" + lower(catalogName)
                    + "' does not exist");
        }
        if (database == null) {
            return EngineFailure.user("MISSING_SCHEMA_NAME", position
                    + "Schema must be specified when session schema is not set");
        }
        if (store.database(catalog.get().name(), database).isEmpty()) {
            return EngineFailure.user("SCHEMA_NOT_FOUND", position + "Schema '" + lower(database) + "' does not exist");
        }
        return EngineFailure.user("TABLE_NOT_FOUND", position + "Table '" + catalog.get().engineName() + "."
                + lower(database) + "." + lower(parts.get(parts.size() - 1)) + "' does not exist");
    }

    /** Trino's {@code line L:C: } of the first reference to {@code parts} in {@code tree}, or "". */
    private static String position(Node tree, List<String> parts) {
        NodeLocation[] found = new NodeLocation[1];
        new DefaultTraversalVisitor<Void>() {
            @Override
            protected Void visitTable(Table node, Void context) {
                if (found[0] == null && node.getName().getParts().stream().map(FileLikeTableNames::lower).toList()
                        .equals(parts)) {
                    found[0] = node.getLocation().orElse(null);
                }
                return null;
            }
        }.process(tree, null);
        return found[0] == null ? "" : "line " + found[0].getLineNumber() + ":" + found[0].getColumnNumber() + ": ";
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
