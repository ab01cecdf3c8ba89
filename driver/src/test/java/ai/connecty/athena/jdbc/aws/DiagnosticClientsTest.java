package ai.connecty.athena.jdbc.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.jdbc.config.ConnectionConfig;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.athena.AthenaClient;

/** The connection doctor's clients: the connection's endpoints and path-style S3, signed as asked, closed together. */
class DiagnosticClientsTest {
    private static final String JSON = "application/x-amz-json-1.1";
    private static final AwsCredentialsProvider KEYS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIADOCTOR", "doctor-secret"));

    @RegisterExtension
    final WireMockExtension services = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();
    @RegisterExtension
    final WireMockExtension sts = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private DiagnosticClients clients() throws SQLException {
        return new DiagnosticClients(ConnectionConfig.parse("jdbc:connecty-athena://Region=us-east-1;NumRetries=0;"
                + "EndpointOverride=http://127.0.0.1:" + services.getPort() + ";StsEndpoint=http://127.0.0.1:"
                + sts.getPort(), new Properties()));
    }

    @Test
    void eachServiceGoesToItsEndpointSignedWithTheGivenCredentials() throws SQLException {
        services.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonAthena.ListWorkGroups"))
                .willReturn(aResponse().withHeader("Content-Type", JSON).withBody("{\"WorkGroups\":[]}")));
        services.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSGlue.GetDatabases"))
                .willReturn(aResponse().withHeader("Content-Type", JSON).withBody("{\"DatabaseList\":[]}")));
        services.stubFor(get(urlEqualTo("/results/q/1.csv"))
                .willReturn(aResponse().withHeader("Content-Length", "4").withBody("\"a\"\n")));
        sts.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=GetCallerIdentity"))
                .willReturn(aResponse().withHeader("Content-Type", "text/xml").withBody("<GetCallerIdentityResponse "
                        + "xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult><Arn>"
                        + "arn:aws:iam::123456789012:user/sa</Arn></GetCallerIdentityResult></GetCallerIdentityResponse>")));

        try (DiagnosticClients clients = clients()) {
            clients.athena(KEYS).listWorkGroups(b -> { });
            clients.glue(KEYS).getDatabases(b -> { });
            byte[] bytes = clients.s3(KEYS).getObjectAsBytes(b -> b.bucket("results").key("q/1.csv")).asByteArray();
            assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("\"a\"\n");
            assertThat(clients.sts(KEYS).getCallerIdentity().arn()).isEqualTo("arn:aws:iam::123456789012:user/sa");
        }
        services.verify(1, postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonAthena.ListWorkGroups"))
                .withHeader("Authorization", containing("Credential=AKIADOCTOR/")));
        services.verify(1, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSGlue.GetDatabases")));
        services.verify(1, getRequestedFor(urlEqualTo("/results/q/1.csv")));
        sts.verify(1, postRequestedFor(urlEqualTo("/")).withHeader("Authorization", containing("Credential=AKIADOCTOR/")));
    }

    /** AssumeRoleWithWebIdentity carries the token as the caller's identity: the request is not signed. */
    @Test
    void theUnsignedStsSendsNoSignature() throws SQLException {
        sts.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "text/xml")
                .withBody("<ErrorResponse><Error><Type>Sender</Type><Code>InvalidIdentityToken</Code><Message>no"
                        + "</Message></Error></ErrorResponse>")));
        try (DiagnosticClients clients = clients()) {
            assertThatThrownBy(() -> clients.unsignedSts().assumeRoleWithWebIdentity(b -> b.roleArn(
                    "arn:aws:iam::123456789012:role/r").roleSessionName("s").webIdentityToken("tok")))
                    .isInstanceOf(SdkException.class);
        }
        sts.verify(1, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=AssumeRoleWithWebIdentity"))
                .withHeader("Authorization", absent()));
    }

    @Test
    void closingClosesEveryClientBuilt() throws SQLException {
        AthenaClient athena;
        try (DiagnosticClients clients = clients()) {
            athena = clients.athena(KEYS);
            clients.sts(KEYS);
        }
        assertThatThrownBy(() -> athena.listWorkGroups(b -> { })).isInstanceOf(IllegalStateException.class);
        assertThat(services.getAllServeEvents()).isEmpty();
    }
}
