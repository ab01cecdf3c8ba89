package ai.connecty.athena.jdbc.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TtlCacheTest {
    private static final long TTL = TimeUnit.SECONDS.toNanos(60);

    /** Far from 0, as System.nanoTime is: its origin is arbitrary, so only differences of readings mean anything. */
    private final AtomicLong clock = new AtomicLong(5_000_000_000_000L);

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

    /** Expiry counts from when the load started, by the difference of clock readings (which may wrap around). */
    @ParameterizedTest
    @ValueSource(longs = {5_000_000_000_000L, Long.MAX_VALUE - 1_000L, -5_000_000_000_000L})
    void anEntryLivesForTheTtlWhateverTheClocksOrigin(long origin) throws Exception {
        clock.set(origin);
        TtlCache<String, String> cache = new TtlCache<>(TTL, clock::get, new AtomicLong());
        assertThat(cache.get("k", () -> "v1")).isEqualTo("v1");
        clock.addAndGet(TTL - 1);
        assertThat(cache.peek("k")).contains("v1");
        assertThat(cache.get("k", () -> "v2")).isEqualTo("v1");
        clock.addAndGet(1);
        assertThat(cache.peek("k")).isEmpty();
        assertThat(cache.get("k", () -> "v2")).isEqualTo("v2");
    }

    /** A table seen in a listing is kept, stamped with the listing's start, unless an invalidation came since. */
    @Test
    void aValueFromAnotherLoadIsKeptOnlyIfNoInvalidationCameSinceItStarted() {
        TtlCache<String, String> cache = new TtlCache<>(TTL, clock::get, new AtomicLong());
        cache.invalidate(k -> true); // the connection already ran DDL once
        long generation = cache.generation();
        long start = cache.now();
        cache.putFrom("t", "seen", generation, start);
        clock.addAndGet(TTL - 1);
        assertThat(cache.peek("t")).contains("seen");
        clock.addAndGet(1);
        assertThat(cache.peek("t")).isEmpty();

        long before = cache.generation();
        cache.invalidate(k -> k.equals("elsewhere"));
        cache.putFrom("u", "from before the DDL", before, cache.now());
        assertThat(cache.peek("u")).isEmpty();
    }

    /** A TTL of 0 turns caching off: a caller does not wait for, nor get, the answer of a load started before. */
    @Test
    void withTtlZeroNoCallerSharesAnotherCallersLoad() throws Exception {
        TtlCache<String, String> cache = new TtlCache<>(0, clock::get, new AtomicLong());
        try (HeldLoad first = new HeldLoad(cache)) {
            assertThat(cache.get("k", () -> "second")).isEqualTo("second");
            assertThat(first.release()).isEqualTo("first");
            assertThat(cache.peek("k")).isEmpty();
        }
    }

    /** Interrupted while waiting for another thread's load: it loads for itself, uncached, and stays interrupted. */
    @Test
    void aCallerInterruptedWhileWaitingLoadsForItselfAndKeepsItsInterrupt() throws Exception {
        TtlCache<String, String> cache = new TtlCache<>(TTL, clock::get, new AtomicLong());
        try (HeldLoad first = new HeldLoad(cache)) {
            String mine;
            boolean stillInterrupted;
            Thread.currentThread().interrupt();
            try {
                mine = cache.get("k", () -> "second");
            } finally {
                stillInterrupted = Thread.interrupted();
            }
            assertThat(mine).isEqualTo("second");
            assertThat(stillInterrupted).isTrue();
            assertThat(first.release()).isEqualTo("first");
            assertThat(cache.peek("k")).contains("first");
        }
    }

    /** Another thread's load of "k", which answers "first" once released and is under way when this returns. */
    private static final class HeldLoad implements AutoCloseable {
        private final CountDownLatch release = new CountDownLatch(1);
        private final ExecutorService pool = Executors.newSingleThreadExecutor();
        private final Future<String> answer;

        HeldLoad(TtlCache<String, String> cache) throws InterruptedException {
            CountDownLatch loading = new CountDownLatch(1);
            answer = pool.submit(() -> cache.get("k", () -> {
                loading.countDown();
                awaitQuietly(release);
                return "first";
            }));
            assertThat(loading.await(10, TimeUnit.SECONDS)).as("the other thread's load started").isTrue();
        }

        /** Lets the load finish; its answer. */
        String release() throws Exception {
            release.countDown();
            return answer.get(10, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
