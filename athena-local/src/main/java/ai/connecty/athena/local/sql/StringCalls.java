package ai.connecty.athena.local.sql;

import ai.connecty.athena.local.sql.Calls.Arg;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Trino's string functions where DuckDB's namesake answers otherwise: strpos with an instance (a Java function),
 * split with a limit, replace with an empty search, substr out of range. TrinoFunctionsAuditMtoZTest checks them
 * against Trino's documentation and code.
 */
final class StringCalls {

    /** {@code athena_strpos(string, substring, instance)}: Trino's strpos with an instance (a Java function). */
    static final String STRPOS = "athena_strpos";

    private StringCalls() {
    }


    /**
     * Trino's strpos is a bigint; with an instance it is the position of that occurrence (counted from the end when
     * negative), which DuckDB's strpos does not take.
     */
    static String strpos(List<Arg> a) {
        if (a.size() == 2) {
            return "CAST(strpos(" + a.get(0).sql() + ", " + a.get(1).sql() + ") AS BIGINT)";
        }
        return STRPOS + "(" + a.get(0).sql() + ", " + a.get(1).sql() + ", CAST(" + a.get(2).sql() + " AS VARCHAR))";
    }

    /** Trino's StringFunctions.stringPosition with an instance. */
    static Long strpos(String string, String substring, long instance) {
        if (instance == 0) {
            throw RaisedErrors.invalidArgumentError("'instance' must be a positive or negative number.");
        }
        if (substring.isEmpty()) {
            return 1L;
        }
        int index = instance > 0 ? -1 : string.length();
        long found = 0;
        do {
            index = instance > 0 ? string.indexOf(substring, index + 1) : string.lastIndexOf(substring, index - 1);
            if (index < 0) {
                return 0L;
            }
            found++;
        } while (found < Math.abs(instance));
        return (long) string.codePointCount(0, index) + 1;
    }

    static void register(Connection duck) throws SQLException {
        JavaFunctions.ofTextList(duck, STRPOS, Long.class, v -> v[0] == null || v[1] == null || v[2] == null ? null
                : strpos((String) v[0], (String) v[1], Long.parseLong((String) v[2])));
    }

    /**
     * Trino's split (StringFunctions.split) refuses an empty delimiter, where DuckDB splits into characters, and
     * takes a limit: the last of at most limit parts keeps the rest of the string.
     */
    static String split(List<Arg> a) {
        String string = "(" + a.get(0).sql() + ")";
        String delimiter = "(" + a.get(1).sql() + ")";
        String parts = "str_split(" + string + ", " + delimiter + ")";
        String checked = "CASE WHEN " + delimiter + " = '' THEN "
                + RaisedErrors.invalidArgument("The delimiter may not be the empty string") + " ELSE ";
        if (a.size() == 2) {
            return checked + parts + " END";
        }
        String limit = "(" + a.get(2).sql() + ")";
        return "CASE WHEN " + limit + " <= 0 THEN " + RaisedErrors.invalidArgument("Limit must be positive") + " WHEN " + limit
                + " > 2147483647 THEN " + RaisedErrors.invalidArgument("Limit is too large") + " ELSE " + checked + "CASE WHEN len("
                + parts + ") <= " + limit + " THEN " + parts + " ELSE list_concat(list_slice(" + parts + ", 1, "
                + limit + " - 1), [array_to_string(list_slice(" + parts + ", " + limit + ", len(" + parts + ")), "
                + delimiter + ")]) END END END";
    }

    /**
     * Trino's replace with an empty search inserts the replacement before every character and at the end
     * (StringFunctions.replace: replace('abc', '', 'x') is 'xaxbxcx'); DuckDB's returns the string unchanged. An empty
     * regular expression matches at each of those places; the replacement's backslashes are escaped for RE2.
     */
    static String replace(List<Arg> a) {
        String string = a.get(0).sql();
        String search = "(" + a.get(1).sql() + ")";
        String replacement = a.size() == 2 ? "''" : "(" + a.get(2).sql() + ")";
        return "CASE WHEN " + search + " = '' THEN regexp_replace(" + string + ", '', replace(" + replacement
                + ", '\\', '\\\\'), 'g') ELSE replace(" + string + ", " + search + ", " + replacement + ") END";
    }

    /**
     * Trino's substr of a varchar (StringFunctions.substr) is empty for a start of 0, a length below 1 or a negative
     * start before the first character; DuckDB's reads 0 as 1 and a negative length backwards.
     */
    static String substr(List<Arg> a) {
        String string = "(" + a.get(0).sql() + ")";
        String start = "(" + a.get(1).sql() + ")";
        String empty = start + " = 0 OR " + start + " < -length(" + string + ")"
                + (a.size() > 2 ? " OR (" + a.get(2).sql() + ") <= 0" : "");
        return "CASE WHEN " + empty + " THEN '' ELSE substr(" + a.stream().map(Arg::sql)
                .collect(java.util.stream.Collectors.joining(", ")) + ") END";
    }
}
