package ai.connecty.athena.local.http;

import ai.connecty.athena.local.api.AwsException;
import ai.connecty.athena.local.api.JsonOperationHandler;
import ai.connecty.athena.local.auth.AuthenticatedCall;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Supplier;

/**
 * AWS JSON 1.1 (Athena and Glue): {@code POST /}, the operation in {@code X-Amz-Target}, a JSON object in
 * and out, errors as {@code {"__type": code, "Message": ...}} without an {@code x-amzn-ErrorType} header.
 */
public final class JsonServiceEndpoint implements ServiceEndpoint {

    static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final String ATHENA_PREFIX = "AmazonAthena.";
    private static final String GLUE_PREFIX = "AWSGlue.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<JsonOperationHandler> athena;
    private final Supplier<JsonOperationHandler> glue;

    /** Suppliers, so that the handlers can be created after the server is up. */
    public JsonServiceEndpoint(Supplier<JsonOperationHandler> athena, Supplier<JsonOperationHandler> glue) {
        this.athena = athena;
        this.glue = glue;
    }

    static boolean accepts(HttpRequest request) {
        return request.header("x-amz-target") != null;
    }

    @Override
    public AwsService service(HttpRequest request) {
        return target(request).startsWith(GLUE_PREFIX) ? AwsService.GLUE : AwsService.ATHENA;
    }

    @Override
    public String operation(HttpRequest request) {
        String target = target(request);
        int dot = target.indexOf('.');
        return dot < 0 ? target : target.substring(dot + 1);
    }

    @Override
    public HttpResponse handle(HttpRequest request, AuthenticatedCall call) {
        String target = target(request);
        boolean isGlue = target.startsWith(GLUE_PREFIX);
        if (!isGlue && !target.startsWith(ATHENA_PREFIX) || operation(request).isEmpty()) {
            throw new AwsException(400, "UnknownOperationException", null);
        }
        JsonNode output = (isGlue ? glue : athena).get().handle(operation(request), parseInput(request), call);
        return json(200, output, request);
    }

    private static JsonNode parseInput(HttpRequest request) {
        if (request.body().length == 0) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode input = JSON.readTree(request.body());
            if (input == null || !input.isObject()) {
                throw new AwsException(400, "SerializationException", "Request body must be a JSON object");
            }
            return input;
        } catch (JsonProcessingException e) {
            throw new AwsException(400, "SerializationException", "Malformed JSON request body: "
                    + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new AwsException(400, "SerializationException", "Unreadable request body");
        }
    }

    @Override
    public HttpResponse render(AwsException error, HttpRequest request) {
        ObjectNode body = JSON.createObjectNode();
        body.put("__type", error.code());
        error.extra().forEach(body::put);
        if (error.getMessage() != null) {
            body.put("Message", error.getMessage());
        }
        return json(error.status(), body, request);
    }

    private static HttpResponse json(int status, JsonNode body, HttpRequest request) {
        try {
            return HttpResponse.of(status, CONTENT_TYPE, JSON.writeValueAsBytes(body))
                    .header("x-amzn-RequestId", request.requestId());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serializes", e);
        }
    }

    private static String target(HttpRequest request) {
        String target = request.header("x-amz-target");
        return target == null ? "" : target.trim();
    }
}
