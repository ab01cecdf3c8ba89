package ai.connecty.athena.local.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.http.HttpRequest;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** Requests signed by the AWS SDK's own SigV4 signer must verify; anything tampered with must not. */
class SigV4VerificationTest {

    private static final Instant NOW = Instant.parse("2025-06-03T11:05:30Z");
    private static final Authenticator AUTHENTICATOR =
            new Authenticator(IdentityStore.defaults(), new SessionStore(), Clock.fixed(NOW, ZoneOffset.UTC));

    private static HttpRequest sign(String service, SdkHttpRequest unsigned, byte[] body, String accessKey,
                                    String secret, Instant when) {
        var signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(accessKey, secret))
                .request(unsigned)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, !service.equals("s3"))
                .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, !service.equals("s3"))
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(when, ZoneOffset.UTC)));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        signed.request().headers().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        return new HttpRequest("id", signed.request().method().name(), signed.request().encodedPath(),
                signed.request().encodedQueryParameters().orElse(""), headers, body,
                new InetSocketAddress("127.0.0.1", 1));
    }

    private static SdkHttpRequest athenaCall() {
        return SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(URI.create("http://127.0.0.1:4566/"))
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "AmazonAthena.ListWorkGroups").build();
    }

    @Test
    void jsonRequestSignedByTheSdkVerifies() {
        HttpRequest request = sign("athena", athenaCall(), "{}".getBytes(StandardCharsets.UTF_8), "test", "test", NOW);
        Authenticated who = AUTHENTICATOR.authenticate(request, "athena");
        assertThat(who.principal().arn()).isEqualTo("arn:aws:iam::123456789012:user/test");
        assertThat(who.region()).isEqualTo("us-east-1");
    }

    @Test
    void s3RequestWithEncodedKeyAndQueryVerifies() {
        byte[] body = new byte[0];
        SdkHttpRequest get = SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                .uri(URI.create("http://127.0.0.1:4566/demo-data/a%20b/c%2Bd.csv"))
                .putRawQueryParameter("list-type", "2").putRawQueryParameter("prefix", "x y/")
                .putHeader("x-amz-content-sha256", HexFormat.of().formatHex(Authenticator.sha256(body))).build();
        HttpRequest request = sign("s3", get, body, LocalAthenaKeys.ID, LocalAthenaKeys.SECRET, NOW);
        assertThat(AUTHENTICATOR.authenticate(request, "s3").principal().arn())
                .isEqualTo("arn:aws:iam::123456789012:user/connecty-sa");
    }

    @Test
    void wrongSecretIsABadSignatureAndTheMessageHoldsNoSecret() {
        HttpRequest request = sign("athena", athenaCall(), "{}".getBytes(StandardCharsets.UTF_8), "test", "guess", NOW);
        assertThatThrownBy(() -> AUTHENTICATOR.authenticate(request, "athena"))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.failure()).isEqualTo(AuthFailure.BAD_SIGNATURE);
                    assertThat(e.getMessage()).doesNotContain("guess").doesNotContain(request.header("authorization")
                            .substring(request.header("authorization").indexOf("Signature=") + 10));
                });
    }

    @Test
    void tamperedBodyIsABadSignature() {
        HttpRequest signed = sign("athena", athenaCall(), "{}".getBytes(StandardCharsets.UTF_8), "test", "test", NOW);
        HttpRequest tampered = new HttpRequest(signed.requestId(), signed.method(), signed.rawPath(), signed.rawQuery(),
                signed.headers(), "{\"MaxResults\":1}".getBytes(StandardCharsets.UTF_8), signed.remoteAddress());
        assertThatThrownBy(() -> AUTHENTICATOR.authenticate(tampered, "athena"))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.failure()).isEqualTo(AuthFailure.BAD_SIGNATURE));
    }

    @Test
    void clockSkewBeyondFifteenMinutesIsRefused() {
        HttpRequest request = sign("athena", athenaCall(), "{}".getBytes(StandardCharsets.UTF_8), "test", "test",
                NOW.minus(Duration.ofMinutes(16)));
        assertThatThrownBy(() -> AUTHENTICATOR.authenticate(request, "athena"))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.failure()).isEqualTo(AuthFailure.SKEWED);
                    assertThat(e.getMessage()).startsWith("Signature expired");
                });
    }

    @Test
    void unknownKeyAndWrongServiceScopeAreRefused() {
        HttpRequest unknown = sign("athena", athenaCall(), new byte[0], "AKIANOBODY", "x", NOW);
        assertThatThrownBy(() -> AUTHENTICATOR.authenticate(unknown, "athena"))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.failure()).isEqualTo(AuthFailure.UNKNOWN_KEY));
        HttpRequest glueScoped = sign("glue", athenaCall(), new byte[0], "test", "test", NOW);
        assertThatThrownBy(() -> AUTHENTICATOR.authenticate(glueScoped, "athena"))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.failure()).isEqualTo(AuthFailure.MALFORMED));
    }

    /**
     * AWS's signing key is derived from the credential scope's date, and the scope must name the day of X-Amz-Date
     * (AWS's SigV4 troubleshooting page: "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of
     * date from HTTP"); otherwise a key derived for any past day would sign requests today.
     */
    @Test
    void credentialScopeOfAnotherDayIsRefusedEvenWhenSignedCorrectly() {
        HttpRequest signed = sign("athena", athenaCall(), "{}".getBytes(StandardCharsets.UTF_8), "test", "test", NOW);
        SigV4Authorization original = SigV4Authorization.parse(signed.header("authorization"));
        SigV4Authorization yesterday = new SigV4Authorization(original.accessKeyId(), "20250602", original.region(),
                original.service(), original.signedHeaders(), "");
        String canonical = CanonicalRequest.build(signed, yesterday.signedHeaders(),
                Authenticator.hex(Authenticator.sha256(signed.body())), false);
        String stringToSign = "AWS4-HMAC-SHA256\n" + signed.header("x-amz-date") + "\n" + yesterday.scope() + "\n"
                + Authenticator.hex(Authenticator.sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        String authorization = "AWS4-HMAC-SHA256 Credential=test/" + yesterday.scope() + ", SignedHeaders="
                + String.join(";", yesterday.signedHeaders()) + ", Signature="
                + Authenticator.signature("test", yesterday, stringToSign);
        Map<String, List<String>> headers = new LinkedHashMap<>(signed.headers());
        headers.put("authorization", List.of(authorization));
        HttpRequest forged = new HttpRequest(signed.requestId(), signed.method(), signed.rawPath(), signed.rawQuery(),
                headers, signed.body(), signed.remoteAddress());
        assertThatThrownBy(() -> AUTHENTICATOR.authenticate(forged, "athena"))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.failure()).isEqualTo(AuthFailure.BAD_SIGNATURE);
                    assertThat(e.getMessage()).isEqualTo("Date in Credential scope does not match YYYYMMDD from "
                            + "ISO-8601 version of date from HTTP: '20250602' != '20250603', from '20250603T110530Z'.");
                });
    }

    @Test
    void authorizationToStringHidesTheSignature() {
        HttpRequest request = sign("athena", athenaCall(), new byte[0], "test", "test", NOW);
        SigV4Authorization parsed = SigV4Authorization.parse(request.header("authorization"));
        assertThat(parsed.toString()).doesNotContain(parsed.signature()).contains("test/20250603/us-east-1/athena");
    }

    /** The connection guide's public example key of the service account. */
    private static final class LocalAthenaKeys {
        static final String ID = "AKIAIOSFODNN7EXAMPLE";
        static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    }
}
