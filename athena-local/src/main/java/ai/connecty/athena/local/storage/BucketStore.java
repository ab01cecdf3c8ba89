package ai.connecty.athena.local.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * S3 as folders: bucket {@code b} is the directory {@code <dataDir>/buckets/b}, key {@code a/b.csv} the file
 * below it. Both the S3 API and the query engine (which writes results and reads table data) use this one
 * layout, so a file written by a query is visible to GetObject and a file PUT by a client to the next query.
 */
public final class BucketStore {

    private final Path root;
    /** Content types given when objects were written (by a PUT or by the engine), served back by GetObject. */
    private final java.util.Map<Path, String> contentTypes = new java.util.concurrent.ConcurrentHashMap<>();

    public BucketStore(Path dataDir) {
        this.root = dataDir.resolve("buckets").toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return root;
    }

    public boolean bucketExists(String bucket) {
        return isValidBucketName(bucket) && Files.isDirectory(root.resolve(bucket));
    }

    public void createBucket(String bucket) {
        requireValidBucket(bucket);
        try {
            Files.createDirectories(root.resolve(bucket));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> buckets() {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The file that holds {@code bucket/key}. Refuses keys that would escape the bucket ({@code ..}), so a
     * hostile key can never read or write outside the data directory.
     */
    public Path path(String bucket, String key) {
        requireValidBucket(bucket);
        Path bucketDir = root.resolve(bucket);
        Path p = bucketDir.resolve(key).normalize();
        if (!p.startsWith(bucketDir) || p.equals(bucketDir)) {
            throw new IllegalArgumentException("Key escapes its bucket: " + key);
        }
        return p;
    }

    /** The local path of an {@code s3://bucket/prefix} URI (which may name a folder). */
    public Path pathOf(String s3Uri) {
        S3Location loc = S3Location.parse(s3Uri);
        return loc.key().isEmpty() ? root.resolve(loc.bucket()) : path(loc.bucket(), loc.key());
    }

    public boolean exists(String bucket, String key) {
        return Files.isRegularFile(path(bucket, key));
    }

    public Optional<byte[]> read(String bucket, String key) {
        Path p = path(bucket, key);
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes atomically (temp file + move), so a reader never sees half an object. */
    public void put(String bucket, String key, byte[] content) {
        writeAtomically(path(bucket, key), content);
    }

    /**
     * Writes {@code file} through a hidden temp file next to it (skipped by listings) and a move, so a reader
     * never sees half of it.
     */
    public static void writeAtomically(Path file, byte[] content) {
        try {
            Path tmp = tempFileNextTo(file);
            Files.write(tmp, content);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new hidden temp file in the folder of {@code file} (created if missing); listings skip it. */
    public static Path tempFileNextTo(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.createTempFile(file.getParent(), ".put-", ".tmp");
    }

    /** Records the content type of {@code file}; null or blank forgets it (the extension decides again). */
    public void rememberContentType(Path file, String contentType) {
        if (contentType == null || contentType.isBlank()) {
            contentTypes.remove(file);
        } else {
            contentTypes.put(file, contentType);
        }
    }

    public Optional<String> contentType(Path file) {
        return Optional.ofNullable(contentTypes.get(file));
    }

    public boolean delete(String bucket, String key) {
        try {
            contentTypes.remove(path(bucket, key));
            return Files.deleteIfExists(path(bucket, key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every key under {@code prefix}, in S3's order (by UTF-8 bytes: {@link KeyOrder}); temp files are skipped. */
    public List<String> list(String bucket, String prefix) {
        requireValidBucket(bucket);
        Path bucketDir = root.resolve(bucket);
        if (!Files.isDirectory(bucketDir)) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        try (Stream<Path> s = Files.walk(bucketDir)) {
            s.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith(".put-"))
                    .map(f -> bucketDir.relativize(f).toString().replace('\\', '/'))
                    .filter(k -> k.startsWith(prefix == null ? "" : prefix))
                    .forEach(keys::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        keys.sort(KeyOrder.UTF8);
        return keys;
    }

    public static boolean isValidBucketName(String bucket) {
        return bucket != null && bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]") && !bucket.contains("..");
    }

    private static void requireValidBucket(String bucket) {
        if (!isValidBucketName(bucket)) {
            throw new IllegalArgumentException("Invalid bucket name: " + bucket);
        }
    }
}
