package ai.connecty.athena.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionRequest;

/**
 * Text that cannot reach Athena unchanged is refused with 22021 before anything is sent, never sent altered: an
 * unpaired UTF-16 surrogate (the SDK's UTF-8 writer sends '?' for it, so {@code "a\uD800"} would be stored and
 * compared as {@code "a?"}), bytes given as ASCII or UTF-8 text that are neither (they would become U+FFFD), and
 * U+0000 in a literal made by enquoteLiteral (Athena's lexer ends the statement there). Whole surrogate pairs
 * (emoji) and every other character still pass.
 */
class UnencodableTextTest {
    private static final String LONE_HIGH = "a\uD800b";
    private static final String LONE_LOW = "\uDE00";
    private static final String REVERSED_PAIR = "\uDE00\uD83D";

    private final RecordingAthena athena = new RecordingAthena();
    private final List<StartQueryExecutionRequest> sent = athena.sent;
    private final AthenaConnection connection = athena.connection();

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private void refusedBeforeSending(ThrowingCallable call, String messagePart) {
        int before = sent.size();
        assertThatThrownBy(call).isInstanceOf(SQLDataException.class).hasMessageContaining(messagePart)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22021"));
        assertThat(sent).hasSize(before);
    }

    @Test
    void aStringParameterWithAnUnpairedSurrogateIsRefusedWhenSet() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT ?")) {
            for (String value : new String[] {LONE_HIGH, LONE_LOW, REVERSED_PAIR}) {
                refusedBeforeSending(() -> ps.setString(1, value), "Parameter 1 contains an unpaired UTF-16 surrogate");
                refusedBeforeSending(() -> ps.setNString(1, value), "unpaired UTF-16 surrogate");
                refusedBeforeSending(() -> ps.setObject(1, value), "unpaired UTF-16 surrogate");
                refusedBeforeSending(() -> ps.setObject(1, value, Types.VARCHAR), "unpaired UTF-16 surrogate");
                refusedBeforeSending(() -> ps.setCharacterStream(1, new StringReader(value)), "unpaired UTF-16 surrogate");
                refusedBeforeSending(() -> ps.setArray(1, connection.createArrayOf("varchar", new Object[] {"ok", value})),
                        "unpaired UTF-16 surrogate");
                refusedBeforeSending(() -> ps.setObject(1, connection.createStruct("row(s varchar)", new Object[] {value})),
                        "unpaired UTF-16 surrogate");
            }
            refusedBeforeSending(() -> ps.setObject(1, '\uD800'), "U+D800");
            refusedBeforeSending(() -> ps.setString(1, LONE_HIGH), "(U+D800) at index 1");
        }
    }

    @Test
    void bytesThatAreNoTextInTheirCharsetAreRefusedNotReplaced() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT ?")) {
            refusedBeforeSending(() -> ps.setAsciiStream(1, new ByteArrayInputStream("caf\u00e9".getBytes(StandardCharsets.UTF_8))),
                    "Parameter 1 (ASCII stream) is no US-ASCII text at byte offset 3 (0xC3)");
            refusedBeforeSending(() -> ps.setObject(1, new byte[] {'a', (byte) 0xFF}, Types.VARCHAR),
                    "Parameter 1 (bytes as text) is no UTF-8 text at byte offset 1 (0xFF)");
            refusedBeforeSending(() -> ps.setObject(1, new byte[] {'a', (byte) 0xE2, (byte) 0x82}, Types.VARCHAR),
                    "is no UTF-8 text");
            refusedBeforeSending(() -> ps.setUnicodeStream(1, new ByteArrayInputStream(new byte[] {'a', (byte) 0xC3}), 2),
                    "Parameter 1 (Unicode stream) is no UTF-8 text at byte offset 1 (0xC3)");
            // What is text in its charset is taken as it is.
            ps.setAsciiStream(1, new ByteArrayInputStream("plain ascii\u007f".getBytes(StandardCharsets.US_ASCII)));
            ps.setObject(1, "\uD83D\uDE00 \u00e9".getBytes(StandardCharsets.UTF_8), Types.VARCHAR);
            assertThat(ps.getParameterMetaData().getParameterTypeName(1)).isEqualTo("varchar");
        }
    }

    /** JDBC defines setUnicodeStream's bytes as UTF-8 (ResultSet.getUnicodeStream's are UTF-16BE). */
    @Test
    void aUnicodeStreamIsReadAsUtf8() throws SQLException {
        String text = "caf\u00e9 \u2603 \uD83D\uDE00";
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        try (PreparedStatement ps = connection.prepareStatement("SELECT ?")) {
            ps.setUnicodeStream(1, new ByteArrayInputStream(utf8), utf8.length);
            assertThatThrownBy(ps::execute).hasMessageContaining("recorded");
            // Plain ASCII is the same in UTF-8, but in UTF-16BE two bytes made one character ("ab" was U+6162).
            ps.setUnicodeStream(1, new ByteArrayInputStream(new byte[] {'a', 'b'}), 2);
            assertThatThrownBy(ps::execute).hasMessageContaining("recorded");
        }
        assertThat(sent).extracting(StartQueryExecutionRequest::executionParameters)
                .containsExactly(List.of("'" + text + "'"), List.of("'ab'"));
    }

    @Test
    void wholeSurrogatePairsAndOtherCharactersStillBind() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT ?")) {
            for (String value : new String[] {"\uD83D\uDE00", "e\u0301", "\u05E9\u05DC\u05D5\u05DD", "a\u2028b", "\uFFFF",
                    "x\u0000y", "\uDBFF\uDFFF"}) {
                ps.setString(1, value);
            }
        }
    }

    @Test
    void queryTextWithAnUnpairedSurrogateIsRefusedNotSentWithAQuestionMark() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            refusedBeforeSending(() -> statement.execute("SELECT 'a\uD800'"),
                    "The query text contains an unpaired UTF-16 surrogate (U+D800) at index 9");
            statement.setEscapeProcessing(false);
            refusedBeforeSending(() -> statement.executeQuery("SELECT 1 AS \"\uDC00\""), "unpaired UTF-16 surrogate");
            statement.addBatch("SELECT '\uD800'");
            assertThatThrownBy(statement::executeBatch).isInstanceOf(java.sql.BatchUpdateException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22021"));
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT '\uD800', ?")) {
            ps.setInt(1, 1);
            refusedBeforeSending(ps::execute, "The query text contains an unpaired UTF-16 surrogate");
        }
        assertThat(sent).isEmpty();
    }

    @Test
    void enquoteRefusesWhatNoLiteralOrNameCanCarry() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            refusedBeforeSending(() -> statement.enquoteLiteral(LONE_HIGH),
                    "enquoteLiteral: the value contains an unpaired UTF-16 surrogate");
            refusedBeforeSending(() -> statement.enquoteNCharLiteral(LONE_LOW),
                    "enquoteNCharLiteral: the value contains an unpaired UTF-16 surrogate");
            refusedBeforeSending(() -> statement.enquoteIdentifier(LONE_HIGH, false),
                    "enquoteIdentifier: the identifier contains an unpaired UTF-16 surrogate");
            refusedBeforeSending(() -> statement.enquoteLiteral("x\u0000y"),
                    "enquoteLiteral: the value contains the character U+0000 at index 1, which no Athena string literal"
                            + " can hold; bind the value as a PreparedStatement parameter");
            assertThat(statement.enquoteLiteral("it's \uD83D\uDE00")).isEqualTo("'it''s \uD83D\uDE00'");
            assertThat(statement.enquoteIdentifier("\uD83D\uDE00\"", false)).isEqualTo("\"\uD83D\uDE00\"\"\"");
        }
    }

    @Test
    void catalogAndSchemaNamesWithAnUnpairedSurrogateAreRefused() throws SQLException {
        String catalog = connection.getCatalog();
        refusedBeforeSending(() -> connection.setSchema("db\uD800"), "Schema (database) name contains an unpaired");
        refusedBeforeSending(() -> connection.setCatalog("\uDC00"), "Catalog name contains an unpaired");
        assertThat(connection.getCatalog()).isEqualTo(catalog);
    }
}
