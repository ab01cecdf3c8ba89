package ai.connecty.athena.local.engine;

import ai.connecty.athena.local.engine.ddl.DdlLexer;
import ai.connecty.athena.local.engine.ddl.DdlToken;
import java.util.List;

/**
 * Recognises a literal-only SELECT ({@code SELECT 1}, {@code SELECT 'a', -1.5 AS x}, {@code SELECT (1)}). Athena
 * answers these without planning them in the engine: their {@code .metadata} carries the execution id instead of
 * an engine query id and they report no QueryPlanningTimeInMillis (measured-behaviour §4.2, §4.5). Anything with
 * an operator, a function, NULL, a CAST or a FROM is not literal-only.
 */
final class LiteralSelect {

    private LiteralSelect() {
    }

    static boolean isLiteralOnly(String sql) {
        List<DdlToken> t = DdlLexer.tokenize(sql, false);
        if (t.isEmpty() || !t.get(0).isWord("SELECT")) {
            return false;
        }
        int i = 1;
        while (true) {
            i = literal(t, i);
            if (i < 0) {
                return false;
            }
            i = alias(t, i);
            if (i == t.size()) {
                return true;
            }
            if (!t.get(i).isSymbol(",")) {
                return false;
            }
            i++;
        }
    }

    /** Index after a literal (optionally negated or parenthesised) starting at {@code i}, or -1. */
    private static int literal(List<DdlToken> t, int i) {
        if (i < t.size() && t.get(i).isSymbol("(")) {
            int end = literal(t, i + 1);
            return end > 0 && end < t.size() && t.get(end).isSymbol(")") ? end + 1 : -1;
        }
        if (i < t.size() && t.get(i).isSymbol("-")) {
            return i + 1 < t.size() && t.get(i + 1).kind() == DdlToken.Kind.NUMBER ? i + 2 : -1;
        }
        if (i >= t.size()) {
            return -1;
        }
        DdlToken token = t.get(i);
        boolean simple = token.kind() == DdlToken.Kind.NUMBER || token.kind() == DdlToken.Kind.STRING
                || token.isWord("TRUE") || token.isWord("FALSE");
        return simple ? i + 1 : -1;
    }

    private static int alias(List<DdlToken> t, int i) {
        int j = i < t.size() && t.get(i).isWord("AS") ? i + 1 : i;
        if (j < t.size() && t.get(j).isIdentifier() && !t.get(j).isWord("FROM")) {
            return j + 1;
        }
        return i;
    }
}
