package ai.connecty.athena.local.auth;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Rebuilds the SigV4 canonical request from the raw request. S3 signs the path as sent; every other service
 * normalizes it and encodes it a second time, which is why the two are told apart here.
 */
final class CanonicalRequest {

    private CanonicalRequest() {
    }

    static String build(SignedRequest request, List<String> signedHeaders, String payloadHash, boolean s3) {
        StringBuilder sb = new StringBuilder();
        sb.append(request.method()).append('\n');
        sb.append(s3 ? emptyToSlash(request.rawPath()) : doubleEncodedNormalizedPath(request.rawPath())).append('\n');
        sb.append(canonicalQuery(request.rawQuery())).append('\n');
        for (String name : signedHeaders) {
            sb.append(name).append(':').append(canonicalHeaderValue(request.headerValues(name))).append('\n');
        }
        sb.append('\n');
        sb.append(String.join(";", signedHeaders)).append('\n');
        sb.append(payloadHash);
        return sb.toString();
    }

    private static String emptyToSlash(String path) {
        return path == null || path.isEmpty() ? "/" : path;
    }

    private static String doubleEncodedNormalizedPath(String rawPath) {
        String path = emptyToSlash(rawPath);
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                segments.pollLast();
            } else {
                segments.addLast(AwsUriEncoding.encode(segment));
            }
        }
        String joined = "/" + String.join("/", segments);
        return path.endsWith("/") && !joined.endsWith("/") ? joined + "/" : joined;
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<Map.Entry<String, String>> params = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.add(Map.entry(AwsUriEncoding.encode(AwsUriEncoding.decode(name)), AwsUriEncoding.encode(AwsUriEncoding.decode(value))));
        }
        params.sort(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
        return params.stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }

    private static String canonicalHeaderValue(List<String> values) {
        return values.stream().map(v -> v.trim().replaceAll(" +", " ")).collect(Collectors.joining(","));
    }
}
