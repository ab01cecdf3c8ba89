package ai.connecty.athena.local.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.control.FaultPlan;
import ai.connecty.athena.local.control.FaultRule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.AthenaException;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;
import software.amazon.awssdk.services.athena.model.TooManyRequestsException;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.ThrottlingException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

@ExtendWith(FakeBackendExtension.class)
class JsonRoutingTest {

    static LocalAthena athena;

    private static Credentials roleSession() {
        try (StsClient sts = SdkClients.sts(athena, SdkClients.SERVICE_ACCOUNT)) {
            return sts.assumeRole(r -> r.roleArn(LocalAthena.ROLE_ARN).roleSessionName("json")).credentials();
        }
    }

    @Test
    void athenaAndGlueTargetsReachTheirHandlers() {
        athena.requestLog().clear();
        try (AthenaClient client = SdkClients.athena(athena, SdkClients.session(roleSession()));
             GlueClient glue = SdkClients.glue(athena, SdkClients.session(roleSession()))) {
            assertThat(client.listWorkGroups(r -> { }).workGroups()).extracting(w -> w.name()).containsExactly("primary");
            assertThat(glue.getDatabases(r -> { }).databaseList()).extracting(d -> d.name()).containsExactly("default");
        }
        assertThat(athena.requestLog().count("athena", "ListWorkGroups")).isEqualTo(1);
        assertThat(athena.requestLog().count("glue", "GetDatabases")).isEqualTo(1);
    }

    @Test
    void serviceAccountAloneIsDeniedAthenaCalls() {
        try (AthenaClient client = SdkClients.athena(athena, SdkClients.SERVICE_ACCOUNT)) {
            assertThatThrownBy(() -> client.listWorkGroups(r -> { })).isInstanceOfSatisfying(AthenaException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::123456789012:user/"
                        + "connecty-sa is not authorized to perform: athena:ListWorkGroups on resource: *");
            });
        }
        assertThat(athena.requestLog().denied()).anySatisfy(e -> {
            assertThat(e.principal()).isEqualTo("arn:aws:iam::123456789012:user/connecty-sa");
            assertThat(e.action()).isEqualTo("ListWorkGroups");
        });
    }

    @Test
    void roleIsDeniedWorkgroupsTheGuideDoesNotGrant() {
        try (AthenaClient client = SdkClients.athena(athena, SdkClients.session(roleSession()))) {
            assertThatThrownBy(() -> client.startQueryExecution(r -> r.queryString("SELECT 1").workGroup("analytics")))
                    .isInstanceOfSatisfying(AthenaException.class, e -> assertThat(e.getMessage())
                            .contains("athena:StartQueryExecution on resource: "
                                    + "arn:aws:athena:us-east-1:123456789012:workgroup/analytics"));
            assertThatThrownBy(() -> client.startQueryExecution(r -> r.queryString("SELECT 1").workGroup("primary")))
                    .isInstanceOfSatisfying(InvalidRequestException.class,
                            e -> assertThat(e.athenaErrorCode()).isEqualTo("MALFORMED_QUERY"));
        }
    }

    @Test
    void regionConditionOfTheGuidePolicyIsEnforced() {
        Credentials c = roleSession();
        try (AthenaClient client = AthenaClient.builder().endpointOverride(athena.endpoint())
                .region(software.amazon.awssdk.regions.Region.EU_WEST_1)
                .credentialsProvider(() -> SdkClients.session(c)).overrideConfiguration(SdkClients.noRetries())
                .build()) {
            assertThatThrownBy(() -> client.listWorkGroups(r -> { })).isInstanceOfSatisfying(AthenaException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));
        }
    }

    @Test
    void badSignatureAndUnknownKeyUseJsonErrorCodes() {
        try (AthenaClient client = SdkClients.athena(athena, AwsBasicCredentials.create("test", "wrong"))) {
            assertThatThrownBy(() -> client.listWorkGroups(r -> { })).isInstanceOfSatisfying(AthenaException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException"));
        }
        try (AthenaClient client = SdkClients.athena(athena, AwsBasicCredentials.create("AKIAUNKNOWN", "x"))) {
            assertThatThrownBy(() -> client.listWorkGroups(r -> { })).isInstanceOfSatisfying(AthenaException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException"));
        }
    }

    @Test
    void throttleAndErrorFaultsUseEachServicesCodes() {
        athena.faults().set(FaultPlan.of(3, FaultRule.forAction("athena", "ListWorkGroups").withThrottleRate(1.0),
                FaultRule.forAction("glue", "*").withThrottleRate(1.0),
                FaultRule.forAction("athena", "ListDataCatalogs").withErrorRate(1.0)));
        try (AthenaClient client = SdkClients.athena(athena, SdkClients.ADMIN);
             GlueClient glue = SdkClients.glue(athena, SdkClients.ADMIN)) {
            assertThatThrownBy(() -> client.listWorkGroups(r -> { })).isInstanceOf(TooManyRequestsException.class);
            assertThatThrownBy(() -> glue.getDatabases(r -> { })).isInstanceOf(ThrottlingException.class);
            assertThatThrownBy(() -> client.listDataCatalogs(r -> { })).isInstanceOfSatisfying(AthenaException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(500);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalServerException");
            });
        }
    }

    /** A handler's stack overflow is answered like any unexpected failure, and the server serves on. */
    @Test
    void aStackOverflowInAHandlerIsAnInternalError() {
        try (AthenaClient client = SdkClients.athena(athena, SdkClients.ADMIN)) {
            assertThatThrownBy(() -> client.listNamedQueries(r -> { })).isInstanceOfSatisfying(AthenaException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(500);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalServerException");
            });
            assertThat(client.listWorkGroups(r -> { }).workGroups()).isNotEmpty();
        }
    }

    @Test
    void unsignedRequestsMalformedJsonAndUnknownTargetsGetJsonErrors() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        var unsigned = http.send(java.net.http.HttpRequest.newBuilder(athena.endpoint().resolve("/"))
                .header("X-Amz-Target", "AmazonAthena.ListWorkGroups")
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(), BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(unsigned.body()).contains("\"__type\":\"MissingAuthenticationTokenException\"");
        assertThat(unsigned.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(unsigned.headers().firstValue("x-amzn-ErrorType")).isEmpty();
        ZonedDateTime date = ZonedDateTime.parse(unsigned.headers().firstValue("Date").orElseThrow(),
                DateTimeFormatter.RFC_1123_DATE_TIME);
        assertThat(date.toInstant()).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(60));
        assertThat(URI.create(athena.endpoint().toString())).isEqualTo(athena.endpoint());
    }
}
