package ai.connecty.athena.jdbc.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How statement text is cut into tokens: what DDL invalidation, write detection and batched INSERTs read. */
class SqlTokensTest {

    private static List<String> tokens(String sql) {
        SqlTokens tokens = new SqlTokens(sql);
        List<String> all = new ArrayList<>();
        for (String token = tokens.next(); token != null; token = tokens.next()) {
            all.add(token);
        }
        return all;
    }

    @Test
    void wordsSymbolsAndTheLastWordOfTheText() {
        assertThat(tokens("SELECT a_1,$b FROM t")).containsExactly("SELECT", "a_1", ",", "$b", "FROM", "t");
        assertThat(tokens("x")).containsExactly("x");
        assertThat(tokens("")).isEmpty();
        assertThat(tokens("  \n\t ")).isEmpty();
    }

    @Test
    void quotedNamesAreMarkedAndKeepTheirText() {
        assertThat(tokens("\"My Table\".`col`")).containsExactly("\u0000My Table", ".", "\u0000col");
        assertThat(tokens("\"\"x")).containsExactly("\u0000", "x");
        // A doubled quote character stands for itself inside the name (Trino's "", Hive's ``).
        assertThat(tokens("\"a\"\"b\" x")).containsExactly("\u0000a\"b", "x");
        assertThat(tokens("`a``.b` x")).containsExactly("\u0000a`.b", "x");
        assertThat(tokens("\"\"\"\"")).containsExactly("\u0000\"");
        assertThat(tokens("DROP \"a\"\"")).containsExactly("DROP");
        // Unterminated: the rest of the text is inside the quote, so nothing more is read.
        assertThat(tokens("DROP \"open")).containsExactly("DROP");
        assertThat(tokens("DROP `open")).containsExactly("DROP");
    }

    @Test
    void aStringLiteralIsOneTokenWithItsQuotesAndDoubledQuotes() {
        assertThat(tokens("'a -- b' x")).containsExactly("'a -- b'", "x");
        assertThat(tokens("'it''s' x")).containsExactly("'it''s'", "x");
        assertThat(tokens("'' x")).containsExactly("''", "x");
        assertThat(tokens("'a'''")).containsExactly("'a'''");
        assertThat(tokens("x 'a'")).containsExactly("x", "'a'");
        assertThat(tokens("'a'x")).containsExactly("'a'", "x");
        // Unterminated, also when the text ends on a quote doubled or alone.
        assertThat(tokens("x 'abc")).containsExactly("x");
        assertThat(tokens("x 'it''")).containsExactly("x");
        assertThat(tokens("x '")).containsExactly("x");
    }

    @Test
    void commentsAreSkipped() {
        assertThat(tokens("-- a\nx -- b")).containsExactly("x");
        assertThat(tokens("a--b\nc")).containsExactly("a", "c");
        assertThat(tokens("/* a */x/**/y")).containsExactly("x", "y");
        // "/*/" opens a comment; it does not close it.
        assertThat(tokens("/*/ hidden */ y")).containsExactly("y");
        assertThat(tokens("x /* unterminated")).containsExactly("x");
        assertThat(tokens("- x / y")).containsExactly("-", "x", "/", "y");
    }

    @Test
    void positionIsJustAfterTheLastToken() {
        SqlTokens tokens = new SqlTokens("ab  'c'");
        assertThat(tokens.position()).isZero();
        tokens.next();
        assertThat(tokens.position()).isEqualTo(2);
        tokens.next();
        assertThat(tokens.position()).isEqualTo(7);
    }

    @Test
    void qualifiedNamesJoinPartsAcrossDotsSpacesAndComments() {
        SqlTokens tokens = new SqlTokens("Cat . \"My DB\" /* c */ .`T` next");
        assertThat(tokens.qualifiedName(tokens.next())).containsExactly("cat", "my db", "t");
        assertThat(tokens.next()).isEqualTo("next");

        SqlTokens atTheEnd = new SqlTokens("DROP TABLE db.t");
        atTheEnd.next();
        atTheEnd.next();
        assertThat(atTheEnd.qualifiedName(atTheEnd.next())).containsExactly("db", "t");
        assertThat(atTheEnd.next()).isNull();

        SqlTokens single = new SqlTokens("t  (a int)");
        assertThat(single.qualifiedName(single.next())).containsExactly("t");
        // The space after the name is not consumed: the next token starts where it would have.
        assertThat(single.position()).isEqualTo(1);
        assertThat(single.next()).isEqualTo("(");
    }

    @Test
    void aQualifiedNameWithAMissingOrNonNamePartIsNone() {
        SqlTokens dangling = new SqlTokens("a.");
        assertThat(dangling.qualifiedName(dangling.next())).isEmpty();
        SqlTokens literal = new SqlTokens("a.'b'");
        assertThat(literal.qualifiedName(literal.next())).isEmpty();
        SqlTokens symbol = new SqlTokens("(a");
        assertThat(symbol.qualifiedName(symbol.next())).isEmpty();
    }

    @Test
    void wordsNamesAndUnquoting() {
        assertThat(SqlTokens.isWord("abc")).isTrue();
        assertThat(SqlTokens.isWord("$x")).isTrue();
        assertThat(SqlTokens.isWord("(")).isFalse();
        assertThat(SqlTokens.isWord("'a'")).isFalse();
        assertThat(SqlTokens.isWord("\u0000a")).isFalse();
        assertThat(SqlTokens.isWord("")).isFalse();
        assertThat(SqlTokens.isName("\u0000a b")).isTrue();
        assertThat(SqlTokens.isName("a")).isTrue();
        assertThat(SqlTokens.isName(".")).isFalse();
        assertThat(SqlTokens.unquote("\u0000a b")).isEqualTo("a b");
        assertThat(SqlTokens.unquote("ab")).isEqualTo("ab");
    }
}
