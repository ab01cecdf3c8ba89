package ai.connecty.athena.local.athena;

import ai.connecty.athena.local.catalog.DataCatalog;
import ai.connecty.athena.local.engine.ddl.DdlLexer;
import ai.connecty.athena.local.engine.ddl.DdlToken;
import ai.connecty.athena.local.sql.SqlStatement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * How GetQueryExecution shows a statement whose object name is qualified (measured-behaviour §6.1): Athena shows
 * {@code DESCRIBE db.t} as {@code DESCRIBE t} run in database {@code db} (tables only: a view keeps its
 * qualifier), and drops the {@code awsdatacatalog.} prefix from the Hive-path statements that name a table or
 * database, while SELECT, INSERT, CTAS, CREATE VIEW, EXPLAIN and SHOW VIEWS keep it.
 */
final class ShownStatement {

    /** Hive-path statements whose {@code awsdatacatalog.} prefix Athena drops (besides DESCRIBE_TABLE). */
    private static final Set<String> PREFIX_DROPPED = Set.of("SHOW_COLUMNS", "SHOW_CREATE_TABLE", "SHOW_TABLES",
            "SHOW_TABLE_PROPERTIES", "DROP_TABLE");

    /** The statement GetQueryExecution shows and the database it runs in. */
    record Rewritten(String statement, String database) {
    }

    private ShownStatement() {
    }

    /**
     * The statement as Athena records it, and the database it runs in; read from the tokens the statement was lexed
     * into at StartQueryExecution (Trino-path statements are shown as written).
     */
    static Rewritten of(SqlStatement parsed, String substatementType, String contextCatalog, String contextDatabase) {
        String statement = parsed.text();
        if (parsed.onTrinoPath()) {
            return new Rewritten(statement, contextDatabase);
        }
        List<DdlToken> tokens = DdlLexer.of(parsed.hiveTokens());
        if (substatementType.equals("DESCRIBE_TABLE")) {
            return describe(statement, tokens, contextCatalog).orElse(new Rewritten(statement, contextDatabase));
        }
        if (PREFIX_DROPPED.contains(substatementType) || substatementType.startsWith("ALTER_TABLE")) {
            return new Rewritten(withoutCatalogPrefix(statement, tokens, contextCatalog), contextDatabase);
        }
        return new Rewritten(statement, contextDatabase);
    }

    /** Drops the first {@code awsdatacatalog.} that starts a name, when the query runs in that catalog anyway. */
    private static String withoutCatalogPrefix(String statement, List<DdlToken> t, String contextCatalog) {
        for (int i = 0; i + 2 < t.size(); i++) {
            boolean startsName = i == 0 || !t.get(i - 1).isSymbol(".");
            if (startsName && t.get(i).isIdentifier() && isDefaultCatalog(t.get(i).identifier(), contextCatalog)
                    && t.get(i + 1).isSymbol(".") && t.get(i + 2).isIdentifier()) {
                return statement.substring(0, t.get(i).start()) + statement.substring(t.get(i + 2).start());
            }
        }
        return statement;
    }

    private static Optional<Rewritten> describe(String statement, List<DdlToken> t, String contextCatalog) {
        int i = 0;
        if (t.isEmpty() || !(t.get(0).isWord("DESCRIBE") || t.get(0).isWord("DESC"))) {
            return Optional.empty();
        }
        i++;
        if (i < t.size() && (t.get(i).isWord("EXTENDED") || t.get(i).isWord("FORMATTED"))) {
            i++;
        }
        int first = i;
        int last = i;
        int parts = 0;
        while (last < t.size() && t.get(last).isIdentifier()) {
            parts++;
            if (last + 2 < t.size() && t.get(last + 1).isSymbol(".")) {
                last += 2;
            } else {
                break;
            }
        }
        if (parts == 3 && !isDefaultCatalog(t.get(first).identifier(), contextCatalog)) {
            return Optional.empty();
        }
        if (parts != 2 && parts != 3) {
            return Optional.empty();
        }
        DdlToken database = t.get(last - 2);
        DdlToken table = t.get(last);
        String shown = statement.substring(0, t.get(first).start()) + table.text() + statement.substring(table.end());
        return Optional.of(new Rewritten(shown, database.identifier()));
    }

    /** A three-part name is shortened only when its catalog is the one the query runs in anyway. */
    private static boolean isDefaultCatalog(String catalog, String contextCatalog) {
        String engineName = DataCatalog.AWS_DATA_CATALOG.engineName();
        return catalog.equals(engineName)
                && (contextCatalog == null || contextCatalog.toLowerCase(Locale.ROOT).equals(engineName));
    }
}
