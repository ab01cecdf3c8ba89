package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.control.FaultPlan;
import ai.connecty.athena.local.control.FaultRule;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GetQueryResults paging under throttling bursts and server errors: with the SDK's retries every row arrives once
 * and in order; with no retries left a page that fails is reported as a transient error on next(), and the next
 * next() asks for that page again, so no row is lost or read twice.
 */
@ExtendWith(LocalAthenaExtension.class)
class PagingFaultsTest {
    private static final int ROWS = 200;
    private static final String QUERY = "SELECT x FROM UNNEST(sequence(1, " + ROWS + ")) AS t(x) ORDER BY x";
    private static LocalAthena athena;

    @AfterEach
    void clearFaults() {
        athena.faults().clear();
    }

    private static List<Integer> expected() {
        return IntStream.rangeClosed(1, ROWS).boxed().collect(Collectors.toList());
    }

    @Test
    void throttlingAndServerErrorsOnPagesAreRetriedWithoutLosingOrDoublingRows() throws SQLException {
        // Bursts of throttling wait out the SDK's backoff: few, larger pages keep the run short.
        athena.faults().set(FaultPlan.of(11, FaultRule.forAction("athena", "GetQueryResults")
                .withThrottleRate(0.2).withErrorRate(0.2)));
        athena.requestLog().clear();
        List<Integer> seen = new ArrayList<>();
        try (Connection connection = Connections.connectyUser(athena, "ResultFetcher=GetQueryResults", "FetchSize=40");
             Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(QUERY)) {
            while (rows.next()) {
                seen.add(rows.getInt(1));
            }
        }
        assertThat(seen).containsExactlyElementsOf(expected());
        assertThat(athena.requestLog().entries()).as("faults injected")
                .anyMatch(e -> e.action().equals("GetQueryResults") && e.status() >= 400);
    }

    @Test
    void aPageThatFailsAfterTheRetriesIsTransientAndIsAskedForAgainByTheNextNext() throws SQLException {
        List<Integer> seen = new ArrayList<>();
        int failures = 0;
        try (Connection connection = Connections.connectyUser(athena, "ResultFetcher=GetQueryResults", "FetchSize=9",
                "NumRetries=0"); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(QUERY)) {
            athena.faults().set(FaultPlan.of(5, FaultRule.forAction("athena", "GetQueryResults")
                    .withThrottleRate(0.25).withErrorRate(0.25)));
            while (true) {
                try {
                    if (!rows.next()) {
                        break;
                    }
                    seen.add(rows.getInt(1));
                } catch (SQLTransientException e) {
                    assertThat(e.getSQLState()).isIn("53000", "58000");
                    assertThat(e.getMessage()).contains("GetQueryResults");
                    failures++;
                    assertThat(failures).as("failed pages").isLessThan(200);
                }
            }
        }
        assertThat(failures).as("pages that failed").isPositive();
        assertThat(seen).containsExactlyElementsOf(expected());
    }
}
