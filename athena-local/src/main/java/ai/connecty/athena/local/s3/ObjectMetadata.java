package ai.connecty.athena.local.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import ai.connecty.athena.local.storage.BucketStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ETag, size, modification time and content type of stored objects. Buckets are plain folders (the query
 * engine reads and writes them too), so nothing is stored beside the files: ETags are MD5s computed on
 * demand and cached while the file's size and mtime are unchanged; content types given on PUT (or by the
 * engine for result files) are remembered in memory by the {@link BucketStore} and otherwise guessed from the
 * extension.
 */
final class ObjectMetadata {

    record Info(long size, Instant lastModified, String etag, String contentType) {
    }

    private record Fingerprint(long size, long modifiedMillis) {
    }

    private record CachedEtag(Fingerprint fingerprint, String etag) {
    }

    private static final Map<String, String> TYPES_BY_EXTENSION = Map.of(
            "csv", "text/csv", "txt", "text/plain", "json", "application/json", "parquet", "application/octet-stream",
            "metadata", "application/octet-stream", "gz", "application/gzip");

    private final Map<Path, CachedEtag> etags = new ConcurrentHashMap<>();
    private final BucketStore store;

    ObjectMetadata(BucketStore store) {
        this.store = store;
    }

    Info read(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            Fingerprint fp = new Fingerprint(attributes.size(), attributes.lastModifiedTime().toMillis());
            CachedEtag cached = etags.get(file);
            if (cached == null || !cached.fingerprint().equals(fp)) {
                cached = new CachedEtag(fp, "\"" + md5(file) + "\"");
                etags.put(file, cached);
            }
            return new Info(fp.size(), attributes.lastModifiedTime().toInstant(), cached.etag(), contentType(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Keeps {@code etag} as the ETag of {@code file} while the file stays as it is now: a multipart object's
     * ETag (MD5 of the parts' MD5s, dash, part count) cannot be recomputed from its bytes, and S3 keeps it.
     */
    void rememberEtag(Path file, String etag) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            etags.put(file, new CachedEtag(new Fingerprint(attributes.size(), attributes.lastModifiedTime().toMillis()),
                    etag));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void remember(Path file, String contentType) {
        store.rememberContentType(file, contentType);
    }

    void forget(Path file) {
        etags.remove(file);
        store.rememberContentType(file, null);
    }

    private String contentType(Path file) {
        Optional<String> remembered = store.contentType(file);
        if (remembered.isPresent()) {
            return remembered.get();
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES_BY_EXTENSION.getOrDefault(extension, "binary/octet-stream");
    }

    private static String md5(Path file) throws IOException {
        MessageDigest md5 = newMd5();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                md5.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }
}
