package ai.connecty.athena.jdbc.parameters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import org.junit.jupiter.api.Test;

/**
 * Escape translation must keep the statement's structure. A PreparedStatement's escapes are translated before its placeholders are counted, and values bind to the
 * placeholders in the order of the text sent. {fn ...} rewrites that move or repeat an argument must therefore
 * never move or repeat a {@code ?}: {@code {fn locate(?, ?)}} written {@code strpos(?, ?)} would bind the sought
 * string as the searched one (a wrong answer, no error), and {@code {fn right(?, 2)}} written with its string twice
 * would have two placeholders for the caller's one.
 */
class JdbcEscapePlaceholdersTest {

    private static void refused(String sql, String messagePart) {
        assertThatThrownBy(() -> JdbcEscapes.translate(sql)).isInstanceOf(SQLFeatureNotSupportedException.class)
                .hasMessageContaining(messagePart)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("0A000"));
    }

    @Test
    void aRewriteThatWouldMoveOrRepeatAPlaceholderIsRefused() {
        refused("SELECT {fn locate(?, ?)}", "JDBC escape {fn locate(?, ?)}: its Athena form strpos(?, ?) uses the"
                + " arguments holding ? in another order, so the parameters would bind to the wrong placeholders");
        refused("SELECT {fn locate('x', ?, 2)}", "more than once");
        refused("SELECT {fn right(?, 2)}", "more than once");
        refused("SELECT {fn repeat(?, 3)}", "more than once");
        refused("SELECT {fn insert(?, 1, 2, ?)}", "more than once");
        refused("SELECT {fn insert(s, ?, 2, 'x')}", "more than once");
        refused("SELECT {fn right({fn ucase(?)}, 2)}", "more than once");
    }

    /** Commas and parentheses in comments inside the call are no argument separators, as in quotes. */
    @Test
    void argumentsAreSplitOutsideCommentsToo() throws SQLException {
        assertThat(JdbcEscapes.translate("SELECT {fn locate('a' /* , ( */, s)}")).isEqualTo("SELECT strpos(s, 'a' /* , ( */)");
        assertThat(JdbcEscapes.translate("SELECT {fn locate('a' -- , )\n, s)}")).isEqualTo("SELECT strpos(s, 'a' -- , )\n)");
        refused("SELECT {fn locate(? /* , */, ?)}", "in another order");
    }

    /** A line comment that ends an escape keeps its line end: trimmed, it would comment out the text after '}'. */
    @Test
    void aLineCommentAtTheEndOfAnEscapeEndsBeforeTheTextAfterIt() throws SQLException {
        assertThat(JdbcEscapes.translate("SELECT {fn ucase(a) -- c\n}, 1")).isEqualTo("SELECT upper(a) -- c\n, 1");
        assertThat(JdbcEscapes.translate("SELECT {d '2020-01-01' -- c\n} AS d")).isEqualTo("SELECT DATE '2020-01-01' -- c\n AS d");
    }

    @Test
    void rewritesThatKeepEachPlaceholderOnceAndInOrderPass() throws SQLException {
        assertThat(JdbcEscapes.translate("SELECT {fn locate('b', s)}")).isEqualTo("SELECT strpos(s, 'b')");
        assertThat(JdbcEscapes.translate("SELECT {fn locate('?', s)}")).isEqualTo("SELECT strpos(s, '?')");
        // One ? moved past arguments without any: the placeholders keep their order.
        assertThat(JdbcEscapes.translate("SELECT ?, {fn locate(?, name)}, ?")).isEqualTo("SELECT ?, strpos(name, ?), ?");
        String[][] kept = {
            {"SELECT {fn right(s, ?)}", "SELECT substr(s, greatest(length(s) - (?) + 1, 1))"},
            {"SELECT {fn left(?, ?)}", "SELECT substr(?, 1, ?)"},
            {"SELECT {fn timestampadd(SQL_TSI_DAY, ?, ?)}", "SELECT date_add('day', ?, ?)"},
            {"SELECT {fn convert(?, SQL_INTEGER)}", "SELECT CAST(? AS integer)"},
            {"SELECT {fn ucase(?)}, {fn length(?)}", "SELECT upper(?), length(rtrim(?, ' '))"},
            {"SELECT {fn difference(?, ?)}", "SELECT CAST(cardinality(filter(zip_with(regexp_extract_all(soundex(?), "
                    + "'.'), regexp_extract_all(soundex(?), '.'), (c1, c2) -> c1 = c2), m -> m)) AS integer)"},
            {"SELECT {fn difference(name, ?)}", "SELECT CAST(cardinality(filter(zip_with(regexp_extract_all(soundex("
                    + "name), '.'), regexp_extract_all(soundex(?), '.'), (c1, c2) -> c1 = c2), m -> m)) AS integer)"},
            {"SELECT {fn repeat(s, ?)}", "SELECT lpad('', greatest(length(s) * (?), 0), coalesce(nullif(s, ''), ' '))"},
        };
        for (String[] pair : kept) {
            String translated = JdbcEscapes.translate(pair[0]);
            assertThat(translated).isEqualTo(pair[1]);
            assertThat(SqlText.of(translated).parameterCount()).as(pair[0]).isEqualTo(SqlText.of(pair[0]).parameterCount());
        }
    }
}
