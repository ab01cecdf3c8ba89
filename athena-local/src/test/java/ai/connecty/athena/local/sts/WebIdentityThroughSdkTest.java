package ai.connecty.athena.local.sts;

import static ai.connecty.athena.local.auth.TokenIdentities.EXPIRED_WEB_TOKEN;
import static ai.connecty.athena.local.auth.TokenIdentities.OTHER_SUBJECT_WEB_TOKEN;
import static ai.connecty.athena.local.auth.TokenIdentities.WEB_TOKEN;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.ExpiredTokenException;
import software.amazon.awssdk.services.sts.model.InvalidIdentityTokenException;
import software.amazon.awssdk.services.sts.model.StsException;

/** AssumeRoleWithWebIdentity (IRSA) through the SDK, which sends it unsigned. */
class WebIdentityThroughSdkTest {

    private static final String REPORTING = "arn:aws:iam::123456789012:role/reporting";

    @TempDir
    static Path dir;
    static LocalAthena athena;
    static StsClient sts;

    @BeforeAll
    static void start() throws Exception {
        athena = LocalAthena.builder().port(0).dataDir(dir.resolve("data")).demoData(false)
                .identities(TokenIdentities.write(dir)).build().start();
        // No credentials at all: what a pod has before it exchanged its token.
        sts = StsClient.builder().endpointOverride(athena.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create()).build();
    }

    @AfterAll
    static void stop() {
        sts.close();
        athena.close();
    }

    private static AssumeRoleWithWebIdentityResponse exchange(String token, String roleArn) {
        return sts.assumeRoleWithWebIdentity(r -> r.roleArn(roleArn).roleSessionName("pod-1").webIdentityToken(token)
                .durationSeconds(7200));
    }

    @Test
    void aTrustedTokenGetsASessionOfTheRoleThatSignsAthenaCalls() {
        athena.requestLog().clear();
        AssumeRoleWithWebIdentityResponse r = exchange(WEB_TOKEN, REPORTING);

        assertThat(r.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::123456789012:assumed-role/reporting/pod-1");
        assertThat(r.subjectFromWebIdentityToken()).isEqualTo("system:serviceaccount:analytics:reporting");
        assertThat(r.provider()).isEqualTo(TokenIdentities.ISSUER);
        assertThat(r.audience()).isEqualTo("sts.amazonaws.com");
        assertThat(r.credentials().expiration())
                .isBetween(Instant.now().plusSeconds(7100), Instant.now().plusSeconds(7300));
        try (AthenaClient client = SdkClients.athena(athena, SdkClients.session(r.credentials()));
             StsClient signed = SdkClients.sts(athena, SdkClients.session(r.credentials()))) {
            assertThat(client.listWorkGroups(b -> { }).workGroups()).isNotEmpty();
            assertThat(signed.getCallerIdentity().arn()).isEqualTo(r.assumedRoleUser().arn());
        }
        RequestLogEntry logged = athena.requestLog().entries().stream()
                .filter(e -> e.action().equals("AssumeRoleWithWebIdentity")).findFirst().orElseThrow();
        assertThat(logged.principal()).isEqualTo("anonymous");
        assertThat(logged.resource()).isEqualTo(REPORTING);
        assertThat(logged.denied()).isFalse();
    }

    @Test
    void theCredentialSecondsFaultOfTheWebIdentityCallShortensItsSession() {
        athena.faults().set(FaultPlan.of(1, FaultRule.forAction("sts", "AssumeRoleWithWebIdentity")
                .withCredentialSeconds(120)));
        try {
            assertThat(exchange(WEB_TOKEN, REPORTING).credentials().expiration())
                    .isBetween(Instant.now().plusSeconds(100), Instant.now().plusSeconds(140));
        } finally {
            athena.faults().clear();
        }
    }

    @Test
    void aTokenTheProviderDidNotIssueIsInvalid() {
        assertThatThrownBy(() -> exchange("forged-token", REPORTING))
                .isInstanceOfSatisfying(InvalidIdentityTokenException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidIdentityToken");
                    assertThat(e.getMessage()).doesNotContain("forged-token");
                });
    }

    @Test
    void anExpiredTokenIsRefusedAsExpired() {
        assertThatThrownBy(() -> exchange(EXPIRED_WEB_TOKEN, REPORTING))
                .isInstanceOfSatisfying(ExpiredTokenException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("Token expired").doesNotContain(EXPIRED_WEB_TOKEN);
                });
    }

    @Test
    void aRoleThatDoesNotTrustTheTokenIsDenied() {
        // analyst trusts no web identity; reporting trusts only the analytics:reporting service account; no such role.
        for (String[] call : new String[][] {{WEB_TOKEN, "arn:aws:iam::123456789012:role/analyst"},
                {OTHER_SUBJECT_WEB_TOKEN, REPORTING}, {WEB_TOKEN, "arn:aws:iam::123456789012:role/nobody"}}) {
            assertThatThrownBy(() -> exchange(call[0], call[1]))
                    .isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                        assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("Not authorized to perform sts:AssumeRoleWithWebIdentity");
                    });
        }
    }
}
