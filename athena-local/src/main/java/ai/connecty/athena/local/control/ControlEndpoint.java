package ai.connecty.athena.local.control;

import ai.connecty.athena.local.http.HttpRequest;
import ai.connecty.athena.local.http.HttpResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * {@code /_athena-local/}: unsigned, and answered only for loopback clients, because it can read the request
 * log and break the service. {@code GET health}, {@code GET|DELETE requests}, {@code GET|PUT|DELETE faults}.
 */
public final class ControlEndpoint {

    public static final String PREFIX = "/_athena-local/";
    private static final String JSON_TYPE = "application/json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private final RequestLog requestLog;
    private final Faults faults;
    private final Supplier<Readiness> readiness;

    public ControlEndpoint(RequestLog requestLog, Faults faults, Supplier<Readiness> readiness) {
        this.requestLog = requestLog;
        this.faults = faults;
        this.readiness = readiness;
    }

    public static boolean accepts(HttpRequest request) {
        return request.rawPath().startsWith(PREFIX);
    }

    public HttpResponse handle(HttpRequest request) {
        if (!request.remoteAddress().getAddress().isLoopbackAddress()) {
            return error(403, "The control endpoint answers only requests from this machine (loopback)");
        }
        String resource = request.rawPath().substring(PREFIX.length());
        String method = request.method();
        return switch (resource) {
            case "health" -> method.equals("GET") ? health() : notAllowed(method, resource, "GET");
            case "requests" -> switch (method) {
                case "GET" -> json(200, requestsJson());
                case "DELETE" -> {
                    requestLog.clear();
                    yield HttpResponse.empty(204);
                }
                default -> notAllowed(method, resource, "GET, DELETE");
            };
            case "faults" -> switch (method) {
                case "GET" -> json(200, JSON.valueToTree(faults.plan()));
                case "PUT" -> putFaults(request.body());
                case "DELETE" -> {
                    faults.clear();
                    yield HttpResponse.empty(204);
                }
                default -> notAllowed(method, resource, "GET, PUT, DELETE");
            };
            default -> error(404, "Unknown control resource '" + resource + "'; use health, requests or faults");
        };
    }

    private HttpResponse health() {
        Readiness r = readiness.get();
        ObjectNode body = JSON.createObjectNode();
        switch (r.state()) {
            case READY -> body.put("status", "ok");
            case STARTING -> body.put("status", "starting");
            case FAILED -> body.put("status", "failed").put("message", r.failure());
        }
        return json(switch (r.state()) {
            case READY -> 200;
            case STARTING -> 503;
            case FAILED -> 500;
        }, body);
    }

    private HttpResponse putFaults(byte[] body) {
        try {
            faults.set(JSON.readValue(body, FaultPlan.class));
            return json(200, JSON.valueToTree(faults.plan()));
        } catch (IOException | IllegalArgumentException e) {
            return error(400, "Invalid fault plan: " + rootMessage(e) + ". Expected {\"seed\": 1, \"rules\": "
                    + "[{\"service\": \"athena\", \"action\": \"GetQueryResults\", \"latencyMillis\": 40, "
                    + "\"throttleRate\": 0.2, \"errorRate\": 0.05, \"dropAfterBytes\": 65536, \"queryMillis\": 1500, "
                    + "\"credentialSeconds\": 60, \"latencyRate\": 0.1, \"dropRate\": 0.05}]}");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String message = t instanceof com.fasterxml.jackson.core.JsonProcessingException jpe
                ? jpe.getOriginalMessage() : t.getMessage();
        return message == null ? t.getClass().getSimpleName() : message;
    }

    private ArrayNode requestsJson() {
        ArrayNode array = JSON.createArrayNode();
        for (RequestLogEntry e : requestLog.entries()) {
            ObjectNode o = array.addObject();
            o.put("time", e.time().toString());
            o.put("principal", e.principal());
            o.put("service", e.service());
            o.put("action", e.action());
            o.put("resource", e.resource());
            o.put("decision", e.decision());
            o.put("status", e.status());
            o.put("millis", e.millis());
            if (e.cut()) {
                o.put("cutAfterBytes", e.cutAfterBytes());
            }
        }
        return array;
    }

    private static HttpResponse notAllowed(String method, String resource, String allowed) {
        return error(405, method + " is not supported on " + resource + "; use " + allowed).header("Allow", allowed);
    }

    private static HttpResponse error(int status, String message) {
        return json(status, JSON.createObjectNode().put("message", message));
    }

    private static HttpResponse json(int status, JsonNode body) {
        try {
            return HttpResponse.of(status, JSON_TYPE, JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException("A JSON tree always serializes", e);
        }
    }
}
