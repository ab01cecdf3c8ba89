package ai.connecty.athena.local.http;

import ai.connecty.athena.local.api.AwsException;
import ai.connecty.athena.local.auth.AuthenticatedCall;

/** One service's protocol: naming the operation, handling it, and rendering its errors. */
public interface ServiceEndpoint {

    /** The service a request routed here belongs to (the JSON endpoint may serve two). */
    AwsService service(HttpRequest request);

    /** The operation name for the request log and fault rules, e.g. {@code GetObject}; known before auth. */
    String operation(HttpRequest request);

    HttpResponse handle(HttpRequest request, AuthenticatedCall call);

    HttpResponse render(AwsException error, HttpRequest request);
}
