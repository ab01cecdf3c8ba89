package ai.connecty.athena.local.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An identities file with IAM Identity Center and web identity tokens: user {@code analyst} may sign in to
 * permission set {@code Analyst} (role {@code analyst}, which may list workgroups), its token {@link #SSO_TOKEN};
 * role {@code reporting} trusts the OIDC provider's service account {@code analytics:reporting} with audience
 * {@code sts.amazonaws.com}, whose token is {@link #WEB_TOKEN}. Each good token has an expired twin.
 */
public final class TokenIdentities {

    public static final String SSO_TOKEN = "sso-token-of-analyst";
    public static final String EXPIRED_SSO_TOKEN = "sso-token-expired-yesterday";
    public static final String WEB_TOKEN = "web-token-of-reporting";
    public static final String EXPIRED_WEB_TOKEN = "web-token-expired";
    /** Issued by the trusted provider, but to a service account that the trust policy's condition leaves out. */
    public static final String OTHER_SUBJECT_WEB_TOKEN = "web-token-of-another-service-account";
    public static final String ISSUER = "oidc.eks.us-east-1.amazonaws.com/id/LOCAL";

    private static final String LIST_WORKGROUPS = """
            [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "athena:ListWorkGroups", "Resource": "*"}]}]""";

    private TokenIdentities() {
    }

    public static Path write(Path dir) throws IOException {
        return Files.writeString(dir.resolve("token-identities.json"), """
                {"accountId": "123456789012",
                 "users": [],
                 "roles": [
                   {"name": "analyst", "trustPolicy": {"Statement": {"Effect": "Deny", "Principal": "*", "Action": "sts:AssumeRole"}},
                    "policies": %1$s},
                   {"name": "reporting", "maxSessionDurationSeconds": 7200,
                    "trustPolicy": {"Statement": {"Effect": "Allow",
                      "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/%2$s"},
                      "Action": "sts:AssumeRoleWithWebIdentity",
                      "Condition": {"StringEquals": {"%2$s:sub": "system:serviceaccount:analytics:reporting",
                                                     "%2$s:aud": "sts.amazonaws.com"}}}},
                    "policies": %1$s}],
                 "ssoAccessTokens": [
                   {"accessToken": "%3$s", "userName": "analyst@example.com", "expiresAt": "2999-01-01T00:00:00Z",
                    "roles": {"Analyst": "analyst"}},
                   {"accessToken": "%4$s", "userName": "analyst@example.com", "expiresAt": "2020-01-01T00:00:00Z",
                    "roles": {"Analyst": "analyst"}}],
                 "webIdentityTokens": [
                   {"token": "%5$s", "issuer": "https://%2$s", "subject": "system:serviceaccount:analytics:reporting",
                    "audience": "sts.amazonaws.com"},
                   {"token": "%6$s", "issuer": "%2$s", "subject": "system:serviceaccount:analytics:reporting",
                    "audience": "sts.amazonaws.com", "expiresAt": "2020-01-01T00:00:00Z"},
                   {"token": "%7$s", "issuer": "%2$s", "subject": "system:serviceaccount:default:other",
                    "audience": "sts.amazonaws.com"}]}
                """.formatted(LIST_WORKGROUPS, ISSUER, SSO_TOKEN, EXPIRED_SSO_TOKEN, WEB_TOKEN, EXPIRED_WEB_TOKEN,
                OTHER_SUBJECT_WEB_TOKEN));
    }
}
