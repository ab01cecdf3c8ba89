package ai.connecty.athena.local.s3;

import ai.connecty.athena.local.api.AwsException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * S3 multipart uploads (what {@code aws s3 cp} and the SDK's transfer manager use above 8 MB): parts are kept
 * in a folder outside the buckets until CompleteMultipartUpload joins them into the object in one atomic move,
 * so no reader ever sees a partial object. Uploads live in memory; a restart forgets unfinished ones.
 */
final class MultipartUploads {

    /** S3's minimum size of every part but the last. */
    static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    private static final int MAX_PART_NUMBER = 10_000;
    private static final Pattern PART = Pattern.compile(
            "<Part>(.*?)</Part>", Pattern.DOTALL);
    private static final Pattern PART_NUMBER = Pattern.compile("<PartNumber>\\s*(\\d+)\\s*</PartNumber>");
    private static final Pattern ETAG = Pattern.compile("<ETag>(.*?)</ETag>", Pattern.DOTALL);

    record Upload(String bucket, String key, String contentType, Path dir) {
    }

    /** What CompleteMultipartUpload produced. */
    record Completed(String etag, String contentType) {
    }

    private final Path root;
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    MultipartUploads(Path root) {
        this.root = root;
    }

    String create(String bucket, String key, String contentType) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Path dir = root.resolve(id);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        uploads.put(id, new Upload(bucket, key, contentType, dir));
        return id;
    }

    /** Stores one part (a repeated number replaces it, as in S3) and returns its quoted MD5 ETag. */
    String putPart(String uploadId, String bucket, String key, String partNumber, byte[] content) {
        Upload upload = upload(uploadId, bucket, key);
        int n = partNumber(partNumber);
        try {
            Path tmp = Files.createTempFile(upload.dir(), ".part-", ".tmp");
            Files.write(tmp, content);
            Files.move(tmp, upload.dir().resolve(Integer.toString(n)), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "\"" + HexFormat.of().formatHex(ChecksumVerifier.digest("MD5", content)) + "\"";
    }

    /** Joins the listed parts into {@code target}; the ETag is S3's MD5 of the parts' MD5s, dash, part count. */
    Completed complete(String uploadId, String bucket, String key, String requestXml, Path target) {
        Upload upload = upload(uploadId, bucket, key);
        List<Path> parts = listedParts(upload, requestXml);
        try {
            var md5s = new java.io.ByteArrayOutputStream();
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".put-", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                for (Path part : parts) {
                    byte[] bytes = Files.readAllBytes(part);
                    md5s.write(ChecksumVerifier.digest("MD5", bytes));
                    out.write(bytes);
                }
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            discard(uploadId);
            String etag = "\"" + HexFormat.of().formatHex(ChecksumVerifier.digest("MD5", md5s.toByteArray())) + "-"
                    + parts.size() + "\"";
            return new Completed(etag, upload.contentType());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void abort(String uploadId, String bucket, String key) {
        upload(uploadId, bucket, key);
        discard(uploadId);
    }

    private List<Path> listedParts(Upload upload, String requestXml) {
        Matcher m = PART.matcher(requestXml);
        List<Path> parts = new ArrayList<>();
        int previous = 0;
        while (m.find()) {
            Matcher number = PART_NUMBER.matcher(m.group(1));
            if (!number.find()) {
                throw malformed();
            }
            int n = partNumber(number.group(1));
            if (n <= previous) {
                throw new AwsException(400, "InvalidPartOrder", "The list of parts was not in ascending order. "
                        + "Parts must be ordered by part number.", Map.of("UploadId", upload.dir().getFileName().toString()));
            }
            previous = n;
            Path part = upload.dir().resolve(Integer.toString(n));
            if (!Files.isRegularFile(part)) {
                throw invalidPart(n);
            }
            Matcher etag = ETAG.matcher(m.group(1));
            if (etag.find()) {
                String given = etag.group(1).replace("&quot;", "\"").replace("&#34;", "\"").strip();
                String actual = md5Hex(part);
                if (!given.replace("\"", "").equalsIgnoreCase(actual)) {
                    throw invalidPart(n);
                }
            }
            parts.add(part);
        }
        if (parts.isEmpty()) {
            throw malformed();
        }
        try {
            for (int i = 0; i < parts.size() - 1; i++) {
                if (Files.size(parts.get(i)) < MIN_PART_SIZE) {
                    throw new AwsException(400, "EntityTooSmall", "Your proposed upload is smaller than the minimum "
                            + "allowed object size. Each part but the last must be at least 5 MB.");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parts;
    }

    private Upload upload(String uploadId, String bucket, String key) {
        Upload upload = uploadId == null ? null : uploads.get(uploadId);
        if (upload == null || !upload.bucket().equals(bucket) || !upload.key().equals(key)) {
            throw new AwsException(404, "NoSuchUpload", "The specified upload does not exist. The upload ID may be "
                    + "invalid, or the upload may have been aborted or completed.", Map.of("UploadId",
                    uploadId == null ? "" : uploadId));
        }
        return upload;
    }

    private void discard(String uploadId) {
        Upload upload = uploads.remove(uploadId);
        if (upload == null) {
            return;
        }
        try (Stream<Path> files = Files.list(upload.dir())) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(upload.dir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int partNumber(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= MAX_PART_NUMBER) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new AwsException(400, "InvalidArgument", "Part number must be an integer between 1 and 10000, "
                + "inclusive", Map.of("ArgumentName", "partNumber", "ArgumentValue", String.valueOf(value)));
    }

    private static String md5Hex(Path part) {
        try {
            return HexFormat.of().formatHex(ChecksumVerifier.digest("MD5", Files.readAllBytes(part)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AwsException invalidPart(int n) {
        return new AwsException(400, "InvalidPart", "One or more of the specified parts could not be found. The part "
                + "may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
                Map.of("PartNumber", Integer.toString(n)));
    }

    private static AwsException malformed() {
        return new AwsException(400, "MalformedXML", "The XML you provided was not well-formed or did not validate "
                + "against our published schema");
    }
}
