package ai.connecty.athena.local.sql;

import java.util.Set;

/**
 * Function names that DuckDB runs and Trino (so Athena) does not have: a call fails before it runs with
 * FUNCTION_NOT_FOUND, as on Athena, where DuckDB would have answered. Only calls in the tree are checked, so the
 * names stay usable for columns and aliases.
 *
 * <p>They are the names SQL written for other databases brings along, as ORMs' PostgreSQL dialects write it:
 * {@code character_length}/{@code char_length} (Trino has {@code length}), and {@code x = any(?)} with an array, which
 * Trino's grammar reads as a call of a function {@code any} (its ANY, SOME and ALL quantify a subquery only).
 */
final class DuckDbOnlyFunctions {

    private static final Set<String> NAMES = Set.of("any", "some", "all", "character_length", "char_length");

    private DuckDbOnlyFunctions() {
    }

    static boolean contains(String lowerCaseName) {
        return NAMES.contains(lowerCaseName);
    }
}
