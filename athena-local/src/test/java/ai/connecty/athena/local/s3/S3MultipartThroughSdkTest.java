package ai.connecty.athena.local.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.http.FakeBackendExtension;
import ai.connecty.athena.local.http.SdkClientsExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The answers of a multipart upload a client relies on, through the AWS SDK, as the S3 API reference for
 * UploadPart and CompleteMultipartUpload gives them: a part's ETag is its quoted MD5 and the object's is the MD5
 * of the parts' MD5s with the part count; each upload has its own id, bound to its key; part numbers run 1 to
 * 10000; the parts listed must exist with the ETag given, in strictly ascending order, and at least one.
 */
@ExtendWith(FakeBackendExtension.class)
class S3MultipartThroughSdkTest {

    private static final String BUCKET = "athena-results";

    static LocalAthena athena;

    @RegisterExtension
    static final SdkClientsExtension clients = new SdkClientsExtension(() -> athena);

    @Test
    void etagsAreThePartsMd5AndTheMd5OfTheirMd5s() {
        String key = "multipart-answers/one-part.txt";
        String id = create(key);
        String partEtag = part(key, id, 1, "only part");
        assertThat(partEtag).isEqualTo("\"" + md5Hex("only part".getBytes(StandardCharsets.UTF_8)) + "\"");
        String etag = clients.s3().completeMultipartUpload(r -> r.bucket(BUCKET).key(key).uploadId(id)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(partEtag).build()))).eTag();
        assertThat(etag).isEqualTo("\"" + md5Hex(md5("only part".getBytes(StandardCharsets.UTF_8))) + "-1\"");
        assertThat(clients.s3().getObjectAsBytes(r -> r.bucket(BUCKET).key(key)).asUtf8String()).isEqualTo("only part");
        // Completed, its parts are gone from disk too (athena-local keeps them beside the buckets, one folder each).
        Path uploads = athena.buckets().root().resolveSibling("multipart-uploads");
        assertThat(uploads).isDirectory();
        assertThat(uploads.resolve(id)).doesNotExist();
    }

    @Test
    void eachUploadHasItsOwnIdBoundToItsKey() {
        String key = "multipart-answers/two-uploads.txt";
        String first = create(key);
        String second = create(key);
        assertThat(second).isNotEqualTo(first);
        part(key, first, 1, "first");
        part(key, second, 1, "second");
        complete(key, second, 1);
        assertThat(clients.s3().getObjectAsBytes(r -> r.bucket(BUCKET).key(key)).asUtf8String()).isEqualTo("second");
        complete(key, first, 1);
        assertThat(clients.s3().getObjectAsBytes(r -> r.bucket(BUCKET).key(key)).asUtf8String()).isEqualTo("first");

        String third = create(key);
        assertFails(() -> part("multipart-answers/other-key.txt", third, 1, "x"), 404, "NoSuchUpload");
        assertFails(() -> clients.s3().uploadPart(r -> r.bucket("demo-data").key(key).uploadId(third).partNumber(1),
                RequestBody.fromString("x")), 404, "NoSuchUpload");
        clients.s3().abortMultipartUpload(r -> r.bucket(BUCKET).key(key).uploadId(third));
    }

    @Test
    void partNumbersRunFromOneToTenThousand() {
        String key = "multipart-answers/numbers.txt";
        String id = create(key);
        part(key, id, 10_000, "last possible");
        assertFails(() -> part(key, id, 10_001, "x"), 400, "InvalidArgument");
        assertFails(() -> part(key, id, 0, "x"), 400, "InvalidArgument");
        complete(key, id, 10_000);
        assertThat(clients.s3().getObjectAsBytes(r -> r.bucket(BUCKET).key(key)).asUtf8String())
                .isEqualTo("last possible");
    }

    @Test
    void completionRefusesMissingMismatchedRepeatedOrNoParts() {
        String key = "multipart-answers/refused.txt";
        String id = create(key);
        String etag = part(key, id, 1, "part one");
        String otherEtag = "\"" + md5Hex("another part".getBytes(StandardCharsets.UTF_8)) + "\"";
        assertFails(() -> completeWith(key, id, CompletedPart.builder().partNumber(1).eTag(otherEtag).build()),
                400, "InvalidPart");
        assertFails(() -> completeWith(key, id, CompletedPart.builder().partNumber(2).eTag(etag).build()),
                400, "InvalidPart");
        // The same part twice would store its bytes twice: S3 wants part numbers strictly ascending.
        assertFails(() -> completeWith(key, id, CompletedPart.builder().partNumber(1).eTag(etag).build(),
                CompletedPart.builder().partNumber(1).eTag(etag).build()), 400, "InvalidPartOrder");
        assertFails(() -> completeWith(key, id), 400, "MalformedXML");
        assertThat(athena.buckets().exists(BUCKET, key)).isFalse();
        completeWith(key, id, CompletedPart.builder().partNumber(1).eTag(etag).build());
        assertThat(clients.s3().getObjectAsBytes(r -> r.bucket(BUCKET).key(key)).asUtf8String()).isEqualTo("part one");
    }

    /** NoSuchUpload names the upload id it did not find, as S3's error body does ({@code <UploadId>}). */
    @Test
    void noSuchUploadNamesTheUpload(@org.junit.jupiter.api.io.TempDir Path dir) {
        MultipartUploads uploads = new MultipartUploads(dir);
        String id = uploads.create(BUCKET, "a.txt", null);
        for (String[] call : new String[][] {{"never-created", "a.txt"}, {id, "b.txt"}}) {
            assertThatThrownBy(() -> uploads.abort(call[0], BUCKET, call[1]))
                    .isInstanceOfSatisfying(ai.connecty.athena.local.api.AwsException.class, e -> {
                        assertThat(e.code()).isEqualTo("NoSuchUpload");
                        assertThat(e.extra()).containsEntry("UploadId", call[0]);
                    });
        }
        assertThatThrownBy(() -> uploads.abort(null, BUCKET, "a.txt"))
                .isInstanceOfSatisfying(ai.connecty.athena.local.api.AwsException.class,
                        e -> assertThat(e.extra()).containsEntry("UploadId", ""));
    }

    private static String create(String key) {
        return clients.s3().createMultipartUpload(r -> r.bucket(BUCKET).key(key)).uploadId();
    }

    private static String part(String key, String id, int number, String content) {
        return clients.s3().uploadPart(r -> r.bucket(BUCKET).key(key).uploadId(id).partNumber(number),
                RequestBody.fromString(content)).eTag();
    }

    /** Completes with the one part {@code number}, without its ETag (S3 checks it only when given). */
    private static void complete(String key, String id, int number) {
        completeWith(key, id, CompletedPart.builder().partNumber(number).build());
    }

    private static void completeWith(String key, String id, CompletedPart... parts) {
        clients.s3().completeMultipartUpload(r -> r.bucket(BUCKET).key(key).uploadId(id)
                .multipartUpload(m -> m.parts(parts)));
    }

    private static void assertFails(ThrowingCallable call, int status, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        });
    }

    private static byte[] md5(byte[] bytes) {
        try {
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String md5Hex(byte[] bytes) {
        return HexFormat.of().formatHex(md5(bytes));
    }
}
