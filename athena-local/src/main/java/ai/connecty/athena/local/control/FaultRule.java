package ai.connecty.athena.local.control;

import ai.connecty.athena.local.auth.Wildcard;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One fault rule. Every field is optional; {@code service} and {@code action} default to {@code *} and
 * accept {@code *} wildcards.
 *
 * @param latencyMillis      sleep before handling a matching request (every one, or {@code latencyRate} of them)
 * @param throttleRate       probability (0..1) of answering with the service's throttling error
 * @param errorRate          probability (0..1) of answering with the service's internal error (500); throttling and
 *                           errors are drawn from one roll, so each happens at its own rate (their sum at most 1)
 * @param dropAfterBytes     send the full Content-Length but only this many body bytes, then cut the connection
 *                           (every matching reply, or {@code dropRate} of them)
 * @param queryMillis        extra RUNNING time of every query (Athena rules only; the action is not consulted)
 * @param credentialSeconds  lifetime of credentials that a matching AssumeRole issues, overriding DurationSeconds
 * @param latencyRate        probability (0..1) that {@code latencyMillis} applies; absent: every matching request
 * @param dropRate           probability (0..1) that {@code dropAfterBytes} applies; absent: every matching reply
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FaultRule(String service, String action, Long latencyMillis, Double throttleRate, Double errorRate,
                        Long dropAfterBytes, Long queryMillis, Long credentialSeconds, Double latencyRate,
                        Double dropRate) {

    public FaultRule {
        requireNonNegative("latencyMillis", latencyMillis);
        requireNonNegative("dropAfterBytes", dropAfterBytes);
        requireNonNegative("queryMillis", queryMillis);
        requireRate("throttleRate", throttleRate);
        requireRate("errorRate", errorRate);
        requireRate("latencyRate", latencyRate);
        requireRate("dropRate", dropRate);
        if (throttleRate != null && errorRate != null && throttleRate + errorRate > 1) {
            throw new IllegalArgumentException("throttleRate + errorRate must not exceed 1, got "
                    + throttleRate + " + " + errorRate);
        }
        if (credentialSeconds != null && credentialSeconds < 1) {
            throw new IllegalArgumentException("credentialSeconds must be at least 1, got " + credentialSeconds);
        }
    }

    public static FaultRule forAction(String service, String action) {
        return new FaultRule(service, action, null, null, null, null, null, null, null, null);
    }

    /** The rule as it was before the rates of latency and drops existed: every matching request is hit. */
    public FaultRule(String service, String action, Long latencyMillis, Double throttleRate, Double errorRate,
                     Long dropAfterBytes, Long queryMillis, Long credentialSeconds) {
        this(service, action, latencyMillis, throttleRate, errorRate, dropAfterBytes, queryMillis, credentialSeconds,
                null, null);
    }

    public FaultRule withLatencyMillis(long v) {
        return new FaultRule(service, action, v, throttleRate, errorRate, dropAfterBytes, queryMillis, credentialSeconds,
                latencyRate, dropRate);
    }

    public FaultRule withThrottleRate(double v) {
        return new FaultRule(service, action, latencyMillis, v, errorRate, dropAfterBytes, queryMillis, credentialSeconds,
                latencyRate, dropRate);
    }

    public FaultRule withErrorRate(double v) {
        return new FaultRule(service, action, latencyMillis, throttleRate, v, dropAfterBytes, queryMillis, credentialSeconds,
                latencyRate, dropRate);
    }

    public FaultRule withDropAfterBytes(long v) {
        return new FaultRule(service, action, latencyMillis, throttleRate, errorRate, v, queryMillis, credentialSeconds,
                latencyRate, dropRate);
    }

    public FaultRule withQueryMillis(long v) {
        return new FaultRule(service, action, latencyMillis, throttleRate, errorRate, dropAfterBytes, v, credentialSeconds,
                latencyRate, dropRate);
    }

    public FaultRule withCredentialSeconds(long v) {
        return new FaultRule(service, action, latencyMillis, throttleRate, errorRate, dropAfterBytes, queryMillis, v,
                latencyRate, dropRate);
    }

    public FaultRule withLatencyRate(double v) {
        return new FaultRule(service, action, latencyMillis, throttleRate, errorRate, dropAfterBytes, queryMillis,
                credentialSeconds, v, dropRate);
    }

    public FaultRule withDropRate(double v) {
        return new FaultRule(service, action, latencyMillis, throttleRate, errorRate, dropAfterBytes, queryMillis,
                credentialSeconds, latencyRate, v);
    }

    boolean matches(String requestService, String requestAction) {
        return glob(service, requestService) && glob(action, requestAction);
    }

    boolean matchesService(String requestService) {
        return glob(service, requestService);
    }

    private static boolean glob(String pattern, String value) {
        return pattern == null || Wildcard.matches(pattern, value, true);
    }

    private static void requireNonNegative(String field, Long value) {
        if (value != null && value < 0) {
            throw new IllegalArgumentException(field + " must not be negative, got " + value);
        }
    }

    private static void requireRate(String field, Double value) {
        if (value != null && (value < 0 || value > 1 || value.isNaN())) {
            throw new IllegalArgumentException(field + " must be between 0 and 1, got " + value);
        }
    }
}
