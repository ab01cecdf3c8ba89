package ai.connecty.athena.local.http;

import ai.connecty.athena.local.api.AwsException;
import ai.connecty.athena.local.auth.AuthenticatedCall;
import ai.connecty.athena.local.auth.AuthenticationException;
import ai.connecty.athena.local.auth.Authenticator;
import ai.connecty.athena.local.control.ControlEndpoint;
import ai.connecty.athena.local.control.FaultDecision;
import ai.connecty.athena.local.control.Faults;
import ai.connecty.athena.local.control.RequestLog;
import ai.connecty.athena.local.control.RequestLogEntry;
import ai.connecty.athena.local.sso.SsoPortalEndpoint;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one handler behind the port: route, authenticate, inject faults, handle, log, write. Every request
 * except the control endpoint's is logged, including the ones that fail authentication.
 */
public final class EndpointHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(EndpointHandler.class);
    private static final Pattern SCOPE_SERVICE = Pattern.compile("Credential=[^/,]+/[^/,]+/[^/,]+/([^/,]+)/");
    /**
     * Largest body read for Athena, Glue and STS, whose requests are small JSON or form documents (a query string
     * is at most 256 KiB): a bigger one is refused with 413 without being buffered, so no request can exhaust the
     * heap. S3 bodies are objects and are not limited.
     */
    static final int MAX_API_BODY_BYTES = 16 * 1024 * 1024;

    private final ServiceEndpoint json;
    private final ServiceEndpoint sts;
    private final ServiceEndpoint s3;
    private final ServiceEndpoint ssoPortal;
    private final ControlEndpoint control;
    private final Authenticator authenticator;
    private final Faults faults;
    private final RequestLog requestLog;
    private final Clock clock;

    public EndpointHandler(ServiceEndpoint json, ServiceEndpoint sts, ServiceEndpoint s3, ServiceEndpoint ssoPortal,
                           ControlEndpoint control, Authenticator authenticator, Faults faults, RequestLog requestLog,
                           Clock clock) {
        this.json = json;
        this.sts = sts;
        this.s3 = s3;
        this.ssoPortal = ssoPortal;
        this.control = control;
        this.authenticator = authenticator;
        this.faults = faults;
        this.requestLog = requestLog;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            boolean apiCall = isApiCall(exchange);
            byte[] body = apiCall ? exchange.getRequestBody().readNBytes(MAX_API_BODY_BYTES + 1)
                    : exchange.getRequestBody().readAllBytes();
            boolean tooLarge = apiCall && body.length > MAX_API_BODY_BYTES;
            if (tooLarge) {
                // Read the rest without keeping it, so that the client, still sending, gets the 413 cleanly.
                exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
            }
            HttpRequest request = read(exchange, tooLarge ? new byte[0] : body);
            if (ControlEndpoint.accepts(request)) {
                write(exchange, request, control.handle(request), null);
            } else {
                serve(exchange, request, tooLarge);
            }
        }
    }

    /** Athena and Glue (X-Amz-Target) and STS (a form post): the services whose bodies are bounded. */
    private static boolean isApiCall(HttpExchange exchange) {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        return exchange.getRequestHeaders().getFirst("X-Amz-Target") != null || contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private void serve(HttpExchange exchange, HttpRequest request, boolean tooLarge) throws IOException {
        long started = System.nanoTime();
        long logGeneration = requestLog.generation();
        ServiceEndpoint endpoint = route(request);
        AwsService service = endpoint.service(request);
        String operation = endpoint.operation(request);
        AuthenticatedCall call = null;
        FaultDecision fault = FaultDecision.NONE;
        HttpResponse response;
        try {
            if (tooLarge) {
                throw new AwsException(413, "RequestEntityTooLargeException", "The request body exceeds "
                        + MAX_API_BODY_BYTES + " bytes");
            }
            call = endpoint.unsigned(request) ? AuthenticatedCall.anonymous(service::accessDenied)
                    : new AuthenticatedCall(authenticator.authenticate(request, service.signingName()),
                    service::accessDenied);
            fault = faults.decide(service.signingName(), operation);
            pause(fault.latencyMillis());
            if (fault.throttle()) {
                throw service.throttled();
            }
            if (fault.error()) {
                throw service.internalError();
            }
            response = endpoint.handle(request, call);
        } catch (AuthenticationException e) {
            response = endpoint.render(service.authenticationFailed(e), request);
        } catch (AwsException e) {
            response = endpoint.render(e, request);
        } catch (RuntimeException | StackOverflowError e) {
            // An overflow (a request nested deeper than some handler's recursion) is answered too: left to the
            // HTTP server, it would close the connection without a reply, which clients retry.
            LOG.warn("{} {} failed unexpectedly", service.signingName(), operation, e);
            response = endpoint.render(service.internalError(), request);
        }
        Long drop = fault.dropAfterBytes();
        Long cutAfter = drop != null && !request.isHead() && drop < response.body().length() ? drop : null;
        requestLog.add(logGeneration, new RequestLogEntry(clock.instant(), call == null ? "anonymous" : call.principalArn(),
                service.signingName(), operation, call == null ? null : call.lastResource(),
                call == null || call.lastDenied() ? "deny" : "allow", response.status(),
                (System.nanoTime() - started) / 1_000_000, cutAfter));
        write(exchange, request, response, cutAfter);
    }

    private ServiceEndpoint route(HttpRequest request) {
        if (JsonServiceEndpoint.accepts(request)) {
            return json;
        }
        if (SsoPortalEndpoint.accepts(request)) {
            return ssoPortal;
        }
        String contentType = request.header("content-type");
        boolean form = contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
        boolean rootPath = request.rawPath().equals("/") || request.rawPath().isEmpty();
        if (request.method().equals("POST") && rootPath && form || "sts".equals(scopeService(request))) {
            return sts;
        }
        return s3;
    }

    private static String scopeService(HttpRequest request) {
        String authorization = request.header("authorization");
        if (authorization == null) {
            return null;
        }
        Matcher m = SCOPE_SERVICE.matcher(authorization);
        return m.find() ? m.group(1) : null;
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static HttpRequest read(HttpExchange exchange, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values), (a, b) -> {
                    List<String> all = new java.util.ArrayList<>(a);
                    all.addAll(b);
                    return List.copyOf(all);
                }));
        String rawQuery = exchange.getRequestURI().getRawQuery();
        return new HttpRequest(UUID.randomUUID().toString(), exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(), rawQuery == null ? "" : rawQuery, Map.copyOf(headers), body,
                exchange.getRemoteAddress());
    }

    /**
     * Writes the response. With {@code dropAfterBytes} smaller than the body, it announces the full length,
     * sends that many bytes and then throws, which makes the JDK server close the connection: the client
     * sees a truncated body, as on a network failure.
     */
    private void write(HttpExchange exchange, HttpRequest request, HttpResponse response, Long dropAfterBytes)
            throws IOException {
        Headers headers = exchange.getResponseHeaders();
        response.headers().forEach(headers::set);
        headers.set("Date", HttpDates.http(clock.instant()));
        long length = response.body().length();
        if (request.isHead()) {
            headers.set("Content-Length", Long.toString(length));
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(response.status(), length == 0 ? -1 : length);
        if (length == 0) {
            return;
        }
        OutputStream out = exchange.getResponseBody();
        if (dropAfterBytes != null && dropAfterBytes < length) {
            response.body().writeTo(out, dropAfterBytes);
            out.flush();
            throw new IOException("Connection cut after " + dropAfterBytes + " of " + length
                    + " body bytes (dropAfterBytes fault)");
        }
        response.body().writeTo(out, length);
        out.close();
    }
}
