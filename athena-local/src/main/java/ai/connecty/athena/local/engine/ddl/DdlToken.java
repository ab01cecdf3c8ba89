package ai.connecty.athena.local.engine.ddl;

import java.util.Locale;

/** A token of a DDL/utility statement; comments and whitespace are dropped by the lexer. */
public record DdlToken(Kind kind, String text, int start, int end) {

    public enum Kind { WORD, QUOTED_IDENTIFIER, BACKQUOTED_IDENTIFIER, STRING, NUMBER, SYMBOL }

    public boolean isWord(String word) {
        return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    public boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    public boolean isIdentifier() {
        return kind == Kind.WORD || kind == Kind.QUOTED_IDENTIFIER || kind == Kind.BACKQUOTED_IDENTIFIER;
    }

    /** Identifier value as the catalog stores it: unquoted and lower case (Glue folds names). */
    public String identifier() {
        return switch (kind) {
            case QUOTED_IDENTIFIER -> text.substring(1, text.length() - 1).replace("\"\"", "\"").toLowerCase(Locale.ROOT);
            case BACKQUOTED_IDENTIFIER -> text.substring(1, text.length() - 1).replace("``", "`").toLowerCase(Locale.ROOT);
            default -> text.toLowerCase(Locale.ROOT);
        };
    }

    /**
     * The value of a string literal without quotes; Hive also accepts {@code "..."} and backslash escapes
     * ({@code \'}, {@code \\}, {@code \t}, {@code \n} ...; as Hive's unescaping, {@code \%} and {@code \_} keep
     * their backslash for LIKE, and any other escaped character stands for itself).
     */
    public String stringValue() {
        String body = text.substring(1, text.length() - 1).replace("''", "'");
        StringBuilder value = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 == body.length()) {
                value.append(c);
                continue;
            }
            char escaped = body.charAt(++i);
            switch (escaped) {
                case 'n' -> value.append('\n');
                case 't' -> value.append('\t');
                case 'r' -> value.append('\r');
                case 'b' -> value.append('\b');
                case '0' -> value.append('\0');
                case 'Z' -> value.append('\u001A');
                case '%', '_' -> value.append('\\').append(escaped);
                default -> value.append(escaped);
            }
        }
        return value.toString();
    }
}
