package ai.connecty.athena.local.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.api.AwsException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3CodecTest {

    @Test
    void signedChunksWithTrailerDecode() {
        String body = "5;chunk-signature=abc\r\nhello\r\n6;chunk-signature=def\r\n world\r\n0;chunk-signature=0f\r\n"
                + "x-amz-checksum-crc32:DUoRhQ==\r\nx-amz-trailer-signature:ff\r\n\r\n";
        AwsChunkedBody decoded = AwsChunkedBody.decode(body.getBytes(StandardCharsets.US_ASCII));
        assertThat(new String(decoded.content(), StandardCharsets.US_ASCII)).isEqualTo("hello world");
        assertThat(decoded.trailers()).containsOnlyKeys("x-amz-checksum-crc32");
        ChecksumVerifier.verify(decoded.content(), null, decoded.trailers());
    }

    @Test
    void unsignedChunksDecodeAndAWrongChecksumIsBadDigest() {
        String body = "3\r\nabc\r\n0\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n";
        AwsChunkedBody decoded = AwsChunkedBody.decode(body.getBytes(StandardCharsets.US_ASCII));
        assertThat(decoded.content()).isEqualTo("abc".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> ChecksumVerifier.verify(decoded.content(), null, decoded.trailers()))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("BadDigest"));
    }

    @Test
    void truncatedChunkIsAClearError() {
        assertThatThrownBy(() -> AwsChunkedBody.decode("10\r\nshort\r\n".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("IncompleteBody");
                    assertThat(e.getMessage()).contains("aws-chunked");
                });
    }

    /**
     * Every malformed body is 400 IncompleteBody, never an index error (a 500): a chunk one byte longer than
     * the rest of the body, data that ends the body with no CRLF after it, a line cut after its CR, a signed
     * (negative or +) hex size; a long header that is not a size is quoted abbreviated.
     */
    @Test
    void malformedChunksAreIncompleteBodyNotAnIndexError() {
        for (String body : new String[] {"8\r\nshort\r\n", "3\r\nabc", "3\r", "3\r\nabc\r\n0\r\n\r",
                "-2\r\nab\r\n0\r\n\r\n", "+3\r\nabc\r\n0\r\n\r\n", "3\r\nabcd\r\n0\r\n\r\n"}) {
            assertThatThrownBy(() -> AwsChunkedBody.decode(body.getBytes(StandardCharsets.US_ASCII)))
                    .as(body.replace("\r", "\\r").replace("\n", "\\n"))
                    .isInstanceOfSatisfying(AwsException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.code()).isEqualTo("IncompleteBody");
                    });
        }
        String longHeader = "z".repeat(50) + "\r\nabc\r\n0\r\n\r\n";
        assertThatThrownBy(() -> AwsChunkedBody.decode(longHeader.getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.getMessage())
                        .contains("'" + "z".repeat(40) + "...'").doesNotContain("z".repeat(41)));
        String fortyCharacters = "y".repeat(40) + "\r\nabc\r\n0\r\n\r\n";
        assertThatThrownBy(() -> AwsChunkedBody.decode(fortyCharacters.getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.getMessage())
                        .contains("'" + "y".repeat(40) + "'"));
        String shortHeader = "zz\r\nabc\r\n0\r\n\r\n";
        assertThatThrownBy(() -> AwsChunkedBody.decode(shortHeader.getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.getMessage()).contains("'zz'"));
    }

    /** A chunk that ends exactly where the body does, then the last chunk and a trailer, decodes whole. */
    @Test
    void chunksFillingTheBodyExactlyDecode() {
        AwsChunkedBody decoded = AwsChunkedBody.decode("3\r\nabc\r\n0\r\nx-amz-checksum-crc32:NSRBwg==\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        assertThat(decoded.content()).isEqualTo("abc".getBytes(StandardCharsets.US_ASCII));
        assertThat(decoded.trailers()).containsExactly(java.util.Map.entry("x-amz-checksum-crc32", "NSRBwg=="));
        ChecksumVerifier.verify(decoded.content(), null, decoded.trailers());
    }

    /** aws-chunked is recognised by either of its two signs, as the SDK may send one without the other. */
    @Test
    void awsChunkedIsRecognisedByItsEncodingOrItsStreamingPayloadHash() {
        assertThat(AwsChunkedBody.applies("aws-chunked", null)).isTrue();
        assertThat(AwsChunkedBody.applies("gzip,AWS-CHUNKED", "UNSIGNED-PAYLOAD")).isTrue();
        assertThat(AwsChunkedBody.applies(null, "STREAMING-UNSIGNED-PAYLOAD-TRAILER")).isTrue();
        assertThat(AwsChunkedBody.applies("gzip", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD")).isTrue();
        assertThat(AwsChunkedBody.applies(null, null)).isFalse();
        assertThat(AwsChunkedBody.applies("gzip", "UNSIGNED-PAYLOAD")).isFalse();
        assertThat(AwsChunkedBody.applies(null, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"))
                .isFalse();
    }

    /**
     * Each integrity value S3 checks, right and wrong, for "hello world" (values from Python's hashlib and
     * zlib, CRC32C and CRC64NVME by their reflected polynomials, 0x82F63B78 and 0x9A6C9329AC4BC9B5): a right one passes, a wrong one is 400 BadDigest.
     */
    @Test
    void everyChecksumAlgorithmAndContentMd5AreVerified() {
        byte[] content = "hello world".getBytes(StandardCharsets.US_ASCII);
        java.util.Map<String, String> right = java.util.Map.of(
                "x-amz-checksum-crc32", "DUoRhQ==",
                "x-amz-checksum-crc32c", "yZRlqg==",
                "x-amz-checksum-crc64nvme", "jSnVw/bqjr4=",
                "x-amz-checksum-sha1", "Kq5sNclPz7QV2+lfQIuc6R7oRu0=",
                "x-amz-checksum-sha256", "uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=");
        ChecksumVerifier.verify(content, "XrY7u+Ae7tCTyyK7j1rNww==", right);
        right.forEach((name, value) -> {
            ChecksumVerifier.verify(content, null, java.util.Map.of(name, value));
            String wrong = right.get("x-amz-checksum-sha1").equals(value) ? right.get("x-amz-checksum-sha256")
                    : right.get("x-amz-checksum-sha1");
            assertThatThrownBy(() -> ChecksumVerifier.verify(content, null, java.util.Map.of(name, wrong))).as(name)
                    .isInstanceOfSatisfying(AwsException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.code()).isEqualTo("BadDigest");
                    });
        });
        assertThatThrownBy(() -> ChecksumVerifier.verify(content, "Kq5sNclPz7QV2+lfQIuc6R7oRu0=", java.util.Map.of()))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("BadDigest");
                    assertThat(e.getMessage()).contains("Content-MD5");
                });
    }

    /** CRC-64/NVME's published check value: the CRC of "123456789" is 0xAE8B14860A799888. */
    @Test
    void crc64NvmeHasItsCheckValue() {
        assertThat(java.util.HexFormat.of().formatHex(ChecksumVerifier.crc64Nvme(
                "123456789".getBytes(StandardCharsets.US_ASCII)))).isEqualTo("ae8b14860a799888");
        assertThat(ChecksumVerifier.crc64Nvme(new byte[0])).containsOnly(0);
    }

    @Test
    void rangesFollowHttpRules() {
        assertThat(ByteRange.parse("bytes=0-0", 10)).hasValue(new ByteRange(0, 0, 10));
        assertThat(ByteRange.parse("bytes=5-100", 10)).hasValue(new ByteRange(5, 9, 10));
        assertThat(ByteRange.parse("bytes=-20", 10)).hasValue(new ByteRange(0, 9, 10));
        assertThat(ByteRange.parse("bytes=0-1,4-5", 10)).isEmpty();
        assertThat(ByteRange.parse(null, 10)).isEmpty();
        assertThatThrownBy(() -> ByteRange.parse("bytes=0-", 0)).isInstanceOfSatisfying(AwsException.class,
                e -> assertThat(e.status()).isEqualTo(416));
    }

    /**
     * The bounds a ranged reader (the driver's resumed GETs) depends on, byte for byte: the last byte alone, a
     * suffix of exactly the object, a first byte at the size (416 with the size, as S3), a range ending before it
     * starts (ignored: the whole object), an empty suffix or object (416), and each range's length and header.
     */
    @Test
    void rangeBoundsAreExact() {
        assertThat(ByteRange.parse("bytes=9-9", 10)).hasValue(new ByteRange(9, 9, 10));
        assertThat(ByteRange.parse("bytes=9-", 10)).hasValue(new ByteRange(9, 9, 10));
        assertThat(ByteRange.parse(" bytes=3-6 ", 10)).hasValue(new ByteRange(3, 6, 10));
        assertThat(ByteRange.parse("bytes=3-3", 10).orElseThrow().length()).isEqualTo(1);
        assertThat(ByteRange.parse("bytes=3-6", 10).orElseThrow().length()).isEqualTo(4);
        assertThat(ByteRange.parse("bytes=3-6", 10).orElseThrow().contentRange()).isEqualTo("bytes 3-6/10");
        assertThat(ByteRange.parse("bytes=-10", 10)).hasValue(new ByteRange(0, 9, 10));
        assertThat(ByteRange.parse("bytes=-3", 10)).hasValue(new ByteRange(7, 9, 10));
        assertThat(ByteRange.parse("bytes=-1", 1)).hasValue(new ByteRange(0, 0, 1));
        assertThat(ByteRange.parse("bytes=6-5", 10)).isEmpty();
        assertThat(ByteRange.parse("bytes=-", 10)).isEmpty();
        assertThat(ByteRange.parse("bytes=5-x", 10)).isEmpty();
        assertThat(ByteRange.parse("bytes=99999999999999999999-", 10)).as("not a long").isEmpty();
        for (String unsatisfiable : new String[] {"bytes=10-", "bytes=10-20", "bytes=-0"}) {
            assertThatThrownBy(() -> ByteRange.parse(unsatisfiable, 10)).as(unsatisfiable)
                    .isInstanceOfSatisfying(AwsException.class, e -> {
                        assertThat(e.status()).isEqualTo(416);
                        assertThat(e.code()).isEqualTo("InvalidRange");
                    });
        }
        assertThatThrownBy(() -> ByteRange.parse("bytes=-5", 0)).isInstanceOfSatisfying(AwsException.class,
                e -> assertThat(e.status()).isEqualTo(416));
    }

    @Test
    void listingCountsPrefixesAgainstMaxKeysAndResumesAfterAPrefix() {
        List<String> keys = List.of("a/1", "a/2", "b", "c/1", "d");
        ObjectListing first = ObjectListing.page(keys, "", "/", null, null, 2);
        assertThat(first.commonPrefixes()).containsExactly("a/");
        assertThat(first.keys()).containsExactly("b");
        assertThat(first.truncated()).isTrue();
        ObjectListing second = ObjectListing.page(keys, "", "/", first.nextToken(), null, 2);
        assertThat(second.commonPrefixes()).containsExactly("c/");
        assertThat(second.keys()).containsExactly("d");
        assertThat(second.truncated()).isFalse();
        assertThat(ObjectListing.page(keys, "", null, null, "b", 10).keys()).containsExactly("c/1", "d");
    }

    /** max-keys=0 is an empty page that is not truncated and has no token, as AWS answers it. */
    @Test
    void zeroMaxKeysIsAnEmptyCompletePage() {
        ObjectListing none = ObjectListing.page(List.of("a", "b/1"), "", "/", null, null, 0);
        assertThat(none.keys()).isEmpty();
        assertThat(none.commonPrefixes()).isEmpty();
        assertThat(none.truncated()).isFalse();
        assertThat(none.nextToken()).isNull();
    }

    /** A key that starts with the delimiter rolls up into the delimiter alone, as any other key does at it. */
    @Test
    void aKeyStartingWithTheDelimiterRollsUpToIt() {
        ObjectListing page = ObjectListing.page(List.of("/root.csv", "a/1", "b"), "", "/", null, null, 10);
        assertThat(page.commonPrefixes()).containsExactly("/", "a/");
        assertThat(page.keys()).containsExactly("b");
    }
}
