package ai.connecty.athena.local.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What was learnt by reading a file (its Parquet column names, whether a CSV file is plain), kept while the file's
 * size and modification time stay the same: views are rebound at the start of every query, and reading every file
 * again each time would cost more than the query. Not thread-safe: callers hold their own lock.
 *
 * @param <K> what the answer is of: the file, with whatever else the answer depends on
 * @param <V> the answer
 */
final class PerFileVersion<K, V> {

    private record Version(long size, long modified) {
    }

    private record Known<V>(Version version, V value) {
    }

    private final Map<K, Known<V>> known = new HashMap<>();

    /** The answer for {@code key}, computed by {@code read} when {@code file} is new or changed since. */
    V get(K key, Path file, Supplier<V> read) {
        Version version = versionOf(file);
        Known<V> kept = known.get(key);
        if (kept != null && kept.version().equals(version)) {
            return kept.value();
        }
        V value = read.get();
        known.put(key, new Known<>(version, value));
        return value;
    }

    private static Version versionOf(Path file) {
        try {
            return new Version(Files.size(file), Files.getLastModifiedTime(file).toMillis());
        } catch (IOException e) {
            return new Version(-1, -1);
        }
    }
}
