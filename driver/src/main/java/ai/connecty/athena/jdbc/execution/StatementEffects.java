package ai.connecty.athena.jdbc.execution;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.StatementType;

/**
 * Whether a statement changed data or the catalog (what an emulated transaction cannot roll back), and a short
 * name of its kind that may be shown in messages (never its text, which may hold literals).
 *
 * <p>Decided from Athena's classification of the execution first: SubstatementType {@code SELECT}, {@code SHOW_*},
 * {@code DESCRIBE_*} and {@code DESC_*} are reads, {@code EXPLAIN} is a read unless it is an EXPLAIN ANALYZE of a
 * statement that writes (it runs the statement); every other SubstatementType writes, those this driver does not
 * know included (INSERT, UPDATE, DELETE, MERGE, CREATE_TABLE_AS_SELECT, UNLOAD, VACUUM_TABLE, MSCK_REPAIR, CREATE_*,
 * DROP_*, ALTER_* ...), because calling a write a read would let a rollback pass over it silently. Without a
 * SubstatementType, StatementType DDL writes and otherwise the text's first word decides, as for a statement whose
 * outcome is unknown ({@link #mayChangeDataOrCatalog(String)}).
 */
public final class StatementEffects {
    private static final Set<String> READ_WORDS = Collections.unmodifiableSet(new HashSet<>(Arrays.asList(
            "SELECT", "WITH", "VALUES", "TABLE", "SHOW", "DESCRIBE", "DESC")));
    private static final String[] READ_SUBSTATEMENT_PREFIXES = {"SHOW_", "DESCRIBE_", "DESC_"};

    private StatementEffects() {
    }

    /** Whether the finished execution changed data or the catalog, by Athena's classification (see the class). */
    public static boolean changesDataOrCatalog(QueryExecution execution) {
        String substatement = substatementType(execution);
        if (substatement.equals("SELECT")) {
            return false;
        }
        for (String prefix : READ_SUBSTATEMENT_PREFIXES) {
            if (substatement.startsWith(prefix)) {
                return false;
            }
        }
        if (substatement.equals("EXPLAIN")) {
            return mayChangeDataOrCatalog(execution.query());
        }
        if (!substatement.isEmpty()) {
            return true;
        }
        return execution.statementType() == StatementType.DDL || mayChangeDataOrCatalog(execution.query());
    }

    /**
     * Whether a statement with this text may change data or the catalog, for a statement whose execution Athena did
     * not classify for us (it timed out, was cancelled or its state could not be read): false only for the reads
     * SELECT, WITH, VALUES, TABLE, SHOW, DESCRIBE, DESC and an EXPLAIN that is not an EXPLAIN ANALYZE of a write,
     * after comments and opening parentheses. Anything else may write.
     */
    public static boolean mayChangeDataOrCatalog(String sql) {
        Words words = new Words(sql);
        String first = words.next();
        if (first == null) {
            return false;
        }
        if (first.equals("EXPLAIN")) {
            boolean analyze = false;
            String word = words.next();
            while ("ANALYZE".equals(word) || "VERBOSE".equals(word)) {
                analyze |= word.equals("ANALYZE");
                word = words.next();
            }
            // EXPLAIN (TYPE ..., FORMAT ...) takes options in parentheses, which Words skips as it skips "(".
            while (word != null && isExplainOption(word)) {
                word = words.next();
            }
            return analyze && word != null && !READ_WORDS.contains(word);
        }
        return !READ_WORDS.contains(first);
    }

    private static boolean isExplainOption(String word) {
        return word.equals("TYPE") || word.equals("FORMAT") || word.equals("LOGICAL") || word.equals("DISTRIBUTED")
                || word.equals("VALIDATE") || word.equals("IO") || word.equals("TEXT") || word.equals("GRAPHVIZ")
                || word.equals("JSON");
    }

    /** SubstatementType, else StatementType, else "statement": a kind to name in messages, never the SQL text. */
    public static String kind(QueryExecution execution) {
        String substatement = substatementType(execution);
        if (!substatement.isEmpty()) {
            return substatement;
        }
        StatementType type = execution.statementType();
        return type == null || type == StatementType.UNKNOWN_TO_SDK_VERSION ? kind(execution.query()) : type.toString();
    }

    /** The text's first keyword in upper case ("INSERT"), or "statement": never more of the text than that. */
    public static String kind(String sql) {
        String first = new Words(sql).next();
        return first == null || !first.chars().allMatch(c -> c >= 'A' && c <= 'Z') ? "statement" : first;
    }

    private static String substatementType(QueryExecution execution) {
        String value = execution.substatementType();
        return value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
    }

    /**
     * The words of a statement in upper case, skipping parentheses and commas; a quoted name or another symbol
     * reads as "?" and ends the words, so that no literal or name is ever taken for a keyword.
     */
    private static final class Words {
        private final SqlTokens tokens;
        private boolean ended;

        Words(String sql) {
            this.tokens = new SqlTokens(sql == null ? "" : sql);
        }

        String next() {
            if (ended) {
                return null;
            }
            for (String token = tokens.next(); token != null; token = tokens.next()) {
                if (token.equals("(") || token.equals(")") || token.equals(",")) {
                    continue;
                }
                if (SqlTokens.isWord(token)) {
                    return token.toUpperCase(Locale.ROOT);
                }
                ended = true;
                return "?";
            }
            return null;
        }
    }
}
