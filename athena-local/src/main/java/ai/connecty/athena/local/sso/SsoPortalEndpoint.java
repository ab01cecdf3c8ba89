package ai.connecty.athena.local.sso;

import ai.connecty.athena.local.api.AwsException;
import ai.connecty.athena.local.auth.AuthenticatedCall;
import ai.connecty.athena.local.auth.IdentityStore;
import ai.connecty.athena.local.auth.Role;
import ai.connecty.athena.local.auth.RoleSession;
import ai.connecty.athena.local.auth.SessionStore;
import ai.connecty.athena.local.auth.SsoAccessToken;
import ai.connecty.athena.local.control.Faults;
import ai.connecty.athena.local.http.AwsService;
import ai.connecty.athena.local.http.HttpRequest;
import ai.connecty.athena.local.http.HttpResponse;
import ai.connecty.athena.local.http.ServiceEndpoint;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * IAM Identity Center's {@code GetRoleCredentials} (REST-JSON, {@code GET /federation/credentials?account_id=&role_name=},
 * bearer token in {@code x-amz-sso_bearer_token}, unsigned): what the AWS SDK calls for a profile with
 * {@code sso_session} or {@code sso_start_url} once {@code aws sso login} cached a token. The token must be one of
 * the identities file's {@code ssoAccessTokens}; the credentials are a session of the role its permission set maps
 * to, issued by the same {@link SessionStore} as AssumeRole's, so they sign Athena, Glue and S3 calls alike.
 */
public final class SsoPortalEndpoint implements ServiceEndpoint {

    private static final String PATH = "/federation/credentials";
    private static final String TOKEN_HEADER = "x-amz-sso_bearer_token";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A permission set's default session duration. */
    private static final long SESSION_SECONDS = 3600;

    private final IdentityStore identities;
    private final SessionStore sessions;
    private final Faults faults;
    private final Clock clock;

    public SsoPortalEndpoint(IdentityStore identities, SessionStore sessions, Faults faults, Clock clock) {
        this.identities = identities;
        this.sessions = sessions;
        this.faults = faults;
        this.clock = clock;
    }

    /**
     * The portal's one path, without a SigV4 {@code Authorization} header: an S3 GET of the object
     * {@code credentials} in a bucket named {@code federation} is signed, and so still reaches S3.
     */
    public static boolean accepts(HttpRequest request) {
        return request.rawPath().equals(PATH) && request.header("authorization") == null;
    }

    @Override
    public AwsService service(HttpRequest request) {
        return AwsService.SSO;
    }

    @Override
    public String operation(HttpRequest request) {
        return "GetRoleCredentials";
    }

    @Override
    public boolean unsigned(HttpRequest request) {
        return true;
    }

    @Override
    public HttpResponse handle(HttpRequest request, AuthenticatedCall call) {
        if (!request.method().equals("GET")) {
            throw new AwsException(405, "MethodNotAllowedException", "Method not allowed");
        }
        Map<String, String> query = request.queryParameters();
        String accountId = query.get("account_id");
        String roleName = query.get("role_name");
        if (accountId == null || accountId.isEmpty() || roleName == null || roleName.isEmpty()) {
            throw new AwsException(400, "InvalidRequestException", "role_name and account_id are required");
        }
        Instant now = clock.instant();
        String bearer = request.header(TOKEN_HEADER);
        // An unknown token and an expired one get the same answer, as from the portal: nothing tells them apart.
        SsoAccessToken token = (bearer == null ? Optional.<SsoAccessToken>empty()
                : identities.ssoAccessToken(bearer)).filter(t -> !t.expired(now))
                .orElseThrow(() -> new AwsException(401, "UnauthorizedException",
                        "Session token not found or invalid"));
        Role role = (accountId.equals(identities.accountId()) ? token.roleFor(roleName) : Optional.<String>empty())
                .flatMap(identities::roleByName)
                .orElseThrow(() -> new AwsException(403, "ForbiddenException", "No access"));
        call.record(role.arn(), false);
        Instant expiration = now.plusSeconds(faults.credentialSeconds("sso", "GetRoleCredentials")
                        .orElse(SESSION_SECONDS))
                .truncatedTo(ChronoUnit.SECONDS);
        RoleSession session = sessions.issue(role, token.userName(), expiration, now);
        ObjectNode credentials = JSON.createObjectNode();
        credentials.put("accessKeyId", session.accessKeyId());
        credentials.put("secretAccessKey", session.secretAccessKey());
        credentials.put("sessionToken", session.sessionToken());
        credentials.put("expiration", expiration.toEpochMilli());
        ObjectNode body = JSON.createObjectNode();
        body.set("roleCredentials", credentials);
        return json(200, body, request);
    }

    /** REST-JSON errors: the code in {@code x-amzn-ErrorType}, the message in the body's {@code message}. */
    @Override
    public HttpResponse render(AwsException error, HttpRequest request) {
        ObjectNode body = JSON.createObjectNode();
        body.put("message", error.getMessage() == null ? "" : error.getMessage());
        return json(error.status(), body, request).header("x-amzn-ErrorType", error.code());
    }

    private static HttpResponse json(int status, ObjectNode body, HttpRequest request) {
        try {
            return HttpResponse.of(status, "application/json", JSON.writeValueAsBytes(body))
                    .header("x-amzn-RequestId", request.requestId());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serializes", e);
        }
    }
}
