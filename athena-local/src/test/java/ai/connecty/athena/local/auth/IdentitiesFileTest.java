package ai.connecty.athena.local.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.http.SdkClients;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.AthenaException;

/** A user's own identities file replaces the built-in users, roles and policies entirely. */
class IdentitiesFileTest {

    private static final String ANALYST_POLICY = """
            {"accountId": "123456789012",
             "users": [{"name": "analyst", "accessKeyId": "AKIAANALYST000000001", "secretAccessKey": "analyst-secret",
                        "policies": [{"Version": "2012-10-17", "Statement": [
                            {"Effect": "Allow", "Action": "athena:ListWorkGroups", "Resource": "*"}]}]}],
             "roles": []}
            """;

    @TempDir
    Path dir;

    @Test
    void replacedIdentitiesDecideWhoMayDoWhat() throws Exception {
        Path file = Files.writeString(dir.resolve("identities.json"), ANALYST_POLICY);
        try (LocalAthena local = LocalAthena.builder().port(0).dataDir(dir.resolve("data")).demoData(false)
                .identities(file).build().start();
             AthenaClient analyst = SdkClients.athena(local, AwsBasicCredentials.create("AKIAANALYST000000001",
                     "analyst-secret"));
             AthenaClient admin = SdkClients.athena(local, SdkClients.ADMIN)) {

            assertThat(analyst.listWorkGroups(b -> { }).workGroups()).extracting(w -> w.name()).contains("primary");
            assertThatThrownBy(() -> analyst.startQueryExecution(b -> b.queryString("SELECT 1")
                    .resultConfiguration(r -> r.outputLocation("s3://athena-results/"))))
                    .isInstanceOf(AthenaException.class)
                    .hasMessageContaining("User: arn:aws:iam::123456789012:user/analyst is not authorized to perform: "
                            + "athena:StartQueryExecution on resource: arn:aws:athena:us-east-1:123456789012:workgroup/primary");
            assertThatThrownBy(() -> admin.listWorkGroups(b -> { }))
                    .as("the built-in test/test user is gone")
                    .isInstanceOf(AthenaException.class)
                    .satisfies(e -> assertThat(((AthenaException) e).awsErrorDetails().errorCode())
                            .isEqualTo("UnrecognizedClientException"));
        }
    }

    @Test
    void anUnusableIdentitiesFileIsRefusedAtStartNamingTheProblem() throws Exception {
        Path file = Files.writeString(dir.resolve("broken.json"), """
                {"accountId": "123456789012", "users": [{"name": "x", "accessKeyId": "AKIAX", "secretAccessKey": "s",
                 "policies": [{"Version": "2012-10-17", "Statement": [
                   {"Effect": "Allow", "Action": "athena:*", "Resource": "*",
                    "Condition": {"NumericLessThan": {"aws:EpochTime": "1"}}}]}]}], "roles": []}
                """);
        assertThatThrownBy(() -> LocalAthena.builder().port(0).dataDir(dir.resolve("data2")).demoData(false)
                .identities(file).build().start().close())
                .hasMessageContaining("NumericLessThan");
    }
}
