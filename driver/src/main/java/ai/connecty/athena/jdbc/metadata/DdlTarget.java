package ai.connecty.athena.jdbc.metadata;

import ai.connecty.athena.jdbc.execution.SqlTokens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionContext;
import software.amazon.awssdk.services.athena.model.StatementType;

/**
 * What a finished statement changed in the catalog, for the metadata cache: nothing, one database's tables,
 * a catalog's list of databases (plus that database's tables), or, when the statement cannot be read,
 * everything. Whether a statement is DDL comes from Athena's own classification of the execution (StatementType
 * DDL, or a SubstatementType such as CREATE_TABLE_AS_SELECT that some Athena versions file as DML); only the name
 * of the object is read from the statement text, after skipping comments.
 */
final class DdlTarget {
    private static final Set<String> SCHEMA_CHANGING_PREFIXES = new HashSet<>(Arrays.asList(
            "CREATE_", "DROP_", "ALTER_", "MSCK_", "RENAME_", "REPLACE_"));
    private static final Set<String> OBJECT_WORDS = new HashSet<>(Arrays.asList("TABLE", "VIEW", "DATABASE", "SCHEMA"));
    private static final Set<String> DATABASE_WORDS = new HashSet<>(Arrays.asList("DATABASE", "SCHEMA"));
    private static final Set<String> TEXT_DDL_WORDS = new HashSet<>(Arrays.asList("CREATE", "DROP", "ALTER", "MSCK"));
    private static final Set<String> IF_WORDS = new HashSet<>(Arrays.asList("IF", "NOT", "EXISTS"));

    private static final DdlTarget EVERYTHING = new DdlTarget(null, null, false);

    private final String catalog;
    private final String database;
    private final boolean databaseLevel;

    private DdlTarget(String catalog, String database, boolean databaseLevel) {
        this.catalog = catalog;
        this.database = database;
        this.databaseLevel = databaseLevel;
    }

    /** Empty when the statement changes no metadata (queries, INSERT, SHOW, DESCRIBE...). */
    static Optional<DdlTarget> of(QueryExecution execution, String defaultCatalog) {
        if (!changesMetadata(execution)) {
            return Optional.empty();
        }
        QueryExecutionContext context = execution.queryExecutionContext();
        return Optional.of(inContext(execution.query(), context == null ? null : context.catalog(),
                context == null ? null : context.database(), defaultCatalog));
    }

    /**
     * What the text of a statement whose outcome is unknown may have changed ({@link #mayChangeMetadata}); empty
     * when it is no DDL. {@code catalog} and {@code database} are the statement's context, null for the defaults.
     */
    static Optional<DdlTarget> ofText(String sql, String catalog, String database, String defaultCatalog) {
        return mayChangeMetadata(sql) ? Optional.of(inContext(sql, catalog, database, defaultCatalog)) : Optional.empty();
    }

    /** {@link #parse} in a statement's context, a missing catalog or database being the defaults Athena uses. */
    private static DdlTarget inContext(String sql, String catalog, String database, String defaultCatalog) {
        return parse(sql, catalog != null ? catalog : defaultCatalog, database != null ? database : "default");
    }

    static boolean changesMetadata(QueryExecution execution) {
        String substatement = execution.substatementType() == null ? ""
                : execution.substatementType().toUpperCase(Locale.ROOT);
        for (String prefix : SCHEMA_CHANGING_PREFIXES) {
            if (substatement.startsWith(prefix)) {
                return true;
            }
        }
        // A DDL statement Athena names with a SubstatementType this driver does not know yet.
        return execution.statementType() == StatementType.DDL && substatement.isEmpty();
    }

    /**
     * Whether the text of a statement whose outcome is unknown (it timed out, was cancelled, or its state could not
     * be read) may change metadata: it starts with CREATE, DROP, ALTER or MSCK, after comments. Athena's
     * classification of the execution is not at hand then, so only these words count.
     */
    static boolean mayChangeMetadata(String sql) {
        String first = sql == null ? null : new SqlTokens(sql).next();
        return first != null && TEXT_DDL_WORDS.contains(first.toUpperCase(Locale.ROOT));
    }

    /** The object a DDL statement names after TABLE, VIEW, DATABASE or SCHEMA; everything when unreadable. */
    static DdlTarget parse(String sql, String contextCatalog, String contextDatabase) {
        if (sql == null) {
            return EVERYTHING;
        }
        List<String> words = new ArrayList<>();
        List<List<String>> names = new ArrayList<>();
        SqlTokens tokens = new SqlTokens(sql);
        for (String word = tokens.next(); word != null; word = tokens.next()) {
            String upper = word.toUpperCase(Locale.ROOT);
            words.add(upper);
            if (OBJECT_WORDS.contains(upper)) {
                String next = tokens.next();
                while (next != null && IF_WORDS.contains(next.toUpperCase(Locale.ROOT))) {
                    next = tokens.next();
                }
                if (next == null) {
                    return EVERYTHING;
                }
                List<String> parts = tokens.qualifiedName(next);
                boolean database = DATABASE_WORDS.contains(upper);
                DdlTarget target = resolve(parts, database, contextCatalog, contextDatabase);
                return database ? target : withRenameDestination(target, tokens, contextCatalog, contextDatabase);
            }
            if (words.size() > 8) {
                break;
            }
        }
        // MSCK REPAIR TABLE is found above; anything else (OPTIMIZE t, VACUUM t ...) is read conservatively.
        return EVERYTHING;
    }

    /**
     * {@code ALTER TABLE a.t RENAME TO b.u} also changes database b (an unqualified destination is in the context
     * database, as Trino resolves it); a target cannot name two databases, so such a rename drops everything.
     */
    private static DdlTarget withRenameDestination(DdlTarget target, SqlTokens tokens, String contextCatalog,
                                                   String contextDatabase) {
        String word = tokens.next();
        if (target.isEverything() || word == null || !"RENAME".equalsIgnoreCase(word)) {
            return target;
        }
        String to = tokens.next();
        String first = to == null || !"TO".equalsIgnoreCase(to) ? null : tokens.next();
        if (first == null) {
            return EVERYTHING;
        }
        DdlTarget destination = resolve(tokens.qualifiedName(first), false, contextCatalog, contextDatabase);
        boolean sameDatabase = !destination.isEverything()
                && destination.catalog.equalsIgnoreCase(target.catalog)
                && destination.database.equalsIgnoreCase(target.database);
        return sameDatabase ? target : EVERYTHING;
    }

    private static DdlTarget resolve(List<String> parts, boolean databaseLevel, String contextCatalog,
                                     String contextDatabase) {
        if (parts.isEmpty() || parts.size() > 3) {
            return EVERYTHING;
        }
        if (databaseLevel) {
            if (parts.size() == 1) {
                return new DdlTarget(contextCatalog, parts.get(0), true);
            }
            return parts.size() == 2 ? new DdlTarget(parts.get(0), parts.get(1), true) : EVERYTHING;
        }
        switch (parts.size()) {
            case 1:
                return new DdlTarget(contextCatalog, contextDatabase, false);
            case 2:
                return new DdlTarget(contextCatalog, parts.get(0), false);
            default:
                return new DdlTarget(parts.get(0), parts.get(1), false);
        }
    }

    boolean isEverything() {
        return catalog == null;
    }

    boolean isDatabaseLevel() {
        return databaseLevel;
    }

    String catalog() {
        return catalog;
    }

    String database() {
        return database;
    }

    @Override
    public String toString() {
        return isEverything() ? "everything" : catalog + "." + database + (databaseLevel ? " (database)" : "");
    }
}
