package ai.connecty.athena.tests;

import ai.connecty.athena.local.LocalAthena;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * An athena-local whose identities hold the tokens that CredentialsProvider=JWT tests pass in JwtWebIdentityToken:
 * role {@value #ROLE_NAME} (the guide's policies) trusts the OIDC provider {@value #ISSUER} for subject
 * {@value #SUBJECT} and may assume {@value #CHAINED_ROLE_NAME}; one token of that subject, one of another subject,
 * one that has expired.
 */
final class JwtLocalAthena {
    static final String ISSUER = "oidc.idp.example.com/tenant-jdbc";
    static final String SUBJECT = "reporting-app";
    static final String ROLE_NAME = "jwt-reporting";
    static final String ROLE_ARN = "arn:aws:iam::" + LocalAthena.ACCOUNT_ID + ":role/" + ROLE_NAME;
    /** A second role, with the guide's policies, that {@value #ROLE_NAME} may assume (RoleArn on top of JWT). */
    static final String CHAINED_ROLE_NAME = "jwt-chained";
    static final String CHAINED_ROLE_ARN = "arn:aws:iam::" + LocalAthena.ACCOUNT_ID + ":role/" + CHAINED_ROLE_NAME;
    static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvcnRpbmctYXBwIn0.trusted-signature-0451";
    static final String UNTRUSTED_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJvdGhlci1hcHAifQ.other-signature-7730";
    static final String EXPIRED_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJleHAiOjE1Nzc4MzY4MDB9.expired-signature-1288";
    /** Shaped as a token, but no provider issued it. */
    static final String UNKNOWN_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJub2JvZHkifQ.unknown-signature-5512";

    private static final ObjectMapper JSON = new ObjectMapper();

    private JwtLocalAthena() {
    }

    static LocalAthena start(Path dir) throws Exception {
        LocalAthena athena = LocalAthena.builder().port(0).dataDir(dir.resolve("data")).demoData(false)
                .identities(identities(dir)).build().start();
        athena.awaitReady(Duration.ofMinutes(2));
        return athena;
    }

    /** JDBC URL properties that sign in with {@code token}, the session named {@code session}. */
    static String[] jwt(String token, String session) {
        return new String[] {"CredentialsProvider=JWT", "JwtWebIdentityToken=" + token, "JwtRoleArn=" + ROLE_ARN,
                "JwtRoleSessionName=" + session};
    }

    private static Path identities(Path dir) throws Exception {
        ObjectNode identities;
        try (InputStream in = LocalAthena.class.getResourceAsStream("auth/default-identities.json")) {
            identities = (ObjectNode) JSON.readTree(in);
        }
        JsonNode guideRole = identities.path("roles").get(0);
        ObjectNode role = JSON.createObjectNode().put("name", ROLE_NAME);
        role.set("policies", guideRole.path("policies"));
        role.set("trustPolicy", JSON.readTree(("""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                  "Principal": {"Federated": "arn:aws:iam::%s:oidc-provider/%s"},
                  "Action": "sts:AssumeRoleWithWebIdentity",
                  "Condition": {"StringEquals": {"%2$s:sub": "%s", "%2$s:aud": "connecty-jdbc"}}}]}
                """).formatted(LocalAthena.ACCOUNT_ID, ISSUER, SUBJECT)));
        ArrayNode policies = guideRole.path("policies").deepCopy();
        policies.add(JSON.readTree("""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                  "Resource": "%s"}]}
                """.formatted(CHAINED_ROLE_ARN)));
        role.set("policies", policies);
        ObjectNode chained = JSON.createObjectNode().put("name", CHAINED_ROLE_NAME);
        chained.set("policies", guideRole.path("policies"));
        // The account as principal, as IAM reads it: whoever the account's own policies allow sts:AssumeRole.
        chained.set("trustPolicy", JSON.readTree("""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                  "Principal": {"AWS": "arn:aws:iam::%s:root"}, "Action": "sts:AssumeRole"}]}
                """.formatted(LocalAthena.ACCOUNT_ID)));
        ((ArrayNode) identities.path("roles")).add(role).add(chained);
        identities.set("webIdentityTokens", JSON.readTree("""
                [{"token": "%s", "issuer": "https://%s", "subject": "%s", "audience": "connecty-jdbc"},
                 {"token": "%s", "issuer": "https://%2$s", "subject": "other-app", "audience": "connecty-jdbc"},
                 {"token": "%s", "issuer": "https://%2$s", "subject": "%3$s", "audience": "connecty-jdbc",
                  "expiresAt": "2020-01-01T00:00:00Z"}]
                """.formatted(TOKEN, ISSUER, SUBJECT, UNTRUSTED_TOKEN, EXPIRED_TOKEN)));
        Path file = dir.resolve("jwt-identities.json");
        JSON.writeValue(file.toFile(), identities);
        return file;
    }
}
