package ai.connecty.athena.jdbc.execution;

import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.jdbc.config.ConnectionConfig;
import ai.connecty.athena.jdbc.rows.ResultFetcher;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every connection property a query is started with reaches {@link QuerySettings}, and a request keeps its own. */
class QuerySettingsTest {

    @Test
    void everyQueryPropertyOfTheConnectionIsKept() throws SQLException {
        ConnectionConfig config = ConnectionConfig.parse("jdbc:connecty-athena://Region=us-east-1;WorkGroup=analytics;"
                + "Catalog=lakehouse;Database=sales;OutputLocation=s3://results-bucket/p/;EncryptionOption=SSE_KMS;KmsKey=k-1;"
                + "ExpectedBucketOwner=123456789012;AclOption=BUCKET_OWNER_FULL_CONTROL;EnableResultReuseByAge=true;"
                + "MaxResultReuseAgeInMinutes=15;MinQueryExecutionPollingIntervalMillis=20;"
                + "MaxQueryExecutionPollingIntervalMillis=900;QueryExecutionPollingIntervalMultiplier=3;FetchSize=250;"
                + "ResultFetcher=S3;S3ReadAheadMB=16", new Properties());

        QuerySettings settings = QuerySettings.from(config);

        assertThat(settings.workGroup()).isEqualTo("analytics");
        assertThat(settings.catalog()).isEqualTo("lakehouse");
        assertThat(settings.database()).isEqualTo("sales");
        assertThat(settings.outputLocation()).contains("s3://results-bucket/p/");
        assertThat(settings.encryptionOption()).contains("SSE_KMS");
        assertThat(settings.kmsKey()).contains("k-1");
        assertThat(settings.expectedBucketOwner()).contains("123456789012");
        assertThat(settings.aclOption()).contains("BUCKET_OWNER_FULL_CONTROL");
        assertThat(settings.resultReuseEnabled()).isTrue();
        assertThat(settings.resultReuseMaxAgeMinutes()).isEqualTo(15);
        assertThat(settings.pollingSchedule().minMillis()).isEqualTo(20);
        assertThat(settings.pollingSchedule().maxMillis()).isEqualTo(900);
        assertThat(settings.pollingSchedule().multiplier()).isEqualTo(3.0);
        assertThat(settings.fetchSize()).isEqualTo(250);
        assertThat(settings.resultFetcher()).isEqualTo(ResultFetcher.S3);
        assertThat(settings.s3ReadAheadParts()).isEqualTo(2);
    }

    @Test
    void theBuildersDefaultsAreTheProducts() {
        QuerySettings settings = QuerySettings.builder().build();

        assertThat(settings.workGroup()).isEqualTo("primary");
        assertThat(settings.catalog()).isEqualTo("AwsDataCatalog");
        assertThat(settings.database()).isEqualTo("default");
        assertThat(settings.outputLocation()).isEmpty();
        assertThat(settings.encryptionOption()).isEmpty();
        assertThat(settings.kmsKey()).isEmpty();
        assertThat(settings.resultReuseEnabled()).isFalse();
        assertThat(settings.resultReuseMaxAgeMinutes()).isEqualTo(60);
        assertThat(settings.pollingSchedule().minMillis()).isEqualTo(65);
        assertThat(settings.pollingSchedule().maxMillis()).isEqualTo(5000);
        assertThat(settings.pollingSchedule().multiplier()).isEqualTo(2.2);
        assertThat(settings.fetchSize()).isZero();
        assertThat(settings.resultFetcher()).isEqualTo(ResultFetcher.AUTO);
        assertThat(settings.s3ReadAheadParts()).isEqualTo(4);
    }

    @Test
    void aRequestKeepsItsOwnContextTimeoutAndPageSize() {
        QueryRequest request = QueryRequest.of("SELECT ?", "lakehouse", "sales", 30, 0);
        QueryRequest withParameters = request.withExecutionParameters(List.of("'x'"));

        assertThat(request.executionParameters()).isEmpty();
        assertThat(request.pageSize()).isEqualTo(1000);
        assertThat(QueryRequest.of("SELECT 1", "c", "d", 0, 200).pageSize()).isEqualTo(200);
        assertThat(withParameters.sql()).isEqualTo("SELECT ?");
        assertThat(withParameters.catalog()).isEqualTo("lakehouse");
        assertThat(withParameters.database()).isEqualTo("sales");
        assertThat(withParameters.timeoutSeconds()).isEqualTo(30);
        assertThat(withParameters.pageSize()).isEqualTo(1000);
        assertThat(withParameters.executionParameters()).containsExactly("'x'");
        // No SQL text and no values in logs.
        assertThat(withParameters.toString()).doesNotContain("SELECT").doesNotContain("'x'").contains("parameters=1")
                .contains("catalog=lakehouse").contains("database=sales").contains("timeoutSeconds=30")
                .contains("pageSize=1000");
    }
}
