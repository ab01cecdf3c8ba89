package ai.connecty.athena.local.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response to write: status, headers (Content-Length is derived from the body) and body. */
public final class HttpResponse {

    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final ResponseBody body;

    public HttpResponse(int status, ResponseBody body) {
        this.status = status;
        this.body = body;
    }

    public static HttpResponse of(int status, String contentType, byte[] body) {
        return new HttpResponse(status, ResponseBody.bytes(body)).header("Content-Type", contentType);
    }

    public static HttpResponse text(int status, String contentType, String body) {
        return of(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public static HttpResponse empty(int status) {
        return new HttpResponse(status, ResponseBody.EMPTY);
    }

    public HttpResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public ResponseBody body() {
        return body;
    }
}
