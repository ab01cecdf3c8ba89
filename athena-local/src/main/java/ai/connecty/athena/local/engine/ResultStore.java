package ai.connecty.athena.local.engine;

import ai.connecty.athena.local.storage.BucketStore;
import ai.connecty.athena.local.storage.S3Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes result objects into the bucket store, so S3 GetObject serves them. Athena reports SUCCEEDED even when
 * the output bucket does not exist; then the files go to a private spool folder instead (GetQueryResults still
 * works, S3 has nothing), rather than silently creating the bucket.
 */
public final class ResultStore {

    /**
     * Athena never gives result files a text type (measured-behaviour §4.2): statements answered without the engine
     * (literal-only SELECT, SHOW, column-less DDL) are {@code binary/octet-stream}, everything the engine or a
     * Hive describe produces, and every failure text, is {@code application/octet-stream}.
     */
    public static final String BINARY = "binary/octet-stream";
    public static final String APPLICATION = "application/octet-stream";

    private final BucketStore buckets;
    private final Path spool;

    public ResultStore(BucketStore buckets, Path dataDir) {
        this.buckets = buckets;
        this.spool = dataDir.resolve("spool").toAbsolutePath();
    }

    public BucketStore buckets() {
        return buckets;
    }

    public Path pathOf(S3Location location) {
        if (buckets.bucketExists(location.bucket())) {
            return buckets.path(location.bucket(), location.key());
        }
        Path p = spool.resolve(location.bucket()).resolve(location.key()).normalize();
        if (!p.startsWith(spool)) {
            throw new IllegalArgumentException("Key escapes the spool folder: " + location);
        }
        return p;
    }

    public void put(S3Location location, byte[] content) {
        put(location, content, APPLICATION);
    }

    public void put(S3Location location, byte[] content, String contentType) {
        Path p = pathOf(location);
        BucketStore.writeAtomically(p, content);
        buckets.rememberContentType(p, contentType);
    }

    /** A temp file next to where {@code location} will live; {@link #publish} moves it into place. */
    public Path tempFor(S3Location location) {
        try {
            return BucketStore.tempFileNextTo(pathOf(location));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path publish(Path temp, S3Location location, String contentType) {
        Path p = pathOf(location);
        try {
            Files.move(temp, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            buckets.rememberContentType(p, contentType);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover temp file is skipped by listings anyway
        }
    }
}
