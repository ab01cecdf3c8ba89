package ai.connecty.athena.jdbc.config;

import static ai.connecty.athena.jdbc.config.PropertyCategory.BASIC;
import static ai.connecty.athena.jdbc.config.PropertyCategory.CREDENTIALS;
import static ai.connecty.athena.jdbc.config.PropertyCategory.ENDPOINTS;
import static ai.connecty.athena.jdbc.config.PropertyCategory.JDBC;
import static ai.connecty.athena.jdbc.config.PropertyCategory.METADATA;
import static ai.connecty.athena.jdbc.config.PropertyCategory.NETWORK;
import static ai.connecty.athena.jdbc.config.PropertyCategory.POLLING;
import static ai.connecty.athena.jdbc.config.PropertyCategory.RESULTS;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every connection property the driver knows. This one list drives URL parsing, validation,
 * {@code Driver.getPropertyInfo}, the DataSource setters and the generated docs, so they cannot disagree.
 * Names follow the official Athena JDBC 3.x driver; its deprecated spellings are accepted as aliases so that
 * users can switch drivers by changing only the URL prefix.
 */
public enum ConnectionProperty {
    REGION(spec("Region", BASIC, PropertyType.STRING).aliases("AwsRegion")
            .describe("AWS Region of the Athena service, e.g. us-east-1. When absent the AWS SDK region chain is used "
                    + "(AWS_REGION, aws.region, the profile's region).")),
    WORK_GROUP(spec("WorkGroup", BASIC, PropertyType.STRING).defaultValue("primary")
            .describe("Athena workgroup that queries run in (its name: 1-128 letters, digits, '.', '_' or '-').")),
    OUTPUT_LOCATION(spec("OutputLocation", BASIC, PropertyType.STRING).aliases("S3OutputLocation", "s3_staging_dir")
            .describe("S3 location for query results: s3://bucket/prefix/ (the trailing slash is added when missing). "
                    + "HTTPS S3 URLs are rewritten to s3:// with a warning. Optional when the workgroup sets one.")),
    CATALOG(spec("Catalog", BASIC, PropertyType.STRING).defaultValue("AwsDataCatalog")
            .describe("Data catalog used for unqualified table names and reported as the connection's catalog.")),
    DATABASE(spec("Database", BASIC, PropertyType.STRING).aliases("Schema").defaultValue("default")
            .describe("Database (JDBC schema) used for unqualified table names.")),

    // Lower case on purpose: tools (DBeaver) recognise exactly "user" and "password" in getPropertyInfo, show them
    // as the login fields and keep the password in their secure storage. "User" still matches: keys ignore case.
    USER(spec("user", CREDENTIALS, PropertyType.STRING).aliases("AccessKeyId")
            .describe("Access key id of static IAM credentials (also written User). DriverManager's user argument "
                    + "means this.")),
    PASSWORD(spec("password", CREDENTIALS, PropertyType.STRING).aliases("SecretAccessKey").secret()
            .describe("Secret access key of static IAM credentials (also written Password). DriverManager's "
                    + "password argument means this.")),
    SESSION_TOKEN(spec("SessionToken", CREDENTIALS, PropertyType.STRING).secret()
            .describe("Session token, when the static credentials are temporary ones.")),
    CREDENTIALS_PROVIDER(spec("CredentialsProvider", CREDENTIALS, PropertyType.STRING)
            .aliases("AWSCredentialsProviderClass")
            .suggestions("DefaultChain", "ProfileCredentials", "InstanceProfile", "JWT")
            .describe("Where credentials come from when no static keys are given: DefaultChain, ProfileCredentials, "
                    + "InstanceProfile, JWT (STS AssumeRoleWithWebIdentity with JwtWebIdentityToken and JwtRoleArn), "
                    + "or the fully qualified name of a class implementing the AWS SDK v2 "
                    + "AwsCredentialsProvider (public no-arg constructor or static create(), or, with "
                    + "CredentialsProviderArguments, a constructor taking them). Without keys and without this "
                    + "property the SDK default chain is used.")),
    CREDENTIALS_PROVIDER_ARGUMENTS(spec("CredentialsProviderArguments", CREDENTIALS, PropertyType.STRING)
            .aliases("AwsCredentialsProviderArguments").secret()
            .describe("Comma-separated text arguments for the CredentialsProvider class, each trimmed: its public "
                    + "constructor with as many String parameters, or with one String[] (or String...), receives "
                    + "them. Treated as a secret, as arguments may carry tokens: never logged or shown.")),
    PROFILE_NAME(spec("ProfileName", CREDENTIALS, PropertyType.STRING)
            .describe("Profile of the shared AWS config files used by ProfileCredentials (implied when only this "
                    + "property is set): keys, a role to assume, a credential_process, or an IAM Identity Center "
                    + "(SSO) profile made by aws configure sso, used after aws sso login.")),
    JWT_WEB_IDENTITY_TOKEN(spec("JwtWebIdentityToken", CREDENTIALS, PropertyType.STRING)
            .aliases("web_identity_token").secret()
            .describe("With CredentialsProvider=JWT: the OIDC token (a JWT) that an identity provider issued to the "
                    + "application or tool, exchanged through STS AssumeRoleWithWebIdentity (an unsigned call: no "
                    + "keys needed) for credentials of JwtRoleArn, refreshed before they expire for as long as the "
                    + "token is valid. Once it has expired, reconnect with a new token.")),
    JWT_ROLE_ARN(spec("JwtRoleArn", CREDENTIALS, PropertyType.STRING).aliases("role_arn")
            .describe("With CredentialsProvider=JWT: the IAM role whose trust policy names the token's OIDC provider "
                    + "(sts:AssumeRoleWithWebIdentity). RoleArn may name a second role, assumed with this one's "
                    + "credentials.")),
    JWT_ROLE_SESSION_NAME(spec("JwtRoleSessionName", CREDENTIALS, PropertyType.STRING).aliases("role_session_name")
            .describe("With CredentialsProvider=JWT: session name for AssumeRoleWithWebIdentity (2-64 characters of "
                    + "[A-Za-z0-9+=,.@_-]). Default: connecty-athena-jdbc-<epoch seconds>.")),
    ROLE_ARN(spec("RoleArn", CREDENTIALS, PropertyType.STRING)
            .describe("IAM role to assume through STS with the credentials above. The temporary credentials are "
                    + "refreshed in the background before they expire.")),
    ROLE_SESSION_NAME(spec("RoleSessionName", CREDENTIALS, PropertyType.STRING)
            .describe("Session name for AssumeRole (2-64 characters of [A-Za-z0-9+=,.@_-]). Default: "
                    + "connecty-athena-jdbc-<epoch seconds>.")),
    EXTERNAL_ID(spec("ExternalId", CREDENTIALS, PropertyType.STRING)
            .describe("External id that the role's trust policy requires, if any.")),
    ROLE_SESSION_DURATION(spec("RoleSessionDuration", CREDENTIALS, PropertyType.INTEGER).defaultValue("3600")
            .range(900, 43200)
            .describe("Lifetime in seconds of the assumed-role credentials (900-43200), for RoleArn and for "
                    + "CredentialsProvider=JWT.")),

    RESULT_FETCHER(spec("ResultFetcher", RESULTS, PropertyType.CHOICE).defaultValue("auto")
            .choices("auto", "S3", "GetQueryResults", "GetQueryResultsStream")
            .describe("How result rows are read. auto: results longer than one GetQueryResults page are downloaded "
                    + "from the result file in S3 (needs s3:GetObject on the output location), falling back to "
                    + "GetQueryResults with a SQLWarning when the file cannot be read (access denied, CSE_KMS, "
                    + "managed query results). S3: always the result file, failing instead of falling back. "
                    + "GetQueryResults: the API only. GetQueryResultsStream is read as GetQueryResults.")),
    FETCH_SIZE(spec("FetchSize", RESULTS, PropertyType.INTEGER).aliases("RowsToFetchPerBlock").defaultValue("0")
            .range(0, 1_000_000)
            .describe("Rows per GetQueryResults page, and the default of Statement.setFetchSize: Athena serves at most "
                    + "1000 a page, so 0 (the default) and larger values mean 1000. Rows read from the result file in "
                    + "S3 come in parts of 8 MiB whatever this is.")),
    S3_READ_AHEAD_MB(spec("S3ReadAheadMB", RESULTS, PropertyType.INTEGER).defaultValue("32").range(8, 256)
            .describe("Most of the result file that one result set read from S3 holds in download buffers at once, in "
                    + "MiB (8-256), counted in parts of 8 MiB (a value between two multiples of 8 counts as the lower "
                    + "one): 32 downloads 4 parts at once, 8 one part at a time (each part then waits a round trip: "
                    + "slower, least memory). Every part beyond the one being read also comes from one budget shared "
                    + "by all S3 result sets of the JVM (a quarter of the heap, at most 1024 MiB; "
                    + "-Dconnecty.athena.readAheadBudgetMB=N sets it): a result set that finds it spent reads fewer "
                    + "parts ahead, never waits for it.")),
    ENCRYPTION_OPTION(spec("EncryptionOption", RESULTS, PropertyType.CHOICE).aliases("S3OutputEncOption")
            .choices("SSE_S3", "SSE_KMS", "CSE_KMS")
            .describe("Encryption of the result files Athena writes.")),
    KMS_KEY(spec("KmsKey", RESULTS, PropertyType.STRING).aliases("S3OutputEncKMSKey")
            .describe("KMS key ARN or id; required with SSE_KMS and CSE_KMS, refused otherwise.")),
    EXPECTED_BUCKET_OWNER(spec("ExpectedBucketOwner", RESULTS, PropertyType.STRING)
            .describe("12-digit account id that must own the output bucket.")),
    ACL_OPTION(spec("AclOption", RESULTS, PropertyType.CHOICE).choices("BUCKET_OWNER_FULL_CONTROL")
            .describe("Canned ACL for the result files.")),
    ENABLE_RESULT_REUSE_BY_AGE(spec("EnableResultReuseByAge", RESULTS, PropertyType.BOOLEAN).defaultValue("false")
            .describe("Let Athena return an earlier result of the same query instead of running it again.")),
    MAX_RESULT_REUSE_AGE_IN_MINUTES(spec("MaxResultReuseAgeInMinutes", RESULTS, PropertyType.INTEGER)
            .defaultValue("60").range(1, 10080)
            .describe("Oldest reusable result, in minutes (1-10080).")),

    MIN_QUERY_EXECUTION_POLLING_INTERVAL_MILLIS(spec("MinQueryExecutionPollingIntervalMillis", POLLING,
            PropertyType.LONG).aliases("MinQueryExecutionPollingInterval").defaultValue("65").range(1, 600_000)
            .describe("First wait, in milliseconds, between the two first polls of a query (the first poll comes "
                    + "right after StartQueryExecution, so a query already finished returns at once).")),
    MAX_QUERY_EXECUTION_POLLING_INTERVAL_MILLIS(spec("MaxQueryExecutionPollingIntervalMillis", POLLING,
            PropertyType.LONG).aliases("MaxQueryExecutionPollingInterval").defaultValue("5000").range(1, 600_000)
            .describe("Longest wait, in milliseconds, between two polls; at least the minimum.")),
    QUERY_EXECUTION_POLLING_INTERVAL_MULTIPLIER(spec("QueryExecutionPollingIntervalMultiplier", POLLING,
            PropertyType.DOUBLE).defaultValue("2.2").range(1, 10)
            .describe("Growth factor of the wait after each poll (1-10).")),

    NUM_RETRIES(spec("NumRetries", NETWORK, PropertyType.INTEGER).aliases("MaxErrorRetry").defaultValue("10")
            .range(0, 100)
            .describe("Retries of a failed retryable AWS call (throttling, 5xx, network), with jittered exponential"
                    + " backoff.")),
    NETWORK_TIMEOUT_MILLIS(spec("NetworkTimeoutMillis", NETWORK, PropertyType.INTEGER).range(1, Integer.MAX_VALUE)
            .describe("Connect and socket read timeout of every AWS call, in milliseconds; default: the SDK's.")),
    APPLICATION_NAME(spec("ApplicationName", NETWORK, PropertyType.STRING)
            .describe("Appended to the User-Agent of every AWS call, so the application shows in CloudTrail.")),
    PROXY_HOST(spec("ProxyHost", NETWORK, PropertyType.STRING)
            .describe("HTTP proxy: host, host:port or http(s)://host:port (e.g. http://proxy.example.com:3128); "
                    + "ProxyPort wins over a port given here. Credentials go in ProxyUsername and ProxyPassword.")),
    PROXY_PORT(spec("ProxyPort", NETWORK, PropertyType.INTEGER).range(1, 65535)
            .describe("HTTP proxy port.")),
    PROXY_USERNAME(spec("ProxyUsername", NETWORK, PropertyType.STRING).aliases("ProxyUID")
            .describe("Proxy user name.")),
    PROXY_PASSWORD(spec("ProxyPassword", NETWORK, PropertyType.STRING).aliases("ProxyPWD").secret()
            .describe("Proxy password.")),
    PROXY_EXEMPT_HOSTS(spec("ProxyExemptHosts", NETWORK, PropertyType.STRING).aliases("NonProxyHosts")
            .describe("Hosts that AWS calls reach without the proxy, separated by |: names or IP addresses, * standing"
                    + " for any characters (e.g. *.amazonaws.com|10.*|localhost, for an S3 or Athena VPC endpoint); "
                    + "compared with the host of each call's endpoint, ignoring case.")),
    VALIDATE_CREDENTIALS(spec("ValidateCredentials", CREDENTIALS, PropertyType.BOOLEAN).defaultValue("true")
            .describe("Check the credentials when connecting, without running a query: with RoleArn the role is "
                    + "assumed, otherwise STS GetCallerIdentity is called (it needs no permission). A wrong key, "
                    + "secret, trust policy or role then fails the connect with SQLState 28000 or 42501. false sends "
                    + "nothing to AWS at connect time (unless ConnectionTest=true).")),
    CONNECTION_TEST(spec("ConnectionTest", NETWORK, PropertyType.BOOLEAN).defaultValue("false")
            .describe("Run SELECT 1 when connecting, so that bad credentials, a missing workgroup or an unwritable "
                    + "output location fail at connect time. Off by default because every query costs money.")),

    ENDPOINT_OVERRIDE(spec("EndpointOverride", ENDPOINTS, PropertyType.STRING)
            .describe("One endpoint for every service (Athena, Glue, S3, STS), as with athena-local or LocalStack. "
                    + "Unlike the official driver, where EndpointOverride means the Athena endpoint only. "
                    + "https:// is added when no scheme is given; http:// is allowed.")),
    ATHENA_ENDPOINT(spec("AthenaEndpoint", ENDPOINTS, PropertyType.STRING)
            .describe("Athena API endpoint; wins over EndpointOverride.")),
    GLUE_ENDPOINT(spec("GlueEndpoint", ENDPOINTS, PropertyType.STRING)
            .describe("Glue API endpoint; wins over EndpointOverride.")),
    S3_ENDPOINT(spec("S3Endpoint", ENDPOINTS, PropertyType.STRING)
            .describe("S3 endpoint; wins over EndpointOverride. An overridden S3 endpoint is addressed path-style.")),
    STS_ENDPOINT(spec("StsEndpoint", ENDPOINTS, PropertyType.STRING).aliases("StsEndpointOverride")
            .describe("STS endpoint: AssumeRole, the connect-time GetCallerIdentity and the AssumeRoleWithWebIdentity "
                    + "of CredentialsProvider=JWT; wins over EndpointOverride.")),

    METADATA_RETRIEVAL_METHOD(spec("MetadataRetrievalMethod", METADATA, PropertyType.CHOICE).defaultValue("auto")
            .choices("auto", "Glue", "ProxyAPI")
            .describe("Source of DatabaseMetaData for AwsDataCatalog, the account's Glue catalog: auto reads Glue and "
                    + "switches to Athena's ListDatabases/ListTableMetadata when Glue is denied on the catalog; Glue "
                    + "reads Glue only (a denial is an error); ProxyAPI reads Athena's calls only. Every other catalog "
                    + "is read through Athena's calls whatever this is (Glue cannot address another GLUE-type catalog "
                    + "without GetDataCatalog, which the guide's policy does not grant).")),
    METADATA_CACHE_TTL_SECONDS(spec("MetadataCacheTtlSeconds", METADATA, PropertyType.INTEGER).defaultValue("60")
            .range(0, 86_400)
            .describe("How long the connection keeps catalogs, databases, tables and columns it has read, in seconds, "
                    + "so that a tool's tree view and completion do not list the catalog again; 0 disables caching. "
                    + "DDL run through the same connection refreshes what it touched at once; changes made elsewhere "
                    + "show after at most this long.")),

    TRANSACTIONS(spec("Transactions", JDBC, PropertyType.CHOICE).defaultValue("refuse").choices("refuse", "emulate")
            .describe("What the transaction API does, Athena having no transactions. refuse: the connection stays in "
                    + "auto-commit mode, setAutoCommit(false) fails with 0A000 (and so do Spring's @Transactional, "
                    + "jOOQ's transaction(), JDBI's inTransaction and MyBatis' openSession()). emulate: "
                    + "setAutoCommit(false) is taken with a SQLWarning, but each statement still takes effect when it "
                    + "completes; commit() does nothing more; rollback() succeeds when no statement that changed data "
                    + "or the catalog completed since the transaction began, and otherwise fails with 25000 naming "
                    + "their query execution ids, undoing nothing and ending the transaction in auto-commit mode. "
                    + "Savepoints follow the same rule: rolling back to one succeeds when nothing was written since it "
                    + "was set, and otherwise fails with 25000 while the transaction goes on.")),
    REWRITE_BATCHED_INSERTS(spec("RewriteBatchedInserts", JDBC, PropertyType.BOOLEAN).defaultValue("true")
            .describe("Send a PreparedStatement batch of a single-row INSERT INTO t [(columns)] VALUES (...) as few "
                    + "multi-row INSERTs as possible (at most 1000 rows each, text and values within Athena's 262,144-"
                    + "byte query limit), the values still as execution parameters, instead of one query per item "
                    + "(each a second or more and at least one S3 file). Each item's update count is 1 when a "
                    + "statement reports as many rows as it holds, else SUCCESS_NO_INFO. false: one query per item."));

    private static final Map<String, ConnectionProperty> BY_LOWER_CASE_NAME = indexNames();

    private final Spec spec;

    ConnectionProperty(Spec spec) {
        this.spec = spec;
    }

    /** The canonical spelling, as documented. */
    public String propertyName() {
        return spec.name;
    }

    /** Other accepted spellings, mostly the official driver's deprecated names. */
    public List<String> aliases() {
        return spec.aliases;
    }

    public PropertyCategory category() {
        return spec.category;
    }

    public PropertyType type() {
        return spec.type;
    }

    public Optional<String> defaultValue() {
        return Optional.ofNullable(spec.defaultValue);
    }

    public String description() {
        return spec.description;
    }

    /** For CHOICE properties the only accepted values; for others the suggested ones (possibly empty). */
    public List<String> choices() {
        return spec.choices;
    }

    /** Secret values never leave the driver: not in messages, toString, logs or DriverPropertyInfo. */
    public boolean isSecret() {
        return spec.secret;
    }

    /** False for properties that are accepted and validated but only act in a later release. */
    public boolean isEffective() {
        return spec.effective;
    }

    public long minimum() {
        return spec.min;
    }

    public long maximum() {
        return spec.max;
    }

    /** The property whose name or alias this is, ignoring case. */
    public static Optional<ConnectionProperty> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_LOWER_CASE_NAME.get(name.trim().toLowerCase(Locale.ROOT)));
    }

    /** Every accepted spelling, canonical names first. */
    public static List<String> allNames() {
        List<String> names = new ArrayList<>();
        for (ConnectionProperty property : values()) {
            names.add(property.propertyName());
        }
        for (ConnectionProperty property : values()) {
            names.addAll(property.aliases());
        }
        return names;
    }

    private static Map<String, ConnectionProperty> indexNames() {
        Map<String, ConnectionProperty> index = new HashMap<>();
        for (ConnectionProperty property : values()) {
            List<String> spellings = new ArrayList<>(property.aliases());
            spellings.add(property.propertyName());
            for (String spelling : spellings) {
                ConnectionProperty previous = index.put(spelling.toLowerCase(Locale.ROOT), property);
                if (previous != null) {
                    throw new IllegalStateException("Property name " + spelling + " is defined twice");
                }
            }
        }
        return Collections.unmodifiableMap(index);
    }

    private static Spec spec(String name, PropertyCategory category, PropertyType type) {
        return new Spec(name, category, type);
    }

    /** Fluent description of one property, used only while the enum constants are built. */
    private static final class Spec {
        private final String name;
        private final PropertyCategory category;
        private final PropertyType type;
        private List<String> aliases = Collections.emptyList();
        private List<String> choices = Collections.emptyList();
        private String defaultValue;
        private String description = "";
        private boolean secret;
        private boolean effective = true;
        private long min = Long.MIN_VALUE;
        private long max = Long.MAX_VALUE;

        Spec(String name, PropertyCategory category, PropertyType type) {
            this.name = name;
            this.category = category;
            this.type = type;
        }

        Spec aliases(String... names) {
            aliases = Collections.unmodifiableList(Arrays.asList(names));
            return this;
        }

        Spec choices(String... values) {
            choices = Collections.unmodifiableList(Arrays.asList(values));
            return this;
        }

        /** Suggested values shown to tools; unlike choices, other values are allowed. */
        Spec suggestions(String... values) {
            return choices(values);
        }

        Spec defaultValue(String value) {
            defaultValue = value;
            return this;
        }

        Spec describe(String text) {
            description = text;
            return this;
        }

        Spec secret() {
            secret = true;
            return this;
        }

        Spec notYetEffective() {
            effective = false;
            return this;
        }

        Spec range(long minimum, long maximum) {
            min = minimum;
            max = maximum;
            return this;
        }
    }
}
