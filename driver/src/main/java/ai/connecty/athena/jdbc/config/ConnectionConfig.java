package ai.connecty.athena.jdbc.config;

import java.util.Optional;

/** STUB (owned by the config work): the typed, validated view of a connection's properties. */
public final class ConnectionConfig {
    public String region() { return "us-east-1"; }
    public String workGroup() { return "primary"; }
    public String catalog() { return "AwsDataCatalog"; }
    public String database() { return "default"; }
    public Optional<String> outputLocation() { return Optional.empty(); }
    public Optional<String> encryptionOption() { return Optional.empty(); }
    public Optional<String> kmsKey() { return Optional.empty(); }
    public Optional<String> expectedBucketOwner() { return Optional.empty(); }
    public Optional<String> aclOption() { return Optional.empty(); }
    public boolean resultReuseEnabled() { return false; }
    public int resultReuseMaxAgeMinutes() { return 60; }
    public long minPollingIntervalMillis() { return 100; }
    public long maxPollingIntervalMillis() { return 5000; }
    public double pollingIntervalMultiplier() { return 2.0; }
    public int fetchSize() { return 0; }
    public String resultFetcher() { return "auto"; }
    public boolean connectionTest() { return false; }
    public String metadataRetrievalMethod() { return "auto"; }
    public int metadataCacheTtlSeconds() { return 0; }
}
