package ai.connecty.athena.local.s3;

import ai.connecty.athena.local.api.AwsException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * Checks the integrity values a client sent with an upload (Content-MD5, x-amz-checksum-* as header or
 * aws-chunked trailer), so a client bug or a corrupted body is refused like S3 does instead of stored.
 * CRC64NVME, which the JDK lacks, is computed here (CRC-64/NVME: reflected, all-ones start and final XOR).
 */
final class ChecksumVerifier {

    /** CRC-64/NVME's polynomial 0xAD93D23594C93659, bit-reversed for the least-significant-bit-first loop. */
    private static final long CRC64_NVME_REFLECTED = 0x9A6C9329AC4BC9B5L;

    private static final Map<String, Function<byte[], byte[]>> ALGORITHMS = Map.of(
            "crc32", b -> checksum(new CRC32(), b),
            "crc64nvme", ChecksumVerifier::crc64Nvme,
            "crc32c", b -> checksum(new CRC32C(), b),
            "sha1", b -> digest("SHA-1", b),
            "sha256", b -> digest("SHA-256", b));

    private ChecksumVerifier() {
    }

    /** @param values lower-case header/trailer names to values */
    static void verify(byte[] content, String contentMd5, Map<String, String> values) {
        if (contentMd5 != null && !contentMd5.equals(Base64.getEncoder().encodeToString(digest("MD5", content)))) {
            throw new AwsException(400, "BadDigest", "The Content-MD5 you specified did not match what we received.");
        }
        ALGORITHMS.forEach((name, algorithm) -> {
            String expected = values.get("x-amz-checksum-" + name);
            if (expected != null && !expected.equals(Base64.getEncoder().encodeToString(algorithm.apply(content)))) {
                throw new AwsException(400, "BadDigest", "The " + name.toUpperCase(Locale.ROOT)
                        + " you specified did not match the calculated checksum.");
            }
        });
    }

    private static byte[] checksum(Checksum checksum, byte[] content) {
        checksum.update(content, 0, content.length);
        return ByteBuffer.allocate(4).putInt((int) checksum.getValue()).array();
    }

    /** What the bit loop makes of each byte value, computed once: the checksum then costs one lookup a byte. */
    private static final long[] CRC64_NVME_TABLE = crc64NvmeTable();

    private static long[] crc64NvmeTable() {
        long[] table = new long[256];
        for (int n = 0; n < 256; n++) {
            long crc = n;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ CRC64_NVME_REFLECTED : crc >>> 1;
            }
            table[n] = crc;
        }
        return table;
    }

    static byte[] crc64Nvme(byte[] content) {
        long crc = -1L;
        for (byte b : content) {
            crc = CRC64_NVME_TABLE[(int) (crc ^ b) & 0xFF] ^ (crc >>> 8);
        }
        return ByteBuffer.allocate(8).putLong(~crc).array();
    }

    static byte[] digest(String algorithm, byte[] content) {
        try {
            return MessageDigest.getInstance(algorithm).digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
