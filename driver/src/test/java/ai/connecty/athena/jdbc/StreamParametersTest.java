package ai.connecty.athena.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionRequest;

/**
 * The stream setters of a PreparedStatement read their stream when called: to its end, or the length given and no
 * more; a stream that ends sooner is 22026, a negative length HY024, a failed read 22000. What they bound is read
 * from the ExecutionParameters sent.
 */
class StreamParametersTest {
    private final RecordingAthena athena = new RecordingAthena();
    private final List<StartQueryExecutionRequest> sent = athena.sent;
    private final AthenaConnection connection = athena.connection();

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    /** The literal parameter 1 was sent as. */
    private String sentLiteral(PreparedStatement ps) {
        assertThatThrownBy(ps::execute).hasMessageContaining("recorded");
        return athena.last().executionParameters().get(0);
    }

    private static InputStream bytes(String ascii) {
        return new ByteArrayInputStream(ascii.getBytes(StandardCharsets.US_ASCII));
    }

    private static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String sqlState,
                                String messagePart) {
        assertThatThrownBy(call).isInstanceOf(SQLException.class).hasMessageContaining(messagePart)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(sqlState));
    }

    @Test
    void aLengthReadsThatManyAndLeavesTheRestUnread() throws SQLException, IOException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT ?")) {
            InputStream in = bytes("abcdef");
            ps.setBinaryStream(1, in, 3);
            assertThat(sentLiteral(ps)).isEqualTo("X'616263'");
            assertThat(in.read()).as("the byte after the length is left").isEqualTo('d');

            ps.setAsciiStream(1, bytes("abcdef"), 4L);
            assertThat(sentLiteral(ps)).isEqualTo("'abcd'");

            Reader reader = new StringReader("0123456789");
            ps.setCharacterStream(1, reader, 5);
            assertThat(sentLiteral(ps)).isEqualTo("'01234'");
            assertThat(reader.read()).isEqualTo('5');

            // Exactly the stream's length is whole; 0 is the empty value.
            ps.setCharacterStream(1, new StringReader("xyz"), 3L);
            assertThat(sentLiteral(ps)).isEqualTo("'xyz'");
            ps.setBinaryStream(1, bytes("xyz"), 0);
            assertThat(sentLiteral(ps)).isEqualTo("X''");
            ps.setClob(1, new StringReader(""), 0);
            assertThat(sentLiteral(ps)).isEqualTo("''");
        }
    }

    /** A reader longer than the copy buffer: every chunk is read, and a length inside the second chunk is kept. */
    @Test
    void aLongReaderIsReadWholeOrToItsLength() throws SQLException {
        String text = "x".repeat(8192) + "yz";
        try (PreparedStatement ps = connection.prepareStatement("SHOW TABLES LIKE ?")) {
            ps.setCharacterStream(1, new StringReader(text));
            assertThatThrownBy(ps::execute).hasMessageContaining("recorded");
            assertThat(athena.last().queryString()).contains(text + "'").doesNotContain(text + "z");
            ps.setNCharacterStream(1, new StringReader(text), 8193);
            assertThatThrownBy(ps::execute).hasMessageContaining("recorded");
            assertThat(athena.last().queryString()).contains("x".repeat(8192) + "y'");
        }
    }

    @Test
    void withoutALengthTheStreamIsReadToItsEnd() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT ?")) {
            ps.setBinaryStream(1, bytes("abc"));
            assertThat(sentLiteral(ps)).isEqualTo("X'616263'");
            ps.setBlob(1, bytes("ab"));
            assertThat(sentLiteral(ps)).isEqualTo("X'6162'");
            ps.setAsciiStream(1, bytes("it's"));
            assertThat(sentLiteral(ps)).isEqualTo("'it''s'");
            ps.setNClob(1, new StringReader("n"));
            assertThat(sentLiteral(ps)).isEqualTo("'n'");
            ps.setBinaryStream(1, null);
            assertThat(sentLiteral(ps)).isEqualTo("CAST(NULL AS varbinary)");
        }
    }

    @Test
    void aStreamShorterThanItsLengthANegativeLengthOrAFailedReadIsRefused() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT ?")) {
            refused(() -> ps.setBinaryStream(1, bytes("ab"), 3), "22026",
                    "Parameter 1: the stream ended after 2 of the 3 bytes its length says");
            refused(() -> ps.setCharacterStream(1, new StringReader("ab"), 3L), "22026",
                    "Parameter 1: the stream ended after 2 of the 3 characters its length says");
            refused(() -> ps.setAsciiStream(1, bytes("ab"), -1), "HY024", "Parameter 1: the length -1 is negative");
            refused(() -> ps.setClob(1, new StringReader("ab"), -1L), "HY024", "the length -1 is negative");
            InputStream failing = new InputStream() {
                @Override
                public int read() throws IOException {
                    throw new IOException("disk gone");
                }
            };
            assertThatThrownBy(() -> ps.setBinaryStream(1, failing)).isInstanceOf(SQLDataException.class)
                    .hasMessage("Parameter 1: reading the stream failed: disk gone");
            Reader failingReader = new Reader() {
                @Override
                public int read(char[] buffer, int offset, int length) throws IOException {
                    throw new IOException("pipe broken");
                }

                @Override
                public void close() {
                }
            };
            assertThatThrownBy(() -> ps.setCharacterStream(1, failingReader)).isInstanceOf(SQLDataException.class)
                    .hasMessage("Parameter 1: reading the reader failed: pipe broken");
            assertThatThrownBy(ps::execute).as("nothing was bound").isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("07001"));
        }
        assertThat(sent).isEmpty();
    }

    /** A null reader or stream binds a typed NULL; a null Calendar is the setter without one. */
    @Test
    void nullStreamsBindNullAndANullCalendarIsNone() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT ?")) {
            ps.setCharacterStream(1, null);
            assertThat(sentLiteral(ps)).isEqualTo("CAST(NULL AS varchar)");
            ps.setTimestamp(1, java.sql.Timestamp.valueOf("2020-01-02 03:04:05"), null);
            assertThat(sentLiteral(ps)).isEqualTo("TIMESTAMP '2020-01-02 03:04:05.000'");
        }
    }

    /** Athena takes 1,024 characters per execution parameter, the quotes included: 1,022 pass, 1,023 do not. */
    @Test
    void aParameterOfExactlyTheLimitIsSent() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT ?")) {
            ps.setString(1, "x".repeat(1022));
            assertThat(sentLiteral(ps)).hasSize(1024);
            ps.setString(1, "x".repeat(1023));
            int before = sent.size();
            refused(ps::execute, "54000", "Parameter 1 is a literal of 1025 characters");
            assertThat(sent).hasSize(before);
        }
    }
}
