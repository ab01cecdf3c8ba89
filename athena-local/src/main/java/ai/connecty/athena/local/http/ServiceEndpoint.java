package ai.connecty.athena.local.http;

import ai.connecty.athena.local.api.AwsException;
import ai.connecty.athena.local.auth.AuthenticatedCall;

/** One service's protocol: naming the operation, handling it, and rendering its errors. */
public interface ServiceEndpoint {

    /** The service a request routed here belongs to (the JSON endpoint may serve two). */
    AwsService service(HttpRequest request);

    /** The operation name for the request log and fault rules, e.g. {@code GetObject}; known before auth. */
    String operation(HttpRequest request);

    /**
     * Whether the request is an operation that AWS serves without a SigV4 signature, because it carries its own
     * proof of identity (STS AssumeRoleWithWebIdentity's token, the SSO portal's bearer token). Such a request is
     * handled with {@link AuthenticatedCall#anonymous} instead of failing authentication.
     */
    default boolean unsigned(HttpRequest request) {
        return false;
    }

    HttpResponse handle(HttpRequest request, AuthenticatedCall call);

    HttpResponse render(AwsException error, HttpRequest request);
}
