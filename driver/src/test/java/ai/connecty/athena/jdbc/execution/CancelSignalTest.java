package ai.connecty.athena.jdbc.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The signal a cancel wakes the polling wait with, and the real clock's wait on it. No test measures a wait: an
 * interrupted thread shows whether a wait was entered at all, a fired signal that it returns at once.
 */
class CancelSignalTest {

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void theFirstCallToFireIsKept() throws InterruptedException {
        CancelSignal signal = new CancelSignal();
        assertThat(signal.isFired()).isFalse();
        assertThat(signal.firedBy()).isNull();
        assertThat(signal.await(0)).isFalse();

        signal.fire("Connection.abort()");
        signal.fire("Statement.cancel()");

        assertThat(signal.isFired()).isTrue();
        assertThat(signal.firedBy()).isEqualTo("Connection.abort()");
        assertThat(signal.await(Long.MAX_VALUE)).isTrue();
    }

    @Test
    void theRealClocksWaitReturnsAtOnceOnceTheSignalFired() throws InterruptedException {
        CancelSignal signal = new CancelSignal();
        signal.fire("Statement.cancel()");

        // An hour's wait: the test would hang if the fired signal did not end it.
        PollingClock.SYSTEM.waitFor(3_600_000, signal);

        assertThat(signal.isFired()).isTrue();
    }

    @Test
    void theRealClocksWaitOfAnInterruptedThreadThrows() {
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> PollingClock.SYSTEM.waitFor(3_600_000, new CancelSignal()))
                .isInstanceOf(InterruptedException.class);
    }

    @Test
    void theRealClockIsTheSystemsMonotonicClock() {
        long before = System.nanoTime();
        long now = PollingClock.SYSTEM.nanoTime();
        long after = System.nanoTime();

        assertThat(now).isBetween(before, after);
    }
}
