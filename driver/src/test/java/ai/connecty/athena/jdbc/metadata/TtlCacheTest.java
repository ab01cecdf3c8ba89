package ai.connecty.athena.jdbc.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TtlCacheTest {

    /** A key whose hashCode, once armed, stops its caller until released: a hook into the cache's map calls. */
    private static final class GatedKey {
        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean armed;

        @Override
        public int hashCode() {
            if (armed) {
                armed = false;
                reached.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return 1;
        }

        @Override
        public boolean equals(Object o) {
            return o == this;
        }
    }

    @Test
    void anInvalidationJustBeforeTheLoadedValueIsStoredStillWins() throws Exception {
        TtlCache<GatedKey, String> cache = new TtlCache<>(TimeUnit.SECONDS.toNanos(60), () -> 1_000L, new AtomicLong());
        GatedKey key = new GatedKey();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<String> load = pool.submit(() -> cache.get(key, () -> {
                // The next use of the key after the load is the cache storing the value.
                key.armed = true;
                return "before the DDL";
            }));
            assertThat(key.reached.await(10, TimeUnit.SECONDS)).isTrue();
            Thread invalidation = new Thread(() -> cache.invalidate(k -> true));
            invalidation.start();
            // Either it ran at once, or it waits for the store under way to finish.
            while (invalidation.isAlive() && invalidation.getState() != Thread.State.BLOCKED) {
                Thread.onSpinWait();
            }
            key.release.countDown();
            invalidation.join();
            assertThat(load.get(10, TimeUnit.SECONDS)).isEqualTo("before the DDL");
        } finally {
            key.release.countDown();
            pool.shutdownNow();
        }
        assertThat(cache.peek(key)).isEmpty();
    }
}
