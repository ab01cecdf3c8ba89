package ai.connecty.athena.jdbc.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.jdbc.aws.AwsClients;
import ai.connecty.athena.jdbc.config.ConnectionConfig;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/** AssumeRole against an STS endpoint served by WireMock: the request form, the signature's key, the result. */
class AssumeRoleCredentialsTest {
    private static final String SOURCE_KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final String SOURCE_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String ROLE_SECRET = "roleSecretAccessKeyValue0123456789";
    private static final String ROLE_TOKEN = "roleSessionTokenOpaqueValue";

    @RegisterExtension
    final WireMockExtension sts = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @BeforeEach
    void startSts() {
        String expiration = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        sts.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=AssumeRole"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(
                        "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult>"
                                + "<AssumedRoleUser><AssumedRoleId>AROAEXAMPLE:s1</AssumedRoleId>"
                                + "<Arn>arn:aws:sts::123456789012:assumed-role/connecty-athena/s1</Arn></AssumedRoleUser>"
                                + "<Credentials><AccessKeyId>ASIAEXAMPLE000000001</AccessKeyId>"
                                + "<SecretAccessKey>" + ROLE_SECRET + "</SecretAccessKey>"
                                + "<SessionToken>" + ROLE_TOKEN + "</SessionToken>"
                                + "<Expiration>" + expiration + "</Expiration></Credentials>"
                                + "</AssumeRoleResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>"
                                + "</AssumeRoleResponse>")));
    }

    private ConnectionConfig config(String endpointSetting) throws SQLException {
        return ConnectionConfig.parse("jdbc:connecty-athena://Region=us-east-1;User=" + SOURCE_KEY
                + ";Password=" + SOURCE_SECRET + ";RoleArn=arn:aws:iam::123456789012:role/connecty-athena;"
                + "ExternalId=ext-123;RoleSessionName=my-session;RoleSessionDuration=1800;" + endpointSetting
                + "=http://127.0.0.1:" + sts.getPort(), new Properties());
    }

    @Test
    void assumesTheRoleWithTheStaticKeysAndReturnsItsCredentials() throws SQLException {
        ConnectionConfig config = config("StsEndpoint");
        try (AwsClients clients = AwsClients.create(config)) {
            AwsCredentials credentials = clients.credentialsProvider().resolveCredentials();

            assertThat(credentials.accessKeyId()).isEqualTo("ASIAEXAMPLE000000001");
            assertThat(credentials.secretAccessKey()).isEqualTo(ROLE_SECRET);
            assertThat(((AwsSessionCredentials) credentials).sessionToken()).isEqualTo(ROLE_TOKEN);

            List<LoggedRequest> requests = sts.findAll(postRequestedFor(urlEqualTo("/")));
            assertThat(requests).hasSize(1);
            String form = requests.get(0).getBodyAsString();
            assertThat(form).contains("Action=AssumeRole",
                    "RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fconnecty-athena",
                    "RoleSessionName=my-session", "ExternalId=ext-123", "DurationSeconds=1800");
            assertThat(requests.get(0).getHeader("Authorization")).contains("Credential=" + SOURCE_KEY + "/");

            // A second resolution uses the cached credentials instead of calling STS again.
            clients.credentialsProvider().resolveCredentials();
            assertThat(sts.findAll(postRequestedFor(urlEqualTo("/")))).hasSize(1);

            assertThat(config.toString()).doesNotContain(SOURCE_SECRET);
            assertThat(clients.credentialsProvider().toString())
                    .doesNotContain(SOURCE_SECRET).doesNotContain(ROLE_SECRET).doesNotContain(ROLE_TOKEN);
        }
    }

    @Test
    void endpointOverrideAlsoServesSts() throws SQLException {
        try (AwsClients clients = AwsClients.create(config("EndpointOverride"))) {
            assertThat(clients.credentialsProvider().resolveCredentials().accessKeyId())
                    .isEqualTo("ASIAEXAMPLE000000001");
        }
        assertThat(sts.findAll(postRequestedFor(urlEqualTo("/")))).hasSize(1);
    }

    @Test
    void buildingTheClientsMakesNoCall() throws SQLException {
        AwsClients.create(config("StsEndpoint")).close();
        assertThat(sts.getAllServeEvents()).isEmpty();
    }
}
