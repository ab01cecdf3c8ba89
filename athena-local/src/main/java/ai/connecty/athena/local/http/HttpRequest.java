package ai.connecty.athena.local.http;

import ai.connecty.athena.local.auth.AwsUriEncoding;
import ai.connecty.athena.local.auth.SignedRequest;
import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request as received: raw (still encoded) path and query, headers with lower-case names, the whole body,
 * and the id the server gave it.
 */
public record HttpRequest(String requestId, String method, String rawPath, String rawQuery,
                          Map<String, List<String>> headers, byte[] body, InetSocketAddress remoteAddress)
        implements SignedRequest {

    @Override
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name, List.of());
    }

    /** Decoded query parameters (first value wins); a parameter without '=' maps to "". */
    public Map<String, String> queryParameters() {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Map.of();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = AwsUriEncoding.decode(eq < 0 ? pair : pair.substring(0, eq));
            params.putIfAbsent(name, eq < 0 ? "" : AwsUriEncoding.decode(pair.substring(eq + 1)));
        }
        return Collections.unmodifiableMap(params);
    }

    /** The Host header without its port, lower case; empty when absent. */
    public String hostName() {
        String host = header("host");
        if (host == null) {
            return "";
        }
        int colon = host.lastIndexOf(':');
        String name = colon > 0 && !host.endsWith("]") ? host.substring(0, colon) : host;
        return name.toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isHead() {
        return method.equals("HEAD");
    }

    @Override
    public String toString() {
        return method + " " + rawPath + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery);
    }
}
