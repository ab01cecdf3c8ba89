package ai.connecty.athena.jdbc.execution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The default schedule against the peer's and the official driver's, computed exactly from the delays. */
class PollingTableTest {
    private final PollingSchedule defaults = QuerySettings.builder().build().pollingSchedule();

    @Test
    void defaultNoticesEveryReferenceDurationSoonerThanThePeer() {
        for (long duration : PollingTable.DURATIONS) {
            assertThat(PollingTable.poll(defaults, duration, 0).lateMillis)
                    .as("late on a %d ms query", duration)
                    .isLessThan(PollingTable.poll(PollingTable.PEER, duration, 0).lateMillis);
        }
    }

    @Test
    void defaultMakesNoMoreCallsThanTheOfficialDriverOnAverage() {
        assertThat(PollingTable.meanCalls(defaults, PollingTable.DURATIONS, 0))
                .isLessThanOrEqualTo(PollingTable.meanCalls(PollingTable.OFFICIAL, PollingTable.DURATIONS, 0));
    }

    @Test
    void aQueryFinishedWhenSubmittedIsNoticedByTheFirstCallWithoutWaiting() {
        PollingTable.Outcome outcome = PollingTable.poll(defaults, 0, 40);

        assertThat(outcome.calls).isEqualTo(1);
        assertThat(outcome.lateMillis).isZero();
    }

    @Test
    void theTableNamesEverySchedule() {
        assertThat(PollingTable.render(0)).contains("this driver 65 ms x2.2", "peer 10 ms x1.8", "official 100 ms x2.0");
    }
}
