package ai.connecty.athena.local.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Athena's {@code UNLOAD (query) TO 's3://...' [WITH (name = value, ...)]}. Trino 431's grammar has no UNLOAD, so
 * the wrapper is read here from the statement's tokens, and the query inside it goes to Trino's grammar as the
 * statement's text with everything around the query blanked out ({@link #queryOnly}): the query's tree and its
 * syntax errors then keep their positions in the whole statement, as those of every other statement do.
 *
 * @param queryStart offset of the query's first character (after the opening bracket)
 * @param queryEnd   offset of the bracket closing the query
 * @param target     the TO location as written
 * @param properties the WITH properties by lower-cased name: a string's value, or an ARRAY's strings
 */
public record UnloadSyntax(int queryStart, int queryEnd, String target, Map<String, List<String>> properties) {

    /** Whether a statement with these significant tokens is an UNLOAD. */
    static boolean isUnload(List<Token> tokens) {
        return !tokens.isEmpty() && tokens.get(0).isWord("unload");
    }

    /** Reads the wrapper of an UNLOAD (as {@link #isUnload} found it), on the normalised statement's text. */
    public static UnloadSyntax parse(String sql) throws SqlRejectedException {
        return parse(sql, SqlLexer.significant(sql));
    }

    /** @param tokens the UNLOAD's significant tokens, its first the UNLOAD keyword, positioned in {@code sql} */
    static UnloadSyntax parse(String sql, List<Token> tokens) throws SqlRejectedException {
        Cursor c = new Cursor(sql, tokens, 1);
        Token open = c.expectSymbol("(");
        int depth = 1;
        int close = -1;
        while (c.at < tokens.size()) {
            Token t = tokens.get(c.at);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")") && --depth == 0) {
                close = c.at;
                break;
            }
            c.at++;
        }
        if (close < 0) {
            throw c.mismatched("')'");
        }
        if (close == tokens.indexOf(open) + 1) {
            throw c.mismatched("<query>");
        }
        int queryStart = tokens.get(tokens.indexOf(open) + 1).start();
        int queryEnd = tokens.get(close).start();
        c.at = close + 1;
        c.expectWord("to");
        Token target = c.expect(Token.Kind.STRING, "<string>");
        Map<String, List<String>> properties = new LinkedHashMap<>();
        if (c.at < tokens.size()) {
            c.expectWord("with");
            c.expectSymbol("(");
            do {
                Token name = c.expect(Token.Kind.WORD, "<identifier>");
                c.expectSymbol("=");
                List<String> values = new ArrayList<>();
                if (c.peek() != null && c.peek().isWord("array")) {
                    c.at++;
                    c.expectSymbol("[");
                    if (c.peek() != null && !c.peek().isSymbol("]")) {
                        do {
                            values.add(c.expect(Token.Kind.STRING, "<string>").unquoted());
                        } while (c.acceptSymbol(","));
                    }
                    c.expectSymbol("]");
                } else {
                    values.add(c.expect(Token.Kind.STRING, "<string>").unquoted());
                }
                properties.put(name.lower(), values);
            } while (c.acceptSymbol(","));
            c.expectSymbol(")");
            if (c.at < tokens.size()) {
                throw c.mismatched("<EOF>");
            }
        }
        return new UnloadSyntax(queryStart, queryEnd, target.unquoted(), properties);
    }

    /**
     * The statement with every character outside the query replaced by a space (line breaks kept) and cut at the
     * query's closing bracket: Trino's grammar reads it as the query alone, at the query's own lines and columns.
     */
    public String queryOnly(String sql) {
        return queryOnly(sql, 0);
    }

    /** As {@link #queryOnly(String)}, keeping the text before {@code from} (a PREPARE's {@code PREPARE name FROM}). */
    String queryOnly(String sql, int from) {
        StringBuilder sb = new StringBuilder(queryEnd).append(sql, 0, from);
        for (int i = from; i < queryStart; i++) {
            char ch = sql.charAt(i);
            sb.append(ch == '\n' || ch == '\r' ? ch : ' ');
        }
        return sb.append(sql, queryStart, queryEnd).toString();
    }

    /** A single-valued property, upper-cased, or {@code fallback} when absent. */
    public String upper(String name, String fallback) {
        List<String> v = properties.get(name);
        return v == null || v.isEmpty() ? fallback : v.get(0).toUpperCase(Locale.ROOT);
    }

    /** Walks the significant tokens, failing in Trino's words ({@code mismatched input 'x'. Expecting: ...}). */
    private static final class Cursor {
        private final String sql;
        private final List<Token> tokens;
        private int at;

        Cursor(String sql, List<Token> tokens, int at) {
            this.sql = sql;
            this.tokens = tokens;
            this.at = at;
        }

        Token peek() {
            return at < tokens.size() ? tokens.get(at) : null;
        }

        Token expectSymbol(String symbol) {
            Token t = peek();
            if (t == null || !t.isSymbol(symbol)) {
                throw mismatched("'" + symbol + "'");
            }
            at++;
            return t;
        }

        boolean acceptSymbol(String symbol) {
            Token t = peek();
            if (t != null && t.isSymbol(symbol)) {
                at++;
                return true;
            }
            return false;
        }

        void expectWord(String word) {
            Token t = peek();
            if (t == null || !t.isWord(word)) {
                throw mismatched("'" + word.toUpperCase(Locale.ROOT) + "'");
            }
            at++;
        }

        Token expect(Token.Kind kind, String expected) {
            Token t = peek();
            if (t == null || t.kind() != kind) {
                throw mismatched(expected);
            }
            at++;
            return t;
        }

        SqlRejectedException mismatched(String expected) {
            Token t = peek();
            int offset = t == null ? sql.length() : t.start();
            String shown = t == null ? "<EOF>" : t.text();
            return new SqlRejectedException("MALFORMED_QUERY", "line " + Positions.of(sql, offset)
                    + ": mismatched input '" + shown + "'. Expecting: " + expected);
        }
    }
}
