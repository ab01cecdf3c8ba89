package ai.connecty.athena.local.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.sql.EngineFailure;
import io.trino.sql.parser.SqlParser;
import io.trino.sql.tree.Expression;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The time-travel pointers athena-local evaluates itself, and its refusal of the others. */
class TimeTravelPointerTest {

    private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
    private final TimeTravelPointer pointer = new TimeTravelPointer(NOW);

    private static Expression expr(String sql) {
        return new SqlParser().createExpression(sql);
    }

    @Test
    void timestampLiteralsWithAndWithoutZones() {
        assertThat(pointer.timestamp(expr("TIMESTAMP '2024-01-01 10:00:00 UTC'")))
                .isEqualTo(Instant.parse("2024-01-01T10:00:00Z"));
        assertThat(pointer.timestamp(expr("TIMESTAMP '2024-01-01 10:00:00.250'")))
                .isEqualTo(Instant.parse("2024-01-01T10:00:00.250Z"));
        assertThat(pointer.timestamp(expr("TIMESTAMP '2024-01-01 10:00:00 Europe/Berlin'")))
                .isEqualTo(Instant.parse("2024-01-01T09:00:00Z"));
        assertThat(pointer.timestamp(expr("DATE '2024-01-02'"))).isEqualTo(Instant.parse("2024-01-02T00:00:00Z"));
    }

    @Test
    void currentTimestampAndIntervals() {
        assertThat(pointer.timestamp(expr("current_timestamp - interval '1' hour")))
                .isEqualTo(Instant.parse("2024-06-01T11:00:00Z"));
        assertThat(pointer.timestamp(expr("now() + interval '2' day"))).isEqualTo(Instant.parse("2024-06-03T12:00:00Z"));
        assertThat(pointer.timestamp(expr("localtimestamp"))).isEqualTo(NOW);
    }

    @Test
    void versionsAreSnapshotIdsOrReferenceNames() {
        assertThat(pointer.version(expr("8765432109876"))).isEqualTo(8765432109876L);
        assertThat(pointer.version(expr("'main'"))).isEqualTo("main");
    }

    @Test
    void otherExpressionsAreRefusedClearly() {
        assertThatThrownBy(() -> pointer.timestamp(expr("1 + 2"))).isInstanceOf(EngineFailure.class)
                .hasMessageContaining("FOR TIMESTAMP AS OF");
        assertThatThrownBy(() -> pointer.timestamp(expr("TIMESTAMP '2024-13-01 10:00:00'")))
                .isInstanceOf(EngineFailure.class).hasMessageContaining("is not a valid timestamp literal");
        assertThatThrownBy(() -> pointer.version(expr("1.5"))).isInstanceOf(EngineFailure.class)
                .hasMessageContaining("FOR VERSION AS OF");
    }
}
