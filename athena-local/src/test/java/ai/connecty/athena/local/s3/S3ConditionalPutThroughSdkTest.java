package ai.connecty.athena.local.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.http.FakeBackendExtension;
import ai.connecty.athena.local.http.SdkClientsExtension;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * PutObject with S3's conditional writes, through the AWS SDK, as the S3 User Guide ("How to prevent object
 * overwrites with conditional writes") and the PutObject API reference describe them: {@code If-None-Match: *}
 * writes only a key that does not exist, {@code If-Match} only over the object with that ETag, and either fails
 * with 412 PreconditionFailed leaving the object as it was; {@code If-Match} on a key with no object is 404 NoSuchKey.
 */
@ExtendWith(FakeBackendExtension.class)
class S3ConditionalPutThroughSdkTest {

    private static final String BUCKET = "demo-data";
    private static final String OTHER_ETAG = "\"0123456789abcdef0123456789abcdef\"";

    static LocalAthena athena;

    @RegisterExtension
    static final SdkClientsExtension clients = new SdkClientsExtension(() -> athena);

    @Test
    void ifNoneMatchStarCreatesOnlyAKeyThatDoesNotExist() {
        String key = "conditional-put/create-only.txt";
        put(key, "first", r -> r.ifNoneMatch("*"));
        assertThat(read(key)).isEqualTo("first");
        assertPreconditionFailed(() -> put(key, "second", r -> r.ifNoneMatch("*")));
        assertThat(read(key)).isEqualTo("first");
    }

    @Test
    void ifMatchOverwritesOnlyTheObjectWithThatEtag() {
        String key = "conditional-put/compare-and-swap.txt";
        String first = put(key, "first", r -> { });
        assertPreconditionFailed(() -> put(key, "lost", r -> r.ifMatch(OTHER_ETAG)));
        assertThat(read(key)).isEqualTo("first");
        String second = put(key, "second", r -> r.ifMatch(first));
        assertThat(read(key)).isEqualTo("second");
        assertThat(second).isNotEqualTo(first);
        // The ETag it replaced no longer names the object: a second writer holding it is refused.
        assertPreconditionFailed(() -> put(key, "third", r -> r.ifMatch(first)));
        assertThat(read(key)).isEqualTo("second");
    }

    @Test
    void ifMatchOnAKeyWithNoObjectIsNoSuchKey() {
        String key = "conditional-put/never-written.txt";
        assertThatThrownBy(() -> put(key, "data", r -> r.ifMatch(OTHER_ETAG)))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchKey");
                });
        assertThatThrownBy(() -> read(key)).isInstanceOf(S3Exception.class);
    }

    private static String put(String key, String content, Consumer<PutObjectRequest.Builder> conditions) {
        return clients.s3().putObject(r -> conditions.accept(r.bucket(BUCKET).key(key)), RequestBody.fromString(content))
                .eTag();
    }

    private static String read(String key) {
        return clients.s3().getObjectAsBytes(r -> r.bucket(BUCKET).key(key)).asUtf8String();
    }

    private static void assertPreconditionFailed(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(412);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("PreconditionFailed");
        });
    }
}
