package ai.connecty.athena.local.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Trino's {@code char(n)} where the translation knows a value is one (a cast, a {@code CHAR '…'} literal, a catalog
 * column declared char, a column of a WITH query, derived table or VALUES filled with such): DuckDB has one string
 * type, and a char is a varchar to it. In Trino a char(n) value always has n characters, its trailing spaces
 * implied: it coerces to {@code varchar(n)} padded with spaces to n (the only implicit coercion of a char, which
 * every function taking a varchar and {@code ||} go through), {@code length} of it is n, and two chars compare
 * padded to the longer length (their common type), so trailing spaces do not matter (trinodb/trino
 * {@code TypeCoercion.coerceTypeBase}, {@code CharacterStringCasts.charToVarcharCast}, {@code StringFunctions.charLength}).
 * <p>
 * The translation therefore pads a char value to n wherever it is read as text: compared, passed to a function or
 * {@code ||}, cast to varchar; and a cast to char(n) yields its value padded. Padding where the value is read,
 * rather than holding chars trimmed as Trino does and comparing with {@code rtrim}, is one rule for every reading
 * (the coercion to varchar is a padding, so a comparison with a varchar, {@code length}, {@code rpad} and
 * {@code ||} come out right without a case of their own), and it holds for table data written with or without
 * the padding. A cast of a char to anything but text reads the text without its padding, as Trino parses the value
 * it holds. Expressions of unknown type are printed as before.
 */
final class CharValues {

    private CharValues() {
    }

    /** Whether {@code type} is a char. */
    static boolean isChar(SqlType type) {
        return type != null && type.is("char");
    }

    /** Whether {@code type} is or holds a char (an array of char, a row with a char field …). */
    static boolean holdsChar(SqlType type) {
        return type != null && (type.is("char") || type.children().stream().anyMatch(CharValues::holdsChar));
    }

    /** The length of a char type ({@code char} alone is char(1)). */
    static int length(SqlType charType) {
        return charType.length() == SqlType.UNBOUNDED ? 1 : charType.length();
    }

    /** {@code sql}, a value of {@code type}, as text: a char padded to its length, anything else as it is. */
    static String asText(String sql, SqlType type) {
        return isChar(type) ? padded(sql, length(type)) : sql;
    }

    /** {@code sql} padded with spaces (or cut) to {@code length} characters. */
    static String padded(String sql, int length) {
        return "rpad(" + sql + ", " + length + ", ' ')";
    }

    /** The text a char holds without its padding: what Trino parses when it casts a char to a number or boolean. */
    static String unpadded(String sql) {
        return "rtrim(" + sql + ", ' ')";
    }

    /**
     * Operands compared with each other ({@code =}, {@code <}, {@code IN}, {@code BETWEEN} …), printed as
     * {@code sqls} and of {@code types} (null where unknown): the chars padded to the longest char length among
     * them, as Trino coerces them to their common type (a char(m) widens to char(n), a char(n) meets a varchar as
     * varchar(n)); the same list where none is a char.
     */
    static List<String> compared(List<String> sqls, List<SqlType> types) {
        int longest = -1;
        for (SqlType type : types) {
            if (isChar(type)) {
                longest = Math.max(longest, length(type));
            }
        }
        if (longest < 0) {
            return sqls;
        }
        List<String> compared = new ArrayList<>(sqls.size());
        for (int i = 0; i < sqls.size(); i++) {
            compared.add(isChar(types.get(i)) ? padded(sqls.get(i), longest) : sqls.get(i));
        }
        return compared;
    }
}
