package ai.connecty.athena.jdbc.execution;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fired once (from any thread) by whatever ends the statement's query: Statement.cancel(), or the close of the
 * statement or of its connection (a pool's abort of an abandoned connection among them). Wakes the polling wait at
 * once instead of after its delay, and keeps who fired it first, for the message the waiting caller gets.
 */
public final class CancelSignal {
    private final CountDownLatch fired = new CountDownLatch(1);
    private final AtomicReference<String> firedBy = new AtomicReference<>();

    /** Fires the signal; {@code by} names the call that did, e.g. {@code "Statement.cancel()"}. */
    public void fire(String by) {
        firedBy.compareAndSet(null, by);
        fired.countDown();
    }

    public boolean isFired() {
        return fired.getCount() == 0;
    }

    /** The call that fired the signal first; null while it has not fired. */
    public String firedBy() {
        return firedBy.get();
    }

    /** Waits up to {@code millis}; returns true as soon as the signal fires. */
    public boolean await(long millis) throws InterruptedException {
        return fired.await(millis, TimeUnit.MILLISECONDS);
    }
}
