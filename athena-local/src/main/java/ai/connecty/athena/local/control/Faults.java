package ai.connecty.athena.local.control;

import ai.connecty.athena.local.api.QueryFaults;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The active fault plan. Thread-safe, and deterministic under concurrency: the n-th request that a rule matches
 * gets a fate computed from the seed, the rule's position and n alone, so a seeded plan replays the same sequence
 * of faults per rule whichever threads send the requests and in whatever order they interleave.
 */
public final class Faults implements QueryFaults {

    /** Separate streams per decision, so that a latency roll never shifts a throttle roll. */
    private static final long FAILURE_STREAM = 1;
    private static final long LATENCY_STREAM = 2;
    private static final long DROP_STREAM = 3;

    private volatile Active active = new Active(FaultPlan.NONE);

    private record Active(FaultPlan plan, AtomicLongArray matched) {
        Active(FaultPlan plan) {
            this(plan, new AtomicLongArray(plan.rules().size()));
        }
    }

    public synchronized void set(FaultPlan newPlan) {
        active = new Active(newPlan == null ? FaultPlan.NONE : newPlan);
    }

    public synchronized void clear() {
        set(FaultPlan.NONE);
    }

    public FaultPlan plan() {
        return active.plan();
    }

    /** Decides the fate of one request of {@code service}/{@code action}. */
    public FaultDecision decide(String service, String action) {
        Active current = active;
        int index = firstMatch(current.plan(), service, action);
        if (index < 0) {
            return FaultDecision.NONE;
        }
        FaultRule r = current.plan().rules().get(index);
        long n = current.matched().getAndIncrement(index);
        long seed = current.plan().seed();
        // One roll for both failures: throttled below throttleRate, failed in the next errorRate, so each
        // happens at exactly the rate asked for.
        double failure = unit(seed, index, n, FAILURE_STREAM);
        double throttleRate = r.throttleRate() == null ? 0 : r.throttleRate();
        double errorRate = r.errorRate() == null ? 0 : r.errorRate();
        boolean throttle = failure < throttleRate;
        boolean error = !throttle && failure < throttleRate + errorRate;
        boolean delayed = r.latencyMillis() != null && hits(r.latencyRate(), seed, index, n, LATENCY_STREAM);
        boolean dropped = r.dropAfterBytes() != null && hits(r.dropRate(), seed, index, n, DROP_STREAM);
        return new FaultDecision(delayed ? r.latencyMillis() : 0, throttle, error, dropped ? r.dropAfterBytes() : null);
    }

    private static boolean hits(Double rate, long seed, int rule, long n, long stream) {
        return rate == null || unit(seed, rule, n, stream) < rate;
    }

    /** A uniform value in [0, 1) that depends only on its arguments (SplitMix64 finaliser over a combined key). */
    static double unit(long seed, int rule, long n, long stream) {
        long z = seed * 0x9E3779B97F4A7C15L + rule;
        z = mix(z) + n * 0xBF58476D1CE4E5B9L;
        z = mix(z) + stream * 0x94D049BB133111EBL;
        return (mix(z) >>> 11) * 0x1.0p-53;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The {@code credentialSeconds} of the rule matching {@code sts}/{@code AssumeRole}, if any. */
    public Optional<Long> credentialSeconds() {
        return credentialSeconds("sts", "AssumeRole");
    }

    /**
     * The {@code credentialSeconds} of the rule matching a call that issues credentials ({@code sts}/{@code
     * AssumeRoleWithWebIdentity}, {@code sso}/{@code GetRoleCredentials}), if any.
     */
    public Optional<Long> credentialSeconds(String service, String action) {
        FaultPlan plan = active.plan();
        int index = firstMatch(plan, service, action);
        return index < 0 ? Optional.empty() : Optional.ofNullable(plan.rules().get(index).credentialSeconds());
    }

    /** The largest {@code queryMillis} among the rules for the athena service (whatever their action). */
    @Override
    public long extraQueryMillis() {
        return active.plan().rules().stream().filter(r -> r.matchesService("athena") && r.queryMillis() != null)
                .mapToLong(FaultRule::queryMillis).max().orElse(0L);
    }

    private static int firstMatch(FaultPlan plan, String service, String action) {
        for (int i = 0; i < plan.rules().size(); i++) {
            if (plan.rules().get(i).matches(service, action)) {
                return i;
            }
        }
        return -1;
    }
}
