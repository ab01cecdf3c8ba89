package ai.connecty.athena.local.engine.ddl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a token list front to back; parse failures become {@link DdlSyntaxException} naming what was expected. */
public final class TokenCursor {

    private final String sql;
    private final List<DdlToken> tokens;
    private int pos;

    public TokenCursor(String sql, boolean hiveEscapes) {
        this(sql, DdlLexer.tokenize(sql, hiveEscapes));
    }

    /** Over tokens already lexed from {@code sql}. */
    TokenCursor(String sql, List<DdlToken> tokens) {
        this.sql = sql;
        this.tokens = List.copyOf(tokens);
    }

    public boolean atEnd() {
        return pos >= tokens.size();
    }

    public Optional<DdlToken> peek() {
        return peek(0);
    }

    public Optional<DdlToken> peek(int ahead) {
        int i = pos + ahead;
        return i < tokens.size() ? Optional.of(tokens.get(i)) : Optional.empty();
    }

    public boolean peekWord(String word) {
        return peek().map(t -> t.isWord(word)).orElse(false);
    }

    public boolean peekSymbol(String symbol) {
        return peek().map(t -> t.isSymbol(symbol)).orElse(false);
    }

    /** Consumes the words if they all follow, in order. */
    public boolean acceptWords(String... words) {
        for (int i = 0; i < words.length; i++) {
            int k = i;
            if (!peek(i).map(t -> t.isWord(words[k])).orElse(false)) {
                return false;
            }
        }
        pos += words.length;
        return true;
    }

    public boolean acceptSymbol(String symbol) {
        if (peekSymbol(symbol)) {
            pos++;
            return true;
        }
        return false;
    }

    public void expectWords(String... words) {
        if (!acceptWords(words)) {
            throw error("'" + String.join(" ", words) + "'");
        }
    }

    public void expectSymbol(String symbol) {
        if (!acceptSymbol(symbol)) {
            throw error("'" + symbol + "'");
        }
    }

    public DdlToken next() {
        if (atEnd()) {
            throw error("more input");
        }
        return tokens.get(pos++);
    }

    public String identifier() {
        DdlToken t = peek().orElseThrow(() -> error("an identifier"));
        if (!t.isIdentifier()) {
            throw error("an identifier");
        }
        pos++;
        return t.identifier();
    }

    /** {@code a}, {@code a.b} or {@code a.b.c}, each part lower-cased. */
    public List<String> qualifiedName() {
        List<String> parts = new ArrayList<>();
        parts.add(identifier());
        while (acceptSymbol(".")) {
            parts.add(identifier());
        }
        return parts;
    }

    public String string() {
        DdlToken t = peek().orElseThrow(() -> error("a string literal"));
        if (t.kind() != DdlToken.Kind.STRING) {
            throw error("a string literal");
        }
        pos++;
        return t.stringValue();
    }

    /** The original text of a balanced {@code ( ... )} group, without the outer parentheses. */
    public String parenthesizedText() {
        DdlToken open = peek().orElseThrow(() -> error("'('"));
        expectSymbol("(");
        int depth = 1;
        while (!atEnd()) {
            DdlToken t = next();
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")") && --depth == 0) {
                return sql.substring(open.end(), t.start());
            }
        }
        throw error("')'");
    }

    public void expectEnd() {
        if (!atEnd()) {
            throw error("end of statement");
        }
    }

    public DdlSyntaxException error(String expected) {
        String found = peek().map(DdlToken::text).orElse("<EOF>");
        int column = peek().map(t -> t.start() + 1).orElse(sql.length() + 1);
        return new DdlSyntaxException("line 1:" + column + ": mismatched input '" + found + "'. Expecting: " + expected);
    }
}
