package ai.connecty.athena.local.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.control.FaultPlan;
import ai.connecty.athena.local.control.FaultRule;
import ai.connecty.athena.local.control.RequestLogEntry;
import ai.connecty.athena.local.http.FakeBackendExtension;
import ai.connecty.athena.local.http.SdkClients;
import ai.connecty.athena.local.http.SdkClientsExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

@ExtendWith(FakeBackendExtension.class)
class S3ThroughSdkTest {

    static LocalAthena athena;

    @RegisterExtension
    static final SdkClientsExtension clients = new SdkClientsExtension(() -> athena);

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) ('a' + i % 26);
        }
        return b;
    }

    @Test
    void putWithDefaultChecksumsIsDecodedFromAwsChunkedAndReadBackIntact() {
        byte[] content = bytes(300_000); // more than two 128 KiB chunks
        var put = clients.s3()
                .putObject(r -> r.bucket("athena-results").key("chunked/big.bin"), RequestBody.fromBytes(content));

        ResponseBytes<GetObjectResponse> got = clients.s3()
                .getObjectAsBytes(r -> r.bucket("athena-results").key("chunked/big.bin"));
        assertThat(got.asByteArray()).isEqualTo(content);
        assertThat(got.response().eTag()).isEqualTo(put.eTag()).startsWith("\"").endsWith("\"");
        assertThat(athena.buckets().read("athena-results", "chunked/big.bin")).hasValueSatisfying(
                stored -> assertThat(stored).isEqualTo(content));
    }

    /**
     * The SDK's own checksums of each algorithm it computes without the CRT are accepted; CRC64NVME (which the SDK
     * computes only with the CRT) is sent as a value, right (from Python, by CRC-64/NVME's definition) and wrong.
     */
    @Test
    void theSdksChecksumsOfEveryAlgorithmAreAcceptedAndAWrongOneRefused() {
        for (var algorithm : new software.amazon.awssdk.services.s3.model.ChecksumAlgorithm[] {
                software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC32,
                software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC32_C,
                software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.SHA1,
                software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.SHA256}) {
            String key = "checksums/" + algorithm + ".txt";
            clients.s3().putObject(r -> r.bucket("demo-data").key(key).checksumAlgorithm(algorithm),
                    RequestBody.fromString("hello world"));
            assertThat(clients.s3().getObjectAsBytes(r -> r.bucket("demo-data").key(key)).asUtf8String())
                    .isEqualTo("hello world");
        }
        clients.s3().putObject(r -> r.bucket("demo-data").key("checksums/crc64nvme.txt").checksumCRC64NVME("jSnVw/bqjr4="),
                RequestBody.fromString("hello world"));
        assertThat(clients.s3().getObjectAsBytes(r -> r.bucket("demo-data").key("checksums/crc64nvme.txt"))
                .asUtf8String()).isEqualTo("hello world");
        assertThatThrownBy(() -> clients.s3().putObject(r -> r.bucket("demo-data").key("checksums/wrong.txt")
                .checksumCRC64NVME("AAAAAAAAAAA="), RequestBody.fromString("hello world")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BadDigest");
                });
    }

    @Test
    void emptyFolderMarkerBecomesADirectoryButMayNotLeaveItsBucket() {
        clients.s3().putObject(r -> r.bucket("athena-results").key("markers/inside/"), RequestBody.empty());
        assertThat(athena.buckets().root().resolve("athena-results").resolve("markers/inside")).isDirectory();

        assertThatThrownBy(() -> clients.s3()
                .putObject(r -> r.bucket("athena-results").key("markers/../../escaped-marker/"),
                RequestBody.empty()))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        assertThat(athena.buckets().root().resolve("escaped-marker")).doesNotExist();
    }

    @Test
    void rangedGetsReturnPartialContent() {
        clients.s3().putObject(r -> r.bucket("demo-data").key("range.txt"), RequestBody.fromString("0123456789"));

        ResponseBytes<GetObjectResponse> middle =
                clients.s3().getObjectAsBytes(r -> r.bucket("demo-data").key("range.txt").range("bytes=2-5"));
        assertThat(middle.asUtf8String()).isEqualTo("2345");
        assertThat(middle.response().contentRange()).isEqualTo("bytes 2-5/10");
        assertThat(middle.response().contentLength()).isEqualTo(4L);
        assertThat(clients.s3().getObjectAsBytes(r -> r.bucket("demo-data").key("range.txt").range("bytes=7-"))
                .asUtf8String())
                .isEqualTo("789");
        assertThat(clients.s3().getObjectAsBytes(r -> r.bucket("demo-data").key("range.txt").range("bytes=-3"))
                .asUtf8String())
                .isEqualTo("789");
        assertThatThrownBy(() -> clients.s3()
                .getObjectAsBytes(r -> r.bucket("demo-data").key("range.txt").range("bytes=10-")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(416);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRange");
                });
    }

    @Test
    void ifMatchWithAnotherEtagIsRefusedWith412AsS3Does() {
        var put = clients.s3()
                .putObject(r -> r.bucket("demo-data").key("if-match.txt"), RequestBody.fromString("0123456789"));

        assertThat(clients.s3().getObjectAsBytes(r -> r.bucket("demo-data").key("if-match.txt").range("bytes=4-")
                .ifMatch(put.eTag())).asUtf8String()).isEqualTo("456789");
        assertThatThrownBy(() -> clients.s3().getObjectAsBytes(r -> r.bucket("demo-data").key("if-match.txt")
                .ifMatch("\"0123456789abcdef0123456789abcdef\"")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(412);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("PreconditionFailed");
                });
    }

    @Test
    void headReportsSizeTypeAndEtagAndMissingKeysAre404() {
        var put = clients.s3().putObject(r -> r.bucket("demo-data").key("head/h.csv").contentType("text/csv"),
                RequestBody.fromString("a,b\n"));
        HeadObjectResponse head = clients.s3().headObject(r -> r.bucket("demo-data").key("head/h.csv"));
        assertThat(head.contentLength()).isEqualTo(4L);
        assertThat(head.contentType()).isEqualTo("text/csv");
        assertThat(head.eTag()).isEqualTo(put.eTag());
        assertThat(head.lastModified()).isNotNull();
        assertThatThrownBy(() -> clients.s3().headObject(r -> r.bucket("demo-data").key("head/missing.csv")))
                .isInstanceOf(NoSuchKeyException.class);
        assertThatThrownBy(() -> clients.s3().getObjectAsBytes(r -> r.bucket("demo-data").key("head/missing.csv")))
                .isInstanceOfSatisfying(NoSuchKeyException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    @Test
    void listV2WithDelimiterRollsUpCommonPrefixesAndPages() {
        for (String key : new String[] {"list/a.csv", "list/b.csv", "list/sub1/x.csv", "list/sub1/y.csv", "list/sub2/z.csv"}) {
            clients.s3().putObject(r -> r.bucket("demo-data").key(key), RequestBody.fromString(key));
        }
        ListObjectsV2Response top = clients.s3()
                .listObjectsV2(r -> r.bucket("demo-data").prefix("list/").delimiter("/"));
        assertThat(top.contents()).extracting(S3Object::key).containsExactly("list/a.csv", "list/b.csv");
        assertThat(top.commonPrefixes()).extracting(p -> p.prefix()).containsExactly("list/sub1/", "list/sub2/");
        assertThat(top.isTruncated()).isFalse();

        ListObjectsV2Response page1 = clients.s3().listObjectsV2(r -> r.bucket("demo-data").prefix("list/").maxKeys(2));
        assertThat(page1.contents()).extracting(S3Object::key).containsExactly("list/a.csv", "list/b.csv");
        assertThat(page1.isTruncated()).isTrue();
        ListObjectsV2Response page2 = clients.s3().listObjectsV2(r -> r.bucket("demo-data").prefix("list/").maxKeys(2)
                .continuationToken(page1.nextContinuationToken()));
        assertThat(page2.contents()).extracting(S3Object::key).containsExactly("list/sub1/x.csv", "list/sub1/y.csv");
        assertThat(clients.s3()
                .listObjectsV2Paginator(r -> r.bucket("demo-data").prefix("list/").maxKeys(2)).contents())
                .hasSize(5);

        // max-keys=0: an empty page, not truncated, no token (what AWS answers; the API reference does not say).
        ListObjectsV2Response none = clients.s3().listObjectsV2(r -> r.bucket("demo-data").prefix("list/").maxKeys(0));
        assertThat(none.keyCount()).isZero();
        assertThat(none.contents()).isEmpty();
        assertThat(none.isTruncated()).isFalse();
        assertThat(none.nextContinuationToken()).isNull();
    }

    /**
     * S3 lists by UTF-8 bytes: a character beyond the basic plane comes after U+FFFD, where Java's String order puts
     * it first; paging one key at a time must follow the same order, or a page repeats or skips a key.
     */
    @Test
    void keysAreListedAndPagedInTheOrderOfTheirUtf8Bytes() {
        String face = "order/\uD83D\uDE00.csv";
        String replacement = "order/\uFFFD.csv";
        for (String key : new String[] {face, replacement, "order/z.csv"}) {
            clients.s3().putObject(r -> r.bucket("demo-data").key(key), RequestBody.fromString(key));
        }
        assertThat(clients.s3().listObjectsV2(r -> r.bucket("demo-data").prefix("order/")).contents())
                .extracting(S3Object::key).containsExactly("order/z.csv", replacement, face);
        assertThat(clients.s3().listObjectsV2Paginator(r -> r.bucket("demo-data").prefix("order/").maxKeys(1))
                .contents()).extracting(S3Object::key).containsExactly("order/z.csv", replacement, face);
    }

    @Test
    void bucketLocationIsEmptyForUsEast1AndMissingBucketsAre404() {
        assertThat(clients.s3().getBucketLocation(r -> r.bucket("athena-results"))
                .locationConstraintAsString()).isEmpty();
        assertThatThrownBy(() -> clients.s3().listObjectsV2(r -> r.bucket("no-such-bucket")))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucket"));
    }

    @Test
    void virtualHostedAddressingUsesTheBucketInTheHostHeader() throws IOException {
        clients.s3().putObject(r -> r.bucket("demo-data").key("vhost/v.txt"), RequestBody.fromString("virtual"));
        // *.localhost does not resolve everywhere; the resolver below maps it to loopback as browsers do.
        try (S3Client virtual = S3Client.builder().endpointOverride(URI.create("http://localhost:" + athena.port()))
                .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(SdkClients.ADMIN))
                .httpClientBuilder(ApacheHttpClient.builder().dnsResolver(host -> new InetAddress[] {
                        InetAddress.getByName("127.0.0.1")}))
                .overrideConfiguration(SdkClients.noRetries()).build()) {
            assertThat(virtual.getObjectAsBytes(r -> r.bucket("demo-data").key("vhost/v.txt")).asUtf8String())
                    .isEqualTo("virtual");
        }
        assertThat(athena.requestLog().entries()).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("GetObject");
            assertThat(e.resource()).isEqualTo("arn:aws:s3:::demo-data/vhost/v.txt");
        });
    }

    @Test
    void roleSessionMayReadDemoDataButNotWriteThere() {
        clients.s3().putObject(r -> r.bucket("demo-data").key("policy/read-me.csv"), RequestBody.fromString("x"));
        Credentials creds;
        try (StsClient sts = SdkClients.sts(athena, SdkClients.SERVICE_ACCOUNT)) {
            creds = sts.assumeRole(r -> r.roleArn(LocalAthena.ROLE_ARN).roleSessionName("s3-test")).credentials();
        }
        AwsCredentials session = SdkClients.session(creds);
        athena.requestLog().clear();
        try (S3Client s3 = SdkClients.s3(athena, session)) {
            assertThat(s3.getObjectAsBytes(r -> r.bucket("demo-data").key("policy/read-me.csv")).asUtf8String())
                    .isEqualTo("x");
            assertThatThrownBy(() -> s3.putObject(r -> r.bucket("demo-data").key("policy/nope.csv"),
                    RequestBody.fromString("y")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:sts::123456789012:"
                                + "assumed-role/connecty-athena/s3-test is not authorized to perform: s3:PutObject "
                                + "on resource: arn:aws:s3:::demo-data/policy/nope.csv");
                    });
            s3.putObject(r -> r.bucket("athena-results").key("policy/ok.csv"), RequestBody.fromString("z"));
        }
        assertThat(athena.requestLog().entries())
                .extracting(RequestLogEntry::action, RequestLogEntry::decision, RequestLogEntry::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("GetObject", "allow", 200),
                        org.assertj.core.groups.Tuple.tuple("PutObject", "deny", 403),
                        org.assertj.core.groups.Tuple.tuple("PutObject", "allow", 200));
        assertThat(athena.requestLog().denied()).singleElement().satisfies(e -> {
            assertThat(e.principal()).isEqualTo("arn:aws:sts::123456789012:assumed-role/connecty-athena/s3-test");
            assertThat(e.resource()).isEqualTo("arn:aws:s3:::demo-data/policy/nope.csv");
        });
    }

    @Test
    void serviceAccountAloneCannotReadObjects() {
        try (S3Client s3 = SdkClients.s3(athena, SdkClients.SERVICE_ACCOUNT)) {
            assertThatThrownBy(() -> s3.listObjectsV2(r -> r.bucket("demo-data")))
                    .isInstanceOfSatisfying(S3Exception.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
        }
    }

    @Test
    void wrongSecretIsSignatureDoesNotMatch() {
        var wrong = software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "wrong");
        try (S3Client s3 = SdkClients.s3(athena, wrong)) {
            assertThatThrownBy(() -> s3.listObjectsV2(r -> r.bucket("demo-data")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
                    });
        }
    }

    @Test
    void throttleFaultSurfacesAsSlowDown() {
        athena.faults().set(FaultPlan.of(7, FaultRule.forAction("s3", "*").withThrottleRate(1.0)));
        assertThatThrownBy(() -> clients.s3().listObjectsV2(r -> r.bucket("demo-data")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(503);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SlowDown");
                });
    }

    @Test
    void dropAfterBytesFaultTruncatesTheBody() {
        byte[] content = bytes(10_000);
        clients.s3().putObject(r -> r.bucket("athena-results").key("drop/d.bin"), RequestBody.fromBytes(content));
        athena.faults().set(FaultPlan.of(1, FaultRule.forAction("s3", "GetObject").withDropAfterBytes(1000)));

        assertThatThrownBy(() -> clients.s3().getObjectAsBytes(r -> r.bucket("athena-results").key("drop/d.bin")))
                .isInstanceOf(SdkClientException.class);
        athena.faults().clear();
        assertThat(Arrays.equals(content,
                clients.s3().getObjectAsBytes(r -> r.bucket("athena-results").key("drop/d.bin"))
                .asByteArray())).isTrue();
    }

    @Test
    void keysWithSpacesAndUnicodeRoundTrip() {
        String key = "odd keys/ä b+c=d.txt";
        clients.s3()
                .putObject(r -> r.bucket("demo-data").key(key), RequestBody.fromString("odd", StandardCharsets.UTF_8));
        assertThat(clients.s3().getObjectAsBytes(r -> r.bucket("demo-data").key(key)).asUtf8String()).isEqualTo("odd");
        assertThat(clients.s3().listObjectsV2(r -> r.bucket("demo-data").prefix("odd keys/")).contents())
                .extracting(S3Object::key).containsExactly(key);
    }
}
