package ai.connecty.athena.jdbc.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import java.net.URI;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.glue.GlueClient;

/** Endpoint, path-style, retry and user-agent wiring of the SDK clients, against WireMock on 127.0.0.1. */
class AwsClientsTest {
    private static final String CREDENTIALS = "User=AKIAIOSFODNN7EXAMPLE;Password=secret;";
    private static final String JSON = "application/x-amz-json-1.1";

    @RegisterExtension
    final WireMockExtension primary = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();
    @RegisterExtension
    final WireMockExtension secondary = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @BeforeEach
    void start() {
        for (WireMockExtension server : new WireMockExtension[] {primary, secondary}) {
            server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonAthena.ListWorkGroups"))
                    .willReturn(aResponse().withHeader("Content-Type", JSON).withBody("{\"WorkGroups\":[]}")));
            server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSGlue.GetDatabases"))
                    .willReturn(aResponse().withHeader("Content-Type", JSON).withBody("{\"DatabaseList\":[]}")));
        }
    }

    private static AwsClients clients(String urlTail) throws SQLException {
        return AwsClients.create(ConnectionConfig.parse("jdbc:connecty-athena://Region=us-east-1;" + CREDENTIALS
                + urlTail, new Properties()));
    }

    private static String http(WireMockExtension server) {
        return "http://127.0.0.1:" + server.getPort();
    }

    @Test
    void endpointOverrideServesS3PathStyle() throws SQLException {
        primary.stubFor(get(urlEqualTo("/athena-results/q/1.csv"))
                .willReturn(aResponse().withHeader("Content-Length", "4").withBody("\"a\"\n")));
        try (AwsClients clients = clients("EndpointOverride=" + http(primary))) {
            byte[] bytes = clients.s3().getObjectAsBytes(b -> b.bucket("athena-results").key("q/1.csv")).asByteArray();
            assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("\"a\"\n");
        }
        primary.verify(1, getRequestedFor(urlEqualTo("/athena-results/q/1.csv")));
    }

    @Test
    void serviceEndpointsWinOverEndpointOverride() throws SQLException {
        try (AwsClients clients = clients("EndpointOverride=" + http(primary) + ";AthenaEndpoint=" + http(secondary))) {
            clients.athena().listWorkGroups(b -> { });
            clients.glue().getDatabases(b -> { });
        }
        secondary.verify(1, postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonAthena.ListWorkGroups")));
        primary.verify(0, postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonAthena.ListWorkGroups")));
        primary.verify(1, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSGlue.GetDatabases")));
    }

    @Test
    void applicationNameAndDriverVersionAreInTheUserAgent() throws SQLException {
        try (AwsClients clients = clients("EndpointOverride=" + http(primary) + ";ApplicationName=nightly-report")) {
            clients.athena().listWorkGroups(b -> { });
        }
        primary.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("User-Agent", containing("connecty-athena-jdbc/0.1.0-SNAPSHOT nightly-report")));
    }

    @Test
    void numRetriesBoundsTheAttempts() throws SQLException {
        primary.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonAthena.ListDataCatalogs"))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", JSON)
                        .withBody("{\"__type\":\"InternalServerException\",\"Message\":\"boom\"}")));
        try (AwsClients clients = clients("EndpointOverride=" + http(primary) + ";NumRetries=2")) {
            assertThatThrownBy(() -> clients.athena().listDataCatalogs(b -> { })).isInstanceOf(SdkException.class);
        }
        primary.verify(3, postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonAthena.ListDataCatalogs")));
    }

    @Test
    void proxySettingsAreApplied() throws SQLException {
        ConnectionConfig config = ConnectionConfig.parse("jdbc:connecty-athena://Region=us-east-1;"
                + "ProxyHost=proxy.example.com;ProxyPort=3128;ProxyUID=alice;ProxyPWD=pw", new Properties());
        software.amazon.awssdk.http.apache5.ProxyConfiguration proxy = HttpClientFactory.proxy(config);
        assertThat(proxy.host()).isEqualTo("proxy.example.com");
        assertThat(proxy.port()).isEqualTo(3128);
        assertThat(proxy.scheme()).isEqualTo("http");
        assertThat(proxy.username()).isEqualTo("alice");
        assertThat(proxy.password()).isEqualTo("pw");
    }

    /**
     * The second WireMock stands in for the proxy (an HTTP proxy gets the target's absolute URL, which it serves as
     * its own path): a call goes to it unless ProxyExemptHosts names the endpoint's host.
     */
    @Test
    void proxyExemptHostsAreReachedDirectly() throws SQLException {
        String proxied = "EndpointOverride=" + http(primary) + ";ProxyHost=" + http(secondary);
        try (AwsClients clients = clients(proxied + ";ProxyExemptHosts=localhost|*.amazonaws.com")) {
            clients.athena().listWorkGroups(b -> { });
        }
        secondary.verify(1, postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonAthena.ListWorkGroups")));
        primary.verify(0, postRequestedFor(urlEqualTo("/")));

        try (AwsClients clients = clients(proxied + ";NonProxyHosts=10.*|127.0.0.*")) {
            clients.athena().listWorkGroups(b -> { });
        }
        primary.verify(1, postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonAthena.ListWorkGroups")));
        secondary.verify(1, postRequestedFor(urlEqualTo("/")));
    }

    /** Entries are host patterns, not regular expressions: a dot is a dot, only * is a wildcard. */
    @Test
    void exemptHostPatternsMatchLiterally() throws SQLException {
        ConnectionConfig config = ConnectionConfig.parse("jdbc:connecty-athena://Region=us-east-1;ProxyHost=p;"
                + "ProxyExemptHosts= *.S3.eu-west-1.amazonaws.com | 10.0.* ||", new Properties());
        java.util.Set<String> regexes = HttpClientFactory.proxy(config).nonProxyHosts();
        assertThat(regexes).hasSize(2);
        assertThat(regexes).anySatisfy(r -> assertThat("bucket.s3.eu-west-1.amazonaws.com").matches(r));
        assertThat(regexes).anySatisfy(r -> assertThat("10.0.3.4").matches(r));
        assertThat(regexes).noneSatisfy(r -> assertThat("bucket.s3xeu-west-1.amazonaws.com").matches(r));
        assertThat(regexes).noneSatisfy(r -> assertThat("110.0.3.4").matches(r));
    }

    @Test
    void aProxyHostUrlGivesTheSchemeAndPort() throws SQLException {
        ConnectionConfig config = ConnectionConfig.parse("jdbc:connecty-athena://Region=us-east-1;"
                + "ProxyHost=https://proxy.example.com:8443", new Properties());
        software.amazon.awssdk.http.apache5.ProxyConfiguration proxy = HttpClientFactory.proxy(config);
        assertThat(proxy.host()).isEqualTo("proxy.example.com");
        assertThat(proxy.port()).isEqualTo(8443);
        assertThat(proxy.scheme()).isEqualTo("https");
    }

    /** NetworkTimeoutMillis bounds a response that never comes; without it the SDK's 30 s would let it arrive. */
    @Test
    void networkTimeoutBoundsASlowResponse() throws SQLException {
        primary.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonAthena.ListDataCatalogs"))
                .willReturn(aResponse().withFixedDelay(3_000).withHeader("Content-Type", JSON)
                        .withBody("{\"DataCatalogsSummary\":[]}")));
        try (AwsClients clients = clients("EndpointOverride=" + http(primary) + ";NumRetries=0;"
                + "NetworkTimeoutMillis=300")) {
            assertThatThrownBy(() -> clients.athena().listDataCatalogs(b -> { })).isInstanceOf(SdkException.class)
                    .hasRootCauseInstanceOf(java.net.SocketTimeoutException.class);
        }
    }

    @Test
    void attemptTimeoutBoundsEachAttemptAndACallLimitTheWholeCall() {
        assertThat(AttemptTimeout.of(0)).isNull();
        assertThat(AttemptTimeout.of(1500).apiCallAttemptTimeout()).contains(java.time.Duration.ofMillis(1500));
        assertThat(AttemptTimeout.of(1500).apiCallTimeout()).isEmpty();

        software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration both =
                AttemptTimeout.withCallLimit(AttemptTimeout.of(1500), 4000);
        assertThat(both.apiCallAttemptTimeout()).contains(java.time.Duration.ofMillis(1500));
        assertThat(both.apiCallTimeout()).contains(java.time.Duration.ofMillis(4000));
        assertThat(AttemptTimeout.withCallLimit(null, 1).apiCallTimeout()).contains(java.time.Duration.ofMillis(1));
        assertThat(AttemptTimeout.withCallLimit(null, 1).apiCallAttemptTimeout()).isEmpty();
        assertThat(AttemptTimeout.withCallLimit(AttemptTimeout.of(1500), 0).apiCallTimeout()).isEmpty();
        assertThat(AttemptTimeout.withCallLimit(null, 0)).isNull();
    }

    /**
     * CredentialsProvider=JWT: the token goes to the connection's STS endpoint in an unsigned
     * AssumeRoleWithWebIdentity, and the role's credentials sign Athena; neither the provider nor a log shows the token.
     */
    @Test
    void jwtExchangesTheTokenOnTheStsEndpointUnsigned() throws SQLException {
        String token = "eyJhbGciOiJSUzI1NiJ9.pod-claims.sig";
        secondary.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=AssumeRoleWithWebIdentity"))
                .willReturn(aResponse().withHeader("Content-Type", "text/xml").withBody("<AssumeRoleWithWebIdentity"
                        + "Response xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleWithWebIdentityResult>"
                        + "<Credentials><AccessKeyId>ASIAJWTROLE</AccessKeyId><SecretAccessKey>role-secret"
                        + "</SecretAccessKey><SessionToken>role-session</SessionToken><Expiration>"
                        + java.time.Instant.now().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        + "</Expiration></Credentials></AssumeRoleWithWebIdentityResult>"
                        + "</AssumeRoleWithWebIdentityResponse>")));
        try (AwsClients clients = AwsClients.create(ConnectionConfig.parse("jdbc:connecty-athena://Region=us-east-1;"
                + "CredentialsProvider=JWT;JwtWebIdentityToken=" + token + ";JwtRoleArn=arn:aws:iam::123456789012:"
                + "role/reporting;EndpointOverride=" + http(primary) + ";StsEndpoint=" + http(secondary),
                new Properties()))) {
            clients.athena().listWorkGroups(b -> { });
            assertThat(clients.credentialsProvider().toString()).contains("role/reporting").doesNotContain(token);
        }
        secondary.verify(1, postRequestedFor(urlEqualTo("/")).withHeader("Authorization",
                com.github.tomakehurst.wiremock.client.WireMock.absent()));
        primary.verify(1, postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonAthena.ListWorkGroups"))
                .withHeader("Authorization", containing("Credential=ASIAJWTROLE/")));
    }

    @Test
    void settingsResolveEndpointsPerService() throws SQLException {
        ConnectionConfig config = ConnectionConfig.parse("jdbc:connecty-athena://Region=us-east-1;"
                + "EndpointOverride=localhost:4566;S3Endpoint=http://s3.local:9000", new Properties());
        SdkClientSettings settings = new SdkClientSettings(config, null);
        assertThat(settings.endpoint(ai.connecty.athena.jdbc.config.ConnectionProperty.GLUE_ENDPOINT))
                .contains(URI.create("https://localhost:4566"));
        assertThat(settings.endpoint(ai.connecty.athena.jdbc.config.ConnectionProperty.S3_ENDPOINT))
                .contains(URI.create("http://s3.local:9000"));
    }

    @Test
    void closeIsIdempotent() throws SQLException {
        AwsClients clients = clients("EndpointOverride=" + http(primary));
        clients.close();
        clients.close();
        assertThatThrownBy(() -> clients.athena().listWorkGroups(b -> { })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closeDuringAHoldWaitsForTheLastHoldToEnd() throws SQLException {
        AwsClients clients = clients("EndpointOverride=" + http(primary));
        int open = AwsClients.openCount();
        AwsClients.Hold first = clients.holdOpen();
        AwsClients.Hold second = clients.holdOpen();

        clients.close();
        assertThat(AwsClients.openCount()).as("held: still open").isEqualTo(open);
        assertThat(clients.athena().listWorkGroups(b -> { }).workGroups()).as("calls still go through").isEmpty();
        AwsClients.Hold afterClose = clients.holdOpen();
        first.close();
        first.close();
        assertThat(AwsClients.openCount()).as("a hold released twice counts once").isEqualTo(open);
        second.close();
        assertThat(AwsClients.openCount()).as("the last hold ended: closed").isEqualTo(open - 1);
        assertThatThrownBy(() -> clients.athena().listWorkGroups(b -> { })).isInstanceOf(IllegalStateException.class);
        afterClose.close();
        assertThat(AwsClients.openCount()).as("a hold taken after close() kept nothing open").isEqualTo(open - 1);
    }

    @Test
    void glueAndS3AreNotBuiltUntilAskedFor() throws SQLException {
        AwsClients clients = clients("EndpointOverride=" + http(primary));
        clients.athena().listWorkGroups(b -> { });
        assertThat(clients.lazyClientsBuilt()).as("a connection that never reads Glue or S3 builds neither").isZero();
        clients.close();
        assertThatThrownBy(clients::glue).as("asked after close: not built").isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Glue client was not built");
        assertThatThrownBy(clients::s3).isInstanceOf(IllegalStateException.class);
        assertThat(clients.lazyClientsBuilt()).isZero();
    }

    @Test
    void concurrentFirstUseBuildsEachClientOnce() throws Exception {
        AwsClients clients = clients("EndpointOverride=" + http(primary));
        int threads = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
            java.util.List<java.util.concurrent.Future<Object>> got = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                boolean glue = i % 2 == 0;
                got.add(pool.submit(() -> {
                    start.await();
                    return glue ? clients.glue() : clients.s3();
                }));
            }
            java.util.Set<Object> distinct = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (java.util.concurrent.Future<Object> future : got) {
                distinct.add(future.get());
            }
            assertThat(distinct).as("one Glue and one S3 client, whoever asked first").hasSize(2);
            assertThat(clients.lazyClientsBuilt()).isEqualTo(2);
            assertThat(clients.glue()).isSameAs(clients.glue());
            assertThat(clients.glue().getDatabases(b -> { }).databaseList()).isEmpty();
            assertThat(clients.lazyClientsBuilt()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
        assertThat(clients.lazyClientsOpen()).isEqualTo(2);
        clients.close();
        assertThat(clients.lazyClientsOpen()).as("closed with the connection").isZero();
    }

    @Test
    void aClientBeingBuiltWhileCloseRunsIsClosedAndCloseDoesNotWaitForIt() throws Exception {
        AwsClients clients = clients("EndpointOverride=" + http(primary));
        int open = AwsClients.openCount();
        java.util.concurrent.CountDownLatch built = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        clients.afterLazyBuild(service -> {
            built.countDown();
            try {
                // Bounded, so that a close() that waited for the build fails the test instead of hanging it.
                release.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        java.util.concurrent.CompletableFuture<Object> building = java.util.concurrent.CompletableFuture.supplyAsync(
                clients::s3);
        built.await();
        clients.close();
        boolean closeReturnedWhileBuilding = release.getCount() == 1;
        release.countDown();
        assertThat(closeReturnedWhileBuilding).as("close() did not wait for the build").isTrue();
        assertThatThrownBy(building::join).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(clients.lazyClientsBuilt()).isEqualTo(1);
        assertThat(clients.lazyClientsOpen()).as("the client built across close() was closed").isZero();
        assertThat(AwsClients.openCount()).isEqualTo(open - 1);
        assertThatThrownBy(clients::s3).isInstanceOf(IllegalStateException.class);
        assertThat(clients.lazyClientsBuilt()).as("and not built again").isEqualTo(1);
    }

    @Test
    void underAHoldAfterCloseBuiltClientsStayOpenAndUnbuiltOnesAreNotBuilt() throws SQLException {
        AwsClients clients = clients("EndpointOverride=" + http(primary));
        GlueClient glue = clients.glue();
        AwsClients.Hold hold = clients.holdOpen();
        clients.close();
        assertThat(clients.glue()).as("built before close(): kept over the hold").isSameAs(glue);
        assertThat(glue.getDatabases(b -> { }).databaseList()).isEmpty();
        assertThatThrownBy(clients::s3).as("not built for a closed connection").isInstanceOf(IllegalStateException.class);
        assertThat(clients.lazyClientsOpen()).isEqualTo(1);
        hold.close();
        assertThat(clients.lazyClientsOpen()).as("closed when the last hold ended").isZero();
        assertThat(clients.lazyClientsBuilt()).isEqualTo(1);
    }
}
