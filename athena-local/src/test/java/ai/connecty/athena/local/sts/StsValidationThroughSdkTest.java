package ai.connecty.athena.local.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.http.SdkClients;
import ai.connecty.athena.local.http.SdkClientsExtension;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * AssumeRole's member constraints (wire protocol §2.7) through the SDK, in the words STS uses: each constraint on
 * its own, every broken member of the request in one {@code ValidationError}, the value shown.
 */
@ExtendWith(LocalAthenaExtension.class)
class StsValidationThroughSdkTest {

    private static final String SESSION_NAME_PATTERN = "[\\w+=,.@-]*";

    static LocalAthena local;

    @RegisterExtension
    static final SdkClientsExtension clients = new SdkClientsExtension(() -> local);

    private static void assertRefused(Consumer<AssumeRoleRequest.Builder> request, String message) {
        StsClient sts = clients.sts(SdkClients.SERVICE_ACCOUNT);
        assertThatThrownBy(() -> sts.assumeRole(request)).isInstanceOfSatisfying(StsException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }

    /** DurationSeconds is 900..43200; STS names the bound that was crossed (as in public reports of its errors). */
    @Test
    void durationSecondsNamesTheBoundItCrossed() {
        assertRefused(r -> r.roleArn(LocalAthena.ROLE_ARN).roleSessionName("short").durationSeconds(60),
                "1 validation error detected: Value '60' at 'durationSeconds' failed to satisfy constraint: Member must "
                        + "have value greater than or equal to 900");
        assertRefused(r -> r.roleArn(LocalAthena.ROLE_ARN).roleSessionName("long").durationSeconds(43201),
                "1 validation error detected: Value '43201' at 'durationSeconds' failed to satisfy constraint: Member "
                        + "must have value less than or equal to 43200");
    }

    /** RoleSessionName's length (2..64) and pattern are two constraints: each is reported on its own. */
    @Test
    void roleSessionNameLengthAndPatternAreSeparateConstraints() {
        assertRefused(r -> r.roleArn(LocalAthena.ROLE_ARN).roleSessionName("has space"),
                "1 validation error detected: Value 'has space' at 'roleSessionName' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: " + SESSION_NAME_PATTERN);
        assertRefused(r -> r.roleArn(LocalAthena.ROLE_ARN).roleSessionName("s"),
                "1 validation error detected: Value 's' at 'roleSessionName' failed to satisfy constraint: Member must "
                        + "have length greater than or equal to 2");
        String both = "path/".repeat(13);
        assertRefused(r -> r.roleArn(LocalAthena.ROLE_ARN).roleSessionName(both),
                "2 validation errors detected: Value '" + both + "' at 'roleSessionName' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 64; Value '" + both + "' at 'roleSessionName' "
                        + "failed to satisfy constraint: Member must satisfy regular expression pattern: "
                        + SESSION_NAME_PATTERN);
    }

    /** Every broken member of one request is reported, in the model's member order. */
    @Test
    void theBrokenMembersOfOneRequestAreReportedTogether() {
        assertRefused(r -> r.roleArn("arn:aws:iam::1:role").roleSessionName("s1").durationSeconds(60).externalId("x"),
                "3 validation errors detected: Value 'arn:aws:iam::1:role' at 'roleArn' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 20; Value '60' at 'durationSeconds' failed to "
                        + "satisfy constraint: Member must have value greater than or equal to 900; Value 'x' at "
                        + "'externalId' failed to satisfy constraint: Member must have length greater than or equal to 2");
    }

    /** A required member left out is {@code Value null}, as STS answers a request without RoleSessionName. */
    @Test
    void aMissingRequiredMemberIsValueNull() {
        assertRefused(r -> r.roleArn(LocalAthena.ROLE_ARN),
                "1 validation error detected: Value null at 'roleSessionName' failed to satisfy constraint: Member must "
                        + "not be null");
        assertRefused(r -> { },
                "2 validation errors detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be "
                        + "null; Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null");
    }

    /**
     * An empty value was sent: it is too short by the model (RoleArn 20.., RoleSessionName 2..), not missing. Inferred
     * from the model and from how AWS treats an empty string elsewhere (Glue's {@code Value ''}); not measured on STS.
     */
    @Test
    void anEmptyValueIsTooShortNotMissing() {
        assertRefused(r -> r.roleArn(LocalAthena.ROLE_ARN).roleSessionName(""),
                "1 validation error detected: Value '' at 'roleSessionName' failed to satisfy constraint: Member must "
                        + "have length greater than or equal to 2");
    }

    /**
     * A DurationSeconds that is no integer (only a hand-made request sends one: the interceptor turns the SDK's 900
     * into {@code 9e2} before signing) never reaches the constraints; STS's answer is unknown, so athena-local keeps
     * the one it always gave.
     */
    @Test
    void aDurationThatIsNoIntegerKeepsItsOldAnswer() {
        ExecutionInterceptor notAnInteger = new ExecutionInterceptor() {
            // The SDK holds the form as parameters until after the interceptors, then moves them into the body.
            @Override
            public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context,
                                                    ExecutionAttributes executionAttributes) {
                return context.httpRequest().toBuilder().putRawQueryParameter("DurationSeconds", "9e2").build();
            }
        };
        try (StsClient sts = StsClient.builder().endpointOverride(local.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(SdkClients.SERVICE_ACCOUNT))
                .overrideConfiguration(SdkClients.noRetries().toBuilder().addExecutionInterceptor(notAnInteger).build())
                .httpClientBuilder(ApacheHttpClient.builder()).build()) {
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(LocalAthena.ROLE_ARN).roleSessionName("s1")
                    .durationSeconds(900))).isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value "
                                + "'9e2' at 'durationSeconds' failed to satisfy constraint: Member must have value "
                                + "between 900 and 43200");
                    });
        }
    }
}
