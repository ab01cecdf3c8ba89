package ai.connecty.athena.jdbc.execution;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Fired once by Statement.cancel() (any thread); wakes the polling wait at once instead of after its delay. */
public final class CancelSignal {
    private final CountDownLatch fired = new CountDownLatch(1);

    public void fire() {
        fired.countDown();
    }

    public boolean isFired() {
        return fired.getCount() == 0;
    }

    /** Waits up to {@code millis}; returns true as soon as the signal fires. */
    public boolean await(long millis) throws InterruptedException {
        return fired.await(millis, TimeUnit.MILLISECONDS);
    }
}
