package ai.connecty.athena.jdbc.aws;

import ai.connecty.athena.jdbc.config.ConnectionConfig;
import ai.connecty.athena.jdbc.config.ConnectionProperty;
import ai.connecty.athena.jdbc.config.DriverVersion;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;

/** The settings every SDK client of a connection shares: region, credentials, HTTP client, retries, user agent. */
final class SdkClientSettings {
    private final ConnectionConfig config;
    private final SdkHttpClient httpClient;

    SdkClientSettings(ConnectionConfig config, SdkHttpClient httpClient) {
        this.config = config;
        this.httpClient = httpClient;
    }

    /**
     * @param serviceEndpoint the property overriding this service's endpoint; it wins over EndpointOverride
     */
    <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B apply(
            B builder, AwsCredentialsProvider credentials, ConnectionProperty serviceEndpoint) {
        builder.region(Region.of(config.region()))
                .credentialsProvider(credentials)
                .httpClient(httpClient)
                .overrideConfiguration(this::override);
        endpoint(serviceEndpoint).ifPresent(builder::endpointOverride);
        return builder;
    }

    Optional<URI> endpoint(ConnectionProperty serviceEndpoint) {
        Optional<URI> specific = config.endpoint(serviceEndpoint);
        return specific.isPresent() ? specific : config.endpoint(ConnectionProperty.ENDPOINT_OVERRIDE);
    }

    private void override(ClientOverrideConfiguration.Builder override) {
        override.retryStrategy(RetryPolicy.strategy(config.numRetries()));
        override.putAdvancedOption(SdkAdvancedClientOption.USER_AGENT_SUFFIX, userAgentSuffix());
    }

    String userAgentSuffix() {
        String driver = "connecty-athena-jdbc/" + DriverVersion.version();
        return config.applicationName().map(name -> driver + " " + name).orElse(driver);
    }
}
