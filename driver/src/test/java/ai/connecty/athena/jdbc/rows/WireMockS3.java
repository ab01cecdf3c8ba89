package ai.connecty.athena.jdbc.rows;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * WireMock standing in for S3 on loopback, and an S3Client on the given HTTP client pointed at it (path-style, as
 * the driver's). The S3Client does not close an HTTP client it was given, as the driver's connection does not
 * either: {@link #close()} closes both, so a test may close {@link #http} early to pull the pool from under a read.
 */
final class WireMockS3 implements AutoCloseable {
    final WireMockServer server;
    final SdkHttpClient http;
    final S3Client s3;

    WireMockS3(SdkHttpClient http) {
        this.server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        this.http = http;
        this.s3 = S3Client.builder().httpClient(http).region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:" + server.port())).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .build();
    }

    /**
     * Answers the ranged GET of {@code s3://results/q.csv} from byte {@code first} (a part of {@code partSize} bytes of
     * {@code object}, ASCII) after {@code delayMillis}, as S3 does: 206, an ETag, the part's Content-Range.
     */
    void servePart(String object, int partSize, int first, int delayMillis) {
        servePart(object.getBytes(StandardCharsets.US_ASCII), partSize, first, delayMillis);
    }

    /** Answers every ranged GET of {@code s3://results/q.csv} in parts of {@code partSize} bytes of {@code file}. */
    void serveParts(byte[] file, int partSize) {
        for (int first = 0; first < file.length; first += partSize) {
            servePart(file, partSize, first, 0);
        }
    }

    private void servePart(byte[] object, int partSize, int first, int delayMillis) {
        int last = Math.min(object.length, first + partSize) - 1;
        server.stubFor(get(urlPathEqualTo("/results/q.csv")).withHeader("Range", equalTo("bytes=" + first + "-" + last))
                .willReturn(aResponse().withStatus(206).withFixedDelay(delayMillis).withHeader("ETag", "\"e1\"")
                        .withHeader("Content-Range", "bytes " + first + "-" + last + "/" + object.length)
                        .withBody(Arrays.copyOfRange(object, first, last + 1))));
    }

    /** Reads the stream to its end, as the CSV reader does, as ASCII text. */
    static String readAll(S3ObjectStream stream) throws SQLException {
        StringBuilder read = new StringBuilder();
        while (stream.fill()) {
            read.append(new String(stream.buffer, stream.position, stream.limit - stream.position, StandardCharsets.US_ASCII));
        }
        return read.toString();
    }

    /** Download threads of the driver still alive. */
    static long downloadThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("connecty-athena-s3-") && t.isAlive()).count();
    }

    /**
     * Waits up to 30 s for every download thread to end: a read that failed or closed ends its threads once their
     * requests under way are answered (the early GET of a second part among them), not the instant it returns.
     */
    static long awaitDownloadThreadsEnded() throws InterruptedException {
        for (int i = 0; i < 3000 && downloadThreads() > 0; i++) {
            Thread.sleep(10);
        }
        return downloadThreads();
    }

    @Override
    public void close() {
        s3.close();
        http.close();
        server.stop();
    }

    /** The driver's HTTP client, holding back the GET of one range until the test lets it go on. */
    static final class HeldRequests implements SdkHttpClient {
        private final SdkHttpClient delegate;
        private volatile String heldRange;
        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        HeldRequests(SdkHttpClient delegate) {
            this.delegate = delegate;
        }

        void hold(String range) {
            heldRange = range;
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            if (request.httpRequest().firstMatchingHeader("Range").filter(r -> r.equals(heldRange)).isPresent()) {
                reached.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return delegate.prepareRequest(request);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
