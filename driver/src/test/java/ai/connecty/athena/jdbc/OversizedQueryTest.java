package ai.connecty.athena.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.jdbc.execution.AthenaQueryClient;
import ai.connecty.athena.jdbc.execution.PollingClock;
import ai.connecty.athena.jdbc.execution.QuerySettings;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** A query over Athena's 262,144-byte limit is refused before anything is sent, and the statement stays usable. */
class OversizedQueryTest {

    @Test
    void refusedBeforeSendingWith54000() throws SQLException {
        // No Athena client at all: had the driver tried to send, this would fail with a NullPointerException.
        try (AthenaConnection connection = AthenaConnection.withQueryClient("jdbc:connecty-athena://",
                new AthenaQueryClient(null, QuerySettings.builder().build()), PollingClock.SYSTEM);
             Statement statement = connection.createStatement()) {
            String huge = "SELECT 1 WHERE 'a' IN ('" + "x".repeat(300_000) + "')";

            assertThatThrownBy(() -> statement.execute(huge)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("Athena accepts at most 262144 bytes")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("54000"));
            assertThat(statement.isClosed()).isFalse();
            assertThat((Object) statement.getWarnings()).isNull();
        }
    }
}
