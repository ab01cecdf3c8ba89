package ai.connecty.athena.local.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.s3.S3Client;

/** The extension's own contract, driven by hand so that its after-all step can be observed. */
@ExtendWith(LocalAthenaExtension.class)
class SdkClientsExtensionTest {

    @Test
    void oneClientPerServiceAndCredentialsReusedUntilTheClassEndsThenClosed(LocalAthena local) throws Exception {
        SdkClientsExtension clients = new SdkClientsExtension(() -> local);
        AthenaClient admin = clients.athena(SdkClients.ADMIN);
        assertThat(clients.athena(AwsBasicCredentials.create("test", "test"))).isSameAs(admin);
        assertThat(clients.athena(SdkClients.SERVICE_ACCOUNT)).isNotSameAs(admin);
        S3Client s3 = clients.s3(SdkClients.ADMIN);
        assertThat(admin.listWorkGroups(r -> { }).workGroups()).isNotEmpty();
        assertThat(s3.listBuckets().buckets()).isNotEmpty();

        clients.afterAll(null);

        assertThatThrownBy(() -> admin.listWorkGroups(r -> { })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(s3::listBuckets).isInstanceOf(IllegalStateException.class);
        AthenaClient again = clients.athena(SdkClients.ADMIN);
        assertThat(again).isNotSameAs(admin);
        assertThat(again.listWorkGroups(r -> { }).workGroups()).isNotEmpty();
        clients.afterAll(null);
    }

    @Test
    void assumeRoleGivesSessionCredentialsOfTheGuidesRole(LocalAthena local) throws Exception {
        SdkClientsExtension clients = new SdkClientsExtension(() -> local);
        AwsCredentials role = clients.assumeRole("extension-test");
        assertThat(role).isInstanceOf(AwsSessionCredentials.class);
        assertThat(clients.sts(role).getCallerIdentity().arn())
                .isEqualTo("arn:aws:sts::123456789012:assumed-role/connecty-athena/extension-test");
        clients.afterAll(null);
    }

    @Test
    void askingBeforeTheInstanceExistsSaysWhen() {
        SdkClientsExtension clients = new SdkClientsExtension(() -> null);
        assertThatThrownBy(() -> clients.athena(SdkClients.ADMIN)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("@BeforeAll");
    }
}
