package ai.connecty.athena.jdbc.execution;

/**
 * Time as the polling loop sees it. Tests replace it to run the loop without sleeping and to observe the
 * delays it asked for.
 */
public interface PollingClock {
    /** Monotonic time, as {@link System#nanoTime()}. */
    long nanoTime();

    /** Waits {@code millis}, returning early if {@code signal} fires. */
    void waitFor(long millis, CancelSignal signal) throws InterruptedException;

    /** The real clock. */
    PollingClock SYSTEM = new PollingClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void waitFor(long millis, CancelSignal signal) throws InterruptedException {
            signal.await(millis);
        }
    };
}
