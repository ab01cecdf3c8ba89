package ai.connecty.athena.local.engine.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The DDL parser's tokens come from the shared SQL lexer, with Hive's string escapes and one-character operators. */
class DdlLexerTest {

    private static List<String> texts(String sql, boolean hive) {
        return DdlLexer.tokenize(sql, hive).stream().map(DdlToken::text).toList();
    }

    @Test
    void hiveStringsTakeBackslashEscapesTrinoStringsDoNot() {
        assertThat(texts("COMMENT 'it\\'s' -- note\nLOCATION", true)).containsExactly("COMMENT", "'it\\'s'", "LOCATION");
        assertThat(DdlLexer.tokenize("'a\\tb'", true).get(0).stringValue()).isEqualTo("a\tb");
        assertThat(texts("SELECT 'a\\' AS x", false)).containsExactly("SELECT", "'a\\'", "AS", "x");
        // Hive's unescaping: an escaped quote is a quote; \% and \_ keep their backslash (LIKE patterns)
        assertThat(DdlLexer.tokenize("'it\\'s \\\\ 50\\% a\\_b \\q'", true).get(0).stringValue())
                .isEqualTo("it's \\ 50\\% a\\_b q");
    }

    @Test
    void operatorsAreSingleCharactersSoNestedTypesClose() {
        assertThat(texts("map<string,array<int>>", true))
                .containsExactly("map", "<", "string", ",", "array", "<", "int", ">", ">");
        assertThat(texts("a<>b", true)).containsExactly("a", "<", ">", "b");
    }

    @Test
    void quotedNamesAndUnterminatedTextRunToTheEnd() {
        List<DdlToken> tokens = DdlLexer.tokenize("DROP TABLE `my``t` /* open", true);
        assertThat(tokens).extracting(DdlToken::text).containsExactly("DROP", "TABLE", "`my``t`");
        assertThat(tokens.get(2).identifier()).isEqualTo("my`t");
        assertThat(DdlLexer.tokenize("LOCATION 's3://b/", true)).extracting(DdlToken::kind)
                .containsExactly(DdlToken.Kind.WORD, DdlToken.Kind.STRING);
    }
}
