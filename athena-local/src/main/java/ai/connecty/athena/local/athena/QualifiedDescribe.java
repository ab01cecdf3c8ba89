package ai.connecty.athena.local.athena;

import ai.connecty.athena.local.catalog.DataCatalog;
import ai.connecty.athena.local.engine.ddl.DdlLexer;
import ai.connecty.athena.local.engine.ddl.DdlToken;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Athena shows {@code DESCRIBE db.t} as {@code DESCRIBE t} run in database {@code db}, and drops an
 * {@code awsdatacatalog.} prefix the same way (measured-behaviour §6.1). Only for tables: a view keeps its
 * qualifier, so callers apply this to DESCRIBE_TABLE statements only.
 */
final class QualifiedDescribe {

    /** The statement GetQueryExecution shows and the database it runs in. */
    record Rewritten(String statement, String database) {
    }

    private QualifiedDescribe() {
    }

    static Optional<Rewritten> of(String statement, String contextCatalog) {
        List<DdlToken> t = DdlLexer.tokenize(statement, true);
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
