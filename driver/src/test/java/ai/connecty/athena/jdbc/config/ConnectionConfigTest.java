package ai.connecty.athena.jdbc.config;

import static ai.connecty.athena.jdbc.config.UrlConfigs.config;
import static ai.connecty.athena.jdbc.config.UrlConfigs.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLWarning;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectionConfigTest {

    @Test
    void defaultsFollowTheContract() throws SQLException {
        ConnectionConfig config = config("");
        assertThat(config.region()).isEqualTo("us-east-1");
        assertThat(config.workGroup()).isEqualTo("primary");
        assertThat(config.catalog()).isEqualTo("AwsDataCatalog");
        assertThat(config.database()).isEqualTo("default");
        assertThat(config.resultFetcher()).isEqualTo("auto");
        assertThat(config.connectionTest()).isFalse();
        assertThat(config.minPollingIntervalMillis()).isEqualTo(65);
        assertThat(config.maxPollingIntervalMillis()).isEqualTo(5000);
        assertThat(config.pollingIntervalMultiplier()).isEqualTo(2.2);
        assertThat(config.resultReuseEnabled()).isFalse();
        assertThat(config.resultReuseMaxAgeMinutes()).isEqualTo(60);
        assertThat(config.fetchSize()).isZero();
        assertThat(config.metadataRetrievalMethod()).isEqualTo("auto");
        assertThat(config.metadataCacheTtlSeconds()).isEqualTo(60);
        assertThat(config.emulateTransactions()).isFalse();
        assertThat(config.validateCredentials()).isTrue();
        assertThat(config.outputLocation()).isEmpty();
        assertThat(config.encryptionOption()).isEmpty();
        assertThat(config.roleSessionDurationSeconds()).isEqualTo(3600);
        assertThat(config.roleSessionName()).matches("connecty-athena-jdbc-\\d+");
        assertThat(config.numRetries()).isEqualTo(10);
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void typedValuesAreParsed() throws SQLException {
        ConnectionConfig config = config("FetchSize=2000;EnableResultReuseByAge=1;MaxResultReuseAgeInMinutes=15;"
                + "MinQueryExecutionPollingInterval=50;MaxQueryExecutionPollingIntervalMillis=800;"
                + "QueryExecutionPollingIntervalMultiplier=1.5;ResultFetcher=getqueryresults;"
                + "MetadataRetrievalMethod=glue;EncryptionOption=sse_kms;KmsKey=arn:aws:kms:us-east-1:1:key/k;"
                + "ExpectedBucketOwner=123456789012;AclOption=bucket_owner_full_control;ConnectionTest=TRUE;"
                + "NumRetries=5;NetworkTimeoutMillis=3000;OutputLocation=s3://b-1/p;transactions=EMULATE");
        assertThat(config.fetchSize()).isEqualTo(2000);
        assertThat(config.resultReuseEnabled()).isTrue();
        assertThat(config.resultReuseMaxAgeMinutes()).isEqualTo(15);
        assertThat(config.minPollingIntervalMillis()).isEqualTo(50);
        assertThat(config.maxPollingIntervalMillis()).isEqualTo(800);
        assertThat(config.pollingIntervalMultiplier()).isEqualTo(1.5);
        assertThat(config.resultFetcher()).isEqualTo("GetQueryResults");
        assertThat(config.metadataRetrievalMethod()).isEqualTo("Glue");
        assertThat(config.encryptionOption()).contains("SSE_KMS");
        assertThat(config.kmsKey()).contains("arn:aws:kms:us-east-1:1:key/k");
        assertThat(config.expectedBucketOwner()).contains("123456789012");
        assertThat(config.aclOption()).contains("BUCKET_OWNER_FULL_CONTROL");
        assertThat(config.connectionTest()).isTrue();
        assertThat(config.warnings()).isEmpty();
        assertThat(config.numRetries()).isEqualTo(5);
        assertThat(config.networkTimeoutMillis()).hasValue(3000);
        assertThat(config.outputLocation()).contains("s3://b-1/p/");
        assertThat(config.emulateTransactions()).isTrue();
        assertThat(config("Transactions=refuse").emulateTransactions()).isFalse();
    }

    /** ProxyExemptHosts separates its hosts with |, so its cases take another delimiter. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', value = {
            "ProxyExemptHosts=localhost # ProxyExemptHosts is set but ProxyHost is missing",
            "ProxyHost=p;NonProxyHosts=a b|c # 'a b' is no host name or address",
            "ProxyHost=p;ProxyExemptHosts=http://x # expected host names or IP addresses separated by |",
            "ProxyHost=p;ProxyExemptHosts=| # expected host names or IP addresses separated by |",
    })
    void badProxyExemptionsAreRefused(String urlTail, String expectedMessagePart) {
        badValuesAreRefusedNamingKeyValueAndFix(urlTail, expectedMessagePart);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "FetchSize=abc | Invalid value 'abc' for connection property FetchSize: expected a whole number from 0 to 1000000",
            "FetchSize=-1 | expected a whole number from 0 to 1000000",
            "FetchSize=99999999999 | expected a whole number from 0 to 1000000",
            "NetworkTimeoutMillis=0 | expected a whole number from 1 to 2147483647",
            "NetworkTimeoutMillis=3000000000 | expected a whole number from 1 to 2147483647",
            "ConnectionTest=yes | Invalid value 'yes' for connection property ConnectionTest: expected true, false, 1 or 0",
            "ResultFetcher=fast | expected one of auto, S3, GetQueryResults, GetQueryResultsStream",
            "QueryExecutionPollingIntervalMultiplier=0.5 | expected a number from 1 to 10",
            "RoleSessionDuration=60 | expected a whole number from 900 to 43200",
            "ProxyHost=p;ProxyPort=70000 | expected a whole number from 1 to 65535",
            "MetadataRetrievalMethod=Query | expected one of auto, Glue, ProxyAPI",
            "Transactions=maybe | Invalid value 'maybe' for connection property Transactions: expected one of refuse, emulate",
            "Transactions=true | Invalid value 'true' for connection property Transactions: expected one of refuse, emulate",
            "EncryptionOption=SSE_KMS | needs a KMS key: set KmsKey",
            "KmsKey=k | KmsKey only applies with EncryptionOption=SSE_KMS or CSE_KMS",
            "EncryptionOption=SSE_S3;KmsKey=k | not SSE_S3",
            "MinQueryExecutionPollingIntervalMillis=6000 | make the minimum at most the maximum",
            "ExpectedBucketOwner=12345 | expected a 12-digit AWS account id",
            "User=AKIA1 | Password (SecretAccessKey) is missing",
            "Password=x | User (AccessKeyId) is missing",
            "SessionToken=t | SessionToken only applies together with User",
            "User=AKIA1;Password=x;CredentialsProvider=DefaultChain | choose one source of credentials",
            "CredentialsProvider=not a class | expected DefaultChain, ProfileCredentials, InstanceProfile",
            "CredentialsProvider=InstanceProfile;ProfileName=dev | ProfileName only applies with CredentialsProvider=ProfileCredentials",
            "User=AKIA1;Password=x;ProfileName=dev | choose one source of credentials",
            "RoleArn=arn:aws:iam::123:role/x | expected an IAM role ARN such as arn:aws:iam::123456789012:role/",
            "RoleArn=arn:aws:iam::123456789012:role/r;RoleSessionName=a b | expected 2-64 characters",
            "RoleArn=arn:aws:iam::123456789012:role/r;ExternalId=x | expected 2-1224 characters",
            "ProxyPort=8080 | ProxyPort is set but ProxyHost is missing",
            "ProxyHost=p;ProxyPassword=pw | ProxyPassword is set but ProxyUsername is missing",
            "EndpointOverride=ftp://x | the scheme must be https:// or http://",
            "S3Endpoint=http://h:1/?q=1 | Invalid value 'http://h:1/?q=1' for connection property S3Endpoint",
            "OutputLocation=http://bucket/x | Accepted forms",
            "WorkGroup=my workgroup | expected 1-128 characters from letters, digits and ._-",
            "WorkGroup=team/bi | Invalid value 'team/bi' for connection property WorkGroup",
    })
    void badValuesAreRefusedNamingKeyValueAndFix(String urlTail, String expectedMessagePart) {
        SQLException error = error(urlTail);
        assertThat((Throwable) error).isInstanceOf(SQLNonTransientConnectionException.class);
        assertThat(error.getSQLState()).isEqualTo("08001");
        assertThat(error.getMessage()).contains(expectedMessagePart);
    }

    @ParameterizedTest
    @ValueSource(strings = {"us", "useast1", "us-east", "us_east_1", "moon-base-1x"})
    void regionMustLookLikeARegion(String region) {
        assertThatThrownBy(() -> ConnectionConfig.from(
                PropertySettings.resolve(ConnectionUrl.PREFIX + "Region=" + region, null), Optional::empty))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("'" + region + "'")
                .hasMessageContaining("such as us-east-1");
    }

    @ParameterizedTest
    @CsvSource({"us-east-1, us-east-1", "US-WEST-2, us-west-2", "us-gov-west-1, us-gov-west-1",
            "us-isob-east-1, us-isob-east-1", "ap-southeast-5, ap-southeast-5", "cn-north-1, cn-north-1",
            "eusc-de-east-1, eusc-de-east-1", "eu-isoe-west-1, eu-isoe-west-1", "us-isof-south-1, us-isof-south-1"})
    void realRegionsAreAccepted(String region, String expected) throws SQLException {
        assertThat(ConnectionConfig.from(PropertySettings.resolve(ConnectionUrl.PREFIX + "Region=" + region, null),
                Optional::empty).region()).isEqualTo(expected);
    }

    /** Every Region of every partition in the SDK the driver ships with (Athena runs in all of them). */
    @Test
    void everyRegionTheSdkKnowsIsAccepted() throws SQLException {
        for (software.amazon.awssdk.regions.Region region : software.amazon.awssdk.regions.Region.regions()) {
            if (region.isGlobalRegion() || region.id().startsWith("aws-")) {
                continue;
            }
            assertThat(ConnectionConfig.from(PropertySettings.resolve(ConnectionUrl.PREFIX + "Region=" + region.id(),
                    null), Optional::empty).region()).as(region.id()).isEqualTo(region.id());
        }
    }

    @Test
    void missingRegionUsesTheSdkChainOrAsksForRegion() throws SQLException {
        PropertySettings noRegion = PropertySettings.resolve(ConnectionUrl.PREFIX, null);
        assertThat(ConnectionConfig.from(noRegion, () -> Optional.of("eu-central-1")).region())
                .isEqualTo("eu-central-1");
        assertThatThrownBy(() -> ConnectionConfig.from(noRegion, Optional::empty))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("set the connection property Region");
    }

    /** Each of these used to reach the HTTP client: as host "null", a SOCKS or FTP scheme, or port 99999. */
    @ParameterizedTest
    @ValueSource(strings = {"proxy.example.com:abc", "proxy_corp:8080", "socks5://proxy:1080", "ftp://proxy",
            "proxy:99999", "proxy:0", "http://", "proxy:3128/path", "proxy:3128?x=1", "http://proxy#f"})
    void proxyHostMustBeAnHttpProxy(String proxyHost) {
        SQLException error = error("ProxyHost={" + proxyHost + "}");
        assertThat(error.getSQLState()).isEqualTo("08001");
        assertThat(error.getMessage()).contains("ProxyHost", "'" + proxyHost + "'", "http://proxy.example.com:3128");
    }

    /** The proxy's password belongs in ProxyPassword (secret); in ProxyHost it was dropped silently, then logged. */
    @Test
    void proxyHostWithCredentialsIsRefusedWithoutShowingThem() {
        SQLException error = error("ProxyHost=http://bob:Pr0xySecret@proxy:3128");
        assertThat(error.getSQLState()).isEqualTo("08001");
        assertThat(error.getMessage()).contains("ProxyHost", "ProxyUsername", "ProxyPassword")
                .doesNotContain("Pr0xySecret").doesNotContain("bob");
    }

    @ParameterizedTest
    @ValueSource(strings = {"p", "proxy:3128", "proxy.example.com", "http://proxy.example.com:3128",
            "https://proxy:8443/", "HTTP://PROXY:80", "10.0.0.1:3128", "[::1]:3128"})
    void proxyHostAcceptsHostPortAndHttpUrls(String proxyHost) throws SQLException {
        assertThat(config("ProxyHost=" + proxyHost).proxyHost()).contains(proxyHost);
    }

    /** user:password@ in an endpoint is never sent to AWS, but was shown in warnings and toString. */
    @ParameterizedTest
    @ValueSource(strings = {"EndpointOverride=http://bob:S3cretPw@10.0.0.1:4566",
            "S3Endpoint=https://bob:S3cretPw@s3.example.com", "StsEndpoint=bob:S3cretPw@sts.example.com"})
    void endpointWithCredentialsIsRefusedWithoutShowingThem(String setting) {
        SQLException error = error(setting);
        assertThat(error.getSQLState()).isEqualTo("08001");
        assertThat(error.getMessage()).contains(setting.substring(0, setting.indexOf('=')))
                .doesNotContain("S3cretPw").doesNotContain("bob");
    }

    /**
     * A region from the SDK's chain (AWS_REGION, aws.region, the profile) meets the same check as Region: in upper
     * case it was used as is (SigV4 scopes then name "US-EAST-1", which AWS refuses), and garbage reached the SDK,
     * whose error ("resulted in an invalid URI") does not say where the region came from.
     */
    @Test
    void regionFromTheSdkChainIsCheckedLikeTheProperty() throws SQLException {
        PropertySettings noRegion = PropertySettings.resolve(ConnectionUrl.PREFIX, null);
        assertThat(ConnectionConfig.from(noRegion, () -> Optional.of("US-EAST-1")).region()).isEqualTo("us-east-1");
        assertThatThrownBy(() -> ConnectionConfig.from(noRegion, () -> Optional.of("not%20a%20region")))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("'not%20a%20region'")
                .hasMessageContaining("AWS_REGION")
                .hasMessageContaining("Region=us-east-1")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08001");
    }

    @Test
    void endpointsGetHttpsWhenNoSchemeIsGiven() throws SQLException {
        ConnectionConfig config = config("EndpointOverride=127.0.0.1:4566;AthenaEndpoint=http://localhost:1");
        assertThat(config.endpoint(ConnectionProperty.ENDPOINT_OVERRIDE)).contains(URI.create("https://127.0.0.1:4566"));
        assertThat(config.endpoint(ConnectionProperty.ATHENA_ENDPOINT)).contains(URI.create("http://localhost:1"));
        assertThat(config.endpoint(ConnectionProperty.GLUE_ENDPOINT)).isEmpty();
    }

    @Test
    void s3ReadAheadIsInWholePartsOf8MiBWithFourByDefault() throws SQLException {
        assertThat(config("").s3ReadAheadMB()).isEqualTo(32);
        assertThat(ai.connecty.athena.jdbc.execution.QuerySettings.from(config("")).s3ReadAheadParts()).isEqualTo(4);
        for (String[] mibAndParts : new String[][] {{"8", "1"}, {"15", "1"}, {"16", "2"}, {"32", "4"}, {"256", "32"}}) {
            ConnectionConfig config = config("S3ReadAheadMB=" + mibAndParts[0]);
            assertThat(ai.connecty.athena.jdbc.execution.QuerySettings.from(config).s3ReadAheadParts())
                    .as(mibAndParts[0]).isEqualTo(Integer.parseInt(mibAndParts[1]));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "7", "257", "-8", "lots"})
    void anS3ReadAheadOutsideItsRangeIsRefusedNamingTheKeyAndTheRange(String value) {
        assertThatThrownBy(() -> config("S3ReadAheadMB=" + value)).isInstanceOf(SQLNonTransientConnectionException.class)
                .hasMessageContaining("S3ReadAheadMB").hasMessageContaining("'" + value + "'")
                .hasMessageContaining("from 8 to 256")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08001");
    }

    @Test
    void metadataCacheTtlIsInEffectWithADefaultForTreeViews() throws SQLException {
        ConnectionConfig config = config("MetadataCacheTtlSeconds=300");
        assertThat(config.metadataCacheTtlSeconds()).isEqualTo(300);
        assertThat(config.warnings()).isEmpty();
        assertThat(config("").metadataCacheTtlSeconds()).isEqualTo(60);
        assertThat(config("").validateCredentials()).isTrue();
        assertThat(config("ValidateCredentials=false").validateCredentials()).isFalse();
    }

    @Test
    void onlyTheStreamingFetcherThisDriverDoesNotHaveIsAcceptedWithAWarning() throws SQLException {
        assertThat(config("ResultFetcher=GetQueryResultsStream").warnings()).extracting(SQLWarning::getMessage)
                .containsExactly("ResultFetcher=GetQueryResultsStream is accepted, but this driver reads those results "
                        + "through GetQueryResults");
        assertThat(config("ResultFetcher=s3").warnings()).isEmpty();
        assertThat(config("ResultFetcher=auto").warnings()).isEmpty();
        assertThat(config("ResultFetcher=GetQueryResults").warnings()).isEmpty();
    }

    @Test
    void roleOnlySettingsWithoutRoleArnWarn() throws SQLException {
        assertThat(config("ExternalId=abc").warnings()).extracting(SQLWarning::getMessage)
                .containsExactly("Connection property ExternalId has no effect without RoleArn");
    }

    @Test
    void httpsOutputLocationRewriteIsReportedAsWarning() throws SQLException {
        ConnectionConfig config = config("OutputLocation=https://s3.amazonaws.com/analytics-prod/athena/results/");
        assertThat(config.outputLocation()).contains("s3://analytics-prod/athena/results/");
        assertThat(config.warnings()).hasSize(1);
    }

    @Test
    void secretsNeverAppearInToStringOrErrors() throws SQLException {
        ConnectionConfig config = config("User=AKIAIOSFODNN7EXAMPLE;Password=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY;"
                + "SessionToken=TOKEN123456;ProxyHost=proxy;ProxyUsername=pu;ProxyPassword=PROXYSECRET");
        assertThat(config.toString())
                .contains("user=AKIAIOSFODNN7EXAMPLE", "password=****", "SessionToken=****", "ProxyPassword=****",
                        "Region=us-east-1")
                .doesNotContain("wJalrXUtnFEMI", "TOKEN123456", "PROXYSECRET");
        assertThat(config.secretAccessKey()).contains("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        assertThat(error("Password=hunter2;Password=other3").getMessage())
                .doesNotContain("hunter2").doesNotContain("other3");
    }

    @Test
    void everyPropertyHasADescriptionAndCanonicalNamesAreUnique() {
        for (ConnectionProperty property : ConnectionProperty.values()) {
            assertThat(property.description()).as(property.propertyName()).isNotBlank();
            assertThat(ConnectionProperty.byName(property.propertyName())).contains(property);
            for (String alias : property.aliases()) {
                assertThat(ConnectionProperty.byName(alias.toUpperCase())).contains(property);
            }
            if (property.type() == PropertyType.CHOICE && property.defaultValue().isPresent()) {
                assertThat(property.choices()).contains(property.defaultValue().get());
            }
        }
    }

    @Test
    void contractNamesAndAliasesExist() {
        String[] names = {"Region", "AwsRegion", "WorkGroup", "OutputLocation", "S3OutputLocation", "s3_staging_dir",
                "Catalog", "Database", "Schema", "User", "AccessKeyId", "Password", "SecretAccessKey", "SessionToken",
                "CredentialsProvider", "AWSCredentialsProviderClass", "ProfileName", "ResultFetcher", "FetchSize",
                "RowsToFetchPerBlock", "MinQueryExecutionPollingIntervalMillis", "MinQueryExecutionPollingInterval",
                "MaxQueryExecutionPollingIntervalMillis", "MaxQueryExecutionPollingInterval",
                "QueryExecutionPollingIntervalMultiplier", "EncryptionOption", "S3OutputEncOption", "KmsKey",
                "S3OutputEncKMSKey", "ExpectedBucketOwner", "AclOption", "EnableResultReuseByAge",
                "MaxResultReuseAgeInMinutes", "NumRetries", "MaxErrorRetry", "NetworkTimeoutMillis",
                "ApplicationName", "ProxyHost", "ProxyPort", "ProxyUsername", "ProxyUID", "ProxyPassword", "ProxyPWD",
                "ConnectionTest", "AthenaEndpoint", "S3Endpoint", "StsEndpoint", "StsEndpointOverride", "RoleArn",
                "RoleSessionName", "ExternalId", "RoleSessionDuration", "GlueEndpoint", "EndpointOverride",
                "MetadataRetrievalMethod", "MetadataCacheTtlSeconds", "ValidateCredentials", "S3ReadAheadMB"};
        for (String name : names) {
            assertThat(ConnectionProperty.byName(name)).as(name).isPresent();
        }
        // Ours means every service; it must not be an alias of the Athena endpoint as in the official driver.
        assertThat(ConnectionProperty.byName("EndpointOverride")).contains(ConnectionProperty.ENDPOINT_OVERRIDE);
    }

    @Test
    void aRoleSessionNameIsKeptAsWritten() throws SQLException {
        assertThat(config("RoleArn=arn:aws:iam::123456789012:role/r;RoleSessionName=etl-nightly").roleSessionName())
                .isEqualTo("etl-nightly");
    }

    @Test
    void equalPollingIntervalsAreAFixedInterval() throws SQLException {
        ConnectionConfig fixed = config("MinQueryExecutionPollingIntervalMillis=500;MaxQueryExecutionPollingIntervalMillis=500");
        assertThat(fixed.minPollingIntervalMillis()).isEqualTo(500);
        assertThat(fixed.maxPollingIntervalMillis()).isEqualTo(500);

        assertThat((Throwable) error("MinQueryExecutionPollingIntervalMillis=501;MaxQueryExecutionPollingIntervalMillis=500"))
                .isInstanceOf(SQLNonTransientConnectionException.class)
                .hasMessage("MinQueryExecutionPollingIntervalMillis (501) is greater than MaxQueryExecutionPollingIntervalMillis"
                        + " (500): make the minimum at most the maximum");
    }

    @Test
    void credentialsProviderArgumentsNeedAProviderClass() throws SQLException {
        assertThat(config("CredentialsProvider=com.example.TokenProvider;CredentialsProviderArguments=a, b")
                .credentialsProviderArguments()).containsExactly("a", "b");
        for (String tail : new String[] {"CredentialsProviderArguments=a",
                "CredentialsProvider=ProfileCredentials;CredentialsProviderArguments=a"}) {
            SQLException e = error(tail);
            assertThat(e.getSQLState()).as(tail).isEqualTo("08001");
            assertThat((Throwable) e).as(tail).hasMessage("CredentialsProviderArguments only applies with CredentialsProvider set to"
                    + " the name of a provider class (e.g. CredentialsProvider=com.example.TokenProvider): set it, or"
                    + " remove CredentialsProviderArguments");
        }
    }

    @Test
    void aProxyPortIsOneTo65535() throws SQLException {
        assertThat(config("ProxyHost=proxy.example.com:1").proxyHost()).contains("proxy.example.com:1");
        assertThat(config("ProxyHost=http://proxy.example.com:65535").proxyHost()).isPresent();
        for (String host : new String[] {"proxy.example.com:0", "http://proxy.example.com:65536"}) {
            assertThat((Throwable) error("ProxyHost=" + host)).as(host).hasMessage("Invalid value '" + host + "' for connection"
                    + " property ProxyHost: expected host, host:port or an http:// or https:// URL of the proxy, e.g."
                    + " http://proxy.example.com:3128");
        }
    }

    /** An '@' first (an empty user name) is still user information: refused, the value not shown. */
    @Test
    void userInformationIsRefusedEvenWhenItIsEmpty() {
        SQLException proxy = error("ProxyHost=@proxy.example.com:3128");
        assertThat(proxy.getSQLState()).isEqualTo("08001");
        assertThat((Throwable) proxy).hasMessageStartingWith("ProxyHost must not carry a user name or password (the value is not shown)")
                .hasMessageNotContaining("@proxy");
        SQLException endpoint = error("EndpointOverride=@athena.example.com");
        assertThat(endpoint.getSQLState()).isEqualTo("08001");
        assertThat((Throwable) endpoint).hasMessageStartingWith("EndpointOverride must not carry a user name or password (the value is"
                + " not shown)").hasMessageNotContaining("@athena");
    }

    /** A first fragment shaped like a host is the endpoint, refused as one when it is none: the message names it. */
    @Test
    void aHostSegmentThatIsNoHostIsRefusedAsTheAthenaEndpoint() {
        SQLException e = catchThrowableOfType(SQLException.class, () -> ConnectionConfig.from(PropertySettings.resolve(
                ConnectionUrl.PREFIX + ".athena.example.com;Region=us-east-1", new Properties()), Optional::empty));
        assertThat(e.getSQLState()).isEqualTo("08001");
        assertThat((Throwable) e).hasMessageStartingWith("Invalid value '.athena.example.com' for connection property"
                + " AthenaEndpoint: ");
    }
}
