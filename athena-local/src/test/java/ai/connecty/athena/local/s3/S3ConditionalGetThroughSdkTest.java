package ai.connecty.athena.local.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.http.FakeBackendExtension;
import ai.connecty.athena.local.http.SdkClientsExtension;
import java.time.Instant;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * GetObject and HeadObject with S3's conditional headers, through the AWS SDK: If-Match and If-Unmodified-Since
 * answer 412 PreconditionFailed when they fail, If-None-Match and If-Modified-Since answer 304 Not Modified (no
 * body), in the order S3 documents (RFC 7232's): a true If-Match overrides a false If-Unmodified-Since, a present
 * If-None-Match decides alone over If-Modified-Since.
 */
@ExtendWith(FakeBackendExtension.class)
class S3ConditionalGetThroughSdkTest {

    private static final String BUCKET = "demo-data";
    private static final String KEY = "conditional/c.txt";
    private static final String OTHER_ETAG = "\"0123456789abcdef0123456789abcdef\"";

    static LocalAthena athena;

    @RegisterExtension
    static final SdkClientsExtension clients = new SdkClientsExtension(() -> athena);

    private static String etag;
    /** Last-Modified as the wire carries it (whole seconds). */
    private static Instant lastModified;

    @BeforeAll
    static void putObject() {
        etag = clients.s3().putObject(r -> r.bucket(BUCKET).key(KEY), RequestBody.fromString("0123456789")).eTag();
        lastModified = clients.s3().headObject(r -> r.bucket(BUCKET).key(KEY)).lastModified();
    }

    @Test
    void ifNoneMatchWithTheEtagOrAStarIsNotModified() {
        assertNotModified(r -> r.ifNoneMatch(etag), r -> r.ifNoneMatch(etag));
        assertNotModified(r -> r.ifNoneMatch("*"), r -> r.ifNoneMatch("*"));
        assertNotModified(r -> r.ifNoneMatch(OTHER_ETAG + ", " + etag), r -> r.ifNoneMatch(OTHER_ETAG + ", " + etag));
        assertThat(get(r -> r.ifNoneMatch(OTHER_ETAG))).isEqualTo("0123456789");
        assertThat(head(r -> r.ifNoneMatch(OTHER_ETAG))).isEqualTo(etag);
    }

    @Test
    void ifModifiedSinceAtOrAfterLastModifiedIsNotModified() {
        assertNotModified(r -> r.ifModifiedSince(lastModified), r -> r.ifModifiedSince(lastModified));
        assertNotModified(r -> r.ifModifiedSince(lastModified.plusSeconds(60)),
                r -> r.ifModifiedSince(lastModified.plusSeconds(60)));
        assertThat(get(r -> r.ifModifiedSince(lastModified.minusSeconds(1)))).isEqualTo("0123456789");
        assertThat(head(r -> r.ifModifiedSince(lastModified.minusSeconds(1)))).isEqualTo(etag);
    }

    @Test
    void ifUnmodifiedSinceBeforeLastModifiedFailsThePrecondition() {
        assertPreconditionFailed(() -> get(r -> r.ifUnmodifiedSince(lastModified.minusSeconds(1))),
                "If-Unmodified-Since");
        assertPreconditionFailed(() -> head(r -> r.ifUnmodifiedSince(lastModified.minusSeconds(1))), null);
        assertThat(get(r -> r.ifUnmodifiedSince(lastModified))).isEqualTo("0123456789");
        assertThat(head(r -> r.ifUnmodifiedSince(lastModified.plusSeconds(60)))).isEqualTo(etag);
    }

    @Test
    void conditionsCombineInS3sOrder() {
        // If-Match true and If-Unmodified-Since false: 200 with the data.
        assertThat(get(r -> r.ifMatch(etag).ifUnmodifiedSince(lastModified.minusSeconds(60)))).isEqualTo("0123456789");
        // If-None-Match false and If-Modified-Since true: 304.
        assertNotModified(r -> r.ifNoneMatch(etag).ifModifiedSince(lastModified.minusSeconds(60)),
                r -> r.ifNoneMatch(etag).ifModifiedSince(lastModified.minusSeconds(60)));
        // If-None-Match true decides alone: a false If-Modified-Since is not looked at.
        assertThat(get(r -> r.ifNoneMatch(OTHER_ETAG).ifModifiedSince(lastModified))).isEqualTo("0123456789");
        // The 412 conditions come before the 304 ones.
        assertPreconditionFailed(() -> get(r -> r.ifMatch(OTHER_ETAG).ifNoneMatch(etag)), "If-Match");
        assertPreconditionFailed(() -> get(r -> r.ifUnmodifiedSince(lastModified.minusSeconds(1))
                .ifModifiedSince(lastModified)), "If-Unmodified-Since");
        // A date that does not parse is ignored, as RFC 7232 asks.
        assertThat(clients.s3().getObjectAsBytes(r -> r.bucket(BUCKET).key(KEY).overrideConfiguration(
                o -> o.putHeader("If-Modified-Since", "yesterday"))).asUtf8String()).isEqualTo("0123456789");
    }

    @Test
    void anEtagWithoutQuotesOrWeakNamesTheSameObject() {
        // S3 answers an If-Match of the ETag as a bare string (the SDK docs: "Expects the ETag value as a string"),
        // quoted or not; the resuming driver sends it back as S3 gave it, users' code often without the quotes.
        String bare = etag.substring(1, etag.length() - 1);
        assertThat(etag).startsWith("\"").endsWith("\"");
        assertThat(get(r -> r.ifMatch(bare))).isEqualTo("0123456789");
        assertThat(get(r -> r.ifMatch("W/" + etag))).isEqualTo("0123456789");
        assertNotModified(r -> r.ifNoneMatch(bare), r -> r.ifNoneMatch(bare));
        // Half a pair of quotes is not a quoted tag: it names no object.
        assertPreconditionFailed(() -> get(r -> r.ifMatch("\"" + bare)), "If-Match");
        assertPreconditionFailed(() -> get(r -> r.ifMatch(bare + "\"")), "If-Match");
    }

    @Test
    void aRangeAfterPassingConditionsStillApplies() {
        assertThat(get(r -> r.range("bytes=4-").ifNoneMatch(OTHER_ETAG).ifUnmodifiedSince(lastModified)))
                .isEqualTo("456789");
        assertNotModified(r -> r.range("bytes=4-").ifNoneMatch(etag), r -> r.ifNoneMatch(etag));
    }

    private static String get(Consumer<GetObjectRequest.Builder> conditions) {
        return clients.s3().getObjectAsBytes(r -> conditions.accept(r.bucket(BUCKET).key(KEY))).asUtf8String();
    }

    /** The ETag a successful HeadObject reports. */
    private static String head(Consumer<HeadObjectRequest.Builder> conditions) {
        return clients.s3().headObject(r -> conditions.accept(r.bucket(BUCKET).key(KEY))).eTag();
    }

    /** GET and HEAD both answer 304 with no body, naming the object's ETag and Last-Modified. */
    private static void assertNotModified(Consumer<GetObjectRequest.Builder> get,
            Consumer<HeadObjectRequest.Builder> head) {
        assertThatThrownBy(() -> get(get)).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(304);
            SdkHttpResponse response = e.awsErrorDetails().sdkHttpResponse();
            // No body: nothing announced, nothing chunked (the SDK shows an empty error body as "<eof/>").
            assertThat(response.firstMatchingHeader("Content-Length").orElse("0")).isEqualTo("0");
            assertThat(response.firstMatchingHeader("Transfer-Encoding")).isEmpty();
            assertThat(response.firstMatchingHeader("ETag")).contains(etag);
            assertThat(response.firstMatchingHeader("Last-Modified")).isPresent();
        });
        assertThatThrownBy(() -> head(head)).isInstanceOfSatisfying(S3Exception.class,
                e -> assertThat(e.statusCode()).isEqualTo(304));
    }

    /** 412 PreconditionFailed; {@code condition} is the header S3 names in the error body (HEAD has none). */
    private static void assertPreconditionFailed(ThrowingCallable call, String condition) {
        assertThatThrownBy(call).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(412);
            if (condition != null) {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("PreconditionFailed");
                assertThat(e.awsErrorDetails().rawResponse().asUtf8String())
                        .contains("<Condition>" + condition + "</Condition>");
            }
        });
    }
}
