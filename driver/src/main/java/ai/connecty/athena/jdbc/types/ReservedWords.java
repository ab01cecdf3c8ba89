package ai.connecty.athena.jdbc.types;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The words Athena's SQL parser takes only as keywords, never as bare names (its reserved words, with a few that
 * older engine versions reserve too). Quoting one more word than needed is harmless; one fewer breaks the
 * statement. Statement.enquoteIdentifier and the field names of a printed row type both quote them.
 */
public final class ReservedWords {
    private ReservedWords() {
    }

    private static final Set<String> WORDS = Collections.unmodifiableSet(new HashSet<>(Arrays.asList(
            "ALTER", "AND", "AS", "BETWEEN", "BY", "CASE", "CAST", "CONSTRAINT", "CREATE", "CROSS", "CUBE",
            "CURRENT_CATALOG", "CURRENT_DATE", "CURRENT_PATH", "CURRENT_ROLE", "CURRENT_SCHEMA", "CURRENT_TIME",
            "CURRENT_TIMESTAMP", "CURRENT_USER", "DEALLOCATE", "DELETE", "DESCRIBE", "DISTINCT", "DROP", "ELSE", "END",
            "ESCAPE", "EXCEPT", "EXECUTE", "EXISTS", "EXTRACT", "FALSE", "FIRST", "FOR", "FROM", "FULL", "GROUP",
            "GROUPING", "HAVING", "IN", "INNER", "INSERT", "INTERSECT", "INTO", "IS", "JOIN", "JSON_ARRAY",
            "JSON_EXISTS", "JSON_OBJECT", "JSON_QUERY", "JSON_TABLE", "JSON_VALUE", "LAST", "LEFT", "LIKE", "LISTAGG",
            "LOCALTIME", "LOCALTIMESTAMP", "NATURAL", "NORMALIZE", "NOT", "NULL", "OF", "ON", "OR", "ORDER", "OUTER",
            "PREPARE", "RECURSIVE", "RIGHT", "ROLLUP", "SELECT", "SKIP", "TABLE", "THEN", "TRIM", "TRUE", "UESCAPE",
            "UNION", "UNNEST", "USING", "VALUES", "WHEN", "WHERE", "WITH")));

    /** Whether {@code word}, in any case, is reserved. */
    public static boolean contains(String word) {
        return WORDS.contains(word.toUpperCase(Locale.ROOT));
    }
}
