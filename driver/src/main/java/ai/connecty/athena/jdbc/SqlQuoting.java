package ai.connecty.athena.jdbc;

import ai.connecty.athena.jdbc.errors.SqlState;
import ai.connecty.athena.jdbc.types.ReservedWords;
import ai.connecty.athena.jdbc.types.WellFormedText;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * Statement's enquote methods, by the rules of Athena's SQL (Trino) rather than JDBC 4.3's SQL:2003 defaults: a
 * string literal is {@code '...'} with quotes doubled and has no {@code N'...'} form, an identifier is
 * {@code "..."} with double quotes doubled, and a reserved word is only a name when quoted.
 */
final class SqlQuoting {
    private SqlQuoting() {
    }

    /** JDBC's "simple identifier": an ASCII letter, then ASCII letters, digits and underscores. */
    private static final Pattern REGULAR = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    /**
     * A name Athena reads bare: JDBC's simple identifier (1 to 128 characters) that is no reserved word, in any
     * case. False for null.
     */
    static boolean isSimpleIdentifier(String identifier) {
        return identifier != null && identifier.length() <= 128 && REGULAR.matcher(identifier).matches()
                && !ReservedWords.contains(identifier);
    }

    /**
     * A string literal: in single quotes, each single quote doubled. JDBC's javadoc has null throw a
     * NullPointerException; this driver lets nothing but SQLExceptions out (tools pass null), so HY024.
     * Text no literal can carry unchanged is refused with 22021: an unpaired surrogate (sent as {@code ?}) and
     * U+0000, which Athena's SQL lexer does not take inside a literal (a PreparedStatement parameter can hold it:
     * it is sent as {@code chr(0)}, an expression, which is no literal and so no answer here).
     */
    static String enquoteLiteral(String method, String value) throws SQLException {
        if (value == null) {
            throw new SQLException(method + ": the value is null; write NULL into the SQL for SQL NULL",
                    SqlState.INVALID_PARAMETER_VALUE);
        }
        WellFormedText.require(value, method + ": the value");
        int nul = value.indexOf('\u0000');
        if (nul >= 0) {
            throw new SQLDataException(method + ": the value contains the character U+0000 at index " + nul
                    + ", which no Athena string literal can hold; bind the value as a PreparedStatement parameter",
                    SqlState.CHARACTER_NOT_IN_REPERTOIRE);
        }
        return "'" + value.replace("'", "''") + "'";
    }

    /**
     * The identifier as Athena's SQL reads it: bare when simple and not {@code alwaysQuote}, as given when it is
     * quoted already (every inner double quote doubled), else in double quotes with its double quotes doubled.
     */
    static String enquoteIdentifier(String identifier, boolean alwaysQuote) throws SQLException {
        if (identifier == null) {
            throw new SQLException("enquoteIdentifier: the identifier is null; pass the name to quote",
                    SqlState.INVALID_PARAMETER_VALUE);
        }
        if (identifier.isEmpty()) {
            throw new SQLException("enquoteIdentifier: the identifier is empty; Athena names have 1 or more characters",
                    SqlState.INVALID_PARAMETER_VALUE);
        }
        if (identifier.indexOf('\u0000') >= 0) {
            throw new SQLException("enquoteIdentifier: the identifier contains the character U+0000, which no Athena "
                    + "name can hold", SqlState.INVALID_PARAMETER_VALUE);
        }
        WellFormedText.require(identifier, "enquoteIdentifier: the identifier");
        if (isSimpleIdentifier(identifier)) {
            return alwaysQuote ? '"' + identifier + '"' : identifier;
        }
        if (isQuoted(identifier)) {
            return identifier;
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** Whether the text is one quoted identifier: in double quotes, with each double quote inside doubled. */
    private static boolean isQuoted(String text) {
        if (text.length() < 3 || text.charAt(0) != '"' || text.charAt(text.length() - 1) != '"') {
            return false;
        }
        String inside = text.substring(1, text.length() - 1);
        return inside.replace("\"\"", "").indexOf('"') < 0;
    }
}
