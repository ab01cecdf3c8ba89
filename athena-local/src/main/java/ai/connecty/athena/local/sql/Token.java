package ai.connecty.athena.local.sql;

import java.util.Locale;

/** One lexical unit of a SQL text, with its position in the original string. */
public record Token(Kind kind, String text, int start) {

    public enum Kind {
        /** Unquoted identifier or keyword. */
        WORD,
        /** {@code "..."} identifier ({@code ""} escapes a quote). */
        QUOTED_IDENTIFIER,
        /** {@code `...`} identifier (Hive style, accepted by Athena DDL). */
        BACKQUOTED_IDENTIFIER,
        /** {@code '...'} string literal ({@code ''} escapes a quote). */
        STRING,
        /** {@code X'0102'} binary literal. */
        BINARY_STRING,
        NUMBER,
        /** Operator or punctuation, longest match ({@code ->}, {@code ||}, {@code <=}, {@code ::} ...). */
        SYMBOL,
        WHITESPACE,
        LINE_COMMENT,
        BLOCK_COMMENT,
        /** A string, quoted identifier or block comment that never ends. */
        UNTERMINATED
    }

    public int end() {
        return start + text.length();
    }

    public boolean isTrivia() {
        return kind == Kind.WHITESPACE || kind == Kind.LINE_COMMENT || kind == Kind.BLOCK_COMMENT;
    }

    boolean isWord(String word) {
        return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    /** Lower-cased word, or the raw text for anything else. */
    String lower() {
        return kind == Kind.WORD ? text.toLowerCase(Locale.ROOT) : text;
    }

    /** The value of a string literal or quoted identifier with its quotes and escapes removed. */
    String unquoted() {
        return switch (kind) {
            case STRING -> text.substring(1, text.length() - 1).replace("''", "'");
            case QUOTED_IDENTIFIER -> text.substring(1, text.length() - 1).replace("\"\"", "\"");
            case BACKQUOTED_IDENTIFIER -> text.substring(1, text.length() - 1).replace("``", "`");
            case BINARY_STRING -> text.substring(2, text.length() - 1);
            default -> text;
        };
    }
}
