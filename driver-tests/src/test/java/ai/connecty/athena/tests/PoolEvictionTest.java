package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.jdbc.AthenaConnection;
import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.control.FaultPlan;
import ai.connecty.athena.local.control.FaultRule;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Through a real HikariCP pool (7.1.0, which evicts a connection on any SQLState of class 08): a throttled query,
 * a server error and a cut reply fail the statement, and the pool hands out the same connection afterwards,
 * with no new AWS clients and no new AssumeRole.
 */
@ExtendWith(LocalAthenaExtension.class)
class PoolEvictionTest {
    private static LocalAthena athena;

    @Test
    void transientFailuresDoNotEvictThePooledConnection() throws Exception {
        HikariConfig config = new HikariConfig();
        // No retries, so that each fault reaches the caller.
        config.setJdbcUrl(Connections.url(athena, "RoleArn=" + LocalAthena.ROLE_ARN, "NumRetries=0"));
        config.setUsername(LocalAthena.SERVICE_ACCOUNT_KEY_ID);
        config.setPassword(LocalAthena.SERVICE_ACCOUNT_SECRET);
        config.setMaximumPoolSize(1);
        config.setMinimumIdle(1);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            AthenaConnection first;
            try (Connection connection = pool.getConnection()) {
                first = connection.unwrap(AthenaConnection.class);
                query(connection);
            }
            FaultRule[] faults = {
                    FaultRule.forAction("athena", "StartQueryExecution").withThrottleRate(1.0),
                    FaultRule.forAction("athena", "GetQueryExecution").withErrorRate(1.0),
                    FaultRule.forAction("athena", "GetQueryResults").withDropAfterBytes(20)};
            for (FaultRule fault : faults) {
                athena.faults().set(FaultPlan.of(1, fault));
                try (Connection connection = pool.getConnection()) {
                    assertThatThrownBy(() -> query(connection)).isInstanceOf(SQLTransientException.class)
                            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).doesNotStartWith("08"));
                } finally {
                    athena.faults().clear();
                }
                try (Connection connection = pool.getConnection()) {
                    assertThat(connection.unwrap(AthenaConnection.class)).as("the pooled connection after " + fault)
                            .isSameAs(first);
                    query(connection);
                }
            }
        }
    }

    private static void query(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT 7")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(7);
        }
    }
}
