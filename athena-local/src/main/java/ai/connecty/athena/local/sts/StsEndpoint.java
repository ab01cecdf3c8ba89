package ai.connecty.athena.local.sts;

import static ai.connecty.athena.local.validation.ValidationStyle.STS;

import ai.connecty.athena.local.api.AwsException;
import ai.connecty.athena.local.auth.AccessRequest;
import ai.connecty.athena.local.auth.AuthenticatedCall;
import ai.connecty.athena.local.auth.Decision;
import ai.connecty.athena.local.auth.IdentityStore;
import ai.connecty.athena.local.auth.Principal;
import ai.connecty.athena.local.auth.Role;
import ai.connecty.athena.local.auth.RoleSession;
import ai.connecty.athena.local.auth.SessionStore;
import ai.connecty.athena.local.auth.WebIdentityToken;
import ai.connecty.athena.local.control.Faults;
import ai.connecty.athena.local.http.AwsService;
import ai.connecty.athena.local.http.HttpDates;
import ai.connecty.athena.local.http.HttpRequest;
import ai.connecty.athena.local.http.HttpResponse;
import ai.connecty.athena.local.http.ServiceEndpoint;
import ai.connecty.athena.local.http.Xml;
import ai.connecty.athena.local.validation.Validation;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * STS AssumeRole, AssumeRoleWithWebIdentity and GetCallerIdentity. AssumeRole needs both halves of IAM's check: the caller's own
 * policy must allow {@code sts:AssumeRole} on the role, and the role's trust policy must name the caller
 * (and, when it says so, the {@code sts:ExternalId}). AssumeRoleWithWebIdentity is unsigned, as in AWS: the token is
 * the caller's identity, and the role's trust policy alone decides (see {@link WebIdentityToken}).
 */
public final class StsEndpoint implements ServiceEndpoint {

    private static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
    private static final String CONTENT_TYPE = "text/xml";
    private static final int DEFAULT_DURATION = 3600;
    /** AssumeRole's DurationSeconds bounds (wire protocol §2.7). */
    private static final int MIN_DURATION = 900;
    private static final int MAX_DURATION = 43200;
    /** RoleSessionName's pattern as the model writes it; its 2..64 characters are a separate constraint. */
    private static final String SESSION_NAME = "[\\w+=,.@-]*";
    private static final String WEB_IDENTITY = "AssumeRoleWithWebIdentity";

    private final IdentityStore identities;
    private final SessionStore sessions;
    private final Faults faults;
    private final Clock clock;

    public StsEndpoint(IdentityStore identities, SessionStore sessions, Faults faults, Clock clock) {
        this.identities = identities;
        this.sessions = sessions;
        this.faults = faults;
        this.clock = clock;
    }

    @Override
    public AwsService service(HttpRequest request) {
        return AwsService.STS;
    }

    @Override
    public String operation(HttpRequest request) {
        try {
            return parameters(request).getOrDefault("Action", "");
        } catch (AwsException malformed) {
            return "";
        }
    }

    @Override
    public boolean unsigned(HttpRequest request) {
        return WEB_IDENTITY.equals(operation(request));
    }

    @Override
    public HttpResponse handle(HttpRequest request, AuthenticatedCall call) {
        Map<String, String> params = parameters(request);
        String action = params.getOrDefault("Action", "");
        return switch (action) {
            case "GetCallerIdentity" -> getCallerIdentity(call, request);
            case "AssumeRole" -> assumeRole(params, call, request);
            case WEB_IDENTITY -> assumeRoleWithWebIdentity(params, call, request);
            default -> throw new AwsException(400, "InvalidAction",
                    "Could not find operation " + action + " for version 2011-06-15");
        };
    }

    private HttpResponse getCallerIdentity(AuthenticatedCall call, HttpRequest request) {
        Principal p = call.principal();
        return ok("GetCallerIdentity", Xml.element("UserId", p.userId()) + Xml.element("Account", p.accountId())
                + Xml.element("Arn", p.arn()), request);
    }

    private HttpResponse assumeRole(Map<String, String> params, AuthenticatedCall call, HttpRequest request) {
        String roleArn = params.get("RoleArn");
        String sessionName = params.get("RoleSessionName");
        Integer requestedDuration = duration(params.get("DurationSeconds"));
        // The model's constraints (wire protocol §2.7), every violation reported together in the model's member order.
        new Validation(STS).notNull(roleArn, "roleArn").length(roleArn, "roleArn", 20, 2048)
                .notNull(sessionName, "roleSessionName").length(sessionName, "roleSessionName", 2, 64).pattern(sessionName, "roleSessionName", SESSION_NAME)
                .range(requestedDuration, "durationSeconds", MIN_DURATION, MAX_DURATION)
                .length(params.get("ExternalId"), "externalId", 2, 1224)
                .check();
        int duration = requestedDuration == null ? DEFAULT_DURATION : requestedDuration;
        call.authorize("sts:AssumeRole", roleArn);
        Role role = identities.roleByArn(roleArn).orElseThrow(() -> call.accessDenied("sts:AssumeRole", roleArn));
        Map<String, String> keys = new HashMap<>();
        keys.put("aws:requestedregion", call.region());
        Optional.ofNullable(params.get("ExternalId")).ifPresent(id -> keys.put("sts:externalid", id));
        Decision trust = role.trustPolicy().evaluateTrust(
                new AccessRequest(call.principalArn(), "sts:AssumeRole", roleArn, keys), call.accountId());
        if (!trust.allowed()) {
            call.record(roleArn, true);
            throw call.accessDenied("sts:AssumeRole", roleArn);
        }
        if (duration > role.maxSessionSeconds()) {
            throw validation("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
        Instant now = clock.instant();
        // Truncated because the XML carries whole seconds: the session must end exactly when the client is told.
        Instant expiration = now.plusSeconds(faults.credentialSeconds().orElse((long) duration))
                .truncatedTo(ChronoUnit.SECONDS);
        RoleSession session = sessions.issue(role, sessionName, expiration, now);
        String body = credentials(session, expiration)
                + "<AssumedRoleUser>" + Xml.element("AssumedRoleId", session.assumedRoleId())
                + Xml.element("Arn", session.arn()) + "</AssumedRoleUser>";
        return ok("AssumeRole", body, request);
    }

    private HttpResponse assumeRoleWithWebIdentity(Map<String, String> params, AuthenticatedCall call,
                                                   HttpRequest request) {
        String roleArn = params.get("RoleArn");
        String sessionName = params.get("RoleSessionName");
        String tokenText = params.get("WebIdentityToken");
        Integer requestedDuration = duration(params.get("DurationSeconds"));
        new Validation(STS).notNull(roleArn, "roleArn").length(roleArn, "roleArn", 20, 2048)
                .notNull(sessionName, "roleSessionName").length(sessionName, "roleSessionName", 2, 64).pattern(sessionName, "roleSessionName", SESSION_NAME)
                .notNull(tokenText, "webIdentityToken").length(tokenText, "webIdentityToken", 4, 20000)
                .range(requestedDuration, "durationSeconds", MIN_DURATION, MAX_DURATION)
                .check();
        int duration = requestedDuration == null ? DEFAULT_DURATION : requestedDuration;
        Instant now = clock.instant();
        // athena-local cannot verify a signature, so a token it was not told about is one AWS could not validate.
        WebIdentityToken token = identities.webIdentityToken(tokenText).orElseThrow(() -> new AwsException(400,
                "InvalidIdentityToken", "The web identity token that was passed could not be validated by AWS. "
                + "Get a new identity token from the identity provider and then retry the request."));
        if (token.expired(now)) {
            throw new AwsException(400, "ExpiredTokenException", "Token expired: current date/time "
                    + now.getEpochSecond() + " must be before the expiration date/time "
                    + token.expiresAt().orElseThrow().getEpochSecond());
        }
        String providerArn = token.providerArn(identities.accountId());
        Role role = identities.roleByArn(roleArn).orElse(null);
        // No account-wide principal covers a federated caller: the trust policy must name the provider (or "*").
        Decision trust = role == null ? Decision.IMPLICIT_DENY : role.trustPolicy().evaluateTrust(
                new AccessRequest(providerArn, "sts:" + WEB_IDENTITY, roleArn, token.conditionKeys()), "");
        call.record(roleArn, !trust.allowed());
        if (!trust.allowed()) {
            throw new AwsException(403, "AccessDenied", "Not authorized to perform sts:" + WEB_IDENTITY);
        }
        if (duration > role.maxSessionSeconds()) {
            throw validation("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
        Instant expiration = now.plusSeconds(faults.credentialSeconds("sts", WEB_IDENTITY)
                        .orElse((long) duration))
                .truncatedTo(ChronoUnit.SECONDS);
        RoleSession session = sessions.issue(role, sessionName, expiration, now);
        String body = credentials(session, expiration)
                + Xml.element("SubjectFromWebIdentityToken", token.subject())
                + "<AssumedRoleUser>" + Xml.element("AssumedRoleId", session.assumedRoleId())
                + Xml.element("Arn", session.arn()) + "</AssumedRoleUser>"
                + Xml.element("Provider", token.issuer()) + Xml.element("Audience", token.audience());
        return ok(WEB_IDENTITY, body, request);
    }

    private static String credentials(RoleSession session, Instant expiration) {
        return "<Credentials>" + Xml.element("AccessKeyId", session.accessKeyId())
                + Xml.element("SecretAccessKey", session.secretAccessKey())
                + Xml.element("SessionToken", session.sessionToken())
                + Xml.element("Expiration", HttpDates.isoSeconds(expiration)) + "</Credentials>";
    }

    /**
     * DurationSeconds as sent, {@code null} when left out. A value that is no integer cannot be read into the member,
     * so it never reaches the constraints; how STS words that is not known (an SDK always sends a number), so it keeps
     * the answer athena-local always gave it.
     */
    private static Integer duration(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw validation("1 validation error detected: Value '" + value + "' at 'durationSeconds' failed to "
                    + "satisfy constraint: Member must have value between " + MIN_DURATION + " and " + MAX_DURATION);
        }
    }

    private static AwsException validation(String message) {
        return new AwsException(400, "ValidationError", message);
    }

    private static HttpResponse ok(String operation, String result, HttpRequest request) {
        String xml = Xml.DECLARATION + "<" + operation + "Response xmlns=\"" + NAMESPACE + "\">"
                + "<" + operation + "Result>" + result + "</" + operation + "Result>"
                + "<ResponseMetadata>" + Xml.element("RequestId", request.requestId()) + "</ResponseMetadata>"
                + "</" + operation + "Response>";
        return HttpResponse.text(200, CONTENT_TYPE, xml).header("x-amzn-RequestId", request.requestId());
    }

    @Override
    public HttpResponse render(AwsException error, HttpRequest request) {
        String type = error.status() >= 500 ? "Receiver" : "Sender";
        String xml = Xml.DECLARATION + "<ErrorResponse xmlns=\"" + NAMESPACE + "\"><Error>"
                + Xml.element("Type", type) + Xml.element("Code", error.code())
                + Xml.element("Message", error.getMessage() == null ? "" : error.getMessage())
                + "</Error>" + Xml.element("RequestId", request.requestId()) + "</ErrorResponse>";
        return HttpResponse.text(error.status(), CONTENT_TYPE, xml).header("x-amzn-RequestId", request.requestId());
    }

    /** The form body, plus query parameters (STS also accepts the GET form). */
    private static Map<String, String> parameters(HttpRequest request) {
        Map<String, String> params = new LinkedHashMap<>(request.queryParameters());
        String body = new String(request.body(), StandardCharsets.UTF_8);
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                params.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new AwsException(400, "MalformedQueryString", "The form body is not URL-encoded correctly");
            }
        }
        return params;
    }
}
