package ai.connecty.athena.jdbc.config;

import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * The typed, validated settings of one connection. Building one never touches the network (except the SDK region
 * chain when Region is absent), so every mistake in a URL is reported before AWS is called.
 * {@link #toString()} shows configured values with secrets masked.
 */
public final class ConnectionConfig {
    private final Map<ConnectionProperty, Object> values;
    private final String region;
    private final String outputLocation;
    private final String roleSessionName;
    private final String jwtRoleSessionName;
    private final Map<ConnectionProperty, URI> endpoints;
    private final List<SQLWarning> warnings;

    private ConnectionConfig(Map<ConnectionProperty, Object> values, String region, String outputLocation,
                             String roleSessionName, String jwtRoleSessionName,
                             Map<ConnectionProperty, URI> endpoints, List<SQLWarning> warnings) {
        this.values = values;
        this.region = region;
        this.outputLocation = outputLocation;
        this.roleSessionName = roleSessionName;
        this.jwtRoleSessionName = jwtRoleSessionName;
        this.endpoints = endpoints;
        this.warnings = warnings;
    }

    /** Parses and validates a URL plus Properties; the URL wins where both set a property. */
    public static ConnectionConfig parse(String url, Properties info) throws SQLException {
        return from(PropertySettings.resolve(url, info), ConnectionConfig::regionFromSdkChain);
    }

    static ConnectionConfig from(PropertySettings settings, Supplier<Optional<String>> regionFallback)
            throws SQLException {
        List<SQLWarning> warnings = new ArrayList<>(settings.warnings());
        Map<ConnectionProperty, Object> values = new EnumMap<>(ConnectionProperty.class);
        for (ConnectionProperty property : ConnectionProperty.values()) {
            Optional<String> text = settings.get(property);
            if (text.isPresent() && !property.isEffective()) {
                warnings.add(ConfigErrors.warning("Connection property " + property.propertyName()
                        + " is accepted but takes effect only in a later release of the driver"));
            }
            Optional<String> effective = text.isPresent() ? text : property.defaultValue();
            if (effective.isPresent()) {
                values.put(property, TypedValue.parse(property, effective.get()));
            }
        }
        ConsistencyRules.check(settings, values, warnings);

        String region = settings.get(ConnectionProperty.REGION).isPresent()
                ? ValueFormats.region(settings.get(ConnectionProperty.REGION).get())
                : ValueFormats.regionFromSdkChain(regionFallback.get().orElseThrow(() -> ConfigErrors.error(
                "No AWS Region: set the connection property Region (e.g. Region=us-east-1), or AWS_REGION / "
                + "aws.region for the AWS SDK")));
        String output = null;
        if (settings.get(ConnectionProperty.OUTPUT_LOCATION).isPresent()) {
            output = OutputLocation.normalize(settings.get(ConnectionProperty.OUTPUT_LOCATION).get(), warnings);
        }
        String generatedName = "connecty-athena-jdbc-" + System.currentTimeMillis() / 1000;
        String sessionName = settings.get(ConnectionProperty.ROLE_SESSION_NAME).isPresent()
                ? ValueFormats.roleSessionName(settings.get(ConnectionProperty.ROLE_SESSION_NAME).get())
                : generatedName;
        String jwtSessionName = settings.get(ConnectionProperty.JWT_ROLE_SESSION_NAME).orElse(generatedName);
        return new ConnectionConfig(values, region, output, sessionName, jwtSessionName,
                endpoints(settings, warnings), Collections.unmodifiableList(warnings));
    }

    private static Map<ConnectionProperty, URI> endpoints(PropertySettings settings, List<SQLWarning> warnings)
            throws SQLException {
        Map<ConnectionProperty, URI> endpoints = new EnumMap<>(ConnectionProperty.class);
        for (ConnectionProperty property : ConnectionProperty.values()) {
            Optional<String> text = settings.get(property);
            if (property.category() == PropertyCategory.ENDPOINTS && text.isPresent()) {
                URI endpoint = ValueFormats.endpoint(property, text.get());
                EndpointSecurity.check(property, endpoint, warnings);
                endpoints.put(property, endpoint);
            }
        }
        return endpoints;
    }

    private static Optional<String> regionFromSdkChain() {
        try {
            return Optional.of(new DefaultAwsRegionProviderChain().getRegion().id());
        } catch (SdkClientException e) {
            return Optional.empty();
        }
    }

    /** Warnings found while reading the settings (unknown keys, rewritten values), for the connection. */
    public List<SQLWarning> warnings() {
        return warnings;
    }

    public String region() {
        return region;
    }

    public String workGroup() {
        return string(ConnectionProperty.WORK_GROUP);
    }

    public String catalog() {
        return string(ConnectionProperty.CATALOG);
    }

    public String database() {
        return string(ConnectionProperty.DATABASE);
    }

    /** Normalised {@code s3://bucket/prefix/}, always ending with '/'. */
    public Optional<String> outputLocation() {
        return Optional.ofNullable(outputLocation);
    }

    public Optional<String> encryptionOption() {
        return optional(ConnectionProperty.ENCRYPTION_OPTION);
    }

    public Optional<String> kmsKey() {
        return optional(ConnectionProperty.KMS_KEY);
    }

    public Optional<String> expectedBucketOwner() {
        return optional(ConnectionProperty.EXPECTED_BUCKET_OWNER);
    }

    public Optional<String> aclOption() {
        return optional(ConnectionProperty.ACL_OPTION);
    }

    public boolean resultReuseEnabled() {
        return (Boolean) values.get(ConnectionProperty.ENABLE_RESULT_REUSE_BY_AGE);
    }

    public int resultReuseMaxAgeMinutes() {
        return (Integer) values.get(ConnectionProperty.MAX_RESULT_REUSE_AGE_IN_MINUTES);
    }

    public long minPollingIntervalMillis() {
        return (Long) values.get(ConnectionProperty.MIN_QUERY_EXECUTION_POLLING_INTERVAL_MILLIS);
    }

    public long maxPollingIntervalMillis() {
        return (Long) values.get(ConnectionProperty.MAX_QUERY_EXECUTION_POLLING_INTERVAL_MILLIS);
    }

    public double pollingIntervalMultiplier() {
        return (Double) values.get(ConnectionProperty.QUERY_EXECUTION_POLLING_INTERVAL_MULTIPLIER);
    }

    public int fetchSize() {
        return (Integer) values.get(ConnectionProperty.FETCH_SIZE);
    }

    /** S3ReadAheadMB: the download buffers of one S3 result set, in MiB. */
    public int s3ReadAheadMB() {
        return (Integer) values.get(ConnectionProperty.S3_READ_AHEAD_MB);
    }

    /** One of auto, S3, GetQueryResults, GetQueryResultsStream (canonical spelling). */
    public String resultFetcher() {
        return string(ConnectionProperty.RESULT_FETCHER);
    }

    public boolean validateCredentials() {
        return (Boolean) values.get(ConnectionProperty.VALIDATE_CREDENTIALS);
    }

    public boolean connectionTest() {
        return (Boolean) values.get(ConnectionProperty.CONNECTION_TEST);
    }

    /** One of auto, Glue, ProxyAPI (canonical spelling). */
    public String metadataRetrievalMethod() {
        return string(ConnectionProperty.METADATA_RETRIEVAL_METHOD);
    }

    /** Transactions=emulate: the transaction API runs, each statement taking effect at once (see AthenaConnection). */
    public boolean emulateTransactions() {
        return "emulate".equals(string(ConnectionProperty.TRANSACTIONS));
    }

    /** RewriteBatchedInserts: a batch of a single-row INSERT runs as multi-row INSERTs (see BatchedInsert). */
    public boolean rewriteBatchedInserts() {
        return (Boolean) values.get(ConnectionProperty.REWRITE_BATCHED_INSERTS);
    }

    public int metadataCacheTtlSeconds() {
        return (Integer) values.get(ConnectionProperty.METADATA_CACHE_TTL_SECONDS);
    }

    public Optional<String> accessKeyId() {
        return optional(ConnectionProperty.USER);
    }

    public Optional<String> secretAccessKey() {
        return optional(ConnectionProperty.PASSWORD);
    }

    public Optional<String> sessionToken() {
        return optional(ConnectionProperty.SESSION_TOKEN);
    }

    /** CredentialsProviderArguments split at commas and trimmed; empty when not set. */
    public List<String> credentialsProviderArguments() {
        Optional<String> text = optional(ConnectionProperty.CREDENTIALS_PROVIDER_ARGUMENTS);
        if (!text.isPresent()) {
            return List.of();
        }
        List<String> arguments = new ArrayList<>();
        for (String argument : text.get().split(",", -1)) {
            arguments.add(argument.trim());
        }
        return Collections.unmodifiableList(arguments);
    }

    /** CredentialsProvider=JWT: credentials come from JwtWebIdentityToken through AssumeRoleWithWebIdentity. */
    public boolean webIdentity() {
        return credentialsProvider().map(CredentialsSource.JWT::matches).orElse(false);
    }

    /** The OIDC token of CredentialsProvider=JWT: a secret, never to be logged or put in a message. */
    public Optional<String> jwtWebIdentityToken() {
        return optional(ConnectionProperty.JWT_WEB_IDENTITY_TOKEN);
    }

    public Optional<String> jwtRoleArn() {
        return optional(ConnectionProperty.JWT_ROLE_ARN);
    }

    /** The configured JwtRoleSessionName, or a generated one valid for STS. */
    public String jwtRoleSessionName() {
        return jwtRoleSessionName;
    }

    /** As configured: DefaultChain, ProfileCredentials, InstanceProfile, JWT (any case) or a class name. */
    public Optional<String> credentialsProvider() {
        return optional(ConnectionProperty.CREDENTIALS_PROVIDER);
    }

    public Optional<String> profileName() {
        return optional(ConnectionProperty.PROFILE_NAME);
    }

    public Optional<String> roleArn() {
        return optional(ConnectionProperty.ROLE_ARN);
    }

    /** The configured session name, or a generated one valid for STS. */
    public String roleSessionName() {
        return roleSessionName;
    }

    public Optional<String> externalId() {
        return optional(ConnectionProperty.EXTERNAL_ID);
    }

    public int roleSessionDurationSeconds() {
        return (Integer) values.get(ConnectionProperty.ROLE_SESSION_DURATION);
    }

    /** The endpoint set by one of the endpoint properties (EndpointOverride, AthenaEndpoint, ...). */
    public Optional<URI> endpoint(ConnectionProperty endpointProperty) {
        return Optional.ofNullable(endpoints.get(endpointProperty));
    }

    public int numRetries() {
        return (Integer) values.get(ConnectionProperty.NUM_RETRIES);
    }

    public OptionalInt networkTimeoutMillis() {
        return optionalInt(ConnectionProperty.NETWORK_TIMEOUT_MILLIS);
    }

    public Optional<String> applicationName() {
        return optional(ConnectionProperty.APPLICATION_NAME);
    }

    public Optional<String> proxyHost() {
        return optional(ConnectionProperty.PROXY_HOST);
    }

    public OptionalInt proxyPort() {
        return optionalInt(ConnectionProperty.PROXY_PORT);
    }

    public Optional<String> proxyUsername() {
        return optional(ConnectionProperty.PROXY_USERNAME);
    }

    public Optional<String> proxyPassword() {
        return optional(ConnectionProperty.PROXY_PASSWORD);
    }

    /** The host patterns of ProxyExemptHosts, lower-cased, {@code *} for any characters; empty when not set. */
    public List<String> proxyExemptHosts() {
        return optional(ConnectionProperty.PROXY_EXEMPT_HOSTS).map(ValueFormats::hostPatterns).orElse(List.of());
    }

    private String string(ConnectionProperty property) {
        return (String) values.get(property);
    }

    private Optional<String> optional(ConnectionProperty property) {
        return Optional.ofNullable((String) values.get(property));
    }

    private OptionalInt optionalInt(ConnectionProperty property) {
        Object value = values.get(property);
        return value == null ? OptionalInt.empty() : OptionalInt.of((Integer) value);
    }

    /** Every set value in registry order; secret values are masked so this is safe to log. */
    @Override
    public String toString() {
        StringJoiner joiner = new StringJoiner(", ", "ConnectionConfig{", "}");
        joiner.add("Region=" + region);
        for (Map.Entry<ConnectionProperty, Object> entry : values.entrySet()) {
            ConnectionProperty property = entry.getKey();
            if (property == ConnectionProperty.REGION) {
                continue;
            }
            Object shown = property == ConnectionProperty.OUTPUT_LOCATION ? outputLocation : entry.getValue();
            joiner.add(property.propertyName() + "=" + (property.isSecret() ? "****" : shown));
        }
        return joiner.toString();
    }
}
