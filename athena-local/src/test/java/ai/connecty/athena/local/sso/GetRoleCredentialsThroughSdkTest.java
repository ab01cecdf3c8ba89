package ai.connecty.athena.local.sso;

import static ai.connecty.athena.local.auth.TokenIdentities.EXPIRED_SSO_TOKEN;
import static ai.connecty.athena.local.auth.TokenIdentities.SSO_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.auth.TokenIdentities;
import ai.connecty.athena.local.control.FaultPlan;
import ai.connecty.athena.local.control.FaultRule;
import ai.connecty.athena.local.control.RequestLogEntry;
import ai.connecty.athena.local.http.SdkClients;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.AthenaException;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sso.model.SsoException;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.sts.StsClient;

/** GetRoleCredentials through the SDK's own SSO client, which is what SSO profiles call. */
class GetRoleCredentialsThroughSdkTest {

    @TempDir
    static Path dir;
    static LocalAthena athena;
    static SsoClient sso;

    @BeforeAll
    static void start() throws Exception {
        athena = LocalAthena.builder().port(0).dataDir(dir.resolve("data")).demoData(false)
                .identities(TokenIdentities.write(dir)).build().start();
        // The portal is unsigned: the client needs no credentials, only the bearer token of each request.
        sso = SsoClient.builder().endpointOverride(athena.endpoint()).region(Region.US_EAST_1).build();
    }

    @AfterAll
    static void stop() {
        sso.close();
        athena.close();
    }

    private static RoleCredentials credentials(String token, String account, String permissionSet) {
        return sso.getRoleCredentials(r -> r.accessToken(token).accountId(account).roleName(permissionSet))
                .roleCredentials();
    }

    @Test
    void aValidTokenGetsASessionOfTheMappedRoleThatSignsAthenaCalls() {
        RoleCredentials c = credentials(SSO_TOKEN, "123456789012", "Analyst");

        assertThat(c.accessKeyId()).startsWith("ASIA");
        assertThat(Instant.ofEpochMilli(c.expiration()))
                .isBetween(Instant.now().plusSeconds(3500), Instant.now().plusSeconds(3700));
        var session = AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
        try (StsClient sts = SdkClients.sts(athena, session); AthenaClient client = SdkClients.athena(athena, session)) {
            assertThat(sts.getCallerIdentity().arn())
                    .isEqualTo("arn:aws:sts::123456789012:assumed-role/analyst/analyst@example.com");
            assertThat(client.listWorkGroups(b -> { }).workGroups()).isNotEmpty();
            assertThatThrownBy(() -> client.startQueryExecution(b -> b.queryString("SELECT 1")))
                    .as("the session has the role's policy, nothing more")
                    .isInstanceOf(AthenaException.class)
                    .hasMessageContaining("assumed-role/analyst/analyst@example.com is not authorized");
        }
        List<RequestLogEntry> portal = athena.requestLog().entries().stream().filter(e -> e.service().equals("sso")).toList();
        assertThat(portal).isNotEmpty().allSatisfy(e -> assertThat(e.action()).isEqualTo("GetRoleCredentials"));
    }

    @Test
    void theCredentialSecondsFaultShortensTheSessionToTestRefresh() {
        athena.faults().set(FaultPlan.of(1, FaultRule.forAction("sso", "GetRoleCredentials").withCredentialSeconds(120)));
        try {
            assertThat(Instant.ofEpochMilli(credentials(SSO_TOKEN, "123456789012", "Analyst").expiration()))
                    .isBetween(Instant.now().plusSeconds(100), Instant.now().plusSeconds(140));
        } finally {
            athena.faults().clear();
        }
    }

    @Test
    void anUnknownTokenIsUnauthorized() {
        assertThatThrownBy(() -> credentials("no-such-token", "123456789012", "Analyst"))
                .isInstanceOfSatisfying(UnauthorizedException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(401);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Session token not found or invalid");
                    assertThat(e.getMessage()).doesNotContain("no-such-token");
                });
    }

    @Test
    void anExpiredTokenIsUnauthorizedLikeAnUnknownOne() {
        assertThatThrownBy(() -> credentials(EXPIRED_SSO_TOKEN, "123456789012", "Analyst"))
                .isInstanceOfSatisfying(UnauthorizedException.class, e -> assertThat(e.statusCode()).isEqualTo(401));
    }

    @Test
    void aPermissionSetOrAccountTheUserWasNotGivenIsForbidden() {
        for (String[] call : new String[][] {{"123456789012", "Administrator"}, {"999999999999", "Analyst"}}) {
            assertThatThrownBy(() -> credentials(SSO_TOKEN, call[0], call[1]))
                    .isInstanceOfSatisfying(SsoException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ForbiddenException");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("No access");
                    });
        }
    }
}
