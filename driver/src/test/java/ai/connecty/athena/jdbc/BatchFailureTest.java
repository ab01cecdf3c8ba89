package ai.connecty.athena.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.connecty.athena.jdbc.execution.AthenaQueryClient;
import ai.connecty.athena.jdbc.execution.PollingClock;
import ai.connecty.athena.jdbc.execution.QuerySettings;
import ai.connecty.athena.jdbc.parameters.BatchedInsert;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The BatchUpdateException a failed batch item gives: the item's failure is its cause and its next exception, the
 * chain JDBC has for it and the one Spring's translators read (BatchUpdateException.getNextException), so that a
 * timed-out item is a timeout and a missing table a grammar error there, as outside a batch. No network.
 */
class BatchFailureTest {
    private final AthenaConnection connection = AthenaConnection.withQueryClient("jdbc:connecty-athena://",
            new AthenaQueryClient(null, QuerySettings.builder().build()), PollingClock.SYSTEM);

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void theItemsFailureIsTheCauseAndTheNextException() throws SQLException {
        AthenaStatement statement = (AthenaStatement) connection.createStatement();
        SQLTimeoutException itemFailure = new SQLTimeoutException("Query q did not finish within the query timeout of 1 s",
                "HYT00");
        BatchUpdateException failure = catchThrowableOfType(BatchUpdateException.class, () -> statement.runBatch(3, i -> {
            if (i == 1) {
                throw itemFailure;
            }
            return false;
        }));
        assertThat(failure.getMessage()).isEqualTo("Batch item 2 of 3 failed: " + itemFailure.getMessage());
        assertThat(failure.getSQLState()).isEqualTo("HYT00");
        assertThat(failure.getLargeUpdateCounts()).hasSize(1);
        assertThat(failure.getCause()).isSameAs(itemFailure);
        assertThat((Throwable) failure.getNextException()).isSameAs(itemFailure);
    }

    @Test
    void aFailedRewrittenStatementNamesItsItemsAndKeepsTheCountsBeforeIt() throws SQLException {
        AthenaStatement statement = (AthenaStatement) connection.createStatement();
        List<BatchedInsert.Chunk> chunks = BatchedInsert.of("INSERT INTO t VALUES (?)").orElseThrow()
                .chunks(Collections.nCopies(2500, List.of("1")));
        SQLException chunkFailure = new SQLException("INVALID_CAST_ARGUMENT: Cannot cast 'x' to BIGINT", "22018", 7);
        BatchUpdateException failure = catchThrowableOfType(BatchUpdateException.class,
                () -> statement.runInsertChunks(2500, chunks, chunk -> {
                    if (chunk.first() == 1000) {
                        throw chunkFailure;
                    }
                    return false;
                }));
        assertThat(failure.getMessage()).isEqualTo("Batch items 1001 to 2000 of 2500 failed (they ran as one INSERT of"
                + " 1000 rows, and no row of it was inserted): " + chunkFailure.getMessage());
        assertThat(failure.getSQLState()).isEqualTo("22018");
        assertThat(failure.getErrorCode()).isEqualTo(7);
        // No update count was read (the stub runs nothing): the first chunk's items have no row count to show.
        assertThat(failure.getLargeUpdateCounts()).hasSize(1000).containsOnly((long) Statement.SUCCESS_NO_INFO);
        assertThat(failure.getCause()).isSameAs(chunkFailure);
        assertThat((Throwable) failure.getNextException()).isSameAs(chunkFailure);
    }
}
