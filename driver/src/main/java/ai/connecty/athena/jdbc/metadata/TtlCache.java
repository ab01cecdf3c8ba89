package ai.connecty.athena.jdbc.metadata;

import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * A small map of values that expire {@code ttlNanos} after they were loaded, safe for the several threads a
 * database tool calls DatabaseMetaData from. Two threads asking for the same missing key share one load. An
 * invalidation that happens while a load is in flight wins: the loaded value is returned to its callers but not
 * kept, because it may predate the DDL that caused the invalidation. A TTL of 0 turns caching off entirely.
 *
 * <p>Hand-written rather than a cache library, because the driver ships as one shaded jar and needs only this,
 * plus the "invalidation beats an in-flight load" rule that general caches do not give.
 */
final class TtlCache<K, V> {
    /** One load of a value; may fail with the SQLException its AWS call was translated to. */
    @FunctionalInterface
    interface Loader<V> {
        V load() throws SQLException;
    }

    private static final class Entry<V> {
        final V value;
        final long loadedAt;

        Entry(V value, long loadedAt) {
            this.value = value;
            this.loadedAt = loadedAt;
        }
    }

    private final long ttlNanos;
    private final LongSupplier nanoClock;
    /** Shared by every cache of one connection, so that invalidating one kind of entry also voids loads of others. */
    private final AtomicLong generation;
    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<K, CompletableFuture<V>> loading = new ConcurrentHashMap<>();

    TtlCache(long ttlNanos, LongSupplier nanoClock, AtomicLong generation) {
        this.ttlNanos = ttlNanos;
        this.nanoClock = nanoClock;
        this.generation = generation;
    }

    boolean enabled() {
        return ttlNanos > 0;
    }

    /** The value if one is cached and fresh; never loads. */
    Optional<V> peek(K key) {
        if (!enabled()) {
            return Optional.empty();
        }
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (nanoClock.getAsLong() - entry.loadedAt >= ttlNanos) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.value);
    }

    /** The cached value, or the result of {@code loader} (which is then cached unless an invalidation intervened). */
    V get(K key, Loader<V> loader) throws SQLException {
        if (!enabled()) {
            return loader.load();
        }
        Optional<V> cached = peek(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> other = loading.putIfAbsent(key, mine);
        if (other != null) {
            V shared = awaitOther(other);
            // The other thread's load failed or we were interrupted: load for ourselves, uncached.
            return shared != null ? shared : loader.load();
        }
        long startGeneration = generation.get();
        long startTime = nanoClock.getAsLong();
        try {
            V value = loader.load();
            store(key, value, startGeneration, startTime);
            mine.complete(value);
            return value;
        } catch (SQLException | RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            loading.remove(key, mine);
        }
    }

    /**
     * Caches a value another load produced (a table seen in a listing), stamped with that load's start, and only
     * if no invalidation happened since {@code startGeneration}.
     */
    void putFrom(K key, V value, long startGeneration, long startTime) {
        if (enabled()) {
            store(key, value, startGeneration, startTime);
        }
    }

    /**
     * Synchronized with {@link #invalidate}: an invalidation landing between the generation check and the put would
     * otherwise find nothing to remove, and the value loaded before it would stay cached for the whole TTL.
     */
    private synchronized void store(K key, V value, long startGeneration, long startTime) {
        if (generation.get() == startGeneration) {
            entries.put(key, new Entry<>(value, startTime));
        }
    }

    long generation() {
        return generation.get();
    }

    long now() {
        return nanoClock.getAsLong();
    }

    synchronized void invalidate(Predicate<K> which) {
        generation.incrementAndGet();
        entries.keySet().removeIf(which);
        // A load in flight read the catalog before the change: a caller arriving now must not share its answer.
        loading.keySet().removeIf(which);
    }

    private static <V> V awaitOther(CompletableFuture<V> other) {
        try {
            return other.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
    }
}
