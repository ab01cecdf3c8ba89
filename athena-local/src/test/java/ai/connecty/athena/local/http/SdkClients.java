package ai.connecty.athena.local.http;

import ai.connecty.athena.local.LocalAthena;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** Real AWS SDK clients pointed at a LocalAthena, without retries so that tests see each fault once. */
public final class SdkClients {

    public static final AwsCredentials SERVICE_ACCOUNT =
            AwsBasicCredentials.create(LocalAthena.SERVICE_ACCOUNT_KEY_ID, LocalAthena.SERVICE_ACCOUNT_SECRET);
    public static final AwsCredentials ADMIN = AwsBasicCredentials.create("test", "test");

    private SdkClients() {
    }

    public static AwsCredentials session(Credentials c) {
        return AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
    }

    public static ClientOverrideConfiguration noRetries() {
        return ClientOverrideConfiguration.builder().retryPolicy(RetryPolicy.none()).build();
    }

    public static StsClient sts(LocalAthena athena, AwsCredentials credentials) {
        return StsClient.builder().endpointOverride(athena.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .overrideConfiguration(noRetries()).httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    public static AthenaClient athena(LocalAthena athena, AwsCredentials credentials) {
        return AthenaClient.builder().endpointOverride(athena.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .overrideConfiguration(noRetries()).httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    public static GlueClient glue(LocalAthena athena, AwsCredentials credentials) {
        return GlueClient.builder().endpointOverride(athena.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .overrideConfiguration(noRetries()).httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    public static S3Client s3(LocalAthena athena, AwsCredentials credentials) {
        return S3Client.builder().endpointOverride(athena.endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .overrideConfiguration(noRetries()).httpClientBuilder(ApacheHttpClient.builder()).build();
    }
}
