package ai.connecty.athena.jdbc;

import ai.connecty.athena.jdbc.config.ConfigErrors;
import ai.connecty.athena.jdbc.config.ConnectionProperty;
import ai.connecty.athena.jdbc.config.ConnectionUrl;
import ai.connecty.athena.jdbc.errors.SqlState;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} for pools and frameworks that configure drivers through bean setters. There is one
 * setter/getter pair per connection property (named after the property) plus {@link #setProperty} for any
 * name or alias; everything is validated when a connection is opened, exactly as for a URL.
 * Getters return the configured value, or the property's default when it has one.
 */
public class AthenaDataSource implements DataSource {
    private final Properties properties = new Properties();
    private final AthenaDriver driver = new AthenaDriver();
    private volatile PrintWriter logWriter;
    private volatile int loginTimeoutSeconds;

    @Override
    public Connection getConnection() throws SQLException {
        return driver.connect(ConnectionUrl.PREFIX, snapshot());
    }

    /** Opens a connection with these static credentials instead of the configured User and Password. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        Properties info = snapshot();
        putOrRemove(info, ConnectionProperty.USER.propertyName(), username);
        putOrRemove(info, ConnectionProperty.PASSWORD.propertyName(), password);
        return driver.connect(ConnectionUrl.PREFIX, info);
    }

    /**
     * Sets a property by its name or any alias, ignoring case; a null value unsets it. Unknown names are kept and
     * reported as a warning on the connection, like unknown URL keys. A null name names nothing and is ignored.
     */
    public void setProperty(String name, String value) {
        if (name == null) {
            return;
        }
        synchronized (properties) {
            putOrRemove(properties, canonicalName(name), value);
        }
    }

    /** The configured text of a property by name or alias, without defaults; null when unset. */
    public String getProperty(String name) {
        if (name == null) {
            return null;
        }
        synchronized (properties) {
            return properties.getProperty(canonicalName(name));
        }
    }

    /** The property's own name for any of its aliases, so that a value set under one is read under all. */
    private static String canonicalName(String name) {
        return ConnectionProperty.byName(name).map(ConnectionProperty::propertyName).orElse(name);
    }

    public void setRegion(String region) {
        set(ConnectionProperty.REGION, region);
    }

    public String getRegion() {
        return text(ConnectionProperty.REGION);
    }

    public void setWorkGroup(String workGroup) {
        set(ConnectionProperty.WORK_GROUP, workGroup);
    }

    public String getWorkGroup() {
        return text(ConnectionProperty.WORK_GROUP);
    }

    public void setOutputLocation(String outputLocation) {
        set(ConnectionProperty.OUTPUT_LOCATION, outputLocation);
    }

    public String getOutputLocation() {
        return text(ConnectionProperty.OUTPUT_LOCATION);
    }

    public void setCatalog(String catalog) {
        set(ConnectionProperty.CATALOG, catalog);
    }

    public String getCatalog() {
        return text(ConnectionProperty.CATALOG);
    }

    public void setDatabase(String database) {
        set(ConnectionProperty.DATABASE, database);
    }

    public String getDatabase() {
        return text(ConnectionProperty.DATABASE);
    }

    public void setUser(String user) {
        set(ConnectionProperty.USER, user);
    }

    public String getUser() {
        return text(ConnectionProperty.USER);
    }

    public void setPassword(String password) {
        set(ConnectionProperty.PASSWORD, password);
    }

    public String getPassword() {
        return text(ConnectionProperty.PASSWORD);
    }

    public void setSessionToken(String sessionToken) {
        set(ConnectionProperty.SESSION_TOKEN, sessionToken);
    }

    public String getSessionToken() {
        return text(ConnectionProperty.SESSION_TOKEN);
    }

    public void setCredentialsProvider(String credentialsProvider) {
        set(ConnectionProperty.CREDENTIALS_PROVIDER, credentialsProvider);
    }

    public String getCredentialsProvider() {
        return text(ConnectionProperty.CREDENTIALS_PROVIDER);
    }

    public void setCredentialsProviderArguments(String credentialsProviderArguments) {
        set(ConnectionProperty.CREDENTIALS_PROVIDER_ARGUMENTS, credentialsProviderArguments);
    }

    public String getCredentialsProviderArguments() {
        return text(ConnectionProperty.CREDENTIALS_PROVIDER_ARGUMENTS);
    }

    public void setProfileName(String profileName) {
        set(ConnectionProperty.PROFILE_NAME, profileName);
    }

    public String getProfileName() {
        return text(ConnectionProperty.PROFILE_NAME);
    }

    public void setJwtWebIdentityToken(String jwtWebIdentityToken) {
        set(ConnectionProperty.JWT_WEB_IDENTITY_TOKEN, jwtWebIdentityToken);
    }

    public String getJwtWebIdentityToken() {
        return text(ConnectionProperty.JWT_WEB_IDENTITY_TOKEN);
    }

    public void setJwtRoleArn(String jwtRoleArn) {
        set(ConnectionProperty.JWT_ROLE_ARN, jwtRoleArn);
    }

    public String getJwtRoleArn() {
        return text(ConnectionProperty.JWT_ROLE_ARN);
    }

    public void setJwtRoleSessionName(String jwtRoleSessionName) {
        set(ConnectionProperty.JWT_ROLE_SESSION_NAME, jwtRoleSessionName);
    }

    public String getJwtRoleSessionName() {
        return text(ConnectionProperty.JWT_ROLE_SESSION_NAME);
    }

    public void setRoleArn(String roleArn) {
        set(ConnectionProperty.ROLE_ARN, roleArn);
    }

    public String getRoleArn() {
        return text(ConnectionProperty.ROLE_ARN);
    }

    public void setRoleSessionName(String roleSessionName) {
        set(ConnectionProperty.ROLE_SESSION_NAME, roleSessionName);
    }

    public String getRoleSessionName() {
        return text(ConnectionProperty.ROLE_SESSION_NAME);
    }

    public void setExternalId(String externalId) {
        set(ConnectionProperty.EXTERNAL_ID, externalId);
    }

    public String getExternalId() {
        return text(ConnectionProperty.EXTERNAL_ID);
    }

    public void setRoleSessionDuration(int roleSessionDuration) {
        set(ConnectionProperty.ROLE_SESSION_DURATION, roleSessionDuration);
    }

    public int getRoleSessionDuration() {
        return intValue(ConnectionProperty.ROLE_SESSION_DURATION);
    }

    public void setResultFetcher(String resultFetcher) {
        set(ConnectionProperty.RESULT_FETCHER, resultFetcher);
    }

    public String getResultFetcher() {
        return text(ConnectionProperty.RESULT_FETCHER);
    }

    public void setFetchSize(int fetchSize) {
        set(ConnectionProperty.FETCH_SIZE, fetchSize);
    }

    public int getFetchSize() {
        return intValue(ConnectionProperty.FETCH_SIZE);
    }

    public void setS3ReadAheadMB(int s3ReadAheadMB) {
        set(ConnectionProperty.S3_READ_AHEAD_MB, s3ReadAheadMB);
    }

    public int getS3ReadAheadMB() {
        return intValue(ConnectionProperty.S3_READ_AHEAD_MB);
    }

    public void setEncryptionOption(String encryptionOption) {
        set(ConnectionProperty.ENCRYPTION_OPTION, encryptionOption);
    }

    public String getEncryptionOption() {
        return text(ConnectionProperty.ENCRYPTION_OPTION);
    }

    public void setKmsKey(String kmsKey) {
        set(ConnectionProperty.KMS_KEY, kmsKey);
    }

    public String getKmsKey() {
        return text(ConnectionProperty.KMS_KEY);
    }

    public void setExpectedBucketOwner(String expectedBucketOwner) {
        set(ConnectionProperty.EXPECTED_BUCKET_OWNER, expectedBucketOwner);
    }

    public String getExpectedBucketOwner() {
        return text(ConnectionProperty.EXPECTED_BUCKET_OWNER);
    }

    public void setAclOption(String aclOption) {
        set(ConnectionProperty.ACL_OPTION, aclOption);
    }

    public String getAclOption() {
        return text(ConnectionProperty.ACL_OPTION);
    }

    public void setEnableResultReuseByAge(boolean enableResultReuseByAge) {
        set(ConnectionProperty.ENABLE_RESULT_REUSE_BY_AGE, enableResultReuseByAge);
    }

    public boolean getEnableResultReuseByAge() {
        return booleanValue(ConnectionProperty.ENABLE_RESULT_REUSE_BY_AGE);
    }

    public void setMaxResultReuseAgeInMinutes(int maxResultReuseAgeInMinutes) {
        set(ConnectionProperty.MAX_RESULT_REUSE_AGE_IN_MINUTES, maxResultReuseAgeInMinutes);
    }

    public int getMaxResultReuseAgeInMinutes() {
        return intValue(ConnectionProperty.MAX_RESULT_REUSE_AGE_IN_MINUTES);
    }

    public void setMinQueryExecutionPollingIntervalMillis(long minQueryExecutionPollingIntervalMillis) {
        set(ConnectionProperty.MIN_QUERY_EXECUTION_POLLING_INTERVAL_MILLIS, minQueryExecutionPollingIntervalMillis);
    }

    public long getMinQueryExecutionPollingIntervalMillis() {
        return longValue(ConnectionProperty.MIN_QUERY_EXECUTION_POLLING_INTERVAL_MILLIS);
    }

    public void setMaxQueryExecutionPollingIntervalMillis(long maxQueryExecutionPollingIntervalMillis) {
        set(ConnectionProperty.MAX_QUERY_EXECUTION_POLLING_INTERVAL_MILLIS, maxQueryExecutionPollingIntervalMillis);
    }

    public long getMaxQueryExecutionPollingIntervalMillis() {
        return longValue(ConnectionProperty.MAX_QUERY_EXECUTION_POLLING_INTERVAL_MILLIS);
    }

    /**
     * The multiplier as text (e.g. {@code "1.5"}): HikariCP's {@code dataSourceProperties} can only pass text to a
     * setter that takes no int, long, short or boolean, so a {@code double} setter could not be reached from it.
     */
    public void setQueryExecutionPollingIntervalMultiplier(String queryExecutionPollingIntervalMultiplier) {
        set(ConnectionProperty.QUERY_EXECUTION_POLLING_INTERVAL_MULTIPLIER, queryExecutionPollingIntervalMultiplier);
    }

    public String getQueryExecutionPollingIntervalMultiplier() {
        return text(ConnectionProperty.QUERY_EXECUTION_POLLING_INTERVAL_MULTIPLIER);
    }

    public void setNumRetries(int numRetries) {
        set(ConnectionProperty.NUM_RETRIES, numRetries);
    }

    public int getNumRetries() {
        return intValue(ConnectionProperty.NUM_RETRIES);
    }

    /** 0 unsets it (the SDK's timeouts apply), as the property itself is at least 1. */
    public void setNetworkTimeoutMillis(int networkTimeoutMillis) {
        setOrUnset(ConnectionProperty.NETWORK_TIMEOUT_MILLIS, networkTimeoutMillis);
    }

    /** 0 when unset. */
    public int getNetworkTimeoutMillis() {
        return intValue(ConnectionProperty.NETWORK_TIMEOUT_MILLIS);
    }

    public void setApplicationName(String applicationName) {
        set(ConnectionProperty.APPLICATION_NAME, applicationName);
    }

    public String getApplicationName() {
        return text(ConnectionProperty.APPLICATION_NAME);
    }

    public void setProxyHost(String proxyHost) {
        set(ConnectionProperty.PROXY_HOST, proxyHost);
    }

    public String getProxyHost() {
        return text(ConnectionProperty.PROXY_HOST);
    }

    /** 0 unsets it (the port comes from ProxyHost, or the scheme's), as the property itself is at least 1. */
    public void setProxyPort(int proxyPort) {
        setOrUnset(ConnectionProperty.PROXY_PORT, proxyPort);
    }

    /** 0 when unset. */
    public int getProxyPort() {
        return intValue(ConnectionProperty.PROXY_PORT);
    }

    public void setProxyUsername(String proxyUsername) {
        set(ConnectionProperty.PROXY_USERNAME, proxyUsername);
    }

    public String getProxyUsername() {
        return text(ConnectionProperty.PROXY_USERNAME);
    }

    public void setProxyPassword(String proxyPassword) {
        set(ConnectionProperty.PROXY_PASSWORD, proxyPassword);
    }

    public String getProxyPassword() {
        return text(ConnectionProperty.PROXY_PASSWORD);
    }

    public void setProxyExemptHosts(String proxyExemptHosts) {
        set(ConnectionProperty.PROXY_EXEMPT_HOSTS, proxyExemptHosts);
    }

    public String getProxyExemptHosts() {
        return text(ConnectionProperty.PROXY_EXEMPT_HOSTS);
    }

    public void setValidateCredentials(boolean validateCredentials) {
        set(ConnectionProperty.VALIDATE_CREDENTIALS, validateCredentials);
    }

    public boolean getValidateCredentials() {
        return booleanValue(ConnectionProperty.VALIDATE_CREDENTIALS);
    }

    public void setConnectionTest(boolean connectionTest) {
        set(ConnectionProperty.CONNECTION_TEST, connectionTest);
    }

    public boolean getConnectionTest() {
        return booleanValue(ConnectionProperty.CONNECTION_TEST);
    }

    public void setEndpointOverride(String endpointOverride) {
        set(ConnectionProperty.ENDPOINT_OVERRIDE, endpointOverride);
    }

    public String getEndpointOverride() {
        return text(ConnectionProperty.ENDPOINT_OVERRIDE);
    }

    public void setAthenaEndpoint(String athenaEndpoint) {
        set(ConnectionProperty.ATHENA_ENDPOINT, athenaEndpoint);
    }

    public String getAthenaEndpoint() {
        return text(ConnectionProperty.ATHENA_ENDPOINT);
    }

    public void setGlueEndpoint(String glueEndpoint) {
        set(ConnectionProperty.GLUE_ENDPOINT, glueEndpoint);
    }

    public String getGlueEndpoint() {
        return text(ConnectionProperty.GLUE_ENDPOINT);
    }

    public void setS3Endpoint(String s3Endpoint) {
        set(ConnectionProperty.S3_ENDPOINT, s3Endpoint);
    }

    public String getS3Endpoint() {
        return text(ConnectionProperty.S3_ENDPOINT);
    }

    public void setStsEndpoint(String stsEndpoint) {
        set(ConnectionProperty.STS_ENDPOINT, stsEndpoint);
    }

    public String getStsEndpoint() {
        return text(ConnectionProperty.STS_ENDPOINT);
    }

    public void setMetadataRetrievalMethod(String metadataRetrievalMethod) {
        set(ConnectionProperty.METADATA_RETRIEVAL_METHOD, metadataRetrievalMethod);
    }

    public String getMetadataRetrievalMethod() {
        return text(ConnectionProperty.METADATA_RETRIEVAL_METHOD);
    }

    public void setMetadataCacheTtlSeconds(int metadataCacheTtlSeconds) {
        set(ConnectionProperty.METADATA_CACHE_TTL_SECONDS, metadataCacheTtlSeconds);
    }

    public int getMetadataCacheTtlSeconds() {
        return intValue(ConnectionProperty.METADATA_CACHE_TTL_SECONDS);
    }

    public void setTransactions(String transactions) {
        set(ConnectionProperty.TRANSACTIONS, transactions);
    }

    public String getTransactions() {
        return text(ConnectionProperty.TRANSACTIONS);
    }

    public void setRewriteBatchedInserts(boolean rewriteBatchedInserts) {
        set(ConnectionProperty.REWRITE_BATCHED_INSERTS, rewriteBatchedInserts);
    }

    public boolean getRewriteBatchedInserts() {
        return booleanValue(ConnectionProperty.REWRITE_BATCHED_INSERTS);
    }

    /**
     * Accepted for the DataSource contract but not applied: connecting makes at most one STS call (the credentials
     * check, see ValidateCredentials), bounded by the SDK's timeouts and NetworkTimeoutMillis.
     */
    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        if (seconds < 0) {
            throw ConfigErrors.error("Login timeout must be zero or positive, not " + seconds);
        }
        loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    /** Accepted for the DataSource contract; the driver logs through SLF4J. */
    @Override
    public void setLogWriter(PrintWriter out) {
        logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return driver.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface != null && iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("AthenaDataSource does not implement " + iface, SqlState.GENERAL_ERROR);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface != null && iface.isInstance(this);
    }

    private Properties snapshot() {
        Properties copy = new Properties();
        synchronized (properties) {
            copy.putAll(properties);
        }
        return copy;
    }

    private void set(ConnectionProperty property, Object value) {
        setProperty(property.propertyName(), value == null ? null : String.valueOf(value));
    }

    // Setters take primitives, which pools can call from text; 0 stands for "unset" where 0 is out of range.
    private void setOrUnset(ConnectionProperty property, int value) {
        set(property, value == 0 ? null : value);
    }

    private static void putOrRemove(Properties target, String key, String value) {
        if (value == null) {
            target.remove(key);
        } else {
            target.setProperty(key, value);
        }
    }

    private String text(ConnectionProperty property) {
        String value = getProperty(property.propertyName());
        return value != null ? value : property.defaultValue().orElse(null);
    }

    // The typed getters fall back to the default for unparseable text; getConnection() reports such text clearly.
    private int intValue(ConnectionProperty property) {
        return (int) longValue(property);
    }

    private long longValue(ConnectionProperty property) {
        try {
            return Long.parseLong(text(property));
        } catch (NumberFormatException e) {
            return Long.parseLong(property.defaultValue().orElse("0"));
        }
    }


    private boolean booleanValue(ConnectionProperty property) {
        String value = text(property);
        return "true".equalsIgnoreCase(value) || "1".equals(value);
    }
}
