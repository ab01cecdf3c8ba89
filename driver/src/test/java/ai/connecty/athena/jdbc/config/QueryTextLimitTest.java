package ai.connecty.athena.jdbc.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class QueryTextLimitTest {
    private static String selectOfBytes(int bytes, String filler) {
        StringBuilder sql = new StringBuilder("SELECT '");
        while (sql.length() + filler.length() + 1 <= bytes) {
            sql.append(filler);
        }
        return sql.append("'").toString();
    }

    @Test
    void exactlyTheLimitPasses() {
        String sql = selectOfBytes(QueryTextLimit.MAX_QUERY_BYTES, "x");
        assertThatCode(() -> QueryTextLimit.check(sql + " ".repeat(QueryTextLimit.MAX_QUERY_BYTES - sql.length())))
                .doesNotThrowAnyException();
    }

    @Test
    void oneByteOverIsRefusedWith54000() {
        String sql = " ".repeat(QueryTextLimit.MAX_QUERY_BYTES) + "1";
        assertThatThrownBy(() -> QueryTextLimit.check(sql)).isInstanceOf(SQLException.class)
                .hasMessageContaining("262145 bytes").hasMessageContaining("nothing was sent")
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((SQLException) e).getSQLState()).isEqualTo("54000"));
    }

    @Test
    void bytesNotCharactersCount() {
        // 100,000 characters, each 3 bytes in UTF-8: 300,000 bytes.
        String sql = "SELECT '" + "€".repeat(100_000) + "'";
        assertThatThrownBy(() -> QueryTextLimit.check(sql)).isInstanceOf(SQLException.class);
    }
}
