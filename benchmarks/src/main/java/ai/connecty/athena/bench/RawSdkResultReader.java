package ai.connecty.athena.bench;

import ai.connecty.athena.local.LocalAthena;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecutionStatus;
import software.amazon.awssdk.services.athena.model.Row;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * The baseline: the AWS SDK alone, as a hand-written program would read the result. The same flow as the
 * driver's URL (the service account's key assumes the role through STS; the same endpoint, region, workgroup
 * and output location; the same Apache 5 HTTP client), the driver's default polling delays, then a
 * GetQueryResults loop with MaxResults 1000 that reads every Datum. No java.sql, no type conversion, no
 * fetching ahead: what is left of the driver's time beyond this is the driver's own cost (or gain).
 */
final class RawSdkResultReader implements ResultReader {
    private static final int MAX_RESULTS = 1000;
    private static final long FIRST_POLL_DELAY_MILLIS = 100;
    private static final long MAX_POLL_DELAY_MILLIS = 5000;

    private final SdkHttpClient http;
    private final StsClient sts;
    private final StsAssumeRoleCredentialsProvider credentials;
    private final AthenaClient athena;
    /** Characters read by the last run: stored so that the JIT cannot drop the reading of values nobody uses. */
    private long charactersRead;

    RawSdkResultReader(LocalAthena local) {
        http = Apache5HttpClient.create();
        Region region = Region.of(LocalAthena.REGION);
        sts = StsClient.builder().httpClient(http).region(region).endpointOverride(local.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        LocalAthena.SERVICE_ACCOUNT_KEY_ID, LocalAthena.SERVICE_ACCOUNT_SECRET)))
                .build();
        credentials = StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
                .refreshRequest(r -> r.roleArn(LocalAthena.ROLE_ARN).roleSessionName("raw-sdk-benchmark"))
                .build();
        athena = AthenaClient.builder().httpClient(http).region(region).endpointOverride(local.endpoint())
                .credentialsProvider(credentials).build();
    }

    @Override
    public long readAll(String sql) throws InterruptedException {
        String id = athena.startQueryExecution(r -> r.queryString(sql).workGroup("primary")
                .resultConfiguration(c -> c.outputLocation("s3://" + LocalAthena.RESULTS_BUCKET + "/"))).queryExecutionId();
        awaitSuccess(id);
        long rows = 0;
        long characters = 0;
        String token = null;
        do {
            String pageToken = token;
            GetQueryResultsResponse page = athena.getQueryResults(r -> r.queryExecutionId(id).nextToken(pageToken)
                    .maxResults(MAX_RESULTS));
            for (Row row : page.resultSet().rows()) {
                for (Datum datum : row.data()) {
                    String value = datum.varCharValue();
                    characters += value == null ? 0 : value.length();
                }
                rows++;
            }
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        charactersRead = characters;
        return rows - 1; // the header row of a SELECT
    }

    private void awaitSuccess(String id) throws InterruptedException {
        long delay = FIRST_POLL_DELAY_MILLIS;
        while (true) {
            QueryExecutionStatus status = athena.getQueryExecution(r -> r.queryExecutionId(id)).queryExecution().status();
            switch (status.state()) {
                case SUCCEEDED:
                    return;
                case FAILED:
                case CANCELLED:
                    throw new IllegalStateException("Query " + id + " ended " + status.state() + ": " + status.stateChangeReason());
                default:
                    Thread.sleep(delay);
                    delay = Math.min(delay * 2, MAX_POLL_DELAY_MILLIS);
            }
        }
    }

    @Override
    public void close() {
        athena.close();
        credentials.close();
        sts.close();
        http.close();
    }
}
