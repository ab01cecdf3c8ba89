package ai.connecty.athena.local.sql;

/**
 * A cast of text to tinyint, smallint, integer or bigint as Trino's FromVarchar casts it: Java's parseInt/parseLong
 * of the whole text, so only an optional sign and digits convert, and {@code '1.5'}, {@code ' 12 '} or {@code '1e3'}
 * fail with {@code INVALID_CAST_ARGUMENT: Cannot cast '1.5' to INT} (NULL under TRY_CAST or try), where DuckDB's
 * cast rounds a decimal text and trims blanks. A value out of the type's range fails in DuckDB's cast, whose error
 * athena-local already gives Trino's words.
 */
final class IntegerTextCasts {

    private IntegerTextCasts() {
    }

    /** Whether a cast to {@code target} from {@code source} is one of these (both types known). */
    static boolean applies(SqlType source, SqlType target) {
        return source != null && (source.is("varchar") || source.is("char")) && trinoName(target) != null;
    }

    /** The DuckDB text of the cast of {@code text} (printed) to {@code target}; {@code safe} for TRY_CAST. */
    static String cast(String text, SqlType target, boolean safe) {
        String digits = "regexp_full_match(" + text + ", '[+-]?[0-9]+')";
        String cast = (safe ? "TRY_CAST(" : "CAST(") + text + " AS " + target.duckDbName() + ")";
        if (safe) {
            return "CASE WHEN " + digits + " THEN " + cast + " END";
        }
        return "CASE WHEN (" + text + ") IS NULL OR " + digits + " THEN " + cast + " ELSE "
                + RaisedErrors.raise("INVALID_CAST_ARGUMENT", "'Cannot cast ''' || (" + text + ") || ''' to "
                + trinoName(target) + "'") + " END";
    }

    /** The type's name in Trino's message, or null for a type these casts do not cover. */
    private static String trinoName(SqlType type) {
        return type.is("tinyint") ? "TINYINT" : type.is("smallint") ? "SMALLINT" : type.is("integer") ? "INT"
                : type.is("bigint") ? "BIGINT" : null;
    }
}
