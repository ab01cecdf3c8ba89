package ai.connecty.athena.local.sql;

/**
 * SQL identifiers written into the SQL athena-local hands DuckDB: double-quoted, inner quotes doubled (Trino and
 * DuckDB agree on this form). One place, so that a name with a quote in it cannot break out of any statement.
 */
public final class Identifiers {

    private Identifiers() {
    }

    /** {@code name} as a quoted identifier; quoting keeps its case in DuckDB. */
    public static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** {@code name} bare if it is a plain word ({@code [A-Za-z_][A-Za-z0-9_]*}), quoted otherwise. */
    public static String quoteIfNeeded(String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? name : quote(name);
    }
}
