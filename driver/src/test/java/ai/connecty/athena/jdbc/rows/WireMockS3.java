package ai.connecty.athena.jdbc.rows;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
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

    @Override
    public void close() {
        s3.close();
        http.close();
        server.stop();
    }
}
