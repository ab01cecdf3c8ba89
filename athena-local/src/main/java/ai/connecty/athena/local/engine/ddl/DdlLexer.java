package ai.connecty.athena.local.engine.ddl;

import ai.connecty.athena.local.engine.ddl.DdlToken.Kind;
import java.util.ArrayList;
import java.util.List;

/** Splits statement text into tokens, respecting strings, quoted identifiers and both comment styles. */
public final class DdlLexer {

    private DdlLexer() {
    }

    /** Hive rules: backslash escapes inside strings (DDL); otherwise Trino rules, where {@code '\\'} is one backslash. */
    public static List<DdlToken> tokenize(String sql, boolean hiveEscapes) {
        List<DdlToken> tokens = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (c == '\'') {
                int end = closing(sql, i, '\'', hiveEscapes);
                tokens.add(new DdlToken(Kind.STRING, sql.substring(i, end), i, end));
                i = end;
            } else if (c == '"') {
                int end = closing(sql, i, '"', false);
                tokens.add(new DdlToken(Kind.QUOTED_IDENTIFIER, sql.substring(i, end), i, end));
                i = end;
            } else if (c == '`') {
                int end = closing(sql, i, '`', false);
                tokens.add(new DdlToken(Kind.BACKQUOTED_IDENTIFIER, sql.substring(i, end), i, end));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                    end++;
                }
                tokens.add(new DdlToken(Kind.WORD, sql.substring(i, end), i, end));
                i = end;
            } else if (Character.isDigit(c)) {
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
                    end++;
                }
                tokens.add(new DdlToken(Kind.NUMBER, sql.substring(i, end), i, end));
                i = end;
            } else {
                tokens.add(new DdlToken(Kind.SYMBOL, String.valueOf(c), i, i + 1));
                i++;
            }
        }
        return tokens;
    }

    /** Index after the closing quote; a doubled quote (and for strings a backslash) escapes it. */
    private static int closing(String sql, int open, char quote, boolean backslashEscapes) {
        int i = open + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\' && backslashEscapes && i + 1 < sql.length()) {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }
}
