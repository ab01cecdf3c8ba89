package ai.connecty.athena.jdbc.aws;

import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * How every SDK client of the driver (Athena, Glue, S3, STS) retries throttling, 5xx and network failures: the
 * SDK's standard strategy (exponential backoff with full jitter, a longer base delay for throttling, AWS's
 * throttling codes recognised) with more attempts than the SDK's default of 3, and without its retry quota.
 *
 * <p>Why: a BI tool fires hundreds of queries at once and Athena throttles; each query makes several calls
 * (StartQueryExecution, a few GetQueryExecution, GetQueryResults pages), so with 20% throttling and 5% server
 * errors on every call, 3 attempts lose about one query in a hundred. The retry quota (a token bucket per client
 * that stops retrying once many calls failed) turns a burst of throttling into failed queries, which for a
 * JDBC user is worse than waiting; the jittered backoff already spreads the retries. Retrying is safe: a
 * StartQueryExecution resent carries the same ClientRequestToken, so Athena never runs a query twice.
 */
public final class RetryPolicy {
    private RetryPolicy() {
    }

    /** @param numRetries the NumRetries property: retries after the first attempt */
    public static RetryStrategy strategy(int numRetries) {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(numRetries + 1)
                .circuitBreakerEnabled(false)
                .build();
    }
}
