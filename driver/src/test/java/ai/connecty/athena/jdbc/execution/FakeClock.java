package ai.connecty.athena.jdbc.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A polling clock whose waits return at once, advance time by the delay asked for and are recorded. */
final class FakeClock implements PollingClock {
    final List<Long> waits = new ArrayList<>();
    private long nanos;
    private Runnable onWait = () -> { };

    void onWait(Runnable action) {
        this.onWait = action;
    }

    @Override
    public long nanoTime() {
        return nanos;
    }

    @Override
    public void waitFor(long millis, CancelSignal signal) {
        waits.add(millis);
        nanos += TimeUnit.MILLISECONDS.toNanos(millis);
        onWait.run();
    }
}
