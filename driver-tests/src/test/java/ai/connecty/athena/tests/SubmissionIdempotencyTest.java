package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.jdbc.AthenaStatement;
import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.control.FaultPlan;
import ai.connecty.athena.local.control.FaultRule;
import ai.connecty.athena.local.control.RequestLogEntry;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.athena.model.QueryExecution;

/**
 * One execution per execute: a StartQueryExecution whose reply is lost (the connection cut after Athena created the
 * execution) is resent by the SDK with the same ClientRequestToken and runs nothing twice; and running the same SQL
 * again is a new execution (a token is never reused for another execute).
 */
@ExtendWith(LocalAthenaExtension.class)
class SubmissionIdempotencyTest {
    private static LocalAthena athena;

    @AfterEach
    void clearFaults() {
        athena.faults().clear();
    }

    /** The executions athena-local holds whose text contains {@code tag}. */
    private static List<String> executionsTagged(String tag) {
        return Executions.all(athena).stream().filter(execution -> execution.query().contains(tag))
                .map(QueryExecution::queryExecutionId).toList();
    }

    private static String tag() {
        return "idem-" + UUID.randomUUID();
    }

    @Test
    void aStartWhoseReplyIsCutIsResentWithTheSameTokenAndRunsOnce() throws SQLException {
        String tag = tag();
        // Half the replies of StartQueryExecution are cut after 10 bytes (seeded: the first one is among them).
        athena.faults().set(FaultPlan.of(7, FaultRule.forAction("athena", "StartQueryExecution")
                .withDropAfterBytes(10).withDropRate(0.5)));
        athena.requestLog().clear();
        try (Connection connection = Connections.connectyUser(athena); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT '" + tag + "' AS tag")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo(tag);

            List<RequestLogEntry> starts = athena.requestLog().entries().stream()
                    .filter(e -> e.action().equals("StartQueryExecution")).toList();
            assertThat(starts).as("StartQueryExecution requests").hasSizeGreaterThan(1);
            assertThat(starts.get(0).cut()).as("the first reply was cut").isTrue();
            assertThat(executionsTagged(tag)).containsExactly(
                    statement.unwrap(AthenaStatement.class).getQueryExecutionId());
        }
    }

    @Test
    void runningTheSameSqlAgainIsANewExecution() throws SQLException {
        String tag = tag();
        List<String> ids = new ArrayList<>();
        try (Connection connection = Connections.connectyUser(athena); Statement statement = connection.createStatement();
             PreparedStatement prepared = connection.prepareStatement("SELECT '" + tag + "' AS tag, ? AS n")) {
            for (int i = 0; i < 2; i++) {
                try (ResultSet rows = statement.executeQuery("SELECT '" + tag + "' AS tag")) {
                    assertThat(rows.next()).isTrue();
                }
                ids.add(statement.unwrap(AthenaStatement.class).getQueryExecutionId());
                prepared.setInt(1, 1);
                try (ResultSet rows = prepared.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                }
                ids.add(prepared.unwrap(AthenaStatement.class).getQueryExecutionId());
            }
        }
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(executionsTagged(tag)).containsExactlyInAnyOrderElementsOf(ids);
    }
}
