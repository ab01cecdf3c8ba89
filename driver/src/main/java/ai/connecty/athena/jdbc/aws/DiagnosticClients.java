package ai.connecty.athena.jdbc.aws;

import ai.connecty.athena.jdbc.config.ConnectionConfig;
import ai.connecty.athena.jdbc.config.ConnectionProperty;
import java.util.ArrayDeque;
import java.util.Deque;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * SDK clients configured exactly as a connection's (endpoints, proxy, retries, timeouts, user agent) but signed
 * with credentials chosen step by step, for the connection doctor: it must call STS with the user's own keys
 * before it knows whether the role can be assumed. Everything built here is closed with this object.
 */
public final class DiagnosticClients implements AutoCloseable {
    private final SdkClientSettings settings;
    private final boolean s3PathStyle;
    /** Everything to close, most recently built first; the HTTP client last. */
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();

    public DiagnosticClients(ConnectionConfig config) {
        SdkHttpClient http = HttpClientFactory.create(config);
        resources.push(http);
        settings = new SdkClientSettings(config, http);
        s3PathStyle = settings.endpoint(ConnectionProperty.S3_ENDPOINT).isPresent();
    }

    public StsClient sts(AwsCredentialsProvider credentials) {
        return own(settings.apply(StsClient.builder(), credentials, ConnectionProperty.STS_ENDPOINT).build());
    }

    /** STS for AssumeRoleWithWebIdentity, which is unsigned: the token in the request is the caller's identity. */
    public StsClient unsignedSts() {
        return sts(AnonymousCredentialsProvider.create());
    }

    public AthenaClient athena(AwsCredentialsProvider credentials) {
        return own(settings.apply(AthenaClient.builder(), credentials, ConnectionProperty.ATHENA_ENDPOINT).build());
    }

    public GlueClient glue(AwsCredentialsProvider credentials) {
        return own(settings.apply(GlueClient.builder(), credentials, ConnectionProperty.GLUE_ENDPOINT).build());
    }

    public S3Client s3(AwsCredentialsProvider credentials) {
        return own(settings.apply(S3Client.builder(), credentials, ConnectionProperty.S3_ENDPOINT)
                .forcePathStyle(s3PathStyle).build());
    }

    private <T extends AutoCloseable> T own(T client) {
        resources.push(client);
        return client;
    }

    @Override
    public void close() {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                // closing is best effort: the doctor is about to exit
            }
        }
    }
}
