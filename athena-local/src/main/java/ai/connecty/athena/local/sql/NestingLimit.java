package ai.connecty.athena.local.sql;

import java.util.List;

/**
 * Refuses, before Trino's grammar sees it, a statement nested deeper than {@link #MAX_DEPTH} levels of brackets
 * ({@code (}, {@code [}) and {@code CASE … END}. Trino's ANTLR parser spends time that grows much faster than the
 * depth on such a nest (a profile shows it in ANTLR's adaptive prediction, whose contexts grow with the nest: 5,000
 * nested brackets took about 15 s, 30,000 more than a minute), and on a thread's usual 1 MiB stack most shapes
 * overflow anyway between 200 and 700 levels, which Trino answers with "statement is too large". Counting the depth
 * on the tokens of the one lexing pass takes linear time, so a deep statement gets that same answer at once.
 */
final class NestingLimit {

    /**
     * The deepest nesting handed to the grammar. Up to it Trino's parser answered within about a second, also for a
     * QueryString of the longest length made of nests this deep.
     */
    static final int MAX_DEPTH = 500;

    private NestingLimit() {
    }

    /** @throws SqlRejectedException MALFORMED_QUERY with Trino's message when {@code tokens} nest too deep */
    static void check(List<Token> tokens) throws SqlRejectedException {
        int depth = 0;
        for (Token token : tokens) {
            if (token.isSymbol("(") || token.isSymbol("[") || token.isWord("case")) {
                if (++depth > MAX_DEPTH) {
                    throw TrinoSql.tooLarge();
                }
            } else if (token.isSymbol(")") || token.isSymbol("]") || token.isWord("end")) {
                // Never below zero: an END that closes no CASE (a routine body's) must not make room for more.
                depth = Math.max(0, depth - 1);
            }
        }
    }
}
