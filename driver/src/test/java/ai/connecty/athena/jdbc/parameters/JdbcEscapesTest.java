package ai.connecty.athena.jdbc.parameters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Athena text of each {fn ...} rewrite, and escapes next to comments and blanks: what
 * {@link JdbcEscapes#translate} sends, read as text.
 */
class JdbcEscapesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "{fn dayofweek(d)}|(day_of_week(d) % 7 + 1)",
        "{fn timestampdiff(SQL_TSI_HOUR, a, b)}|date_diff('hour', a, b)",
        "{fn cot(x)}|(1e0 / tan(x))",
        "{fn ascii(s)}|codepoint(CAST(nullif(substr(s, 1, 1), '') AS varchar(1)))",
        "{fn char(65)}|chr(65)",
        "{fn length(s)}|length(rtrim(s, ' '))",
        "{fn ltrim(s)}|ltrim(s, ' ')",
        "{fn rtrim(s)}|rtrim(s, ' ')",
        "{fn octet_length(s)}|length(to_utf8(s))",
        "{fn dayname(d)}|date_format(d, '%W')",
        "{fn monthname(d)}|date_format(d, '%M')",
        "{fn rand()}|rand()",
        "{fn curdate()}|current_date",
        "{fn user( )}|current_user",
        "{fn database()}|current_schema",
        "{fn log(x)}|ln(x)",
        "{fn my_udf(x, 2)}|my_udf(x, 2)",
        "{ d '2024-02-29'}|DATE '2024-02-29'",
        "{fn timestampadd(SQL_TSI_DAY, 1 /* n */* 2, d)}|date_add('day', 1 /* n */* 2, d)",
        "{fn left(/*/ x, */ s, 2)}|substr(/*/ x, */ s, 1, 2)"})
    void eachEscapeAsAthenaText(String escape, String athena) throws SQLException {
        assertThat(JdbcEscapes.translate("SELECT " + escape + " FROM t")).isEqualTo("SELECT " + athena + " FROM t");
    }

    @Test
    void textWithoutEscapesIsSentAsItIs() throws SQLException {
        assertThat(JdbcEscapes.translate("SELECT 1")).isEqualTo("SELECT 1");
    }

    /** A brace inside a comment is text, however the comment starts ("/*" then "/") or ends ("{" just before it). */
    @Test
    void bracesInCommentsStayText() throws SQLException {
        assertThat(JdbcEscapes.translate("SELECT 1 /*/ {d '2020-01-01'} */")).isEqualTo("SELECT 1 /*/ {d '2020-01-01'} */");
        assertThat(JdbcEscapes.translate("SELECT 1 /* a { */")).isEqualTo("SELECT 1 /* a { */");
        // "/*/" opens a comment that "*/" alone closes, so this "--" is inside it and needs no line end.
        assertThat(JdbcEscapes.translate("SELECT {d '2020-01-01' /*/ -- */}"))
                .isEqualTo("SELECT DATE '2020-01-01' /*/ -- */");
    }

    /** The "--" comment at the end of an escape keeps its line end, or it would comment out the text after it. */
    @Test
    void aLineCommentAfterABlockCommentStillEndsItsLine() throws SQLException {
        assertThat(JdbcEscapes.translate("SELECT {fn abs(x) /* a */* 2 -- twice\n} FROM t"))
                .isEqualTo("SELECT abs(x) /* a */* 2 -- twice\n FROM t");
    }

    @Test
    void anUnclosedBraceAtTheEndIsASyntaxError() {
        for (String sql : new String[] {"SELECT {", "SELECT { ", "SELECT {fn"}) {
            assertThatThrownBy(() -> JdbcEscapes.translate(sql)).as(sql).isExactlyInstanceOf(SQLException.class)
                    .hasMessageContaining("Unbalanced braces")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42000"));
        }
    }

    @Test
    void aWrongArgumentCountSaysHowManyTheFunctionTakes() {
        assertThatThrownBy(() -> JdbcEscapes.translate("SELECT {fn space()}"))
                .hasMessageContaining("{fn space()}: space takes 1 argument").hasMessageNotContaining("1 arguments");
        assertThatThrownBy(() -> JdbcEscapes.translate("SELECT {fn left(s)}")).hasMessageContaining("left takes 2 arguments");
        assertThatThrownBy(() -> JdbcEscapes.translate("SELECT {fn locate(s)}"))
                .hasMessageContaining("locate takes 2 or 3 arguments");
    }

    @Test
    void intervalsAthenaCannotCountAreRefused() {
        assertThatThrownBy(() -> JdbcEscapes.translate("SELECT {fn timestampadd(SQL_TSI_FRAC_SECOND, 1, t)}"))
                .isInstanceOf(SQLFeatureNotSupportedException.class).hasMessageContaining("millisecond");
        assertThatThrownBy(() -> JdbcEscapes.translate("SELECT {fn timestampdiff(SQL_TSI_CENTURY, a, b)}"))
                .isExactlyInstanceOf(SQLException.class).hasMessageContaining("unknown interval SQL_TSI_CENTURY")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42000"));
        assertThatThrownBy(() -> JdbcEscapes.translate("SELECT {fn rand(5)}"))
                .isInstanceOf(SQLFeatureNotSupportedException.class).hasMessageContaining("no seed");
    }
}
