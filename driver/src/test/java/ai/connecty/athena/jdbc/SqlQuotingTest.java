package ai.connecty.athena.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * The edges of the enquote rules that a mutation-testing audit (PIT, see the README) found unpinned: the 128-character
 * limit of a bare name, U+0000 as the first character, and text that only looks like one quoted identifier. Getting
 * the last wrong hands SQL through unchanged: {@code "" OR 1=1 --"} is an empty name, then SQL.
 */
class SqlQuotingTest {

    @Test
    void aSimpleNameOf128CharactersStaysBareAndOneOf129IsQuoted() throws SQLException {
        String name128 = "a".repeat(128);
        assertThat(SqlQuoting.isSimpleIdentifier(name128)).isTrue();
        assertThat(SqlQuoting.enquoteIdentifier(name128, false)).isEqualTo(name128);
        String name129 = "a".repeat(129);
        assertThat(SqlQuoting.isSimpleIdentifier(name129)).isFalse();
        assertThat(SqlQuoting.enquoteIdentifier(name129, false)).isEqualTo('"' + name129 + '"');
        assertThat(SqlQuoting.isSimpleIdentifier(null)).isFalse();
        assertThat(SqlQuoting.isSimpleIdentifier("select")).isFalse();
        assertThat(SqlQuoting.isSimpleIdentifier("_a")).isFalse();
    }

    @Test
    void u0000IsRefusedWhereverItStands() {
        for (String text : new String[] {"\u0000", "\u0000abc", "a\u0000", "ab\u0000c"}) {
            assertThatThrownBy(() -> SqlQuoting.enquoteLiteral("enquoteLiteral", text)).as(text)
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22021"));
            assertThatThrownBy(() -> SqlQuoting.enquoteIdentifier(text, false)).as(text)
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("HY024"));
        }
    }

    @Test
    void onlyTextThatIsOneQuotedIdentifierIsLeftAsItIs() throws SQLException {
        // One quoted identifier each: left as given.
        for (String quoted : new String[] {"\"a\"", "\"a b\"", "\"\"\"\"", "\"a\"\"b\"", "\"\"\"a\"", "\"select\""}) {
            assertThat(SqlQuoting.enquoteIdentifier(quoted, false)).as(quoted).isEqualTo(quoted);
        }
        // Quotes that end the name early, or no name inside: quoted whole, each double quote doubled.
        for (String text : new String[] {"\"\" OR 1=1 --\"", "\"\"a\"", "\"a\"b\"", "\"x\" OR \"y\"", "\"\"", "\"\"\"", "\"a",
            "a\"", "\""}) {
            assertThat(SqlQuoting.enquoteIdentifier(text, false)).as(text)
                    .isEqualTo('"' + text.replace("\"", "\"\"") + '"');
        }
    }
}
