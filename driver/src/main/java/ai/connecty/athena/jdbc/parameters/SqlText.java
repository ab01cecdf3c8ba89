package ai.connecty.athena.jdbc.parameters;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What the driver needs to know of a statement's text without parsing it: where its {@code ?} placeholders
 * are, counted as Athena counts them (never inside a string literal, a quoted or backquoted identifier, or a
 * comment), and its first keyword, which says whether Athena takes ExecutionParameters for it.
 */
public final class SqlText {
    private final String sql;
    private final List<Integer> placeholders;
    private final String firstKeyword;
    private final String secondKeyword;
    /** The first few words, upper case. */
    private final List<String> words;
    /** The index of the {@code ;} that ends the statement (only blanks and comments after it), or -1. */
    private final int terminator;
    /** Whether the word AS appears outside literals, quoted names and comments. */
    private final boolean asKeyword;

    private SqlText(String sql) {
        this.sql = sql;
        List<Integer> positions = new ArrayList<>();
        List<String> words = new ArrayList<>(2);
        int terminator = -1;
        boolean asKeyword = false;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                terminator = -1;
                i = endOfQuoted(sql, i);
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
            } else if (Character.isLetter(c)) {
                terminator = -1;
                int start = i;
                while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
                    i++;
                }
                if (words.size() < 4) {
                    words.add(sql.substring(start, i).toUpperCase(Locale.ROOT));
                }
                asKeyword |= i - start == 2 && sql.regionMatches(true, start, "AS", 0, 2);
            } else {
                if (c == '?') {
                    positions.add(i);
                }
                if (c == ';') {
                    terminator = i;
                } else if (!Character.isWhitespace(c)) {
                    terminator = -1;
                }
                i++;
            }
        }
        this.terminator = terminator;
        this.asKeyword = asKeyword;
        this.placeholders = Collections.unmodifiableList(positions);
        this.firstKeyword = words.isEmpty() ? "" : words.get(0);
        this.secondKeyword = words.size() < 2 ? "" : words.get(1);
        this.words = words;
    }

    public static SqlText of(String sql) {
        return new SqlText(sql);
    }

    /** The index after the quoted text that starts at {@code start}; a doubled quote stays inside. */
    static int endOfQuoted(String sql, int start) {
        char quote = sql.charAt(start);
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    public String sql() {
        return sql;
    }

    /**
     * The text without the {@code ;} that ends it, for embedding the statement in another (the describing
     * {@code SELECT * FROM (...) LIMIT 0}), where that {@code ;} would end the outer statement inside its
     * parentheses. The comments after it stay; the placeholders keep their positions (all are before it).
     */
    public String withoutTerminator() {
        return terminator < 0 ? sql : sql.substring(0, terminator) + " " + sql.substring(terminator + 1);
    }

    public int parameterCount() {
        return placeholders.size();
    }

    /** Positions of the placeholders in the text, in order. */
    public List<Integer> placeholders() {
        return placeholders;
    }

    /**
     * Whether Athena binds ExecutionParameters for this statement: queries and DML (SELECT, WITH, VALUES,
     * TABLE, INSERT, UNLOAD, CREATE TABLE AS, DELETE, UPDATE, MERGE). DDL and utility statements (SHOW, DESCRIBE,
     * ALTER, CREATE EXTERNAL TABLE, CREATE VIEW, EXPLAIN, MSCK...) do not: their values are rendered into the text.
     */
    public boolean takesExecutionParameters() {
        switch (firstKeyword) {
            case "SELECT":
            case "WITH":
            case "VALUES":
            case "TABLE":
            case "INSERT":
            case "UNLOAD":
            case "DELETE":
            case "UPDATE":
            case "MERGE":
                return true;
            case "CREATE":
                return isCtasAfterCreate();
            default:
                return sql.trim().startsWith("(");
        }
    }

    /**
     * CREATE TABLE t AS / CREATE TABLE t WITH (...) AS: the words after CREATE TABLE include AS, as a word of the
     * statement (after any white space, before anything), not inside a literal, a quoted name or a comment.
     */
    private boolean isCtasAfterCreate() {
        return "TABLE".equals(secondKeyword) && asKeyword;
    }

    /**
     * Whether the statement goes to Athena's Hive engine, whose string literals take backslash escapes (the
     * Trino engine doubles quotes instead): CREATE EXTERNAL TABLE, CREATE TABLE without AS, ALTER, DROP
     * TABLE/DATABASE/SCHEMA, CREATE DATABASE/SCHEMA, SHOW (except SHOW COLUMNS/VIEWS/CREATE VIEW), DESCRIBE, MSCK.
     */
    public boolean isHiveStatement() {
        switch (firstKeyword) {
            case "ALTER":
            case "MSCK":
            case "DESCRIBE":
            case "DESC":
                return true;
            case "SHOW":
                return !("COLUMNS".equals(secondKeyword) || "VIEWS".equals(secondKeyword)
                        || (words.size() > 2 && "VIEW".equals(words.get(2))));
            case "CREATE":
                return !"VIEW".equals(secondKeyword) && !"OR".equals(secondKeyword) && !takesExecutionParameters();
            case "DROP":
                return !"VIEW".equals(secondKeyword);
            default:
                return false;
        }
    }

    /** A query whose result columns can be described by running it with LIMIT 0. */
    public boolean isQuery() {
        switch (firstKeyword) {
            case "SELECT":
            case "WITH":
            case "VALUES":
            case "TABLE":
                return true;
            default:
                return sql.trim().startsWith("(");
        }
    }
}
