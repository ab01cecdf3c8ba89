package ai.connecty.athena.local.control;

import java.util.List;

/**
 * What to break: {@code {"seed": 1, "rules": [...]}}. The seed drives every random choice, so a failing
 * test can be replayed. For each request the first matching rule applies.
 */
public record FaultPlan(Long seed, List<FaultRule> rules) {

    public static final FaultPlan NONE = new FaultPlan(0L, List.of());

    public FaultPlan {
        seed = seed == null ? 0L : seed;
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    public static FaultPlan of(long seed, FaultRule... rules) {
        return new FaultPlan(seed, List.of(rules));
    }
}
