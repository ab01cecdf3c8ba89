package ai.connecty.athena.local.athena;

import static ai.connecty.athena.local.athena.AthenaQueries.await;
import static ai.connecty.athena.local.athena.AthenaQueries.request;
import static ai.connecty.athena.local.athena.AthenaWireTest.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.http.SdkClientsExtension;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.ResultConfiguration;

/**
 * StartQueryExecution's member constraints from the service model (wire protocol §2.1): a request Athena's
 * framework refuses must be refused here too, or a test passes locally and fails on AWS.
 */
@ExtendWith(LocalAthenaExtension.class)
class StartQueryExecutionLimitsWireTest {

    static LocalAthena local;

    @RegisterExtension
    static final SdkClientsExtension clients = new SdkClientsExtension(() -> local);

    /** QueryString is 1 to 262144 characters. */
    @Test
    void theQueryStringIsOneTo262144Characters() {
        String longest = "SELECT 1 --" + "x".repeat(262144 - 11);
        String id = clients.athena().startQueryExecution(request(longest, null).build()).queryExecutionId();
        assertThat(await(clients.athena(), id).status().state()).isEqualTo(QueryExecutionState.SUCCEEDED);

        assertInvalid(() -> clients.athena().startQueryExecution(request(longest + "x", null).build()), "INVALID_INPUT",
                "1 validation error detected: Value at 'queryString' failed to satisfy constraint: Member must have "
                        + "length less than or equal to 262144");
        assertInvalid(() -> clients.athena().startQueryExecution(request("", null).build()), "INVALID_INPUT",
                "1 validation error detected: Value at 'queryString' failed to satisfy constraint: Member must have "
                        + "length greater than or equal to 1");
    }

    /** ResultConfiguration's enums and the 12-digit account id: values outside them are refused. */
    @Test
    void resultConfigurationMembersMustBeModelledValues() {
        for (String option : new String[] {"SSE_S3", "SSE_KMS", "CSE_KMS"}) {
            String id = clients.athena().startQueryExecution(request("SELECT 1", null).resultConfiguration(r -> r
                    .outputLocation(AthenaQueries.OUTPUT).expectedBucketOwner("123456789012")
                    .aclConfiguration(a -> a.s3AclOption("BUCKET_OWNER_FULL_CONTROL"))
                    .encryptionConfiguration(e -> e.encryptionOption(option).kmsKey("arn:aws:kms:us-east-1:123456789012:key/1")))
                    .build()).queryExecutionId();
            assertThat(await(clients.athena(), id).status().state()).isEqualTo(QueryExecutionState.SUCCEEDED);
        }
        assertRefused(r -> r.encryptionConfiguration(e -> e.encryptionOption("SSE-S3")),
                "resultConfiguration.encryptionConfiguration.encryptionOption");
        assertRefused(r -> r.aclConfiguration(a -> a.s3AclOption("PUBLIC_READ")),
                "resultConfiguration.aclConfiguration.s3AclOption");
        assertRefused(r -> r.expectedBucketOwner("12345678901"), "resultConfiguration.expectedBucketOwner");
        assertRefused(r -> r.expectedBucketOwner("12345678901a"), "resultConfiguration.expectedBucketOwner");
    }

    private static void assertRefused(java.util.function.Consumer<ResultConfiguration.Builder> change, String member) {
        assertThatThrownBy(() -> clients.athena().startQueryExecution(request("SELECT 1", null)
                .resultConfiguration(r -> change.accept(r.outputLocation(AthenaQueries.OUTPUT))).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.athenaErrorCode()).isEqualTo("INVALID_INPUT");
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith("1 validation error detected: ")
                            .contains("at '" + member + "' failed to satisfy constraint");
                });
    }

    /** ResultReuseByAgeConfiguration: Enabled is required and MaxAgeInMinutes is 0 to 10080. */
    @Test
    void resultReuseByAgeNeedsEnabledAndAnAgeOfAtMostAWeek() {
        for (int minutes : new int[] {0, 10080}) {
            String id = clients.athena().startQueryExecution(request("SELECT 1", null).resultReuseConfiguration(c -> c
                    .resultReuseByAgeConfiguration(a -> a.enabled(true).maxAgeInMinutes(minutes))).build())
                    .queryExecutionId();
            assertThat(await(clients.athena(), id).status().state()).isEqualTo(QueryExecutionState.SUCCEEDED);
        }
        String member = "resultReuseConfiguration.resultReuseByAgeConfiguration.";
        assertInvalid(() -> clients.athena().startQueryExecution(request("SELECT 1", null).resultReuseConfiguration(c -> c
                .resultReuseByAgeConfiguration(a -> a.enabled(true).maxAgeInMinutes(10081))).build()), "INVALID_INPUT",
                "1 validation error detected: Value at '" + member + "maxAgeInMinutes' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 10080");
        assertInvalid(() -> clients.athena().startQueryExecution(request("SELECT 1", null).resultReuseConfiguration(c -> c
                .resultReuseByAgeConfiguration(a -> a.enabled(true).maxAgeInMinutes(-1))).build()), "INVALID_INPUT",
                "1 validation error detected: Value at '" + member + "maxAgeInMinutes' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 0");
        assertInvalid(() -> clients.athena().startQueryExecution(request("SELECT 1", null).resultReuseConfiguration(c -> c
                .resultReuseByAgeConfiguration(a -> a.maxAgeInMinutes(5))).build()), "INVALID_INPUT",
                "1 validation error detected: Value null at '" + member + "enabled' failed to satisfy constraint: "
                        + "Member must not be null");
    }
}
