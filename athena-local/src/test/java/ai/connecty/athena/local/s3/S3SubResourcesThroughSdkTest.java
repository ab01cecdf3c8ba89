package ai.connecty.athena.local.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.http.FakeBackendExtension;
import ai.connecty.athena.local.http.SdkClients;
import ai.connecty.athena.local.http.SdkClientsExtension;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.DeletedObject;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Requests on S3 sub-resources never act on the object or bucket itself: multipart uploads are implemented, every
 * other sub-resource is answered 501 NotImplemented naming the operation actually called.
 */
@ExtendWith(FakeBackendExtension.class)
class S3SubResourcesThroughSdkTest {

    private static final String BUCKET = "athena-results";
    private static final String KEY = "subresources/object.txt";
    private static final String CONTENT = "the object's own bytes";

    static LocalAthena athena;

    @RegisterExtension
    static final SdkClientsExtension clients = new SdkClientsExtension(() -> athena);

    @BeforeEach
    void putObject() {
        clients.s3()
                .putObject(r -> r.bucket(BUCKET).key(KEY).contentType("text/plain"), RequestBody.fromString(CONTENT));
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("PutObjectTagging", (Consumer<S3Client>) c -> c.putObjectTagging(r -> r.bucket(BUCKET)
                        .key(KEY).tagging(t -> t.tagSet(s -> s.key("k").value("v"))))),
                Arguments.of("GetObjectTagging", (Consumer<S3Client>) c -> c.getObjectTagging(r -> r.bucket(BUCKET).key(KEY))),
                Arguments.of("DeleteObjectTagging", (Consumer<S3Client>) c -> c.deleteObjectTagging(r -> r.bucket(BUCKET)
                        .key(KEY))),
                Arguments.of("PutObjectAcl", (Consumer<S3Client>) c -> c.putObjectAcl(r -> r.bucket(BUCKET).key(KEY)
                        .acl(ObjectCannedACL.PRIVATE))),
                Arguments.of("GetObjectAcl", (Consumer<S3Client>) c -> c.getObjectAcl(r -> r.bucket(BUCKET).key(KEY))),
                Arguments.of("GetObjectAttributes", (Consumer<S3Client>) c -> c.getObjectAttributes(r -> r.bucket(BUCKET)
                        .key(KEY).objectAttributesWithStrings("ETag"))),
                Arguments.of("GetBucketVersioning", (Consumer<S3Client>) c -> c.getBucketVersioning(r -> r.bucket(BUCKET))),
                Arguments.of("PutBucketVersioning", (Consumer<S3Client>) c -> c.putBucketVersioning(r -> r.bucket(BUCKET)
                        .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)))),
                Arguments.of("GetBucketAcl", (Consumer<S3Client>) c -> c.getBucketAcl(r -> r.bucket(BUCKET))),
                Arguments.of("GetBucketPolicy", (Consumer<S3Client>) c -> c.getBucketPolicy(r -> r.bucket(BUCKET))),
                Arguments.of("DeleteBucketPolicy", (Consumer<S3Client>) c -> c.deleteBucketPolicy(r -> r.bucket(BUCKET))),
                Arguments.of("GetBucketCors", (Consumer<S3Client>) c -> c.getBucketCors(r -> r.bucket(BUCKET))),
                Arguments.of("DeleteBucketCors", (Consumer<S3Client>) c -> c.deleteBucketCors(r -> r.bucket(BUCKET))),
                Arguments.of("GetBucketLifecycleConfiguration", (Consumer<S3Client>) c ->
                        c.getBucketLifecycleConfiguration(r -> r.bucket(BUCKET))),
                Arguments.of("DeleteBucketTagging", (Consumer<S3Client>) c -> c.deleteBucketTagging(r -> r.bucket(BUCKET))),
                Arguments.of("ListMultipartUploads", (Consumer<S3Client>) c -> c.listMultipartUploads(r -> r.bucket(BUCKET))),
                Arguments.of("ListObjectVersions", (Consumer<S3Client>) c -> c.listObjectVersions(r -> r.bucket(BUCKET))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void subResourcesAreRefusedByNameAndLeaveTheObjectAlone(String operation, Consumer<S3Client> call) {
        assertThatThrownBy(() -> call.accept(clients.s3())).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(501);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotImplemented");
            assertThat(e.awsErrorDetails().errorMessage()).startsWith("athena-local does not implement " + operation + ";");
        });
        var object = clients.s3().getObjectAsBytes(r -> r.bucket(BUCKET).key(KEY));
        assertThat(object.asString(StandardCharsets.UTF_8)).isEqualTo(CONTENT);
        assertThat(object.response().contentType()).isEqualTo("text/plain");
        assertThat(athena.buckets().bucketExists(BUCKET)).isTrue();
    }

    @Test
    void multipartUploadJoinsThePartsInOrderIntoOneObject() {
        byte[] first = filled((int) MultipartUploads.MIN_PART_SIZE, 'a');
        byte[] second = filled(1000, 'b');
        String id = clients.s3().createMultipartUpload(r -> r.bucket(BUCKET).key("multipart/big.bin")
                .contentType("application/x-test")).uploadId();
        String e2 = clients.s3().uploadPart(r -> r.bucket(BUCKET).key("multipart/big.bin").uploadId(id).partNumber(2),
                RequestBody.fromBytes(second)).eTag();
        String e1 = clients.s3().uploadPart(r -> r.bucket(BUCKET).key("multipart/big.bin").uploadId(id).partNumber(1),
                RequestBody.fromBytes(first)).eTag();
        assertThat(clients.s3().listObjectsV2(r -> r.bucket(BUCKET).prefix("multipart/")).contents())
                .as("nothing is visible before completion").isEmpty();

        String etag = clients.s3().completeMultipartUpload(r -> r.bucket(BUCKET).key("multipart/big.bin").uploadId(id)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(e1).build(),
                        CompletedPart.builder().partNumber(2).eTag(e2).build()))).eTag();

        assertThat(etag).endsWith("-2\"");
        var got = clients.s3().getObjectAsBytes(r -> r.bucket(BUCKET).key("multipart/big.bin"));
        byte[] expected = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, expected, first.length, second.length);
        assertThat(got.asByteArray()).isEqualTo(expected);
        assertThat(got.response().contentType()).isEqualTo("application/x-test");
        assertThat(got.response().eTag()).as("S3 keeps the multipart ETag").isEqualTo(etag);
        assertThat(clients.s3().headObject(r -> r.bucket(BUCKET).key("multipart/big.bin")).eTag()).isEqualTo(etag);
        assertThatThrownBy(() -> clients.s3()
                .uploadPart(r -> r.bucket(BUCKET).key("multipart/big.bin").uploadId(id).partNumber(3),
                RequestBody.fromBytes(second))).isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchUpload"));
    }

    @Test
    void anAbortedUploadLeavesNoObjectAndForgetsItsParts() {
        String id = clients.s3().createMultipartUpload(r -> r.bucket(BUCKET).key(KEY)).uploadId();
        clients.s3()
                .uploadPart(r -> r.bucket(BUCKET).key(KEY).uploadId(id).partNumber(1),
                RequestBody.fromString("replacement"));
        clients.s3().abortMultipartUpload(r -> r.bucket(BUCKET).key(KEY).uploadId(id));

        assertThat(clients.s3().getObjectAsBytes(r -> r.bucket(BUCKET).key(KEY)).asString(StandardCharsets.UTF_8))
                .isEqualTo(CONTENT);
        assertThatThrownBy(() -> clients.s3().completeMultipartUpload(r -> r.bucket(BUCKET).key(KEY).uploadId(id)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).build()))))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchUpload");
                });
    }

    @Test
    void partsBelowFiveMegabytesAreRefusedUnlessLast() {
        String id = clients.s3().createMultipartUpload(r -> r.bucket(BUCKET).key("multipart/small.bin")).uploadId();
        String e1 = clients.s3().uploadPart(r -> r.bucket(BUCKET).key("multipart/small.bin").uploadId(id).partNumber(1),
                RequestBody.fromString("small")).eTag();
        String e2 = clients.s3().uploadPart(r -> r.bucket(BUCKET).key("multipart/small.bin").uploadId(id).partNumber(2),
                RequestBody.fromString("last")).eTag();
        assertThatThrownBy(() -> clients.s3()
                .completeMultipartUpload(r -> r.bucket(BUCKET).key("multipart/small.bin").uploadId(id)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(e1).build(),
                        CompletedPart.builder().partNumber(2).eTag(e2).build()))))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("EntityTooSmall"));
        assertThat(athena.buckets().exists(BUCKET, "multipart/small.bin")).isFalse();
        clients.s3().abortMultipartUpload(r -> r.bucket(BUCKET).key("multipart/small.bin").uploadId(id));
    }

    @Test
    void deleteObjectsDeletesEachAllowedKeyAndReportsTheOthers() {
        clients.s3().putObject(r -> r.bucket(BUCKET).key("batch/a.txt"), RequestBody.fromString("a"));
        clients.s3().putObject(r -> r.bucket(BUCKET).key("batch/b & c.txt"), RequestBody.fromString("b"));
        var result = clients.s3().deleteObjects(r -> r.bucket(BUCKET).delete(d -> d.objects(
                ObjectIdentifier.builder().key("batch/a.txt").build(),
                ObjectIdentifier.builder().key("batch/b & c.txt").build(),
                ObjectIdentifier.builder().key("batch/never-there.txt").build())));
        assertThat(result.deleted()).extracting(DeletedObject::key)
                .containsExactly("batch/a.txt", "batch/b & c.txt", "batch/never-there.txt");
        assertThat(result.errors()).isEmpty();
        assertThat(clients.s3().listObjectsV2(r -> r.bucket(BUCKET).prefix("batch/")).contents()).isEmpty();

        clients.s3().putObject(r -> r.bucket(BUCKET).key("batch/kept.txt"), RequestBody.fromString("kept"));
        AwsCredentials role;
        try (StsClient sts = SdkClients.sts(athena, SdkClients.SERVICE_ACCOUNT)) {
            role = SdkClients.session(sts.assumeRole(r -> r.roleArn(LocalAthena.ROLE_ARN).roleSessionName("batch"))
                    .credentials());
        }
        try (S3Client guide = SdkClients.s3(athena, role)) {
            var denied = guide.deleteObjects(r -> r.bucket(BUCKET).delete(d -> d.objects(
                    ObjectIdentifier.builder().key("batch/kept.txt").build())));
            assertThat(denied.deleted()).isEmpty();
            assertThat(denied.errors()).extracting(S3Error::key, S3Error::code)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("batch/kept.txt", "AccessDenied"));
        }
        assertThat(clients.s3().getObjectAsBytes(r -> r.bucket(BUCKET).key("batch/kept.txt")).asUtf8String())
                .isEqualTo("kept");
    }

    private static byte[] filled(int n, char c) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) c);
        return b;
    }
}
