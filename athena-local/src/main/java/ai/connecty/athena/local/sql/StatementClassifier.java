package ai.connecty.athena.local.sql;

import io.trino.sql.tree.CreateMaterializedView;
import io.trino.sql.tree.CreateTableAsSelect;
import io.trino.sql.tree.CreateView;
import io.trino.sql.tree.Delete;
import io.trino.sql.tree.Explain;
import io.trino.sql.tree.ExplainAnalyze;
import io.trino.sql.tree.Insert;
import io.trino.sql.tree.Merge;
import io.trino.sql.tree.Query;
import io.trino.sql.tree.Statement;
import io.trino.sql.tree.Update;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * StatementType and SubstatementType as Athena reports them (measured-behaviour §6.2): from the class of Trino's
 * tree for statements on the Trino path, from the first keywords for Hive DDL and utility statements.
 */
public final class StatementClassifier {

    public static final String DML = "DML";
    public static final String DDL = "DDL";
    public static final String UTILITY = "UTILITY";

    private static final Classification SELECT = new Classification(DML, "SELECT");
    /** UNLOAD: DML, as Athena's UNLOAD documentation says it counts against the DML query quota (unmeasured). */
    static final Classification UNLOAD = new Classification(DML, "UNLOAD");

    /** First words of the statements Trino's grammar parses (besides CREATE VIEW and CTAS, see below). */
    private static final Set<String> TRINO_FIRST_WORDS = Set.of("select", "with", "values", "table", "explain",
            "insert", "update", "delete", "merge", "prepare", "execute", "deallocate");

    private StatementClassifier() {
    }

    /**
     * Whether a statement goes to Trino's grammar: queries, EXPLAIN, INSERT, UPDATE, DELETE, MERGE, CREATE [OR
     * REPLACE] [MATERIALIZED] VIEW and CREATE TABLE ... AS query. Everything else (Hive DDL, SHOW, DESCRIBE, MSCK,
     * VACUUM, OPTIMIZE ...) is Hive's or Athena's own and goes to the DDL parser. Decided on the first keywords,
     * before any parse, as Athena decides which engine gets a statement.
     */
    static boolean isTrinoPath(List<Token> tokens) {
        int i = 0;
        while (i < tokens.size() && tokens.get(i).isSymbol("(")) {
            i++;
        }
        if (i == tokens.size()) {
            return false;
        }
        if (i > 0) {
            return true;
        }
        Words words = new Words(tokens, i);
        if (TRINO_FIRST_WORDS.contains(words.at(0))) {
            return true;
        }
        if (!words.at(0).equals("create")) {
            return false;
        }
        int k = 1;
        if (words.at(k).equals("or") && words.at(k + 1).equals("replace")) {
            k += 2;
        }
        return words.at(k).equals("view") || words.at(k).equals("materialized")
                || words.at(k).equals("table") && words.hasTopLevelQueryBody(k);
    }

    /**
     * Statements whose strings are Trino's although they do not go to Trino's grammar as a whole: UNLOAD's query is
     * Trino's, as are the statements PREPARE carries and the values EXECUTE binds.
     */
    private static final Set<String> TRINO_STRING_STATEMENTS = Set.of("unload", "prepare", "execute", "deallocate");

    /** Significant tokens {@link #takesHiveStrings} needs at most. */
    static final int HIVE_STRINGS_LOOKAHEAD = 16;

    /**
     * Whether the string literals of a statement starting with these significant tokens take Hive's backslash
     * escapes ({@code 'it\'s'}), as the statements of the Hive path do, or are Trino's (a backslash is itself).
     * Decided before the statement's first string literal is lexed, on its first keywords: what {@link #isTrinoPath}
     * routes to Hive, where a CREATE TABLE counts as Hive's when its name is followed by a typed column list
     * ({@code (id int, ...)}; a CTAS names its columns without types, and has no strings before its {@code AS} that
     * a backslash could end early but its {@code COMMENT} and {@code WITH} properties).
     */
    static boolean takesHiveStrings(List<Token> leading) {
        if (leading.isEmpty() || leading.get(0).isSymbol("(")) {
            return false;
        }
        Words words = new Words(leading, 0);
        String first = words.at(0);
        if (first.isEmpty() || TRINO_FIRST_WORDS.contains(first) || TRINO_STRING_STATEMENTS.contains(first)) {
            return false;
        }
        if (!first.equals("create")) {
            return true;
        }
        int k = 1;
        if (words.at(k).equals("or") && words.at(k + 1).equals("replace")) {
            k += 2;
        }
        String what = words.at(k);
        if (what.equals("view") || what.equals("materialized")) {
            return false;
        }
        if (!what.equals("table")) {
            return true;
        }
        int i = k + 1;
        if (words.at(i).equals("if")) {
            i += words.at(i + 1).equals("not") ? 3 : 2;
        }
        if (i >= leading.size() || !isName(leading.get(i))) {
            return false;
        }
        while (i + 2 < leading.size() && leading.get(i + 1).isSymbol(".") && isName(leading.get(i + 2))) {
            i += 2;
        }
        return i + 3 < leading.size() && leading.get(i + 1).isSymbol("(") && isName(leading.get(i + 2))
                && leading.get(i + 3).kind() == Token.Kind.WORD;
    }

    private static boolean isName(Token token) {
        return token.kind() == Token.Kind.WORD || token.kind() == Token.Kind.QUOTED_IDENTIFIER
                || token.kind() == Token.Kind.BACKQUOTED_IDENTIFIER;
    }

    /** Classifies a statement Trino's grammar parsed, by the class of its tree. */
    public static Classification classify(Statement tree) {
        if (tree instanceof Query) {
            return SELECT;
        }
        if (tree instanceof Insert) {
            return new Classification(DML, "INSERT");
        }
        if (tree instanceof Update) {
            return new Classification(DML, "UPDATE");
        }
        if (tree instanceof Delete) {
            return new Classification(DML, "DELETE");
        }
        if (tree instanceof Merge) {
            return new Classification(DML, "MERGE");
        }
        if (tree instanceof Explain || tree instanceof ExplainAnalyze) {
            return new Classification(DML, "EXPLAIN");
        }
        if (tree instanceof CreateTableAsSelect) {
            return new Classification(DDL, "CREATE_TABLE_AS_SELECT");
        }
        if (tree instanceof CreateView || tree instanceof CreateMaterializedView) {
            return new Classification(DDL, "CREATE_VIEW");
        }
        // Not reached through isTrinoPath; named after the tree's class as Athena names the rest.
        return new Classification(UTILITY, tree.getClass().getSimpleName()
                .replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
    }

    /**
     * Classifies a statement by its first keywords; leading whitespace, comments and opening parentheses are
     * skipped. The statement entry point ({@link SqlStatement#parse}) uses this for the Hive path only.
     */
    public static Classification classify(String normalizedSql) {
        return classify(SqlLexer.significant(normalizedSql));
    }

    /** As {@link #classify(String)}, on the statement's significant tokens. */
    static Classification classify(List<Token> tokens) {
        int i = 0;
        while (i < tokens.size() && tokens.get(i).isSymbol("(")) {
            i++;
        }
        if (i == tokens.size()) {
            return SELECT;
        }
        Words words = new Words(tokens, i);
        return switch (words.at(0)) {
            case "select", "with", "values", "table" -> SELECT;
            case "insert" -> new Classification(DML, "INSERT");
            case "update" -> new Classification(DML, "UPDATE");
            case "delete" -> new Classification(DML, "DELETE");
            case "merge" -> new Classification(DML, "MERGE");
            case "explain" -> new Classification(DML, "EXPLAIN");
            case "unload" -> UNLOAD;
            case "vacuum" -> new Classification(DML, "VACUUM_TABLE");
            case "optimize" -> new Classification(DDL, "CREATE_TABLE_AS_SELECT");
            case "create" -> classifyCreate(words);
            case "drop" -> classifyDrop(words);
            case "alter" -> classifyAlter(words);
            case "msck" -> new Classification(DDL, "MSCK_REPAIR");
            case "show" -> classifyShow(words);
            case "describe", "desc" -> new Classification(UTILITY, "DESCRIBE_TABLE");
            default -> new Classification(UTILITY, words.at(0).toUpperCase(Locale.ROOT));
        };
    }

    /**
     * Athena reports DESCRIBE and SHOW COLUMNS on a view as {@code UTILITY/DESC_VIEW}; only the caller knows
     * whether the object is a view, so it asks for this after resolving the name.
     */
    public static Classification forView(Classification classification) {
        String sub = classification.substatementType();
        if (sub.equals("DESCRIBE_TABLE") || sub.equals("SHOW_COLUMNS")) {
            return new Classification(UTILITY, "DESC_VIEW");
        }
        return classification;
    }

    private static Classification classifyCreate(Words words) {
        int i = 1;
        if (words.at(i).equals("or") && words.at(i + 1).equals("replace")) {
            i += 2;
        }
        while (words.at(i).equals("external") || words.at(i).equals("temporary") || words.at(i).equals("protected")
                || words.at(i).equals("multi")) {
            i++;
        }
        return switch (words.at(i)) {
            case "database", "schema" -> new Classification(DDL, "CREATE_DATABASE");
            case "view", "materialized" -> new Classification(DDL, "CREATE_VIEW");
            case "table" -> new Classification(DDL,
                    words.hasTopLevelQueryBody(i) ? "CREATE_TABLE_AS_SELECT" : "CREATE_TABLE");
            default -> new Classification(DDL, "CREATE_" + words.at(i).toUpperCase(Locale.ROOT));
        };
    }

    private static Classification classifyDrop(Words words) {
        return switch (words.at(1)) {
            case "database", "schema" -> new Classification(DDL, "DROP_DATABASE");
            case "view" -> new Classification(DDL, "DROP_VIEW");
            default -> new Classification(DDL, "DROP_TABLE");
        };
    }

    private static Classification classifyAlter(Words words) {
        if (words.at(1).equals("database") || words.at(1).equals("schema")) {
            // Athena's name for it is not measured; named as its other statements are.
            return new Classification(DDL, "ALTER_DATABASE");
        }
        for (int i = 3; i < words.size(); i++) {
            String sub = switch (words.at(i)) {
                case "add" -> words.following(i, "partition") ? "ALTER_TABLE_ADD_PARTITION" : "ALTER_TABLE_ADD_COLUMN";
                case "drop" -> words.following(i, "partition") ? "ALTER_TABLE_DROP_PARTITION" : "ALTER_TABLE_DROP_COLUMN";
                case "tblproperties" -> "ALTER_TABLE_PROPERTIES";
                case "location" -> "ALTER_TABLE_SET_LOCATION";
                case "replace" -> "ALTER_TABLE_REPLACE_COLUMN";
                // RENAME PARTITION's own name is assumed (not measured), after ADD/DROP PARTITION's.
                case "rename" -> words.following(i, "partition") ? "ALTER_TABLE_RENAME_PARTITION" : "ALTER_TABLE_RENAME";
                case "change" -> "ALTER_TABLE_CHANGE_COLUMN";
                default -> null;
            };
            if (sub != null) {
                return new Classification(DDL, sub);
            }
        }
        return new Classification(DDL, "ALTER_TABLE");
    }

    private static Classification classifyShow(Words words) {
        String sub = switch (words.at(1)) {
            case "tables" -> "SHOW_TABLES";
            case "databases", "schemas" -> "SHOW_DATABASES";
            case "columns" -> "SHOW_COLUMNS";
            case "create" -> words.at(2).equals("view") ? "SHOW_CREATE_VIEW" : "SHOW_CREATE_TABLE";
            case "partitions" -> "SHOW_PARTITIONS";
            case "tblproperties" -> "SHOW_TABLE_PROPERTIES";
            case "functions" -> "SHOW_FUNCTIONS";
            case "views" -> "SHOW_VIEWS";
            default -> "SHOW_" + words.at(1).toUpperCase(Locale.ROOT);
        };
        return new Classification(UTILITY, sub);
    }

    private static final Set<String> QUERY_START = Set.of("select", "with", "values", "table");

    private static boolean startsQuery(Token token) {
        return token.isSymbol("(") || token.kind() == Token.Kind.WORD && QUERY_START.contains(token.lower());
    }

    /** Lower-cased words of a statement, from a starting token; non-words read as "". */
    private record Words(List<Token> tokens, int offset) {

        String at(int index) {
            int i = offset + index;
            if (i >= tokens.size() || tokens.get(i).kind() != Token.Kind.WORD) {
                return "";
            }
            return tokens.get(i).lower();
        }

        int size() {
            return tokens.size() - offset;
        }

        /** Whether the next few words after {@code index} include {@code word} (skipping IF [NOT] EXISTS). */
        boolean following(int index, String word) {
            for (int i = index + 1; i <= index + 4; i++) {
                if (at(i).equals(word)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether a top-level AS is followed by a query (CTAS), unlike the AS of {@code STORED AS PARQUET}. */
        boolean hasTopLevelQueryBody(int from) {
            int depth = 0;
            for (int i = offset + from; i < tokens.size(); i++) {
                Token token = tokens.get(i);
                if (token.isSymbol("(")) {
                    depth++;
                } else if (token.isSymbol(")")) {
                    depth--;
                } else if (depth == 0 && token.isWord("as") && i + 1 < tokens.size()
                        && startsQuery(tokens.get(i + 1))) {
                    return true;
                }
            }
            return false;
        }
    }
}
