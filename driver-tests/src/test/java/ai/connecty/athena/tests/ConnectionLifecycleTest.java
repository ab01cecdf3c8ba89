package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Closing a connection closes what it opened: statements, result sets, SDK clients and their threads. */
@ExtendWith(LocalAthenaExtension.class)
class ConnectionLifecycleTest {

    private static LocalAthena athena;

    @Test
    void closingTheConnectionClosesItsStatementsAndResultSets() throws SQLException {
        Connection connection = Connections.connectyUser(athena);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT sale_id FROM demo.sales ORDER BY sale_id LIMIT 1500");
        assertThat(rows.next()).isTrue();

        connection.close();

        assertThat(connection.isClosed()).isTrue();
        assertThat(statement.isClosed()).isTrue();
        assertThat(rows.isClosed()).isTrue();
        assertThatThrownBy(rows::next).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> statement.executeQuery("SELECT 1")).isInstanceOf(SQLException.class);
        assertThatThrownBy(connection::createStatement).isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08003");
        connection.close();
    }

    /**
     * A pool opens and closes connections all day: each one's threads (the background refresh of the assumed
     * role's credentials among them) must end with it. Threads the SDK shares across all clients of the JVM
     * (such as the idle connection reaper) are started by the first connection, before the baseline is taken.
     */
    @Test
    void closedConnectionsLeaveNoThreadsBehind() throws Exception {
        useAndClose();
        Set<Thread> baseline = Thread.getAllStackTraces().keySet();

        for (int i = 0; i < 3; i++) {
            useAndClose();
        }

        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        List<String> leftover;
        do {
            leftover = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.isAlive() && !baseline.contains(t))
                    .filter(t -> !t.getName().startsWith("athena-local") && !t.getName().startsWith("HTTP-Dispatcher"))
                    .map(Thread::getName)
                    .collect(Collectors.toList());
            if (leftover.isEmpty()) {
                break;
            }
            Thread.sleep(100);
        } while (Instant.now().isBefore(deadline));
        assertThat(leftover).as("threads started by closed connections").isEmpty();
    }

    private static void useAndClose() throws SQLException {
        try (Connection connection = Connections.connectyUser(athena);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM demo.customers")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isPositive();
        }
    }
}
