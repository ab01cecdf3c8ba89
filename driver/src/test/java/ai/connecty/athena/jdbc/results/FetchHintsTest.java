package ai.connecty.athena.jdbc.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** A statement takes any of the three directions as a hint; a result set only FETCH_FORWARD; a size from 0 up. */
class FetchHintsTest {
    private static void refused(FetchHintCall call) {
        assertThatThrownBy(call::run).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("HY024"));
    }

    @FunctionalInterface
    private interface FetchHintCall {
        void run() throws SQLException;
    }

    @Test
    void aStatementTakesEachOfTheThreeDirections() throws SQLException {
        FetchHints.checkDirectionHint(ResultSet.FETCH_FORWARD);
        FetchHints.checkDirectionHint(ResultSet.FETCH_REVERSE);
        FetchHints.checkDirectionHint(ResultSet.FETCH_UNKNOWN);
        refused(() -> FetchHints.checkDirectionHint(ResultSet.FETCH_FORWARD - 1));
        refused(() -> FetchHints.checkDirectionHint(ResultSet.FETCH_UNKNOWN + 1));
    }

    @Test
    void aResultSetTakesForwardOnly() throws SQLException {
        FetchHints.checkDirection(ResultSet.FETCH_FORWARD);
        refused(() -> FetchHints.checkDirection(ResultSet.FETCH_REVERSE));
        refused(() -> FetchHints.checkDirection(ResultSet.FETCH_UNKNOWN));
    }

    @Test
    void aSizeFromZeroUp() throws SQLException {
        assertThat(FetchHints.checkSize(0)).isZero();
        assertThat(FetchHints.checkSize(1)).isEqualTo(1);
        refused(() -> FetchHints.checkSize(-1));
    }
}
