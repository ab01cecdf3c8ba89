package ai.connecty.athena.local.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class FaultsTest {
    private static final int REQUESTS = 20_000;

    private record Tally(int throttled, int failed, int delayed, int dropped) {
        Tally plus(FaultDecision d) {
            return new Tally(throttled + (d.throttle() ? 1 : 0), failed + (d.error() ? 1 : 0),
                    delayed + (d.latencyMillis() > 0 ? 1 : 0), dropped + (d.dropAfterBytes() != null ? 1 : 0));
        }

        Tally plus(Tally t) {
            return new Tally(throttled + t.throttled, failed + t.failed, delayed + t.delayed, dropped + t.dropped);
        }
    }

    private static FaultRule everything() {
        return FaultRule.forAction("*", "*").withThrottleRate(0.2).withErrorRate(0.05).withLatencyMillis(5)
                .withLatencyRate(0.1).withDropAfterBytes(10).withDropRate(0.03);
    }

    private static Tally run(Faults faults, int requests) {
        Tally tally = new Tally(0, 0, 0, 0);
        for (int i = 0; i < requests; i++) {
            tally = tally.plus(faults.decide("athena", "GetQueryExecution"));
        }
        return tally;
    }

    @Test
    void eachFaultHappensAtTheRateAskedForEvenWithThrottlingOn() {
        Faults faults = new Faults();
        faults.set(FaultPlan.of(7, everything()));

        Tally tally = run(faults, REQUESTS);

        // Before, errors were drawn only among the requests not throttled: 0.8 * 0.05 = 4 %, not 5 %.
        assertThat(tally.failed() / (double) REQUESTS).isBetween(0.045, 0.055);
        assertThat(tally.throttled() / (double) REQUESTS).isBetween(0.19, 0.21);
        assertThat(tally.delayed() / (double) REQUESTS).isBetween(0.09, 0.11);
        assertThat(tally.dropped() / (double) REQUESTS).isBetween(0.025, 0.035);
    }

    @Test
    void withoutRatesLatencyAndDropsHitEveryMatchingRequestAsBefore() {
        Faults faults = new Faults();
        faults.set(FaultPlan.of(7, FaultRule.forAction("s3", "GetObject").withLatencyMillis(1).withDropAfterBytes(10)));

        Tally tally = new Tally(0, 0, 0, 0);
        for (int i = 0; i < 100; i++) {
            tally = tally.plus(faults.decide("s3", "GetObject"));
        }
        assertThat(tally.delayed()).isEqualTo(100);
        assertThat(tally.dropped()).isEqualTo(100);
        assertThat(faults.decide("s3", "PutObject")).isEqualTo(FaultDecision.NONE);
    }

    @Test
    void aSeededPlanReplaysTheSameFaultsUnderConcurrency() throws Exception {
        Faults faults = new Faults();
        FaultPlan plan = FaultPlan.of(11, everything());
        faults.set(plan);
        Tally sequential = run(faults, REQUESTS);

        faults.set(plan);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Tally>> parts = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                Callable<Tally> part = () -> run(faults, REQUESTS / 8);
                parts.add(pool.submit(part));
            }
            Tally concurrent = new Tally(0, 0, 0, 0);
            for (Future<Tally> part : parts) {
                concurrent = concurrent.plus(part.get());
            }
            assertThat(concurrent).isEqualTo(sequential);
        } finally {
            pool.shutdownNow();
        }
        faults.set(FaultPlan.of(12, everything()));
        assertThat(run(faults, REQUESTS)).isNotEqualTo(sequential);
    }

    @Test
    void ratesAreReadFromJsonAndOldPlansStillParse() throws Exception {
        ObjectMapper json = new ObjectMapper();
        FaultPlan old = json.readValue("{\"seed\":3,\"rules\":[{\"service\":\"athena\",\"latencyMillis\":40,"
                + "\"throttleRate\":0.2}]}", FaultPlan.class);
        assertThat(old.rules().get(0).latencyRate()).isNull();
        FaultPlan rated = json.readValue("{\"rules\":[{\"latencyMillis\":40,\"latencyRate\":0.5,"
                + "\"dropAfterBytes\":100,\"dropRate\":0.25}]}", FaultPlan.class);
        assertThat(rated.rules().get(0).latencyRate()).isEqualTo(0.5);
        assertThat(rated.rules().get(0).dropRate()).isEqualTo(0.25);
        assertThat(json.writeValueAsString(old)).doesNotContain("latencyRate").doesNotContain("dropRate");
    }

    @Test
    void impossibleRatesAreRefused() {
        assertThatThrownBy(() -> FaultRule.forAction("*", "*").withThrottleRate(0.7).withErrorRate(0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("throttleRate + errorRate");
        assertThatThrownBy(() -> FaultRule.forAction("*", "*").withDropRate(1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dropRate");
    }
}
