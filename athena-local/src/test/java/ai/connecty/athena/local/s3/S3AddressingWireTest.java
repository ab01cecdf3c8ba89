package ai.connecty.athena.local.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.http.SdkClients;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.AthenaException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Addressing as real S3 answers it, and AWS's exact refusal of a wrong secret. The SDK is pointed at S3's own host
 * name; a resolver sends every name to 127.0.0.1, so the request carries {@code Host: <bucket>.s3.us-east-1.amazonaws.com}
 * but never leaves the machine.
 */
@ExtendWith(LocalAthenaExtension.class)
class S3AddressingWireTest {

    static LocalAthena local;

    @Test
    void virtualHostedRequestsToTheRegionalS3HostNameReachTheBucket() {
        try (S3Client path = SdkClients.s3(local, SdkClients.ADMIN);
             S3Client virtual = S3Client.builder()
                     .endpointOverride(URI.create("http://s3.us-east-1.amazonaws.com:" + local.port()))
                     .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(SdkClients.ADMIN))
                     .httpClientBuilder(ApacheHttpClient.builder().dnsResolver(host -> new InetAddress[] {
                             InetAddress.getByName("127.0.0.1")}))
                     .overrideConfiguration(SdkClients.noRetries()).build()) {
            for (int i = 0; i < 3; i++) {
                String key = "vhost-aws/part-" + i + ".txt";
                virtual.putObject(r -> r.bucket("demo-data").key(key), RequestBody.fromString("part " + i));
            }
            assertThat(path.getObjectAsBytes(r -> r.bucket("demo-data").key("vhost-aws/part-1.txt")).asUtf8String())
                    .isEqualTo("part 1");
            assertThat(virtual.headObject(r -> r.bucket("demo-data").key("vhost-aws/part-2.txt")).contentLength())
                    .isEqualTo(6L);
            assertThat(virtual.getObjectAsBytes(r -> r.bucket("demo-data").key("vhost-aws/part-0.txt").range("bytes=1-3"))
                    .asUtf8String()).isEqualTo("art");
            assertThat(virtual.listObjectsV2Paginator(r -> r.bucket("demo-data").prefix("vhost-aws/").maxKeys(2))
                    .contents().stream().map(S3Object::key))
                    .containsExactly("vhost-aws/part-0.txt", "vhost-aws/part-1.txt", "vhost-aws/part-2.txt");
        }
        assertThat(local.requestLog().entries()).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("PutObject");
            assertThat(e.resource()).isEqualTo("arn:aws:s3:::demo-data/vhost-aws/part-2.txt");
        });
    }

    @Test
    void aWrongSecretGetsAwsExactSignatureMessage() {
        try (AthenaClient athena = SdkClients.athena(local,
                AwsBasicCredentials.create(LocalAthena.SERVICE_ACCOUNT_KEY_ID, "wrong-secret"))) {
            assertThatThrownBy(() -> athena.listWorkGroups(r -> { }))
                    .isInstanceOfSatisfying(AthenaException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The request signature we calculated does "
                                + "not match the signature you provided. Check your AWS Secret Access Key and signing "
                                + "method. Consult the service documentation for details.");
                    });
        }
    }
}
