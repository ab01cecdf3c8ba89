package ai.connecty.athena.jdbc.aws;

import java.time.Duration;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;

/**
 * Connection.setNetworkTimeout as every SDK request of the driver carries it: each HTTP attempt is bounded, and
 * one that runs out is retried like a network failure. A per-request override, because the timeout changes while
 * the connection's SDK clients (and their HTTP client's socket timeout) stay as they were built.
 */
public final class AttemptTimeout {
    private AttemptTimeout() {
    }

    /** The override for a request under a network timeout of {@code millis}; null for 0 (the clients' own timeouts). */
    public static AwsRequestOverrideConfiguration of(int millis) {
        return millis <= 0 ? null
                : AwsRequestOverrideConfiguration.builder().apiCallAttemptTimeout(Duration.ofMillis(millis)).build();
    }

    /**
     * {@code attempts} (an override from {@link #of}, or null) with the whole call, its retries and their backoff
     * included, limited to {@code callMillis} (what is left of a query timeout); 0 or less leaves the call unlimited.
     * The SDK then aborts the call in flight and raises {@code ApiCallTimeoutException}.
     */
    public static AwsRequestOverrideConfiguration withCallLimit(AwsRequestOverrideConfiguration attempts, long callMillis) {
        if (callMillis <= 0) {
            return attempts;
        }
        AwsRequestOverrideConfiguration.Builder builder = attempts == null ? AwsRequestOverrideConfiguration.builder()
                : attempts.toBuilder();
        return builder.apiCallTimeout(Duration.ofMillis(callMillis)).build();
    }
}
