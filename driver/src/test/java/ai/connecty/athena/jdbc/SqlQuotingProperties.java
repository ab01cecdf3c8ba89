package ai.connecty.athena.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * What enquoteLiteral and enquoteIdentifier write is read back by Athena's lexer as one token holding exactly the
 * text given: no text, however many quotes it has and wherever, ends its literal or name early.
 */
class SqlQuotingProperties {

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("'\"`ab _-;/*\n").ofMaxLength(12),
                Arbitraries.strings().alpha().numeric().withChars('_').ofMinLength(1).ofMaxLength(140),
                Arbitraries.strings().ofMaxLength(30).filter(s -> s.indexOf('\u0000') < 0
                        && ai.connecty.athena.jdbc.types.WellFormedText.unpairedSurrogate(s) < 0),
                Arbitraries.of("select", "Order", "\"a\"", "\"\" OR 1=1 --\"", "'') OR 1=1 --", "\"x\"\"y\""));
    }

    @Property(tries = 1000)
    void aLiteralReadsBackAsTheText(@ForAll("texts") String text) throws SQLException {
        assertThat(readQuoted(SqlQuoting.enquoteLiteral("enquoteLiteral", text), '\'')).isEqualTo(text);
    }

    @Property(tries = 1000)
    void anIdentifierReadsBackAsTheName(@ForAll("texts") String text) throws SQLException {
        if (text.isEmpty()) {
            return; // refused (HY024)
        }
        for (boolean alwaysQuote : new boolean[] {false, true}) {
            String written = SqlQuoting.enquoteIdentifier(text, alwaysQuote);
            if (!written.startsWith("\"")) {
                assertThat(alwaysQuote).isFalse();
                assertThat(written).isEqualTo(text).matches("[A-Za-z][A-Za-z0-9_]{0,127}");
                assertThat(SqlQuoting.isSimpleIdentifier(written)).isTrue();
            } else if (written.equals(text)) {
                // Given quoted: it must be exactly one quoted identifier.
                assertThat(readQuoted(written, '"')).isNotNull();
            } else {
                assertThat(readQuoted(written, '"')).isEqualTo(text);
            }
        }
    }

    /**
     * The content of the one quoted token that {@code written} must be (a doubled quote inside is one quote), or an
     * assertion failure when the token ends before the text does.
     */
    private static String readQuoted(String written, char quote) {
        assertThat(written.length()).isGreaterThanOrEqualTo(2);
        assertThat(written.charAt(0)).isEqualTo(quote);
        StringBuilder content = new StringBuilder();
        int i = 1;
        while (true) {
            assertThat(i).as("unclosed: %s", written).isLessThan(written.length());
            char c = written.charAt(i);
            if (c == quote) {
                if (i + 1 < written.length() && written.charAt(i + 1) == quote) {
                    content.append(quote);
                    i += 2;
                    continue;
                }
                assertThat(i).as("the token ends before the text does: %s", written).isEqualTo(written.length() - 1);
                return content.toString();
            }
            content.append(c);
            i++;
        }
    }
}
