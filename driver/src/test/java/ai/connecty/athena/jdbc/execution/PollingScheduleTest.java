package ai.connecty.athena.jdbc.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollingScheduleTest {
    private static List<Long> firstDelays(PollingSchedule schedule, int count) {
        PollingSchedule.Delays delays = schedule.delays();
        List<Long> result = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            result.add(delays.next());
        }
        return result;
    }

    @Test
    void doublesFromMinimumUpToMaximum() {
        assertThat(firstDelays(new PollingSchedule(100, 1000, 2.0), 7))
                .containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L, 1000L);
    }

    @Test
    void honoursOtherMultipliers() {
        assertThat(firstDelays(new PollingSchedule(100, 5000, 1.5), 5)).containsExactly(100L, 150L, 225L, 337L, 506L);
    }

    @Test
    void multiplierOfOneKeepsAFixedInterval() {
        assertThat(firstDelays(new PollingSchedule(250, 5000, 1.0), 3)).containsExactly(250L, 250L, 250L);
    }

    @Test
    void clampsNonsense() {
        PollingSchedule schedule = new PollingSchedule(0, -5, 0.5);

        assertThat(schedule.minMillis()).isEqualTo(1);
        assertThat(schedule.maxMillis()).isEqualTo(1);
        assertThat(schedule.multiplier()).isEqualTo(1.0);
    }

    @Test
    void eachQueryStartsAgainFromTheMinimum() {
        PollingSchedule schedule = new PollingSchedule(100, 1000, 2.0);
        firstDelays(schedule, 5);

        assertThat(schedule.delays().next()).isEqualTo(100L);
    }
}
