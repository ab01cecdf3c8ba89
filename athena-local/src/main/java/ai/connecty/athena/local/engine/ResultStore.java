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
        BucketStore.writeAtomically(pathOf(location), content);
    }

    /** A temp file next to where {@code location} will live; {@link #publish} moves it into place. */
    public Path tempFor(S3Location location) {
        try {
            return BucketStore.tempFileNextTo(pathOf(location));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path publish(Path temp, S3Location location) {
        Path p = pathOf(location);
        try {
            Files.move(temp, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void copy(S3Location from, S3Location to) {
        Path source = pathOf(from);
        if (!Files.isRegularFile(source)) {
            return;
        }
        try {
            put(to, Files.readAllBytes(source));
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
