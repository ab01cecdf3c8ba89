package ai.connecty.athena.local.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.control.FaultPlan;
import ai.connecty.athena.local.control.FaultRule;
import ai.connecty.athena.local.http.FakeBackendExtension;
import ai.connecty.athena.local.http.SdkClients;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

@ExtendWith(FakeBackendExtension.class)
class StsThroughSdkTest {

    static LocalAthena athena;

    private static AssumeRoleResponse assumeRole(String session) {
        try (StsClient sts = SdkClients.sts(athena, SdkClients.SERVICE_ACCOUNT)) {
            return sts.assumeRole(r -> r.roleArn(LocalAthena.ROLE_ARN).roleSessionName(session));
        }
    }

    @Test
    void serviceAccountAssumesTheRoleAndTheSessionKnowsWhoItIs() {
        AssumeRoleResponse assumed = assumeRole("jdbc-test");

        assertThat(assumed.credentials().accessKeyId()).startsWith("ASIA").hasSize(20);
        assertThat(assumed.credentials().expiration())
                .isBetween(Instant.now().plusSeconds(3500), Instant.now().plusSeconds(3700));
        assertThat(assumed.assumedRoleUser().arn())
                .isEqualTo("arn:aws:sts::123456789012:assumed-role/connecty-athena/jdbc-test");
        try (StsClient sts = SdkClients.sts(athena, SdkClients.session(assumed.credentials()))) {
            GetCallerIdentityResponse me = sts.getCallerIdentity();
            assertThat(me.arn()).isEqualTo("arn:aws:sts::123456789012:assumed-role/connecty-athena/jdbc-test");
            assertThat(me.account()).isEqualTo("123456789012");
            assertThat(me.userId()).startsWith("AROA").endsWith(":jdbc-test");
        }
    }

    @Test
    void serviceAccountIdentityIsTheUser() {
        try (StsClient sts = SdkClients.sts(athena, SdkClients.SERVICE_ACCOUNT)) {
            assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::123456789012:user/connecty-sa");
        }
    }

    @Test
    void wrongSecretIsRefusedWithSignatureDoesNotMatch() {
        var wrong = AwsBasicCredentials.create(LocalAthena.SERVICE_ACCOUNT_KEY_ID, "not-the-secret");
        try (StsClient sts = SdkClients.sts(athena, wrong)) {
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(StsException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.getMessage()).doesNotContain("not-the-secret");
            });
        }
    }

    @Test
    void unknownAccessKeyIsRefusedWithInvalidClientTokenId() {
        try (StsClient sts = SdkClients.sts(athena, AwsBasicCredentials.create("AKIANOBODY", "x"))) {
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(StsException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
        }
    }

    @Test
    void adminUserCannotAssumeTheRoleBecauseTheTrustPolicyNamesOnlyTheServiceAccount() {
        try (StsClient sts = SdkClients.sts(athena, SdkClients.ADMIN)) {
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(LocalAthena.ROLE_ARN).roleSessionName("s1")))
                    .isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::123456789012:"
                                + "user/test is not authorized to perform: sts:AssumeRole on resource: "
                                + LocalAthena.ROLE_ARN);
                    });
        }
    }

    @Test
    void roleSessionCannotAssumeAnotherRoleItIsNotGranted() {
        AssumeRoleResponse assumed = assumeRole("chain");
        try (StsClient sts = SdkClients.sts(athena, SdkClients.session(assumed.credentials()))) {
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(LocalAthena.ROLE_ARN).roleSessionName("again")))
                    .isInstanceOfSatisfying(StsException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
        }
    }

    @Test
    void durationOutsideTheAllowedRangeIsAValidationError() {
        try (StsClient sts = SdkClients.sts(athena, SdkClients.SERVICE_ACCOUNT)) {
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(LocalAthena.ROLE_ARN).roleSessionName("short-duration")
                    .durationSeconds(60)))
                    .isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                        assertThat(e.getMessage()).contains("durationSeconds");
                    });
        }
    }

    /** RoleArn is 20 to 2048 characters and ExternalId 2 to 1224 (wire protocol §2.7): outside, a ValidationError. */
    @Test
    void roleArnAndExternalIdLengthsAreValidated() {
        try (StsClient sts = SdkClients.sts(athena, SdkClients.SERVICE_ACCOUNT)) {
            for (String externalId : new String[] {"ab", "x".repeat(1224)}) {
                assertThat(sts.assumeRole(r -> r.roleArn(LocalAthena.ROLE_ARN).roleSessionName("ext")
                        .externalId(externalId)).credentials().accessKeyId()).startsWith("ASIA");
            }
            assertValidationError(() -> sts.assumeRole(r -> r.roleArn(LocalAthena.ROLE_ARN).roleSessionName("ext")
                    .externalId("x")), "externalId");
            assertValidationError(() -> sts.assumeRole(r -> r.roleArn(LocalAthena.ROLE_ARN).roleSessionName("ext")
                    .externalId("x".repeat(1225))), "externalId");
            assertValidationError(() -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::1:role").roleSessionName("s1")),
                    "roleArn");
            assertValidationError(() -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::123456789012:role/" + "r".repeat(2018))
                    .roleSessionName("s1")), "roleArn");
            // 20 characters pass validation; the unknown role is then simply not assumable.
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::1:role/").roleSessionName("s1")))
                    .isInstanceOfSatisfying(StsException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
        }
    }

    private static void assertValidationError(Runnable call, String member) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StsException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
            assertThat(e.awsErrorDetails().errorMessage()).startsWith("1 validation error detected: Value '")
                    .contains("' at '" + member + "' failed to satisfy constraint: Member must have length");
        });
    }

    @Test
    void expiredSessionGetsExpiredToken() throws InterruptedException {
        athena.faults().set(FaultPlan.of(1, FaultRule.forAction("sts", "AssumeRole").withCredentialSeconds(1)));
        AssumeRoleResponse assumed = assumeRole("short");
        assertThat(assumed.credentials().expiration()).isBefore(Instant.now().plusSeconds(5));
        Instant deadline = assumed.credentials().expiration();
        while (Instant.now().isBefore(deadline.plusMillis(50))) {
            Thread.sleep(Duration.ofMillis(100).toMillis());
        }
        try (StsClient sts = SdkClients.sts(athena, SdkClients.session(assumed.credentials()))) {
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(StsException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken"));
        }
    }

    @Test
    void sessionTokenMustAccompanyASessionKey() {
        AssumeRoleResponse assumed = assumeRole("tokenless");
        var withoutToken = AwsBasicCredentials.create(assumed.credentials().accessKeyId(),
                assumed.credentials().secretAccessKey());
        try (StsClient sts = SdkClients.sts(athena, withoutToken)) {
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(StsException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
        }
    }
}
