package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * User text through the real driver and athena-local, read back through both row sources: every value comes back
 * exactly as bound or quoted (the statement's structure untouched), or is refused before anything is sent. The
 * injection attempts of {@code PreparedStatementTest} are not repeated; this adds the characters that encodings,
 * lexers and CSV treat specially.
 */
@ExtendWith(LocalAthenaExtension.class)
class TextFidelityTest {
    private static LocalAthena athena;

    private static final List<String> VALUES = Arrays.asList("''", "\\", "?", ";", "{", "}", "{fn ucase('a')}",
            "{d '2020-01-01'}", "a\nb", "a\rb", "a\r\nb", "a\tb", "\"", "a\u2028b\u2029", "\uD83D\uDE00", "\uDBFF\uDFFF",
            "e\u0301", "\u05E9\u05DC\u05D5\u05DD abc \u0627\u0644", "\uFEFFbom", "\u0085\u001B\u007F\uFFFF", "\u00fc\u20ac",
            "x".repeat(1022));

    private static String readAll(Reader reader) throws Exception {
        StringBuilder text = new StringBuilder();
        for (int c; (c = reader.read()) >= 0; ) {
            text.append((char) c);
        }
        return text.toString();
    }

    @Test
    void valuesBoundQuotedOrUsedAsNamesReadBackExactlyFromEitherSource() throws Exception {
        for (String fetcher : new String[] {"GetQueryResults", "S3"}) {
            try (Connection c = Connections.connectyUser(athena, "ResultFetcher=" + fetcher);
                 PreparedStatement ps = c.prepareStatement("SELECT ? AS v, 'tail' AS t");
                 Statement s = c.createStatement()) {
                for (String value : VALUES) {
                    String what = fetcher + " " + value.codePoints().limit(12).collect(StringBuilder::new,
                            (b, cp) -> b.append(String.format("U+%04X ", cp)), StringBuilder::append);
                    ps.setString(1, value);
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getString(1)).as(what).isEqualTo(value);
                        assertThat(rs.getBytes(1)).as(what).isEqualTo(value.getBytes(StandardCharsets.UTF_8));
                        assertThat(readAll(rs.getCharacterStream(1))).as(what).isEqualTo(value);
                        assertThat(rs.getString(2)).isEqualTo("tail");
                        assertThat(rs.next()).isFalse();
                    }
                    String label = "c" + value.substring(0, Math.min(value.length(), 40));
                    try (ResultSet rs = s.executeQuery("SELECT " + s.enquoteLiteral(value) + " AS "
                            + s.enquoteIdentifier(label, true) + ", 'tail' AS t")) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getString(1)).as(what).isEqualTo(value);
                        assertThat(rs.getMetaData().getColumnLabel(1)).as(what).isEqualTo(label);
                        assertThat(rs.getString(2)).isEqualTo("tail");
                    }
                }
            }
        }
    }

    /** An unpaired surrogate used to reach Athena as '?': stored and compared as another value, without a word. */
    @Test
    void textUtf8CannotCarryIsRefusedBeforeItIsSent() throws SQLException {
        try (Connection c = Connections.connectyUser(athena);
             PreparedStatement ps = c.prepareStatement("SELECT ? AS v");
             Statement s = c.createStatement()) {
            long starts = athena.requestLog().count("athena", "StartQueryExecution");
            for (ThrowingSql call : Arrays.<ThrowingSql>asList(() -> ps.setString(1, "a\uD800"),
                    () -> s.executeQuery("SELECT 'a\uDC00' AS v"), () -> s.enquoteLiteral("\uD83D"),
                    () -> s.enquoteLiteral("x\u0000y"))) {
                assertThatThrownBy(call::run).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22021"));
            }
            assertThat(athena.requestLog().count("athena", "StartQueryExecution")).isEqualTo(starts);
        }
    }

    /** Athena takes a statement ending with ';'; describing it before execution must too. */
    @Test
    void aPreparedQueryEndingWithASemicolonIsDescribedBeforeItRuns() throws SQLException {
        try (Connection c = Connections.connectyUser(athena)) {
            for (String sql : new String[] {"SELECT ? AS v;", "SELECT ? AS v /* ; */ ; -- done", "SELECT ? AS v -- ;"}) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, "x;");
                    assertThat(ps.getMetaData().getColumnLabel(1)).as(sql).isEqualTo("v");
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getString("v")).isEqualTo("x;");
                    }
                }
            }
        }
    }

    private interface ThrowingSql {
        void run() throws SQLException;
    }
}
