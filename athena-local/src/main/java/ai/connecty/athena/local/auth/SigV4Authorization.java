package ai.connecty.athena.local.auth;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The parsed {@code Authorization: AWS4-HMAC-SHA256 Credential=AK/20250101/us-east-1/athena/aws4_request,
 * SignedHeaders=host;x-amz-date, Signature=hex} header. {@link #toString()} leaves the signature out.
 */
public record SigV4Authorization(String accessKeyId, String date, String region, String service,
                                 List<String> signedHeaders, String signature) {

    private static final String ALGORITHM = "AWS4-HMAC-SHA256";

    public static SigV4Authorization parse(String header) {
        if (header == null || header.isBlank()) {
            throw new AuthenticationException(AuthFailure.MISSING, "Missing Authentication Token");
        }
        String trimmed = header.trim();
        if (!trimmed.startsWith(ALGORITHM + " ")) {
            throw malformed("Authorization header must start with " + ALGORITHM);
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        for (String part : trimmed.substring(ALGORITHM.length()).split(",")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            if (eq < 0) {
                throw malformed("Authorization header component without '=': " + p.split(" ")[0]);
            }
            String name = p.substring(0, eq);
            String value = p.substring(eq + 1);
            switch (name) {
                case "Credential" -> credential = value;
                case "SignedHeaders" -> signedHeaders = value;
                case "Signature" -> signature = value;
                default -> throw malformed("Unknown Authorization header component: " + name);
            }
        }
        if (credential == null || signedHeaders == null || signature == null) {
            throw malformed("Authorization header requires 'Credential', 'SignedHeaders' and 'Signature'");
        }
        String[] scope = credential.split("/");
        if (scope.length != 5 || !"aws4_request".equals(scope[4])) {
            throw malformed("Credential must have the form <key>/<yyyyMMdd>/<region>/<service>/aws4_request");
        }
        List<String> headers = Arrays.stream(signedHeaders.split(";")).map(h -> h.toLowerCase(Locale.ROOT)).toList();
        return new SigV4Authorization(scope[0], scope[1], scope[2], scope[3], headers, signature);
    }

    public String scope() {
        return date + "/" + region + "/" + service + "/aws4_request";
    }

    private static AuthenticationException malformed(String detail) {
        return new AuthenticationException(AuthFailure.MALFORMED, detail);
    }

    @Override
    public String toString() {
        return "SigV4Authorization[" + accessKeyId + "/" + scope() + ", signedHeaders=" + signedHeaders + "]";
    }
}
