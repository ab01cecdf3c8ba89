package ai.connecty.athena.local.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies SigV4 signatures: finds the secret behind the access key (a user's long-term key or an issued
 * session), rebuilds the canonical request and compares signatures in constant time.
 */
public final class Authenticator {

    private static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String INVALID_TOKEN = "The security token included in the request is invalid.";

    private final IdentityStore identities;
    private final SessionStore sessions;
    private final Clock clock;

    public Authenticator(IdentityStore identities, SessionStore sessions, Clock clock) {
        this.identities = identities;
        this.sessions = sessions;
        this.clock = clock;
    }

    /**
     * @param signingName the service the request was routed to ({@code athena}, {@code glue}, {@code sts},
     *                    {@code s3}); the credential scope must name it
     */
    public Authenticated authenticate(SignedRequest request, String signingName) {
        SigV4Authorization auth = SigV4Authorization.parse(request.header("authorization"));
        if (!auth.service().equals(signingName)) {
            throw new AuthenticationException(AuthFailure.MALFORMED,
                    "Credential should be scoped to correct service: '" + signingName + "'");
        }
        if (!auth.signedHeaders().contains("host")) {
            throw new AuthenticationException(AuthFailure.MALFORMED, "'Host' must be a signed header");
        }
        Principal principal;
        String secret;
        var user = identities.userByAccessKey(auth.accessKeyId());
        if (user.isPresent()) {
            principal = user.get().principal();
            secret = user.get().secretAccessKey();
        } else {
            RoleSession session = sessions.find(auth.accessKeyId())
                    .orElseThrow(() -> new AuthenticationException(AuthFailure.UNKNOWN_KEY, INVALID_TOKEN));
            String token = request.header("x-amz-security-token");
            if (token == null || !constantTimeEquals(token, session.sessionToken())) {
                throw new AuthenticationException(AuthFailure.UNKNOWN_KEY, INVALID_TOKEN);
            }
            if (!clock.instant().isBefore(session.expiration())) {
                throw new AuthenticationException(AuthFailure.EXPIRED_TOKEN,
                        "The security token included in the request is expired");
            }
            principal = session.principal();
            secret = session.secretAccessKey();
        }
        String amzDate = requestDate(request);
        checkSkew(amzDate);
        checkScopeDate(auth, amzDate);
        boolean s3 = signingName.equals("s3");
        String payloadHash = s3 ? s3PayloadHash(request) : hex(sha256(request.body()));
        String canonical = CanonicalRequest.build(request, auth.signedHeaders(), payloadHash, s3);
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + auth.scope() + "\n"
                + hex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        String expected = signature(secret, auth, stringToSign);
        if (!constantTimeEquals(expected, auth.signature())) {
            throw new AuthenticationException(AuthFailure.BAD_SIGNATURE, "The request signature we calculated does "
                    + "not match the signature you provided. Check your AWS Secret Access Key and signing method. "
                    + "Consult the service documentation for details.");
        }
        return new Authenticated(principal, auth.region());
    }

    private static String requestDate(SignedRequest request) {
        String amzDate = request.header("x-amz-date");
        if (amzDate == null) {
            throw new AuthenticationException(AuthFailure.MALFORMED,
                    "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }
        return amzDate;
    }

    private void checkSkew(String amzDate) {
        Instant sent;
        try {
            sent = Instant.from(AMZ_DATE.parse(amzDate));
        } catch (DateTimeParseException e) {
            throw new AuthenticationException(AuthFailure.MALFORMED,
                    "X-Amz-Date must look like 20250101T120000Z, got '" + amzDate + "'");
        }
        Instant now = clock.instant();
        if (Duration.between(sent, now).abs().compareTo(MAX_SKEW) > 0) {
            throw new AuthenticationException(AuthFailure.SKEWED, "Signature expired: " + amzDate
                    + " is now earlier than " + AMZ_DATE.format(now.minus(MAX_SKEW)) + " ("
                    + AMZ_DATE.format(now) + " - 15 min.)");
        }
    }

    /**
     * The signing key is derived from the scope's date, so the scope must name the day of X-Amz-Date, as AWS
     * requires: otherwise a key derived for any past day would sign today's requests.
     */
    private static void checkScopeDate(SigV4Authorization auth, String amzDate) {
        String day = amzDate.substring(0, 8);
        if (!auth.date().equals(day)) {
            throw new AuthenticationException(AuthFailure.BAD_SIGNATURE, "Date in Credential scope does not match "
                    + "YYYYMMDD from ISO-8601 version of date from HTTP: '" + auth.date() + "' != '" + day
                    + "', from '" + amzDate + "'.");
        }
    }

    private static String s3PayloadHash(SignedRequest request) {
        String declared = request.header("x-amz-content-sha256");
        if (declared == null) {
            throw new AuthenticationException(AuthFailure.MALFORMED,
                    "Missing required header for this request: x-amz-content-sha256");
        }
        return declared;
    }

    /** Also used to check the per-chunk signatures of aws-chunked uploads, should a caller want to. */
    static String signature(String secret, SigV4Authorization auth, String stringToSign) {
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), auth.date());
        key = hmac(key, auth.region());
        key = hmac(key, auth.service());
        key = hmac(key, "aws4_request");
        return hex(hmac(key, stringToSign));
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
