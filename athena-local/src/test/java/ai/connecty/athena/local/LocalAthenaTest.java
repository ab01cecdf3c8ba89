package ai.connecty.athena.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.api.JsonOperationHandler;
import ai.connecty.athena.local.http.ServiceBackend;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalAthenaTest {

    @TempDir
    Path dataDir;

    /** A backend whose demo data is ready only when the test says so. */
    private static final class GatedBackend implements ServiceBackend {
        final CountDownLatch gate = new CountDownLatch(1);

        @Override
        public JsonOperationHandler athena() {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonOperationHandler glue() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void prepareDemoData() {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
        }
    }

    @Test
    void startsOnAFreePortCreatesTheBucketsAndPrintsTheReadyUrl() {
        try (LocalAthena athena = LocalAthena.builder().port(0).dataDir(dataDir).demoData(false)
                .backend((d, b, f, a, r) -> new GatedBackend()).build().start()) {
            assertThat(athena.port()).isPositive();
            assertThat(athena.endpoint().toString()).isEqualTo("http://127.0.0.1:" + athena.port());
            assertThat(Files.isDirectory(dataDir.resolve("buckets/demo-data"))).isTrue();
            assertThat(Files.isDirectory(dataDir.resolve("buckets/athena-results"))).isTrue();
            assertThat(athena.jdbcUrl()).isEqualTo("jdbc:connecty-athena://Region=us-east-1;EndpointOverride="
                    + athena.endpoint() + ";User=AKIAIOSFODNN7EXAMPLE;Password=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY;"
                    + "RoleArn=arn:aws:iam::123456789012:role/connecty-athena;OutputLocation=s3://athena-results/;"
                    + "WorkGroup=primary");
            assertThat(athena.isReady()).isTrue();
        }
    }

    @Test
    void healthSaysStartingUntilTheDemoDataIsReady() throws Exception {
        GatedBackend backend = new GatedBackend();
        try (LocalAthena athena = LocalAthena.builder().port(0).dataDir(dataDir)
                .backend((d, b, f, a, r) -> backend).build().start()) {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest health = HttpRequest.newBuilder(athena.endpoint().resolve("/_athena-local/health")).build();
            var starting = http.send(health, BodyHandlers.ofString());
            assertThat(starting.statusCode()).isEqualTo(503);
            assertThat(starting.body()).isEqualTo("{\"status\":\"starting\"}");
            assertThatThrownBy(() -> athena.awaitReady(Duration.ofMillis(50)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("health");

            backend.gate.countDown();
            athena.awaitReady(Duration.ofSeconds(10));
            var ok = http.send(health, BodyHandlers.ofString());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).isEqualTo("{\"status\":\"ok\"}");
        }
    }

    @Test
    void tlsServesHttpsTrustedByTheWrittenTruststore() throws Exception {
        try (LocalAthena athena = LocalAthena.builder().port(0).dataDir(dataDir).demoData(false).tls(true)
                .backend((d, b, f, a, r) -> new GatedBackend()).build().start()) {
            assertThat(athena.endpoint().getScheme()).isEqualTo("https");
            KeyStore trust = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(athena.truststorePath())) {
                trust.load(in, "athena-local".toCharArray());
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            var response = HttpClient.newBuilder().sslContext(ssl).build().send(
                    HttpRequest.newBuilder(athena.endpoint().resolve("/_athena-local/health")).build(),
                    BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void truststoreIsOnlyAvailableWithTls() {
        try (LocalAthena athena = LocalAthena.builder().port(0).dataDir(dataDir).demoData(false)
                .backend((d, b, f, a, r) -> new GatedBackend()).build().start()) {
            assertThatThrownBy(athena::truststorePath).hasMessageContaining("tls(true)");
        }
    }

    @Test
    void commandLineOptionsAreParsedAndBadOnesNamed() {
        assertThat(Main.parse(new String[] {"--help"})).isNull();
        assertThat(Main.parse(new String[] {"--port", "0", "--data", dataDir.toString(), "--no-demo-data", "--tls"}))
                .isNotNull();
        assertThatThrownBy(() -> Main.parse(new String[] {"--port", "abc"})).hasMessageContaining("abc");
        assertThatThrownBy(() -> Main.parse(new String[] {"--port", "70000"})).hasMessageContaining("70000");
        assertThatThrownBy(() -> Main.parse(new String[] {"--bogus"})).hasMessageContaining("--bogus");
        assertThatThrownBy(() -> Main.parse(new String[] {"--data"})).hasMessageContaining("--data needs a value");
    }
}
