package ai.connecty.athena.local.control;

import ai.connecty.athena.local.api.QueryFaults;
import java.util.Optional;
import java.util.SplittableRandom;

/** The active fault plan and its seeded random source. Thread-safe. */
public final class Faults implements QueryFaults {

    private FaultPlan plan = FaultPlan.NONE;
    private SplittableRandom random = new SplittableRandom(0);

    public synchronized void set(FaultPlan newPlan) {
        plan = newPlan == null ? FaultPlan.NONE : newPlan;
        random = new SplittableRandom(plan.seed());
    }

    public synchronized void clear() {
        set(FaultPlan.NONE);
    }

    public synchronized FaultPlan plan() {
        return plan;
    }

    /** Rolls the dice for one request of {@code service}/{@code action}. */
    public synchronized FaultDecision decide(String service, String action) {
        Optional<FaultRule> rule = firstMatch(service, action);
        if (rule.isEmpty()) {
            return FaultDecision.NONE;
        }
        FaultRule r = rule.get();
        boolean throttle = r.throttleRate() != null && random.nextDouble() < r.throttleRate();
        boolean error = !throttle && r.errorRate() != null && random.nextDouble() < r.errorRate();
        return new FaultDecision(r.latencyMillis() == null ? 0 : r.latencyMillis(), throttle, error, r.dropAfterBytes());
    }

    /** The {@code credentialSeconds} of the rule matching {@code sts}/{@code AssumeRole}, if any. */
    public synchronized Optional<Long> credentialSeconds() {
        return firstMatch("sts", "AssumeRole").map(FaultRule::credentialSeconds);
    }

    /** The largest {@code queryMillis} among the rules for the athena service (whatever their action). */
    @Override
    public synchronized long extraQueryMillis() {
        return plan.rules().stream().filter(r -> r.matchesService("athena") && r.queryMillis() != null)
                .mapToLong(FaultRule::queryMillis).max().orElse(0L);
    }

    private Optional<FaultRule> firstMatch(String service, String action) {
        return plan.rules().stream().filter(r -> r.matches(service, action)).findFirst();
    }
}
